package printer

// PIM (print-pim.c): PIMv2 over IP protocol 103 with its -v body, PIMv1
// carried in IGMP (type 0x14), and Cisco Auto-RP (UDP 496).

func pimv2TypeName(t uint8) string {
	switch t {
	case 0:
		return "Hello"
	case 1:
		return "Register"
	case 2:
		return "Register Stop"
	case 3:
		return "Join / Prune"
	case 4:
		return "Bootstrap"
	case 5:
		return "Assert"
	case 6:
		return "Graft"
	case 7:
		return "Graft Acknowledgement"
	case 8:
		return "Candidate RP Advertisement"
	case 9:
		return "Prune Refresh"
	case 10:
		return "DF Election"
	case 11:
		return "ECMP Redirect"
	}
	return "Unknown Type"
}

func pimHelloOptName(t uint16) string {
	switch t {
	case 1:
		return "Hold Time"
	case 2:
		return "LAN Prune Delay"
	case 18:
		return "DR Priority (Old)"
	case 19:
		return "DR Priority"
	case 20:
		return "Generation ID"
	case 21:
		return "State Refresh Capability"
	case 22:
		return "Bi-Directional Capability"
	case 24:
		return "Address List"
	case 65001:
		return "Address List (Old)"
	}
	return "Unknown"
}

// pim is pim_print: one summary line, and with -v the PIMv2 body.
func (p *Printer) pim(b []byte, length int, h *ipHdr) {
	p.enter("pim")
	tv := p.u8(b, 0)
	switch {
	case tv>>4 != 2:
		p.printf("PIMv%d, length %d", tv>>4, length)
	case p.o.Verbose == 0:
		p.printf("PIMv2, %s, length %d", pimv2TypeName(tv&0xf), length)
	default:
		p.printf("PIMv2, length %d\n\t%s", length, pimv2TypeName(tv&0xf))
		p.pimv2(b, length, h)
	}
}

// pimMsg walks a PIMv2 message: off is the cursor into the captured bytes,
// n what the IP length says remains (unsigned in tcpdump, so it wraps).
type pimMsg struct {
	p       *Printer
	b       []byte
	off, n  int
	addrLen int // RFC 2117 encoding: the header's address length, else 0
}

func (m *pimMsg) skip(k int) {
	m.off += k
	m.n = int(uint32(m.n - k))
}

// atLeast is tcpdump's "if (len < k) goto trunc".
func (m *pimMsg) atLeast(k int) {
	if m.n < k {
		m.p.softTrunc()
	}
}

// captured is ND_TCHECK_LEN with pimv2_print's own trunc label.
func (m *pimMsg) captured(k int) {
	if m.off+k > len(m.b) {
		m.p.softTrunc()
	}
}

const (
	pimUnicast = iota
	pimGroup
	pimSource
)

// addr is pimv2_addr_print followed by the callers' "< 0 goto trunc": an
// encoded unicast, group or source address, advancing the cursor.
func (m *pimMsg) addr(at int) {
	p, b := m.p, m.b
	alen, hdr := m.addrLen, 0
	if alen == 0 {
		m.atLeast(2)
		switch p.u8(b, m.off) {
		case 1:
			alen = 4
		case 2:
			alen = 16
		default:
			p.softTrunc()
		}
		if p.u8(b, m.off+1) != 0 {
			p.softTrunc()
		}
		hdr = 2
	} else if alen != 4 && alen != 16 {
		p.softTrunc()
	}
	a := m.off + hdr
	left := m.n - hdr
	name := p.names.ip4
	full := 32
	if alen == 16 {
		name, full = p.names.ip6, 128
	}
	if at == pimUnicast {
		if left < alen || a+alen > len(b) {
			p.softTrunc()
		}
		p.puts(name(b[a:]))
		m.skip(hdr + alen)
		return
	}
	if left < alen+2 || a+alen+2 > len(b) {
		p.softTrunc()
	}
	p.puts(name(b[a+2:]))
	if mask := int(b[a+1]); mask != full {
		p.printf("/%d", mask)
	}
	if f := b[a]; f != 0 {
		if at == pimGroup {
			p.printf("(0x%02x)", f)
		} else {
			p.printf("(%s%s%s", cond(f&4 != 0, "S", ""), cond(f&2 != 0, "W", ""), cond(f&1 != 0, "R", ""))
			if f&0xf8 != 0 {
				p.printf("+0x%02x", f&0xf8)
			}
			p.puts(")")
		}
	}
	m.skip(hdr + 2 + alen)
}

