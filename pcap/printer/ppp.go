package printer

// PPP as print-ppp.c prints it: the address/control and protocol fields,
// the control protocols (LCP, IPCP, IP6CP, CCP, BACP and the names of the
// others) with their options at -v, CHAP, PAP, MLPPP, HDLC-escaped
// frames, and the network protocols it carries.

// pppTypes is ppptype2str.
var pppTypes = []bitName{{0x0021, "IP"}, {0x0023, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"},
	{0x0029, "APPLE"}, {0x002b, "IPX"}, {0x002d, "VJC IP"}, {0x002f, "VJNC IP"}, {0x0031, "BRPDU"},
	{0x0033, "STII"}, {0x0035, "VINES"}, {0x0281, "MPLS"}, {0x0283, "MPLS"}, {0x00fd, "Compressed"},
	{0x003d, "MLPPP"}, {0x0057, "IP6"}, {0x0201, "HELLO"}, {0x0231, "LUXCOM"}, {0x0233, "SNS"},
	{0x8021, "IPCP"}, {0x8023, "OSICP"}, {0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"},
	{0x802b, "IPXCP"}, {0x8033, "STIICP"}, {0x8035, "VINESCP"}, {0x8057, "IP6CP"}, {0x8281, "MPLSCP"},
	{0xc021, "LCP"}, {0xc023, "PAP"}, {0xc025, "LQM"}, {0xc223, "CHAP"}, {0xc227, "EAP"}, {0xc027, "SPAP"},
	{0xc123, "Old-SPAP"}, {0xc02b, "BACP"}, {0xc02d, "BAP"}, {0xc03d, "MLPPP-CP"}, {0x80fd, "CCP"}}

var pppCodes = []string{"Vendor-Extension", "Conf-Request", "Conf-Ack", "Conf-Nack", "Conf-Reject",
	"Term-Request", "Term-Ack", "Code-Reject", "Prot-Reject", "Echo-Request", "Echo-Reply", "Disc-Req",
	"Ident", "Time-Rem", "Reset-Req", "Reset-Ack"}

var lcpOptions = []string{"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)",
	"PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)",
	"deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+",
	"Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N",
	"SDL-over-SONET/SDH", "PPP-Muxing"}

var ccpOptions = []bitName{{0, "OUI"}, {1, "Pred-1"}, {2, "Pred-2"}, {3, "Puddle"}, {16, "HP-PPC"},
	{17, "Stac-LZS"}, {18, "MPPC"}, {19, "Gand-FZA"}, {20, "V.42bis"}, {21, "BSD-Comp"}, {23, "LZS-DCP"},
	{24, "MVRCA"}, {25, "DEC"}, {26, "Deflate"}, {255, "Reserved"}}

var ipcpOptions = []bitName{{1, "IP-Addrs"}, {2, "IP-Comp"}, {3, "IP-Addr"}, {4, "Home-Addr"},
	{129, "Pri-DNS"}, {130, "Pri-NBNS"}, {131, "Sec-DNS"}, {132, "Sec-NBNS"}}

// ppp is ppp_print for a frame starting at b[off:] (the address and
// control fields, when present): b before off is kept because the
// control-protocol hex dumps of -vv start two bytes before the packet. It
// returns the PPP header length.
func (p *Printer) ppp(b []byte, off, length int) int {
	p.enter("ppp")
	olen := length
	if length < 2 {
		p.printTrunc()
		return 0
	}
	hdr := 0
	switch p.u16(b, off) {
	case 0x0003:
		if p.o.Ether {
			p.puts("In  ")
		}
		hdr = 2
	case 0x0103:
		if p.o.Ether {
			p.puts("Out ")
		}
		hdr = 2
	case 0xff03:
		hdr = 2
	}
	off += hdr
	length -= hdr
	if length < 2 {
		p.printTrunc()
		return 0
	}
	var proto int
	if c := p.u8(b, off); c%2 != 0 {
		proto, off, length, hdr = int(c), off+1, length-1, hdr+1
	} else {
		proto, off, length, hdr = int(p.u16(b, off)), off+2, length-2, hdr+2
	}
	if p.o.Ether {
		name, ok := tokName(pppTypes, uint32(proto))
		if !ok {
			p.printf("unknown (0x%04x), length %d", proto, olen)
			return hdr
		}
		p.printf("%s (0x%04x), length %d: ", name, proto, olen)
	}
	p.handlePPP(b, off, proto, length)
	return hdr
}

// handlePPP is handle_ppp: the payload of protocol proto at b[off:].
func (p *Printer) handlePPP(b []byte, off, proto, length int) {
	if proto&0xff00 == 0x7e00 {
		p.pppHDLC(b[off-1:], length)
		return
	}
	data := from(b, off)
	switch proto {
	case 0xc021, 0x8021, 0x8023, 0x8281, 0x8057, 0x80fd, 0xc02b:
		p.pppCtrl(b, off, proto, length)
	case 0x003d:
		if !p.o.Ether {
			p.puts("MLPPP, ")
		}
		if length < 2 || len(data) < 2 {
			p.puts("[|mlppp]")
			return
		}
		p.printf("seq 0x%03x, Flags [%s], length %d", p.u16(data, 0)&0x0fff,
			bitNames(uint32(data[0]&0xc0), []bitName{{0x80, "begin"}, {0x40, "end"}}), length)
	case 0xc223:
		p.chap(data, length)
	case 0xc023:
		p.pap(data, length)
	case 0xc02d:
		// handle_bap prints nothing
	case 0x0800, 0x002f, 0x0021:
		p.ip(data, length)
	case 0x86dd, 0x0057:
		p.ip6(data, length)
	case 0x8137, 0x002b:
		p.ipx(clip(data, length))
	case 0x0023:
		p.isoclns(data, length)
	case 0x0281, 0x0283:
		p.mpls(data, length)
	case 0x00fd:
		p.puts("compressed PPP data")
	default:
		p.printf("%s ", tokFmt(pppTypes, uint32(proto), "unknown PPP protocol (0x%04x)"))
		p.unknownData(data, 0, "\n\t", length)
	}
}

// pppHDLC is ppp_hdlc: it undoes the RFC 1662 octet escapes of what was
// captured and guesses the protocol field's form.
func (p *Printer) pppHDLC(b []byte, length int) {
	if len(b) == 0 || length == 0 {
		return
	}
	u := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 0x7d {
			if i+1 >= len(b) {
				break
			}
			i++
			c = b[i] ^ 0x20
		}
		u = append(u, c)
	}
	length = len(u)
	if length < 1 {
		p.printTrunc()
		return
	}
	switch u[0] {
	case 0x21:
		p.ip(u[1:], length-1)
		return
	case 0x57:
		p.ip6(u[1:], length-1)
		return
	}
	if length < 2 {
		p.printTrunc()
		return
	}
	proto, off := int(p.u16(u, 0)), 2
	if proto == 0xff03 {
		if length < 4 {
			p.printTrunc()
			return
		}
		proto, off = int(p.u16(u, 2)), 4
	}
	if proto&0xff00 == 0x7e00 {
		p.printf("(protocol 0x%04x invalid)", proto)
		return
	}
	p.handlePPP(u, off, proto, length-off)
}

// pppCtrl is handle_ctrl_proto: a control protocol packet at b[off:].
func (p *Printer) pppCtrl(b []byte, off, proto, length int) {
	typ := tokFmt(pppTypes, uint32(proto), "unknown ctrl-proto (0x%04x)")
	p.printf("%s, ", typ)
	pk := from(b, off)
	if length < 4 || len(pk) < 2 {
		p.printf("[|%s]", typ)
		return
	}
	code := int(pk[0])
	p.printf("%s (0x%02x), id %d, length %d", strName(pppCodes, code, "Unknown Opcode"), code, pk[1], length+2)
	if p.o.Verbose == 0 {
		return
	}
	n := int(p.u16(pk, 2))
	if n < 4 {
		p.printf("\n\tencoded length %d (< 4))", n)
		return
	}
	if n > length {
		p.printf("\n\tencoded length %d (> packet length %d))", n, length)
		return
	}
	length = n
	p.printf("\n\tencoded length %d (=Option(s) length %d)", n, n-4)
	if length == 4 {
		return
	}
	before := max(off-2, 0)
	if p.o.Verbose > 1 {
		p.unknownData(b, before, "\n\t", 6)
	}
	t := 4
	switch code {
	case 0:
		if length < 11 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", p.u32(pk, t))
		oui := p.u24(pk, t+4)
		p.printf(" Vendor: %s (%d)", ouiName(oui), oui)
	case 1, 2, 3, 4:
		p.pppOptions(pk, t, proto, n)
	case 8:
		if length < 6 {
			break
		}
		rp := p.u16(pk, t)
		p.printf("\n\t  Rejected %s Protocol (0x%04x)", tokOr(pppTypes, uint32(rp), "unknown"), rp)
		if n > 6 {
			p.puts("\n\t  Rejected Packet")
			p.unknownData(pk, t+2, "\n\t    ", n-2)
		}
	case 9, 10, 11:
		if length < 8 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", p.u32(pk, t))
		if n > 8 {
			p.puts("\n\t  -----trailing data-----")
			if len(pk) < t+4+n-8 {
				p.printf("[|%s]", typ)
				return
			}
			p.unknownData(pk, t+4, "\n\t  ", n-8)
		}
	case 12:
		if length < 8 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", p.u32(pk, t))
		if n > 8 {
			p.puts("\n\t  Message\n\t    ")
			for i := 0; i < n-4; i++ {
				if t+4+i >= len(pk) {
					p.printf("[|%s]", typ)
					return
				}
				p.fnPrintChar(pk[t+4+i])
			}
		}
	case 13:
		if length < 12 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", p.u32(pk, t))
		p.printf(", Seconds-Remaining %ds", p.u32(pk, t+4))
	case 5, 6, 7:
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, before, "\n\t  ", length+2)
		}
	}
}

