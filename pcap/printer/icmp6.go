package printer

import (
	"fmt"
	"strings"
	"sync"
)

var icmp6Names = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		1: "destination unreachable", 2: "packet too big", 3: "time exceeded in-transit",
		4: "parameter problem", 128: "echo request", 129: "echo reply", 130: "multicast listener query",
		131: "multicast listener report", 132: "multicast listener done", 133: "router solicitation",
		134: "router advertisement", 135: "neighbor solicitation", 136: "neighbor advertisement",
		137: "redirect", 138: "router renumbering", 141: "inverse neighbor solicitation",
		142: "inverse neighbor advertisement", 143: "multicast listener report v2",
		144: "ha discovery request", 145: "ha discovery reply", 146: "mobile router solicitation",
		147: "mobile router advertisement", 139: "who-are-you request", 140: "who-are-you reply",
		200: "mtrace response", 201: "mtrace message", 155: "RPL",
	}
})

var icmp6Unreach = map[uint8]string{0: "unreachable route", 1: " unreachable prohibited",
	2: "beyond scope", 3: "unreachable address", 4: "unreachable port"}

// icmp6 is icmp6_print (print-icmp6.c).
func (p *Printer) icmp6(b []byte, length int, h *ipHdr) {
	p.enter("icmp6")
	defer p.catchSoft()
	if length == 0 {
		p.puts("ICMP6, length 0")
		p.invalid()
		return
	}
	if p.o.Verbose > 0 && !h.fragment && len(b) >= length {
		stored := p.u16(b, 2)
		if sum := checksum(pseudoSum(h, 58, length), b[:length]); sum != 0 {
			p.printf("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", stored, cksumShouldBe(stored, sum))
		} else {
			p.puts("[icmp6 sum ok] ")
		}
	}
	typ := p.u8(b, 0)
	name, ok := icmp6Names()[typ]
	if !ok {
		name = fmt.Sprintf("unknown icmp6 type (%d)", typ)
	}
	p.printf("ICMP6, %s", name)
	if p.o.Verbose > 0 && (typ == 133 || typ == 134 || typ == 136 || typ == 135 || typ == 137 || typ == 145 || typ == 147) {
		p.printf(", length %d", length)
	}
	code := p.u8(b, 1)
	if !p.icmp6Body(b, length, typ, code) {
		return
	}
	if p.o.Verbose == 0 {
		p.printf(", length %d", length)
	}
}

// icmp6Body prints the type-specific part; false when the line is done.
func (p *Printer) icmp6Body(b []byte, length int, typ, code uint8) bool {
	oip := from(b, 8)
	switch typ {
	case 1:
		if s, ok := icmp6Unreach[code]; ok {
			p.printf(", %s", s)
		} else {
			p.printf(", unknown unreach code (%d)", code)
		}
		switch code {
		case 0, 1, 3:
			p.printf(" %s", p.names.ip6(p.bytes(oip, 24, 16)))
		case 2:
			p.printf(" %s, source address %s", p.names.ip6(p.bytes(oip, 24, 16)), p.names.ip6(p.bytes(oip, 8, 16)))
		case 4:
			p.icmp6NoPort(oip)
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(b, 0, "\n\t", length)
				return false
			}
		}
	case 2:
		p.printf(", mtu %d", p.u32(b, 4))
	case 3:
		switch code {
		case 0:
			p.printf(" for %s", p.names.ip6(p.bytes(oip, 24, 16)))
		case 1:
			p.puts(" (reassembly)")
		default:
			p.printf(", unknown code (%d)", code)
		}
	case 4:
		p.need(oip, 40)
		names := []string{", erroneous - octet %d", ", next header - octet %d", ", option - octet %d", ", incomplete header chain - octet %d"}
		if int(code) < len(names) {
			p.printf(names[code], p.u32(b, 4))
		} else {
			p.printf(", code-#%d", code)
		}
	case 128, 129:
		p.printf(", id %d, seq %d", p.u16(b, 4), p.u16(b, 6))
	case 143:
		p.mldv2Report(b, length)
	case 130, 131, 132:
		if typ == 130 && length != 24 {
			if length >= 28 {
				p.puts(" v2")
				p.mldv2Query(b, length)
			} else {
				p.printf(" unknown-version (len %d) ", length)
			}
			break
		}
		if len(b) >= 24 {
			p.printf("max resp delay: %d ", p.u16(b, 4))
			p.printf("addr: %s", p.names.ip6(p.bytes(b, 8, 16)))
		}
	case 133:
		return p.icmp6OptsV(b, length, 8)
	case 134:
		if p.o.Verbose > 0 {
			fl := p.u8(b, 5)
			p.printf("\n\thop limit %d, Flags [%s], pref %s, router lifetime %ds, reachable time %dms, retrans timer %dms",
				p.u8(b, 4), bitNames(uint32(fl), raFlags), rtPref(fl), p.u16(b, 6), p.u32(b, 8), p.u32(b, 12))
		}
		return p.icmp6OptsV(b, length, 16)
	case 135:
		p.printf(", who has %s", p.names.ip6(p.bytes(b, 8, 16)))
		return p.icmp6OptsV(b, length, 24)
	case 136:
		p.printf(", tgt is %s", p.names.ip6(p.bytes(b, 8, 16)))
		if p.o.Verbose > 0 {
			p.printf(", Flags [%s]", bitNames(p.u32(b, 4), naFlags))
		}
		return p.icmp6OptsV(b, length, 24)
	case 137:
		p.printf(", %s", p.names.ip6(p.bytes(b, 24, 16)))
		p.printf(" to %s", p.names.ip6(p.bytes(b, 8, 16)))
		return p.icmp6OptsV(b, length, 40)
	case 138:
		p.icmp6RRenum(b)
	case 139, 140:
		p.icmp6NodeInfo(b, length)
	case 141, 142:
	case 144, 146:
		p.printf(", id 0x%04x", p.u16(b, 4))
	case 145:
		if p.o.Verbose > 0 {
			p.printf(", id 0x%04x", p.u16(b, 4))
			for off := 8; off < length; off += 16 {
				p.printf(", %s", p.names.ip6(p.bytes(b, off, 16)))
			}
		}
	case 147:
		if p.o.Verbose > 0 {
			p.printf(", id 0x%04x", p.u16(b, 4))
			fl := p.u16(b, 6)
			p.puts(cond(fl&0xc000 != 0, " ", "") + cond(fl&0x8000 != 0, "M", "") + cond(fl&0x4000 != 0, "O", ""))
			return p.icmp6OptsV(b, length, 8)
		}
	case 155:
		p.rpl(from(b, 4), code, length-4)
	default:
		p.printf(", length %d", length)
		if p.o.Verbose <= 1 {
			p.unknownData(b, 0, "\n\t", length)
		}
		return false
	}
	return true
}