// pimv2Checksum is pimv2_check_checksum: "" when not all was captured.
func (p *Printer) pimv2Checksum(b []byte, n int, h *ipHdr) string {
	if n > len(b) {
		return "unverified"
	}
	var sum uint16
	if h.v6 {
		sum = checksum(pseudoSum(h, 103, n), b[:n])
	} else {
		sum = checksum(0, b[:n])
	}
	if sum != 0 {
		return "incorrect"
	}
	return "correct"
}

// pimv2 is pimv2_print.
func (p *Printer) pimv2(b []byte, length int, h *ipHdr) {
	p.proto = "pimv2"
	defer p.catchSoft()
	if length < 2 {
		p.printf("[length %d < 2]", length)
		p.invalid()
		return
	}
	typ := p.u8(b, 0) & 0xf
	rsv := p.u8(b, 1)
	m := &pimMsg{p: p, b: b, n: length, addrLen: int(rsv & 0xf)}
	if m.addrLen != 0 {
		p.puts(", RFC2117-encoding")
	}
	if length < 4 {
		p.printf("[length %d < 4]", length)
		p.invalid()
		return
	}
	ck := p.u16(b, 2)
	p.printf(", cksum 0x%04x ", ck)
	status := "unverified"
	if ck != 0 {
		if typ == 1 {
			// The checksum covers the Register header only, though
			// RFC 4601 accepts one over the whole message too.
			if status = p.pimv2Checksum(b, 8, h); status == "incorrect" {
				status = p.pimv2Checksum(b, length, h)
			}
		} else {
			status = p.pimv2Checksum(b, length, h)
		}
	}
	p.printf("(%s)", status)
	m.skip(4)
	switch typ {
	case 0:
		m.hello()
	case 1:
		m.register()
	case 2:
		p.puts(" group=")
		m.addr(pimGroup)
		p.puts(" source=")
		m.addr(pimUnicast)
	case 3, 6, 7:
		m.joinPrune(typ)
	case 4:
		m.bootstrap()
	case 5:
		p.puts(" group=")
		m.addr(pimGroup)
		p.puts(" src=")
		m.addr(pimUnicast)
		m.atLeast(8)
		m.captured(8)
		if b[m.off]&0x80 != 0 {
			p.puts(" RPT")
		}
		p.printf(" pref=%d metric=%d", p.u32(b, m.off)&0x7fffffff, p.u32(b, m.off+4))
	case 8:
		m.candidateRP()
	case 9:
		p.puts(" src=")
		m.addr(pimUnicast)
		p.puts(" grp=")
		m.addr(pimGroup)
		p.puts(" forwarder=")
		m.addr(pimUnicast)
		m.atLeast(2)
		p.puts(" TUNR ")
		p.puts(relTime(uint32(p.u16(b, m.off))))
	case 10:
		m.dfElection(rsv >> 4)
	default:
		p.printf(" [type %d]", typ)
	}
}

func (m *pimMsg) hello() {
	p, b := m.p, m.b
	for m.n > 0 {
		m.atLeast(4)
		ot, ol := p.u16(b, m.off), int(p.u16(b, m.off+2))
		p.printf("\n\t  %s Option (%d), length %d, Value: ", pimHelloOptName(ot), ot, ol)
		m.skip(4)
		m.atLeast(ol)
		m.captured(ol)
		v := b[m.off : m.off+ol]
		want := 4
		switch ot {
		case 1:
			want = 2
		case 2, 20, 21:
		case 18, 19:
			if ol == 0 {
				p.puts("Bi-Directional Capability (Old)")
				want = 0
			}
		case 22:
			want = ol
		case 24, 65001:
			want = ol
			if p.o.Verbose > 1 {
				a := &pimMsg{p: p, b: b, off: m.off, n: m.n, addrLen: m.addrLen}
				for a.off < m.off+ol {
					p.puts("\n\t    ")
					a.addr(pimUnicast)
				}
			}
		default:
			want = ol
			if p.o.Verbose <= 1 {
				p.hex("\n\t    ", v)
			}
		}
		if ol != want {
			p.printf("[option length %d != %d]", ol, want)
			p.invalid()
			return
		}
		switch ot {
		case 1:
			p.puts(relTime(uint32(p.u16(v, 0))))
		case 2:
			d := p.u16(v, 0)
			p.printf("\n\t    T-bit=%d, LAN delay %dms, Override interval %dms", d>>15, d&0x7fff, p.u16(v, 2))
		case 18, 19:
			if ol == 4 {
				p.printf("%d", p.u32(v, 0))
			}
		case 20:
			p.printf("0x%08x", p.u32(v, 0))
		case 21:
			p.printf("v%d", v[0])
			if v[1] != 0 {
				p.printf(", interval %s", relTime(uint32(v[1])))
			}
			if x := p.u16(v, 2); x != 0 {
				p.printf(" ?0x%04x?", x)
			}
		}
		if p.o.Verbose > 1 {
			p.hex("\n\t    ", v)
		}
		m.skip(ol)
	}
}

