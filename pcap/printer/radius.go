package printer

import (
	"fmt"
	"time"
)

var radiusCodes = []bitName{{1, "Access-Request"}, {2, "Access-Accept"}, {3, "Access-Reject"},
	{4, "Accounting-Request"}, {5, "Accounting-Response"}, {11, "Access-Challenge"}, {12, "Status-Server"},
	{13, "Status-Client"}, {40, "Disconnect-Request"}, {41, "Disconnect-ACK"}, {42, "Disconnect-NAK"},
	{43, "CoA-Request"}, {44, "CoA-ACK"}, {45, "CoA-NAK"}, {255, "Reserved"}}

// How print-radius.c prints an attribute's value (its print_func).
const (
	radNone = iota
	radString
	radNum
	radAddr
	radAddr6
	radNetmask6
	radVendor
	radTime
	radStrange
	radVector64
	radMIP6Prefix
	radOperator
	radLocInfo
	radLocData
	radPolicy
)

// radiusAttr is one entry of print-radius.c's attr_type table: the
// name, the standard value names (values[v] for first <= v < len) and
// the printer.
type radiusAttr struct {
	name   string
	values []string
	first  uint32
	kind   uint8
}

var (
	radServTypes = []string{1: "Login", 2: "Framed", 3: "Callback Login", 4: "Callback Framed", 5: "Outbound",
		6: "Administrative", 7: "NAS Prompt", 8: "Authenticate Only", 9: "Callback NAS Prompt", 10: "Call Check",
		11: "Callback Administrative", 12: "Voice", 13: "Fax", 14: "Modem Relay", 15: "IAPP-Register",
		16: "IAPP-AP-Check", 17: "Authorize Only", 18: "Framed-Management", 19: "Additional-Authorization"}
	radFrmProtos  = []string{1: "PPP", 2: "SLIP", 3: "ARAP", 4: "Gandalf proprietary", 5: "Xylogics IPX/SLIP", 6: "X.75 Synchronous", 7: "GPRS PDP Context"}
	radFrmRouting = []string{"None", "Send", "Listen", "Send&Listen"}
	radFrmComp    = []string{"None", "VJ TCP/IP", "IPX", "Stac-LZS"}
	radLoginServ  = []string{"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD",
		"X.25-T3POS", "Unassigned", "TCP Clear Quiet"}
	radNASPortTypes = []string{"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual",
		"PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL",
		"Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI",
		"Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16",
		"Wireless - IEEE 802.20", "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN",
		"PPPoEoQinQ", "xPON", "Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF",
		"WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS"}
	radAcctStatus = []string{1: "Start", 2: "Stop", 3: "Interim-Update", 4: "Unassigned", 5: "Unassigned",
		6: "Unassigned", 7: "Accounting-On", 8: "Accounting-Off", 9: "Tunnel-Start", 10: "Tunnel-Stop",
		11: "Tunnel-Reject", 12: "Tunnel-Link-Start", 13: "Tunnel-Link-Stop", 14: "Tunnel-Link-Reject", 15: "Failed"}
	radAcctAuth = []string{1: "RADIUS", 2: "Local", 3: "Remote", 4: "Diameter"}
	radAcctTerm = []string{1: "User Request", 2: "Lost Carrier", 3: "Lost Service", 4: "Idle Timeout",
		5: "Session Timeout", 6: "Admin Reset", 7: "Admin Reboot", 8: "Port Error", 9: "NAS Error",
		10: "NAS Request", 11: "NAS Reboot", 12: "Port Unneeded", 13: "Port Preempted", 14: "Port Suspended",
		15: "Service Unavailable", 16: "Callback", 17: "User Error", 18: "Host Request", 19: "Supplicant Restart",
		20: "Reauthentication Failure", 21: "Port Reinitialized", 22: "Port Administratively Disabled",
		23: "Lost Power"}
	radTunnelTypes = []string{1: "PPTP", 2: "L2F", 3: "L2TP", 4: "ATMP", 5: "VTP", 6: "AH", 7: "IP-IP",
		8: "MIN-IP-IP", 9: "ESP", 10: "GRE", 11: "DVS", 12: "IP-in-IP Tunneling", 13: "VLAN"}
	radTunnelMedia = []string{1: "IPv4", 2: "IPv6", 3: "NSAP", 4: "HDLC", 5: "BBN 1822", 6: "802", 7: "E.163",
		8: "E.164", 9: "F.69", 10: "X.121", 11: "IPX", 12: "Appletalk", 13: "Decnet IV", 14: "Banyan Vines",
		15: "E.164 with NSAP subaddress"}
	radErrorCauses = []bitName{{201, "Residual Session Context Removed"}, {202, "Invalid EAP Packet (Ignored)"},
		{401, "Unsupported Attribute"}, {402, "Missing Attribute"}, {403, "NAS Identification Mismatch"},
		{404, "Invalid Request"}, {405, "Unsupported Service"}, {406, "Unsupported Extension"},
		{407, "Invalid Attribute Value"}, {501, "Administratively Prohibited"}, {502, "Request Not Routable (Proxy)"},
		{503, "Session Context Not Found"}, {504, "Session Context Not Removable"},
		{505, "Other Proxy Processing Error"}, {506, "Resources Unavailable"}, {507, "Request Initiated"},
		{508, "Multiple Session Selection Unsupported"}, {509, "Location Info Required"}}
	radMIP6Features = []string{"MIP6_INTEGRATED", "LOCAL_HOME_AGENT_ASSIGNMENT", 40: "PMIP6_SUPPORTED",
		41: "IP4_HOA_SUPPORTED", 42: "LOCAL_MAG_ROUTING_SUPPORTED", 43: "ASSIGN_LOCAL_IP", 44: "MIP4_SUPPORTED",
		45: "OPTIMIZED_IDLE_MODE_MOBILITY", 46: "GTPv2_SUPPORTED", 47: "IP4_TRANSPORT_SUPPORTED",
		48: "IP4_HOA_ONLY_SUPPORTED", 49: "INTER_MAG_ROUTING_SUPPORTED"}
	radBLPRFlags = []bitName{{0x0001, "MBZ-15"}, {0x0002, "MBZ-14"}, {0x0004, "MBZ-13"}, {0x0008, "MBZ-12"},
		{0x0010, "MBZ-11"}, {0x0020, "MBZ-10"}, {0x0040, "MBZ-9"}, {0x0080, "MBZ-8"}, {0x0100, "MBZ-7"},
		{0x0200, "MBZ-6"}, {0x0400, "MBZ-5"}, {0x0800, "MBZ-4"}, {0x1000, "MBZ-3"}, {0x2000, "MBZ-2"},
		{0x4000, "MBZ-1"}, {0x8000, "Retransmission Allowed"}}
)

