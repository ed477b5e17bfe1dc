package printer

import (
	"math"
	"net/netip"
	"sync"
)

var dnsOps = []string{"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"}

var dnsRcodes = []string{"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain",
	" YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14",
	" NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie"}

var dnsTypes = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{
		1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR", 10: "NULL",
		11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP", 18: "AFSDB",
		19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP_PTR", 24: "SIG", 25: "KEY", 26: "PX",
		27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA",
		35: "NAPTR", 36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL",
		43: "DS", 44: "SSHFP", 45: "IPSECKEY", 46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 99: "SPF",
		100: "UINFO", 101: "UID", 102: "GID", 103: "UNSPEC", 104: "UNSPECA", 249: "TKEY", 250: "TSIG",
		251: "IXFR", 252: "AXFR", 253: "MAILB", 254: "MAILA", 255: "ANY", 256: "URI",
	}
})

var dnsClasses = map[uint16]string{1: "IN", 3: "CHAOS", 4: "HS", 255: "ANY"}

func dnsTypeName(t uint16) string {
	if s, ok := dnsTypes()[t]; ok {
		return s
	}
	return "Type" + itoa(int(t))
}

func dnsClassName(c uint16) string {
	if s, ok := dnsClasses[c]; ok {
		return s
	}
	return "(Class " + itoa(int(c)) + ")"
}

// dnsFail is returned by the name walkers where tcpdump returns NULL.
const dnsFail = -1

// dns is domain_print.
func (p *Printer) dns(b []byte, length int, overTCP, mdns bool) {
	p.enter("domain")
	defer p.catchSoft()
	if overTCP {
		if length < 2 {
			p.printf(" [DNS over TCP: length %d < 2]", length)
			p.invalid()
			return
		}
		length -= 2
		if pl := int(p.u16(b, 0)); pl != length {
			p.printf(" [prefix length(%d) != length(%d)]", pl, length)
			p.invalid()
			return
		}
		b = b[2:]
		p.puts(" ")
	}
	if length < 12 {
		p.printf("domain [length %d < 12]", length)
		p.invalid()
		return
	}
	p.need(b, 12)
	d := &dnsMsg{p: p, b: b, mdns: mdns}
	flags := p.u16(b, 2)
	qd, an, ns, ar := int(p.u16(b, 4)), int(p.u16(b, 6)), int(p.u16(b, 8)), int(p.u16(b, 10))
	rcode := d.extendedRcode(flags, qd, an, ns, ar)
	var ok bool
	if flags&0x8000 != 0 {
		ok = d.response(flags, rcode, qd, an, ns, ar)
	} else {
		ok = d.query(flags, qd, an, ns, ar)
	}
	if !ok {
		p.printTrunc()
		return
	}
	p.printf(" (%d)", length)
}

type dnsMsg struct {
	p    *Printer
	b    []byte
	mdns bool
	// base is where compression offsets count from (fqdn_print's bp):
	// the message start, or the end of the option for the callers that
	// pass that (DHCPv6 domain lists, EDNS CHAIN).
	base int
}

func (d *dnsMsg) has(off, n int) bool { return off >= 0 && off+n <= len(d.b) }

func (d *dnsMsg) u16(off int) uint16 { return uint16(d.b[off])<<8 | uint16(d.b[off+1]) }

// extendedRcode adds the OPT record's extended rcode bits, walking the
// sections as domain_print does before printing.
func (d *dnsMsg) extendedRcode(flags uint16, qd, an, ns, ar int) int {
	rcode := int(flags & 0xf)
	cp := 12
	for i := 0; i < qd; i++ {
		if cp = d.skip(cp); cp < 0 {
			return rcode
		}
		if cp += 4; cp >= len(d.b) {
			return rcode
		}
	}
	for i := 0; i < an+ns; i++ {
		if cp = d.skip(cp); cp < 0 {
			return rcode
		}
		cp += 8
		if cp+2 > len(d.b) {
			return rcode
		}
		cp += 2 + int(d.u16(cp))
		if cp >= len(d.b) {
			return rcode
		}
	}
	for i := 0; i < ar; i++ {
		if cp = d.skip(cp); cp < 0 || cp+2 > len(d.b) {
			return rcode
		}
		typ := d.u16(cp)
		cp += 4
		if cp+1 > len(d.b) {
			return rcode
		}
		if typ == 41 {
			return rcode | int(d.b[cp])<<4
		}
		cp += 4
		if cp+2 > len(d.b) {
			return rcode
		}
		cp += 2 + int(d.u16(cp))
		if cp >= len(d.b) {
			return rcode
		}
	}
	return rcode
}

