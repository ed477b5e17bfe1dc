package printer

var mplsLabelNames = []string{"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd"}

// mpls is mpls_print: the label stack, then IPv4/IPv6 guessed from the
// reserved labels or the first payload nibble.
func (p *Printer) mpls(b []byte, length int) {
	p.enter("mpls")
	p.puts("MPLS")
	off, depth := 0, 0
	var entry uint32
	for {
		if length < 4 {
			p.invalid()
			p.needHard(from(b, off), length)
			return
		}
		entry = p.u32(b, off)
		label := entry >> 12
		p.printf("%s(label %d", cond(depth > 0 && p.o.Verbose > 0, "\n\t", " "), label)
		depth++
		if p.o.Verbose > 0 && int(label) < len(mplsLabelNames) {
			p.printf(" (%s)", mplsLabelNames[label])
		}
		p.printf(", tc %d", (entry>>9)&7)
		if entry&0x100 != 0 {
			p.puts(", [S]")
		}
		p.printf(", ttl %d)", entry&0xff)
		off += 4
		length -= 4
		if entry&0x100 != 0 {
			break
		}
	}
	p.mplsPayload(from(b, off), length, entry>>12)
}

func (p *Printer) mplsPayload(b []byte, length int, label uint32) {
	v := 0
	switch label {
	case 0, 3:
		v = 4
	case 2:
		v = 6
	default:
		if length < 1 {
			return
		}
		switch first := p.u8(b, 0); {
		case first >= 0x45 && first <= 0x4f:
			v = 4
		case first >= 0x60 && first <= 0x6f:
			v = 6
		case first >= 0x81 && first <= 0x83:
			p.unsupport("isoclns")
			return
		}
	}
	switch v {
	case 4:
		p.puts(cond(p.o.Verbose > 0, "\n\t", " "))
		p.ip(b, length)
	case 6:
		p.puts(cond(p.o.Verbose > 0, "\n\t", " "))
		p.ip6(b, length)
	default:
		// ND_DEFAULTPRINT(p, length): past the captured bytes the dump
		// ends in a longjmp.
		if !p.suppressDefault() {
			p.hexASCII("\n\t", clip(b, length))
			if length > len(b) {
				p.trunc()
			}
		}
	}
}
