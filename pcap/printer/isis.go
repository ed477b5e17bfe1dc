package printer

import (
	"fmt"
	"math"
	"strings"
)

// OSI (print-isoclns.c): the NLPID dispatch and IS-IS (ISO 10589, RFC
// 1195 and the TE, IPv6, multi-topology and restart extensions). CLNP and
// ES-IS are not decoded (flagged unsupported).

var (
	nlpidNames = []tokRange{{0x00, []string{"NULL"}}, {0x08, []string{"Q.933", "LMI"}}, {0x80, []string{"SNAP",
		"CLNP", "ES-IS", "IS-IS", "CONS", "IDRP"}}, {0x8a, []string{"X25 ES-IS"}}, {0x8e, []string{"IPv6"}},
		{0xb1, []string{"FRF.15"}}, {0xc1, []string{"ISIS_SPB"}}, {0xcc, []string{"IPv4"}}, {0xcf, []string{"PPP"}}}
	isisPDUs = []tokRange{{15, []string{"L1 Lan IIH", "L2 Lan IIH", "p2p IIH", "L1 LSP", "", "L2 LSP"}},
		{24, []string{"L1 CSNP", "L2 CSNP", "L1 PSNP", "L2 PSNP"}}}
	isisTLVs = []tokRange{{1, []string{"Area address(es)", "IS Reachability", "ES Neighbor(s)", "Partition DIS",
		"Prefix Neighbors", "IS Neighbor(s)", "Instance Identifier", "Padding", "LSP entries",
		"Authentication", "", "Checksum", "Purge Originator Identifier", "LSP Buffersize"}},
		{22, []string{"Extended IS Reachability", "", "IS Alias ID"}}, {42, []string{"DECnet Phase IV"}},
		{66, []string{"Lucent Proprietary"}}, {128, []string{"IPv4 Internal Reachability", "Protocols supported",
			"IPv4 External Reachability", "Inter-Domain Information Type", "IPv4 Interface address(es)",
			"IPv4 authentication (deprecated)", "Traffic Engineering Router ID", "Extended IPv4 Reachability", "",
			"Hostname", "Shared Risk Link Group"}}, {143, []string{"Multi-Topology-Aware Port Capability",
			"Multi-Topology Capability"}}, {176, []string{"Nortel Proprietary", "Nortel Proprietary"}},
		{211, []string{"Restart Signaling"}}, {222, []string{"Multi Topology IS Reachability"}},
		{229, []string{"Multi Topology"}}, {232, []string{"IPv6 Interface address(es)"}},
		{235, []string{"Multi-Topology IPv4 Reachability", "IPv6 reachability", "Multi-Topology IP6 Reachability"}},
		{240, []string{"Point-to-point Adjacency State", "Hello PDU Sequence Number", "IS-IS Router Capability"}},
		{250, []string{"Vendor Private"}}}
	isisExtISSubTLVs = []tokRange{{3, []string{"Administrative groups", "Link Local/Remote Identifier",
		"Link Remote Identifier", "IPv4 interface address", "", "IPv4 neighbor address", "Maximum link bandwidth",
		"Reservable link bandwidth", "Unreserved bandwidth", "Bandwidth Constraints (old)"}},
		{18, []string{"Traffic Engineering Metric", "Link Attribute", "Link Protection Type",
			"Interface Switching Capability", "Bandwidth Constraints"}}, {29, []string{"SPB Metric"}},
		{32, []string{"LAN Adjacency Segment Identifier"}},
		{250, []string{"Reserved for cisco specific extensions", "Reserved for cisco specific extensions",
			"Reserved for cisco specific extensions", "Reserved for cisco specific extensions",
			"Reserved for cisco specific extensions", "Reserved for future expansion"}}}
	isisAuthTypes = []tokRange{{1, []string{"simple text password", "", "Generic Crypto key-id"}},
		{54, []string{"HMAC-MD5 password"}}, {255, []string{"Routing Domain private password"}}}
	isisLinkAttrs = []bitName{{0x01, "Local Protection Available"}, {0x02, "Link excluded from local protection path"},
		{0x04, "Local maintenance required"}}
	isisMTFlags      = []bitName{{0x4000, "ATT bit set"}, {0x8000, "Overload bit set"}}
	isisRestartFlags = []bitName{{0x1, "Restart Request"}, {0x2, "Restart Acknowledgement"},
		{0x4, "Suppress adjacency advertisement"}}
	isisCircuitTypes = []string{1: "Level 1 only", 2: "Level 2 only", 3: "Level 1, Level 2"}
)

// isonsap is isonsap_string: hex pairs, a dot after the first byte and
// then every two.
func isonsap(b []byte) string {
	if len(b) < 1 || len(b) > 20 {
		return "isonsap_string: illegal length"
	}
	var s strings.Builder
	for i, c := range b {
		fmt.Fprintf(&s, "%02x", c)
		if i&1 == 0 && i+1 < len(b) {
			s.WriteByte('.')
		}
	}
	return s.String()
}

// isoclns is isoclns_print: the OSI network layer protocols by NLPID.
func (p *Printer) isoclns(b []byte, length int) {
	p.enter("isoclns")
	nlpid := p.u8(b, 0)
	if p.o.Ether {
		p.printf("OSI NLPID %s (0x%02x): ", tokOrRange(nlpidNames, uint32(nlpid), "Unknown"), nlpid)
	}
	sep := cond(p.o.Ether, "", ", ")
	switch nlpid {
	case 0x81:
		p.unsupport("clnp")
	case 0x82:
		p.unsupport("esis")
	case 0x83:
		if !p.isis(b, length) {
			p.unknownData(b, 0, "\n\t", length)
		}
	case 0x00:
		p.printf("%slength: %d", sep, length)
	case 0x08:
		p.unsupport("q933")
	case 0xcc:
		p.ip(b[1:], length-1)
	case 0x8e:
		p.ip6(b[1:], length-1)
	case 0xcf:
		p.ppp(b, 1, length-1)
	default:
		if !p.o.Ether {
			p.printf("OSI NLPID 0x%02x unknown", nlpid)
		}
		p.printf("%slength: %d", sep, length)
		if length > 1 {
			p.unknownData(b, 0, "\n\t", length)
		}
	}
}

func tokOrRange(tab []tokRange, v uint32, def string) string {
	if s, ok := rangeName(tab, v); ok {
		return s
	}
	return def
}

// isisID is isis_print_id: a system, node (.nn) or LSP (.nn-nn) id.
func (p *Printer) isisID(b []byte, off, n int) string {
	var s strings.Builder
	for i := 1; i <= min(n, 6); i++ {
		fmt.Fprintf(&s, "%02x", p.u8(b, off+i-1))
		if i == 2 || i == 4 {
			s.WriteByte('.')
		}
	}
	if n >= 7 {
		fmt.Fprintf(&s, ".%02x", p.u8(b, off+6))
	}
	if n == 8 {
		fmt.Fprintf(&s, "-%02x", p.u8(b, off+7))
	}
	return s.String()
}

