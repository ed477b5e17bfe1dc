package printer

import "fmt"

// Name tables of print-isakmp.c (STR_OR_ID prints "#%u" past their end
// or for a missing entry).
var (
	ikeProtoIDs = []string{1: "isakmp", 2: "ipsec-ah", 3: "ipsec-esp", 4: "ipcomp"}
	ikeNPs      = []string{"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
		"pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23", "pay24",
		"pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32", "v2sa", "v2ke", "v2IDi", "v2IDr",
		"v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d", "v2vid", "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap"}
	ikeETypes = []string{0: "none", 1: "base", 2: "ident", 3: "auth", 4: "agg", 5: "inf", 32: "oakley-quick",
		33: "oakley-newgroup", 34: "ikev2_init", 35: "ikev2_auth", 36: "child_sa", 37: "inf2"}
	ikeV2TTypes = []string{1: "encr", 2: "prf", 3: "integ", 4: "dh", 5: "esn"}
	ikeAHIDs    = []string{1: "(reserved)", 2: "md5", 3: "sha", 4: "1des", 5: "sha2-256", 6: "sha2-384", 7: "sha2-512"}
	ikePRFIDs   = []string{1: "hmac-md5", 2: "hmac-sha", 3: "hmac-tiger", 4: "aes128_xcbc"}
	ikeIntegIDs = []string{1: "hmac-md5", 2: "hmac-sha", 3: "dec-mac", 4: "kpdk-md5", 5: "aes-xcbc"}
	ikeESNIDs   = []string{"no-esn", "esn"}
	ikeDHGroups = []string{1: "modp768", 2: "modp1024", 3: "EC2N 2^155", 4: "EC2N 2^185", 5: "modp1536",
		6: "iana-grp06", 7: "iana-grp07", 8: "iana-grp08", 9: "iana-grp09", 10: "iana-grp10", 11: "iana-grp11",
		12: "iana-grp12", 13: "iana-grp13", 14: "modp2048", 15: "modp3072", 16: "modp4096", 17: "modp6144",
		18: "modp8192"}
	ikeESPIDs = []string{1: "1des-iv64", 2: "1des", 3: "3des", 4: "rc5", 5: "idea", 6: "cast", 7: "blowfish",
		8: "3idea", 9: "1des-iv32", 10: "rc4", 11: "null", 12: "aes"}
	ikeIPCompIDs = []string{1: "oui", 2: "deflate", 3: "lzs"}
	ikeIDTypes   = []string{1: "IPv4", 2: "FQDN", 3: "user FQDN", 4: "IPv4net", 5: "IPv6", 6: "IPv6net",
		7: "IPv4range", 8: "IPv6range", 9: "ASN1 DN", 10: "ASN1 GN", 11: "keyid"}
	ikeCertTypes = []string{"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl", "arl", "spki",
		"x509attr"}
	ikeNotifyErrors = []string{1: "INVALID-PAYLOAD-TYPE", 2: "DOI-NOT-SUPPORTED", 3: "SITUATION-NOT-SUPPORTED",
		4: "INVALID-COOKIE", 5: "INVALID-MAJOR-VERSION", 6: "INVALID-MINOR-VERSION", 7: "INVALID-EXCHANGE-TYPE",
		8: "INVALID-FLAGS", 9: "INVALID-MESSAGE-ID", 10: "INVALID-PROTOCOL-ID", 11: "INVALID-SPI",
		12: "INVALID-TRANSFORM-ID", 13: "ATTRIBUTES-NOT-SUPPORTED", 14: "NO-PROPOSAL-CHOSEN",
		15: "BAD-PROPOSAL-SYNTAX", 16: "PAYLOAD-MALFORMED", 17: "INVALID-KEY-INFORMATION",
		18: "INVALID-ID-INFORMATION", 19: "INVALID-CERT-ENCODING", 20: "INVALID-CERTIFICATE",
		21: "CERT-TYPE-UNSUPPORTED", 22: "INVALID-CERT-AUTHORITY", 23: "INVALID-HASH-INFORMATION",
		24: "AUTHENTICATION-FAILED", 25: "INVALID-SIGNATURE", 26: "ADDRESS-NOTIFICATION", 27: "NOTIFY-SA-LIFETIME",
		28: "CERTIFICATE-UNAVAILABLE", 29: "UNSUPPORTED-EXCHANGE-TYPE", 30: "UNEQUAL-PAYLOAD-LENGTHS"}
	ikeIPsecStatus = []string{"RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT"}
	ikeV2Auth      = []string{"invalid", "rsasig", "shared-secret", "dsssig"}
)

// ikeAttrMap is print-isakmp.c's struct attrmap: an attribute type name
// and the names of its first nvalue values.
type ikeAttrMap struct {
	typ    string
	nvalue int
	values []string
}

