package bpf

import (
	"fmt"
	"sync/atomic"

	xbpf "golang.org/x/net/bpf"
)

// maxInsns is the Linux kernel's BPF_MAXINSNS.
const maxInsns = 4096

// maxCondJump is the reach of a conditional jump's 8-bit jt/jf field.
const maxCondJump = 255

// visitStamp numbers topoOrder's walks; a block's seen field holds the
// last one that reached it. Concurrent compilations walk disjoint graphs.
var visitStamp atomic.Uint64

// topoOrder lists the blocks reachable from entry so that every jump goes
// forward, visiting the false branch last so that it usually falls
// through (the layout tcpdump -d shows).
func topoOrder(entry *block) []*block {
	stamp := visitStamp.Add(1) // the optimizer walks big graphs often: no map
	var post []*block
	var visit func(b *block)
	visit = func(b *block) {
		if b == nil || b.seen == stamp {
			return
		}
		b.seen = stamp
		if !b.ret {
			visit(b.jt)
			visit(b.jf)
		}
		post = append(post, b)
	}
	visit(entry)
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	// Returns go last, accept before reject, as libpcap lays them out
	// (moved in place: the optimizer orders graphs of thousands of blocks).
	var rets []*block
	n := 0
	for _, b := range post {
		if b.ret {
			rets = append(rets, b)
		} else {
			post[n] = b
			n++
		}
	}
	if len(rets) == 2 && rets[0].retK == 0 {
		rets[0], rets[1] = rets[1], rets[0]
	}
	return append(post[:n], rets...)
}

// linearize resolves the symbolic successors into jt/jf offsets in one
// layout, adding "ja" trampolines after a block for conditional jumps
// that cannot reach their target (more than 255 instructions away), and
// re-laying out until every jump fits.
func linearize(entry *block) ([]xbpf.RawInstruction, error) {
	order := topoOrder(entry)
	tramp := map[*block][2]bool{} // [jt needs ja, jf needs ja]
	for {
		pos, n := layout(order, tramp)
		if n > maxInsns {
			return nil, semErr("expression too complex: %d instructions, the kernel allows %d", n, maxInsns)
		}
		changed := false
		for _, b := range order {
			if b.ret {
				continue
			}
			j := pos[b] + len(b.stmts)
			t := tramp[b]
			for i, to := range []*block{b.jt, b.jf} {
				if !t[i] && pos[to]-(j+1) > maxCondJump {
					t[i] = true
					changed = true
				}
			}
			tramp[b] = t
		}
		if !changed {
			return emit(order, pos, tramp, n), nil
		}
	}
}

func layout(order []*block, tramp map[*block][2]bool) (map[*block]int, int) {
	pos := make(map[*block]int, len(order))
	n := 0
	for _, b := range order {
		pos[b] = n
		n += len(b.stmts) + 1
		t := tramp[b]
		if t[0] {
			n++
		}
		if t[1] {
			n++
		}
	}
	return pos, n
}

func emit(order []*block, pos map[*block]int, tramp map[*block][2]bool, n int) []xbpf.RawInstruction {
	prog := make([]xbpf.RawInstruction, 0, n)
	for _, b := range order {
		if b.ret {
			prog = append(prog, xbpf.RawInstruction{Op: opRET | srcK, K: b.retK})
			continue
		}
		prog = append(prog, b.stmts...)
		j := len(prog)
		t := tramp[b]
		ins := xbpf.RawInstruction{Op: opJMP | b.jop, K: b.k}
		var jas []xbpf.RawInstruction
		next := j + 1
		for i, to := range []*block{b.jt, b.jf} {
			off := pos[to] - (j + 1)
			if t[i] {
				off = len(jas)
				jas = append(jas, xbpf.RawInstruction{Op: opJMP | jJA})
			}
			if i == 0 {
				ins.Jt = uint8(off)
			} else {
				ins.Jf = uint8(off)
			}
		}
		for i := range jas {
			idx := next + i
			jas[i].K = uint32(pos[map[bool]*block{true: b.jt, false: b.jf}[jasTarget(t, i)]] - (idx + 1))
		}
		prog = append(prog, ins)
		prog = append(prog, jas...)
	}
	return prog
}

// jasTarget tells whether trampoline i of a block serves the true edge.
func jasTarget(t [2]bool, i int) bool { return t[0] && i == 0 }

// validate checks the invariants every emitted program must satisfy, as
// x/net/bpf's NewVM and the kernel's checker do.
func validate(prog []xbpf.RawInstruction) error {
	if len(prog) == 0 || len(prog) > maxInsns {
		return fmt.Errorf("bpf: program length %d out of range", len(prog))
	}
	for i, ins := range prog {
		if ins.Op&0x07 != opJMP {
			continue
		}
		if ins.Op&0xf0 == jJA {
			if uint64(i)+1+uint64(ins.K) >= uint64(len(prog)) {
				return fmt.Errorf("bpf: ja at %d jumps out of the program", i)
			}
			continue
		}
		if i+1+int(ins.Jt) >= len(prog) || i+1+int(ins.Jf) >= len(prog) {
			return fmt.Errorf("bpf: jump at %d out of the program", i)
		}
	}
	if last := prog[len(prog)-1]; last.Op&0x07 != opRET {
		return fmt.Errorf("bpf: program does not end in ret")
	}
	return nil
}
