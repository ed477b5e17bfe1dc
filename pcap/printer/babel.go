package printer

import "fmt"

// babel is babel_print (RFC 8966 and its extensions): the version, the
// body length and the TLV names, or with -v one line per TLV.
func (p *Printer) babel(b []byte, length int) {
	p.enter("babel")
	defer p.catchSoft()
	p.puts("babel")
	p.need(b, 4)
	if b[0] != 42 {
		p.puts(" invalid header")
		return
	}
	p.printf(" %d", b[1])
	if b[1] != 2 {
		p.puts(" unknown version")
		return
	}
	if length < 4 {
		p.invalid()
		return
	}
	bodylen := int(p.u16(b, 2))
	p.printf(" (%d)", bodylen)
	length -= 4
	cp := b[4:]
	if length < bodylen {
		p.invalid()
		return
	}
	if !p.babelTLVs(cp, bodylen, length) {
		return
	}
	if length -= bodylen; length != 0 {
		p.puts(cond(p.o.Verbose > 0, "\n\t----", " |"))
		p.babelTLVs(from(cp, bodylen), length, length)
	}
}

// babelState is the per-packet default prefixes of babel_print_v2_tlvs,
// updated by Updates with the prefix flag and used for omitted bytes.
// (tcpdump 4.99.3 predates RFC 9229: AE 4, v4-via-v6, is invalid.)
type babelState struct{ v4, v6 [16]byte }

var babelV4Prefix = [16]byte{10: 0xff, 11: 0xff}

// babelTLVs is babel_print_v2_tlvs; false means it printed " [|babel]" or
// " (invalid)" and the packet ends there.
func (p *Printer) babelTLVs(cp []byte, tlvsLen, remaining int) bool {
	st := babelState{v4: babelV4Prefix}
	for i := 0; i < tlvsLen; {
		check := func(l int) bool { return i+l <= tlvsLen && i+l <= remaining }
		if !check(1) {
			p.invalid()
			return false
		}
		msg := from(cp, i)
		typ := p.u8(msg, 0)
		if typ == 0 {
			p.puts(cond(p.o.Verbose > 0, "\n\tPad 1", " pad1"))
			i++
			continue
		}
		if !check(2) {
			p.invalid()
			return false
		}
		if len(msg) < 2 {
			p.printTrunc()
			return false
		}
		l := int(msg[1])
		if !check(2 + l) {
			p.invalid()
			return false
		}
		if len(msg) < 2+l {
			p.printTrunc()
			return false
		}
		if p.o.Verbose == 0 {
			if !p.babelBrief(msg, typ, l) {
				p.invalid()
				return false
			}
		} else if !p.babelTLV(msg, typ, l, &st) {
			p.invalid()
			return false
		}
		i += l + 2
	}
	return true
}

var babelNames = []string{1: "padN", 2: "ack-req", 3: "ack", 4: "hello", 5: "ihu", 6: "router-id", 7: "nh",
	8: "update", 9: "route-request", 10: "seqno-request", 11: "tspc", 12: "hmac", 13: "ss-update",
	14: "ss-request", 15: "ss-mh-request", 16: "mac", 17: "pc", 18: "challenge_request", 19: "challenge_reply"}

// babelBrief prints a TLV's name (without -v); false is an invalid TLV.
func (p *Printer) babelBrief(msg []byte, typ uint8, l int) bool {
	if int(typ) >= len(babelNames) {
		p.puts(" unknown")
		return true
	}
	p.printf(" %s", babelNames[typ])
	if typ == 8 {
		if l < 10 {
			return false
		}
		p.puts(babelUpdateFlags(p.u8(msg, 3)))
	}
	return true
}

func babelUpdateFlags(f uint8) string {
	return cond(f&0x80 != 0, "/prefix", "") + cond(f&0x40 != 0, "/id", "") + cond(f&0x3f != 0, "/unknown", "")
}

