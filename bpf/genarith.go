package bpf

import (
	"slices"
	"sync"

	xbpf "golang.org/x/net/bpf"
)

// acode is compiled arithmetic: statements leaving the value in A, plus
// the protocol checks its packet accessors require (gencode.c's
// struct arth: s and b).
type acode struct {
	c      code
	checks []frag
	konst  bool // a literal number (the statements are "ld #k")
	k      uint32
}

// code is straight-line code that grows at both ends in amortized
// constant time per instruction (a deque in one array): gen_arth puts
// one operand's code before or after the other's, and a left-deep chain
// of 100,000 operations would otherwise copy its ever longer code at
// every step. A code is used once: then and after may reuse its array.
type code struct {
	buf  []xbpf.RawInstruction // buf[head:] is the code
	head int
}

func codeOf(s ...xbpf.RawInstruction) code { return code{buf: slices.Clone(s)} }

func (c code) insns() []xbpf.RawInstruction { return c.buf[c.head:] }

// then is c followed by s.
func (c code) then(s ...xbpf.RawInstruction) code {
	c.buf = append(c.buf, s...)
	return c
}

// after is s followed by c.
func (c code) after(s ...xbpf.RawInstruction) code {
	if len(s) > c.head {
		n := len(c.buf) - c.head
		room := len(s) + n // as much headroom again as there is code
		buf := make([]xbpf.RawInstruction, room+n, room+2*n)
		copy(buf[room:], c.insns())
		c.buf, c.head = buf, room
	}
	c.head -= len(s)
	copy(c.buf[c.head:], s)
	return c
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
	if max(libpcapRegs(n.a), 1+libpcapRegs(n.b)) > 16 { // the parser fails first; kept for trees built by hand
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
		cmp = testFrag(a.c.insns(), jop, b.k)
	} else {
		var s code
		if a, s, err = g.pair(n.a, n.b, &b); err != nil {
			return frag{}, err
		}
		cmp = testFrag(s.insns(), jop|srcX, 0)
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
		return a.cache.libpcapRegs
	}
	return 1
}

// binCache holds what the generator asks of a binArith at every level
// of the tree; computing it once, from the operands' own, keeps a chain
// of 100,000 operations linear (the walks were quadratic).
type binCache struct {
	libpcapRegs int
	konst       bool   // isKonst when optimizing
	regs        [2]int // regsNeeded when optimizing, and with NoOptimize
}

