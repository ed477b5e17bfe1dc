package printer

import (
	"encoding/binary"
	"strings"
	"sync"
)

// tcpKey identifies a connection in tcpdump's tcp_seq_hash: addresses and
// ports ordered so both directions share one entry.
type tcpKey struct {
	v6       bool
	src, dst [16]byte
	ports    uint32
}

// tcpSeq holds the initial sequence numbers tcpdump subtracts to print
// relative numbers.
type tcpSeq struct{ seq, ack uint32 }

var tcpFlagNames = []struct {
	bit  uint8
	name string
}{{0x01, "F"}, {0x02, "S"}, {0x04, "R"}, {0x08, "P"}, {0x10, "."}, {0x20, "U"}, {0x40, "E"}, {0x80, "W"}}

func tcpFlags(f uint8) string {
	var s strings.Builder
	for _, n := range tcpFlagNames {
		if f&n.bit != 0 {
			s.WriteString(n.name)
		}
	}
	if s.Len() == 0 {
		return "none"
	}
	return s.String()
}

var tcpOptNames = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		0: "eol", 1: "nop", 2: "mss", 3: "wscale", 4: "sackOK", 5: "sack", 6: "echo", 7: "echoreply",
		8: "TS", 11: "cc", 12: "ccnew", 13: "", 19: "md5", 20: "scps", 28: "uto", 29: "tcp-ao",
		30: "mptcp", 34: "tfo", 254: "exp",
	}
})

// tcp is tcp_print.
func (p *Printer) tcp(b []byte, length int, h *ipHdr) {
	p.enter("tcp")
	defer p.catchSoft()
	if len(b) < 4 {
		p.printf("%s:", p.srcDst(h))
		p.printTrunc()
		return
	}
	sport, dport := p.u16(b, 0), p.u16(b, 2)
	if h.firstNH == 6 {
		p.printf("%s.%s > %s.%s: ", p.addr(h, h.src), p.names.tcpPort(sport), p.addr(h, h.dst), p.names.tcpPort(dport))
	} else {
		p.printf("%s > %s: ", p.names.tcpPort(sport), p.names.tcpPort(dport))
	}
	p.need(b, 20)
	hlen := int(b[12]>>4) * 4
	if hlen < 20 {
		p.printf(" tcp %d [bad hdr length %d - too short, < 20]", uint32(length-hlen), hlen)
		return
	}
	seq, ack := p.u32(b, 4), p.u32(b, 8)
	win, urp := p.u16(b, 14), p.u16(b, 18)
	if p.o.Quick {
		p.printf("tcp %d", uint32(length-hlen)) // u_int arithmetic, as in tcp_print
		if hlen > length {
			p.printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		}
		return
	}
	flags := b[13]
	p.printf("Flags [%s]", tcpFlags(flags))
	var thseq, thack uint32
	rev := false
	if !p.o.AbsoluteSeq && flags&0x10 != 0 {
		seq, ack, thseq, thack, rev = p.relativeSeq(h, sport, dport, seq, ack, flags)
	}
	if hlen > length {
		p.printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		return
	}
	if p.o.Verbose > 0 && !h.fragment && len(b) >= length {
		sum := checksum(pseudoSum(h, 6, length), b[:length])
		stored := p.u16(b, 16)
		p.printf(", cksum 0x%04x", stored)
		if sum != 0 {
			p.printf(" (incorrect -> 0x%04x)", cksumShouldBe(stored, sum))
		} else {
			p.puts(" (correct)")
		}
	}
	length -= hlen
	if p.o.Verbose > 1 || length > 0 || flags&0x07 != 0 {
		p.printf(", seq %d", seq)
		if length > 0 {
			p.printf(":%d", seq+uint32(length))
		}
	}
	if flags&0x10 != 0 {
		p.printf(", ack %d", ack)
	}
	p.printf(", win %d", win)
	if flags&0x20 != 0 {
		p.printf(", urg %d", urp)
	}
	p.tcpSnapOK = len(b) >= hlen+length
	if hlen > 20 && !p.tcpOptions(b, hlen, rev, thseq, thack, flags) {
		return
	}
	p.printf(", length %d", length)
	if length == 0 {
		return
	}
	if len(b) < hlen {
		p.printf(" [remaining caplen(%d) < header length(%d)]", len(b), hlen)
		p.trunc()
	}
	p.tcpPayload(b[hlen:], length, sport, dport, flags)
}

