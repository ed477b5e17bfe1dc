package printer

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// Synthetic layer 2 control protocol frames: the TLVs, subtypes, option
// types and malformed lengths the shared captures lack, for LLDP, CDP,
// the slow protocols, STP (MSTP, SPB), EAPOL, PPPoE/PPP, DTP, VTP, UDLD
// and the Ethernet loopback protocol. Each protocol group gets its own
// file so the -X and -vv flag sets (limited to the first 25 and 60
// packets of a file) see all of them; synthetic-l2-damaged.pcap cuts
// every frame short for the damaged-* flag sets.

var (
	lldpMAC = []byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x0e}
	cdpMAC  = []byte{0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc}
	slowMAC = []byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x02}
	stpMAC  = []byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x00}
	paeMAC  = []byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x03}
)

func u8s(b ...byte) []byte { return b }

// lldpTLV builds an LLDP TLV header and value.
func lldpTLV(typ int, v ...[]byte) []byte {
	val := cat(v...)
	return cat(be16(typ<<9|len(val)), val)
}

func lldpOrg(oui uint32, sub byte, v ...[]byte) []byte {
	return lldpTLV(127, []byte{byte(oui >> 16), byte(oui >> 8), byte(oui)}, []byte{sub}, cat(v...))
}

func lldpFrame(tlvs ...[]byte) synthPkt {
	return synthPkt{data: eth(lldpMAC, macA, 0x88cc, cat(cat(tlvs...), be16(0)))}
}

func lldpBase() []byte {
	return cat(lldpTLV(1, u8s(4), macA), lldpTLV(2, u8s(5), []byte("eth0")), lldpTLV(3, be16(120)))
}