// radiusAttrs is attr_type, indexed by attribute type.
var radiusAttrs = []radiusAttr{{}, {"User-Name", nil, 0, radString}, {"User-Password", nil, 0, radNone},
	{"CHAP-Password", nil, 0, radNone}, {"NAS-IP-Address", nil, 0, radAddr}, {"NAS-Port", nil, 0, radNum},
	{"Service-Type", radServTypes, 1, radNum}, {"Framed-Protocol", radFrmProtos, 1, radNum},
	{"Framed-IP-Address", nil, 0, radAddr}, {"Framed-IP-Netmask", nil, 0, radAddr},
	{"Framed-Routing", radFrmRouting, 0, radNum}, {"Filter-Id", nil, 0, radString}, {"Framed-MTU", nil, 0, radNum},
	{"Framed-Compression", radFrmComp, 0, radNum}, {"Login-IP-Host", nil, 0, radAddr},
	{"Login-Service", radLoginServ, 0, radNum}, {"Login-TCP-Port", nil, 0, radNum}, {"Unassigned", nil, 0, radNone},
	{"Reply-Message", nil, 0, radString}, {"Callback-Number", nil, 0, radString}, {"Callback-Id", nil, 0, radString},
	{"Unassigned", nil, 0, radNone}, {"Framed-Route", nil, 0, radString}, {"Framed-IPX-Network", nil, 0, radNum},
	{"State", nil, 0, radString}, {"Class", nil, 0, radString}, {"Vendor-Specific", nil, 0, radVendor},
	{"Session-Timeout", nil, 0, radNum}, {"Idle-Timeout", nil, 0, radNum},
	{"Termination-Action", []string{"Default", "RADIUS-Request"}, 0, radNum},
	{"Called-Station-Id", nil, 0, radString}, {"Calling-Station-Id", nil, 0, radString},
	{"NAS-Identifier", nil, 0, radString}, {"Proxy-State", nil, 0, radString},
	{"Login-LAT-Service", nil, 0, radString}, {"Login-LAT-Node", nil, 0, radString},
	{"Login-LAT-Group", nil, 0, radString}, {"Framed-AppleTalk-Link", nil, 0, radNum},
	{"Framed-AppleTalk-Network", nil, 0, radNum}, {"Framed-AppleTalk-Zone", nil, 0, radString},
	{"Acct-Status-Type", radAcctStatus, 1, radNum}, {"Acct-Delay-Time", nil, 0, radNum},
	{"Acct-Input-Octets", nil, 0, radNum}, {"Acct-Output-Octets", nil, 0, radNum},
	{"Acct-Session-Id", nil, 0, radString}, {"Acct-Authentic", radAcctAuth, 1, radNum},
	{"Acct-Session-Time", nil, 0, radNum}, {"Acct-Input-Packets", nil, 0, radNum},
	{"Acct-Output-Packets", nil, 0, radNum}, {"Acct-Terminate-Cause", radAcctTerm, 1, radNum},
	{"Acct-Multi-Session-Id", nil, 0, radString}, {"Acct-Link-Count", nil, 0, radNum},
	{"Acct-Input-Gigawords", nil, 0, radNum}, {"Acct-Output-Gigawords", nil, 0, radNum},
	{"Unassigned", nil, 0, radNone}, {"Event-Timestamp", nil, 0, radTime}, {"Egress-VLANID", nil, 0, radNum},
	{"Ingress-Filters", []string{1: "Enabled", 2: "Disabled"}, 1, radNum}, {"Egress-VLAN-Name", nil, 0, radString},
	{"User-Priority-Table", nil, 0, radNone}, {"CHAP-Challenge", nil, 0, radString},
	{"NAS-Port-Type", radNASPortTypes, 0, radNum}, {"Port-Limit", nil, 0, radNum},
	{"Login-LAT-Port", nil, 0, radString}, {"Tunnel-Type", radTunnelTypes, 1, radNum},
	{"Tunnel-Medium-Type", radTunnelMedia, 1, radNum}, {"Tunnel-Client-Endpoint", nil, 0, radString},
	{"Tunnel-Server-Endpoint", nil, 0, radString}, {"Acct-Tunnel-Connection", nil, 0, radString},
	{"Tunnel-Password", nil, 0, radString}, {"ARAP-Password", nil, 0, radStrange},
	{"ARAP-Features", nil, 0, radStrange},
	{"ARAP-Zone-Access", []string{1: "Only access to dfl zone", 2: "Use zone filter inc.", 3: "Not used", 4: "Use zone filter exc."}, 1, radNum},
	{"ARAP-Security", nil, 0, radString}, {"ARAP-Security-Data", nil, 0, radString},
	{"Password-Retry", nil, 0, radNum}, {"Prompt", []string{"No Echo", "Echo"}, 0, radNum},
	{"Connect-Info", nil, 0, radString}, {"Configuration-Token", nil, 0, radString},
	{"EAP-Message", nil, 0, radString}, {"Message-Authenticator", nil, 0, radString},
	{"Tunnel-Private-Group-ID", nil, 0, radString}, {"Tunnel-Assignment-ID", nil, 0, radString},
	{"Tunnel-Preference", nil, 0, radNum}, {"ARAP-Challenge-Response", nil, 0, radStrange},
	{"Acct-Interim-Interval", nil, 0, radNum}, {"Acct-Tunnel-Packets-Lost", nil, 0, radNum},
	{"NAS-Port-Id", nil, 0, radString}, {"Framed-Pool", nil, 0, radString}, {"CUI", nil, 0, radString},
	{"Tunnel-Client-Auth-ID", nil, 0, radString}, {"Tunnel-Server-Auth-ID", nil, 0, radString},
	{"NAS-Filter-Rule", nil, 0, radString}, {"Unassigned", nil, 0, radNone},
	{"Originating-Line-Info", nil, 0, radNone}, {"NAS-IPv6-Address", nil, 0, radAddr6},
	{"Framed-Interface-ID", nil, 0, radNone}, {"Framed-IPv6-Prefix", nil, 0, radNetmask6},
	{"Login-IPv6-Host", nil, 0, radAddr6}, {"Framed-IPv6-Route", nil, 0, radString},
	{"Framed-IPv6-Pool", nil, 0, radString}, {"Error-Cause", nil, 0, radStrange},
	{"EAP-Key-Name", nil, 0, radNone}, {"Digest-Response", nil, 0, radString}, {"Digest-Realm", nil, 0, radString},
	{"Digest-Nonce", nil, 0, radString}, {"Digest-Response-Auth", nil, 0, radString},
	{"Digest-Nextnonce", nil, 0, radString}, {"Digest-Method", nil, 0, radString}, {"Digest-URI", nil, 0, radString},
	{"Digest-Qop", nil, 0, radString}, {"Digest-Algorithm", nil, 0, radString},
	{"Digest-Entity-Body-Hash", nil, 0, radString}, {"Digest-CNonce", nil, 0, radString},
	{"Digest-Nonce-Count", nil, 0, radString}, {"Digest-Username", nil, 0, radString},
	{"Digest-Opaque", nil, 0, radString}, {"Digest-Auth-Param", nil, 0, radString},
	{"Digest-AKA-Auts", nil, 0, radString}, {"Digest-Domain", nil, 0, radString}, {"Digest-Stale", nil, 0, radString},
	{"Digest-HA1", nil, 0, radString}, {"SIP-AOR", nil, 0, radString}, {"Delegated-IPv6-Prefix", nil, 0, radNetmask6},
	{"MIP6-Feature-Vector", nil, 0, radVector64}, {"MIP6-Home-Link-Prefix", nil, 0, radMIP6Prefix},
	{"Operator-Name", nil, 0, radOperator}, {"Location-Information", nil, 0, radLocInfo},
	{"Location-Data", nil, 0, radLocData}, {"Basic-Location-Policy-Rules", nil, 0, radPolicy}}

