package bpf

import (
	"encoding/binary"

	xbpf "golang.org/x/net/bpf"
)

// The optimizer works on the decision DAG built by the generator, where
// every block still loads everything it tests. It never changes a verdict
// of the unoptimized program, including on truncated packets: libpcap's
// optimizer may delete a load that would have run off the end of the
// packet (pcap-filter-spec.md P4: "tcp[100] = 0 or not tcp[100] = 0"
// accepts a short packet once optimized, rejects it with -O), so our rule
// is that of tcpdump -O. Concretely:
//
//   - Jump threading: an edge whose knowledge (facts established by earlier
//     tests on every path to it) decides the target block's test skips that
//     block, but only if every load in it already succeeded on every path
//     (the same value was loaded before), or if the decided target rejects
//     (an out-of-bounds abort rejects too).
//   - Identical blocks (same statements, test and successors) are merged.
//   - Loads of a value the register already holds on every path in are
//     dropped (ldh [12] once for a chain of EtherType tests).
//
// The only case where we deliberately keep a libpcap -O verdict against
// libpcap's optimized one is such an out-of-bounds load.

// valKey identifies a symbolic value (value numbering, as optimize.c).
type valKey struct {
	kind uint8
	op   uint16
	a, b int
	k    uint32
}

const (
	vConst uint8 = iota + 1
	vLen
	vAbs
	vInd
	vMsh
	vALU
	vMem0 // initial, unknown content of a scratch word
)

const unknown = -1

type valTab struct {
	// weak selects the libpcap-strength analysis (see libpcapStrength).
	weak   bool
	tagRel bool // set while simulating a relation's block in weak mode
	ids    map[valKey]int
	consts map[int]uint32
	keys   []valKey
	// offWords are the ids of the variable offset words (summarize needs
	// them for every block), once interned.
	offWords []int
}

func newValTab() *valTab { return &valTab{ids: map[valKey]int{}, consts: map[int]uint32{}} }

func (t *valTab) intern(k valKey) int {
	if id, ok := t.ids[k]; ok {
		return id
	}
	id := len(t.keys)
	t.keys = append(t.keys, k)
	t.ids[k] = id
	if k.kind == vConst {
		t.consts[id] = k.k
	}
	return id
}

func (t *valTab) konst(k uint32) int { return t.intern(valKey{kind: vConst, k: k}) }

func (t *valTab) constOf(id int) (uint32, bool) {
	if id == unknown {
		return 0, false
	}
	c, ok := t.consts[id]
	return c, ok
}

// fold evaluates a constant ALU operation as libpcap's optimizer does;
// ok is false for division by zero.
func fold(op uint16, a, b uint32) (uint32, bool) {
	switch op {
	case aluADD:
		return a + b, true
	case aluSUB:
		return a - b, true
	case aluMUL:
		return a * b, true
	case aluDIV, aluMOD:
		if b == 0 {
			return 0, false
		}
		if op == aluDIV {
			return a / b, true
		}
		return a % b, true
	case aluAND:
		return a & b, true
	case aluOR:
		return a | b, true
	case aluXOR:
		return a ^ b, true
	case aluLSH, aluRSH:
		if b >= 32 {
			return 0, true
		}
		if op == aluLSH {
			return a << b, true
		}
		return a >> b, true
	case aluNEG:
		return -a, true
	}
	return 0, false
}

// regs is the symbolic register file.
type regs struct {
	a, x int
	m    [16]int
}

func unknownRegs() regs {
	r := regs{a: unknown, x: unknown}
	for i := range r.m {
		r.m[i] = unknown
	}
	return r
}

