package printer

import (
	"fmt"
	"math"
)

// Name tables of print-bgp.c and af.c (tok2str over static slices).
var (
	bgpMsgNames = []string{1: "Open", 2: "Update", 3: "Notification", 4: "Keepalive", 5: "Route Refresh"}
	bgpAttrs    = []bitName{{1, "Origin"}, {2, "AS Path"}, {17, "AS4 Path"}, {3, "Next Hop"},
		{4, "Multi Exit Discriminator"}, {5, "Local Preference"}, {6, "Atomic Aggregate"}, {7, "Aggregator"},
		{18, "Aggregator4"}, {8, "Community"}, {9, "Originator ID"}, {10, "Cluster List"}, {11, "DPA"},
		{12, "Advertisers"}, {13, "RCID Path / Cluster ID"}, {14, "Multi-Protocol Reach NLRI"},
		{15, "Multi-Protocol Unreach NLRI"}, {16, "Extended Community"}, {22, "PMSI Tunnel"},
		{23, "Tunnel Encapsulation"}, {24, "Traffic Engineering"}, {25, "IPv6 Extended Community"},
		{26, "Accumulated IGP Metric"}, {27, "PE Distinguisher Label"}, {28, "Entropy Label"},
		{32, "Large Community"}, {128, "Attribute Set"}, {255, "Reserved for development"}}
	bgpCapCodes = []bitName{{1, "Multiprotocol Extensions"}, {2, "Route Refresh"},
		{3, "Cooperative Route Filtering"}, {4, "Multiple Routes to a Destination"},
		{5, "Extended Next Hop Encoding"}, {8, "Multiple Labels"}, {64, "Graceful Restart"},
		{65, "32-Bit AS Number"}, {67, "Dynamic Capability"}, {68, "Multisession BGP"},
		{69, "Multiple Paths"}, {70, "Enhanced Route Refresh"}, {71, "Long-lived Graceful Restart"},
		{128, "Route Refresh (Cisco)"}}
	bgpNotifyMajor = []string{1: "Message Header Error", 2: "OPEN Message Error", 3: "UPDATE Message Error",
		4: "Hold Timer Expired", 5: "Finite State Machine Error", 6: "Cease", 7: "Capability Message Error"}
	bgpNotifyMinor = [][]string{
		1: {1: "Connection Not Synchronized", 2: "Bad Message Length", 3: "Bad Message Type"},
		2: {1: "Unsupported Version Number", 2: "Bad Peer AS", 3: "Bad BGP Identifier",
			4: "Unsupported Optional Parameter", 5: "Authentication Failure", 6: "Unacceptable Hold Time",
			7: "Capability Message Error"},
		3: {1: "Malformed Attribute List", 2: "Unrecognized Well-known Attribute",
			3: "Missing Well-known Attribute", 4: "Attribute Flags Error", 5: "Attribute Length Error",
			6: "Invalid ORIGIN Attribute", 7: "AS Routing Loop", 8: "Invalid NEXT_HOP Attribute",
			9: "Optional Attribute Error", 10: "Invalid Network Field", 11: "Malformed AS_PATH"},
		5: {0: "Unspecified Error", 1: "In OpenSent State", 2: "In OpenConfirm State", 3: "In Established State"},
		6: {1: "Maximum Number of Prefixes Reached", 2: "Administrative Shutdown", 3: "Peer Unconfigured",
			4: "Administrative Reset", 5: "Connection Rejected", 6: "Other Configuration Change",
			7: "Connection Collision Resolution"},
		7: {1: "Invalid Action Value", 2: "Invalid Capability Length", 3: "Malformed Capability Value",
			4: "Unsupported Capability Code"},
	}
	bgpSAFIs = []bitName{{0, "Reserved"}, {1, "Unicast"}, {2, "Multicast"}, {3, "Unicast+Multicast"},
		{4, "labeled Unicast"}, {64, "Tunnel"}, {65, "VPLS"}, {66, "MDT"}, {70, "EVPN"},
		{128, "labeled VPN Unicast"}, {129, "labeled VPN Multicast"}, {130, "labeled VPN Unicast+Multicast"},
		{132, "Route Target Routing Information"}, {5, "Multicast VPN"}}
	bgpExtComms = []bitName{{0x0002, "target"}, {0x0102, "target"}, {0x0202, "target"}, {0x0003, "origin"},
		{0x0103, "origin"}, {0x0203, "origin"}, {0x4004, "link-BW"}, {0x0005, "ospf-domain"},
		{0x0105, "ospf-domain"}, {0x0205, "ospf-domain"}, {0x8005, "ospf-domain"},
		{0x0306, "ospf-route-type"}, {0x8000, "ospf-route-type"}, {0x030c, "encapsulation"},
		{0x0107, "ospf-router-id"}, {0x8001, "ospf-router-id"}, {0x800a, "layer2-info"},
		{0x8800, "eigrp-general-route (flag, tag)"}, {0x8801, "eigrp-route-metric (AS, delay)"},
		{0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)"},
		{0x8803, "eigrp-route-metric (load, MTU)"}, {0x8804, "eigrp-external-route (remote-AS, remote-ID)"},
		{0x8805, "eigrp-external-route (remote-proto, remote-metric)"}, {0x0009, "source-AS"},
		{0x010b, "vrf-route-import"}, {0x000a, "l2vpn-id"}, {0xf10a, "l2vpn-id"}}
	bgpExtCommFlags = []bitName{{0x8000, "vendor-specific"}, {0x4000, "non-transitive"}}
	bgpEncapTunnels = []string{1: "L2TPv3 over IP", 2: "GRE", 3: "Transmit Tunnel", 4: "IPsec",
		5: "IP in IP with IPsec", 6: "MPLS in IP with IPsec", 7: "IP in IP", 8: "VXLAN", 9: "NVGRE", 10: "MPLS",
		11: "MPLS in GRE", 12: "VXLAN GPE", 13: "MPLS in UDP", 14: "IPv6", 15: "SR TE", 16: "Bare", 17: "SR"}
	bgpOSPFRTypes = []bitName{{1, "Router"}, {2, "Network"}, {3, "Summary"}, {5, "External"},
		{7, "NSSA External"}, {129, "MPLS-VPN Sham"}}
	bgpPMSITunnels = []string{1: "RSVP-TE P2MP LSP", 2: "LDP P2MP LSP", 3: "PIM-SSM Tree", 4: "PIM-SM Tree",
		5: "PIM-Bidir Tree", 6: "Ingress Replication", 7: "LDP MP2MP LSP"}
	bgpASSegOpen  = []string{1: "{ ", 2: "", 3: "( ", 4: "({ "}
	bgpASSegClose = []string{1: "}", 2: "", 3: ")", 4: "})"}
)

// afName is tok2str over af_values (afNames, shared with LLDP).
func afName(af uint16, def string) string { return tokOr(afNames, uint32(af), def) }

func bgpSAFIName(safi uint8, def string) string { return tokOr(bgpSAFIs, uint32(safi), def) }

// bgpSegName is tok2str over the AS path segment tables, "?" when unknown.
func bgpSegName(t []string, seg uint8) string {
	if seg >= 1 && seg <= 4 {
		return t[seg]
	}
	return "?"
}