func (d *dnsMsg) response(flags uint16, rcode, qd, an, ns, ar int) bool {
	p := d.p
	rc := " Resp" + itoa(rcode&0xfff)
	if rcode < len(dnsRcodes) {
		rc = dnsRcodes[rcode]
	}
	p.printf("%d%s%s", d.u16(0), dnsOps[(flags>>11)&0xf], rc)
	p.puts(cond(flags&0x0400 != 0, "*", "") + cond(flags&0x0080 != 0, "", "-") +
		cond(flags&0x0200 != 0, "|", "") + cond(flags&0x0020 != 0, "$", ""))
	if qd != 1 {
		p.printf(" [%dq]", qd)
	}
	cp := 12
	for i := 0; i < qd; i++ {
		if i != 0 {
			p.puts(",")
		}
		if p.o.Verbose > 1 {
			p.puts(" q:")
			if cp = d.question(cp); cp < 0 {
				return false
			}
		} else {
			if cp = d.skip(cp); cp < 0 {
				return false
			}
			cp += 4
		}
	}
	p.printf(" %d/%d/%d", an, ns, ar)
	var ok bool
	if cp, ok = d.records(cp, an, "", true); !ok {
		return false
	}
	if p.o.Verbose > 1 {
		if cp, ok = d.records(cp, ns, " ns:", false); !ok {
			return false
		}
		if _, ok = d.records(cp, ar, " ar:", false); !ok {
			return false
		}
	}
	return true
}

// records prints count resource records separated by commas after
// prefix; first means the section starts unconditionally (answers).
func (d *dnsMsg) records(cp, count int, prefix string, first bool) (int, bool) {
	if count == 0 {
		return cp, true
	}
	if !first && cp >= len(d.b) {
		return cp, false
	}
	d.p.puts(prefix)
	if cp = d.rr(cp); cp < 0 {
		return cp, false
	}
	count--
	for cp < len(d.b) && count > 0 {
		d.p.puts(",")
		if cp = d.rr(cp); cp < 0 {
			return cp, false
		}
		count--
	}
	return cp, count == 0
}

func (d *dnsMsg) query(flags uint16, qd, an, ns, ar int) bool {
	p := d.p
	p.printf("%d%s%s%s", d.u16(0), dnsOps[(flags>>11)&0xf], cond(flags&0x0100 != 0, "+", ""), cond(flags&0x0010 != 0, "%", ""))
	if flags&0x6cf != 0 {
		p.printf(" [b2&3=0x%x]", flags)
	}
	if (flags>>11)&0xf == 1 {
		if qd != 0 {
			p.printf(" [%dq]", qd)
		}
		if an != 1 {
			p.printf(" [%da]", an)
		}
	} else {
		if an != 0 {
			p.printf(" [%da]", an)
		}
		if qd != 1 {
			p.printf(" [%dq]", qd)
		}
	}
	if ns != 0 {
		p.printf(" [%dn]", ns)
	}
	if ar != 0 {
		p.printf(" [%dau]", ar)
	}
	cp := 12
	if qd > 0 {
		if cp = d.question(cp); cp < 0 {
			return false
		}
		qd--
		for cp < len(d.b) && qd > 0 {
			if cp = d.question(cp); cp < 0 {
				return false
			}
			qd--
		}
	}
	if qd > 0 {
		return false
	}
	if p.o.Verbose > 1 {
		var ok bool
		if cp, ok = d.records(cp, an, "", true); !ok {
			return false
		}
		if cp, ok = d.records(cp, ns, " ns:", false); !ok {
			return false
		}
		if _, ok = d.records(cp, ar, " ar:", false); !ok {
			return false
		}
	}
	return true
}

