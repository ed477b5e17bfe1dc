package printer

import "time"

// udpPort is one entry of udp_print's port dispatch, in tcpdump's order.
type udpPort struct {
	name  string
	match func(sport, dport uint16) bool
}

func either(ports ...uint16) func(sport, dport uint16) bool {
	return func(sport, dport uint16) bool {
		for _, n := range ports {
			if sport == n || dport == n {
				return true
			}
		}
		return false
	}
}

func dst(ports ...uint16) func(sport, dport uint16) bool {
	return func(_, dport uint16) bool { return either(ports...)(dport, dport) }
}

// udpPorts is udp_print's dispatch order (tcpdump 4.99.3 built without
// SMB, so NetBIOS ports print as plain UDP). Names this package decodes
// are handled in udpPayload; the rest are flagged unsupported.
var udpPorts = []udpPort{
	{"domain", either(53)}, {"mdns", either(5353)}, {"timed", either(525)}, {"tftp", either(69)},
	{"bootp", either(67, 68)}, {"rip", either(520)}, {"aodv", either(654)}, {"isakmp", either(500)},
	{"isakmp-natt", either(4500)}, {"isakmp", either(7500, 8500)}, {"snmp", either(161, 162)},
	{"ntp", either(123)}, {"krb", either(88, 750)}, {"l2tp", either(1701)}, {"vat", dst(3456)},
	{"zephyr", either(2103, 2104)}, {"rx", func(s, d uint16) bool { return (s >= 7000 && s <= 7009) || (d >= 7000 && d <= 7009) }},
	{"ripng", either(521)}, {"dhcp6", either(546, 547)}, {"ahcp", either(5359)}, {"babel", either(6696, 6697)},
	{"hncp", either(8231)}, {"wb", dst(4567)}, {"cisco-autorp", either(496)},
	{"radius", either(1645, 1812, 1646, 1813, 1700, 3799)}, {"hsrp", dst(1985)}, {"lwres", either(921)},
	{"ldp", either(646)}, {"olsr", either(698)}, {"lspping", either(3503)},
	{"bcm-li", func(s, _ uint16) bool { return s == 49152 }}, {"bfd", dst(3784, 4784, 6784, 3785)},
	{"lmp", either(701)}, {"vqp", either(1589)}, {"sflow", either(6343)}, {"lwapp", dst(12223)},
	{"lwapp", func(s, _ uint16) bool { return s == 12223 }}, {"lwapp", either(12222)}, {"sip", either(5060)},
	{"syslog", either(514)}, {"otv", either(8472)}, {"vxlan", either(4789)}, {"geneve", either(6081)},
	{"lisp", either(4342)}, {"vxlan-gpe", either(4790)}, {"zep", either(17754)}, {"mpls", either(6635)},
}

// udpPortsLate follow the AppleTalk check in udp_print.
var udpPortsLate = []udpPort{{"ptp", either(319, 320)}, {"someip", either(30490)}}

// udp is udp_print.
func (p *Printer) udp(b []byte, length int, h *ipHdr) {
	p.enter("udp")
	defer p.catchSoft()
	ports := func(sport, dport int) {
		switch {
		case h.firstNH == 17 && sport < 0:
			p.printf("%s: ", p.srcDst(h))
		case h.firstNH == 17:
			p.printf("%s.%s > %s.%s: ", p.addr(h, h.src), p.names.udpPort(uint16(sport)), p.addr(h, h.dst), p.names.udpPort(uint16(dport)))
		case sport >= 0:
			p.printf("%s > %s: ", p.names.udpPort(uint16(sport)), p.names.udpPort(uint16(dport)))
		}
	}
	if len(b) < 4 {
		ports(-1, -1)
		p.softTrunc()
	}
	sport, dport := p.u16(b, 0), p.u16(b, 2)
	if length < 8 {
		ports(int(sport), int(dport))
		p.printf("truncated-udp %d", length)
		return
	}
	if len(b) < 6 {
		ports(int(sport), int(dport))
		p.softTrunc()
	}
	ulen := int(p.u16(b, 4))
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		ports(int(sport), int(dport))
		p.printf("truncated-udplength %d", ulen)
		return
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if len(b) < 8 {
		ports(int(sport), int(dport))
		p.softTrunc()
	}
	ports(int(sport), int(dport))
	cp := b[8:]
	if !p.o.Quick && p.nfsPorts(cp, sport, dport) {
		return
	}
	if p.o.Verbose > 0 && !h.fragment {
		p.udpChecksum(b, cp, length, h)
	}
	if !p.o.Quick && p.udpPayload(cp, length, sport, dport, h) {
		return
	}
	if ulen > length && !h.fragment {
		p.printf("UDP, bad length %d > %d", ulen, length)
	} else {
		p.printf("UDP, length %d", ulen)
	}
}

