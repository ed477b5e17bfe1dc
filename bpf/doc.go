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
// libpcap compiles as it parses, so the parser also reproduces what fails
// mid-parse there: it counts the entries bison's stack would hold and fails
// with "memory exhausted" where bison's 10,000-entry limit does (9995
// parentheses around "tcp" parse, 9996 do not; 100,000 fail at once), and
// it counts the scratch registers held by pending arithmetic. When parsing
// fails, the primitives completed before the failure are compiled first,
// so "port 99999 or (" is an illegal port, not a syntax error. budget.go
// charges every primitive what libpcap allocates for it from its 64 MiB
// pool and fails with libpcap's "out of memory" when that overflows, which
// bounds the work a megabyte of filter can cause to seconds and a few
// hundred MB (one megabyte of "port N or ..." took minutes and over 12 GB).
//
// gen*.go build a decision graph the way gencode.c does: every primitive is
// a fragment with open true/false exits, and/or/not wire them. Offsets are
// per link type (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6) and change as libpcap
// changes them while parsing: each "vlan" adds 4 to every later payload
// offset whatever the parentheses ("vlan or ip" tests ip inside the tag),
// "pppoes" moves to the PPP protocol field, "mpls" past each label,
// "geneve" into the encapsulated frame (offsets computed at run time). The LiveEthernet form emits the
// skb-metadata loads libpcap uses on live Linux sockets, whose kernel strips
// VLAN tags.
//
// The 135 other link types of libpcap's DLT_MATCHING range that it has no
// header model for (USB, CAN, 802.15.4, NFLOG, USER0-15, ...) compile as
// there: len, link[] and arithmetic work, anything that needs the protocol
// fails with libpcap's "NAME link-layer type filtering not implemented"
// (noLinkModel; nomodel_test.go checks 13,905 cases against libpcap). Link
// types with a header model other than the six above fail with an
// *UnsupportedError naming the link type.
//
// opt.go optimizes the graph (know.go keeps what each edge knows, in shared
// sorted slices, bounded per edge so that the pass stays linear); emit.go
// lays it out, resolves jumps in one pass with "ja" trampolines for
// conditional jumps beyond 255 instructions, and refuses programs longer
// than the kernel's 4096 instructions.
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
//   - Programs of more than 4096 instructions fail with "expression too
//     complex: N instructions, the kernel allows 4096" even when reading a
//     file, where tcpdump would run them in userland: a filter that works
//     on a file must work on a live capture.
//   - Our count of libpcap's allocations is a lower bound, so near the
//     edge of its 64 MiB pool a few expressions libpcap refuses with "out
//     of memory" go on to compile (for "tcp[0]=1 or ...", 19,284 to 19,972
//     terms) or fail as too complex. Of two faults in one expression the
//     one libpcap meets first is reported, except a division by zero or
//     an oversized shift in arithmetic that also nests too deep further
//     on: we report "memory exhausted", libpcap the arithmetic.
package bpf
