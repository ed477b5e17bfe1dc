// Package difftest holds the differential tests of the pcap-filter
// compiler (package bpf) against libpcap 1.10.3, the oracle tcpdump uses.
//
// Everything here is tests and their recorded data:
//   - golden_test.go compares the compiler with verdicts recorded from
//     `tcpdump -r FILE -w - EXPR` on packets the tests synthesise
//     (testdata/synth-verdicts.tsv), so it needs neither root nor tcpdump;
//   - live_test.go, when tcpdump is installed, replays every expression of
//     shared/testdata/filters and thousands of random ones on the real
//     capture corpus, using libpcap's own program (tcpdump -ddd) run in
//     bpf/interp as the fast oracle and real tcpdump on a sample;
//   - `go test ./bpf/difftest -update` re-records the golden files, also
//     those of bpf's printer test (print-golden.txt, image-ops.golden).
//
// Mismatches libpcap's optimizer alone explains (pcap-filter-spec.md
// §9.2 P4) are reported separately; others fail the test unless listed in
// testdata/known-mismatches.tsv, which records each with its counts.
package difftest
