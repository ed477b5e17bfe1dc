package printer

// udpPortsDissected are the UDP ports whose payload tcpdump decodes with a
// printer this package lacks (udp_print's port dispatch).
var udpPortsDissected = map[uint16]string{
	525: "timed", 69: "tftp", 520: "rip", 654: "aodv", 500: "isakmp", 4500: "isakmp",
	7500: "isakmp", 8500: "isakmp", 161: "snmp", 162: "snmp", 88: "krb", 750: "krb",
	1701: "l2tp", 137: "nbt", 138: "nbt", 2103: "zephyr", 2104: "zephyr", 521: "ripng",
	546: "dhcp6", 547: "dhcp6", 5359: "ahcp", 6696: "babel", 6697: "babel", 8231: "hncp",
	496: "cisco-autorp", 1645: "radius", 1812: "radius", 1646: "radius", 1813: "radius",
	1700: "radius", 3799: "radius", 921: "lwres", 646: "ldp", 698: "olsr", 3503: "lspping",
	701: "lmp", 1589: "vqp", 6343: "sflow", 12222: "lwapp", 5060: "sip", 514: "syslog",
	8472: "otv", 4789: "vxlan", 6081: "geneve", 4342: "lisp", 4790: "vxlan-gpe",
	17754: "zep", 6635: "mpls", 319: "ptp", 320: "ptp", 30490: "someip",
}

// udp is udp_print.
func (p *Printer) udp(b []byte, length int, h *ipHdr) {
	p.enter("udp")
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
		p.trunc()
	}
	sport, dport := p.u16(b, 0), p.u16(b, 2)
	if length < 8 {
		ports(int(sport), int(dport))
		p.printf("truncated-udp %d", length)
		return
	}
	if len(b) < 6 {
		ports(int(sport), int(dport))
		p.trunc()
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
		p.trunc()
	}
	ports(int(sport), int(dport))
	cp := b[8:]
	if !p.o.Quick && p.nfsPorts(cp, sport, dport) {
		return
	}
	if p.o.Verbose > 0 && !h.fragment {
		p.udpChecksum(b, cp, length, h)
	}
	if !p.o.Quick && p.udpPayload(cp, length, sport, dport) {
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
func (p *Printer) udpPayload(cp []byte, length int, sport, dport uint16) bool {
	port := func(n uint16) bool { return sport == n || dport == n }
	switch {
	case port(53):
		p.dns(cp, length, false, false)
	case port(5353):
		p.dns(cp, length, false, true)
	case port(67) || port(68):
		p.bootp(cp, length)
	case port(123):
		p.ntp(cp, length)
	case dport == 3456 || dport == 4567 || sport == 49152 || dport == 3784 || dport == 4784 ||
		dport == 6784 || dport == 3785 || dport == 1985 || dport == 12223 || sport == 12223 ||
		(sport >= 7000 && sport <= 7009) || (dport >= 7000 && dport <= 7009):
		p.unsupport("udp-port-protocol")
		return true
	default:
		for _, n := range []uint16{sport, dport} {
			if name, ok := udpPortsDissected[n]; ok {
				p.unsupport(name)
				return true
			}
		}
		if len(cp) >= 2 && cp[1] == 2 && (atalkPort(sport) || atalkPort(dport)) {
			p.unsupport("llap")
			return true
		}
		return false
	}
	return true
}

func atalkPort(port uint16) bool {
	switch port {
	case 200, 201, 202, 203, 204, 205, 206, 768, 769, 770, 771, 772, 773, 774:
		return true
	}
	return false
}

var bootpOps = map[uint8]string{1: "Request", 2: "Reply"}

// bootp is bootp_print without -v; the -v option decode is not
// implemented (flagged unsupported).
func (p *Printer) bootp(b []byte, length int) {
	p.enter("bootp")
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
		p.unsupport("bootp-verbose")
	}
}

var ntpModes = []string{"unspecified", "symmetric active", "symmetric passive", "Client", "Server", "Broadcast", "Control Message", "Reserved"}

// ntp is ntp_print without -v (the -v decode is flagged unsupported).
func (p *Printer) ntp(b []byte, length int) {
	p.enter("ntp")
	st := p.u8(b, 0)
	p.printf("NTPv%d", (st>>3)&7)
	if p.o.Verbose == 0 {
		p.printf(", %s, length %d", ntpModes[st&7], length)
		return
	}
	p.printf(", %s, length %d\n", ntpModes[st&7], length)
	p.unsupport("ntp-verbose")
}
