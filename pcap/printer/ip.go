package printer

import (
	"fmt"
	"sync"
)

// ipProtoNames is tcpdump's ipproto_values (used by -v headers).
var ipProtoNames = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		0: "Options", 1: "ICMP", 2: "IGMP", 4: "IPIP", 6: "TCP", 8: "EGP", 9: "IGRP", 17: "UDP",
		33: "DCCP", 41: "IPv6", 43: "Routing", 44: "Fragment", 46: "RSVP", 47: "GRE", 50: "ESP",
		51: "AH", 55: "Mobile IP", 58: "ICMPv6", 62: "Mobile IP (old)", 88: "EIGRP", 89: "OSPF",
		103: "PIM", 108: "Compressed IP", 112: "VRRP", 113: "PGM", 132: "SCTP", 135: "Mobility",
		143: "Ethernet",
	}
})

func ipProtoName(n uint8) string {
	if s, ok := ipProtoNames()[n]; ok {
		return s
	}
	return "unknown"
}

// ipHdr is what upper-layer printers need from the enclosing IP header.
type ipHdr struct {
	v6       bool
	src, dst []byte // 4 or 16 bytes
	firstNH  uint8  // ip_p, or the IPv6 header's own next header
	raw      []byte // the IP header (for checksums)
	pkt      []byte // IPv6: the whole packet, for the routing header's final destination
	ttl      uint8
	fragment bool
}

func (p *Printer) addr(h *ipHdr, b []byte) string {
	if h.v6 {
		return p.names.ip6(b)
	}
	return p.names.ip4(b)
}

func (p *Printer) srcDst(h *ipHdr) string {
	return p.addr(h, h.src) + " > " + p.addr(h, h.dst)
}

// ip is ip_print.
func (p *Printer) ip(b []byte, length int) {
	p.enter("ip")
	defer p.catchSoft()
	if p.u8(b, 0)>>4 != 4 {
		if b[0]>>4 == 6 {
			p.puts("IP6, wrong link-layer encapsulation")
		} else {
			p.printf("IP%d", b[0]>>4)
		}
		p.invalid()
		return
	}
	if !p.o.Ether {
		p.puts("IP ")
	}
	p.need(b, 20)
	if length < 20 {
		p.printf("truncated-ip %d", length)
		return
	}
	hlen := int(b[0]&0xf) * 4
	if hlen < 20 {
		p.printf("bad-hlen %d", hlen)
		return
	}
	tot := int(p.u16(b, 2))
	if length < tot {
		p.printf("truncated-ip - %d bytes missing! ", tot-length)
	}
	if tot < hlen {
		p.printf("bad-len %d", tot)
		return
	}
	b = clip(b, tot)
	off := p.u16(b, 6)
	proto := b[9]
	h := &ipHdr{src: b[12:16], dst: b[16:20], firstNH: proto, raw: b, ttl: b[8], fragment: off&0x2000 != 0}
	if p.o.Verbose > 0 && !p.ipVerbose(b, hlen, off, proto) {
		return
	}
	if off&0x1fff == 0 {
		if proto != 6 && proto != 17 && proto != 132 && proto != 33 {
			p.printf("%s: ", p.srcDst(h))
		}
		if len(b) < hlen {
			p.printf(" [remaining caplen(%d) < header length(%d)]", len(b), hlen)
			p.trunc()
		}
		p.demux(b[hlen:], tot-hlen, h, proto)
		return
	}
	p.printf("%s:", p.srcDst(h))
	if name := p.names.proto(proto); name != "" {
		p.printf(" %s", name)
	} else {
		p.printf(" ip-proto-%d", proto)
	}
}

var ipFragFlags = []bitName{{0x2000, "+"}, {0x4000, "DF"}, {0x8000, "rsvd"}}

