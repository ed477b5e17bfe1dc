// Package bpf compiles pcap-filter(7) expressions (tcpdump filters) into
// classic BPF programs that agree with libpcap 1.10.3 on every packet, or
// refuses them with an error naming the construct.
//
// It has no syscalls and no sockets: it maps text to instructions
// (golang.org/x/net/bpf types), prints them as tcpdump -d/-dd/-ddd does, and
// runs them in a reference interpreter with libpcap's bpf_filter semantics.
//
// # Compiler stages
//
// lex.go is libpcap's flex scanner (longest match, rule order breaking ties:
// octal/hex numbers, IDs containing '-' and '.', MAC and IPv6 forms, named
// constants such as tcp-syn). parse.go is a recursive-descent equivalent of
// grammar.y: "and" and "or" share one precedence, "not" binds tighter, a bare
// id after and/or inherits the previous qualifiers ("host a or b"), and "%"
// and "^" have no precedence, so they take everything to their right.
//
// gen*.go build a decision graph the way gencode.c does: every primitive is
// a fragment with open true/false exits, and/or/not wire them. Offsets are
// per link type (EN10MB, LINUX_SLL, LINUX_SLL2, RAW) and change as libpcap
// changes them while parsing: each "vlan" adds 4 to every later payload
// offset whatever the parentheses ("vlan or ip" tests ip inside the tag),
// "pppoes" moves to the PPP protocol field, "mpls" past each label,
// "geneve" into the encapsulated frame (offsets computed at run time). The LiveEthernet form emits the
// skb-metadata loads libpcap uses on live Linux sockets, whose kernel strips
// VLAN tags.
//
// opt.go optimizes the graph; emit.go lays it out, resolves jumps in one
// pass with "ja" trampolines for conditional jumps beyond 255 instructions,
// and refuses programs longer than the kernel's 4096 instructions.
//
// # The optimizer and truncated packets
//
// libpcap's optimizer can change the verdict on a truncated packet: it may
// delete a load that would have run off the end of the packet, which
// aborts (rejects) the unoptimized program. Our verdicts are those of the
// unoptimized libpcap program (tcpdump -O) on every packet; the optimizer
// only skips a test whose outcome earlier tests decide when its loads
// already succeeded on every path (or a later load covers them, or the
// packet is rejected anyway), merges identical blocks and drops reloads of
// values a register already holds. "expression rejects all packets" is
// reported when libpcap's weaker optimizer would also prove it.
//
// # Deliberate differences from libpcap 1.10.3
//
//   - Valid constructs this package does not implement fail with an
//     *UnsupportedError wrapping ErrUnsupported: protochain (its loop
//     jumps backwards, which Linux refuses), "byte N & V" and "byte N | V"
//     (libpcap omits the load), network names (/etc/networks), Ethernet
//     host names (/etc/ethers), geneve after pppoes, mpls, a live-form
//     vlan or another geneve, and geneve when later primitives would also
//     run without a Geneve match ("geneve or ip": libpcap then reads unset
//     or reused scratch words). 802.11, ATM, MTP and PF fields and "gateway" are
//     errors with libpcap's message, as they are for Debian's libpcap on
//     these link types.
//   - "link[0:4] & 0xffffffff == 0" and similar compile; libpcap 1.10.3's
//     optimizer wrongly rejects them (fixed in libpcap 1.11).
//   - LiveEthernet: libpcap 1.10.3 may give the VLAN variable offset a
//     scratch word that arithmetic before the "vlan" also uses, so
//     "(len > 60 or vlan 100) and ip multicast" reads the wrong bytes in
//     the kernel; we keep the offsets in dedicated words M[14], M[15].
//   - "expression rejects all packets" follows libpcap's optimizer only
//     approximately; on rare contradictory filters one of the two reports
//     it and the other compiles a program that rejects everything.
package bpf
