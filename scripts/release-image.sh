#!/usr/bin/env bash
# release-image.sh: the release image, every architecture of the release in
# one multi-arch image, built offline from the binaries in $DIST (run by
# `make release-image`, after `make release`).
#
# The image is what Dockerfile.release describes (and what Dockerfile's
# final stage builds for the DaemonSet): FROM scratch, usr/local/bin/gonsenter
# with its nsenter, tcpdump and pause links, PATH set, pause as the command.
# No builder is needed for that: this script writes the image itself, so it
# works with no network, no buildx and any docker, and is reproducible like
# the binaries (fixed mtimes, owners, order and creation time):
#
#   $DIST/gonsenter-image-VERSION.tar   an OCI image layout (index.json: one
#       multi-arch index, tagged VERSION, of a manifest per platform) that
#       is also a `docker load` archive (manifest.json: IMAGE:VERSION-<arch>
#       for each architecture, with its platform in the image config).
#
# Publish it with any OCI tool, e.g.
#   skopeo copy --all oci-archive:dist/gonsenter-image-VERSION.tar:VERSION docker://REGISTRY/gonsenter:VERSION
# or build the same image with BuildKit from the staged context $DIST/image/
# (Dockerfile.release and rootfs/linux-<arch>/) as Dockerfile.release shows.
# When a Docker daemon answers (and LOAD is not 0) the archive is loaded.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${DIST:-dist}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
RELEASE_ARCHES=${RELEASE_ARCHES:-amd64 arm64 armv7 386 riscv64 s390x ppc64le loong64}
IMAGE=${IMAGE:-gonsenter}
LOAD=${LOAD:-1}
# The image's environment and command: Dockerfile.release's ENV and CMD
# (tests/release checks that the three agree).
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
IMAGE_CMD=pause

die() { echo "release-image.sh: $*" >&2; exit 1; }

# platform prints the OCI architecture and variant of a release name.
platform() {
	case $1 in
	armv7) echo arm v7 ;;
	*) echo "$1" "" ;;
	esac
}

sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }

# blob moves file into blobs/sha256/ under its digest and prints the digest.
blob() {
	local d
	d=$(sha "$1")
	mv "$1" "$out/blobs/sha256/$d"
	echo "$d"
}

tarball() { # tarball DIR FILE: a reproducible tar of DIR's contents
	tar --sort=name --format=ustar --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 \
		--numeric-owner -C "$1" -cf "$2" .
}

# image writes one platform's layer, config and manifest; it prints the
# manifest's descriptor line "digest size arch variant layer config".
image() {
	local arch=$1 arch_oci variant root layer diffid ldigest cdigest mdigest created varjson=""
	read -r arch_oci variant <<<"$(platform "$arch")"
	[ -n "$variant" ] && varjson=",\"variant\":\"$variant\""
	root=$DIST/image/rootfs/linux-$arch
	mkdir -p "$root/usr/local/bin"
	install -m 0755 "$DIST/gonsenter-linux-$arch" "$root/usr/local/bin/gonsenter"
	for l in nsenter tcpdump pause; do
		ln -s gonsenter "$root/usr/local/bin/$l"
	done
	chmod 0755 "$root" "$root/usr" "$root/usr/local" "$root/usr/local/bin"
	layer=$work/layer-$arch.tar
	tarball "$root" "$layer"
	diffid=$(sha "$layer")
	gzip -9 -n "$layer"
	local lsize
	lsize=$(size "$layer.gz")
	ldigest=$(blob "$layer.gz")
	created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
	printf '{"architecture":"%s","os":"linux"%s,"created":"%s","config":{"Env":["PATH=%s"],"Cmd":["%s"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"%s","created_by":"make release-image (gonsenter %s)"}]}' \
		"$arch_oci" "$varjson" "$created" "$IMAGE_PATH" "$IMAGE_CMD" "$diffid" "$created" "$VERSION" >"$work/config"
	local csize
	csize=$(size "$work/config")
	cdigest=$(blob "$work/config")
	printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%d}]}' \
		"$cdigest" "$csize" "$ldigest" "$lsize" >"$work/manifest"
	local msize
	msize=$(size "$work/manifest")
	mdigest=$(blob "$work/manifest")
	echo "$mdigest $msize $arch_oci ${variant:--} $ldigest $cdigest"
}

main() {
	[[ $VERSION =~ ^[A-Za-z0-9._+-]+$ ]] || die "VERSION $VERSION: letters, digits and ._+- only"
	local arch
	for arch in $RELEASE_ARCHES; do
		[ -f "$DIST/gonsenter-linux-$arch" ] || die "$DIST/gonsenter-linux-$arch missing: run make release"
	done
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	# Dockerfile.release's build context, also for docker buildx.
	rm -rf "$DIST/image"
	mkdir -p "$DIST/image"
	cp Dockerfile.release "$DIST/image/Dockerfile"
	out=$work/oci
	mkdir -p "$out/blobs/sha256"
	local descs=() docker=() d m msize a v l c sep=""
	for arch in $RELEASE_ARCHES; do
		read -r m msize a v l c <<<"$(image "$arch")"
		d="{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$m\",\"size\":$msize,\"platform\":{\"architecture\":\"$a\",\"os\":\"linux\""
		[ "$v" != - ] && d+=",\"variant\":\"$v\""
		descs+=("$d}}")
		docker+=("{\"Config\":\"blobs/sha256/$c\",\"RepoTags\":[\"$IMAGE:$VERSION-$arch\"],\"Layers\":[\"blobs/sha256/$l\"]}")
	done
	local list="" dl=""
	for d in "${descs[@]}"; do list+="$sep$d" sep=","; done
	sep=""
	for d in "${docker[@]}"; do dl+="$sep$d" sep=","; done
	printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' "$list" >"$work/index"
	local isize idigest
	isize=$(size "$work/index")
	idigest=$(blob "$work/index")
	printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:%s","size":%d,"annotations":{"io.containerd.image.name":"%s:%s","org.opencontainers.image.ref.name":"%s"}}]}' \
		"$idigest" "$isize" "$IMAGE" "$VERSION" "$VERSION" >"$out/index.json"
	printf '{"imageLayoutVersion":"1.0.0"}' >"$out/oci-layout"
	printf '[%s]' "$dl" >"$out/manifest.json"
	local archive=$DIST/gonsenter-image-$VERSION.tar
	tarball "$out" "$archive.tmp"
	mv "$archive.tmp" "$archive"
	echo "release image $IMAGE:$VERSION ($(echo "$RELEASE_ARCHES" | wc -w) platforms): $archive, sha256 $(sha "$archive")"
	if [ "$LOAD" != 0 ] && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
		docker load -i "$archive"
	fi
}

work=
out=
main "$@"