// bgp is bgp_print: ": BGP", and with -v each message found after a
// marker, decoded like tcpdump (Open with capabilities, Update with path
// attributes and NLRI, Notification, Keepalive, Route Refresh).
func (p *Printer) bgp(b []byte) {
	p.enter("bgp")
	defer p.catchSoft()
	p.puts(": BGP")
	if p.o.Verbose == 0 {
		return
	}
	start := 0
	for off := 0; off < len(b); {
		if b[off] != 0xff {
			off++
			continue
		}
		if off+16 > len(b) {
			return
		}
		if !bgpMarker(b[off : off+16]) {
			off++
			continue
		}
		p.need(from(b, off), 19)
		if start != off {
			p.printTrunc()
		}
		hlen := int(p.u16(b, off+16))
		if hlen < 19 {
			p.printf("\nmessage length %d < 19", hlen)
			p.invalid()
			return
		}
		if off+hlen > len(b) {
			p.printf("\n[|BGP %s]", strName(bgpMsgNames, int(b[off+18]), "Unknown Message Type"))
			return
		}
		p.bgpPDU(b[off:], hlen)
		off += hlen
		start = off
	}
}

func bgpMarker(b []byte) bool {
	for _, c := range b {
		if c != 0xff {
			return false
		}
	}
	return true
}

// bgpPDU is bgp_pdu_print. m runs from the message to the end of the
// capture (tcpdump's reads are bounded by the snapshot, not the message).
func (p *Printer) bgpPDU(m []byte, length int) {
	typ := m[18]
	p.printf("\n\t%s Message (%d), length: %d", strName(bgpMsgNames, int(typ), "Unknown"), typ, length)
	switch typ {
	case 1:
		p.bgpOpen(m, length)
	case 2:
		p.bgpUpdate(m, length)
	case 3:
		p.bgpNotification(m, length)
	case 4:
	case 5:
		p.bgpRouteRefresh(m, length)
	default:
		p.printf("\n\t  no Message %d decoder", typ)
		p.unknownData(m, 0, "\n\t  ", length)
	}
}

func (p *Printer) bgpOpen(m []byte, length int) {
	defer p.catchSoft()
	p.need(m, 29)
	if length < 29 {
		p.softTrunc()
	}
	p.printf("\n\t  Version %d, my AS %d, Holdtime %ds, ID %s", m[19], p.u16(m, 20), p.u16(m, 22), p.names.ip4(m[24:28]))
	optslen := int(m[28])
	p.printf("\n\t  Optional parameters, length: %d", optslen)
	opt := m[29:]
	length -= 29
	for i := 0; i < optslen; {
		p.need(from(opt, i), 2)
		if length < 2+i {
			p.softTrunc()
		}
		typ, l := opt[i], int(opt[i+1])
		if 2+i+l > optslen {
			p.printf("\n\t     Option %d, length: %d, goes past the end of the options", typ, l)
			return
		}
		name := "Unknown"
		switch typ {
		case 1:
			name = "Authentication Information"
		case 2:
			name = "Capabilities Advertisement"
		}
		p.printf("\n\t    Option %s (%d), length: %d", name, typ, l)
		if typ == 2 {
			p.bgpCapabilities(opt[i+2:], l)
		} else {
			p.printf("\n\t      no decoder for option %d", typ)
		}
		i += 2 + l
	}
}

// bgpAFISAFI prints tcpdump's "AFI %s (%u), SAFI %s (%u)" pair.
func (p *Printer) bgpAFISAFI(afi uint16, safi uint8) {
	p.printf("AFI %s (%d), SAFI %s (%d)", afName(afi, "Unknown"), afi, bgpSAFIName(safi, "Unknown"), safi)
}

// bgpCapabilities is bgp_capabilities_print (with its own truncation label).
func (p *Printer) bgpCapabilities(opt []byte, capsLen int) {
	defer p.catchSoft()
	for i := 0; i < capsLen; {
		p.need(from(opt, i), 2)
		typ, l := opt[i], int(opt[i+1])
		p.printf("\n\t      %s (%d), length: %d", tokOr(bgpCapCodes, uint32(typ), "Unknown"), typ, l)
		p.need(from(opt, i+2), l)
		c := opt[i+2:]
		switch typ {
		case 1:
			if l < 4 {
				p.puts(" (too short, < 4)")
				return
			}
			p.puts("\n\t\t")
			p.bgpAFISAFI(p.u16(c, 0), p.u8(c, 3))
		case 8:
			for off := 0; l-off >= 4; off += 4 {
				p.puts("\n\t\t")
				p.bgpAFISAFI(p.u16(c, off), p.u8(c, off+2))
				p.printf(", Count: %d", p.u8(c, off+3))
			}
		case 64:
			if l < 2 {
				p.puts(" (too short, < 2)")
				return
			}
			p.printf("\n\t\tRestart Flags: [%s], Restart Time %ds", cond(c[0]&0x80 != 0, "R", "none"), p.u16(c, 0)&0xfff)
			for off := 2; l-off >= 4; off += 4 {
				p.puts("\n\t\t  ")
				p.bgpAFISAFI(p.u16(c, off), p.u8(c, off+2))
				p.printf(", Forwarding state preserved: %s", cond(p.u8(c, off+3)&0x80 != 0, "yes", "no"))
			}
		case 2, 71, 128:
		case 65:
			if l < 4 {
				p.puts(" (too short, < 4)")
				return
			}
			p.printf("\n\t\t 4 Byte AS %d", p.u32(c, 0))
		case 69:
			p.bgpAddPathCap(c, l)
		default:
			p.printf("\n\t\tno decoder for Capability %d", typ)
			if p.o.Verbose <= 1 {
				p.unknownData(c, 0, "\n\t\t", l)
			}
		}
		if p.o.Verbose > 1 && l != 0 {
			p.unknownData(c, 0, "\n\t\t", l)
		}
		i += 2 + l
	}
}

func (p *Printer) bgpAddPathCap(c []byte, l int) {
	if l == 0 {
		p.puts(" (bogus)")
		return
	}
	for off := 0; off < l; off += 4 {
		if l-off < 4 {
			p.invalid()
			return
		}
		p.puts("\n\t\t")
		p.bgpAFISAFI(p.u16(c, off), p.u8(c, off+2))
		sr := p.u8(c, off+3)
		p.printf(", Send/Receive: %s", strName([]string{1: "Receive", 2: "Send", 3: "Both"}, int(sr), fmt.Sprintf("Bogus (0x%02x)", sr)))
	}
}

// bgpPrefix4 is decode_prefix4: the prefix at m[off:], at most itemlen
// bytes long; n is its size, -1 for an illegal length, -2 when itemlen is
// too short.
func (p *Printer) bgpPrefix4(m []byte, off, itemlen int) (string, int) {
	if itemlen < 1 {
		return "", -2
	}
	plen := int(p.u8(m, off))
	if plen > 32 {
		return "", -1
	}
	nb := (plen + 7) / 8
	if itemlen-1 < nb {
		return "", -2
	}
	var a [4]byte
	copy(a[:], p.bytes(m, off+1, nb))
	bgpMask(a[:], plen)
	return fmt.Sprintf("%s/%d", p.names.ip4(a[:]), plen), 1 + nb
}

// bgpPrefix6 is decode_prefix6.
func (p *Printer) bgpPrefix6(m []byte, off, itemlen int) (string, int) {
	if itemlen < 1 {
		return "", -2
	}
	plen := int(p.u8(m, off))
	if plen > 128 {
		return "", -1
	}
	nb := (plen + 7) / 8
	if itemlen-1 < nb {
		return "", -2
	}
	var a [16]byte
	copy(a[:], p.bytes(m, off+1, nb))
	bgpMask(a[:], plen)
	return fmt.Sprintf("%s/%d", p.names.ip6(a[:]), plen), 1 + nb
}

