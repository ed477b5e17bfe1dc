package printer

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// Routing protocol frames the shared corpus lacks: PIMv2 message types
// and option edge cases, PIMv1 and mtrace in IGMP, Cisco Auto-RP, OSPFv2
// (every packet and LSA type, authentication, LLS, TE/RI/Grace opaque
// LSAs), OSPFv3 odd cases, RIPv1/v2 and RIPng. Unicast addresses are
// documentation ones; groups are from MCAST-TEST-NET (233.252.0.0/24) and
// ff0e::db8:*, next to the protocols' own well-known groups.

var (
	mcPIM   = []byte{224, 0, 0, 13}
	mcOSPF  = []byte{224, 0, 0, 5}
	mcIGMP  = []byte{224, 0, 0, 1}
	grpA    = []byte{233, 252, 0, 1}
	grpB    = []byte{233, 252, 0, 2}
	ipC     = []byte{192, 0, 2, 3}
	ipD     = []byte{198, 51, 100, 7}
	ip6Mc   = []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0d}
	ip6Grp  = []byte{0xff, 0x0e, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0d, 0xb8, 0, 1}
	macMc   = []byte{0x01, 0x00, 0x5e, 0x00, 0x00, 0x0d}
	macMc6  = []byte{0x33, 0x33, 0, 0, 0, 0x0d}
	maskAll = []byte{255, 255, 255, 255}
)

// pimMsgV2 builds a PIMv2 message with a correct checksum (IPv4 style:
// over the message; Register: over the 8-byte header).
func pimMsgV2(typ, rsv byte, body []byte) []byte {
	m := cat([]byte{0x20 | typ, rsv, 0, 0}, body)
	n := len(m)
	if typ == 1 {
		n = 8
	}
	binary.BigEndian.PutUint16(m[2:], sum16(m[:n]))
	return m
}

func encU4(a []byte) []byte                   { return cat([]byte{1, 0}, a) }
func encG4(flags, mask byte, a []byte) []byte { return cat([]byte{1, 0, flags, mask}, a) }
func encU6(a []byte) []byte                   { return cat([]byte{2, 0}, a) }
func encG6(flags, mask byte, a []byte) []byte { return cat([]byte{2, 0, flags, mask}, a) }

func pimOpt(t, l int, v []byte) []byte { return cat(be16(t), be16(l), v) }

func pim4(payload []byte) []byte {
	return eth(macMc, macA, 0x0800, ipv4(ipA, mcPIM, 103, 1, 0, nil, payload))
}

