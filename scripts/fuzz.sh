#!/usr/bin/env bash
# Runs every native fuzz target of the project, one after the other.
#
#   FUZZTIME=30s    each target for a wall-clock duration (make fuzz)
#   FUZZTIME=quick  each target for a fixed number of executions, sized to
#                   about ten seconds on a two-core machine (CI)
#
# Why a count in CI: with a duration, Go's fuzzing coordinator (before Go
# 1.27, go.dev/issue/75804) can report a bare "context deadline exceeded"
# failure when a starved worker is still busy as the deadline fires. No
# input is at fault and nothing is written to testdata/fuzz. A count has
# no deadline to race. In duration mode such a bare deadline failure is
# told apart from a finding: it fails only if a reproducer was written or
# the seed corpus then fails on its own.
set -euo pipefail
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-30s}

# package  target  executions-in-quick-mode
targets=(
	"./compat/getopt FuzzParse 800000"
	"./nsenter FuzzOptions 400000"
	"./nsenter FuzzParsePID 600000"
	"./nsenter FuzzEnviron 600000"
	"./capture FuzzOptions 150000"
	"./bpf FuzzCompile 100000"
	"./pcap FuzzPcapReader 80000"
	"./pcap FuzzPcapngReader 80000"
	"./pcap/printer FuzzPrint 70000"
	"./internal/jsonv FuzzParse 300000"
	"./nsenter/target/container FuzzStateJSON 250000"
	"./nsenter/target/container FuzzStateTree 3000"
	"./nsenter/target/container FuzzHTTPResponse 150000"
	"./internal/rdns FuzzParsePTR 400000"
)

# reproducers lists the crashers the fuzzer has written for a target.
reproducers() {
	local dir="$1/testdata/fuzz/$2"
	if [ -d "$dir" ]; then find "$dir" -type f | sort; fi
}

for t in "${targets[@]}"; do
	read -r pkg name count <<<"$t"
	budget=$FUZZTIME
	[ "$FUZZTIME" = quick ] && budget="${count}x"
	echo "== $pkg:$name ($budget)"
	before=$(reproducers "$pkg" "$name")
	log=$(mktemp)
	if $GO test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$budget" 2>&1 | tee "$log"; then
		rm -f "$log"
		continue
	fi
	after=$(reproducers "$pkg" "$name")
	if [ "$before" = "$after" ] && grep -qx '    context deadline exceeded' "$log" &&
		! grep -q -e '^panic:' -e 'Failing input written' "$log"; then
		echo "-- $name: bare deadline failure with no input written (go.dev/issue/75804); replaying the corpus"
		rm -f "$log"
		$GO test "$pkg" -count=1 -run "^$name\$"
		continue
	fi
	rm -f "$log"
	echo "fuzz: $pkg:$name failed" >&2
	exit 1
done
