#!/usr/bin/env bash
# make bench: gonsenter side by side with util-linux nsenter and tcpdump, in
# one run, reported as ratios (never asserted by tests). Needs root for the
# namespace target; the file benchmarks run without it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GONSENTER_BIN:-$PWD/bin/gonsenter}
N=${N:-300}
TD=${TESTDATA:-$PWD/../shared/testdata/pcaps}

# loop CMD...: wall-clock milliseconds for N sequential runs of CMD.
loop() {
	local start end
	start=$(date +%s%N)
	for ((i = 0; i < N; i++)); do "$@" >/dev/null 2>&1 || true; done
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}

# rss CMD...: peak resident set size in KiB of one run.
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

row() { # name ours theirs unit
	awk -v n="$1" -v a="$2" -v b="$3" -v u="$4" \
		'BEGIN { printf "%-38s %10s %-4s %10s %-4s  ratio %.2f\n", n, a, u, b, u, (b > 0 ? a / b : 0) }'
}

printf '%-38s %15s %15s\n' "benchmark (N=$N)" gonsenter reference
if [ "$(id -u)" = 0 ] && command -v nsenter >/dev/null && command -v unshare >/dev/null; then
	unshare --uts --net --fork sleep 600 &
	holder=$!
	trap 'kill $holder 2>/dev/null || true' EXIT
	sleep 0.3
	T=$(pgrep -P "$holder" || echo "$holder")
	row "nsenter -t T -u -n true (ms)" "$(loop "$BIN" -t "$T" -u -n true)" "$(loop nsenter -t "$T" -u -n true)" ms
	row "nsenter -t T -u -n true (max RSS)" "$(rss "$BIN" -t "$T" -u -n true)" "$(rss nsenter -t "$T" -u -n true)" KiB
	row "nsenter --help (ms)" "$(loop "$BIN" --help)" "$(loop nsenter --help)" ms
else
	echo "(skipping nsenter benchmarks: need root, nsenter and unshare)"
fi
if command -v tcpdump >/dev/null && [ -d "$TD" ]; then
	f=$TD/generated/lo-en10mb.pcap
	N=$((N / 3))
	row "-r lo-en10mb.pcap -n (ms, N=$N)" "$(loop "$BIN" --capture -n -r "$f")" "$(loop tcpdump -n -r "$f")" ms
	row "-r lo-en10mb.pcap -w - tcp (ms)" "$(loop "$BIN" --capture -r "$f" -w - tcp)" "$(loop tcpdump -r "$f" -w - tcp)" ms
	row "-d 'tcp port 80' (ms)" "$(loop "$BIN" --capture -d 'tcp port 80')" "$(loop tcpdump -d 'tcp port 80')" ms
	row "-r -n (max RSS)" "$(rss "$BIN" --capture -n -r "$f")" "$(rss tcpdump -n -r "$f")" KiB
else
	echo "(skipping capture benchmarks: need tcpdump and ../shared/testdata)"
fi
printf 'binary size: %s bytes (static: %s)\n' "$(stat -c %s "$BIN")" "$(file -b "$BIN" | grep -o 'statically linked' || echo no)"