func (m *pimMsg) register() {
	p, b := m.p, m.b
	m.atLeast(4)
	m.captured(4)
	flags := "none"
	switch p.u32(b, m.off) {
	case 0x80000000:
		flags = "Border"
	case 0x40000000:
		flags = "Null"
	}
	p.printf(", Flags [ %s ]\n\t", flags)
	m.skip(4)
	if m.n == 0 {
		p.softTrunc()
	}
	inner := from(b, m.off)
	switch v := p.u8(b, m.off) >> 4; v {
	case 0:
		p.printf("IP-Null-header %s > %s", p.names.ip4(p.bytes(inner, 12, 4)), p.names.ip4(p.bytes(inner, 16, 4)))
	case 4:
		p.ip(inner, m.n)
	case 6:
		p.ip6(inner, m.n)
	default:
		p.printf("IP ver %d", v)
	}
}

func (m *pimMsg) joinPrune(typ uint8) {
	p, b := m.p, m.b
	if typ != 7 {
		p.puts(", upstream-neighbor: ")
		m.addr(pimUnicast)
	}
	m.atLeast(4)
	m.captured(4)
	ngroup := int(b[m.off+1])
	hold := p.u16(b, m.off+2)
	p.printf("\n\t  %d group(s)", ngroup)
	if typ != 7 {
		if hold == 0xffff {
			p.puts(", holdtime: infinite")
		} else {
			p.printf(", holdtime: %s", relTime(uint32(hold)))
		}
	}
	m.skip(4)
	for i := 1; i <= ngroup; i++ {
		p.printf("\n\t    group #%d: ", i)
		m.addr(pimGroup)
		m.atLeast(4)
		m.captured(4)
		nj, np := int(p.u16(b, m.off)), int(p.u16(b, m.off+2))
		p.printf(", joined sources: %d, pruned sources: %d", nj, np)
		m.skip(4)
		for j := 1; j <= nj; j++ {
			p.printf("\n\t      joined source #%d: ", j)
			m.addr(pimSource)
		}
		for j := 1; j <= np; j++ {
			p.printf("\n\t      pruned source #%d: ", j)
			m.addr(pimSource)
		}
	}
}

func (m *pimMsg) bootstrap() {
	p, b := m.p, m.b
	m.atLeast(2)
	p.printf(" tag=%x", p.u16(b, m.off))
	m.skip(2)
	m.atLeast(1)
	p.printf(" hashmlen=%d", p.u8(b, m.off))
	m.atLeast(2)
	m.captured(3)
	p.printf(" BSRprio=%d", b[m.off+1])
	m.skip(2)
	p.puts(" BSR=")
	m.addr(pimUnicast)
	for i := 0; m.n > 0; i++ {
		p.printf(" (group%d: ", i)
		m.addr(pimGroup)
		m.atLeast(1)
		p.printf(" RPcnt=%d", p.u8(b, m.off))
		m.atLeast(2)
		frp := int(p.u8(b, m.off+1))
		p.printf(" FRPcnt=%d", frp)
		m.atLeast(4)
		m.skip(4)
		for j := 0; j < frp && m.n > 0; j++ {
			p.printf(" RP%d=", j)
			m.addr(pimUnicast)
			m.atLeast(2)
			p.puts(",holdtime=")
			p.puts(relTime(uint32(p.u16(b, m.off))))
			m.atLeast(3)
			p.printf(",prio=%d", p.u8(b, m.off+2))
			m.atLeast(4)
			m.skip(4)
		}
		p.puts(")")
	}
}

