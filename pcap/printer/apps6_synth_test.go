package printer

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// Synthetic captures for DHCPv6 options, DNS record types and EDNS
// options, ICMPv6 and ICMP messages, IP options, NTP control messages and
// SNMP: the cases the shared corpus lacks, kept to 25 packets a file so
// every flag set (-X, -xx and -A stop at 25) sees all of them.
// Documentation addresses only.

func udp6Pkt(sport, dport int, payload []byte) synthPkt {
	return synthPkt{data: eth(macA, macB, 0x86dd, ipv6(ip6A, ip6B, 17, udpSeg(ip6A, ip6B, sport, dport, payload)))}
}

// d6opt is one DHCPv6 option.
func d6opt(code int, v ...[]byte) []byte {
	body := cat(v...)
	return cat(be16(code), be16(len(body)), body)
}

func synthDHCP6() []synthPkt {
	msg := func(typ byte, opts ...[]byte) []byte { return cat([]byte{typ, 0x12, 0x34, 0x56}, cat(opts...)) }
	cli := func(typ byte, opts ...[]byte) synthPkt { return udp6Pkt(546, 547, msg(typ, opts...)) }
	srv := func(typ byte, opts ...[]byte) synthPkt { return udp6Pkt(547, 546, msg(typ, opts...)) }
	duidLLT := d6opt(1, be16(1), be16(1), be32(701530515), macA)
	status := func(code int, text string) []byte { return d6opt(13, be16(code), []byte(text)) }
	relay := func(typ byte, opts ...[]byte) []byte { return cat([]byte{typ, 1}, ip6A, ip6B, cat(opts...)) }
	names := cat(dnsName("example", "com"), dnsName("corp", "example", "org"))
	auth := func(proto, alg, rdm byte, info []byte) []byte {
		return d6opt(11, []byte{proto, alg, rdm}, be32(0x01020304), be32(0x05060708), info)
	}
	md5 := cat(be32(0xdeadbeef), be32(1), be32(2), be32(3), be32(4))
	cut := cli(1, duidLLT, d6opt(8, be16(5)), d6opt(3, be32(1), be32(2), be32(3)))
	return []synthPkt{
		cli(1, duidLLT, d6opt(6, be16(23), be16(24), be16(136), be16(112), be16(59)), d6opt(8, be16(703)),
			d6opt(3, be32(16842752), be32(3600), be32(5400), d6opt(5, ip6B, be32(7200), be32(7500), status(0, "ok"))),
			d6opt(14), d6opt(20), d6opt(15, be16(3), []byte("abc")), d6opt(16, be32(9), be16(2), []byte("xy"))),
		srv(2, d6opt(2, be16(2), be32(311), []byte{1, 2, 3, 4, 5, 6}), duidLLT, d6opt(7, []byte{255}),
			d6opt(23, ip6A, ip6B), d6opt(24, names), d6opt(21, dnsName("sip", "example")), d6opt(22, ip6B),
			d6opt(31, ip6A), d6opt(27, ip6A), d6opt(28, ip6B), d6opt(34, ip6A), d6opt(40, ip6B),
			status(2, ""), status(5, "m"), status(10, ""), status(11, ""), status(300, "")),
		srv(7, d6opt(2, be16(3), be16(1), macB), d6opt(1, be16(9), []byte{1}), d6opt(1, []byte{1}),
			d6opt(2, be16(1), be16(1)), d6opt(2, be16(2), be32(1)), d6opt(2, be16(3)),
			d6opt(25, be32(7), be32(100), be32(200), d6opt(26, be32(300), be32(400), []byte{48}, ip6A, status(6, ""))),
			d6opt(4, be32(5), d6opt(5, ip6A, be32(1), be32(2))), d6opt(4, be16(1)), d6opt(32, be32(86400)), d6opt(46, be32(12)),
			d6opt(7, be16(1)), d6opt(8, []byte{1}), d6opt(32, be16(1)), d6opt(3, be32(1)), d6opt(5, ip6A), d6opt(26, ip6A)),
		srv(7, auth(2, 1, 0, cat([]byte("realm"), md5)), auth(2, 2, 1, nil), auth(2, 1, 0, be32(1)),
			auth(3, 1, 0, cat([]byte{1}, be32(1), be32(2), be32(3), be32(4))),
			auth(3, 1, 0, cat([]byte{2}, be32(1), be32(2), be32(3), be32(4))),
			auth(3, 1, 0, cat([]byte{7}, be32(1), be32(2), be32(3), be32(4))), auth(3, 1, 0, []byte{1}),
			auth(9, 1, 0, nil), d6opt(11, []byte{2, 1, 0})),
		srv(10, d6opt(19, []byte{5}), d6opt(19, []byte{11}), d6opt(19, []byte{7}), d6opt(19, be16(5)), d6opt(6, []byte{1, 2, 3})),
		udp6Pkt(547, 547, relay(12, d6opt(18, []byte("eth0/1/2/3:vlan100")), d6opt(18, []byte("e0")),
			d6opt(37, be32(4491), []byte("remote-identifier")), d6opt(37, be32(9)), d6opt(37, be16(1)),
			d6opt(38, []byte("subscriber-0001")), d6opt(9, msg(1, duidLLT, d6opt(8, be16(0)))))),
		udp6Pkt(547, 547, relay(13, d6opt(9, []byte{7, 1}), d6opt(18, []byte("x")))),
		udp6Pkt(547, 547, relay(13, d6opt(9, relay(13, d6opt(9, msg(7, d6opt(14))))))),
		cli(14, d6opt(44, []byte{1}, ip6B, d6opt(6, be16(23))), d6opt(44, []byte{3}, ip6A), d6opt(44, []byte{2}),
			d6opt(45, duidLLT, d6opt(46, be32(60))), d6opt(45), d6opt(47, ip6A, []byte("peer-address-data")),
			d6opt(47, ip6A), d6opt(47, []byte{1}), d6opt(48, ip6A, ip6B), d6opt(48, []byte{1, 2})),
		srv(7, d6opt(56, d6opt(1, ip6A), d6opt(2, ip6B), d6opt(3, dnsName("ntp", "example")), d6opt(1, be16(1)), d6opt(9, be16(1))),
			d6opt(56, be16(1)), d6opt(56, d6opt(1, ip6A), be16(9))),
		srv(7, d6opt(56, be16(1), be16(40), ip6A)),
		srv(7, d6opt(64, dnsName("aftr", "example", "net")), d6opt(64, []byte{9, 'a', 0}), d6opt(64, be16(1)),
			d6opt(64, []byte{3, 'a', 'b', 'c'}), d6opt(41, []byte("EST5EDT4,M3.2.0/02:00,M11.1.0/02:00")),
			d6opt(42, []byte("Europe/Zurich")), d6opt(112, []byte("https://mud.example.com/x\x00junk")), d6opt(41, []byte("UTC")),
			d6opt(36, []byte{1}), d6opt(39, []byte{0}), d6opt(17, be32(1)), d6opt(9999, []byte{1})),
		srv(7, d6opt(24, []byte{3, 'a', 'b', 'c', 0xc0, 2}), d6opt(24, []byte{3, 'a', 'b'}), d6opt(23, ip6A)),
		srv(7, d6opt(24, []byte{0x41, 12, 0xab, 0xcd, 0}), d6opt(24, []byte{0x80})),
		cli(99, d6opt(8, be16(1))),
		cli(8),
		cli(4, d6opt(8, be16(1)), be16(3)),
		cli(5, d6opt(8, be16(1)), be16(3), be16(40), be32(1)),
		udp6Pkt(546, 547, []byte{1, 2}),
		udp6Pkt(547, 547, []byte{12, 0, 1, 2, 3, 4, 5, 6}),
		cutPkt(cut, 6),
		cutPkt(udp6Pkt(547, 547, relay(12, d6opt(9, msg(1, duidLLT, d6opt(8, be16(0)))))), 12),
		cutPkt(srv(7, d6opt(56, d6opt(3, dnsName("ntp", "example")))), 3),
	}
}