// radius is radius_print: the code and length, and with -v the
// authenticator and every attribute.
func (p *Printer) radius(b []byte, length int) {
	p.enter("radius")
	defer p.catchSoft()
	p.need(b, 20)
	n := int(p.u16(b, 2))
	if n < 20 {
		p.printTrunc()
		return
	}
	n = min(n, length)
	name := tokOr(radiusCodes, uint32(b[0]), "Unknown Command")
	if p.o.Verbose < 1 {
		p.printf("RADIUS, %s (%d), id: 0x%02x length: %d", name, b[0], b[1], n)
		return
	}
	p.printf("RADIUS, length: %d\n\t%s (%d), id: 0x%02x, Authenticator: %x", n, name, b[0], b[1], b[4:20])
	if n > 20 {
		p.radiusAttrs(b, 20, n-20)
	}
}

func (p *Printer) radiusAttrs(b []byte, off, length int) {
	for length > 0 {
		if length < 2 {
			p.printTrunc()
			return
		}
		p.need(from(b, off), 2)
		typ, l := b[off], int(b[off+1])
		name := "Unknown"
		if typ != 0 && int(typ) < len(radiusAttrs) {
			name = radiusAttrs[typ].name
		}
		p.printf("\n\t  %s Attribute (%d), length: %d", name, typ, l)
		if l < 2 {
			p.puts(" (bogus, must be >= 2)")
			return
		}
		if l > length {
			p.puts(" (bogus, goes past end of packet)")
			return
		}
		p.puts(", Value: ")
		if int(typ) < len(radiusAttrs) && l > 2 {
			p.radiusValue(b, off+2, l-2, typ)
		}
		if p.o.Verbose > 1 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
		length -= l
		off += l
	}
}

