package printer

import "fmt"

// SNMP (print-snmp.c as built without libsmi): a small BER decoder and
// the v1/v2c community and v3 USM message layouts, with OIDs named from
// the compiled-in MIB (snmp_mib.go) unless -n is given.

// The BE_* element types of print-snmp.c.
const (
	beAny          = 255
	beNull         = 1
	beOctet        = 2
	beOID          = 3
	beInt          = 4
	beUns          = 5
	beStr          = 6
	beSeq          = 7
	beInetAddr     = 8
	bePDU          = 9
	beUns64        = 10
	beNoSuchObject = 128
	beNoSuchInst   = 129
	beEndOfMIBView = 130
)

// The tag name tables of the ASN.1 classes (Universal, Application,
// Context, Private) and the SNMP exceptions.
var snmpClassIDs = [...][]string{
	{"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8", "U-9",
		"U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set"},
	{"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"},
	{"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform", "V2Trap", "Report"},
	{"P-0"},
	{"noSuchObject", "noSuchInstance", "endOfMibView"},
}

var (
	snmpErrorStatus = []string{"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
		"wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
		"resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable", "inconsistentName"}
	snmpGenericTrap = []string{"coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure",
		"egpNeighborLoss", "enterpriseSpecific"}
	snmpVersions = []string{"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"}
)

// The PDU tags.
const (
	snmpGetReq     = 0
	snmpGetNextReq = 1
	snmpSetReq     = 3
	snmpTrap       = 4
	snmpGetBulkReq = 5
	snmpInformReq  = 6
	snmpV2Trap     = 7
	snmpReport     = 8
)

// snmpAbbrevs is obj_abrev_list: OID prefixes printed as a short prefix.
var snmpAbbrevs = []struct {
	prefix string
	node   int
	oid    string
}{
	{"", snmpMIBMgmt, "\x2b\x06\x01\x02\x01"},
	{"E:", snmpMIBEnterprises, "\x2b\x06\x01\x04\x01"},
	{"X:", snmpMIBExperimental, "\x2b\x06\x01\x03"},
	{"S:", snmpMIBModules, "\x2b\x06\x01\x06\x03"},
}

// snmpElem is struct be: one decoded BER element.
type snmpElem struct {
	asnlen      uint32
	typ, id     uint8
	form, class uint8
	off         int // the contents in the captured bytes
	integer     int32
	uns         uint32
	uns64       uint64
}

// snmpMsg decodes one SNMP message in b (captured bytes from the UDP
// payload on).
type snmpMsg struct {
	p *Printer
	b []byte
}

// has is ND_TTEST_LEN.
func (m *snmpMsg) has(off int, n uint32) bool {
	return off >= 0 && uint64(off)+uint64(n) <= uint64(len(m.b))
}

func (m *snmpMsg) u8(off int) uint8 { return m.p.u8(m.b, off) }

