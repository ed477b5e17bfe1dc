package printer

import "strings"

// ForCES (print-forces.c, RFC 5810) over SCTP: the message type, with -v
// the common header, with -vv the flags and with -vvv the TLVs. The
// printers walk offsets into b, which runs to the end of the captured
// packet as tcpdump's pointers run to the snapshot end.

// forcesMsg is a tom_h entry: message type, top-level TLV rules, the
// operations it may carry and the printer of its top-level TLVs.
type forcesMsg struct {
	tom   uint8
	flags uint16
	opMsk uint16
	name  string
	print func(b []byte, off, n int, opMsk uint16, indent int) int
}

// forcesOp is an optlv_h entry.
type forcesOp struct {
	opMsk uint16
	name  string
	print func(b []byte, off, n int, opMsk uint16, indent int) int
}

const (
	fZeroTTLV     = 0x01
	fZeroMoreTTLV = 0x02
	fOneMoreTTLV  = 0x04
	fTTLVT1       = fOneMoreTTLV | 0x10
	fTTLVT2       = fOneMoreTTLV | 0xf0

	fBFullD = 0x1
	fBSparD = 0x2
	fBRestV = 0x4
	fBKeyIn = 0x8
	fBAppnd = 0x10
	fBTrng  = 0x20
)

var (
	forcesTLVNames = []tokRange{{0, []string{"Invalid TLV", "REDIRECT TLV"}}, {0x10, []string{"ASResult TLV",
		"ASTreason TLV"}}, {0x110, []string{"PATH-DATA TLV", "KEYINFO TLV", "FULLDATA TLV", "SPARSEDATA TLV",
		"RESULT TLV", "METADATA TLV", "REDIRECTDATA TLV"}}, {0x1000, []string{"LFBselect TLV"}}}
	forcesTLVErrs = []tokRange{{1, []string{"Invalid total length", "xLV too short", "xLV too long", "data padding missing"}}}
	forcesErrs    = []tokRange{{0, []string{"SUCCESS", "INVALID HEADER", "LENGTH MISMATCH", "VERSION MISMATCH",
		"INVALID DESTINATION PID", "LFB UNKNOWN", "LFB NOT FOUND", "LFB INSTANCE ID NOT FOUND", "INVALID PATH",
		"COMPONENT DOES NOT EXIST", "EXISTS ALREADY", "NOT FOUND", "READ ONLY", "INVALID ARRAY CREATION",
		"VALUE OUT OF RANGE", "CONTENTS TOO LONG", "INVALID PARAMETERS", "INVALID MESSAGE TYPE", "INVALID FLAGS",
		"INVALID TLV", "EVENT ERROR", "NOT SUPPORTED", "MEMORY ERROR", "INTERNAL ERROR"}}, {0xff, []string{"UNSPECIFIED ERROR"}}}
	forcesLFBs = []tokRange{{0, []string{"Invalid TLV", "FEObj LFB", "FEProtoObj LFB"}}}
)

// forcesTok is tok2str(table, NULL, v).
func forcesTok(tab []tokRange, v uint32) string { return tokNum(tab, v) }

// forcesIndent is indent_pr: indent spaces, or a newline and indent-1
// spaces with nl.
func forcesIndent(indent int, nl bool) string {
	indent = min(indent, 255)
	if nl {
		return "\n" + strings.Repeat(" ", max(indent-1, 0))
	}
	return strings.Repeat(" ", max(indent, 0))
}

func fAlign(n int) int { return (n + 3) &^ 3 }

// forcesTLVValid is tlv_valid.
func forcesTLVValid(tlvl, rlen int) int {
	switch {
	case rlen < 4:
		return 1
	case tlvl < 4:
		return 2
	case tlvl > rlen:
		return 3
	case rlen < fAlign(tlvl):
		return 4
	}
	return 0
}

// forcesILVValid is ilv_valid.
func (p *Printer) forcesILVValid(b []byte, off, rlen int) int {
	if rlen < 8 {
		return 1
	}
	l := p.u32(b, off+4)
	switch {
	case l < 8:
		return 2
	case uint64(l) > uint64(rlen):
		return 3
	case uint64(rlen) < uint64(fAlign(int(l))):
		return 4
	}
	return 0
}

// forcesCheck is ND_TCHECK_LEN in print-forces.c: on failure the
// " [|forces]" marker, and the caller returns -1.
func (p *Printer) forcesCheck(b []byte, off, n int) bool {
	if off+n > len(b) {
		p.printTrunc()
		return false
	}
	return true
}