// ipVerbose prints the -v "(tos 0x0, ttl 64, ...)" block and the newline
// plus four-space indent; false means the packet ended there.
func (p *Printer) ipVerbose(b []byte, hlen int, off uint16, proto uint8) bool {
	tos := b[1]
	p.printf("(tos 0x%x", tos)
	switch tos & 3 {
	case 1:
		p.puts(",ECT(1)")
	case 2:
		p.puts(",ECT(0)")
	case 3:
		p.puts(",CE")
	}
	if b[8] >= 1 {
		p.printf(", ttl %d", b[8])
	}
	p.printf(", id %d, offset %d, flags [%s], proto %s (%d)", p.u16(b, 4), (off&0x1fff)*8,
		bitNames(uint32(off), ipFragFlags), ipProtoName(proto), proto)
	p.printf(", length %d", p.u16(b, 2))
	truncated := false
	if hlen > 20 {
		p.puts(", options (")
		truncated = !p.ipOptions(from(b, 20), hlen-20)
		if truncated {
			p.puts(" [truncated-option]")
		}
		p.puts(")")
	}
	if len(b) >= hlen {
		if sum := checksum(0, b[:hlen]); sum != 0 {
			stored := p.u16(b, 10)
			p.printf(", bad cksum %x (->%x)!", stored, cksumShouldBe(stored, sum))
		}
	}
	p.puts(")\n    ")
	if truncated {
		p.printf("%s > %s: ", p.names.ip4(b[12:]), p.names.ip4(b[16:]))
		p.printTrunc()
		return false
	}
	return true
}

var ipOptNames = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{0: "EOL", 1: "NOP", 68: "timestamp", 130: "security",
		7: "RR", 137: "SSRR", 131: "LSRR", 148: "RA", 82: "traceroute"}
})

// demux is ip_demux_print.
func (p *Printer) demux(b []byte, length int, h *ipHdr, nh uint8) {
	for nh == 51 {
		if len(b) < 1 {
			p.proto = "ah"
			p.printTrunc()
			return
		}
		nh = b[0]
		adv := p.ah(b)
		b = from(b, adv)
		length -= adv
	}
	switch nh {
	case 50:
		p.esp(b, length)
	case 108:
		p.ipcomp(b)
	case 112:
		p.vrrp(b, length, h)
	case 103:
		p.pim(b, length, h)
	case 89:
		if h.v6 {
			p.ospf6(b, length)
		} else {
			p.ospf(b, length)
		}
	case 6:
		p.tcp(b, length, h)
	case 17:
		p.udp(b, length, h)
	case 1:
		if h.v6 {
			p.printf("[%s requires IPv4]", ipProtoName(nh))
			p.invalid()
			return
		}
		p.icmp(b, length, h)
	case 58:
		if !h.v6 {
			p.printf("[%s requires IPv6]", ipProtoName(nh))
			p.invalid()
			return
		}
		p.icmp6(b, length, h)
	case 2:
		if h.v6 {
			p.printf("[%s requires IPv4]", ipProtoName(nh))
			p.invalid()
			return
		}
		p.igmp(b, length)
	case 4:
		p.ip(b, length)
	case 41:
		p.ip6(b, length)
	case 47:
		p.gre(b, length)
	case 132:
		p.sctp(b, length, h)
	case 59:
		p.puts("no next header")
	case 77:
		p.printf(" nd %d", length)
	default:
		if name, ok := ipProtoDissected()[nh]; ok {
			p.unsupport(name)
			return
		}
		p.enter(fmt.Sprintf("ip-proto-%d", nh))
		if name := p.names.proto(nh); name != "" {
			p.printf(" %s", name)
		} else {
			p.printf(" ip-proto-%d", nh)
		}
		p.printf(" %d", length)
	}
}

// ipProtoDissected are IP protocols tcpdump dissects and we do not.
var ipProtoDissected = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		33: "dccp", 9: "igrp", 88: "eigrp", 8: "egp",
		46: "rsvp", 55: "mobile", 113: "pgm", 143: "ether",
	}
})

// ip6 is ip6_print with the extension headers tcpdump walks.
func (p *Printer) ip6(b []byte, length int) {
	p.enter("ip6")
	defer p.catchSoft()
	p.need(b, 40)
	if length < 40 {
		p.printf("truncated-ip6 %d", length)
		return
	}
	if !p.o.Ether {
		p.puts("IP6 ")
	}
	if b[0]>>4 != 6 {
		p.printf("version error: %d != 6", b[0]>>4)
		return
	}
	plen := int(p.u16(b, 4))
	var ln int
	if plen != 0 {
		ln = plen + 40
		if length < ln {
			p.printf("truncated-ip6 - %d bytes missing!", ln-length)
		}
	} else {
		ln = length + 40
	}
	nh := b[6]
	if p.o.Verbose > 0 {
		flow := p.u32(b, 0)
		p.puts("(")
		if flow&0x0ff00000 != 0 {
			p.printf("class 0x%02x, ", (flow&0x0ff00000)>>20)
		}
		if flow&0x000fffff != 0 {
			p.printf("flowlabel 0x%05x, ", flow&0x000fffff)
		}
		p.printf("hlim %d, next-header %s (%d) payload length: %d) ", b[7], ipProtoName(nh), nh, plen)
	}
	whole := b
	b = clip(b, ln)
	h := &ipHdr{v6: true, src: b[8:24], dst: b[24:40], firstNH: nh, raw: b[:40], ttl: b[7], pkt: b}
	if nh != 6 && nh != 17 && nh != 33 && nh != 132 {
		p.printf("%s: ", p.srcDst(h))
	}
	p.ip6Ext(b, ln, plen, h, nh, ip6Whole{whole, length})
}

