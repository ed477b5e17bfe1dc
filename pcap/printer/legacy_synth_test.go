package printer

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// Synthetic captures for AFS/Rx (with Kerberos), DECnet, IPX, GRE and
// ForCES: the calls, replies, message types and malformed or truncated
// forms the shared corpus lacks. Documentation addresses only.

// cutPkt drops the last n captured bytes (the wire length stays).
func cutPkt(p synthPkt, n int) synthPkt {
	p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
	return p
}

func udpPkt(sport, dport int, payload []byte) synthPkt {
	return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 17, 1, 0, nil, udpSeg(ipA, ipB, sport, dport, payload)))}
}

func udpPktBack(sport, dport int, payload []byte) synthPkt {
	return synthPkt{data: eth(macB, macA, 0x0800, ipv4(ipB, ipA, 17, 1, 0, nil, udpSeg(ipB, ipA, sport, dport, payload)))}
}

// rxHdr is an Rx header: call number, sequence, type, flags, service.
func rxHdr(call, seq uint32, typ, flags byte, service int) []byte {
	return cat(be32(0x12345678), be32(0xabcd0001), be32(call), be32(seq), be32(seq+100),
		[]byte{typ, flags, 0, 2}, be16(0), be16(service))
}

func xdrStr(s string) []byte {
	b := cat(be32(uint32(len(s))), []byte(s))
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// xdrVec is a string stored one character per 32-bit word, n words.
func xdrVec(s string, n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		b = append(b, be32(uint32(c))...)
	}
	return b
}

func words(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = append(b, be32(x)...)
	}
	return b
}

