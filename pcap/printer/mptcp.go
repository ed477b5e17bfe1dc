package printer

var mptcpSubtypes = []string{"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown"}

var mptcpAddrEcho = map[uint8]string{6: "v0-ip6", 4: "v0-ip4", 1: "v1-echo", 0: "v1"}

// mptcp is mptcp_print for TCP option 30; o is the whole option (kind and
// length included). false makes tcp_print report "[bad opt]".
func (p *Printer) mptcp(o []byte, flags uint8) bool {
	p.proto = "mptcp" // tcpdump leaves ndo_protocol set after the option
	n := len(o)
	if n < 3 {
		return false
	}
	sub := min(int(o[2]>>4), 8)
	p.printf(" %d %s", n, mptcpSubtypes[sub])
	switch sub {
	case 0:
		return p.mpCapable(o, flags)
	case 1:
		return p.mpJoin(o, flags)
	case 2:
		return p.mpDSS(o, flags)
	case 3:
		return p.mpAddAddr(o)
	case 4:
		if n < 4 {
			return false
		}
		p.puts(" id")
		for _, id := range o[3:] {
			p.printf(" %d", id)
		}
	case 5:
		if n != 3 && n != 4 {
			return false
		}
		p.puts(cond(o[2]&1 != 0, " backup", " non-backup"))
		if n == 4 {
			p.printf(" id %d", o[3])
		}
	case 6, 7:
		if n != 12 {
			return false
		}
		p.printf(cond(sub == 6, " seq %d", " key 0x%x"), p.u64(o, 4))
	}
	return true
}

func (p *Printer) u64(b []byte, off int) uint64 {
	return uint64(p.u32(b, off))<<32 | uint64(p.u32(b, off+4))
}

func (p *Printer) mpCapable(o []byte, flags uint8) bool {
	n := len(o)
	if !((n == 12 || n == 4) && flags&0x02 != 0) && !((n == 20 || n == 22) && flags&0x12 == 0x10) {
		return false
	}
	v := p.u8(o, 2) & 0xf
	if v > 1 {
		p.printf(" Unknown Version (%d)", v)
		return true
	}
	p.printf(" v%d", v)
	if p.u8(o, 3)&0x80 != 0 {
		p.puts(" csum")
	}
	if n == 12 || n >= 20 {
		p.printf(" {0x%x", p.u64(o, 4))
		if n >= 20 {
			p.printf(",0x%x", p.u64(o, 12))
		}
		p.puts("}")
	}
	return true
}

func (p *Printer) mpJoin(o []byte, flags uint8) bool {
	n := len(o)
	if !(n == 12 && flags&0x02 != 0) && !(n == 16 && flags&0x12 == 0x12) && !(n == 24 && flags&0x10 != 0) {
		return false
	}
	if n != 24 {
		if p.u8(o, 2)&1 != 0 {
			p.puts(" backup")
		}
		p.printf(" id %d", p.u8(o, 3))
	}
	switch n {
	case 12:
		p.printf(" token 0x%x nonce 0x%x", p.u32(o, 4), p.u32(o, 8))
	case 16:
		p.printf(" hmac 0x%x nonce 0x%x", p.u64(o, 4), p.u32(o, 12))
	case 24:
		p.puts(" hmac 0x")
		for _, c := range p.bytes(o, 4, 20) {
			p.printf("%02x", c)
		}
	}
	return true
}

func (p *Printer) mpDSS(o []byte, flags uint8) bool {
	if len(o) < 4 || flags&0x02 != 0 {
		return false
	}
	fl := p.u8(o, 3)
	if fl&0x10 != 0 {
		p.puts(" fin")
	}
	off, rest := 4, len(o)-4
	num := func(wide bool) bool {
		if wide {
			if rest < 8 {
				return false
			}
			p.printf("%d", p.u64(o, off))
			off, rest = off+8, rest-8
			return true
		}
		if rest < 4 {
			return false
		}
		p.printf("%d", p.u32(o, off))
		off, rest = off+4, rest-4
		return true
	}
	if fl&0x01 != 0 {
		p.puts(" ack ")
		if !num(fl&0x02 != 0) {
			return false
		}
	}
	if fl&0x04 != 0 {
		p.puts(" seq ")
		if !num(fl&0x08 != 0) || rest < 4 {
			return false
		}
		p.printf(" subseq %d", p.u32(o, off))
		off, rest = off+4, rest-4
		if rest < 2 {
			return false
		}
		p.printf(" len %d", p.u16(o, off))
		off, rest = off+2, rest-2
		if rest >= 2 {
			p.printf(" csum 0x%x", p.u16(o, off))
			rest -= 2
		}
	}
	return rest == 0
}

func (p *Printer) mpAddAddr(o []byte) bool {
	n := len(o)
	switch n {
	case 8, 10, 16, 18, 20, 22, 28, 30:
	default:
		return false
	}
	name, ok := mptcpAddrEcho[p.u8(o, 2)&0xf]
	if !ok {
		name = "[bad version/echo]"
	}
	p.printf(" %s id %d", name, p.u8(o, 3))
	// The address is IPv4 (options of 8 bytes + port/HMAC) or IPv6 (20
	// bytes + port/HMAC); a port adds 2 bytes, a truncated HMAC 8.
	addrLen, addr := 4, p.names.ip4
	if n > 18 {
		addrLen, addr = 16, p.names.ip6
	}
	end := 4 + addrLen
	p.printf(" %s", addr(p.bytes(o, 4, addrLen)))
	if n == end+2 || n == end+10 {
		p.printf(":%d", p.u16(o, end))
	}
	if n == end+8 {
		p.printf(" hmac 0x%x", p.u64(o, end))
	}
	if n == end+10 {
		p.printf(" hmac 0x%x", p.u64(o, end+2))
	}
	return true
}
