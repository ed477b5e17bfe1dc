package printer

var bgpMsgs = map[uint8]string{1: "Open", 2: "Update", 3: "Notification", 4: "Keepalive", 5: "Route Refresh"}

// bgp is bgp_print: ": BGP", and with -v each message found after a
// marker. Keepalives and unknown types are printed like tcpdump; the
// bodies of Open, Update, Notification and Route Refresh are not decoded
// (flagged unsupported).
func (p *Printer) bgp(b []byte) {
	p.enter("bgp")
	defer p.catchSoft()
	p.puts(": BGP")
	if p.o.Verbose == 0 {
		return
	}
	start := 0
	for off := 0; off < len(b); {
		if b[off] != 0xff {
			off++
			continue
		}
		if off+16 > len(b) {
			return
		}
		if string(b[off:off+16]) != string(bytes16(0xff)) {
			off++
			continue
		}
		p.need(from(b, off), 19)
		if start != off {
			p.printTrunc()
		}
		hlen := int(p.u16(b, off+16))
		if hlen < 19 {
			p.printf("\nmessage length %d < 19", hlen)
			p.invalid()
			return
		}
		typ := b[off+18]
		if off+hlen > len(b) {
			name, ok := bgpMsgs[typ]
			if !ok {
				name = "Unknown Message Type"
			}
			p.printf("\n[|BGP %s]", name)
			return
		}
		p.bgpMessage(b[off:off+hlen], typ)
		off += hlen
		start = off
	}
}

func (p *Printer) bgpMessage(m []byte, typ uint8) {
	name, ok := bgpMsgs[typ]
	if !ok {
		name = "Unknown"
	}
	p.printf("\n\t%s Message (%d), length: %d", name, typ, len(m))
	switch typ {
	case 4:
	case 1, 2, 3, 5:
		p.unsupport("bgp-" + name)
	default:
		p.printf("\n\t  no Message %d decoder", typ)
		p.hex("\n\t  ", m)
	}
}

func bytes16(c byte) []byte {
	b := make([]byte, 16)
	for i := range b {
		b[i] = c
	}
	return b
}