func dnsHdr(id, flags, qd, an, ns, ar int) []byte {
	return cat(be16(id), be16(flags), be16(qd), be16(an), be16(ns), be16(ar))
}

func dnsRR(name []byte, typ, class int, ttl uint32, rdata ...[]byte) []byte {
	rd := cat(rdata...)
	return cat(name, be16(typ), be16(class), be32(ttl), be16(len(rd)), rd)
}

func dnsOpt(opts ...[]byte) []byte { return dnsRR([]byte{0}, 41, 1232, 0x8000, opts...) }

func synthDNS2() []synthPkt {
	resp := func(qd, an, ns, ar int, body ...[]byte) synthPkt {
		return udpPkt(53, 40000, cat(dnsHdr(0x2222, 0x8180, qd, an, ns, ar), cat(body...)))
	}
	query := func(qd, an, ns, ar int, body ...[]byte) synthPkt {
		return udpPkt(40000, 53, cat(dnsHdr(0x3333, 0x0100, qd, an, ns, ar), cat(body...)))
	}
	q := cat(dnsName("example", "com"), be16(38), be16(1))
	ptr := []byte{0xc0, 12}
	a6 := func(pbit byte, suffix []byte, name []byte) []byte {
		return dnsRR(ptr, 38, 1, 60, []byte{pbit}, suffix, name)
	}
	tsig := dnsRR(dnsName("key", "example"), 250, 255, 0, dnsName("hmac-sha256"), be16(0), be32(1700000000),
		be16(300), be16(4), []byte{1, 2, 3, 4}, be16(0x2222), be16(0), be16(0))
	eo := func(code int, data ...[]byte) []byte { return d6opt(code, data...) }
	return []synthPkt{
		resp(1, 5, 0, 0, q, a6(0, ip6B, nil), a6(64, ip6B[8:], dnsName("pfx", "example")), a6(128, nil, ptr),
			a6(200, nil, nil), a6(5, ip6A, ptr)),
		resp(1, 4, 0, 0, q, dnsRR(ptr, 256, 1, 60, be16(10), be16(1), []byte("https://www.example.com/path")),
			dnsRR(ptr, 256, 1, 60, be16(1)), dnsRR(ptr, 104, 1, 60, []byte("unspec\x01text")), tsig),
		resp(1, 1, 0, 1, q, dnsRR(ptr, 1, 1, 60, ipA), tsig),
		resp(1, 1, 0, 0, q, dnsRR(ptr, 256, 1, 60, be16(10), be16(1), []byte("x"))),
		query(1, 0, 0, 1, q, dnsOpt(eo(8, be16(1), []byte{24, 0}, []byte{192, 0, 2}), eo(8, be16(2), []byte{56, 0}, ip6A[:7]),
			eo(8, be16(1), []byte{32, 0}, ipA), eo(8, be16(3), []byte{8, 0}, []byte{1}), eo(8, be16(1)),
			eo(8, be16(1), []byte{16, 0}, []byte{1}), eo(8, be16(1), []byte{33, 0}, ipA, []byte{0}),
			eo(8, be16(1), []byte{8, 40}, []byte{1}))),
		query(1, 0, 0, 1, q, dnsOpt(eo(5, []byte{0, 1, 2, 3, 4, 5, 8, 10, 13, 15, 16, 99, 252, 253, 254, 255}),
			eo(6, []byte{1, 2, 3, 4, 5}), eo(7, []byte{1, 2}), eo(13, dnsName("chain", "example")), eo(13, []byte{0xc0, 0}),
			eo(3, []byte("ns1")), eo(5), eo(16, []byte{1}), eo(99, []byte{0xab}))),
		query(1, 0, 0, 0, []byte{0x41, 0}, bytes16(0x5a), bytes16(0xa5), dnsName("bits"), be16(1), be16(1)),
		query(1, 0, 0, 0, []byte{0x41, 12, 0xab, 0xcd, 0x41, 3, 0xff, 0x41, 7, 0xff}, dnsName("bits"), be16(1), be16(1)),
		query(1, 0, 0, 0, []byte{0x42, 1}, dnsName("elt"), be16(1), be16(1)),
		query(1, 0, 0, 0, []byte{3, 'a', 'b', 'c', 0x41, 0}),
		cutPkt(resp(1, 1, 0, 0, q, a6(64, ip6B[8:], dnsName("pfx", "example"))), 12),
		cutPkt(resp(1, 1, 0, 0, q, tsig), 8),
		cutPkt(query(1, 0, 0, 1, q, dnsOpt(eo(8, be16(2), []byte{56, 0}, ip6A[:7]))), 3),
	}
}

func icmp6Pkt(typ, code byte, body ...[]byte) synthPkt {
	return synthPkt{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6Msg(ip6A, ip6B, typ, code, cat(body...))))}
}

// ndOpt is a neighbor discovery option padded to a multiple of 8 bytes.
func ndOpt(typ byte, v ...[]byte) []byte {
	body := cat([]byte{typ, 0}, cat(v...))
	for len(body)%8 != 0 {
		body = append(body, 0)
	}
	body[1] = byte(len(body) / 8)
	return body
}