func synthLLDP() []synthPkt {
	ets := cat(u8s(0x83, 0x01, 0x23, 0x45, 0x67), u8s(10, 20, 30, 40, 0, 0, 0, 0), u8s(0, 2, 2, 2, 0, 0, 0, 0))
	dcbx := cat(
		be16(1<<9|10), u8s(0, 0), be32(5), be32(4),
		be16(2<<9|17), u8s(0, 0, 0xa0, 0), be32(0x01234567), u8s(10, 10, 10, 10, 20, 20, 10, 10), u8s(8),
		be16(3<<9|6), u8s(0, 0, 0xe0, 0, 0x28, 8),
		be16(4<<9|10), u8s(0, 0, 0x80, 0), be16(0x8906), u8s(0x00, 0x1b, 0x21), u8s(0x08),
		be16(9<<9|2), u8s(1, 2))
	return []synthPkt{
		lldpFrame(lldpBase(), lldpTLV(4, []byte("uplink\x01port")), lldpTLV(5, []byte("sw1.example\x00junk")),
			lldpTLV(6, []byte("Example OS\n1.0")), lldpTLV(7, be16(0x0094), be16(0x0014)),
			lldpTLV(8, u8s(5, 1, 192, 0, 2, 1), u8s(2), be32(7), u8s(0)),
			lldpTLV(8, u8s(17, 2), ip6A, u8s(3), be32(9), u8s(3, '1', '.', '3')),
			lldpTLV(8, u8s(7, 6), macB, u8s(1), be32(1)), lldpTLV(8, u8s(3, 9, 1, 2), u8s(4), be32(1)),
			lldpTLV(9, []byte("reserved type"))),
		lldpFrame(lldpTLV(1, u8s(5, 1, 198, 51, 100, 7)), lldpTLV(2, u8s(3), macB), lldpTLV(3, be16(0)),
			lldpTLV(1, u8s(7), []byte("local")), lldpTLV(1, u8s(9), []byte("odd")), lldpTLV(2, u8s(4, 2), ip6B),
			lldpTLV(2, u8s(4, 6), macA), lldpTLV(2, u8s(4, 16, 1, 2)), lldpTLV(2, u8s(0), []byte("zero"))),
		lldpFrame(lldpBase(),
			lldpOrg(0x0080c2, 1, be16(10)), lldpOrg(0x0080c2, 2, u8s(6), be16(20)),
			lldpOrg(0x0080c2, 3, be16(30), u8s(5), []byte("users")), lldpOrg(0x0080c2, 4, u8s(4), []byte{0x88, 0x8e, 1, 2}),
			lldpOrg(0x0080c2, 8, u8s(0xa5, 0x0f)), lldpOrg(0x0080c2, 9, ets), lldpOrg(0x0080c2, 10, ets),
			lldpOrg(0x0080c2, 11, u8s(0x98, 0x81)), lldpOrg(0x0080c2, 12, u8s(0), u8s(0x61), be16(0x8906), u8s(0xa3), be16(3260)),
			lldpOrg(0x0080c2, 13, u8s(0x0f, 0x1f, 0xe3, 0xe5, 0x67)),
			lldpOrg(0x0080c2, 14, u8s(0x88, 0, 0x01, 0x05), u8s(0x00, 0x10, 0x05), u8s(0x00, 0x20, 0x06)),
			lldpOrg(0x0080c2, 99, []byte("x"))),
		lldpFrame(lldpBase(), lldpOrg(0x0080c2, 1), lldpOrg(0x0080c2, 3, be16(30), u8s(9), []byte("short")),
			lldpOrg(0x0080c2, 9, ets[:10]), lldpOrg(0x0080c2, 12, u8s(0), u8s(0x61, 0x89)),
			lldpOrg(0x0080c2, 12, u8s(0)), lldpOrg(0x0080c2, 13, u8s(1)), lldpOrg(0x0080c2, 14, u8s(0x88, 0, 0x01, 0x05, 9)),
			lldpTLV(127, u8s(0, 0x80, 0xc2)), lldpTLV(7, be16(1))),
		lldpFrame(lldpBase(),
			lldpOrg(0x00120f, 1, u8s(3), be16(0x6c01), be16(30)), lldpOrg(0x00120f, 1, u8s(0), be16(0), be16(99)),
			lldpOrg(0x00120f, 2, u8s(0x0f, 1, 3)), lldpOrg(0x00120f, 2, u8s(0, 7, 9)),
			lldpOrg(0x00120f, 3, u8s(3), be32(1000)), lldpOrg(0x00120f, 4, be16(9216)), lldpOrg(0x00120f, 7, u8s(1)),
			lldpOrg(0x00120f, 4), lldpOrg(0x00005e, 1, []byte("https://mud.example/x\x01")),
			lldpOrg(0x00005e, 2, []byte("other")), lldpOrg(0x00005e, 1, u8s(1)), lldpOrg(0x123456, 1, u8s(1, 2, 3))),
		lldpFrame(lldpBase(),
			lldpOrg(0x0012bb, 1, be16(0x003f), u8s(3)), lldpOrg(0x0012bb, 2, u8s(1, 0x60, 0x64, 0xae)),
			lldpOrg(0x0012bb, 2, u8s(9, 0x80, 0x00, 0x00)),
			lldpOrg(0x0012bb, 3, u8s(1, 0x45, 0x12, 0x34, 0x56, 0x78, 0x89, 0x9a, 0xbc, 0xde, 0xf0, 0x13, 0x00, 0x04, 0x00, 0x00, 1)),
			lldpOrg(0x0012bb, 3, u8s(2, 17, 2, 'U', 'S', 3, 4, 'B', 'o', 's', 't', 6, 6, 'M', 'a', 'i', 'n', ' ', 'S')),
			lldpOrg(0x0012bb, 3, u8s(2, 9, 1, 'D', 'E', 1, 2, 'X')), lldpOrg(0x0012bb, 3, u8s(3), []byte("911000")),
			lldpOrg(0x0012bb, 3, u8s(7, 1, 2, 3)), lldpOrg(0x0012bb, 4, u8s(0x51), be16(155)),
			lldpOrg(0x0012bb, 4, u8s(0x1f), be16(2000)),
			lldpOrg(0x0012bb, 5, []byte("rev A")), lldpOrg(0x0012bb, 8, []byte("SN123")), lldpOrg(0x0012bb, 11, []byte("asset")),
			lldpOrg(0x0012bb, 12, []byte("future"))),
		lldpFrame(lldpBase(), lldpOrg(0x001b21, 2, dcbx), lldpOrg(0x001b21, 1, u8s(1, 2, 3)),
			lldpOrg(0x001b21, 2, be16(1<<9|4), u8s(0, 0, 0, 0)), lldpOrg(0x001b21, 2, be16(2<<9|3), u8s(1, 2, 3))),
		{data: eth(lldpMAC, macA, 0x88cc, cat(lldpBase(), be16(5<<9|40), []byte("cut")))},
		{data: eth(lldpMAC, macA, 0x88cc, cat(lldpBase(), lldpTLV(5, []byte("name")), lldpTLV(6, []byte("description"))))[:50], wirLen: 80},
		{data: eth(lldpMAC, macA, 0x88cc, cat(lldpTLV(1, u8s(4)), lldpTLV(3, u8s(1)), lldpTLV(2, u8s(3), macA[:3])))},
	}
}