// isisHas is ND_TTEST_LEN at an offset.
func isisHas(b []byte, off, n int) bool { return off >= 0 && n >= 0 && off+n <= len(b) }

// isisCheck is ND_TCHECK_LEN: a soft truncation (" [|isis]", and the
// PDU counts as printed).
func (p *Printer) isisCheck(b []byte, off, n int) {
	if !isisHas(b, off, n) {
		p.softTrunc()
	}
}

// isisUnknown is print_unknown_data with its result.
func (p *Printer) isisUnknown(b []byte, off int, ident string, n int) bool {
	if off > len(b) {
		p.unknownData(b, off, ident, n)
		return false
	}
	p.unknownData(b, off, ident, n)
	return true
}

// isis is isis_print; false means undecodable (the caller dumps it).
func (p *Printer) isis(b []byte, length int) (ok bool) {
	p.enter("isis")
	defer p.catchSoftSet(&ok)
	p.isisCheck(b, 0, 8)
	if length < 8 {
		p.softTrunc()
	}
	if !p.o.Ether {
		p.puts("IS-IS")
	}
	version := b[2]
	if version != 1 {
		p.printf("version %d packet not supported", version)
		return false
	}
	idLen := b[3]
	if idLen != 6 && idLen != 0 {
		p.printf("system ID length of %d is not supported", idLen)
		return false
	}
	pduVersion := b[5]
	if pduVersion != 1 {
		p.printf("version %d packet not supported", pduVersion)
		return false
	}
	fixedLen := int(b[1])
	if length < fixedLen {
		p.printf("fixed header length %d > packet length %d", fixedLen, length)
		return false
	}
	if fixedLen < 8 {
		p.printf("fixed header length %d < minimum header size 8", fixedLen)
		return false
	}
	maxArea := b[7]
	switch maxArea {
	case 255:
		p.puts("bad packet -- 255 areas")
		return false
	}
	pduType := b[4]
	sep := cond(p.o.Ether, "", ", ")
	if p.o.Verbose == 0 {
		p.printf("%s%s", sep, tokOrRange(isisPDUs, uint32(pduType), fmt.Sprintf("unknown PDU-Type %d", pduType)))
	} else {
		p.printf("%slength %d", sep, length)
		p.printf("\n\t%s, hlen: %d, v: %d, pdu-v: %d, sys-id-len: %d (%d), max-area: %d (%d)",
			tokOrRange(isisPDUs, uint32(pduType), fmt.Sprintf("unknown, type %d", pduType)), fixedLen, version,
			pduVersion, 6, idLen, cond2(maxArea == 0, 3, int(maxArea)), maxArea)
		if p.o.Verbose > 1 {
			p.unknownData(b, 0, "\n\t", 8)
		}
	}
	off, packetLen, length, ok := p.isisHeader(b, pduType, fixedLen, length)
	if !ok {
		return false
	}
	if off < 0 {
		return true
	}
	return p.isisTLVs(b, off, packetLen, length)
}

// isisHeaderLen is the size of a PDU type's header after the common
// eight bytes (0 for unknown types).
func isisHeaderLen(t uint8) int {
	switch t {
	case 15, 16, 18, 20:
		return 19
	case 17:
		return 12
	case 24, 25:
		return 25
	case 26, 27:
		return 9
	}
	return 0
}

// isisHeader prints the PDU-specific header; it returns the offset of the
// TLVs, their length (as tcpdump's unsigned count) and the PDU length the
// TLVs are checked against, off < 0 when the PDU was printed in full.
func (p *Printer) isisHeader(b []byte, pduType uint8, fixedLen, length int) (off, packetLen, pduLength int, ok bool) {
	hdrLen := isisHeaderLen(pduType)
	if hdrLen == 0 {
		if p.o.Verbose == 0 {
			p.printf(", length %d", length)
			return -1, 0, 0, true
		}
		p.unknownData(b, 8, "\n\t  ", length)
		return 0, 0, 0, false
	}
	if fixedLen != 8+hdrLen {
		should := 8 + hdrLen
		if pduType >= 18 && pduType <= 20 {
			should = hdrLen // tcpdump prints the LSP header size alone
		}
		p.printf("%s bogus fixed header length %d should be %d", cond(pduType >= 26, "-", ","), fixedLen, should)
		return 0, 0, 0, false
	}
	p.isisCheck(b, 8, hdrLen)
	if length < 8+hdrLen {
		p.softTrunc()
	}
	h := 8
	pduLen := int(p.u16(b, h+cond2(pduType <= 17, 9, 0)))
	if p.o.Verbose == 0 {
		switch pduType {
		case 15, 16:
			p.printf(", src-id %s", p.isisID(b, h+1, 6))
			p.printf(", lan-id %s, prio %d", p.isisID(b, h+12, 7), b[h+11])
		case 17:
			p.printf(", src-id %s", p.isisID(b, h+1, 6))
		case 18, 20:
			p.printf(", lsp-id %s, seq 0x%08x, lifetime %5ds", p.isisID(b, h+4, 8), p.u32(b, h+12), p.u16(b, h+2))
		default:
			p.printf(", src-id %s", p.isisID(b, h+2, 7))
		}
		p.printf(", length %d", length)
		return -1, 0, 0, true
	}
	if length > pduLen {
		length = pduLen
	}
	switch pduType {
	case 15, 16:
		p.printf("\n\t  source-id: %s,  holding time: %ds, Flags: [%s]", p.isisID(b, h+1, 6), p.u16(b, h+7),
			p.isisCircuit(b[h]))
		p.printf("\n\t  lan-id:    %s, Priority: %d, PDU length: %d", p.isisID(b, h+12, 7), b[h+11]&0x7f, pduLen)
	case 17:
		p.printf("\n\t  source-id: %s, holding time: %ds, Flags: [%s]", p.isisID(b, h+1, 6), p.u16(b, h+7),
			p.isisCircuit(b[h]))
		p.printf("\n\t  circuit-id: 0x%02x, PDU length: %d", b[h+11], pduLen)
	case 18, 20:
		p.printf("\n\t  lsp-id: %s, seq: 0x%08x, lifetime: %5ds\n\t  chksum: 0x%04x", p.isisID(b, h+4, 8),
			p.u32(b, h+12), p.u16(b, h+2), p.u16(b, h+16))
		p.osiCksum(b, h+4, p.u16(b, h+16), 12, length-12)
		p.isisLSPFlags(b[h+18], pduLen)
	case 24, 25:
		p.printf("\n\t  source-id:    %s, PDU length: %d", p.isisID(b, h+2, 7), pduLen)
		p.printf("\n\t  start lsp-id: %s", p.isisID(b, h+9, 8))
		p.printf("\n\t  end lsp-id:   %s", p.isisID(b, h+17, 8))
	default:
		p.printf("\n\t  source-id:    %s, PDU length: %d", p.isisID(b, h+2, 7), pduLen)
	}
	if p.o.Verbose > 1 {
		p.unknownData(b, h, "\n\t  ", hdrLen)
	}
	if length < 8+hdrLen {
		p.printf(" [packet length %d < %d]", length, 8+hdrLen)
		p.invalid()
		return -1, 0, 0, true
	}
	return 8 + hdrLen, length - (8 + hdrLen), length, true
}