var (
	ikeOakleyMap = []ikeAttrMap{{}, {"enc", 8, []string{1: "1des", 2: "idea", 3: "blowfish", 4: "rc5", 5: "3des", 6: "cast", 7: "aes"}},
		{"hash", 7, []string{1: "md5", 2: "sha1", 3: "tiger", 4: "sha2-256", 5: "sha2-384", 6: "sha2-512"}},
		{"auth", 6, []string{1: "preshared", 2: "dss", 3: "rsa sig", 4: "rsa enc", 5: "rsa enc revised"}},
		{"group desc", 18, ikeDHGroups}, {"group type", 4, []string{1: "MODP", 2: "ECP", 3: "EC2N"}},
		{"group prime", 0, nil}, {"group gen1", 0, nil}, {"group gen2", 0, nil}, {"group curve A", 0, nil},
		{"group curve B", 0, nil}, {"lifetype", 3, []string{1: "sec", 2: "kb"}}, {"lifeduration", 0, nil},
		{"prf", 0, nil}, {"keylen", 0, nil}, {"field", 0, nil}, {"order", 0, nil}}
	ikeIPsecMap = []ikeAttrMap{{}, {"lifetype", 3, []string{1: "sec", 2: "kb"}}, {"life", 0, nil},
		{"group desc", 18, ikeDHGroups}, {"enc mode", 3, []string{1: "tunnel", 2: "transport"}},
		{"auth", 5, []string{1: "hmac-md5", 2: "hmac-sha1", 3: "1des-mac", 4: "keyed"}}, {"keylen", 0, nil},
		{"rounds", 0, nil}, {"dictsize", 0, nil}, {"privalg", 0, nil}}
	ikeEncrMap = []ikeAttrMap{14: {"keylen", 14, nil}}
)

// strOrID is STR_OR_ID: the table's name, else "#%u".
func strOrID(t []string, v uint32) string {
	if v < uint32(len(t)) && t[v] != "" {
		return t[v]
	}
	return fmt.Sprintf("#%d", v)
}

func ikeNP(np uint8) string { return strOrID(ikeNPs, uint32(np)) }

// ikeCookies is print-isakmp.c's cookie cache, kept across packets: the
// initiator cookies of the last 20 exchanges seen with their addresses,
// to tell initiator (I) from responder (R) messages.
type ikeCookies struct {
	next    int
	entries [20]struct {
		cookie       [8]byte
		version      int
		iaddr, raddr [16]byte
	}
}

func (c *ikeCookies) find(ck []byte) int {
	for i := range c.entries {
		if string(c.entries[i].cookie[:]) == string(ck) {
			return i
		}
	}
	return -1
}

func (c *ikeCookies) record(ck []byte, h *ipHdr) {
	if i := c.find(ck); i >= 0 {
		c.next = (i + 1) % len(c.entries)
		return
	}
	e := &c.entries[c.next]
	e.version = 4
	if h.v6 {
		e.version = 6
	}
	e.iaddr, e.raddr = [16]byte{}, [16]byte{}
	copy(e.iaddr[:], h.src)
	copy(e.raddr[:], h.dst)
	copy(e.cookie[:], ck)
	c.next = (c.next + 1) % len(c.entries)
}

// side reports whether the packet's source is entry i's initiator (or,
// with initiator false, its responder).
func (c *ikeCookies) side(i int, h *ipHdr, initiator bool) bool {
	e := &c.entries[i]
	if (e.version == 6) != h.v6 || e.version == 0 {
		return false
	}
	addr := e.raddr[:len(h.src)]
	if initiator {
		addr = e.iaddr[:len(h.src)]
	}
	return string(addr) == string(h.src)
}

// isakmpNATT is isakmp_rfc3948_print (UDP port 4500): a NAT keepalive,
// IKE after a zero non-ESP marker, or UDP-encapsulated ESP.
func (p *Printer) isakmpNATT(b []byte, length int, h *ipHdr) {
	p.enter("isakmp_rfc3948")
	if length == 1 && p.u8(b, 0) == 0xff {
		p.puts("isakmp-nat-keep-alive")
		return
	}
	if length < 4 {
		p.printTrunc()
		return
	}
	if p.u32(b, 0) == 0 {
		p.puts("NONESP-encap: ")
		p.isakmp(b[4:], length-4, h)
		return
	}
	p.puts("UDP-encap: ")
	p.esp(b, length)
}

// isakmp is isakmp_print (UDP port 500): the header, and with -v every
// IKEv1 or IKEv2 payload. Encrypted payloads are not decrypted (tcpdump
// only does with -E, which this package does not offer).
func (p *Printer) isakmp(b []byte, length int, h *ipHdr) {
	p.enter("isakmp")
	if len(b) < 28 {
		p.printTrunc()
		return
	}
	p.puts("isakmp")
	major, minor := b[17]>>4, b[17]&0xf
	if p.o.Verbose > 0 {
		p.printf(" %d.%d msgid %08x", major, minor, p.u32(b, 20))
	}
	if p.o.Verbose > 1 {
		p.printf(" cookie %016x->%016x", p.u64(b, 0), p.u64(b, 8))
	}
	p.puts(":")
	switch major {
	case 1:
		p.ikev1(b, length, h)
	case 2:
		p.ikev2(b, length)
	}
}

func (p *Printer) ikePhase(b []byte) uint32 {
	if p.u32(b, 20) == 0 {
		return 1
	}
	return 2
}

