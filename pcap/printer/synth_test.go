package printer

import (
	"encoding/binary"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// Synthetic captures cover protocol cases the shared corpus lacks. They are
// built here by hand (documentation addresses only), written with a tiny
// pcap writer, committed under testdata/captures, and their goldens are
// recorded from tcpdump like the shared ones: `go test -run TestGolden
// -update` rewrites both.

type synthPkt struct {
	data   []byte
	wirLen int // 0: len(data)
}

func be16(v int) []byte    { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	macA  = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x01}
	macB  = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x02}
	bcast = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	ipA   = []byte{192, 0, 2, 1}
	ipB   = []byte{192, 0, 2, 2}
	ip6A  = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ip6B  = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}
)

func eth(dst, src []byte, typ int, payload []byte) []byte {
	return cat(dst, src, be16(typ), payload)
}

func vlan(tci, typ int, payload []byte) []byte { return cat(be16(tci), be16(typ), payload) }

func sum16(b []byte) uint16 { return checksum(0, b) }

func ipv4(src, dst []byte, proto byte, id, frag int, opts, payload []byte) []byte {
	hl := 20 + len(opts)
	h := cat([]byte{byte(0x40 | hl/4), 0}, be16(hl+len(payload)), be16(id), be16(frag), []byte{64, proto, 0, 0}, src, dst, opts)
	binary.BigEndian.PutUint16(h[10:], sum16(h))
	return cat(h, payload)
}

func ipv6(src, dst []byte, nh byte, payload []byte) []byte {
	return cat([]byte{0x60, 0, 0, 0}, be16(len(payload)), []byte{nh, 64}, src, dst, payload)
}

// l4sum fills the checksum at off using the pseudo header.
func l4sum(src, dst []byte, proto byte, seg []byte, off int) []byte {
	h := &ipHdr{v6: len(src) == 16, src: src, dst: dst}
	binary.BigEndian.PutUint16(seg[off:], 0)
	binary.BigEndian.PutUint16(seg[off:], checksum(pseudoSum(h, proto, len(seg)), seg))
	return seg
}

func tcpSeg(src, dst []byte, sport, dport int, seq, ack uint32, flags byte, win int, opts, payload []byte) []byte {
	hl := 20 + len(opts)
	seg := cat(be16(sport), be16(dport), be32(seq), be32(ack), []byte{byte(hl / 4 << 4), flags}, be16(win), be16(0), be16(0), opts, payload)
	if flags&0x20 != 0 {
		binary.BigEndian.PutUint16(seg[18:], 7)
	}
	return l4sum(src, dst, 6, seg, 16)
}

func udpSeg(src, dst []byte, sport, dport int, payload []byte) []byte {
	seg := cat(be16(sport), be16(dport), be16(8+len(payload)), be16(0), payload)
	return l4sum(src, dst, 17, seg, 6)
}

func icmpMsg(typ, code byte, rest, payload []byte) []byte {
	m := cat([]byte{typ, code, 0, 0}, rest, payload)
	binary.BigEndian.PutUint16(m[2:], sum16(m))
	return m
}

func icmp6Msg(src, dst []byte, typ, code byte, body []byte) []byte {
	return l4sum(src, dst, 58, cat([]byte{typ, code, 0, 0}, body), 2)
}

func dnsName(labels ...string) []byte {
	var out []byte
	for _, l := range labels {
		out = append(out, byte(len(l)))
		out = append(out, l...)
	}
	return append(out, 0)
}