// radiusValue runs an attribute's printer; its truncation label prints
// " [|radius]" and the next attribute follows.
func (p *Printer) radiusValue(b []byte, d, n int, typ uint8) {
	defer p.catchSoft()
	switch radiusAttrs[typ].kind {
	case radNone:
	case radString:
		p.radiusString(b, d, n, typ)
	case radNum:
		p.radiusNum(b, d, n, typ)
	case radAddr:
		p.radiusAddr(b, d, n, typ)
	case radAddr6:
		if n != 16 {
			p.printf("ERROR: length %d != 16", n)
			return
		}
		p.puts(p.names.ip6(p.bytes(b, d, 16)))
	case radNetmask6:
		p.radiusNetmask6(b, d, n)
	case radVendor:
		p.radiusVendor(b, d, n)
	case radTime:
		if n != 4 {
			p.printf("ERROR: length %d != 4", n)
			return
		}
		p.puts(time.Unix(int64(p.u32(b, d)), 0).In(p.o.Location).Format("Mon Jan _2 15:04:05 2006"))
	case radStrange:
		p.radiusStrange(b, d, n, typ)
	case radVector64:
		p.radiusVector64(b, d, n)
	case radMIP6Prefix:
		if n != 17 {
			p.printf("ERROR: length %d != 17", n)
			return
		}
		p.need(from(b, d), n)
		if pl := p.u8(b, d); pl > 128 {
			p.printf("ERROR: netmask %d not in range (0..128)", pl)
		} else {
			p.printf("%s/%d", p.names.ip6(p.bytes(b, d+1, 16)), pl)
		}
	default:
		p.radiusLocation(b, d, n, radiusAttrs[typ].kind)
	}
}