func cdpT(typ int, v ...[]byte) []byte {
	val := cat(v...)
	return cat(be16(typ), be16(len(val)+4), val)
}

func cdpFrame(tlvs ...[]byte) synthPkt {
	body := cat(u8s(2, 180), be16(0x1234), cat(tlvs...))
	return synthPkt{data: eth(cdpMAC, macA, 8+len(body), cat(u8s(0xaa, 0xaa, 3, 0, 0, 0x0c), be16(0x2000), body))}
}

func synthCDP() []synthPkt {
	ipv6Proto := u8s(0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd)
	addrs := cat(be32(3), u8s(1, 1, 0xcc), be16(4), ipA, u8s(2, 8), ipv6Proto, be16(16), ip6A, u8s(1, 1, 0x81), be16(2), u8s(0x49, 0))
	return []synthPkt{
		cdpFrame(cdpT(1, []byte("sw1.example")), cdpT(2, addrs), cdpT(3, []byte("Gi0/1")),
			cdpT(4, be32(0x7f)), cdpT(5, []byte("Line one\nLine two\x01")), cdpT(6, []byte("model")),
			cdpT(7, u8s(192, 0, 2, 0, 24, 198, 51, 100, 0, 25))),
		cdpFrame(cdpT(1, []byte("sw2")), cdpT(8, make([]byte, 8)), cdpT(9, []byte("vtp")), cdpT(0x0a, be16(42)),
			cdpT(0x0b, u8s(0)), cdpT(0x0e, u8s(1), be16(100)), cdpT(0x0f, be16(0x2000)), cdpT(0x0f, u8s(2), be16(7)),
			cdpT(0x10, be16(6300)), cdpT(0x10, u8s(0x01, 0x86, 0xa0)), cdpT(0x11, be32(1500)), cdpT(0x12, u8s(0x20)),
			cdpT(0x13, u8s(3)), cdpT(0x14, []byte("sysname")), cdpT(0x15, u8s(6, 8, 0x2b)),
			cdpT(0x16, be32(1), u8s(1, 1, 0xcc), be16(4), ipB), cdpT(0x17, u8s(1), []byte("rack 4")),
			cdpT(0x17, u8s(2)), cdpT(0x1a, be32(1), be32(2), be32(15400)), cdpT(0x30, u8s(1, 2)),
			cdpT(0x0d, u8s(1)), cdpT(0, u8s(2))),
		cdpFrame(cdpT(1, []byte("bad")), cdpT(4, be16(1)), cdpT(0x0a, u8s(1, 2, 3)), cdpT(0x10, be32(1)),
			cdpT(0x0e, be16(1)), cdpT(2, u8s(0, 0)), cdpT(7, u8s(1, 2, 3)),
			cdpT(2, be32(2), u8s(1, 1, 0xcc), be16(4), ipA), cdpT(2, be32(1), u8s(1)),
			cdpT(0x16, be32(1), u8s(1, 1, 0xcc), be16(4), ipA, u8s(9, 9)), cdpT(2, be32(1), u8s(1, 1, 0xcc), be16(4), ipA[:2])),
		cdpFrame(cdpT(1, []byte("short")), be16(3), be16(2)),
		cdpFrame(cdpT(1, []byte("long")), be16(3), be16(40), []byte("abc")),
		cdpFrame(cdpT(1, []byte("tail")), u8s(0, 3)),
		{data: eth(cdpMAC, macA, 8+3, cat(u8s(0xaa, 0xaa, 3, 0, 0, 0x0c), be16(0x2000), u8s(2, 180, 0)))},
		{data: cdpFrame(cdpT(1, []byte("cut-here")), cdpT(6, []byte("platform"))).data[:40], wirLen: 60},
	}
}

func lacpInfo(typ byte, pri int, mac []byte, key, port int, state byte) []byte {
	return cat(u8s(typ, 20), be16(pri), mac, be16(key), be16(32768), be16(port), u8s(state, 0, 0, 0))
}

