package printer

// OSPFv3 (print-ospf6.c). Offsets are from the start of the OSPF header;
// "end" is where the OSPF length field says the packet data stops.
// tcpdump's "goto trunc" paths return true here and print one " [|ospf3]"
// at the top; its GET_ macros abandon the packet (p.u8 and friends).

var ospf6Options = []bitName{{0x01, "V6"}, {0x02, "External"}, {0x04, "Deprecated"}, {0x08, "NSSA"},
	{0x10, "Router"}, {0x20, "Demand Circuit"}, {0x100, "AFs Support"}, {0x200, "LLS"}, {0x400, "Authentication Trailer"}}

var ospf6RLAFlags = []bitName{{0x01, "ABR"}, {0x02, "External"}, {0x04, "Virtual-Link Endpoint"},
	{0x08, "Deprecated"}, {0x10, "NSSA Translator"}}

var ospf6PrefixOpts = []bitName{{0x01, "No Unicast"}, {0x02, "Local address"}, {0x04, "Deprecated"},
	{0x08, "Propagate"}, {0x10, "Down"}, {0x20, "N-bit"}}

func ospfTypeName(t uint8) string {
	switch t {
	case 1:
		return "Hello"
	case 2:
		return "Database Description"
	case 3:
		return "LS-Request"
	case 4:
		return "LS-Update"
	case 5:
		return "LS-Ack"
	}
	return ""
}

func ospf6LSAName(t uint16) string {
	names := [...]string{"Router", "Network", "Inter-Area Prefix", "Inter-Area Router", "External", "Deprecated",
		"NSSA", "Link", "Intra-Area Prefix", "Intra-Area TE", "Grace", "Router Information", "Inter-AS-TE", "Layer 1 VPN"}
	if t >= 1 && int(t) <= len(names) {
		return names[t-1]
	}
	return "Unknown"
}

// ospf6 is ospf6_print.
func (p *Printer) ospf6(b []byte, length int) {
	p.enter("ospf3")
	ver, typ := p.u8(b, 0), p.u8(b, 1)
	name := ospfTypeName(typ)
	if name == "" {
		p.printf("OSPFv%d, unknown packet type (%d), length %d", ver, typ, length)
		return
	}
	p.printf("OSPFv%d, %s, length %d", ver, name, length)
	if p.o.Verbose == 0 {
		return
	}
	datalen := int(p.u16(b, 2))
	if datalen > length {
		p.printf(" [len %d]", datalen)
		return
	}
	p.printf("\n\tRouter-ID %s", p.ip4At(b, 4))
	if p.u32(b, 8) != 0 {
		p.printf(", Area %s", p.ip4At(b, 8))
	} else {
		p.puts(", Backbone Area")
	}
	if inst := p.u8(b, 14); inst != 0 {
		p.printf(", Instance %d", inst)
	}
	if ver == 3 && (p.ospf6V3(b, typ, datalen) || p.ospf6Trailer(b, typ, datalen, length-datalen)) {
		p.printTrunc()
	}
}

// ospf6LSType is ospf6_print_ls_type.
func (p *Printer) ospf6LSType(t uint16, b []byte, id int) {
	scope := "Unknown"
	switch t & 0x6000 {
	case 0:
		scope = "Link Local"
	case 0x2000:
		scope = "Area Local"
	case 0x4000:
		scope = "Domain Wide"
	}
	p.printf("\n\t    %s LSA (%d), %s Scope%s, LSA-ID %s", ospf6LSAName(t&0x1fff), t&0x1fff, scope,
		cond(t&0x8000 != 0, ", transitive", ""), p.ip4At(b, id))
}

// ospf6LSHdr is ospf6_print_lshdr; true means truncated.
func (p *Printer) ospf6LSHdr(b []byte, off, end int) bool {
	if off+20 > end {
		return true
	}
	ln := int(p.u16(b, off+18))
	if ln < 20 {
		p.printf("\n\t\t  Bogus length %d < header (20)", ln)
		return true
	}
	p.printf("\n\t  Advertising Router %s, seq 0x%08x, age %ds, length %d", p.ip4At(b, off+8), p.u32(b, off+12), p.u16(b, off), ln-20)
	p.ospf6LSType(p.u16(b, off+2), b, off+4)
	return false
}

// ospf6Prefix is ospf6_print_lsaprefix: the bytes used, or -1.
func (p *Printer) ospf6Prefix(b []byte, off, n int) int {
	if n < 4 || off+4 > len(b) {
		return -1
	}
	n -= 4
	plen := int(b[off])
	words := (plen + 31) / 32
	if words*4 > 16 {
		p.printf(" bogus prefixlen /%d", plen)
		return -1
	}
	if n < words*4 {
		return -1
	}
	var pfx [16]byte
	copy(pfx[:], p.bytes(b, off+4, words*4))
	p.printf("\n\t\t%s/%d", p.names.ip6(pfx[:]), plen)
	if opt := b[off+1]; opt != 0 {
		p.printf(", Options [%s]", bitNames(uint32(opt), ospf6PrefixOpts))
	}
	p.printf(", metric %d", p.u16(b, off+2))
	return 4 + words*4
}

