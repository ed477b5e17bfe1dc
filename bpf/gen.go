package bpf

import (
	"fmt"
	"sync"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/internal/linktype"
)

// EtherTypes and IP protocol numbers used by the generator.
const (
	etherIP     = 0x0800
	etherARP    = 0x0806
	etherRARP   = 0x8035
	etherIPv6   = 0x86dd
	ether8021Q  = 0x8100
	ether8021AD = 0x88a8
	etherQinQ   = 0x9100
	etherMTU    = 1500

	protoICMP  = 1
	protoIGMP  = 2
	protoIGRP  = 9
	protoTCP   = 6
	protoUDP   = 17
	protoFrag  = 44
	protoESP   = 50
	protoAH    = 51
	protoICMP6 = 58
	protoPIM   = 103
	protoVRRP  = 112
	protoSCTP  = 132
	protoUndef = -1

	sllOutgoing = 4 // PACKET_OUTGOING in the cooked header's packet type
	sllP8022    = 4 // LINUX_SLL_P_802_2: protocol field value for 802.2 LLC
)

// gen holds libpcap's per-compilation state: the link type and the
// offsets that "vlan" shifts as the expression is parsed (gencode.c's
// off_linktype / off_linkpl).
type gen struct {
	lt          LinkType
	offLinkType int // -1: no EtherType field (RAW)
	offLinkPL   int // start of the network-layer header
	// noModel is set for link types libpcap filters without a header
	// model (noLinkModel): the name its "not implemented" error uses.
	noModel   string
	vlanDepth int
	opts      Options
	scratch   int // next free M[] slot

	// varOff is set after a "vlan" compiled in LiveEthernet form: from
	// then on the link-type and link-payload offsets have a variable part
	// (0 if the kernel stripped the tag into metadata, 4 if it is in-line)
	// kept in M[regLT] and M[regPL], as libpcap's off_linktype.reg /
	// off_linkpl.reg. The program then starts by zeroing both.
	varOff bool

	// ppp is set after "pppoes": the link layer is then PPP inside the
	// PPPoE session (libpcap PUSH_LINKHDR(DLT_PPP)); offLinkHdr is where
	// that link header starts (link[] accessors are relative to it).
	ppp        bool
	offLinkHdr int
	hdrVar     bool   // offLinkHdr has a variable part too
	hdrReg     uint32 // ... kept in this scratch word

	// geneve is set after "geneve": offsets are the inner frame's, all
	// variable, and libpcap disables its optimizer for the program.
	// geneveOwn are its blocks, geneveDone those that complete a match.
	geneve     bool
	geneveOwn  map[*block]bool
	geneveDone map[*block]bool

	// mplsDepth counts "mpls" primitives so far (label_stack_depth): each
	// moves the network layer 4 bytes on and turns ip/ip6 tests into
	// bottom-of-stack + IP version checks.
	mplsDepth int
	offNL     int // bytes of MPLS labels included in offLinkPL (off_nl)
	// nosnap is where an OSI network PDU starts past the link payload
	// (off_nl_nosnap): 3 on Ethernet (802.2 LLC header), else 0.
	nosnap int

	// err is the first error raised where a fragment is expected
	// ("unsupported protocol over mpls"); graph reports it.
	err error

	// poolUsed is what libpcap's allocation pool would hold by now (see
	// budget.go).
	poolUsed int
}

// Scratch words holding the variable offset parts (libpcap allocates the
// first free ones; we take the top two so arithmetic keeps M[0..13]).
const (
	regLinkHdr = 12 // link header start after geneve
	regHdr     = 13 // IPv4 header length + variable part, for variable indexes
	regPL      = 14
	regLT      = 15
)

// ldLH loads size bytes at off past the link header start.
func (g *gen) ldLH(off int, size uint32) []xbpf.RawInstruction {
	if !g.hdrVar {
		return []xbpf.RawInstruction{stmt(loadOp(size, mABS), uint32(g.offLinkHdr+off))}
	}
	return []xbpf.RawInstruction{stmt(opLDX|mMEM, g.hdrReg), stmt(loadOp(size, mIND), uint32(g.offLinkHdr+off))}
}

// linkLayerCheck is gen_prevlinkhdr_check: after geneve, link-layer
// tests first require that the payload has an Ethernet header at all
// (link header and payload offsets differ).
func (g *gen) linkLayerCheck(f frag) frag {
	if !g.geneve {
		return f
	}
	s := []xbpf.RawInstruction{stmt(opLD|mMEM, regLinkHdr), stmt(opLDX|mMEM, regPL)}
	return and(not(testFrag(s, jJEQ|srcX, 0)), f)
}

func newGen(lt LinkType, o Options) (*gen, error) {
	g := &gen{lt: lt, opts: o}
	switch lt {
	case LinkEN10MB:
		g.offLinkType, g.offLinkPL, g.nosnap = 12, 14, 3
	case LinkLinuxSLL:
		g.offLinkType, g.offLinkPL = 14, 16
	case LinkLinuxSLL2:
		g.offLinkType, g.offLinkPL = 0, 20
	case LinkRAW, LinkIPv4, LinkIPv6:
		g.offLinkType, g.offLinkPL = -1, 0
	default:
		name, ok := noLinkModel(lt)
		if !ok {
			return nil, unsupported(fmt.Sprintf("link type %d", lt))
		}
		g.offLinkType, g.offLinkPL, g.noModel = -1, 0, name
	}
	return g, nil
}

