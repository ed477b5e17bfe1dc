// Package capture is gonsenter's tcpdump face: `gonsenter [nsenter options]
// --capture TCPDUMP-ARGS...` and the multi-call name `tcpdump`. It parses
// tcpdump 4.99.3's command line with the same getopt_long string, prints the
// same banners, statistics and errors, and ties together the filter compiler
// (package bpf), the capture files (package pcap), live AF_PACKET capture
// (package pcap/afpacket) and the text printer (package pcap/printer).
//
// Namespaces are not this package's business: Main receives a runner that
// executes a function on a thread inside the target's network namespace, and
// uses it only to look up interfaces and create the packet socket. Files are
// opened by the caller's threads, so `-w f.pcap` lands on the host.
package capture
