package bpf

import "sync"

import xbpf "golang.org/x/net/bpf"

// acode is compiled arithmetic: statements leaving the value in A, plus
// the protocol checks its packet accessors require (gencode.c's
// struct arth: s and b).
type acode struct {
	s      []xbpf.RawInstruction
	checks []frag
	konst  bool // a literal number (the statements are "ld #k")
	k      uint32
}

var aluOps = sync.OnceValue(func() map[string]uint16 {
	return map[string]uint16{
		"+": aluADD, "-": aluSUB, "*": aluMUL, "/": aluDIV, "%": aluMOD,
		"&": aluAND, "|": aluOR, "^": aluXOR, "<<": aluLSH, ">>": aluRSH,
	}
})

// relation is gen_relation: the protocol checks of every accessor are
// ANDed outside the comparison, so "tcp[0] != 5" is false for non-TCP
// packets; "!=", "<" and "<=" only negate the jump.
func (g *gen) relation(n relNode) (frag, error) {
	if max(libpcapRegs(n.a), 1+libpcapRegs(n.b)) > 16 {
		return frag{}, semErr("too many registers needed to evaluate expression")
	}
	b, err := g.arith(n.b)
	if err != nil {
		return frag{}, err
	}
	jop := map[string]uint16{">": jJGT, ">=": jJGE, "=": jJEQ, "<=": jJGT, "<": jJGE, "!=": jJEQ}[n.op]
	negate := n.op == "<=" || n.op == "<" || n.op == "!="
	var a acode
	var cmp frag
	if b.konst {
		if a, err = g.arith(n.a); err != nil {
			return frag{}, err
		}
		cmp = testFrag(a.s, jop, b.k)
	} else {
		var s []xbpf.RawInstruction
		if a, s, err = g.pair(n.a, n.b, &b); err != nil {
			return frag{}, err
		}
		cmp = testFrag(s, jop|srcX, 0)
	}
	cmp.entry.rel = true
	_, lBin := n.a.(binArith)
	_, lNeg := n.a.(negArith)
	_, rNeg := n.b.(negArith)
	cmp.entry.opaque = lBin || lNeg || rNeg
	if negate {
		cmp = not(cmp)
	}
	checks := append(append([]frag{}, a.checks...), b.checks...)
	return andAll(append(checks, cmp)...), nil
}

// libpcapRegs is how many scratch words libpcap's parser holds while
// reducing a: one per operand, the left one kept while the right one is
// built. libpcap fails beyond its 16 words even where evaluation order
// could avoid it ("len + (len + (... + len))"), so we fail there too.
func libpcapRegs(a arith) int {
	switch a := a.(type) {
	case negArith:
		return libpcapRegs(a.a)
	case loadArith:
		return libpcapRegs(a.idx)
	case binArith:
		return max(libpcapRegs(a.a), 1+libpcapRegs(a.b))
	}
	return 1
}

func (g *gen) allocScratch() (uint32, error) {
	limit := 16
	if g.varOff {
		limit = regLinkHdr // M[12..15] hold offsets
	}
	if g.scratch >= limit {
		return 0, semErr("too many registers needed to evaluate expression")
	}
	g.scratch++
	return uint32(g.scratch - 1), nil
}

// konstCode is a constant operand, "ld #v" when it must be loaded. With
// the optimizer on, constant subexpressions are folded as libpcap's
// optimizer folds them (no packet data is involved, so no verdict moves).
func konstCode(v uint32) acode {
	return acode{s: []xbpf.RawInstruction{stmt(opLD|mIMM, v)}, konst: true, k: v}
}

// leftmostZero reports whether the first statement libpcap generates for
// a is "ld #0": gen_arth rejects such a divisor as "division by zero"
// even when it is not constant ("len / tcp[0]").
func leftmostZero(a arith) bool {
	v, ok := leftmostConst(a)
	return ok && v == 0
}

// leftmostConst returns the literal libpcap's code for a starts with
// ("ld #k"), which gen_arth inspects for zero divisors and shifts > 31.
func leftmostConst(a arith) (uint32, bool) {
	switch a := a.(type) {
	case numArith:
		return a.v, true
	case binArith:
		return leftmostConst(a.a)
	case negArith:
		return leftmostConst(a.a)
	case loadArith:
		return leftmostConst(a.idx)
	}
	return 0, false
}