// noModelErr is the error gen_linktype raises on a link type without a
// header model (nil on the others). Primitives that check a value only
// after gen_linktype call it first, so the refusal comes first as in
// libpcap.
func (g *gen) noModelErr() error {
	if g.noModel == "" {
		return nil
	}
	return semErr("%s link-layer type filtering not implemented", g.noModel)
}

// noLinkModel reports whether libpcap 1.10.3 compiles filters for link
// type lt without knowing its header (OFFSET_NOT_SET for the link-type
// field and the payload): only link-independent primitives (len, link[],
// greater, less) work, and anything that needs the protocol fails with
// "NAME link-layer type filtering not implemented". That covers its
// DLT_MATCHING range except the types gencode.c has a header model for
// (hasLinkModel). name is what gen_linktype calls the type.
func noLinkModel(lt LinkType) (name string, ok bool) {
	if lt < 104 || lt > 289 || hasLinkModel(lt) {
		return "", false
	}
	if n, ok := noModelName(lt); ok {
		return n, true
	}
	return linktype.Description(uint32(lt)), true
}

// hasLinkModel lists the types in 104-289 whose headers libpcap models
// (recorded from tcpdump -r FILE -d ip over every value: these do not
// answer "not implemented"), plus MTP2 (139, 140) and ERF (197), whose
// own primitives (fisu, sls, ...) this compiler does not implement.
func hasLinkModel(lt LinkType) bool {
	switch lt {
	case 104, 105, 106, 107, 108, 109, 112, 113, 114, 117, 119, 122, 123, 127,
		129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140,
		163, 164, 165, 166, 167, 168, 178, 179, 180, 181, 183, 192, 194, 197,
		200, 226, 228, 229, 232, 233, 234, 238, 240, 241, 276:
		return true
	}
	return false
}

// noModelName is gen_linktype's own name for the types it refuses by name
// rather than by description (a switch: no table built at start-up).
func noModelName(lt LinkType) (string, bool) {
	switch lt {
	case 144:
		return "IrDA", true
	case 177:
		return "LAPD", true
	case 182:
		return "Multi-link Frame Relay", true
	case 186, 189, 220, 249:
		return "USB", true
	case 187, 201:
		return "Bluetooth", true
	case 190, 227:
		return "CAN", true
	case 191, 195, 215, 230, 283:
		return "IEEE 802.15.4", true
	case 193:
		return "IEEE 802.16", true
	case 196:
		return "SITA", true
	case 198:
		return "RAIF1", true
	case 199, 209:
		return "IPMB", true
	case 202:
		return "AX.25", true
	case 239:
		return "NFLOG", true
	case 246:
		return "PFSYNC", true
	}
	return "", false
}

// linkName is pcap_datalink_val_to_description, used in error messages.
func (g *gen) linkName() string {
	if g.ppp {
		return "PPP"
	}
	if g.noModel != "" {
		return linktype.Description(uint32(g.lt))
	}
	switch g.lt {
	case LinkEN10MB:
		return "Ethernet"
	case LinkLinuxSLL:
		return "Linux cooked v1"
	case LinkLinuxSLL2:
		return "Linux cooked v2"
	case LinkIPv4:
		return "Raw IPv4"
	case LinkIPv6:
		return "Raw IPv6"
	}
	return "Raw IP"
}

// ldRel loads size bytes at off past the link-type field (lt) or the
// link payload, adding the variable part when there is one.
func (g *gen) ldRel(lt bool, off int, size uint32) []xbpf.RawInstruction {
	base, reg := g.offLinkPL, uint32(regPL)
	if lt {
		base, reg = g.offLinkType, regLT
	}
	if !g.varOff {
		return []xbpf.RawInstruction{stmt(loadOp(size, mABS), uint32(base+off))}
	}
	return []xbpf.RawInstruction{stmt(opLDX|mMEM, reg), stmt(loadOp(size, mIND), uint32(base+off))}
}

func cmpStmts(s []xbpf.RawInstruction, jop uint16, v, mask uint32) frag {
	if mask != 0xffffffff {
		s = append(s, stmt(opALU|aluAND|srcK, mask))
	}
	return testFrag(s, jop, v)
}

// cmpPL and cmpLT are gen_mcmp relative to OR_LINKPL and OR_LINKTYPE.
func (g *gen) cmpPL(off int, size uint32, jop uint16, v, mask uint32) frag {
	return cmpStmts(g.ldRel(false, off, size), jop, v, mask)
}

func (g *gen) cmpLT(off int, size uint32, jop uint16, v, mask uint32) frag {
	return cmpStmts(g.ldRel(true, off, size), jop, v, mask)
}

func (g *gen) eqPL(off int, size uint32, v uint32) frag {
	return g.cmpPL(off, size, jJEQ, v, 0xffffffff)
}
func (g *gen) eqLT(off int, size uint32, v uint32) frag {
	return g.cmpLT(off, size, jJEQ, v, 0xffffffff)
}

