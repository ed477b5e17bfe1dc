package printer

// ntpControl is ntp_control_print: the mode 6 (control message) header
// of draft-ietf-ntp-mode-6-cmds; tcpdump 4.99 does not decode the data.
func (p *Printer) ntpControl(b []byte, length int) {
	if length < 12 {
		p.invalid()
		p.need(b, length)
		return
	}
	c := p.u8(b, 1)
	p.printf(", %s, %s, %s, OpCode=%d\n", cond(c&0x80 != 0, "Response", "Request"), cond(c&0x40 != 0, "Error", "OK"),
		cond(c&0x20 != 0, "More", "Last"), c&0x1f)
	p.printf("\tSequence=%d", p.u16(b, 2))
	if st := p.u16(b, 4); st == 0 {
		p.puts(", Status=0") // %#hx prints no 0x for zero
	} else {
		p.printf(", Status=%#x", st)
	}
	p.printf(", Assoc.=%d", p.u16(b, 6))
	p.printf(", Offset=%d", p.u16(b, 8))
	count := int(p.u16(b, 10))
	p.printf(", Count=%d", count)
	if 12+count > length {
		p.invalid()
		p.need(b, length)
		return
	}
	if count != 0 {
		p.need(b, 12+count)
		p.puts("\n\tTO-BE-DONE: data not interpreted")
	}
}
