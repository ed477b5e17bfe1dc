package difftest

import (
	"encoding/binary"
	"net/netip"

	"github.com/gonsenter/gonsenter/bpf"
)

// This file synthesises the packets of the golden test: Ethernet frames
// covering the protocols the compiler tests for (802.1Q/QinQ, ARP, RARP,
// 802.3/LLC, IPv4 with options and fragments, IPv6 with extension and
// Fragment headers, TCP, UDP, ICMP, ICMPv6, SCTP, IGMP, MPLS, PPPoE),
// truncated variants, and the same traffic re-framed as RAW, LINUX_SLL and
// LINUX_SLL2 (spec §9.2 P9).

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func addr(s string) []byte { return netip.MustParseAddr(s).AsSlice() }

func mac(s string) []byte {
	b := make([]byte, 0, 6)
	for i := 0; i < len(s); i += 3 {
		var v byte
		for _, c := range s[i : i+2] {
			v <<= 4
			switch {
			case c >= '0' && c <= '9':
				v |= byte(c - '0')
			default:
				v |= byte(c-'a') + 10
			}
		}
		b = append(b, v)
	}
	return b
}

func tcpSeg(sport, dport uint16, flags byte, payload int) []byte {
	h := cat(be16(sport), be16(dport), []byte{0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0})
	return cat(h, fill(payload))
}

func tcpOpts(sport, dport uint16, flags byte) []byte {
	h := cat(be16(sport), be16(dport), []byte{0, 0, 0, 1, 0, 0, 0, 0, 0x80, flags, 0xff, 0xff, 0, 0, 0, 0})
	return cat(h, []byte{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7}[:12], fill(22))
}

func udpDgram(sport, dport uint16, payload int) []byte {
	return cat(be16(sport), be16(dport), be16(uint16(8+payload)), []byte{0, 0}, fill(payload))
}

func icmpMsg(typ, code byte) []byte { return cat([]byte{typ, code, 0, 0, 0, 1, 0, 1}, fill(24)) }

func sctpPkt(sport, dport uint16) []byte {
	return cat(be16(sport), be16(dport), []byte{0, 0, 0, 1, 0, 0, 0, 0}, []byte{1, 0, 0, 20}, fill(16))
}

func igmpMsg() []byte { return []byte{0x16, 0, 0xfa, 0x04, 224, 0, 0, 22} }

// fill returns n bytes of a recognisable pattern.
func fill(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(0x30 + i%40)
	}
	return b
}

type ip4 struct {
	src, dst string
	proto    byte
	frag     uint16 // flags and fragment offset
	opts     []byte // multiple of 4
	ttl      byte
}

func (h ip4) build(payload []byte) []byte {
	ihl := 5 + len(h.opts)/4
	ttl := h.ttl
	if ttl == 0 {
		ttl = 64
	}
	b := []byte{byte(0x40 | ihl), 0}
	b = append(b, be16(uint16(ihl*4+len(payload)))...)
	b = append(b, 0x12, 0x34)
	b = append(b, be16(h.frag)...)
	b = append(b, ttl, h.proto, 0, 0)
	b = append(b, addr(h.src)...)
	b = append(b, addr(h.dst)...)
	return cat(b, h.opts, payload)
}

// ext6 is an IPv6 extension header (type and body without next/len).
type ext6 struct {
	typ  byte
	body []byte
}

type ip6 struct {
	src, dst string
	proto    byte
	ext      []ext6
}

func (h ip6) build(payload []byte) []byte {
	next := h.proto
	var exts []byte
	for i := len(h.ext) - 1; i >= 0; i-- {
		e := h.ext[i]
		var hdr []byte
		if e.typ == 44 { // Fragment header: fixed 8 bytes
			hdr = cat([]byte{next, 0}, e.body[:6])
		} else {
			body := e.body
			for (len(body)+2)%8 != 0 {
				body = append(body, 0)
			}
			hdr = cat([]byte{next, byte((len(body)+2)/8 - 1)}, body)
		}
		exts = cat(hdr, exts)
		next = e.typ
	}
	b := []byte{0x60, 0, 0, 0}
	b = append(b, be16(uint16(len(exts)+len(payload)))...)
	b = append(b, next, 64)
	b = append(b, addr(h.src)...)
	b = append(b, addr(h.dst)...)
	return cat(b, exts, payload)
}