// cmp is gen_cmp/gen_mcmp: load size bytes at absolute offset off, mask it
// (unless mask is all ones) and compare with v.
func cmpAbs(off int, size uint32, jop uint16, v, mask uint32) frag {
	s := []xbpf.RawInstruction{stmt(loadOp(size, mABS), uint32(off))}
	if mask != 0xffffffff {
		s = append(s, stmt(opALU|aluAND|srcK, mask))
	}
	return testFrag(s, jop, v)
}

func eq(off int, size uint32, v uint32) frag { return cmpAbs(off, size, jJEQ, v, 0xffffffff) }

// ipHdrLenX is gen_loadx_iphdrlen: X = 4*(ip[0]&0xf), plus the variable
// offset part if any (then computed in A, which it clobbers).
func (g *gen) ipHdrLenX() []xbpf.RawInstruction {
	if !g.varOff {
		return []xbpf.RawInstruction{stmt(opLDX|szB|mMSH, uint32(g.offLinkPL))}
	}
	return []xbpf.RawInstruction{
		stmt(opLDX|mMEM, regPL), stmt(loadOp(1, mIND), uint32(g.offLinkPL)),
		stmt(opALU|aluAND|srcK, 0xf), stmt(opALU|aluLSH|srcK, 2),
		stmt(opALU|aluADD|srcX, 0), stmt(opMISC|miscTAX, 0),
	}
}

// tranIPv4 compares a field of the transport header after an IPv4 header
// (OR_TRAN_IPV4).
func (g *gen) tranIPv4(off int, size uint32, jop uint16, v uint32) frag {
	s := append(g.ipHdrLenX(), stmt(loadOp(size, mIND), uint32(g.offLinkPL+off)))
	return testFrag(s, jop, v)
}

// linktype is gen_linktype: does the link layer say the payload is
// protocol p (an EtherType, or an LLC SAP when p <= 1500)?
func (g *gen) linktype(p uint32) frag {
	if err := g.noModelErr(); err != nil {
		if g.err == nil {
			g.err = err
		}
		return constFrag(false)
	}
	if g.mplsDepth > 0 {
		return g.mplsLinktype(p)
	}
	if g.ppp {
		if q, ok := pppTypes()[p]; ok {
			p = q
		}
		return g.eqLT(0, 2, p)
	}
	switch g.lt {
	case LinkIPv4:
		return constFrag(p == etherIP)
	case LinkIPv6:
		return constFrag(p == etherIPv6)
	case LinkRAW:
		switch p {
		case etherIP:
			return cmpAbs(0, 1, jJEQ, 0x40, 0xf0)
		case etherIPv6:
			return cmpAbs(0, 1, jJEQ, 0x60, 0xf0)
		}
		return constFrag(false)
	case LinkLinuxSLL2:
		return g.eqLT(0, 2, p)
	case LinkLinuxSLL:
		switch {
		case p == llcIPX:
			llc := or(g.eqPL(0, 1, llcIPX), g.snap(0, etherIPX))
			return orAll(g.eqLT(0, 2, etherIPX), g.eqLT(0, 2, sllP8023), and(g.eqLT(0, 2, sllP8022), llc))
		case p == etherATalk || p == etherAARP:
			return or(g.eqLT(0, 2, p), and(g.eqLT(0, 2, sllP8022), g.snapFor(p)))
		case p == 0xfe || p == 0xf0 || p == 0x06: // ISONS, NETBEUI, LLC IP
			return and(g.eqLT(0, 2, sllP8022), g.eqPL(0, 2, p<<8|p))
		case p <= etherMTU:
			return and(g.eqLT(0, 2, sllP8022), g.eqPL(0, 1, p))
		}
		return g.eqLT(0, 2, p)
	}
	is8023 := func() frag { return not(g.cmpLT(0, 2, jJGT, etherMTU, 0xffffffff)) }
	switch {
	case p == llcIPX:
		// Ethernet_II, then 802.3 with SNAP, 802.2 DSAP 0xe0 or raw 0xffff.
		llc := or(g.snap(0, etherIPX), or(g.eqPL(0, 1, llcIPX), g.eqPL(0, 2, 0xffff)))
		return or(g.eqLT(0, 2, etherIPX), and(is8023(), llc))
	case p == etherATalk || p == etherAARP:
		return or(g.eqLT(0, 2, p), and(is8023(), g.snapFor(p)))
	case p == 0xfe || p == 0xf0 || p == 0x06:
		return and(is8023(), g.eqPL(0, 2, p<<8|p))
	case p <= etherMTU:
		return and(not(g.cmpLT(0, 2, jJGT, etherMTU, 0xffffffff)), g.eqLT(2, 1, p))
	}
	return g.eqLT(0, 2, p)
}

// isisPDUs are the IS-IS PDU types of the l1, l2, iih, lsp, snp, csnp
// and psnp abbreviations (gen_proto_abbrev).
var isisPDUs = map[string][]uint32{
	"l1": {26, 24, 18, 17, 15}, "l2": {27, 25, 20, 17, 16}, "iih": {17, 16, 15},
	"lsp": {20, 18}, "snp": {27, 26, 25, 24}, "csnp": {25, 24}, "psnp": {27, 26},
}

// isoProto is gen_proto for Q_ISO: LLC SAP 0xfe and the network layer
// protocol identifier.
func (g *gen) isoProto(v uint32) frag {
	return and(g.linktype(0xfe), g.eqPL(g.nosnap, 1, v))
}

