package printer

// CDP (Cisco Discovery Protocol) as print-cdp.c in tcpdump 4.99 prints
// it: the Device-ID without -v followed by a hex dump of every other TLV
// (a quirk of 4.99: its "covered" test ignores -v), each TLV decoded with
// -v.

// cdpTLV describes a TLV type: its name, value printer and length bounds
// (-1: none), as cdptlvs[] does.
type cdpTLV struct {
	name     string
	print    func(p *Printer, v []byte, n int)
	min, max int
}

var cdpTLVs = []cdpTLV{
	1:    {"Device-ID", (*Printer).cdpString, -1, -1},
	2:    {"Address", (*Printer).cdpAddr, -1, -1},
	3:    {"Port-ID", (*Printer).cdpString, -1, -1},
	4:    {"Capability", (*Printer).cdpCapability, 4, 4},
	5:    {"Version String", (*Printer).cdpVersion, -1, -1},
	6:    {"Platform", (*Printer).cdpString, -1, -1},
	7:    {"Prefixes", (*Printer).cdpPrefixes, -1, -1},
	8:    {"Protocol-Hello option", nil, -1, -1},
	9:    {"VTP Management Domain", (*Printer).cdpString, -1, -1},
	0x0a: {"Native VLAN ID", func(p *Printer, v []byte, _ int) { p.printf("%d", p.u16(v, 0)) }, 2, 2},
	0x0b: {"Duplex", func(p *Printer, v []byte, _ int) { p.puts(cond(p.u8(v, 0) != 0, "full", "half")) }, 1, 1},
	0x0e: {"ATA-186 VoIP VLAN assignment", (*Printer).cdpATA186, 3, 3},
	0x0f: {"ATA-186 VoIP VLAN request", (*Printer).cdpATA186, 2, 3},
	0x10: {"power consumption", (*Printer).cdpPower, 1, 3},
	0x11: {"MTU", func(p *Printer, v []byte, _ int) { p.printf("%d bytes", p.u32(v, 0)) }, 4, 4},
	0x12: {"AVVID trust bitmap", (*Printer).cdpUint8x, 1, 1},
	0x13: {"AVVID untrusted ports CoS", (*Printer).cdpUint8x, 1, 1},
	0x14: {"System Name", (*Printer).cdpString, -1, -1},
	0x15: {"System Object ID (not decoded)", nil, -1, -1},
	0x16: {"Management Addresses", (*Printer).cdpAddr, -1, -1},
	0x17: {"Physical Location", (*Printer).cdpPhysLoc, 1, -1},
}

