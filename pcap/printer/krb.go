package printer

// Kerberos (print-krb.c): the version, and for Kerberos 4 the message
// type, principal names and the few fields tcpdump shows.

var (
	krbTypes = []tokRange{{1, []string{"KDC_REQUEST", "KDC_REPLY", "APPL_REQUEST", "APPL_REQUEST_MUTUAL",
		"ERR_REPLY", "PRIVATE", "SAFE", "APPL_ERR"}}, {63, []string{"DIE"}}}
	krbErrors = []string{"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER", "NAME_MAST_KEY_VER",
		"SERV_MAST_KEY_VER", "BYTE_ORDER", "PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY"}
)

// tokNum is tok2str with a NULL format: the name, or "#n".
func tokNum(tab []tokRange, v uint32) string {
	if s, ok := rangeName(tab, v); ok {
		return s
	}
	return "#" + itoa(int(int32(v)))
}

// krb is krb_print.
func (p *Printer) krb(b []byte) {
	p.enter("krb")
	if len(b) == 0 {
		p.printTrunc()
		return
	}
	switch v := b[0]; v {
	case 1, 2, 3:
		p.printf(" v%d", v)
	case 4:
		p.printf(" v%d", v)
		defer p.catchSoft()
		p.krb4(b)
	case 106, 107:
		p.puts(" v5")
	}
}

// krbStr is c_print: a NUL-terminated string; it unwinds to the " [|krb]"
// label when the NUL was not captured.
func (p *Printer) krbStr(b []byte, off int) int {
	for ; off < len(b); off++ {
		if b[off] == 0 {
			return off + 1
		}
		p.fnPrintChar(b[off])
	}
	p.softTrunc()
	return 0
}

// krbHdr is krb4_print_hdr: name.instance@realm after the 2-byte header.
func (p *Printer) krbHdr(b []byte) int {
	off := p.krbStr(b, 2)
	p.puts(".")
	off = p.krbStr(b, off)
	p.puts("@")
	return p.krbStr(b, off)
}

func (p *Printer) krb4(b []byte) {
	le := p.u8(b, 1)&1 != 0
	typ := b[1] &^ 1
	u16 := func(off int) uint16 {
		v := p.u16(b, off)
		if le {
			v = v>>8 | v<<8
		}
		return v
	}
	name, ok := rangeName(krbTypes, uint32(typ>>1))
	if !ok {
		name = "#" + itoa(int(typ))
	}
	p.printf(" %s %s: ", cond(le, "le", "be"), name)
	switch typ >> 1 {
	case 1:
		off := p.krbHdr(b) + 4
		p.printf(" %dmin ", int(p.u8(b, off))*5)
		off = p.krbStr(b, off+1)
		p.puts(".")
		p.krbStr(b, off)
	case 3:
		p.printf("v%d ", p.u8(b, 2))
		off := p.krbStr(b, 3)
		p.printf(" (%d)", p.u8(b, off))
		p.printf(" (%d)", p.u8(b, off+1))
	case 2:
		off := p.krbHdr(b) + 10
		p.printf(" (%d)", u16(off))
	case 5:
		off := p.krbHdr(b) + 4
		p.printf(" %s ", tokNum([]tokRange{{0, krbErrors}}, uint32(u16(off))))
		p.krbStr(b, off+4)
	default:
		p.puts("(unknown)")
	}
}