func synthRx() []synthPkt {
	var pkts []synthPkt
	call := uint32(100)
	// exchange is a call to port and its reply (data, or abort when
	// reply is nil and abort is set).
	exchange := func(port int, op uint32, args, reply []byte, abort bool) {
		call++
		pkts = append(pkts, udpPkt(7001, port, cat(rxHdr(call, 1, 1, 0x05, 1), be32(op), args)))
		switch {
		case abort:
			pkts = append(pkts, udpPktBack(port, 7001, cat(rxHdr(call, 1, 4, 0, 1), reply)))
		case reply != nil:
			pkts = append(pkts, udpPktBack(port, 7001, cat(rxHdr(call, 1, 1, 0x04, 1), reply)))
		}
	}
	fid := words(536870915, 1, 1)
	attr := words(0x41f, 1000000000, 10, 20, 0o40755, 4096)
	acl := "2 1\nalice 127\nbob 9\neve 2\n"
	uuid := words(0xdeadbeef, 0x1111, 0x2222, 1, 2, 3, 4, 5, 6, 7, 8)
	// file server
	exchange(7000, 130, cat(fid, words(0, 4096)), []byte{}, false)
	exchange(7000, 131, fid, cat(xdrStr(acl)), false)
	exchange(7000, 133, cat(fid, attr, words(0, 10, 10)), nil, false)
	exchange(7000, 134, cat(fid, xdrStr(acl)), nil, false)
	exchange(7000, 135, cat(fid, words(0x6, 0, 7, 8, 0, 0)), nil, false)
	exchange(7000, 137, cat(fid, xdrStr("newfile"), attr), cat(fid, words(1, 2, 3)), false)
	exchange(7000, 138, cat(fid, xdrStr("a"), fid, xdrStr("bb")), nil, false)
	exchange(7000, 140, cat(fid, xdrStr("hard"), fid), nil, false)
	exchange(7000, 148, xdrStr("root.cell"), nil, false)
	exchange(7000, 150, words(7), nil, false)
	exchange(7000, 151, nil, xdrStr("root.afs"), false)
	exchange(7000, 153, nil, words(1234567890), false)
	exchange(7000, 154, xdrStr("vol"), nil, false)
	exchange(7000, 155, cat(words(2), fid, fid), nil, false)
	exchange(7000, 65536, words(0), nil, false)
	exchange(7000, 65537, cat(fid, words(0, 1, 0, 2)), nil, false)
	exchange(7000, 65538, cat(fid, attr, words(0, 1, 0, 2, 0, 3)), nil, false)
	exchange(7000, 65541, words(9), nil, false)
	exchange(7000, 999, nil, words(103), true)
	exchange(7000, 132, fid, words(0xffffff9c), true)
	exchange(7000, 132, fid, words(77), true)
	// callback service
	exchange(7001, 204, cat(words(2), fid, fid, words(1, 3), words(1000000000, 1)), words(0), true)
	exchange(7001, 204, words(0, 0), nil, false)
	exchange(7001, 213, nil, uuid, false)
	exchange(7001, 214, uuid, nil, false)
	// protection server
	exchange(7002, 500, cat(xdrStr("user"), words(5, 6)), nil, false)
	exchange(7002, 501, words(0xffffff38), nil, false)
	exchange(7002, 502, words(3), nil, false)
	exchange(7002, 503, words(1, 2), nil, false)
	exchange(7002, 504, cat(words(2), xdrVec("alice", 64), xdrVec("bob", 64)), words(2, 10, 11), false)
	exchange(7002, 505, words(0), words(1, 0), false)
	exchange(7002, 505, words(1, 5), cat(words(1), xdrVec("alice", 64)), false)
	exchange(7002, 508, words(1), words(2, 1, 2), false)
	exchange(7002, 509, cat(xdrStr("grp"), words(1, 2)), nil, false)
	exchange(7002, 510, nil, words(100, 200), false)
	exchange(7002, 511, words(1, 2), nil, false)
	exchange(7002, 513, cat(words(1), xdrStr("x"), words(2, 3)), nil, false)
	exchange(7002, 520, cat(words(1), xdrStr("y")), words(267), true)
	exchange(7002, 10000, cat(words(1, 1000000000), words(1, 2), words(3, 4)), []byte{}, false)
	exchange(7002, 10000, cat(words(0, 1000000000), words(1, 2), words(3, 4)), words(1000000100), true)
	exchange(7002, 20004, nil, words(5, 6), false)
	exchange(7002, 20003, cat(words(1, 2), words(3, 4)), words(9), true)
	// volume location server
	exchange(7003, 501, xdrVec("vol.a", 65), nil, false)
	exchange(7003, 503, words(536870915, 1), cat(xdrVec("vol.a", 65), words(0, 2), words(0xc0000201, 0xc0000202, 0, 0, 0, 0, 0, 0),
		words(0, 30, 0, 0, 0, 0, 0, 0), words(0, 0, 0, 0, 0, 0, 0, 0), words(1, 2, 3)), false)
	exchange(7003, 505, words(1), words(77), false)
	exchange(7003, 506, cat(words(1, 9), xdrVec("vol.b", 65)), nil, false)
	exchange(7003, 510, words(4), cat(words(1, 2), xdrVec("vol.c", 65), words(0, 1), words(0xc0000201, 0, 0, 0, 0, 0, 0, 0),
		words(1, 0, 0, 0, 0, 0, 0, 0), words(0, 0, 0, 0, 0, 0, 0, 0), words(4, 5, 6)), false)
	servers13 := cat(words(0xc0000201), make([]byte, 48))
	parts13 := cat(words(2), make([]byte, 48))
	exchange(7003, 521, words(4), cat(words(1, 2), xdrVec("vol.n", 65), words(1), servers13, parts13, make([]byte, 52), words(7, 8, 9)), false)
	exchange(7003, 526, words(4), cat(xdrVec("vol.u", 65), words(1), uuid, make([]byte, 44*12), make([]byte, 52), parts13,
		make([]byte, 52), words(7, 8, 9)), false)
	exchange(7003, 519, xdrStr("vol.x"), words(363524), true)
	// kerberos authentication server
	exchange(7004, 21, cat(xdrStr("alice"), xdrStr("")), []byte{1, 2, 3, 4, 5}, false)
	exchange(7004, 23, cat(words(3), xdrStr("EXAMPLE"), words(2), []byte{9, 9}, []byte{0, 0}, xdrStr("afs"), xdrStr("")), nil, false)
	exchange(7004, 4, cat(xdrStr("bob"), xdrStr("admin"), words(7)), words(180490), true)
	exchange(7004, 12, xdrStr("carol"), nil, false)
	exchange(7004, 20002, cat(words(1, 2), words(3, 4, 5), words(1)), nil, false)
	// volume server
	exchange(7005, 100, cat(words(1), xdrStr("v1"), words(0, 2)), words(10, 11), false)
	exchange(7005, 103, cat(words(1, 1000000000), words(1, 2, 3), words(4)), nil, false)
	exchange(7005, 104, words(1), words(0), false)
	exchange(7005, 105, cat(words(1, 2, 3), xdrStr("clone")), words(12), false)
	exchange(7005, 107, words(1), words(3), false)
	exchange(7005, 108, words(1, 2, 3), words(13), false)
	exchange(7005, 109, words(1, 1000000000), nil, false)
	exchange(7005, 110, words(1), words(14, 15), false)
	exchange(7005, 111, words(1, 2), nil, false)
	exchange(7005, 112, nil, xdrStr("name"), false)
	exchange(7005, 113, nil, cat(words(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), words(1000000000, 1000000001, 1000000002, 0, 1000000004, 1000000005)), false)
	exchange(7005, 114, cat(xdrStr("sig"), words(1, 2, 3)), nil, false)
	exchange(7005, 116, words(1, 2), words(0), false)
	exchange(7005, 117, cat(words(1), xdrStr("ids"), words(1, 2, 3, 4)), nil, false)
	exchange(7005, 119, xdrStr("/vicepa"), nil, false)
	exchange(7005, 120, words(5), nil, false)
	exchange(7005, 123, words(5, 1000000000), nil, false)
	exchange(7005, 126, words(5), nil, false)
	exchange(7005, 128, cat(words(1, 1000000000), words(2), words(1, 2, 3), words(4, 5, 6)), nil, false)
	exchange(7005, 65536, words(1, 2), nil, false)
	exchange(7005, 65538, words(1, 1000000000, 3), words(5), true)
	// basic overseer
	exchange(7007, 80, cat(xdrStr("simple"), xdrStr("inst")), []byte{}, false)
	exchange(7007, 82, cat(xdrStr("fs"), words(1)), words(1), true)
	exchange(7007, 86, cat(xdrStr("fs"), words(2)), nil, false)
	exchange(7007, 89, words(0), nil, false)
	exchange(7007, 105, cat(xdrStr("bin"), words(1, 2, 3)), nil, false)
	exchange(7007, 104, xdrStr("fs"), nil, false)
	// acks, other packet types, flags, truncation
	ack := func(reason byte, acks ...byte) []byte {
		return cat(rxHdr(500, 0, 2, 0x21, 1), be16(2), be16(3), be32(10), be32(9), be32(55), []byte{reason, byte(len(acks))}, acks)
	}
	pkts = append(pkts,
		udpPkt(7001, 7000, cat(ack(2, 1, 1, 0, 1, 0, 0, 1, 1, 1), []byte{0, 0, 0}, words(1500, 1444, 32, 4))),
		udpPkt(7001, 7000, cat(ack(20, 0, 0, 1), []byte{0, 0, 0}, words(1500, 1444))),
		udpPkt(7001, 7000, cat(ack(1), []byte{0, 0, 0}, []byte{1, 2})),
		udpPkt(7001, 7000, rxHdr(501, 1, 3, 0x1e, 1)),
		udpPkt(7001, 7000, rxHdr(502, 2, 1, 0x3f, 1)),
		udpPkt(7001, 7000, rxHdr(503, 1, 8, 0, 1)),
		udpPkt(7001, 7000, rxHdr(504, 1, 9, 0, 1)),
		udpPkt(7001, 7000, rxHdr(505, 1, 13, 0, 1)),
		udpPkt(7001, 7000, rxHdr(506, 1, 20, 0, 1)),
		udpPkt(7001, 7000, rxHdr(507, 1, 1, 1, 1)),
		udpPkt(7001, 7000, []byte{1, 2, 3}),
		udpPkt(7001, 7000, cat(rxHdr(508, 1, 1, 1, 1), be32(136), fid, be32(300), []byte("x"))),
		cutPkt(udpPkt(7001, 7000, cat(rxHdr(509, 1, 1, 1, 1), be32(136), fid, xdrStr("truncated name"))), 6),
		cutPkt(udpPkt(7001, 7000, cat(rxHdr(510, 1, 1, 1, 1), be32(130), fid, words(1, 2))), 6),
		cutPkt(udpPkt(7001, 7000, cat(rxHdr(511, 1, 1, 1, 1), be32(130))), 2),
		cutPkt(udpPkt(7001, 7002, cat(rxHdr(512, 1, 1, 1, 1), be32(504), words(1), xdrVec("x", 64))), 8),
		cutPkt(udpPkt(7001, 7000, cat(rxHdr(513, 0, 2, 0, 1), be16(2), be16(3), be32(10))), 0),
		cutPkt(udpPkt(7001, 7000, rxHdr(514, 1, 1, 1, 1)), 10),
		udpPkt(7001, 7006, cat(rxHdr(515, 1, 1, 1, 1), be32(1))),
	)
	// Kerberos (UDP 88 and 750)
	krb4 := func(typ byte, rest ...byte) []byte { return cat([]byte{4, typ}, rest) }
	pkts = append(pkts,
		udpPkt(1024, 88, krb4(2, cat([]byte("alice\x00\x00EXAMPLE\x00"), be32(1), []byte{12}, []byte("krbtgt\x00EXAMPLE\x00"))...)),
		udpPkt(750, 1024, krb4(5, cat([]byte("bob\x00inst\x00REALM\x00"), make([]byte, 10), []byte{0x34, 0x12})...)),
		udpPkt(1024, 750, krb4(6, cat([]byte{0, 0, 7}, []byte("REALM\x00"), []byte{0x10, 0x20})...)),
		udpPkt(750, 1024, krb4(10, cat([]byte("x\x00y\x00Z\x00"), be32(0), be32(8), []byte("unknown principal\x00"))...)),
		udpPkt(750, 1024, krb4(11, cat([]byte("x\x00y\x00Z\x00"), be32(0), []byte{99, 0, 0, 0}, []byte("odd\x00"))...)),
		udpPkt(750, 1024, krb4(40)),
		udpPkt(750, 1024, krb4(2, []byte("unterminated")...)),
		udpPkt(1024, 88, []byte{2, 0}),
		udpPkt(1024, 88, []byte{107, 0}),
		udpPkt(1024, 88, []byte{9, 0}),
		udpPkt(1024, 88, nil),
	)
	return pkts
}