// babelTLV prints one TLV with -v; false is an invalid TLV.
func (p *Printer) babelTLV(m []byte, typ uint8, l int, st *babelState) bool {
	switch typ {
	case 1:
		p.printf("\n\tPad %d", l+2)
	case 2:
		p.puts("\n\tAcknowledgment Request ")
		if l < 6 {
			return false
		}
		p.printf("%04x %s", p.u16(m, 4), babelInterval(p.u16(m, 6)))
	case 3:
		p.puts("\n\tAcknowledgment ")
		if l < 2 {
			return false
		}
		p.printf("%04x", p.u16(m, 2))
	case 4:
		return p.babelHello(m, l)
	case 5:
		return p.babelIHU(m, l)
	case 6:
		p.puts("\n\tRouter Id")
		if l < 10 {
			return false
		}
		p.printf(" %s", p.babelID(m, 4))
	case 7:
		p.puts("\n\tNext Hop")
		if l < 2 {
			return false
		}
		ae := p.u8(m, 2)
		nh, rc := babelPrefix(ae, -1, 0, from(m, 4), nil, l-2)
		if rc < 0 {
			return false
		}
		p.printf(" %s", cond(ae == 0, "invalid AE 0", p.babelAddr(nh)))
	case 8:
		return p.babelUpdate(m, l, st)
	case 9:
		return p.babelRouteRequest(m, l)
	case 10:
		return p.babelSeqnoRequest(m, l)
	case 11:
		p.puts("\n\tTS/PC ")
		if l < 6 {
			return false
		}
		p.printf("timestamp %d packetcounter %d", p.u32(m, 4), p.u16(m, 2))
	case 12:
		p.puts("\n\tHMAC ")
		if l < 18 {
			return false
		}
		p.printf("key-id %d digest-%d ", p.u16(m, 2), l-2)
		for j := 0; j < l-2; j++ {
			p.printf("%02X", p.u8(m, j+4))
		}
	case 13:
		return p.babelSSUpdate(m, l, st)
	case 14:
		return p.babelSSRequest(m, l)
	case 15:
		return p.babelSSMHRequest(m, l)
	case 16:
		p.printf("\n\tMAC len %d", l)
	case 17:
		p.puts("\n\tPC")
		if l < 4 {
			return false
		}
		p.printf(" value %d index len %d", p.u32(m, 2), l-4)
	case 18, 19:
		p.puts(cond(typ == 18, "\n\tChallenge Request", "\n\tChallenge Reply"))
		if l > 192 {
			return false
		}
		p.printf(" len %d", l)
	default:
		p.printf("\n\tUnknown message type %d", typ)
	}
	return true
}

func (p *Printer) babelHello(m []byte, l int) bool {
	p.puts("\n\tHello ")
	if l < 6 {
		return false
	}
	unicast := p.u16(m, 2)&0x8000 != 0
	seqno, interval := p.u16(m, 4), p.u16(m, 6)
	if unicast {
		p.puts("(Unicast) ")
	}
	p.printf("seqno %d ", seqno)
	if interval != 0 {
		p.printf("interval %s", babelInterval(interval))
	} else {
		p.puts("unscheduled")
	}
	if l > 6 {
		p.babelSubTLVs(m[8:2+l], 4)
	}
	return true
}

func (p *Printer) babelIHU(m []byte, l int) bool {
	p.puts("\n\tIHU ")
	if l < 6 {
		return false
	}
	rxcost, interval, ae := p.u16(m, 4), p.u16(m, 6), p.u8(m, 2)
	addr, rc := babelPrefix(ae, -1, 0, from(m, 8), nil, l-6)
	if rc < 0 {
		p.printTrunc()
		return true
	}
	p.printf("%s rxcost %d interval %s", cond(ae == 0, "any", p.babelAddr(addr)), rxcost, babelInterval(interval))
	if rc < l-6 {
		p.babelSubTLVs(m[8+rc:2+l], 5)
	}
	return true
}

func (p *Printer) babelUpdate(m []byte, l int, st *babelState) bool {
	p.puts("\n\tUpdate")
	if l < 10 {
		return false
	}
	ae := p.u8(m, 2)
	var def *[16]byte
	switch ae {
	case 0, 2, 3:
		def = &st.v6
	case 1:
		def = &st.v4
	default:
		return false
	}
	raw := p.u8(m, 4)
	plen := raw
	if ae == 1 {
		plen += 96
	}
	prefix, rc := babelPrefix(ae, int(raw), int(p.u8(m, 5)), from(m, 12), def[:], l-10)
	if rc < 0 {
		return false
	}
	interval, seqno, metric := p.u16(m, 6), p.u16(m, 8), p.u16(m, 10)
	flags := p.u8(m, 3)
	p.printf("%s %s metric %d seqno %d interval %s", babelUpdateFlags(flags),
		cond(ae == 0, "any", p.babelPrefixString(prefix, plen)), metric, seqno, babelIntervalUpdate(interval))
	if flags&0x80 != 0 {
		*def = prefix
	}
	if rc < l-10 {
		p.babelSubTLVs(m[12+rc:2+l], 8)
	}
	return true
}