// parse is asn1_parse: the element's size, or -1 after printing why.
func (m *snmpMsg) parse(off, length int, e *snmpElem) int {
	p := m.p
	l := uint32(length)
	e.asnlen, e.typ = 0, beAny
	if l < 1 {
		p.puts("[nothing to parse]")
		return -1
	}
	c := m.u8(off)
	id, form, class := c&0x1f, (c&0x20)>>5, (c&0xc0)>>6
	e.form, e.class, e.id = form, class, id
	off, l = off+1, l-1
	hdr := 1
	if id == 0x1f {
		id = 0
		for m.u8(off)&0x80 != 0 {
			if l < 1 {
				p.puts("[Xtagfield?]")
				return -1
			}
			id = id<<7 | m.u8(off)&0x7f
			off, l, hdr = off+1, l-1, hdr+1
		}
		if l < 1 {
			p.puts("[Xtagfield?]")
			return -1
		}
		id = id<<7 | m.u8(off)
		e.id = id
		off, l, hdr = off+1, l-1, hdr+1
	}
	if l < 1 {
		p.puts("[no asnlen]")
		return -1
	}
	e.asnlen = uint32(m.u8(off))
	off, l, hdr = off+1, l-1, hdr+1
	if e.asnlen&0x80 != 0 {
		noct := e.asnlen % 0x80
		e.asnlen = 0
		if l < noct {
			p.printf("[asnlen? %d<%d]", l, noct)
			return -1
		}
		if !m.has(off, noct) {
			p.printTrunc()
			return -1
		}
		for ; noct != 0; noct-- {
			e.asnlen = e.asnlen<<8 | uint32(m.u8(off))
			off, l, hdr = off+1, l-1, hdr+1
		}
	}
	if l < e.asnlen {
		p.printf("[len%d<asnlen%d]", l, e.asnlen)
		return -1
	}
	if int(id) >= len(snmpClassIDs[class]) {
		p.printf("[id?%c/x/%d]", "PC"[form], id)
		return -1
	}
	if !m.has(off, e.asnlen) {
		p.printTrunc()
		return -1
	}
	if !m.decode(off, e) {
		return -1
	}
	return int(e.asnlen) + hdr
}

// decode sets the element's type and value from its tag (the switch of
// asn1_parse); false when an INTEGER is empty.
func (m *snmpMsg) decode(off int, e *snmpElem) bool {
	p := m.p
	e.off = off
	name := snmpClassIDs[e.class][e.id]
	if e.form == 1 {
		switch {
		case e.class == 0 && e.id == 16:
			e.typ = beSeq
		case e.class == 0:
			e.typ = beOctet
			p.printf("C/U/%s", name)
		case e.class == 2:
			e.typ = bePDU
		default:
			e.typ = beOctet
			p.printf("C/x/%s", name)
		}
		return true
	}
	switch e.class {
	case 0:
		switch e.id {
		case 4:
			e.typ = beStr
		case 2:
			e.typ = beInt
			if e.asnlen == 0 {
				p.puts("[asnlen=0]")
				return false
			}
			var v int32
			if m.u8(off)&0x80 != 0 {
				v = -1
			}
			for i := uint32(0); i < e.asnlen; i++ {
				v = v<<8 | int32(m.u8(off+int(i)))
			}
			e.integer = v
		case 6:
			e.typ = beOID
		case 5:
			e.typ = beNull
		default:
			e.typ = beOctet
			p.printf("[P/U/%s]", name)
		}
	case 1:
		switch e.id {
		case 0:
			e.typ = beInetAddr
		case 1, 2, 3:
			e.typ = beUns
			var v uint32
			for i := uint32(0); i < e.asnlen; i++ {
				v = v<<8 + uint32(m.u8(off+int(i)))
			}
			e.uns = v
		case 6:
			e.typ = beUns64
			var v uint64
			for i := uint32(0); i < e.asnlen; i++ {
				v = v<<8 + uint64(m.u8(off+int(i)))
			}
			e.uns64 = v
		default:
			e.typ = beOctet
			p.printf("[P/A/%s]", name)
		}
	case 2:
		switch e.id {
		case 0:
			e.typ = beNoSuchObject
		case 1:
			e.typ = beNoSuchInst
		case 2:
			e.typ = beEndOfMIBView
		}
	default:
		p.printf("[P/x/%s]", name)
		e.typ = beOctet
	}
	return true
}

// octets is asn1_print_octets.
func (m *snmpMsg) octets(e *snmpElem) bool {
	if !m.has(e.off, e.asnlen) {
		m.p.printTrunc()
		return false
	}
	for _, c := range m.b[e.off : e.off+int(e.asnlen)] {
		m.p.printf("_%.2x", c)
	}
	return true
}