func (p *Printer) ikev1(b []byte, length int, h *ipHdr) {
	phase := p.ikePhase(b)
	if phase == 1 {
		p.puts(" phase 1")
	} else {
		p.puts(" phase 2/others")
	}
	if p.ike == nil {
		p.ike = &ikeCookies{}
	}
	switch i := p.ike.find(b[:8]); {
	case i < 0 && isZero(b[8:16]):
		p.puts(" I")
		p.ike.record(b[:8], h)
	case i < 0:
		p.puts(" ?")
	case p.ike.side(i, h, true):
		p.puts(" I")
	case p.ike.side(i, h, false):
		p.puts(" R")
	default:
		p.puts(" ?")
	}
	p.printf(" %s", strOrID(ikeETypes, uint32(b[18])))
	flags := b[19]
	if flags != 0 {
		p.printf("[%s%s]", cond(flags&1 != 0, "E", ""), cond(flags&2 != 0, "C", ""))
	}
	p.ikeBody(b, length, flags, phase, false)
}

func isZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func (p *Printer) ikev2(b []byte, length int) {
	phase := p.ikePhase(b)
	if phase == 1 {
		p.puts(" parent_sa")
	} else {
		p.puts(" child_sa ")
	}
	p.printf(" %s", strOrID(ikeETypes, uint32(b[18])))
	flags := b[19]
	if flags != 0 {
		p.printf("[%s%s%s]", cond(flags&0x08 != 0, "I", ""), cond(flags&0x10 != 0, "V", ""), cond(flags&0x20 != 0, "R", ""))
	}
	p.ikeBody(b, length, flags, phase, true)
}

// ikeBody prints the payload chain (-v) and the length check of
// ikev1_print and ikev2_print.
func (p *Printer) ikeBody(b []byte, length int, flags uint8, phase uint32, v2 bool) {
	if p.o.Verbose == 0 {
		return
	}
	p.puts(":")
	np := b[16]
	if flags&1 != 0 {
		p.printf(" [encrypted %s]", ikeNP(np))
	} else {
		p.ikeSub(b, np, 28, phase, 0, 0, 0, v2)
	}
	if n := p.u32(b, 24); n != uint32(length) {
		p.printf(" (len mismatch: isakmp %d/ip %d)", n, length)
	}
}

// ikeSub is ikev1_sub_print/ikev2_sub_print: the chain of payloads from
// ext; it returns the offset after the last one, -1 for NULL.
func (p *Printer) ikeSub(b []byte, np uint8, ext int, phase, doi, proto uint32, depth int, v2 bool) int {
	cp := ext
	for np != 0 {
		if ext+4 > len(b) || ext+int(p.u16(b, ext+2)) > len(b) {
			p.printf(" [|%s]", ikeNP(np))
			return -1
		}
		depth++
		p.puts("\n")
		for i := 0; i < depth; i++ {
			p.puts("    ")
		}
		p.puts("(")
		cp = p.ikeSub0(b, np, ext, phase, doi, proto, depth, v2)
		p.puts(")")
		depth--
		if cp < 0 {
			return -1
		}
		np = p.u8(b, ext)
		ext = cp
	}
	return cp
}

// ikeSub0 is ike_sub0_print/ikev2_sub0_print: one payload.
func (p *Printer) ikeSub0(b []byte, np uint8, ext int, phase, doi, proto uint32, depth int, v2 bool) int {
	if ext+4 > len(b) {
		p.printTrunc()
		return -1
	}
	n := int(p.u16(b, ext+2))
	if n <= 4 {
		return -1
	}
	if v2 && np == 46 {
		return p.ikev2E(b, np, ext, n)
	}
	if r, ok := p.ikePayload(b, np, ext, n, phase, doi, proto, depth); ok {
		return r
	}
	p.puts(ikeNP(np))
	return ext + n
}

// ikePayload dispatches on the payload type (npfunc); ok is false for
// types without a printer.
func (p *Printer) ikePayload(b []byte, np uint8, ext, n int, phase, doi, proto uint32, depth int) (int, bool) {
	switch np {
	case 1:
		return p.ikev1SA(b, ext, phase, proto, depth), true
	case 2:
		return p.ikev1P(b, ext, phase, doi, depth), true
	case 3:
		return p.ikev1T(b, ext, n, proto), true
	case 4, 8, 9, 13:
		return p.ikev1Gen(b, np, ext, n, " len="), true
	case 5:
		return p.ikev1ID(b, ext, n, phase), true
	case 6, 7:
		return p.ikev1Cert(b, np, ext, n), true
	case 10:
		return p.ikev1Nonce(b, ext, n), true
	case 11:
		return p.ikev1N(b, ext, n), true
	case 12:
		return p.ikev1D(b, ext), true
	case 33:
		return p.ikev2SA(b, np, ext, depth), true
	case 34:
		return p.ikev2KE(b, np, ext, n), true
	case 35, 36:
		return p.ikev2ID(b, np, ext, n), true
	case 37, 38, 42, 44, 45, 47, 48:
		return p.ikev2Gen(b, np, ext, n), true
	case 39:
		return p.ikev2Auth(b, np, ext, n), true
	case 40:
		return p.ikev2Nonce(b, np, ext, n), true
	case 41:
		return p.ikev2N(b, ext, n), true
	case 43:
		return p.ikev2VID(b, np, ext, n), true
	}
	return 0, false
}