func (p *Printer) babelRouteRequest(m []byte, l int) bool {
	p.puts("\n\tRoute Request ")
	if l < 2 {
		return false
	}
	ae, raw := p.u8(m, 2), p.u8(m, 3)
	plen := raw
	if ae == 1 {
		plen += 96
	}
	prefix, rc := babelPrefix(ae, int(raw), 0, from(m, 4), nil, l-2)
	if rc < 0 {
		return false
	}
	p.printf("for %s", cond(ae == 0, "any", p.babelPrefixString(prefix, plen)))
	return true
}

func (p *Printer) babelSeqnoRequest(m []byte, l int) bool {
	p.puts("\n\tSeqno Request ")
	if l < 14 {
		return false
	}
	ae, seqno := p.u8(m, 2), p.u16(m, 4)
	raw := p.u8(m, 3)
	prefix, rc := babelPrefix(ae, int(raw), 0, from(m, 16), nil, l-14)
	if rc < 0 {
		return false
	}
	plen := raw
	if ae == 1 {
		plen += 96
	}
	p.printf("(%d hops) for %s seqno %d id %s", p.u8(m, 6),
		cond(ae == 0, "invalid AE 0", p.babelPrefixString(prefix, plen)), seqno, p.babelID(m, 8))
	return true
}

func (p *Printer) babelSSUpdate(m []byte, l int, st *babelState) bool {
	p.puts("\n\tSS-Update")
	if l < 10 {
		return false
	}
	ae, srcPlen, plen, omitted := p.u8(m, 2), p.u8(m, 3), p.u8(m, 4), p.u8(m, 5)
	interval, seqno, metric := p.u16(m, 6), p.u16(m, 8), p.u16(m, 10)
	def := st.v6[:]
	if ae == 1 {
		def = st.v4[:]
	}
	parsed := 10
	prefix, rc := babelPrefix(ae, int(plen), int(omitted), from(m, 2+parsed), def, l-parsed)
	if rc < 0 {
		return false
	}
	if ae == 1 {
		plen += 96
	}
	parsed += rc
	src, rc := babelPrefix(ae, int(srcPlen), 0, from(m, 2+parsed), nil, l-parsed)
	if rc < 0 {
		return false
	}
	if ae == 1 {
		srcPlen += 96
	}
	parsed += rc
	p.printf(" %s from %s metric %d seqno %d interval %s", p.babelPrefixString(prefix, plen),
		p.babelPrefixString(src, srcPlen), metric, seqno, babelIntervalUpdate(interval))
	if parsed < l {
		p.babelSubTLVs(m[2+parsed:2+l], 13)
	}
	return true
}

// babelSrcPrefixes parses the destination and source prefixes of the
// source-specific requests.
func (p *Printer) babelSrcPrefixes(m []byte, l, parsed int, ae, plen, srcPlen uint8) (prefix, src [16]byte, pl, spl uint8, ok bool) {
	prefix, rc := babelPrefix(ae, int(plen), 0, from(m, 2+parsed), nil, l-parsed)
	if rc < 0 {
		return
	}
	if ae == 1 {
		plen += 96
	}
	parsed += rc
	src, rc = babelPrefix(ae, int(srcPlen), 0, from(m, 2+parsed), nil, l-parsed)
	if rc < 0 {
		return
	}
	if ae == 1 {
		srcPlen += 96
	}
	return prefix, src, plen, srcPlen, true
}

func (p *Printer) babelSSRequest(m []byte, l int) bool {
	p.puts("\n\tSS-Request ")
	if l < 3 {
		return false
	}
	ae := p.u8(m, 2)
	prefix, src, plen, srcPlen, ok := p.babelSrcPrefixes(m, l, 3, ae, p.u8(m, 3), p.u8(m, 4))
	if !ok {
		return false
	}
	if ae == 0 {
		p.puts("for any")
	} else {
		p.printf("for (%s, %s)", p.babelPrefixString(prefix, plen), p.babelPrefixString(src, srcPlen))
	}
	return true
}

func (p *Printer) babelSSMHRequest(m []byte, l int) bool {
	p.puts("\n\tSS-MH-Request ")
	if l < 14 {
		return false
	}
	ae, plen, seqno, hopc, srcPlen := p.u8(m, 2), p.u8(m, 3), p.u16(m, 4), p.u8(m, 6), p.u8(m, 7)
	prefix, src, plen, srcPlen, ok := p.babelSrcPrefixes(m, l, 14, ae, plen, srcPlen)
	if !ok {
		return false
	}
	p.printf("(%d hops) for (%s, %s) seqno %d id %s", hopc, p.babelPrefixString(prefix, plen),
		p.babelPrefixString(src, srcPlen), seqno, p.babelID(m, 8))
	return true
}