// newBinArith builds "a op b" with its cache.
func newBinArith(op string, a, b arith) binArith {
	x := binArith{op: op, a: a, b: b}
	x.cache.libpcapRegs = max(libpcapRegs(a), 1+libpcapRegs(b))
	x.cache.konst = isKonst(a, false) && isKonst(b, false) && !(leftmostZero(b) && (op == "/" || op == "%"))
	for i, noOpt := range []bool{false, true} {
		if isKonst(b, noOpt) {
			x.cache.regs[i] = regsNeeded(a, noOpt)
			continue
		}
		l, r := regsNeeded(a, noOpt), regsNeeded(b, noOpt)
		if l > r {
			x.cache.regs[i] = max(l, r+1)
		} else {
			x.cache.regs[i] = max(r, l+1)
		}
	}
	return x
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
	return acode{c: codeOf(stmt(opLD|mIMM, v)), konst: true, k: v}
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
		return acode{c: codeOf(stmt(opLD|szW|mLEN, 0))}, nil
	case negArith:
		x, err := g.arith(a.a)
		if err != nil {
			return acode{}, err
		}
		if x.konst && !g.opts.NoOptimize {
			return konstCode(-x.k), nil
		}
		return acode{c: x.c.then(stmt(opALU|aluNEG, 0)), checks: x.checks}, nil
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
//
// It walks down the left operands iteratively, in the order recursion
// would take (each right operand first, top down, then the leftmost
// operand, then each operation bottom up): a left-deep chain of 200,000
// operations, which fits libpcap's pool, would otherwise recurse as deep
// and take half a gigabyte of stack.
func (g *gen) binArith(a binArith) (acode, error) {
	var steps []binStep
	var x arith = a
	for {
		b, ok := x.(binArith)
		if !ok {
			break
		}
		st, err := g.binPre(b)
		if err != nil {
			return acode{}, err
		}
		steps = append(steps, st)
		x = b.a
	}
	l, err := g.arith(x)
	for i := len(steps) - 1; i >= 0 && err == nil; i-- {
		l, err = g.binPost(steps[i], l)
	}
	return l, err
}

// binStep is an operation whose right operand is compiled and whose left
// operand is still to come.
type binStep struct {
	a     binArith
	op    uint16
	r     acode
	m     uint32 // the scratch word of a non-constant right operand
	first bool   // the left operand goes first (see pair)
}

func (g *gen) binPre(a binArith) (binStep, error) {
	op := aluOps()[a.op]
	if v, ok := leftmostConst(a.b); ok && v > 31 && (op == aluLSH || op == aluRSH) {
		return binStep{}, semErr("shift by more than 31 bits")
	}
	if (op == aluDIV || op == aluMOD) && leftmostZero(a.b) {
		if op == aluDIV {
			return binStep{}, semErr("division by zero")
		}
		return binStep{}, semErr("modulus by zero")
	}
	r, err := g.arith(a.b)
	if err != nil {
		return binStep{}, err
	}
	st := binStep{a: a, op: op, r: r}
	if r.konst {
		return st, nil
	}
	if st.m, err = g.allocScratch(); err != nil {
		return binStep{}, err
	}
	noOpt := g.opts.NoOptimize
	if st.first = regsNeeded(a.a, noOpt) > regsNeeded(a.b, noOpt); st.first {
		g.scratch--
	}
	return st, nil
}

// binPost completes st with its left operand l.
func (g *gen) binPost(st binStep, l acode) (acode, error) {
	op, r := st.op, st.r
	if r.konst {
		if op == aluDIV && r.k == 0 {
			return acode{}, semErr("division by zero")
		}
		if op == aluMOD && r.k == 0 { // folded divisor: "len % (1 % 1)"
			return acode{}, semErr("modulus by zero")
		}
		if (op == aluLSH || op == aluRSH) && r.k > 31 && !l.konst && !g.opts.NoOptimize {
			// libpcap's optimizer refuses a constant shift it cannot fold.
			return acode{}, semErr("shift by more than 31 bits")
		}
		if v, ok := fold(op, l.k, r.k); ok && l.konst && !g.opts.NoOptimize {
			return konstCode(v), nil
		}
		return acode{c: l.c.then(stmt(opALU|op|srcK, r.k)), checks: l.checks}, nil
	}
	defer func() { g.scratch-- }()
	var s code
	if st.first {
		g.scratch++
		r, err := g.arith(st.a.b) // recompiled above the parked word
		if err != nil {
			return acode{}, err
		}
		s = l.c.then(stmt(opST, st.m)).then(r.c.insns()...).then(stmt(opMISC|miscTAX, 0), stmt(opLD|mMEM, st.m))
	} else {
		s = l.c.after(r.c.then(stmt(opST, st.m)).insns()...).then(stmt(opLDX|mMEM, st.m))
	}
	return acode{c: s.then(stmt(opALU|op|srcX, 0)), checks: l.checks}, nil
}

// pair evaluates l into A and r into X for a binary operation or a
// comparison, parking one side in a scratch word. r has been compiled at
// the current scratch level; when l needs more scratch words than r (a
// left-deep chain like "len + len + ... + len"), l goes first and r is
// recompiled above the parked word, keeping the words in use to the
// Sethi-Ullman minimum that libpcap's own allocation also reaches.
func (g *gen) pair(la, ra arith, r *acode) (acode, code, error) {
	m, err := g.allocScratch()
	if err != nil {
		return acode{}, code{}, err
	}
	defer func() { g.scratch-- }()
	noOpt := g.opts.NoOptimize
	if regsNeeded(la, noOpt) > regsNeeded(ra, noOpt) {
		g.scratch--
		l, err := g.arith(la)
		g.scratch++
		if err != nil {
			return acode{}, code{}, err
		}
		if *r, err = g.arith(ra); err != nil {
			return acode{}, code{}, err
		}
		s := l.c.then(stmt(opST, m)).then(r.c.insns()...)
		return l, s.then(stmt(opMISC|miscTAX, 0), stmt(opLD|mMEM, m)), nil
	}
	l, err := g.arith(la)
	if err != nil {
		return acode{}, code{}, err
	}
	s := l.c.after(r.c.then(stmt(opST, m)).insns()...)
	return l, s.then(stmt(opLDX|mMEM, m)), nil
}

// regsNeeded is the number of scratch words evaluating a takes.
func regsNeeded(a arith, noOpt bool) int {
	switch a := a.(type) {
	case negArith:
		return regsNeeded(a.a, noOpt)
	case loadArith:
		return regsNeeded(a.idx, noOpt)
	case binArith:
		return a.cache.regs[boolInt(noOpt)]
	}
	return 0
}

// isKonst tells whether a compiles to a constant (acode.konst).
func isKonst(a arith, noOpt bool) bool {
	switch a := a.(type) {
	case numArith:
		return true
	case negArith:
		return !noOpt && isKonst(a.a, noOpt)
	case binArith:
		return !noOpt && a.cache.konst
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
		return acode{c: codeOf(stmt(loadOp(a.size, mABS), uint32(base)+idx.k)), checks: checks}, nil
	case idx.konst:
		s := codeOf(stmt(opLDX|mMEM, reg), stmt(loadOp(a.size, mIND), uint32(base)+idx.k))
		return acode{c: s, checks: checks}, nil
	}
	s := idx.c
	if varPart {
		s = s.then(stmt(opLDX|mMEM, reg), stmt(opALU|aluADD|srcX, 0))
	}
	s = s.then(stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), uint32(base)))
	return acode{c: s, checks: checks}, nil
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
		s := codeOf(g.ipHdrLenX()...).then(stmt(loadOp(a.size, mIND), base+idx.k))
		return acode{c: s, checks: checks}, nil
	}
	if !g.varOff {
		s := idx.c.then(g.ipHdrLenX()...)
		s = s.then(stmt(opALU|aluADD|srcX, 0), stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), base))
		return acode{c: s, checks: checks}, nil
	}
	// The header length computation clobbers A, so it goes first and is
	// parked in M[regHdr] (nested accessors store the same value there).
	s := idx.c.after(append(g.ipHdrLenX(), stmt(0x03, regHdr))...) // stx M[regHdr]
	s = s.then(stmt(opLDX|mMEM, regHdr), stmt(opALU|aluADD|srcX, 0),
		stmt(opMISC|miscTAX, 0), stmt(loadOp(a.size, mIND), base))
	return acode{c: s, checks: checks}, nil
}