func synthEthernet() []synthPkt {
	q := cat(be16(0xabcd), be16(0x0100), be16(1), be16(0), be16(0), be16(0), dnsName("www", "example", "com"), be16(1), be16(1))
	r := cat(be16(0xabcd), be16(0x8180), be16(1), be16(3), be16(0), be16(1), dnsName("www", "example", "com"), be16(1), be16(1),
		[]byte{0xc0, 12}, be16(5), be16(1), be32(300), be16(6), []byte{3, 'w', 'e', 'b', 0xc0, 16},
		[]byte{0xc0, 43}, be16(1), be16(1), be32(300), be16(4), []byte{192, 0, 2, 80},
		[]byte{0xc0, 43}, be16(28), be16(1), be32(300), be16(16), ip6B,
		[]byte{0}, be16(41), be16(1232), be32(0x8000), be16(0))
	nx := cat(be16(7), be16(0x8183), be16(1), be16(0), be16(0), be16(0), dnsName("nope", "example"), be16(28), be16(1))
	mx := cat(be16(8), be16(0x8400), be16(1), be16(2), be16(0), be16(0), dnsName("example"), be16(15), be16(1),
		[]byte{0xc0, 12}, be16(15), be16(1), be32(60), be16(4), be16(10), []byte{0xc0, 12},
		[]byte{0xc0, 12}, be16(16), be16(1), be32(60), be16(6), []byte{5, 'h', 'e', 'l', 'l', 'o'})
	udpDNS := udpSeg(ipA, ipB, 40000, 53, q)
	edns := cat(be16(0x1111), be16(0x0120), be16(1), be16(0), be16(0), be16(1), dnsName("example", "org"), be16(28), be16(1),
		[]byte{0}, be16(41), be16(4096), be32(0x8000), be16(4+8+4+2+4+3),
		be16(10), be16(8), []byte{1, 2, 3, 4, 5, 6, 7, 8}, be16(11), be16(2), be16(300), be16(12), be16(3), []byte{0, 0, 0})
	tcpDNS := cat(be16(len(q)), q)
	quoted := ipv4(ipA, ipB, 17, 99, 0x4000, nil, udpDNS)
	syn := tcpSeg(ipA, ipB, 41000, 80, 1000, 0, 0x02, 64240, []byte{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7}, nil)
	synack := tcpSeg(ipB, ipA, 80, 41000, 5000, 1001, 0x12, 65160, []byte{2, 4, 5, 0xb4, 1, 1, 4, 2}, nil)
	get := tcpSeg(ipA, ipB, 41000, 80, 1001, 5001, 0x18, 502, nil, []byte("GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n"))
	resp := tcpSeg(ipB, ipA, 80, 41000, 5001, 1045, 0x18, 509, nil, []byte("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
	sack := tcpSeg(ipA, ipB, 41000, 80, 1045, 5047, 0x10, 502, []byte{1, 1, 5, 10, 0, 0, 0x13, 0x9c, 0, 0, 0x13, 0xa0}, nil)
	urg := tcpSeg(ipA, ipB, 41000, 80, 1045, 5047, 0xb8, 502, nil, []byte("x"))
	fin := tcpSeg(ipA, ipB, 41000, 80, 1046, 5047, 0x11, 502, nil, nil)
	rst := tcpSeg(ipB, ipA, 80, 41000, 5047, 0, 0x04, 0, nil, []byte("bye"))
	ntp := cat([]byte{0x23, 0, 6, 0xe9}, make([]byte, 44))
	ntpResp := cat([]byte{0x24, 2, 6, 0xe9}, be32(0x00000a3d), be32(0x00001b00), []byte{192, 0, 2, 9},
		be32(0xecb2a000), be32(0x12345678), be32(0xecb2a0f0), be32(0x80000000),
		be32(0xecb2a0f1), be32(0x00001000), be32(0xecb2a0f0), be32(0x7fffffff))
	bootp := cat([]byte{1, 1, 6, 0}, be32(0x1234), make([]byte, 20), macA, make([]byte, 10+64+128), []byte{99, 130, 83, 99, 53, 1, 1,
		61, 7, 1}, macA, []byte{55, 6, 1, 3, 6, 15, 119, 252, 12, 4, 'h', 'o', 's', 't', 57, 2, 5, 220, 255})
	offer := cat([]byte{2, 1, 6, 0}, be32(0x1234), be16(3), be16(0x8000), make([]byte, 4), ipA, ipB, make([]byte, 4), macA, make([]byte, 10),
		[]byte("boot.example"), make([]byte, 64-12), []byte("pxelinux.0"), make([]byte, 128-10), []byte{99, 130, 83, 99, 53, 1, 2,
			54, 4, 192, 0, 2, 2, 51, 4, 0, 0, 0x0e, 0x10, 1, 4, 255, 255, 255, 0, 3, 4, 192, 0, 2, 2, 6, 8, 192, 0, 2, 2, 192, 0, 2, 3,
			121, 10, 24, 198, 51, 100, 192, 0, 2, 2, 0, 192, 0, 2, 2, 0, 0, 255})
	return []synthPkt{
		{data: eth(bcast, macA, 0x0806, cat(be16(1), be16(0x800), []byte{6, 4}, be16(1), macA, ipA, make([]byte, 6), ipB, make([]byte, 18)))},
		{data: eth(macA, macB, 0x0806, cat(be16(1), be16(0x800), []byte{6, 4}, be16(2), macB, ipB, macA, ipA, make([]byte, 18)))},
		{data: eth(macB, macA, 0x8100, vlan(0x200a, 0x0800, ipv4(ipA, ipB, 1, 1, 0x4000, nil, icmpMsg(8, 0, cat(be16(77), be16(1)), []byte("ping")))))},
		{data: eth(macB, macA, 0x88a8, vlan(100, 0x8100, vlan(0x3014, 0x0806, cat(be16(1), be16(0x800), []byte{6, 4}, be16(1), macA, ipA, make([]byte, 6), ipB))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 2, 0x4000, nil, udpDNS))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 17, 3, 0x4000, nil, udpSeg(ipB, ipA, 53, 40000, r)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 17, 4, 0, nil, udpSeg(ipB, ipA, 53, 40001, nx)))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 4, 0, nil, udpSeg(ipA, ipB, 40003, 53, edns)))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 4, 0, nil, tcpSeg(ipA, ipB, 40004, 53, 7, 9, 0x18, 500, nil, tcpDNS)))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 4, 0, nil, udpSeg(ipA, ipB, 5353, 5353, cat(be16(0), be16(0), be16(1), be16(0), be16(0), be16(0), dnsName("printer", "_ipp", "_tcp", "local"), be16(12), be16(0x8001)))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 17, 5, 0, nil, udpSeg(ipB, ipA, 53, 40002, mx)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 6, 0, nil, icmpMsg(3, 3, make([]byte, 4), quoted)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 7, 0, nil, icmpMsg(11, 0, make([]byte, 4), quoted)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 7, 0, nil, icmpMsg(11, 0, []byte{0, 32, 0, 0}, extICMP(quoted))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 8, 0, nil, icmpMsg(3, 4, cat(be16(0), be16(1400)), quoted)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 9, 0, nil, icmpMsg(3, 1, make([]byte, 4), quoted)))},
		{data: eth(bcast, macB, 0x0800, ipv4(ipB, []byte{224, 0, 0, 1}, 1, 9, 0, nil, icmpMsg(9, 0, cat([]byte{2, 2}, be16(1800)), cat(ipB, be32(0), []byte{192, 0, 2, 3}, be32(10)))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 1, 9, 0, nil, icmpMsg(14, 0, cat(be16(3), be16(4)), cat(be32(3723004), be32(3723005), be32(86399999)))))},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 43, cat([]byte{17, 2, 0, 1}, be32(0), ip6B, udpSeg(ip6A, ip6B, 5000, 5001, []byte("rt")))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 10, 0x4000, nil, syn))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 11, 0x4000, nil, synack))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 12, 0x4000, nil, get))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 13, 0x4000, nil, resp))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 14, 0x4000, nil, sack))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 15, 0x4000, nil, urg))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 16, 0x4000, nil, fin))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 17, 0x4000, nil, rst))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 18, 0x2000, nil, udpSeg(ipA, ipB, 5000, 6000, make([]byte, 32))[:24]))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 18, 2, nil, make([]byte, 24)))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 19, 0, nil, udpSeg(ipA, ipB, 123, 123, ntp)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 17, 19, 0, nil, udpSeg(ipB, ipA, 123, 123, ntpResp)))},
		{data: eth(bcast, macA, 0x0800, ipv4([]byte{0, 0, 0, 0}, []byte{255, 255, 255, 255}, 17, 20, 0, nil, udpSeg([]byte{0, 0, 0, 0}, []byte{255, 255, 255, 255}, 68, 67, bootp)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 17, 20, 0, nil, udpSeg(ipB, ipA, 67, 68, offer)))},
		{data: eth([]byte{1, 0, 0x5e, 0, 0, 1}, macA, 0x0800, ipv4(ipA, []byte{224, 0, 0, 1}, 2, 21, 0, []byte{148, 4, 0, 0}, icmpMsg(0x11, 100, make([]byte, 4), nil)))},
		{data: eth([]byte{1, 0, 0x5e, 0, 0, 0x16}, macA, 0x0800, ipv4(ipA, []byte{239, 1, 2, 3}, 2, 22, 0, []byte{148, 4, 0, 0}, icmpMsg(0x16, 0, []byte{239, 1, 2, 3}, nil)))},
		{data: eth([]byte{1, 0, 0x5e, 0, 0, 0x16}, macA, 0x0800, ipv4(ipA, []byte{224, 0, 0, 22}, 2, 22, 0, []byte{148, 4, 0, 0},
			icmpMsg(0x22, 0, cat(be16(0), be16(2)), cat([]byte{4, 0}, be16(0), []byte{239, 1, 2, 3}, []byte{1, 0}, be16(2), []byte{239, 1, 2, 4}, ipA, ipB))))},
		{data: eth([]byte{1, 0, 0x5e, 0, 0, 1}, macA, 0x0800, ipv4(ipA, []byte{224, 0, 0, 1}, 2, 22, 0, []byte{148, 4, 0, 0},
			icmpMsg(0x11, 200, []byte{239, 1, 2, 3}, cat([]byte{2, 125}, be16(1), ipB))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 47, 23, 0, nil, cat(be16(0x2000), be16(0x0800), be32(42), ipv4([]byte{198, 51, 100, 1}, []byte{198, 51, 100, 2}, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(2)), nil)))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 253, 24, 0, nil, []byte("experimental")))},
		{data: eth(macB, macA, 0x88b5, []byte("local experimental ethertype payload"))},
		{data: eth(macB, macA, 0x8847, cat(be32(100<<12|0x40), be32(200<<12|0x100|0x3f), ipv4(ipA, ipB, 1, 40, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil))))},
		{data: eth(macB, macA, 0x8847, cat(be32(2<<12|0x100|0x3f), ipv6(ip6A, ip6B, 59, nil)))},
		{data: eth(macB, macA, 0x8847, cat(be32(77<<12|0x100|0x3f), []byte("not an IP packet")))},
		{data: eth(macB, macA, 3+6, cat([]byte{0xf0, 0xf0, 0xaf, 0x81, 0x01, 0x02}, make([]byte, 40)))},
		{data: eth(macB, macA, 3+4, []byte{0x04, 0x05, 0xe3, 't', 'e', 's', 't'})},
		{data: eth(macB, macA, 4, []byte{0x04, 0x04, 0x05, 0x0b})},
		{data: eth(macB, macA, 4+3, []byte{0x12, 0x34, 0x0a, 0x0c, 'i', 'i', 'i'})},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6Msg(ip6A, ip6B, 128, 0, cat(be16(5), be16(1), []byte("abcd")))))},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6Msg(ip6A, ip6B, 135, 0, cat(make([]byte, 4), ip6B, []byte{1, 1}, macA))))},
		{data: eth(macA, macB, 0x86dd, ipv6(ip6B, ip6A, 58, icmp6Msg(ip6B, ip6A, 136, 0, cat(be32(0x60000000), ip6B, []byte{2, 1}, macB))))},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6Msg(ip6A, ip6B, 133, 0, make([]byte, 4))))},
		{data: eth(macA, macB, 0x86dd, ipv6(ip6B, ip6A, 58, icmp6Msg(ip6B, ip6A, 134, 0, cat([]byte{64, 0xc8}, be16(1800), be32(0), be32(0),
			[]byte{3, 4, 64, 0xc0}, be32(86400), be32(14400), be32(0), ip6A[:8], make([]byte, 8),
			[]byte{5, 1, 0, 0}, be32(1500), []byte{1, 1}, macB,
			[]byte{25, 3, 0, 0}, be32(0xffffffff), ip6B))))},
		{data: eth(macA, macB, 0x86dd, ipv6(ip6B, ip6A, 58, icmp6Msg(ip6B, ip6A, 1, 4, cat(make([]byte, 4), ipv6(ip6A, ip6B, 17, udpSeg(ip6A, ip6B, 40000, 53, q))))))},
		{data: eth(macA, macB, 0x86dd, ipv6(ip6B, ip6A, 58, icmp6Msg(ip6B, ip6A, 3, 0, cat(make([]byte, 4), ipv6(ip6A, ip6B, 17, nil)))))},
		{data: eth(macA, macB, 0x86dd, ipv6(ip6B, ip6A, 58, icmp6Msg(ip6B, ip6A, 2, 0, cat(be32(1280), ipv6(ip6A, ip6B, 17, nil)))))},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 44, cat([]byte{17, 0}, be16(1), be32(0xdeadbeef), udpSeg(ip6A, ip6B, 5000, 5001, make([]byte, 16)))))},
		{data: eth(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 60, cat([]byte{6, 0, 1, 4, 0, 0, 0, 0}, tcpSeg(ip6A, ip6B, 443, 50000, 1, 2, 0x10, 100, nil, nil))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 25, 0x4000, nil, tcpSeg(ipA, ipB, 41000, 80, 1, 1, 0x18, 502, nil, []byte("GET / HTTP/1.0\r\n\r\n"))))[:60], wirLen: 72},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 37, 0x4000, nil, tcpSeg(ipA, ipB, 42010, 6379, 1, 1, 0x18, 502, nil, []byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\x01\xffal\r\nPING\r\n"))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 38, 0x4000, nil, tcpSeg(ipB, ipA, 6379, 42010, 1, 1, 0x18, 502, nil, []byte("+OK\r\n:1000\r\n-ERR bad\r\n$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n$-5\r\n"))))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 39, 0x4000, nil, tcpSeg(ipB, ipA, 6379, 42010, 1, 1, 0x18, 502, nil, []byte("$99999999999\r\n*x\r\n$5\r\nab"))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 36, 0x4000, nil, tcpSeg(ipA, ipB, 42003, 179, 1, 1, 0x10, 502, cat([]byte{1, 1, 19, 18}, bytes16(0xab)), nil)))},
		{data: eth(macA, macB, 0x0800, ipv4(ipB, ipA, 6, 30, 0x4000, nil, tcpSeg(ipB, ipA, 21, 42000, 1, 1, 0x18, 509, nil, []byte("220 FTP server ready\r\n"))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 31, 0x4000, nil, tcpSeg(ipA, ipB, 42001, 25, 1, 1, 0x18, 502, nil, []byte("EHLO client.example\r\n"))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 32, 0x4000, nil, tcpSeg(ipA, ipB, 42002, 554, 1, 1, 0x18, 502, nil, []byte("OPTIONS rtsp://192.0.2.2/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 6, 33, 0x4000, nil, tcpSeg(ipA, ipB, 42003, 179, 1, 1, 0x18, 502, nil, cat(bytes16(0xff), be16(19), []byte{4}))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 34, 0, nil, udpSeg(ipA, ipB, 5060, 5060, []byte("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\n\r\n"))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 35, 0, nil, udpSeg(ipA, ipB, 40000, 4789, cat([]byte{8, 0, 0, 0, 0, 0, 100, 0},
			eth(macB, macA, 0x0800, ipv4([]byte{198, 51, 100, 1}, []byte{198, 51, 100, 2}, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(9), be16(9)), nil)))))))},
		{data: eth(macB, macA, 0x0800, ipv4(ipA, ipB, 17, 26, 0, nil, udpSeg(ipA, ipB, 40000, 53, q)))[:50], wirLen: 71},
	}
}