func (p *Printer) forcesMsgs() []forcesMsg {
	const (
		assnsOps = 1 << 10
		cfgOps   = 1<<0 | 1<<1 | 1<<4 | 1<<11 | 1<<13
		cfgROps  = 1<<2 | 1<<3 | 1<<5 | 1<<12
		cfgQY    = 1<<6 | 1<<7
		cfgQYR   = 1<<8 | 1<<9
	)
	return []forcesMsg{{0, fZeroTTLV, 0, "Invalid message", nil},
		{0x01, fZeroMoreTTLV | 0x20, assnsOps, "Association Setup", p.forcesLFBSelect},
		{0x02, fTTLVT1, 0, "Association TearDown", p.forcesAST},
		{0x03, fTTLVT2, cfgOps, "Config", p.forcesLFBSelect},
		{0x04, fTTLVT2, cfgQY, "Query", p.forcesLFBSelect},
		{0x05, fTTLVT1, assnsOps, "Event Notification", p.forcesLFBSelect},
		{0x06, fTTLVT2, 0, "Packet Redirect", p.forcesRedirect},
		{0x0f, fZeroTTLV, 0, "HeartBeat", nil},
		{0x11, fTTLVT1, 0, "Association Response", p.forcesASR},
		{0x13, fTTLVT2, cfgROps, "Config Response", p.forcesLFBSelect},
		{0x14, fTTLVT2, cfgQYR, "Query Response", p.forcesLFBSelect}}
}

// forcesOpFor is get_forces_optlv_h.
func (p *Printer) forcesOpFor(op uint16) forcesOp {
	rec := p.forcesRecPD
	ops := []forcesOp{{0, "Invalid OPTLV", p.forcesInvOp},
		{fBFullD | fBSparD, " Set", rec}, {fBFullD | fBSparD, " SetProp", rec},
		{fBRestV, " SetResp", rec}, {fBRestV, " SetPropResp", rec}, {0, " Del", rec},
		{fBRestV, " DelResp", rec}, {0, " Get", rec}, {0, " GetProp", rec},
		{fBFullD | fBSparD | fBRestV, " GetResp", rec}, {fBFullD | fBRestV, " GetPropResp", rec},
		{fBFullD | fBSparD, " Report", rec}, {0, " Commit", nil},
		{fBRestV, " RCommit", p.forcesGenOp}, {0, " RTRCOMP", nil}}
	if int(op) >= len(ops) {
		op = 0
	}
	return ops[op]
}

// forces is forces_print.
func (p *Printer) forces(b []byte, length int) {
	p.enter("forces")
	if !p.forcesCheck(b, 0, 24) {
		return
	}
	tom := p.u8(b, 1)
	if tom == 0 || (tom >= 0x7 && tom <= 0xe) || tom == 0x10 || tom > 0x14 {
		p.printf("Invalid ForCES message type %d\n", tom)
		p.forcesError(b, length)
		return
	}
	mlen := int(p.u16(b, 2)) << 2
	var msg forcesMsg
	for _, m := range p.forcesMsgs() {
		if m.tom == tom {
			msg = m
		}
	}
	if msg.tom == 0 {
		p.printf("\n\tUnknown ForCES message type=0x%x", tom)
		p.forcesError(b, length)
		return
	}
	p.printf("\n\tForCES %s ", msg.name)
	if length < 24 || mlen < 24 || mlen != length {
		p.printf("Illegal ForCES pkt len - min 24, total recvd %d, advertised %d ", length, mlen)
		p.forcesError(b, length)
		return
	}
	flags := p.u32(b, 20)
	if p.o.Verbose >= 1 {
		p.printf("\n\tForCES Version %d len %dB flags 0x%08x ", b[0]>>4, mlen, flags)
		sid, did := p.u32(b, 4), p.u32(b, 8)
		p.printf("\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%x", sid, forcesNode(sid), did, forcesNode(did), p.u64(b, 12))
	}
	if p.o.Verbose >= 2 {
		ack, em, at, tp := flags>>30, (flags>>22)&3, (flags>>21)&1, (flags>>19)&3
		p.printf("\n\tForCES flags:\n\t  %s(0x%x), prio=%d, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n",
			[]string{"NoACK", "SuccessACK", "FailureACK", "AlwaysACK"}[ack], ack, (flags>>27)&7,
			[]string{"EMReserved", "execute-all-or-none", "execute-until-failure", "continue-execute-on-failure"}[em], em,
			[]string{"Standalone", "2PCtransaction"}[at], at,
			[]string{"StartofTransaction", "MiddleofTransaction", "EndofTransaction", "abort"}[tp], tp)
		p.printf("\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", (flags>>24)&7, flags&0x7ffff)
	}
	if p.forcesType(b, mlen, msg) < 0 {
		p.forcesError(b, length)
		return
	}
	if p.o.Verbose >= 4 {
		p.puts("\n\t  Raw ForCES message\n\t [")
		p.hexGet("\n\t ", b, 0, length)
		p.puts("\n\t ]")
	}
}