func (m *pimMsg) candidateRP() {
	p, b := m.p, m.b
	m.atLeast(1)
	pfx := int(p.u8(b, m.off))
	p.printf(" prefix-cnt=%d", pfx)
	m.atLeast(2)
	p.printf(" prio=%d", p.u8(b, m.off+1))
	m.atLeast(4)
	p.puts(" holdtime=")
	p.puts(relTime(uint32(p.u16(b, m.off+2))))
	m.skip(4)
	p.puts(" RP=")
	m.addr(pimUnicast)
	for i := 0; i < pfx && m.n > 0; i++ {
		p.printf(" Group%d=", i)
		m.addr(pimGroup)
	}
}

func (m *pimMsg) dfElection(sub uint8) {
	p, b := m.p, m.b
	name := "Unknown"
	if sub >= 1 && sub <= 4 {
		name = [...]string{"Offer", "Winner", "Backoff", "Pass"}[sub-1]
	}
	p.printf("\n\t  %s, rpa=", name)
	m.addr(pimUnicast)
	p.printf(" sender pref=%d", p.u32(b, m.off))
	p.printf(" sender metric=%d", p.u32(b, m.off+4))
	m.skip(8)
	if sub != 3 && sub != 4 {
		return
	}
	what := "new winner"
	if sub == 3 {
		what = "offer"
	}
	p.printf("\n\t  %s addr=", what)
	m.addr(pimUnicast)
	p.printf(" %s pref=%d", what, p.u32(b, m.off))
	p.printf(" %s metric=%d", what, p.u32(b, m.off+4))
	m.skip(8)
	if sub == 3 {
		p.printf(" interval %dms", p.u16(b, m.off))
	}
}

// pimv1 is pimv1_print, for PIMv1 messages carried in IGMP. Its own
// truncations print " [|pimv1]" and return to igmp_print.
func (p *Printer) pimv1(b []byte, length int) {
	p.proto = "pimv1"
	defer p.catchSoft()
	typ := p.u8(b, 1)
	names := [...]string{"Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable", "Assert", "Graft", "Graft-ACK"}
	if int(typ) < len(names) {
		p.printf(" %s", names[typ])
	} else {
		p.printf(" [type %d]", typ)
	}
	switch typ {
	case 0:
		if len(b) > 8 {
			switch mode := b[8] >> 4; mode {
			case 0:
				p.puts(" Dense-mode")
			case 1:
				p.puts(" Sparse-mode")
			case 2:
				p.puts(" Sparse-Dense-mode")
			default:
				p.printf(" mode-%d", mode)
			}
		}
		if p.o.Verbose > 0 {
			p.puts(" (Hold-time ")
			p.printf("%s)", relTime(uint32(p.u16(b, 10))))
		}
	case 1:
		if len(b) < 28 {
			p.softTrunc()
		}
		p.printf(" for %s > %s", p.names.ip4(b[20:]), p.names.ip4(b[24:]))
	case 2:
		p.printf(" for %s > %s", p.ip4At(b, 8), p.ip4At(b, 12))
	case 4:
		if p.o.Verbose > 0 {
			p.printf(" group %s", p.ip4At(b, 8))
			if p.u32(b, 12) != 0xffffffff {
				p.printf("/%s", p.ip4At(b, 12))
			}
			p.printf(" RP %s hold ", p.ip4At(b, 16))
			p.puts(relTime(uint32(p.u16(b, 22))))
		}
	case 5:
		p.printf(" for %s > %s", p.ip4At(b, 16), p.ip4At(b, 8))
		if p.u32(b, 12) != 0xffffffff {
			p.printf("/%s", p.ip4At(b, 12))
		}
		p.printf(" %s pref %d metric %d", cond(p.u8(b, 20)&0x80 != 0, "RP-tree", "SPT"), p.u32(b, 20)&0x7fffffff, p.u32(b, 24))
	case 3, 6, 7:
		if p.o.Verbose > 0 {
			if length < 8 {
				p.softTrunc()
			}
			p.pimv1JoinPrune(from(b, 8), length-8)
		}
	}
	if v := p.u8(b, 4) >> 4; v != 1 {
		p.printf(" [v%d]", v)
	}
}

// ip4At is GET_IPADDR_STRING.
func (p *Printer) ip4At(b []byte, off int) string { return p.names.ip4(p.bytes(b, off, 4)) }