// pppOptions walks the options of a Configure packet (n is the encoded
// length, which tcpdump also hands each option printer).
func (p *Printer) pppOptions(pk []byte, off, proto, n int) {
	var opt func(b []byte, off, n int) int
	switch proto {
	case 0xc021:
		opt = p.lcpOption
	case 0x8021:
		opt = p.ipcpOption
	case 0x8057:
		opt = p.ip6cpOption
	case 0x80fd:
		opt = p.ccpOption
	case 0xc02b:
		opt = p.bacpOption
	default:
		return
	}
	for tlen := n - 4; tlen != 0; {
		adv := opt(pk, off, n)
		if adv == 0 {
			return
		}
		if tlen < adv {
			p.printf(" [remaining options length %d < %d]", tlen, adv)
			p.invalid()
			return
		}
		tlen -= adv
		off += adv
	}
}

// pppOptHeader reads an option's type and length for the option printers:
// ok is false when they return 0 before printing anything.
func (p *Printer) pppOptHeader(b []byte, off, n int, name string) (opt, l int, ok bool) {
	if n < 2 {
		return 0, 0, false
	}
	if len(b)-off < 2 {
		p.printf("[|%s]", name)
		return 0, 0, false
	}
	opt, l = int(b[off]), int(b[off+1])
	return opt, l, n >= l
}