// isisPDU is gen_proto for Q_ISIS: IS-IS with PDU type t.
func (g *gen) isisPDU(t uint32) frag {
	return and(g.isoProto(0x83), g.eqPL(g.nosnap+4, 1, t))
}

// pppTypes is libpcap's ethertype_to_ppptype.
var pppTypes = sync.OnceValue(func() map[uint32]uint32 {
	return map[uint32]uint32{
		etherIP: 0x21, etherIPv6: 0x57, 0x6003: 0x27, 0x809b: 0x29, 0x0600: 0x25,
		0xfe: 0x23, 0x42: 0x31, 0xe0: 0x2b,
	}
})

// ethernet reports whether the current link layer is Ethernet (not PPP
// inside PPPoE).
func (g *gen) ethernet() bool { return g.lt == LinkEN10MB && !g.ppp }

// genevePort is GENEVE_PORT, the UDP destination port of Geneve.
const genevePort = 6081

// genevePrim is gen_geneve: UDP to port 6081 over IPv4 or IPv6, Geneve
// version 0, optionally the 24-bit VNI; then every offset moves into the
// encapsulated frame, computed at run time and kept in scratch words:
// M[regLT] the EtherType field, M[regLinkHdr] the end of the Geneve
// header, M[regPL] the inner payload (past an inner Ethernet header when
// the protocol type is 0x6558, transparent Ethernet bridging).
func (g *gen) genevePrim(n otherNode) (frag, error) {
	if err := g.noModelErr(); err != nil {
		return frag{}, err
	}
	if n.hasN && n.n > 0xffffff {
		return frag{}, semErr("Geneve VNI %d greater than maximum 16777215", n.n)
	}
	if g.varOff || g.ppp || g.mplsDepth > 0 || g.hdrVar {
		return frag{}, unsupported("geneve after vlan (live), pppoes, mpls or geneve")
	}
	udp := uint32(protoUDP)
	check := func(tran func(off int, size uint32, jop uint16, v, mask uint32) frag) frag {
		f := tran(8, 1, jJEQ, 0, 0xc0) // version 0
		if n.hasN {
			f = and(f, tran(12, 4, jJEQ, n.n<<8, 0xffffff00))
		}
		return f
	}
	tran4 := func(off int, size uint32, jop uint16, v, mask uint32) frag {
		return cmpStmts(append(g.ipHdrLenX(), stmt(loadOp(size, mIND), uint32(g.offLinkPL+off))), jop, v, mask)
	}
	tran6 := func(off int, size uint32, jop uint16, v, mask uint32) frag {
		return g.cmpPL(40+off, size, jop, v, mask)
	}
	v4 := andAll(g.linktype(etherIP), g.portOp(genevePort, genevePort, udp, "dst"), check(tran4),
		g.geneveOffsets(append(g.ipHdrLenX(), stmt(opMISC|miscTXA, 0))))
	v6 := andAll(g.linktype(etherIPv6), g.portOp6(genevePort, genevePort, udp, "dst"), check(tran6),
		g.geneveOffsets([]xbpf.RawInstruction{stmt(opLD|mIMM, 40)}))
	f := or(v4, v6)
	g.geneve, g.varOff, g.hdrVar, g.hdrReg = true, true, true, regLinkHdr
	g.lt, g.offLinkType, g.offLinkPL, g.offLinkHdr, g.offNL = LinkEN10MB, 0, 0, 0, 0
	return f, nil
}

// geneveOffsets is gen_geneve_offsets as a self-contained chain: ipLen
// leaves the IP header length in A. It always succeeds.
func (g *gen) geneveOffsets(ipLen []xbpf.RawInstruction) frag {
	s := append(ipLen,
		stmt(opALU|aluADD|srcK, uint32(g.offLinkPL+8)), stmt(opMISC|miscTAX, 0), // X = Geneve header
		stmt(opALU|aluADD|srcK, 2), stmt(opST, regLT), // protocol type field
		stmt(loadOp(1, mIND), 0), stmt(opALU|aluAND|srcK, 0x3f), stmt(opALU|aluMUL|srcK, 4),
		stmt(opALU|aluADD|srcK, 8), stmt(opALU|aluADD|srcX, 0), stmt(opST, regLinkHdr), // end of Geneve header
		stmt(loadOp(2, mIND), 2), stmt(opLDX|mMEM, regLinkHdr))
	head := &block{stmts: s, jop: jJEQ, k: 0x6558, keep: true}
	store := &block{stmts: []xbpf.RawInstruction{stmt(0x03, regPL)}, jop: jJEQ, keep: true} // stx M[regPL]
	eth := &block{stmts: []xbpf.RawInstruction{
		stmt(opMISC|miscTXA, 0), stmt(opALU|aluADD|srcK, 12), stmt(opST, regLT),
		stmt(opALU|aluADD|srcK, 2), stmt(opMISC|miscTAX, 0),
	}, jop: jJEQ, keep: true, jt: store, jf: store}
	head.jt, head.jf = eth, store
	if g.geneveOwn == nil {
		g.geneveOwn, g.geneveDone = map[*block]bool{}, map[*block]bool{}
	}
	g.geneveOwn[head], g.geneveOwn[eth], g.geneveDone[store] = true, true, true
	return frag{entry: head, t: []exit{{store, true}, {store, false}}}
}

