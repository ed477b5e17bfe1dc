package printer

// Name tables of print-ldp.c and l2vpn.c.
var (
	ldpMsgs = []bitName{{0x0001, "Notification"}, {0x0100, "Hello"}, {0x0200, "Initialization"},
		{0x0201, "Keepalive"}, {0x0300, "Address"}, {0x0301, "Address Withdraw"}, {0x0400, "Label Mapping"},
		{0x0401, "Label Request"}, {0x0402, "Label Withdraw"}, {0x0403, "Label Release"},
		{0x0404, "Label Abort Request"}}
	ldpTLVs = []bitName{{0x0100, "FEC"}, {0x0101, "Address List"}, {0x0103, "Hop Count"}, {0x0104, "Path Vector"},
		{0x0200, "Generic Label"}, {0x0201, "ATM Label"}, {0x0202, "Frame-Relay Label"}, {0x0300, "Status"},
		{0x0301, "Extended Status"}, {0x0302, "Returned PDU"}, {0x0303, "Returned Message"},
		{0x0400, "Common Hello Parameters"}, {0x0401, "IPv4 Transport Address"},
		{0x0402, "Configuration Sequence Number"}, {0x0403, "IPv6 Transport Address"},
		{0x0500, "Common Session Parameters"}, {0x0501, "ATM Session Parameters"},
		{0x0502, "Frame-Relay Session Parameters"}, {0x0503, "Fault-Tolerant Session Parameters"},
		{0x0600, "Label Request Message ID"}, {0x0601, "MTU"}}
	ldpFECs     = []bitName{{1, "Wildcard"}, {2, "Prefix"}, {3, "Host address"}, {0x80, "Martini VC"}}
	ldpIfParams = []bitName{{1, "MTU"}, {3, "Description"}, {0x0c, "VCCV"}}
	ldpVCCVCC   = []bitName{{1, "PWE3 control word"}, {2, "MPLS Router Alert Label"}, {4, "MPLS inner label TTL = 1"}}
	ldpVCCVCV   = []bitName{{1, "ICMP Ping"}, {2, "LSP Ping"}, {4, "BFD"}}
	mplsPWTypes = []string{"Reserved", "Frame Relay DLCI (Martini Mode)", "ATM AAL5 SDU VCC transport",
		"ATM transparent cell transport", "Ethernet VLAN", "Ethernet", "Cisco-HDLC", "PPP",
		"SONET/SDH Circuit Emulation Service over MPLS", "ATM n-to-one VCC cell transport",
		"ATM n-to-one VPC cell transport", "IP Layer2 Transport", "ATM one-to-one VCC Cell Mode",
		"ATM one-to-one VPC Cell Mode", "ATM AAL5 PDU VCC transport", "Frame-Relay Port mode",
		"SONET/SDH Circuit Emulation over Packet", "Structure-agnostic E1 over Packet",
		"Structure-agnostic T1 (DS1) over Packet", "Structure-agnostic E3 over Packet",
		"Structure-agnostic T3 (DS3) over Packet", "CESoPSN basic mode", "TDMoIP basic mode",
		"CESoPSN TDM with CAS", "TDMoIP TDM with CAS", "Frame Relay DLCI"}
)

func mplsPWType(t uint16) string {
	if t == 0x40 {
		return "IP-interworking"
	}
	return strName(mplsPWTypes, int(t), "Unknown")
}

// ldp is ldp_print (TCP and UDP port 646): the PDUs of the segment, each
// with its messages and TLVs under -v. Like tcpdump, a short capture
// abandons the packet.
func (p *Printer) ldp(b []byte, length int) {
	p.enter("ldp")
	for off := 0; length > 18; {
		n := p.ldpPDU(b, off)
		if n == 0 {
			return
		}
		if length < n {
			p.printf(" [remaining length %d < %d]", length, n)
			p.invalid()
			return
		}
		length -= n
		off += n
	}
}