func (p *Printer) isisCircuit(t uint8) string {
	return strName(isisCircuitTypes, int(t), fmt.Sprintf("unknown circuit type 0x%02x", t))
}

func (p *Printer) isisLSPFlags(t uint8, pduLen int) {
	p.printf(", PDU length: %d, Flags: [ %s", pduLen, cond(t&4 != 0, "Overload bit set, ", ""))
	if t&0x78 != 0 {
		p.puts(cond(t&0x08 != 0, "default ", ""))
		p.puts(cond(t&0x10 != 0, "delay ", ""))
		p.puts(cond(t&0x20 != 0, "expense ", ""))
		p.puts(cond(t&0x40 != 0, "error ", ""))
		p.puts("ATT bit set, ")
	}
	p.puts(cond(t&0x80 != 0, "P bit set, ", ""))
	p.printf("%s ]", []string{"Unused 0x0 (invalid)", "L1 IS", "Unused 0x2 (invalid)", "L2 IS"}[t&3])
}

// osiCksum is osi_print_cksum over b[off:off+n] with the checksum at
// coff.
func (p *Printer) osiCksum(b []byte, off int, sum uint16, coff, n int) {
	if sum == 0 || coff < 0 || !isisHas(b, off+coff, 2) || coff > n || !isisHas(b, off, n) {
		p.puts(" (unverified)")
		return
	}
	if c := osiChecksum(b[off:off+n], coff); c == sum {
		p.puts(" (correct)")
	} else {
		p.printf(" (incorrect should be 0x%04x)", c)
	}
}

// osiChecksum is create_osi_cksum: the Fletcher checksum that makes b
// sum to zero with the field at coff.
func osiChecksum(b []byte, coff int) uint16 {
	var c0, c1 uint32
	for i, v := range b {
		if i != coff && i != coff+1 {
			c0 += uint32(v)
		}
		c1 += c0
	}
	c0 %= 255
	c1 %= 255
	mul := uint32(len(b)-coff) * c0
	x := int(int32(mul - c0 - c1))
	y := int(int32(c1 - mul - 1))
	if y >= 0 {
		y++
	}
	if x < 0 {
		x--
	}
	x %= 255
	y %= 255
	if x == 0 {
		x = 255
	}
	if y == 0 {
		y = 255
	}
	return uint16(x<<8 | y&0xff)
}

// isisTLVs prints the TLVs of a PDU.
func (p *Printer) isisTLVs(b []byte, off, packetLen, length int) bool {
	for packetLen > 0 {
		p.isisCheck(b, off, 2)
		if packetLen < 2 {
			p.softTrunc()
		}
		typ, tlen := b[off], int(b[off+1])
		off += 2
		packetLen -= 2
		p.printf("\n\t    %s TLV #%d, length: %d", tokOrRange(isisTLVs, uint32(typ), "unknown"), typ, tlen)
		if tlen == 0 {
			continue
		}
		if packetLen < tlen {
			p.softTrunc()
		}
		switch p.isisTLV(b, typ, off, tlen, length) {
		case tlvStop:
			return true
		case tlvFail:
			return false
		}
		if p.o.Verbose > 1 && !p.isisUnknown(b, off, "\n\t      ", tlen) {
			return false
		}
		off += tlen
		packetLen -= tlen
	}
	if packetLen != 0 {
		p.printf("\n\t      %d straggler bytes", packetLen)
	}
	return true
}

const (
	tlvNext = iota // done, or tcpdump's "goto tlv_trunc" (the TLV is skipped)
	tlvStop        // the PDU counts as printed (return 1)
	tlvFail        // undecodable (return 0)
)

// isisEntries runs a decoder over the entries of a TLV: each call
// returns the bytes it used, 0 for an error (" [|isis]").
func (p *Printer) isisEntries(tlen uint8, t int, each func(t int, tlen uint8) int) {
	for tlen != 0 {
		l := each(t, tlen)
		if l == 0 {
			p.softTrunc()
		}
		if int(tlen) < l {
			p.printf(" [remaining tlv length %d < %d]", tlen, l)
			p.invalid()
			return
		}
		tlen -= uint8(l)
		t += int(uint8(l))
	}
}

