package printer

// synthBabel covers the Babel TLVs and sub-TLVs the shared captures lack
// (print-babel.c): every TLV type in both verbosities, IPv4, IPv6,
// link-local and v4-via-v6 prefixes with omitted bytes taken from earlier
// Updates, sub-TLVs, the packet trailer, and malformed or truncated
// packets.
func synthBabel() []synthPkt {
	ll := []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	mc := []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 6}
	pkt := func(payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x86dd, ipv6(ll, mc, 17, udpSeg(ll, mc, 6696, 6696, payload)))}
	}
	tlv := func(typ byte, v ...byte) []byte { return cat([]byte{typ, byte(len(v))}, v) }
	babel := func(body []byte, trailer ...byte) []byte {
		return cat([]byte{42, 2}, be16(len(body)), body, trailer)
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	id := []byte{2, 0, 0x5e, 0xff, 0xfe, 0, 0x53, 1}
	update := func(ae, flags, plen, omitted byte, interval, seqno, metric int, prefix ...byte) []byte {
		return tlv(8, cat([]byte{ae, flags, plen, omitted}, be16(interval), be16(seqno), be16(metric), prefix)...)
	}
	v6 := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2}
	all := cat(
		[]byte{0}, tlv(1, 0, 0, 0), tlv(2, 0, 0, 0x12, 0x34, 0, 100), tlv(3, 0x12, 0x34),
		tlv(4, 0x80, 0, 0, 7, 1, 144), tlv(4, 0, 0, 0, 8, 0, 0), tlv(4, 0, 0, 0, 9, 0, 0, 3, 4, 0, 0, 0x30, 0x39),
		tlv(5, 2, 0, 0, 96, 1, 144, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
		tlv(5, 1, 0, 0xff, 0xff, 0, 0, 192, 0, 2, 1, 3, 8, 0, 0, 0, 1, 0, 0, 0, 2),
		tlv(5, 3, 0, 0, 1, 0, 50, 0, 0, 0, 0, 0, 0, 0, 9), tlv(5, 0, 0, 0, 2, 1, 0), tlv(5, 9, 0, 0, 2, 1, 0),
		tlv(6, cat([]byte{0, 0}, id)...), tlv(7, 1, 0, 192, 0, 2, 254), tlv(7, cat([]byte{2, 0}, ip6A)...), tlv(7, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1),
		tlv(7, 0, 0),
		update(1, 0x80, 24, 0, 400, 10, 96, 198, 51, 100), update(1, 0x40, 32, 3, 400, 11, 96, 7),
		update(2, 0xc0, 64, 0, 0xffff, 12, 0xffff, v6...), update(2, 0x01, 128, 8, 400, 13, 256, 0, 0, 0, 0, 0, 0, 0, 5),
		update(3, 0, 128, 0, 400, 14, 1, 0, 0, 0, 0, 0, 0, 0, 6), update(0, 0, 0, 0, 400, 15, 0xffff),
		update(2, 0, 48, 0, 400, 18, 5, cat(v6[:6], []byte{2, 3, 1, 2, 0x82, 0, 3, 1, 0})...),
		tlv(9, 1, 24, 198, 51, 100), tlv(9, 0, 0), tlv(9, cat([]byte{2, 48}, v6[:6])...),
		tlv(10, cat([]byte{1, 24}, be16(99), []byte{2, 0}, id, []byte{198, 51, 100})...),
		tlv(10, cat([]byte{0, 0}, be16(1), []byte{1, 0}, id)...),
		tlv(11, cat(be16(5), be32(123456))...), tlv(12, cat(be16(3), make([]byte, 16))...),
		tlv(13, cat([]byte{2, 48, 56, 0}, be16(400), be16(20), be16(128), v6[:7], v6[:6])...),
		tlv(13, cat([]byte{1, 16, 24, 0}, be16(400), be16(21), be16(128), []byte{198, 51, 100, 10, 1}, []byte{2, 1, 0})...),
		tlv(14, cat([]byte{2, 56, 48}, v6[:7], v6[:6])...), tlv(14, 0, 0, 0), tlv(14, 1, 24, 8, 198, 51, 100, 10),
		tlv(15, cat([]byte{2, 56}, be16(7), []byte{3, 48}, id, v6[:7], v6[:6])...),
		tlv(15, cat([]byte{1, 24}, be16(7), []byte{3, 8}, id, []byte{198, 51, 100, 10})...),
		tlv(16, 1, 2, 3), tlv(17, cat(be32(77), []byte{1, 2})...), tlv(18, 1, 2), tlv(19, 3, 4), tlv(99, 1))
	short := [][]byte{update(4, 0x80, 16, 0, 0, 16, 5, 198, 51), tlv(9, 4, 32, 192, 0, 2, 1), tlv(7, 4, 0, 192, 0, 2, 1),
		tlv(2, 0), tlv(3), tlv(4, 0), tlv(5, 2, 0), tlv(6, 1), tlv(7, 1), tlv(7, 1, 0, 1), tlv(8, 0),
		update(7, 0, 0, 0, 0, 0, 0), update(1, 0, 33, 0, 0, 0, 0), update(1, 0, 24, 1, 0, 0, 0, 1, 2, 3),
		update(2, 0, 64, 0, 0, 0, 0, 1), tlv(9, 1), tlv(9, 1, 40), tlv(9, 5, 0), tlv(10, 1), tlv(11, 0), tlv(12, 0),
		tlv(13, 0), tlv(14, 2), tlv(15, 1), tlv(17, 0), tlv(18, make([]byte, 193)...), tlv(19, make([]byte, 200)...),
		tlv(4, 0, 0, 0, 1, 0, 1, 3, 3, 0), tlv(5, 0, 0, 0, 1, 0, 1, 3, 4, 0, 0, 0, 1), tlv(4, 0, 0, 0, 1, 0, 1, 2),
		tlv(5, 1, 0, 0, 1, 0, 1, 192, 0, 2)}
	var pkts []synthPkt
	pkts = append(pkts, pkt(babel(all)), pkt(babel(all[:40], 0, 3, 1, 2, 3, 11, 6, 0, 0, 0, 0, 0, 0)))
	for _, s := range short {
		pkts = append(pkts, pkt(babel(s)))
	}
	pkts = append(pkts, pkt([]byte{43, 2, 0, 0}), pkt([]byte{42, 1, 0, 0}), pkt([]byte{42, 2, 0, 9, 1, 0}),
		pkt([]byte{42, 2}), pkt(babel(nil)), pkt(babel(tlv(4, 0, 0), 9)), pkt(babel(nil, 1)),
		pkt(cat(babel(tlv(4, 0, 0, 0, 1, 0, 1)), []byte{4, 6, 0, 0})),
		synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 17, 3, 0, nil, udpSeg(ipA, ipB, 6697, 6697, babel(all[:60]))))})
	for _, n := range []int{1, 5, 30, 100, 250} {
		pkts = append(pkts, cut(pkt(babel(all)), n))
	}
	return append(pkts, synthAHCP(cut)...)
}