// forcesError is forces_print's "error:" label: the message in hex.
func (p *Printer) forcesError(b []byte, length int) {
	p.hexGet("\n\t[", b, 0, length)
	p.puts("\n\t]")
}

func forcesNode(n uint32) string {
	switch {
	case n <= 0x3fffffff:
		return "FE"
	case n <= 0x7fffffff:
		return "CE"
	case n >= 0xc0000000 && n <= 0xffffffef:
		return "AllMulticast"
	case n == 0xfffffffd:
		return "AllCEsBroadcast"
	case n == 0xfffffffe:
		return "AllFEsBroadcast"
	case n == 0xffffffff:
		return "AllBroadcast"
	}
	return "ForCESreserved"
}

func forcesTopTLVValid(t uint16) bool {
	return t == 1 || t == 0x1000 || t == 0x10 || t == 0x11 || (t >= 0x110 && t <= 0x116)
}

// forcesType is forces_type_print: the top-level TLVs.
func (p *Printer) forcesType(b []byte, mlen int, msg forcesMsg) int {
	rlen := mlen - 24
	if rlen > 4 {
		if msg.flags&fZeroTTLV != 0 {
			p.printf("<0x%x>Illegal Top level TLV!\n", msg.flags)
			return -1
		}
	} else {
		if msg.flags&fZeroMoreTTLV != 0 {
			return 0
		}
		if msg.flags&fOneMoreTTLV != 0 {
			p.puts("\tTop level TLV Data missing!\n")
			return -1
		}
	}
	if msg.flags&fZeroTTLV != 0 {
		return 0
	}
	ttlv := int(msg.flags >> 4)
	off := 24
	for rlen != 0 {
		typ, tlvl := p.u16(b, off), int(p.u16(b, off+2))
		if forcesTLVValid(tlvl, rlen) != 0 {
			break
		}
		if !forcesTopTLVValid(typ) {
			p.printf("\n\tInvalid ForCES Top TLV type=0x%x", typ)
			return -1
		}
		if p.o.Verbose >= 3 {
			p.printf("\t%s, length %d (data length %d Bytes)", forcesTok(forcesTLVNames, uint32(typ)), tlvl, tlvl-4)
		}
		if msg.print(b, off+4, tlvl, msg.opMsk, 9) < 0 {
			return -1
		}
		rlen -= fAlign(tlvl)
		off += fAlign(tlvl)
		if ttlv--; ttlv <= 0 {
			break
		}
	}
	if rlen != 0 {
		p.printf("\tMess TopTLV header: min 4, total %d advertised %d ", rlen, p.u16(b, off+2))
		return -1
	}
	return 0
}

func opValid(op, mask uint16) bool {
	switch {
	case op == 0:
		return false
	case op <= 14:
		return (1<<(op-1))&mask != 0
	}
	return op >= 0x8000
}