// dnPkt is a DECnet frame: the 2-byte little-endian length, then body.
func dnPkt(body []byte) synthPkt {
	n := len(body) + 2
	return synthPkt{data: eth([]byte{0xaa, 0, 4, 0, 0x01, 0x04}, []byte{0xaa, 0, 4, 0, 0x02, 0x04}, 0x6003,
		cat([]byte{byte(n), byte(n >> 8)}, body))}
}

func le16b(v int) []byte { return []byte{byte(v), byte(v >> 8)} }

func synthDECnet() []synthPkt {
	short := func(flags byte, nsp ...byte) synthPkt {
		return dnPkt(cat([]byte{flags}, le16b(0x0401), le16b(0x0802), []byte{0x03}, nsp))
	}
	long := func(nsp ...byte) synthPkt {
		return dnPkt(cat([]byte{0x26, 0, 0}, []byte{0xaa, 0, 4, 0}, le16b(0x0401), []byte{0, 0},
			[]byte{0xaa, 0, 4, 0}, le16b(0x0c07), []byte{0, 5, 0, 0}, nsp))
	}
	hdr := func(flags byte) []byte { return cat([]byte{flags}, le16b(0x2001), le16b(0x2002)) }
	eh := cat([]byte{0x0d, 2, 0, 0}, []byte{0xaa, 0, 4, 0}, le16b(0x0401), []byte{0x27}, le16b(1498), []byte{0},
		make([]byte, 8), []byte{0xaa, 0, 4, 0}, le16b(0x0402), le16b(15), []byte{0, 0xaa})
	rh := cat([]byte{0x0b, 2, 0, 0}, []byte{0xaa, 0, 4, 0}, le16b(0x0403), []byte{0x22}, le16b(1498), []byte{64, 0},
		le16b(15), []byte{0}, make([]byte, 10))
	routes := cat(le16b(3), le16b(1), le16b(0x0c05), le16b(2), le16b(9), le16b(0x1401), le16b(2000), le16b(1), le16b(1), le16b(0xffff))
	return []synthPkt{
		dnPkt(eh),
		dnPkt(rh),
		dnPkt(cat([]byte{0x01}, le16b(0x0401), []byte{0x0e}, le16b(1498), []byte{2, 0, 0}, le16b(15), []byte{0})),
		dnPkt(cat([]byte{0x03}, le16b(0x0401), []byte{0x12})),
		dnPkt(cat([]byte{0x05}, le16b(0x0401), []byte{0xaa})),
		dnPkt(cat([]byte{0x07}, le16b(0x0401), []byte{0}, routes)),
		dnPkt(cat([]byte{0x09}, le16b(0x0401), []byte{0}, routes)),
		dnPkt(cat([]byte{0x0f}, le16b(0x0401), []byte{1, 2, 3})),
		dnPkt(cat([]byte{0x01}, le16b(0x0401))),
		dnPkt(cat([]byte{0x83, 0, 0, 0x0d, 2, 0, 0}, eh[4:])),
		dnPkt(cat([]byte{0x42}, make([]byte, 8))),
		dnPkt(cat([]byte{0x00}, make([]byte, 8))),
		// NSP over the short and long route headers
		short(0x0a, cat(hdr(0x60), le16b(0x9005), le16b(0xb006), le16b(7))...),
		short(0x3a, cat(hdr(0x20), le16b(0x8005), le16b(0x0006))...),
		short(0x02, cat(hdr(0x40), le16b(0x0009))...),
		short(0x02, cat(hdr(0x30), le16b(0x8001), le16b(0xa002), le16b(3))...),
		short(0x02, cat(hdr(0x30), le16b(0x9001), le16b(0xb002), le16b(3))...),
		short(0x02, cat(hdr(0x10), le16b(0x8001), le16b(0xa002), le16b(3), []byte{0x01, 4})...),
		short(0x02, cat(hdr(0x10), le16b(0x0001), le16b(0), le16b(0), []byte{0x02, 4})...),
		short(0x02, cat(hdr(0x10), le16b(0x0001), le16b(0), le16b(0), []byte{0x03, 4})...),
		short(0x02, cat(hdr(0x10), le16b(0x0001), le16b(0), le16b(0), []byte{0x04, 4})...),
		short(0x02, cat(hdr(0x10), le16b(0x0001), le16b(0), le16b(0), []byte{0x0c, 4})...),
		short(0x02, cat(hdr(0x70), le16b(1))...),
		short(0x02, cat(hdr(0x04), le16b(0x9001), le16b(0xb002))...),
		short(0x02, cat(hdr(0x14), le16b(0x8001), le16b(0xa002))...),
		short(0x02, hdr(0x24)...),
		short(0x02, hdr(0x34)...),
		short(0x02, cat(hdr(0x18), []byte{0x04, 0x01}, le16b(1400))...),
		short(0x02, cat(hdr(0x68), []byte{0x08, 0x02}, le16b(1400))...),
		short(0x02, cat(hdr(0x28), []byte{0x00, 0x00}, le16b(1400), []byte{3})...),
		short(0x02, cat(hdr(0x38), le16b(38), []byte{2})...),
		short(0x02, cat(hdr(0x48), le16b(99))...),
		short(0x02, hdr(0x08)...),
		short(0x02, hdr(0x0c)...),
		short(0x02, 0x00, 1, 2),
		short(0x02, cat(hdr(0x00), []byte{1})...),
		short(0x02, cat(hdr(0x10), le16b(1))...),
		short(0x02, cat(hdr(0x18), []byte{1})...),
		long(cat(hdr(0x20), le16b(0x0004))...),
		dnPkt(cat([]byte{0x26}, make([]byte, 10))),
		{data: eth(bcast, macA, 0x6003, []byte{4, 0})},
		{data: eth(bcast, macA, 0x6003, []byte{40, 0, 2, 0, 0, 0, 0})},
		{data: eth(bcast, macA, 0x6003, []byte{2, 0, 2, 0, 0, 0, 0})},
		cutPkt(dnPkt(eh), 4),
	}
}