func synthICMP6a() []synthPkt {
	udpq := ipv6(ip6B, ip6A, 17, udpSeg(ip6B, ip6A, 40000, 33434, []byte("probe")))
	tcpq := ipv6(ip6B, ip6A, 6, tcpSeg(ip6B, ip6A, 40000, 443, 1, 0, 2, 100, nil, nil))
	hbh := ipv6(ip6B, ip6A, 0, cat([]byte{60, 0, 1, 4, 0, 0, 0, 0}, []byte{51, 0, 1, 4, 0, 0, 0, 0},
		[]byte{17, 1, 0, 0}, be32(1), be32(2), be32(3), udpSeg(ip6B, ip6A, 40001, 53, nil)))
	frag := ipv6(ip6B, ip6A, 44, cat([]byte{17, 0}, be16(0x100), be32(7), make([]byte, 8)))
	frag0 := ipv6(ip6B, ip6A, 44, cat([]byte{6, 0}, be16(1), be32(7), tcpSeg(ip6B, ip6A, 40000, 22, 1, 0, 2, 100, nil, nil)))
	gre := ipv6(ip6B, ip6A, 47, make([]byte, 8))
	match := cat([]byte{1, 3 + 8, 1, 48, 32, 64}, be16(0), ip6A)
	use := func(fl byte, vl, pl uint32) []byte {
		return cat([]byte{64, 48, 0xc0, 0x80}, be32(vl), be32(pl), []byte{fl, 0, 0, 0}, ip6B)
	}
	rr := func(code byte, body ...[]byte) synthPkt {
		return icmp6Pkt(138, code, cat(be32(77), []byte{3, 0xf8}, be16(500), be32(0)), cat(body...))
	}
	ni := func(typ, code byte, qtype, flags int, rest ...[]byte) synthPkt {
		return icmp6Pkt(typ, code, be16(qtype), be16(flags), bytes16(0x11)[:8], cat(rest...))
	}
	return []synthPkt{
		icmp6Pkt(1, 0, be32(0), udpq), icmp6Pkt(1, 1, be32(0), udpq), icmp6Pkt(1, 2, be32(0), udpq),
		icmp6Pkt(1, 3, be32(0), udpq), icmp6Pkt(1, 4, be32(0), tcpq), icmp6Pkt(1, 4, be32(0), hbh),
		icmp6Pkt(1, 4, be32(0), frag), icmp6Pkt(1, 4, be32(0), frag0), icmp6Pkt(1, 4, be32(0), gre),
		icmp6Pkt(1, 7, be32(0), udpq), icmp6Pkt(3, 2, be32(0), udpq),
		icmp6Pkt(4, 0, be32(6), udpq), icmp6Pkt(4, 1, be32(40), udpq), icmp6Pkt(4, 2, be32(42), udpq),
		icmp6Pkt(4, 3, be32(0), udpq), icmp6Pkt(4, 9, be32(1), udpq), icmp6Pkt(4, 0, be32(6), udpq[:20]),
		rr(0, match, use(0xc0, 86400, 0xffffffff), use(0, 0xffffffff, 3600)),
		rr(1), rr(255), rr(7), icmp6Pkt(138, 0, be32(1), []byte{0, 0}, be16(0), be32(9), match[:8]),
		icmp6Pkt(138, 0, be32(1)), rr(0, cat([]byte{2, 5}, match[2:])),
		ni(139, 0, 0, 0), ni(139, 0, 1, 1),
	}
}

func synthICMP6b() []synthPkt {
	ni := func(typ, code byte, qtype, flags int, rest ...[]byte) synthPkt {
		return icmp6Pkt(typ, code, be16(qtype), be16(flags), bytes16(0x11)[:8], cat(rest...))
	}
	rpl := func(code byte, body ...[]byte) synthPkt { return icmp6Pkt(155, code, cat(body...)) }
	return []synthPkt{
		ni(139, 0, 2, 0, ip6B), ni(139, 1, 2, 0, dnsName("host", "example")), ni(139, 1, 2, 0, []byte{4, 'h', 'o', 's', 't'}),
		ni(139, 2, 3, 0x7e, ipA), ni(139, 0, 3, 0x3e, ip6B[:8]), ni(139, 9, 9, 0), ni(139, 0, 2, 0),
		icmp6Pkt(139, 0, make([]byte, 8)[:4], be32(1)), ni(139, 1, 2, 0, []byte{3, 'a', 'b', 'c', 9, 'x'}),
		ni(140, 0, 2, 1, be32(600), dnsName("node", "example")), ni(140, 0, 3, 0x3f, be32(60), ip6B, be32(0xffffffff), ip6A),
		ni(140, 1, 0, 0, []byte{1}), ni(140, 2, 0, 0), ni(140, 0, 0, 0, []byte{1, 2}), ni(140, 0, 1, 1),
		ni(140, 0, 9, 0), ni(140, 7, 0, 0), ni(140, 0, 2, 0, be32(600), []byte{4, 'n', 'o', 'd', 'e'}),
		icmp6Pkt(141, 0, make([]byte, 4)), icmp6Pkt(142, 0, make([]byte, 4)), icmp6Pkt(144, 0, be16(0xbeef), be16(0)),
		icmp6Pkt(145, 0, be16(0xbeef), be16(0), ip6A, ip6B), icmp6Pkt(146, 0, be16(0x1234), be16(0)),
		icmp6Pkt(147, 0, be16(0x1234), be16(0xc000), ndOpt(3, []byte{64, 0xc0}, be32(600), be32(300), be32(0), ip6A)),
		rpl(0, be16(0)),
	}
}