// isisTLV prints one TLV's value at b[off:off+n].
func (p *Printer) isisTLV(b []byte, typ uint8, off, n, length int) int {
	tlen := uint8(n)
	t := off
	ident := "\n\t      "
	switch typ {
	case 1:
		for tlen != 0 {
			alen := p.u8(b, t)
			t++
			tlen--
			if tlen < alen {
				return tlvNext
			}
			p.printf("\n\t      Area address (length: %d): %s", alen, isonsap(p.bytes(b, t, int(alen))))
			t += int(alen)
			tlen -= alen
		}
	case 6:
		for tlen != 0 {
			if tlen < 6 {
				return tlvNext
			}
			p.isisCheck(b, t, 6)
			p.printf("\n\t      SNPA: %s", p.isisID(b, t, 6))
			tlen -= 6
			t += 6
		}
	case 7:
		if tlen < 4 {
			return tlvNext
		}
		vals := int(tlen-2) / 2
		p.printf("\n\t      Instance ID: %d, ITIDs(%d)%s ", p.u16(b, t), vals, cond(vals != 0, ":", ""))
		t += 2
		for i := 0; i < vals; i++ {
			p.printf("%d", p.u16(b, t))
			if i < vals-1 {
				p.puts(", ")
			}
			t += 2
		}
	case 8:
	case 222, 24, 22:
		if typ == 222 {
			mt := p.isisMTID(b, t, ident, tlen)
			if mt == 0 {
				p.softTrunc()
			}
			t += mt
			tlen -= uint8(mt)
		}
		p.isisEntries(tlen, t, func(t int, tlen uint8) int { return p.isisExtISReach(b, t, ident, typ, int(tlen)) })
	case 2:
		if tlen < 1 {
			return tlvNext
		}
		v := p.u8(b, t)
		p.printf("\n\t      %s", strName([]string{"IsNotVirtual", "IsVirtual"}, int(v), fmt.Sprintf("bogus virtual flag 0x%02x", v)))
		t++
		tlen--
		for tlen != 0 {
			if tlen < 11 {
				return tlvNext
			}
			p.isisCheck(b, t, 11)
			p.printf("\n\t      IS Neighbor: %s", p.isisID(b, t+4, 7))
			p.isisMetricBlock(b, t)
			tlen -= 11
			t += 11
		}
	case 3:
		for tlen != 0 {
			if tlen < 10 {
				return tlvNext
			}
			p.isisCheck(b, t, 10)
			p.printf("\n\t      ES Neighbor: %s", p.isisID(b, t+4, 6))
			p.isisMetricBlock(b, t)
			tlen -= 10
			t += 10
		}
	case 128, 130:
		if !p.isisIPReach(b, off, ident, n) {
			return tlvStop
		}
	case 135, 235, 236, 237:
		if typ == 235 || typ == 237 {
			mt := p.isisMTID(b, t, ident, tlen)
			if mt == 0 {
				p.softTrunc()
			}
			t += mt
			tlen -= uint8(mt)
		}
		v6 := typ == 236 || typ == 237
		p.isisEntries(tlen, t, func(t int, _ uint8) int { return p.isisExtdIPReach(b, t, ident, v6) })
	case 232:
		for tlen != 0 {
			if tlen < 16 {
				return tlvNext
			}
			p.printf("\n\t      IPv6 interface address: %s", p.names.ip6(p.bytes(b, t, 16)))
			t += 16
			tlen -= 16
		}
	case 10:
		return p.isisAuth(b, t, tlen)
	case 240:
		p.isisPTPAdj(b, t, tlen)
	case 129:
		p.puts("\n\t      NLPID(s): ")
		for tlen != 0 {
			v := p.u8(b, t)
			p.printf("%s (0x%02x)", tokOrRange(nlpidNames, uint32(v), "unknown"), v)
			if tlen > 1 {
				p.puts(", ")
			}
			t++
			tlen--
		}
	case 143, 144:
		if tlen < 2 {
			return tlvNext
		}
		v := p.u16(b, t)
		if typ == 143 {
			p.printf("\n\t       RES: %d, MTID(s): %d", v>>12, v&0x0fff)
		} else {
			p.printf("\n\t      O: %d, RES: %d, MTID(s): %d", (v>>15)&1, (v>>12)&7, v&0x0fff)
		}
		t += 2
		tlen -= 2
		if tlen != 0 && typ == 143 {
			p.isisPortCapSubTLVs(b, t, int(tlen))
		} else if tlen != 0 {
			p.isisCapSubTLVs(b, t, int(tlen))
		}
	case 134:
		if tlen < 4 {
			return tlvNext
		}
		p.printf("\n\t      Traffic Engineering Router ID: %s", p.names.ip4(p.bytes(b, off, 4)))
	case 132:
		for tlen != 0 {
			if tlen < 4 {
				return tlvNext
			}
			p.printf("\n\t      IPv4 interface address: %s", p.names.ip4(p.bytes(b, t, 4)))
			t += 4
			tlen -= 4
		}
	case 137:
		p.puts("\n\t      Hostname: ")
		p.printJNP(b, t, int(tlen))
	case 138:
		return p.isisSRLG(b, t, tlen)
	case 9:
		for tlen != 0 {
			if tlen < 16 {
				return tlvNext
			}
			p.isisCheck(b, t+2+7, 1)
			p.printf("\n\t      lsp-id: %s", p.isisID(b, t+2, 8))
			p.printf(", seq: 0x%08x", p.u32(b, t+10))
			p.printf(", lifetime: %5ds", p.u16(b, t))
			p.printf(", chksum: 0x%04x", p.u16(b, t+14))
			tlen -= 16
			t += 16
		}
	case 12:
		if tlen < 2 {
			break
		}
		p.isisCheck(b, t, 2)
		p.printf("\n\t      checksum: 0x%04x ", p.u16(b, t))
		p.osiCksum(b, 0, p.u16(b, t), t, length)
	case 13:
		return p.isisPOI(b, t, tlen)
	case 229:
		for tlen != 0 {
			if tlen == 1 {
				p.puts("\n\t      invalid MT-ID")
				break
			}
			mt := p.isisMTID(b, t, ident, tlen)
			if mt == 0 {
				p.softTrunc()
			}
			t += mt
			tlen -= uint8(mt)
		}
	case 211:
		p.isisRestart(b, t, tlen)
	case 131:
		if tlen < 1 {
			break
		}
		v := p.u8(b, t)
		p.printf("\n\t      Inter-Domain Information Type: %s",
			strName([]string{"Reserved", "Routing-Domain Specific", "AS Number Tag"}, int(v), fmt.Sprintf("Unknown (0x%02x)", v)))
		t++
		tlen--
		if v == 2 {
			if tlen < 2 {
				return tlvNext
			}
			p.printf("AS Number: %d", p.u16(b, t))
		} else if !p.isisUnknown(b, t, ident, int(tlen)) {
			return tlvFail
		}
	case 14:
		if tlen >= 2 {
			p.printf("\n\t      LSP Buffersize: %d", p.u16(b, t))
		}
	case 4:
		for tlen != 0 {
			if tlen < 6 {
				return tlvNext
			}
			p.isisCheck(b, t, 6)
			p.printf("\n\t      %s", p.isisID(b, t, 6))
			t += 6
			tlen -= 6
		}
	case 5:
		p.isisPrefixNeigh(b, t, tlen)
	case 241:
		if tlen >= 4 {
			p.printf("\n\t      Sequence number: %d", p.u32(b, t))
		}
	case 242:
		if tlen < 5 {
			p.printf(" [object length %d < 5]", tlen)
			p.invalid()
			break
		}
		p.printf("\n\t      Router-ID %s", p.names.ip4(p.bytes(b, t, 4)))
		p.printf(", Flags [%s]", bitNames(uint32(p.u8(b, t+4)), []bitName{{0x01, "S bit"}, {0x02, "D bit"}}))
		if tlen > 5 {
			p.isisRouterCapSubTLVs(b, t+5, tlen-5)
		}
	case 250:
		if tlen < 3 {
			break
		}
		vendor := p.u24(b, t)
		p.printf("\n\t      Vendor: %s (%d)", ouiName(vendor), vendor)
		t += 3
		tlen -= 3
		if tlen != 0 && !p.isisUnknown(b, t, "\n\t\t", int(tlen)) {
			return tlvFail
		}
	default:
		if p.o.Verbose <= 1 && !p.isisUnknown(b, off, "\n\t\t", n) {
			return tlvFail
		}
	}
	return tlvNext
}