// radiusChars prints up to n bytes, stopping at a NUL, printable ASCII
// as is and the rest as '.'.
func (p *Printer) radiusChars(b []byte, d, n int, stopAtNUL bool) {
	for i := 0; i < n; i++ {
		c := p.u8(b, d+i)
		if c == 0 && stopAtNUL {
			return
		}
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		p.out = append(p.out, c)
	}
}

// radiusTagAny prints the tag of Tunnel-Type, Tunnel-Medium-Type and
// Tunnel-Preference, where any non-zero first byte is a tag.
func (p *Printer) radiusTagAny(c uint8) {
	if c != 0 {
		p.printf("Tag[%d] ", c)
	} else {
		p.puts("Tag[Unused] ")
	}
}

// radiusTag prints the tag of the string attributes (1 to 0x1f).
func (p *Printer) radiusTag(c uint8) {
	if c != 0 && c <= 0x1f {
		p.printf("Tag[%d] ", c)
	} else {
		p.puts("Tag[Unused] ")
	}
}

func (p *Printer) radiusString(b []byte, d, n int, typ uint8) {
	p.need(from(b, d), n)
	switch typ {
	case 69:
		if n < 3 {
			p.softTrunc()
		}
		p.radiusTag(p.u8(b, d))
		p.printf("Salt %d ", p.u16(b, d+1))
		d, n = d+3, n-3
	case 66, 67, 81, 82, 90, 91:
		if c := p.u8(b, d); c <= 0x1f {
			p.radiusTag(c)
			d, n = d+1, n-1
		}
	case 58:
		c := p.u8(b, d)
		p.printf("%s (0x%02x) ", radiusVLANTag(c), c)
		d, n = d+1, n-1
	case 79:
		p.eap(b[d:], n)
		return
	}
	p.radiusChars(b, d, n, true)
}

func radiusVLANTag(c uint8) string {
	switch c {
	case 0x31:
		return "Tagged"
	case 0x32:
		return "Untagged"
	}
	return "Unknown tag"
}

func (p *Printer) radiusVendor(b []byte, d, n int) {
	if n < 4 {
		p.softTrunc()
	}
	id := p.u32(b, d)
	d, n = d+4, n-4
	p.printf("Vendor: %s (%d)", smiName(id), id)
	for n >= 2 {
		vt, vl := p.u8(b, d), int(p.u8(b, d+1))
		if vl < 2 {
			p.printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, must be >= 2)", vt, vl)
			return
		}
		if vl > n {
			p.printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, goes past end of vendor-specific attribute)", vt, vl)
			return
		}
		d, vl, n = d+2, vl-2, n-2
		p.need(from(b, d), vl)
		p.printf("\n\t    Vendor Attribute: %d, Length: %d, Value: ", vt, vl)
		p.radiusChars(b, d, vl, false)
		d, n = d+vl, n-vl
	}
}