func synthICMP6c() []synthPkt {
	rpl := func(code byte, body ...[]byte) synthPkt { return icmp6Pkt(155, code, cat(body...)) }
	dio := cat([]byte{7, 1}, be16(256), []byte{0x80 | 2<<3 | 3, 9, 0, 0}, ip6B)
	rplOpts := cat([]byte{0, 1, 2, 0, 0}, []byte{8, 6, 64, 0}, be32(3600), []byte{0x99, 1, 0xaa})
	ra := func(opts ...[]byte) synthPkt {
		return icmp6Pkt(134, 0, []byte{64, 0x18}, be16(1800), be32(30000), be32(1000), cat(opts...))
	}
	return []synthPkt{
		rpl(1, dio, rplOpts), rpl(1, dio[:20]), rpl(1, []byte{7, 1}, be16(1), []byte{6 << 3}, make([]byte, 3), ip6A, []byte{5, 9, 1}),
		rpl(2, []byte{7, 0xc0, 0, 5}, ip6A, rplOpts), rpl(2, []byte{7, 0, 0, 5}, make([]byte, 16)), rpl(2, []byte{7, 0x40, 0, 5}, ip6A[:12]),
		rpl(3, []byte{7, 0x80, 5, 0}, ip6A, []byte{0}), rpl(3, []byte{7, 0, 5, 2}), rpl(3, []byte{7, 0x80}), rpl(5, be32(0)), rpl(0x81, be32(0)),
		icmp6Pkt(200, 0, make([]byte, 24)), icmp6Pkt(201, 0, make([]byte, 24)), icmp6Pkt(160, 0, be16(1), []byte{1, 0}),
		icmp6Pkt(250, 3, be32(9)),
		ra(ndOpt(99, []byte{1, 2, 3}), ndOpt(5, be16(0), be32(1500))),
		ra(ndOpt(4, make([]byte, 6), udpSeg(ip6A, ip6B, 1, 2, nil)), ndOpt(3, []byte{48, 0x40}, be32(1), be32(2), be32(0)), ndOpt(1, macA)),
		ra(ndOpt(24, []byte{0, 0x08}, be32(600)), ndOpt(24, []byte{48, 0x18}, be32(0xffffffff), ip6A[:8]),
			ndOpt(24, []byte{64, 0}, be32(60), ip6A), ndOpt(31, be16(0), be32(600), dnsName("corp", "example")),
			ndOpt(25, be16(0), be32(600), ip6A, ip6B), ndOpt(7, be16(0), be32(5000)), ndOpt(8, be16(0), be16(10), be16(20)),
			ndOpt(5, be16(0), be32(9000), be32(0))),
		ra(ndOpt(24, []byte{64, 0}, be32(60), ip6A, ip6A)),
		icmp6Pkt(135, 0, be32(0), ip6B, []byte{1, 0, 1, 2}),
		icmp6Pkt(137, 0, be32(0), ip6A, ip6B, ndOpt(2, macB), ndOpt(4, make([]byte, 6), ipv6(ip6B, ip6A, 59, nil)[:16])),
		icmp6Pkt(130, 0, be16(1000), be16(0), make([]byte, 16), []byte{0x0a, 130}, be16(2), ip6A, ip6B),
		icmp6Pkt(130, 0, be16(40000), be16(0), ip6B, []byte{0x02, 20}, be16(3), ip6A),
		icmp6Pkt(130, 0, be16(100), be16(0), ip6B, []byte{1, 2}), icmp6Pkt(131, 0, be16(0), be16(0), ip6B),
	}
}

func icmp4Pkt(typ, code byte, rest []byte, payload ...[]byte) synthPkt {
	return synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 1, 9, 0, nil, icmpMsg(typ, code, rest, cat(payload...))))}
}

// multipart is an RFC 4884 ICMP payload: the quoted datagram padded to
// 128 bytes, then an extension header of the given version and objects.
func multipart(quoted []byte, version byte, objs ...[]byte) []byte {
	q := append(append([]byte(nil), quoted...), make([]byte, 128-len(quoted))...)
	ext := cat([]byte{version << 4, 0, 0, 0}, cat(objs...))
	binary.BigEndian.PutUint16(ext[2:], sum16(ext))
	return cat(q, ext)
}

func extObj(class, ctype byte, body []byte) []byte {
	return cat(be16(4+len(body)), []byte{class, ctype}, body)
}

func synthICMP4a() []synthPkt {
	q := ipv4(ipB, []byte{198, 51, 100, 7}, 17, 5, 0, nil, udpSeg(ipB, []byte{198, 51, 100, 7}, 40000, 33434, []byte("probe")))
	qt := ipv4(ipB, []byte{198, 51, 100, 7}, 6, 5, 0, nil, tcpSeg(ipB, []byte{198, 51, 100, 7}, 40000, 80, 1, 0, 2, 100, nil, nil))
	qg := ipv4(ipB, []byte{198, 51, 100, 7}, 47, 5, 0, nil, make([]byte, 8))
	var pkts []synthPkt
	for _, code := range []byte{0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20} {
		pkts = append(pkts, icmp4Pkt(3, code, be32(0), q))
	}
	return append(pkts, icmp4Pkt(3, 3, be32(0), qt), icmp4Pkt(3, 3, be32(0), q), icmp4Pkt(3, 3, be32(0), qg),
		icmp4Pkt(3, 4, be32(0), q), icmp4Pkt(3, 4, be32(1400), q), icmp4Pkt(3, 3, be32(0), q[:8]),
		icmp4Pkt(4, 0, be32(0), q), icmp4Pkt(3, 1, be32(0), q[:30]))
}

func synthICMP4b() []synthPkt {
	q := ipv4(ipB, []byte{198, 51, 100, 7}, 17, 5, 0, nil, udpSeg(ipB, []byte{198, 51, 100, 7}, 40000, 33434, []byte("probe")))
	gw := []byte{192, 0, 2, 254}
	ra := func(lt int, num, size byte, addrs ...[]byte) synthPkt {
		return icmp4Pkt(9, 0, cat([]byte{num, size}, be16(lt)), addrs...)
	}
	bad := icmp4Pkt(0, 0, be32(0x00010002))
	bad.data[14+20+2] ^= 0xff
	return []synthPkt{
		icmp4Pkt(5, 0, gw, q), icmp4Pkt(5, 1, gw, q), icmp4Pkt(5, 2, gw, q), icmp4Pkt(5, 3, gw, q), icmp4Pkt(5, 7, gw, q),
		ra(30, 1, 2, ipB, be32(10)), ra(1800, 2, 2, ipB, be32(10), gw, be32(0xffffffff)), ra(9000, 1, 3, ipB, be32(1)),
		ra(600, 3, 2, ipB, be32(1)), icmp4Pkt(10, 0, be32(0)), icmp4Pkt(15, 0, be32(0x00010001)),
		icmp4Pkt(16, 0, be32(0x00010001)), icmp4Pkt(17, 0, be32(0x00010001), be32(0)),
		icmp4Pkt(18, 0, be32(0x00010001), be32(0xffffff00)), icmp4Pkt(13, 0, be32(0x00070008), be32(1000), be32(0), be32(0)),
		icmp4Pkt(14, 0, be32(0x00070008), be32(3723004), be32(86399999), be32(0)), icmp4Pkt(14, 0, be32(1), be32(1)),
		icmp4Pkt(12, 0, []byte{20, 0, 0, 0}, q), icmp4Pkt(12, 2, be32(0), q), icmp4Pkt(11, 1, be32(0), q),
		icmp4Pkt(11, 5, be32(0), q), icmp4Pkt(11, 0, be32(0), q[:12]), icmp4Pkt(42, 0, be32(0x00010100), be32(0x00080302)),
		icmp4Pkt(43, 0, be32(0x00010100)), bad,
	}
}