func pimPackets() []synthPkt {
	hello := pimMsgV2(0, 0, cat(
		pimOpt(1, 2, be16(105)),
		pimOpt(2, 4, cat(be16(0x8000|500), be16(2500))),
		pimOpt(19, 4, be32(7)),
		pimOpt(18, 0, nil),
		pimOpt(20, 4, be32(0xdeadbeef)),
		pimOpt(21, 4, []byte{1, 60, 0, 9}),
		pimOpt(22, 0, nil),
		pimOpt(24, 12, cat(encU4(ipB), encU4(ipC))),
		pimOpt(65001, 6, encU4(ipD)),
		pimOpt(99, 3, []byte{1, 2, 3})))
	badHold := pimMsgV2(0, 0, pimOpt(1, 3, []byte{0, 1, 2}))
	badAddr := pimMsgV2(0, 0, pimOpt(24, 6, []byte{9, 0, 1, 2, 3, 4}))
	regInner := ipv6(ip6A, ip6Grp, 17, udpSeg(ip6A, ip6Grp, 5000, 5001, []byte("data")))
	register := pimMsgV2(1, 0, cat(be32(0x80000000), regInner))
	regNull := pimMsgV2(1, 0, cat(be32(0x40000000), []byte{0x05, 0, 0, 20}, make([]byte, 8), ipA, grpA))
	regNull[8] = 0x00
	binary.BigEndian.PutUint16(regNull[2:], 0)
	binary.BigEndian.PutUint16(regNull[2:], sum16(regNull[:8]))
	regVer := pimMsgV2(1, 0, cat(be32(3), []byte{0x50}, make([]byte, 19)))
	regStop := pimMsgV2(2, 0, cat(encG4(0, 24, grpA), encU4(ipB)))
	jp := pimMsgV2(3, 0, cat(encU4(ipB), []byte{0, 2}, be16(0xffff),
		encG4(0x80, 32, grpA), be16(2), be16(1), encG4(0x07, 32, ipC), encG4(0x0c, 24, ipD), encG4(0x01, 32, ipA),
		encG4(0, 32, grpB), be16(0), be16(0)))
	graftAck := pimMsgV2(7, 0, cat([]byte{0, 1}, be16(210), encG4(0, 32, grpA), be16(1), be16(0), encG4(4, 32, ipC)))
	bsr := pimMsgV2(4, 0, cat(be16(0x1234), []byte{30, 192}, encU4(ipB),
		encG4(0, 24, grpA), []byte{2, 2, 0, 0}, encU4(ipC), be16(150), []byte{5, 0}, encU4(ipD), be16(0), []byte{200, 0},
		encG4(1, 32, grpB), []byte{1, 1, 0, 0}))
	assert := pimMsgV2(5, 0, cat(encG4(0, 32, grpA), encU4(ipC), be32(0x80000064), be32(20)))
	crp := pimMsgV2(8, 0, cat([]byte{2, 192}, be16(150), encU4(ipB), encG4(0, 24, grpA)))
	refresh := pimMsgV2(9, 0, cat(encU4(ipC), encG4(0, 32, grpA), encU4(ipB), be16(200)))
	df := pimMsgV2(10, 0x30, cat(encU4(ipB), be32(100), be32(10), encU4(ipC), be32(1000), be32(10000), be16(2500)))
	dfUnknown := pimMsgV2(10, 0x70, cat(encU4(ipB), be32(1), be32(2)))
	ecmp := pimMsgV2(11, 0, make([]byte, 8))
	unknown := pimMsgV2(14, 0, nil)
	rfc2117 := pimMsgV2(3, 4, cat(ipB, []byte{0, 1}, be16(60), []byte{0, 0, 0x80, 32}, grpA, be16(1), be16(0), []byte{0, 0, 4, 32}, ipC))
	badSum := pimMsgV2(5, 0, cat(encG4(0, 32, grpA), encU4(ipC), be32(1), be32(2)))
	badSum[3] ^= 0xff
	noSum := pimMsgV2(2, 0, cat(encG4(0, 32, grpA), encU4(ipB)))
	noSum[2], noSum[3] = 0, 0
	hello6 := cat([]byte{0x20, 0, 0, 0}, pimOpt(1, 2, be16(105)), pimOpt(24, 18, encU6(ip6B)))
	hello6 = l4sum(ip6A, ip6Mc, 103, hello6, 2)
	bsr6 := l4sum(ip6A, ip6Mc, 103, cat([]byte{0x24, 0, 0, 0}, be16(7), []byte{126, 1}, encU6(ip6B), encG6(0, 64, ip6Grp), []byte{1, 1, 0, 0}, encU6(ip6A), be16(90), []byte{3, 0}), 2)
	v1 := []byte{0x13, 0, 0, 0, 1, 2, 3, 4}
	return []synthPkt{
		{data: pim4(hello)},
		{data: pim4(badHold)},
		{data: pim4(badAddr)},
		{data: eth(macMc, macA, 0x0800, ipv4(ipA, ipB, 103, 2, 0, nil, register))},
		{data: eth(macMc, macA, 0x0800, ipv4(ipA, ipB, 103, 2, 0, nil, regNull))},
		{data: eth(macMc, macA, 0x0800, ipv4(ipA, ipB, 103, 2, 0, nil, regVer))},
		{data: eth(macMc, macA, 0x0800, ipv4(ipA, ipB, 103, 2, 0, nil, regStop))},
		{data: pim4(jp)},
		{data: pim4(jp)[:14+20+30], wirLen: 14 + 20 + len(jp)},
		{data: pim4(graftAck)},
		{data: pim4(bsr)},
		{data: pim4(assert)},
		{data: pim4(crp)},
		{data: pim4(refresh)},
		{data: pim4(df)},
		{data: pim4(dfUnknown)},
		{data: pim4(ecmp)},
		{data: pim4(unknown)},
		{data: pim4(rfc2117)},
		{data: pim4(badSum)},
		{data: pim4(noSum)},
		{data: pim4(v1)},
		{data: pim4([]byte{0x20, 0})},
		{data: pim4([]byte{0x20, 0, 1})},
		{data: eth(macMc6, macA, 0x86dd, ipv6(ip6A, ip6Mc, 103, hello6))},
		{data: eth(macMc6, macA, 0x86dd, ipv6(ip6A, ip6Mc, 103, bsr6))},
	}
}

