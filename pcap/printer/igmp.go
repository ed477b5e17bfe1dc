package printer

import "fmt"

// igmp is igmp_print: v1/v2/v3 queries and reports, DVMRP, PIMv1 and
// mtrace.
func (p *Printer) igmp(b []byte, length int) {
	p.enter("igmp")
	defer p.catchSoft()
	if p.o.Quick {
		p.puts("igmp")
		return
	}
	switch t := p.u8(b, 0); t {
	case 0x11:
		p.puts("igmp query")
		if length >= 12 {
			p.igmpv3Query(b, length)
			break
		}
		if mrt := p.u8(b, 1); mrt != 0 {
			p.puts(" v2")
			if mrt != 100 {
				p.printf(" [max resp time %d]", mrt)
			}
		} else {
			p.puts(" v1")
		}
		if p.u32(b, 4) != 0 {
			p.printf(" [gaddr %s]", p.names.ip4(b[4:8]))
		}
		if length != 8 {
			p.printf(" [len %d]", length)
		}
	case 0x12:
		p.printf("igmp v1 report %s", p.names.ip4(p.bytes(b, 4, 4)))
		if length != 8 {
			p.printf(" [len %d]", length)
		}
	case 0x16:
		p.printf("igmp v2 report %s", p.names.ip4(p.bytes(b, 4, 4)))
	case 0x17:
		p.printf("igmp leave %s", p.names.ip4(p.bytes(b, 4, 4)))
	case 0x22:
		p.puts("igmp v3 report")
		p.igmpv3Report(b, length)
	case 0x14:
		p.puts("igmp pimv1")
		p.pimv1(b, length)
	case 0x1e:
		p.mtrace("mresp", b, length)
	case 0x1f:
		p.mtrace("mtrace", b, length)
	case 0x13:
		p.puts("igmp dvmrp")
		if length < 8 {
			p.printf(" [len %d]", length)
		} else {
			p.dvmrp(b, length)
		}
	default:
		p.printf("igmp-%d", t)
	}
	if p.o.Verbose > 0 && length >= 4 && len(b) >= length {
		if checksum(0, b[:length]) != 0 {
			p.printf(" bad igmp cksum %x!", p.u16(b, 2))
		}
	}
}

// igmpv3Report is print_igmpv3_report (record types share MLDv2's names).
func (p *Printer) igmpv3Report(b []byte, length int) {
	if length < 16 || length&3 != 0 {
		p.printf(" [invalid len %d]", length)
		return
	}
	p.groupRecords(b, length, 4, p.names.ip4, "v3")
}

// groupRecords prints the group records that follow the 8-byte header of an
// IGMPv3 (RFC 3376) or MLDv2 (RFC 3810) report. tcpdump's
// print_igmpv3_report and mldv2_report_print run the same loop and differ
// only in the address size (each record header is type, aux length and
// source count in 4 bytes, then the group address) and in the version named
// for an unknown record type ("[v3-report-#N]" vs "[v2-report-#N]").
func (p *Printer) groupRecords(b []byte, length, addrLen int, addr func([]byte) string, version string) {
	ngroups := int(p.u16(b, 6))
	p.printf(", %d group record(s)", ngroups)
	if p.o.Verbose == 0 {
		return
	}
	hdr := 4 + addrLen
	group := 8
	for i := 0; i < ngroups; i++ {
		if length < group+hdr {
			p.puts(" [invalid number of groups]")
			return
		}
		p.printf(" [gaddr %s", addr(p.bytes(b, group+4, addrLen)))
		rt := p.u8(b, group)
		if name, ok := mldv2Records[rt]; ok {
			p.printf(" %s", name)
		} else {
			p.printf("  [%s-report-#%d]", version, rt)
		}
		nsrcs := int(p.u16(b, group+2))
		if length < group+hdr+nsrcs*addrLen {
			p.printf(" [invalid number of sources %d]", nsrcs)
			return
		}
		if p.o.Verbose == 1 {
			p.printf(", %d source(s)", nsrcs)
		} else {
			p.puts(" {")
			for j := 0; j < nsrcs; j++ {
				p.printf(" %s", addr(p.bytes(b, group+hdr+j*addrLen, addrLen)))
			}
			p.puts(" }")
		}
		group += hdr + nsrcs*addrLen
		p.puts("]")
	}
}