// forcesLFBSelect is lfbselect_print.
func (p *Printer) forcesLFBSelect(b []byte, off, n int, opMsk uint16, indent int) int {
	ib := forcesIndent(indent, false)
	dlen := n - 4
	if dlen <= 12 {
		p.printf("\n\t\ttruncated lfb selector: %d bytes missing! ", uint32(12-dlen))
		return -1
	}
	rlen := dlen - 8
	if !p.forcesCheck(b, off, 8) {
		return -1
	}
	if p.o.Verbose >= 3 {
		class := p.u32(b, off)
		p.printf("\n%s%s(Classid %x) instance %x\n", ib, forcesTok(forcesLFBs, class), class, p.u32(b, off+4))
	}
	ot := off + 8
	indent++
	for rlen != 0 {
		typ, tlvl := p.u16(b, ot), int(p.u16(b, ot+2))
		if forcesTLVValid(tlvl, rlen) != 0 {
			break
		}
		if opValid(typ, opMsk) {
			p.forcesOTLV(b, ot, indent)
		} else {
			if p.o.Verbose < 3 {
				p.puts("\n")
			}
			p.printf("\t\tINValid oper-TLV type 0x%x length %d for this ForCES message\n", typ, tlvl)
			p.forcesInvOp(b, ot, rlen, 0, indent)
		}
		rlen -= fAlign(tlvl)
		ot += fAlign(tlvl)
	}
	if rlen != 0 {
		p.printf("\n\t\tMessy oper TLV header, type (0x%x)\n\t\texcess of %d Bytes ", p.u16(b, ot), uint32(rlen-int(p.u16(b, ot+2))))
		return -1
	}
	return 0
}

// forcesOTLV is otlv_print.
func (p *Printer) forcesOTLV(b []byte, off, indent int) int {
	ib := forcesIndent(indent, false)
	typ := p.u16(b, off)
	tll := int(p.u16(b, off+2)) - 4
	op := p.forcesOpFor(typ)
	if p.o.Verbose >= 3 {
		p.printf("%sOper TLV %s(0x%x) length %d\n", ib, op.name, typ, p.u16(b, off+2))
	}
	if tll < 8 {
		p.printf("\t\tOper TLV %s(0x%x) length %d\n", op.name, typ, p.u16(b, off+2))
		p.printf("\t\tTruncated data size %d minimum required 8\n", tll)
		return p.forcesInvOp(b, off+4, tll, op.opMsk, indent)
	}
	if op.print != nil {
		return op.print(b, off+4, tll, op.opMsk, indent+1)
	}
	return 0
}

// forcesInvOp is invoptlv_print.
func (p *Printer) forcesInvOp(b []byte, off, n int, _ uint16, indent int) int {
	ib := forcesIndent(indent, true)
	if p.o.Verbose >= 3 {
		p.printf("%sData[", ib[1:])
		p.hexGet(ib, b, off, n)
		p.printf("%s]\n", ib)
	}
	return -1
}

// forcesGenOp is genoptlv_print.
func (p *Printer) forcesGenOp(b []byte, off, n int, opMsk uint16, indent int) int {
	ib := forcesIndent(indent, false)
	typ, tlvl := p.u16(b, off), int(p.u16(b, off+2))
	inv := forcesTLVValid(tlvl, n)
	p.printf("genoptlvprint - %s TLV type 0x%x len %d\n", forcesTok(forcesTLVNames, uint32(typ)), typ, tlvl)
	if inv != 0 {
		p.printf("\t\t\tInvalid ForCES TLV type=%x", typ)
		return -1
	}
	if !forcesTopTLVValid(typ) {
		p.printf("%s TLV type 0x%x len %d\n", forcesTok(forcesTLVErrs, uint32(inv)), typ, tlvl)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("%s%s, length %d (data length %d Bytes)", ib, forcesTok(forcesTLVNames, uint32(typ)), tlvl, tlvl-4)
	}
	return p.forcesPData(b, off+4, tlvl-4, opMsk, indent+1)
}

// forcesRecPD is recpdoptlv_print.
func (p *Printer) forcesRecPD(b []byte, off, n int, opMsk uint16, indent int) int {
	for n != 0 {
		tlvl := int(p.u16(b, off+2))
		if forcesTLVValid(tlvl, n) != 0 {
			break
		}
		ib := forcesIndent(indent, false)
		typ := p.u16(b, off)
		if p.o.Verbose >= 3 {
			p.printf("%s%s, length %d (data encapsulated %d Bytes)", ib, forcesTok(forcesTLVNames, uint32(typ)), tlvl, tlvl-4)
		}
		if p.forcesPData(b, off+4, tlvl-4, opMsk, indent+1) == -1 {
			return -1
		}
		n -= fAlign(tlvl)
		off += fAlign(tlvl)
	}
	if n != 0 {
		p.printf("\n\t\tMessy PATHDATA TLV header, type (0x%x)\n\t\texcess of %d Bytes ", p.u16(b, off), uint32(n-int(p.u16(b, off+2))))
		return -1
	}
	return 0
}