// relativeSeq keeps tcpdump's per-connection state: the first segment
// seen (or any SYN) records the initial numbers and prints them as they
// are; later segments print the difference.
func (p *Printer) relativeSeq(h *ipHdr, sport, dport uint16, seq, ack uint32, flags uint8) (uint32, uint32, uint32, uint32, bool) {
	rev := sport > dport
	if sport == dport && string(h.src) > string(h.dst) {
		rev = true
	}
	k := tcpKey{v6: h.v6}
	if rev {
		copy(k.src[:], h.dst)
		copy(k.dst[:], h.src)
		k.ports = uint32(dport)<<16 | uint32(sport)
	} else {
		copy(k.src[:], h.src)
		copy(k.dst[:], h.dst)
		k.ports = uint32(sport)<<16 | uint32(dport)
	}
	th, ok := p.conns[k]
	if !ok || flags&0x02 != 0 {
		th = &tcpSeq{}
		p.conns[k] = th
		if rev {
			th.ack, th.seq = seq, ack-1
		} else {
			th.seq, th.ack = seq, ack-1
		}
	} else if rev {
		seq -= th.ack
		ack -= th.seq
	} else {
		seq -= th.seq
		ack -= th.ack
	}
	return seq, ack, th.seq, th.ack, rev
}

// tcpOptions prints ", options [...]"; false means the line ended early
// (bad option or truncation), as in tcp_print's bad/trunc exits.
func (p *Printer) tcpOptions(b []byte, hlen int, rev bool, thseq, thack uint32, flags uint8) (ok bool) {
	left := hlen - 20
	cp := 20
	sep := false
	p.puts(", options [")
	defer func() {
		if r := recover(); r != nil {
			if t, isTrunc := r.(truncated); !isTrunc || !t.soft {
				panic(r)
			}
			p.printTrunc()
			if sep {
				p.puts(">")
			}
			ok = false
		}
	}()
	bad := func() bool {
		p.puts("[bad opt]")
		if sep {
			p.puts("]")
		}
		return false
	}
	for left > 0 {
		if sep {
			p.puts(",")
		}
		opt := p.u8(b, cp)
		cp++
		ln := 1
		if opt != 0 && opt != 1 {
			ln = int(p.u8(b, cp))
			cp++
			if ln < 2 || ln > left {
				return bad()
			}
			left--
		}
		left--
		if name, ok := tcpOptNames()[opt]; ok {
			p.puts(name)
		} else {
			p.printf("unknown-%d", opt)
		}
		datalen, okOpt := p.tcpOption(&tcpOpt{b: b, cp: cp, ln: ln, left: left, rev: rev, thseq: thseq, thack: thack, flags: flags}, opt)
		if !okOpt {
			return bad()
		}
		cp += datalen
		left -= datalen
		datalen++
		if opt != 0 && opt != 1 {
			datalen++
		}
		if datalen != ln {
			p.printf("[len %d]", ln)
		}
		sep = true
		if opt == 0 {
			break
		}
	}
	p.puts("]")
	return true
}

// tcpOpt is one TCP option being printed: its data starts at cp in b, ln
// is the option's length field and left the header bytes remaining.
type tcpOpt struct {
	b            []byte
	cp, ln, left int
	rev          bool
	thseq, thack uint32
	flags        uint8
}

// check is tcp_print's LENCHECK: false when the option overruns the
// header; a truncation unwind when the bytes were not captured.
func (p *Printer) check(o *tcpOpt, l int) bool {
	if l > o.left {
		return false
	}
	p.need(from(o.b, o.cp), l)
	return true
}