// bgpMask clears the bits of the last prefix byte beyond plen.
func bgpMask(a []byte, plen int) {
	if plen%8 != 0 {
		a[(plen+7)/8-1] &= byte(uint(0xff00) >> (plen % 8))
	}
}

// bgpLabel is the ", label:%u %s" suffix of labeled prefixes.
func (p *Printer) bgpLabel(m []byte, off int) string {
	return fmt.Sprintf("label:%d %s", p.u24(m, off+1)>>4,
		cond(p.u8(m, off+3)&1 == 0, "(BOGUS: Bottom of Stack NOT set!)", "(bottom)"))
}

// bgpLabeledPrefix is decode_labeled_prefix4/6 (addrLen 4 or 16); -2 is
// a truncation, -3 too short an item.
func (p *Printer) bgpLabeledPrefix(m []byte, off, itemlen, addrLen int) (string, int) {
	if off+4 > len(m) {
		return "", -2
	}
	if itemlen < 4 {
		return "", -3
	}
	plen := int(p.u8(m, off))
	if plen < 24 || plen-24 > addrLen*8 {
		return "", -1
	}
	plen -= 24
	nb := (plen + 7) / 8
	if addrLen == 4 && itemlen-4 < nb {
		return "", -3
	}
	a := make([]byte, addrLen)
	copy(a, p.bytes(m, off+4, nb))
	bgpMask(a, plen)
	return fmt.Sprintf("%s/%d, %s", p.bgpAddr(a), plen, p.bgpLabel(m, off)), 4 + nb
}

func (p *Printer) bgpAddr(a []byte) string {
	if len(a) == 4 {
		return p.names.ip4(a)
	}
	return p.names.ip6(a)
}

// bgpVPNPrefix is decode_labeled_vpn_prefix4/6.
func (p *Printer) bgpVPNPrefix(m []byte, off, addrLen int) (string, int) {
	plen := int(p.u8(m, off))
	if plen < 88 || plen-88 > addrLen*8 {
		return "", -1
	}
	plen -= 88
	nb := (plen + 7) / 8
	a := make([]byte, addrLen)
	copy(a, p.bytes(m, off+12, nb))
	bgpMask(a, plen)
	return fmt.Sprintf("RD: %s, %s/%d, %s", p.bgpRD(m, off+4), p.bgpAddr(a), plen, p.bgpLabel(m, off)), 12 + nb
}

// bgpRD is bgp_vpn_rd_print (RFC 4364 route distinguisher).
func (p *Printer) bgpRD(m []byte, off int) string {
	b := func(i int) uint8 { return p.u8(m, off+i) }
	switch p.u16(m, off) {
	case 0:
		return fmt.Sprintf("%d:%d (= %d.%d.%d.%d)", p.u16(m, off+2), p.u32(m, off+4), b(4), b(5), b(6), b(7))
	case 1:
		return fmt.Sprintf("%d.%d.%d.%d:%d", b(2), b(3), b(4), b(5), p.u16(m, off+6))
	case 2:
		return fmt.Sprintf("%d:%d (%d.%d.%d.%d:%d)", p.u32(m, off+2), p.u16(m, off+6), b(2), b(3), b(4), b(5), p.u16(m, off+6))
	}
	return "unknown RD format"
}

// bgpRTRoutingInfo is decode_rt_routing_info (RFC 4684).
func (p *Printer) bgpRTRoutingInfo(m []byte, off int) int {
	plen := int(p.u8(m, off))
	if plen == 0 {
		p.puts("\n\t      default route target")
		return 1
	}
	if plen < 32 {
		p.puts("\n\t      (illegal prefix length)")
		return -1
	}
	as := p.u32(m, off+1)
	plen -= 32
	if plen > 64 {
		p.puts("\n\t      (illegal prefix length)")
		return -1
	}
	nb := (plen + 7) / 8
	var rt [8]byte
	copy(rt[:], p.bytes(m, off+5, nb))
	bgpMask(rt[:], plen)
	p.printf("\n\t      origin AS: %d, %s", as, bgpRTPrefix(rt, plen))
	return 5 + nb
}

// bgpRTPrefix is bgp_rt_prefix_print.
func bgpRTPrefix(rt [8]byte, plen int) string {
	if plen == 0 {
		return "route-target: 0:0/0"
	}
	var hex []byte
	n := (plen + 7) / 8
	for i := 0; i < n; i++ {
		hex = fmt.Appendf(hex, "%02x", rt[i])
		if i%2 == 1 && i < n-1 {
			hex = append(hex, ' ')
		}
	}
	if plen < 16 {
		return fmt.Sprintf("route-target: partial-type: (%s/%d)", hex, plen)
	}
	u16 := func(i int) uint16 { return uint16(rt[i])<<8 | uint16(rt[i+1]) }
	u32 := func(i int) uint32 { return uint32(u16(i))<<16 | uint32(u16(i+2)) }
	switch t := u16(0); t {
	case 0x0002:
		return fmt.Sprintf("route-target: %d:%d/%d (%s)", u16(2), u32(4), plen, hex)
	case 0x0102:
		return fmt.Sprintf("route-target: %d.%d.%d.%d:%d/%d (%s)", rt[2], rt[3], rt[4], rt[5], u16(6), plen, hex)
	case 0x0202:
		return fmt.Sprintf("route-target: %d:%d/%d (%s)", u32(2), u16(6), plen, hex)
	default:
		return fmt.Sprintf("route target: unknown-type(%04x) (%s/%d)", t, hex, plen)
	}
}

// bgpCheckAddPath is check_add_path: whether NLRI of length bytes at
// m[off:] parse as add-path (RFC 7911) entries and not as plain ones.
func (p *Printer) bgpCheckAddPath(m []byte, off, length, maxLen int) bool {
	if length < 5 {
		return false
	}
	o := 0
	for o < length {
		o += 4
		if off+o >= len(m) {
			break
		}
		pl := int(m[off+o])
		if pl > maxLen {
			return false
		}
		o += 1 + (pl+7)/8
	}
	if o > length {
		return false
	}
	for o = 0; o < length; {
		if off+o >= len(m) {
			break
		}
		pl := int(m[off+o])
		if pl < 1 || pl > maxLen {
			return true
		}
		o += 1 + (pl+7)/8
	}
	return o > length
}

func (p *Printer) bgpUpdate(m []byte, length int) {
	defer p.catchSoft()
	p.need(m, 19)
	if length < 19 {
		p.softTrunc()
	}
	off := 19
	length -= 19
	p.need(from(m, off), 2)
	if length < 2 {
		p.softTrunc()
	}
	wlen := int(p.u16(m, off))
	off += 2
	length -= 2
	p.need(from(m, off), wlen)
	if length < wlen {
		p.softTrunc()
	}
	if wlen > 1 {
		p.puts("\n\t  Withdrawn routes:")
		off, length, wlen = p.bgpWithdrawn(m, off, length, wlen)
	} else {
		off += wlen
		length -= wlen
	}
	p.need(from(m, off), 2)
	if length < 2 {
		p.softTrunc()
	}
	alen := int(p.u16(m, off))
	off += 2
	length -= 2
	if wlen == 0 && alen == 0 && length == 0 {
		p.puts("\n\t  End-of-Rib Marker (empty NLRI)")
		return
	}
	if alen != 0 {
		if length < alen {
			p.softTrunc()
		}
		off, length = p.bgpPathAttrs(m, off, length, alen)
	}
	if length != 0 {
		p.bgpRoutes(m, off, length)
	}
}