func arpPkt(op uint16, spa, tpa string) []byte {
	return cat([]byte{0, 1, 8, 0, 6, 4}, be16(op), mac("02:00:00:00:00:01"), addr(spa),
		mac("00:00:00:00:00:00"), addr(tpa))
}

// frame is an Ethernet frame before conversion to a link type.
type frame struct {
	dst, src []byte
	tags     [][2]uint16 // VLAN TPID, TCI outermost first
	etype    uint16      // EtherType, or 802.3 length if < 0x600
	payload  []byte
	cut      int  // keep this many bytes after the link header (0: all)
	trailer  int  // extra wire bytes beyond the captured data
	bogus    bool // deliberately malformed network header
}

var (
	macA  = mac("00:1b:21:3c:9d:f8")
	macB  = mac("02:00:00:00:00:02")
	macBC = mac("ff:ff:ff:ff:ff:ff")
	macMC = mac("01:00:5e:00:00:12")
	mac6  = mac("33:33:00:00:00:01")
	mac0  = mac("00:00:00:00:00:00")
)

func eth(etype uint16, payload []byte) frame {
	return frame{dst: macB, src: macA, etype: etype, payload: payload}
}

func (f frame) to(dst []byte) frame   { f.dst = dst; return f }
func (f frame) from(src []byte) frame { f.src = src; return f }
func (f frame) tag(tpid, tci uint16) frame {
	f.tags = append(append([][2]uint16(nil), f.tags...), [2]uint16{tpid, tci})
	return f
}
func (f frame) truncate(n int) frame { f.cut = n; return f }
func (f frame) padded(n int) frame   { f.trailer = n; return f }
func (f frame) malformed() frame     { f.bogus = true; return f }

func v4(src, dst string, proto byte, l4 []byte) frame {
	return eth(0x0800, ip4{src: src, dst: dst, proto: proto}.build(l4))
}

func v6(src, dst string, proto byte, l4 []byte, ext ...ext6) frame {
	return eth(0x86dd, ip6{src: src, dst: dst, proto: proto, ext: ext}.build(l4))
}

func llc(dsap, ssap byte, rest []byte) frame {
	p := cat([]byte{dsap, ssap, 3}, rest)
	return frame{dst: mac("01:80:c2:00:00:00"), src: macA, etype: uint16(len(p)), payload: p}
}

