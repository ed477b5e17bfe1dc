package printer

// IPv4 options (print-ip.c: ip_optprint, ip_printroute, ip_printts,
// ip_finddst), IPv6 hop-by-hop and destination options (print-ip6opts.c),
// the IPv6 mobility header (print-mobility.c) and the SCPS and TCP-AO
// TCP options (tcp_print).

// ipOptions is ip_optprint over b (the options, then whatever follows up
// to the snapshot end); false means an option ran past the capture.
func (p *Printer) ipOptions(b []byte, n int) bool {
	sep := ""
	for off := 0; n > 0; {
		p.puts(sep)
		sep = ","
		code := p.u8(b, off) // GET_U_1: a longjmp when not captured
		if name, ok := ipOptNames()[code]; ok {
			p.puts(name)
		} else {
			p.printf("unknown %d", code)
		}
		ol := 1
		if code != 0 && code != 1 {
			if ol = int(p.u8(b, off+1)); ol < 2 {
				p.printf(" [bad length %d]", ol)
				return true
			}
		}
		if ol > n {
			p.printf(" [bad length %d]", ol)
			return true
		}
		if len(b) < off+ol {
			return false // ND_TCHECK_LEN: " [truncated-option]"
		}
		switch code {
		case 0:
			return true
		case 68:
			if !p.ipTimestamp(b[off:], ol) {
				return false
			}
		case 7, 137, 131:
			if !p.ipRoute(b[off:], ol) {
				return false
			}
		case 148:
			if ol < 4 {
				p.printf(" [bad length %d]", ol)
			} else if v := p.u16(b, off+2); v != 0 {
				p.printf(" value %d", v)
			}
		}
		off += ol
		n -= ol
	}
	return true
}

// ipRoute is ip_printroute for RR/LSRR/SSRR; like tcpdump it reads the
// last address past the option when the length is not 3+4n.
func (p *Printer) ipRoute(b []byte, l int) bool {
	if l < 3 {
		p.printf(" [bad length %d]", l)
		return true
	}
	if (l+1)&3 != 0 {
		p.printf(" [bad length %d]", l)
	}
	ptr := uint32(b[2]) - 1 // u_int: a zero pointer wraps
	if ptr < 3 || (ptr+1)&3 != 0 || ptr > uint32(l)+1 {
		p.printf(" [bad ptr %d]", b[2])
	}
	for i := 3; i < l; i += 4 {
		if i+4 > len(b) {
			return false
		}
		p.printf(" %s", p.names.ip4(b[i:]))
		if ptr > uint32(i) {
			p.puts(",")
		}
	}
	return true
}

// ipTimestamp is ip_printts: " TS{" and the recorded stamps.
func (p *Printer) ipTimestamp(b []byte, l int) bool {
	if l < 4 {
		p.printf("[bad length %d]", l)
		return true
	}
	p.puts(" TS{")
	flags := b[3]
	hoplen := uint32(8)
	if flags&0xf == 0 {
		hoplen = 4
	}
	if (uint32(l)-4)&(hoplen-1) != 0 {
		p.printf("[bad length %d]", l)
	}
	ptr := uint32(b[2]) - 1
	if ptr < 4 || (ptr-4)&(hoplen-1) != 0 || ptr > uint32(l)+1 {
		p.printf("[bad ptr %d]", b[2])
	}
	n := uint32(0)
	switch flags & 0xf {
	case 0:
		p.puts("TSONLY")
	case 1:
		p.puts("TS+ADDR")
	case 3:
		p.puts("PRESPEC")
	default:
		p.printf("[bad ts type %d]", flags&0xf)
	}
	if t := flags & 0xf; t == 0 || t == 1 || t == 3 {
		typ := " "
		for n = 4; n < uint32(l); n += hoplen {
			if ptr == n {
				typ = " ^ "
			}
			if int(n+hoplen) > len(b) {
				return false
			}
			addr := ""
			if hoplen == 8 {
				addr = p.names.ip4(b[n:])
			}
			p.printf("%s%d@%s", typ, p.u32(b, int(n+hoplen-4)), addr)
			typ = " "
		}
	}
	p.puts(cond(ptr == n, " ^ ", ""))
	if flags>>4 != 0 {
		p.printf(" [%d hops not recorded]} ", flags>>4)
	} else {
		p.puts("}")
	}
	return true
}

// ipFindDst is ip_finddst: the last hop of a valid LSRR/SSRR option is
// the destination in the TCP/UDP pseudo header.
func ipFindDst(ip []byte) []byte {
	dst := ip[16:20]
	hl := int(ip[0]&0xf) * 4
	if hl <= 20 {
		return dst
	}
	cp, n := 20, hl-20
	for n != 0 {
		if cp >= len(ip) {
			return dst
		}
		tt := ip[cp]
		l := 1
		if tt == 0 {
			break
		} else if tt != 1 {
			if cp+1 >= len(ip) {
				return dst
			}
			if l = int(ip[cp+1]); l < 2 {
				break
			}
		}
		if n < l || cp+l > len(ip) {
			return dst
		}
		if (tt == 137 || tt == 131) && l >= 7 {
			return ip[cp+l-4 : cp+l]
		}
		cp += l
		n -= l
	}
	return dst
}