// ikeTrunc is a payload printer's "trunc:" label.
func (p *Printer) ikeTrunc(np uint8) int {
	p.printf(" [|%s]", ikeNP(np))
	return -1
}

// ikeRaw is rawprint: n bytes in hex, false when not all were captured.
func (p *Printer) ikeRaw(b []byte, off, n int) bool {
	if off < 0 || n < 0 || off+n > len(b) {
		return false
	}
	for _, c := range b[off : off+n] {
		p.printf("%02x", c)
	}
	return true
}

// ikeSomeData is ike_show_somedata: the first ten and the last twenty
// bytes up to the end of the capture.
func (p *Printer) ikeSomeData(b []byte, cp int) bool {
	ep := len(b)
	end, elen := ep-20, 20
	n := min(ep-cp, 10)
	if end < cp+n {
		end = cp + n
		elen = ep - end
	}
	p.puts(" data=(")
	if !p.ikeRaw(b, cp, n) {
		return false
	}
	p.puts("...")
	if elen != 0 && !p.ikeRaw(b, end, elen) {
		return false
	}
	p.puts(")")
	return true
}

// ikeAttr is ikev1_attrmap_print (and ikev1_attr_print with no map): one
// data attribute; ep2 ends the enclosing payload. -1 is a truncation.
func (p *Printer) ikeAttr(b []byte, cp, ep2 int, m []ikeAttrMap) int {
	tot := 4
	if p.u8(b, cp)&0x80 == 0 {
		tot += int(p.u16(b, cp+2))
	}
	if ep2 < cp+tot {
		p.puts("[|attr]")
		return ep2 + 1
	}
	p.puts("(")
	t := int(p.u16(b, cp) & 0x7fff)
	if t < len(m) && m[t].typ != "" {
		p.printf("type=%s ", m[t].typ)
	} else {
		p.printf("type=#%d ", t)
	}
	if p.u8(b, cp)&0x80 != 0 {
		p.puts("value=")
		v := int(p.u16(b, cp+2))
		if t < len(m) && v < m[t].nvalue && v < len(m[t].values) && m[t].values[v] != "" {
			p.puts(m[t].values[v])
		} else if !p.ikeRaw(b, cp+2, 2) {
			p.puts(")")
			return -1
		}
	} else {
		p.printf("len=%d value=", tot-4)
		if !p.ikeRaw(b, cp+4, tot-4) {
			p.puts(")")
			return -1
		}
	}
	p.puts(")")
	return cp + tot
}

func (p *Printer) ikev1SA(b []byte, ext int, phase, proto uint32, depth int) int {
	p.puts("sa:")
	if ext+12 > len(b) {
		return p.ikeTrunc(1)
	}
	doi, sit := p.u32(b, ext+4), p.u32(b, ext+8)
	if doi != 1 {
		p.printf(" doi=%d situation=%d", doi, sit)
		return ext + 12
	}
	p.puts(" doi=ipsec situation=")
	t := 0
	for i, s := range []string{"identity", "secrecy", "integrity"} {
		if sit&(1<<i) != 0 {
			p.printf("%s%s", cond(t > 0, "+", ""), s)
			t++
		}
	}
	np := ext + 12
	if sit != 1 {
		// tcpdump reads the "ident" at ext + 1 struct isakmp_gen, the DOI.
		p.printf(" ident=%d", p.u32(b, ext+4))
		np += 4
	}
	if np+4 > len(b) {
		return p.ikeTrunc(1)
	}
	return p.ikeSub(b, 2, np, phase, doi, proto, depth, false)
}

func (p *Printer) ikev1P(b []byte, ext int, phase, doi uint32, depth int) int {
	p.puts("p:")
	if ext+8 > len(b) {
		return p.ikeTrunc(2)
	}
	prot := p.u8(b, ext+5)
	p.printf(" #%d protoid=%s transform=%d", p.u8(b, ext+4), strOrID(ikeProtoIDs, uint32(prot)), p.u8(b, ext+7))
	spi := int(p.u8(b, ext+6))
	if spi != 0 {
		p.puts(" spi=")
		if !p.ikeRaw(b, ext+8, spi) {
			return p.ikeTrunc(2)
		}
	}
	next := ext + 8 + spi
	if next+4 > len(b) {
		return p.ikeTrunc(2)
	}
	return p.ikeSub(b, 3, next, phase, doi, uint32(prot), depth, false)
}