// baseFrames is the synthetic traffic, untruncated.
func baseFrames() []frame {
	const syn, synack, ack, rst, fin, psh = 0x02, 0x12, 0x10, 0x04, 0x01, 0x18
	frag := ext6{44, []byte{0, 0, 0, 0, 0, 1}}
	frag2 := ext6{44, []byte{0x05, 0x01, 0, 0, 0, 2}} // offset 160, M set
	hop := ext6{0, []byte{1, 2, 0, 0}}
	rt := ext6{43, []byte{0, 0, 0, 0, 0, 0}}
	fs := []frame{
		v4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 80, syn, 0)),
		v4("10.0.0.2", "10.0.0.1", 6, tcpSeg(80, 40000, synack, 0)),
		v4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 80, psh, 200)),
		v4("10.0.0.2", "10.0.0.1", 6, tcpSeg(80, 40000, fin|ack, 0)),
		v4("127.0.0.1", "127.0.0.2", 6, tcpSeg(22, 1023, rst, 0)),
		v4("127.0.0.1", "127.0.0.1", 6, tcpSeg(443, 443, ack, 1200)),
		v4("192.0.2.1", "198.51.100.7", 6, tcpSeg(8080, 8443, 0xff, 10)),
		v4("10.40.1.1", "192.168.1.9", 6, tcpSeg(179, 1024, psh, 3)),
		v4("192.168.1.9", "10.40.1.1", 6, tcpOpts(1024, 179, syn)),
		v4("10.0.0.1", "10.0.0.2", 17, udpDgram(5353, 53, 30)),
		v4("10.0.0.2", "10.0.0.1", 17, udpDgram(53, 5353, 300)),
		v4("0.0.0.0", "255.255.255.255", 17, udpDgram(68, 67, 250)).to(macBC),
		v4("192.0.2.1", "224.0.0.251", 17, udpDgram(5353, 5353, 40)).to(macMC),
		v4("198.51.100.7", "192.0.2.1", 17, udpDgram(4500, 500, 64)),
		v4("1.2.3.4", "1.2.3.5", 17, udpDgram(0, 65535, 0)),
		v4("10.0.0.1", "10.0.0.2", 1, icmpMsg(8, 0)),
		v4("10.0.0.2", "10.0.0.1", 1, icmpMsg(0, 0)),
		v4("192.0.2.1", "10.0.0.1", 1, icmpMsg(3, 3)),
		v4("192.0.2.1", "224.0.0.22", 2, igmpMsg()).to(macMC),
		v4("10.0.0.1", "10.0.0.2", 132, sctpPkt(2905, 80)),
		v4("10.0.0.1", "10.0.0.2", 47, fill(24)),
		v4("10.0.0.1", "10.0.0.2", 50, fill(24)),
		v4("10.0.0.1", "10.0.0.2", 51, fill(24)),
		v4("10.0.0.1", "224.0.0.13", 103, fill(24)).to(macMC),
		v4("10.0.0.1", "224.0.0.18", 112, fill(20)).to(macMC),
		v4("10.0.0.1", "10.0.0.2", 9, fill(20)),
		v4("10.0.0.1", "240.0.0.1", 17, udpDgram(1, 2, 2)),
		// IPv4 with options; first and non-first fragments.
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 6, opts: []byte{1, 1, 1, 0}}.build(tcpSeg(1234, 80, syn, 0))),
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 17, opts: []byte{0x94, 4, 0, 0, 1, 1, 1, 0}}.build(udpDgram(53, 53, 8))),
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 17, frag: 0x2000}.build(udpDgram(7000, 53, 100))),
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 17, frag: 0x0000 | 185}.build(cat(be16(53), be16(53), fill(60)))),
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 6, frag: 0x2000 | 7}.build(tcpSeg(80, 80, syn, 4))),
		eth(0x0800, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 6, frag: 0x4000, ttl: 255}.build(tcpSeg(80, 8000, ack, 4))),
		// IPv6.
		v6("::1", "::1", 6, tcpSeg(40000, 8443, syn, 0)),
		v6("fe80::1", "ff02::1", 58, icmpMsg(135, 0)).to(mac6),
		v6("fe80::2", "fe80::1", 58, icmpMsg(136, 0)),
		v6("2001:db8::1", "2001:db8::2", 58, icmpMsg(128, 0)),
		v6("2001:db8::2", "2001:db8::1", 58, icmpMsg(129, 0)),
		v6("2001:db8::1", "2001:db8:1::5", 17, udpDgram(546, 547, 40)),
		v6("2001:db8::1", "ff02::fb", 17, udpDgram(5353, 5353, 12)).to(mac6),
		v6("::ffff:1.2.3.4", "::1", 17, udpDgram(53, 53, 4)),
		v6("2001:db8::1", "2001:db8::2", 132, sctpPkt(80, 2905)),
		v6("2001:db8::1", "2001:db8::2", 6, tcpSeg(80, 443, synack, 0), frag),
		v6("2001:db8::1", "2001:db8::2", 17, udpDgram(53, 53, 8), frag),
		v6("2001:db8::1", "2001:db8::2", 58, icmpMsg(128, 0), frag),
		v6("2001:db8::1", "2001:db8::2", 17, fill(40), frag2),
		v6("fe80::1", "ff02::16", 58, icmpMsg(143, 0), hop).to(mac6),
		v6("2001:db8::1", "2001:db8::2", 17, udpDgram(80, 80, 8), hop),
		v6("2001:db8::1", "2001:db8::2", 6, tcpSeg(22, 22, ack, 0), rt),
		v6("2001:db8::1", "2001:db8::2", 51, fill(24)),
		v6("2001:db8::1", "2001:db8::2", 59, nil),
		v6("fe80::1", "ff02::2", 103, fill(30)).to(mac6),
		// ARP, RARP.
		eth(0x0806, arpPkt(1, "10.40.1.1", "10.0.0.1")).to(macBC),
		eth(0x0806, arpPkt(2, "10.0.0.1", "10.40.1.1")),
		eth(0x0806, arpPkt(1, "192.0.2.1", "192.0.2.1")).to(macBC),
		eth(0x8035, arpPkt(3, "0.0.0.0", "10.0.0.1")).to(macBC),
		eth(0x8035, arpPkt(4, "10.0.0.1", "10.0.0.2")),
		// VLAN, QinQ.
		v4("10.0.0.1", "10.0.0.2", 6, tcpSeg(40000, 80, syn, 0)).tag(0x8100, 100),
		v4("10.0.0.2", "10.0.0.1", 17, udpDgram(53, 53, 20)).tag(0x8100, 0x2005),
		v6("2001:db8::1", "2001:db8::2", 17, udpDgram(53, 4000, 20)).tag(0x8100, 200),
		v4("10.0.0.1", "10.0.0.2", 1, icmpMsg(8, 0)).tag(0x88a8, 100).tag(0x8100, 200),
		v4("10.0.0.1", "10.0.0.2", 6, tcpSeg(80, 80, ack, 0)).tag(0x8100, 200).tag(0x8100, 100),
		v4("10.0.0.1", "10.0.0.2", 17, udpDgram(1, 1, 1)).tag(0x9100, 5),
		eth(0x0806, arpPkt(1, "10.0.0.1", "10.0.0.2")).tag(0x8100, 5).to(macBC),
		eth(0x0800, nil).tag(0x8100, 100),
		// 802.3 / LLC and other EtherTypes.
		llc(0x42, 0x42, fill(35)),
		llc(0xaa, 0xaa, cat([]byte{0, 0, 0}, be16(0x0800), fill(20))),
		llc(0xe0, 0xe0, fill(30)),
		llc(0xf0, 0xf0, fill(30)),
		llc(0xfe, 0xfe, cat([]byte{0x83}, fill(27))),
		llc(0x06, 0x06, fill(30)),
		frame{dst: macBC, src: macA, etype: 40, payload: cat([]byte{0xff, 0xff}, fill(38))},
		eth(0x88cc, fill(30)).to(mac("01:80:c2:00:00:0e")),
		eth(0x8137, fill(30)),
		eth(0x809b, fill(30)),
		eth(0x6003, fill(30)),
		eth(0x8847, cat([]byte{0, 0x01, 0x41, 64}, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 17}.build(udpDgram(53, 53, 4)))),
		eth(0x8863, cat([]byte{0x11, 0x09, 0, 0, 0, 0}, fill(12))).to(macBC),
		eth(0x8864, cat([]byte{0x11, 0, 0, 0x3b, 0, 30, 0, 0x21}, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: 6}.build(tcpSeg(1, 80, syn, 0)))),
		eth(0x0800, fill(40)).from(mac0).to(mac0).malformed(),
		eth(0x86dd, fill(50)).malformed(),
		eth(0x0800, cat([]byte{0x4f}, fill(59))).malformed(),
		eth(0x05dc, fill(46)),
		eth(0x0600, fill(46)),
		eth(0xffff, fill(46)).to(macBC),
	}
	return fs
}