// geneveLeaks reports whether a block reading the inner-frame offsets can
// run without a Geneve match ("geneve or ip"): libpcap then reads scratch
// words that are unset or hold leftovers of other arithmetic, a meaning
// we cannot reproduce, so such filters are refused.
func (g *gen) geneveLeaks(entry *block) bool {
	seen := map[*block]bool{}
	var walk func(b *block) bool
	walk = func(b *block) bool {
		if b == nil || b.ret || seen[b] || g.geneveDone[b] {
			return false
		}
		seen[b] = true
		if !g.geneveOwn[b] {
			for _, s := range b.stmts {
				if (s.Op == opLDX|mMEM || s.Op == opLD|mMEM) && (s.K == regLT || s.K == regPL || s.K == regLinkHdr) {
					return true
				}
			}
		}
		return walk(b.jt) || walk(b.jf)
	}
	return walk(entry)
}

// pppoe compiles "pppoed" and "pppoes [session]" (gen_pppoed,
// gen_pppoes). After pppoes, later primitives look inside the session:
// the PPP protocol field is the link type, the payload follows it.
func (g *gen) pppoe(n otherNode) (frag, error) {
	if n.what == "pppoed" {
		return g.linktype(0x8863), nil
	}
	if err := g.noModelErr(); err != nil {
		return frag{}, err
	}
	if n.hasN && n.n > 0xffff {
		return frag{}, semErr("PPPoE session number %d greater than maximum 65535", n.n)
	}
	f := g.linktype(0x8864)
	if n.hasN {
		f = and(f, g.cmpPL(0, 4, jJEQ, n.n, 0xffff))
	}
	g.ppp = true
	g.hdrVar, g.hdrReg = g.varOff, regPL
	g.offLinkHdr = g.offLinkPL + 6
	g.offLinkType = g.offLinkHdr
	g.offLinkPL = g.offLinkHdr + 2
	g.offNL, g.nosnap = 0, 0
	return f, nil
}

// LLC control-field values (libpcap llc.h) for "llc TYPE".
var (
	llcSTypes = map[string]uint32{"rr": 0x01, "rnr": 0x05, "rej": 0x09}
	llcUTypes = map[string]uint32{"ui": 0x03, "ua": 0x63, "disc": 0x43, "dm": 0x0f,
		"sabme": 0x6f, "test": 0xe3, "xid": 0xaf, "frmr": 0x87}
)

// llc is gen_llc and friends: an 802.3 length instead of an EtherType,
// DSAP/SSAP not 0xffff (NetWare), then the frame type from the control
// field.
func (g *gen) llc(kind string) (frag, error) {
	_, isS := llcSTypes[kind]
	_, isU := llcUTypes[kind]
	if kind != "" && kind != "i" && kind != "s" && kind != "u" && !isS && !isU {
		// The grammar action looks the name up before gen_llc_* checks
		// the link type.
		return frag{}, semErr("unknown LLC type name \"%s\"", kind)
	}
	if !g.ethernet() {
		return frag{}, semErr("'llc' not supported for %s", g.linkName())
	}
	// OR_LLC: the link payload without the MPLS labels (off_nl).
	llcOff := -g.offNL
	base := and(not(g.cmpLT(0, 2, jJGT, etherMTU, 0xffffffff)), not(g.eqPL(llcOff, 2, 0xffff)))
	var ctl frag
	switch kind {
	case "":
		return base, nil
	case "i":
		ctl = not(g.cmpPL(llcOff+2, 1, jJSET, 1, 0xffffffff))
	case "s":
		ctl = g.cmpPL(llcOff+2, 1, jJEQ, 1, 0x03)
	case "u":
		ctl = g.cmpPL(llcOff+2, 1, jJEQ, 3, 0x03)
	default:
		if v, ok := llcSTypes[kind]; ok {
			ctl = g.cmpPL(llcOff+2, 1, jJEQ, v, 0x0f)
		} else {
			ctl = g.cmpPL(llcOff+2, 1, jJEQ, llcUTypes[kind], 0xef)
		}
	}
	return and(base, ctl), nil
}

// byteOp is gen_byteop: "byte N op V" compares the byte at N from the
// start of the link header. For & and | libpcap 1.10.3 emits the ALU
// operation without loading the byte, so the result depends on whatever
// the accumulator held; we refuse those.
func (g *gen) byteOp(n otherNode) (frag, error) {
	ld := g.ldLH(int(n.n), 1)
	switch n.op {
	case "=":
		return testFrag(ld, jJEQ, n.v), nil
	case "<":
		return not(testFrag(ld, jJGE, n.v)), nil
	case ">":
		return testFrag(ld, jJGT, n.v), nil
	}
	return frag{}, unsupported("byte " + n.op)
}