// ldpPDU is ldp_pdu_print: the PDU length consumed, 0 to stop.
func (p *Printer) ldpPDU(b []byte, off int) int {
	p.needHard(from(b, off), 10)
	pre := cond(p.o.Verbose < 1, "", "\n\t")
	if v := p.u16(b, off); v != 1 {
		p.printf("%sLDP version %d packet not supported", pre, v)
		return 0
	}
	pduLen := p.u16(b, off+2)
	if pduLen < 6 {
		p.printf("%sLDP, pdu-length: %d (too short, < 6)", pre, pduLen)
		return 0
	}
	p.printf("%sLDP, Label-Space-ID: %s:%d, pdu-length: %d", pre, p.names.ip4(b[off+4:off+8]), p.u16(b, off+8), pduLen)
	if p.o.Verbose < 1 {
		return 0
	}
	t := off + 10
	for tlen := pduLen - 6; tlen > 0; {
		p.needHard(from(b, t), 8)
		msgLen, raw := p.u16(b, t+2), p.u16(b, t)
		typ := raw & 0x7fff
		name := tokOr(ldpMsgs, uint32(typ), "Unknown")
		if msgLen < 4 {
			p.printf("\n\t  %s Message (0x%04x), length: %d (too short, < 4)", name, typ, msgLen)
			return 0
		}
		p.printf("\n\t  %s Message (0x%04x), length: %d, Message ID: 0x%08x, Flags: [%s if unknown]", name, typ, msgLen,
			p.u32(b, t+4), cond(raw&0x8000 != 0, "continue processing", "ignore"))
		p.needHard(from(b, t), int(msgLen))
		mt, mlen := t+8, int(msgLen)-4
		switch typ {
		case 0x0001, 0x0100, 0x0200, 0x0201, 0x0300, 0x0400, 0x0301, 0x0402:
			for mlen >= 4 {
				n := p.ldpTLV(b, mt, mlen)
				if n == 0 {
					break
				}
				mlen -= n
				mt += n
			}
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(b, mt, "\n\t  ", mlen)
			}
		}
		if p.o.Verbose > 1 {
			p.unknownData(b, t+8, "\n\t  ", int(msgLen))
		}
		t += int(msgLen) + 4
		tlen -= msgLen + 4 // u_short in tcpdump: it may wrap and read on
	}
	return int(pduLen) + 4
}

// ldpTLV is ldp_tlv_print: the TLV size consumed, 0 to stop.
func (p *Printer) ldpTLV(b []byte, t, msgLen int) int {
	p.needHard(from(b, t), 4)
	tlvLen := int(p.u16(b, t+2))
	if tlvLen+4 > msgLen {
		p.puts("\n\t\t TLV contents go past end of message")
		return 0
	}
	raw := p.u16(b, t)
	typ := raw & 0x3fff
	p.printf("\n\t    %s TLV (0x%04x), length: %d, Flags: [%s and %s forward if unknown]", tokOr(ldpTLVs, uint32(typ), "Unknown"),
		typ, tlvLen, cond(raw&0x8000 != 0, "continue processing", "ignore"), cond(raw&0x4000 != 0, "do", "don't"))
	p.ldpTLVBody(b, t+4, tlvLen, typ)
	return tlvLen + 4
}

// ldpShort is TLV_TCHECK: a TLV shorter than its fixed part.
func (p *Printer) ldpShort(tlen, min int) bool {
	if tlen < min {
		p.printf(" [tlv length %d < %d]", tlen, min)
		p.invalid()
		return true
	}
	return false
}

func (p *Printer) ldpTLVBody(b []byte, tp, tlen int, typ uint16) {
	ip := func(o int) string { return p.names.ip4(p.bytes(b, tp+o, 4)) }
	switch typ {
	case 0x0400:
		if p.ldpShort(tlen, 4) {
			return
		}
		f := p.u16(b, tp+2)
		p.printf("\n\t      Hold Time: %ds, Flags: [%s Hello%s]", p.u16(b, tp), cond(f&0x8000 != 0, "Targeted", "Link"),
			cond(f&0x4000 != 0, ", Request for targeted Hellos", ""))
	case 0x0401:
		if !p.ldpShort(tlen, 4) {
			p.printf("\n\t      IPv4 Transport Address: %s", ip(0))
		}
	case 0x0403:
		if !p.ldpShort(tlen, 16) {
			p.printf("\n\t      IPv6 Transport Address: %s", p.names.ip6(p.bytes(b, tp, 16)))
		}
	case 0x0402:
		if !p.ldpShort(tlen, 4) {
			p.printf("\n\t      Sequence Number: %d", p.u32(b, tp))
		}
	case 0x0101:
		p.ldpAddrList(b, tp, tlen)
	case 0x0500:
		// tcpdump 4.99.3 reads the flags at offset 6 and stops there.
		if p.ldpShort(tlen, 8) {
			return
		}
		f := p.u16(b, tp+6)
		p.printf("\n\t      Version: %d, Keepalive: %ds, Flags: [Downstream %s, Loop Detection %s]", p.u16(b, tp), p.u16(b, tp+2),
			cond(f&0x8000 != 0, "On Demand", "Unsolicited"), cond(f&0x4000 != 0, "Enabled", "Disabled"))
	case 0x0100:
		p.ldpFEC(b, tp, tlen)
	case 0x0200:
		if !p.ldpShort(tlen, 4) {
			p.printf("\n\t      Label: %d", p.u32(b, tp)&0xfffff)
		}
	case 0x0300:
		if p.ldpShort(tlen, 8) {
			return
		}
		ui := p.u32(b, tp)
		p.printf("\n\t      Status: 0x%02x, Flags: [%s and %s forward]", ui&0x3fffffff,
			cond(ui&0x80000000 != 0, "Fatal error", "Advisory Notification"), cond(ui&0x40000000 != 0, "do", "don't"))
		if ui = p.u32(b, tp+4); ui != 0 {
			p.printf(", causing Message ID: 0x%08x", ui)
		}
	case 0x0503:
		if p.ldpShort(tlen, 12) {
			return
		}
		f := p.u16(b, tp)
		p.printf("\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
			cond(f&0x8000 != 0, "", "No "), cond(f&0x8 != 0, "", "Don't "), cond(f&0x4 != 0, "", "No "),
			cond(f&0x2 != 0, "Sequence Numbered Label", "All Labels"), cond(f&0x1 != 0, "", "Don't "))
		if ui := p.u32(b, tp+4); ui != 0 {
			p.printf(", Reconnect Timeout: %dms", ui)
		}
		if ui := p.u32(b, tp+8); ui != 0 {
			p.printf(", Recovery Time: %dms", ui)
		}
	case 0x0601:
		if !p.ldpShort(tlen, 2) {
			p.printf("\n\t      MTU: %d", p.u16(b, tp))
		}
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, tp, "\n\t      ", tlen)
		}
	}
}

