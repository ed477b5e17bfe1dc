// Package difftest holds the differential tests of the pcap-filter
// compiler (package bpf) against libpcap 1.10.3, the oracle tcpdump uses.
//
// Everything here is tests and their recorded data:
//   - golden_test.go compares the compiler with verdicts recorded from
//     `tcpdump -r FILE -w - EXPR` (optimized, and -O for NoOptimize) on
//     packets the tests synthesise (testdata/synth-verdicts.tsv), so it
//     needs neither root nor tcpdump;
//   - live_test.go, when tcpdump on libpcap 1.10.3 is installed, replays
//     every expression of shared/testdata/filters and -rand random ones
//     on the real capture corpus, using libpcap's own program (tcpdump
//     -ddd) run in bpf/interp as the fast oracle and real tcpdump -r -w -
//     on a -sample of (file, expression) pairs;
//   - liveform_linux_test.go compares the LiveEthernet form with
//     libpcap's live program (tcpdump -i lo -ddd, root) on kernel-shaped
//     packets, and cooked_kernel_linux_test.go checks
//     bpf.FixForCookedSocket against real AF_PACKET cooked sockets.
//
// Flags: -update re-records the golden files (also those of bpf's printer
// test, print-golden.txt and image-ops.golden); -record-known rewrites
// testdata/known-mismatches.tsv with the real mismatches seen now; -seed
// and -rand choose the random expressions.
//
// Differences libpcap's optimizer alone explains (pcap-filter-spec.md
// §9.2 P4: our verdict equals tcpdump -O's) are counted separately. Any
// other mismatch fails the test unless testdata/known-mismatches.tsv
// lists it, with its counts and a detail.
package difftest