// step applies one statement. It returns the value the statement writes
// (or unknown), whether it is a load that can abort the program (risky
// holds the loaded value's id, or -2 for a possibly-zero divisor), and
// which register it writes ('a', 'x', 'm' or 0).
func (t *valTab) step(s xbpf.RawInstruction, r *regs) (val, risky int, dst byte) {
	risky = unknown
	switch s.Op & 0x07 {
	case opLD, opLDX:
		var v int
		switch s.Op & 0xe0 {
		case mIMM:
			v = t.konst(s.K)
		case mLEN:
			v = t.intern(valKey{kind: vLen})
		case mABS:
			v = t.intern(valKey{kind: vAbs, op: s.Op & 0x18, k: s.K, b: boolInt(t.tagRel)})
			risky = v
		case mIND:
			if r.x == unknown {
				v = t.intern(valKey{kind: vInd, op: s.Op & 0x18, a: len(t.keys), b: -3, k: s.K}) // fresh
			} else {
				v = t.intern(valKey{kind: vInd, op: s.Op & 0x18, a: r.x, k: s.K, b: boolInt(t.tagRel)})
			}
			risky = v
		case mMSH:
			v = t.intern(valKey{kind: vMsh, k: s.K})
			risky = v
		case mMEM:
			v = r.m[s.K&15]
		}
		if s.Op&0x07 == opLD {
			r.a = v
			return v, risky, 'a'
		}
		r.x = v
		return v, risky, 'x'
	case opST:
		r.m[s.K&15] = r.a
		return r.a, risky, 'm'
	case 0x03:
		r.m[s.K&15] = r.x
		return r.x, risky, 'm'
	case opMISC:
		if s.Op&0xf8 == miscTXA {
			r.a = r.x
			return r.a, risky, 'a'
		}
		r.x = r.a
		return r.x, risky, 'x'
	case opALU:
		op := s.Op & 0xf0
		b := t.konst(s.K)
		if s.Op&srcX != 0 {
			b = r.x
		}
		if op == aluDIV || op == aluMOD {
			if c, ok := t.constOf(b); !ok || c == 0 {
				risky = -2
			}
		}
		r.a = t.alu(op, r.a, b)
		return r.a, risky, 'a'
	}
	return unknown, risky, 0
}

func (t *valTab) alu(op uint16, a, b int) int {
	if a == unknown || b == unknown {
		return t.intern(valKey{kind: vALU, op: op, a: len(t.keys), b: -3}) // fresh
	}
	ca, oka := t.constOf(a)
	cb, okb := t.constOf(b)
	if oka && okb {
		if v, ok := fold(op, ca, cb); ok {
			return t.konst(v)
		}
	}
	if okb && ((op == aluAND || op == aluMUL) && cb == 0 || op == aluOR && cb == 0xffffffff) {
		return t.konst(cb)
	}
	if op == aluNEG {
		b = 0
	}
	return t.intern(valKey{kind: vALU, op: op, a: a, b: b})
}

// decide evaluates test (jop, k) of value v, if the knowledge implies it.
func (t *valTab) decide(kn *know, v int, jop uint16, k uint32) (bool, bool) {
	if c, ok := t.constOf(v); ok {
		return evalJump(jop, c, k), true
	}
	lo, hi := kn.bounds(v)
	if t.weak {
		// libpcap relates a test only to the same test or, for jeq, to a
		// dominating jeq on the same value.
		if x, ok := kn.jsetFact(v, jop, k); ok {
			return x, true
		}
		if jop == jJEQ && lo == hi {
			return lo == k, true
		}
		if jop == jJEQ && kn.hasNeq(v, k) {
			return false, true
		}
		return false, false
	}
	if lo == hi {
		return evalJump(jop, lo, k), true
	}
	switch jop {
	case jJEQ:
		if k < lo || k > hi || kn.hasNeq(v, k) {
			return false, true
		}
	case jJGT:
		if lo > k {
			return true, true
		}
		if hi <= k {
			return false, true
		}
	case jJGE:
		if lo >= k {
			return true, true
		}
		if hi < k {
			return false, true
		}
	case jJSET:
		if x, ok := kn.jsetFact(v, jJSET, k); ok {
			return x, true
		}
		if k == 0 {
			return false, true
		}
	}
	if x, ok := kn.jsetFact(v, jop, k); ok {
		return x, true
	}
	return false, false
}

func evalJump(jop uint16, a, k uint32) bool {
	switch jop {
	case jJEQ:
		return a == k
	case jJGT:
		return a > k
	case jJGE:
		return a >= k
	}
	return a&k != 0
}