func (p *Printer) ikev1T(b []byte, ext, n int, proto uint32) int {
	p.puts("t:")
	if ext+8 > len(b) {
		return p.ikeTrunc(3)
	}
	id := uint32(p.u8(b, ext+5))
	var ids []string
	var m []ikeAttrMap
	switch proto {
	case 1:
		ids, m = []string{1: "ike"}, ikeOakleyMap
	case 2:
		ids, m = ikeAHIDs, ikeIPsecMap
	case 3:
		ids, m = ikeESPIDs, ikeIPsecMap
	case 4:
		ids, m = ikeIPCompIDs, ikeIPsecMap
	}
	if ids != nil {
		p.printf(" #%d id=%s ", p.u8(b, ext+4), strOrID(ids, id))
	} else {
		p.printf(" #%d id=%d ", p.u8(b, ext+4), id)
	}
	return p.ikeAttrs(b, ext+8, ext+n, m, 3)
}

// ikeAttrs prints the data attributes of a transform up to ep2.
func (p *Printer) ikeAttrs(b []byte, cp, ep2 int, m []ikeAttrMap, np uint8) int {
	for cp < len(b) && cp < ep2 {
		if cp = p.ikeAttr(b, cp, ep2, m); cp < 0 {
			return p.ikeTrunc(np)
		}
	}
	if len(b) < ep2 {
		p.puts("...")
	}
	return cp
}

// ikev1Gen prints the payloads that only have a length and data (KE,
// hash, signature, vendor ID), the data with -vvv.
func (p *Printer) ikev1Gen(b []byte, np uint8, ext, n int, label string) int {
	p.printf("%s:", ikeNP(np))
	if ext+4 > len(b) {
		return p.ikeTrunc(np)
	}
	if np == 4 {
		label = " key len="
	}
	p.printf("%s%d", label, n-4)
	if p.o.Verbose > 2 && n > 4 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+4, n-4) {
			return p.ikeTrunc(np)
		}
	}
	return ext + n
}

func (p *Printer) ikev1Cert(b []byte, np uint8, ext, n int) int {
	p.printf("%s:", ikeNP(np))
	if ext+6 > len(b) {
		return p.ikeTrunc(np)
	}
	p.printf(" len=%d type=%s", n-4, strOrID(ikeCertTypes, uint32(p.u8(b, ext+4))))
	if p.o.Verbose > 2 && n > 4 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+4, n-4) {
			return p.ikeTrunc(np)
		}
	}
	return ext + n
}

func (p *Printer) ikev1Nonce(b []byte, ext, n int) int {
	p.puts("nonce:")
	if ext+4 > len(b) {
		return p.ikeTrunc(10)
	}
	p.printf(" n len=%d", n-4)
	if n > 4 {
		switch {
		case p.o.Verbose > 2:
			p.puts(" ")
			if !p.ikeRaw(b, ext+4, n-4) {
				return p.ikeTrunc(10)
			}
		case p.o.Verbose > 1:
			p.puts(" ")
			if !p.ikeSomeData(b, ext+4) {
				return p.ikeTrunc(10)
			}
		}
	}
	return ext + n
}

func (p *Printer) ikev1ID(b []byte, ext, n int, phase uint32) int {
	p.puts("id:")
	if ext+8 > len(b) {
		return p.ikeTrunc(5)
	}
	data, dlen := -1, 0
	if n > 8 {
		data, dlen = ext+8, n-8
	}
	if phase != 1 && phase != 2 {
		p.printf(" idtype=%s doi_data=%d", strOrID([]string{"IPv4", "IPv4net", "IPv6", "IPv6net"}, uint32(p.u8(b, ext+4))),
			p.u32(b, ext+4)&0xffffff)
	} else {
		typ, proto := p.u8(b, ext+4), p.u8(b, ext+5)
		p.printf(" idtype=%s", strOrID(ikeIDTypes, uint32(typ)))
		if name := p.names.proto(proto); p.o.NoResolve == 0 && proto != 0 && name != "" {
			p.printf(" protoid=%s", name)
		} else {
			p.printf(" protoid=%d", proto)
		}
		p.printf(" port=%d", p.u16(b, ext+6))
		if dlen != 0 {
			if data+dlen > len(b) {
				return p.ikeTrunc(5)
			}
			dlen = p.ikeIDData(b, typ, data, dlen)
		}
	}
	if data >= 0 && dlen != 0 {
		p.printf(" len=%d", dlen)
		if p.o.Verbose > 2 {
			p.puts(" ")
			if !p.ikeRaw(b, data, dlen) {
				return p.ikeTrunc(5)
			}
		}
	}
	return ext + n
}

// ikeIDData prints IPsec DOI identification data; it returns the length
// left for the generic " len=" dump (0 once printed).
func (p *Printer) ikeIDData(b []byte, typ uint8, d, n int) int {
	ip4 := func(o int) string { return p.names.ip4(p.bytes(b, d+o, 4)) }
	ip6 := func(o int) string { return p.names.ip6(p.bytes(b, d+o, 16)) }
	bad := func(min int) bool {
		if n < min {
			p.printf(" len=%d [bad: < %d]", n, min)
			return true
		}
		return false
	}
	switch typ {
	case 1:
		if !bad(4) {
			p.printf(" len=%d %s", n, ip4(0))
		}
	case 2, 3:
		p.printf(" len=%d ", n)
		for i := 0; i < n; i++ {
			p.fnPrintChar(p.u8(b, d+i))
		}
	case 4:
		if !bad(8) {
			m := p.bytes(b, d+4, 4)
			p.printf(" len=%d %s/%d.%d.%d.%d", n, ip4(0), m[0], m[1], m[2], m[3])
		}
	case 5:
		if !bad(16) {
			p.printf(" len=%d %s", n, ip6(0))
		}
	case 6:
		if !bad(32) {
			p.printf(" len=%d %s/0x%x", n, ip6(0), p.bytes(b, d+16, 16))
		}
	case 7:
		if !bad(8) {
			p.printf(" len=%d %s-%s", n, ip4(0), ip4(4))
		}
	case 8:
		if !bad(32) {
			p.printf(" len=%d %s-%s", n, ip6(0), ip6(16))
		}
	default:
		return n
	}
	return 0
}