// tcpOption prints one option's value and returns its data length; false
// means "[bad opt]".
func (p *Printer) tcpOption(o *tcpOpt, opt uint8) (int, bool) {
	switch opt {
	case 0, 1, 4:
		return 0, true
	case 2, 3, 11, 12, 13, 6, 7, 8:
		return p.tcpOptNumber(o, opt)
	case 5:
		return p.tcpOptSack(o)
	case 28:
		return p.tcpOptUTO(o)
	case 34, 254:
		return p.tcpOptFastOpen(o, opt)
	case 30:
		if !p.check(o, o.ln-2) {
			return 0, false
		}
		return o.ln - 2, p.mptcp(o.b[o.cp-2:o.cp+o.ln-2], o.flags)
	case 19:
		return p.tcpOptMD5(o)
	case 20:
		return p.tcpOptSCPS(o)
	case 29:
		return p.tcpOptAO(o)
	}
	return p.tcpOptHex(o)
}

// tcpOptNumber prints mss, wscale, the 32-bit echo/cc options and TS.
func (p *Printer) tcpOptNumber(o *tcpOpt, opt uint8) (int, bool) {
	size := map[uint8]int{2: 2, 3: 1, 8: 8}[opt]
	if size == 0 {
		size = 4
	}
	if !p.check(o, size) {
		return 0, false
	}
	switch size {
	case 1:
		p.printf(" %d", p.u8(o.b, o.cp))
	case 2:
		p.printf(" %d", p.u16(o.b, o.cp))
	case 4:
		p.printf(" %d", p.u32(o.b, o.cp))
	case 8:
		p.printf(" val %d ecr %d", p.u32(o.b, o.cp), p.u32(o.b, o.cp+4))
	}
	return size, true
}

// tcpOptSack prints SACK blocks relative to the connection's initial
// sequence numbers (absolute with -S).
func (p *Printer) tcpOptSack(o *tcpOpt) (int, bool) {
	dl := o.ln - 2
	if dl%8 != 0 {
		p.puts(" invalid sack")
		return dl, true
	}
	p.printf(" %d ", dl/8)
	base := o.thack
	if o.rev {
		base = o.thseq
	}
	for i := 0; i < dl; i += 8 {
		if !p.check(o, i+8) {
			return 0, false
		}
		p.printf("{%d:%d}", p.u32(o.b, o.cp+i)-base, p.u32(o.b, o.cp+i+4)-base)
	}
	return dl, true
}

// tcpOptUTO prints the user timeout (RFC 5482) raw and in seconds.
func (p *Printer) tcpOptUTO(o *tcpOpt) (int, bool) {
	if !p.check(o, 2) {
		return 0, false
	}
	v := p.u16(o.b, o.cp)
	p.printf(" 0x%x", v)
	if v&1 != 0 {
		v = (v >> 1) * 60
	} else {
		v >>= 1
	}
	p.printf(" %d", v)
	return 2, true
}

// tcpOptFastOpen prints TFO (34) and the experimental option (254) that
// carries TFO under magic 0xf989.
func (p *Printer) tcpOptFastOpen(o *tcpOpt, opt uint8) (int, bool) {
	dl := o.ln - 2
	if opt == 34 {
		if !p.check(o, dl) {
			return 0, false
		}
		p.puts(" ")
		p.fastOpen(o.b[o.cp:o.cp+dl], false)
		return dl, true
	}
	if !p.check(o, dl) || dl < 2 {
		return 0, false
	}
	p.puts("-")
	if magic := p.u16(o.b, o.cp); magic == 0xf989 {
		p.fastOpen(o.b[o.cp+2:o.cp+dl], true)
	} else {
		p.printf("%04x", magic)
	}
	return dl, true
}

