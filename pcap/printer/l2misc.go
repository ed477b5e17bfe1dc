package printer

import "fmt"

var eapolTypes = map[uint8]string{0: "EAP packet", 1: "EAPOL start", 2: "EAPOL logoff", 3: "EAPOL key", 4: "Encapsulated ASF alert"}

// eapol is eapol_print without -v (the EAP decode of -v is flagged).
func (p *Printer) eapol(b []byte) {
	p.enter("eap")
	defer p.catchSoft()
	p.need(b, 4)
	name, ok := eapolTypes[b[1]]
	if !ok {
		name = "unknown"
	}
	p.printf("%s (%d) v%d, len %d", name, b[1], b[0], p.u16(b, 2))
	if p.o.Verbose > 0 && b[1] == 0 {
		p.unsupport("eap-verbose")
	}
}

var slowProtos = map[uint8]string{1: "LACP", 2: "MARKER", 3: "OAM"}

// slow is slow_print's summary line (LACP, Marker, OAM); the -v TLV
// decode is flagged unsupported.
func (p *Printer) slow(b []byte, length int) {
	p.enter("slow")
	tooShort := func() {
		p.puts(cond(p.o.Verbose == 0, " (packet is too short)", "\n\t\t packet is too short"))
	}
	if length < 1 {
		tooShort()
		return
	}
	sub := p.u8(b, 0)
	name, ok := slowProtos[sub]
	if !ok {
		name = fmt.Sprintf("unknown (%d)", sub)
	}
	switch sub {
	case 1, 2:
		if length < 2 {
			tooShort()
			return
		}
		if v := p.u8(b, 1); v != 1 {
			p.printf("%s version %d packet not supported", cond(sub == 1, "LACP", "MARKER"), v)
			return
		}
		p.printf("%sv%d, length %d", name, b[1], length)
	case 3:
		p.printf("%s, length %d", name, length)
	default:
		p.printf("%s, length %d", name, length)
		p.hex("\n\t", clip(b, length))
		return
	}
	if p.o.Verbose > 0 {
		p.unsupport("slow-verbose")
	}
}

// lldp is lldp_print without -v: the length and the system name (the
// per-TLV decode of -v is flagged unsupported).
func (p *Printer) lldp(b []byte, length int) {
	p.enter("lldp")
	defer p.catchSoft()
	p.printf("LLDP, length %d", length)
	if p.o.Verbose > 0 {
		p.unsupport("lldp-verbose")
		return
	}
	for off, left := 0, length; left >= 2; {
		tlv := p.u16(b, off)
		typ, n := tlv>>9, int(tlv&0x1ff)
		off += 2
		left -= 2
		if typ == 0 || n == 0 {
			return
		}
		if len(b) < off+n || left < n {
			p.printTrunc()
			return
		}
		if typ == 5 {
			p.puts(": ")
			for _, c := range b[off : off+n] {
				if c == 0 {
					break
				}
				p.fnPrintChar(c)
			}
		}
		off += n
		left -= n
	}
}
