package printer

import (
	"fmt"
	"net"
	"strconv"
	"sync"
)

// Ethernet types tcpdump names (print-ether.c ethertype_values).
var etherTypeNames = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{
		0x0800: "IPv4", 0x8847: "MPLS unicast", 0x8848: "MPLS multicast", 0x86dd: "IPv6",
		0x8100: "802.1Q", 0x9100: "802.1Q-9100", 0x88a8: "802.1Q-QinQ", 0x9200: "802.1Q-9200",
		0x88e5: "802.1AE MACsec", 0x0200: "PUP", 0x0806: "ARP", 0x8035: "Reverse ARP",
		0x0600: "NS", 0x0500: "Sprite", 0x1000: "Trail", 0x6001: "MOP DL", 0x6002: "MOP RC",
		0x6003: "DN", 0x6004: "LAT", 0x6007: "SCA", 0x6558: "TEB", 0x8038: "Lanbridge",
		0x803c: "DEC DNS", 0x803e: "DEC DTS", 0x805b: "VEXP", 0x805c: "VPROD",
		0x809b: "Appletalk", 0x80f3: "Appletalk ARP", 0x8137: "IPX", 0x880b: "PPP",
		0x8808: "MPCP", 0x8809: "Slow Protocols", 0x8863: "PPPoE D", 0x8864: "PPPoE S",
		0x888e: "EAPOL", 0x8899: "Realtek protocols", 0x886f: "MS NLB heartbeat",
		0x8870: "Jumbo", 0x894f: "NSH", 0x9000: "Loopback", 0xfefe: "OSI", 0x00fe: "GRE-OSI",
		0xabcd: "CFM (old)", 0x8902: "CFM", 0x893a: "IEEE1905.1", 0x88cc: "LLDP",
		0x88ca: "TIPC", 0x0707: "GeoNet (old)", 0x8947: "GeoNet", 0x1111: "CALM FAST",
		0x88a2: "AoE", 0x88f7: "PTP", 0xd28b: "Arista Vendor Specific Protocol",
	}
})

// etherTypesDissected are the ethertypes tcpdump's ethertype_print hands to
// a protocol printer this package does not implement.
var etherTypesDissected = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{
		0x6003: "decnet", 0x809b: "atalk", 0x80f3: "aarp", 0x8137: "ipx", 0xfefe: "isoclns",
		0x8863: "pppoe", 0x8864: "pppoe", 0x3c12: "pppoe", 0x3c13: "pppoe", 0x888e: "eapol",
		0x8899: "rtl", 0x880b: "ppp", 0x8808: "mpcp", 0x8809: "slow", 0x8902: "cfm",
		0xabcd: "cfm", 0x88cc: "lldp", 0x894f: "nsh", 0x9000: "loopback", 0x8847: "mpls",
		0x8848: "mpls", 0x88ca: "tipc", 0x886f: "msnlb", 0x0707: "geonet", 0x8947: "geonet",
		0x1111: "calm_fast", 0x88a2: "aoe", 0x88f7: "ptp", 0x88e5: "macsec", 0x8870: "llc",
		0xd28b: "arista",
	}
})

func etherTypeName(t uint16) string {
	if n, ok := etherTypeNames()[t]; ok {
		return n
	}
	return "Unknown"
}

// etherTypeString is ether_type_print: "ethertype IPv4 (0x0800)", or with
// -q just the name.
func (p *Printer) etherTypeString(t uint16) string {
	if !p.o.Quick {
		return fmt.Sprintf("ethertype %s (0x%04x)", etherTypeName(t), t)
	}
	if n, ok := etherTypeNames()[t]; ok {
		return n
	}
	return fmt.Sprintf("Unknown Ethertype (0x%04x)", t)
}

func vlanTCI(tci uint16) string {
	s := fmt.Sprintf("vlan %d, p %d", tci&0xfff, tci>>13)
	if tci&0x1000 != 0 {
		s += ", DEI"
	}
	return s
}