func (p *Printer) isisMetricBlock(b []byte, t int) {
	ie := func(v uint8) string { return cond(v&0x40 != 0, "External", "Internal") }
	d := b[t]
	p.printf(", Default Metric: %d, %s", d&0x3f, ie(d))
	for i, name := range []string{"Delay", "Expense", "Error"} {
		if v := b[t+1+i]; v&0x80 == 0 {
			p.printf("\n\t\t  %s Metric: %d, %s", name, v&0x3f, ie(v))
		}
	}
}

// mask2plen turns a contiguous netmask into a prefix length, -1 if it
// is not one.
func mask2plen(m uint32) int {
	for l := 32; l >= 0; l-- {
		if uint32(0xffffffff)<<(32-l) == m || (l == 0 && m == 0) {
			return l
		}
	}
	return -1
}

// isisIPReach is isis_print_tlv_ip_reach (TLVs 128 and 130).
func (p *Printer) isisIPReach(b []byte, t int, ident string, n int) bool {
	ie := func(v uint8) string { return cond(v&0x40 != 0, "External", "Internal") }
	for n > 0 {
		if n < 12 {
			p.printf("short IPv4 Reachability (%d vs 12)", n)
			return false
		}
		if !isisHas(b, t, 12) {
			return false
		}
		if pl := mask2plen(p.u32(b, t+8)); pl == -1 {
			p.printf("%sIPv4 prefix: %s mask %s", ident, p.names.ip4(b[t+4:]), p.names.ip4(b[t+8:]))
		} else {
			p.printf("%sIPv4 prefix: %15s/%d", ident, p.names.ip4(b[t+4:]), pl)
		}
		d := b[t]
		p.printf(", Distribution: %s, Metric: %d, %s", cond(d&0x80 != 0, "down", "up"), d&0x3f, ie(d))
		for i, name := range []string{"Delay", "Expense", "Error"} {
			if v := b[t+1+i]; v&0x80 == 0 {
				p.printf("%s  %s Metric: %d, %s", ident, name, v&0x3f, ie(v))
			}
		}
		n -= 12
		t += 12
	}
	return true
}

// isisMTID is isis_print_mtid; 0 when the TLV has no room for it.
func (p *Printer) isisMTID(b []byte, t int, ident string, tlen uint8) int {
	if tlen < 2 {
		return 0
	}
	v := p.u16(b, t)
	name := tokOrRange([]tokRange{{0, []string{"IPv4 unicast", "In-Band Management", "IPv6 unicast", "Multicast"}},
		{4095, []string{"Development, Experimental or Proprietary"}}}, uint32(v&0x0fff), "Reserved for IETF Consensus")
	p.printf("%s%s", ident, name)
	p.printf(" Topology (0x%03x), Flags: [%s]", v&0x0fff, bitNames(uint32(v&0xf000), isisMTFlags))
	return 2
}

// isisBW formats an IEEE float bandwidth in bytes/s as Mbps, computed in
// single precision like tcpdump.
func isisBW(v uint32) string {
	f := math.Float32frombits(v) * 8 / 1000000
	return fmt.Sprintf("%.3f", f)
}

// isisExtISReach is isis_print_ext_is_reach: the bytes used, 0 on error.
func (p *Printer) isisExtISReach(b []byte, t int, ident string, typ uint8, rem int) int {
	if !isisHas(b, t, 7) || rem < 7 {
		return 0
	}
	p.printf("%sIS Neighbor: %s", ident, p.isisID(b, t, 7))
	t += 7
	rem -= 7
	proc := 7
	if typ != 24 {
		if !isisHas(b, t, 3) || rem < 3 {
			return 0
		}
		p.printf(", Metric: %d", p.u24(b, t))
		t += 3
		rem -= 3
		proc += 3
	}
	if !isisHas(b, t, 1) || rem < 1 {
		return 0
	}
	sum := int(b[t])
	t++
	rem--
	proc++
	p.printf(", %ssub-TLVs present", cond(sum != 0, "", "no "))
	if sum == 0 {
		return proc
	}
	p.printf(" (%d)", sum)
	ident += "  "
	for sum != 0 {
		if !isisHas(b, t, 2) {
			return 0
		}
		if rem < 2 {
			p.printf("%sRemaining data in TLV shorter than a subTLV header", ident)
			return proc + rem
		}
		if sum < 2 {
			p.printf("%sRemaining data in subTLVs shorter than a subTLV header", ident)
			return proc + sum
		}
		st, sl := b[t], int(b[t+1])
		t += 2
		rem -= 2
		sum -= 2
		proc += 2
		p.printf("%s%s subTLV #%d, length: %d", ident, tokOrRange(isisExtISSubTLVs, uint32(st), "unknown"), st, sl)
		if sum < sl {
			p.puts(" (remaining data in subTLVs shorter than the current subTLV)")
			return proc + sum
		}
		if rem < sl {
			p.puts(" (> remaining tlv length)")
			return proc + rem
		}
		if !isisHas(b, t, sl) {
			return 0
		}
		used, ok := p.isisExtISSubTLV(b, t, st, sl, ident)
		if !ok {
			return 0
		}
		t += used + (sl - used)
		rem -= sl - used
		sum -= sl
		proc += sl
	}
	return proc
}

