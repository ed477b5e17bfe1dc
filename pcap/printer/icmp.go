package printer

import (
	"fmt"
	"strings"
	"sync"
)

var icmpNames = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{0: "echo reply", 4: "source quench", 8: "echo request",
		10: "router solicitation", 13: "time stamp request", 14: "time stamp reply",
		15: "information request", 16: "information reply", 17: "address mask request"}
})

var icmpUnreach = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		0: "net %s unreachable", 1: "host %s unreachable", 5: "%s unreachable - source route failed",
		6: "net %s unreachable - unknown", 7: "host %s unreachable - unknown",
		8: "%s unreachable - source host isolated", 9: "net %s unreachable - admin prohibited",
		10: "host %s unreachable - admin prohibited", 11: "net %s unreachable - tos prohibited",
		12: "host %s unreachable - tos prohibited", 13: "host %s unreachable - admin prohibited filter",
		14: "host %s unreachable - host precedence violation", 15: "host %s unreachable - precedence cutoff",
	}
})

func icmpErrType(t uint8) bool { return t == 3 || t == 4 || t == 5 || t == 11 || t == 12 }

// icmp is icmp_print.
func (p *Printer) icmp(b []byte, length int, h *ipHdr) {
	p.enter("icmp")
	defer p.catchSoft()
	typ, code := p.u8(b, 0), p.u8(b, 1)
	str := p.icmpString(b, typ, code)
	p.printf("ICMP %s, length %d", str, length)
	if p.o.Verbose > 0 && !h.fragment && len(b) >= length {
		if sum := checksum(0, b[:length]); sum != 0 {
			stored := p.u16(b, 2)
			p.printf(" (wrong icmp cksum %x (->%x)!)", stored, cksumShouldBe(stored, sum))
		}
	}
	if p.o.Verbose > 0 && icmpErrType(typ) {
		inner := from(b, 8)
		p.puts("\n\t")
		inner = clip(inner, int(p.u16(inner, 2)))
		// ip_print's length is read again after the snapshot end moved:
		// a quoted length below 4 ends the packet with " [|icmp]".
		tot := int(p.u16(inner, 2))
		p.ip(inner, tot)
		p.proto = "icmp"
	}
	if p.o.Verbose > 0 && length > 136 && (typ == 3 || typ == 11 || typ == 12) {
		p.icmpExtensions(b, length)
	}
}

func (p *Printer) icmpString(b []byte, typ, code uint8) string {
	dst := func() string { return p.names.ip4(p.bytes(b, 24, 4)) }
	switch typ {
	case 0, 8:
		return fmt.Sprintf("echo %s, id %d, seq %d", cond(typ == 8, "request", "reply"), p.u16(b, 4), p.u16(b, 6))
	case 3:
		return p.icmpUnreach(b, code, dst)
	case 5:
		gw := func() string { return p.names.ip4(p.bytes(b, 4, 4)) }
		switch code {
		case 0:
			return fmt.Sprintf("redirect %s to net %s", dst(), gw())
		case 1:
			return fmt.Sprintf("redirect %s to host %s", dst(), gw())
		case 2:
			return fmt.Sprintf("redirect-tos %s to net %s", dst(), gw())
		case 3:
			return fmt.Sprintf("redirect-tos %s to host %s", dst(), gw())
		}
		return fmt.Sprintf("redirect-#%d %s to %s", code, dst(), gw())
	case 9:
		return p.icmpRouterAdvert(b)
	case 11:
		p.need(b, 28)
		switch code {
		case 0:
			return "time exceeded in-transit"
		case 1:
			return "ip reassembly time exceeded"
		}
		return fmt.Sprintf("time exceeded-#%d", code)
	case 12:
		if code != 0 {
			return fmt.Sprintf("parameter problem - code %d", code)
		}
		return fmt.Sprintf("parameter problem - octet %d", p.u8(b, 4))
	case 18:
		return fmt.Sprintf("address mask is 0x%08x", p.u32(b, 8))
	case 13:
		return fmt.Sprintf("time stamp query id %d seq %d", p.u16(b, 4), p.u16(b, 6))
	case 14:
		p.need(b, 20)
		return fmt.Sprintf("time stamp reply id %d seq %d: org %s, recv %s, xmit %s", p.u16(b, 4), p.u16(b, 6),
			icmpTstamp(p.u32(b, 8)), icmpTstamp(p.u32(b, 12)), icmpTstamp(p.u32(b, 16)))
	}
	if s, ok := icmpNames()[typ]; ok {
		return s
	}
	return fmt.Sprintf("type-#%d", typ)
}