// ospf6Prefixes prints count prefixes (count < 0: until n runs out).
func (p *Printer) ospf6Prefixes(b []byte, off, n, count int) bool {
	for count != 0 && (count > 0 || n != 0) {
		k := p.ospf6Prefix(b, off, n)
		if k < 0 {
			return true
		}
		off, n = off+k, n-k
		count--
	}
	return false
}

// ospf6LSA is ospf6_print_lsa; true means truncated.
func (p *Printer) ospf6LSA(b []byte, off, end int) bool {
	if p.ospf6LSHdr(b, off, end) {
		return true
	}
	ln := int(p.u16(b, off+18))
	if ln < 20 || off+ln > end {
		return true
	}
	n := ln - 20
	t := off + 20
	switch p.u16(b, off+2) {
	case 0x2001:
		if n < 4 {
			return true
		}
		n -= 4
		p.printf("\n\t      Options [%s], RLA-Flags [%s]", bitNames(p.u32(b, t), ospf6Options), bitNames(uint32(p.u8(b, t)), ospf6RLAFlags))
		for l := t + 4; n != 0; l += 16 {
			if n < 16 {
				return true
			}
			n -= 16
			if l+16 > len(b) {
				return true
			}
			switch lt := b[l]; lt {
			case 1, 2, 4:
				what := [...]string{1: "Neighbor Router-ID", 2: "Neighbor Network-ID", 4: "Virtual Link: Neighbor Router-ID"}[lt]
				p.printf("\n\t      %s %s\n\t      Neighbor Interface-ID %s, Interface %s", what, p.ip4At(b, l+12), p.ip4At(b, l+8), p.ip4At(b, l+4))
			default:
				p.printf("\n\t      Unknown Router Links Type 0x%02x", lt)
				return false
			}
			p.printf(", metric %d", p.u16(b, l+2))
		}
	case 0x2002:
		if n < 4 {
			return true
		}
		n -= 4
		p.printf("\n\t      Options [%s]\n\t      Connected Routers:", bitNames(p.u32(b, t), ospf6Options))
		for a := t + 4; n != 0; a += 4 {
			if n < 4 {
				return true
			}
			n -= 4
			p.printf("\n\t\t%s", p.ip4At(b, a))
		}
	case 0x2003:
		if n < 4 {
			return true
		}
		p.printf(", metric %d", p.u32(b, t)&0xffffff)
		return p.ospf6Prefixes(b, t+4, n-4, -1)
	case 0x4005:
		return p.ospf6External(b, t, n)
	case 8:
		if n < 4 {
			return true
		}
		n -= 4
		if t+4 > len(b) {
			return true
		}
		p.printf("\n\t      Options [%s]", bitNames(p.u32(b, t), ospf6Options))
		if n < 20 {
			return true
		}
		count := p.u32(b, t+20)
		p.printf("\n\t      Priority %d, Link-local address %s, Prefixes %d:", p.u8(b, t), p.names.ip6(p.bytes(b, t+4, 16)), count)
		return p.ospf6Prefixes(b, t+24, n-20, int(count))
	case 0x2009:
		if n < 4 {
			return true
		}
		n -= 4
		if t+12 > len(b) {
			return true
		}
		p.ospf6LSType(p.u16(b, t+2), b, t+4)
		if n < 2 {
			return true
		}
		count := p.u16(b, t)
		p.printf("\n\t      Prefixes %d:", count)
		return p.ospf6Prefixes(b, t+12, n-2, int(count))
	case 11:
		return p.ospfGrace(b, t, n)
	case 10:
		return p.ospfTE(b, t, n)
	default:
		return !p.unknownAt(b, t, "\n\t      ", n)
	}
	return false
}

// ospf6External prints an AS-External LSA body.
func (p *Printer) ospf6External(b []byte, t, n int) bool {
	if n < 4 {
		return true
	}
	n -= 4
	flags := p.u32(b, t)
	p.printf("\n\t     Flags [%s] metric %d", bitNames(flags, []bitName{{0x80000000, "External Type 2"}, {0x02000000, "Forwarding"}, {0x01000000, "Tag"}}), flags&0xffffff)
	pfx := t + 4
	k := p.ospf6Prefix(b, pfx, n)
	if k < 0 {
		return true
	}
	n -= k
	a := pfx + k
	if flags&0x02000000 != 0 {
		if n < 16 {
			return true
		}
		n -= 16
		p.printf(" forward %s", p.names.ip6(p.bytes(b, a, 16)))
		a += 16
	}
	if flags&0x01000000 != 0 {
		if n < 4 {
			return true
		}
		n -= 4
		p.printf(" tag %s", p.ip4At(b, a))
		a += 4
	}
	if p.u8(b, pfx+2) != 0 {
		if n < 4 {
			return true
		}
		p.printf(" RefLSID: %s", p.ip4At(b, a))
	}
	return false
}

