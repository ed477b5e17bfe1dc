package printer

import "fmt"

// RIP (print-rip.c, RFC 1058/2453/4822) and RIPng (print-ripng.c).

func ripCmdName(c uint8) string {
	names := [...]string{1: "Request", 2: "Response", 3: "Trace on", 4: "Trace off", 5: "Poll", 6: "Poll Entry"}
	if int(c) < len(names) && names[c] != "" {
		return names[c]
	}
	return fmt.Sprintf("unknown command (%d)", c)
}

// bsdAFName is tok2str(bsd_af_values, def, af).
func bsdAFName(af uint16, def string) string {
	switch af {
	case 2:
		return "IPv4"
	case 6:
		return "NS"
	case 7:
		return "ISO"
	case 16:
		return "Appletalk"
	case 23:
		return "IPX"
	case 24, 28, 30:
		return "IPv6"
	}
	return fmt.Sprintf(def, af)
}

// rip is rip_print.
func (p *Printer) rip(b []byte, length int) {
	p.enter("rip")
	n := min(len(b), length)
	if n < 4 {
		p.printTrunc()
		return
	}
	n -= 4
	vers, cmd := b[1], b[0]
	p.printf("%sRIPv%d, %s, length: %d", cond(p.o.Verbose > 0, "\n\t", ""), vers, ripCmdName(cmd), length)
	if p.o.Verbose == 0 {
		return
	}
	switch {
	case cmd == 1 || cmd == 2:
		if vers != 1 && vers != 2 {
			p.puts(", unknown version")
			break
		}
		p.printf(", routes: %d%s", length/20, cond(vers == 2, " or less", ""))
		for off := 4; n != 0; {
			var sz int
			if vers == 1 {
				sz = p.ripEntryV1(b, off, n)
			} else {
				sz = p.ripEntryV2(b, off, n)
			}
			if sz == 0 {
				p.printTrunc()
				break
			}
			if n < sz {
				p.printf(" [remaining entries length %d < %d]", n, sz)
				p.invalid()
				break
			}
			off, n = off+sz, n-sz
		}
	case cmd >= 4 && cmd <= 6: // tcpdump 4.99 dumps "Trace on" like an unknown command
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, 0, "\n\t", length)
		}
	}
	if p.o.Verbose > 1 {
		p.unknownData(b, 0, "\n\t", length)
	}
}

// ripEntryV1 is rip_entry_print_v1: the entry size, 0 when truncated.
func (p *Printer) ripEntryV1(b []byte, off, n int) int {
	if n < 20 || off+20 > len(b) {
		return 0
	}
	fam := p.u16(b, off)
	if fam != 2 && fam != 0 {
		p.printf("\n\t AFI %s, ", bsdAFName(fam, "Unknown (%d)"))
		p.unknownData(b, off+4, "\n\t  ", 16)
		return 20
	}
	if p.u16(b, off+2) != 0 || p.u32(b, off+8) != 0 || p.u32(b, off+12) != 0 {
		p.unknownData(b, off, "\n\t  ", 20)
		return 20
	}
	p.printf("\n\t  %s%s, metric: %d", cond(fam == 0, "AFI 0, ", ""), p.ip4At(b, off+4), p.u32(b, off+16))
	return 20
}

// ripEntryV2 is rip_entry_print_v2: the entry size, 0 when truncated.
func (p *Printer) ripEntryV2(b []byte, off, n int) int {
	if n < 4 || off+4 > len(b) {
		return 0
	}
	fam := p.u16(b, off)
	switch {
	case fam == 0xffff:
		at := p.u16(b, off+2)
		off, n = off+4, n-4
		switch at {
		case 2:
			p.puts("\n\t  Simple Text Authentication data: ")
			p.printJNP(b, off, 16)
		case 3:
			if off+16 > len(b) || n < 16 {
				return 0
			}
			p.printf("\n\t  Auth header: Packet Len %d, Key-ID %d, Auth Data Len %d, SeqNo %d, MBZ %d, MBZ %d",
				p.u16(b, off), b[off+2], b[off+3], p.u32(b, off+4), p.u32(b, off+8), p.u32(b, off+12))
		case 1:
			p.puts("\n\t  Auth trailer:")
			p.unknownData(b, off, "\n\t  ", n)
			return 4 + n
		default:
			p.printf("\n\t  Unknown (%d) Authentication data:", at)
			p.unknownData(b, off, "\n\t  ", n)
			return 4 + n
		}
	case fam != 2 && fam != 0:
		p.printf("\n\t  AFI %s", bsdAFName(fam, "Unknown (%d)"))
		p.unknownData(b, off+4, "\n\t  ", 16)
	default:
		if off+20 > len(b) || n < 20 {
			return 0
		}
		p.printf("\n\t  AFI %s, %15s/%-2d, tag 0x%04x, metric: %d, next-hop: ", bsdAFName(fam, "%d"), p.ip4At(b, off+4),
			mask2plen(p.u32(b, off+8)), p.u16(b, off+2), p.u32(b, off+16))
		if p.u32(b, off+12) != 0 {
			p.puts(p.ip4At(b, off+12))
		} else {
			p.puts("self")
		}
	}
	return 20
}

// ripng is ripng_print.
func (p *Printer) ripng(b []byte, length int) {
	p.enter("ripng")
	if vers := p.u8(b, 1); vers != 1 {
		p.printf(" [vers %d]", vers)
		p.invalid()
		return
	}
	cmd := p.u8(b, 0)
	if cmd != 1 && cmd != 2 {
		p.printf(" ripng-%d ?? %d", cmd, length)
		p.invalid()
		return
	}
	left := length
	if left < 4 {
		p.invalid()
		return
	}
	left -= 4
	j := left / 20
	if cmd == 1 && j == 1 && p.u8(b, 23) == 16 && !nonZero(b[4:20]) {
		p.puts(" ripng-req dump")
		return
	}
	p.printf(" ripng-%s %d", cond(cmd == 1, "req", "resp"), j)
	if j*20 != left {
		p.printf("[%d]", length)
	}
	p.puts(":")
	for off := 4; left >= 20; off, left = off+20, left-20 {
		p.puts(cond(p.o.Verbose > 1, "\n\t", " "))
		p.printf("%s/%d", p.names.ip6(p.bytes(b, off, 16)), p.u8(b, off+18))
		if tag := p.u16(b, off+16); tag != 0 {
			p.printf(" [%d]", tag)
		}
		if m := p.u8(b, off+19); m != 0 && cmd == 2 {
			p.printf(" (%d)", m)
		}
	}
	if left != 0 {
		p.invalid()
	}
}