// skip is ns_nskip.
func (d *dnsMsg) skip(cp int) int {
	if !d.has(cp, 1) {
		return dnsFail
	}
	i := d.b[cp]
	cp++
	for i != 0 {
		switch i & 0xc0 {
		case 0xc0:
			return cp + 1
		case 0x40:
			if i&0x3f != 1 || !d.has(cp, 1) {
				return dnsFail
			}
			bitlen := int(d.b[cp])
			if bitlen == 0 {
				bitlen = 256
			}
			cp += 1 + (bitlen+7)/8
		case 0x80:
			return dnsFail
		default:
			cp += int(i)
		}
		if !d.has(cp, 1) {
			return dnsFail
		}
		i = d.b[cp]
		cp++
	}
	return cp
}

// labelLen is labellen.
func (d *dnsMsg) labelLen(cp int) int {
	if !d.has(cp, 1) {
		return dnsFail
	}
	i := d.b[cp]
	switch i & 0xc0 {
	case 0x40:
		if i&0x3f != 1 {
			d.p.printf("<ELT %d>", i&0x3f)
			return dnsFail
		}
		if !d.has(cp+1, 1) {
			return dnsFail
		}
		bitlen := int(d.b[cp+1])
		if bitlen == 0 {
			bitlen = 256
		}
		return (bitlen+7)/8 + 1
	case 0x80:
		d.p.puts("<BAD LABEL TYPE>")
		return dnsFail
	}
	return int(i)
}

// nextLabel reads the label header at cp inside fqdn_print's loop: its
// first byte and the label's length (labelLen), or dnsFail.
func (d *dnsMsg) nextLabel(cp int) (byte, int) {
	if !d.has(cp, 1) {
		return 0, dnsFail
	}
	return d.b[cp], d.labelLen(cp)
}

// name is fqdn_print: returns the offset after the name in place.
func (d *dnsMsg) name(cp int) int {
	l := d.labelLen(cp)
	if l == dnsFail {
		return dnsFail
	}
	maxOff := cp - d.base
	if maxOff < 0 {
		maxOff = math.MaxInt // (u_int)(cp - bp) wraps when bp is past cp: no limit
	}
	i := d.b[cp]
	cp++
	rp, compress := dnsFail, false // NULL until set: a pointer at the capture end fails
	if i&0xc0 != 0xc0 {
		rp = cp + l
	}
	if i == 0 {
		d.p.puts(".")
		return rp
	}
	chars := 0
	for i != 0 && cp < len(d.b) {
		switch i & 0xc0 {
		case 0xc0:
			if !compress {
				rp = cp + 1
				compress = true
			}
			if !d.has(cp, 1) {
				return dnsFail
			}
			off := (int(i)<<8 | int(d.b[cp])) & 0x3fff
			if off >= maxOff {
				d.p.puts("<BAD PTR>")
				return dnsFail
			}
			maxOff = off
			cp = d.base + off
			if i, l = d.nextLabel(cp); l == dnsFail {
				return dnsFail
			}
			cp++
			continue
		case 0x40:
			if elt := i & 0x3f; elt != 1 {
				d.p.printf("<ELT %d>", elt)
				return dnsFail
			}
			if !d.bitLabel(cp) {
				return dnsFail
			}
		case 0x80:
			d.p.puts("<BAD LABEL TYPE>")
			return dnsFail
		default:
			n := l
			if chars+l > 255 {
				n = max(255-chars, 0)
			}
			if d.printn(cp, n) {
				return dnsFail
			}
			chars += l
		}
		cp += l
		if chars <= 255 {
			d.p.puts(".")
		}
		chars++
		if i, l = d.nextLabel(cp); l == dnsFail {
			return dnsFail
		}
		cp++
		if !compress {
			rp += l + 1
		}
	}
	if chars > 255 {
		d.p.puts("<DOMAIN NAME TOO LONG>")
	}
	return rp
}