// igmpMsg is an IGMP message with its checksum.
func igmpMsg(typ, code byte, rest []byte) []byte { return icmpMsg(typ, code, nil, rest) }

func igmp4(payload []byte) []byte {
	return eth([]byte{1, 0, 0x5e, 0, 0, 1}, macA, 0x0800, ipv4(ipA, mcIGMP, 2, 3, 0, []byte{148, 4, 0, 0}, payload))
}

func igmpPackets() []synthPkt {
	pv1 := func(code byte, body []byte) []byte { return igmpMsg(0x14, code, cat([]byte{0x10, 0, 0, 0}, body)) }
	jp1 := cat(ipB, []byte{0, 0}, be16(210), []byte{0, 4, 4, 1}, grpA, maskAll, be16(1), be16(0), []byte{1, 0xc0 | 32}, ipC)
	jpN := cat(ipB, []byte{0, 0}, be16(180), []byte{0, 4, 4, 2},
		grpA, []byte{255, 255, 255, 0}, be16(1), be16(1), []byte{1, 0x80 | 24}, ipC, []byte{0, 32}, ipD,
		grpB, maskAll, be16(0), be16(1), []byte{0, 0x40 | 32}, ipA)
	badVer := pv1(2, cat(grpA, ipC))
	badVer[4] = 0x20
	binary.BigEndian.PutUint16(badVer[2:], 0)
	binary.BigEndian.PutUint16(badVer[2:], sum16(badVer))
	badSum := pv1(0, []byte{0x20, 0, 0, 105})
	badSum[3] ^= 1
	trace := func(typ byte, raddr []byte) []byte {
		return igmpMsg(typ, 10, cat(make([]byte, 4), ipC, grpA, raddr, []byte{32, 0, 0x12, 0x34}))
	}
	return []synthPkt{
		{data: igmp4(pv1(0, []byte{0x10, 0, 0, 105}))},
		{data: igmp4(pv1(0, []byte{0x50, 0}))},
		{data: igmp4(pv1(1, cat(ipv4(ipC, grpA, 17, 9, 0, nil, nil), []byte("payload"))))},
		{data: igmp4(pv1(1, make([]byte, 10)))},
		{data: igmp4(pv1(2, cat(grpA, ipC)))},
		{data: igmp4(pv1(3, jp1))},
		{data: igmp4(pv1(3, jpN))},
		{data: igmp4(pv1(6, jpN[:20]))},
		{data: igmp4(pv1(7, jp1))},
		{data: igmp4(pv1(4, cat(grpA, []byte{255, 255, 0, 0}, ipB, be16(0), be16(270))))},
		{data: igmp4(pv1(5, cat(grpA, maskAll, ipC, be32(0x80000005), be32(77))))},
		{data: igmp4(pv1(8, nil))},
		{data: igmp4(badVer)},
		{data: igmp4(badSum)},
		{data: igmp4(trace(0x1f, ipB))},
		{data: igmp4(trace(0x1f, grpB))},
		{data: igmp4(trace(0x1e, ipB))},
		{data: igmp4(igmpMsg(0x1f, 0, make([]byte, 8)))},
		{data: igmp4(igmpMsg(0x13, 1, cat([]byte{0, 0, 0xff, 3}, be32(0x1234), ipB, ipC)))},
		{data: igmp4(igmpMsg(0x13, 2, cat([]byte{0, 0, 0xff, 3}, []byte{255, 255, 0}, []byte{198, 51, 100, 5}, []byte{192, 0, 0x82},
			[]byte{255, 0, 0}, []byte{192, 0x83})))},
		{data: igmp4(igmpMsg(0x13, 3, []byte{0, 0, 0xff, 3}))},
		{data: igmp4(igmpMsg(0x13, 4, cat([]byte{0, 0, 0xff, 3}, ipA, []byte{1, 2, 2}, ipB, ipC)))},
		{data: igmp4(igmpMsg(0x13, 6, cat([]byte{0, 0, 0xff, 3}, ipA, []byte{1, 2, 0x73, 2}, ipB, ipC, ipA, []byte{3, 1, 0, 3}, ipD)))},
		{data: igmp4(igmpMsg(0x13, 7, cat([]byte{0, 0, 0xff, 3}, ipC, grpA, be32(7200))))},
		{data: igmp4(igmpMsg(0x13, 8, cat([]byte{0, 0, 0xff, 3}, ipC, grpA)))},
		{data: igmp4(igmpMsg(0x13, 9, cat([]byte{0, 0, 0xff, 3}, ipC, grpA)))},
		{data: igmp4(igmpMsg(0x13, 12, []byte{0, 0, 0xff, 3}))},
		{data: igmp4([]byte{0x13, 1, 0xec, 0xfe})},
	}
}