// mpls is gen_mpls: the MPLS EtherType (or, deeper in the stack, a clear
// bottom-of-stack bit in the previous label), an optional 20-bit label,
// then the network layer moves past the 4-byte label.
func (g *gen) mpls(n otherNode) (frag, error) {
	var f frag
	switch {
	case g.mplsDepth > 0:
		f = g.cmpPL(-2, 1, jJEQ, 0, 0x01)
		// libpcap's optimizer turns this into a jset it does not relate
		// to the "& 1 == 1" of an IP test on the same byte.
		f.entry.opaque = true
	case g.ethernet():
		f = g.linktype(0x8847)
	case g.ppp:
		f = g.eqLT(0, 2, 0x0281) // PPP_MPLS_UCAST
	default:
		return frag{}, semErr("no MPLS support for %s", g.linkName())
	}
	if n.hasN {
		if n.n > 0xfffff {
			return frag{}, semErr("MPLS label %d greater than maximum 1048575", n.n)
		}
		f = and(f, g.cmpPL(0, 4, jJEQ, n.n<<12, 0xfffff000))
	}
	g.offLinkPL += 4
	g.offNL += 4
	g.mplsDepth++
	return f, nil
}

// mplsLinktype is gen_mpls_linktype: after MPLS only IPv4 and IPv6 can be
// recognised, by the last label's bottom-of-stack bit and the IP version.
func (g *gen) mplsLinktype(p uint32) frag {
	var version uint32
	switch p {
	case etherIP, 0x21:
		version = 0x40
	case etherIPv6, 0x57:
		version = 0x60
	default:
		if g.err == nil {
			g.err = semErr("unsupported protocol over mpls")
		}
		return constFrag(false)
	}
	return and(g.cmpPL(-2, 1, jJEQ, 1, 0x01), g.cmpPL(0, 1, jJEQ, version, 0xf0))
}

// EtherTypes and SAPs with special encapsulations (gen_linktype).
const (
	etherIPX   = 0x8137
	etherATalk = 0x809b
	etherAARP  = 0x80f3
	llcIPX     = 0xe0
	sllP8023   = 1 // LINUX_SLL_P_802_3: Novell 802.3 frames
)

// snap is gen_snap: an 802.2 LLC header AA AA 03 with the SNAP
// organisation code and protocol type, compared as two words (second
// first, as gen_bcmp does).
func (g *gen) snap(org, ptype uint32) frag {
	return and(g.eqPL(4, 4, (org&0xff)<<24|ptype), g.eqPL(0, 4, 0xaaaa0300|org>>16))
}

// snapFor is the SNAP header of AppleTalk (OUI 08-00-07) or AARP.
func (g *gen) snapFor(p uint32) frag {
	if p == etherATalk {
		return g.snap(0x080007, etherATalk)
	}
	return g.snap(0, etherAARP)
}

// ipProto is gen_proto for Q_IP: IPv4 with protocol field p.
func (g *gen) ipProto(p uint32) frag {
	return and(g.linktype(etherIP), g.eqPL(9, 1, p))
}

// ip6Proto is gen_proto for Q_IPV6: next header p, directly or after one
// Fragment header (libpcap checks nothing else of the header chain).
func (g *gen) ip6Proto(p uint32) frag {
	frag := and(g.eqPL(6, 1, protoFrag), g.eqPL(40, 1, p))
	return and(g.linktype(etherIPv6), or(g.eqPL(6, 1, p), frag))
}

// protoAbbrev is gen_proto_abbrev: a protocol name used alone.
func (g *gen) protoAbbrev(p string) (frag, error) {
	switch p {
	case "tcp":
		return or(g.ipProto(protoTCP), g.ip6Proto(protoTCP)), nil
	case "udp":
		return or(g.ipProto(protoUDP), g.ip6Proto(protoUDP)), nil
	case "sctp":
		return or(g.ipProto(protoSCTP), g.ip6Proto(protoSCTP)), nil
	case "pim":
		return or(g.ipProto(protoPIM), g.ip6Proto(protoPIM)), nil
	case "ah":
		return or(g.ipProto(protoAH), g.ip6Proto(protoAH)), nil
	case "esp":
		return or(g.ipProto(protoESP), g.ip6Proto(protoESP)), nil
	case "icmp":
		return g.ipProto(protoICMP), nil
	case "igmp":
		return g.ipProto(protoIGMP), nil
	case "igrp":
		return g.ipProto(protoIGRP), nil
	case "vrrp", "carp":
		return g.ipProto(protoVRRP), nil
	case "icmp6":
		return g.ip6Proto(protoICMP6), nil
	case "ip":
		return g.linktype(etherIP), nil
	case "ip6":
		return g.linktype(etherIPv6), nil
	case "arp":
		return g.linktype(etherARP), nil
	case "rarp":
		return g.linktype(etherRARP), nil
	case "stp":
		return g.linktype(0x42), nil
	case "iso":
		return g.linktype(0xfe), nil
	case "esis":
		return g.isoProto(0x82), nil
	case "isis":
		return g.isoProto(0x83), nil
	case "clnp":
		return g.isoProto(0x81), nil
	case "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp":
		var fs []frag
		for _, t := range isisPDUs[p] {
			fs = append(fs, g.isisPDU(t))
		}
		return orAll(fs...), nil
	case "decnet", "lat", "sca", "mopdl", "moprc", "atalk", "aarp":
		return g.linktype(eprotos()[p]), nil
	case "ipx":
		return g.linktype(llcIPX), nil
	case "netbeui":
		return g.linktype(0xf0), nil
	case "link":
		return frag{}, semErr("link layer applied in wrong context")
	case "radio":
		return frag{}, semErr("'radio' is not a valid protocol type")
	}
	return frag{}, unsupported(p)
}

