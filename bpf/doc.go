// Package bpf compiles pcap-filter(7) expressions (tcpdump filters) into
// classic BPF programs that agree with libpcap 1.10.3 on every packet, or
// refuses them with an error naming the construct.
//
// It has no syscalls and no sockets: it maps text to instructions
// (golang.org/x/net/bpf types), prints them as tcpdump -d/-dd/-ddd does, and
// runs them in a reference interpreter with libpcap's bpf_filter semantics.
package bpf