// forcesPData is pdata_print.
func (p *Printer) forcesPData(b []byte, off, n int, opMsk uint16, indent int) int {
	ib := forcesIndent(indent, false)
	if !p.forcesCheck(b, off, 4) {
		return -1
	}
	if n < 4 {
		p.printTrunc()
		return -1
	}
	pflags, idcnt := p.u16(b, off), int(p.u16(b, off+2))
	if p.o.Verbose >= 3 {
		p.printf("\n%sPathdata: Flags 0x%x ID count %d\n", ib, pflags, idcnt)
	}
	if pflags&1 != 0 {
		opMsk |= fBKeyIn
	}
	if pflags&2 != 0 {
		opMsk |= fBTrng
	}
	if pflags&4 != 0 {
		opMsk |= fBAppnd
	}
	off, n = off+4, n-4
	if n < idcnt*4 {
		p.printf("\t\t\ttruncated IDs expected %dB got %dB\n", idcnt*4, n)
		p.hexGet("\t\t\tID Data[", b, off, n)
		p.puts("]\n")
		return -1
	}
	if opMsk&fBTrng != 0 && opMsk&fBKeyIn != 0 {
		p.puts("\t\t\tIllegal to have both Table ranges and keys\n")
		return -1
	}
	more := p.forcesPDataCnt(b, off, n, idcnt, opMsk, indent)
	if more > 0 {
		return p.forcesRecPD(b, off+n-more, more, opMsk, indent+1)
	}
	return 0
}

// forcesPDataCnt is pdatacnt_print: the IDs, then a key or range, then
// one data TLV; it returns the bytes left over (or -1).
func (p *Printer) forcesPDataCnt(b []byte, off, n, idcnt int, opMsk uint16, indent int) int {
	ib := forcesIndent(indent, false)
	if opMsk&fBAppnd != 0 && p.o.Verbose >= 3 {
		p.printf("%sTABLE APPEND\n", ib)
	}
	for i := 0; i < idcnt; i++ {
		if !p.forcesCheck(b, off, 4) {
			return -1
		}
		if n < 4 {
			p.printTrunc()
			return -1
		}
		id := p.u32(b, off)
		if p.o.Verbose >= 3 {
			p.printf("%sID#%02d: %d\n", ib, i+1, id)
		}
		off, n = off+4, n-4
	}
	if opMsk&fBTrng != 0 {
		if n < 12 {
			p.printf("pathlength %d with key/range too short 12\n", n)
			return -1
		}
		off, n = off+4, n-4
		start, end := p.u32(b, off), p.u32(b, off+4)
		off, n = off+8, n-8
		if p.o.Verbose >= 3 {
			p.printf("%sTable range: [%d,%d]\n", ib, start, end)
		}
	}
	if opMsk&fBKeyIn != 0 {
		if n < 12 {
			p.printf("pathlength %d with key/range too short 12\n", n)
			return -1
		}
		key := off + 4
		off, n = off+8, n-8
		tll := int(p.u16(b, key+2))
		if tll < 4 {
			p.printf("key content length %d < 4\n", tll)
			return -1
		}
		if tll -= 4; n < tll {
			p.puts("key content too short\n")
			return -1
		}
		off, n = off+tll, n-tll
	}
	if n == 0 {
		return 0
	}
	return p.forcesPDataTLV(b, off, n, opMsk, indent, ib)
}

