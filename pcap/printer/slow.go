package printer

import "fmt"

// The IEEE "slow protocols" (ethertype 0x8809) as print-slow.c prints
// them: LACP and Marker (802.3ad) and OAM (802.3ah), TLVs with -v, hex
// dumps of the undecoded ones (and of every TLV with -vv).

var slowTLVNames = []bitName{{0x100, "Terminator"}, {0x101, "Actor Information"}, {0x102, "Partner Information"},
	{0x103, "Collector Information"}, {0x200, "Terminator"}, {0x201, "Marker Information"}}

var lacpStateFlags = []bitName{{0x01, "Activity"}, {0x02, "Timeout"}, {0x04, "Aggregation"},
	{0x08, "Synchronization"}, {0x10, "Collecting"}, {0x20, "Distributing"}, {0x40, "Default"}, {0x80, "Expired"}}

var oamFlags = []bitName{{0x01, "Link Fault"}, {0x02, "Dying Gasp"}, {0x04, "Critical Event"},
	{0x08, "Local Evaluating"}, {0x10, "Local Stable"}, {0x20, "Remote Evaluating"}, {0x40, "Remote Stable"}}

var oamCodes = []bitName{{0, "Information"}, {1, "Event Notification"}, {2, "Variable Request"},
	{3, "Variable Response"}, {4, "Loopback Control"}, {0xfe, "Vendor Private"}}

var oamConfigFlags = []bitName{{0x01, "Active"}, {0x02, "Unidirectional"}, {0x04, "Remote-Loopback"},
	{0x08, "Link-Events"}, {0x10, "Variable-Retrieval"}}

var oamLinkEvents = []bitName{{0, "End of TLV marker"}, {1, "Errored Symbol Period Event"},
	{2, "Errored Frame Event"}, {3, "Errored Frame Period Event"}, {4, "Errored Frame Seconds Summary Event"},
	{0xfe, "Organization specific"}}

// slow is slow_print.
func (p *Printer) slow(b []byte, length int) {
	p.enter("slow")
	tooShort := func() {
		p.puts(cond(p.o.Verbose == 0, " (packet is too short)", "\n\t\t packet is too short"))
	}
	if length < 1 {
		tooShort()
		return
	}
	sub := p.u8(b, 0)
	name := strName([]string{1: "LACP", 2: "MARKER", 3: "OAM"}, int(sub), fmt.Sprintf("unknown (%d)", sub))
	switch sub {
	case 1, 2:
		if length < 2 {
			tooShort()
			return
		}
		if v := p.u8(b, 1); v != 1 {
			p.printf("%s version %d packet not supported", name, v)
			return
		}
		p.printf("%sv%d, length %d", name, b[1], length)
	default:
		p.printf("%s, length %d", name, length)
		if sub != 3 {
			p.unknownData(b, 0, "\n\t", length)
			return
		}
	}
	if p.o.Verbose == 0 {
		return
	}
	if sub == 3 {
		p.slowOAM(b[1:], length-1)
	} else {
		p.slowLACP(b[2:], length-2, int(sub))
	}
}

// slowLACP is slow_marker_lacp_print.
func (p *Printer) slowLACP(b []byte, tlen, proto int) {
	off := 0
	for tlen != 0 {
		if tlen < 2 {
			p.puts("\n\t\t packet is too short")
			return
		}
		typ, n := int(p.u8(b, off)), int(p.u8(b, off+1))
		p.printf("\n\t%s TLV (0x%02x), length %d", tokOr(slowTLVNames, uint32(proto<<8+typ), "Unknown"), typ, n)
		if typ == 0 {
			return
		}
		if n < 2 {
			p.puts("\n\t    ERROR: illegal length - should be >= 2")
			return
		}
		if tlen < n {
			p.puts("\n\t\t packet is too short")
			return
		}
		p.needHard(from(b, off), n)
		v := b[off+2 : off+n]
		switch proto<<8 + typ {
		case 0x101, 0x102:
			if len(v) != 18 {
				p.puts("\n\t    ERROR: illegal length - should be 20")
				break
			}
			p.printf("\n\t  System %s, System Priority %d, Key %d, Port %d, Port Priority %d\n\t  State Flags [%s]",
				p.names.ether(v[2:8]), p.u16(v, 0), p.u16(v, 8), p.u16(v, 12), p.u16(v, 10),
				bitNames(uint32(v[14]), lacpStateFlags))
		case 0x103:
			if len(v) != 14 {
				p.puts("\n\t    ERROR: illegal length - should be 16")
				break
			}
			p.printf("\n\t  Max Delay %d", p.u16(v, 0))
		case 0x201:
			if len(v) != 14 {
				p.puts("\n\t    ERROR: illegal length - should be 16")
				break
			}
			p.printf("\n\t  Request System %s, Request Port %d, Request Transaction ID 0x%08x",
				p.names.ether(v[2:8]), p.u16(v, 0), p.u32(v, 8))
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(v, 0, "\n\t  ", len(v))
			}
		}
		if p.o.Verbose > 1 {
			p.unknownData(v, 0, "\n\t  ", len(v))
		}
		off += n
		tlen -= n
	}
}