// icmp6NoPort prints ", ADDR udp port P" from the quoted packet
// (get_upperlayer walks HBH/DSTOPT/routing/fragment/AH headers).
func (p *Printer) icmp6NoPort(oip []byte) {
	p.need(oip, 7) // get_upperlayer's ND_TTEST_1: NULL, then "goto trunc"
	nh := oip[6]
	off, hlen := 0, 40
	for off < len(oip) {
		off += hlen
		cp := from(oip, off)
		switch nh {
		case 6, 17:
			if len(cp) < 4 {
				p.softTrunc()
			}
			dport := p.u16(cp, 2)
			if nh == 6 {
				p.printf(", %s tcp port %s", p.names.ip6(p.bytes(oip, 24, 16)), p.names.tcpPort(dport))
			} else {
				p.printf(", %s udp port %s", p.names.ip6(p.bytes(oip, 24, 16)), p.names.udpPort(dport))
			}
			return
		case 0, 60, 43:
			if len(cp) < 2 {
				p.softTrunc()
			}
			nh, hlen = cp[0], (int(cp[1])+1)<<3
		case 44:
			if len(cp) < 4 || p.u16(cp, 2)&0xfff8 != 0 {
				p.softTrunc()
			}
			nh, hlen = cp[0], 8
		case 51:
			if len(cp) < 2 {
				p.softTrunc()
			}
			nh, hlen = cp[0], (int(cp[1])+2)<<2
		default:
			p.softTrunc()
		}
	}
	p.softTrunc()
}

type bitName struct {
	bit  uint32
	name string
}