func (p *Printer) radiusNum(b []byte, d, n int, typ uint8) {
	if n != 4 {
		p.printf("ERROR: length %d != 4", n)
		return
	}
	a := radiusAttrs[typ]
	if a.values != nil {
		var v uint32
		if typ == 64 || typ == 65 {
			p.radiusTagAny(p.u8(b, d))
			v = p.u24(b, d+1)
		} else {
			v = p.u32(b, d)
		}
		if v >= a.first && v < uint32(len(a.values)) {
			p.puts(a.values[v])
		} else {
			p.printf("#%d", v)
		}
		return
	}
	switch v := p.u32(b, d); typ {
	case 23:
		if v == 0xfffffffe {
			p.puts("NAS Select")
		} else {
			p.printf("%d", v)
		}
	case 27, 28, 41, 46, 85:
		switch {
		case v < 60:
			p.printf("%02d secs", v)
		case v < 3600:
			p.printf("%02d:%02d min", v/60, v%60)
		default:
			p.printf("%02d:%02d:%02d hours", v/3600, v%3600/60, v%60)
		}
	case 37:
		p.puts(cond(v != 0, fmt.Sprint(v), "Unnumbered"))
	case 38:
		p.puts(cond(v != 0, fmt.Sprint(v), "NAS assigned"))
	case 83:
		p.radiusTagAny(p.u8(b, d))
		p.printf("%d", p.u24(b, d+1))
	case 56:
		c := p.u8(b, d)
		p.printf("%s (0x%02x) %d", radiusVLANTag(c), c, p.u24(b, d+1))
	default:
		p.printf("%d", v)
	}
}

func (p *Printer) radiusAddr(b []byte, d, n int, typ uint8) {
	if n != 4 {
		p.printf("ERROR: length %d != 4", n)
		return
	}
	v := p.u32(b, d)
	switch {
	case (typ == 8 || typ == 14) && v == 0xffffffff:
		p.puts("User Selected")
	case (typ == 8 || typ == 14) && v == 0xfffffffe:
		p.puts("NAS Select")
	default:
		p.puts(p.names.ip4(p.bytes(b, d, 4)))
	}
}

func (p *Printer) radiusNetmask6(b []byte, d, n int) {
	if n < 2 || n > 18 {
		p.printf("ERROR: length %d not in range (2..18)", n)
		return
	}
	p.need(from(b, d), n)
	pl := int(p.u8(b, d+1))
	if pl > 128 {
		p.printf("ERROR: netmask %d not in range (0..128)", pl)
		return
	}
	var a [16]byte
	copy(a[:], b[d+2:d+n])
	p.printf("%s/%d", p.names.ip6(a[:]), pl)
	if pl > 8*(n-2) {
		p.puts(" (inconsistent prefix length)")
	}
}

// radiusHexUpper is PRINT_HEX: bytes as upper-case hex.
func (p *Printer) radiusHexUpper(b []byte, d, n int) {
	for i := 0; i < n; i++ {
		p.printf("%02X", p.u8(b, d+i))
	}
}

func (p *Printer) radiusStrange(b []byte, d, n int, typ uint8) {
	switch typ {
	case 70:
		if n != 16 {
			p.printf("ERROR: length %d != 16", n)
			return
		}
		p.puts("User_challenge (")
		p.radiusHexUpper(b, d, 8)
		p.puts(") User_resp(")
		p.radiusHexUpper(b, d+8, 8)
		p.puts(")")
	case 71:
		if n != 14 {
			p.printf("ERROR: length %d != 14", n)
			return
		}
		p.puts(cond(p.u8(b, d) != 0, "User can change password", "User cannot change password"))
		p.printf(", Min password length: %d, created at: ", p.u8(b, d+1))
		p.radiusHexUpper(b, d+2, 4)
		p.puts(", expires in: ")
		p.radiusHexUpper(b, d+6, 4)
		p.puts(", Current Time: ")
		p.radiusHexUpper(b, d+10, 4)
	case 84:
		if n < 8 {
			p.printf("ERROR: length %d != 8", n)
			return
		}
		p.radiusHexUpper(b, d, 8)
	case 101:
		if n != 4 {
			p.printf("Error: length %d != 4", n)
			return
		}
		v := p.u32(b, d)
		p.printf("Error cause %d: %s", v, tokFmt(radErrorCauses, v, "Error-Cause %d not known"))
	}
}

func (p *Printer) radiusVector64(b []byte, d, n int) {
	if n != 8 {
		p.printf("ERROR: length %d != 8", n)
		return
	}
	v := p.u64(b, d)
	p.puts("[")
	sep := ""
	for i, s := range radMIP6Features {
		if s != "" && v&(1<<i) != 0 {
			p.printf("%s%s", sep, s)
			sep = ", "
		}
	}
	p.puts("]")
}