// pppOptTitle prints an option's title; it reports false, after the length
// complaint, when the length does not even cover the option's header.
func (p *Printer) pppOptTitle(name string, opt, l int) bool {
	p.printf("\n\t  %s Option (0x%02x), length %d", name, opt, l)
	if l < 2 {
		p.bogus(">= 2")
		return false
	}
	return true
}

// pppOptDump is the option printers' tail: the value in hex with -vv.
func (p *Printer) pppOptDump(b []byte, off, l int) int {
	if p.o.Verbose > 1 {
		p.unknownData(b, off+2, "\n\t    ", l-2)
	}
	return l
}

// bogus prints the option printers' length complaint.
func (p *Printer) bogus(format string, a ...any) {
	p.printf(" (length bogus, should be "+format+")", a...)
}

// lcpOption is print_lcp_config_options.
func (p *Printer) lcpOption(b []byte, off, n int) int {
	opt, l, ok := p.pppOptHeader(b, off, n, "lcp")
	if !ok {
		return 0
	}
	if opt >= len(lcpOptions) {
		p.printf("\n\tunknown LCP option 0x%02x", opt)
		if l < 2 {
			return 0
		}
		return l
	}
	if !p.pppOptTitle(lcpOptions[opt], opt, l) {
		return 0
	}
	switch opt {
	case 0:
		if l < 6 {
			p.bogus(">= 6")
			return l
		}
		oui := p.u24(b, off+2)
		p.printf(": Vendor: %s (%d)", ouiName(oui), oui)
	case 1, 17:
		if l != 4 {
			p.bogus("= 4")
			if opt == 1 {
				return l
			}
			return 0 // tcpdump's MRRU case returns 0 here
		}
		p.printf(": %d", p.u16(b, off+2))
	case 2:
		if l != 6 {
			p.bogus("= 6")
			return l
		}
		p.printf(": 0x%08x", p.u32(b, off+2))
	case 3:
		if l < 4 {
			p.bogus(">= 4")
			return l
		}
		ap := p.u16(b, off+2)
		p.printf(": %s", tokOr(pppTypes, uint32(ap), "Unknown Auth Proto (0x04x)"))
		switch ap {
		case 0xc223:
			p.printf(", %s", tokFmt([]bitName{{5, "MD5"}, {128, "MS-CHAPv1"}, {129, "MS-CHAPv2"}},
				uint32(p.u8(b, off+4)), "Unknown Auth Alg %d"))
		case 0xc023, 0xc227, 0xc027, 0xc123:
		default:
			p.unknownData(b, off, "\n\t", l)
		}
	case 4:
		if l < 4 {
			p.bogus(">= 4")
			return 0
		}
		p.puts(cond(p.u16(b, off+2) == 0xc025, ": LQR", ": unknown"))
	case 5:
		if l != 6 {
			p.bogus("= 6")
			return 0
		}
		p.printf(": 0x%08x", p.u32(b, off+2))
	case 7, 8:
	case 23:
		if l != 4 {
			p.bogus("= 4")
			return 0
		}
		p.printf(": 0x%04x", p.u16(b, off+2))
	case 13:
		if l < 3 {
			p.bogus(">= 3")
			return 0
		}
		c := p.u8(b, off+2)
		p.printf(": : Callback Operation %s (%d)", strName([]string{"UserAuth", "DialString", "LocalID", "E.164",
			"X.500", "", "CBCP"}, int(c), "Unknown"), c)
	case 19:
		if !p.lcpEndpoint(b, off, l) {
			return 0
		}
	default:
		if p.o.Verbose < 2 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
	}
	return p.pppOptDump(b, off, l)
}