func synthL2Ctl() []synthPkt {
	slow := func(b ...[]byte) synthPkt { return synthPkt{data: eth(slowMAC, macA, 0x8809, cat(b...))} }
	lacp := cat(u8s(1, 1), lacpInfo(1, 100, macA, 7, 3, 0x3d), lacpInfo(2, 200, macB, 9, 4, 0xc2),
		u8s(3, 16), be16(50), make([]byte, 12))
	oamInfo := cat(u8s(1, 16, 1), be16(2), u8s(0x05, 0x1f), be16(0x05ee), u8s(0x00, 0x12, 0x0f), be32(0xdeadbeef))
	event := cat(u8s(1, 40), be16(12), be32(0), be32(100), be32(0), be32(1), be32(0), be32(2), be32(0), be32(3), be32(4))
	mstp := func(ver byte, mstis int) []byte {
		v3 := 64 + 16*mstis
		b := cat(be16(0), u8s(ver, 2, 0x3c), u8s(0x80, 0, 2, 0, 0, 0, 0, 1), be32(20000), u8s(0x80, 0, 2, 0, 0, 0, 0, 2),
			be16(0x8001), be16(256), be16(20*256), be16(2*256), be16(15*256), u8s(0), be16(v3), u8s(0),
			[]byte("region-a"), make([]byte, 24), be16(3), make([]byte, 16), be32(10), u8s(0x80, 0, 2, 0, 0, 0, 0, 3), u8s(20))
		for i := 1; i <= mstis; i++ {
			b = cat(b, u8s(0x7c), be16(0x8000|i), u8s(2, 0, 0, 0, 0, byte(i)), be32(uint32(i*100)), u8s(0x80, 0x90, 19))
		}
		return b
	}
	spb := cat(be16(85), u8s(0), []byte("aux"), make([]byte, 29), be16(1), make([]byte, 16), u8s(0xec, 0, 0x12, 0x34),
		be16(5), make([]byte, 8), be32(1), be32(2), be32(3), be32(4), be32(5))
	stp := func(b []byte) synthPkt {
		return synthPkt{data: eth(stpMAC, macA, 3+len(b), cat(u8s(0x42, 0x42, 3), b))}
	}
	return []synthPkt{
		slow(lacp, make([]byte, 50)),
		slow(u8s(2, 1), u8s(1, 16), be16(5), macB, be32(0x11223344), be16(0), u8s(0, 0), make([]byte, 90)),
		slow(u8s(1, 1), u8s(1, 10), make([]byte, 8), u8s(3, 1), u8s(9, 4, 1, 2), u8s(0, 0)),
		slow(u8s(1, 1), u8s(2, 20), make([]byte, 4)),
		slow(u8s(1, 2), make([]byte, 20)),
		slow(u8s(9, 1, 2, 3)),
		slow(u8s(3), be16(0x0051), u8s(0), oamInfo, cat(u8s(2, 16), oamInfo[2:]), u8s(0xfe, 5, 1, 2, 3), u8s(1, 8), make([]byte, 6), u8s(0, 0)),
		slow(u8s(3), be16(0), u8s(1), be16(7), event, u8s(0xfe, 4, 9, 9), u8s(2, 12), make([]byte, 10), u8s(0, 0)),
		slow(u8s(3), be16(0x20), u8s(4), u8s(1)),
		slow(u8s(3), be16(0), u8s(2), u8s(1, 2, 3, 4)),
		slow(u8s(3), be16(0), u8s(0), u8s(1, 1)),
		stp(mstp(3, 3)),
		stp(cat(mstp(4, 1), spb)),
		stp(cat(mstp(4, 0), be16(10), make([]byte, 20))),
		stp(mstp(3, 0)[:90]),
		stp(cat(be16(0), u8s(0, 0x80))),
		stp(cat(be16(1), u8s(0, 0))),
		stp(cat(be16(0), u8s(7, 0))),
		stp(cat(be16(0), u8s(2, 0x33))),
		stp(u8s(0, 0)),
		stp(cat(be16(0), u8s(0, 0), make([]byte, 16))),
		stp(cat(be16(0), u8s(2, 2), make([]byte, 31))),
	}
}