// blockSummary is a block simulated from unknown registers: the values it
// must load, the value it tests and the constant (or X value) it tests
// against.
type blockSummary struct {
	risky  []int
	div    bool // divides by a possibly-zero value
	tested int
	k      uint32
	kKnown bool
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (t *valTab) summarize(b *block) blockSummary {
	t.tagRel = t.weak && b.rel
	defer func() { t.tagRel = false }()
	r := unknownRegs()
	// The variable offset words change only in "keep" blocks, after which
	// pushOut forgets everything; until then they name one value each.
	offs := [...]uint32{regLinkHdr, regPL, regLT}
	if t.offWords == nil {
		for _, w := range offs {
			t.offWords = append(t.offWords, t.intern(valKey{kind: vMem0, k: w}))
		}
	}
	for i, w := range offs {
		r.m[w] = t.offWords[i]
	}
	var s blockSummary
	for _, st := range b.stmts {
		_, risky, _ := t.step(st, &r)
		if risky == -2 {
			s.div = true
		} else if risky != unknown {
			s.risky = append(s.risky, risky)
		}
	}
	s.tested, s.k, s.kKnown = r.a, b.k, true
	if b.jop&srcX != 0 {
		s.k, s.kKnown = t.constOf(r.x)
	}
	return s
}

// inEdge is an edge into a block with the knowledge that holds on it;
// from == nil is the program entry.
type inEdge struct {
	from  *block
	sense bool
	kn    *know
}

func (e inEdge) redirect(to *block, entry **block) {
	switch {
	case e.from == nil:
		*entry = to
	case e.sense:
		e.from.jt = to
	default:
		e.from.jf = to
	}
}

// thread performs one topological pass of jump threading.
func thread(entry *block, reject *block, weak bool) *block {
	t := newValTab()
	t.weak = weak
	ins := map[*block][]inEdge{entry: {{kn: newKnow()}}}
	for _, b := range topoOrder(entry) {
		if b.ret {
			continue
		}
		sum := t.summarize(b)
		var kept []inEdge
		for _, e := range ins[b] {
			if to := t.skipTarget(b, sum, e.kn, reject, e.from == nil); to != nil {
				e.redirect(to, &entry)
				addIn(ins, to, inEdge{e.from, e.sense, e.kn})
				continue
			}
			kept = append(kept, e)
		}
		if len(kept) > 0 {
			t.pushOut(b, sum, t.blockKnowledge(kept, sum), ins)
		}
		delete(ins, b) // no edge into b is added once it is processed
	}
	return entry
}

// blockKnowledge is what holds after b's statements on every path still
// entering it: the intersection of its in-edges, plus its loads.
func (t *valTab) blockKnowledge(kept []inEdge, sum blockSummary) *know {
	kn := kept[0].kn
	for _, e := range kept[1:] {
		kn = intersect(kn, e.kn, t.weak)
	}
	if !sum.div {
		kn = kn.clone()
		for _, v := range sum.risky {
			kn.markLoaded(t, v)
		}
	}
	return kn
}

// pushOut records b's out-edges with what each branch teaches. A test
// decided by kn keeps its loads but both edges go the decided way.
func (t *valTab) pushOut(b *block, sum blockSummary, kn *know, ins map[*block][]inEdge) {
	if out, ok := t.decideBlock(kn, b, sum, false); ok {
		if out {
			b.jf = b.jt
		} else {
			b.jt = b.jf
		}
	}
	if b.keep { // it stores variable offsets: earlier facts may be stale
		kn = newKnow()
	}
	for _, sense := range []bool{true, false} {
		to := b.jf
		if sense {
			to = b.jt
		}
		ekn := kn.clone()
		if sum.kKnown {
			ekn.learn(sum.tested, b.jop&0xf0, sum.k, sense, t.weak)
		}
		addIn(ins, to, inEdge{b, sense, ekn})
	}
}

// addIn records an edge into to. Returns need no knowledge: keeping it
// for every edge into "ret #0" would hold all of it until the pass ends.
func addIn(ins map[*block][]inEdge, to *block, e inEdge) {
	if !to.ret {
		ins[to] = append(ins[to], e)
	}
}

func (t *valTab) decideBlock(kn *know, b *block, sum blockSummary, root bool) (bool, bool) {
	if b.jt == b.jf {
		return true, true
	}
	if !sum.kKnown || (t.weak && b.opaque && !root) {
		return false, false
	}
	return t.decide(kn, sum.tested, b.jop&0xf0, sum.k)
}

// skipTarget returns where an edge with knowledge kn into b may jump
// directly, or nil.
func (t *valTab) skipTarget(b *block, sum blockSummary, kn *know, reject *block, root bool) *block {
	out, ok := t.decideBlock(kn, b, sum, root)
	if !ok {
		return nil
	}
	to := b.jf
	if out {
		to = b.jt
	}
	if to == reject {
		return to
	}
	if b.keep {
		return nil
	}
	if sum.div {
		return nil
	}
	var cover *know
	for _, v := range sum.risky {
		if kn.safe(t, v) {
			continue
		}
		if cover == nil {
			cover = t.coverage(to)
		}
		if !cover.safe(t, v) {
			return nil
		}
	}
	return to
}

// collapseRejects replaces, bottom-up, every block whose two successors
// reject by the reject block itself: whatever its loads do (an
// out-of-bounds abort rejects too), the packet is rejected.
func collapseRejects(entry, reject *block) *block {
	order := topoOrder(entry)
	dead := map[*block]bool{reject: true}
	for i := len(order) - 1; i >= 0; i-- {
		b := order[i]
		if b.ret {
			continue
		}
		if dead[b.jt] {
			b.jt = reject
		}
		if dead[b.jf] {
			b.jf = reject
		}
		if b.jt == reject && b.jf == reject {
			dead[b] = true
		}
	}
	if dead[entry] {
		return reject
	}
	return entry
}

// coverage is what the loads of block b prove about the packet length
// once they succeed. A decided block whose loads b covers may be skipped
// for b: if its load would have failed, b's fails too ("net fe80::/10"
// keeps only the last of its zero-mask words).
func (t *valTab) coverage(b *block) *know {
	k := newKnow()
	if b.ret {
		return k
	}
	for _, v := range t.summarize(b).risky {
		k.markLoaded(t, v)
	}
	return k
}

// mergeIdentical replaces blocks equal in statements, test and successors
// by one representative, bottom-up.
func mergeIdentical(entry *block) *block {
	order := topoOrder(entry)
	canon := map[string]*block{}
	repl := map[*block]*block{}
	get := func(b *block) *block {
		if r, ok := repl[b]; ok {
			return r
		}
		return b
	}
	ids := map[*block]int{}
	for i, b := range order {
		ids[b] = i
	}
	for i := len(order) - 1; i >= 0; i-- {
		b := order[i]
		if b.ret {
			continue
		}
		b.jt, b.jf = get(b.jt), get(b.jf)
		key := blockKey(b, ids[b.jt], ids[b.jf])
		if c, ok := canon[key]; ok {
			repl[b] = c
			continue
		}
		canon[key] = b
	}
	return get(entry)
}

// blockKey encodes a block's statements, test and successors (by their
// topological index); fixed-width fields make it injective.
func blockKey(b *block, jt, jf int) string {
	buf := make([]byte, 0, 8*len(b.stmts)+22)
	for _, s := range b.stmts {
		buf = binary.LittleEndian.AppendUint16(buf, s.Op)
		buf = append(buf, s.Jt, s.Jf)
		buf = binary.LittleEndian.AppendUint32(buf, s.K)
	}
	buf = binary.LittleEndian.AppendUint16(buf, b.jop)
	buf = binary.LittleEndian.AppendUint32(buf, b.k)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(jt))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(jf))
	return string(buf)
}