// ether is ether_common_print; it returns the link header length.
func (p *Printer) ether(b []byte, length int) int {
	p.enter("ether")
	caplen := len(b)
	if length < caplen {
		p.printf("[length %d < caplen %d]", length, caplen)
		p.invalid()
		return length
	}
	if caplen < 14 {
		p.printTrunc()
		return caplen
	}
	origLen := length
	src, dst := b[6:12], b[0:6]
	if p.o.Ether {
		p.printf("%s > %s, ", p.names.ether(src), p.names.ether(dst))
	}
	hdr := 12
	printedLen := false
	typ := p.u16(b, hdr)
	hdr += 2
	length -= 14
	for typ == 0x8100 || typ == 0x9100 || typ == 0x9200 || typ == 0x88a8 {
		p.enter("vlan")
		if len(b)-hdr < 4 || length < 4 {
			p.printTrunc()
			return hdr + min(len(b)-hdr, length)
		}
		if p.o.Ether {
			p.puts(p.etherTypeString(typ))
			if !printedLen {
				p.printf(", length %d: ", origLen)
				printedLen = true
			} else {
				p.puts(", ")
			}
			p.printf("%s, ", vlanTCI(p.u16(b, hdr)))
		}
		typ = p.u16(b, hdr+2)
		hdr += 4
		length -= 4
	}
	body := b[hdr:]
	if typ <= 1500 {
		return hdr + p.ether8023(body, length, int(typ), printedLen, src, dst)
	}
	if typ == 0x8870 || typ == 0xd28b || typ == 0x88e5 {
		p.unsupport(etherTypesDissected()[typ])
		if p.o.Ether {
			p.puts(p.etherTypeString(typ))
			p.printf(", length %d: ", origLen)
		}
		p.defaultPrint(body)
		return hdr
	}
	if p.o.Ether {
		p.puts(p.etherTypeString(typ))
		if !printedLen {
			p.printf(", length %d: ", origLen)
		} else {
			p.puts(", ")
		}
	}
	if !p.etherType(typ, body, length) {
		if !p.o.Ether {
			p.printf("%s > %s, %s, length %d: ", p.names.ether(src), p.names.ether(dst), p.etherTypeString(typ), origLen)
		}
		p.defaultPrint(body)
	}
	return hdr
}

// ether8023 handles a length field: the frame is clipped to it and
// carries an 802.2 LLC header. It returns the LLC header length.
func (p *Printer) ether8023(b []byte, length, typ int, printedLen bool, src, dst []byte) int {
	if typ < length {
		length = typ
		b = clip(b, length)
	}
	if p.o.Ether {
		p.puts("802.3")
		if !printedLen {
			p.printf(", length %d: ", length)
		}
	}
	n := p.llc(b, length, src, dst)
	if n < 0 {
		p.defaultPrint(b)
		n = -n
	}
	return n
}

// etherType is ethertype_print for the protocols this package decodes; it
// returns false for an ethertype tcpdump does not know either (the caller
// then prints the generic header and a hex dump).
func (p *Printer) etherType(typ uint16, b []byte, length int) bool {
	switch typ {
	case 0x0800:
		p.ip(b, length)
	case 0x86dd:
		p.ip6(b, length)
	case 0x0806, 0x8035:
		p.arp(b, length)
	case 0x8847, 0x8848:
		p.mpls(b, length)
	case 0x888e:
		p.eapol(b)
	case 0x8809:
		p.slow(b, length)
	case 0x88cc:
		p.lldp(b, length)
	case 0x9000:
		p.loopback(b, length)
	case 0x8863, 0x8864, 0x3c12, 0x3c13:
		p.pppoe(b, length)
	case 0x880b:
		if length > 0 {
			p.puts(": ")
			p.ppp(b, 0, length)
		}
	case 0x6003:
		p.decnet(b, length)
	case 0xfefe:
		if length == 0 || len(b) == 0 {
			p.enter("isoclns")
			p.printTrunc()
			break
		}
		p.isoclns(b[1:], length-1)
	case 0x8137:
		p.puts("(NOV-ETHII) ")
		p.ipx(b)
	default:
		name, ok := etherTypesDissected()[typ]
		if !ok {
			p.enter(fmt.Sprintf("ethertype-0x%04x", typ))
			return false
		}
		p.unsupport(name)
		p.defaultPrint(b)
	}
	return true
}