// autoRP is a Cisco Auto-RP mapping over UDP port 496.
func autoRP() []byte {
	body := cat([]byte{0x12, 2}, be16(181), make([]byte, 4),
		ipB, []byte{3, 2}, []byte{0, 24}, grpA, []byte{3, 16}, grpB,
		ipC, []byte{0xfd, 1}, []byte{0, 32}, grpA)
	return eth(macMc, macA, 0x0800, ipv4(ipA, []byte{224, 0, 1, 40}, 17, 4, 0, nil, udpSeg(ipA, []byte{224, 0, 1, 40}, 496, 496, body)))
}

// ospfPkt builds an OSPFv2 packet (checksum over all but the auth data).
func ospfPkt(typ byte, autype int, auth []byte, body []byte) []byte {
	if auth == nil {
		auth = make([]byte, 8)
	}
	h := cat([]byte{2, typ}, be16(24+len(body)), ipB, []byte{0, 0, 0, 1}, be16(0), be16(autype), auth, body)
	if autype != 2 {
		sum := checksum(0, cat(h[:16], h[24:]))
		binary.BigEndian.PutUint16(h[12:], sum)
	}
	return h
}

func ospf4(dst []byte, payload []byte) []byte {
	return eth([]byte{1, 0, 0x5e, 0, 0, 5}, macA, 0x0800, ipv4(ipA, dst, 89, 5, 0, nil, payload))
}

// lsaHdr is an OSPFv2 LSA header for a body of n bytes.
func lsaHdr(typ byte, id, adv []byte, n int) []byte {
	return cat(be16(33), []byte{0x22, typ}, id, adv, be32(0x80000003), be16(0x1234), be16(20+n))
}

func lsa(typ byte, id []byte, body []byte) []byte { return cat(lsaHdr(typ, id, ipB, len(body)), body) }

func tlv(t int, v []byte) []byte {
	out := cat(be16(t), be16(len(v)), v)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}

func f32(v float32) []byte { return be32(math.Float32bits(v)) }

