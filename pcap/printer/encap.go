package printer

import "fmt"

// vxlan is vxlan_print: the header on the first line, the inner frame on
// the next (tcpdump prints a newline after the VNI).
func (p *Printer) vxlan(b []byte, length int) {
	p.enter("vxlan")
	p.puts("VXLAN")
	if length < 8 {
		p.invalid()
		return
	}
	flags := p.u8(b, 0)
	fl := "invalid"
	if flags&0x08 != 0 {
		fl = "I"
	}
	p.printf(", flags [%s] (0x%02x), ", fl, flags)
	p.printf("vni %d\n", p.u24(b, 4))
	p.u8(b, 7)
	p.ether(b[8:], length-8)
}

var geneveFlags = []struct {
	bit  uint8
	name string
}{{0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"}, {0x08, "R3"}, {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"}}

// geneve is geneve_print.
func (p *Printer) geneve(b []byte, length int) {
	p.enter("geneve")
	defer p.catchSoft()
	p.puts("Geneve")
	if length < 8 {
		p.printf(" [length %d < 8]", length)
		p.invalid()
		return
	}
	p.need(b, 8)
	verOpt := b[0]
	if v := verOpt >> 6; v != 0 {
		p.printf(" ERROR: unknown-version %d", v)
		return
	}
	flags, prot, vni, rsvd := b[1], p.u16(b, 2), p.u24(b, 4), b[7]
	fl := ""
	for _, f := range geneveFlags {
		if flags&f.bit != 0 {
			fl += f.name
		}
	}
	if fl == "" {
		fl = "none"
	}
	p.printf(", Flags [%s], vni 0x%x", fl, vni)
	if rsvd != 0 {
		p.printf(", rsvd 0x%x", rsvd)
	}
	if p.o.Ether {
		name, ok := etherTypeNames()[prot]
		if !ok {
			name = "unknown"
		}
		p.printf(", proto %s (0x%04x)", name, prot)
	}
	length -= 8
	optLen := int(verOpt&0x3f) * 4
	if length < optLen {
		p.printf(" truncated-geneve - %d bytes missing", optLen-length)
		return
	}
	p.need(b[8:], optLen)
	if optLen > 0 {
		p.puts(", options [")
		if p.o.Verbose > 0 {
			p.geneveOpts(b[8 : 8+optLen])
		} else {
			p.printf("%d bytes", optLen)
		}
		p.puts("]")
	}
	body := b[8+optLen:]
	length -= optLen
	p.puts(cond(p.o.Verbose < 1, ": ", "\n\t"))
	if !p.etherType(prot, body, length) {
		if prot == 0x6558 {
			p.ether(body, length)
		} else {
			p.printf("geneve-proto-0x%x", prot)
		}
	}
}

// ah is ah_print; it returns the header length to skip.
func (p *Printer) ah(b []byte) int {
	p.enter("ah")
	p.puts("AH")
	ahLen := int(p.u8(b, 1))
	hdrLen := (ahLen + 2) * 4
	p.puts("(")
	if p.o.Verbose > 0 {
		p.printf("length=%d(%d-bytes),", ahLen, hdrLen)
	}
	if r := p.u16(b, 2); r != 0 {
		p.printf("reserved=0x%x[MustBeZero],", r)
	}
	p.printf("spi=0x%08x,seq=0x%x,icv=0x", p.u32(b, 4), p.u32(b, 8))
	for i := 12; i < hdrLen; i++ {
		p.printf("%02x", p.u8(b, i))
	}
	p.puts("): ")
	return hdrLen
}

// esp is esp_print without decryption (tcpdump without -E).
func (p *Printer) esp(b []byte, length int) {
	p.enter("esp")
	if len(b) <= 8 {
		p.printTrunc()
		return
	}
	p.printf("ESP(spi=0x%08x,seq=0x%x), length %d", p.u32(b, 0), p.u32(b, 4), length)
}

func (p *Printer) ipcomp(b []byte) {
	p.enter("ipcomp")
	p.printf("IPComp(cpi=0x%04x)", p.u16(b, 2))
}