// str is asn1_print_string: quoted when all printable, else hex.
func (m *snmpMsg) str(e *snmpElem) bool {
	p := m.p
	if !m.has(e.off, e.asnlen) {
		p.printTrunc()
		return false
	}
	s := m.b[e.off : e.off+int(e.asnlen)]
	printable := true
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			printable = false
			break
		}
	}
	if printable {
		p.printf("\"%s\"", s)
		return true
	}
	for i, c := range s {
		p.printf("%s%.2x", cond(i > 0, "_", ""), c)
	}
	return true
}

// print is asn1_print; false after a truncation.
func (m *snmpMsg) print(e *snmpElem) bool {
	p := m.p
	switch e.typ {
	case beOctet:
		return m.octets(e)
	case beNull:
	case beOID:
		m.oid(e)
	case beInt:
		p.printf("%d", e.integer)
	case beUns:
		p.printf("%d", e.uns)
	case beUns64:
		p.printf("%d", e.uns64)
	case beStr:
		return m.str(e)
	case beSeq:
		p.printf("Seq(%d)", e.asnlen)
	case beInetAddr:
		if e.asnlen != 4 {
			p.puts("[inetaddr len!=4]")
		}
		if !m.has(e.off, e.asnlen) {
			p.printTrunc()
			return false
		}
		for i, c := range m.b[e.off : e.off+int(e.asnlen)] {
			p.printf("%s%d", cond(i > 0, ".", ""), c)
		}
	case beNoSuchObject, beNoSuchInst, beEndOfMIBView:
		p.printf("[%s]", snmpClassIDs[4][e.id])
	case bePDU:
		p.printf("%s(%d)", snmpClassIDs[2][e.id], e.asnlen)
	case beAny:
		p.puts("[BE_ANY!?]")
	default:
		p.puts("[be!?]")
	}
	return true
}

// oid prints an OBJECT IDENTIFIER: numeric with -n, else walking the
// compiled-in MIB as far as the sub-identifiers match (OBJ_PRINT).
func (m *snmpMsg) oid(e *snmpElem) {
	p := m.p
	resolve := p.o.NoResolve == 0
	off, i := e.off, e.asnlen
	obj, first := -1, -1
	if resolve && e.asnlen > 2 {
		for _, a := range snmpAbbrevs {
			n := uint32(len(a.oid))
			if i < n || !m.has(off, n) || string(m.b[off:off+int(n)]) != a.oid {
				continue
			}
			obj = int(snmpMIB[a.node].child)
			i -= n
			off += int(n)
			p.puts(a.prefix)
			first = 1
			break
		}
	}
	objPrint := func(o int32, suppressDot bool) {
		for obj >= 0 && int32(snmpMIB[obj].oid) != o {
			obj = int(snmpMIB[obj].next)
		}
		dot := cond(suppressDot, "", ".")
		if obj < 0 {
			p.printf("%s%d", dot, uint32(o))
			return
		}
		start := 0
		if obj > 0 {
			start = int(snmpMIB[obj-1].end)
		}
		p.printf("%s%s", dot, snmpMIBNames[start:snmpMIB[obj].end])
		obj = int(snmpMIB[obj].child)
	}
	var o int32
	for ; i != 0; off, i = off+1, i-1 {
		c := m.u8(off)
		o = o<<7 + int32(c&0x7f)
		if c&0x80 != 0 {
			continue
		}
		if first < 0 {
			if resolve {
				obj = 0
			}
			first = 0
			s := o / 40
			if s > 2 {
				s = 2
			}
			objPrint(s, first != 0)
			o -= s * 40
		}
		objPrint(o, first != 0)
		if first--; first < 0 {
			first = 0
		}
		o = 0
	}
}

// expect parses the next element and checks its type; on a mismatch it
// prints "[what]" and the element, as print-snmp.c does everywhere.
func (m *snmpMsg) expect(off, length int, e *snmpElem, typ uint8, what string) int {
	n := m.parse(off, length, e)
	if n < 0 {
		return -1
	}
	if e.typ != typ {
		m.p.printf("[%s]", what)
		m.print(e)
		return -1
	}
	return n
}