// forcesPDataTLV is the data TLV at the end of pdatacnt_print.
func (p *Printer) forcesPDataTLV(b []byte, off, n int, opMsk uint16, indent int, ib string) int {
	typ, tlvl := p.u16(b, off), int(p.u16(b, off+2))
	if inv := forcesTLVValid(tlvl, n); inv != 0 {
		p.printf("%s Outstanding bytes %d for TLV type 0x%x TLV len %d\n", forcesTok(forcesTLVErrs, uint32(inv)), n, typ, tlvl)
		return p.forcesPDErr(b, off, n, tlvl)
	}
	tll, pad := tlvl-4, 0
	if aln := fAlign(tlvl); aln > tlvl {
		if aln > n {
			p.printf("Invalid padded pathdata TLV type 0x%x len %d missing %d pad bytes\n", typ, tlvl, aln-n)
		} else {
			pad = aln - tlvl
		}
	}
	if typ < 0x110 || typ > 0x114 {
		p.printf("Invalid path data content type 0x%x len %d\n", typ, tlvl)
		return p.forcesPDErr(b, off, n, tlvl)
	}
	names := []string{"Inner PATH-DATA TLV", "KEYINFO TLV", "FULLDATA TLV", "SPARSEDATA TLV", "RESULT TLV"}
	masks := []uint16{0, 0, fBFullD, fBSparD, fBRestV}
	prints := []func(b []byte, off, n int, opMsk uint16, indent int) int{p.forcesRecPD, p.forcesKeyInfo,
		p.forcesFullData, p.forcesSparseData, p.forcesResult}
	i := typ - 0x110
	if p.o.Verbose >= 3 && typ != 0x110 {
		if pad != 0 {
			p.printf("%s  %s (Length %d DataLen %d pad %d Bytes)\n", ib, names[i], tlvl, tll, pad)
		} else {
			p.printf("%s  %s (Length %d DataLen %d Bytes)\n", ib, names[i], tlvl, tll)
		}
	}
	if typ != 0x110 {
		if opMsk&fBKeyIn != 0 {
			if typ != 0x111 {
				p.puts("Based on flags expected KEYINFO TLV!\n")
			}
		} else if opMsk&masks[i] == 0 {
			p.printf("Illegal DATA encoding for type 0x%x programmed %x got %x\n", typ, masks[i], opMsk)
		}
	}
	if prints[i](b, off, tll+pad+4, opMsk, indent+2) == -1 {
		return -1
	}
	return n - (4 + pad + tll)
}

// forcesPDErr is pdatacnt_print's pd_err label.
func (p *Printer) forcesPDErr(b []byte, off, n, tlvl int) int {
	if tlvl == 0 {
		return n
	}
	p.hexGet("Bad Data val\n\t  [", b, off, n)
	p.puts("]\n")
	return -1
}

// forcesResult is prestlv_print.
func (p *Printer) forcesResult(b []byte, off, n int, _ uint16, indent int) int {
	if dlen := n - 4; dlen != 4 {
		p.printf("illegal RESULT-TLV: %d bytes!\n", uint32(dlen))
		return -1
	}
	if !p.forcesCheck(b, off+4, 4) {
		return -1
	}
	r := p.u8(b, off+4)
	if r >= 0x18 && r <= 0xfe {
		p.printf("illegal reserved result code: 0x%x!\n", r)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("%s  Result: %s (code 0x%x)\n", forcesIndent(indent, false), forcesTok(forcesErrs, uint32(r)), r)
	}
	return 0
}

// forcesFullData is fdatatlv_print.
func (p *Printer) forcesFullData(b []byte, off, n int, _ uint16, indent int) int {
	rlen := n - 4
	if !p.forcesCheck(b, off, 4) {
		return -1
	}
	if p.u16(b, off) != 0x112 {
		p.puts("Error: expecting FULLDATA!\n")
		return -1
	}
	if p.o.Verbose >= 3 {
		ib := forcesIndent(indent+2, true)
		p.printf("%s[", ib[1:])
		p.hexGet(ib, b, off+4, rlen)
		p.printf("\n%s]", ib[1:])
	}
	return 0
}

// forcesSparseData is sdatatlv_print and sdatailv_print.
func (p *Printer) forcesSparseData(b []byte, off, n int, _ uint16, indent int) int {
	rlen := n - 4
	if !p.forcesCheck(b, off, 4) {
		return -1
	}
	if p.u16(b, off) != 0x113 {
		p.puts("Error: expecting SPARSEDATA!\n")
		return -1
	}
	off += 4
	if rlen < 8 {
		p.puts("Error: BAD SPARSEDATA-TLV!\n")
		return -1
	}
	indent++
	for rlen != 0 {
		ib := forcesIndent(indent, true)
		if inv := p.forcesILVValid(b, off, rlen); inv != 0 {
			p.printf("Error: %s, rlen %d\n", forcesTok(forcesTLVErrs, uint32(inv)), rlen)
			return -1
		}
		l := int(p.u32(b, off+4))
		if p.o.Verbose >= 3 {
			p.printf("\n%s ILV: type %x length %d\n", ib[1:], p.u32(b, off), l)
			p.hexGet("\t\t[", b, off+8, l-8)
		}
		rlen -= fAlign(l)
		off += fAlign(l)
	}
	return 0
}