// writePcap writes a little-endian microsecond pcap file, packets
// 1.234567 s apart from 2026-11-28 12:00 UTC.
func writePcap(path string, linktype uint32, pkts []synthPkt) error {
	ts := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	times := make([]time.Time, len(pkts))
	for i := range pkts {
		times[i] = ts.Add(time.Duration(i) * 1234567 * time.Microsecond)
	}
	return writePcapAt(path, linktype, pkts, times)
}

// writePcapAt writes pkts with the given timestamps.
func writePcapAt(path string, linktype uint32, pkts []synthPkt, times []time.Time) error {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 0xa1b2c3d4)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 262144)
	b = binary.LittleEndian.AppendUint32(b, linktype)
	for i, p := range pkts {
		t := times[i]
		wire := p.wirLen
		if wire == 0 {
			wire = len(p.data)
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(t.Unix()))
		b = binary.LittleEndian.AppendUint32(b, uint32(t.Nanosecond()/1000))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(p.data)))
		b = binary.LittleEndian.AppendUint32(b, uint32(wire))
		b = append(b, p.data...)
	}
	return os.WriteFile(path, b, 0o644)
}

// sll2 wraps Ethernet frames' payloads in LINUX_SLL2 headers (ifindex 1).
func sll2Wrap(pkts []synthPkt) []synthPkt {
	var out []synthPkt
	for i, p := range pkts {
		if len(p.data) < 14 || p.wirLen != 0 {
			continue
		}
		typ := binary.BigEndian.Uint16(p.data[12:])
		h := cat(be16(int(typ)), be16(0), be32(1), be16(1), []byte{byte(i % 5), 6}, p.data[6:12], []byte{0, 0})
		out = append(out, synthPkt{data: cat(h, p.data[14:])})
	}
	return out
}