func ospfPackets() []synthPkt {
	hello := cat(maskAll[:3], []byte{0}, be16(10), []byte{0x12, 1}, be32(40), ipB, ipC, ipC, ipD)
	helloNoNbr := cat([]byte{255, 255, 255, 0}, be16(10), []byte{0x02, 1}, be32(40), be32(0), be32(0))
	lls := cat(be16(0xabcd), be16(3), be16(1), be16(4), be32(1))
	md5Auth := cat([]byte{0, 0, 7, 16}, be32(0x5f000001))
	dd := cat(be16(1500), []byte{0x42, 0x07}, be32(0x1111), lsaHdr(1, ipB, ipB, 36), lsaHdr(10, []byte{1, 0, 0, 5}, ipC, 8))
	lsr := cat(be32(1), ipB, ipB, be32(10), []byte{4, 0, 0, 9}, ipC, be32(5), ipD, ipC)
	router := lsa(1, ipB, cat([]byte{0x03, 0}, be16(5),
		ipC, ipA, []byte{1, 0}, be16(10),
		ipD, ipA, []byte{2, 1}, be16(20), []byte{1, 0}, be16(30),
		[]byte{192, 0, 2, 0}, []byte{255, 255, 255, 0}, []byte{3, 0}, be16(1),
		ipD, ipB, []byte{4, 0}, be16(5),
		ipD, ipB, []byte{9, 0}, be16(5)))
	network := lsa(2, ipA, cat([]byte{255, 255, 255, 0}, ipB, ipC))
	summary := lsa(3, []byte{198, 51, 100, 0}, cat([]byte{255, 255, 255, 0}, be32(100), be32(0x01000050)))
	asbr := lsa(4, ipD, cat(be32(0), be32(16777215)))
	external := lsa(5, []byte{198, 51, 100, 0}, cat([]byte{255, 255, 255, 0}, be32(0x80000014), ipC, be32(77), be32(0x01ffffff), be32(0), be32(0)))
	nssa := lsa(7, []byte{198, 51, 100, 0}, cat([]byte{255, 255, 255, 0}, be32(5), be32(0), []byte{0, 0, 1, 2}))
	group := lsa(6, grpA, cat(be32(1), ipB, be32(2), ipC, be32(9), ipD))
	ri := lsa(10, []byte{4, 0, 0, 0}, cat(tlv(1, be32(0x70)), tlv(8, []byte{1, 2, 3})))
	grace := lsa(9, []byte{3, 0, 0, 0}, cat(tlv(1, be32(120)), tlv(2, []byte{1}), tlv(3, ipA), tlv(9, []byte{0xaa})))
	te := lsa(10, []byte{1, 0, 0, 1}, cat(tlv(1, ipB), tlv(2, cat(
		tlv(1, []byte{1}), tlv(2, ipC), tlv(3, ipA), tlv(4, ipD), tlv(5, be32(10)),
		tlv(6, f32(125000000)), tlv(7, f32(62500000)),
		tlv(8, cat(f32(1e6), f32(2e6), f32(3e6), f32(4e6), f32(5e6), f32(6e6), f32(7e6), f32(8e6))),
		tlv(9, be32(0xff)), tlv(11, cat(be32(3), be32(4))), tlv(14, be32(0x08000000)),
		tlv(15, cat([]byte{1, 2, 0, 0}, f32(1e3), f32(2e3), f32(3e3), f32(4e3), f32(5e3), f32(6e3), f32(7e3), f32(8e3))),
		tlv(17, cat([]byte{0, 0, 0, 0}, f32(1e6), f32(5e5))), tlv(200, []byte{1, 2}), tlv(16, cat(be32(100), be32(200)))))))
	opaqueUnknown := lsa(11, []byte{99, 0, 0, 1}, be32(0xfeedface))
	teBad := lsa(10, []byte{1, 0, 0, 2}, cat(tlv(7, []byte{1, 2, 3, 4, 5}), tlv(2, cat(tlv(17, cat([]byte{1, 0, 0, 0}, f32(1e6), []byte{1, 2})), tlv(9, []byte{1, 2, 3})))))
	teBC := lsa(10, []byte{1, 0, 0, 4}, tlv(2, cat(tlv(17, cat([]byte{2, 0, 0, 0}, f32(1e6))), tlv(17, []byte{3, 0, 0, 0}))))
	teBad2 := lsa(10, []byte{1, 0, 0, 3}, cat(tlv(2, cat(tlv(99, []byte{7, 7}), tlv(9, []byte{1, 2, 3}))), tlv(1, []byte{1, 2})))
	upd := func(lsas ...[]byte) []byte { return cat(be32(uint32(len(lsas))), cat(lsas...)) }
	ack := cat(lsaHdr(1, ipB, ipB, 36), lsaHdr(5, []byte{198, 51, 100, 0}, ipC, 16))
	md5 := ospfPkt(1, 2, md5Auth, helloNoNbr)
	md5 = cat(md5, make([]byte, 16))
	withLLS := ospfPkt(1, 0, nil, hello)
	withLLS[24+6] |= 0x10
	withLLS = cat(withLLS, lls)
	return []synthPkt{
		{data: ospf4(mcOSPF, ospfPkt(1, 0, nil, hello))},
		{data: ospf4(mcOSPF, ospfPkt(1, 1, []byte("secret\x00\x00"), helloNoNbr))},
		{data: ospf4(mcOSPF, md5)},
		{data: ospf4(mcOSPF, withLLS)},
		{data: ospf4(ipC, ospfPkt(2, 0, nil, dd))},
		{data: ospf4(ipC, ospfPkt(3, 0, nil, lsr))},
		{data: ospf4(mcOSPF, ospfPkt(4, 0, nil, upd(router, network, summary, asbr, external, nssa, group)))},
		{data: ospf4(mcOSPF, ospfPkt(4, 0, nil, upd(ri, grace, te, opaqueUnknown)))},
		{data: ospf4(mcOSPF, ospfPkt(4, 0, nil, upd(teBad, teBad2, teBC, network)))},
		{data: ospf4(mcOSPF, ospfPkt(5, 0, nil, ack))},
		{data: ospf4(mcOSPF, ospfPkt(6, 0, nil, nil))},
		{data: ospf4(mcOSPF, ospfPkt(1, 5, nil, hello))},
		{data: ospf4(mcOSPF, append(ospfPkt(4, 0, nil, upd(router, network)), 0, 0, 0, 0)[:24+60])},
	}
}