// node compiles a syntax tree node.
func (g *gen) node(n node) (frag, error) {
	switch n := n.(type) {
	case andNode, orNode:
		return g.chain(n)
	case notNode:
		x, err := g.node(n.x)
		return not(x), err
	}
	f, err := g.primitive(n)
	if err == nil {
		err = g.err // libpcap's bpf_error stops at the primitive that raised it
	}
	if err != nil {
		return f, err
	}
	return f, g.charge(n, f)
}

// primitive compiles a leaf of the syntax tree.
func (g *gen) primitive(n node) (frag, error) {
	switch n := n.(type) {
	case protoNode:
		return g.protoAbbrev(n.proto)
	case idNode:
		return g.id(n)
	case relNode:
		return g.relation(n)
	case otherNode:
		return g.other(n)
	case unsupNode:
		if msg, ok := foreignLinkFields()[n.construct]; ok {
			return frag{}, semErr("%s", msg)
		}
		return frag{}, unsupported(n.construct)
	}
	return frag{}, fmt.Errorf("bpf: internal error: node %T", n)
}

// chain compiles a run of "and"/"or" (left associative, so its tree
// leans left) operand by operand from the left, so the first error
// reported is the leftmost, joining as it goes. It walks the left spine
// iteratively: a chain of 100,000 terms would otherwise recurse as deep.
func (g *gen) chain(n node) (frag, error) {
	var rights []node
	var joins []func(frag, frag) frag
	for {
		if a, ok := n.(andNode); ok {
			rights, joins, n = append(rights, a.r), append(joins, and), a.l
		} else if o, ok := n.(orNode); ok {
			rights, joins, n = append(rights, o.r), append(joins, or), o.l
		} else {
			break
		}
	}
	f, err := g.node(n)
	for i := len(rights) - 1; i >= 0 && err == nil; i-- {
		var r frag
		if r, err = g.node(rights[i]); err == nil {
			f = joins[i](f, r)
		}
	}
	return f, err
}

// foreignLinkFields are keywords for link types this package never
// compiles for (802.11, ATM, MTP2/3, PF): libpcap rejects them on ours.
var foreignLinkFields = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"type": "802.11 link-layer types supported only on 802.11", "subtype": "802.11 link-layer types supported only on 802.11",
		"dir": "frame direction supported only with 802.11 headers",
		"vpi": "'vpi' supported only on raw ATM", "vci": "'vci' supported only on raw ATM",
		"lane": "'lane' supported only on raw ATM", "oam": "'oam' supported only on raw ATM",
		"oamf4": "'oamf4' supported only on raw ATM", "oamf4ec": "'oam4ec' supported only on raw ATM",
		"oamf4sc": "'oam4sc' supported only on raw ATM", "sc": "'sc' supported only on raw ATM",
		"ilmic": "'ilmic' supported only on raw ATM", "metac": "'metac' supported only on raw ATM",
		"bcc": "'bcc' supported only on raw ATM", "connectmsg": "'connectmsg' supported only on raw ATM",
		"metaconnect": "'metaconnect' supported only on raw ATM",
		"fisu":        "'fisu' supported only on MTP2", "lssu": "'lssu' supported only on MTP2", "msu": "'msu' supported only on MTP2",
		"hfisu": "'hfisu' supported only on MTP2_HSL", "hlssu": "'hlssu' supported only on MTP2_HSL",
		"hmsu": "'hmsu' supported only on MTP2_HSL",
		"sio":  "'sio' supported only on SS7", "opc": "'opc' supported only on SS7", "dpc": "'dpc' supported only on SS7",
		"sls": "'sls' supported only on SS7", "hsio": "'sio' supported only on SS7", "hopc": "'opc' supported only on SS7",
		"hdpc": "'dpc' supported only on SS7", "hsls": "'sls' supported only on SS7",
		"ifname": "ifname supported only on PF linktype", "rset": "ruleset supported only on PF linktype",
		"rnr": "rnr supported only on PF linktype", "srnr": "srnr supported only on PF linktype",
		"reason": "reason supported only on PF linktype", "action": "action supported only on PF linktype",
	}
})

// other compiles broadcast, multicast, less, greater, vlan, inbound,
// outbound and ifindex.
func (g *gen) other(n otherNode) (frag, error) {
	switch n.what {
	case "less":
		return not(testFrag([]xbpf.RawInstruction{stmt(opLD|szW|mLEN, 0)}, jJGT, n.n)), nil
	case "greater":
		return testFrag([]xbpf.RawInstruction{stmt(opLD|szW|mLEN, 0)}, jJGE, n.n), nil
	case "broadcast":
		return g.broadcast(n.proto)
	case "multicast":
		return g.multicast(n.proto)
	case "vlan":
		return g.vlan(n)
	case "inbound", "outbound":
		return g.direction(n.what == "outbound")
	case "pppoed", "pppoes":
		return g.pppoe(n)
	case "mpls":
		return g.mpls(n)
	case "geneve":
		return g.genevePrim(n)
	case "byte":
		return g.byteOp(n)
	case "llc":
		return g.llc(n.op)
	case "ifindex":
		if g.lt == LinkLinuxSLL2 {
			return eq(4, 4, n.n), nil
		}
		if g.opts.Form != Offline {
			return eq(adOff+adIfindex, 4, n.n), nil
		}
		return frag{}, semErr("ifindex not supported on %s when reading savefiles", g.linkName())
	}
	return frag{}, unsupported(n.what)
}