// ipxPkt builds an IPX datagram from socket sskt to dskt.
func ipxPkt(dskt, sskt int, data []byte) []byte {
	return cat(be16(0xffff), be16(30+len(data)), []byte{0, 4}, be32(0x10), bcast, be16(dskt),
		be32(0x20), macA, be16(sskt), data)
}

func synthIPX() []synthPkt {
	server := func(typ int, name string) []byte {
		n := make([]byte, 48)
		copy(n, name)
		return cat(be16(typ), n, be32(0x30), macB, be16(0x0451), be16(1))
	}
	llc := func(ipx []byte) []byte { return eth(bcast, macA, 3+len(ipx), cat([]byte{0xe0, 0xe0, 0x03}, ipx)) }
	raw := func(ipx []byte) []byte { return eth(bcast, macA, len(ipx), ipx) }
	rip := cat(be16(2), be32(0x10), be16(1), be16(2), be32(0x20), be16(3), be16(4))
	sap := cat(be16(2), server(4, "FS1"), server(0x030c, "PRINTER"), server(0x1234, "ODD"))
	pkts := []synthPkt{
		{data: llc(ipxPkt(0x0452, 0x0452, sap))},
		{data: raw(ipxPkt(0x0453, 0x0453, rip))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, cat(be16(4), server(0x0278, "DIR"))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, cat(be16(1), be16(4))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, cat(be16(3), be16(0xffff))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, cat(be16(9), be16(0))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0453, 0x4000, cat(be16(1), be32(0x10), be16(1), be16(2))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0453, 0x4000, be16(1)))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0453, 0x4000, cat(be16(1), []byte{1, 2, 3})))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0453, 0x4000, cat(be16(2), []byte{1, 2, 3})))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0453, 0x4000, cat(be16(7))))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, []byte{1}))},
		{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x4000, cat(be16(2), be16(4), []byte("short"))))},
		cutPkt(synthPkt{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x0452, sap))}, 130),
		cutPkt(synthPkt{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x0452, sap))}, 120),
		cutPkt(synthPkt{data: eth(bcast, macA, 0x8137, ipxPkt(0x0452, 0x0452, sap))}, 118),
	}
	for _, skt := range []int{0x0451, 0x0455, 0x0456, 0x0553, 0x9999} {
		pkts = append(pkts, synthPkt{data: eth(bcast, macA, 0x8137, ipxPkt(skt, 0x4000, make([]byte, 12)))})
	}
	bad := ipxPkt(0x0451, 0x4000, nil)
	bad[3] = 20
	pkts = append(pkts, synthPkt{data: eth(bcast, macA, 0x8137, bad)},
		cutPkt(synthPkt{data: eth(bcast, macA, 0x8137, ipxPkt(0x0451, 0x4000, nil))}, 8))
	return pkts
}