// truncated returns snapped copies of some frames: cut inside the link
// header, the network header, and the transport header.
func truncatedFrames(base []frame) []frame {
	picks := []int{0, 9, 15, 19, 27, 29, 30, 33, 37, 43, 53, 58, 61, 70}
	cuts := []int{1, 9, 12, 21, 24, 41, 44}
	var out []frame
	for i, p := range picks {
		if p >= len(base) {
			continue
		}
		out = append(out, base[p].truncate(cuts[i%len(cuts)]))
		out = append(out, base[p].truncate(cuts[(i+3)%len(cuts)]))
	}
	out = append(out, base[2].padded(1000), base[10].padded(3))
	return out
}

// linkFrame renders f for link type lt; ok is false when the frame has
// no representation there (non-IP on RAW). n numbers the packet to vary
// cooked-header fields (direction, interface).
func linkFrame(f frame, lt bpf.LinkType, n int) (packet, bool) {
	body := cat(be16(f.etype), f.payload)
	for i := len(f.tags) - 1; i >= 0; i-- {
		body = cat(be16(f.tags[i][0]), be16(f.tags[i][1]), body)
	}
	var hdr []byte
	switch lt {
	case bpf.LinkEN10MB:
		hdr = cat(f.dst, f.src)
	case bpf.LinkRAW, bpf.LinkIPv4, bpf.LinkIPv6:
		if len(f.tags) > 0 || !rawCarries(lt, f.etype) {
			return packet{}, false
		}
		body = body[2:]
	case bpf.LinkLinuxSLL, bpf.LinkLinuxSLL2:
		proto := binary.BigEndian.Uint16(body)
		rest := body[2:]
		if proto < 0x600 {
			proto = 4 // ETH_P_802_2
			if len(rest) >= 2 && rest[0] == 0xff && rest[1] == 0xff {
				proto = 1 // ETH_P_802_3, Novell raw
			}
		}
		hdr, body = cookedHeader(lt, proto, f, n), rest
	}
	data := cat(hdr, body)
	wire := len(data) + f.trailer
	if f.cut > 0 && len(hdr)+f.cut < len(data) {
		data = data[:len(hdr)+f.cut]
	}
	return packet{data: data, wire: uint32(wire)}, true
}

