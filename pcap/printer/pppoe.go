package printer

import "fmt"

// PPPoE (RFC 2516) as print-pppoe.c prints it: the discovery stage tags,
// and session data handed to the PPP printer.

// pppoeTags is pppoetag2str.
var pppoeTags = []bitName{{0, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
	{0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
	{0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
	{0x0203, "Generic-Error"}}

// pppoe is pppoe_print (discovery and session stages); a truncation
// abandons the packet (tcpdump longjmps). It returns the PPPoE and PPP
// header length (0 when invalid), which DLT_PPP_ETHER skips in hex dumps.
func (p *Printer) pppoe(b []byte, length int) int {
	p.enter("pppoe")
	if length < 6 {
		p.printf(" (length %d < 6)", length)
		p.invalid()
		return 0
	}
	length -= 6
	p.needHard(b, 6)
	ver, typ, code := b[0]>>4, b[0]&0x0f, int(b[1])
	ses, plen := p.u16(b, 2), int(p.u16(b, 4))
	if ver != 1 {
		p.printf(" [ver %d]", ver)
	}
	if typ != 1 {
		p.printf(" [type %d]", typ)
	}
	p.printf("PPPoE %s", tokFmt([]bitName{{9, "PADI"}, {7, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"},
		{0xa7, "PADT"}, {0, ""}}, uint32(code), "PAD-%x"))
	if code == 9 && plen > 1484-6 {
		p.printf(" [len %d!]", plen)
	}
	if plen > length {
		p.printf(" [len %d > %d!]", plen, length)
		plen = length
	}
	if ses != 0 {
		p.printf(" [ses 0x%x]", ses)
	}
	if code == 0 {
		p.puts(" ")
		return 6 + p.ppp(b, 6, plen)
	}
	for off, tag := 6, 0xffff; tag != 0 && off < 6+plen; {
		tag = int(p.u16(b, off))
		tl := int(p.u16(b, off+2))
		off += 4
		name := tokFmt(pppoeTags, uint32(tag), "TAG-0x%x")
		if tl == 0 {
			p.printf(" [%s]", name)
			continue
		}
		p.needHard(from(b, off), tl)
		v := b[off : off+tl]
		var s []byte
		ascii, garbage := 0, 0
		for _, c := range v[:min(tl, 79)] {
			if c >= 0x20 && c < 0x7f {
				s = append(s, c)
				ascii++
			} else {
				s = append(s, '.')
				garbage++
			}
		}
		if ascii > garbage {
			p.printf(" [%s \"%s\"]", name, s)
		} else {
			p.printf(" [%s 0x%s]", name, fmt.Sprintf("%X", v))
		}
		off += tl
	}
	return 6
}