var cdpCaps = []bitName{{0x01, "Router"}, {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"}, {0x10, "L3 capable"}, {0x20, "IGMP snooping"}, {0x40, "L1 capable"}}

// cdp is cdp_print.
func (p *Printer) cdp(b []byte, length int) {
	p.enter("cdp")
	orig := length
	if length < 4 {
		p.printf(" (packet length %d < 4)", length)
		p.invalidRest(b, 0, length)
		return
	}
	p.printf("CDPv%d, ttl: %ds", p.u8(b, 0), p.u8(b, 1))
	sum := p.u16(b, 2)
	if p.o.Verbose > 0 {
		p.printf(", checksum: 0x%04x (unverified), length %d", sum, orig)
	}
	off := 4
	length -= 4
	for length > 0 {
		if length < 4 {
			p.printf(" (remaining packet length %d < 4)", length)
			p.invalidRest(b, off, length)
			return
		}
		typ, n := int(p.u16(b, off)), int(p.u16(b, off+2))
		var info *cdpTLV
		name := "unknown field type"
		if typ < len(cdpTLVs) { // unnamed types up to 0x17 have an empty entry
			info = &cdpTLVs[typ]
			if info.name != "" {
				name = info.name
			}
		}
		if n < 4 {
			if p.o.Verbose > 0 {
				p.printf("\n\t%s (0x%02x), TLV length: %d byte%s (too short)", name, typ, n, plural(n))
			} else {
				p.printf(", %s TLV length %d too short", name, n)
			}
			p.invalidRest(b, off, length)
			return
		}
		if n > length {
			p.printf(" (TLV length %d > %d)", n, length)
			p.invalidRest(b, off, length)
			return
		}
		off += 4
		length -= 4
		n -= 4
		if p.o.Verbose == 0 && typ == 1 {
			p.puts(", Device-ID ")
		} else if p.o.Verbose > 0 {
			p.printf("\n\t%s (0x%02x), value length: %d byte%s: ", name, typ, n, plural(n))
		}
		covered := false
		if info != nil {
			switch {
			case info.min > 0 && n < info.min || info.max > 0 && n > info.max:
				p.puts(" (malformed TLV)")
			case p.o.Verbose > 0 || typ == 1:
				if info.print != nil {
					info.print(p, from(b, off), n)
				} else {
					p.needHard(from(b, off), n)
				}
				covered = true
			}
		}
		if !covered {
			p.needHard(from(b, off), n)
			p.unknownData(b, off, "\n\t  ", n)
		}
		off += n
		length -= n
	}
	if p.o.Verbose == 0 {
		p.printf(", length %d", orig)
	}
}

func plural(n int) string { return cond(n == 1, "", "s") }

func (p *Printer) cdpString(v []byte, n int) {
	p.puts("'")
	p.printJN(v, 0, n)
	p.puts("'")
}

func (p *Printer) cdpCapability(v []byte, _ int) {
	c := p.u32(v, 0)
	p.printf("(0x%08x): %s", c, bitNames(c, cdpCaps))
}

// cdpVersion prints the version string, each of its lines indented.
func (p *Printer) cdpVersion(v []byte, n int) {
	p.puts("\n\t  ")
	for i := 0; i < n; i++ {
		if c := p.u8(v, i); c == '\n' {
			p.puts("\n\t  ")
		} else {
			p.fnPrintChar(c)
		}
	}
}

func (p *Printer) cdpATA186(v []byte, n int) {
	if n == 2 {
		p.printf("unknown 0x%04x", p.u16(v, 0))
	} else {
		p.printf("app %d, vlan %d", p.u8(v, 0), p.u16(v, 1))
	}
}

func (p *Printer) cdpPower(v []byte, n int) {
	var w uint32
	switch n {
	case 1:
		w = uint32(p.u8(v, 0))
	case 2:
		w = uint32(p.u16(v, 0))
	case 3:
		w = p.u24(v, 0)
	}
	p.printf("%1.2fW", float64(w)/1000)
}

func (p *Printer) cdpUint8x(v []byte, _ int) { p.printf("0x%02x", p.u8(v, 0)) }

func (p *Printer) cdpPhysLoc(v []byte, n int) {
	p.printf("0x%02x", p.u8(v, 0))
	if n > 1 {
		p.puts("/")
		p.printJN(v, 1, n-1)
	}
}

// cdpAddr is cdp_print_addr: a count, then (protocol type, protocol,
// address) triples, IPv4 and IPv6 by name and the rest in hex.
func (p *Printer) cdpAddr(v []byte, l int) {
	if l < 4 {
		p.puts(" (not enough space for num)")
		p.needHard(v, l)
		return
	}
	num := p.u32(v, 0)
	off := 4
	l -= 4
	for num != 0 {
		if l < 2 {
			p.puts(" (not enough space for PT+PL)")
			p.needHard(from(v, off), l)
			return
		}
		pt, pl := int(p.u8(v, off)), int(p.u8(v, off+1))
		off += 2
		l -= 2
		if l < pl+2 {
			p.puts(" (not enough space for P+AL)")
			p.needHard(from(v, off), l)
			return
		}
		al := int(p.u16(v, off+pl))
		switch {
		case pt == 1 && pl == 1 && p.u8(v, off) == 0xcc && al == 4:
			off += pl + 2
			l -= pl + 2
			if l < al {
				p.puts(" (not enough space for A)")
				p.needHard(from(v, off), l)
				return
			}
			p.printf("IPv4 (%d) %s", num, p.names.ip4(p.bytes(v, off, 4)))
			off += al
			l -= al
		case pt == 2 && pl == 8 && string(p.bytes(v, off, 8)) == "\xaa\xaa\x03\x00\x00\x00\x86\xdd" && al == 16:
			off += pl + 2
			l -= pl + 2
			if l < al {
				p.puts(" (not enough space for A)")
				p.needHard(from(v, off), l)
				return
			}
			p.printf("IPv6 (%d) %s", num, p.names.ip6(p.bytes(v, off, 16)))
			off += al
			l -= al
		default:
			p.printf("pt=0x%02x, pl=%d, pb=", pt, pl)
			for ; pl != 0; pl-- {
				p.printf(" %02x", p.u8(v, off))
				off++
				l--
			}
			p.printf(", al=%d, a=", al)
			off += 2
			l -= 2
			if l < al {
				p.puts(" (not enough space for A)")
				p.needHard(from(v, off), l)
				return
			}
			for ; al != 0; al-- {
				p.printf(" %02x", p.u8(v, off))
				off++
				l--
			}
		}
		num--
		if num != 0 {
			p.puts(" ")
		}
	}
	if l != 0 {
		p.printf(" (%d bytes of stray data)", l)
	}
}

// cdpPrefixes is cdp_print_prefixes.
func (p *Printer) cdpPrefixes(v []byte, l int) {
	if l%5 != 0 {
		p.printf(" [length %d is not a multiple of 5]", l)
		p.needHard(v, l)
		return
	}
	p.printf(" IPv4 Prefixes (%d):", l/5)
	for off := 0; off < l; off += 5 {
		b := p.bytes(v, off, 5)
		p.printf(" %d.%d.%d.%d/%d", b[0], b[1], b[2], b[3], b[4])
	}
}