// ip6Whole is the packet as ip6_print received it: a Jumbo Payload
// option moves the snapshot end within it (nd_change_snaplen).
type ip6Whole struct {
	b      []byte
	length int
}

// ip6Ext walks the extension headers (the loop in ip6_print).
//
// Like tcpdump it tests for captured data before stepping over a header,
// so the header after the last captured byte is still dispatched (an
// empty "no next header", a truncated upper layer).
func (p *Printer) ip6Ext(b []byte, ln, plen int, h *ipHdr, nh uint8, whole ip6Whole) {
	off, adv := 0, 40
	ph := uint8(255)
	foundExt, foundHBH := false, false
	jumbo := &ip6Jumbo{plen: uint32(plen)}
	for off < len(b) && adv > 0 {
		if ln < adv {
			p.printTrunc()
			return
		}
		off += adv
		ln -= adv
		cp := from(b, off)
		switch nh {
		case 0:
			if adv = p.ip6HBH(cp, foundHBH, ph != 255, jumbo); adv < 0 {
				return
			}
			foundExt, foundHBH = true, true
		case 60:
			if adv = p.ip6DstOpts(cp); adv < 0 {
				return
			}
			foundExt = true
		case 44:
			if adv = p.frag6(cp, off, plen); adv < 0 || len(b) <= off+adv {
				return
			}
			h.fragment = true
			foundExt = true
		case 135, 62:
			p.mobility(cp)
			return
		case 43:
			if len(cp) < 1 {
				p.printTrunc()
				return
			}
			if adv = p.rt6(cp); adv < 0 {
				return
			}
			foundExt = true
		default:
			p.ip6Upper(b, cp, off, ln, plen, h, nh, foundExt, jumbo, whole)
			return
		}
		nh = cp[0]
		ph = nh
		p.proto = "ip6"
	}
}

// ip6HBH is hbhopt_process with ip6_print's checks around it; -1 ends
// the packet.
func (p *Printer) ip6HBH(cp []byte, again, misplaced bool, jumbo *ip6Jumbo) int {
	if again {
		p.puts("[The Hop-by-Hop Options header was already found]")
		p.invalid()
		return -1
	}
	if misplaced {
		p.puts("[The Hop-by-Hop Options header don't follow the IPv6 header]")
		p.invalid()
		return -1
	}
	p.proto = "hbhopt"
	adv := (int(p.u8(cp, 1)) + 1) << 3
	if len(cp) < adv {
		p.printTrunc()
		adv = -1
	} else {
		p.puts("HBH ")
		if !p.ip6Opts(cp[2:adv], jumbo) {
			p.printTrunc()
			adv = -1
		}
	}
	if jumbo.plen == 0 && !jumbo.found {
		p.puts("[No valid Jumbo Payload Hop-by-Hop option found]")
		p.invalid()
		return -1
	}
	return adv
}

// ip6DstOpts is dstopt_process.
func (p *Printer) ip6DstOpts(cp []byte) int {
	p.proto = "dstopt"
	adv := (int(p.u8(cp, 1)) + 1) << 3
	if len(cp) < adv {
		p.printTrunc()
		return -1
	}
	p.puts("DSTOPT ")
	if p.o.Verbose > 0 && !p.ip6Opts(cp[2:adv], nil) {
		p.printTrunc()
		return -1
	}
	return adv
}

// frag6 is frag6_print: -1 for a later fragment.
func (p *Printer) frag6(cp []byte, off, plen int) int {
	p.enter("frag6")
	offlg := p.u16(cp, 2)
	rest := uint64(40 + plen - off - 8)
	if p.o.Verbose > 0 {
		p.printf("frag (0x%08x:%d|%d)", p.u32(cp, 4), offlg&0xfff8, rest)
	} else {
		p.printf("frag (%d|%d)", offlg&0xfff8, rest)
	}
	if offlg&0xfff8 != 0 {
		return -1
	}
	p.puts(" ")
	return 8
}