func synthICMP4c() []synthPkt {
	q := ipv4(ipB, []byte{198, 51, 100, 7}, 17, 5, 0, nil, udpSeg(ipB, []byte{198, 51, 100, 7}, 40000, 33434, []byte("probe")))
	mpls := extObj(1, 1, be32(16000<<12|5<<9|0x100|1))
	ifid := extObj(2, 0x0a, cat(be32(3), ipA))
	unk := extObj(9, 1, []byte{1, 2, 3, 4, 5, 6, 7, 8})
	badsum := multipart(q, 2, mpls)
	badsum[131] ^= 0xff
	return []synthPkt{
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2, mpls, extObj(1, 2, be32(7)), ifid, unk)),
		icmp4Pkt(3, 3, []byte{0, 32, 0, 0}, multipart(q, 2, ifid)),
		icmp4Pkt(12, 0, []byte{20, 32, 0, 0}, multipart(q, 2, mpls)),
		icmp4Pkt(11, 0, []byte{0, 0, 0, 0}, multipart(q, 2, mpls)),
		icmp4Pkt(11, 0, []byte{0, 0, 0, 0}, badsum),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, badsum),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 1, mpls)),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2, cat(be16(2), []byte{1, 1}), mpls)),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2, extObj(0, 1, be32(1)))),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2, cat(be16(40), []byte{2, 1}, be32(1)))),
		icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2), []byte{1, 2}),
		cutPkt(icmp4Pkt(11, 0, []byte{0, 32, 0, 0}, multipart(q, 2, mpls, ifid)), 6),
		cutPkt(icmp4Pkt(9, 0, cat([]byte{2, 2}, be16(60)), ipA, be32(1), ipB, be32(2)), 5),
		cutPkt(icmp4Pkt(14, 0, be32(1), be32(1), be32(2), be32(3)), 3),
	}
}

// ipOptPkt is a UDP datagram with IPv4 options; sumDst, when set, is
// the destination the UDP checksum is computed with.
func ipOptPkt(opts []byte, sumDst []byte) synthPkt {
	if sumDst == nil {
		sumDst = ipB
	}
	return synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 11, 0, opts, udpSeg(ipA, sumDst, 40000, 9, []byte("opts"))))}
}

func synthIPOpts() []synthPkt {
	c := []byte{198, 51, 100, 1}
	d := []byte{198, 51, 100, 2}
	nop := []byte{1}
	ts := func(l, ptr, flags byte, body ...[]byte) []byte { return cat([]byte{68, l, ptr, flags}, cat(body...)) }
	cut := ipOptPkt(cat([]byte{7, 11, 8}, c, d, nop), nil)
	cut.data = cut.data[:14+20+6]
	cut.wirLen = 14 + 20 + 12 + 12
	return []synthPkt{
		ipOptPkt(cat([]byte{7, 39, 12}, c, d, make([]byte, 28), nop), nil),
		ipOptPkt(cat([]byte{131, 11, 4}, c, d, nop), d),
		ipOptPkt(cat([]byte{131, 11, 4}, c, d, nop), nil),
		ipOptPkt(cat([]byte{137, 11, 12}, c, d, nop), d),
		ipOptPkt(cat([]byte{137, 10, 4}, c, d[:3], nop, nop), nil),
		ipOptPkt(cat([]byte{7, 7, 0}, c, nop), nil),
		ipOptPkt(cat([]byte{7, 2, 4}, nop, nop), nil),
		ipOptPkt(cat(ts(12, 9, 0, be32(1000), be32(2000))), nil),
		ipOptPkt(cat(ts(20, 13, 1, c, be32(1000), d, be32(2000))), nil),
		ipOptPkt(cat(ts(20, 21, 0x33, c, be32(1000), d, be32(2000))), nil),
		ipOptPkt(cat(ts(12, 5, 2, be32(1), be32(2))), nil),
		ipOptPkt(cat(ts(10, 0, 1, c, be16(1)), nop, nop), nil),
		ipOptPkt(cat(ts(10, 7, 0, be32(1), be16(1)), nop, nop), nil),
		ipOptPkt(cat([]byte{68, 3, 0}, nop), nil),
		ipOptPkt(cat([]byte{148, 4, 0, 0}, []byte{148, 4, 0, 9}), nil),
		ipOptPkt(cat([]byte{148, 2}, []byte{130, 6, 1, 2, 3, 4}), nil),
		ipOptPkt(cat([]byte{99, 4, 1, 2}, []byte{82, 12}, make([]byte, 10), []byte{0, 0, 0, 0}), nil),
		ipOptPkt(cat(nop, []byte{0, 7, 4}, c), nil),
		ipOptPkt(cat([]byte{7, 1, 0, 0}), nil),
		ipOptPkt(cat(nop, nop, []byte{7, 9, 4}), nil),
		ipOptPkt(cat([]byte{7, 11, 4}, c), nil),
		cut,
		tcpOptPkt(cat([]byte{20, 4, 0x81, 7}, []byte{29, 4, 1, 2}, []byte{29, 3, 9}, []byte{1})),
		tcpOptPkt(cat([]byte{29, 16, 3, 4}, bytes16(0xab)[:12], []byte{20, 6, 1, 2, 3, 4}, []byte{1, 1})),
		tcpOptPkt(cat([]byte{1, 1}, []byte{29, 8, 3, 4, 1, 2})),
	}
}

func tcpOptPkt(opts []byte) synthPkt {
	return synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 12, 0, nil, tcpSeg(ipA, ipB, 40000, 443, 1, 2, 0x10, 100, opts, nil)))}
}

func ip6Pkt(nh byte, payload ...[]byte) synthPkt {
	return synthPkt{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, nh, cat(payload...)))}
}

// ext6 is an IPv6 extension header with the given next header and body
// (padded to 8 bytes with PadN when opts is set).
func ext6(nh byte, body []byte) []byte {
	h := cat([]byte{nh, 0}, body)
	if pad := (8 - len(h)%8) % 8; pad == 1 {
		h = append(h, 0)
	} else if pad > 1 {
		h = cat(h, []byte{1, byte(pad - 2)}, make([]byte, pad-2))
	}
	h[1] = byte(len(h)/8 - 1)
	return h
}

func synthIP6Ext() []synthPkt {
	udp := udpSeg(ip6A, ip6B, 40000, 9, []byte("ext"))
	jumbo := func(plen uint32) []byte { return cat([]byte{0xc2, 4}, be32(plen)) }
	homeaddr := cat([]byte{0xc9, 22}, ip6A, []byte{0, 1, 1, 0, 7, 0})
	zeroLen := func(p synthPkt) synthPkt { p.data[14+4], p.data[14+5] = 0, 0; return p }
	return []synthPkt{
		ip6Pkt(0, ext6(17, cat([]byte{5, 2, 0, 1}, []byte{0x3e, 2, 9, 9}, []byte{0}, homeaddr)), udp),
		ip6Pkt(0, ext6(17, jumbo(70000)), udp),
		zeroLen(ip6Pkt(0, ext6(17, jumbo(70000)), udp)),
		zeroLen(ip6Pkt(0, ext6(17, jumbo(100)), udp)),
		zeroLen(ip6Pkt(0, ext6(17, cat(jumbo(70000), jumbo(80000))), udp)),
		zeroLen(ip6Pkt(0, ext6(17, cat(jumbo(8 + 3 + 8)[:2], be32(8+8+3))), udp)),
		zeroLen(ip6Pkt(0, ext6(17, []byte{1, 0}), udp)),
		zeroLen(ip6Pkt(17, udp)),
		zeroLen(ip6Pkt(60, ext6(17, nil), udp)),
		ip6Pkt(60, ext6(0, nil), ext6(17, nil), udp),
		ip6Pkt(0, ext6(0, nil), ext6(17, nil), udp),
		ip6Pkt(60, ext6(17, cat(jumbo(70000), []byte{5, 3, 0, 0, 0})), udp),
		ip6Pkt(60, ext6(17, []byte{5, 2, 0})), ip6Pkt(60, ext6(17, []byte{0xc9, 4, 0, 0, 0, 0})),
		ip6Pkt(60, ext6(17, cat([]byte{0xc9, 16}, ip6B))),
		ip6Pkt(60, ext6(17, cat([]byte{0xc9, 17}, ip6B, []byte{5}))),
		ip6Pkt(44, []byte{17, 0, 0, 0}, be32(5)),
		ip6Pkt(0, ext6(43, nil)),
		ip6Pkt(60, []byte{17, 3}, make([]byte, 6)),
		ip6Pkt(0, []byte{17, 0, 0xc2, 4, 0, 1}),
	}
}