// loopWrap turns DLT_NULL records into OpenBSD DLT_LOOP ones: the family
// in network byte order.
func loopWrap(pkts []synthPkt) []synthPkt {
	out := make([]synthPkt, len(pkts))
	for i, p := range pkts {
		fam := binary.LittleEndian.Uint32(p.data)
		if fam&0xffff0000 != 0 {
			fam = binary.BigEndian.Uint32(p.data)
		}
		out[i] = synthPkt{data: cat(be32(fam), p.data[4:])}
	}
	return out
}

// nullWrap turns Ethernet IPv4/IPv6 frames into DLT_NULL records
// (little-endian AF_INET 2 / AF_INET6 24), plus one unknown family.
func nullWrap(pkts []synthPkt) []synthPkt {
	var out []synthPkt
	for _, p := range pkts {
		if len(p.data) < 14 || p.wirLen != 0 {
			continue
		}
		switch binary.BigEndian.Uint16(p.data[12:]) {
		case 0x0800:
			out = append(out, synthPkt{data: cat([]byte{2, 0, 0, 0}, p.data[14:])})
		case 0x86dd:
			out = append(out, synthPkt{data: cat([]byte{0, 0, 0, 24}, p.data[14:])})
		}
	}
	return append(out, synthPkt{data: cat([]byte{99, 0, 0, 0}, []byte("unknown family"))})
}