func (g *gen) arith(a arith) (acode, error) {
	switch a := a.(type) {
	case numArith:
		return konstCode(a.v), nil
	case lenArith:
		return acode{s: []xbpf.RawInstruction{stmt(opLD|szW|mLEN, 0)}}, nil
	case negArith:
		x, err := g.arith(a.a)
		if err != nil {
			return acode{}, err
		}
		if x.konst && !g.opts.NoOptimize {
			return konstCode(-x.k), nil
		}
		return acode{s: append(x.s, stmt(opALU|aluNEG, 0)), checks: x.checks}, nil
	case binArith:
		return g.binArith(a)
	case loadArith:
		return g.load(a)
	}
	return acode{}, semErr("internal error: arith %T", a)
}

// binArith is gen_arth. libpcap 1.10.3 returns the left operand's
// struct arth, so only the left operand's protocol checks survive:
// "14 & igmp[20:2] != 1500" tests no IGMP header at all. We reproduce it,
// since tcpdump's verdicts are what we imitate.
func (g *gen) binArith(a binArith) (acode, error) {
	op := aluOps()[a.op]
	if v, ok := leftmostConst(a.b); ok && v > 31 && (op == aluLSH || op == aluRSH) {
		return acode{}, semErr("shift by more than 31 bits")
	}
	if (op == aluDIV || op == aluMOD) && leftmostZero(a.b) {
		if op == aluDIV {
			return acode{}, semErr("division by zero")
		}
		return acode{}, semErr("modulus by zero")
	}
	r, err := g.arith(a.b)
	if err != nil {
		return acode{}, err
	}
	if r.konst {
		l, err := g.arith(a.a)
		if err != nil {
			return acode{}, err
		}
		if (op == aluDIV || op == aluMOD) && r.k == 0 {
			return acode{}, semErr("division by zero")
		}

		if (op == aluLSH || op == aluRSH) && r.k > 31 && !l.konst && !g.opts.NoOptimize {
			// libpcap's optimizer refuses a constant shift it cannot fold.
			return acode{}, semErr("shift by more than 31 bits")
		}
		if v, ok := fold(op, l.k, r.k); ok && l.konst && !g.opts.NoOptimize {
			return konstCode(v), nil
		}
		return acode{s: append(l.s, stmt(opALU|op|srcK, r.k)), checks: l.checks}, nil
	}
	l, s, err := g.pair(a.a, a.b, &r)
	if err != nil {
		return acode{}, err
	}
	return acode{s: append(s, stmt(opALU|op|srcX, 0)), checks: l.checks}, nil
}

// pair evaluates l into A and r into X for a binary operation or a
// comparison, parking one side in a scratch word. r has been compiled at
// the current scratch level; when l needs more scratch words than r (a
// left-deep chain like "len + len + ... + len"), l goes first and r is
// recompiled above the parked word, keeping the words in use to the
// Sethi-Ullman minimum that libpcap's own allocation also reaches.
func (g *gen) pair(la, ra arith, r *acode) (acode, []xbpf.RawInstruction, error) {
	m, err := g.allocScratch()
	if err != nil {
		return acode{}, nil, err
	}
	defer func() { g.scratch-- }()
	if g.regsNeeded(la) > g.regsNeeded(ra) {
		g.scratch--
		l, err := g.arith(la)
		g.scratch++
		if err != nil {
			return acode{}, nil, err
		}
		if *r, err = g.arith(ra); err != nil {
			return acode{}, nil, err
		}
		s := append(append([]xbpf.RawInstruction{}, l.s...), stmt(opST, m))
		s = append(append(s, r.s...), stmt(opMISC|miscTAX, 0), stmt(opLD|mMEM, m))
		return l, s, nil
	}
	l, err := g.arith(la)
	if err != nil {
		return acode{}, nil, err
	}
	s := append(append([]xbpf.RawInstruction{}, r.s...), stmt(opST, m))
	return l, append(append(s, l.s...), stmt(opLDX|mMEM, m)), nil
}

// regsNeeded is the number of scratch words evaluating a takes.
func (g *gen) regsNeeded(a arith) int {
	switch a := a.(type) {
	case negArith:
		return g.regsNeeded(a.a)
	case loadArith:
		return g.regsNeeded(a.idx)
	case binArith:
		if g.isKonst(a.b) {
			return g.regsNeeded(a.a)
		}
		l, r := g.regsNeeded(a.a), g.regsNeeded(a.b)
		if l > r {
			return max(l, r+1)
		}
		return max(r, l+1)
	}
	return 0
}