func synthMobility() []synthPkt {
	mh := func(typ byte, data []byte, body ...[]byte) synthPkt {
		h := cat([]byte{59, 0, typ, 0}, be16(0), data, cat(body...))
		for len(h)%8 != 0 {
			h = append(h, 0)
		}
		h[1] = byte(len(h)/8 - 1)
		return ip6Pkt(135, h, []byte{0xee})
	}
	cookie := cat(be32(0x01020304), be32(0x05060708))
	opts := cat([]byte{0, 1, 0}, []byte{2, 2}, be16(60), []byte{3, 16}, ip6B, []byte{4, 4}, be16(7), be16(8),
		[]byte{5, 10}, make([]byte, 10), []byte{9, 1, 0xff})
	short := ip6Pkt(135, []byte{59, 0, 5, 0}, be16(0), be16(1), []byte{0xf0})
	return []synthPkt{
		mh(0, be16(0)), mh(1, be16(0), cookie), mh(2, be16(0), cookie), mh(3, be16(0x77), cookie, cookie),
		mh(4, be16(0x78), cookie, cookie), mh(5, be16(9), []byte{0xf0, 0}, be16(15), opts),
		mh(5, be16(9), []byte{0x00, 0}, be16(15)), mh(6, []byte{128, 0x80}, be16(10), be16(15), []byte{0, 1, 0}),
		mh(7, []byte{1, 0}, ip6A), mh(9, be16(0), be32(1)), ip6Pkt(135, []byte{59, 0, 5, 0}, be16(0), be16(1)),
		ip6Pkt(135, []byte{59, 1, 3, 0}, be16(0), be16(1), make([]byte, 8)), short,
		ip6Pkt(135, []byte{59}), ip6Pkt(62, []byte{59, 0, 0, 0}, be32(0)),
		mh(5, be16(9), []byte{0x10, 0}, be16(15), []byte{2, 1, 0}),
		mh(5, be16(9), []byte{0x20, 0}, be16(15), []byte{1, 4, 0, 0, 0, 0}),
		ip6Pkt(135, []byte{59, 1, 5, 0}, be16(0), be16(1), be16(2), []byte{1, 2, 0, 0}),
	}
}

func synthNTPCtl() []synthPkt {
	ctl := func(vn, ctlbyte byte, seq, status, assoc, offset, count int, data []byte) synthPkt {
		return udpPkt(40000, 123, cat([]byte{vn<<3 | 6, ctlbyte}, be16(seq), be16(status), be16(assoc), be16(offset), be16(count), data))
	}
	tm := func(extra []byte) synthPkt {
		return udpPkt(123, 123, cat([]byte{0x24, 2, 6, 0xe9}, be32(0x00000a3d), be32(0x00001b00), ipA, make([]byte, 32), extra))
	}
	return []synthPkt{
		ctl(2, 0x02, 1, 0, 0, 0, 0, nil),
		ctl(2, 0x82, 1, 0x0615, 0, 0, 11, []byte(`version="4"`)),
		ctl(3, 0xe2, 2, 0x4010, 3, 468, 4, []byte("abcd")),
		ctl(4, 0x41, 3, 1, 65535, 0, 0, nil),
		ctl(2, 0x02, 4, 0, 0, 0, 40, []byte("short")),
		udpPkt(40000, 123, []byte{0x16, 2, 0, 1, 0, 0, 0, 0}),
		cutPkt(ctl(2, 0x82, 5, 0x0615, 0, 0, 12, []byte("version=\"4\"")), 4),
		cutPkt(udpPkt(40000, 123, []byte{0x16, 2, 0, 1, 0, 0, 0, 0}), 3),
		udpPkt(40000, 123, []byte{0x17, 2, 0, 1}),
		tm(be32(7)), tm(cat(be32(7), bytes16(0x5a))), tm(cat(be32(7), bytes16(0x5a), be32(9))),
		cutPkt(tm(cat(be32(7), bytes16(0x5a), be32(9))), 6), tm(cat(be32(7), be32(8))),
	}
}

// ber is one BER element: tag, definite length (short or long form),
// contents.
func ber(tag byte, v ...[]byte) []byte {
	body := cat(v...)
	switch n := len(body); {
	case n < 128:
		return cat([]byte{tag, byte(n)}, body)
	case n < 256:
		return cat([]byte{tag, 0x81, byte(n)}, body)
	default:
		return cat([]byte{tag, 0x82}, be16(n), body)
	}
}

func berInt(v int64) []byte {
	b := []byte{byte(v)}
	for v >= 128 || v < -128 {
		v >>= 8
		b = append([]byte{byte(v)}, b...)
	}
	return ber(2, b)
}

func berOID(enc ...byte) []byte { return ber(6, enc) }

var (
	oidSysDescr  = berOID(0x2b, 6, 1, 2, 1, 1, 1, 0)
	oidSysUpTime = berOID(0x2b, 6, 1, 2, 1, 1, 3, 0)
	oidIfDescr   = berOID(0x2b, 6, 1, 2, 1, 2, 2, 1, 2, 7)
	oidCisco     = berOID(0x2b, 6, 1, 4, 1, 9, 1, 0x81, 0x30)
	oidUCD       = berOID(0x2b, 6, 1, 4, 1, 0x8f, 0x65, 4, 1)
	oidTrap      = berOID(0x2b, 6, 1, 6, 3, 1, 1, 4, 1, 0)
	oidExp       = berOID(0x2b, 6, 1, 3, 99, 1)
	oidOther     = berOID(0x2b, 6, 1, 5, 5, 7)
	oidJoint     = berOID(0x88, 0x37, 1)
)