func writeSynthetic(t *testing.T) {
	dir := filepath.Join("testdata", "captures")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	eth := synthEthernet()
	if err := writePcap(filepath.Join(dir, "synthetic-en10mb.pcap"), 1, eth); err != nil {
		t.Fatal(err)
	}
	if err := writePcap(filepath.Join(dir, "synthetic-sll2.pcap"), 276, sll2Wrap(eth)); err != nil {
		t.Fatal(err)
	}
	if err := writePcap(filepath.Join(dir, "synthetic-null.pcap"), 0, nullWrap(eth)); err != nil {
		t.Fatal(err)
	}
	if err := writePcap(filepath.Join(dir, "synthetic-loop.pcap"), 108, loopWrap(nullWrap(eth))); err != nil {
		t.Fatal(err)
	}
	// Timestamps at the epoch (tcpdump's "unset" -ttt reference), going
	// backwards (negative deltas) and a day apart (-tttt dates).
	ping := synthPkt{data: ipv4(ipA, ipB, 1, 1, 0, nil, icmpMsg(8, 0, cat(be16(1), be16(1)), nil))}
	times := []time.Time{time.Unix(0, 0), time.Unix(0, 0), time.Unix(1700000000, 500000000),
		time.Unix(1699999999, 250000000), time.Unix(1700086400, 999999000), time.Unix(1700086400, 999999000)}
	pkts := []synthPkt{ping, ping, ping, ping, ping, ping}
	if err := writePcapAt(filepath.Join(dir, "synthetic-times.pcap"), 101, pkts, times); err != nil {
		t.Fatal(err)
	}
	writeSyntheticApps(t, dir)
	writeSyntheticApps6(t, dir)
	writeSyntheticRouting(t, dir)
	writeSyntheticLegacy(t, dir)
	writeSyntheticCtl(t, dir)
	writeSyntheticL2(t, dir)
	writeSyntheticLinkTypes(t, dir)
	if err := writePcap(filepath.Join(dir, "synthetic-damaged.pcap"), 1, damaged(eth)); err != nil {
		t.Fatal(err)
	}
	real, err := readCapture(filepath.Join(dir, "netns-veth.pcap"), 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range eth {
		if p.wirLen == 0 {
			real = append(real, pcap.Packet{Data: p.data})
		}
	}
	if err := writePcap(filepath.Join(dir, "synthetic-damaged-headers.pcap"), 1, damagedHeaders(real, 7, 4, 120)); err != nil {
		t.Fatal(err)
	}
	if err := writePcap(filepath.Join(dir, "synthetic-damaged-more.pcap"), 1, damagedHeaders(real, 99, 6, 200)); err != nil {
		t.Fatal(err)
	}
}

// damaged derives malformed frames from the synthetic ones: every packet
// cut short at a few lengths (caplen < wire length) and with a few bytes
// overwritten, from a fixed seed so the capture is reproducible.
func damaged(pkts []synthPkt) []synthPkt {
	rng := rand.New(rand.NewSource(42))
	var out []synthPkt
	for _, p := range pkts {
		if p.wirLen != 0 {
			continue
		}
		for _, frac := range []int{3, 2} {
			if cut := 14 + (len(p.data)-14)/frac; cut < len(p.data) {
				out = append(out, synthPkt{data: append([]byte(nil), p.data[:cut]...), wirLen: len(p.data)})
			}
		}
		d := append([]byte(nil), p.data...)
		for i := 0; i < 3; i++ {
			j := 14 + rng.Intn(len(d)-14)
			d[j] = byte(rng.Intn(256))
		}
		out = append(out, synthPkt{data: d})
	}
	return out
}

// damagedHeaders overwrites bytes in the first span bytes of frames (the
// headers) and cuts every last variant short: n variants per frame from a
// fixed seed.
func damagedHeaders(pkts []pcap.Packet, seed int64, n, span int) []synthPkt {
	rng := rand.New(rand.NewSource(seed))
	var out []synthPkt
	for _, p := range pkts {
		for v := 0; v < n; v++ {
			d := append([]byte(nil), p.Data...)
			for i := 0; i < 1+rng.Intn(3); i++ {
				j := 14 + rng.Intn(min(span, len(d))-14)
				d[j] = byte(rng.Intn(256))
			}
			sp := synthPkt{data: d}
			if v == n-1 {
				sp = synthPkt{data: d[:14+rng.Intn(len(d)-14)], wirLen: len(d)}
			}
			out = append(out, sp)
		}
	}
	return out
}

// TestWriteFuzzCapture writes PRINTER_FUZZ_OUT=<file>: many damaged
// variants of the synthetic frames, to compare with tcpdump through
// PRINTER_EXTRA and TestLiveOracle.
func TestWriteFuzzCapture(t *testing.T) {
	out := os.Getenv("PRINTER_FUZZ_OUT")
	if out == "" {
		t.Skip("set PRINTER_FUZZ_OUT=<file.pcap>")
	}
	var frames []pcap.Packet
	for _, p := range synthEthernet() {
		if p.wirLen == 0 {
			frames = append(frames, pcap.Packet{Data: p.data})
		}
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	if err := writePcap(out, 1, damagedHeaders(frames, seed, 40, 300)); err != nil {
		t.Fatal(err)
	}
}

// extICMP pads a quoted datagram to 128 bytes and appends an RFC 4884
// extension with an MPLS label stack object.
func extICMP(quoted []byte) []byte {
	q := append(append([]byte(nil), quoted...), make([]byte, 128-len(quoted))...)
	ext := cat([]byte{0x20, 0, 0, 0}, be16(8), []byte{1, 1}, be32(16000<<12|5<<9|0x100|1))
	binary.BigEndian.PutUint16(ext[2:], sum16(ext))
	return cat(q, ext)
}