// bitLabel is blabel_print: an RFC 2673 bit-string label as \[xHEX/bits].
func (d *dnsMsg) bitLabel(cp int) bool {
	if !d.has(cp, 1) {
		return false
	}
	bitlen := int(d.b[cp])
	if bitlen == 0 {
		bitlen = 256
	}
	lim := cp + 1 + (bitlen+3)/4
	d.p.puts("\\[x")
	bitp, b := cp+1, bitlen
	for ; bitp < lim && b > 7; b, bitp = b-8, bitp+1 {
		d.p.printf("%02x", d.p.u8(d.b, bitp))
	}
	if b > 4 {
		d.p.printf("%02x", d.p.u8(d.b, bitp)&byte(0xff<<(8-b)))
	} else if b > 0 {
		d.p.printf("%1x", (d.p.u8(d.b, bitp)>>4)&byte(0x0f<<(4-b)))
	}
	d.p.printf("/%d]", bitlen)
	return true
}

// printn is nd_printn: true when it ran out of captured bytes.
func (d *dnsMsg) printn(cp, n int) bool {
	for k := 0; k < n; k++ {
		if cp+k >= len(d.b) {
			return true
		}
		d.p.fnPrintChar(d.b[cp+k])
	}
	return false
}

// question is ns_qprint.
func (d *dnsMsg) question(start int) int {
	cp := d.skip(start)
	if cp < 0 || !d.has(cp, 4) {
		return dnsFail
	}
	d.p.printf(" %s", dnsTypeName(d.u16(cp)))
	i := d.u16(cp + 2)
	class := i
	if d.mdns {
		class &^= 0x8000
	}
	if class != 1 {
		d.p.printf(" %s", dnsClassName(class))
	}
	if d.mdns {
		d.p.puts(cond(i&0x8000 != 0, " (QU)", " (QM)"))
	}
	d.p.puts("? ")
	if d.name(start) < 0 {
		return dnsFail
	}
	return cp + 4
}

// rr is ns_rprint.
func (d *dnsMsg) rr(cp int) int {
	p := d.p
	if p.o.Verbose > 0 {
		p.puts(" ")
		if cp = d.name(cp); cp < 0 {
			return dnsFail
		}
	} else {
		cp = d.skip(cp)
	}
	if cp < 0 || !d.has(cp, 10) {
		return len(d.b)
	}
	typ, i := d.u16(cp), d.u16(cp+2)
	class := i
	if d.mdns {
		class &^= 0x8000
	}
	if class != 1 && typ != 41 {
		p.printf(" %s", dnsClassName(class))
	}
	if d.mdns && i&0x8000 != 0 {
		p.puts(" (Cache flush)")
	}
	optFlags := d.u16(cp + 6)
	if typ != 41 && p.o.Verbose > 2 {
		p.printf(" [%s]", relTime(uint32(d.u16(cp+4))<<16|uint32(optFlags)))
	}
	rdlen := int(d.u16(cp + 8))
	cp += 10
	rp := cp + rdlen
	p.printf(" %s", dnsTypeName(typ))
	if rp > len(d.b) {
		return dnsFail
	}
	if !d.rdata(typ, cp, rp, class, optFlags) {
		return dnsFail
	}
	return rp
}