func snmpVB(oid []byte, val []byte) []byte { return ber(0x30, oid, val) }

func snmpPDU(tag byte, reqID, es, ei int64, vbs ...[]byte) []byte {
	return ber(tag, berInt(reqID), berInt(es), berInt(ei), ber(0x30, vbs...))
}

func snmpMsgV(version int64, community string, pdu []byte) []byte {
	return ber(0x30, berInt(version), ber(4, []byte(community)), pdu)
}

func synthSNMP1() []synthPkt {
	null := []byte{5, 0}
	get := func(v int64, c string, pdu []byte) synthPkt { return udpPkt(40000, 161, snmpMsgV(v, c, pdu)) }
	resp := func(v int64, c string, pdu []byte) synthPkt { return udpPktBack(161, 40000, snmpMsgV(v, c, pdu)) }
	trap := func(v int64, pdu []byte) synthPkt { return udpPkt(40000, 162, snmpMsgV(v, "public", pdu)) }
	v1trap := func(ent []byte, generic, specific int64, vbs ...[]byte) []byte {
		return ber(0xa4, ent, ber(0x40, ipA), berInt(generic), berInt(specific), ber(0x43, be32(123456)), ber(0x30, vbs...))
	}
	return []synthPkt{
		get(0, "public", snmpPDU(0xa0, 1, 0, 0, snmpVB(oidSysDescr, null), snmpVB(oidSysUpTime, null))),
		resp(1, "private", snmpPDU(0xa2, 1, 0, 0, snmpVB(oidSysDescr, ber(4, []byte("Linux router 6.1"))),
			snmpVB(oidSysUpTime, ber(0x43, be32(8640000))), snmpVB(oidIfDescr, ber(4, []byte{0, 1, 0xfe})),
			snmpVB(oidCisco, berInt(-129)), snmpVB(oidUCD, ber(0x41, be32(0xffffffff))), snmpVB(oidTrap, ber(0x42, []byte{1, 0})),
			snmpVB(oidExp, ber(0x46, be32(1), be32(2))), snmpVB(oidOther, ber(0x40, ipB)), snmpVB(oidJoint, oidSysDescr))),
		resp(1, "cm", snmpPDU(0xa2, 2, 0, 0, snmpVB(oidSysDescr, []byte{0x80, 0}), snmpVB(oidSysDescr, []byte{0x81, 0}),
			snmpVB(oidSysDescr, []byte{0x82, 0}), snmpVB(oidSysDescr, null), snmpVB(oidSysDescr, ber(0x44, []byte{9})),
			snmpVB(oidSysDescr, ber(1, []byte{1})), snmpVB(oidSysDescr, ber(0x40, ipB[:3])), snmpVB(oidSysDescr, ber(0x83, nil)))),
		get(1, "public", snmpPDU(0xa5, 7, 0, 10, snmpVB(oidIfDescr, null))),
		get(1, "public", snmpPDU(0xa1, 8, 0, 0, snmpVB(oidIfDescr, berInt(1)))),
		get(1, "secret", snmpPDU(0xa3, 9, 0, 0, snmpVB(oidSysDescr, ber(4, []byte("new"))))),
		get(1, "public", snmpPDU(0xa3, 9, 3, 1, snmpVB(oidSysDescr, ber(4, nil)))),
		resp(1, "public", snmpPDU(0xa2, 9, 2, 1, snmpVB(oidSysDescr, null))),
		resp(1, "public", snmpPDU(0xa2, 9, 0, 4, snmpVB(oidSysDescr, null))),
		resp(1, "public", snmpPDU(0xa2, 9, 5, 0, snmpVB(oidSysDescr, null))),
		resp(1, "public", snmpPDU(0xa2, 9, 25, 2, snmpVB(oidSysDescr, null))),
		resp(1, "public", snmpPDU(0xa2, 9, -1, 2)),
		trap(0, v1trap(oidCisco, 2, 0, snmpVB(oidIfDescr, ber(4, []byte("eth0"))))),
		trap(0, v1trap(oidUCD, 6, 5)),
		trap(0, v1trap(oidExp, 9, 3)),
		trap(1, snmpPDU(0xa7, 10, 0, 0, snmpVB(oidSysUpTime, ber(0x43, be32(5))), snmpVB(oidTrap, oidCisco))),
		trap(1, snmpPDU(0xa6, 11, 0, 0, snmpVB(oidSysUpTime, ber(0x43, be32(5))))),
		trap(1, snmpPDU(0xa8, 12, 0, 0, snmpVB(oidTrap, ber(0x41, []byte{3})))),
		get(0, "public", snmpPDU(0xa5, 1, 0, 0)),
		trap(1, v1trap(oidCisco, 0, 0)),
		get(2, "public", snmpPDU(0xa0, 1, 0, 0)),
		get(-1, "public", snmpPDU(0xa0, 1, 0, 0)),
		cutPkt(resp(1, "private", snmpPDU(0xa2, 1, 0, 0, snmpVB(oidSysDescr, ber(4, []byte("Linux router 6.1"))))), 6),
		cutPkt(get(0, "public", snmpPDU(0xa0, 1, 0, 0, snmpVB(oidSysDescr, null))), 5),
	}
}