// synthEAP covers every EAP method summary and each of eap_print's
// "too short" messages.
func synthEAP() []synthPkt {
	eapolLen := func(typ byte, n int, body []byte) synthPkt {
		return synthPkt{data: eth(paeMAC, macA, 0x888e, cat(u8s(2, typ), be16(n), body))}
	}
	eapol := func(typ byte, body []byte) synthPkt { return eapolLen(typ, len(body), body) }
	eap := func(code, id byte, rest ...[]byte) []byte {
		r := cat(rest...)
		return cat(u8s(code, id), be16(4+len(r)), r)
	}
	return []synthPkt{
		eapol(1, nil),
		eapol(0, eap(1, 1, u8s(1))),
		eapol(0, eap(2, 1, u8s(1), []byte("user@example.org"))),
		eapol(0, eap(1, 2, u8s(2), []byte("hello\x01"))),
		eapol(0, eap(2, 2, u8s(3, 13, 21, 25))),
		eapol(0, eap(1, 3, u8s(13, 0xe0), be32(1000))),
		eapol(0, eap(1, 4, u8s(21, 0x21))),
		eapol(0, eap(2, 5, u8s(43, 0x81), be32(77))),
		eapol(0, eap(1, 6, u8s(23, 1))),
		eapol(0, eap(1, 7, u8s(4, 16), make([]byte, 16))),
		eapol(0, eap(3, 8)),
		eapol(0, eap(4, 9)),
		eapol(0, cat(u8s(1, 10), be16(50), u8s(1))),
		eapol(3, make([]byte, 10)),
		eapol(9, nil),
		eapol(0, eap(1, 11)),
		eapol(0, eap(2, 12, u8s(2))),
		eapol(0, eap(2, 13, u8s(3))),
		eapol(0, eap(1, 14, u8s(13))),
		eapol(0, eap(1, 15, u8s(21, 0x80), be16(1))),
		eapol(0, eap(2, 16, u8s(43, 0x80))),
		eapol(0, eap(2, 17, u8s(18))),
		eapol(0, eap(1, 18, u8s(254, 1, 2))),
		eapolLen(0, 2, u8s(1, 1, 0, 2)),
		eapolLen(0, 0, u8s(1, 1, 0, 0)),
		eapolLen(0, 2, u8s(1, 1)),
	}
}

func pppoeFrame(code byte, ses int, body []byte) synthPkt {
	typ := 0x8863
	if code == 0 {
		typ = 0x8864
	}
	return synthPkt{data: eth(macB, macA, typ, cat(u8s(0x11, code), be16(ses), be16(len(body)), body))}
}

func pppCP(proto int, code, id byte, data ...[]byte) []byte {
	d := cat(data...)
	return cat(be16(proto), u8s(code, id), be16(4+len(d)), d)
}