// isisExtISSubTLV prints one sub-TLV; it returns the bytes it consumed
// itself (the caller skips the rest) and false when a dump failed.
func (p *Printer) isisExtISSubTLV(b []byte, t int, st uint8, sl int, ident string) (int, bool) {
	used := 0
	switch st {
	case 3, 4, 5:
		if sl >= 4 {
			p.printf(", 0x%08x", p.u32(b, t))
			if sl == 8 {
				p.printf(", 0x%08x", p.u32(b, t+4))
			}
		}
	case 6, 8:
		if sl >= 4 {
			p.printf(", %s", p.names.ip4(b[t:]))
		}
	case 9, 10:
		if sl >= 4 {
			p.printf(", %s Mbps", isisBW(p.u32(b, t)))
		}
	case 11:
		if sl >= 32 {
			for c := 0; c < 8; c++ {
				p.printf("%s  TE-Class %d: %s Mbps", ident, c, isisBW(p.u32(b, t+used)))
				used += 4
			}
		}
	case 22, 12:
		if sl == 0 {
			break
		}
		m := b[t]
		p.printf("%sBandwidth Constraints Model ID: %s (%d)", ident, diffservBCName(m), m)
		used = 1
		for c := 0; sl-used != 0 && sl-used >= 4; c++ {
			p.printf("%s  Bandwidth constraint CT%d: %s Mbps", ident, c, isisBW(p.u32(b, t+used)))
			used += 4
		}
	case 18:
		if sl >= 3 {
			p.printf(", %d", p.u24(b, t))
		}
	case 19:
		if sl == 2 {
			v := p.u16(b, t)
			p.printf(", [ %s ] (0x%04x)", bitNamesDef(uint32(v), isisLinkAttrs, "Unknown"), v)
		}
	case 20:
		if sl >= 2 {
			p.printf(", %s, Priority %d", bitNames(uint32(b[t]), gmplsLinkProt), b[t+1])
		}
	case 29:
		if sl >= 6 {
			p.printf(", LM: %d", p.u24(b, t))
			p.printf(", P: %d", b[t+3])
			p.printf(", P-ID: %d", p.u16(b, t+4))
			used = 4
		}
	case 21:
		return p.isisSwitchCap(b, t, sl, ident)
	case 32:
		if sl < 8 {
			break
		}
		f := b[t]
		p.printf("%s  Flags: [%s]", ident, bitNames(uint32(f), []bitName{{0x80, "Address family IPv6"}, {0x40, "Backup"},
			{0x20, "Value"}, {0x10, "Local significance"}, {0x08, "Set of adjacencies"}, {0x04, "Persistent"}}))
		p.printf("%s  Weight: %d", ident, b[t+1])
		used = 2
		if sl-used >= 6 {
			p.printf("%s  Neighbor System-ID: %s", ident, p.isisID(b, t+used, 6))
		}
		switch v, l := f&0x20 != 0, f&0x10 != 0; {
		case v && l:
			p.printf("%s  Label: %d", ident, p.u24(b, t+used+6))
		case !v && !l:
			p.printf("%s  Index: %d", ident, p.u32(b, t+used+6))
		default:
			p.invalid()
		}
	default:
		if !p.isisUnknown(b, t, "\n\t\t    ", sl) {
			return used, false
		}
	}
	return used, true
}

// isisSwitchCap is the Interface Switching Capability sub-TLV.
func (p *Printer) isisSwitchCap(b []byte, t, sl int, ident string) (int, bool) {
	if sl < 36 {
		return 0, true
	}
	c := b[t]
	p.printf("%s  Interface Switching Capability:%s", ident, gmplsSwitchCap(c))
	p.printf(", LSP Encoding: %s", gmplsEncoding(b[t+1]))
	used := 4
	p.printf("%s  Max LSP Bandwidth:", ident)
	for l := 0; l < 8; l++ {
		p.printf("%s    priority level %d: %s Mbps", ident, l, isisBW(p.u32(b, t+used)))
		used += 4
	}
	left := sl - used
	switch c {
	case 1, 2, 3, 4:
		if left >= 6 {
			p.printf("%s  Min LSP Bandwidth: %s Mbps", ident, isisBW(p.u32(b, t+used)))
			p.printf("%s  Interface MTU: %d", ident, p.u16(b, t+used+4))
		}
	case 100:
		if left >= 8 {
			p.printf("%s  Min LSP Bandwidth: %s Mbps", ident, isisBW(p.u32(b, t+used)))
			ind := b[t+used+4]
			p.printf("%s  Indication %s", ident, strName([]string{"Standard SONET/SDH", "Arbitrary SONET/SDH"},
				int(ind), fmt.Sprintf("Unknown (%d)", ind)))
		}
	default:
		if left != 0 && !p.isisUnknown(b, t+used, "\n\t\t    ", left) {
			return used, false
		}
	}
	return used, true
}

// bitNamesDef is bittok2str with a default for no bits set.
func bitNamesDef(v uint32, names []bitName, def string) string {
	if s := bitNames(v, names); s != "none" {
		return s
	}
	return def
}

// isisExtdIPReach is isis_print_extd_ip_reach: bytes used, 0 on error.
func (p *Printer) isisExtdIPReach(b []byte, t int, ident string, v6 bool) int {
	metric := p.u32(b, t)
	t += 4
	processed := 4
	var status, bits int
	if !v6 {
		status = int(p.u8(b, t))
		t++
		bits = status & 0x3f
		if bits > 32 {
			p.printf("%sIPv4 prefix: bad bit length %d", ident, bits)
			return 0
		}
		processed++
	} else {
		status, bits = int(p.u8(b, t)), int(p.u8(b, t+1))
		if bits > 128 {
			p.printf("%sIPv6 prefix: bad bit length %d", ident, bits)
			return 0
		}
		t += 2
		processed += 2
	}
	n := (bits + 7) / 8
	prefix := make([]byte, 16)
	copy(prefix, p.bytes(b, t, n))
	t += n
	processed += n
	if !v6 {
		p.printf("%sIPv4 prefix: %15s/%d", ident, p.names.ip4(prefix), bits)
	} else {
		p.printf("%sIPv6 prefix: %s/%d", ident, p.names.ip6(prefix), bits)
	}
	p.printf(", Distribution: %s, Metric: %d", cond(status&0x80 != 0, "down", "up"), metric)
	sub := (!v6 && status&0x40 != 0) || (v6 && status&0x20 != 0)
	if !v6 && sub {
		p.puts(", sub-TLVs present")
	} else if v6 {
		p.printf(", %s%s", cond(status&0x40 != 0, "External", "Internal"), cond(status&0x20 != 0, ", sub-TLVs present", ""))
	}
	if !sub {
		return processed
	}
	sublen := uint32(p.u8(b, t))
	t++
	processed += int(sublen) + 1
	p.printf(" (%d)", sublen)
	for sublen > 0 {
		st, sl := p.u8(b, t), int(p.u8(b, t+1))
		t += 2
		if !p.isisIPReachSubTLV(b, t, st, sl, ident+"  ") {
			return 0
		}
		t += sl
		sublen -= uint32(sl + 2)
	}
	return processed
}

// isisIPReachSubTLV is isis_print_ip_reach_subtlv.
func (p *Printer) isisIPReachSubTLV(b []byte, t int, st uint8, sl int, ident string) bool {
	name := tokOrRange([]tokRange{{1, []string{"32-Bit Administrative tag", "64-Bit Administrative tag", "Prefix SID"}},
		{117, []string{"Management Prefix Color"}}}, uint32(st), "unknown")
	p.printf("%s%s subTLV #%d, length: %d", ident, name, st, sl)
	if !isisHas(b, t, sl) {
		p.printTrunc()
		return false
	}
	switch st {
	case 117, 1:
		for ; sl >= 4; sl, t = sl-4, t+4 {
			v := p.u32(b, t)
			p.printf(", 0x%08x (=%d)", v, v)
		}
	case 2:
		for ; sl >= 8; sl, t = sl-8, t+8 {
			p.printf(", 0x%08x%08x", p.u32(b, t), p.u32(b, t+4))
		}
	case 3:
		flags, algo := p.u8(b, t), p.u8(b, t+1)
		var sid uint32
		if flags&0x08 != 0 {
			if sl < 5 {
				p.printTrunc()
				return false
			}
			sid = p.u24(b, t+2)
		} else {
			if sl < 6 {
				p.printTrunc()
				return false
			}
			sid = p.u32(b, t+2)
		}
		p.printf(", Flags [%s], Algo %s (%d), %s %d", bitNamesDef(uint32(flags), []bitName{{0x80, "Readvertisement"},
			{0x40, "Node"}, {0x20, "No-PHP"}, {0x10, "Explicit NULL"}, {0x08, "Value"}, {0x04, "Local"}}, "None"),
			strName([]string{"SPF", "strict-SPF"}, int(algo), "Unknown"), algo, cond(flags&0x08 != 0, "label", "index"), sid)
	default:
		return p.isisUnknown(b, t, "\n\t\t    ", sl)
	}
	return true
}