// radiusLocation prints the RFC 5580 attributes (Operator-Name,
// Location-Information, Location-Data, Basic-Location-Policy-Rules).
func (p *Printer) radiusLocation(b []byte, d, n int, kind uint8) {
	p.need(from(b, d), n)
	least := 10
	switch kind {
	case radOperator:
		least = 2
	case radLocInfo:
		least = 21
	case radLocData:
		least = 3
	}
	if n < least {
		p.printf("ERROR: length %d < %d", n, least)
		return
	}
	switch kind {
	case radOperator:
		ns := p.u8(b, d)
		p.printf("[%s] ", tokFmt([]bitName{{0x30, "TADIG"}, {0x31, "REALM"}, {0x32, "E212"}, {0x33, "ICC"}}, uint32(ns), "unknown namespace %d"))
		p.radiusPrintn(b, d+1, n-1)
	case radLocInfo:
		code, ent := p.u8(b, d+2), p.u8(b, d+3)
		p.printf("index %d, code %s, entity %s, sighting time ", p.u16(b, d),
			strName([]string{"Civic", "Geospatial"}, int(code), fmt.Sprintf("Unknown (%d)", code)),
			strName([]string{"User", "RADIUS"}, int(ent), fmt.Sprintf("Unknown (%d)", ent)))
		p.ntpStamp(b, d+4)
		p.puts(", time to live ")
		p.ntpStamp(b, d+12)
		p.puts(", method \"")
		p.radiusPrintn(b, d+20, n-20)
		p.puts("\"")
	case radLocData:
		p.printf("index %d, location", p.u16(b, d))
		p.hexASCII("\n\t    ", b[d+2:d+n])
	case radPolicy:
		p.printf("flags [%s], retention expires ", bitNames(uint32(p.u16(b, d)), radBLPRFlags))
		p.ntpStamp(b, d+2)
		if n > 10 {
			p.puts(", note well \"")
			p.radiusPrintn(b, d+10, n-10)
			p.puts("\"")
		}
	}
}

// radiusPrintn is nd_printn: n characters through fn_print_char.
func (p *Printer) radiusPrintn(b []byte, d, n int) {
	for i := 0; i < n; i++ {
		p.fnPrintChar(p.u8(b, d+i))
	}
}

// smiName is tok2str over oui.c's smi_values (SMI private enterprise
// numbers, the vendors of RADIUS Vendor-Specific attributes).
func smiName(id uint32) string {
	return tokOr(smiValues, id, "Unknown")
}

var smiValues = []bitName{{0, "IETF (reserved)"}, {5, "ACC"}, {9, "Cisco"}, {11, "Hewlett Packard"},
	{42, "Sun Microsystems"}, {61, "Merit"}, {74, "AT&T"}, {161, "Motorola"}, {166, "Shiva"}, {193, "Ericsson AB"},
	{255, "Cisco VPN 5000"}, {307, "Livingston"}, {311, "Microsoft"}, {429, "3Com"}, {529, "Ascend"},
	{1584, "Bay Networks"}, {1991, "Foundry"}, {2180, "Versanet"}, {2352, "Redback"}, {2636, "Juniper Networks"},
	{2637, "Aptis"}, {2937, "Deutsche Telekom AG"}, {3054, "Ixia Communications"}, {3076, "Cisco VPN 3000"},
	{3085, "CoSine Communications"}, {3224, "Netscreen"}, {3199, "Shasta"}, {3309, "Nomadix"}, {3414, "T-Mobile"},
	{3561, "The Broadband Forum"}, {3902, "ZTE"}, {4329, "Siemens"}, {4491, "CableLabs"},
	{4874, "Unisphere Networks"}, {5263, "Cisco BBSM"}, {5535, "3rd Generation Partnership Project 2 (3GPP2)"},
	{5806, "SK Telecom"}, {5925, "ipUnplugged"}, {5948, "Issanni Communications"}, {5951, "Netscaler"},
	{6490, "T-Mobile"}, {6618, "Quintum"}, {6728, "Interlink"}, {7951, "CNCTC"}, {8164, "Starent Networks"},
	{8744, "Colubris"}, {10415, "3GPP"}, {10529, "Gemtek-Systems"}, {10704, "Barracuda Networks"},
	{10923, "Ericsson AB - Packet Core Networks"}, {11665, "dacom"}, {11862, "Columbia University"},
	{12356, "Fortinet"}, {12951, "Verizon Wireless"}, {13745, "Plixer"}, {14122, "Wi-Fi Alliance"},
	{16787, "T-Systems Nova"}, {20942, "China Telecom - Guangzhou Research Institute"}, {26866, "Gigamon Systems"},
	{32622, "CACE Technologies"}, {35632, "ntop"}}
