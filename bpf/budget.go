package bpf

// libpcap's compiler takes every block and statement from a private pool
// (gencode.c newchunk): chunks 1 to 15 of 1 KiB << k bytes, 64 MiB in
// all, and fails with "out of memory" when the next allocation does not
// fit, whatever the machine's memory. Our unoptimized graph has libpcap's
// blocks and statements (tcpdump -O prints the same program), so charging
// each primitive's blocks at libpcap's sizes as it is compiled fails the
// expressions whose code cannot fit in that pool: on Linux cooked v1,
// 91,176 terms of "ether[0]=1 or ..." compile and 91,177 do not, in both;
// tcpdump compiles 8620 terms of "port N or ...", we 8621. The charge is
// a lower bound of libpcap's use (it also allocates strings and blocks it
// then drops, and wastes each chunk's tail), so nothing libpcap compiles
// is refused, and the guard bounds the work and memory a megabyte of
// filter text can make the optimizer do: a megabyte of "port N or ..."
// took 95 s and 12.7 GB before this guard.
const (
	chunkPool  = 1024 * (1<<16 - 2) // bytes in chunks 1..15
	blockBytes = 288                // sizeof(struct block) on 64-bit Linux
	stmtBytes  = 40                 // sizeof(struct slist)
)

// errOutOfMemory is libpcap's message for an exhausted pool.
var errOutOfMemory = &SemanticError{Msg: "out of memory"}

// charge adds the blocks and statements of f, the fragment of primitive
// n whose exits are still open, to the pool; it fails once the pool is
// exhausted. A relation's comparison block holds our (folded) code for
// its arithmetic: what libpcap allocated for that arithmetic while
// parsing (relNode.pool) is charged instead.
func (g *gen) charge(n node, f frag) error {
	r, isRel := n.(relNode)
	seen := map[*block]bool{}
	stack := []*block{f.entry}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == nil || seen[b] {
			continue
		}
		seen[b] = true
		if isRel && b.rel {
			g.poolUsed += r.pool
		} else {
			g.poolUsed += blockBytes + stmtBytes*len(b.stmts)
		}
		stack = append(stack, b.jt, b.jf)
	}
	return g.checkPool()
}

func (g *gen) checkPool() error {
	if g.poolUsed > chunkPool {
		return errOutOfMemory
	}
	return nil
}

// What libpcap's parser allocates for arithmetic as it reduces it
// (gencode.c: a struct arth of 24 bytes and "ld; st" for gen_loadi and
// gen_loadlen, "ldx; ld; alu; st" for gen_arth, "ld; neg; st" for
// gen_neg, at least "ldx; ld [x+k]; st" for gen_load, "ldx; ld" (and a
// "sub" for = and !=) and a block for gen_relation): tcpdump compiles
// 79,887 terms of "len + 1 > 0 and ...", not 79,888, which is our last.
// The parser charges it as it goes, so that a megabyte of arithmetic
// fails before the generator walks it.
const (
	leafArithBytes = 24 + 2*stmtBytes
	binArithBytes  = 4 * stmtBytes
	negArithBytes  = 3 * stmtBytes
	loadArithBytes = 3 * stmtBytes
	relationBytes  = 2*stmtBytes + blockBytes // with the comparison's block
)