// snmp is snmp_print.
func (p *Printer) snmp(b []byte, length int) {
	p.enter("snmp")
	p.puts(" ")
	m := &snmpMsg{p: p, b: b}
	var e snmpElem
	n := m.expect(0, length, &e, beSeq, "!init SEQ")
	if n < 0 {
		return
	}
	if n < length {
		p.printf("[%d extra after iSEQ]", length-n)
	}
	off, length := e.off, int(e.asnlen)
	if n = m.expect(off, length, &e, beInt, "version!=INT"); n < 0 {
		return
	}
	version := e.integer
	switch version {
	case 0, 1, 3:
		if p.o.Verbose > 0 {
			p.printf("{ %s ", snmpVersions[version])
		}
	default:
		p.printf("SNMP [version = %d]", version)
		return
	}
	off, length = off+n, length-n
	if version == 3 {
		m.v3msg(off, length)
	} else {
		m.community(off, length, version)
	}
	if p.o.Verbose > 0 {
		p.puts("} ")
	}
}

// community is community_print: "C=..." unless it is "public".
func (m *snmpMsg) community(off, length int, version int32) {
	var e snmpElem
	n := m.expect(off, length, &e, beStr, "comm!=STR")
	if n < 0 {
		return
	}
	if !(e.asnlen == 6 && m.has(e.off, 6) && string(m.b[e.off:e.off+6]) == "public") {
		m.p.puts("C=")
		if !m.str(&e) {
			return
		}
		m.p.puts(" ")
	}
	m.pdu(off+n, length-n, version)
}

// pdu is pdu_print.
func (m *snmpMsg) pdu(off, length int, version int32) {
	p := m.p
	var e snmpElem
	n := m.parse(off, length, &e)
	if n < 0 {
		return
	}
	if e.typ != bePDU {
		p.puts("[no PDU]")
		return
	}
	if n < length {
		p.printf("[%d extra after PDU]", length-n)
	}
	if p.o.Verbose > 0 {
		p.puts("{ ")
	}
	if !m.print(&e) {
		return
	}
	p.puts(" ")
	off, length = e.off, int(e.asnlen)
	id := e.id
	if version == 0 && (id == snmpGetBulkReq || id == snmpInformReq || id == snmpV2Trap || id == snmpReport) {
		p.puts("[v2 PDU in v1 message]")
		return
	}
	if version == 1 && id == snmpTrap {
		p.puts("[v1 PDU in v2 message]")
		return
	}
	if id == snmpTrap {
		m.trap(off, length)
	} else {
		m.snmpPDU(id, off, length)
	}
	if p.o.Verbose > 0 {
		p.puts(" } ")
	}
}

// snmpPDU is snmppdu_print: request id, error status and index, varbinds.
func (m *snmpMsg) snmpPDU(id uint8, off, length int) {
	p := m.p
	var e snmpElem
	n := m.expect(off, length, &e, beInt, "reqId!=INT")
	if n < 0 {
		return
	}
	if p.o.Verbose > 0 {
		p.printf("R=%d ", e.integer)
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beInt, "errorStatus!=INT"); n < 0 {
		return
	}
	strict := id == snmpGetReq || id == snmpGetNextReq || id == snmpSetReq || id == snmpInformReq ||
		id == snmpV2Trap || id == snmpReport
	errStatus := int32(0)
	switch v := e.integer; {
	case strict && v != 0:
		p.printf("[errorStatus(%s)!=0]", snmpErrName(v))
	case id == snmpGetBulkReq:
		p.printf(" N=%d", v)
	case v != 0:
		p.printf(" %s", snmpErrName(v))
		errStatus = v
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beInt, "errorIndex!=INT"); n < 0 {
		return
	}
	switch v := e.integer; {
	case strict && v != 0:
		p.printf("[errorIndex(%d)!=0]", v)
	case id == snmpGetBulkReq:
		p.printf(" M=%d", v)
	case v != 0 && errStatus == 0:
		p.printf("[errorIndex(%d) w/o errorStatus]", v)
	case v != 0:
		p.printf("@%d", v)
	case errStatus != 0:
		p.puts("[errorIndex==0]")
	}
	m.varbinds(id, off+n, length-n)
}