func synthPPP() []synthPkt {
	tag := func(t int, v []byte) []byte { return cat(be16(t), be16(len(v)), v) }
	lcpOpts := cat(u8s(1, 4), be16(1492), u8s(2, 6), be32(0), u8s(3, 5), be16(0xc223), u8s(5), u8s(3, 4), be16(0xc023),
		u8s(3, 6), be16(0x1234), be16(0), u8s(4, 4), be16(0xc025), u8s(5, 6), be32(0x01020304), u8s(7, 2, 8, 2),
		u8s(0, 6, 0, 0x12, 0x0f, 1), u8s(13, 3, 6), u8s(17, 4), be16(1600), u8s(23, 4), be16(9),
		u8s(19, 3, 0), u8s(19, 7, 2), ipA, u8s(19, 9, 3), macA, u8s(19, 3, 4), u8s(19, 4, 9, 1), u8s(9, 3, 1))
	return []synthPkt{
		pppoeFrame(0x07, 0, cat(tag(0x0101, nil), tag(0x0102, []byte("ac-name.example")), tag(0x0104, u8s(1, 2, 3, 4, 0xff, 0xfe)),
			tag(0x0105, cat(be32(3561), []byte("vendor"))), tag(0x0110, u8s(0xab)), tag(0x0777, []byte("x")),
			tag(0x0203, []byte("a long error text to exceed the eighty character limit of the tag printer, yes longer than eighty")), tag(0, nil), tag(0x0101, nil))),
		pppoeFrame(0xa7, 0x1234, nil),
		pppoeFrame(0x42, 0, tag(0x0101, []byte("svc"))),
		{data: eth(macB, macA, 0x8863, cat(u8s(0x22, 0x19), be16(0), be16(2000), tag(0x0101, nil)))},
		pppoeFrame(0, 1, pppCP(0xc021, 1, 1, lcpOpts)),
		pppoeFrame(0, 1, pppCP(0xc021, 4, 2, u8s(3, 1), u8s(40, 2), u8s(1, 5), be16(1), u8s(0))),
		pppoeFrame(0, 1, pppCP(0xc021, 9, 3, be32(0xa1b2c3d4), []byte("trailing"))),
		pppoeFrame(0, 1, pppCP(0xc021, 12, 4, be32(1), []byte("pppd 2.4"))),
		pppoeFrame(0, 1, pppCP(0xc021, 13, 5, be32(1), be32(3600))),
		pppoeFrame(0, 1, pppCP(0xc021, 8, 6, be16(0x8057), u8s(1, 2, 0, 4))),
		pppoeFrame(0, 1, pppCP(0xc021, 0, 7, be32(1), u8s(0, 0x12, 0x0f, 1))),
		pppoeFrame(0, 1, pppCP(0xc021, 5, 8, []byte("bye"))),
		pppoeFrame(0, 1, pppCP(0xc021, 20, 9, u8s(1, 2, 3))),
		pppoeFrame(0, 1, pppCP(0xc021, 1, 10)),
		pppoeFrame(0, 1, cat(be16(0xc021), u8s(1, 11), be16(40), u8s(1, 4))),
		pppoeFrame(0, 1, pppCP(0x8021, 1, 1, u8s(3, 6), ipA, u8s(129, 6), ipB, u8s(1, 10), ipA, ipB, u8s(2, 4), be16(0x2d),
			u8s(2, 18), be16(0x61), be16(15), be16(16), be16(256), be16(5), be16(168), u8s(1, 2, 2, 2), u8s(99, 3, 1), u8s(3, 4))),
		pppoeFrame(0, 1, pppCP(0x8057, 2, 1, u8s(1, 10, 0, 1, 2, 3, 4, 5, 6, 7), u8s(2, 3, 9))),
		pppoeFrame(0, 1, pppCP(0x80fd, 1, 1, u8s(21, 3, 0x2f), u8s(24, 4, 0xa5, 3), u8s(26, 4, 0x78, 0x05), u8s(18, 6, 0, 0, 0, 1))),
		pppoeFrame(0, 1, pppCP(0xc02b, 1, 1, u8s(1, 6), be32(9), u8s(2, 2))),
		pppoeFrame(0, 1, pppCP(0x8023, 1, 1, u8s(1, 2))),
		pppoeFrame(0, 1, cat(be16(0xc223), u8s(1, 1), be16(21), u8s(8), make([]byte, 8), []byte("server"))),
		pppoeFrame(0, 1, cat(be16(0xc223), u8s(3, 1), be16(10), []byte("Hello!"))),
		pppoeFrame(0, 1, cat(be16(0xc023), u8s(1, 1), be16(16), u8s(4), []byte("user"), u8s(4), []byte("pass"))),
		pppoeFrame(0, 1, cat(be16(0xc023), u8s(2, 1), be16(8), u8s(3), []byte("ok!"))),
		pppoeFrame(0, 1, cat(be16(0xc023), u8s(2, 1), be16(4))),
		pppoeFrame(0, 1, cat(be16(0x003d), u8s(0xc0, 0x12), []byte("frag"))),
		pppoeFrame(0, 1, cat(u8s(0x21), ipv4(ipA, ipB, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil)))),
		pppoeFrame(0, 1, cat(u8s(0xff, 0x03), be16(0x0057), ipv6(ip6A, ip6B, 59, nil))),
		pppoeFrame(0, 1, cat(be16(0x00fd), u8s(1, 2, 3))),
		pppoeFrame(0, 1, cat(be16(0x4321), u8s(1, 2, 3))),
		pppoeFrame(0, 1, cat(be16(0x7e21), u8s(0x7d, 0x5e, 0x45, 0))),
		pppoeFrame(0, 1, u8s(0xc0)),
		{data: eth(macB, macA, 0x880b, cat(u8s(0xff, 0x03), pppCP(0xc021, 9, 1, be32(7))))},
	}
}