// pimv1JoinPrune is pimv1_join_prune_print: one line for a single group
// and source, else the upstream neighbour and hold time (and at -vv the
// groups). Its truncations return to pimv1.
func (p *Printer) pimv1JoinPrune(b []byte, n int) {
	defer p.catchSoft()
	if len(b) >= 30 && b[11] == 1 {
		nj := p.u16(b, 20)
		if int(nj)+int(p.u16(b, 22)) == 1 {
			p.printf(" RPF %s ", p.ip4At(b, 0))
			if hold := p.u16(b, 6); hold != 180 {
				p.printf("Hold %s", relTime(uint32(hold)))
			}
			p.printf("%s (%s/%d, %s", cond(nj != 0, "Join", "Prune"), p.ip4At(b, 26), b[25]&0x3f, p.ip4At(b, 12))
			if p.u32(b, 16) != 0xffffffff {
				p.printf("/%s", p.ip4At(b, 16))
			}
			p.printf(") %s%s %s", cond(b[24]&1 != 0, "Sparse", "Dense"), cond(b[25]&0x80 != 0, " WC", ""), cond(b[25]&0x40 != 0, "RP", "SPT"))
			return
		}
	}
	off := 0
	step := func(k int) {
		if n < k {
			p.softTrunc()
		}
	}
	nl := cond(p.o.Verbose > 1, "\n", "")
	step(4)
	p.puts(nl)
	p.printf(" Upstream Nbr: %s", p.ip4At(b, 0))
	off, n = 4, n-4
	step(4)
	p.puts(nl + " Hold time: ")
	p.puts(relTime(uint32(p.u16(b, off+2))))
	if p.o.Verbose < 2 {
		return
	}
	off, n = off+4, n-4
	step(4)
	ngroups := int(p.u8(b, off+3))
	off, n = off+4, n-4
	for ; ngroups > 0; ngroups-- {
		step(4)
		p.printf("\n\tGroup: %s", p.ip4At(b, off))
		off, n = off+4, n-4
		step(4)
		if p.u32(b, off) != 0xffffffff {
			p.printf("/%s", p.ip4At(b, off))
		}
		off, n = off+4, n-4
		step(4)
		nj, np := int(p.u16(b, off)), int(p.u16(b, off+2))
		p.printf(" joined: %d pruned: %d", nj, np)
		off, n = off+4, n-4
		for k := 0; k < nj+np; k++ {
			step(6)
			f0, f1 := p.u8(b, off), p.u8(b, off+1)
			p.printf("\n\t%s %s%s%s%s/%d", cond(k < nj, "Join ", "Prune"), cond(f0&1 != 0, "Sparse ", "Dense "),
				cond(f1&0x80 != 0, "WC ", ""), cond(f1&0x40 != 0, "RP ", "SPT "), p.ip4At(b, off+2), f1&0x3f)
			off, n = off+6, n-6
		}
	}
}

// ciscoAutoRP is cisco_autorp_print (UDP port 496).
func (p *Printer) ciscoAutoRP(b []byte, length int) {
	p.enter("cisco_autorp")
	defer p.catchSoft()
	n := length
	need := func(k int) {
		if n < k {
			p.softTrunc()
		}
	}
	need(8)
	p.puts(" auto-rp ")
	switch t := p.u8(b, 0); t {
	case 0x11:
		p.puts("candidate-advert")
	case 0x12:
		p.puts("mapping")
	default:
		p.printf("type-0x%02x", t)
	}
	numrps := int(p.u8(b, 1))
	p.puts(" Hold ")
	if hold := p.u16(b, 2); hold != 0 {
		p.puts(relTime(uint32(hold)))
	} else {
		p.puts("FOREVER")
	}
	off := 8
	n -= 8
	for ; numrps > 0; numrps-- {
		need(4)
		p.printf(" RP %s", p.ip4At(b, off))
		off, n = off+4, n-4
		need(1)
		v := p.u8(b, off)
		p.puts([...]string{" PIMv?", " PIMv1", " PIMv2", " PIMv1+2"}[v&3])
		if v&0xfc != 0 {
			p.printf(" [rsvd=0x%02x]", v&0xfc)
		}
		off, n = off+1, n-1
		need(1)
		nent := int(p.u8(b, off))
		off, n = off+1, n-1
		sep := " "
		for ; nent > 0; nent-- {
			need(6)
			f := p.u8(b, off)
			p.printf("%s%s%s/%d", sep, cond(f&1 != 0, "!", ""), p.ip4At(b, off+2), p.u8(b, off+1))
			if f&2 != 0 {
				p.puts(" bidir")
			}
			if f&0xfc != 0 {
				p.printf("[rsvd=0x%02x]", f&0xfc)
			}
			sep = ","
			off, n = off+6, n-6
		}
	}
}