var sllPktTypes = []string{"In", "B", "M", "P", "Out"}

func sllPktType(t int) string {
	if t >= 0 && t < len(sllPktTypes) {
		return sllPktTypes[t]
	}
	return "?"
}

// sllHeader prints sll_print/sll2_print, the -e form of the cooked header.
func (p *Printer) sllHeader(halen int, addr []byte, proto uint16, length int) {
	if halen == 6 {
		p.printf("%s ", p.names.ether(addr[:6]))
	}
	if p.o.Quick {
		return
	}
	if proto <= 1500 {
		switch proto {
		case 1:
			p.puts("802.3")
		case 4:
			p.puts("802.2")
		default:
			p.printf("ethertype Unknown (0x%04x)", proto)
		}
	} else {
		p.printf("ethertype %s (0x%04x)", etherTypeName(proto), proto)
	}
	p.printf(", length %d: ", length)
}

// sll is sll_if_print (LINUX_SLL, 16-byte header).
func (p *Printer) sll(b []byte, length int) {
	p.enter("sll")
	p.needHard(b, 16)
	pkttype := int(p.u16(b, 0))
	halen := int(p.u16(b, 4))
	proto := p.u16(b, 14)
	header := func(l int) {
		p.printf("%3s ", sllPktType(pkttype))
		p.sllHeader(halen, b[6:14], proto, l)
	}
	p.cooked(b, length, 16, p.u16(b, 2), proto, header)
}

// sll2 is sll2_if_print (LINUX_SLL2, 20-byte header with interface index).
func (p *Printer) sll2(b []byte, length int) {
	p.enter("sll2")
	p.needHard(b, 20)
	ifindex := int(p.u32(b, 4))
	p.printf("%-5s ", p.ifName(ifindex))
	p.printf("%-3s ", sllPktType(int(b[10])))
	halen := int(b[11])
	proto := p.u16(b, 0)
	header := func(l int) {
		p.printf("ifindex %d ", ifindex)
		p.sllHeader(halen, b[12:20], proto, l)
	}
	p.cooked(b, length, 20, p.u16(b, 8), proto, header)
}

// cooked is what sll_if_print and sll2_if_print share once their header
// fields are read: the -e header, hatype 803 (ARPHRD_IEEE80211_RADIOTAP,
// not decoded here) and the payload after the hdrLen-byte header.
func (p *Printer) cooked(b []byte, length, hdrLen int, hatype, proto uint16, header func(int)) {
	if p.o.Ether {
		header(length)
	}
	if hatype == 803 {
		p.unsupport("802.11-radio")
		p.llHdrLen = hdrLen
		return
	}
	p.llHdrLen = hdrLen
	p.cookedPayload(b[hdrLen:], length-hdrLen, proto, func() { header(length) })
}

// cookedPayload is the shared tail of sll_if_print and sll2_if_print.
func (p *Printer) cookedPayload(b []byte, length int, proto uint16, header func()) {
	for {
		if proto <= 1500 {
			p.cookedLLC(b, length, proto)
			return
		}
		if proto != 0x8100 {
			break
		}
		p.enter("vlan")
		if len(b) < 4 {
			p.printTrunc()
			p.llHdrLen += len(b)
			return
		}
		if p.o.Ether {
			p.printf("%s, ", vlanTCI(p.u16(b, 0)))
		}
		proto = p.u16(b, 2)
		if proto <= 1500 {
			proto = 4
		}
		if !p.o.Quick {
			p.printf("ethertype %s, ", etherTypeName(proto))
		}
		b = b[4:]
		length -= 4
		p.llHdrLen += 4
	}
	if !p.etherType(proto, b, length) {
		if !p.o.Ether {
			header()
		}
		p.defaultPrint(b)
	}
}