func synthGRE() []synthPkt {
	inner := ipv4(ipA, ipB, 1, 7, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil))
	gre := func(flags, proto int, rest ...[]byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 47, 2, 0, nil, cat(be16(flags), be16(proto), cat(rest...))))}
	}
	gre6 := func(flags, proto int, rest ...[]byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x86dd, ipv6(ip6A, ip6B, 47, cat(be16(flags), be16(proto), cat(rest...))))}
	}
	ppp := cat([]byte{0xff, 0x03, 0x00, 0x21}, inner)
	sreIP := cat(be16(0x0800), []byte{4, 8}, ipA, ipB)
	sreASN := cat(be16(0xfffe), []byte{2, 4}, be16(100), be16(200))
	end := cat(be16(0), []byte{0, 0})
	return []synthPkt{
		gre(0x8000, 0x0800, be16(0x1234), be16(0), inner),
		gre(0x3000, 0x0800, be32(7), be32(9), inner),
		gre(0x4000, 0x0800, be16(0), be16(0), sreIP, sreASN, cat(be16(0x1234), []byte{0, 0}), end, inner),
		gre(0x4000, 0x0800, be16(0), be16(0), cat(be16(0x0800), []byte{1, 8}, ipA, ipB), end, inner),
		gre(0x4000, 0x0800, be16(0), be16(0), cat(be16(0x0800), []byte{0, 6}, ipA, ipB[:2]), end, inner),
		gre(0x4000, 0x0800, be16(0), be16(0), cat(be16(0x0800), []byte{8, 8}, ipA, ipB), end, inner),
		gre(0x4000, 0x0800, be16(0), be16(0), cat(be16(0x0800), []byte{0, 12}, ipA)),
		gre(0x0000, 0x8137, ipxPkt(0x0453, 0x0453, be16(1))),
		gre(0x0000, 0x1234, []byte("abcd")),
		gre6(0x0000, 0x86dd, ipv6(ip6A, ip6B, 59, nil)),
		gre(0x3001, 0x880b, be16(len(ppp)), be16(5), be32(11), ppp),
		gre(0x2081, 0x880b, be16(0), be16(5), be32(11)),
		gre(0x3081, 0x880b, be16(len(ppp)), be16(5), be32(11), be32(12), ppp),
		gre(0x1001, 0x880b, be32(11), ppp),
		gre(0x3001, 0x6400, be16(4), be16(5), be32(11), []byte("abcd")),
		gre(0x3001, 0x880b, be16(4), be16(5)),
		gre(0x3001, 0x880b, be16(4)),
		gre(0x2000, 0x0800, []byte{1, 2}),
		gre(0x0002, 0x0800),
		cutPkt(gre(0x3000, 0x0800, be32(7), be32(9), inner), 34),
	}
}

// forcesMsg is a ForCES message: type, source, destination, flags, TLVs.
func forcesMsgBytes(tom byte, sid, did, flags uint32, tlvs ...[]byte) []byte {
	body := cat(tlvs...)
	n := 24 + len(body)
	return cat([]byte{0x10, tom}, be16(n/4), be32(sid), be32(did), be32(0), be32(1), be32(flags), body)
}

// fTLV is a ForCES TLV padded to 4 bytes.
func fTLV(typ int, v ...[]byte) []byte {
	b := cat(v...)
	out := cat(be16(typ), be16(4+len(b)), b)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}

func fILV(typ uint32, v []byte) []byte {
	out := cat(be32(typ), be32(uint32(8+len(v))), v)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}

func sctpData(sport, dport int, ppid uint32, payload []byte) synthPkt {
	chunk := cat([]byte{0, 3}, be16(16+len(payload)), be32(1), be16(0), be16(0), be32(ppid), payload)
	for len(chunk)%4 != 0 {
		chunk = append(chunk, 0)
	}
	s := cat(be16(sport), be16(dport), be32(7), be32(0), chunk)
	return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 132, 3, 0, nil, s))}
}

