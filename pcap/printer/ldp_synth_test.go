package printer

// synthLDP covers the LDP messages and TLVs the shared capture lacks
// (print-ldp.c): every decoded TLV, short TLVs, FEC prefixes and Martini
// VC elements with interface parameters, several PDUs in a segment,
// undecoded messages and truncated PDUs.
func synthLDP() []synthPkt {
	tlv := func(typ int, v ...byte) []byte { return cat(be16(typ), be16(len(v)), v) }
	msg := func(typ int, id uint32, tlvs ...[]byte) []byte {
		b := cat(tlvs...)
		return cat(be16(typ), be16(4+len(b)), be32(id), b)
	}
	pdu := func(msgs ...[]byte) []byte {
		b := cat(msgs...)
		return cat(be16(1), be16(6+len(b)), []byte{192, 0, 2, 1}, be16(0), b)
	}
	seq := uint32(5000)
	tcp := func(payload ...[]byte) synthPkt {
		pl := cat(payload...)
		s := tcpSeg(ipA, ipB, 646, 40646, seq, 1, 0x18, 1024, nil, pl)
		seq += uint32(len(pl))
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 6, 11, 0x4000, nil, s))}
	}
	udp := func(payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, []byte{224, 0, 0, 2}, 17, 12, 0, nil,
			udpSeg(ipA, []byte{224, 0, 0, 2}, 646, 646, payload)))}
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	martini := cat([]byte{0x80}, be16(0x8005), []byte{20}, be32(7), be32(100),
		[]byte{1, 4, 0x05, 0xdc}, []byte{3, 7, 'l', 'i', 'n', 'k', 1}, []byte{0x0c, 4, 0x03, 0x06}, []byte{9, 3, 0xaa})
	hello := msg(0x0100, 1, tlv(0x0400, 0, 15, 0xc0, 0), tlv(0x0401, 192, 0, 2, 1), tlv(0x0402, 0, 0, 0, 9),
		tlv(0x0403, ip6A...), tlv(0x8701, 0x40, 0, 0, 0))
	init := msg(0x0200, 2, tlv(0x0500, 0, 1, 0, 30, 0xc0, 8, 0x10, 0, 192, 0, 2, 2, 0, 0),
		tlv(0x0503, 0x80, 0x0f, 0, 0, 0, 0, 0x0b, 0xb8, 0, 0, 0x75, 0x30), tlv(0x0503, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
		tlv(0x0601, 0x05, 0xdc), tlv(0x0501, 1, 2, 3))
	addr := msg(0x0300, 3, tlv(0x0101, cat(be16(1), []byte{192, 0, 2, 1, 198, 51, 100, 1, 9})...),
		tlv(0x0101, cat(be16(2), ip6A, ip6B)...), tlv(0x0101, cat(be16(3), []byte{1, 2})...), tlv(0x0101, cat(be16(99))...))
	mapping := msg(0x0400, 4, tlv(0x0100, cat([]byte{2}, be16(1), []byte{24, 198, 51, 100})...),
		tlv(0x0100, cat([]byte{2}, be16(2), []byte{32, 0x20, 0x01, 0x0d, 0xb8})...), tlv(0x0100, 1),
		tlv(0x0100, cat([]byte{2}, be16(1), []byte{40, 1})...), tlv(0x0100, cat([]byte{2}, be16(1), []byte{24, 1})...),
		tlv(0x0100, cat([]byte{2}, be16(2), []byte{64, 0x20})...), tlv(0x0100, cat([]byte{2}, be16(2), []byte{200})...), tlv(0x0100, cat([]byte{2}, be16(7), []byte{8, 1})...),
		tlv(0x0100, 3, 1, 2), tlv(0x0100, 9), tlv(0x0100, martini...), tlv(0x0200, 0, 0, 0x3e, 0x81),
		tlv(0x0100, cat([]byte{0x80}, be16(0x0004), []byte{0}, be32(9))...),
		tlv(0x0100, cat([]byte{0x80}, be16(0x0040), []byte{2}, be32(9), be32(1))...),
		tlv(0x0100, cat([]byte{0x80}, be16(0x0099), []byte{30}, be32(9), be32(1))...))
	notif := msg(0x0001, 5, tlv(0x0300, 0x80, 0, 0, 0x0a, 0, 0, 0, 9, 0x02, 0x01), tlv(0x0300, 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0))
	short := msg(0x0100, 6, tlv(0x0400, 0), tlv(0x0401, 1), tlv(0x0403, 1), tlv(0x0402), tlv(0x0500, 1), tlv(0x0200),
		tlv(0x0300, 1), tlv(0x0503, 1), tlv(0x0601), tlv(0x0101, 1), tlv(0x0100), tlv(0x0100, 2, 0),
		tlv(0x0100, 0x80, 0, 5), tlv(0x0100, cat([]byte{0x80}, be16(5), []byte{8}, be32(1))...),
		tlv(0x0100, cat([]byte{0x80}, be16(5), []byte{2}, be32(1), be32(2))...))
	pkts := []synthPkt{
		udp(pdu(hello)),
		tcp(pdu(init)),
		tcp(pdu(addr, msg(0x0301, 7, tlv(0x0101, cat(be16(1), []byte{192, 0, 2, 1})...)))),
		tcp(pdu(mapping)),
		tcp(pdu(notif), pdu(msg(0x0201, 8))),
		tcp(pdu(short)),
		tcp(pdu(msg(0x0401, 9, tlv(0x0100, 1)), msg(0x3e01, 10, []byte{1, 2, 3}), msg(0x0402, 11, tlv(0x0100, 1)))),
		tcp(pdu(msg(0x0100, 12, tlv(0x0400, 0, 15, 0, 0, 9, 9)))),
		tcp(pdu(msg(0x0100, 13, []byte{4, 0, 0, 40}))),
		tcp(pdu(cat(be16(0x0100), be16(2)))),
		tcp(cat(be16(2), be16(30), make([]byte, 26))),
		tcp(cat(be16(1), be16(3), make([]byte, 26))),
		tcp(cat(pdu(msg(0x0201, 14)), be16(1), be16(200), []byte{192, 0, 2, 1, 0, 0}, msg(0x0201, 15))),
		udp(cat(be16(1), be16(30), []byte{192, 0, 2, 1})),
		cut(tcp(pdu(mapping)), 20),
		cut(tcp(pdu(init)), 30),
		cut(tcp(pdu(hello)), 45),
	}
	return pkts
}