// lcpEndpoint prints the Multilink Endpoint Discriminator; false means
// the option printer gives up (returns 0).
func (p *Printer) lcpEndpoint(b []byte, off, l int) bool {
	if l < 3 {
		p.bogus(">= 3")
		return false
	}
	switch c := p.u8(b, off+2); c {
	case 0:
		p.puts(": Null")
	case 1:
		p.puts(": Local")
	case 2:
		if l != 7 {
			p.bogus("= 7")
			return false
		}
		p.printf(": IPv4 %s", p.names.ip4(p.bytes(b, off+3, 4)))
	case 3:
		if l != 9 {
			p.bogus("= 9")
			return false
		}
		p.printf(": MAC %s", p.names.ether(p.bytes(b, off+3, 6)))
	case 4:
		p.puts(": Magic-Num-Block")
	case 5:
		p.puts(": PSNDN")
	default:
		p.printf(": Unknown class %d", c)
	}
	return true
}

// ipcpOption is print_ipcp_config_options.
func (p *Printer) ipcpOption(b []byte, off, n int) int {
	opt, l, ok := p.pppOptHeader(b, off, n, "ipcp")
	if !ok {
		return 0
	}
	name := tokOr(ipcpOptions, uint32(opt), "unknown")
	if !p.pppOptTitle(name, opt, l) {
		return 0
	}
	dump := off // the -vv dump starts where IP-Comp's suboption walk ends
	switch opt {
	case 1:
		if l != 10 {
			p.bogus("= 10")
			return l
		}
		p.printf(": src %s, dst %s", p.names.ip4(p.bytes(b, off+2, 4)), p.names.ip4(p.bytes(b, off+6, 4)))
	case 2:
		if l < 4 {
			p.bogus(">= 4")
			return 0
		}
		o, ok := p.ipcpComp(b, off, l)
		if !ok {
			return 0
		}
		dump = o
	case 3, 4, 129, 130, 131, 132:
		if l != 6 {
			p.bogus("= 6")
			return 0
		}
		p.printf(": %s", p.names.ip4(p.bytes(b, off+2, 4)))
	default:
		if p.o.Verbose < 2 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
	}
	if p.o.Verbose > 1 {
		p.unknownData(b, dump+2, "\n\t    ", l-2)
	}
	return l
}