// nfsPorts flags NFS over UDP (port 2049 with an RPC direction word).
func (p *Printer) nfsPorts(cp []byte, sport, dport uint16) bool {
	if len(cp) < 8 || (sport != 2049 && dport != 2049) {
		return false
	}
	dir := uint32(cp[4])<<24 | uint32(cp[5])<<16 | uint32(cp[6])<<8 | uint32(cp[7])
	if (dport == 2049 && dir == 0) || (sport == 2049 && dir == 1) {
		p.unsupport("nfs")
		return true
	}
	return false
}

func (p *Printer) udpChecksum(b, cp []byte, length int, h *ipHdr) {
	if !h.v6 && p.o.Verbose < 2 {
		return
	}
	stored := p.u16(b, 6)
	if !h.v6 && stored == 0 {
		p.puts("[no cksum] ")
		return
	}
	if len(cp) < length {
		return
	}
	sum := checksum(pseudoSum(h, 17, length+8), b[:length+8])
	if sum != 0 {
		p.printf("[bad udp cksum 0x%04x -> 0x%04x!] ", stored, cksumShouldBe(stored, sum))
	} else {
		p.puts("[udp sum ok] ")
	}
}

// udpPayload dispatches on ports; false means print the generic line.
func (p *Printer) udpPayload(cp []byte, length int, sport, dport uint16, h *ipHdr) bool {
	for _, e := range udpPorts {
		if e.match(sport, dport) && e.name == "rx" {
			p.rx(cp, length, sport, dport, h)
			return true
		} else if e.match(sport, dport) && e.name == "isakmp" {
			p.isakmp(cp, length, h)
			return true
		} else if e.match(sport, dport) && e.name == "isakmp-natt" {
			p.isakmpNATT(cp, length, h)
			return true
		} else if e.match(sport, dport) {
			return p.udpProto(e.name, cp, length)
		}
	}
	if len(cp) >= 3 && cp[2] == 2 && (atalkPort(sport) || atalkPort(dport)) {
		p.unsupport("llap")
		return true
	}
	for _, e := range udpPortsLate {
		if e.match(sport, dport) {
			return p.udpProto(e.name, cp, length)
		}
	}
	return false
}

func (p *Printer) udpProto(name string, cp []byte, length int) bool {
	switch name {
	case "domain":
		p.dns(cp, length, false, false)
	case "mdns":
		p.dns(cp, length, false, true)
	case "bootp":
		p.bootp(cp, length)
	case "ntp":
		p.ntp(cp, length)
	case "snmp":
		p.snmp(cp, length)
	case "krb":
		p.krb(cp)
	case "tftp":
		p.tftp(cp, length)
	case "syslog":
		p.syslog(cp, length)
	case "vxlan":
		p.vxlan(cp, length)
	case "geneve":
		p.geneve(cp, length)
	case "mpls":
		p.mpls(cp, length)
	case "radius":
		p.radius(cp, length)
	case "babel":
		p.babel(cp, length)
	case "ahcp":
		p.ahcp(cp, length)
	case "ldp":
		p.ldp(cp, length)
	case "sflow":
		p.sflow(cp, length)
	case "dhcp6":
		p.dhcp6(cp, length)
	case "sip":
		p.txtProto(cp, length, "sip", sipCmds)
	case "cisco-autorp":
		p.ciscoAutoRP(cp, length)
	case "rip":
		p.rip(cp, length)
	case "ripng":
		p.ripng(cp, length)
	default:
		p.unsupport(name)
	}
	return true
}

// atalkPort is appletalk.h's atalk_port: the DDP-in-UDP port ranges.
func atalkPort(port uint16) bool {
	return port-16512 < 128 || port-200 < 128 || port-768 < 128
}

var bootpOps = map[uint8]string{1: "Request", 2: "Reply"}

// bootp is bootp_print without -v; the -v option decode is not
// implemented (flagged unsupported).
func (p *Printer) bootp(b []byte, length int) {
	p.enter("bootp")
	defer p.catchSoft()
	op := p.u8(b, 0)
	if s, ok := bootpOps[op]; ok {
		p.printf("BOOTP/DHCP, %s", s)
	} else {
		p.printf("BOOTP/DHCP, unknown (0x%02x)", op)
	}
	htype, hlen := p.u8(b, 1), p.u8(b, 2)
	if htype == 1 && hlen == 6 && op == 1 {
		p.printf(" from %s", p.names.ether(p.bytes(b, 28, 6)))
	}
	p.printf(", length %d", length)
	if p.o.Verbose > 0 {
		p.bootpVerbose(b, htype, hlen)
	}
}

var ntpModes = []string{"unspecified", "symmetric active", "symmetric passive", "Client", "Server", "Broadcast", "Control Message", "Reserved"}

var ntpLeap = map[uint8]string{0x00: "", 0x40: "+1s", 0x80: "-1s", 0xc0: "clock unsynchronized"}

