package printer

// The Cisco SNAP protocols besides CDP and PVST: DTP (print-dtp.c), VTP
// (print-vtp.c) and UDLD (print-udld.c), summaries without -v and every
// TLV with -v.

// cisco dispatches snap_print's OUI_CISCO protocols other than PVST,
// which snapPayload sends to stp.
func (p *Printer) cisco(b []byte, length int, pid uint16) {
	switch pid {
	case 0x2000:
		p.cdp(b, length)
	case 0x2003:
		p.vtp(b, length)
	case 0x2004:
		p.dtp(b, length)
	case 0x0111:
		p.udld(b, length)
	default:
		p.unsupport("cisco-" + ciscoPIDs()[pid])
	}
}

// dtp is dtp_print (Dynamic Trunking Protocol).
func (p *Printer) dtp(b []byte, length int) {
	p.enter("dtp")
	if length < 1 {
		p.puts("[zero packet length]")
		p.invalidRest(b, 0, length)
		return
	}
	p.printf("DTPv%d, length %d", p.u8(b, 0), length)
	if p.o.Verbose == 0 {
		return
	}
	off := 1
	length--
	for length > 0 {
		if length < 4 {
			p.printf("[%d bytes remaining]", length)
			p.invalidRest(b, off, length)
			return
		}
		typ, n := p.u16(b, off), int(p.u16(b, off+2))
		if typ == 0 {
			return
		}
		p.printf("\n\t%s (0x%04x) TLV, length %d", strName([]string{1: "Domain", 2: "Status", 3: "DTP type",
			4: "Neighbor"}, int(typ), "Unknown"), typ, n)
		if n < 4 || n > length {
			p.printf("[invalid TLV length %d]", n)
			p.invalidRest(b, off, length)
			return
		}
		switch typ {
		case 1:
			p.puts(", ")
			p.printJNP(b, off+4, n-4)
		case 2, 3:
			if n != 5 {
				p.invalidRest(b, off, length)
				return
			}
			p.printf(", 0x%x", p.u8(b, off+4))
		case 4:
			if n != 10 {
				p.invalidRest(b, off, length)
				return
			}
			p.printf(", %s", p.names.ether(p.bytes(b, off+4, 6)))
		default:
			p.needHard(from(b, off), n)
		}
		off += n
		length -= n
	}
}

var vtpVLANTLVs = []string{1: "Source-Routing Ring Number TLV", 2: "Source-Routing Bridge Number TLV",
	3: "STP type TLV", 4: "Parent VLAN TLV", 5: "Translationally bridged VLANs TLV", 6: "Pruning TLV",
	7: "Bridge Type TLV", 8: "Max ARP Hop Count TLV", 9: "Max STE Hop Count TLV", 10: "Backup CRF Mode TLV"}

// vtp is vtp_print (VLAN Trunking Protocol).
func (p *Printer) vtp(b []byte, length int) {
	p.enter("vtp")
	if length < 36 {
		p.invalidRest(b, 0, length)
		return
	}
	p.needHard(b, 36)
	typ := int(b[1])
	p.printf("VTPv%d, Message %s (0x%02x), length %d", b[0], strName([]string{1: "Summary advertisement",
		2: "Subset advertisement", 3: "Advertisement request", 4: "Join message"}, typ, "Unknown message type"),
		typ, length)
	if p.o.Verbose == 0 {
		p.needHard(b, length)
		return
	}
	p.puts("\n\tDomain name: ")
	if md := int(b[3]); md < 1 || md > 32 {
		p.printf(" [invalid MgmtD Len %d]", md)
		p.invalidRest(b, 0, length)
		return
	}
	p.printJNP(b, 4, int(b[3]))
	p.printf(", %s: %d", strName([]string{1: "Followers", 2: "Seq number", 3: "Rsvd", 4: "Rsvd"}, typ, "Unknown"), b[2])
	off := 36
	switch typ {
	case 1:
		p.printf("\n\t  Config Rev %x, Updater %s", p.u32(b, off), p.names.ip4(p.bytes(b, off+4, 4)))
		p.printf(", Timestamp 0x%08x 0x%08x 0x%08x", p.u32(b, off+8), p.u32(b, off+12), p.u32(b, off+16))
		p.printf(", MD5 digest: %08x%08x%08x%08x", p.u32(b, off+20), p.u32(b, off+24), p.u32(b, off+28), p.u32(b, off+32))
	case 2:
		p.printf(", Config Rev %x", p.u32(b, off))
		if !p.vtpVLANs(b, off+4, length) {
			p.invalidRest(b, 0, length)
		}
	case 3:
		p.printf("\n\tStart value: %d", p.u32(b, off))
	}
}

