package printer

import "fmt"

// LLDP (IEEE 802.1AB) as print-lldp.c prints it: the system name without
// -v; every TLV with -v, including the IEEE 802.1 (DCB: ETS, PFC,
// application priority, EVB, CDCP), IEEE 802.3, TIA LLDP-MED, IANA
// (MUD-URL) and DCBX organisation-specific ones; hex dumps of what it
// does not decode, and of everything with -vv.

var lldpTLVNames = []string{"End", "Chassis ID", "Port ID", "Time to Live", "Port Description", "System Name",
	"System Description", "System Capabilities", "Management Address"}

var lldpChassisSubtypes = []string{1: "Chassis component", 2: "Interface alias", 3: "Port component",
	4: "MAC address", 5: "Network address", 6: "Interface name", 7: "Local"}

var lldpPortSubtypes = []string{1: "Interface alias", 2: "Port component", 3: "MAC address",
	4: "Network Address", 5: "Interface Name", 6: "Agent circuit ID", 7: "Local"}

var lldpCaps = []bitName{{0x01, "Other"}, {0x02, "Repeater"}, {0x04, "Bridge"}, {0x08, "WLAN AP"},
	{0x10, "Router"}, {0x20, "Telephone"}, {0x40, "Docsis"}, {0x80, "Station Only"}}

var lldp8021Subtypes = []string{1: "Port VLAN Id", 2: "Port and Protocol VLAN ID", 3: "VLAN name",
	4: "Protocol Identity", 8: "Congestion Notification", 9: "ETS Configuration", 10: "ETS Recommendation",
	11: "Priority Flow Control Configuration", 12: "Application Priority", 13: "EVB", 14: "CDCP"}

var lldp8023Subtypes = []string{1: "MAC/PHY configuration/status", 2: "Power via MDI", 3: "Link aggregation",
	4: "Max frame size"}

var lldpTIASubtypes = []string{1: "LLDP-MED Capabilities", 2: "Network policy", 3: "Location identification",
	4: "Extended power-via-MDI", 5: "Inventory - hardware revision", 6: "Inventory - firmware revision",
	7: "Inventory - software revision", 8: "Inventory - serial number", 9: "Inventory - manufacturer name",
	10: "Inventory - model name", 11: "Inventory - asset ID"}

var lldpTIAInventory = []string{5: "Hardware revision", 6: "Firmware revision", 7: "Software revision",
	8: "Serial number", 9: "Manufacturer name", 10: "Model name", 11: "Asset ID"}

var lldpMAUTypes = []string{"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown",
	"10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx",
	"10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx", "100BASETX fdx", "100BASEFX hdx",
	"100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx",
	"1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx",
	"1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR", "10GBASESR", "10GBASEW",
	"10GBASEEW", "10GBASELW", "10GBASESW"}

var lldpPMDCaps = []bitName{{1 << 14, "10BASE-T hdx"}, {1 << 13, "10BASE-T fdx"}, {1 << 12, "100BASE-T4"},
	{1 << 11, "100BASE-TX hdx"}, {1 << 10, "100BASE-TX fdx"}, {1 << 9, "100BASE-T2 hdx"},
	{1 << 8, "100BASE-T2 fdx"}, {1 << 7, "Pause for fdx links"}, {1 << 6, "Asym PAUSE for fdx"},
	{1 << 5, "Sym PAUSE for fdx"}, {1 << 4, "Asym and Sym PAUSE for fdx"}, {1 << 3, "1000BASE-{X LX SX CX} hdx"},
	{1 << 2, "1000BASE-{X LX SX CX} fdx"}, {1 << 1, "1000BASE-T hdx"}, {1 << 0, "1000BASE-T fdx"}}

var (
	lldpSupportedEnabled = []bitName{{0x01, "supported"}, {0x02, "enabled"}}
	lldpPPVIDFlags       = []bitName{{0x02, "supported"}, {0x04, "enabled"}}
	lldpMDIFlags         = []bitName{{0x01, "PSE"}, {0x02, "supported"}, {0x04, "enabled"}, {0x08, "can be controlled"}}
	lldpTIACaps          = []bitName{{0x01, "LLDP-MED capabilities"}, {0x02, "network policy"},
		{0x04, "location identification"}, {0x08, "extended power via MDI-PSE"},
		{0x10, "extended power via MDI-PD"}, {0x20, "Inventory"}}
	lldpTIAPolicyFlags = []bitName{{0x80, "Unknown"}, {0x40, "Tagged"}, {0x20, "reserved"}}
)