// isisAuth prints the Authentication TLV.
func (p *Printer) isisAuth(b []byte, t int, tlen uint8) int {
	if tlen < 1 {
		return tlvNext
	}
	at := p.u8(b, t)
	t++
	tlen--
	p.printf("\n\t      %s: ", tokOrRange(isisAuthTypes, uint32(at), fmt.Sprintf("unknown Authentication type 0x%02x", at)))
	switch at {
	case 1:
		p.printJNP(b, t, int(tlen))
	case 54:
		for i := 0; i < int(tlen); i++ {
			p.printf("%02x", p.u8(b, t+i))
		}
		if tlen != 16 {
			p.puts(", (invalid subTLV) ")
		}
		p.puts(" (unchecked)")
	case 3:
		if tlen < 2 {
			return tlvNext
		}
		p.printf("%d, password: ", p.u16(b, t))
		for i := 2; i < int(tlen); i++ {
			p.printf("%02x", p.u8(b, t+i))
		}
	default:
		if !p.isisUnknown(b, t, "\n\t\t  ", int(tlen)) {
			return tlvFail
		}
	}
	return tlvNext
}

func (p *Printer) isisPTPAdj(b []byte, t int, tlen uint8) {
	if tlen >= 1 {
		s := p.u8(b, t)
		p.printf("\n\t      Adjacency State: %s (%d)", strName([]string{"Up", "Initializing", "Down"}, int(s), "unknown"), s)
		tlen--
	}
	if tlen > 4 {
		p.printf("\n\t      Extended Local circuit-ID: 0x%08x", p.u32(b, t+1))
		tlen -= 4
	}
	if tlen >= 6 {
		p.isisCheck(b, t+5, 6)
		p.printf("\n\t      Neighbor System-ID: %s", p.isisID(b, t+5, 6))
		tlen -= 6
	}
	if tlen >= 4 {
		p.printf("\n\t      Neighbor Extended Local circuit-ID: 0x%08x", p.u32(b, t+11))
	}
}

func (p *Printer) isisSRLG(b []byte, t int, tlen uint8) int {
	if tlen < 7 {
		return tlvNext
	}
	p.isisCheck(b, t, 7)
	p.printf("\n\t      IS Neighbor: %s", p.isisID(b, t, 7))
	t += 7
	tlen -= 7
	if tlen < 1 {
		return tlvNext
	}
	p.printf(", Flags: [%s]", cond(p.u8(b, t)&1 != 0, "numbered", "unnumbered"))
	t++
	tlen--
	for _, what := range []string{"interface", "neighbor"} {
		if tlen < 4 {
			return tlvNext
		}
		p.printf("\n\t      IPv4 %s address: %s", what, p.names.ip4(p.bytes(b, t, 4)))
		t += 4
		tlen -= 4
	}
	for tlen != 0 {
		if tlen < 4 {
			return tlvNext
		}
		p.printf("\n\t      Link-ID: 0x%08x", p.u32(b, t))
		t += 4
		tlen -= 4
	}
	return tlvNext
}

// isisPOI is the Purge Originator Identifier TLV.
func (p *Printer) isisPOI(b []byte, t int, tlen uint8) int {
	if tlen < 1 {
		return tlvNext
	}
	n := p.u8(b, t)
	t++
	tlen--
	if n == 0 {
		p.puts(" No system IDs supplied")
		return tlvNext
	}
	if tlen < 6 {
		return tlvNext
	}
	p.isisCheck(b, t, 6)
	p.printf("\n\t      Purge Originator System-ID: %s", p.isisID(b, t, 6))
	t += 6
	tlen -= 6
	if n > 1 {
		if tlen < 6 {
			return tlvNext
		}
		p.isisCheck(b, t, 13)
		p.printf("\n\t      Received from System-ID: %s", p.isisID(b, t, 6))
	}
	return tlvNext
}

func (p *Printer) isisRestart(b []byte, t int, tlen uint8) {
	if tlen < 1 {
		return
	}
	p.isisCheck(b, t, 1)
	p.printf("\n\t      Flags [%s]", bitNames(uint32(b[t]), isisRestartFlags))
	t++
	tlen--
	if tlen == 0 || tlen < 2 {
		return
	}
	p.isisCheck(b, t, 2)
	p.printf(", Remaining holding time %ds", p.u16(b, t))
	t += 2
	tlen -= 2
	if tlen == 6 {
		p.isisCheck(b, t, 6)
		p.printf(", for %s", p.isisID(b, t, 6))
	}
}

func (p *Printer) isisPrefixNeigh(b []byte, t int, tlen uint8) {
	if tlen < 4 {
		return
	}
	p.isisCheck(b, t, 4)
	p.puts("\n\t      Metric Block")
	p.isisMetricBlock(b, t)
	t += 4
	tlen -= 4
	for tlen != 0 {
		pl := p.u8(b, t)
		t++
		tlen--
		if pl < 2 {
			p.printf("\n\t\tAddress: prefix length %d < 2", pl)
			return
		}
		if tlen < pl/2 {
			return
		}
		p.printf("\n\t\tAddress: %s/%d", isonsap(p.bytes(b, t, int(pl/2))), int(pl)*4)
		t += int(pl / 2)
		tlen -= pl / 2
	}
}