func rip4(payload []byte) []byte {
	dst := []byte{224, 0, 0, 9}
	return eth([]byte{1, 0, 0x5e, 0, 0, 9}, macA, 0x0800, ipv4(ipA, dst, 17, 6, 0, nil, udpSeg(ipA, dst, 520, 520, payload)))
}

func rip6(payload []byte) []byte {
	dst := []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}
	return eth([]byte{0x33, 0x33, 0, 0, 0, 9}, macA, 0x86dd, ipv6(ip6A, dst, 17, udpSeg(ip6A, dst, 521, 521, payload)))
}

func ripPackets() []synthPkt {
	v1e := func(fam int, a []byte, metric uint32) []byte {
		return cat(be16(fam), be16(0), a, make([]byte, 8), be32(metric))
	}
	v2e := func(tag int, a, mask, nh []byte, metric uint32) []byte {
		return cat(be16(2), be16(tag), a, mask, nh, be32(metric))
	}
	v1 := cat([]byte{2, 1, 0, 0}, v1e(2, []byte{198, 51, 100, 0}, 1), v1e(0, ipC, 16), v1e(7, ipD, 3),
		cat(be16(2), be16(0), ipC, be32(1), be32(0), be32(2)))
	v2 := cat([]byte{2, 2, 0, 0}, be16(0xffff), be16(2), []byte("passw0rd\x00\x00\x00\x00\x00\x00\x00\x00"),
		v2e(7, []byte{198, 51, 100, 0}, []byte{255, 255, 255, 0}, ipC, 2), v2e(0, ipD, maskAll, make([]byte, 4), 16),
		v2e(0, ipD, []byte{255, 0, 255, 0}, ipB, 1), cat(be16(24), be16(0), make([]byte, 16)))
	md5 := cat([]byte{2, 2, 0, 0}, be16(0xffff), be16(3), be16(64), []byte{1, 16}, be32(77), be32(0), be32(0),
		v2e(0, ipD, []byte{255, 255, 255, 128}, ipB, 3), be16(0xffff), be16(1), []byte("0123456789abcdef"))
	unknownAuth := cat([]byte{1, 2, 0, 0}, be16(0xffff), be16(9), []byte{1, 2, 3, 4, 5})
	req := cat([]byte{1, 2, 0, 0}, be16(0), be16(0), make([]byte, 12), be32(16))
	resp6 := cat([]byte{2, 1, 0, 0}, ip6A[:8], make([]byte, 8), be16(0), []byte{64, 1},
		ip6B, be16(0x1234), []byte{128, 16}, []byte{0x20, 0x01, 0x0d, 0xb8, 0, 7}, make([]byte, 10), be16(0), []byte{48, 0})
	return []synthPkt{
		{data: rip4(v1)},
		{data: rip4(v2)},
		{data: rip4(md5)},
		{data: rip4(unknownAuth)},
		{data: rip4(req)},
		{data: rip4(cat([]byte{1, 3, 0, 0}, req[4:]))},
		{data: rip4([]byte{3, 2, 0, 0, 1, 2, 3, 4})},
		{data: rip4([]byte{5, 2, 0, 0, 1, 2, 3, 4, 5, 6})},
		{data: rip4([]byte{2, 2, 0})},
		{data: rip4(v2[:4+20+12])},
		{data: rip4(v1)[:14+20+8+4+30], wirLen: len(rip4(v1))},
		{data: rip6(cat([]byte{1, 1, 0, 0}, make([]byte, 16), be16(0), []byte{0, 16}))},
		{data: rip6(cat([]byte{1, 1, 0, 0}, ip6B, be16(5), []byte{64, 1}, ip6A, be16(0), []byte{128, 3}))},
		{data: rip6(resp6)},
		{data: rip6(cat(resp6, []byte{1, 2, 3}))},
		{data: rip6([]byte{2, 2, 0, 0})},
		{data: rip6([]byte{7, 1, 0, 0})},
		{data: rip6(resp6)[:14+40+8+4+30], wirLen: len(rip6(resp6))},
	}
}