// babelSubTLVs is subtlvs_print over the extra data of a TLV.
func (p *Printer) babelSubTLVs(b []byte, tlv uint8) {
	for cp := 0; cp < len(b); {
		sub := b[cp]
		cp++
		if sub == 0 {
			p.puts(" sub-pad1")
			continue
		}
		if sub&0x80 != 0 {
			p.puts(" (M)")
		}
		if cp == len(b) {
			p.invalid()
			return
		}
		n := int(b[cp])
		cp++
		if cp+n > len(b) {
			p.invalid()
			return
		}
		body := b[cp : cp+n]
		cp += n
		switch sub {
		case 1:
			p.puts(" sub-padn")
		case 2:
			p.babelDiversity(body, tlv)
		case 3:
			if !p.babelTimestamp(body, tlv) {
				p.invalid()
				return
			}
		default:
			p.printf(" sub-unknown-0x%02x", sub)
		}
	}
}

func (p *Printer) babelDiversity(body []byte, tlv uint8) {
	p.puts(" sub-diversity")
	if len(body) == 0 {
		p.puts(" empty")
		return
	}
	sep := " "
	for _, c := range body {
		switch c {
		case 0:
			p.printf("%sreserved", sep)
		case 255:
			p.printf("%sall", sep)
		default:
			p.printf("%s%d", sep, c)
		}
		sep = "-"
	}
	if tlv != 8 && tlv != 13 {
		p.puts(" (bogus)")
	}
}

func (p *Printer) babelTimestamp(body []byte, tlv uint8) bool {
	p.puts(" sub-timestamp")
	switch tlv {
	case 4:
		if len(body) < 4 {
			return false
		}
		p.printf(" %s", babelStamp(p.u32(body, 0)))
	case 5:
		if len(body) < 8 {
			return false
		}
		p.printf(" %s|%s", babelStamp(p.u32(body, 0)), babelStamp(p.u32(body, 4)))
	default:
		p.puts(" (bogus)")
	}
	return true
}

func babelInterval(i uint16) string {
	if i == 0 {
		return "0.0s (bogus)"
	}
	return fmt.Sprintf("%d.%02ds", i/100, i%100)
}

func babelIntervalUpdate(i uint16) string {
	if i == 0xffff {
		return "infinity"
	}
	return babelInterval(i)
}

func babelStamp(i uint32) string { return fmt.Sprintf("%d.%06ds", i/1000000, i%1000000) }

func (p *Printer) babelID(b []byte, off int) string {
	id := p.bytes(b, off, 8)
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7])
}

func (p *Printer) babelAddr(a [16]byte) string {
	if [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		return p.names.ip4(a[12:])
	}
	return p.names.ip6(a[:])
}

func (p *Printer) babelPrefixString(a [16]byte, plen uint8) string {
	if plen >= 96 && [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		return fmt.Sprintf("%s/%d", p.names.ip4(a[12:]), plen-96)
	}
	return fmt.Sprintf("%s/%d", p.names.ip6(a[:]), plen)
}

// babelPrefix is network_prefix: the prefix of address encoding ae with
// plen bits (-1: a full address), its first omitted bytes taken from def;
// rc is the number of bytes read from b (at most n of them), -1 when the
// encoding is invalid. The bytes must have been captured (GET semantics).
func babelPrefix(ae uint8, plen, omitted int, b, def []byte, n int) (out [16]byte, rc int) {
	var pb int
	switch {
	case plen >= 0:
		pb = (plen + 7) / 8
	case ae == 1:
		pb = 4
	default:
		pb = 16
	}
	if pb > 16 {
		return out, -1
	}
	copyIn := func(dst []byte, k int) int {
		if k > len(b) {
			panic(truncated{})
		}
		copy(dst, b[:k])
		return k
	}
	switch ae {
	case 0:
	case 1:
		if omitted > 4 || pb > 4 || (pb > omitted && n < pb-omitted) {
			return out, -1
		}
		copy(out[:], babelV4Prefix[:12])
		if omitted > 0 {
			if def == nil {
				return out, -1
			}
			copy(out[:], def[:12+omitted])
		}
		if pb > omitted {
			rc = copyIn(out[12+omitted:], pb-omitted)
		}
	case 2:
		if omitted > 16 || (pb > omitted && n < pb-omitted) {
			return out, -1
		}
		if omitted > 0 {
			if def == nil {
				return out, -1
			}
			copy(out[:], def[:omitted])
		}
		if pb > omitted {
			rc = copyIn(out[omitted:], pb-omitted)
		}
	case 3:
		if pb > 8 && n < pb-8 {
			return out, -1
		}
		out[0], out[1] = 0xfe, 0x80
		if pb > 8 {
			rc = copyIn(out[8:], pb-8)
		}
	default:
		return out, -1
	}
	return out, rc
}
