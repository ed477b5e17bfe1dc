#!/usr/bin/env bash
# cross-test.sh: gonsenter on the architectures users run it on (run by
# `make cross-test`, after `make release`, which passes GO, DIST, VERSION,
# RELEASE_ARCHES and CROSS_ARCHES).
#
#  1. The non-privileged test packages (getopt, the BPF compiler and
#     interpreter with their goldens, the pcap readers and writers, the
#     printer goldens, capture's -r paths, JSON and container-state parsers)
#     built for each of CROSS_ARCHES and run under qemu-user: go test -exec.
#  2. A smoke run of every release binary in $DIST under its emulator,
#     compared byte for byte with the amd64 binary run natively: --version,
#     --help, the nsenter and tcpdump links of its tarball, -r of every
#     capture (the project's and, when present, ../shared/testdata/pcaps)
#     printed and rewritten with -w, filters on -r, and -d/-ddd programs.
#     Big-endian s390x must give the same text and the same pcap bytes.
#
# No architecture is ever skipped: a missing emulator fails the run
# (Debian's qemu-user-static provides them all; binfmt_misc is not needed,
# each binary is started through its qemu explicitly). 386 runs on the
# kernel's IA32 compatibility layer when the host is x86_64: qemu-user 7.2's
# i386 target crashes every Go program on its first signal (async
# preemption's SIGURG, SIGCHLD of an exec'd tool: "morestack on gsignal").
#
# Prints one summary line per architecture and ends with a
# "cross-test: N passed, N failed" line; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

GO=${GO:-go}
DIST=${DIST:-dist}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
RELEASE_ARCHES=${RELEASE_ARCHES-amd64 arm64 armv7 386 riscv64 s390x ppc64le loong64}
CROSS_ARCHES=${CROSS_ARCHES-arm64 386 s390x riscv64}
SHARED_PCAPS=${SHARED_PCAPS:-../shared/testdata/pcaps}
# The packages whose tests need neither root features a test binary under
# qemu-user cannot use (AF_PACKET rings, namespaces for nsenter) nor the
# built binary. Kernel cross-checks inside them skip cleanly where the
# emulator cannot translate a netlink or packet socket call.
PKGS=(./compat/getopt ./bpf ./bpf/interp ./bpf/difftest ./pcap ./pcap/printer
	./capture ./internal/jsonv ./nsenter/target/container)
# Tests left out under qemu-user (not natively), a -skip pattern: none
# today. qemu 7.2 has no openat2(2); the capture's second stage then
# resolves names in user space as on kernels before 5.6 (resolveInRoot),
# so TestHostFSResolvesInCallersRoot checks that fallback there.
EMULATOR_SKIP=''

total_pass=0 total_fail=0 total_skip=0
summary=()
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*"; }

# goarch prints the go env assignments for a release architecture name.
goarch() {
	case $1 in
	armv7) echo GOARCH=arm GOARM=7 ;;
	*) echo "GOARCH=$1" ;;
	esac
}

# runner prints the command prefix that runs a binary of arch on this
# host: nothing for native code, else the qemu-user emulator. It fails
# (status 1, a reason on stderr) when neither is possible.
runner() {
	local arch=$1 q host
	host=$(uname -m)
	case $arch in
	amd64) [ "$host" = x86_64 ] && return 0 ;;
	386) if [ "$host" = x86_64 ] && runs386; then
		return 0
	fi ;;
	esac
	case $arch in
	amd64) q=x86_64 ;;
	arm64) q=aarch64 ;;
	armv7) q=arm ;;
	386) q=i386 ;;
	loong64) q=loongarch64 ;;
	*) q=$arch ;;
	esac
	if command -v "qemu-$q-static" >/dev/null; then
		command -v "qemu-$q-static"
	elif command -v "qemu-$q" >/dev/null; then
		command -v "qemu-$q"
	else
		echo "no emulator for $arch: qemu-$q-static not found (apt-get install qemu-user-static)" >&2
		return 1
	fi
}

# runs386 tells whether this x86_64 kernel runs 32-bit x86 programs
# (CONFIG_IA32_EMULATION), with a program built for the question.
runs386() {
	mkdir -p "$work/probe386"
	printf 'package main\n\nfunc main() {}\n' >"$work/probe386/main.go"
	(cd "$work/probe386" && GOARCH=386 CGO_ENABLED=0 GOFLAGS='' GO111MODULE=off "$GO" build -o probe main.go) >/dev/null 2>&1 &&
		"$work/probe386/probe" >/dev/null 2>&1
}

# describe names how binaries of arch $2 ran: the emulator or native.
describe() {
	if [ -n "$1" ]; then
		basename "$1"
	elif [ "$2" = 386 ]; then
		echo "native, IA32 compat: qemu-i386 kills Go on signals"
	else
		echo native
	fi
}