// forcesKeyInfo is pkeyitlv_print.
func (p *Printer) forcesKeyInfo(b []byte, off, n int, opMsk uint16, indent int) int {
	ib := forcesIndent(indent, false)
	id := p.u32(b, off+4)
	p.printf("%sKeyinfo: Key 0x%x\n", ib, id)
	kd := off + 8
	typ, tll := p.u16(b, kd), int(p.u16(b, kd+2))
	if inv := forcesTLVValid(tll, n); inv != 0 {
		p.printf("%s TLV type 0x%x len %d\n", forcesTok(forcesTLVErrs, uint32(inv)), typ, tll)
		return -1
	}
	return p.forcesFullData(b, kd+4, tll, opMsk, indent)
}

// forcesAST is asttlv_print.
func (p *Printer) forcesAST(b []byte, off, n int, _ uint16, indent int) int {
	ib := forcesIndent(indent, false)
	if dlen := n - 4; dlen != 4 {
		p.printf("illegal ASTresult-TLV: %d bytes!\n", uint32(dlen))
		return -1
	}
	code := p.u32(b, off)
	if code > 255 {
		p.printf("illegal ASTresult result code: %d!\n", code)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("Teardown reason:\n%s", ib)
		reasons := []string{"Normal Teardown", "Loss of Heartbeats", "Out of bandwidth", "Out of Memory", "Application Crash"}
		if code < uint32(len(reasons)) {
			p.puts(reasons[code])
		} else {
			p.puts("Unknown Teardown reason")
		}
		p.printf("(%x)\n%s", code, ib)
	}
	return 0
}

// forcesASR is asrtlv_print.
func (p *Printer) forcesASR(b []byte, off, n int, _ uint16, indent int) int {
	ib := forcesIndent(indent, false)
	if dlen := n - 4; dlen != 4 {
		p.printf("illegal ASRresult-TLV: %d bytes!\n", uint32(dlen))
		return -1
	}
	code := p.u32(b, off)
	if code > 3 {
		p.printf("illegal ASRresult result code: %d!\n", code)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("\n%s%s(%x)\n%s", ib, []string{"Success ", "FE ID invalid ", "permission denied ", "Unknown "}[code], code, ib)
	}
	return 0
}

// forcesRedirect is redirect_print with print_metatlv and print_reddata.
func (p *Printer) forcesRedirect(b []byte, off, n int, _ uint16, indent int) int {
	dlen := n - 4
	if dlen <= 8 {
		p.printf("\n\t\ttruncated Redirect TLV: %d bytes missing! ", uint32(8-dlen))
		return -1
	}
	rlen := dlen
	indent++
	for rlen != 0 {
		typ, tlvl := p.u16(b, off), int(p.u16(b, off+2))
		if forcesTLVValid(tlvl, rlen) != 0 {
			p.puts("Bad Redirect data\n")
			break
		}
		switch typ {
		case 0x115:
			p.forcesMeta(b, off+4, tlvl, indent)
		case 0x116:
			rl := tlvl - 4
			p.printf("\n%s Redirect Data length %d\n", forcesIndent(indent, false), uint32(rl))
			if p.o.Verbose >= 3 {
				p.puts("\t\t[")
				p.hexGet("\n\t\t", b, off+4, rl)
				p.puts("\n\t\t]")
			}
		default:
			p.printf("Unknown REDIRECT TLV 0x%x len %d\n", typ, tlvl)
		}
		rlen -= fAlign(tlvl)
		off += fAlign(tlvl)
	}
	if rlen != 0 {
		p.printf("\n\t\tMessy Redirect TLV header, type (0x%x)\n\t\texcess of %d Bytes ", p.u16(b, off), uint32(rlen-int(p.u16(b, off+2))))
		return -1
	}
	return 0
}

// forcesMeta is print_metatlv and print_metailv.
func (p *Printer) forcesMeta(b []byte, off, n, indent int) {
	rlen := n - 4
	p.printf("\n%s METADATA length %d\n", forcesIndent(indent, false), uint32(rlen))
	for rlen != 0 {
		if p.forcesILVValid(b, off, rlen) != 0 {
			break
		}
		l := p.u32(b, off+4)
		p.printf("%sMetaID 0x%x length %d\n", forcesIndent(indent+1, false), p.u32(b, off), l)
		if p.o.Verbose >= 3 {
			p.hexGet("\t\t[", b, off+8, int(l)-8)
			p.puts(" ]\n")
		}
		rlen -= fAlign(int(l))
		off += fAlign(int(l))
	}
}
