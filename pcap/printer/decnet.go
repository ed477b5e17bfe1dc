package printer

// DECnet Phase IV (print-decnet.c): the routing layer (data and control
// messages) and the NSP header of data messages.

var decnetReasons = []tokRange{{0, []string{"object rejected connect", "insufficient resources",
	"unrecognized node name", "node is shutting down", "unrecognized object", "invalid object name format",
	"object too busy", "protocol error discovered", "third party abort", "user abort", "invalid node name format",
	"local node shutting down"}}, {32, []string{"insufficient local resources", "insufficient remote user resources",
	"invalid access control information", "", "bad ACCOUNT information", "", "no response from object",
	"node unreachable", "", "no link terminate", "disconnect complete", "bad image data in connect"}},
	{54, []string{"cryptographic service mismatch"}}}

// le16 reads a little-endian field, unwinding when it was not captured.
func (p *Printer) le16(b []byte, off int) uint16 {
	v := p.u16(b, off)
	return v>>8 | v<<8
}

// dnAddr is dnnum_string: area.node.
func dnAddr(a uint16) string { return itoa(int(a>>10)) + "." + itoa(int(a&0x3ff)) }

// defaultPrintN is ND_DEFAULTPRINT(b, n) itself (callers test -q/-x/-X
// when tcpdump does): the captured part of n bytes in hex and ASCII, then
// hex_and_ascii_print's truncation unwind when n runs past the capture.
func (p *Printer) defaultPrintN(b []byte, n int) {
	p.hexASCII("\n\t", clip(b, n))
	if n > len(b) {
		p.trunc()
	}
}

// decnet is decnet_print.
func (p *Printer) decnet(b []byte, length int) {
	p.enter("decnet")
	caplen := len(b)
	if length < 6 {
		p.printf(" (length %d < 6)", length)
		p.invalid()
		return
	}
	pktlen := int(p.le16(b, 0))
	switch {
	case pktlen < 6:
		p.printf(" (pktlen %d < 6)", pktlen)
		p.invalid()
		return
	case pktlen > length:
		p.printf(" (pktlen %d > %d)", pktlen, length)
		p.invalid()
		return
	}
	length = pktlen
	ap := 0
	mflags := p.u8(b, 2)
	if mflags&0x80 != 0 {
		pad := int(mflags & 0x7f)
		if p.o.Verbose > 0 {
			p.printf("[pad:%d] ", pad)
		}
		if length < pad+2 {
			p.printf(" (length %d < %d)", length, pad+2)
			p.invalid()
			return
		}
		p.needHard(b[2:], pad)
		ap, length, caplen = pad, length-pad, caplen-pad
		mflags = p.u8(b, ap+2)
	}
	if mflags&0x40 != 0 {
		p.puts("future-version-decnet")
		p.defaultPrintN(b[ap:], min(length, caplen))
		return
	}
	rh := b[ap+2:]
	if mflags&1 != 0 {
		if !p.decnetCtl(rh, mflags, length, caplen) {
			p.invalid()
		}
		return
	}
	var dst, src uint16
	var hops uint8
	var nsp []byte
	var nsplen int
	switch mflags & 7 {
	case 6:
		if length < 21 {
			p.printf(" (length %d < 21)", length)
			p.invalid()
			return
		}
		p.needHard(rh, 21)
		dst, src, hops = p.le16(rh, 7), p.le16(rh, 15), rh[18]
		nsp, nsplen = rh[21:], length-21
	case 2:
		dst, src = p.le16(rh, 1), p.le16(rh, 3)
		hops = p.u8(rh, 5)&0x3f + 1
		nsp, nsplen = from(rh, 6), length-6
	default:
		p.puts("unknown message flags under mask")
		p.defaultPrintN(b[ap:], min(length, caplen))
		return
	}
	p.printf("%s > %s %d ", dnAddr(src), dnAddr(dst), pktlen)
	if p.o.Verbose > 0 {
		for _, f := range []struct {
			bit  uint8
			name string
		}{{0x08, "RQR "}, {0x10, "RTS "}, {0x20, "IE "}} {
			if mflags&f.bit != 0 {
				p.puts(f.name)
			}
		}
		p.printf("%d hops ", hops)
	}
	if !p.nsp(nsp, nsplen) {
		p.invalid()
	}
}