func (p *Printer) ldpAddrList(b []byte, tp, tlen int) {
	if p.ldpShort(tlen, 2) {
		return
	}
	af := p.u16(b, tp)
	tp, tlen = tp+2, tlen-2
	p.printf("\n\t      Address Family: %s, addresses", tokFmt(afNames, uint32(af), "Unknown (%d)"))
	switch af {
	case 1:
		for ; tlen >= 4; tp, tlen = tp+4, tlen-4 {
			p.printf(" %s", p.names.ip4(p.bytes(b, tp, 4)))
		}
	case 2:
		for ; tlen >= 16; tp, tlen = tp+16, tlen-16 {
			p.printf(" %s", p.names.ip6(p.bytes(b, tp, 16)))
		}
	}
}

func (p *Printer) ldpFEC(b []byte, tp, tlen int) {
	if p.ldpShort(tlen, 1) {
		return
	}
	ft := p.u8(b, tp)
	p.printf("\n\t      %s FEC (0x%02x)", tokOr(ldpFECs, uint32(ft), "Unknown"), ft)
	tp, tlen = tp+1, tlen-1
	switch ft {
	case 2:
		if p.ldpShort(tlen, 2) {
			return
		}
		af := p.u16(b, tp)
		tp, tlen = tp+2, tlen-2
		var s string
		var n int
		switch af {
		case 1:
			s, n = p.bgpPrefix4(b, tp, tlen)
		case 2:
			s, n = p.bgpPrefix6(b, tp, tlen)
		default:
			p.printf(": Address family %d prefix", af)
			return
		}
		switch {
		case n == -2:
			p.trunc()
		case n == -1:
			p.printf(": IPv%s prefix (invalid length)", cond(af == 1, "4", "6"))
		default:
			p.printf(": IPv%s prefix %s", cond(af == 1, "4", "6"), s)
		}
	case 0x80:
		p.ldpMartini(b, tp, tlen)
	}
}

// ldpMartini prints a Martini VC FEC element (RFC 4447) and its
// interface parameters.
func (p *Printer) ldpMartini(b []byte, tp, tlen int) {
	if p.ldpShort(tlen, 7) {
		return
	}
	vcLen := int(p.u8(b, tp+2))
	pw := p.u16(b, tp)
	if vcLen == 0 {
		p.printf(": %s, %scontrol word, group-ID %d, VC-info-length: %d", mplsPWType(pw&0x7fff),
			cond(pw&0x8000 != 0, "", "no "), p.u32(b, tp+3), vcLen)
		return
	}
	if p.ldpShort(tlen, 11) {
		return
	}
	p.printf(": %s, %scontrol word, group-ID %d, VC-ID %d, VC-info-length: %d", mplsPWType(pw&0x7fff),
		cond(pw&0x8000 != 0, "", "no "), p.u32(b, tp+3), p.u32(b, tp+7), vcLen)
	if vcLen < 4 {
		p.puts(" (invalid, < 4")
		return
	}
	vcLen -= 4
	tp, tlen = tp+11, tlen-11
	if p.ldpShort(tlen, vcLen) {
		return
	}
	for vcLen > 2 {
		pt, pl := p.u8(b, tp), int(p.u8(b, tp+1))
		if pl < 2 || vcLen < pl {
			return
		}
		p.printf("\n\t\tInterface Parameter: %s (0x%02x), len %d", tokOr(ldpIfParams, uint32(pt), "Unknown"), pt, pl)
		switch pt {
		case 1:
			p.printf(": %d", p.u16(b, tp+2))
		case 3:
			p.puts(": ")
			for i := 2; i < pl; i++ {
				p.fnPrintChar(p.u8(b, tp+i))
			}
		case 0x0c:
			cc, cv := p.u8(b, tp+2), p.u8(b, tp+3)
			p.printf("\n\t\t  Control Channels (0x%02x) = [%s]", cc, bitNames(uint32(cc), ldpVCCVCC))
			p.printf("\n\t\t  CV Types (0x%02x) = [%s]", cv, bitNames(uint32(cv), ldpVCCVCV))
		default:
			p.unknownData(b, tp+2, "\n\t\t  ", pl-2)
		}
		vcLen -= pl
		tp += pl
	}
}
