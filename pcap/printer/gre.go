package printer

var greFlags = []bitName{{0x8000, "checksum present"}, {0x4000, "routing present"}, {0x2000, "key present"},
	{0x1000, "sequence# present"}, {0x0800, "source routing present"}, {0x0080, "ack present"}}

// gre is gre_print for version 0 (RFC 2784/2890) without source routes;
// version 1 (PPTP) and routing entries are flagged unsupported.
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
		p.unsupport("gre-v1")
	default:
		p.puts(" ERROR: unknown-version")
	}
}

func (p *Printer) gre0(b []byte, length int, flags uint16) {
	if p.o.Verbose > 0 {
		p.printf(", Flags [%s]", bitNames(uint32(flags), greFlags))
	}
	off, l := 2, length-2
	take := func(n int) int {
		p.need(from(b, off), n)
		if l < n {
			p.softTrunc()
		}
		v := off
		off += n
		l -= n
		return v
	}
	prot := p.u16(b, take(2))
	if flags&0xc000 != 0 {
		if o := take(2); p.o.Verbose > 0 {
			p.printf(", sum 0x%x", p.u16(b, o))
		}
		p.printf(", off 0x%x", p.u16(b, take(2)))
	}
	if flags&0x2000 != 0 {
		p.printf(", key=0x%x", p.u32(b, take(4)))
	}
	if flags&0x1000 != 0 {
		p.printf(", seq %d", p.u32(b, take(4)))
	}
	if flags&0x4000 != 0 {
		p.unsupport("gre-routing")
		return
	}
	if p.o.Ether {
		name, ok := etherTypeNames()[prot]
		if !ok {
			name = "unknown"
		}
		p.printf(", proto %s (0x%04x)", name, prot)
	}
	p.printf(", length %d", length)
	if p.o.Verbose < 1 {
		p.puts(": ")
	} else {
		p.puts("\n\t")
	}
	body := from(b, off)
	switch prot {
	case 0x0800:
		p.ip(body, l)
	case 0x86dd:
		p.ip6(body, l)
	case 0x6558:
		p.ether(body, l)
	case 0x8847:
		p.mpls(body, l)
	case 0x8137, 0x809b, 0x00fe:
		p.unsupport("gre-payload")
	default:
		p.printf("gre-proto-0x%x", prot)
	}
}