// ipcpComp prints the IP-Compression-Protocol option; false means the
// option printer returns 0. It returns the offset it walked to (the
// suboptions move tcpdump's option pointer).
func (p *Printer) ipcpComp(b []byte, off, l int) (int, bool) {
	cp := p.u16(b, off+2)
	p.printf(": %s (0x%02x):", tokOr([]bitName{{0x002d, "VJ-Comp"}, {0x61, "IP Header Compression"}},
		uint32(cp), "Unknown"), cp)
	if cp != 0x61 {
		return off, true
	}
	if l < 14 {
		p.bogus(">= %d", 14)
		return off, false
	}
	if len(b) < off+2+14 {
		p.puts("[|ipcp]")
		return off, false
	}
	p.printf("\n\t    TCP Space %d, non-TCP Space %d, maxPeriod %d, maxTime %d, maxHdr %d",
		p.u16(b, off+4), p.u16(b, off+6), p.u16(b, off+8), p.u16(b, off+10), p.u16(b, off+12))
	if l <= 14 {
		return off, true
	}
	total := l - 14
	off += 14
	p.printf("\n\t      Suboptions, length %d", total)
	for total >= 2 {
		if len(b) < off+2 {
			p.puts("[|ipcp]")
			return off, false
		}
		so, sl := int(b[off]), int(b[off+1])
		if so == 0 || sl == 0 {
			break
		}
		p.printf("\n\t\t%s Suboption #%d, length %d", strName([]string{1: "RTP-Compression",
			2: "Enhanced RTP-Compression"}, so, "Unknown"), so, sl)
		if total < sl {
			p.printf(" [remaining suboptions length %d < %d]", total, sl)
			p.invalid()
			break
		}
		total -= sl
		off += sl
	}
	return off, true
}

// ip6cpOption is print_ip6cp_config_options.
func (p *Printer) ip6cpOption(b []byte, off, n int) int {
	opt, l, ok := p.pppOptHeader(b, off, n, "ip6cp")
	if !ok {
		return 0
	}
	name := strName([]string{1: "Interface-ID"}, opt, "unknown")
	if !p.pppOptTitle(name, opt, l) {
		return 0
	}
	switch opt {
	case 1:
		if l != 10 {
			p.bogus("= 10")
			return l
		}
		if len(b) < off+10 {
			p.puts("[|ip6cp]")
			return 0
		}
		p.printf(": %04x:%04x:%04x:%04x", p.u16(b, off+2), p.u16(b, off+4), p.u16(b, off+6), p.u16(b, off+8))
	default:
		if p.o.Verbose < 2 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
	}
	return p.pppOptDump(b, off, l)
}

// ccpOption is print_ccp_config_options.
func (p *Printer) ccpOption(b []byte, off, n int) int {
	opt, l, ok := p.pppOptHeader(b, off, n, "ccp")
	if !ok {
		return 0
	}
	name := tokOr(ccpOptions, uint32(opt), "Unknown")
	if !p.pppOptTitle(name, opt, l) {
		return 0
	}
	switch opt {
	case 21:
		if l < 3 {
			p.bogus(">= 3")
			return l
		}
		x := p.u8(b, off+2)
		p.printf(": Version: %d, Dictionary Bits: %d", x>>5, x&0x1f)
	case 24:
		if l < 4 {
			p.bogus(">= 4")
			return l
		}
		x := p.u8(b, off+2)
		p.printf(": Features: %d, PxP: %s, History: %d, #CTX-ID: %d", (x&0xc0)>>6,
			cond(x&0x20 != 0, "Enabled", "Disabled"), x&0x1f, p.u8(b, off+3))
	case 26:
		if l < 4 {
			p.bogus(">= 4")
			return l
		}
		x, y := p.u8(b, off+2), p.u8(b, off+3)
		p.printf(": Window: %dK, Method: %s (0x%x), MBZ: %d, CHK: %d", (x&0xf0)>>4,
			cond(x&0x0f == 8, "zlib", "unknown"), x&0x0f, (y&0xfc)>>2, y&0x03)
	default:
		if p.o.Verbose < 2 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
	}
	return p.pppOptDump(b, off, l)
}

// bacpOption is print_bacp_config_options.
func (p *Printer) bacpOption(b []byte, off, n int) int {
	opt, l, ok := p.pppOptHeader(b, off, n, "bacp")
	if !ok {
		return 0
	}
	name := strName([]string{1: "Favored-Peer"}, opt, "Unknown")
	if !p.pppOptTitle(name, opt, l) {
		return 0
	}
	switch opt {
	case 1:
		if l != 6 {
			p.bogus("= 6")
			return l
		}
		p.printf(": Magic-Num 0x%08x", p.u32(b, off+2))
	default:
		if p.o.Verbose < 2 {
			p.unknownData(b, off+2, "\n\t    ", l-2)
		}
	}
	return p.pppOptDump(b, off, l)
}

