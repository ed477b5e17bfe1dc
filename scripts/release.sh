#!/usr/bin/env bash
# release.sh: the release files (run by `make release`, which passes GO,
# DIST, VERSION, SOURCE_DATE_EPOCH and RELEASE_ARCHES).
#
# For each architecture it writes into $DIST:
#   gonsenter-linux-ARCH                  stripped static binary
#   gonsenter-VERSION-linux-ARCH.tar.gz   that binary, its nsenter and tcpdump
#                                         links and the man page
# and SHA256SUMS over all of them (`sha256sum -c SHA256SUMS` verifies).
#
# Reproducible: the same commit gives the same bytes on any machine with the
# same Go release, wherever the tree is checked out. The build is static
# (CGO_ENABLED=0), paths are trimmed, the Go build id is empty, VCS stamping is
# off (the version comes from git describe through -X instead), every
# GO<arch> level is pinned so no environment variable leaks in, and the
# tarballs have one mtime (the last commit's), owner 0 and sorted names,
# compressed without a name or time stamp.
set -euo pipefail
export LC_ALL=C # byte order for globs and sorting, whatever the caller's locale
cd "$(dirname "$0")/.."

GO=${GO:-go}
DIST=${DIST:-dist}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
RELEASE_ARCHES=${RELEASE_ARCHES:-amd64 arm64 armv7 386 riscv64 s390x ppc64le loong64}
PKG=github.com/gonsenter/gonsenter
stage= # the tarballs' staging directory, removed on exit

die() { echo "release.sh: $*" >&2; exit 1; }

# goenv prints the GOARCH and its level variable for a release name: the
# levels are Go's defaults, fixed here so that a GOAMD64=v3 (say) in the
# caller's environment cannot make a binary that some CPUs refuse.
goenv() {
	case $1 in
	amd64) echo GOARCH=amd64 GOAMD64=v1 ;;
	arm64) echo GOARCH=arm64 GOARM64=v8.0 ;;
	armv7) echo GOARCH=arm GOARM=7 ;;
	386) echo GOARCH=386 GO386=sse2 ;;
	riscv64) echo GOARCH=riscv64 GORISCV64=rva20u64 ;;
	s390x) echo GOARCH=s390x ;;
	ppc64le) echo GOARCH=ppc64le GOPPC64=power8 ;;
	loong64) echo GOARCH=loong64 ;;
	*) die "unknown architecture $1 (known: amd64 arm64 armv7 386 riscv64 s390x ppc64le loong64)" ;;
	esac
}

build() {
	local arch=$1 out=$2
	# shellcheck disable=SC2046 # goenv's words are separate assignments
	env CGO_ENABLED=0 GOOS=linux GOFLAGS='' $(goenv "$arch") \
		"$GO" build -trimpath -buildvcs=false \
		-ldflags "-s -w -buildid= -X $PKG/internal/version.Version=$VERSION" \
		-o "$out" ./cmd/gonsenter
}

# tarball packs gonsenter-VERSION-linux-ARCH/{gonsenter,nsenter,tcpdump,gonsenter.1}.
tarball() {
	local arch=$1 stage=$2 top="gonsenter-$VERSION-linux-$1"
	mkdir -p "$stage/$top"
	install -m 0755 "$DIST/gonsenter-linux-$arch" "$stage/$top/gonsenter"
	install -m 0644 man/gonsenter.1 "$stage/$top/gonsenter.1"
	ln -s gonsenter "$stage/$top/nsenter"
	ln -s gonsenter "$stage/$top/tcpdump"
	chmod 0755 "$stage/$top"
	tar --sort=name --format=ustar --mtime="@$SOURCE_DATE_EPOCH" \
		--owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$top" |
		gzip -9 -n >"$DIST/$top.tar.gz"
}

main() {
	[[ $VERSION =~ ^[A-Za-z0-9._+-]+$ ]] || die "VERSION $VERSION: letters, digits and ._+- only (it names files)"
	[[ $SOURCE_DATE_EPOCH =~ ^[0-9]+$ ]] || die "SOURCE_DATE_EPOCH $SOURCE_DATE_EPOCH is not a number of seconds"
	mkdir -p "$DIST"
	rm -f "$DIST"/gonsenter-linux-* "$DIST"/gonsenter-*-linux-*.tar.gz "$DIST/SHA256SUMS"
	local arch
	stage=$(mktemp -d)
	trap 'rm -rf "$stage"' EXIT
	for arch in $RELEASE_ARCHES; do
		goenv "$arch" >/dev/null
		build "$arch" "$DIST/gonsenter-linux-$arch"
		tarball "$arch" "$stage"
	done
	(cd "$DIST" && sha256sum -- gonsenter-linux-* gonsenter-*-linux-*.tar.gz) >"$DIST/SHA256SUMS.tmp"
	mv "$DIST/SHA256SUMS.tmp" "$DIST/SHA256SUMS"
	(cd "$DIST" && for arch in $RELEASE_ARCHES; do
		printf '%-8s %9d bytes  gonsenter-linux-%s\n' "$arch" "$(stat -c %s "gonsenter-linux-$arch")" "$arch"
	done)
	echo "release $VERSION (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH) in $DIST/: $(wc -l <"$DIST/SHA256SUMS") files in SHA256SUMS"
}

main "$@"