var vrrpAuth = map[uint8]string{0: "none", 1: "simple", 2: "ah"}

// vrrp is vrrp_print (VRRPv2/v3 advertisements).
func (p *Printer) vrrp(b []byte, length int, h *ipHdr) {
	p.enter("vrrp")
	defer p.catchSoft()
	p.puts("VRRP")
	vt := p.u8(b, 0)
	version, typ := vt>>4, vt&0xf
	if typ == 1 {
		p.printf("v%d, Advertisement", version)
	} else {
		p.printf("v%d, unknown type (%d)", version, typ)
	}
	if h.ttl != 255 {
		p.printf(", (ttl %d)", h.ttl)
	}
	if version < 2 || version > 3 || typ != 1 {
		return
	}
	p.printf(", vrid %d, prio %d", p.u8(b, 1), p.u8(b, 2))
	auth := uint8(0)
	if version == 2 {
		auth = p.u8(b, 4)
		name, ok := vrrpAuth[auth]
		if !ok {
			name = fmt.Sprintf("#%d", auth)
		}
		p.printf(", authtype %s, intvl %ds, length %d", name, p.u8(b, 5), length)
	} else {
		p.printf(", intvl %dcs, length %d", int(p.u8(b, 4)&0xf)<<8|int(p.u8(b, 5)), length)
	}
	if p.o.Verbose == 0 {
		return
	}
	p.vrrpVerbose(b, length, h, version, auth)
}

func (p *Printer) vrrpVerbose(b []byte, length int, h *ipHdr, version, auth uint8) {
	naddrs := int(p.u8(b, 3))
	if len(b) >= length {
		var sum uint16
		if version == 2 {
			sum = checksum(0, b[:length])
		} else {
			sum = checksum(pseudoSum(h, 112, length), b[:length])
		}
		if sum != 0 {
			p.printf(", (bad vrrp cksum %x)", p.u16(b, 6))
		}
	}
	p.puts(", addrs")
	if naddrs > 1 {
		p.printf("(%d)", naddrs)
	}
	p.puts(":")
	sep, off := " ", 8
	for i := 0; i < naddrs; i++ {
		if h.v6 {
			p.printf("%s%s", sep, p.names.ip6(p.bytes(b, off, 16)))
			off += 16
		} else {
			p.printf("%s%s", sep, p.names.ip4(p.bytes(b, off, 4)))
			off += 4
		}
		sep = ","
	}
	if version == 2 && auth == 1 {
		p.puts(" auth \"")
		for i := 0; i < 8; i++ {
			c := p.u8(b, off+i)
			if c == 0 {
				break
			}
			p.fnPrintChar(c)
		}
		p.puts("\"")
	}
}

func geneveOptClass(c uint16) string {
	switch c {
	case 0x0100:
		return "Linux"
	case 0x0101:
		return "Open vSwitch"
	case 0x0102:
		return "Open Virtual Networking (OVN)"
	case 0x0103:
		return "In-band Network Telemetry (INT)"
	case 0x0104:
		return "VMware"
	}
	if c <= 0x00ff {
		return "Standard"
	}
	if c >= 0xfff0 {
		return "Experimental"
	}
	return "Unknown"
}

// geneveOpts is geneve_opts_print (-v; -vv adds the option data).
func (p *Printer) geneveOpts(b []byte) {
	sep := ""
	for len(b) > 0 {
		p.puts(sep)
		sep = ", "
		class, typ := p.u16(b, 0), p.u8(b, 2)
		n := 4 + int(p.u8(b, 3)&0x1f)*4
		p.printf("class %s (0x%x) type 0x%x%s len %d", geneveOptClass(class), class, typ, cond(typ&0x80 != 0, "(C)", ""), n)
		if n > len(b) {
			p.puts(" [bad length]")
			return
		}
		if p.o.Verbose > 1 && n > 4 {
			p.puts(" data")
			for i := 4; i < n; i += 4 {
				p.printf(" %08x", p.u32(b, i))
			}
		}
		b = b[n:]
	}
}