// tablePackets set every flag bit and walk the name tables tcpdump uses
// for OSPF, TE and RIP, so a wrong or missing name shows.
func tablePackets() []synthPkt {
	hello := cat([]byte{255, 255, 255, 0}, be16(10), []byte{0xff, 1}, be32(40), be32(0), be32(0))
	dd := cat(be16(0), []byte{0xff, 0x0f}, be32(1), cat(be16(1), []byte{0xff, 1}, ipB, ipB, be32(1), be16(0), be16(20)))
	lsr := cat(be32(7), []byte{7, 0, 0, 1}, ipB, be32(11), []byte{8, 0, 0, 1}, ipB, be32(12), ipC, ipB)
	router := lsa(1, ipB, cat([]byte{0xff, 0}, be16(0)))
	var caps []byte
	for _, c := range []byte{2, 3, 4, 51, 100, 150, 200, 7} {
		caps = cat(caps, tlv(15, cat([]byte{c, c/10 + 3, 0, 0}, make([]byte, 32))))
	}
	te := lsa(10, []byte{1, 0, 0, 9}, tlv(2, cat(tlv(14, be32(0xff000000)), tlv(14, be32(0)), caps)))
	ri := lsa(10, []byte{4, 0, 0, 0}, cat(tlv(1, be32(0xffffffff)), tlv(1, be32(0))))
	ep := lsa(10, []byte{7, 0, 0, 1}, cat(tlv(1, cat([]byte{1, 24, 0, 0x80}, []byte{198, 51, 100, 0}, tlv(2, cat([]byte{0x40, 0, 0, 0}, be32(100))))), tlv(2, []byte{24, 0, 0, 10, 0, 0, 0, 0, 198, 51, 100, 0})))
	lls := func(flags uint32) []byte {
		h := ospfPkt(1, 0, nil, hello)
		return cat(h, be16(0), be16(3), be16(1), be16(4), be32(flags), be16(2), be16(20), be32(5), make([]byte, 16), be16(9), be16(0))
	}
	o6hello := l4sum(ip6A, ip6Mc, 89, cat([]byte{3, 1}, be16(36), ipB, be32(0), be16(0), []byte{0, 0},
		be32(5), be32(0x010007ff), be16(10), be16(40), be32(0), be32(0)), 12)
	o6upd := l4sum(ip6A, ip6Mc, 89, cat([]byte{3, 4}, be16(16+4+20+4+20+20+4), ipB, be32(1), be16(0), []byte{0, 0}, be32(2),
		be16(1), be16(0x2003), be32(1), ipB, be32(1), be16(0), be16(20+4+20),
		be32(7), []byte{64, 0xff}, be16(1), ip6A[:8], []byte{128, 0x3f}, be16(2), ip6B,
		be16(1), be16(0x2001), be32(0), ipB, be32(1), be16(0), be16(24), be32(0x1f000000)), 12)
	var afs []byte
	for _, af := range []int{6, 16, 23, 24, 28, 30, 99} {
		afs = cat(afs, be16(af), make([]byte, 18))
	}
	return []synthPkt{
		{data: ospf4(mcOSPF, ospfPkt(1, 0, nil, hello))},
		{data: ospf4(ipC, ospfPkt(2, 0, nil, dd))},
		{data: ospf4(ipC, ospfPkt(3, 0, nil, lsr))},
		{data: ospf4(mcOSPF, ospfPkt(4, 0, nil, cat(be32(4), router, te, ri, ep)))},
		{data: ospf4(mcOSPF, lls(3))},
		{data: ospf4(mcOSPF, lls(0))},
		{data: eth(macMc6, macA, 0x86dd, ipv6(ip6A, ip6Mc, 89, o6hello))},
		{data: eth(macMc6, macA, 0x86dd, ipv6(ip6A, ip6Mc, 89, o6upd))},
		{data: rip4(cat([]byte{2, 1, 0, 0}, afs))},
		{data: rip4(cat([]byte{2, 2, 0, 0}, afs))},
	}
}