// dropRedundantLoads removes statements that write a register with the
// value it already holds on every path into the block.
func dropRedundantLoads(entry *block) {
	t := newValTab()
	order := topoOrder(entry)
	in := map[*block]*regs{}
	init := unknownRegs()
	init.a, init.x = t.konst(0), t.konst(0)
	in[entry] = &init
	for _, b := range order {
		if b.ret || in[b] == nil {
			continue
		}
		r := *in[b]
		var kept []xbpf.RawInstruction
		for _, s := range b.stmts {
			before := r
			val, _, dst := t.step(s, &r)
			if val != unknown && ((dst == 'a' && before.a == val) || (dst == 'x' && before.x == val) ||
				(dst == 'm' && before.m[s.K&15] == val)) {
				continue
			}
			kept = append(kept, s)
		}
		b.stmts = kept
		for _, to := range []*block{b.jt, b.jf} {
			if in[to] == nil {
				c := r
				in[to] = &c
			} else {
				meet(in[to], &r)
			}
		}
	}
}

func meet(dst, src *regs) {
	if dst.a != src.a {
		dst.a = unknown
	}
	if dst.x != src.x {
		dst.x = unknown
	}
	for i := range dst.m {
		if dst.m[i] != src.m[i] {
			dst.m[i] = unknown
		}
	}
}

func countInsns(entry *block) int {
	n := 0
	for _, b := range topoOrder(entry) {
		n += len(b.stmts) + 1
	}
	return n
}

// libpcapStrength: our analysis proves more filters constant-false than
// libpcap's optimizer does (it infers nothing from jgt/jge ranges, and
// does not relate "ether[12:2] = 0x800" to the EtherType test of "ip6").
// libpcap fails such a compilation with "expression rejects all packets",
// so to fail exactly when tcpdump fails, a program our optimizer reduces
// to "reject" is re-analysed with those limits (weak = true): only if that
// also proves it does CompileOptions report the error; otherwise it
// returns the one-instruction program "ret #0", which is what the filter
// means.

// optimize runs threading and merging to a fixed point, then drops
// redundant loads.
func optimize(entry, reject *block, weak bool) (*block, error) {
	for i, prev := 0, -1; i < 8; i++ {
		entry = thread(entry, reject, weak)
		entry = collapseRejects(entry, reject)
		entry = mergeIdentical(entry)
		n := countInsns(entry)
		if n == prev {
			break
		}
		prev = n
	}
	if !entry.ret {
		dropRedundantLoads(entry)
	}
	return entry, nil
}