func (p *Printer) icmpUnreach(b []byte, code uint8, dst func() string) string {
	switch code {
	case 2:
		return fmt.Sprintf("%s protocol %d unreachable", dst(), p.u8(b, 8+9))
	case 3:
		p.need(b, 8+10) // ND_TCHECK_1(ip_p): icmp_print's own trunc label
		hl := int(b[8]&0xf) * 4
		dport := p.u16(b, 8+hl+2)
		proto := b[8+9]
		switch proto {
		case 6:
			return fmt.Sprintf("%s tcp port %s unreachable", dst(), p.names.tcpPort(dport))
		case 17:
			return fmt.Sprintf("%s udp port %s unreachable", dst(), p.names.udpPort(dport))
		}
		return fmt.Sprintf("%s protocol %d port %d unreachable", dst(), proto, dport)
	case 4:
		if mtu := p.u16(b, 6); mtu != 0 {
			return fmt.Sprintf("%s unreachable - need to frag (mtu %d)", dst(), mtu)
		}
		return fmt.Sprintf("%s unreachable - need to frag", dst())
	}
	if f, ok := icmpUnreach()[code]; ok {
		return fmt.Sprintf(f, dst())
	}
	return fmt.Sprintf("%s unreachable - #%d", dst(), code)
}

func icmpTstamp(t uint32) string {
	ms, sec := t%1000, t/1000
	min := sec / 60
	sec -= min * 60
	hrs := min / 60
	min -= hrs * 60
	return fmt.Sprintf("%02d:%02d:%02d.%03d", hrs, min, sec, ms)
}

// icmpRouterAdvert builds the ICMP router advertisement summary.
func (p *Printer) icmpRouterAdvert(b []byte) string {
	p.need(b, 8)
	var s strings.Builder
	s.WriteString("router advertisement lifetime ")
	lt := int(p.u16(b, 6))
	switch {
	case lt < 60:
		fmt.Fprintf(&s, "%d", lt)
	case lt < 3600:
		fmt.Fprintf(&s, "%d:%02d", lt/60, lt%60)
	default:
		fmt.Fprintf(&s, "%d:%02d:%02d", lt/3600, (lt%3600)/60, lt%60)
	}
	num, size := int(b[4]), int(b[5])
	fmt.Fprintf(&s, " %d:", num)
	if size != 2 {
		fmt.Fprintf(&s, " [size %d]", size)
		return s.String()
	}
	for i := 0; i < num; i++ {
		off := 8 + 8*i
		p.need(b, off+8)
		fmt.Fprintf(&s, " {%s %d}", p.names.ip4(b[off:]), p.u32(b, off+4))
	}
	return s.String()
}

var icmpExtObjects = map[uint8]string{1: "MPLS Stack Entry", 2: "Interface Identification"}

// icmpExtensions prints RFC 4884 multi-part extensions after the quoted
// packet (offset 136: version, checksum, then objects).
func (p *Printer) icmpExtensions(b []byte, plen int) {
	p.need(b, 141)
	if b[5] == 0 && len(b) >= plen {
		if checksum(0, b[136:plen]) != 0 {
			return // no length field and no valid checksum: no extension
		}
	}
	v := b[136] >> 4
	p.printf("\n\tICMP Multi-Part extension v%d", v)
	if v != 2 {
		p.puts(" packet not supported")
		return
	}
	hlen := plen - 136
	if len(b) >= plen {
		p.printf(", checksum 0x%04x (%scorrect), length %d", p.u16(b, 138), cond(checksum(0, b[136:plen]) != 0, "in", ""), hlen)
	}
	// hlen is a u_int in tcpdump: a packet 137 to 139 bytes long wraps it
	// and the object loop runs on until the capture ends.
	uhlen := uint32(hlen) - 4
	for off := 140; uhlen > 4; {
		p.need(from(b, off), 4)
		tlen, class, ctype := uint32(b[off])<<8|uint32(b[off+1]), b[off+2], b[off+3]
		off += 4
		name, ok := icmpExtObjects[class]
		if !ok {
			name = "unknown"
		}
		p.printf("\n\t  %s Object (%d), Class-Type: %d, length %d", name, class, ctype, tlen)
		uhlen -= 4
		if class == 0 || tlen < 4 {
			return
		}
		tlen -= 4
		if class == 1 && ctype == 1 {
			e := p.u32(b, off)
			p.printf("\n\t    label %d, tc %d", e>>12, (e>>9)&7)
			if e&0x100 != 0 {
				p.puts(", [S]")
			}
			p.printf(", ttl %d", e&0xff)
		} else {
			p.unknownData(b, off, "\n\t    ", int(tlen))
		}
		if uhlen < tlen {
			break
		}
		uhlen -= tlen
		off += int(tlen)
	}
}