// tcpOptMD5 is the RFC 2385 signature as tcpdump (built with libcrypto,
// run without -M) prints it: it cannot verify, so it dumps the digest.
func (p *Printer) tcpOptMD5(o *tcpOpt) (int, bool) {
	if !p.check(o, 16) {
		return 0, false
	}
	p.puts(" ")
	p.puts(cond(p.tcpSnapOK, "shared secret not supplied with -M, ", "snaplen too short, "))
	p.puts("can't check - ")
	for _, c := range o.b[o.cp : o.cp+16] {
		p.printf("%02x", c)
	}
	return 16, true
}

// tcpOptHex prints an unknown option's data as hex.
func (p *Printer) tcpOptHex(o *tcpOpt) (int, bool) {
	dl := o.ln - 2
	if dl > 0 {
		p.puts(" 0x")
	}
	for i := 0; i < dl; i++ {
		if !p.check(o, i+1) {
			return 0, false
		}
		p.printf("%02x", p.u8(o.b, o.cp+i))
	}
	return dl, true
}

func (p *Printer) fastOpen(b []byte, exp bool) {
	if exp {
		p.puts("tfo")
	}
	switch {
	case len(b) == 0:
		p.puts(" cookiereq")
	case len(b)%2 != 0 || len(b) < 4 || len(b) > 16:
		p.invalid()
	default:
		p.puts(" cookie ")
		for _, c := range b {
			p.printf("%02x", c)
		}
	}
}

// tcpPorts is tcp_print's payload dispatch order (tcpdump 4.99.3 built
// without SMB). Names this package decodes are handled in tcpPayload; the
// rest are flagged unsupported.
var tcpPorts = []udpPort{
	{"telnet", either(23)}, {"smtp", either(25)}, {"whois", either(43)}, {"bgp", either(179)},
	{"pptp", either(1723)}, {"resp", either(6379)}, {"ssh", either(22)}, {"beep", either(10288)},
	{"openflow", either(6633, 6653)}, {"ftp", either(21)}, {"http", either(80, 8080)},
	{"rtsp", either(554, 8554)}, {"domain", either(53)}, {"msdp", either(639)},
	{"rpki-rtr", either(323)}, {"ldp", either(646)},
}

// tcpPayload is the port dispatch at the end of tcp_print.
func (p *Printer) tcpPayload(b []byte, length int, sport, dport uint16, flags uint8) {
	if flags&0x04 != 0 && p.o.Verbose > 0 {
		p.rstData(b, length)
		return
	}
	for _, e := range tcpPorts {
		if !e.match(sport, dport) {
			continue
		}
		switch e.name {
		case "ssh":
			p.ssh(b, length)
		case "http":
			p.puts(": ")
			p.txtProto(b, length, "http", httpCmds)
		case "domain":
			p.dns(b, length, true, false)
		case "smtp", "ftp", "whois":
			p.puts(": ")
			p.txtProto(b, length, e.name, nil)
		case "rtsp":
			p.puts(": ")
			p.txtProto(b, length, "rtsp", rtspCmds)
		case "resp":
			p.resp(b, length)
		case "bgp":
			p.bgp(b)
		case "ldp":
			p.ldp(b, length)
		default:
			p.unsupport(e.name)
		}
		return
	}
	if (sport == 2049 || dport == 2049) && length >= 4 && len(b) >= 12 {
		dir := binary.BigEndian.Uint32(b[8:])
		if (dport == 2049 && dir == 0) || (sport == 2049 && dir == 1) {
			p.unsupport("nfs")
		}
	}
}

// rstData is print_tcp_rst_data (-v on RST segments with data).
func (p *Printer) rstData(b []byte, length int) {
	if len(b) >= length {
		p.puts(" [RST")
	} else {
		p.puts(" [!RST")
	}
	if length > 30 {
		length = 30
		p.puts("+")
	}
	p.puts(" ")
	for i := 0; i < length && i < len(b); i++ {
		p.fnPrintChar(b[i])
	}
	p.puts("]")
}

