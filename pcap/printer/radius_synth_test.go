package printer

// synthRADIUS covers the RADIUS attributes the shared capture lacks
// (print-radius.c): every attribute printer (strings with tags, numbers
// with value tables, addresses, IPv6 prefixes, times, vendor-specific
// attributes of every known SMI enterprise, the RFC 5580 location
// attributes), bogus lengths and truncated packets.
func synthRADIUS() []synthPkt {
	pkt := func(sport, dport int, payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 17, 8, 0, nil, udpSeg(ipA, ipB, sport, dport, payload)))}
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	attr := func(typ byte, v ...byte) []byte { return cat([]byte{typ, byte(2 + len(v))}, v) }
	msg := func(code, id byte, attrs ...[]byte) []byte {
		a := cat(attrs...)
		auth := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
		return cat([]byte{code, id}, be16(20+len(a)), auth, a)
	}
	num := func(typ byte, v uint32) []byte { return attr(typ, be32(v)...) }
	str := func(typ byte, s string) []byte { return attr(typ, []byte(s)...) }
	ntp := cat(be32(3913056000), be32(0x80000000))
	var vendors []byte
	for _, v := range smiValues {
		vendors = append(vendors, attr(26, cat(be32(v.bit), []byte{1, 5, 'a', 'b', 'c'})...)...)
	}
	req := msg(1, 1, str(1, "alice"), attr(2, make([]byte, 16)...), attr(3, 1, 2, 3), num(4, 0xc0000201), num(5, 7),
		num(6, 2), num(6, 19), num(6, 0), num(6, 20), num(7, 1), num(7, 7), num(8, 0xffffffff), num(8, 0xfffffffe),
		num(8, 0xc0000202), num(9, 0xffffff00), num(10, 3), num(10, 4), str(11, "filter"), num(12, 1500), num(13, 1),
		num(14, 0xfffffffe), num(15, 8), num(16, 23), attr(17, 1), str(18, "hello\x00world"), str(19, "123"),
		str(20, "cb"), str(22, "198.51.100.0/24"), num(23, 0xfffffffe), num(23, 5), str(24, "state\x01"),
		str(25, "class"), num(27, 59), num(28, 3599), num(41, 7200), num(46, 86399), num(85, 60), num(29, 1),
		str(30, "called"), str(31, "calling"), str(32, "nas"), str(33, "proxy"), num(37, 0), num(37, 5), num(38, 0),
		num(38, 6), num(40, 15), num(40, 16), num(45, 4), num(49, 23), num(49, 24), num(55, 1700000000), num(56, 0x3100007b),
		num(57, 9), str(58, "\x32vlan"), attr(59, 1, 2), num(61, 43), num(61, 44), num(64, 0x0000000d), num(64, 0x0500000e),
		num(65, 0x00000001), num(65, 0x20000010), str(66, "\x05client"), str(67, "server"), str(67, "\x00x"),
		attr(69, 3, 0x12, 0x34, 'p', 'w'), attr(69, 1), num(72, 4), num(76, 1), num(76, 2), str(79, "\x02\x01\x00\x0a\x01user\x00"),
		str(81, "\x00grp"), num(83, 0x01000005), num(83, 0x00000006), attr(95, ip6A...), attr(95, 1, 2),
		attr(97, cat([]byte{0, 64}, ip6A[:8])...), attr(97, 0, 129), attr(97, 0, 70, 1), attr(97, 1), attr(98, ip6B...),
		attr(123, cat([]byte{0, 48}, ip6A[:6])...), num(101, 404), num(101, 999), attr(101, 1),
		attr(124, 0, 0, 0x3f, 0, 0, 0, 0, 3), attr(124, 1), attr(125, cat([]byte{64}, ip6A)...), attr(125, 200, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
		attr(125, 1), attr(126, cat([]byte{0x31}, []byte("example.net"))...), attr(126, 0x40, 'x'), attr(126),
		attr(127, cat(be16(1), []byte{1, 0}, ntp, ntp, []byte("GPS\x01"))...), attr(127, 1, 2),
		attr(128, cat(be16(2), []byte("location-object-bytes"))...), attr(128, 1),
		attr(129, cat(be16(0x8001), ntp, []byte("nope"))...), attr(129, cat(be16(0), ntp)...), attr(129, 1),
		attr(70, make([]byte, 16)...), attr(70, 1), attr(71, 1, 6, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), attr(71, 0),
		attr(84, 9, 8, 7, 6, 5, 4, 3, 2), attr(84, 1), num(130, 1), attr(200, 1, 2), attr(0, 5), attr(26, 0, 0, 0, 9, 1, 1),
		attr(26, 0, 0, 0, 9, 1, 9, 'x'), attr(26, 0, 0, 0, 9, 1, 3, 'x', 2), attr(26, 1, 2), attr(5, 1), attr(55, 1),
		attr(4, 1), attr(114, 1), num(114, 0), attr(1))
	pkts := []synthPkt{
		pkt(40000, 1812, req), pkt(40000, 1813, msg(4, 2, vendors)),
		pkt(1812, 40000, msg(2, 1, str(18, "ok"))), pkt(40000, 3799, msg(43, 3)), pkt(40000, 1645, msg(99, 4, attr(1))),
		pkt(40000, 1646, msg(255, 5, attr(1, 'a'), []byte{1})), pkt(40000, 1700, msg(40, 6, attr(1, 'a'), []byte{1, 90})),
		pkt(40000, 1812, cat([]byte{1, 1}, be16(12), make([]byte, 16))), pkt(40000, 1812, cat([]byte{1, 1}, be16(300), make([]byte, 16))),
		pkt(40000, 1812, []byte{1, 1, 0}),
	}
	for _, n := range []int{2, 9, 40, 200, 500} {
		pkts = append(pkts, cut(pkt(40000, 1812, req), n))
	}
	return pkts
}