// direction is gen_inbound: the packet type field of the cooked headers.
func (g *gen) direction(outbound bool) (frag, error) {
	var f frag
	switch g.lt {
	case LinkLinuxSLL:
		f = eq(0, 2, sllOutgoing)
	case LinkLinuxSLL2:
		f = eq(10, 1, sllOutgoing)
	default:
		if g.opts.Form == Offline {
			return frag{}, semErr("inbound/outbound not supported on %s when reading savefiles", g.linkName())
		}
		f = eq(adOff+adPktType, 2, sllOutgoing)
	}
	if !outbound {
		f = not(f)
	}
	return f, nil
}

func (g *gen) broadcast(proto string) (frag, error) {
	switch proto {
	case "", "link":
		if !g.ethernet() {
			return frag{}, semErr("not a broadcast link")
		}
		return g.etherHost([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "dst")
	case "ip":
		// The IPv4 directed broadcast: host part all zeros or all ones.
		if g.opts.Netmask == NetmaskUnknown {
			return frag{}, semErr("netmask not known, so 'ip broadcast' not supported")
		}
		host := ^g.opts.Netmask
		return and(g.linktype(etherIP), or(g.cmpPL(16, 4, jJEQ, 0, host), g.cmpPL(16, 4, jJEQ, host, host))), nil
	}
	return frag{}, semErr("only link-layer/IP broadcast filters supported")
}

func (g *gen) multicast(proto string) (frag, error) {
	switch proto {
	case "", "link":
		if !g.ethernet() {
			break
		}
		return g.linkLayerCheck(testFrag(g.ldLH(0, 1), jJSET, 1)), nil
	case "ip":
		return and(g.linktype(etherIP), g.cmpPL(16, 1, jJGE, 224, 0xffffffff)), nil
	case "ip6":
		return and(g.linktype(etherIPv6), g.eqPL(24, 1, 255)), nil
	}
	return frag{}, semErr("link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
}

// vlan is gen_vlan without BPF extensions (offline handles): test the
// TPID, optionally the VID, then shift every later link-payload offset by
// 4, for the rest of the expression regardless of its structure (libpcap
// issue #798; tcpdump matches "vlan or ip" against a tagged IPv4 header).
func (g *gen) vlan(n otherNode) (frag, error) {
	if g.mplsDepth > 0 {
		return frag{}, semErr("no VLAN match after MPLS")
	}
	if !g.ethernet() {
		return frag{}, semErr("no VLAN support for %s", g.linkName())
	}
	if n.hasN && n.n > 0x0fff {
		return frag{}, semErr("VLAN tag %d greater than maximum 4095", n.n)
	}
	if g.opts.Form == LiveEthernet && g.vlanDepth == 0 && !g.geneve {
		f := g.vlanExtensions(n)
		g.vlanDepth++
		return f, nil
	}
	f := orAll(g.linktype(ether8021Q), g.linktype(ether8021AD), g.linktype(etherQinQ))
	if n.hasN {
		f = and(f, g.cmpPL(0, 2, jJEQ, n.n, 0x0fff))
	}
	g.offLinkPL += 4
	g.offLinkType += 4
	g.vlanDepth++
	return f, nil
}

// Linux ancillary data (linux/filter.h SKF_AD_OFF + SKF_AD_*); the kernel
// ignores the load width for these. adOff is negative, as the kernel's
// SKF_AD_OFF (-0x1000), so that offsets stay ints on 32-bit platforms; as a
// load's k it is 0xfffff000 (adBase).
const (
	adBase           = uint32(0xfffff000)
	adOff            = -0x1000
	adPktType        = 4
	adIfindex        = 8
	adVlanTag        = 44
	adVlanTagPresent = 48
)

// vlanExtensions is gen_vlan_bpf_extensions (libpcap 1.10.3 on a live
// Linux socket, BPF_SPECIAL_VLAN_HANDLING): the kernel usually strips the
// outer tag into skb metadata (vlan_tag_present, vlan_tci), so the tag is
// either there (offsets unchanged) or still in-line (offsets + 4). The
// variable part goes to M[regPL]/M[regLT] and every later link-type or
// payload load adds it.
func (g *gen) vlanExtensions(n otherNode) frag {
	present := func() frag { return eq(adOff+adVlanTagPresent, 1, 1) }
	tpid := g.linktype(ether8021Q)
	tpid.entry.stmts = append([]xbpf.RawInstruction{
		stmt(opLD|mIMM, 4), stmt(opST, regPL), stmt(opST, regLT),
	}, tpid.entry.stmts...)
	tpid.entry.keep = true
	f := or(present(), orAll(tpid, g.linktype(ether8021AD), g.linktype(etherQinQ)))
	if n.hasN {
		meta := and(present(), cmpAbs(adOff+adVlanTag, 2, jJEQ, n.n, 0x0fff))
		inline := and(not(present()), g.cmpPL(0, 2, jJEQ, n.n, 0x0fff))
		f = and(f, or(meta, inline))
	}
	g.varOff = true
	return f
}