// synthAHCP covers print-ahcp.c, the configuration protocol of Babel
// networks: every option type, malformed options and headers.
func synthAHCP(cut func(synthPkt, int) synthPkt) []synthPkt {
	ll := []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	mc := []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0, 0x4f}
	pkt := func(payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x86dd, ipv6(ll, mc, 17, udpSeg(ll, mc, 5359, 5359, payload)))}
	}
	opt := func(typ byte, v ...byte) []byte { return cat([]byte{typ, byte(len(v))}, v) }
	msg := func(typ, mbz byte, opts ...[]byte) []byte {
		o := cat(opts...)
		return cat([]byte{43, 1, 1, 2}, be32(0xdeadbeef), []byte{2, 0, 0x5e, 0xff, 0xfe, 0, 0x53, 1}, bytes16(0xff)[:8],
			[]byte{typ, mbz}, be16(len(o)), o)
	}
	v6 := cat(ip6A, []byte{64})
	opts := cat([]byte{0, 1}, opt(2, be32(1302205531)...), opt(3, be32(3768)...), opt(4, cat(ip6A, ip6B)...),
		opt(5, 192, 0, 2, 1, 198, 51, 100, 1), opt(6, v6...), opt(7, 192, 0, 2, 0, 24), opt(8, ip6B...), opt(9, 192, 0, 2, 9),
		opt(10, cat(v6, v6)...), opt(11, 198, 51, 100, 0, 24), opt(12, ip6A...), opt(13, ip6B...), opt(77, 1, 2),
		opt(2, 1, 2, 3), opt(3, 1, 2, 3, 4, 5), opt(4, 1, 2), opt(11, 1, 2, 3, 4, 5, 6))
	return []synthPkt{
		pkt(msg(0, 0, opts)), pkt(msg(1, 7)), pkt(msg(9, 0, opt(4, ip6A...))), pkt(cat(msg(3, 0, opt(9, 192, 0, 2, 1)), []byte{1, 2})),
		pkt(cat(msg(5, 0)[:24], []byte{2, 0, 0, 9, 1})), pkt(msg(2, 0)[:20]), pkt([]byte{43, 2, 0, 0}), pkt([]byte{42, 1}),
		pkt([]byte{43}), pkt(cat(msg(4, 0, opt(12, ip6A...)), []byte{6})), pkt(cat(msg(4, 0)[:24], []byte{4, 0, 0, 2, 2})),
		pkt(cat(msg(4, 0)[:24], []byte{4, 0, 0, 3, 4, 9, 1})),
		cut(pkt(msg(0, 0, opts)), 20), cut(pkt(msg(0, 0, opts)), 150), cut(pkt(msg(0, 0, opts)), 200),
	}
}