// ospf6V3 is ospf6_decode_v3; true means truncated.
func (p *Printer) ospf6V3(b []byte, typ uint8, end int) bool {
	switch typ {
	case 1:
		p.printf("\n\tOptions [%s]", bitNames(p.u32(b, 20), ospf6Options))
		p.printf("\n\t  Hello Timer %ds, Dead Timer %ds, Interface-ID %s, Priority %d", p.u16(b, 24), p.u16(b, 26), p.ip4At(b, 16), p.u8(b, 20))
		if p.u32(b, 28) != 0 {
			p.printf("\n\t  Designated Router %s", p.ip4At(b, 28))
		}
		if p.u32(b, 32) != 0 {
			p.printf(", Backup Designated Router %s", p.ip4At(b, 32))
		}
		if p.o.Verbose > 1 {
			p.puts("\n\t  Neighbor List:")
			for a := 36; a < end; a += 4 {
				p.printf("\n\t    %s", p.ip4At(b, a))
			}
		}
	case 2:
		p.printf("\n\tOptions [%s]", bitNames(p.u32(b, 16), ospf6Options))
		p.printf(", DD Flags [%s]", bitNames(uint32(p.u8(b, 23)), []bitName{{4, "Init"}, {2, "More"}, {1, "Master"}, {0x10, "IPv6 MTU"}}))
		p.printf(", MTU %d, DD-Sequence 0x%08x", p.u16(b, 20), p.u32(b, 24))
		if p.o.Verbose > 1 {
			for h := 28; h < end; h += 20 {
				if p.ospf6LSHdr(b, h, end) {
					return true
				}
			}
		}
	case 3:
		if p.o.Verbose > 1 {
			for r := 16; r < end; r += 12 {
				if r+12 > len(b) {
					return true
				}
				p.printf("\n\t  Advertising Router %s", p.ip4At(b, r+8))
				p.ospf6LSType(p.u16(b, r+2), b, r+4)
			}
		}
	case 4:
		if p.o.Verbose > 1 {
			count := p.u32(b, 16)
			for l := 20; l < end && count > 0; count-- {
				if p.ospf6LSA(b, l, end) {
					return true
				}
				l += int(p.u16(b, l+18))
			}
		}
	case 5:
		if p.o.Verbose > 1 {
			for h := 16; h < end; h += 20 {
				if p.ospf6LSHdr(b, h, end) {
					return true
				}
			}
		}
	}
	return false
}

// ospf6Trailer is ospf6_decode_v3_trailer: LLS data (RFC 5613) for Hello
// and DD packets with the L bit, then an authentication trailer (RFC 6506).
func (p *Printer) ospf6Trailer(b []byte, typ uint8, cp, n int) bool {
	lls := false
	switch typ {
	case 1:
		lls = p.u32(b, 20)&0x200 != 0
	case 2:
		lls = p.u32(b, 16)&0x200 != 0
	}
	if lls && n != 0 {
		if n < 4 {
			return true
		}
		p.printf("\n\tLLS Checksum 0x%04x", p.u16(b, cp))
		dl := int(p.u16(b, cp+2))
		p.printf(", Data Length %d", dl)
		if dl < 4 || dl > n || cp+dl > len(b) {
			return true
		}
		cp, n = cp+dl, n-dl
	}
	if n == 0 {
		return false
	}
	if n < 16 {
		return true
	}
	at := p.u16(b, cp)
	if at == 1 {
		p.puts("\n\tAuthentication Type HMAC")
	} else {
		p.printf("\n\tAuthentication Type unknown (0x%04x)", at)
	}
	al := int(p.u16(b, cp+2))
	p.printf(", Length %d", al)
	if al < 16 || al > n {
		return true
	}
	p.printf(", SAID %d, CSN 0x%08x:%08x", p.u16(b, cp+6), p.u32(b, cp+8), p.u32(b, cp+12))
	if cp+al > len(b) {
		return true
	}
	if p.o.Verbose > 1 {
		p.unknownAt(b, cp+16, "\n\tAuthentication Data ", al-16)
	}
	return false
}

// unknownAt is print_unknown_data for n bytes at b[off:], reporting
// false when off is past the captured data (tcpdump's "Dissector error").
func (p *Printer) unknownAt(b []byte, off int, ident string, n int) bool {
	p.unknownData(b, off, ident, n)
	return off <= len(b)
}
