package printer

// synthISAKMP covers the IKE payloads the shared captures lack
// (print-isakmp.c): IKEv1 main, aggressive, quick and informational
// exchanges with every payload type and attribute map, IKEv2 SA_INIT and
// IKE_AUTH with proposals, transforms, notifications and the encrypted
// payload, NAT-T on port 4500, the initiator cookie cache across packets
// (IPv4 and IPv6) and truncated or malformed messages.
func synthISAKMP() []synthPkt {
	udp4 := func(src, dst []byte, sport, dport int, payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(src, dst, 17, 21, 0, nil, udpSeg(src, dst, sport, dport, payload)))}
	}
	udp6 := func(src, dst []byte, payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x86dd, ipv6(src, dst, 17, udpSeg(src, dst, 500, 500, payload)))}
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	// pay chains payloads: each is (type, body); the generic header's next
	// payload field is the type of the following one.
	type pl struct {
		typ  byte
		body []byte
	}
	chain := func(ps ...pl) []byte {
		var out []byte
		for i, p := range ps {
			np := byte(0)
			if i+1 < len(ps) {
				np = ps[i+1].typ
			}
			out = append(out, cat([]byte{np, 0}, be16(4+len(p.body)), p.body)...)
		}
		return out
	}
	hdr := func(icookie, rcookie uint64, np, ver, etype, flags byte, msgid uint32, body []byte, extra int) []byte {
		ck := func(v uint64) []byte { return cat(be32(uint32(v>>32)), be32(uint32(v))) }
		return cat(ck(icookie), ck(rcookie), []byte{np, ver, etype, flags}, be32(msgid), be32(uint32(28+len(body)+extra)), body)
	}
	tv := func(t, v int) []byte { return cat(be16(0x8000|t), be16(v)) }
	tlv := func(t int, v ...byte) []byte { return cat(be16(t), be16(len(v)), v) }
	transform := func(no, id byte, attrs ...[]byte) []byte { return cat([]byte{no, id, 0, 0}, cat(attrs...)) }
	oakley := chain(
		pl{3, transform(0, 1, tv(1, 7), tv(14, 256), tv(2, 4), tv(3, 65001), tv(3, 1), tv(4, 14), tv(4, 18), tv(5, 2),
			tv(11, 1), tlv(12, 0, 1, 0x51, 0x80), tv(6, 9), tv(20, 3))},
		pl{3, transform(1, 1, tv(1, 5), tv(2, 2), tv(3, 3), tv(4, 2), tv(11, 2), tv(12, 3600))},
		pl{3, transform(2, 9, tv(1, 1))})
	proposal := func(no, proto byte, spi []byte, ts []byte, n byte) []byte {
		return cat([]byte{no, proto, byte(len(spi)), n}, spi, ts)
	}
	saV1 := func(sit uint32, props ...[]byte) []byte {
		var ps []pl
		for _, p := range props {
			ps = append(ps, pl{2, p})
		}
		return cat(be32(1), be32(sit), chain(ps...))
	}
	ipsecT := chain(pl{3, transform(1, 3, tv(1, 1), tlv(2, 0, 0, 0x0e, 0x10), tv(3, 2), tv(4, 1), tv(5, 2), tv(6, 128),
		tv(7, 1), tv(8, 2), tlv(9, 1), tv(44, 1))}, pl{3, transform(2, 12, tv(4, 2), tv(5, 9))})
	ahT := chain(pl{3, transform(1, 3, tv(5, 2))}, pl{3, transform(2, 9)})
	compT := chain(pl{3, transform(1, 2)})
	nonce := make([]byte, 24)
	for i := range nonce {
		nonce[i] = byte(i * 7)
	}
	id := func(typ, proto byte, port int, data ...byte) []byte { return cat([]byte{typ, proto}, be16(port), data) }
	notifyV1 := func(doi uint32, proto, spiLen byte, typ int, rest ...byte) []byte {
		return cat(be32(doi), []byte{proto, spiLen}, be16(typ), rest)
	}
	const ick, rck = 0x1122334455667788, 0x99aabbccddeeff00
	mainI := hdr(ick, 0, 1, 0x10, 2, 0, 0, chain(pl{1, saV1(1, proposal(0, 1, nil, oakley, 3))},
		pl{13, []byte("vendor-id-bytes")}), 0)
	mainR := hdr(ick, rck, 1, 0x10, 2, 0, 0, chain(pl{1, saV1(1, proposal(0, 1, nil, oakley[:8+4*4], 1))}), 0)
	ke := hdr(ick, rck, 4, 0x10, 2, 0, 0, chain(pl{4, make([]byte, 32)}, pl{10, nonce}, pl{20, []byte{1, 2, 3, 4}},
		pl{7, []byte{4, 0x30, 0x31}}), 0)
	ids := hdr(ick, rck, 5, 0x10, 2, 0, 0, chain(pl{5, id(1, 17, 500, 192, 0, 2, 1)}, pl{5, id(2, 0, 0, []byte("vpn.example.com\x01")...)},
		pl{5, id(3, 6, 80, []byte("user@example.com")...)}, pl{5, id(4, 0, 0, 198, 51, 100, 0, 255, 255, 255, 0)},
		pl{5, id(5, 0, 0, ip6A...)}, pl{5, id(6, 0, 0, cat(ip6A, ip6B)...)}, pl{5, id(7, 0, 0, 192, 0, 2, 1, 192, 0, 2, 9)},
		pl{5, id(8, 0, 0, cat(ip6A, ip6B)...)}, pl{5, id(9, 0, 0, 0x30, 0x03, 1, 2, 3)}, pl{5, id(11, 0, 0, 0xab, 0xcd)},
		pl{5, id(1, 0, 0, 1, 2)}, pl{5, id(5, 0, 0, 1)}, pl{5, id(4, 0, 0, 1)}, pl{5, id(6, 0, 0, 1)}, pl{5, id(7, 0, 0)},
		pl{5, id(8, 0, 0, 1, 2)}, pl{5, id(99, 0, 0, 7)}, pl{6, []byte{4, 0x30, 0x82, 0x01}}, pl{6, []byte{42, 9}},
		pl{8, []byte{0xde, 0xad, 0xbe, 0xef}}, pl{9, []byte{1, 2, 3}}), 0)
	quick := hdr(ick, rck, 8, 0x10, 32, 0, 0x01020304, chain(pl{8, make([]byte, 20)},
		pl{1, saV1(1, proposal(1, 3, []byte{0xca, 0xfe, 0xba, 0xbe}, ipsecT, 2), proposal(1, 2, []byte{1, 2, 3, 4}, ahT, 2),
			proposal(2, 4, []byte{0, 9}, compT, 1))},
		pl{10, nonce[:16]}, pl{5, id(1, 17, 0, 192, 0, 2, 1)}), 0)
	sit := hdr(ick, rck, 1, 0x10, 32, 0, 0x01020305, chain(pl{1, saV1(6, proposal(1, 9, nil, chain(pl{3, transform(1, 5, tv(1, 1))}), 1))},
		pl{1, cat(be32(2), be32(7))}), 0)
	info := hdr(ick, rck, 11, 0x10, 5, 0, 0x0badcafe, chain(
		pl{11, notifyV1(1, 3, 4, 24576, cat([]byte{1, 2, 3, 4}, tv(11, 1), tlv(12, 0, 0, 0x70, 0x80))...)},
		pl{11, notifyV1(1, 2, 0, 24577, 0, 0, 0, 1)}, pl{11, notifyV1(1, 1, 0, 24578)},
		pl{11, notifyV1(1, 1, 0, 14, []byte("proposal data that is long")...)}, pl{11, notifyV1(1, 1, 0, 8192)},
		pl{11, notifyV1(1, 1, 0, 9000)}, pl{11, notifyV1(1, 1, 0, 16384)}, pl{11, notifyV1(1, 1, 0, 30000)},
		pl{11, notifyV1(1, 1, 0, 40000)}, pl{11, notifyV1(7, 1, 2, 3, 9, 9)}, pl{11, notifyV1(7, 1, 0, 10000)},
		pl{11, notifyV1(7, 1, 0, 20000)}, pl{11, notifyV1(7, 1, 0, 25000)}, pl{11, notifyV1(1, 1, 0, 99)},
		pl{12, cat(be32(1), []byte{3, 4}, be16(2), []byte{1, 1, 1, 1, 2, 2, 2, 2})}, pl{12, cat(be32(9), []byte{1, 0}, be16(0))}), 0)
	agg := hdr(0x0102030405060708, 0, 1, 0x10, 4, 0, 0, chain(pl{1, saV1(1, proposal(0, 1, nil, oakley[:8+4*4], 1))},
		pl{4, make([]byte, 8)}, pl{10, nonce[:8]}, pl{5, id(2, 0, 0, 'a', 'b')}), 0)
	enc := hdr(ick, rck, 8, 0x10, 32, 3, 0x01020304, make([]byte, 32), 0)
	weird := hdr(ick, rck, 60, 0x10, 99, 4, 0x01020304, chain(pl{60, []byte{1, 2}}, pl{14, []byte{3}}, pl{46, []byte{4}}), 9)
	zero := hdr(ick, rck, 13, 0x10, 2, 0, 0, cat([]byte{0, 0, 0, 4}), 0)
	// IKEv2
	v2t := func(typ byte, id int, attrs ...byte) []byte { return cat([]byte{typ, 0}, be16(id), attrs) }
	v2trans := func(ts ...[]byte) []byte {
		var ps []pl
		for _, t := range ts {
			ps = append(ps, pl{3, t})
		}
		return chain(ps...)
	}
	v2prop := func(no, proto byte, spi []byte, n byte, ts []byte) []byte {
		return cat([]byte{no, proto, byte(len(spi)), n}, spi, ts)
	}
	sa2 := chain(pl{2, v2prop(1, 1, nil, 5, v2trans(v2t(1, 12, tv(14, 256)...), v2t(2, 2), v2t(3, 2), v2t(4, 14), v2t(5, 0), v2t(9, 3)))},
		pl{2, v2prop(2, 3, []byte{1, 2, 3, 4}, 2, v2trans(v2t(1, 20), v2t(5, 1)))})
	nat := make([]byte, 20)
	v2n := func(proto, spiLen byte, typ int, rest ...byte) []byte {
		return cat([]byte{proto, spiLen}, be16(typ), rest)
	}
	const i2, r2 = 0x0a0b0c0d0e0f1011, 0x2122232425262728
	init2 := hdr(i2, 0, 33, 0x20, 34, 0x08, 0, chain(pl{33, sa2}, pl{34, cat(be16(14), be16(0), make([]byte, 16))},
		pl{40, nonce}, pl{41, v2n(0, 0, 16388, nat...)}, pl{41, v2n(0, 0, 16390, []byte{1, 2, 3}...)},
		pl{41, v2n(1, 4, 4, 9, 9, 9, 9)}, pl{41, v2n(0, 0, 1)}, pl{41, v2n(3, 4, 5000, 1, 2, 3, 4)},
		pl{41, v2n(0, 0, 12000)}, pl{41, v2n(0, 0, 30000)}, pl{41, v2n(0, 0, 50000)}, pl{41, v2n(0, 0, 16384)},
		pl{43, []byte("strongSwan\x01")}), 0)
	resp2 := hdr(i2, r2, 33, 0x20, 34, 0x20, 0, chain(pl{33, sa2[:8+8*6-4]}, pl{34, cat(be16(99), be16(0))},
		pl{38, []byte{4, 1, 2}}, pl{40, nonce[:4]}), 0)
	auth2 := hdr(i2, r2, 46, 0x20, 35, 0x08, 1, chain(pl{46, make([]byte, 40)}), 0)
	plain2 := hdr(i2, r2, 35, 0x20, 35, 0x28, 1, chain(pl{35, cat([]byte{1, 0, 0, 0}, []byte{192, 0, 2, 1})},
		pl{36, cat([]byte{2, 0, 0, 0}, []byte("gw.example"))}, pl{35, cat([]byte{3, 0, 0, 0}, []byte("a@b\x02"))},
		pl{35, cat([]byte{5, 0, 0, 0}, ip6A)}, pl{35, cat([]byte{9, 0, 0, 0}, []byte{0x30, 0})}, pl{35, cat([]byte{10, 0, 0, 0}, []byte{7})},
		pl{35, cat([]byte{11, 0, 0, 0}, []byte{8})}, pl{35, cat([]byte{42, 0, 0, 0}, []byte{8})},
		pl{39, cat([]byte{2, 0, 0, 0}, make([]byte, 20))}, pl{39, cat([]byte{7, 0, 0, 0}, []byte{1})},
		pl{37, []byte{4, 0x30}}, pl{42, []byte{3, 4, 0, 1, 1, 2, 3, 4}}, pl{44, []byte{1, 0, 0, 0, 7}},
		pl{45, []byte{1, 0, 0, 0, 7}}, pl{47, []byte{1, 0, 0, 0}}, pl{48, []byte{1, 1, 0, 5, 1}}, pl{41, v2n(0, 0, 16393, 1, 2)},
		pl{1, saV1(1, proposal(0, 1, nil, oakley[:8+4*2], 1))}, pl{50, []byte{1}}), 0)
	plain2[29] = 0x80 // critical bit on the first payload
	child := hdr(i2, r2, 41, 0x20, 36, 0x08, 2, chain(pl{41, v2n(3, 4, 16393, 0xde, 0xad, 0xbe, 0xef)}), 0)
	badProp := hdr(i2, r2, 33, 0x20, 34, 0x08, 0, chain(pl{33, cat([]byte{0, 0, 0, 9, 1, 1, 8, 1}, []byte{1, 2})},
		pl{33, cat([]byte{2, 0, 0, 40}, []byte{1, 1, 0, 1}, []byte{0, 0, 0, 4})}), 0)
	natt := func(b []byte) []byte { return cat(be32(0), b) }
	a, bb := ipA, ipB
	pkts := []synthPkt{
		udp4(a, bb, 500, 500, mainI), udp4(bb, a, 500, 500, mainR), udp4(a, bb, 500, 500, ke), udp4(bb, a, 500, 500, ke),
		udp4(a, bb, 500, 500, ids), udp4(a, bb, 500, 500, quick), udp4(bb, a, 500, 500, sit), udp4(a, bb, 500, 500, info),
		udp4(a, bb, 500, 500, agg), udp4(a, bb, 500, 500, enc), udp4(a, bb, 500, 500, weird), udp4(a, bb, 500, 500, zero),
		udp4([]byte{198, 51, 100, 7}, bb, 500, 500, ke),
		udp4(a, bb, 500, 500, init2), udp4(bb, a, 500, 500, resp2), udp4(a, bb, 4500, 4500, natt(auth2)),
		udp4(a, bb, 4500, 4500, natt(plain2)), udp4(bb, a, 500, 500, child), udp4(a, bb, 500, 500, badProp),
		udp4(a, bb, 4500, 4500, []byte{0xff}), udp4(a, bb, 4500, 4500, []byte{0, 0}),
		udp4(a, bb, 4500, 4500, cat(be32(0x1000), be32(7), make([]byte, 24))), udp4(a, bb, 4500, 4500, natt(mainI[:20])),
		udp4(a, bb, 7500, 40000, mainI), udp4(a, bb, 500, 500, mainI[:27]),
		udp6(ip6A, ip6B, hdr(0x3132333435363738, 0, 13, 0x10, 2, 0, 0, chain(pl{13, []byte{1, 2, 3, 4, 5}}), 0)),
		udp6(ip6B, ip6A, hdr(0x3132333435363738, 1, 13, 0x10, 2, 0, 0, chain(pl{13, []byte{1, 2, 3, 4, 5}}), 0)),
		udp6(ip6A, ip6B, hdr(0x3132333435363738, 1, 13, 0x10, 2, 0, 0, chain(pl{13, []byte{1}}), 0)),
		udp4(a, bb, 500, 500, hdr(0x3132333435363738, 1, 0, 0x10, 2, 0, 0, nil, 0)),
		udp4(a, bb, 500, 500, hdr(0, 5, 0, 0x10, 2, 0, 0, nil, 0)),
		udp4(a, bb, 500, 500, hdr(0x77, 5, 0, 0x30, 2, 0, 0, nil, 0)),
	}
	for _, n := range []int{3, 11, 25, 60, 110} {
		pkts = append(pkts, cut(udp4(a, bb, 500, 500, ids), n), cut(udp4(a, bb, 500, 500, info), n))
	}
	for _, n := range []int{5, 17, 40, 90} {
		pkts = append(pkts, cut(udp4(a, bb, 500, 500, init2), n), cut(udp4(a, bb, 4500, 4500, natt(plain2)), n),
			cut(udp4(a, bb, 500, 500, quick), n))
	}
	return pkts
}