func synthCisco() []synthPkt {
	snap := func(pid int, body []byte) synthPkt {
		return synthPkt{data: eth(cdpMAC, macA, 8+len(body), cat(u8s(0xaa, 0xaa, 3, 0, 0, 0x0c), be16(pid), body))}
	}
	dtlv := func(t int, v []byte) []byte { return cat(be16(t), be16(4+len(v)), v) }
	vtpHdr := func(typ, b3 byte, name string) []byte {
		n := make([]byte, 32)
		copy(n, name)
		return cat(u8s(1, typ, b3, byte(len(name))), n)
	}
	vlan := func(id int, name string, tlvs ...[]byte) []byte {
		pad := 4 * ((len(name) + 3) / 4)
		nm := make([]byte, pad)
		copy(nm, name)
		t := cat(tlvs...)
		return cat(u8s(byte(12+pad+len(t)), 0, 1, byte(len(name))), be16(id), be16(1500), be32(uint32(100000+id)), nm, t)
	}
	loop := func(b ...[]byte) synthPkt { return synthPkt{data: eth(macB, macA, 0x9000, cat(b...))} }
	return []synthPkt{
		snap(0x2004, cat(u8s(1), dtlv(1, []byte("dom\x00ain")), dtlv(2, u8s(3)), dtlv(3, u8s(0xa5)), dtlv(4, macB), dtlv(9, u8s(1, 2)))),
		snap(0x2004, cat(u8s(1), dtlv(2, u8s(3, 4)))),
		snap(0x2004, cat(u8s(1), be16(5), be16(2))),
		snap(0x2004, cat(u8s(1), u8s(0, 1))),
		snap(0x2004, cat(u8s(1), be16(0), be16(4))),
		snap(0x2003, cat(vtpHdr(1, 1, "campus"), be32(42), ipA, []byte("930301000000"), make([]byte, 16))),
		snap(0x2003, cat(vtpHdr(2, 1, "campus"), be32(43), vlan(1, "default"),
			vlan(1002, "fddi-default", u8s(3, 1), be16(2), u8s(6, 1), be16(1), u8s(7, 1), be16(1), u8s(9, 1), be16(7),
				u8s(10, 1), be16(0), u8s(1, 1), be16(5)), vlan(20, "x", u8s(4, 2), be32(1)))),
		snap(0x2003, cat(vtpHdr(3, 0, "campus"), be32(1))),
		snap(0x2003, cat(vtpHdr(4, 0, "campus"), be32(1))),
		snap(0x2003, cat(vtpHdr(1, 0, ""), be32(1))),
		snap(0x2003, cat(vtpHdr(2, 1, "c"), be32(1), u8s(8, 0, 1, 0), be32(0))),
		snap(0x2003, u8s(1, 1, 0)),
		snap(0x0111, cat(u8s(0x21, 0x03), be16(0x1234), dtlv(1, []byte("FOX123")), dtlv(2, []byte("Gi0/1")),
			dtlv(3, cat(be32(1), u8s(0, 3), []byte("abc"))), dtlv(4, u8s(7)), dtlv(5, u8s(5)), dtlv(6, []byte("sw1")),
			dtlv(7, be32(99)), dtlv(9, u8s(1)))),
		snap(0x0111, cat(u8s(0x42, 0x00), be16(0), dtlv(4, u8s(7, 8)))),
		snap(0x0111, cat(u8s(0x5f, 0xff), be16(0), be16(1), be16(4))),
		snap(0x0111, u8s(0x21, 0)),
		loop(be16(0), le16(1), le16(7), []byte("data")),
		loop(le16(8), make([]byte, 8), le16(2), macB, []byte("payload")),
		loop(le16(3), make([]byte, 3), le16(5), []byte("xx")),
		loop(le16(40), make([]byte, 4)),
		loop(le16(0), le16(1), u8s(1)),
		loop(le16(0), le16(2), macB[:4]),
		loop(u8s(1)),
	}
}

// synthPPPLink are frames for the PPP link types: DLT_PPP with and
// without address/control and protocol compression, direction bytes,
// unknown protocols, cuts and HDLC escapes (also read as DLT_PPP_SERIAL).
func synthPPPLink() []synthPkt {
	ip := ipv4(ipA, ipB, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil))
	lcp := pppCP(0xc021, 9, 1, be32(42))
	return []synthPkt{
		{data: cat(u8s(0xff, 3), be16(0x21), ip)}, {data: cat(u8s(0xff, 3), lcp)}, {data: cat(be16(0x21), ip)},
		{data: cat(u8s(0x21), ip)}, {data: cat(u8s(0, 3), be16(0x21), ip)}, {data: cat(u8s(1, 3), lcp)},
		{data: cat(u8s(0xff, 3), be16(0x1234), []byte("abc"))}, {data: u8s(0xff)}, {data: u8s(0xff, 3, 0)},
		{data: cat(u8s(0xff, 3), be16(0x21), ip[:10]), wirLen: 4 + len(ip)},
		{data: cat(u8s(0x0f, 0), be16(0x0800), ip)}, {data: cat(u8s(0x11, 0x22), be16(0x21), ip)},
		{data: cat(u8s(0xff, 3), be16(0x7e21), u8s(0x7d, 0x65, 0, 0x1c))},
	}
}

// synthPPPoELink are DLT_PPP_ETHER frames (no Ethernet header).
func synthPPPoELink() []synthPkt {
	var out []synthPkt
	for _, p := range synthPPP()[:6] {
		out = append(out, synthPkt{data: p.data[14:]})
	}
	return append(out, synthPkt{data: u8s(0x11)})
}