func m3uaParam(tag int, v []byte) []byte {
	b := cat(be16(tag), be16(4+len(v)), v)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func m3uaMsg(class, typ byte, params ...[]byte) []byte {
	b := cat(params...)
	return cat([]byte{1, 0, class, typ}, be32(uint32(8+len(b))), b)
}

func synthForCES() []synthPkt {
	fe, ce := uint32(2), uint32(0x40000003)
	pathdata := func(flags, ids int, rest ...[]byte) []byte {
		var idb []byte
		for i := 0; i < ids; i++ {
			idb = append(idb, be32(uint32(i+1))...)
		}
		return fTLV(0x0110, be16(flags), be16(ids), idb, cat(rest...))
	}
	lfb := func(class uint32, ops ...[]byte) []byte { return fTLV(0x1000, be32(class), be32(1), cat(ops...)) }
	op := func(typ int, v ...[]byte) []byte { return fTLV(typ, v...) }
	full := fTLV(0x0112, []byte{1, 2, 3, 4, 5})
	sparse := fTLV(0x0113, fILV(1, []byte{9, 8, 7}), fILV(2, nil))
	result := fTLV(0x0114, []byte{0, 0, 0, 0})
	msgs := [][]byte{
		forcesMsgBytes(0x01, fe, ce, 0xf8000000, lfb(1, op(11, pathdata(0, 2, full)))),
		forcesMsgBytes(0x01, fe, ce, 0xf8000000),
		forcesMsgBytes(0x02, ce, fe, 0x00400000, fTLV(0x0011, be32(1))),
		forcesMsgBytes(0x02, ce, fe, 0, fTLV(0x0011, be32(300))),
		forcesMsgBytes(0x02, ce, fe, 0, fTLV(0x0011, be32(9))),
		forcesMsgBytes(0x03, ce, fe, 0x40a80000, lfb(2, op(1, pathdata(0, 1, full)), op(2, pathdata(0, 1, sparse)),
			op(5, pathdata(0, 1)), op(12, be32(0), be32(0)), op(14, be32(0), be32(0)))),
		forcesMsgBytes(0x03, ce, fe, 0, lfb(2, op(1, pathdata(4, 1, full)), op(1, pathdata(1, 0, be32(5), fTLV(0x0111, be32(7), full))))),
		forcesMsgBytes(0x03, ce, fe, 0, lfb(2, op(3, pathdata(0, 1, full)), op(1, be32(0)))),
		forcesMsgBytes(0x04, ce, fe, 0, lfb(3, op(7, pathdata(2, 1, be32(0), be32(1), be32(9))), op(8, pathdata(0, 1, pathdata(0, 1))))),
		forcesMsgBytes(0x14, fe, ce, 0x80000000, lfb(3, op(9, pathdata(0, 1, result)), op(10, pathdata(0, 1, fTLV(0x0114, []byte{0x20, 0, 0, 0}))))),
		forcesMsgBytes(0x13, fe, ce, 0, lfb(1, op(3, pathdata(0, 1, result)), op(13, fTLV(0x0110, be16(0), be16(1), be32(1))))),
		forcesMsgBytes(0x13, fe, ce, 0, lfb(1, op(4, pathdata(0, 3, result)))),
		forcesMsgBytes(0x05, fe, ce, 0, lfb(1, op(11, pathdata(0, 1, fTLV(0x0115, be32(0)))))),
		forcesMsgBytes(0x06, fe, ce, 0, fTLV(0x0001, fTLV(0x0115, fILV(7, []byte{1, 2}), fILV(8, nil)), fTLV(0x0116, []byte("frame")), fTLV(0x0999, be32(0)))),
		forcesMsgBytes(0x06, fe, ce, 0, fTLV(0x0001, be32(0))),
		forcesMsgBytes(0x0f, ce, fe, 0xc0100000),
		forcesMsgBytes(0x0f, ce, fe, 0, fTLV(0x0010, be32(0))),
		forcesMsgBytes(0x11, ce, fe, 0, fTLV(0x0010, be32(2))),
		forcesMsgBytes(0x11, ce, fe, 0, fTLV(0x0010, be32(3))),
		forcesMsgBytes(0x11, ce, fe, 0, fTLV(0x0010, be32(7))),
		forcesMsgBytes(0x11, ce, fe, 0, fTLV(0x0010, be32(0), be32(0))),
		forcesMsgBytes(0x11, ce, fe, 0),
		forcesMsgBytes(0x11, ce, fe, 0, fTLV(0x0777, be32(0))),
		forcesMsgBytes(0x03, ce, 0xfffffffd, 0, lfb(2, be32(0), be32(0))),
		forcesMsgBytes(0x03, 0xfffffffe, 0xffffffff, 0, lfb(2, op(0x20, be32(0), be32(0)))),
		forcesMsgBytes(0x03, 0x80000000, 0xc0000001, 0, lfb(2, op(6, be32(0), be32(0)))),
		forcesMsgBytes(0x04, ce, fe, 0, lfb(3, op(7, pathdata(3, 0)))),
		forcesMsgBytes(0x04, ce, fe, 0, lfb(3, op(7, pathdata(0, 9)))),
		forcesMsgBytes(0x03, ce, fe, 0, lfb(2, op(1, pathdata(0, 1, fTLV(0x0120, be32(0)))))),
		forcesMsgBytes(0x00, ce, fe, 0),
		forcesMsgBytes(0x08, ce, fe, 0),
		forcesMsgBytes(0x12, ce, fe, 0),
	}
	var pkts []synthPkt
	for _, m := range msgs {
		pkts = append(pkts, sctpData(40000, 6704, 0, m))
	}
	badLen := forcesMsgBytes(0x0f, ce, fe, 0)
	badLen[3] = 9
	pkts = append(pkts,
		sctpData(40000, 6705, 0, badLen),
		sctpData(40000, 9, 22, forcesMsgBytes(0x0f, ce, fe, 0)),
		sctpData(40000, 6706, 0, []byte{0x10, 0x0f}),
		sctpData(40000, 9, 46, []byte("payload bytes")),
		sctpData(2905, 2905, 3, m3uaMsg(1, 1, m3uaParam(0x0006, be32(7)), m3uaParam(0x0200, be32(9)),
			m3uaParam(0x0210, []byte{1, 2, 3, 4, 5}), m3uaParam(0x0013, []byte{1}), m3uaParam(0x0999, nil))),
		sctpData(2905, 2905, 3, m3uaMsg(0, 1, m3uaParam(0x000c, be32(1)))),
		sctpData(2905, 2905, 3, m3uaMsg(2, 4, nil)),
		sctpData(2905, 2905, 3, m3uaMsg(3, 3, m3uaParam(0x0009, []byte("hb")))),
		sctpData(2905, 2905, 3, m3uaMsg(4, 9, nil)),
		sctpData(2905, 2905, 3, m3uaMsg(9, 1, nil)),
		sctpData(2905, 2905, 3, m3uaMsg(7, 1, nil)),
		sctpData(2905, 2905, 3, cat([]byte{1, 0, 1, 1}, be32(99))),
		sctpData(2905, 2905, 3, cat([]byte{2, 0, 1, 1}, be32(8))),
		sctpData(2905, 2905, 3, []byte{1, 0, 1}),
		sctpData(2905, 2905, 3, cat([]byte{1, 0, 1, 1}, be32(14), be16(6), be16(2), []byte{0, 0})),
		sctpData(2905, 2905, 3, cat([]byte{1, 0, 1, 1}, be32(18), be16(6), be16(12), []byte{0, 0, 0, 0, 0, 0})),
		sctpData(2905, 2905, 3, cat([]byte{1, 0, 1, 1}, be32(10), be16(6), []byte{0, 0})),
		cutPkt(sctpData(2905, 2905, 3, m3uaMsg(1, 1, m3uaParam(0x0210, make([]byte, 40)))), 24),
		cutPkt(sctpData(40000, 6704, 0, msgs[5]), 40),
	)
	return pkts
}

func writeSyntheticLegacy(t *testing.T, dir string) {
	for name, pkts := range map[string][]synthPkt{"synthetic-rx.pcap": synthRx(), "synthetic-decnet.pcap": synthDECnet(),
		"synthetic-ipx.pcap": synthIPX(), "synthetic-gre.pcap": synthGRE(), "synthetic-forces.pcap": synthForCES(),
		"synthetic-isis.pcap": synthISIS()} {
		if err := writePcap(filepath.Join(dir, name), 1, pkts); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteLegacyCaptures writes the captures to PRINTER_LEGACY_OUT (a
// directory), to compare with tcpdump through PRINTER_EXTRA.
func TestWriteLegacyCaptures(t *testing.T) {
	out := os.Getenv("PRINTER_LEGACY_OUT")
	if out == "" {
		t.Skip("set PRINTER_LEGACY_OUT=<dir>")
	}
	writeSyntheticLegacy(t, out)
}

// osiFrame wraps an OSI PDU in 802.3 + LLC (SAP 0xfe) to the IS-IS
// multicast address.
func osiFrame(pdu []byte) synthPkt {
	body := cat([]byte{0xfe, 0xfe, 0x03}, pdu)
	return synthPkt{data: eth([]byte{0x01, 0x80, 0xc2, 0, 0, 0x14}, macA, len(body), body)}
}

// isisPDU builds an IS-IS PDU: common header, PDU header, TLVs.
func isisPDU(typ byte, hdr []byte, tlvs ...[]byte) []byte {
	return cat([]byte{0x83, byte(8 + len(hdr)), 1, 0, typ, 1, 0, 0}, hdr, cat(tlvs...))
}

func isisTLV(typ byte, v ...[]byte) []byte {
	b := cat(v...)
	return cat([]byte{typ, byte(len(b))}, b)
}

func synthISIS() []synthPkt {
	sys := []byte{0x19, 0x20, 0x00, 0x00, 0x20, 0x01}
	sys2 := []byte{0x19, 0x20, 0x00, 0x00, 0x20, 0x02}
	node := cat(sys2, []byte{1})
	lanHdr := func(pduLen int) []byte { return cat([]byte{1}, sys, be16(30), be16(pduLen), []byte{0x40}, node) }
	lan := func(tlvs ...[]byte) []byte {
		n := 27 + len(cat(tlvs...))
		return isisPDU(15, lanHdr(n), tlvs...)
	}
	p2p := func(tlvs ...[]byte) []byte {
		n := 20 + len(cat(tlvs...))
		return isisPDU(17, cat([]byte{3}, sys, be16(30), be16(n), []byte{7}), tlvs...)
	}
	lsp := func(flags byte, good bool, tlvs ...[]byte) []byte {
		n := 27 + len(cat(tlvs...))
		pdu := isisPDU(20, cat(be16(n), be16(1199), sys, []byte{0, 0}, be32(0x2a), be16(0), []byte{flags}), tlvs...)
		sum := osiChecksum(pdu[12:], 12)
		if !good {
			sum ^= 0x0101
		}
		pdu[24], pdu[25] = byte(sum>>8), byte(sum)
		return pdu
	}
	metric := []byte{10, 0x80 | 0x40 | 5, 7, 0x80}
	f32 := func(v float32) []byte { return be32(math.Float32bits(v)) }
	subIS := cat([]byte{3, 4}, be32(0xff), []byte{4, 8}, be32(1), be32(2), []byte{6, 4}, ipA, []byte{8, 4}, ipB,
		[]byte{9, 4}, f32(1.25e8), []byte{10, 4}, f32(1e8), []byte{11, 32}, f32(1e7), f32(2e7), f32(3e7), f32(4e7),
		f32(5e7), f32(6e7), f32(7e7), f32(8e7), []byte{18, 3, 0, 0, 9}, []byte{19, 2, 0, 3}, []byte{20, 2, 0x12, 3},
		[]byte{22, 9, 1}, f32(1e6), f32(2e6), []byte{29, 6, 0, 0, 1, 2, 0, 3}, []byte{250, 2, 1, 2})
	swcap := cat([]byte{21, 42, 1, 2, 0, 0}, f32(1e6), f32(1e6), f32(1e6), f32(1e6), f32(1e6), f32(1e6), f32(1e6),
		f32(1e6), f32(5e5), be16(1500))
	tsc := cat([]byte{21, 44, 100, 5, 0, 0}, make([]byte, 32), f32(5e5), []byte{1, 0, 0, 0})
	l2sc := cat([]byte{21, 38, 51, 2, 0, 0}, make([]byte, 32), []byte{9, 9})
	extIS := cat(node, []byte{0, 0, 10}, []byte{byte(len(subIS))}, subIS)
	extIS2 := cat(node, []byte{0, 1, 0}, []byte{byte(len(swcap) + len(tsc) + len(l2sc))}, swcap, tsc, l2sc)
	ipSub := cat([]byte{1, 8}, be32(100), be32(200), []byte{2, 8}, be32(1), be32(2), []byte{117, 4}, be32(3), []byte{9, 1, 0})
	extIP := cat(be32(10), []byte{0x40 | 24}, []byte{198, 51, 100}, []byte{byte(len(ipSub))}, ipSub,
		be32(20), []byte{0x80 | 32}, ipA, be32(1), []byte{0}, be32(2), []byte{9}, []byte{10, 0})
	ip6 := cat(be32(10), []byte{0x40 | 0x20, 32}, ip6A[:4], []byte{6, 1, 4}, be32(7), be32(5), []byte{0x80, 128}, ip6B)
	ipReach := cat(metric, ipA, []byte{255, 255, 255, 0}, []byte{0x80 | 0x40 | 3, 1, 2, 3}, ipB, []byte{255, 0, 255, 0})
	mcid := func(name string) []byte {
		n := make([]byte, 32)
		copy(n, name)
		return cat([]byte{0}, n, be16(5), make([]byte, 16))
	}
	spbInst := cat(be32(1), be32(2), be32(3), be16(4), be32(0x00123456), []byte{1}, []byte{0xe1}, be32(9), []byte{0x00, 0x10, 0x20})
	spbm := cat(be32(0x02000000), be16(1), be16(0x100a), be32(0xc0000005))
	pkts := []synthPkt{
		osiFrame(lan(isisTLV(1, []byte{3, 0x49, 0, 1}, []byte{5, 0x39, 1, 2, 3, 4}), isisTLV(129, []byte{0xcc, 0x8e, 0x77, 0x81, 0x82, 0x83, 0x84, 0x85, 0x08, 0x09, 0x80, 0x8a, 0xb1, 0xc1, 0xcf, 0x00}),
			isisTLV(132, ipA, ipB), isisTLV(232, ip6A), isisTLV(6, macB, macA), isisTLV(211, []byte{3}),
			isisTLV(10, []byte{1}, []byte("secret")), isisTLV(8, make([]byte, 5)), isisTLV(241, be32(99)),
			isisTLV(99, []byte{1, 2, 3}), isisTLV(7, []byte{6}, macB, macA), isisTLV(7, []byte{0, 1, 2}), []byte{4, 0})),
		osiFrame(lan(isisTLV(211, []byte{1}, be16(20)), isisTLV(211, []byte{2}, be16(20), sys2), isisTLV(211, []byte{4}, []byte{1}),
			isisTLV(10, []byte{54}, make([]byte, 16)), isisTLV(10, []byte{54}, make([]byte, 4)), isisTLV(10, []byte{3}, be16(7), []byte{1, 2, 3}),
			isisTLV(10, []byte{255}, []byte{9, 9}))),
		osiFrame(p2p(isisTLV(240, []byte{0}), isisTLV(240, []byte{1}, be32(5)), isisTLV(240, []byte{2}, be32(5), sys2),
			isisTLV(240, []byte{3}, be32(5), sys2, be32(6)), isisTLV(1, []byte{3, 0x49, 0, 1}))),
		osiFrame(lsp(0x03, true, isisTLV(137, []byte("router-1")), isisTLV(134, ipA), isisTLV(2, []byte{0}, metric, node),
			isisTLV(3, metric, sys2), isisTLV(22, extIS), isisTLV(22, extIS2), isisTLV(24, node, []byte{0}),
			isisTLV(128, ipReach), isisTLV(130, ipReach[:12]), isisTLV(135, extIP), isisTLV(236, ip6))),
		osiFrame(lsp(0xfe, false, isisTLV(222, be16(2), extIS[:11]), isisTLV(229, be16(0), be16(0x8002), be16(4095), be16(7)),
			isisTLV(235, be16(0x4000), be32(1), []byte{8, 10}), isisTLV(237, be16(2), be32(1), []byte{0, 64}, ip6A[:8]),
			isisTLV(138, node, []byte{1}, ipA, ipB, be32(1), be32(2)), isisTLV(13, []byte{2}, sys, sys2), isisTLV(13, []byte{1}, sys),
			isisTLV(131, []byte{2}, be16(65000)), isisTLV(131, []byte{1, 1, 2}), isisTLV(131, []byte{7}),
			isisTLV(14, be16(1492)), isisTLV(4, sys, sys2), isisTLV(5, metric, []byte{6, 0x49, 0, 1}, []byte{1}),
			isisTLV(250, []byte{0, 0, 0x0c}, []byte{1, 2}), isisTLV(42, []byte{1, 2}),
			isisTLV(242, ipA, []byte{3}, []byte{2, 9, 0xc0, 0, 0, 100, 1, 3, 0, 0, 16}, []byte{7, 1, 0}),
			isisTLV(242, ipA), isisTLV(135, be32(5), []byte{0x40 | 8}, []byte{10}, []byte{15}, []byte{3, 6, 0x40, 0, 0, 0, 0, 5},
				[]byte{3, 5, 0x0c, 1, 0, 0, 7}),
			isisTLV(22, node, []byte{0, 0, 1}, []byte{22}, []byte{32, 12, 0x30, 5}, sys2, []byte{0, 1, 2, 3},
				[]byte{32, 8, 0x20, 5}, sys2))),
		osiFrame(lsp(0x00, true, isisTLV(143, be16(0x1001), cat([]byte{4, 102}, mcid("region"), mcid("aux")),
			cat([]byte{5, 33, 0xb6}, make([]byte, 32)), cat([]byte{6, 6}, be32(1), be16(0x0645))),
			isisTLV(144, be16(0x8002), cat([]byte{1, byte(len(spbInst))}, spbInst), cat([]byte{3, byte(len(spbm))}, spbm)),
			isisTLV(12, be16(0)), isisTLV(12, be16(0x1234)))),
		osiFrame(isisPDU(25, cat(be16(57), node, cat(make([]byte, 8)), cat(bytesOf(0xff, 8))),
			isisTLV(9, be16(1199), sys, []byte{0, 0}, be32(14), be16(0x5910), be16(600), sys2, []byte{1, 0}, be32(3), be16(0x1749)))),
		osiFrame(isisPDU(26, cat(be16(33), node), isisTLV(9, be16(1), sys, []byte{0, 0}, be32(1), be16(2)))),
		osiFrame(isisPDU(24, cat(be16(20), node, make([]byte, 16)))),
		osiFrame(isisPDU(30, []byte{1, 2, 3, 4})),
		osiFrame(isisPDU(15, lanHdr(27)[:10])),
		osiFrame(cat([]byte{0x83, 27, 2}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 27, 1, 4, 15, 1, 0, 0}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 27, 1, 0, 15, 2, 0, 0}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 27, 1, 0, 15, 1, 0, 255}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 200, 1, 0, 15, 1, 0, 0}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 4, 1, 0, 15, 1, 0, 0}, make([]byte, 30))),
		osiFrame(cat([]byte{0x83, 27, 1, 0, 0xef, 1, 0, 3}, lanHdr(40), isisTLV(1, []byte{3, 0x49, 0, 1}))),
		osiFrame(lan(isisTLV(1, []byte{3, 0x49, 0, 1}), []byte{6, 20, 1, 2})),
		osiFrame(cat([]byte{0x00}, []byte{1, 2, 3})),
		osiFrame(cat([]byte{0xcc}, ipv4(ipA, ipB, 1, 9, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil)))),
		osiFrame(cat([]byte{0x99}, []byte{1, 2, 3})),
		{data: eth(bcast, macA, 0xfefe, cat([]byte{0}, lan(isisTLV(1, []byte{3, 0x49, 0, 1}))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 47, 4, 0, nil, cat(be16(0), be16(0x00fe), lan(isisTLV(8, []byte{0})))))},
		cutPkt(osiFrame(lsp(0x03, true, isisTLV(137, []byte("router-1")), isisTLV(135, extIP))), 20),
		cutPkt(osiFrame(lan(isisTLV(1, []byte{3, 0x49, 0, 1}))), 8),
	}
	return pkts
}

func bytesOf(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}
