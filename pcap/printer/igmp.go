package printer

import "fmt"

// igmp is igmp_print for v1/v2 messages (v3 and DVMRP/PIM are flagged).
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
	case 0x13, 0x14, 0x1e, 0x1f:
		p.unsupport(fmt.Sprintf("igmp-0x%02x", t))
		return
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