// bgpWithdrawn prints the withdrawn IPv4 routes and returns the updated
// position, remaining length and withdrawn bytes left (non-zero after an
// illegal prefix, as tcpdump leaves them).
func (p *Printer) bgpWithdrawn(m []byte, off, length, wlen int) (int, int, int) {
	addPath := p.bgpCheckAddPath(m, off, wlen, 32)
	var pathID uint32
	for wlen != 0 {
		if addPath {
			if wlen < 4 {
				return off + wlen, length - wlen, wlen
			}
			pathID = p.u32(m, off)
			off, length, wlen = off+4, length-4, wlen-4
		}
		s, n := p.bgpPrefix4(m, off, wlen)
		switch n {
		case -1:
			p.puts("\n\t    (illegal prefix length)")
			return off, length, wlen
		case -2:
			p.softTrunc()
		}
		p.printf("\n\t    %s", s)
		if addPath {
			p.printf("   Path Id: %d", pathID)
		}
		off, length, wlen = off+n, length-n, wlen-n
	}
	return off, length, wlen
}

// bgpPathAttrs prints the path attributes of an Update.
func (p *Printer) bgpPathAttrs(m []byte, off, length, alen int) (int, int) {
	for alen != 0 {
		p.need(from(m, off), 2)
		if length < 2 {
			p.softTrunc()
		}
		if alen < 2 {
			p.puts("\n\t  [path attrs too short]")
			return off + alen, length - alen
		}
		flags, typ := m[off], m[off+1]
		off, alen, length = off+2, alen-2, length-2
		ll := 1 + int(flags>>4&1)
		p.need(from(m, off), ll)
		if length < ll {
			p.softTrunc()
		}
		if alen < ll {
			p.puts("\n\t  [path attrs too short]")
			return off + alen, length - alen
		}
		l := int(m[off])
		if ll == 2 {
			l = int(p.u16(m, off))
		}
		off, alen, length = off+ll, alen-ll, length-ll
		p.printf("\n\t  %s (%d), length: %d", tokOr(bgpAttrs, uint32(typ), "Unknown Attribute"), typ, l)
		if flags != 0 {
			p.bgpAttrFlags(flags)
			p.puts(": ")
		}
		if alen < l {
			p.puts(" [path attrs too short]")
			return off + alen, length - alen
		}
		if length < l {
			p.softTrunc()
		}
		p.bgpAttr(typ, m, off, l, 0)
		off, alen, length = off+l, alen-l, length-l
	}
	return off, length
}

func (p *Printer) bgpAttrFlags(f uint8) {
	p.printf(", Flags [%s%s%s%s", cond(f&0x80 != 0, "O", ""), cond(f&0x40 != 0, "T", ""),
		cond(f&0x20 != 0, "P", ""), cond(f&0x10 != 0, "E", ""))
	if f&0xf != 0 {
		p.printf("+%x", f&0xf)
	}
	p.puts("]")
}

// bgpRoutes prints the IPv4 NLRI ("Updated routes") of an Update.
func (p *Printer) bgpRoutes(m []byte, off, length int) {
	addPath := p.bgpCheckAddPath(m, off, length, 32)
	p.puts("\n\t  Updated routes:")
	var pathID uint32
	for length != 0 {
		if addPath {
			p.need(from(m, off), 4)
			if length < 4 {
				p.softTrunc()
			}
			pathID = p.u32(m, off)
			off, length = off+4, length-4
		}
		s, n := p.bgpPrefix4(m, off, length)
		switch n {
		case -1:
			p.puts("\n\t    (illegal prefix length)")
			return
		case -2:
			p.softTrunc()
		}
		p.printf("\n\t    %s", s)
		if addPath {
			p.printf("   Path Id: %d", pathID)
		}
		off, length = off+n, length-n
	}
}

// bgpAttr is bgp_attr_print for the attribute of l bytes at m[off:]; a
// truncation unwinds to the message printer (tcpdump returns 0 there).
func (p *Printer) bgpAttr(typ uint8, m []byte, off, l, level int) {
	switch typ {
	case 1:
		if l != 1 {
			p.puts("invalid len")
		} else {
			p.puts(strName([]string{"IGP", "EGP", "Incomplete"}, int(p.u8(m, off)), "Unknown Origin Typecode"))
		}
	case 2, 17:
		p.bgpASPath(typ, m, off, l)
	case 3, 9:
		if l != 4 {
			p.puts("invalid len")
		} else {
			p.puts(p.names.ip4(p.bytes(m, off, 4)))
		}
	case 4, 5:
		if l != 4 {
			p.puts("invalid len")
		} else {
			p.printf("%d", p.u32(m, off))
		}
	case 6:
		if l != 0 {
			p.puts("invalid len")
		}
	case 7, 18:
		if l != 8 && (l != 6 || typ == 18) {
			p.puts("invalid len")
			break
		}
		p.need(from(m, off), l)
		if l == 6 {
			p.printf(" AS #%d, origin %s", p.u16(m, off), p.names.ip4(p.bytes(m, off+2, 4)))
		} else {
			p.printf(" AS #%d, origin %s", p.u32(m, off), p.names.ip4(p.bytes(m, off+4, 4)))
		}
	case 8:
		p.bgpCommunities(m, off, l)
	case 10:
		if l%4 != 0 {
			p.puts("invalid len")
			break
		}
		for t := 0; t < l; t += 4 {
			p.printf("%s%s", p.names.ip4(p.bytes(m, off+t, 4)), cond(l-t > 4, ", ", ""))
		}
	case 14:
		p.bgpMPReach(m, off, l)
	case 15:
		p.bgpMPUnreach(m, off, l)
	case 16:
		p.bgpExtCommunities(m, off, l)
	case 22:
		p.bgpPMSI(m, off, l)
	case 26:
		p.bgpAIGP(m, off, l)
	case 128:
		l = p.bgpAttrSet(m, off, l, level)
	case 32:
		if l == 0 || l%12 != 0 {
			p.puts("invalid len")
			break
		}
		p.puts("\n\t    ")
		for ; l != 0; off, l = off+12, l-12 {
			p.printf("%d:%d:%d%s", p.u32(m, off), p.u32(m, off+4), p.u32(m, off+8), cond(l > 12, ", ", ""))
		}
		return // tcpdump has consumed len: no -vv dump
	default:
		p.need(from(m, off), l)
		p.printf("\n\t    no Attribute %d decoder", typ)
		if p.o.Verbose <= 1 {
			p.unknownData(m, off, "\n\t    ", l)
		}
	}
	p.bgpAttrDump(m, off, l)
}

// bgpAttrDump is bgp_attr_print's "done:" label: the -vv hex dump.
func (p *Printer) bgpAttrDump(m []byte, off, l int) {
	if p.o.Verbose > 1 && l != 0 {
		p.need(from(m, off), l)
		p.unknownData(m, off, "\n\t    ", l)
	}
}

func (p *Printer) bgpASPath(typ uint8, m []byte, off, l int) {
	if l%2 != 0 {
		p.puts("invalid len")
		return
	}
	if l == 0 {
		p.puts("empty")
		return
	}
	size := p.bgpASSize(typ, m, off, l)
	for t := off; t < off+l; {
		seg := p.u8(m, t)
		p.puts(bgpSegName(bgpASSegOpen, seg))
		n := int(p.u8(m, t+1)) * size
		for i := 0; i < n; i += size {
			p.need(from(m, t+2+i), size)
			if size == 2 {
				p.printf("%d ", p.u16(m, t+2+i))
			} else {
				p.printf("%d ", p.u32(m, t+2+i))
			}
		}
		p.puts(bgpSegName(bgpASSegClose, p.u8(m, t)))
		t += 2 + int(p.u8(m, t+1))*size
	}
}