// ip6Jumbo carries ip6_opt_process's Jumbo Payload state for a
// hop-by-hop header: the IPv6 payload length, replaced by a valid option.
type ip6Jumbo struct {
	plen  uint32
	found bool
}

// ip6Opts is ip6_opt_process over an options header's body; jumbo is nil
// for destination options. False is its "goto trunc".
func (p *Printer) ip6Opts(b []byte, jumbo *ip6Jumbo) bool {
	n := len(b)
	if n == 0 {
		return true
	}
	seen := false
	for i, ol := 0, 0; i < n; i += ol {
		t := p.u8(b, i)
		var ok bool
		if ol, ok = p.ip6OptLen(b, i); !ok {
			return false
		}
		switch t {
		case 0:
			p.vputs("(pad1)")
		case 1:
			if n-i < 2 {
				p.puts("(padn: trunc)")
				return false
			}
			p.vputs("(padn)")
		case 5:
			if n-i < 4 {
				p.puts("(rtalert: trunc)")
				return false
			}
			if b[i+1] != 2 {
				p.printf("(rtalert: invalid len %d)", b[i+1])
				return false
			}
			if p.o.Verbose > 0 {
				p.printf("(rtalert: 0x%04x) ", p.u16(b, i+2))
			}
		case 0xc2:
			if n-i < 6 {
				p.puts("(jumbo: trunc)")
				return false
			}
			if b[i+1] != 4 {
				p.printf("(jumbo: invalid len %d)", b[i+1])
				return false
			}
			p.ip6JumboOpt(p.u32(b, i+2), &seen, jumbo)
		case 0xc9:
			if n-i < 18 {
				p.puts("(homeaddr: trunc)")
				return false
			}
			if b[i+1] < 16 {
				p.printf("(homeaddr: invalid len %d)", b[i+1])
				return false
			}
			if p.o.Verbose > 0 {
				p.printf("(homeaddr: %s", p.names.ip6(p.bytes(b, i+2, 16)))
				if b[i+1] > 16 && !p.ip6SubOpts(b[i+18:i+ol]) {
					return false
				}
				p.puts(")")
			}
		default:
			if n-i < 2 {
				p.printf("(type %d: trunc)", t)
				return false
			}
			if p.o.Verbose > 0 {
				p.printf("(opt_type 0x%02x: len=%d)", t, b[i+1])
			}
		}
	}
	p.vputs(" ")
	return true
}

// ip6JumboOpt judges one Jumbo Payload option.
func (p *Printer) ip6JumboOpt(v uint32, seen *bool, jumbo *ip6Jumbo) {
	why := ""
	switch {
	case *seen:
		why = " - already seen"
	case jumbo == nil:
		why = " - not a hop-by-hop option"
	case jumbo.plen != 0:
		why = " - payload len != 0"
	case v < 65536:
		why = " - < 65536"
	default:
		jumbo.found, jumbo.plen = true, v
	}
	*seen = true
	if p.o.Verbose > 0 {
		p.printf("(jumbo: %d%s) ", v, why)
	}
}

// ip6OptLen is the length of the option at b[i] (Pad1 is one byte, the
// others a type-length-value), false when it runs past the header: the
// walk ip6_opt_process and ip6_sopt_print share.
func (p *Printer) ip6OptLen(b []byte, i int) (int, bool) {
	if b[i] == 0 {
		return 1, true
	}
	if i+1 >= len(b) {
		return 0, false
	}
	ol := int(p.u8(b, i+1)) + 2
	return ol, i+ol <= len(b)
}

// ip6SubOpts is ip6_sopt_print, the home address option's sub-options.
func (p *Printer) ip6SubOpts(b []byte) bool {
	n := len(b)
	for i, ol := 0, 0; i < n; i += ol {
		t := p.u8(b, i)
		var ok bool
		if ol, ok = p.ip6OptLen(b, i); !ok {
			return false
		}
		switch t {
		case 0:
			p.puts(", pad1")
		case 1:
			if n-i < 2 {
				p.puts(", padn: trunc")
				return false
			}
			p.puts(", padn")
		default:
			if n-i < 2 {
				p.printf(", sopt_type %d: trunc)", t)
				return false
			}
			p.printf(", sopt_type 0x%02x: len=%d", t, b[i+1])
		}
	}
	return true
}

func (p *Printer) vputs(s string) {
	if p.o.Verbose > 0 {
		p.puts(s)
	}
}

var (
	mobilityTypes  = []string{"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"}
	mobilityMinLen = []int{8, 16, 16, 24, 24, 12, 12, 24}
)