// fnPrintChar is fn_print_char: M- for high bit, ^X for controls.
func (p *Printer) fnPrintChar(c byte) {
	if c >= 0x80 {
		p.puts("M-")
		c &= 0x7f
	}
	if c < 0x20 || c == 0x7f {
		p.out = append(p.out, '^', c^0x40)
		return
	}
	p.out = append(p.out, c)
}

// ssh is ssh_print: the identification string of the first segment.
func (p *Printer) ssh(b []byte, length int) {
	p.enter("ssh")
	for i, c := range []byte("SSH-") {
		if p.u8(b, i) != c {
			return
		}
	}
	for idx := 4; idx < length; idx++ {
		c := p.u8(b, idx)
		switch {
		case c == '\n':
			p.printf(": SSH: %s", b[:idx])
			return
		case c == '\r':
			if idx+1 >= length || p.u8(b, idx+1) != '\n' {
				return
			}
			p.printf(": SSH: %s", b[:idx])
			return
		case c < 0x20 || c > 0x7e:
			return
		}
	}
}

var rtspCmds = []string{"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY", "RECORD",
	"REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN"}

var sipCmds = []string{"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
	"PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH"}

var httpCmds = []string{"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE",
	"MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
	"BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE",
	"PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE",
	"RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL"}

// txtProto is txtproto_print for text protocols (HTTP, FTP, SMTP, ...): the
// protocol name in capitals, then the first line (or all lines with -v)
// when cmds is nil, the first token is a known command or the second a
// 3-digit status code.
func (p *Printer) txtProto(b []byte, length int, proto string, cmds []string) {
	p.enter(proto)
	show := cmds == nil
	if idx, tok := p.fetchToken(b, 0, length); idx != 0 && cmds != nil {
		for _, c := range cmds {
			if strings.EqualFold(tok, c) {
				show = true
				break
			}
		}
		idx, tok = p.fetchToken(b, idx, length)
		if idx != 0 && len(tok) == 3 && isDigit(tok[0]) && isDigit(tok[1]) && isDigit(tok[2]) {
			show = true
		}
	}
	p.puts(strings.ToUpper(proto))
	if !show {
		return
	}
	if p.o.Verbose > 0 {
		p.printf(", length: %d", length)
		for idx := 0; idx < length; {
			eol := p.txtLine("\n\t", b, idx, length)
			if eol == 0 {
				break
			}
			idx = eol
		}
		return
	}
	p.txtLine(": ", b, 0, length)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fetchToken is fetch_token: a token of printable ASCII up to white space,
// then skip the white space; 0 when there is none or it is binary.
func (p *Printer) fetchToken(b []byte, idx, length int) (int, string) {
	start := idx
	for ; idx < length; idx++ {
		if idx >= len(b) {
			return 0, ""
		}
		c := b[idx]
		if c >= 0x80 {
			return 0, ""
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if c < 0x20 || c > 0x7e || idx-start+2 > 129 {
			return 0, ""
		}
	}
	if idx == start {
		return 0, ""
	}
	tok := string(b[start:idx])
	for ; idx < length && idx < len(b); idx++ {
		c := b[idx]
		if c == '\r' || c == '\n' || c < 0x20 || c > 0x7e || (c != ' ' && c != '\t') {
			break
		}
	}
	return idx, tok
}

// txtLine is print_txt_line: prints one CRLF/LF-terminated line of
// printable text after prefix and returns the next index, 0 at the end.
func (p *Printer) txtLine(prefix string, b []byte, idx, length int) int {
	start := idx
	for idx < length {
		c := p.u8(b, idx)
		switch {
		case c == '\n':
			p.printf("%s%s", prefix, b[start:idx])
			return idx + 1
		case c == '\r':
			if idx+1 >= length {
				return 0
			}
			if p.u8(b, idx+1) == '\n' {
				p.printf("%s%s", prefix, b[start:idx])
				return idx + 2
			}
			return 0
		case (c < 0x20 || c > 0x7e) && c != '\t':
			return 0
		}
		idx++
	}
	p.printf("%s%s", prefix, b[start:idx])
	p.printTrunc()
	return 0
}