// bgpASSize is bgp_attr_get_as_size: 2 when the path parses as 2-byte
// AS numbers, else 4.
func (p *Printer) bgpASSize(typ uint8, m []byte, off, l int) int {
	if typ == 17 {
		return 4
	}
	t := off
	for t < off+l {
		if t >= len(m) || m[t] < 1 || m[t] > 4 || t+1 >= len(m) {
			return 4
		}
		t += 2 + int(m[t+1])*2
	}
	if t == off+l {
		return 2
	}
	return 4
}

func (p *Printer) bgpCommunities(m []byte, off, l int) {
	if l%4 != 0 {
		p.puts("invalid len")
		return
	}
	for t := l; t != 0; t, off = t-4, off+4 {
		p.need(from(m, off), 4)
		switch c := p.u32(m, off); c {
		case 0xffffff01:
			p.puts(" NO_EXPORT")
		case 0xffffff02:
			p.puts(" NO_ADVERTISE")
		case 0xffffff03:
			p.puts(" NO_EXPORT_SUBCONFED")
		default:
			p.printf("%d:%d%s", c>>16, c&0xffff, cond(t > 4, ", ", ""))
		}
	}
}

// bgpMPKey classifies an AFI/SAFI pair the way bgp_mp_af_print and the
// next hop and NLRI switches of print-bgp.c do.
type bgpMPKey int

const (
	bgpMPNone    bgpMPKey = iota
	bgpMP4                // IPv4 unicast/multicast
	bgpMP4Label           // IPv4 labeled unicast
	bgpMP4RT              // IPv4 route target routing information
	bgpMP4VPN             // IPv4 labeled VPN
	bgpMP4MVPN            // IPv4 multicast VPN
	bgpMP4MDT             // IPv4 MDT
	bgpMP6                // IPv6 unicast/multicast
	bgpMP6Label           // IPv6 labeled unicast
	bgpMP6VPN             // IPv6 labeled VPN
	bgpMPNSAP             // NSAP unicast/multicast
	bgpMPNSAPVPN          // NSAP labeled VPN
	bgpMPL2               // L2VPN and VPLS
)

func bgpMPClass(af uint16, safi uint8) bgpMPKey {
	switch {
	case af == 1 && safi >= 1 && safi <= 3:
		return bgpMP4
	case af == 1 && safi == 4:
		return bgpMP4Label
	case af == 1 && safi == 132:
		return bgpMP4RT
	case af == 1 && safi >= 128 && safi <= 130:
		return bgpMP4VPN
	case af == 1 && safi == 5:
		return bgpMP4MVPN
	case af == 1 && safi == 66:
		return bgpMP4MDT
	case af == 2 && safi >= 1 && safi <= 3:
		return bgpMP6
	case af == 2 && safi == 4:
		return bgpMP6Label
	case af == 2 && safi >= 128 && safi <= 130:
		return bgpMP6VPN
	case af == 3 && safi >= 1 && safi <= 3:
		return bgpMPNSAP
	case af == 3 && safi >= 128 && safi <= 130:
		return bgpMPNSAPVPN
	case af == 196 && safi >= 128 && safi <= 130, af == 25 && safi == 65:
		return bgpMPL2
	}
	return bgpMPNone
}

// bgpMPAF is bgp_mp_af_print: the AFI/SAFI line, and for pairs tcpdump
// cannot decode a note and hex dump (false).
func (p *Printer) bgpMPAF(m []byte, off, tlen int) (uint16, uint8, bgpMPKey) {
	af, safi := p.u16(m, off), p.u8(m, off+2)
	p.printf("\n\t    AFI: %s (%d), %sSAFI: %s (%d)", afName(af, "Unknown AFI"), af,
		cond(safi > 128, "vendor specific ", ""), bgpSAFIName(safi, "Unknown SAFI"), safi)
	k := bgpMPClass(af, safi)
	if k == bgpMPNone {
		p.need(from(m, off), tlen)
		p.printf("\n\t    no AFI %d / SAFI %d decoder", af, safi)
		if p.o.Verbose <= 1 {
			p.unknownData(m, off, "\n\t    ", tlen)
		}
	}
	return af, safi, k
}

// bgpMPReach prints MP_REACH_NLRI: AFI/SAFI, next hops, SNPAs, NLRI.
func (p *Printer) bgpMPReach(m []byte, off, l int) {
	p.need(from(m, off), 3)
	if l < 3 {
		p.softTrunc()
	}
	_, _, k := p.bgpMPAF(m, off, l)
	if k == bgpMPNone {
		return
	}
	t, tlen := off+3, l-3
	p.need(from(m, t), 1)
	if tlen < 1 {
		p.softTrunc()
	}
	nhlen := int(p.u8(m, t))
	t, tlen = t+1, tlen-1
	if nhlen != 0 {
		if tlen < nhlen {
			p.softTrunc()
		}
		p.puts("\n\t    nexthop: ")
		var ok bool
		if t, tlen, ok = p.bgpNextHops(m, t, tlen, nhlen, k); !ok {
			return
		}
	}
	p.printf(", nh-length: %d", nhlen)
	if tlen < 1 {
		p.softTrunc()
	}
	snpa := int(p.u8(m, t))
	t, tlen = t+1, tlen-1
	if snpa != 0 {
		p.printf("\n\t    %d SNPA", snpa)
		for ; snpa != 0; snpa-- {
			if tlen < 1 {
				p.softTrunc()
			}
			sl := int(p.u8(m, t))
			p.printf("\n\t      %d bytes", sl)
			t, tlen = t+1, tlen-1
			if tlen < sl {
				p.softTrunc()
			}
			p.need(from(m, t), sl)
			t, tlen = t+sl, tlen-sl
		}
	} else {
		p.puts(", no SNPA")
	}
	p.bgpNLRIs(m, off, l, t, k)
	return
}

// bgpNextHops prints the next hop addresses of MP_REACH_NLRI; false is
// tcpdump's "goto done" for a pair without a next hop decoder.
func (p *Printer) bgpNextHops(m []byte, t, tlen, nh int, k bgpMPKey) (int, int, bool) {
	for n := 0; nh != 0; n++ {
		if n > 0 {
			p.puts(", ")
		}
		need := bgpNextHopLen(k)
		if k == bgpMPNSAP {
			p.puts(p.isoNSAP(p.bytes(m, t, nh)))
			return t + nh, tlen - nh, true
		}
		if k == bgpMPNSAPVPN && nh >= 9 {
			p.bgpNSAPVPNNextHop(m, t, nh)
			return t + nh, tlen - nh, true
		}
		if nh < need {
			p.puts("invalid len")
			return t + nh, tlen - nh, true
		}
		switch k {
		case bgpMP4VPN:
			p.printf("RD: %s, %s", p.bgpRD(m, t), p.names.ip4(p.bytes(m, t+8, 4)))
		case bgpMP6VPN:
			p.printf("RD: %s, %s", p.bgpRD(m, t), p.names.ip6(p.bytes(m, t+8, 16)))
		case bgpMP6, bgpMP6Label:
			p.puts(p.names.ip6(p.bytes(m, t, 16)))
		default:
			p.puts(p.names.ip4(p.bytes(m, t, 4)))
		}
		t, tlen, nh = t+need, tlen-need, nh-need
	}
	return t, tlen, true
}