// mobility is mobility_print; the packet ends after it either way.
func (p *Printer) mobility(b []byte) {
	p.proto = "mobility"
	if len(b) < 2 {
		p.printTrunc()
		return
	}
	mhlen := (int(b[1]) + 1) << 3
	typ := p.u8(b, 2)
	if int(typ) < len(mobilityMinLen) && mhlen < mobilityMinLen[typ] {
		p.printf("(header length %d is too small for type %d)", mhlen, typ)
		p.printTrunc()
		return
	}
	p.printf("mobility: %s", strName(mobilityTypes, int(typ), "type-#"+itoa(int(typ))))
	hlen := 8
	side := cond(typ == 1 || typ == 3, "Home", "Care-of")
	switch typ {
	case 0:
	case 1, 2:
		if p.o.Verbose > 0 {
			p.printf(" %s Init Cookie=%08x:%08x", side, p.u32(b, 8), p.u32(b, 12))
		}
		hlen = 16
	case 3, 4:
		p.printf(" nonce id=0x%x", p.u16(b, 6))
		if p.o.Verbose > 0 {
			p.printf(" %s Init Cookie=%08x:%08x", side, p.u32(b, 8), p.u32(b, 12))
			p.printf(" %s Keygen Token=%08x:%08x", side, p.u32(b, 16), p.u32(b, 20))
		}
		hlen = 24
	case 5:
		p.printf(" seq#=%d", p.u16(b, 6))
		if len(b) < 10 {
			p.printTrunc()
			return
		}
		if bits := b[8] >> 4; bits != 0 {
			p.puts(" " + cond(bits&8 != 0, "A", "") + cond(bits&4 != 0, "H", "") + cond(bits&2 != 0, "L", "") +
				cond(bits&1 != 0, "K", ""))
		}
		p.printf(" lifetime=%d", uint32(p.u16(b, 10))<<2)
		hlen = 12
	case 6:
		p.printf(" status=%d", p.u8(b, 6))
		if p.u8(b, 7)&0x80 != 0 {
			p.puts(" K")
		}
		p.printf(" seq#=%d", p.u16(b, 8))
		p.printf(" lifetime=%d", uint32(p.u16(b, 10))<<2)
		hlen = 12
	case 7:
		p.printf(" status=%d", p.u8(b, 6))
		p.printf(" homeaddr %s", p.names.ip6(p.bytes(b, 8, 16)))
		hlen = 24
	default:
		p.printf(" len=%d", b[1])
		return
	}
	if p.o.Verbose > 0 && !p.mobilityOpts(b, hlen, mhlen-hlen) {
		p.printTrunc()
	}
}

// mobilityOpts is mobility_opt_print over n bytes from off; like tcpdump
// it insists on one captured byte after each option.
func (p *Printer) mobilityOpts(b []byte, off, n int) bool {
	for i, ol := 0, 0; i < n; i += ol {
		t := p.u8(b, off+i)
		ol = 1
		if t != 0 {
			if i+1 >= n {
				return false
			}
			ol = int(p.u8(b, off+i+1)) + 2
		}
		if i+ol > n || off+i+ol >= len(b) {
			return false
		}
		rest := n - i
		switch t {
		case 0:
			p.puts("(pad1)")
		case 1:
			if rest < 2 {
				p.puts("(padn: trunc)")
				return false
			}
			p.puts("(padn)")
		case 2:
			if rest < 4 {
				p.puts("(refresh: trunc)")
				return false
			}
			p.printf("(refresh: %d)", uint32(p.u16(b, off+i+2))<<2)
		case 3:
			if rest < 18 {
				p.puts("(altcoa: trunc)")
				return false
			}
			p.printf("(alt-CoA: %s)", p.names.ip6(p.bytes(b, off+i+2, 16)))
		case 4:
			if rest < 6 {
				p.puts("(ni: trunc)")
				return false
			}
			p.printf("(ni: ho=0x%04x co=0x%04x)", p.u16(b, off+i+2), p.u16(b, off+i+4))
		case 5:
			if rest < 12 {
				p.puts("(auth: trunc)")
				return false
			}
			p.puts("(auth)")
		default:
			if rest < 2 {
				p.printf("(sopt_type %d: trunc)", t)
				return false
			}
			p.printf("(type-0x%02x: len=%d)", t, p.u8(b, off+i+1))
		}
	}
	return true
}

// tcpOptSCPS prints the SCPS capabilities option.
func (p *Printer) tcpOptSCPS(o *tcpOpt) (int, bool) {
	if !p.check(o, 2) {
		return 0, false
	}
	p.printf(" cap %02x id %d", p.u8(o.b, o.cp), p.u8(o.b, o.cp+1))
	return 2, true
}

// tcpOptAO prints the TCP authentication option (RFC 5925).
func (p *Printer) tcpOptAO(o *tcpOpt) (int, bool) {
	dl := o.ln - 2
	if dl < 2 {
		p.invalid()
		return dl, true
	}
	for i, f := range []string{" keyid %d", " rnextkeyid %d"} {
		if !p.check(o, i+1) {
			return 0, false
		}
		p.printf(f, p.u8(o.b, o.cp+i))
	}
	if dl > 2 {
		p.puts(" mac 0x")
	}
	for i := 2; i < dl; i++ {
		if !p.check(o, i+1) {
			return 0, false
		}
		p.printf("%02x", p.u8(o.b, o.cp+i))
	}
	return dl, true
}