func routingPackets() []synthPkt {
	var out []synthPkt
	out = append(out, pimPackets()...)
	out = append(out, igmpPackets()...)
	out = append(out, synthPkt{data: autoRP()})
	out = append(out, ospfPackets()...)
	out = append(out, ripPackets()...)
	out = append(out, tablePackets()...)
	return out
}

func writeSyntheticRouting(t *testing.T, dir string) {
	if err := writePcap(filepath.Join(dir, "synthetic-routing.pcap"), 1, routingPackets()); err != nil {
		t.Fatal(err)
	}
	if err := writePcap(filepath.Join(dir, "synthetic-routing-cuts.pcap"), 1, routingCuts()); err != nil {
		t.Fatal(err)
	}
}

// TestWriteRoutingCapture writes the routing frames and their cuts to the
// directory PRINTER_ROUTING_OUT, to compare with tcpdump under any flags
// through PRINTER_EXTRA and TestLiveOracle.
func TestWriteRoutingCapture(t *testing.T) {
	out := os.Getenv("PRINTER_ROUTING_OUT")
	if out == "" {
		t.Skip("set PRINTER_ROUTING_OUT=<dir>")
	}
	writeSyntheticRouting(t, out)
}

// routingCuts is every routing frame cut short at a few places, for the
// truncation paths ("[|pim]" and friends); cuts near the end come first
// as the goldens keep only a capture's first packets.
func routingCuts() []synthPkt {
	var out []synthPkt
	for _, cut := range []int{-2, -9, 14 + 40 + 30, 14 + 20 + 27, 14 + 20 + 13, 14 + 20 + 6} {
		for _, p := range routingPackets() {
			n := cut
			if n < 0 {
				n += len(p.data)
			}
			if p.wirLen == 0 && n > 14 && n < len(p.data) {
				out = append(out, synthPkt{data: p.data[:n], wirLen: len(p.data)})
			}
		}
	}
	return out
}