# failures prints, from a go test -v log, the output of failing tests and
# anything after the last test marker of a package that crashed.
failures() {
	awk '
	/^=== (RUN|CONT|NAME|PAUSE)/ { buf = ""; next }
	/^[ \t]*--- FAIL/ { printf "%s%s\n", buf, $0; buf = ""; next }
	/^[ \t]*--- (PASS|SKIP)/ { buf = ""; next }
	/^FAIL\t/ { printf "%s%s\n", buf, $0; buf = ""; next }
	/^(ok|PASS$|FAIL$)/ { buf = ""; next }
	{ buf = buf $0 "\n" }' "$1" | head -n 300
}

unit_tests() {
	local arch=$1 run log pass fail skip pkgs
	if ! run=$(runner "$arch"); then
		summary+=("unit  $arch: FAILED, no way to run $arch binaries here")
		total_fail=$((total_fail + 1))
		return
	fi
	log=$work/unit-$arch.log
	say "== go test for $arch ($(describe "$run" "$arch")): ${PKGS[*]}"
	local exec=()
	if [ -n "$run" ]; then
		exec=(-exec "$run")
		if [ -n "$EMULATOR_SKIP" ]; then
			exec+=(-skip "$EMULATOR_SKIP")
			say "  left out under emulation: $EMULATOR_SKIP"
		fi
	fi
	# shellcheck disable=SC2046 # goarch's words are separate assignments
	env $(goarch "$arch") CGO_ENABLED=0 "$GO" test -count=1 -timeout 30m -v "${exec[@]}" "${PKGS[@]}" >"$log" 2>&1
	local rc=$?
	pass=$(grep -cE '^[[:space:]]*--- PASS' "$log")
	fail=$(grep -cE '^[[:space:]]*--- FAIL' "$log")
	skip=$(grep -cE '^[[:space:]]*--- SKIP' "$log")
	pkgs=$(grep -cE '^ok[[:space:]]' "$log")
	grep -E '^(ok|FAIL|\?)[[:space:]]' "$log"
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1 # a build failure or a crash outside any test
	fi
	if [ "$rc" -ne 0 ]; then
		failures "$log"
	fi
	# Each skip's reason (the line before it), to show what did not run.
	grep -E -B1 '^[[:space:]]*--- SKIP' "$log" | grep -vE '^(--$|[[:space:]]*--- SKIP|=== )' |
		sed 's/^[[:space:]]*/  skipped: /' | head -n 30
	summary+=("unit  $arch ($(describe "$run" "$arch")): $pkgs/${#PKGS[@]} packages ok, $pass passed, $fail failed, $skip skipped")
	total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail)) total_skip=$((total_skip + skip))
}

# capture runs the binary (through its runner) with args, storing stdout,
# stderr and the exit status under $work/out/arch/name.
capture() {
	local arch=$1 name=$2 dir
	shift 2
	dir=$work/out/$arch
	mkdir -p "$dir"
	# ${run} is unquoted on purpose: empty for native code.
	# shellcheck disable=SC2086
	(cd "$dir" && $run "$@" >"$dir/$name.out" 2>"$dir/$name.err" </dev/null)
	echo $? >"$dir/$name.rc"
}

# check compares one result of arch with amd64's.
check() {
	local arch=$1 name=$2 ext ref=$work/out/amd64 got=$work/out/$1 ok=1
	for ext in out err rc; do
		cmp -s "$ref/$name.$ext" "$got/$name.$ext" || ok=0
	done
	if [ -e "$ref/$name.pcap" ] || [ -e "$got/$name.pcap" ]; then
		cmp -s "$ref/$name.pcap" "$got/$name.pcap" || ok=0
	fi
	if [ $ok = 1 ]; then
		s_pass=$((s_pass + 1))
		return
	fi
	s_fail=$((s_fail + 1))
	say "  MISMATCH $arch $name: $(cat "$work/cmd/$name")"
	for ext in out err rc; do
		cmp -s "$ref/$name.$ext" "$got/$name.$ext" || diff "$ref/$name.$ext" "$got/$name.$ext" | head -n 10 | sed 's/^/    /'
	done
	if [ -e "$ref/$name.pcap" ] || [ -e "$got/$name.pcap" ]; then
		cmp "$ref/$name.pcap" "$got/$name.pcap" 2>&1 | sed 's/^/    -w: /'
	fi
}