var lldpTIADeviceTypes = []string{1: "endpoint class 1", 2: "endpoint class 2", 3: "endpoint class 3",
	4: "network connectivity"}

var lldpTIAAppTypes = []string{1: "voice", 2: "voice signaling", 3: "guest voice", 4: "guest voice signaling",
	5: "softphone voice", 6: "video conferencing", 7: "streaming video", 8: "video signaling"}

var lldpCATypes = []string{1: "national subdivisions (state,canton,region,province,prefecture)",
	2: "county, parish, gun, district", 3: "city, township, shi",
	4: "city division, borough, city district, ward chou", 5: "neighborhood, block", 6: "street"}

var lldpLCIWhat = []string{"location of DHCP server",
	"location of the network element believed to be closest to the client", "location of the client"}

var lldpDatums = []string{1: "World Geodesic System 1984", 2: "North American Datum 1983 (NAVD88)",
	3: "North American Datum 1983 (MLLW)"}

var lldpEVBModes = []string{"Not Supported", "EVB Bridge", "EVB Station", "Reserved for future Standardization"}

// afNames is af_values (af.c), the address families of LLDP management
// addresses.
var afNames = []bitName{{0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"}, {5, "BBN 1822"},
	{6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"}, {11, "Novell IPX"}, {12, "Appletalk"},
	{13, "Decnet IV"}, {14, "Banyan Vines"}, {15, "E.164 with NSAP subaddress"}, {196, "Layer-2 VPN"},
	{25, "VPLS"}}

// lldp is lldp_print.
func (p *Printer) lldp(b []byte, length int) {
	p.enter("lldp")
	defer p.catchSoft()
	p.printf("LLDP, length %d", length)
	v := p.o.Verbose
	for off, tlen := 0, length; tlen >= 2; {
		p.need(from(b, off), 2)
		tlv := p.u16(b, off)
		typ, n := int(tlv>>9), int(tlv&0x1ff)
		off += 2
		tlen -= 2
		if v > 0 {
			name := strName(lldpTLVNames, typ, "Unknown")
			if typ == 127 {
				name = "Organization specific"
			}
			p.printf("\n\t%s TLV (%d), length %d", name, typ, n)
		}
		if typ == 0 || n == 0 {
			break
		}
		p.need(from(b, off), n)
		if tlen < n {
			p.softTrunc()
		}
		val := b[off : off+n]
		hexdump := p.lldpTLV(val, typ)
		if v > 1 || (v > 0 && hexdump) {
			p.unknownData(val, 0, "\n\t  ", n)
		}
		off += n
		tlen -= n
	}
}

// lldpTLV prints one TLV's value; true asks for a hex dump.
func (p *Printer) lldpTLV(t []byte, typ int) bool {
	v := p.o.Verbose > 0
	n := len(t)
	switch typ {
	case 1, 2:
		if !v {
			return false
		}
		if n < 2 {
			p.softTrunc()
		}
		sub := int(t[0])
		names := lldpChassisSubtypes
		mac, netaddr := 4, 5
		if typ == 2 {
			names, mac, netaddr = lldpPortSubtypes, 3, 4
		}
		p.printf("\n\t  Subtype %s (%d): ", strName(names, sub, "Unknown"), sub)
		switch {
		case sub == mac:
			if n < 7 {
				p.softTrunc()
			}
			p.puts(p.names.ether(t[1:7]))
		case sub == netaddr:
			s, ok := p.lldpNetAddr(t[1:])
			if !ok {
				p.softTrunc()
			}
			p.puts(s)
		case sub >= 1 && sub <= 7:
			p.printZP(t[1:])
		default:
			return true
		}
	case 3:
		if v {
			if n < 2 {
				p.softTrunc()
			}
			p.printf(": TTL %ds", p.u16(t, 0))
		}
	case 4:
		if v {
			p.puts(": ")
			p.printZP(t)
		}
	case 5:
		p.puts(": ")
		p.printZP(t)
	case 6:
		if v {
			p.puts("\n\t  ")
			p.printZP(t)
		}
	case 7:
		if v {
			if n < 4 {
				p.softTrunc()
			}
			c, e := uint32(p.u16(t, 0)), uint32(p.u16(t, 2))
			p.printf("\n\t  System  Capabilities [%s] (0x%04x)", bitNames(c, lldpCaps), c)
			p.printf("\n\t  Enabled Capabilities [%s] (0x%04x)", bitNames(e, lldpCaps), e)
		}
	case 8:
		if v && !p.lldpMgmtAddr(t) {
			p.softTrunc()
		}
	case 127:
		if v {
			return p.lldpOrg(t)
		}
	default:
		return true
	}
	return false
}

// lldpOrg prints an organisation-specific TLV.
func (p *Printer) lldpOrg(t []byte) bool {
	if len(t) < 3 {
		p.softTrunc()
	}
	oui := p.u24(t, 0)
	p.printf(": OUI %s (0x%06x)", ouiName(oui), oui)
	switch oui {
	case 0x0080c2:
		return p.lldp8021(t)
	case 0x00120f:
		return p.lldp8023(t)
	case 0x00005e:
		return p.lldpIANA(t)
	case 0x0012bb:
		return p.lldpTIA(t)
	case 0x001b21:
		return p.lldpDCBX(t)
	}
	return true
}

func (p *Printer) lldpSubtype(t []byte, names []string) int {
	sub := int(t[3])
	p.printf("\n\t  %s Subtype (%d)", strName(names, sub, "unknown"), sub)
	return sub
}

// bits8 prints the eight bits of v, lowest first, as "%-2d ".
func (p *Printer) bits8(v uint8) {
	for i := 0; i < 8; i++ {
		p.printf("%-2d ", (v>>i)&1)
	}
}

// etsTable prints one of the ETS tables: a title, a header row and eight
// values, each "%-3d" (nibbles when half is set).
func (p *Printer) etsTable(title, head, val string, t []byte, half bool) {
	p.printf("\n\t    %s\n\t     %s: 0   1   2   3   4   5   6   7\n\t     %s: ", title, head, val)
	for i := 0; i < 8; i++ {
		var x byte
		switch {
		case !half:
			x = t[i]
		case i%2 == 0:
			x = t[i/2] >> 4
		default:
			x = t[i/2] & 0x0f
		}
		if i > 0 {
			p.puts(" ")
		}
		p.printf("%-3d", x)
	}
}

// lldpETSTables prints the priority assignment, TC bandwidth and TSA
// tables of the ETS TLVs.
func (p *Printer) lldpETSTables(t []byte) {
	p.etsTable("Priority Assignment Table", "Priority ", "Value    ", t[5:9], true)
	p.etsTable("TC Bandwidth Table", "TC%   ", "Value ", t[9:17], false)
	p.etsTable("TSA Assignment Table", "Traffic Class", "Value        ", t[17:25], false)
}

// lldp8021 is lldp_private_8021_print.
func (p *Printer) lldp8021(t []byte) bool {
	n := len(t)
	if n < 4 {
		return false
	}
	switch p.lldpSubtype(t, lldp8021Subtypes) {
	case 1:
		if n < 6 {
			return false
		}
		p.printf("\n\t    port vlan id (PVID): %d", p.u16(t, 4))
	case 2:
		if n < 7 {
			return false
		}
		p.printf("\n\t    port and protocol vlan id (PPVID): %d, flags [%s] (0x%02x)",
			p.u16(t, 5), bitNames(uint32(t[4]), lldpPPVIDFlags), t[4])
	case 3:
		if n < 6 {
			return false
		}
		p.printf("\n\t    vlan id (VID): %d", p.u16(t, 4))
		if n < 7 || n < 7+int(t[6]) {
			return false
		}
		p.puts("\n\t    vlan name: ")
		p.printZP(t[7 : 7+int(t[6])])
	case 4:
		if n < 5 || n < 5+int(t[4]) {
			return false
		}
		p.puts("\n\t    protocol identity: ")
		p.printZP(t[5 : 5+int(t[4])])
	case 8:
		if n < 6 {
			return false
		}
		for i, title := range []string{"Pre-Priority CNPV Indicator", "Pre-Priority Ready Indicator"} {
			p.printf("\n\t    %s\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ", title)
			p.bits8(t[4+i])
		}
	case 9:
		if n < 25 {
			return false
		}
		x := t[4]
		p.printf("\n\t    Willing:%d, CBS:%d, RES:%d, Max TCs:%d", x>>7, (x>>6)&0x02, (x>>3)&0x07, x&0x07)
		p.lldpETSTables(t)
	case 10:
		if n < 25 {
			return false
		}
		p.printf("\n\t    RES: %d", t[4])
		p.lldpETSTables(t)
	case 11:
		if n < 6 {
			return false
		}
		x := t[4]
		p.printf("\n\t    Willing: %d, MBC: %d, RES: %d, PFC cap:%d ", x>>7, (x>>6)&0x01, (x>>4)&0x03, x&0x0f)
		p.puts("\n\t    PFC Enable\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ")
		p.bits8(t[5])
	case 12:
		return p.lldpAppPriority(t)
	case 13:
		p.lldpEVB(t)
	case 14:
		return p.lldpCDCP(t)
	default:
		return true
	}
	return false
}

func (p *Printer) lldpAppPriority(t []byte) bool {
	n := len(t)
	if n < 5 {
		return false
	}
	p.printf("\n\t    RES: %d", t[4])
	if n <= 5 || (n-5)%3 != 0 {
		return false
	}
	p.puts("\n\t    Application Priority Table")
	for i := 0; i < n-5; i += 3 {
		x := t[i+5]
		p.printf("\n\t      Priority: %d, RES: %d, Sel: %d, Protocol ID: %d", x>>5, (x>>3)&0x03, x&0x07, p.u16(t, i+6))
	}
	return false
}

func (p *Printer) lldpEVB(t []byte) {
	if len(t) < 9 {
		return
	}
	x := t[4]
	p.printf("\n\t    EVB Bridge Status\n\t      RES: %d, BGID: %d, RRCAP: %d, RRCTR: %d", x>>3, (x>>2)&1, (x>>1)&1, x&1)
	x = t[5]
	p.printf("\n\t    EVB Station Status\n\t      RES: %d, SGID: %d, RRREQ: %d,RRSTAT: %d", x>>4, (x>>3)&1, (x>>2)&1, x&3)
	x = t[6]
	p.printf("\n\t    R: %d, RTE: %d, ", x>>5, x&0x1f)
	x = t[7]
	p.printf("EVB Mode: %s [%d]", lldpEVBModes[x>>6], x>>6)
	p.printf("\n\t    ROL: %d, RWD: %d, ", (x>>5)&1, x&0x1f)
	x = t[8]
	p.printf("RES: %d, ROL: %d, RKA: %d", x>>6, (x>>5)&1, x&0x1f)
}

func (p *Printer) lldpCDCP(t []byte) bool {
	n := len(t)
	if n < 8 {
		return false
	}
	x := t[4]
	p.printf("\n\t    Role: %d, RES: %d, Scomp: %d ", x>>7, (x>>4)&0x07, (x>>3)&0x01)
	p.printf("ChnCap: %d", p.u16(t, 6)&0x0fff)
	if (n-8)%3 != 0 {
		return false
	}
	for i := 0; i < n-8; i += 3 {
		v := p.u24(t, i+8)
		p.printf("\n\t    SCID: %d, SVID: %d", v>>12, v&0xfff)
	}
	return false
}

// lldp8023 is lldp_private_8023_print.
func (p *Printer) lldp8023(t []byte) bool {
	n := len(t)
	if n < 4 {
		return false
	}
	switch p.lldpSubtype(t, lldp8023Subtypes) {
	case 1:
		if n < 9 {
			return false
		}
		pmd, mau := uint32(p.u16(t, 5)), int(p.u16(t, 7))
		p.printf("\n\t    autonegotiation [%s] (0x%02x)", bitNames(uint32(t[4]), lldpSupportedEnabled), t[4])
		p.printf("\n\t    PMD autoneg capability [%s] (0x%04x)", bitNamesOr(pmd, lldpPMDCaps, "unknown"), pmd)
		p.printf("\n\t    MAU type %s (0x%04x)", strName(lldpMAUTypes, mau, "unknown"), mau)
	case 2:
		if n < 7 {
			return false
		}
		p.printf("\n\t    MDI power support [%s], power pair %s, power class %s",
			bitNames(uint32(t[4]), lldpMDIFlags), strName([]string{1: "signal", 2: "spare"}, int(t[5]), "unknown"),
			strName([]string{1: "class0", 2: "class1", 3: "class2", 4: "class3", 5: "class4"}, int(t[6]), "unknown"))
	case 3:
		if n < 9 {
			return false
		}
		p.printf("\n\t    aggregation status [%s], aggregation port ID %d",
			bitNames(uint32(t[4]), lldpSupportedEnabled), p.u32(t, 5))
	case 4:
		if n < 6 {
			return false
		}
		p.printf("\n\t    MTU size %d", p.u16(t, 4))
	default:
		return true
	}
	return false
}

// bitNamesOr is bittok2str with a default other than "none".
func bitNamesOr(v uint32, names []bitName, def string) string {
	s := bitNames(v, names)
	if s == "none" {
		for _, n := range names {
			if v&n.bit != 0 {
				return s
			}
		}
		return def
	}
	return s
}

// lldpIANA is lldp_private_iana_print.
func (p *Printer) lldpIANA(t []byte) bool {
	if len(t) < 8 {
		return false
	}
	if p.lldpSubtype(t, []string{1: "MUD-URL"}) != 1 {
		return true
	}
	p.puts("\n\t  MUD-URL=")
	for _, c := range t[4:] {
		p.fnPrintChar(c)
	}
	return false
}

// lldpTIA is lldp_private_tia_print (LLDP-MED).
func (p *Printer) lldpTIA(t []byte) bool {
	n := len(t)
	if n < 4 {
		return false
	}
	sub := p.lldpSubtype(t, lldpTIASubtypes)
	switch sub {
	case 1:
		if n < 7 {
			return false
		}
		c := uint32(p.u16(t, 4))
		p.printf("\n\t    Media capabilities [%s] (0x%04x)", bitNames(c, lldpTIACaps), c)
		p.printf("\n\t    Device type [%s] (0x%02x)", strName(lldpTIADeviceTypes, int(t[6]), "unknown"), t[6])
	case 2:
		if n < 8 {
			return false
		}
		p.printf("\n\t    Application type [%s] (0x%02x)", strName(lldpTIAAppTypes, int(t[4]), "none"), t[4])
		p.printf(", Flags [%s]", bitNames(uint32(t[5]), lldpTIAPolicyFlags))
		p.printf("\n\t    Vlan id %d", (p.u16(t, 5)&0x1ffe)>>1)
		p.printf(", L2 priority %d", (p.u16(t, 6)&0x01ff)>>6)
		p.printf(", DSCP value %d", p.u16(t, 6)&0x003f)
	case 3:
		return p.lldpTIALocation(t)
	case 4:
		if n < 7 {
			return false
		}
		x := t[4]
		p.printf("\n\t    Power type [%s]", cond(x&3 != 0, "PD device", "PSE device"))
		p.printf(", Power source [%s]", strName([]string{1: "PSE - primary power source",
			2: "local - backup power source", 3: "PSE+local - reserved"}, int(x&0x30)>>4, "none"))
		p.printf("\n\t    Power priority [%s] (0x%02x)", strName([]string{1: "critical", 2: "high", 3: "low"},
			int(x&0x0f), "none"), x&0x0f)
		if pw := p.u16(t, 5); pw < 1024 {
			p.printf(", Power %.1f Watts", float32(pw)/10)
		} else {
			p.printf(", Power %d (Reserved)", pw)
		}
	case 5, 6, 7, 8, 9, 10, 11:
		p.printf("\n\t  %s ", lldpTIAInventory[sub])
		p.printZP(t[4:])
	default:
		return true
	}
	return false
}

// latlon extracts a 34-bit LLDP-MED coordinate.
func latlon(t []byte) uint64 {
	return uint64(t[0]&3)<<32 | uint64(t[1])<<24 | uint64(t[2])<<16 | uint64(t[3])<<8 | uint64(t[4])
}

func (p *Printer) lldpTIALocation(t []byte) bool {
	n := len(t)
	if n < 5 {
		return false
	}
	format := int(t[4])
	p.printf("\n\t    Location data format %s (0x%02x)", strName([]string{1: "coordinate-based LCI",
		2: "civic address LCI", 3: "ECS ELIN"}, format, "unknown"), format)
	switch format {
	case 1:
		if n < 21 {
			return false
		}
		p.printf("\n\t    Latitude resolution %d, latitude value %d", t[5]>>2, latlon(t[5:]))
		p.printf("\n\t    Longitude resolution %d, longitude value %d", t[10]>>2, latlon(t[10:]))
		p.printf("\n\t    Altitude type %s (%d)", strName([]string{1: "meters", 2: "floors"}, int(t[15]>>4), "unknown"), t[15]>>4)
		p.printf("\n\t    Altitude resolution %d, altitude value 0x%x", (p.u16(t, 15)>>6)&0x3f, p.u32(t, 16)&0x3fffffff)
		p.printf("\n\t    Datum %s (0x%02x)", strName(lldpDatums, int(t[20]), "unknown"), t[20])
	case 2:
		return p.lldpCivic(t)
	case 3:
		p.puts("\n\t    ECS ELIN id ")
		p.printZP(t[5:])
	default:
		p.puts("\n\t    Location ID ")
		p.unknownData(t[5:], 0, "\n\t      ", n-5)
	}
	return false
}

// lldpCivic prints a civic address LCI.
func (p *Printer) lldpCivic(t []byte) bool {
	n := len(t)
	if n < 6 {
		return false
	}
	lci := int(t[5])
	if lci < 3 || n < 7+lci {
		return false
	}
	p.printf("\n\t    LCI length %d, LCI what %s (0x%02x), Country-code ", lci,
		strName(lldpLCIWhat, int(t[6]), "unknown"), t[6])
	p.printZP(t[7:9])
	lci -= 3
	off := 9
	for lci > 0 {
		if lci < 2 {
			return false
		}
		typ, l := int(t[off]), int(t[off+1])
		off += 2
		lci -= 2
		p.printf("\n\t      CA type '%s' (%d), length %d: ", strName(lldpCATypes, typ, "unknown"), typ, l)
		if typ == 0 || l == 0 || lci < l {
			return false
		}
		p.printZP(t[off : off+l])
		off += l
		lci -= l
	}
	return false
}

// lldpDCBX is lldp_private_dcbx_print (DCBX 1.01).
func (p *Printer) lldpDCBX(t []byte) bool {
	if len(t) < 4 {
		return false
	}
	sub := int(t[3])
	p.printf("\n\t  %s Subtype (%d)", strName([]string{1: "DCB Capability Exchange Protocol Rev 1",
		2: "DCB Capability Exchange Protocol Rev 1.01"}, sub, "unknown"), sub)
	if sub == 1 {
		return true
	}
	hexdump := false
	for off := 4; len(t)-off >= 2; {
		tlv := p.u16(t, off)
		typ, n := int(tlv>>9), int(tlv&0x1ff)
		off += 2
		hexdump = false
		if typ == 0 || n == 0 || len(t)-off < n {
			break
		}
		v := t[off : off+n]
		ok := true
		switch typ {
		case 1:
			ok = p.dcbxControl(v)
		case 2:
			ok = p.dcbxPG(v)
		case 3:
			ok = p.dcbxPFC(v)
		case 4:
			ok = p.dcbxApp(v)
		default:
			hexdump = true
		}
		if !ok {
			break
		}
		if p.o.Verbose > 1 || hexdump {
			p.unknownData(v, 0, "\n\t    ", n)
		}
		off += n
	}
	return hexdump
}

func (p *Printer) dcbxHeader(name string, typ int, v []byte, info bool) {
	p.printf("\n\t    %s (type 0x%x, length %d)", name, typ, len(v))
	p.printf("\n\t      Oper_Version: %d", v[0])
	p.printf("\n\t      Max_Version: %d", v[1])
	if info {
		x := v[2]
		p.printf("\n\t      Info block(0x%02X): Enable bit: %d, Willing bit: %d, Error Bit: %d",
			x, x>>7, (x>>6)&1, (x>>5)&1)
		p.printf("\n\t      SubType: %d", v[3])
	}
}

func (p *Printer) dcbxControl(v []byte) bool {
	if len(v) < 10 {
		return false
	}
	p.dcbxHeader("Control - Protocol Control", 1, v, false)
	p.printf("\n\t      Sequence Number: %d", p.u32(v, 2))
	p.printf("\n\t      Acknowledgement Number: %d", p.u32(v, 6))
	return true
}

func (p *Printer) dcbxPG(v []byte) bool {
	if len(v) < 17 {
		return false
	}
	p.dcbxHeader("Feature - Priority Group", 2, v, true)
	p.puts("\n\t      Priority Allocation")
	pg := p.u32(v, 4)
	for i := 0; i < 8; i++ {
		p.printf("\n\t          PgId_%d: %d", i, (pg>>(28-4*i))&0xf)
	}
	p.puts("\n\t      Priority Group Allocation")
	for i := 0; i < 8; i++ {
		p.printf("\n\t          Pg percentage[%d]: %d", i, v[8+i])
	}
	p.printf("\n\t      NumTCsSupported: %d", v[16])
	return true
}

func (p *Printer) dcbxPFC(v []byte) bool {
	if len(v) < 6 {
		return false
	}
	p.dcbxHeader("Feature - Priority Flow Control", 3, v, true)
	p.printf("\n\t      PFC Config (0x%02X)", v[4])
	for i := 0; i < 8; i++ {
		p.printf("\n\t          Priority Bit %d: %s", i, cond(v[4]&(1<<i) != 0, "Enabled", "Disabled"))
	}
	p.printf("\n\t      NumTCPFCSupported: %d", v[5])
	return true
}

func (p *Printer) dcbxApp(v []byte) bool {
	if len(v) < 4 {
		return false
	}
	p.dcbxHeader("Feature - Application", 4, v, true)
	for m := v[4:]; len(m) >= 6; m = m[6:] {
		u := p.u24(m, 2)
		p.printf("\n\t      Application Value\n\t          Application Protocol ID: 0x%04x", p.u16(m, 0))
		p.printf("\n\t          SF (0x%x) Application Protocol ID is %s", u>>22, cond(u>>22 != 0, "Socket Number", "L2 EtherType"))
		p.printf("\n\t          OUI: 0x%06x", u&0x3fffff)
		p.printf("\n\t          User Priority Map: 0x%02x", m[5])
	}
	return true
}

// lldpNetAddr is lldp_network_addr_print.
func (p *Printer) lldpNetAddr(t []byte) (string, bool) {
	if len(t) < 1 {
		return "", false
	}
	af := uint32(t[0])
	name := tokOr(afNames, af, "Unknown")
	var s string
	switch af {
	case 1:
		if len(t) < 5 {
			return "", false
		}
		s = p.names.ip4(t[1:])
	case 2:
		if len(t) < 17 {
			return "", false
		}
		s = p.names.ip6(t[1:])
	case 6:
		if len(t) < 7 {
			return "", false
		}
		s = p.names.ether(t[1:])
	default:
		return fmt.Sprintf("AFI %s (%d), no AF printer !", name, af), true
	}
	return fmt.Sprintf("AFI %s (%d): %s", name, af, s), true
}

// lldpMgmtAddr is lldp_mgmt_addr_tlv_print.
func (p *Printer) lldpMgmtAddr(t []byte) bool {
	if len(t) < 1 {
		return false
	}
	alen := int(t[0])
	t = t[1:]
	if len(t) < alen {
		return false
	}
	s, ok := p.lldpNetAddr(t[:alen])
	if !ok {
		return false
	}
	p.printf("\n\t  Management Address length %d, %s", alen, s)
	t = t[alen:]
	if len(t) < 5 {
		return false
	}
	p.printf("\n\t  %s Interface Numbering (%d): %d",
		strName([]string{2: "Interface Index", 3: "System Port Number"}, int(t[0]), "Unknown"), t[0], p.u32(t, 1))
	t = t[5:]
	if len(t) > 0 {
		oid := int(t[0])
		if len(t) < 1+oid {
			return false
		}
		if oid > 0 {
			p.printf("\n\t  OID length %d", oid)
			p.printZP(t[1 : 1+oid])
		}
	}
	return true
}
