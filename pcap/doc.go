// Package pcap reads and writes capture files (pcap and pcapng) in the
// byte layout tcpdump and libpcap use. It has no syscalls: live capture is in
// package afpacket, text output in package printer.
package pcap