// bgpNSAPVPNNextHop prints an RD and NSAP next hop, and the IPv4 (RFC 986)
// or IPv6 (RFC 1888) address an NSAP may carry.
func (p *Printer) bgpNSAPVPNNextHop(m []byte, t, nh int) {
	p.need(from(m, t), nh)
	p.printf("RD: %s, %s", p.bgpRD(m, t), p.isoNSAP(m[t+8:t+nh]))
	switch {
	case p.u32(m, t+8) == 0x47000601:
		p.printf(" = %s", p.names.ip4(p.bytes(m, t+12, 4)))
	case p.u24(m, t+8) == 0x350000:
		p.printf(" = %s", p.names.ip6(p.bytes(m, t+11, 16)))
	}
}

// isoNSAP is isonsap_string: an OSI NSAP as dotted hex.
func (p *Printer) isoNSAP(b []byte) string {
	if len(b) < 1 || len(b) > 20 {
		return "isonsap_string: illegal length"
	}
	var out []byte
	for i, c := range b {
		out = fmt.Appendf(out, "%02x", c)
		if i&1 == 0 && i+1 < len(b) {
			out = append(out, '.')
		}
	}
	return string(out)
}

// bgpNextHopLen is the smallest next hop of a class.
func bgpNextHopLen(k bgpMPKey) int {
	switch k {
	case bgpMP4VPN:
		return 12
	case bgpMP6, bgpMP6Label:
		return 16
	case bgpMP6VPN:
		return 24
	case bgpMPNSAPVPN:
		return 9
	}
	return 4
}

// bgpNLRIs prints the NLRI from t to the end of the attribute at off.
func (p *Printer) bgpNLRIs(m []byte, off, l, t int, k bgpMPKey) {
	ap4 := p.bgpCheckAddPath(m, t, l-(t-off), 32)
	ap6 := p.bgpCheckAddPath(m, t, l-(t-off), 128)
	for t < off+l {
		adv := p.bgpNLRI(m, t, l, k, ap4, ap6)
		if adv == -2 {
			p.softTrunc()
		}
		if adv < 0 {
			return
		}
		t += adv
	}
}

// bgpNLRI is bgp_nlri_print for one prefix; negative results as there.
func (p *Printer) bgpNLRI(m []byte, t, l int, k bgpMPKey, ap4, ap6 bool) int {
	var s string
	var adv int
	switch k {
	case bgpMP4, bgpMP6:
		ap := k == bgpMP4 && ap4 || k == bgpMP6 && ap6
		var pathID uint32
		if ap {
			pathID = p.u32(m, t)
			t += 4
		}
		if k == bgpMP4 {
			s, adv = p.bgpPrefix4(m, t, l)
		} else {
			s, adv = p.bgpPrefix6(m, t, l)
		}
		switch adv {
		case -1:
			p.puts("\n\t    (illegal prefix length)")
		case -2:
			return adv
		default:
			p.printf("\n\t      %s", s)
		}
		if ap {
			p.printf("   Path Id: %d", pathID)
			adv += 4
		}
		return adv
	case bgpMP4Label, bgpMP6Label:
		s, adv = p.bgpLabeledPrefix(m, t, l, bgpAddrLen(k == bgpMP4Label))
		if adv == -3 {
			return adv
		}
	case bgpMP4VPN, bgpMP6VPN:
		s, adv = p.bgpVPNPrefix(m, t, bgpAddrLen(k == bgpMP4VPN))
	case bgpMP4RT:
		return p.bgpRTRoutingInfo(m, t)
	case bgpMP4MVPN:
		s, adv = p.bgpMVPN(m, t)
	case bgpMP4MDT:
		s, adv = p.bgpMDT(m, t)
	case bgpMPL2:
		s, adv = p.bgpL2VPN(m, t)
		if adv == -1 {
			p.puts("\n\t    (illegal length)")
			return adv
		}
	case bgpMPNSAP:
		s, adv = p.bgpCLNPPrefix(m, t, 1, 4, 0)
	case bgpMPNSAPVPN:
		s, adv = p.bgpCLNPPrefix(m, t, 12, 12, 88)
	}
	switch adv {
	case -1:
		p.puts("\n\t    (illegal prefix length)")
	case -2:
		p.softTrunc()
	default:
		p.printf("\n\t      %s", s)
	}
	return adv
}

// l2vpnEncaps is tok2str over l2vpn.c's l2vpn_encaps_values as tcpdump
// 4.99.3 has it.
func l2vpnEncaps(v uint8) string {
	switch v {
	case 15:
		return "Frame Relay Port mode"
	case 17:
		return "Structure-agnostic E1 over packet"
	case 18:
		return "Structure-agnostic T1 (DS1) over packet"
	case 19:
		return "VPLS"
	case 20:
		return "Structure-agnostic T3 (DS3) over packet"
	case 21:
		return "Nx64kbit/s Basic Service using Structure-aware"
	case 25:
		return "Frame Relay DLCI"
	case 40:
		return "Structure-agnostic E3 over packet"
	case 41:
		return "Octet-aligned playload for Structure-agnostic DS1 circuits"
	case 42:
		return "E1 Nx64kbit/s with CAS using Structure-aware"
	case 43:
		return "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware"
	case 44:
		return "DS1 (SF) Nx64kbit/s with CAS using Structure-aware"
	}
	return strName([]string{"Reserved", "Frame Relay", "ATM AAL5 SDU VCC transport", "ATM transparent cell transport",
		"Ethernet (VLAN) Tagged Mode", "Ethernet Raw Mode", "Cisco HDLC", "PPP",
		"SONET/SDH Circuit Emulation Service over MPLS", "ATM n-to-one VCC cell transport",
		"ATM n-to-one VPC cell transport", "IP layer 2 transport"}, int(v), "unknown encaps")
}

func bgpAddrLen(v4 bool) int {
	if v4 {
		return 4
	}
	return 16
}

// bgpMPUnreach prints MP_UNREACH_NLRI.
func (p *Printer) bgpMPUnreach(m []byte, off, l int) {
	p.need(from(m, off), 3)
	if _, _, k := p.bgpMPAF(m, off, l); k != bgpMPNone {
		if l == 3 {
			p.puts("\n\t      End-of-Rib Marker (empty NLRI)")
		}
		p.bgpNLRIs(m, off, l, off+3, k)
	}
}

func (p *Printer) bgpExtCommunities(m []byte, off, l int) {
	if l%8 != 0 {
		p.puts("invalid len")
		return
	}
	for t := off; t < off+l; t += 8 {
		p.need(from(m, t), 2)
		ec := p.u16(m, t)
		p.printf("\n\t    %s (0x%04x), Flags [%s]", tokOr(bgpExtComms, uint32(ec), "unknown extd community typecode"),
			ec, bitNames(uint32(ec), bgpExtCommFlags))
		p.need(from(m, t), 8)
		p.puts(": ")
		p.bgpExtCommunity(m, t)
	}
}

