package printer

// synthBGP covers what the shared BGP captures lack (print-bgp.c): every
// capability, path attribute and Notification code the printer decodes,
// MP_REACH/MP_UNREACH for labeled, VPN and route-target NLRI, several
// messages in a segment, and truncated or malformed messages.
func synthBGP() []synthPkt {
	msg := func(typ byte, body ...[]byte) []byte {
		b := cat(body...)
		return cat(bytes16(0xff), be16(19+len(b)), []byte{typ}, b)
	}
	seq := uint32(1000)
	seg := func(payload ...[]byte) synthPkt {
		pl := cat(payload...)
		s := tcpSeg(ipA, ipB, 42001, 179, seq, 1, 0x18, 502, nil, pl)
		seq += uint32(len(pl))
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 6, 9, 0x4000, nil, s))}
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	capab := func(code byte, v ...byte) []byte { return cat([]byte{code, byte(len(v))}, v) }
	optParam := func(typ byte, v []byte) []byte { return cat([]byte{typ, byte(len(v))}, v) }
	open := func(params ...[]byte) []byte {
		ps := cat(params...)
		return msg(1, []byte{4}, be16(64500), be16(90), []byte{192, 0, 2, 1}, []byte{byte(len(ps))}, ps)
	}
	caps := cat(capab(1, 0, 2, 0, 1), capab(1, 0, 1), capab(2), capab(128), capab(71), capab(3, 0, 1, 0, 1, 1, 0x40, 3),
		capab(4, 0, 1, 4), capab(5, 0, 1, 0, 1, 0, 2), capab(8, 0, 1, 4, 2, 0, 2, 1, 1), capab(64, 0x80, 0x78, 0, 1, 1, 0x80, 0, 2, 1, 0),
		capab(64, 0), capab(65, 0xfb, 0xf0, 0, 1), capab(65, 1), capab(69, 0, 1, 1, 3, 0, 2, 1, 9), capab(69), capab(69, 0, 1, 1, 1, 0),
		capab(70), capab(200, 1, 2, 3))
	attr := func(flags, typ byte, v ...byte) []byte {
		if flags&0x10 != 0 {
			return cat([]byte{flags, typ}, be16(len(v)), v)
		}
		return cat([]byte{flags, typ, byte(len(v))}, v)
	}
	update := func(withdrawn, attrs, nlri []byte) []byte {
		return msg(2, be16(len(withdrawn)), withdrawn, be16(len(attrs)), attrs, nlri)
	}
	ec := func(parts ...[]byte) []byte { return cat(parts...) }
	attrs1 := cat(attr(0x40, 1, 0), attr(0x40, 2, 2, 2, 0xfb, 0xf4, 0xfb, 0xf5, 1, 1, 0, 10, 3, 1, 0, 20, 4, 1, 0, 30),
		attr(0x40, 3, 198, 51, 100, 1), attr(0x80, 4, 0, 0, 0, 50), attr(0x40, 5, 0, 0, 0, 100), attr(0x40, 6),
		attr(0xc0, 7, 0xfb, 0xf4, 192, 0, 2, 9), attr(0xc0, 7, 0, 1, 0, 0, 192, 0, 2, 9), attr(0xc0, 18, 0, 1, 0, 0, 192, 0, 2, 9),
		attr(0xc0, 8, 0xfb, 0xf4, 0, 100, 0xff, 0xff, 0xff, 0x01, 0xff, 0xff, 0xff, 0x02, 0xff, 0xff, 0xff, 0x03, 0, 1, 0, 2),
		attr(0x80, 9, 192, 0, 2, 7), attr(0x80, 10, 192, 0, 2, 7, 192, 0, 2, 8),
		attr(0xc0, 16, ec([]byte{0, 2, 0xfb, 0xf4, 0, 0, 0, 7}, []byte{1, 2, 192, 0, 2, 1, 0, 9}, []byte{2, 2, 0, 1, 0, 0, 0, 5},
			[]byte{0x40, 4, 0xfb, 0xf4, 0x4b, 0x3e, 0xbc, 0x20}, []byte{0, 5, 192, 0, 2, 1, 0, 0}, []byte{3, 6, 0, 0, 0, 1, 5, 1},
			[]byte{0x80, 0, 0, 0, 0, 2, 7, 0}, []byte{3, 6, 0, 0, 0, 0, 9, 0}, []byte{0, 9, 0xfb, 0xf4, 0, 0, 0, 0},
			[]byte{3, 0x0c, 0, 0, 0, 0, 0, 8}, []byte{0x43, 0x99, 1, 2, 3, 4, 5, 6}, []byte{0x80, 0x0a, 5, 3, 5, 0xdc, 0, 0}, []byte{0x80, 0x0a, 19, 0, 0, 0, 0, 0},
			[]byte{0x80, 0x0a, 77, 0, 0, 0, 0, 0}, []byte{1, 0x0b, 192, 0, 2, 2, 0, 3})...),
		attr(0xc0, 32, 0, 0, 0xfb, 0xf4, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0xfb, 0xf5, 0, 0, 0, 3, 0, 0, 0, 4),
		attr(0xc0, 22, 0, 6, 0, 0x3e, 0x81, 192, 0, 2, 5), attr(0xc0, 22, 1, 3, 0, 0, 0, 192, 0, 2, 5, 233, 252, 0, 1),
		attr(0xc0, 22, 0, 2, 0, 0, 0, 192, 0, 2, 5, 0, 0, 0, 9), attr(0xc0, 22, 0, 1, 0, 0, 0, 192, 0, 2, 5, 0, 0, 0, 9),
		attr(0xc0, 22, 0, 4, 0, 0, 0, 192, 0, 2, 5, 233, 252, 0, 1), attr(0xc0, 22, 0, 9, 0, 0, 0, 1, 2),
		attr(0x80, 26, 1, 0, 11, 0, 0, 0, 0, 0, 0, 1, 0), attr(0x80, 26, 2, 0, 5, 7, 8),
		attr(0x50, 99, 1, 2, 3), attr(0x4f, 11, 1, 2, 3, 4), attr(0, 13, 9),
		attr(0xc0, 128, 0, 0, 0xfb, 0xf4, 0x40, 1, 1, 0, 0x40, 3, 4, 198, 51, 100, 9, 0x80, 128, 4, 0, 0, 0, 1))
	routes := []byte{24, 198, 51, 100, 32, 192, 0, 2, 1, 0, 33}
	mpReach := func(afi int, safi byte, nh []byte, nlri ...byte) []byte {
		return attr(0x90, 14, cat(be16(afi), []byte{safi, byte(len(nh))}, nh, []byte{0}, nlri)...)
	}
	mpUnreach := func(afi int, safi byte, nlri ...byte) []byte {
		return attr(0x90, 15, cat(be16(afi), []byte{safi}, nlri)...)
	}
	rd0 := []byte{0, 0, 0xfb, 0xf4, 0, 0, 0, 1}
	rd1 := []byte{0, 1, 192, 0, 2, 1, 0, 7}
	rd2 := []byte{0, 2, 0, 1, 0, 0, 0, 7}
	v6pfx := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 1}
	mp := cat(
		mpReach(1, 4, []byte{192, 0, 2, 1}, cat([]byte{24 + 24, 0, 0x3e, 0x81, 198, 51, 100}, []byte{24 + 16, 0, 0x3e, 0x80, 10, 1})...),
		mpReach(1, 128, cat(rd0, []byte{192, 0, 2, 1}), cat([]byte{88 + 24, 0, 0x10, 0x01}, rd1, []byte{198, 51, 100})...),
		mpReach(2, 128, cat(rd2, ip6A), cat([]byte{88 + 48, 0, 0x10, 0x01}, rd0, v6pfx)...),
		mpReach(2, 4, ip6A, cat([]byte{24 + 48, 0, 0x20, 0x01}, v6pfx)...),
		mpReach(1, 132, []byte{192, 0, 2, 1}, cat([]byte{0}, []byte{96, 0, 0, 0xfb, 0xf4, 0, 2, 0xfb, 0xf4, 0, 0, 0, 7},
			[]byte{96, 0, 0, 0xfb, 0xf4, 1, 2, 192, 0, 2, 1, 0, 7}, []byte{80, 0, 0, 0xfb, 0xf4, 2, 2, 0, 1, 0, 0},
			[]byte{40, 0, 0, 0xfb, 0xf4, 9}, []byte{20})...),
		mpReach(2, 2, cat(ip6A, ip6B), cat([]byte{64}, v6pfx, []byte{0, 2}, []byte{129})...),
		mpReach(1, 1, []byte{192, 0, 2}, 24, 198, 51, 100),
		attr(0x90, 14, cat(be16(1), []byte{1, 4, 192, 0, 2, 1, 2, 3, 1, 2, 3, 0}, []byte{24, 198, 51, 100})...),
		mpReach(9, 1, []byte{1, 2}, 1, 2, 3),
		mpUnreach(2, 1), mpUnreach(1, 1, 24, 198, 51, 100), mpUnreach(1, 130, cat([]byte{88 + 24, 0, 0x10, 0x01}, rd1, []byte{198, 51, 100})...),
		mpUnreach(2, 1, 200))
	// MDT, multicast VPN, L2VPN/VPLS and NSAP NLRI, one family per Update.
	mps := [][]byte{
		mpReach(1, 66, []byte{192, 0, 2, 1}, cat([]byte{128}, rd0, []byte{192, 0, 2, 1, 233, 252, 0, 1}, []byte{64, 1})...),
		mpReach(1, 5, []byte{192, 0, 2, 1}, cat([]byte{1, 12}, rd1, []byte{192, 0, 2, 1}, []byte{2, 12}, rd0, be32(65536),
			[]byte{3, 26}, rd0, []byte{32, 192, 0, 2, 1, 32, 233, 252, 0, 1}, []byte{192, 0, 2, 9}, []byte{4, 0},
			[]byte{5, 18}, rd0, []byte{32, 192, 0, 2, 1, 0}, []byte{6, 22}, rd0, be32(7), []byte{0, 32, 233, 252, 0, 1},
			[]byte{7, 46}, rd0, be32(7), []byte{128}, ip6A, []byte{128}, ip6B, []byte{1, 9}, rd0, []byte{9, 3}, rd0, []byte{3})...),
		mpReach(196, 128, []byte{192, 0, 2, 1}, cat(be16(12), rd0, []byte{192, 0, 2, 1}, be16(25), rd1, be16(3), be16(1), []byte{0, 0x10, 1},
			[]byte{1}, be16(10), []byte{0xab, 0xcd}, []byte{9}, be16(8), be16(19), rd0, be16(3), be16(1), []byte{0, 0, 1},
			[]byte{1, 0, 40}, []byte{1}, be16(14))...),
		mpReach(25, 65, []byte{192, 0, 2, 1}, cat(be16(18), rd0, be16(1), be16(2), []byte{0, 0x20, 1}, []byte{9, 0, 8})...),
		mpReach(196, 128, []byte{192, 0, 2, 1}, cat(be16(5), []byte{1})...),
		mpReach(3, 1, []byte{0x49, 0, 1, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0}, cat([]byte{24, 9, 9, 9, 0x49, 0, 1}, []byte{200})...),
		mpReach(3, 128, cat(rd0, []byte{0x47, 0, 6, 1, 192, 0, 2, 1}), cat([]byte{88 + 16, 0, 0x10, 1}, rd2, []byte{0x49, 0x01})...),
		mpReach(3, 128, cat(rd0, []byte{0x35, 0, 0}, ip6A), cat([]byte{88 + 8, 0, 0x10, 1}, rd1, []byte{0x39})...),
		mpReach(3, 129, []byte{1, 2, 3, 4, 5, 6, 7, 8}), mpReach(3, 2, make([]byte, 25)),
		mpReach(1, 66, []byte{192, 0, 2, 1}, 127, 0), mpReach(2, 5, []byte{1}, 1),
	}
	notify := func(major, minor byte, data ...byte) []byte { return msg(3, []byte{major, minor}, data) }
	shut := "maintenance window \x01 done"
	pkts := []synthPkt{
		seg(open(optParam(2, caps), optParam(1, []byte{1, 2}), optParam(9, nil))),
		seg(open(optParam(2, capab(1, 0, 2)))),
		seg(open(optParam(2, capab(64, 0x80)), []byte{2, 40})),
		seg(update(nil, attrs1, routes)),
		seg(update([]byte{24, 198, 51, 100, 16, 10, 1, 40}, nil, nil)),
		seg(update([]byte{0, 0, 0, 1, 24, 198, 51, 100, 0, 0, 0, 2, 0}, nil, cat([]byte{0, 0, 0, 5, 0}, []byte{0, 0, 0, 6, 24, 198, 51, 100}))),
		seg(update(nil, mp, nil)),
		seg(update(nil, nil, nil)),
		seg(update(nil, cat(attr(0x40, 1, 2, 0), attr(0x40, 2, 2, 1, 0, 1), attr(0x40, 3, 1), attr(0, 1, 7)), nil)),
		seg(update(nil, cat(attr(0x40, 2), attr(0x40, 2, 1, 2, 0, 0, 0, 1, 0, 0, 0, 2), attr(0x40, 2, 7, 1, 0, 1), attr(0xc0, 8, 1, 2, 3),
			attr(0x80, 10, 1, 2, 3, 4, 5), attr(0xc0, 16, 1), attr(0xc0, 32, 1), attr(0xc0, 7, 1), attr(0xc0, 18, 1, 2, 3, 4, 5, 6)), nil)),
		seg(update(nil, []byte{0x40}, nil)),
		seg(update(nil, cat(mpUnreach(1, 1, 32), mpUnreach(2, 1, 64, 1, 2), attr(0x40, 1, 0)), []byte{24, 198})),
		seg(update([]byte{24, 198}, nil, nil)),
		seg(update(nil, cat(mpReach(1, 4, []byte{192, 0, 2, 1}, 48, 0, 0x3e), mpReach(2, 4, ip6A, 48, 0, 0x3e, 0x81, 1, 2)), nil)),
		seg(update(nil, []byte{0x40, 1, 5, 0}, nil)),
		seg(update(nil, []byte{0x50, 1, 0}, nil)),
		seg(notify(1, 2), notify(2, 7), notify(3, 11), notify(4, 0), notify(5, 2), notify(7, 4), notify(9, 9), notify(3, 99)),
		seg(notify(6, 1, 0, 1, 1, 0, 0, 0x27, 0x10), notify(6, 1), notify(6, 2, cat([]byte{byte(len(shut))}, []byte(shut))...),
			notify(6, 4, 0, 0xde, 0xad), notify(6, 2, 30, 'x'), notify(6, 4, 3, 'a', 'b', 'c', 1, 2, 3), notify(6, 8)),
		seg(msg(5, be16(1), []byte{0, 1}), msg(5, be16(2), []byte{1, 128}, []byte{9, 9}), msg(5, be16(1))),
		seg(msg(4), msg(9, []byte{1, 2, 3}), msg(4)),
		seg([]byte("junk"), msg(4)),
		seg(cat(bytes16(0xff), be16(12), []byte{4})),
		seg(cat(bytes16(0xff), be16(60), []byte{2, 0, 0})),
		seg(bytes16(0xff)[:10]),
		cut(seg(update(nil, attrs1, routes)), 40),
		cut(seg(update(nil, mp, nil)), 100),
		cut(seg(open(optParam(2, caps))), 20),
		cut(seg(notify(6, 2, cat([]byte{byte(len(shut))}, []byte(shut))...)), 5),
	}
	for _, a := range mps {
		pkts = append(pkts, seg(update(nil, a, nil)))
	}
	for _, n := range []int{1, 3, 7, 30, 60} {
		pkts = append(pkts, cut(seg(update([]byte{0, 0, 0, 1, 24, 198, 51, 100}, mp[:120], routes)), n))
	}
	return pkts
}
