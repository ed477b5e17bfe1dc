package printer

import "fmt"

// loopback is loopback_print: the Ethernet Configuration Testing
// Protocol (ethertype 0x9000), whose fields are little-endian.
func (p *Printer) loopback(b []byte, length int) {
	p.enter("loopback")
	p.puts("Loopback")
	if length < 2 {
		p.invalidRest(b, 0, length)
		return
	}
	skip := int(p.le16(b, 0))
	p.printf(", skipCount %d", skip)
	if skip%8 != 0 {
		p.puts(" (bogus)")
	}
	if skip > length-2 {
		p.invalidRest(b, 2, length-2)
		return
	}
	p.needHard(from(b, 2), skip)
	p.loopbackMessage(from(b, 2+skip), length-skip-2)
}

func (p *Printer) loopbackMessage(b []byte, length int) {
	if length < 2 {
		p.invalidRest(b, 0, length)
		return
	}
	fn := p.le16(b, 0)
	p.printf(", %s", strName([]string{1: "Reply", 2: "Forward Data"}, int(fn), fmt.Sprintf(" invalid (%d)", fn)))
	switch fn {
	case 1:
		if length < 4 {
			p.invalidRest(b, 2, length-2)
			return
		}
		p.printf(", receipt number %d", p.le16(b, 2))
		p.printf(", data (%d octets)", length-4)
		p.needHard(from(b, 4), length-4)
	case 2:
		if length < 8 {
			p.invalidRest(b, 2, length-2)
			return
		}
		p.printf(", forwarding address %s", p.names.ether(p.bytes(b, 2, 6)))
		p.printf(", data (%d octets)", length-8)
		p.needHard(from(b, 8), length-8)
	default:
		p.needHard(from(b, 2), length-2)
	}
}