// ip6Upper hands the payload to the upper layer (ip6_print's default
// case), after settling the length of a jumbogram or an empty payload.
func (p *Printer) ip6Upper(b, cp []byte, off, ln, plen int, h *ipHdr, nh uint8, foundExt bool, jumbo *ip6Jumbo, whole ip6Whole) {
	switch {
	case jumbo.found:
		l := jumbo.plen + 40 // u_int arithmetic
		if l < uint32(off) {
			p.printTrunc()
			return
		}
		if uint32(whole.length) < l {
			p.printf("truncated-ip6 - %d bytes missing!", l-uint32(whole.length))
		}
		b = whole.b
		if uint64(l) < uint64(len(b)) {
			b = b[:l]
		}
		cp, ln = from(b, off), int(l-uint32(off))
	case plen == 0:
		if foundExt {
			p.printTrunc()
			return
		}
		ln, cp = 0, cp[:0]
	}
	p.demux(cp, ln, h, nh)
}

// checksum folds the one's complement sum of b into sum (in_cksum).
func checksum(sum uint32, b []byte) uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// cksumShouldBe is in_cksum_shouldbe: the checksum value that would have
// made the sum come out right.
func cksumShouldBe(sum, computed uint16) uint16 {
	s := uint32(sum) + uint32(computed)
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint16(s)
}

// pseudoSum is the pseudo-header sum for TCP/UDP/ICMPv6 checksums.
func pseudoSum(h *ipHdr, proto uint8, length int) uint32 {
	var s uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			s += uint32(b[i])<<8 | uint32(b[i+1])
		}
	}
	add(h.src)
	add(finalDst(h))
	if h.v6 {
		s += uint32(length>>16) + uint32(length&0xffff) + uint32(proto)
	} else {
		s += uint32(proto) + uint32(length&0xffff)
	}
	return s
}

// rt6 is rt6_print (type 0, 2 and segment routing); -1 ends the packet.
func (p *Printer) rt6(b []byte) int {
	p.enter("rt6")
	p.puts("RT6")
	ln := int(p.u8(b, 1))
	p.printf(" (len=%d", ln)
	typ := p.u8(b, 2)
	p.printf(", type=%d", typ)
	if typ == 0 {
		p.puts(" [Deprecated]")
	}
	p.printf(", segleft=%d", p.u8(b, 3))
	switch typ {
	case 0, 2:
		if r := p.u32(b, 4); r != 0 || p.o.Verbose > 0 {
			p.printf(", rsv=0x%x", r)
		}
	case 4:
		p.printf(", last-entry=%d", p.u8(b, 4))
		if f := p.u8(b, 5); f != 0 || p.o.Verbose > 0 {
			p.printf(", flags=0x%x", f)
		}
		p.printf(", tag=%x", p.u16(b, 6))
	default:
		p.puts(" (unknown type)")
		p.invalid()
		return -1
	}
	if ln%2 == 1 {
		p.printf(" (invalid length %d)", ln)
		p.invalid()
		return -1
	}
	for i := 0; i < ln/2; i++ {
		p.printf(", [%d]%s", i, p.names.ip6(p.bytes(b, 8+16*i, 16)))
	}
	p.puts(") ")
	return (ln + 1) << 3
}

// finalDst is ip6_finddst: the destination the upper-layer checksum
// covers, the last address of a type 0/2 routing header or the first
// segment of a segment-routing header, else the IPv6 destination.
func finalDst(h *ipHdr) []byte {
	if !h.v6 && h.raw != nil {
		return ipFindDst(h.raw)
	}
	if !h.v6 || h.pkt == nil {
		return h.dst
	}
	b, dst := h.pkt, h.dst
	off, adv, nh := 0, 40, h.firstNH
	for off < len(b) {
		off += adv
		if off+2 > len(b) {
			return dst
		}
		switch nh {
		case 0, 60, 135, 62:
			adv, nh = (int(b[off+1])+1)<<3, b[off]
		case 44:
			adv, nh = 8, b[off]
		case 43:
			if off+4 > len(b) {
				return dst
			}
			n, typ := int(b[off+1]), b[off+2]
			if (typ == 0 || typ == 2 || typ == 4) && n%2 == 1 {
				return dst
			}
			switch typ {
			case 0, 2:
				for i := 0; i < n/2 && off+8+16*(i+1) <= len(b); i++ {
					dst = b[off+8+16*i : off+8+16*(i+1)]
				}
			case 4:
				if off+24 <= len(b) {
					dst = b[off+8 : off+24]
				}
			}
			return dst
		default:
			return dst
		}
	}
	return dst
}