// bgpExtCommunity is bgp_extended_community_print (RFC 4360).
func (p *Printer) bgpExtCommunity(m []byte, t int) {
	ip := func(o int) string { return p.names.ip4(p.bytes(m, t+o, 4)) }
	switch ec := p.u16(m, t); ec {
	case 0x0002, 0x0003, 0x000a:
		p.printf("%d:%d (= %s)", p.u16(m, t+2), p.u32(m, t+4), ip(4))
	case 0x0102, 0x0103, 0xf10a, 0x010b:
		p.printf("%s:%d", ip(2), p.u16(m, t+6))
	case 0x0202, 0x0203:
		p.printf("%d:%d", p.u32(m, t+2), p.u16(m, t+6))
	case 0x4004:
		bw := math.Float32frombits(p.u32(m, t+4))
		p.printf("bandwidth: %.3f Mbps", float64(bw*8/1000000))
	case 0x0005, 0x0105, 0x0205, 0x8005, 0x0107, 0x8001:
		p.puts(ip(2))
	case 0x0306, 0x8000:
		rt := p.u8(m, t+6)
		p.printf("area:%s, router-type:%s, metric-type:%s%s", ip(2), tokFmt(bgpOSPFRTypes, uint32(rt), "unknown (0x%02x)"),
			cond(p.u8(m, t+7)&1 != 0, "E2", ""), cond(rt == 5 || rt == 7, "E1", ""))
	case 0x0009:
		p.printf("AS %d", p.u16(m, t+2))
	case 0x030c:
		p.printf("Tunnel type: %s", strName(bgpEncapTunnels, int(p.u16(m, t+6)), "unknown encaps"))
	case 0x800a:
		p.printf("%s Control Flags [0x%02x]:MTU %d", l2vpnEncaps(p.u8(m, t+2)), p.u8(m, t+3), p.u16(m, t+4))
	default:
		b := p.bytes(m, t+2, 6)
		p.printf("%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5])
	}
}

// bgpPMSI prints the PMSI Tunnel attribute (RFC 6514).
func (p *Printer) bgpPMSI(m []byte, off, l int) {
	p.need(from(m, off), 5)
	if l < 5 {
		p.softTrunc()
	}
	flags, typ := p.u8(m, off), p.u8(m, off+1)
	p.printf("\n\t    Tunnel-type %s (%d), Flags [%s], MPLS Label %d", strName(bgpPMSITunnels, int(typ), "Unknown"), typ,
		bitNames(uint32(flags), []bitName{{0x01, "Leaf Information required"}}), p.u24(m, off+2)>>4)
	t := off + 5
	ip := func(o int) string { return p.names.ip4(p.bytes(m, t+o, 4)) }
	switch typ {
	case 4, 5:
		p.printf("\n\t      Sender %s, P-Group %s", ip(0), ip(4))
	case 3:
		p.printf("\n\t      Root-Node %s, P-Group %s", ip(0), ip(4))
	case 6:
		p.printf("\n\t      Tunnel-Endpoint %s", ip(0))
	case 2, 7:
		p.printf("\n\t      Root-Node %s, LSP-ID 0x%08x", ip(0), p.u32(m, t+4))
	case 1:
		p.printf("\n\t      Extended-Tunnel-ID %s, P2MP-ID 0x%08x", ip(0), p.u32(m, t+4))
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(m, t, "\n\t      ", l-5)
		}
	}
}

// bgpAIGP prints the Accumulated IGP Metric attribute (RFC 7311).
func (p *Printer) bgpAIGP(m []byte, off, l int) {
	for t, tlen := off, l; tlen >= 3; {
		typ, n := p.u8(m, t), int(p.u16(m, t+1))
		t, tlen = t+3, tlen-3
		p.printf("\n\t    %s TLV (%d), length %d", cond(typ == 1, "AIGP", "Unknown"), typ, n)
		if n < 3 {
			p.softTrunc()
		}
		n -= 3
		if tlen < n {
			p.softTrunc()
		}
		if typ == 1 {
			if n < 8 {
				p.softTrunc()
			}
			p.printf(", metric %d", p.u64(m, t))
		} else if p.o.Verbose <= 1 {
			p.unknownData(m, t, "\n\t      ", n)
		}
		t, tlen = t+n, tlen-n
	}
}

// bgpAttrSet prints ATTR_SET (RFC 6368), nesting up to ten levels; it
// returns the length left unparsed, which tcpdump dumps with -vv.
func (p *Printer) bgpAttrSet(m []byte, off, l, level int) int {
	p.need(from(m, off), 4)
	if l < 4 {
		p.softTrunc()
	}
	p.printf("\n\t    Origin AS: %d", p.u32(m, off))
	t, ln := off+4, l-4
	for ln != 0 {
		p.need(from(m, t), 2)
		if ln < 2 {
			p.puts(" [path attr too short]")
			return ln
		}
		flags, typ := m[t], m[t+1]
		t, ln = t+2, ln-2
		ll := 1 + int(flags>>4&1)
		p.need(from(m, t), ll)
		if ln < ll {
			p.puts(" [path attr too short]")
			return ln
		}
		alen := int(m[t])
		if ll == 2 {
			alen = int(p.u16(m, t))
		}
		t, ln = t+ll, ln-ll
		p.printf("\n\t      %s (%d), length: %d", tokOr(bgpAttrs, uint32(typ), "Unknown Attribute"), typ, alen)
		if flags != 0 {
			p.bgpAttrFlags(flags)
		}
		p.puts(": ")
		if ln < alen {
			p.puts(" [path attr too short]")
			return ln
		}
		if level == 10 {
			p.puts("(too many nested levels, not recursing)")
		} else {
			p.bgpAttr(typ, m, t, alen, level+1)
		}
		t, ln = t+alen, ln-alen
	}
	return ln
}

func (p *Printer) bgpNotification(m []byte, length int) {
	defer p.catchSoft()
	p.need(m, 21)
	if length < 21 {
		return
	}
	major, minor := m[19], m[20]
	p.printf(", %s (%d)", strName(bgpNotifyMajor, int(major), "Unknown Error"), major)
	switch major {
	case 1, 2, 3, 6:
		p.printf(", subcode %s (%d)", strName(bgpNotifyMinor[major], int(minor), "Unknown"), minor)
	case 5, 7:
		p.printf(" subcode %s (%d)", strName(bgpNotifyMinor[major], int(minor), "Unknown"), minor)
	}
	if major != 6 {
		return
	}
	if minor == 1 && length >= 28 {
		p.printf(", AFI %s (%d), SAFI %s (%d), Max Prefixes: %d", afName(p.u16(m, 21), "Unknown"), p.u16(m, 21),
			bgpSAFIName(p.u8(m, 23), "Unknown"), p.u8(m, 23), p.u32(m, 24))
	}
	if (minor == 2 || minor == 4) && length >= 22 {
		p.bgpShutdownComm(m, length)
	}
}

// bgpShutdownComm prints the RFC 9003 shutdown communication of a Cease.
func (p *Printer) bgpShutdownComm(m []byte, length int) {
	n := int(p.u8(m, 21))
	rem := 0
	switch {
	case n > length-22:
		p.puts(", invalid Shutdown Communication length")
	case n == 0:
		p.puts(", empty Shutdown Communication")
		rem = 1
	default:
		p.printf(", Shutdown Communication (length: %d): \"", n)
		for i := 0; i < n; i++ {
			p.fnPrintChar(p.u8(m, 22+i))
		}
		p.puts("\"")
		rem = n + 1
	}
	if rest := length - (rem + 21); rest != 0 {
		p.printf(", Data: (length: %d)", rest)
		p.hexGet("\n\t\t", m, 21+rem, rest)
	}
}

// hexGet is hex_print on packet data read with GET macros: the dump
// unwinds (a truncation) at the first byte not captured.
func (p *Printer) hexGet(ident string, b []byte, off, n int) {
	if off+n <= len(b) {
		p.hex(ident, b[off:off+n])
		return
	}
	for i := 0; i < n; i += 2 {
		if i%16 == 0 {
			p.printf("%s0x%04x: ", ident, i)
		}
		if i+1 < n {
			p.printf(" %02x%02x", p.u8(b, off+i), p.u8(b, off+i+1))
		} else {
			p.printf(" %02x", p.u8(b, off+i))
		}
	}
}

