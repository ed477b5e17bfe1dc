package printer

// synthSFlow covers the sFlow v5 samples and records the shared capture
// lacks (print-sflow.c): IPv4 agents, flow and expanded flow samples with
// raw packet, Ethernet, IPv4/IPv6 and extended records, every counter
// record type, enterprise records, unknown sample types, and malformed or
// truncated datagrams.
func synthSFlow() []synthPkt {
	pkt := func(payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 17, 5, 0, nil, udpSeg(ipA, ipB, 50000, 6343, payload)))}
	}
	cut := func(p synthPkt, n int) synthPkt {
		p.wirLen, p.data = len(p.data), p.data[:len(p.data)-n]
		return p
	}
	u64 := func(v uint64) []byte { return cat(be32(uint32(v>>32)), be32(uint32(v))) }
	hdr := func(n int, samples ...[]byte) []byte {
		return cat(be32(5), be32(1), []byte{192, 0, 2, 9}, be32(3), be32(77), be32(123456), be32(uint32(n)), cat(samples...))
	}
	sample := func(format uint32, body ...[]byte) []byte {
		b := cat(body...)
		return cat(be32(format), be32(uint32(len(b))), b)
	}
	rec := func(format uint32, body ...[]byte) []byte {
		b := cat(body...)
		return cat(be32(format), be32(uint32(len(b))), b)
	}
	raw := rec(1, be32(1), be32(1518), be32(4), be32(128), make([]byte, 128))
	ethf := rec(2, be32(1514), make([]byte, 16), be32(0x0800))
	sw := rec(1001, be32(10), be32(3), be32(20), be32(5))
	flows := cat(raw, ethf, sw, rec(3, make([]byte, 32)), rec(4, make([]byte, 56)), rec(1002, make([]byte, 16)),
		rec(1012, make([]byte, 8)), rec(77, []byte{1, 2, 3, 4, 5}), rec(9<<12|1, []byte{9, 9}), rec(2, be32(1)))
	flow := sample(1, be32(1), []byte{0, 0, 0, 7}, be32(1024), be32(5000), be32(0), be32(7), be32(9), be32(10), flows)
	xflow := sample(3, be32(2), be32(0), be32(8), be32(512), be32(100), be32(1), be32(0), be32(7), be32(0), be32(9), be32(3),
		raw, sw, ethf)
	generic := rec(1, be32(7), be32(6), u64(10000000000), be32(1), be32(1), u64(123456789012), be32(1), be32(2), be32(3),
		be32(4), be32(5), be32(6), u64(98765), be32(7), be32(8), be32(9), be32(10), be32(11), be32(1))
	ethc := rec(2, be32(1), be32(2), be32(3), be32(4), be32(5), be32(6), be32(7), be32(8), be32(9), be32(10), be32(11), be32(12), be32(13))
	vg := rec(4, be32(1), u64(2), be32(3), u64(4), be32(5), be32(6), be32(7), be32(8), be32(9), u64(10), be32(11), u64(12), u64(13), u64(14))
	vlanc := rec(5, be32(100), u64(1<<40), be32(1), be32(2), be32(3), be32(4))
	proc := rec(1001, be32(10), be32(20), be32(30), u64(8<<30), u64(1<<30))
	counters := cat(generic, ethc, rec(3, make([]byte, 8)), vg, vlanc, proc, rec(1, be32(1)), rec(6<<20|2, []byte{1}),
		rec(77, []byte{1, 2, 3}))
	ctr := sample(2, be32(4), []byte{0, 0, 0, 9}, be32(9), counters)
	xctr := sample(4, be32(5), be32(0), be32(9), be32(2), ethc, vlanc)
	pkts := []synthPkt{
		pkt(hdr(2, flow, xflow)), pkt(hdr(2, ctr, xctr)), pkt(hdr(3, sample(9, []byte{1, 2, 3, 4, 5, 6}), sample(7<<12|5, be32(1)), ctr[:32])),
		pkt(hdr(1, sample(0, be32(1)))), pkt(hdr(1, sample(1))), pkt(hdr(2, sample(1, be32(1)), sample(2, be32(2)))),
		pkt(hdr(1, sample(3, make([]byte, 20)))), pkt(hdr(1, sample(4, make([]byte, 8)))),
		pkt(hdr(1, sample(1, be32(1), []byte{0, 0, 0, 7}, be32(1), be32(1), be32(0), be32(7), be32(9), be32(2), rec(1, be32(1))))),
		pkt(hdr(1, sample(2, be32(4), []byte{0, 0, 0, 9}, be32(1), rec(5, be32(1))))),
		pkt(hdr(1, sample(2, be32(4), []byte{0, 0, 0, 9}, be32(1), be32(1), be32(99)))),
		pkt(hdr(1, cat(be32(1), be32(200), be32(1)))), pkt(hdr(5, ctr)), pkt(hdr(0, ctr)),
		pkt(cat(be32(4), be32(1), []byte{192, 0, 2, 9}, be32(3), be32(77), be32(1), be32(0))),
		pkt(cat(be32(5), be32(1), []byte{192, 0, 2, 9})), pkt(cat(be32(5), be32(2), ip6A, be32(0))),
		pkt(cat(be32(5), be32(2), ip6A, be32(3), be32(77), be32(1), be32(1), xctr)), pkt(cat(be32(5), be32(3), make([]byte, 34))),
		pkt(cat(be32(5), be32(3), make([]byte, 20))), pkt(be32(5)),
	}
	for _, n := range []int{4, 60, 150, 300} {
		pkts = append(pkts, cut(pkt(hdr(2, flow, xflow)), n), cut(pkt(hdr(2, ctr, xctr)), n))
	}
	return pkts
}
