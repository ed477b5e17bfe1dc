package printer

import "fmt"

var stpProtos = []string{0: "802.1d", 2: "802.1w", 3: "802.1s", 4: "802.1aq"}

var stpTypes = []bitName{{0x00, "Config"}, {0x02, "Rapid STP"}, {0x80, "Topology Change"}}

var stpFlags = []bitName{{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"},
	{0x40, "Agreement"}, {0x80, "Topology change ACK"}}

var stpRoles = []string{"Unknown", "Alternate", "Root", "Designated"}

// stp is stp_print: 802.1D, 802.1w, 802.1s (MSTP, each MSTI with -v)
// and 802.1aq (SPB) BPDUs.
func (p *Printer) stp(b []byte, length int) {
	p.enter("stp")
	if length < 4 {
		p.invalid()
		return
	}
	if p.u16(b, 0) != 0 {
		p.printf("unknown STP version, length %d", length)
		return
	}
	ver := p.u8(b, 2)
	name := strName(stpProtos, int(ver), "")
	if name == "" {
		p.printf("STP Unknown STP protocol (0x%02x)", ver)
		return
	}
	p.printf("STP %s", name)
	typ := p.u8(b, 3)
	tname, ok := tokName(stpTypes, uint32(typ))
	if !ok {
		tname = fmt.Sprintf("Unknown BPDU Type (0x%02x)", typ)
	}
	p.printf(", %s", tname)
	switch {
	case typ == 0x00 && length < 35, typ == 0x02 && ver == 2 && length < 36:
		p.invalid()
	case typ == 0x00, typ == 0x02 && ver == 2:
		p.stpConfig(b, length, ver)
	case typ == 0x02 && (ver == 3 || ver == 4):
		p.stpMSTP(b, length, ver)
	}
}

func (p *Printer) stpBridgeID(b []byte, off int) string {
	id := p.bytes(b, off, 8)
	return fmt.Sprintf("%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x", id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7])
}

func (p *Printer) stpConfig(b []byte, length int, ver uint8) {
	flags := p.u8(b, 4)
	p.printf(", Flags [%s]", bitNames(uint32(flags), stpFlags))
	p.printf(", bridge-id %s.%04x, length %d", p.stpBridgeID(b, 17), p.u16(b, 25), length)
	if p.o.Verbose == 0 {
		return
	}
	p.stpTimers(b)
	p.printf("\n\troot-id %s, root-pathcost %d", p.stpBridgeID(b, 5), p.u32(b, 13))
	if ver == 2 {
		p.printf(", port-role %s", stpRoles[(flags&0x0c)>>2])
	}
}

func (p *Printer) stpMSTP(b []byte, length int, ver uint8) {
	if length < 102 || p.u8(b, 35) != 0 {
		p.invalid()
		return
	}
	mlen := int(p.u16(b, 36)) + 2
	if length < 36+mlen {
		p.invalid()
		return
	}
	p.stpMSTPBody(b, length)
	if ver != 4 {
		return
	}
	slen := int(p.u16(b, 36+mlen)) + 2
	if length < 36+mlen+slen || slen < 87 {
		p.invalid()
		return
	}
	p.stpSPB(b, 36+mlen)
}

// stpTimers prints the four BPDU timers (1/256 s units).
func (p *Printer) stpTimers(b []byte) {
	p.printf("\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		float32(p.u16(b, 27))/256, float32(p.u16(b, 29))/256, float32(p.u16(b, 31))/256, float32(p.u16(b, 33))/256)
}

// stpMSTPBody is stp_print_mstp_bpdu: the CIST, then each MSTI with -v.
func (p *Printer) stpMSTPBody(b []byte, length int) {
	flags := p.u8(b, 4)
	p.printf(", CIST Flags [%s], length %d", bitNames(uint32(flags), stpFlags), length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tport-role %s, ", stpRoles[(flags&0x0c)>>2])
	p.printf("CIST root-id %s, CIST ext-pathcost %d", p.stpBridgeID(b, 5), p.u32(b, 13))
	p.printf("\n\tCIST regional-root-id %s, ", p.stpBridgeID(b, 17))
	p.printf("CIST port-id %04x,", p.u16(b, 25))
	p.stpTimers(b)
	p.printf("\n\tv3len %d, MCID Name ", p.u16(b, 36))
	p.printJNP(b, 39, 32)
	p.printf(", rev %d,\n\t\tdigest %08x%08x%08x%08x, ", p.u16(b, 71),
		p.u32(b, 73), p.u32(b, 77), p.u32(b, 81), p.u32(b, 85))
	p.printf("CIST int-root-pathcost %d,", p.u32(b, 89))
	p.printf("\n\tCIST bridge-id %s, ", p.stpBridgeID(b, 93))
	p.printf("CIST remaining-hops %d", p.u8(b, 101))
	v3len := int(p.u16(b, 36))
	if v3len <= 64 {
		return
	}
	for n, off := v3len-64, 102; n >= 16; n, off = n-16, off+16 {
		f := p.u8(b, off)
		p.printf("\n\tMSTI %d, Flags [%s], port-role %s", p.u16(b, off+1)&0x0fff,
			bitNames(uint32(f), stpFlags), stpRoles[(f&0x0c)>>2])
		p.printf("\n\t\tMSTI regional-root-id %s, pathcost %d", p.stpBridgeID(b, off+1), p.u32(b, off+9))
		p.printf("\n\t\tMSTI bridge-prio %d, port-prio %d, hops %d", p.u8(b, off+13)>>4,
			p.u8(b, off+14)>>4, p.u8(b, off+15))
	}
}

// stpSPB is stp_print_spb_bpdu (802.1aq), printed with -v only.
func (p *Printer) stpSPB(b []byte, off int) {
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tv4len %d, AUXMCID Name ", p.u16(b, off))
	p.printJNP(b, off+3, 32)
	p.printf(", Rev %d,\n\t\tdigest %08x%08x%08x%08x", p.u16(b, off+35),
		p.u32(b, off+37), p.u32(b, off+41), p.u32(b, off+45), p.u32(b, off+49))
	a, f, c := p.u8(b, off+53), p.u8(b, off+55), p.u8(b, off+56)
	p.printf("\n\tAgreement num %d, Discarded Agreement num %d, Agreement valid-flag %d,"+
		"\n\tRestricted role-flag: %d, Format id %d cap %d, Convention id %d cap %d,"+
		"\n\tEdge count %d, Agreement digest %08x%08x%08x%08x%08x",
		a>>6, a>>4&3, a>>3&1, a>>2&1, f>>4, f, c>>4, c, p.u16(b, off+57),
		p.u32(b, off+67), p.u32(b, off+71), p.u32(b, off+75), p.u32(b, off+79), p.u32(b, off+83))
}