var (
	raFlags = []bitName{{0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"}}
	naFlags = []bitName{{0x80000000, "router"}, {0x40000000, "solicited"}, {0x20000000, "override"}}
	piFlags = []bitName{{0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"}}
)

// bitNames is bittok2str: set flag names joined by ", ", or "none".
func bitNames(v uint32, names []bitName) string {
	var out []string
	for _, n := range names {
		if v&n.bit != 0 {
			out = append(out, n.name)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

func rtPref(v uint8) string { return []string{"medium", "high", "rsv", "low"}[(v&0x18)>>3] }

func lifetime(v uint32) string {
	if v == 0xffffffff {
		return "infinity"
	}
	return fmt.Sprintf("%ds", v)
}

var ndOptNames = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{1: "source link-address", 2: "destination link-address", 3: "prefix info",
		4: "redirected header", 5: "mtu", 25: "rdnss", 31: "dnssl", 7: "advertisement interval",
		8: "homeagent information", 24: "route info"}
})

// icmp6OptsV prints ND options with -v (icmp6_opt_print over the message
// from off, resid bytes long); false when the line ended with a
// truncation.
func (p *Printer) icmp6OptsV(b []byte, length, off int) bool {
	if p.o.Verbose == 0 {
		return true
	}
	resid := length - off
	for cp := off; cp < len(b); {
		if cp+2 > len(b) {
			p.printTrunc()
			return false
		}
		if resid <= 0 {
			return true
		}
		typ, ol := b[cp], int(b[cp+1])
		if ol == 0 || cp+ol*8 > len(b) {
			p.printTrunc()
			return false
		}
		name, ok := ndOptNames()[typ]
		if !ok {
			name = "unknown"
		}
		p.printf("\n\t  %s option (%d), length %d (%d): ", name, typ, ol*8, ol)
		opt := b[cp : cp+ol*8]
		switch typ {
		case 1, 2:
			for i, c := range opt[2:] {
				if i > 0 {
					p.puts(":")
				}
				p.printf("%02x", c)
			}
		case 3:
			prefix, plen, fl := p.names.ip6(p.bytes(b, cp+16, 16)), p.u8(b, cp+2), p.u8(b, cp+3)
			valid, pref := p.u32(b, cp+4), p.u32(b, cp+8)
			p.printf("%s/%d%s, Flags [%s], valid time %s", prefix, plen, cond(ol != 4, "badlen", ""),
				bitNames(uint32(fl), piFlags), lifetime(valid))
			p.printf(", pref. time %s", lifetime(pref))
		case 4:
			p.unknownData(b, off, "\n\t    ", ol*8)
		case 5:
			p.printf(" %d%s", p.u32(opt, 4), cond(ol != 1, "bad option length", ""))
		case 25:
			p.printf(" lifetime %ds,", p.u32(opt, 4))
			for i := 0; i < (ol-1)/2; i++ {
				p.printf(" addr: %s", p.names.ip6(p.bytes(opt, 8+16*i, 16)))
			}
		case 7:
			p.printf(" %dms", p.u32(opt, 4))
		case 8:
			p.printf(" preference %d, lifetime %d", p.u16(opt, 4), p.u16(opt, 6))
		case 31:
			if !p.ndDNSSL(b[off:], cp-off, ol*8) {
				p.printTrunc()
				return false
			}
		case 24:
			if !p.ndRouteInfo(opt, ol) {
				p.printTrunc()
				return false
			}
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(opt, 2, "\n\t  ", ol*8-2)
				return true
			}
		}
		if p.o.Verbose > 1 {
			p.unknownData(opt, 2, "\n\t    ", ol*8-2)
		}
		cp += ol * 8
		resid -= ol * 8
	}
	return true
}

var mldv2Records = map[uint8]string{1: "is_in", 2: "is_ex", 3: "to_in", 4: "to_ex", 5: "allow", 6: "block"}

// mldv2Report is mldv2_report_print.
func (p *Printer) mldv2Report(b []byte, length int) {
	if length < 8 {
		p.printf(" [invalid len %d]", length)
		return
	}
	p.groupRecords(b, length, 16, p.names.ip6, "v2")
}

// mldv2Query is mldv2_query_print.
func (p *Printer) mldv2Query(b []byte, length int) {
	mrc := int(p.u16(b, 4))
	mrt := mrc
	if mrc >= 32768 {
		mrt = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
	}
	if p.o.Verbose > 0 {
		p.printf(" [max resp delay=%d]", mrt)
	}
	p.printf(" [gaddr %s", p.names.ip6(p.bytes(b, 8, 16)))
	if p.o.Verbose > 0 {
		f := p.u8(b, 24)
		if f&0x08 != 0 {
			p.puts(" sflag")
		}
		if f&0x07 != 0 {
			p.printf(" robustness=%d", f&7)
		}
		q := int(p.u8(b, 25))
		if q >= 128 {
			q = ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3)
		}
		p.printf(" qqi=%d", q)
	}
	p.querySources(b, length, 26, 16, p.names.ip6)
}

// ndDNSSL prints the DNS search list option; names are compressed
// relative to the start of the options (bp in icmp6_opt_print).
func (p *Printer) ndDNSSL(opts []byte, at, n int) bool {
	p.printf(" lifetime %ds, domain(s):", p.u32(opts, at+4))
	d := &dnsMsg{p: p, b: opts}
	for dom := at + 8; dom < at+n && p.u8(opts, dom) != 0; {
		p.puts(" ")
		if dom = d.name(dom); dom < 0 {
			return false
		}
	}
	return true
}

// ndRouteInfo prints the route information option (RFC 4191).
func (p *Printer) ndRouteInfo(opt []byte, ol int) bool {
	p.need(opt, 8)
	var prefix [16]byte
	switch ol {
	case 1:
	case 2:
		copy(prefix[:], p.bytes(opt, 8, 8))
	case 3:
		copy(prefix[:], p.bytes(opt, 8, 16))
	default:
		return false
	}
	p.printf(" %s/%d", p.names.ip6(prefix[:]), opt[2])
	p.printf(", pref=%s", rtPref(opt[3]))
	p.printf(", lifetime=%s", lifetime(p.u32(opt, 4)))
	return true
}
