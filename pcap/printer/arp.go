package printer

import "sync"
import "fmt"

var arpOps = map[uint16]string{1: "Request", 2: "Reply", 3: "Reverse Request", 4: "Reverse Reply",
	8: "Inverse Request", 9: "Inverse Reply", 10: "NACK Reply"}

var arpHrd = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{1: "Ethernet", 6: "TokenRing", 7: "ArcNet", 15: "FrameRelay",
		23: "Strip", 24: "IEEE 1394", 19: "ATM", 32: "InfiniBand"}
})

// arp is arp_print (Ethernet-style ARP and RARP).
func (p *Printer) arp(b []byte, length int) {
	p.enter("arp")
	p.needHard(b, 8)
	hrd, pro, op := p.u16(b, 0), p.u16(b, 2), p.u16(b, 6)
	hln, pln := int(b[4]), int(b[5])
	if hrd == 19 || hrd == 15 {
		p.unsupport("atmarp-or-frelay")
		return
	}
	sha, spa := 8, 8+hln
	tha, tpa := 8+hln+pln, 8+2*hln+pln
	p.needHard(b, tpa+pln)
	if !p.o.Ether {
		p.puts("ARP, ")
	}
	if (pro != 0x0800 && pro != 0x1000) || pln != 4 || hln == 0 || p.o.Verbose > 0 {
		hs, ok := arpHrd()[hrd]
		if !ok {
			hs = fmt.Sprintf("Unknown Hardware (%d)", hrd)
		}
		ps, ok := etherTypeNames()[pro]
		if !ok {
			ps = fmt.Sprintf("Unknown Protocol (0x%04x)", pro)
		}
		p.printf("%s (len %d), %s (len %d)", hs, hln, ps, pln)
		if p.o.Verbose == 0 {
			p.printf(", length %d", length)
			return
		}
	}
	ops, ok := arpOps[op]
	if !ok {
		ops = fmt.Sprintf("Unknown (%d)", op)
	}
	p.printf("%s%s ", cond(p.o.Verbose > 0, ", ", ""), ops)
	ipAddr := func(off int) string {
		if pro != 0x0800 && pro != 0x1000 {
			return "<wrong proto type>"
		}
		if pln != 4 {
			return "<wrong len>"
		}
		return p.names.ip4(b[off:])
	}
	link := func(off int) string { return p.names.linkAddr(b[off : off+hln]) }
	switch op {
	case 1:
		p.printf("who-has %s", ipAddr(tpa))
		if nonZero(b[tha : tha+hln]) {
			p.printf(" (%s)", link(tha))
		}
		p.printf(" tell %s", ipAddr(spa))
	case 2:
		p.printf("%s is-at %s", ipAddr(spa), link(sha))
	case 3, 8:
		p.printf("who-is %s tell %s", link(tha), link(sha))
	case 4:
		p.printf("%s at %s", link(tha), ipAddr(tpa))
	case 9:
		p.printf("%s at %s", link(sha), ipAddr(spa))
	default:
		p.hexASCII("\n\t", b) // arp_print calls ND_DEFAULTPRINT even with -x/-X
		return
	}
	p.printf(", length %d", length)
}

func nonZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return true
		}
	}
	return false
}