// vtpVLANs prints the VLAN information fields of a subset advertisement;
// false means invalid.
func (p *Printer) vtpVLANs(b []byte, off, length int) bool {
	for off < length {
		n := int(p.u8(b, off))
		if n == 0 {
			break
		}
		p.needHard(from(b, off), n)
		if n < 12 {
			return false
		}
		p.printf("\n\tVLAN info status %s, type %s, VLAN-id %d, MTU %d, SAID 0x%08x, Name ",
			strName([]string{"Operational", "Suspended"}, int(b[off+1]), "Unknown"),
			strName([]string{1: "Ethernet", 2: "FDDI", 3: "TrCRF", 4: "FDDI-net", 5: "TrBRF"}, int(b[off+2]), "Unknown"),
			p.u16(b, off+4), p.u16(b, off+6), p.u32(b, off+8))
		nameLen := int(b[off+3])
		padded := 4 * ((nameLen + 3) / 4)
		n -= 12
		off += 12
		if n < padded {
			return false
		}
		p.printJNP(b, off, nameLen)
		n -= padded
		off += padded
		for n != 0 {
			if n < 2 {
				return false
			}
			typ, tl := int(p.u8(b, off)), int(p.u8(b, off+1))
			p.printf("\n\t\t%s (0x%04x) TLV", strName(vtpVLANTLVs, typ, "Unknown"), typ)
			if n < tl*2+2 {
				p.puts(" (TLV goes past the end of the packet)")
				return false
			}
			p.needHard(from(b, off), tl*2+2)
			if tl != 1 {
				p.printf(" (invalid TLV length %d != 1)", tl)
				return false
			}
			v := p.u16(b, off+2)
			switch typ {
			case 9:
				p.printf(", %d", v)
			case 6:
				p.printf(", %s (%d)", cond(v == 1, "Enabled", "Disabled"), v)
			case 3:
				p.printf(", %s (%d)", strName([]string{1: "SRT", 2: "SRB", 3: "Auto"}, int(v), "Unknown"), v)
			case 7:
				p.printf(", %s (%d)", cond(v == 1, "SRB", "SRT"), v)
			case 10:
				p.printf(", %s (%d)", cond(v == 1, "Backup", "Not backup"), v)
			default:
				p.unknownData(b, off, "\n\t\t  ", 2+tl*2)
			}
			n -= 2 + tl*2
			off += 2 + tl*2
		}
	}
	return true
}

var udldFlags = []bitName{{1, "RT"}, {2, "RSY"}, {4, "MBZ-2"}, {8, "MBZ-3"}, {16, "MBZ-4"}, {32, "MBZ-5"},
	{64, "MBZ-6"}, {128, "MBZ-7"}}

// udld is udld_print (UniDirectional Link Detection).
func (p *Printer) udld(b []byte, length int) {
	p.enter("udld")
	if length < 4 {
		p.invalidRest(b, 0, length)
		return
	}
	vo, flags := p.u8(b, 0), p.u8(b, 1)
	code := vo & 0x1f
	p.printf("UDLDv%d, Code %s (%x), Flags [%s] (0x%02x), length %d", vo>>5,
		strName([]string{"Reserved", "Probe message", "Echo message", "Flush message"}, int(code), "Reserved"),
		code, bitNames(uint32(flags), udldFlags), flags, length)
	off := 2
	length -= 2
	if p.o.Verbose == 0 {
		p.needHard(from(b, off), length)
		return
	}
	p.printf("\n\tChecksum 0x%04x (unverified)", p.u16(b, off))
	off += 2
	length -= 2
	for length > 0 {
		if length < 4 {
			p.invalidRest(b, off, length)
			return
		}
		typ, n := p.u16(b, off), int(p.u16(b, off+2))
		off += 4
		length -= 4
		p.printf("\n\t%s (0x%04x) TLV, length %d", strName([]string{1: "Device-ID TLV", 2: "Port-ID TLV",
			3: "Echo TLV", 4: "Message Interval TLV", 5: "Timeout Interval TLV", 6: "Device Name TLV",
			7: "Sequence Number TLV"}, int(typ), "Unknown"), typ, n)
		if n <= 4 {
			p.invalidRest(b, off, length)
			return
		}
		n -= 4
		if length < n {
			p.invalidRest(b, off, length)
			return
		}
		switch typ {
		case 1, 2, 6:
			p.puts(", ")
			p.printJNP(b, off, n)
		case 3:
			p.puts(", ")
			p.printJN(b, off, n)
		case 4, 5:
			if n != 1 {
				p.invalidRest(b, off, length)
				return
			}
			p.printf(", %ds", p.u8(b, off))
		case 7:
			if n != 4 {
				p.invalidRest(b, off, length)
				return
			}
			p.printf(", %d", p.u32(b, off))
		default:
			p.needHard(from(b, off), n)
		}
		off += n
		length -= n
	}
}