func (p *Printer) ikev1N(b []byte, ext, n int) int {
	p.puts("n:")
	if ext+12 > len(b) {
		return p.ikeTrunc(11)
	}
	doi, proto, typ := p.u32(b, ext+4), p.u8(b, ext+8), uint32(p.u16(b, ext+10))
	spi := int(p.u8(b, ext+9))
	var ts string
	switch {
	case typ < 8192:
		ts = strOrID(ikeNotifyErrors, typ)
	case typ < 16384 && doi == 1:
		ts = strOrID([]string{"RESERVED"}, typ-8192)
	case typ < 16384:
		ts = strOrID(nil, typ)
	case typ < 24576:
		ts = strOrID([]string{"CONNECTED"}, typ-16384)
	case typ < 32768 && doi == 1:
		ts = strOrID(ikeIPsecStatus, typ-24576)
	default:
		ts = strOrID(nil, typ)
	}
	if doi != 1 {
		p.printf(" doi=%d proto=%d type=%s", doi, proto, ts)
	} else {
		p.printf(" doi=ipsec proto=%s type=%s", strOrID(ikeProtoIDs, uint32(proto)), ts)
	}
	if spi != 0 {
		p.puts(" spi=")
		if !p.ikeRaw(b, ext+12, spi) {
			return p.ikeTrunc(11)
		}
	}
	cp := ext + 12 + spi
	if doi != 1 {
		return cp
	}
	if cp < len(b) && !p.ikeNotifyData(b, typ, cp, ext+n) {
		return p.ikeTrunc(11)
	}
	return ext + n
}

// ikeNotifyData prints an IPsec DOI notification's data; false is a
// truncation.
func (p *Printer) ikeNotifyData(b []byte, typ uint32, cp, ep2 int) bool {
	switch typ {
	case 24576:
		p.puts(" attrs=(")
		for cp < len(b) && cp < ep2 {
			if cp = p.ikeAttr(b, cp, ep2, ikeOakleyMap); cp < 0 {
				p.puts(")")
				return false
			}
		}
		p.puts(")")
	case 24577:
		p.printf(" status=(replay detection %sabled)", cond(p.u32(b, cp) != 0, "en", "dis"))
	default:
		if p.o.Verbose > 3 {
			p.puts(" data=(")
			if !p.ikeRaw(b, cp, len(b)-cp) {
				return false
			}
			p.puts(")")
		} else if !p.ikeSomeData(b, cp) {
			return false
		}
	}
	return true
}

func (p *Printer) ikev1D(b []byte, ext int) int {
	p.puts("d:")
	if ext+12 > len(b) {
		return p.ikeTrunc(12)
	}
	doi, proto := p.u32(b, ext+4), p.u8(b, ext+8)
	if doi != 1 {
		p.printf(" doi=%d proto=%d", doi, proto)
	} else {
		p.printf(" doi=ipsec proto=%s", strOrID(ikeProtoIDs, uint32(proto)))
	}
	spi, nspi := int(p.u8(b, ext+9)), int(p.u16(b, ext+10))
	p.printf(" spilen=%d nspi=%d spi=", spi, nspi)
	q := ext + 12
	for i := 0; i < nspi; i++ {
		if i != 0 {
			p.puts(",")
		}
		if !p.ikeRaw(b, q, spi) {
			return p.ikeTrunc(12)
		}
		q += spi
	}
	return q
}

// ikev2Pay is ikev2_pay_print: the payload name and critical flag.
func (p *Printer) ikev2Pay(name string, critical uint8) {
	p.printf("%s%s:", name, cond(critical&0x80 != 0, "[C]", ""))
}

func (p *Printer) ikev2Gen(b []byte, np uint8, ext, n int) int {
	if ext+4 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	p.printf(" len=%d", n-4)
	if p.o.Verbose > 2 && n > 4 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+4, n-4) {
			return p.ikeTrunc(np)
		}
	}
	return ext + n
}