// ntp is ntp_print; with -v the time-message fields or the control
// message header (ntpControl).
func (p *Printer) ntp(b []byte, length int) {
	p.enter("ntp")
	defer p.catchSoft()
	st := p.u8(b, 0)
	mode := st & 7
	p.printf("NTPv%d", (st>>3)&7)
	if p.o.Verbose == 0 {
		p.printf(", %s, length %d", ntpModes[mode], length)
		return
	}
	p.printf(", %s, length %d\n", ntpModes[mode], length)
	p.printf("\tLeap indicator: %s (%d)", ntpLeap[st&0xc0], st&0xc0)
	switch mode {
	case 0, 1, 2, 3, 4, 5:
		p.ntpTime(b, length)
	case 6:
		p.ntpControl(b, length)
	}
}

func (p *Printer) ntpTime(b []byte, length int) {
	if length < 48 {
		p.invalid()
		p.need(b, length)
		return
	}
	stratum := p.u8(b, 1)
	name := "reserved"
	switch {
	case stratum == 0:
		name = "unspecified"
	case stratum == 1:
		name = "primary reference"
	case stratum <= 15:
		name = "secondary reference"
	}
	p.printf(", Stratum %d (%s)", stratum, name)
	poll := int8(p.u8(b, 2))
	p.printf(", poll %d", poll)
	if poll > -32 && poll < 32 {
		if poll >= 0 {
			p.printf(" (%ds)", uint32(1)<<poll)
		} else {
			p.printf(" (1/%ds)", uint32(1)<<-poll)
		}
	}
	p.printf(", precision %d", int8(p.u8(b, 3)))
	p.need(b, 8)
	p.puts("\n\tRoot Delay: ")
	p.ntpShortFix(b, 4)
	p.need(b, 12)
	p.puts(", Root dispersion: ")
	p.ntpShortFix(b, 8)
	p.need(b, 16)
	p.puts(", Reference-ID: ")
	switch stratum {
	case 0:
		p.puts("(unspec)")
	case 1:
		for _, c := range p.bytes(b, 12, 4) {
			p.fnPrintChar(c)
		}
	case 62, 63:
		p.printf("%s %s", p.names.ip4(p.bytes(b, 12, 4)), cond(stratum == 62, "INFO_QUERY", "INFO_REPLY"))
		return
	default:
		p.printf("0x%08x", p.u32(b, 12))
	}
	for i, label := range []string{"Reference Timestamp:  ", "Originator Timestamp: ", "Receive Timestamp:    ", "Transmit Timestamp:   "} {
		p.need(b, 24+8*i)
		p.printf("\n\t  %s", label)
		p.ntpStamp(b, 16+8*i)
	}
	p.puts("\n\t    Originator - Receive Timestamp:  ")
	p.ntpDelta(b, 24, 32)
	p.puts("\n\t    Originator - Transmit Timestamp: ")
	p.ntpDelta(b, 24, 40)
	switch length {
	case 52:
		p.printf("\n\tKey id: %d", p.u32(b, 48))
	case 68, 72:
		p.printf("\n\tKey id: %d", p.u32(b, 48))
		p.need(b, length) // ND_TCHECK_LEN of the digest
		p.puts("\n\tAuthentication: ")
		for off := 52; off < length; off += 4 {
			p.printf("%08x", p.u32(b, off))
		}
	default:
		if length > 48 {
			p.printf("\n\t(%d more bytes after the header)", length-48)
		}
	}
}

// ntpShortFix is p_sfix: 16.16 fixed point as seconds with 6 decimals.
func (p *Printer) ntpShortFix(b []byte, off int) {
	i, f := int(p.u16(b, off)), float64(p.u16(b, off+2))/65536.0
	p.printf("%d.%06d", i, int(f*1000000.0))
}

// ntpFrac turns a 32-bit binary fraction into nanoseconds as tcpdump does.
func ntpFrac(uf uint32) uint32 { return uint32(float64(uf) / 4294967296.0 * 1000000000.0) }

// ntpStamp is p_ntp_time: seconds.nanoseconds and the UTC date.
func (p *Printer) ntpStamp(b []byte, off int) {
	i, uf := p.u32(b, off), p.u32(b, off+4)
	p.printf("%d.%09d", i, ntpFrac(uf))
	if i != 0 {
		t := time.Unix(int64(i)-2208988800, 0).UTC()
		p.printf(" (%s)", t.Format("2006-01-02T15:04:05Z"))
	}
}

// ntpDelta is p_ntp_delta: the signed difference of two timestamps.
func (p *Printer) ntpDelta(b []byte, ooff, off int) {
	ou, ouf := p.u32(b, ooff), p.u32(b, ooff+4)
	u, uf := p.u32(b, off), p.u32(b, off+4)
	if ou == 0 && ouf == 0 {
		p.ntpStamp(b, off)
		return
	}
	var i, f uint32
	neg := false
	switch {
	case u > ou:
		i, f = u-ou, uf-ouf
		if ouf > uf {
			i--
		}
	case u < ou:
		neg = true
		i, f = ou-u, ouf-uf
		if uf > ouf {
			i--
		}
	default:
		if uf > ouf {
			f = uf - ouf
		} else {
			neg, f = true, ouf-uf
		}
	}
	p.printf("%s%d.%09d", cond(neg, "-", "+"), i, ntpFrac(f))
}