func synthSNMP2() []synthPkt {
	null := []byte{5, 0}
	v3 := func(flags byte, model int64, usm, scoped []byte) synthPkt {
		hdr := ber(0x30, berInt(91), berInt(65507), ber(4, []byte{flags}), berInt(model))
		return udpPkt(40000, 161, ber(0x30, berInt(3), hdr, ber(4, usm), scoped))
	}
	engine := []byte{0x80, 0, 0x1f, 0x88, 4, 'x'}
	usm := ber(0x30, ber(4, engine), berInt(7), berInt(123456), ber(4, []byte("admin")), ber(4, bytes16(0xaa)[:12]), ber(4, nil))
	scoped := ber(0x30, ber(4, engine), ber(4, nil), snmpPDU(0xa0, 5, 0, 0, snmpVB(oidSysDescr, null)))
	raw := func(b ...[]byte) synthPkt { return udpPkt(40000, 161, cat(b...)) }
	return []synthPkt{
		v3(4, 3, ber(0x30, ber(4, nil), berInt(0), berInt(0), ber(4, nil), ber(4, nil), ber(4, nil)),
			ber(0x30, ber(4, nil), ber(4, nil), snmpPDU(0xa0, 5, 0, 0))),
		v3(5, 3, usm, scoped),
		v3(7, 3, usm, ber(4, []byte{0x11, 0x22, 0x33})),
		v3(1, 3, usm, ber(0x30, ber(4, engine), ber(4, []byte("ctx")), snmpPDU(0xa8, 5, 0, 0, snmpVB(oidSysDescr, ber(0x41, []byte{1}))))),
		v3(2, 3, usm, scoped), v3(4, 2, usm, scoped),
		udpPkt(40000, 161, ber(0x30, berInt(3), ber(0x30, berInt(1), berInt(2), ber(4, []byte{4, 0}), berInt(3)), ber(4, usm), scoped)),
		v3(4, 3, ber(0x30, ber(4, engine), berInt(7), berInt(1), ber(4, []byte("u")), ber(4, nil), ber(4, nil), berInt(1)), scoped),
		raw(berInt(5)),
		raw(ber(0x30, berInt(1), ber(4, []byte("public")), snmpPDU(0xa0, 1, 0, 0)), []byte{0, 0}),
		raw([]byte{0x30, 0x20, 2, 1, 1}),
		raw([]byte{0x30, 0x81, 0x05}, berInt(1), []byte{0x04, 0}),
		raw([]byte{0x30, 0x84}),
		raw([]byte{0x3f, 0x81, 0x01, 0}),
		raw([]byte{0x1f, 0x85}),
		raw([]byte{0x30, 3, 0xc1, 1, 7}),
		raw([]byte{0x30, 3, 0x61, 1, 7}),
		raw([]byte{0x30, 3, 0x32, 1, 7}),
		raw([]byte{0x30, 2, 2, 0}),
		raw([]byte{0x30, 0}),
		raw(ber(0x30, berInt(0), ber(4, []byte("public")), ber(0xa0, berInt(1), berInt(0), berInt(0), berInt(7)))),
		raw(ber(0x30, berInt(0), ber(4, []byte("public")), ber(0xa0, berInt(1), berInt(0), berInt(0), ber(0x30, berInt(1))))),
		raw(ber(0x30, berInt(0), ber(4, []byte("public")), ber(0xa0, berInt(1), berInt(0), berInt(0), ber(0x30, ber(0x30, berInt(1), null))))),
		raw(ber(0x30, berInt(0), berInt(4), ber(0xa0))),
		raw(ber(0x30, berInt(0), ber(4, []byte("public")), berInt(1))),
	}
}

func synthApps6All() []synthPkt {
	var all []synthPkt
	for _, f := range []func() []synthPkt{synthDHCP6, synthDNS2, synthICMP6a, synthICMP6b, synthICMP6c, synthICMP4a,
		synthICMP4b, synthICMP4c, synthIPOpts, synthIP6Ext, synthMobility, synthNTPCtl, synthSNMP1, synthSNMP2} {
		all = append(all, f()...)
	}
	return all
}

// synthPlain holds TLS and WireGuard traffic: tcpdump 4.99.3 has no
// dissector for either, so they print as plain TCP and UDP.
func synthPlain() []synthPkt {
	hello := cat([]byte{0x16, 3, 1}, be16(49), []byte{1, 0, 0, 45, 3, 3}, bytes16(0x42), bytes16(0x24), []byte{0, 0, 2, 0x13, 1, 1, 0})
	tls := func(sport, dport int, payload []byte) synthPkt {
		return synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 13, 0x4000, nil, tcpSeg(ipA, ipB, sport, dport, 100, 200, 0x18, 502, nil, payload)))}
	}
	wg := func(sport, dport int, payload []byte) synthPkt {
		return synthPkt{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 17, udpSeg(ip6A, ip6B, sport, dport, payload)))}
	}
	initiation := cat([]byte{1, 0, 0, 0}, be32(0x11223344), bytes16(0x01), bytes16(0x02), bytes16(0x03), bytes16(0x04), bytes16(0x05), bytes16(0x06)[:4], make([]byte, 32))
	return []synthPkt{
		tls(50000, 443, hello), tls(443, 50000, cat([]byte{0x17, 3, 3}, be16(5), []byte("hello"))),
		tls(50001, 8443, hello), tls(443, 50000, []byte{0x15, 3, 3, 0, 2, 1, 0}),
		wg(51820, 51820, initiation[:148]), wg(51820, 51820, cat([]byte{2, 0, 0, 0}, be32(1), be32(0x11223344), make([]byte, 80))),
		wg(40000, 51820, cat([]byte{4, 0, 0, 0}, be32(0x11223344), make([]byte, 8), make([]byte, 32))),
		synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 14, 0, nil, udpSeg(ipA, ipB, 443, 443, cat([]byte{0xc0, 0, 0, 0, 1}, make([]byte, 20)))))},
	}
}

func writeSyntheticApps6(t *testing.T, dir string) {
	bad := damaged(synthApps6All())
	half := len(bad) / 2
	for name, pkts := range map[string][]synthPkt{
		"synthetic-apps6-damaged1.pcap": bad[:half],
		"synthetic-apps6-damaged2.pcap": bad[half:],
		"synthetic-dhcp6.pcap":          synthDHCP6(),
		"synthetic-dns2.pcap":           synthDNS2(),
		"synthetic-icmp6a.pcap":         synthICMP6a(),
		"synthetic-icmp6b.pcap":         synthICMP6b(),
		"synthetic-icmp6c.pcap":         synthICMP6c(),
		"synthetic-icmp4a.pcap":         synthICMP4a(),
		"synthetic-icmp4b.pcap":         synthICMP4b(),
		"synthetic-icmp4c.pcap":         synthICMP4c(),
		"synthetic-ipopts.pcap":         synthIPOpts(),
		"synthetic-ip6ext.pcap":         synthIP6Ext(),
		"synthetic-mobility.pcap":       synthMobility(),
		"synthetic-ntpctl.pcap":         synthNTPCtl(),
		"synthetic-snmp1.pcap":          synthSNMP1(),
		"synthetic-snmp2.pcap":          synthSNMP2(),
		"synthetic-tls-wg.pcap":         synthPlain(),
	} {
		if err := writePcap(filepath.Join(dir, name), 1, pkts); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteApps6Fuzz writes PRINTER_APPS6_FUZZ=<file>: many randomly
// damaged variants of this file's packets, to compare with tcpdump.
func TestWriteApps6Fuzz(t *testing.T) {
	out := os.Getenv("PRINTER_APPS6_FUZZ")
	if out == "" {
		t.Skip("set PRINTER_APPS6_FUZZ=<file.pcap>")
	}
	var frames []pcap.Packet
	for _, p := range synthApps6All() {
		if p.wirLen == 0 {
			frames = append(frames, pcap.Packet{Data: p.data})
		}
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	if err := writePcap(out, 1, damagedHeaders(frames, seed, 12, 200)); err != nil {
		t.Fatal(err)
	}
}

// TestWriteApps6Captures writes the captures to PRINTER_APPS6_OUT (a
// directory), to compare with tcpdump before recording goldens.
func TestWriteApps6Captures(t *testing.T) {
	out := os.Getenv("PRINTER_APPS6_OUT")
	if out == "" {
		t.Skip("set PRINTER_APPS6_OUT=<dir>")
	}
	writeSyntheticApps6(t, out)
}
