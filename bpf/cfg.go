package bpf

import xbpf "golang.org/x/net/bpf"

// Classic BPF opcode fields (linux/filter.h, libpcap pcap/bpf.h).
const (
	opLD   = 0x00
	opLDX  = 0x01
	opST   = 0x02
	opALU  = 0x04
	opJMP  = 0x05
	opRET  = 0x06
	opMISC = 0x07

	szW = 0x00
	szH = 0x08
	szB = 0x10

	mIMM = 0x00
	mABS = 0x20
	mIND = 0x40
	mMEM = 0x60
	mLEN = 0x80
	mMSH = 0xa0

	aluADD = 0x00
	aluSUB = 0x10
	aluMUL = 0x20
	aluDIV = 0x30
	aluOR  = 0x40
	aluAND = 0x50
	aluLSH = 0x60
	aluRSH = 0x70
	aluNEG = 0x80
	aluMOD = 0x90
	aluXOR = 0xa0

	jJA   = 0x00
	jJEQ  = 0x10
	jJGT  = 0x20
	jJGE  = 0x30
	jJSET = 0x40

	srcK = 0x00
	srcX = 0x08

	retA    = 0x10
	miscTAX = 0x00
	miscTXA = 0x80
)

// stmt builds one non-jump instruction.
func stmt(op uint16, k uint32) xbpf.RawInstruction { return xbpf.RawInstruction{Op: op, K: k} }

// block is a node of the control-flow graph, as in libpcap's gencode:
// straight-line statements followed by one conditional jump (op, k) with
// two successors, or a return when ret is set.
type block struct {
	stmts  []xbpf.RawInstruction
	jop    uint16 // jJEQ|jJGT|jJGE|jJSET, plus srcX for comparisons with X
	k      uint32
	jt, jf *block
	ret    bool
	retK   uint32
	rel    bool   // the comparison of an "arth relop arth" (see libpcapStrength)
	opaque bool   // a relation libpcap's optimizer does not fold unless at the root
	keep   bool   // stores the variable offset parts: never skipped
	seen   uint64 // the last topoOrder walk that reached it (visitStamp)
}

// exit is an unresolved successor slot: the true or false edge of b.
type exit struct {
	b    *block
	true bool
}

func (e exit) set(to *block) {
	if e.true {
		e.b.jt = to
	} else {
		e.b.jf = to
	}
}

// frag is a single-entry fragment of the graph whose true and false exits
// are still open (libpcap's backpatch lists).
type frag struct {
	entry *block
	t, f  []exit
}

func testFrag(stmts []xbpf.RawInstruction, jop uint16, k uint32) frag {
	// One allocation for the block and its two exits (a 3,000-term filter
	// makes a quarter of a million of them). The exit slices are capped,
	// so and/or appending to them copy instead of overwriting the other.
	n := &testNode{b: block{stmts: stmts, jop: jop, k: k}}
	n.ex = [2]exit{{&n.b, true}, {&n.b, false}}
	return frag{entry: &n.b, t: n.ex[0:1:1], f: n.ex[1:2:2]}
}

type testNode struct {
	b  block
	ex [2]exit
}

func patch(exits []exit, to *block) {
	for _, e := range exits {
		e.set(to)
	}
}

// and and or consume their operands (a fragment is joined into the graph
// once), so the surviving exit list grows in place: a chain of 3,000
// "or"s costs linear time, not a copy of every list so far (issue #8).
func and(a, b frag) frag {
	patch(a.t, b.entry)
	return frag{entry: a.entry, t: b.t, f: append(a.f, b.f...)}
}

func or(a, b frag) frag {
	patch(a.f, b.entry)
	return frag{entry: a.entry, t: append(a.t, b.t...), f: b.f}
}

func not(a frag) frag { return frag{entry: a.entry, t: a.f, f: a.t} }

// andAll and orAll fold left to right, as chained gen_and/gen_or calls.
func andAll(fs ...frag) frag {
	r := fs[0]
	for _, f := range fs[1:] {
		r = and(r, f)
	}
	return r
}

func orAll(fs ...frag) frag {
	r := fs[0]
	for _, f := range fs[1:] {
		r = or(r, f)
	}
	return r
}

// constFrag is libpcap's gen_true/gen_false: "ld #0; jeq #0" (true) or
// "ld #1; jeq #0" (false); the optimizer folds it away.
func constFrag(v bool) frag {
	k := uint32(1)
	if v {
		k = 0
	}
	return testFrag([]xbpf.RawInstruction{stmt(opLD|mIMM, k)}, jJEQ, 0)
}

// loadOp returns the ld opcode for a size in bytes with mode m.
func loadOp(size uint32, m uint16) uint16 {
	switch size {
	case 1:
		return opLD | szB | m
	case 2:
		return opLD | szH | m
	}
	return opLD | szW | m
}