// synthCHDLC are Cisco HDLC frames: IPv4, IPv6, MPLS, OSI with and
// without the fudge byte, every SLARP message and cuts.
func synthCHDLC() []synthPkt {
	ip := ipv4(ipA, ipB, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil))
	slarp := func(code uint32, rest ...[]byte) synthPkt {
		return synthPkt{data: cat(u8s(0x8f, 0), be16(0x8035), be32(code), cat(rest...))}
	}
	return []synthPkt{
		{data: cat(u8s(0x0f, 0), be16(0x0800), ip)}, {data: cat(u8s(0x8f, 0), be16(0x86dd), ipv6(ip6A, ip6B, 59, nil))},
		{data: cat(u8s(0x0f, 0), be16(0x1234), []byte("abc"))}, {data: u8s(0x0f, 0, 8)},
		slarp(0, make([]byte, 10)), slarp(1, ipA, u8s(255, 255, 255, 0), be16(0)), slarp(2, be32(5), be32(6), be16(0xffff)),
		slarp(2, be32(5), be32(6), be16(0xffff), be32(90061000)), slarp(2, be32(5), be32(6), be16(0xffff), be32(1), []byte("junk")),
		slarp(9, make([]byte, 10)), slarp(2, be32(4)), {data: slarp(1, make([]byte, 10)).data[:12], wirLen: 18},
		{data: cat(u8s(0x0f, 0), be16(0x8847), be32(100<<12|0x100|63), ip)},
		{data: cat(u8s(0x0f, 0), be16(0xfefe), u8s(3, 0x83), make([]byte, 10))}, {data: cat(u8s(0x0f, 0), be16(0xfefe), u8s(3))},
	}
}

func le16(v int) []byte { return []byte{byte(v), byte(v >> 8)} }

// l2Damaged cuts every frame of the layer 2 captures at a third, half and
// all but two bytes of its length (caplen < wire length).
func l2Damaged(groups ...[]synthPkt) []synthPkt {
	var out []synthPkt
	for _, g := range groups {
		for _, p := range g {
			if p.wirLen != 0 {
				continue
			}
			n := len(p.data)
			for _, cut := range []int{14 + (n-14)/3, 14 + (n-14)/2, n - 2} {
				if cut > 14 && cut < n {
					out = append(out, synthPkt{data: append([]byte(nil), p.data[:cut]...), wirLen: n})
				}
			}
		}
	}
	return out
}

func writeSyntheticL2(t *testing.T, dir string) {
	files := []struct {
		name string
		pkts []synthPkt
	}{
		{"synthetic-lldp.pcap", synthLLDP()},
		{"synthetic-cdp.pcap", synthCDP()},
		{"synthetic-l2ctl.pcap", synthL2Ctl()},
		{"synthetic-eap.pcap", synthEAP()},
		{"synthetic-ppp.pcap", synthPPP()},
		{"synthetic-cisco.pcap", synthCisco()},
		{"synthetic-l2-damaged.pcap", l2Damaged(synthLLDP(), synthCDP(), synthL2Ctl(), synthEAP(), synthPPP(), synthCisco())},
	}
	for _, f := range files {
		if err := writePcap(filepath.Join(dir, f.name), 1, f.pkts); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []struct {
		name string
		lt   uint32
		pkts []synthPkt
	}{
		{"synthetic-ppp-link.pcap", 9, synthPPPLink()},
		{"synthetic-ppp-serial.pcap", 50, synthPPPLink()},
		{"synthetic-ppp-ether.pcap", 51, synthPPPoELink()},
		{"synthetic-chdlc.pcap", 104, synthCHDLC()},
	} {
		if err := writePcap(filepath.Join(dir, f.name), f.lt, f.pkts); err != nil {
			t.Fatal(err)
		}
	}
}

// TestL2Supported checks that every frame of the layer 2 synthetic
// captures decodes without falling back to the generic form (Supported)
// and without a decoder error, at every verbosity: the goldens only
// compare lines, and an unsupported packet's differences are not failures.
func TestL2Supported(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("testdata", "captures", "synthetic-*.pcap"))
	n := 0
	for _, name := range names {
		base := filepath.Base(name)
		if !strings.Contains(base, "lldp") && !strings.Contains(base, "cdp") && !strings.Contains(base, "l2") &&
			!strings.Contains(base, "eap") && !strings.Contains(base, "ppp") && !strings.Contains(base, "cisco") &&
			!strings.Contains(base, "chdlc") {
			continue
		}
		pkts, err := readCapture(name, 10000)
		if err != nil {
			t.Fatal(err)
		}
		for v := 0; v <= 3; v++ {
			pr := New(io.Discard, Options{NoResolve: 1, Verbose: v, Ether: v == 3, HexASCII: v % 2})
			for i, pkt := range pkts {
				if err := pr.Print(pkt); err != nil {
					t.Errorf("%s pkt %d -v%d: %v", base, i+1, v, err)
				}
				if !pr.Supported() {
					t.Errorf("%s pkt %d -v%d: %s printed in the generic form", base, i+1, v, pr.Unsupported())
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Skip("no layer 2 synthetic captures (record them with -update)")
	}
}