// decnetCtl is print_decnet_ctlmsg; false means invalid.
func (p *Printer) decnetCtl(c []byte, mflags uint8, length, caplen int) bool {
	switch mflags & 0x0f {
	case 1:
		p.puts("init ")
		if length < 12 {
			return false
		}
		p.needHard(c, 12)
		p.tInfo(c[3])
		p.printf("src %sblksize %d vers %d eco %d ueco %d hello %d", dnAddr(p.le16(c, 1)), p.le16(c, 4), c[6], c[7], c[8], p.le16(c, 9))
	case 3, 5:
		p.puts(cond(mflags&0x0f == 3, "verification ", "test "))
		if length < 4 {
			return false
		}
		src := p.le16(c, 1)
		p.printf("src %s %s %o", dnAddr(src), cond(mflags&0x0f == 3, "fcnval", "data"), p.u8(c, 3))
	case 7, 9:
		l2 := mflags&0x0f == 9
		p.puts(cond(l2, "lev-2-routing ", "lev-1-routing "))
		if length < 4 {
			return false
		}
		p.needHard(c, 4)
		p.printf("src %s ", dnAddr(p.le16(c, 1)))
		p.decnetRoutes(c[4:], length-4, cond(l2, "areas", "ids"))
	case 11:
		p.puts("router-hello ")
		if length < 18 {
			return false
		}
		p.needHard(c, 18)
		p.iInfo(c[10])
		p.printf("vers %d eco %d ueco %d src %s blksize %d pri %d hello %d", c[1], c[2], c[3], dnAddr(p.le16(c, 8)),
			p.le16(c, 11), c[13], p.le16(c, 15))
	case 13:
		p.puts("endnode-hello ")
		if length < 32 {
			return false
		}
		vers, eco, ueco := p.u8(c, 1), p.u8(c, 2), p.u8(c, 3)
		src, info, blksize := p.le16(c, 8), p.u8(c, 10), p.le16(c, 11)
		dst, hello, data := p.le16(c, 26), p.le16(c, 28), p.u8(c, 31)
		p.iInfo(info)
		p.printf("vers %d eco %d ueco %d src %s blksize %d rtr %s hello %d data %o", vers, eco, ueco, dnAddr(src),
			blksize, dnAddr(dst), hello, data)
	default:
		p.puts("unknown control message")
		p.defaultPrintN(c, min(length, caplen))
	}
	return true
}

func (p *Printer) tInfo(info uint8) {
	p.puts([]string{"reserved-ntype? ", "l2rout ", "l1rout ", "endnode "}[info&3])
	if info&4 != 0 {
		p.puts("verif ")
	}
	if info&8 != 0 {
		p.puts("blo ")
	}
}

func (p *Printer) iInfo(info uint8) {
	p.puts([]string{"reserved-ntype? ", "l2rout ", "l1rout ", "endnode "}[info&3])
	for _, f := range []struct {
		bit  uint8
		name string
	}{{4, "verif "}, {0x20, "nomcast "}, {0x40, "blo "}} {
		if info&f.bit != 0 {
			p.puts(f.name)
		}
	}
}

// decnetRoutes is print_l1_routes / print_l2_routes.
func (p *Printer) decnetRoutes(r []byte, n int, what string) {
	for off := 0; n > 6; off, n = off+6, n-6 {
		p.needHard(from(r, off), 6)
		count := int(p.le16(r, off))
		if count > 1024 {
			return
		}
		id, info := int(p.le16(r, off+2)), p.le16(r, off+4)
		p.printf("{%s %d-%d cost %d hops %d} ", what, id, id+count, info&0x1ff, (info>>10)&0x1f)
	}
}

// nspAcks prints the optional ack words of an NSP message, each present
// when its top bit is set; other is the second one's name ("oack" or
// "ackdat") and nother its negative form. With seg it returns the word
// holding the segment number; check is the length test made before each
// further word is read (nil when there is none).
func (p *Printer) nspAcks(b []byte, other, nother string, seg bool, check func(int) bool) (uint16, bool) {
	ack := p.le16(b, 5)
	if ack&0x8000 == 0 {
		return ack, true
	}
	p.printf("%s %d ", cond(ack&0x9000 == 0x9000, "nak", "ack"), ack&0xfff)
	if check != nil && !check(9) {
		return 0, false
	}
	ack = p.le16(b, 7)
	if ack&0xa000 == 0 {
		return ack, true
	}
	p.printf("%s %d ", cond(ack&0xb000 == 0xb000, nother, other), ack&0xfff)
	if check != nil && !check(11) {
		return 0, false
	}
	if seg {
		ack = p.le16(b, 9)
	}
	return ack, true
}