// isKonst tells whether a compiles to a constant (acode.konst).
func (g *gen) isKonst(a arith) bool {
	switch a := a.(type) {
	case numArith:
		return true
	case negArith:
		return !g.opts.NoOptimize && g.isKonst(a.a)
	case binArith:
		if g.opts.NoOptimize || !g.isKonst(a.a) || !g.isKonst(a.b) {
			return false
		}
		if v, ok := leftmostConst(a.b); ok && v == 0 && (a.op == "/" || a.op == "%") {
			return false
		}
		return true
	}
	return false
}

// transportProtos are the accessors relative to the IPv4 payload.
var transportProtos = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"tcp": true, "udp": true, "sctp": true, "icmp": true, "igmp": true,
		"igrp": true, "pim": true, "vrrp": true, "carp": true,
	}
})

// load is gen_load: "proto [ idx : size ]" with its implicit checks.
func (g *gen) load(a loadArith) (acode, error) {
	idx, err := g.arith(a.idx)
	if err != nil {
		return acode{}, err
	}
	var base int
	var checks []frag
	switch {
	case a.proto == "link":
		base = g.offLinkHdr
		checks = idx.checks // "link[tcp[9]]" still requires TCP
	case a.proto == "ip" || a.proto == "ip6" || a.proto == "arp" || a.proto == "rarp" ||
		a.proto == "decnet" || a.proto == "lat" || a.proto == "sca" || a.proto == "mopdl" || a.proto == "moprc" ||
		a.proto == "atalk":
		base = g.offLinkPL
		c, err := g.protoAbbrev(a.proto)
		if err != nil {
			return acode{}, err
		}
		checks = append(idx.checks, c)
	case transportProtos()[a.proto]:
		return g.transportLoad(a, idx)
	case a.proto == "icmp6":
		base = g.offLinkPL + 40
		checks = append(idx.checks, g.linktype(etherIPv6), g.eqPL(6, 1, protoICMP6))
	case a.proto == "radio":
		return acode{}, semErr("radio information not present in capture")
	default:
		return acode{}, semErr("unsupported index operation")
	}
	varPart, reg := g.varOff && a.proto != "link", uint32(regPL)
	if a.proto == "link" {
		varPart, reg = g.hdrVar, g.hdrReg
	}
	switch {
	case idx.konst && !varPart:
		return acode{s: []xbpf.RawInstruction{stmt(loadOp(a.size, mABS), uint32(base)+idx.k)}, checks: checks}, nil
	case idx.konst:
		s := []xbpf.RawInstruction{stmt(opLDX|mMEM, reg), stmt(loadOp(a.size, mIND), uint32(base)+idx.k)}
		return acode{s: s, checks: checks}, nil
	}
	s := idx.s
	if varPart {
		s = append(s, stmt(opLDX|mMEM, reg), stmt(opALU|aluADD|srcX, 0))
	}
	s = append(s, stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), uint32(base)))
	return acode{s: s, checks: checks}, nil
}

// transportLoad indexes past a variable-length IPv4 header; libpcap
// checks "ip and <index checks> and ip proto P and not a later fragment",
// never IPv6.
func (g *gen) transportLoad(a loadArith, idx acode) (acode, error) {
	abbrev, err := g.protoAbbrev(a.proto)
	if err != nil {
		return acode{}, err
	}
	checks := []frag{g.linktype(etherIP)}
	checks = append(checks, idx.checks...)
	checks = append(checks, abbrev, g.notFragment())
	base := uint32(g.offLinkPL)
	if idx.konst {
		s := append(g.ipHdrLenX(), stmt(loadOp(a.size, mIND), base+idx.k))
		return acode{s: s, checks: checks}, nil
	}
	if !g.varOff {
		s := append(idx.s, g.ipHdrLenX()...)
		s = append(s, stmt(opALU|aluADD|srcX, 0), stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), base))
		return acode{s: s, checks: checks}, nil
	}
	// The header length computation clobbers A, so it goes first and is
	// parked in M[regHdr] (nested accessors store the same value there).
	s := append(g.ipHdrLenX(), stmt(0x03, regHdr)) // stx M[regHdr]
	s = append(append(s, idx.s...), stmt(opLDX|mMEM, regHdr), stmt(opALU|aluADD|srcX, 0),
		stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), base))
	return acode{s: s, checks: checks}, nil
}
