package printer

import (
	"math"
	"net/netip"
)

// The rarer ICMPv6 messages of print-icmp6.c: router renumbering
// (icmp6_rrenum_print), node information queries and replies
// (icmp6_nodeinfo_print) and RPL control messages (rpl_print).

// icmp6RRenum is icmp6_rrenum_print; its truncation marker returns to
// icmp6_print, which carries on.
func (p *Printer) icmp6RRenum(b []byte) {
	if len(b) < 16 {
		p.printTrunc()
		return
	}
	code := b[1]
	switch code {
	case 0:
		p.puts(", command")
	case 1:
		p.puts(", result")
	case 255:
		p.puts(", sequence number reset")
	default:
		p.printf(", code-#%d", code)
	}
	p.printf(", seq=%d", p.u32(b, 4))
	if p.o.Verbose > 0 {
		fl := b[9]
		p.puts("[")
		if fl != 0 {
			p.puts(cond(fl&0x80 != 0, "T", "") + cond(fl&0x40 != 0, "R", "") + cond(fl&0x20 != 0, "A", "") +
				cond(fl&0x10 != 0, "S", "") + cond(fl&0x08 != 0, "P", "") + ",")
		}
		p.printf("seg=%d,maxdelay=%d", b[8], p.u16(b, 10))
		if r := p.u32(b, 12); r != 0 {
			p.printf("rsvd=0x%x", r)
		}
		p.puts("]")
	}
	if code == 0 {
		p.rrenumCommand(b)
	}
}

// rrenumSep starts a match or use part: a new line at -vv.
func (p *Printer) rrenumSep() {
	if p.o.Verbose > 1 {
		p.puts("\n\t")
	} else {
		p.puts(" ")
	}
}

// rrenumCommand prints the match-prefix part and its use-prefix parts.
func (p *Printer) rrenumCommand(b []byte) {
	if len(b) < 40 {
		p.printTrunc()
		return
	}
	p.rrenumSep()
	p.puts("match(")
	switch c := b[16]; c {
	case 1:
		p.puts("add")
	case 2:
		p.puts("change")
	case 3:
		p.puts("setglobal")
	default:
		p.printf("#%d", c)
	}
	if p.o.Verbose > 0 {
		p.printf(",ord=%d,min=%d,max=%d", b[18], b[20], b[21])
	}
	p.printf(",%s/%d)", addrString(netip.AddrFrom16([16]byte(b[24:40]))), b[19])
	n := int(b[17]) - 3
	if n%4 != 0 {
		p.printTrunc()
		return
	}
	for cp := 40; n/4 > 0; n, cp = n-4, cp+32 {
		if len(b) < cp+32 {
			p.printTrunc()
			return
		}
		u := b[cp : cp+32]
		p.rrenumSep()
		p.puts("use(")
		if u[12] != 0 {
			p.puts(cond(u[12]&0x80 != 0, "V", "") + cond(u[12]&0x40 != 0, "P", "") + ",")
		}
		if p.o.Verbose > 0 {
			p.printf("mask=0x%x,raflags=0x%x,", u[2], u[3])
			for i, name := range []string{"vltime", "pltime"} {
				if v := p.u32(u, 4+4*i); v == 0xffffffff {
					p.printf("%s=infty,", name)
				} else {
					p.printf("%s=%d,", name, v)
				}
			}
		}
		p.printf("%s/%d/%d)", addrString(netip.AddrFrom16([16]byte(u[16:32]))), u[0], u[1])
	}
}