# smoke_cases runs every smoke case for arch (amd64 first: the reference).
# Each case is a name and an argument vector; BIN is the binary or a link.
smoke_cases() {
	local arch=$1 bin=$2 tardir=$3 c n=0
	one() {
		local name=$1
		shift
		printf '%s\n' "$*" >"$work/cmd/$name"
		capture "$arch" "$name" "$@"
		[ "$arch" = amd64 ] || check "$arch" "$name"
	}
	one version "$bin" --version
	one help "$bin" --help
	one capture-help "$bin" --capture --help
	one link-nsenter "$tardir/nsenter" --version
	one link-tcpdump "$tardir/tcpdump" --version
	one bad-option "$bin" --no-such-option
	one missing-file "$bin" --capture -n -r /nonexistent/capture.pcap
	for f in 'tcp port 80 or icmp' 'ip6 and udp[8:4] = 0x30313233' 'vlan 100 and host 192.0.2.1' \
		'ether[0] & 1 != 0 or net 198.51.100.0/24' 'tcp[tcpflags] & (tcp-syn|tcp-fin) != 0'; do
		n=$((n + 1))
		one "ddd-$n" "$bin" --capture -ddd "$f"
		one "d-$n" "$bin" --capture -y LINUX_SLL2 -d "$f"
	done
	n=0
	while IFS= read -r c; do
		n=$((n + 1))
		# Printed and rewritten in one run; -w's file lands in the case's
		# directory and is compared by check.
		one "r-$n" "$bin" --capture -n -r "$c" -w "r-$n.pcap" --print
	done <"$work/captures"
	n=0
	while IFS= read -r c; do
		n=$((n + 1))
		one "v-$n" "$bin" --capture -nn -vvv -e -X -r "$c"
		one "f-$n" "$bin" --capture -n -r "$c" -w "f-$n.pcap" --print 'tcp or icmp or udp port 53 or arp'
	done <"$work/project-captures"
}

smoke() {
	local arch=$1 bin=$DIST/gonsenter-linux-$1 tar tardir size
	s_pass=0 s_fail=0
	tar=$DIST/gonsenter-$VERSION-linux-$arch.tar.gz
	if [ ! -f "$bin" ] || [ ! -f "$tar" ]; then
		summary+=("smoke $arch: FAILED, $bin or $tar missing (make release)")
		total_fail=$((total_fail + 1))
		return
	fi
	if ! run=$(runner "$arch"); then
		summary+=("smoke $arch: FAILED, no way to run $arch binaries here")
		total_fail=$((total_fail + 1))
		return
	fi
	# Every architecture runs from the same path: error messages name it.
	tardir=$work/release
	rm -rf "$tardir" && mkdir -p "$tardir"
	tar -xzf "$tar" -C "$tardir" --strip-components=1
	size=$(stat -c %s "$bin")
	say "== smoke $arch ($(describe "$run" "$arch")): $bin, $size bytes"
	smoke_cases "$arch" "$tardir/gonsenter" "$tardir"
	if ! cmp -s "$bin" "$tardir/gonsenter"; then
		say "  MISMATCH $arch: the tarball's gonsenter is not $bin"
		s_fail=$((s_fail + 1))
	fi
	if [ "$arch" = amd64 ]; then
		# The reference itself: it must carry the version stamp and have
		# printed packets, or every comparison would be vacuous.
		if grep -qF "$VERSION" "$work/out/amd64/version.out" && [ -s "$work/out/amd64/r-1.out" ]; then
			s_pass=$((s_pass + 1))
		else
			say "  amd64: --version lacks $VERSION or the first capture printed nothing"
			s_fail=$((s_fail + 1))
		fi
	fi
	summary+=("smoke $arch ($(describe "$run" "$arch")): $size bytes, $((s_pass + s_fail)) checks, $s_pass passed, $s_fail failed")
	total_pass=$((total_pass + s_pass)) total_fail=$((total_fail + s_fail))
}

main() {
	mkdir -p "$work/cmd"
	find "$PWD/pcap/printer/testdata/captures" -name '*.pcap*' | LC_ALL=C sort >"$work/project-captures"
	cp "$work/project-captures" "$work/captures"
	if [ -d "$SHARED_PCAPS" ]; then
		find "$(cd "$SHARED_PCAPS" && pwd)" -name '*.pcap' -o -name '*.pcapng' | LC_ALL=C sort >>"$work/captures"
	else
		say "cross-test: $SHARED_PCAPS absent: the smoke run reads the project's captures only"
	fi
	local arch
	for arch in $CROSS_ARCHES; do
		unit_tests "$arch"
	done
	# amd64 first: every other architecture is compared with it.
	smoke amd64
	for arch in $RELEASE_ARCHES; do
		[ "$arch" = amd64 ] || smoke "$arch"
	done
	say ""
	printf '%s\n' "${summary[@]}"
	say "cross-test: $total_pass passed, $total_fail failed, $total_skip skipped"
	[ "$total_fail" -eq 0 ]
}

main "$@"
