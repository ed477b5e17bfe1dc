package printer

import "fmt"

// igmp is igmp_print for v1/v2 messages (v3 and DVMRP/PIM are flagged).
func (p *Printer) igmp(b []byte, length int) {
	p.enter("igmp")
	defer p.catchSoft()
	if p.o.Quick {
		p.puts("igmp")
		return
	}
	switch t := p.u8(b, 0); t {
	case 0x11:
		p.puts("igmp query")
		if length >= 12 {
			p.unsupport("igmpv3")
			return
		}
		if mrt := p.u8(b, 1); mrt != 0 {
			p.puts(" v2")
			if mrt != 100 {
				p.printf(" [max resp time %d]", mrt)
			}
		} else {
			p.puts(" v1")
		}
		if p.u32(b, 4) != 0 {
			p.printf(" [gaddr %s]", p.names.ip4(b[4:8]))
		}
		if length != 8 {
			p.printf(" [len %d]", length)
		}
	case 0x12:
		p.printf("igmp v1 report %s", p.names.ip4(p.bytes(b, 4, 4)))
		if length != 8 {
			p.printf(" [len %d]", length)
		}
	case 0x16:
		p.printf("igmp v2 report %s", p.names.ip4(p.bytes(b, 4, 4)))
	case 0x17:
		p.printf("igmp leave %s", p.names.ip4(p.bytes(b, 4, 4)))
	case 0x22, 0x13, 0x14, 0x1e, 0x1f:
		p.unsupport(fmt.Sprintf("igmp-0x%02x", t))
		return
	default:
		p.printf("igmp-%d", t)
	}
	if p.o.Verbose > 0 && length >= 4 && len(b) >= length {
		if checksum(0, b[:length]) != 0 {
			p.printf(" bad igmp cksum %x!", p.u16(b, 2))
		}
	}
}