func (d *dnsMsg) rdata(typ uint16, cp, rp int, class, optFlags uint16) bool {
	p := d.p
	switch typ {
	case 1:
		if !d.has(cp, 4) {
			return false
		}
		p.printf(" %s", netip.AddrFrom4([4]byte(d.b[cp:cp+4])))
	case 28:
		if !d.has(cp, 16) {
			return false
		}
		p.printf(" %s", addrString(netip.AddrFrom16([16]byte(d.b[cp:cp+16]))))
	case 2, 5, 12, 39:
		p.puts(" ")
		return d.name(cp) >= 0
	case 15:
		p.puts(" ")
		if !d.has(cp, 2) || d.name(cp+2) < 0 {
			return false
		}
		p.printf(" %d", d.u16(cp))
	case 33:
		p.puts(" ")
		if !d.has(cp, 6) || d.name(cp+6) < 0 {
			return false
		}
		p.printf(":%d %d %d", d.u16(cp+4), d.u16(cp), d.u16(cp+2))
	case 16:
		for cp < rp {
			p.puts(" \"")
			if cp = d.charString(cp); cp < 0 {
				return false
			}
			p.puts("\"")
		}
	case 41:
		p.printf(" UDPsize=%d", class)
		if optFlags&0x8000 != 0 {
			p.puts(" DO")
		}
		if cp < rp {
			p.puts(" [")
			for cp < rp {
				if cp = d.ednsOption(cp); cp < 0 {
					return false
				}
				if cp < rp {
					p.puts(",")
				}
			}
			p.puts("]")
		}
	case 6:
		if p.o.Verbose == 0 {
			break
		}
		p.puts(" ")
		if cp = d.name(cp); cp < 0 {
			return false
		}
		p.puts(" ")
		if cp = d.name(cp); cp < 0 {
			return false
		}
		for i := 0; i < 5; i, cp = i+1, cp+4 {
			if !d.has(cp, 4) {
				return false
			}
			p.printf(" %d", uint32(d.u16(cp))<<16|uint32(d.u16(cp+2)))
		}
	case 38:
		return d.a6(cp)
	case 256:
		if !d.has(cp, rp-cp) {
			return false
		}
		p.printf(" %d %d ", p.u16(d.b, cp), p.u16(d.b, cp+2))
		n := rp - cp - 4
		if n < 0 {
			n = math.MaxInt // len - 4 wraps: print to the end of the capture
		}
		return !d.printn(cp+4, n)
	case 104:
		return d.has(cp, rp-cp) && !d.printn(cp, rp-cp)
	case 250:
		if p.o.Verbose > 0 {
			return d.tsig(cp)
		}
	}
	return true
}

// a6 is ns_rprint's T_A6: prefix length, address suffix, prefix name.
func (d *dnsMsg) a6(cp int) bool {
	p := d.p
	if !d.has(cp, 1) {
		return false
	}
	pbit := int(d.b[cp])
	pbyte := (pbit &^ 7) / 8
	if pbit > 128 {
		p.printf(" %d(bad plen)", pbit)
		return true
	}
	if pbit < 128 {
		var a [16]byte
		copy(a[pbyte:], p.bytes(d.b, cp+1, 16-pbyte))
		p.printf(" %d %s", pbit, addrString(netip.AddrFrom16(a)))
	}
	if pbit > 0 {
		p.puts(" ")
		return d.name(cp+1+16-pbyte) >= 0
	}
	return true
}

// tsig is ns_rprint's T_TSIG at -v: algorithm name, fudge and lengths.
func (d *dnsMsg) tsig(cp int) bool {
	p := d.p
	p.puts(" ")
	if cp = d.name(cp); cp < 0 {
		return false
	}
	cp += 6
	for _, f := range []string{" fudge=", " maclen=", " origid=", " error=", " otherlen="} {
		if !d.has(cp, 2) {
			return false
		}
		v := int(d.u16(cp))
		p.printf("%s%d", f, v)
		cp += 2
		if f == " maclen=" {
			cp += v
		}
	}
	return true
}

// charString is ns_cprint: one length-prefixed string.
func (d *dnsMsg) charString(cp int) int {
	if !d.has(cp, 1) {
		return dnsFail
	}
	n := int(d.b[cp])
	cp++
	if d.printn(cp, n) {
		return dnsFail
	}
	return cp + n
}

func cond(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

var ednsOptNames = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{1: "LLQ", 2: "UL", 3: "NSID", 5: "DAU", 6: "DHU", 7: "N3U", 8: "ECS",
		9: "EXPIRE", 10: "COOKIE", 11: "KEEPALIVE", 12: "PADDING", 13: "CHAIN", 14: "KEY-TAG",
		16: "CLIENT-TAG", 17: "SERVER-TAG"}
})

