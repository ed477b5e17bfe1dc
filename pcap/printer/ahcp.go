package printer

import "time"

var ahcpOptions = []string{"Pad", "Mandatory", "Origin Time", "Expires", "My-IPv6-Address", "My-IPv4-Address",
	"IPv6 Prefix", "IPv4 Prefix", "IPv6 Address", "IPv4 Address", "IPv6 Prefix Delegation",
	"IPv4 Prefix Delegation", "Name Server", "NTP Server"}

// ahcp is ahcp_print (the Ad Hoc Configuration Protocol that Babel
// networks use, UDP port 5359): the version, with -v the header and
// message, with -vv the options.
func (p *Printer) ahcp(b []byte, length int) {
	p.enter("ahcp")
	p.puts("AHCP")
	ep := length // the message ends at the UDP length, captured or not
	if length < 2 || p.ahcpByte(b, 0) != 43 {
		p.ahcpInvalid(b, 0, ep)
		return
	}
	if v := p.ahcpByte(b, 1); v != 1 {
		p.printf(" Version %d (unknown)", v)
		return
	}
	p.puts(" Version 1")
	if length < 24 {
		p.ahcpInvalid(b, 2, ep)
		return
	}
	if p.o.Verbose == 0 {
		p.needHard(from(b, 2), 22)
	} else {
		p.printf("\n\tHopcount %d", p.ahcpByte(b, 2))
		p.printf(", Original Hopcount %d", p.ahcpByte(b, 3))
		p.needHard(from(b, 4), 4)
		p.printf(", Nonce 0x%08x", p.u32(b, 4))
		p.needHard(from(b, 8), 8)
		p.printf(", Source Id %s", p.names.linkAddr(b[8:16]))
		p.needHard(from(b, 16), 8)
		p.printf(", Destination Id %s", p.names.linkAddr(b[16:24]))
	}
	p.ahcpBody(b, 24, ep)
}

// ahcpByte is a captured byte; like tcpdump 4.99.3 (ND_LONGJMP_FROM_TCHECK
// in print-ahcp.c) a short capture abandons the packet.
func (p *Printer) ahcpByte(b []byte, off int) uint8 {
	p.needHard(from(b, off), 1)
	return b[off]
}

// ahcpInvalid is the "invalid:" label: the marker, then a truncation if
// the rest was not captured.
func (p *Printer) ahcpInvalid(b []byte, cp, ep int) {
	p.invalid()
	p.needHard(from(b, cp), ep-cp)
}

func (p *Printer) ahcpBody(b []byte, cp, ep int) {
	if cp+4 > ep {
		p.ahcpInvalid(b, cp, ep)
		return
	}
	typ, mbz := p.ahcpByte(b, cp), p.ahcpByte(b, cp+1)
	p.needHard(from(b, cp+2), 2)
	n := int(p.u16(b, cp+2))
	cp += 4
	if p.o.Verbose > 0 {
		p.printf("\n\t%s", strName([]string{"Discover", "Offer", "Request", "Ack", "Nack", "Release"}, int(typ), "Unknown-"+itoa(int(typ))))
		if mbz != 0 {
			p.printf(", MBZ %d", mbz)
		}
		p.printf(", Length %d", n)
	}
	if cp+n > ep {
		p.ahcpInvalid(b, cp, ep)
		return
	}
	if p.o.Verbose >= 2 {
		p.ahcpOptions(b, cp, cp+n)
	} else {
		p.needHard(from(b, cp), n)
	}
}

func (p *Printer) ahcpOptions(b []byte, cp, ep int) {
	for cp < ep {
		opt := p.ahcpByte(b, cp)
		cp++
		p.printf("\n\t %s", strName(ahcpOptions, int(opt), "Unknown-"+itoa(int(opt))))
		if opt == 0 || opt == 1 {
			continue
		}
		if cp+1 > ep {
			p.ahcpInvalid(b, cp, ep)
			return
		}
		n := int(p.ahcpByte(b, cp))
		cp++
		if cp+n > ep {
			p.ahcpInvalid(b, cp, ep)
			return
		}
		if !p.ahcpValue(b, opt, cp, cp+n) {
			p.printf(" (Length %d)", n)
			p.needHard(from(b, cp), n)
		}
		cp += n
	}
}

// ahcpValue prints an option value with its data decoder; false means
// the option has none.
func (p *Printer) ahcpValue(b []byte, opt uint8, cp, ep int) bool {
	var size int
	switch opt {
	case 2, 3, 5, 9:
		size = 4
	case 4, 8, 12, 13:
		size = 16
	case 6, 10:
		size = 17
	case 11:
		size = 5
	default:
		return false // Pad, Mandatory, IPv4 Prefix (no decoder in tcpdump) and unknown
	}
	if opt <= 3 && cp+4 != ep {
		p.ahcpInvalid(b, cp, ep)
		return true
	}
	sep := ": "
	for ; cp < ep; cp += size {
		if cp+size > ep {
			p.ahcpInvalid(b, cp, ep)
			return true
		}
		p.needHard(from(b, cp), size)
		switch opt {
		case 2:
			t := time.Unix(int64(p.u32(b, cp)), 0).UTC()
			p.printf(": %s UTC", t.Format("2006-01-02 15:04:05"))
		case 3:
			p.printf(": %ds", p.u32(b, cp))
		case 5, 9:
			p.printf("%s%s", sep, p.names.ip4(b[cp:cp+4]))
		case 11:
			p.printf("%s%s/%d", sep, p.names.ip4(b[cp:cp+4]), b[cp+4])
		case 6, 10:
			p.printf("%s%s/%d", sep, p.names.ip6(b[cp:cp+16]), b[cp+16])
		default:
			p.printf("%s%s", sep, p.names.ip6(b[cp:cp+16]))
		}
		sep = ", "
	}
	return true
}