func snmpErrName(v int32) string {
	if v >= 0 && int(v) < len(snmpErrorStatus) {
		return snmpErrorStatus[v]
	}
	return fmt.Sprintf("err=%d", uint32(v))
}

// trap is trappdu_print (SNMPv1 Trap-PDU).
func (m *snmpMsg) trap(off, length int) {
	p := m.p
	var e snmpElem
	p.puts(" ")
	n := m.expect(off, length, &e, beOID, "enterprise!=OID")
	if n < 0 || !m.print(&e) {
		return
	}
	off, length = off+n, length-n
	p.puts(" ")
	if n = m.expect(off, length, &e, beInetAddr, "agent-addr!=INETADDR"); n < 0 || !m.print(&e) {
		return
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beInt, "generic-trap!=INT"); n < 0 {
		return
	}
	generic := e.integer
	if generic >= 0 && int(generic) < len(snmpGenericTrap) {
		p.printf(" %s", snmpGenericTrap[generic])
	} else {
		p.printf(" gt=%d", generic)
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beInt, "specific-trap!=INT"); n < 0 {
		return
	}
	if generic != 6 {
		if e.integer != 0 {
			p.printf("[specific-trap(%d)!=0]", e.integer)
		}
	} else {
		p.printf(" s=%d", e.integer)
	}
	off, length = off+n, length-n
	p.puts(" ")
	if n = m.expect(off, length, &e, beUns, "time-stamp!=TIMETICKS"); n < 0 || !m.print(&e) {
		return
	}
	m.varbinds(snmpTrap, off+n, length-n)
}

// varbinds is varbind_print: " name=value" for each binding (requests
// print names only).
func (m *snmpMsg) varbinds(id uint8, off, length int) {
	p := m.p
	var e snmpElem
	n := m.expect(off, length, &e, beSeq, "!SEQ of varbind")
	if n < 0 {
		return
	}
	if n < length {
		p.printf("[%d extra after SEQ of varbind]", length-n)
	}
	off, length = e.off, int(e.asnlen)
	request := id == snmpGetReq || id == snmpGetNextReq || id == snmpGetBulkReq
	for length != 0 {
		p.puts(" ")
		if n = m.expect(off, length, &e, beSeq, "!varbind"); n < 0 {
			return
		}
		vbEnd, vbLen := off+n, length-n
		off, length = e.off, int(e.asnlen)
		if n = m.expect(off, length, &e, beOID, "objName!=OID"); n < 0 || !m.print(&e) {
			return
		}
		off, length = off+n, length-n
		if !request {
			p.puts("=")
		}
		if n = m.parse(off, length, &e); n < 0 {
			return
		}
		if e.typ != beNull {
			if request {
				p.puts("[objVal!=NULL]")
			}
			if !m.print(&e) {
				return
			}
		}
		off, length = vbEnd, vbLen
	}
}