// igmpv3Query is print_igmpv3_query.
func (p *Printer) igmpv3Query(b []byte, length int) {
	p.puts(" v3")
	if length < 12 || length&3 != 0 {
		p.printf(" [invalid len %d]", length)
		return
	}
	mrc := int(p.u8(b, 1))
	mrt := mrc
	if mrc >= 128 {
		mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3)
	}
	if mrc != 100 {
		if mrt < 600 {
			p.printf(" [max resp time %.1fs]", float64(mrt)*0.1)
		} else {
			p.printf(" [max resp time %s]", relTime(uint32(mrt/10)))
		}
	}
	if p.u32(b, 4) == 0 {
		return
	}
	p.printf(" [gaddr %s", p.names.ip4(b[4:8]))
	p.querySources(b, length, 10, 4, p.names.ip4)
}

// querySources ends an IGMPv3 or MLDv2 query's "[gaddr ..." with its
// source list: the 16-bit count at offset at, then the addresses
// (print_igmpv3_query and mldv2_query_print differ only in address size).
func (p *Printer) querySources(b []byte, length, at, addrLen int, addr func([]byte) string) {
	if nsrcs := int(p.u16(b, at)); nsrcs > 0 {
		first := at + 2
		switch {
		case length < first+nsrcs*addrLen:
			p.puts(" [invalid number of sources]")
		case p.o.Verbose > 1:
			p.puts(" {")
			for i := 0; i < nsrcs; i++ {
				p.printf(" %s", addr(p.bytes(b, first+i*addrLen, addrLen)))
			}
			p.puts(" }")
		default:
			p.printf(", %d source(s)", nsrcs)
		}
	}
	p.puts("]")
}

// mtrace is print_mtrace, for multicast traceroute queries and responses.
func (p *Printer) mtrace(name string, b []byte, length int) {
	if length < 8+16 {
		p.printf(" [invalid len %d]", length)
		return
	}
	p.printf("%s %d: %s to %s reply-to %s", name, p.u24(b, 21), p.ip4At(b, 8), p.ip4At(b, 12), p.ip4At(b, 16))
	if p.u32(b, 16)>>28 == 0xe {
		p.printf(" with-ttl %d", p.u8(b, 20))
	}
}

// dvmrp is dvmrp_print (RFC 1075, draft-ietf-idmr-dvmrp-v3).
func (p *Printer) dvmrp(b []byte, length int) {
	p.proto = "dvmrp"
	typ := p.u8(b, 1)
	names := [...]string{1: "Probe", 2: "Report", 3: "Ask-neighbors(old)", 4: "Neighbors(old)", 5: "Ask-neighbors2",
		6: "Neighbors2", 7: "Prune", 8: "Graft", 9: "Graft-ACK"}
	if int(typ) < len(names) && names[typ] != "" {
		p.printf(" %s", names[typ])
	} else {
		p.printf(" [type %d]", typ)
	}
	body, n := from(b, 8), length-8
	switch typ {
	case 1:
		if p.o.Verbose > 0 {
			p.dvmrpProbe(body, n)
		}
	case 2:
		if p.o.Verbose > 1 {
			p.dvmrpReport(body, n)
		}
	case 4, 6:
		p.dvmrpNeighbors(b, n, typ == 6)
	case 7:
		p.printf(" src %s grp %s", p.ip4At(body, 0), p.ip4At(body, 4))
		p.puts(" timer ")
		p.puts(relTime(p.u32(body, 8)))
	case 8, 9:
		p.printf(" src %s grp %s", p.ip4At(body, 0), p.ip4At(body, 4))
	}
}