// rawCarries reports whether a link type without header carries etype.
func rawCarries(lt bpf.LinkType, etype uint16) bool {
	switch lt {
	case bpf.LinkIPv4:
		return etype == 0x0800
	case bpf.LinkIPv6:
		return etype == 0x86dd
	}
	return etype == 0x0800 || etype == 0x86dd
}

// cookedHeader builds a LINUX_SLL (16 bytes) or LINUX_SLL2 (20 bytes)
// header; every fourth packet is outgoing, and SLL2 packets cycle through
// interfaces 1, 2 and 5.
func cookedHeader(lt bpf.LinkType, proto uint16, f frame, n int) []byte {
	pkttype := byte(0) // PACKET_HOST
	switch {
	case n%4 == 3:
		pkttype = 4 // PACKET_OUTGOING
	case f.dst[0] == 0xff:
		pkttype = 1
	case f.dst[0]&1 == 1:
		pkttype = 2
	case n%7 == 5:
		pkttype = 3
	}
	addr := cat(f.src, []byte{0, 0})
	if lt == bpf.LinkLinuxSLL {
		return cat(be16(uint16(pkttype)), be16(1), be16(6), addr, be16(proto))
	}
	ifindex := []uint32{1, 2, 5}[n%3]
	return cat(be16(proto), []byte{0, 0}, binary.BigEndian.AppendUint32(nil, ifindex), be16(1), []byte{pkttype, 6}, addr)
}

// synthPackets is the synthesised traffic for one link type, plus a few
// packets that only make sense there.
func synthPackets(lt bpf.LinkType) []packet {
	base := baseFrames()
	frames := append(base, truncatedFrames(base)...)
	var pkts []packet
	for i, f := range frames {
		if p, ok := linkFrame(f, lt, i); ok {
			pkts = append(pkts, p)
		}
	}
	pkts = append(pkts, packet{data: []byte{0x45}, wire: 1}, packet{data: nil, wire: 60})
	if lt == bpf.LinkRAW {
		pkts = append(pkts, packet{data: cat([]byte{0x55}, fill(39)), wire: 40})
	}
	return pkts
}