// v3msg is v3msg_print: the header data, USM parameters and scoped PDU.
func (m *snmpMsg) v3msg(start, total int) {
	p := m.p
	var e snmpElem
	n := m.expect(start, total, &e, beSeq, "!message")
	if n < 0 {
		return
	}
	off, length := e.off, int(e.asnlen)
	if p.o.Verbose > 0 {
		p.puts("{ ")
	}
	if n = m.expect(off, length, &e, beInt, "msgID!=INT"); n < 0 {
		return
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beInt, "msgMaxSize!=INT"); n < 0 {
		return
	}
	off, length = off+n, length-n
	if n = m.expect(off, length, &e, beStr, "msgFlags!=STR"); n < 0 {
		return
	}
	if e.asnlen != 1 {
		p.printf("[msgFlags size %d]", e.asnlen)
		return
	}
	flags := m.u8(e.off)
	if flags != 0 && flags != 1 && flags != 3 && flags != 4 && flags != 5 && flags != 7 {
		p.printf("[msgFlags=0x%02X]", flags)
		return
	}
	off, length = off+n, length-n
	p.printf("F=%s%s%s ", cond(flags&1 != 0, "a", ""), cond(flags&2 != 0, "p", ""), cond(flags&4 != 0, "r", ""))
	if n = m.expect(off, length, &e, beInt, "msgSecurityModel!=INT"); n < 0 {
		return
	}
	model := e.integer
	off, length = off+n, length-n
	if n < length {
		p.printf("[%d extra after message SEQ]", length-n)
	}
	if p.o.Verbose > 0 {
		p.puts("} ")
	}
	if model != 3 {
		p.printf("[security model %d]", model)
		return
	}
	if p.o.Verbose > 0 {
		p.puts("{ USM ")
	}
	length = total - (off - start)
	if n = m.expect(off, length, &e, beStr, "msgSecurityParameters!=STR"); n < 0 {
		return
	}
	off, length = off+n, length-n
	m.usm(e.off, int(e.asnlen))
	if p.o.Verbose > 0 {
		p.puts("} { ScopedPDU ")
	}
	m.scopedPDU(off, length)
	if p.o.Verbose > 0 {
		p.puts("} ")
	}
}

// usm is usm_print: engine boots and time with -v, and the user name.
func (m *snmpMsg) usm(off, length int) {
	p := m.p
	var e snmpElem
	n := m.expect(off, length, &e, beSeq, "!usm")
	if n < 0 {
		return
	}
	off, length = e.off, int(e.asnlen)
	if n = m.expect(off, length, &e, beStr, "msgAuthoritativeEngineID!=STR"); n < 0 {
		return
	}
	off, length = off+n, length-n
	for _, f := range []struct{ what, label string }{
		{"msgAuthoritativeEngineBoots!=INT", "B"}, {"msgAuthoritativeEngineTime!=INT", "T"}} {
		if n = m.expect(off, length, &e, beInt, f.what); n < 0 {
			return
		}
		if p.o.Verbose > 0 {
			p.printf("%s=%d ", f.label, e.integer)
		}
		off, length = off+n, length-n
	}
	if n = m.expect(off, length, &e, beStr, "msgUserName!=STR"); n < 0 {
		return
	}
	off, length = off+n, length-n
	p.puts("U=")
	if !m.str(&e) {
		return
	}
	p.puts(" ")
	for _, what := range []string{"msgAuthenticationParameters!=STR", "msgPrivacyParameters!=STR"} {
		if n = m.expect(off, length, &e, beStr, what); n < 0 {
			return
		}
		off, length = off+n, length-n
	}
	if n < length {
		p.printf("[%d extra after usm SEQ]", length-n)
	}
}

// scopedPDU is scopedpdu_print: context engine id and name, then the PDU.
func (m *snmpMsg) scopedPDU(off, length int) {
	p := m.p
	var e snmpElem
	n := m.expect(off, length, &e, beSeq, "!scoped PDU")
	if n < 0 {
		return
	}
	off, length = e.off, int(e.asnlen)
	if n = m.expect(off, length, &e, beStr, "contextEngineID!=STR"); n < 0 {
		return
	}
	off, length = off+n, length-n
	p.puts("E=")
	if !m.octets(&e) {
		return
	}
	p.puts(" ")
	if n = m.expect(off, length, &e, beStr, "contextName!=STR"); n < 0 {
		return
	}
	off, length = off+n, length-n
	p.puts("C=")
	if !m.str(&e) {
		return
	}
	p.puts(" ")
	m.pdu(off, length, 3)
}
