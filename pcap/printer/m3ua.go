package printer

import "fmt"

// M3UA (print-m3ua.c, RFC 4666) in SCTP DATA chunks at -vv: the message
// class and type and the parameter list.

var (
	m3uaClasses = []tokRange{{0, []string{"Management", "Transfer", "SS7", "ASP", "ASP"}},
		{9, []string{"Routing Key Management"}}}
	m3uaMessages = [][]string{
		{"Error", "Notify"},
		{1: "Data"},
		{1: "Destination Unavailable", 2: "Destination Available", 3: "Destination State Audit",
			4: "Signalling Congestion", 5: "Destination User Part Unavailable", 6: "Destination Restricted"},
		{1: "Up", 2: "Down", 3: "Heartbeat", 4: "Up Acknowledgement", 5: "Down Acknowledgement",
			6: "Heartbeat Acknowledgement"},
		{1: "Active", 2: "Inactive", 3: "Active Acknowledgement", 4: "Inactive Acknowledgement"},
	}
	m3uaRKM    = []string{1: "Registration Request", 2: "Registration Response", 3: "Deregistration Request", 4: "Deregistration Response"}
	m3uaParams = []tokRange{{0x0004, []string{"INFO String", "", "Routing Context", "Diagnostic Info", "",
		"Heartbeat Data", "", "Traffic Mode Type", "Error Code", "Status", "", "", "", "ASP Identifier",
		"Affected Point Code", "Correlation ID"}}, {0x0200, []string{"Network Appearance", "", "", "",
		"User/Cause", "Congestion Indications", "Concerned Destination", "Routing Key", "Registration Result",
		"Deregistration Result", "Local Routing Key Identifier", "Destination Point Code", "Service Indicators",
		"", "Originating Point Code List", "", "Protocol Data", "", "Registration Status",
		"Deregistration Status"}}}
)

// m3ua is m3ua_print.
func (p *Printer) m3ua(b []byte, size int) {
	p.enter("m3ua")
	defer p.catchSoft()
	if size < 8 {
		p.m3uaCorrupt(b, size)
		return
	}
	p.need(b, 8)
	if b[0] != 1 {
		return
	}
	class := b[2]
	p.printf("\n\t\t%s", tokOrRange(m3uaClasses, uint32(class), fmt.Sprintf("Unknown message class %d", class)))
	var dict []string
	switch {
	case int(class) < len(m3uaMessages):
		dict = m3uaMessages[class]
	case class == 9:
		dict = m3uaRKM
	}
	if dict != nil {
		p.printf(" %s Message", strName(dict, int(b[3]), fmt.Sprintf("Unknown (0x%02x)", b[3])))
	}
	if l := p.u32(b, 4); uint32(size) != l {
		p.printf("\n\t\t\t@@@@@@ Corrupted length %d of message @@@@@@", l)
		return
	}
	p.m3uaTags(b[8:], size-8)
}

// m3uaCorrupt is the "invalid" label: the message must still have
// been captured in full.
func (p *Printer) m3uaCorrupt(b []byte, size int) {
	p.invalid()
	p.need(b, size)
}

// m3uaTags is m3ua_tags_print.
func (p *Printer) m3uaTags(b []byte, size int) {
	for off := 0; off < size; {
		if off+4 > size {
			p.m3uaCorrupt(b, size)
			return
		}
		p.need(from(b, off), 4)
		tag := p.u16(b, off)
		p.printf("\n\t\t\t%s: ", tokOrRange(m3uaParams, uint32(tag), fmt.Sprintf("Unknown Parameter (0x%04x)", tag)))
		l := int(p.u16(b, off+2))
		if l < 4 {
			p.m3uaCorrupt(b, size)
			return
		}
		align := (off + l) % 4
		if align != 0 {
			align = 4 - align
		}
		p.need(from(b, off), l+align)
		// tag_value_print is handed the parameter header, not its value,
		// so the "value" printed is the tag and length.
		switch vl := l - 4; tag {
		case 0x0200, 0x0006, 0x0013:
			if vl < 4 {
				p.invalid()
				p.need(from(b, off), vl)
				break
			}
			p.printf("0x%08x", p.u32(b, off))
		default:
			p.printf("(length %d)", l)
		}
		off += l + align
	}
}