func (p *Printer) dvmrpProbe(b []byte, n int) {
	if n < 4 {
		p.printf(" [full length %d < 4]", n)
		p.invalid()
		return
	}
	p.puts(cond(p.o.Verbose > 1, "\n\t", " "))
	p.printf("genid %d", p.u32(b, 0))
	if p.o.Verbose < 2 {
		return
	}
	for off, n := 4, n-4; n > 0; off, n = off+4, n-4 {
		if n < 4 {
			p.printf("[remaining length %d < 4]", n)
			p.invalid()
			return
		}
		p.printf("\n\tneighbor %s", p.ip4At(b, off))
	}
}

// dvmrpReport is print_report: routes grouped by mask, the mask's and
// each origin's significant bytes only.
func (p *Printer) dvmrpReport(b []byte, n int) {
	off := 0
	quad := func(v uint32) string { return fmt.Sprintf("%d.%d.%d.%d", v>>24, v>>16&0xff, v>>8&0xff, v&0xff) }
	for n > 0 {
		if n < 3 {
			p.printf(" [length %d < 3]", n)
			p.invalid()
			return
		}
		m0, m1, m2 := p.u8(b, off), p.u8(b, off+1), p.u8(b, off+2)
		width := 1
		if m0 != 0 {
			width = 2
		}
		if m1 != 0 {
			width = 3
		}
		if m2 != 0 {
			width = 4
		}
		p.printf("\n\tMask %s", quad(0xff<<24|uint32(m0)<<16|uint32(m1)<<8|uint32(m2)))
		off, n = off+3, n-3
		for done := false; !done; {
			if n < width+1 {
				p.puts("\n\t  [Truncated Report]")
				p.invalid()
				return
			}
			var origin uint32
			for i := 0; i < 4; i++ {
				origin <<= 8
				if i < width {
					origin |= uint32(p.u8(b, off))
					off++
				}
			}
			metric := p.u8(b, off)
			off++
			done = metric&0x80 != 0
			p.printf("\n\t  %s metric %d", quad(origin), metric&0x7f)
			n -= width + 1
		}
	}
}

// dvmrpNeighbors is print_neighbors and print_neighbors2 (with the
// version from the IGMP group field and per-neighbour flags).
func (p *Printer) dvmrpNeighbors(b []byte, n int, v2 bool) {
	hdr := 7
	if v2 {
		p.printf(" (v %d.%d):", p.u8(b, 7), p.u8(b, 6))
		hdr = 8
	}
	off := 8
	for n > 0 {
		if n < hdr {
			p.printf(" [length %d < %d]", n, hdr)
			p.invalid()
			return
		}
		laddr := off
		metric, thresh := p.u8(b, off+4), p.u8(b, off+5)
		var flags uint8
		if v2 {
			flags = p.u8(b, off+6)
		}
		ncount := int(p.u8(b, off+hdr-1))
		off, n = off+hdr, n-hdr
		for ncount--; ncount >= 0 && (!v2 || n > 0); ncount-- {
			if n < 4 {
				p.printf(" [length %d < 4]", n)
				p.invalid()
				return
			}
			if !v2 {
				p.printf(" [%s ->", p.ip4At(b, laddr))
				p.printf(" %s, (%d/%d)]", p.ip4At(b, off), metric, thresh)
			} else {
				p.printf(" [%s -> ", p.ip4At(b, laddr))
				p.printf("%s (%d/%d", p.ip4At(b, off), metric, thresh)
				for _, f := range []bitName{{0x01, "/tunnel"}, {0x02, "/srcrt"}, {0x40, "/querier"}, {0x20, "/disabled"}, {0x10, "/down"}} {
					if uint32(flags)&f.bit != 0 {
						p.puts(f.name)
					}
				}
				p.puts(")]")
			}
			off, n = off+4, n-4
		}
		if v2 && ncount != -1 {
			p.puts(" [invalid ncount]")
			p.invalid()
			return
		}
	}
}