// wrapLen is C's unsigned subtraction: a negative length wraps to a huge
// one, so the printing loop runs into the end of the capture.
func wrapLen(n int) int {
	if n < 0 {
		return int(uint32(n))
	}
	return n
}

// chap is handle_chap.
func (p *Printer) chap(b []byte, length int) {
	if length < 1 {
		p.puts("[|chap]")
		return
	} else if length < 4 {
		p.printf("[|chap 0x%02x]", p.u8(b, 0))
		return
	}
	code := p.u8(b, 0)
	p.printf("CHAP, %s (0x%02x)", strName([]string{1: "Challenge", 2: "Response", 3: "Success", 4: "Fail"},
		int(code), "unknown"), code)
	p.printf(", id %d", p.u8(b, 1))
	n := int(p.u16(b, 2))
	off := 4
	switch code {
	case 1, 2:
		if length-off < 1 {
			return
		}
		vs := int(p.u8(b, off))
		off++
		if length-off < vs {
			return
		}
		p.puts(", Value ")
		for i := 0; i < vs; i++ {
			p.printf("%02x", p.u8(b, off))
			off++
		}
		p.puts(", Name ")
		p.printJN(b, off, wrapLen(n-off))
	case 3, 4:
		p.puts(", Msg ")
		p.printJN(b, off, wrapLen(n-off))
	}
}

// pap is handle_pap.
func (p *Printer) pap(b []byte, length int) {
	if length < 1 {
		p.puts("[|pap]")
		return
	} else if length < 4 {
		p.printf("[|pap 0x%02x]", p.u8(b, 0))
		return
	}
	code := p.u8(b, 0)
	p.printf("PAP, %s (0x%02x)", strName([]string{1: "Auth-Req", 2: "Auth-ACK", 3: "Auth-NACK"}, int(code),
		"unknown"), code)
	p.printf(", id %d", p.u8(b, 1))
	n := int(p.u16(b, 2))
	if n > length {
		p.printf(", length %d > packet size", n)
		return
	}
	length = n
	if length < 4 {
		p.printf(", length %d < PAP header length", length)
		return
	}
	off := 4
	field := func(label string) bool {
		if length-off < 1 {
			return false
		}
		l := int(p.u8(b, off))
		off++
		if length-off < l {
			return false
		}
		p.puts(label)
		p.printJN(b, off, l)
		off += l
		return true
	}
	switch code {
	case 1:
		if n < 6 {
			p.puts("[|pap]")
			return
		}
		if field(", Peer ") {
			field(", Name ")
		}
	case 2, 3:
		if n < 5 {
			p.puts("[|pap]")
			return
		}
		field(", Msg ")
	}
}

// pppIf is ppp_if_print (DLT_PPP, DLT_PPP_PPPD): the hex dumps skip a
// fixed 4-byte header.
func (p *Printer) pppIf(b []byte, length int) {
	p.enter("ppp")
	if len(b) < 4 {
		p.printTrunc()
		p.llHdrLen = len(b)
		return
	}
	p.llHdrLen = 4
	p.ppp(b, 0, length)
}

// pppHDLCIf is ppp_hdlc_if_print (DLT_PPP_SERIAL): RFC 1662 framing, or
// Cisco HDLC.
func (p *Printer) pppHDLCIf(b []byte, length int) {
	p.enter("ppp_hdlc")
	if len(b) < 2 {
		p.printTrunc()
		p.llHdrLen = len(b)
		return
	}
	if b[0] == 0x0f || b[0] == 0x8f {
		p.llHdrLen = p.chdlc(b, length)
		return
	}
	if len(b) < 4 {
		p.printTrunc()
		p.llHdrLen = len(b)
		return
	}
	if p.o.Ether {
		p.printf("%02x %02x %d ", b[0], b[1], length)
	}
	if b[0] != 0xff {
		p.printf("unknown addr %02x; ctrl %02x", b[2], b[3])
		p.llHdrLen = 2
		return
	}
	proto := int(p.u16(b, 2))
	p.printf("%s: ", tokFmt(pppTypes, uint32(proto), "unknown PPP protocol (0x%04x)"))
	p.llHdrLen = 4
	p.handlePPP(b, 4, proto, length-4)
}