// ifName resolves an SLL2 interface index like if_indextoname(3).
func (p *Printer) ifName(idx int) string {
	if p.o.IfName != nil {
		return p.o.IfName(idx)
	}
	return p.names.ifName(idx)
}

// raw is raw_if_print (LINKTYPE_RAW): IPv4 or IPv6 by version nibble.
func (p *Printer) raw(b []byte, length int) {
	p.enter("raw")
	if p.o.Ether {
		p.puts("ip: ")
	}
	p.ipByVersion(b, length)
}

var bsdAFs = sync.OnceValue(func() map[uint32]string {
	return map[uint32]string{2: "IPv4", 6: "NS", 7: "ISO", 16: "Appletalk", 23: "IPX", 24: "IPv6", 28: "IPv6", 30: "IPv6"}
})

// nullHeader is null_hdr_print (the -e form of the BSD loopback header).
func (p *Printer) nullHeader(family uint32, length int) {
	name, ok := bsdAFs()[family]
	switch {
	case !p.o.Quick && ok:
		p.printf("AF %s (%d)", name, family)
	case !p.o.Quick:
		p.printf("AF Unknown (%d)", family)
	case ok:
		p.puts(name)
	default:
		p.printf("Unknown AF %d", family)
	}
	p.printf(", length %d: ", length)
}

// null is null_if_print (BSD loopback: a 4-byte AF_ value in the
// capturing host's byte order).
func (p *Printer) null(b []byte, length int) {
	p.enter("null")
	p.needHard(b, 4)
	p.llHdrLen = 4
	family := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	if family&0xffff0000 != 0 {
		family = uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
	}
	if p.o.Ether {
		p.nullHeader(family, length)
	}
	switch family {
	case 2:
		p.ip(b[4:], length-4)
	case 24, 28, 30:
		p.ip6(b[4:], length-4)
	case 23:
		p.ipx(b[4:])
	case 7:
		p.isoclns(b[4:], length-4)
	case 16:
		p.unsupport("null-af-" + strconv.Itoa(int(family)))
	default:
		if !p.o.Ether {
			p.nullHeader(family, length)
		}
		p.defaultPrint(b[4:])
	}
}

// ipByVersion dispatches on the IP version nibble (raw and IP-in-X).
func (p *Printer) ipByVersion(b []byte, length int) {
	if length < 1 {
		p.printf("truncated-ip %d", length)
		return
	}
	switch p.u8(b, 0) >> 4 {
	case 4:
		p.ip(b, length)
	case 6:
		p.ip6(b, length)
	default:
		p.printf("unknown ip %d", b[0]>>4)
	}
}

// sysIfName is if_indextoname(3): the name of an interface of the current
// network namespace (asked over netlink, so it stays right after setns(2)
// even when /sys belongs to another namespace), "?" when there is none.
func sysIfName(idx int) string {
	ifc, err := net.InterfaceByIndex(idx)
	if err != nil || ifc.Name == "" {
		return "?"
	}
	return ifc.Name
}

// cookedLLC is the SLL/SLL2 handling of protocol values below 1536:
// 802.2 frames go to the LLC printer, the rest are dumped.
func (p *Printer) cookedLLC(b []byte, length int, proto uint16) {
	switch proto {
	case 4:
		n := p.llc(b, length, nil, nil)
		if n >= 0 {
			p.llHdrLen += n
			return
		}
	case 1:
		p.ipx(b)
		return
	}
	p.defaultPrint(b)
}
