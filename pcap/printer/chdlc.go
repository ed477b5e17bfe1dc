package printer

import "fmt"

// chdlc is chdlc_print (Cisco HDLC, also met inside DLT_PPP_SERIAL): the
// 4-byte address/control/protocol header, then IPv4, IPv6, MPLS, OSI or
// SLARP. It returns the header length for hex dumps.
func (p *Printer) chdlc(b []byte, length int) int {
	p.enter("chdlc")
	if length < 4 {
		p.printTrunc()
		return len(b)
	}
	proto := p.u16(b, 2)
	if p.o.Ether {
		cast := strName([]string{0x0f: "unicast", 0x8f: "bcast"}, int(p.u8(b, 0)), fmt.Sprintf("0x%02x", b[0]))
		p.printf("%s, ethertype %s (0x%04x), length %d: ", cast, etherTypeName(proto), proto, length)
	}
	d, length := from(b, 4), length-4
	switch proto {
	case 0x0800:
		p.ip(d, length)
	case 0x86dd:
		p.ip6(d, length)
	case 0x8035:
		p.slarp(d, length)
	case 0x8847, 0x8848:
		p.mpls(d, length)
	case 0xfefe:
		if length < 2 {
			p.printTrunc()
			return len(b)
		}
		if c := p.u8(d, 1); c == 0x81 || c == 0x82 || c == 0x83 { // a fudge byte precedes the NLPID
			p.isoclns(d[1:], length-1)
		} else {
			p.isoclns(d, length)
		}
	default:
		if !p.o.Ether {
			p.printf("unknown CHDLC protocol (0x%04x)", proto)
		}
	}
	return 4
}

// slarp is chdlc_slarp_print (Serial Line ARP).
func (p *Printer) slarp(b []byte, length int) {
	p.enter("chdlc_slarp")
	p.printf("SLARP (length: %d), ", length)
	if length < 14 || len(b) < 14 {
		p.printTrunc()
		return
	}
	dump := 4 // the keepalive's uptime moves tcpdump's pointer past the fixed part
	switch code := p.u32(b, 0); code {
	case 0:
		p.puts("request")
	case 1:
		p.printf("reply %s/%s", p.names.ip4(b[4:8]), p.names.ip4(b[8:12]))
	case 2:
		p.printf("keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x", p.u32(b, 4), p.u32(b, 8), p.u16(b, 12))
		if length >= 18 {
			sec := p.u32(b, 14) / 1000
			min := sec / 60
			sec -= min * 60
			hrs := min / 60
			min -= hrs * 60
			days := hrs / 24
			hrs -= days * 24
			p.printf(", link uptime=%dd%dh%dm%ds", days, hrs, min, sec)
			dump = 18
		}
	default:
		p.printf("0x%02x unknown", code)
		if p.o.Verbose <= 1 {
			p.unknownData(b, 4, "\n\t", length-4)
		}
	}
	if length > 18 && p.o.Verbose > 0 {
		p.printf(", (trailing junk: %d bytes)", length-18)
	}
	if p.o.Verbose > 1 {
		p.unknownData(b, dump, "\n\t", length-4)
	}
}