// nsp is print_nsp; false means invalid.
func (p *Printer) nsp(b []byte, n int) bool {
	if n < 5 {
		p.printf(" (nsplen %d < 5)", n)
		return false
	}
	flags := p.u8(b, 0)
	dst, src := p.le16(b, 1), p.le16(b, 3)
	atLeast := func(k int) bool { return n >= k }
	switch flags & 0x0c {
	case 0:
		switch sub := flags & 0x70; sub {
		case 0x20, 0x00, 0x40, 0x60, 0x30:
			other, nother := "oack", "onak"
			if sub == 0x30 {
				p.puts("intr ")
				other, nother = "ackdat", "nakdat"
			} else {
				p.printf("data %d>%d ", src, dst)
			}
			if n < 7 {
				return false
			}
			ack, ok := p.nspAcks(b, other, nother, true, atLeast)
			if !ok {
				return false
			}
			p.printf("seg %d ", ack&0xfff)
		case 0x10:
			p.printf("link-service %d>%d ", src, dst)
			if n < 13 {
				return false
			}
			ack, _ := p.nspAcks(b, "ackdat", "nakdat", true, nil)
			p.printf("seg %d ", ack&0xfff)
			p.lsFlags(p.u8(b, 11), p.u8(b, 12))
		default:
			p.printf("reserved-subtype? %x %d > %d", flags, src, dst)
		}
	case 4:
		switch flags & 0x70 {
		case 0x00, 0x10:
			ils := flags&0x70 == 0x10
			p.printf("%s %d>%d ", cond(ils, "ils-ack", "data-ack"), src, dst)
			if n < 9 {
				return false
			}
			p.needHard(b, 9)
			p.nspAcks(b, cond(ils, "ackdat", "oack"), cond(ils, "nakdat", "onak"), false, nil)
		case 0x20:
			p.printf("conn-ack %d", dst)
		default:
			p.printf("reserved-acktype? %x %d > %d", flags, src, dst)
		}
	case 8:
		return p.nspCtl(b, n, flags, src, dst)
	default:
		p.printf("reserved-type? %x %d > %d", flags, src, dst)
	}
	return true
}

func (p *Printer) lsFlags(ls, fc uint8) {
	switch ls & 0x0c {
	case 0:
		p.printf("dat seg count %d ", fc)
		switch ls & 3 {
		case 1:
			p.puts("donotsend-data ")
		case 2:
			p.puts("send-data ")
		case 3:
			p.printf("reserved-fcmod? %x", ls)
		}
	case 4:
		p.printf("intr req count %d ", fc)
	default:
		p.printf("reserved-fcval-int? %x", ls)
	}
}

// nspCtl prints the NSP control messages (connect, disconnect).
func (p *Printer) nspCtl(b []byte, n int, flags uint8, src, dst uint16) bool {
	switch flags & 0x70 {
	case 0x10, 0x60, 0x20:
		cc := flags&0x70 == 0x20
		switch {
		case cc:
			p.puts("conn-confirm ")
		case flags&0x70 == 0x10:
			p.puts("conn-initiate ")
		default:
			p.puts("retrans-conn-initiate ")
		}
		p.printf("%d>%d ", src, dst)
		if n < 9 || (cc && n < 10) {
			return false
		}
		services, info, segsize := p.u8(b, 5), p.u8(b, 6), p.le16(b, 7)
		var optlen uint8
		if cc {
			optlen = p.u8(b, 9)
		}
		switch services & 0x0c {
		case 4:
			p.puts("seg ")
		case 8:
			p.puts("msg ")
		}
		p.puts([]string{"ver 3.2 ", "ver 3.1 ", "ver 4.0 ", "ver 4.1 "}[info&3])
		p.printf("segsize %d ", segsize)
		if optlen != 0 {
			p.printf("optlen %d ", optlen)
		}
	case 0x30:
		p.printf("disconn-initiate %d>%d ", src, dst)
		if n < 8 {
			return false
		}
		reason, optlen := p.le16(b, 5), p.u8(b, 7)
		p.decnetReason(reason)
		if optlen != 0 {
			p.printf("optlen %d ", optlen)
		}
	case 0x40:
		p.printf("disconn-confirm %d>%d ", src, dst)
		p.decnetReason(p.le16(b, 5))
	default:
		p.printf("reserved-ctltype? %x %d > %d", flags, src, dst)
	}
	return true
}

func (p *Printer) decnetReason(r uint16) {
	if s, ok := rangeName(decnetReasons, uint32(r)); ok {
		p.printf("%s ", s)
	} else {
		p.printf("reason-%d ", r)
	}
}