// slowOAM is slow_oam_print.
func (p *Printer) slowOAM(b []byte, tlen int) {
	tooShort := func() { p.puts("\n\t\t packet is too short") }
	if tlen < 3 {
		tooShort()
		return
	}
	p.needHard(b, 3)
	code := uint32(b[2])
	p.printf("\n\tCode %s OAM PDU, Flags [%s]", tokFmt(oamCodes, code, "Unknown (%d)"),
		bitNames(uint32(p.u16(b, 0)), oamFlags))
	b, tlen = b[3:], tlen-3
	switch code {
	case 0:
		p.oamTLVs(b, tlen, "Information", p.oamInfo)
	case 1:
		if tlen < 2 {
			tooShort()
			return
		}
		p.printf("\n\t  Sequence Number %d", p.u16(b, 0))
		p.oamTLVs(b[2:], tlen-2, "Link Event", p.oamEvent)
	case 4:
		if tlen < 1 {
			tooShort()
			return
		}
		cmd := p.u8(b, 0)
		p.printf("\n\t  Command %s (%d)", strName([]string{1: "Enable OAM Remote Loopback",
			2: "Disable OAM Remote Loopback"}, int(cmd), "Unknown"), cmd)
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, 0, "\n\t  ", tlen)
		}
	}
}

// oamTLVs walks the TLVs of an Information or Event Notification PDU;
// decode prints one TLV and asks for a hex dump.
func (p *Printer) oamTLVs(b []byte, tlen int, kind string, decode func(t []byte, typ int) bool) {
	off := 0
	for tlen != 0 {
		if tlen < 2 {
			p.puts("\n\t\t packet is too short")
			return
		}
		typ, n := int(p.u8(b, off)), int(p.u8(b, off+1))
		var name string
		if kind == "Information" {
			name = tokOr([]bitName{{0, "End of TLV marker"}, {1, "Local"}, {2, "Remote"},
				{0xfe, "Organization specific"}}, uint32(typ), "Reserved")
		} else {
			name = tokOr(oamLinkEvents, uint32(typ), "Reserved")
		}
		p.printf("\n\t  %s %s Type (%d), length %d", name, kind, typ, n)
		if typ == 0 {
			return
		}
		if n < 2 {
			p.puts("\n\t    ERROR: illegal length - should be >= 2")
			return
		}
		if tlen < n {
			p.puts("\n\t\t packet is too short")
			return
		}
		p.needHard(from(b, off), n)
		t := b[off : off+n]
		if decode(t, typ) || p.o.Verbose > 1 {
			p.unknownData(t, 0, "\n\t  ", n)
		}
		off += n
		tlen -= n
	}
}

// oamInfo prints a Local or Remote Information TLV.
func (p *Printer) oamInfo(t []byte, typ int) bool {
	if typ != 1 && typ != 2 {
		return true
	}
	if p.u8(t, 1) != 16 {
		p.puts("\n\t    ERROR: illegal length - should be 16")
		return true
	}
	p.printf("\n\t    OAM-Version %d, Revision %d", p.u8(t, 2), p.u16(t, 3))
	state := p.u8(t, 5)
	p.printf("\n\t    State-Parser-Action %s, State-MUX-Action %s",
		[]string{"forwarding", "looping back", "discarding", "reserved"}[state&3],
		cond(state&4 == 0, "forwarding", "discarding"))
	p.printf("\n\t    OAM-Config Flags [%s], OAM-PDU-Config max-PDU size %d",
		bitNames(uint32(p.u8(t, 6)), oamConfigFlags), p.u16(t, 7)&0x7ff)
	oui := p.u24(t, 9)
	p.printf("\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x", ouiName(oui), oui, p.u32(t, 12))
	return false
}

// oamEvent prints an errored-event TLV.
func (p *Printer) oamEvent(t []byte, typ int) bool {
	if typ < 1 || typ > 4 {
		return true
	}
	if p.u8(t, 1) != 40 {
		p.puts("\n\t    ERROR: illegal length - should be 40")
		return true
	}
	p.printf("\n\t    Timestamp %d ms, Errored Window %d\n\t    Errored Threshold %d\n\t    Errors %d"+
		"\n\t    Error Running Total %d\n\t    Event Running Total %d",
		uint32(p.u16(t, 2))*100, p.u64(t, 4), p.u64(t, 12), p.u64(t, 20), p.u64(t, 28), p.u32(t, 36))
	return false
}