// icmp6NodeInfo is icmp6_nodeinfo_print (RFC 4620 node information
// queries and replies), over the captured bytes of the message.
func (p *Printer) icmp6NodeInfo(b []byte, length int) {
	siz := len(b)
	if b[0] == 139 {
		p.nodeInfoQuery(b, siz)
		return
	}
	if length > siz || siz < 16 {
		p.printTrunc()
		return
	}
	p.puts(" node information reply (")
	comma := false
	switch b[1] {
	case 0:
		if p.o.Verbose > 0 {
			p.puts("success")
			comma = true
		}
	case 1, 2:
		p.puts(cond(b[1] == 1, "refused", "unknown"))
		comma = true
		if siz != 16 && p.o.Verbose > 0 {
			p.puts(", invalid length")
		}
	}
	if b[1] != 0 {
		p.puts(")")
		return
	}
	if comma {
		p.puts(", ")
	}
	flags := p.u16(b, 6)
	switch p.u16(b, 4) {
	case 0:
		p.puts("noop")
		if siz != 16 && p.o.Verbose > 0 {
			p.puts(", invalid length")
		}
	case 1:
		p.puts("supported qtypes")
		if flags != 0 {
			p.printf(" [%s]", cond(flags&1 != 0, "C", ""))
		}
	case 2:
		p.puts("DNS name")
		p.nodeInfoName(b, 20)
		if flags&1 != 0 {
			p.printf(" [TTL=%d]", p.u32(b, 16))
		}
	case 3:
		p.puts("node addresses")
		for i := 16; i < siz && i+20 <= siz; i += 20 {
			p.printf(" %s(%d)", p.names.ip6(b[i+4:i+20]), p.u32(b, i))
		}
		if flags != 0 {
			p.printf(" [%s%s]", nodeAddrFlags(flags), cond(flags&1 != 0, "T", ""))
		}
	default:
		p.puts("unknown")
	}
	p.puts(")")
}

// nodeAddrFlags spells the node addresses flags but the truncate bit.
func nodeAddrFlags(f uint16) string {
	return cond(f&0x40 != 0, "a", "") + cond(f&0x20 != 0, "G", "") + cond(f&0x10 != 0, "S", "") +
		cond(f&0x08 != 0, "L", "") + cond(f&0x04 != 0, "C", "") + cond(f&0x02 != 0, "A", "")
}

func (p *Printer) nodeInfoQuery(b []byte, siz int) {
	if siz == 12 {
		p.puts(" who-are-you request")
		return
	}
	p.puts(" node information query")
	if siz < 16 {
		p.printTrunc()
		return
	}
	p.puts(" (")
	qtype, flags := p.u16(b, 4), p.u16(b, 6)
	switch qtype {
	case 0:
		p.puts("noop")
	case 1:
		p.puts("supported qtypes")
		if flags != 0 {
			p.printf(" [%s]", cond(flags&1 != 0, "C", ""))
		}
	case 2:
		p.puts("DNS name")
	case 3:
		p.puts("node addresses")
		if flags != 0 {
			p.printf(" [%s]", nodeAddrFlags(flags))
		}
	default:
		p.puts("unknown")
	}
	switch {
	case qtype == 0 || qtype == 1:
		if siz != 16 && p.o.Verbose > 0 {
			p.puts(", invalid len")
		}
	case siz == 16:
		p.puts(", 03 draft")
	default:
		p.nodeInfoSubject(b, siz)
	}
	p.puts(")")
}

func (p *Printer) nodeInfoSubject(b []byte, siz int) {
	switch b[1] {
	case 0, 2:
		n := cond2(b[1] == 0, 16, 4)
		if siz < 16+n {
			return
		}
		if siz != 16+n {
			if p.o.Verbose > 0 {
				p.puts(", invalid subject len")
			}
			return
		}
		if n == 16 {
			p.printf(", subject=%s", p.names.ip6(b[16:32]))
		} else {
			p.printf(", subject=%s", p.names.ip4(b[16:20]))
		}
	case 1:
		p.puts(", subject=DNS name")
		p.nodeInfoName(b, 16)
	default:
		p.puts(", unknown subject")
	}
}

// nodeInfoName prints a name from cp to the end of the capture: a
// Pascal string (icmp-name-lookup-03) or dnsname_print's labels.
func (p *Printer) nodeInfoName(b []byte, cp int) {
	ep := len(b)
	if int(p.u8(b, cp)) == ep-cp-1 {
		if p.o.Verbose > 0 {
			p.puts(", 03 draft")
		}
		p.puts(", \"")
		for _, c := range b[cp+1:] {
			p.fnPrintChar(c)
		}
		p.puts("\"")
		return
	}
	p.puts(", \"")
	for cp < ep {
		i := int(b[cp])
		cp++
		if i == 0 {
			switch {
			case cp == ep:
				p.puts(".")
			case cp+1 == ep && b[cp] == 0:
			default:
				p.puts("???")
			}
			break
		}
		if i > ep-cp {
			p.puts("???")
			break
		}
		for _, c := range b[cp : cp+i] {
			p.fnPrintChar(c)
		}
		cp += i
		if cp+1 < ep && b[cp] != 0 {
			p.puts(".")
		}
	}
	p.puts("\"")
}

