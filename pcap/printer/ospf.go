package printer

import (
	"fmt"
	"math"
)

// OSPFv2 (print-ospf.c), and the Grace and Traffic Engineering LSA
// bodies OSPFv3 shares with it. Offsets are from the OSPF header.

var ospfOptions = []bitName{{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"}, {0x08, "NSSA"},
	{0x10, "LLS"}, {0x20, "Demand Circuit"}, {0x40, "Opaque"}, {0x80, "Up/Down"}}

var ospfRLAFlags = []bitName{{0x01, "ABR"}, {0x02, "ASBR"}, {0x04, "Virtual"}, {0x08, "Wildcard"}, {0x10, "Nt"}, {0x80, "Host"}}

func ospfLSAName(t uint32) string {
	switch t {
	case 1:
		return "Router"
	case 2:
		return "Network"
	case 3:
		return "Summary"
	case 4:
		return "ASBR Summary"
	case 5:
		return "External"
	case 6:
		return "Multicast Group"
	case 7:
		return "NSSA"
	case 9:
		return "Link Local Opaque"
	case 10:
		return "Area Local Opaque"
	case 11:
		return "Domain Wide Opaque"
	}
	return "unknown"
}

func ospfOpaqueName(t uint8) string {
	switch t {
	case 1:
		return "Traffic Engineering"
	case 3:
		return "Graceful restart"
	case 4:
		return "Router Information"
	}
	return "unknown"
}

func ospfTopology(t uint32) string {
	switch t {
	case 0:
		return "default"
	case 1:
		return "multicast"
	case 2:
		return "management"
	}
	return "Unknown"
}

// ospf is ospf_print (OSPFv2 over IPv4).
func (p *Printer) ospf(b []byte, length int) {
	p.enter("ospf2")
	if p.u16(b, 14) == 2 {
		// The MD5 digest trails the packet: tcpdump strips it first.
		length -= 16
		b = b[:max(len(b)-16, 0)]
	}
	ver, typ := p.u8(b, 0), p.u8(b, 1)
	name := ospfTypeName(typ)
	if name == "" {
		p.printf("OSPFv%d, unknown LS-type %d, length %d", ver, typ, length)
		return
	}
	p.printf("OSPFv%d, %s, length %d", ver, name, length)
	if p.o.Verbose == 0 {
		return
	}
	olen := int(p.u16(b, 2))
	if length != olen {
		p.printf(" [len %d]", olen)
	}
	end := min(length, olen)
	p.printf("\n\tRouter-ID %s", p.ip4At(b, 4))
	if p.u32(b, 8) != 0 {
		p.printf(", Area %s", p.ip4At(b, 8))
	} else {
		p.puts(", Backbone Area")
	}
	p.needHard(b, 24)
	at := p.u16(b, 14)
	p.printf(", Authentication Type: %s (%d)", [...]string{"none", "simple", "MD5", "unknown"}[min(at, 3)], at)
	switch at {
	case 0:
	case 1:
		p.puts("\n\tSimple text password: ")
		p.printJNP(b, 16, 8)
	case 2:
		p.printf("\n\tKey-ID: %d, Auth-Length: %d, Crypto Sequence Number: 0x%08x", b[18], b[19], p.u32(b, 20))
	default:
		return
	}
	if ver != 2 {
		p.printf(" ospf [version %d]", ver)
		return
	}
	if p.ospfV2(b, typ, end) {
		p.trunc()
	}
	if length > olen {
		p.ospfLLS(b, typ, olen, length)
	}
}

// ospfV2 is ospf_decode_v2; true means truncated.
func (p *Printer) ospfV2(b []byte, typ uint8, end int) bool {
	switch typ {
	case 1:
		p.printf("\n\tOptions [%s]", bitNames(uint32(p.u8(b, 30)), ospfOptions))
		p.printf("\n\t  Hello Timer %ds, Dead Timer %ds, Mask %s, Priority %d", p.u16(b, 28), p.u32(b, 32), p.ip4At(b, 24), p.u8(b, 31))
		if p.u32(b, 36) != 0 {
			p.printf("\n\t  Designated Router %s", p.ip4At(b, 36))
		}
		if p.u32(b, 40) != 0 {
			p.printf(", Backup Designated Router %s", p.ip4At(b, 40))
		}
		if 44 < end {
			p.puts("\n\t  Neighbor List:")
		}
		for a := 44; a < end; a += 4 {
			p.printf("\n\t    %s", p.ip4At(b, a))
		}
	case 2:
		p.printf("\n\tOptions [%s]", bitNames(uint32(p.u8(b, 26)), ospfOptions))
		p.printf(", DD Flags [%s]", bitNames(uint32(p.u8(b, 27)), []bitName{{4, "Init"}, {2, "More"}, {1, "Master"}, {8, "OOBResync"}}))
		if mtu := p.u16(b, 24); mtu != 0 {
			p.printf(", MTU: %d", mtu)
		}
		p.printf(", Sequence: 0x%08x", p.u32(b, 28))
		for h := 32; h < end && p.ospfLSHdr(b, h) != -1; h += 20 {
		}
	case 3:
		for r := 24; r < end; r += 12 {
			if r+12 > len(b) {
				return true
			}
			t := p.u32(b, r)
			p.printf("\n\t  Advertising Router: %s, %s LSA (%d)", p.ip4At(b, r+8), ospfLSAName(t), t)
			if t >= 9 && t <= 11 {
				p.printf(", Opaque-Type: %s LSA (%d), Opaque-ID: %d", ospfOpaqueName(b[r+4]), b[r+4], p.u24(b, r+5))
			} else {
				p.printf(", LSA-ID: %s", p.ip4At(b, r+4))
			}
		}
	case 4:
		count := p.u32(b, 24)
		p.printf(", %d LSA%s", count, cond(count != 1, "s", ""))
		l := 28
		for i := uint32(1); i <= count && i != 0; i++ {
			p.printf("\n\t  LSA #%d", i)
			if l = p.ospfLSA(b, l); l < 0 {
				return true
			}
		}
	case 5:
		// tcpdump 4.99 reads headers until one is bogus or not captured.
		for h := 24; p.ospfLSHdr(b, h) != -1; h += 20 {
		}
	}
	return false
}

// ospfLSHdr is ospf_print_lshdr: the LSA length, or -1.
func (p *Printer) ospfLSHdr(b []byte, off int) int {
	ln := int(p.u16(b, off+18))
	if ln < 20 {
		p.printf("\n\t    Bogus length %d < header (20)", ln)
		return -1
	}
	p.printf("\n\t  Advertising Router %s, seq 0x%08x, age %ds, length %d", p.ip4At(b, off+8), p.u32(b, off+12), p.u16(b, off), ln-20)
	t := p.u8(b, off+3)
	if t >= 9 && t <= 11 {
		ot := p.u8(b, off+4)
		p.printf("\n\t    %s LSA (%d), Opaque-Type %s LSA (%d), Opaque-ID %d", ospfLSAName(uint32(t)), t, ospfOpaqueName(ot), ot, p.u24(b, off+5))
	} else {
		p.printf("\n\t    %s LSA (%d), LSA-ID: %s", ospfLSAName(uint32(t)), t, p.ip4At(b, off+4))
	}
	p.printf("\n\t    Options: [%s]", bitNames(uint32(p.u8(b, off+2)), ospfOptions))
	return ln
}

// ospfLSA is ospf_print_lsa: the offset past the LSA, or -1 when
// truncated (after printing the marker) or its length is bogus.
func (p *Printer) ospfLSA(b []byte, off int) int {
	ln := p.ospfLSHdr(b, off)
	if ln < 0 {
		return -1
	}
	end := off + ln
	n := ln - 20
	t := off + 20
	switch p.u8(b, off+3) {
	case 1:
		p.printf("\n\t    Router LSA Options: [%s]", bitNames(uint32(p.u8(b, t)), ospfRLAFlags))
		count := int(p.u16(b, t+2))
		l := t + 4
		if l+12 > len(b) {
			return -1
		}
		for ; count > 0; count-- {
			if l+12 > len(b) {
				return -1
			}
			what := ""
			switch b[l+8] {
			case 4:
				what = "Virtual Link: Neighbor Router-ID: %s, Interface Address: %s"
			case 1:
				what = "Neighbor Router-ID: %s, Interface Address: %s"
			case 2:
				what = "Neighbor Network-ID: %s, Interface Address: %s"
			case 3:
				what = "Stub Network: %s, Mask: %s"
			default:
				p.printf("\n\t      Unknown Router Link Type (%d)", b[l+8])
				return end
			}
			p.printf("\n\t      "+what, p.ip4At(b, l), p.ip4At(b, l+4))
			tos := int(p.u8(b, l+9))
			for i := 0; i <= tos; i++ {
				id := uint32(0)
				if i > 0 {
					id = uint32(p.u8(b, l+8+4*i))
				}
				p.printf("\n\t\ttopology %s (%d), metric %d", ospfTopology(id), id, p.u16(b, l+8+4*i+2))
			}
			l += 12 + 4*tos
		}
	case 2:
		p.printf("\n\t    Mask %s\n\t    Connected Routers:", p.ip4At(b, t))
		for a := t + 4; a < end; a += 4 {
			p.printf("\n\t      %s", p.ip4At(b, a))
		}
	case 3, 4:
		if p.u8(b, off+3) == 3 {
			if t+4 > len(b) {
				return -1
			}
			p.printf("\n\t    Mask %s", p.ip4At(b, t))
		}
		if t+8 > len(b) {
			return -1
		}
		for l := t + 4; l < end; l += 4 {
			ul := p.u32(b, l)
			p.printf("\n\t\ttopology %s (%d) metric %d", ospfTopology(ul>>24&0x7f), ul>>24&0x7f, ul&0xffffff)
		}
	case 5, 7:
		if t+4 > len(b) {
			return -1
		}
		p.printf("\n\t    Mask %s", p.ip4At(b, t))
		if t+8 > len(b) {
			return -1
		}
		for a := t + 4; a < end; a += 12 {
			ul := p.u32(b, a)
			topo := ul >> 24 & 0x7f
			p.printf("\n\t\ttopology %s (%d), type %s, metric", ospfTopology(topo), topo, cond(ul&0x80000000 != 0, "2", "1"))
			if ul&0xffffff == 0xffffff {
				p.puts(" infinite")
			} else {
				p.printf(" %d", ul&0xffffff)
			}
			if p.u32(b, a+4) != 0 {
				p.printf(", forward %s", p.ip4At(b, a+4))
			}
			if p.u32(b, a+8) != 0 {
				p.printf(", tag %s", p.ip4At(b, a+8))
			}
		}
	case 6:
		for a := t; a < end; a += 8 {
			switch vt := p.u32(b, a); vt {
			case 1:
				p.printf("\n\t    Router Router-ID %s", p.ip4At(b, a+4))
			case 2:
				p.printf("\n\t    Network Designated Router %s", p.ip4At(b, a+4))
			default:
				p.printf("\n\t    unknown VertexType (%d)", vt)
			}
		}
	case 9, 10, 11:
		switch p.u8(b, off+4) {
		case 4:
			if r := p.ospfRouterInfo(b, t, n); r != 0 {
				if r < 0 {
					return -1
				}
				return end
			}
		case 3:
			if p.ospfGrace(b, t, n) {
				return end
			}
		case 1:
			if p.ospfTE(b, t, n) {
				return end
			}
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(b, t, "\n\t    ", n) {
				return end
			}
		}
	}
	if p.o.Verbose > 1 {
		p.unknownAt(b, t, "\n\t    ", n)
	}
	return end
}

// ospfRouterInfo prints a Router Information opaque LSA's TLVs: 0 done,
// 1 stop at the LSA end, -1 truncated.
func (p *Printer) ospfRouterInfo(b []byte, t, n int) int {
	for n != 0 {
		if t+4 > len(b) {
			return -1
		}
		if n < 4 {
			p.printf("\n\t    Remaining LS length %d < 4", n)
			return 1
		}
		tt, tl := p.u16(b, t), int(p.u16(b, t+2))
		t, n = t+4, n-4
		name := "unknown"
		if tt == 1 {
			name = "Router Capabilities"
		}
		p.printf("\n\t    %s TLV (%d), length: %d, value: ", name, tt, tl)
		if tl > n {
			p.printf("\n\t    Bogus length %d > remaining LS length %d", tl, n)
			return 1
		}
		if t+tl > len(b) {
			return -1
		}
		switch tt {
		case 1:
			if tl != 4 {
				p.printf("\n\t    Bogus length %d != 4", tl)
				return 1
			}
			caps := []bitName{{1, "Reserved"}, {2, "Reserved"}, {4, "Reserved"}, {8, "Reserved"}, {16, "graceful restart capable"},
				{32, "graceful restart helper"}, {64, "Stub router support"}, {128, "Traffic engineering"}, {256, "p2p over LAN"}, {512, "path computation server"}}
			s := bitNames(p.u32(b, t), caps)
			if s == "none" {
				s = "Unknown"
			}
			p.printf("Capabilities: %s", s)
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(b, t, "\n\t      ", tl) {
				return 1
			}
		}
		t, n = t+tl, n-tl // tcpdump 4.99 does not pad these TLVs
	}
	return 0
}

// ospfGrace is ospf_grace_lsa_print; true means it gave up (-1).
func (p *Printer) ospfGrace(b []byte, t, n int) bool {
	for n != 0 {
		if t+4 > len(b) {
			p.printTrunc()
			return true
		}
		if n < 4 {
			p.printf("\n\t    Remaining LS length %d < 4", n)
			return true
		}
		tt, tl := p.u16(b, t), int(p.u16(b, t+2))
		t, n = t+4, n-4
		name := "unknown"
		if tt >= 1 && tt <= 3 {
			name = [...]string{"Grace Period", "Graceful restart Reason", "IPv4 interface address"}[tt-1]
		}
		p.printf("\n\t    %s TLV (%d), length %d, value: ", name, tt, tl)
		if tl > n {
			p.printf("\n\t    Bogus length %d > %d", tl, n)
			return true
		}
		if tt == 0 || tl == 0 {
			p.invalid()
			return true
		}
		if t+tl > len(b) {
			p.printTrunc()
			return true
		}
		want := 4
		switch tt {
		case 2:
			want = 1
		case 1, 3:
		default:
			want = tl
			if p.o.Verbose <= 1 && !p.unknownAt(b, t, "\n\t      ", tl) {
				return true
			}
		}
		if tl != want {
			p.printf("\n\t    Bogus length %d != %d", tl, want)
			return true
		}
		switch tt {
		case 1:
			p.printf("%ds", p.u32(b, t))
		case 2:
			r := b[t]
			reason := "Unknown"
			if r >= 1 && r <= 3 {
				reason = [...]string{"Software Restart", "Software Reload/Upgrade", "Control Processor Switch"}[r-1]
			}
			p.printf("%s (%d)", reason, r)
		case 3:
			p.puts(p.ip4At(b, t))
		}
		if tl%4 != 0 {
			tl += 4 - tl%4
			if tl > n {
				p.printf("\n\t    Bogus padded length %d > %d", tl, n)
				return true
			}
		}
		t, n = t+tl, n-tl
	}
	return false
}

// ospfTE is ospf_te_lsa_print; true means it gave up (-1). As in
// tcpdump 4.99 the Link TLV's sub-TLVs move the shared cursor and use up
// the TLV length, so the LSA length is not reduced by them and what
// follows a Link TLV is read as further TLVs.
func (p *Printer) ospfTE(b []byte, t, n int) bool {
	for n != 0 {
		if t+4 > len(b) {
			return true
		}
		if n < 4 {
			p.printf("\n\t    Remaining LS length %d < 4", n)
			return true
		}
		tt, tl := p.u16(b, t), int(p.u16(b, t+2))
		t, n = t+4, n-4
		name := "unknown"
		if tt == 1 || tt == 2 {
			name = [...]string{"Router Address", "Link"}[tt-1]
		}
		p.printf("\n\t    %s TLV (%d), length: %d", name, tt, tl)
		if tl > n {
			p.printf("\n\t    Bogus length %d > %d", tl, n)
			return true
		}
		if tt == 0 || tl == 0 {
			return true
		}
		switch tt {
		case 2:
			var stop bool
			if t, tl, stop = p.ospfTELink(b, t, tl); stop {
				return true
			}
		case 1:
			if tl < 4 {
				p.printf("\n\t    TLV length %d < 4", tl)
				return true
			}
			p.printf(", %s", p.ip4At(b, t))
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(b, t, "\n\t      ", tl) {
				return true
			}
		}
		if tl%4 != 0 {
			tl += 4 - tl%4
		}
		t, n = t+tl, n-tl
	}
	return false
}

func teSubTLVName(t uint16) string {
	names := [...]string{1: "Link Type", 2: "Link ID", 3: "Local Interface IP address", 4: "Remote Interface IP address",
		5: "Traffic Engineering Metric", 6: "Maximum Bandwidth", 7: "Maximum Reservable Bandwidth", 8: "Unreserved Bandwidth",
		9: "Administrative Group", 11: "Link Local/Remote Identifier", 14: "Link Protection Type",
		15: "Interface Switching Capability", 16: "Shared Risk Link Group", 17: "Bandwidth Constraints"}
	if int(t) < len(names) && names[t] != "" {
		return names[t]
	}
	return "unknown"
}

// mbps is tcpdump's "%.3f Mbps" of an IEEE float in bytes per second,
// computed in single precision as the C code does.
func (p *Printer) mbps(b []byte, off int) string {
	f := math.Float32frombits(p.u32(b, off)) * 8 / 1000000
	return fmt.Sprintf("%.3f Mbps", f)
}

// teSubTLVBad is the length check ospf_te_tlv_link_print makes before
// printing a sub-TLV: the complaint, or "" when the length is right.
func teSubTLVBad(st uint16, sl int) string {
	switch st {
	case 3, 4, 5, 6, 7, 9, 14:
		if sl != 4 {
			return " != 4"
		}
	case 2, 11:
		if sl != 4 && sl != 8 {
			return " != 4 && != 8"
		}
	case 8:
		if sl != 32 {
			return " != 32"
		}
	case 17:
		if sl < 4 {
			return " < 4"
		}
	case 15:
		if sl < 36 {
			return " < 36"
		}
	case 1:
		if sl != 1 {
			return " != 1"
		}
	case 16:
		if sl%4 != 0 {
			return " != N x 4"
		}
	}
	return ""
}

// ospfTELink prints a TE Link TLV's sub-TLVs from t for n bytes,
// returning the cursor and what is left of n (see ospfTE).
func (p *Printer) ospfTELink(b []byte, t, n int) (int, int, bool) {
	for n != 0 {
		if n < 4 {
			p.printf("\n\t    Remaining TLV length %d < 4", n)
			return t, n, true
		}
		st, sl := p.u16(b, t), int(p.u16(b, t+2))
		t, n = t+4, n-4
		if st == 0 || sl == 0 {
			p.invalid()
			return t, n, true
		}
		p.printf("\n\t      %s subTLV (%d), length: %d", teSubTLVName(st), st, sl)
		if n < sl {
			p.printf("\n\t    Remaining TLV length %d < %d", n, sl)
			return t, n, true
		}
		if t+sl > len(b) {
			p.printTrunc()
			return t, n, true
		}
		if msg := teSubTLVBad(st, sl); msg != "" {
			p.puts(msg)
			p.invalid()
			return t, n, true
		}
		switch st {
		case 9:
			p.printf(", 0x%08x", p.u32(b, t))
		case 2, 11:
			for i := 0; i < sl; i += 4 {
				p.printf(", %s (0x%08x)", p.ip4At(b, t+i), p.u32(b, t+i))
			}
		case 3, 4:
			p.printf(", %s", p.ip4At(b, t))
		case 6, 7:
			p.printf(", %s", p.mbps(b, t))
		case 8:
			for c := 0; c < 8; c++ {
				p.printf("\n\t\tTE-Class %d: %s", c, p.mbps(b, t+4*c))
			}
		case 17:
			m := p.u8(b, t)
			p.printf("\n\t\tBandwidth Constraints Model ID: %s (%d)", diffservBCName(m), m)
			if sl%4 != 0 || sl > 36 {
				p.printf(cond(sl%4 != 0, "\n\t\tlength %d != N x 4", "\n\t\tlength %d > 36"), sl)
				p.invalid()
				return t, n, true
			}
			for c := 0; c < (sl-4)/4; c++ {
				p.printf("\n\t\t  Bandwidth constraint CT%d: %s", c, p.mbps(b, t+4+4*c))
			}
		case 5:
			p.printf(", Metric %d", p.u32(b, t))
		case 14:
			p.printf(", %s", bitNames(uint32(p.u8(b, t)), gmplsLinkProt))
		case 15:
			p.printf("\n\t\tInterface Switching Capability: %s", gmplsSwitchCap(p.u8(b, t)))
			p.printf("\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:", gmplsEncoding(p.u8(b, t+1)))
			for l := 0; l < 8; l++ {
				p.printf("\n\t\t  priority level %d: %s", l, p.mbps(b, t+4+4*l))
			}
		case 1:
			lt := p.u8(b, t)
			p.printf(", %s (%d)", [...]string{"unknown", "Point-to-point", "Multi-Access", "unknown"}[min(lt, 3)], lt)
		case 16:
			if sl >= 4 {
				p.puts("\n\t\t  Shared risk group: ")
			}
			for i := 0; i < sl/4; i++ {
				if i > 0 {
					p.puts(", ")
				}
				p.printf("%d", p.u32(b, t))
				t += 4 // advanced again below, as tcpdump does
			}
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(b, t, "\n\t\t", sl) {
				return t, n, true
			}
		}
		if sl%4 != 0 {
			sl += 4 - sl%4
			if n < sl {
				p.printf("\n\t    Remaining TLV length %d < %d", n, sl)
				return t, n, true
			}
		}
		t, n = t+sl, n-sl
	}
	return t, n, false
}

var gmplsLinkProt = []bitName{{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"}, {0x08, "Dedicated 1:1"},
	{0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"}}

func gmplsSwitchCap(c uint8) string {
	switch c {
	case 1, 2, 3, 4:
		return fmt.Sprintf("Packet-Switch Capable-%d", c)
	case 51:
		return "Layer-2 Switch Capable"
	case 100:
		return "Time-Division-Multiplex"
	case 150:
		return "Lambda-Switch Capable"
	case 200:
		return "Fiber-Switch Capable"
	}
	return "Unknown"
}

func gmplsEncoding(e uint8) string {
	names := [...]string{1: "Packet", 2: "Ethernet V2/DIX", 3: "ANSI/ETSI PDH", 4: "Reserved", 5: "SDH ITU-T G.707/SONET ANSI T1.105",
		6: "Reserved", 7: "Digital Wrapper", 8: "Lambda (photonic)", 9: "Fiber", 10: "Reserved", 11: "FiberChannel"}
	if int(e) < len(names) && names[e] != "" {
		return names[e]
	}
	return "Unknown"
}

func diffservBCName(m uint8) string {
	switch m {
	case 0:
		return "Russian dolls"
	case 1:
		return "Maximum allocation"
	case 254:
		return "Maximum allocation with E-LSP support"
	}
	return "unknown"
}

// ospfLLS is ospf_decode_lls: link-local signalling data (RFC 4813)
// after the OSPF packet of a Hello or DD with the L option.
func (p *Printer) ospfLLS(b []byte, typ uint8, olen, length int) {
	switch {
	case typ == 1 && p.u8(b, 30)&0x10 != 0:
	case typ == 2 && p.u8(b, 26)&0x10 != 0:
	default:
		return
	}
	d, l2 := olen, olen
	if p.u16(b, 14) == 2 {
		d += int(p.u8(b, 19))
		l2 += int(p.u8(b, 19))
	}
	if l2 >= length {
		p.puts("\n\t[LLS truncated]")
		return
	}
	p.printf("\n\t  LLS: checksum: 0x%04x", p.u16(b, d))
	p.printf(", length: %d", p.u16(b, d+2))
	for d += 4; d < length; {
		lt := p.u16(b, d)
		name := "Unknown TLV"
		if lt == 1 || lt == 2 {
			name = [...]string{"Extended Options", "MD5 Authentication"}[lt-1]
		}
		p.printf("\n\t    %s (%d)", name, lt)
		ll := int(p.u16(b, d+2))
		p.printf(", length: %d", ll)
		d += 4
		switch lt {
		case 1:
			if ll != 4 {
				p.puts(" [should be 4]")
				ll = 4
			}
			f := p.u32(b, d)
			s := bitNames(f, []bitName{{1, "LSDB resync"}, {2, "Restart"}})
			if s == "none" {
				s = "?"
			}
			p.printf("\n\t      Options: 0x%08x [%s]", f, s)
		case 2:
			if ll != 20 {
				p.puts(" [should be 20]")
				ll = 20
			}
			p.printf("\n\t      Sequence number: 0x%08x", p.u32(b, d))
		}
		d += ll
	}
}