// ednsOption is eopt_print.
func (d *dnsMsg) ednsOption(cp int) int {
	p := d.p
	if !d.has(cp, 2) {
		return dnsFail
	}
	opt := d.u16(cp)
	if name, ok := ednsOptNames()[opt]; ok {
		p.puts(name)
	} else {
		p.printf("Opt%d", opt)
	}
	if !d.has(cp+2, 2) {
		return dnsFail
	}
	n := int(d.u16(cp + 2))
	cp += 4
	if !d.has(cp, n) {
		return dnsFail
	}
	if n == 0 {
		return cp
	}
	data := d.b[cp : cp+n]
	p.puts(" ")
	switch opt {
	case 10:
		if n < 8 || (n > 8 && n < 16) || n > 40 {
			p.invalid()
			break
		}
		for i, c := range data {
			if i == 8 {
				p.puts(" ")
			}
			p.printf("%02x", c)
		}
	case 11:
		if n != 2 {
			p.invalid()
		} else {
			p.printf("%0.1f sec", float64(d.u16(cp))/10.0)
		}
	case 9:
		if n != 4 {
			p.invalid()
		} else {
			p.printf("%d sec", p.u32(data, 0))
		}
	case 12:
		p.printf("(%d)", n)
	case 14:
		if n%2 != 0 {
			p.invalid()
			break
		}
		for i := 0; i < n; i += 2 {
			p.printf("%s%d", cond(i > 0, " ", ""), d.u16(cp+i))
		}
	case 8:
		d.ecs(data)
	case 5, 6, 7:
		for i, c := range data {
			p.printf("%s%s", cond(i > 0, " ", ""), ednsAlgName(opt, c))
		}
	case 13:
		(&dnsMsg{p: p, b: d.b, base: cp + n}).name(cp)
	default:
		for _, c := range data {
			p.printf("%02x", c)
		}
	}
	return cp + n
}

// dauAlgs, dhuAlgs and n3uAlgs are dau_alg2str, dhu_alg2str and
// n3u_alg2str below 252.
var (
	dauAlgs = []string{0: "DELETE", 1: "RSAMD5", 2: "DH", 3: "DS", 5: "RSASHA1", 6: "DSA-NSEC3-SHA1",
		7: "RSASHA1-NSEC3-SHA1", 8: "RSASHA256", 10: "RSASHA512", 12: "ECC-GOST", 13: "ECDSAP256SHA256",
		14: "ECDSAP384SHA384", 15: "ED25519", 16: "ED448"}
	dhuAlgs = []string{1: "SHA-1", 2: "SHA-256", 3: "GOST_R_34.11-94", 4: "SHA-384"}
	n3uAlgs = []string{1: "SHA-1"}
)

// ednsAlgName names one entry of a DAU, DHU or N3U list.
func ednsAlgName(opt uint16, alg byte) string {
	t := n3uAlgs
	switch {
	case opt == 5 && alg >= 252 && alg <= 254:
		return []string{"INDIRECT", "PRIVATEDNS", "PRIVATEOID"}[alg-252]
	case opt == 5:
		t = dauAlgs
	case opt == 6:
		t = dhuAlgs
	}
	return strName(t, int(alg), "Alg_"+itoa(int(alg)))
}

// ecs is print_eopt_ecs: family, source and scope prefix lengths of an
// EDNS client subnet, the address padded with zeros.
func (d *dnsMsg) ecs(data []byte) {
	p := d.p
	if len(data) < 4 {
		p.invalid()
		return
	}
	family, src, scope := int(data[0])<<8|int(data[1]), int(data[2]), int(data[3])
	bits := 0
	switch family {
	case 1:
		bits = 32
	case 2:
		bits = 128
	default:
		p.invalid()
		return
	}
	if len(data)-4 > bits/8 || src > bits || scope > bits || (src+7)/8 != len(data)-4 {
		p.invalid()
		return
	}
	var a [16]byte
	copy(a[:], data[4:])
	addr := netip.AddrFrom16(a)
	if family == 1 {
		addr = netip.AddrFrom4([4]byte(a[:4]))
	}
	p.printf("%s/%d/%d", addrString(addr), src, scope)
}

// relTime is unsigned_relts_print: "1w2d3h4m5s" style durations.
func relTime(secs uint32) string {
	if secs == 0 {
		return "0s"
	}
	units := []struct {
		n    uint32
		name string
	}{{31536000, "y"}, {604800, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}}
	out := ""
	for _, u := range units {
		if secs >= u.n {
			out += itoa(int(secs/u.n)) + u.name
			secs %= u.n
		}
	}
	return out
}
