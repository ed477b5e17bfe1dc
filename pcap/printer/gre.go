package printer

var greFlags = []bitName{{0x8000, "checksum present"}, {0x4000, "routing present"}, {0x2000, "key present"},
	{0x1000, "sequence# present"}, {0x0800, "source routing present"}, {0x0080, "ack present"}}

// gre is gre_print: version 0 (RFC 1701/2784/2890, with source route
// entries) and version 1 (RFC 2637 enhanced GRE, PPTP's PPP carrier).
func (p *Printer) gre(b []byte, length int) {
	p.enter("gre")
	defer p.catchSoft()
	flags := p.u16(b, 0)
	if length < 2 {
		p.softTrunc()
	}
	vers := flags & 7
	p.printf("GREv%d", vers)
	switch vers {
	case 0:
		p.gre0(b, length, flags)
	case 1:
		p.gre1(b, length, flags)
	default:
		p.puts(" ERROR: unknown-version")
	}
}

// greCur walks the optional GRE fields; take unwinds to " [|gre]" when
// the remaining length (or the capture) is shorter than the field.
type greCur struct {
	p      *Printer
	b      []byte
	off, l int
}

func (c *greCur) take(n int) int {
	c.p.need(from(c.b, c.off), n)
	if c.l < n {
		c.p.softTrunc()
	}
	v := c.off
	c.off += n
	c.l -= n
	return v
}

func (p *Printer) gre0(b []byte, length int, flags uint16) {
	if p.o.Verbose > 0 {
		p.printf(", Flags [%s]", bitNames(uint32(flags), greFlags))
	}
	c := &greCur{p: p, b: b, off: 2, l: length - 2}
	prot := p.u16(b, c.take(2))
	if flags&0xc000 != 0 {
		if o := c.take(2); p.o.Verbose > 0 {
			p.printf(", sum 0x%x", p.u16(b, o))
		}
		p.printf(", off 0x%x", p.u16(b, c.take(2)))
	}
	if flags&0x2000 != 0 {
		p.printf(", key=0x%x", p.u32(b, c.take(4)))
	}
	if flags&0x1000 != 0 {
		p.printf(", seq %d", p.u32(b, c.take(4)))
	}
	if flags&0x4000 != 0 {
		p.greRoutes(c)
	}
	p.greTail(prot, length)
	p.greSep()
	body := from(b, c.off)
	switch prot {
	case 0x0800:
		p.ip(body, c.l)
	case 0x86dd:
		p.ip6(body, c.l)
	case 0x6558:
		p.ether(body, c.l)
	case 0x8847:
		p.mpls(body, c.l)
	case 0x8137:
		p.ipx(body)
	case 0x00fe:
		p.isoclns(body, c.l)
	case 0x809b:
		p.unsupport("gre-payload")
	default:
		p.printf("gre-proto-0x%x", prot)
	}
}

// greTail prints the -e protocol, the length and the separator before the
// payload.
func (p *Printer) greTail(prot uint16, length int) {
	if p.o.Ether {
		name, ok := etherTypeNames()[prot]
		if !ok {
			name = "unknown"
		}
		p.printf(", proto %s (0x%04x)", name, prot)
	}
	p.printf(", length %d", length)
}

func (p *Printer) greSep() {
	if p.o.Verbose < 1 {
		p.puts(": ")
	} else {
		p.puts("\n\t")
	}
}

// greRoutes prints the source route entries up to the null entry.
func (p *Printer) greRoutes(c *greCur) {
	for {
		o := c.take(4)
		af, sreoff, srelen := p.u16(c.b, o), p.u8(c.b, o+2), p.u8(c.b, o+3)
		if af == 0 && srelen == 0 {
			return
		}
		if !p.greSRE(c, af, int(sreoff), int(srelen)) {
			p.softTrunc()
		}
		if c.l < int(srelen) {
			p.softTrunc()
		}
		c.off += int(srelen)
		c.l -= int(srelen)
	}
}

// greSRE is gre_sre_print; false (the entry was not captured) ends the
// packet with " [|gre]", malformed entries are only reported.
func (p *Printer) greSRE(c *greCur, af uint16, sreoff, srelen int) bool {
	step, name := 4, "ip"
	switch af {
	case 0x0800:
	case 0xfffe:
		step, name = 2, "asn"
	default:
		p.printf(", (rtaf=0x%x)", af)
		return true
	}
	p.printf(", (rtaf=%s", name)
	ok := p.greSREList(c, step, sreoff, srelen)
	p.puts(")")
	return ok
}

// greSREList prints the addresses (step 4) or AS numbers (step 2) of a
// source route entry, the current one starred.
func (p *Printer) greSREList(c *greCur, step, sreoff, srelen int) bool {
	switch {
	case sreoff%step != 0:
		p.printf(", badoffset=%d", sreoff)
		return true
	case srelen%step != 0:
		p.printf(", badlength=%d", srelen)
		return true
	case sreoff >= srelen:
		p.printf(", badoff/len=%d/%d", sreoff, srelen)
		return true
	}
	for i, l := 0, c.l; srelen != 0; i, l, srelen = i+step, l-step, srelen-step {
		if l < step {
			return false
		}
		star := cond(i == sreoff, "*", "")
		if step == 4 {
			a := from(c.b, c.off+i)
			if len(a) < 4 {
				return false
			}
			p.printf(" %s%d.%d.%d.%d", star, a[0], a[1], a[2], a[3])
		} else {
			p.printf(" %s%x", star, p.u16(c.b, c.off+i))
		}
	}
	return true
}

// gre1 is gre_print_1: enhanced GRE as PPTP uses it.
func (p *Printer) gre1(b []byte, length int, flags uint16) {
	if p.o.Verbose > 0 {
		p.printf(", Flags [%s]", bitNames(uint32(flags), greFlags))
	}
	c := &greCur{p: p, b: b, off: 2, l: length - 2}
	prot := p.u16(b, c.take(2))
	if flags&0x2000 != 0 {
		p.printf(", call %d", p.u32(b, c.take(4))&0xffff)
	}
	if flags&0x1000 != 0 {
		p.printf(", seq %d", p.u32(b, c.take(4)))
	}
	if flags&0x0080 != 0 {
		p.printf(", ack %d", p.u32(b, c.take(4)))
	}
	if flags&0x1000 == 0 {
		p.puts(", no-payload")
	}
	p.greTail(prot, length)
	if flags&0x1000 == 0 {
		return
	}
	p.greSep()
	if prot == 0x880b {
		p.ppp(b, c.off, c.l)
		return
	}
	p.printf("gre-proto-0x%x", prot)
}