// isisRouterCapSubTLVs is isis_print_router_cap_subtlv.
func (p *Printer) isisRouterCapSubTLVs(b []byte, t int, tlen uint8) {
	for tlen >= 2 {
		st, sl := p.u8(b, t), p.u8(b, t+1)
		tlen -= 2
		t += 2
		p.printf("\n\t\t%s subTLV #%d, length: %d", cond(st == 2, "SR-Capabilities", "unknown"), st, sl)
		if sl > tlen || !isisHas(b, t, int(sl)) {
			return
		}
		if st == 2 {
			flags, rng := p.u8(b, t), p.u24(b, t+1)
			p.printf(", Flags [%s], Range %d", bitNamesDef(uint32(flags), []bitName{{0x80, "ipv4"}, {0x40, "ipv6"}}, "None"), rng)
			s, sidLeft := t+4, sl-4
			for sidLeft >= 5 {
				typ, l := p.u8(b, s), p.u8(b, s+1)
				sidLeft -= 2
				s += 2
				if l > sidLeft {
					break
				}
				if typ == 1 {
					switch l {
					case 3:
						p.printf(", SID value %d", p.u24(b, s))
					case 4:
						p.printf(", SID value %d", p.u32(b, s))
					default:
						p.printf(", Unknown SID length%d", l)
					}
				} else {
					p.unknownData(b, s, "\n\t\t  ", int(l))
				}
				s += int(l)
				sidLeft -= l
			}
		} else {
			p.unknownData(b, t, "\n\t\t", int(sl))
		}
		tlen -= sl
		t += int(sl)
	}
}

// isisPortCapSubTLVs is isis_print_mt_port_cap_subtlv (SPB).
func (p *Printer) isisPortCapSubTLVs(b []byte, t, n int) {
	defer p.isisLocalTrunc()
	for n > 2 {
		st, sl := p.u8(b, t), int(p.u8(b, t+1))
		p.printf("\n\t       %s subTLV #%d, length: %d", tokOrRange([]tokRange{{4, []string{"SPB MCID", "SPB Digest", "SPB BVID"}}},
			uint32(st), "unknown"), st, sl)
		t += 2
		n -= 2
		if n < sl {
			p.puts(" (> containing TLV length)")
			return
		}
		p.isisCheck(b, t, sl)
		switch st {
		case 4:
			if sl < 102 {
				p.puts(" (too short)")
				return
			}
			p.puts("\n\t         MCID: ")
			p.isisMCID(b, t)
			p.puts("\n\t         AUX-MCID: ")
			p.isisMCID(b, t+51)
			t += 102
			n -= 102
			sl -= 102
		case 5:
			if sl < 33 {
				p.puts(" (too short)")
				return
			}
			v := p.u8(b, t)
			p.printf("\n\t        RES: %d V: %d A: %d D: %d", v>>5, (v>>4)&1, (v>>2)&3, v&3)
			t++
			p.puts("\n\t         Digest: ")
			for i := 1; i <= 8; i++ {
				p.printf("%08x ", p.u32(b, t))
				if i%4 == 0 && i != 8 {
					p.puts("\n\t                 ")
				}
				t += 4
			}
			n -= 33
			sl -= 33
		case 6:
			for sl != 0 {
				if sl < 4 {
					p.puts(" (too short)")
					return
				}
				p.printf("\n\t           ECT: %08x", p.u32(b, t))
				t += 4
				n -= 4
				sl -= 4
				if sl < 2 {
					p.puts(" (too short)")
					return
				}
				v := p.u16(b, t)
				p.printf(" BVID: %d, U:%01x M:%01x ", v>>4, (v>>3)&1, (v>>2)&1)
				t += 2
				n -= 2
				sl -= 2
			}
		}
		t += sl
		n -= sl
	}
}

// isisLocalTrunc catches the " [|isis]" of the SPB sub-TLV printers,
// which return to the TLV loop.
func (p *Printer) isisLocalTrunc() {
	if r := recover(); r != nil {
		if tr, ok := r.(truncated); ok && tr.soft {
			p.printTrunc()
			return
		}
		panic(r)
	}
}

func (p *Printer) isisMCID(b []byte, t int) {
	defer p.isisLocalTrunc()
	p.isisCheck(b, t, 51)
	p.printf("ID: %d, Name: ", b[t])
	p.printJNP(b, t+1, 32)
	p.printf("\n\t              Lvl: %d", p.u16(b, t+33))
	p.puts(", Digest: ")
	for i := 0; i < 16; i++ {
		p.printf("%.2x ", b[t+35+i])
	}
}

// isisCapSubTLVs is isis_print_mt_capability_subtlv (SPB).
func (p *Printer) isisCapSubTLVs(b []byte, t, n int) {
	defer p.isisLocalTrunc()
	for n > 2 {
		st, sl := p.u8(b, t), int(p.u8(b, t+1))
		t += 2
		n -= 2
		p.printf("\n\t      %s subTLV #%d, length: %d", tokOrRange([]tokRange{{1, []string{"SPB Instance", "",
			"SPBM Service Identifier and Unicast Address"}}}, uint32(st), "unknown"), st, sl)
		if n < sl {
			p.puts(" (> containing TLV length)")
			return
		}
		p.isisCheck(b, t, sl)
		switch st {
		case 1:
			if sl < 19 {
				p.puts(" (too short)")
				return
			}
			p.printf("\n\t        CIST Root-ID: %08x", p.u32(b, t))
			p.printf(" %08x", p.u32(b, t+4))
			p.printf(", Path Cost: %08x", p.u32(b, t+8))
			p.printf(", Prio: %d", p.u16(b, t+12))
			v := p.u16(b, t+14)
			p.printf("\n\t        RES: %d", v>>5)
			p.printf(", V: %d", (v>>4)&1)
			p.printf(", SPSource-ID: %d", p.u32(b, t+14)&0x000fffff)
			trees := p.u8(b, t+18)
			p.printf(", No of Trees: %x", trees)
			t += 19
			n -= 19
			sl -= 19
			for ; trees != 0; trees-- {
				if sl < 8 {
					p.softTrunc()
				}
				v := p.u8(b, t)
				p.printf("\n\t         U:%d, M:%d, A:%d, RES:%d", v>>7, (v>>6)&1, (v>>5)&1, v&0x1f)
				p.printf(", ECT: %08x", p.u32(b, t+1))
				w := p.u24(b, t+5)
				p.printf(", BVID: %d, SPVID: %d", (w>>12)&0xfff, w&0xfff)
				t += 8
				n -= 8
				sl -= 8
			}
		case 3:
			if sl < 8 {
				p.softTrunc()
			}
			p.printf("\n\t        BMAC: %08x", p.u32(b, t))
			p.printf("%04x", p.u16(b, t+4))
			v := p.u16(b, t+6)
			p.printf(", RES: %d, VID: %d", v>>12, v&0x0fff)
			t += 8
			n -= 8
			sl -= 8
			for sl >= 4 {
				w := p.u32(b, t)
				p.printf("\n\t        T: %d, R: %d, RES: %d, ISID: %d", w>>31, (w>>30)&1, (w>>24)&0x3f, w&0xffffff)
				t += 4
				n -= 4
				sl -= 4
			}
		}
		t += sl
		n -= sl
	}
}