func (p *Printer) ikev2T(b []byte, tcount, ext, n int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(3)
	}
	p.ikev2Pay("t", b[ext+1])
	id, typ := uint32(p.u16(b, ext+6)), uint32(b[ext+4])
	var ids []string
	var m []ikeAttrMap
	switch typ {
	case 1:
		ids, m = ikeESPIDs, ikeEncrMap
	case 2:
		ids = ikePRFIDs
	case 3:
		ids = ikeIntegIDs
	case 4:
		ids = ikeDHGroups
	case 5:
		ids = ikeESNIDs
	}
	if ids != nil {
		p.printf(" #%d type=%s id=%s ", tcount, strOrID(ikeV2TTypes, typ), strOrID(ids, id))
	} else {
		p.printf(" #%d type=%s id=%d ", tcount, strOrID(ikeV2TTypes, typ), id)
	}
	return p.ikeAttrs(b, ext+8, ext+n, m, 3)
}

func (p *Printer) ikev2SA(b []byte, tpay uint8, ext, depth int) int {
	if ext+4 > len(b) {
		return p.ikeTrunc(tpay)
	}
	p.ikev2Pay("sa", b[ext+1])
	saLen := int(p.u16(b, ext+2)) - 4
	p.printf(" len=%d", saLen)
	return p.ikev2Loop(b, tpay, 2, ext+4, saLen, depth, func(_, ext, n, depth int) int {
		return p.ikev2P(b, ext, n, depth)
	})
}

// ikev2Loop is the loop of ikev2_sa_print and ikev2_p_print over the
// proposals of an SA or the transforms of a proposal (items of type
// want), whose truncations are reported as tpay. It returns the offset
// reached, -1 for NULL.
func (p *Printer) ikev2Loop(b []byte, tpay, want uint8, cp, length, depth int, item func(count, ext, n, depth int) int) int {
	count := 0
	np := want
	for ext := cp; np != 0; np = p.u8(b, ext) {
		count++
		ext = cp
		if length < 4 {
			p.printf(" [|%s]", ikeNP(tpay))
			return cp + length
		}
		if ext+4 > len(b) {
			return p.ikeTrunc(tpay)
		}
		n := int(p.u16(b, ext+2))
		if n <= 4 {
			return p.ikeTrunc(tpay)
		}
		if length < n {
			p.printf(" [|%s]", ikeNP(tpay))
			return cp + length
		}
		if cp+n > len(b) {
			return p.ikeTrunc(tpay)
		}
		depth++
		p.puts("\n")
		for i := 0; i < depth; i++ {
			p.puts("    ")
		}
		p.puts("(")
		if np == want {
			if cp = item(count, ext, n, depth); cp < 0 {
				return -1
			}
		} else {
			p.puts(ikeNP(np))
			cp += n
		}
		p.puts(")")
		depth--
		length -= n
	}
	return cp
}

func (p *Printer) ikev2P(b []byte, ext, n, depth int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(2)
	}
	p.ikev2Pay("p", b[ext+1])
	length := n - 4
	p.printf(" #%d protoid=%s transform=%d len=%d", b[ext+4], strOrID(ikeProtoIDs, uint32(b[ext+5])), b[ext+7], n)
	cp := ext + 8
	if spi := int(b[ext+6]); spi != 0 {
		if length < spi {
			p.puts(" [|p]")
			return cp + length
		}
		p.puts(" spi=")
		if !p.ikeRaw(b, cp, spi) {
			return p.ikeTrunc(2)
		}
		cp += spi
		length -= spi
	}
	return p.ikev2Loop(b, 2, 3, cp, length, depth, func(count, ext, n, depth int) int {
		return p.ikev2T(b, count, ext, n)
	})
}

func (p *Printer) ikev2KE(b []byte, np uint8, ext, n int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	if n < 8 {
		p.printf(" len=%d < 8", n)
		return ext + n
	}
	p.printf(" len=%d group=%s", n-8, strOrID(ikeDHGroups, uint32(p.u16(b, ext+4))))
	if p.o.Verbose > 2 && n > 8 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+8, n-8) {
			return p.ikeTrunc(np)
		}
	}
	return ext + n
}

func (p *Printer) ikev2ID(b []byte, np uint8, ext, n int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	p.printf(" len=%d", n-4)
	if p.o.Verbose > 2 && n > 4 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+4, n-4) {
			return p.ikeTrunc(np)
		}
	}
	idLen, data := uint32(n-8), ext+8
	ascii := false
	switch b[ext+4] {
	case 1:
		p.puts(" ipv4:")
	case 2:
		p.puts(" fqdn:")
		ascii = true
	case 3:
		p.puts(" rfc822:")
		ascii = true
	case 5:
		p.puts(" ipv6:")
	case 9:
		p.puts(" dn:")
	case 10:
		p.puts(" gn:")
	case 11:
		p.puts(" keyid:")
	default:
		return ext + n
	}
	if uint64(data)+uint64(idLen) > uint64(len(b)) {
		return p.ikeTrunc(np)
	}
	if ascii {
		p.ikePrintable(b[data : data+int(idLen)])
	} else {
		p.ikeRaw(b, data, int(idLen))
	}
	return ext + n
}

// ikePrintable prints printable ASCII as is and anything else as '.'.
func (p *Printer) ikePrintable(b []byte) {
	for _, c := range b {
		if c >= 0x20 && c <= 0x7e {
			p.out = append(p.out, c)
		} else {
			p.puts(".")
		}
	}
}