var (
	rplMOPs       = []string{"nonstoring", "storing", "nonstoring-multicast", "storing-multicast"}
	rplOptionName = []string{"pad1", "padN", "metrics", "routinginfo", "config", "rpltarget", "transitinfo", 8: "destprefix", 9: "rpltargetdesc"}
)

// rpl is rpl_print: b starts at the ICMPv6 message body (offset 4),
// length is the message length less 4 (u_int in tcpdump, so it wraps).
func (p *Printer) rpl(b []byte, code uint8, length int) {
	if length < 0 { // the u_int wraps to ~4G; on 32-bit ints, to MaxInt32-ish
		length = int(uint64(uint32(length)) & math.MaxInt)
	}
	if code&0x80 != 0 {
		p.puts(", (SEC) [worktodo]")
		return
	}
	p.puts(", (CLR)")
	switch code {
	case 0:
		p.puts("DODAG Information Solicitation")
	case 1:
		p.puts("DODAG Information Object")
		if p.o.Verbose > 0 {
			p.rplDIO(b, length)
		}
	case 2:
		p.puts("Destination Advertisement Object")
		if p.o.Verbose > 0 {
			p.rplDAO(b, length)
		}
	case 3:
		p.puts("Destination Advertisement Object Ack")
		if p.o.Verbose > 0 {
			p.rplDAOAck(b, length)
		}
	default:
		p.printf("RPL message, unknown code %d", code)
	}
}

func (p *Printer) rplDIO(b []byte, length int) {
	if length < 24 {
		p.printf(" [length %d < 24]", length)
		p.invalid()
		return
	}
	mopprf := p.u8(b, 4)
	p.printf(" [dagid:%s,seq:%d,instance:%d,rank:%d,%smop:%s,prf:%d]", p.names.ip6(p.bytes(b, 8, 16)), p.u8(b, 5),
		p.u8(b, 0), p.u16(b, 2), cond(mopprf&0x80 != 0, "grounded,", ""),
		strName(rplMOPs, int(mopprf>>3&7), "mop"+itoa(int(mopprf>>3&7))), mopprf&7)
	if p.o.Verbose > 1 {
		p.rplOpts(from(b, 24), length-24)
	}
}

func (p *Printer) rplDAO(b []byte, length int) {
	if len(b) < 20 {
		p.printTrunc()
		return
	}
	if length < 4 {
		p.puts(" [|length too short]")
		return
	}
	fl := b[1]
	dagid, off := "<elided>", 4
	if fl&0x40 != 0 {
		if length-4 < 16 {
			p.puts(" [|length too short]")
			return
		}
		dagid, off = p.names.ip6(b[4:20]), 20
	}
	p.printf(" [dagid:%s,seq:%d,instance:%d%s%s,%02x]", dagid, b[3], b[0], cond(fl&0x80 != 0, ",acK", ""),
		cond(fl&0x40 != 0, ",Dagid", ""), fl)
	if p.o.Verbose > 1 {
		p.rplOpts(b[off:], length-off)
	}
}

func (p *Printer) rplDAOAck(b []byte, length int) {
	if len(b) < 4 {
		p.printTrunc()
		return
	}
	if length < 4 {
		p.puts(" [|dao-length too short]")
		return
	}
	dagid, off := "<elided>", 4
	if b[1]&0x80 != 0 {
		if len(b) < 20 {
			p.printTrunc()
			return
		}
		if length-4 < 16 {
			p.puts(" [|dao-length too short]")
			return
		}
		dagid, off = p.names.ip6(b[4:20]), 20
	}
	p.printf(" [dagid:%s,seq:%d,instance:%d,status:%d]", dagid, b[2], b[0], b[3])
	if p.o.Verbose > 1 {
		p.rplOpts(b[off:], length-off)
	}
}

// rplOpts is rpl_printopts; its truncation marker ends the option list.
func (p *Printer) rplOpts(b []byte, length int) {
	for off := 0; length != 0; {
		typ := p.u8(b, off)
		optlen := 1
		if typ == 0 {
			p.puts(" opt:pad1")
		} else {
			if length < 2 {
				p.printTrunc()
				return
			}
			optlen = int(p.u8(b, off+1)) + 2
			p.printf(" opt:%s len:%d ", strName(rplOptionName, int(typ), "subopt:"+itoa(int(typ))), optlen)
			if off+optlen > len(b) || length < optlen {
				p.printTrunc()
				return
			}
			if p.o.Verbose > 2 {
				p.hex(" ", b[off+2:off+optlen])
			}
		}
		off += optlen
		length -= optlen
	}
}