func (p *Printer) bgpRouteRefresh(m []byte, length int) {
	defer p.catchSoft()
	p.need(m, 23)
	if length < 23 {
		return
	}
	p.puts("\n\t  ")
	p.bgpAFISAFI(p.u16(m, 19), p.u8(m, 22))
	if p.o.Verbose > 1 {
		p.need(m, length)
		p.unknownData(m, 0, "\n\t  ", length)
	}
}

// bytes16 returns 16 bytes of c (a BGP marker for the synthetic captures).
func bytes16(c byte) []byte {
	b := make([]byte, 16)
	for i := range b {
		b[i] = c
	}
	return b
}

// bgpCLNPPrefix is decode_clnp_prefix (hdr 1, at 4: tcpdump copies the
// address from the wrong offset) and decode_labeled_vpn_clnp_prefix (hdr
// 12, at 12, 88 bits of label and RD).
func (p *Printer) bgpCLNPPrefix(m []byte, t, hdr, at, extra int) (string, int) {
	plen := int(p.u8(m, t))
	if plen < extra || plen-extra > 152 {
		return "", -1
	}
	plen -= extra
	nb := (plen + 7) / 8
	var a [19]byte
	copy(a[:], p.bytes(m, t+at, nb))
	bgpMask(a[:], plen)
	if extra == 0 {
		return fmt.Sprintf("%s/%d", p.isoNSAP(a[:nb]), plen), 1 + nb
	}
	return fmt.Sprintf("RD: %s, %s/%d, %s", p.bgpRD(m, t+4), p.isoNSAP(a[:nb]), plen, p.bgpLabel(m, t)), hdr + nb
}

// bgpMDT is decode_mdt_vpn_nlri (RFC 6037).
func (p *Printer) bgpMDT(m []byte, t int) (string, int) {
	if p.u8(m, t) != 128 {
		return "", -1
	}
	if t+9 > len(m) {
		return "", -2
	}
	return fmt.Sprintf("RD: %s, VPN IP Address: %s, MC Group Address: %s", p.bgpRD(m, t+1),
		p.names.ip4(p.bytes(m, t+9, 4)), p.names.ip4(p.bytes(m, t+13, 4))), 17
}

// bgpBufLen is the size of print-bgp.c's NLRI string buffer
// (MAXHOSTNAMELEN + 100): longer strings are cut.
const bgpBufLen = 64 + 100 - 1

func bgpCut(s string) string {
	if len(s) > bgpBufLen {
		return s[:bgpBufLen]
	}
	return s
}

// bgpVPNIP is bgp_vpn_ip_print: an address of the given bit length.
func (p *Printer) bgpVPNIP(m []byte, t, bits int) string {
	switch bits {
	case 32:
		return p.names.ip4(p.bytes(m, t, 4))
	case 128:
		return p.names.ip6(p.bytes(m, t, 16))
	}
	return fmt.Sprintf("bogus address length %d", uint32(bits))
}

// bgpVPNSG is bgp_vpn_sg_print: a multicast source and group; it returns
// the bytes it read (as far as they were captured).
func (p *Printer) bgpVPNSG(m []byte, t int, buf *string) int {
	total := 0
	for _, label := range []string{", Source ", ", Group "} {
		n := int(p.u8(m, t))
		t++
		if t+n>>3 > len(m) {
			return total
		}
		total += n>>3 + 1
		if n != 0 {
			*buf += label + p.bgpVPNIP(m, t, n)
			t += n >> 3
		}
	}
	return total
}

var bgpMVPNTypes = []string{1: "Intra-AS I-PMSI", 2: "Inter-AS I-PMSI", 3: "S-PMSI", 4: "Intra-AS Segment-Leaf",
	5: "Source-Active", 6: "Shared Tree Join", 7: "Source Tree Join"}

// bgpMVPN is decode_multicast_vpn (RFC 6514 MCAST-VPN NLRI).
func (p *Printer) bgpMVPN(m []byte, t int) (string, int) {
	typ, rl := p.u8(m, t), int(p.u8(m, t+1))
	t += 2
	buf := fmt.Sprintf("Route-Type: %s (%d), length: %d", strName(bgpMVPNTypes, int(typ), "Unknown"), typ, rl)
	switch typ {
	case 1:
		if t+8 > len(m) || rl < 8 {
			return "", -2
		}
		buf += fmt.Sprintf(", RD: %s, Originator %s", p.bgpRD(m, t), p.bgpVPNIP(m, t+8, (rl-8)<<3))
	case 2, 6, 7:
		if t+12 > len(m) {
			return "", -2
		}
		buf += fmt.Sprintf(", RD: %s, Source-AS %d", p.bgpRD(m, t), p.u32(m, t+8))
		if typ != 2 {
			p.bgpVPNSG(m, t+12, &buf)
		}
	case 3, 5:
		if t+8 > len(m) {
			return "", -2
		}
		buf += ", RD: " + p.bgpRD(m, t)
		t += 8
		sg := p.bgpVPNSG(m, t, &buf)
		if typ == 3 {
			// tcpdump reads the originator where the source starts.
			n := uint32(rl - sg)
			if uint64(t)+uint64(n) > uint64(len(m)) {
				return "", -2
			}
			buf += ", Originator " + p.bgpVPNIP(m, t, int(n<<3))
		}
	}
	return bgpCut(buf), rl + 2
}

// bgpL2VPN is decode_labeled_vpn_l2 (RFC 4761 and the older L2VPN NLRI).
func (p *Printer) bgpL2VPN(m []byte, t int) (string, int) {
	plen := int(p.u16(m, t))
	t += 2
	switch {
	case plen == 12:
		if t+12 > len(m) {
			return "", -2
		}
		return bgpCut(fmt.Sprintf("RD: %s, BGPNH: %s", p.bgpRD(m, t), p.names.ip4(p.bytes(m, t+8, 4)))), plen + 2
	case plen <= 17:
		return "", -2
	}
	if t+15 > len(m) {
		return "", -2
	}
	buf := fmt.Sprintf("RD: %s, CE-ID: %d, Label-Block Offset: %d, Label Base %d", p.bgpRD(m, t), p.u16(m, t+8),
		p.u16(m, t+10), p.u24(m, t+12)>>4)
	t += 15
	// tcpdump does not count the TLV headers against the length, nor
	// skip the value of an unknown TLV.
	for tlen := plen - 15; tlen != 0; {
		if tlen < 3 {
			return bgpCut(buf + "\n\t\tran past the end"), plen + 2
		}
		typ, bits := p.u8(m, t), int(p.u16(m, t+1))
		n := (bits + 7) / 8
		t += 3
		if typ != 1 {
			buf += fmt.Sprintf("\n\t\tunknown TLV #%d, length: %d", typ, bits)
			if tlen < n {
				return bgpCut(buf + " (ran past the end)"), plen + 2
			}
			tlen -= n
			continue
		}
		buf += fmt.Sprintf("\n\t\tcircuit status vector (%d) length: %d: 0x", typ, bits)
		for ; n != 0; n, tlen, t = n-1, tlen-1, t+1 {
			if tlen < 1 {
				return bgpCut(buf + " (ran past the end)"), plen + 2
			}
			if t >= len(m) {
				return "", -2
			}
			buf += fmt.Sprintf("%02x", m[t])
		}
	}
	return bgpCut(buf), plen + 2
}