func (p *Printer) ikev2Auth(b []byte, np uint8, ext, n int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	p.printf(" len=%d method=%s", n-4, strOrID(ikeV2Auth, uint32(b[ext+4])))
	if n > 4 {
		switch {
		case p.o.Verbose > 1:
			p.puts(" authdata=(")
			if !p.ikeRaw(b, ext+8, n-8) {
				return p.ikeTrunc(np)
			}
			p.puts(") ")
		case p.o.Verbose > 0:
			if !p.ikeSomeData(b, ext+8) {
				return p.ikeTrunc(np)
			}
		}
	}
	return ext + n
}

func (p *Printer) ikev2Nonce(b []byte, np uint8, ext, n int) int {
	if ext+4 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay("nonce", b[ext+1])
	p.printf(" len=%d", n-4)
	switch {
	case p.o.Verbose > 1 && n > 4:
		p.puts(" nonce=(")
		if !p.ikeRaw(b, ext+4, n-4) {
			return p.ikeTrunc(np)
		}
		p.puts(") ")
	case p.o.Verbose > 0 && n > 4:
		if !p.ikeSomeData(b, ext+4) {
			return p.ikeTrunc(np)
		}
	}
	return ext + n
}

// ikev2Notify names the IKEv2 notify types print-isakmp.c knows, and
// whether their SPI is shown.
func ikev2Notify(t uint16) (string, bool) {
	switch t {
	case 1:
		return "unsupported_critical_payload", false
	case 4:
		return "invalid_ike_spi", true
	case 5:
		return "invalid_major_version", false
	case 7:
		return "invalid_syntax", true
	case 9:
		return "invalid_message_id", true
	case 11:
		return "invalid_spi", true
	case 14:
		return "no_protocol_chosen", true
	case 17:
		return "invalid_ke_payload", true
	case 24:
		return "authentication_failed", true
	case 34:
		return "single_pair_required", true
	case 35:
		return "no_additional_sas", false
	case 36:
		return "internal_address_failure", false
	case 37:
		return "failed:cp_required", false
	case 39:
		return "invalid_selectors", false
	case 16384:
		return "initial_contact", false
	case 16385:
		return "set_window_size", false
	case 16386:
		return "additional_ts_possible", false
	case 16387:
		return "ipcomp_supported", false
	case 16388:
		return "nat_detection_source_ip", true
	case 16389:
		return "nat_detection_destination_ip", true
	case 16390:
		return "cookie", true
	case 16391:
		return "use_transport_mode", false
	case 16392:
		return "http_cert_lookup_supported", false
	case 16393:
		return "rekey_sa", true
	case 16394:
		return "tfc_padding_not_supported", false
	case 16395:
		return "non_first_fragment_also", false
	case 0:
	}
	switch {
	case t < 8192:
		return "error", true
	case t < 16384:
		return "private-error", true
	case t < 40960:
		return "status", true
	}
	return "private-status", true
}

func (p *Printer) ikev2N(b []byte, ext, n int) int {
	if ext+8 > len(b) {
		return p.ikeTrunc(11)
	}
	p.ikev2Pay("n", b[ext+1])
	p.printf(" prot_id=%s", strOrID(ikeProtoIDs, uint32(b[ext+4])))
	typ := p.u16(b, ext+6)
	name, showSPI := ikev2Notify(typ)
	p.printf(" type=%d(%s)", typ, name)
	spi := int(b[ext+5])
	if showSPI && spi != 0 {
		p.puts(" spi=")
		if !p.ikeRaw(b, ext+8, spi) {
			return p.ikeTrunc(11)
		}
	}
	cp := ext + 8 + spi
	some := typ == 16390
	if cp < len(b) {
		if p.o.Verbose > 3 || (some && len(b)-cp < 30) {
			p.puts(" data=(")
			if !p.ikeRaw(b, cp, len(b)-cp) {
				return p.ikeTrunc(11)
			}
			p.puts(")")
		} else if some && !p.ikeSomeData(b, cp) {
			return p.ikeTrunc(11)
		}
	}
	return ext + n
}

func (p *Printer) ikev2VID(b []byte, np uint8, ext, n int) int {
	if ext+4 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	p.printf(" len=%d vid=", n-4)
	if ext+n > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikePrintable(b[ext+4 : ext+n])
	if p.o.Verbose > 2 && n-4 > 4 {
		p.puts(" ")
		p.ikeRaw(b, ext+4, n-4)
	}
	return ext + n
}

// ikev2E is ikev2_e_print: the encrypted payload's length (and data with
// -vvv); it always ends the chain.
func (p *Printer) ikev2E(b []byte, np uint8, ext, n int) int {
	if ext+4 > len(b) {
		return p.ikeTrunc(np)
	}
	p.ikev2Pay(ikeNP(np), b[ext+1])
	dlen := n - 4
	p.printf(" len=%d", dlen)
	if p.o.Verbose > 2 && dlen > 4 {
		p.puts(" ")
		if !p.ikeRaw(b, ext+4, dlen) {
			return p.ikeTrunc(np)
		}
	}
	if ext+4+dlen > len(b) {
		return p.ikeTrunc(np)
	}
	return -1
}
