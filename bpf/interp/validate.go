package interp

import (
	"fmt"

	xbpf "golang.org/x/net/bpf"
)

// validOps lists every opcode the Linux kernel's classic BPF checker
// (net/core/filter.c, bpf_check_classic) and libpcap's bpf_validate accept.
var validOps = map[uint16]bool{}

func init() {
	for _, op := range []uint16{
		clsRET | srcK, clsRET | srcA,
		clsLD | sizeW | modeABS, clsLD | sizeH | modeABS, clsLD | sizeB | modeABS,
		clsLD | sizeW | modeIND, clsLD | sizeH | modeIND, clsLD | sizeB | modeIND,
		clsLD | sizeW | modeLEN, clsLDX | sizeW | modeLEN,
		clsLD | modeIMM, clsLDX | modeIMM, clsLD | modeMEM, clsLDX | modeMEM,
		clsLDX | sizeB | modeMSH, clsST, clsSTX,
		clsMISC | 0x00, clsMISC | 0x80, clsALU | aluNeg,
		clsJMP | jmpJA,
	} {
		validOps[op] = true
	}
	for _, op := range []uint16{aluAdd, aluSub, aluMul, aluDiv, aluOr, aluAnd, aluLsh, aluRsh, aluMod, aluXor} {
		validOps[clsALU|op|srcK] = true
		validOps[clsALU|op|srcX] = true
	}
	for _, op := range []uint16{jmpJEQ, jmpJGT, jmpJGE, jmpJSET} {
		validOps[clsJMP|op|srcK] = true
		validOps[clsJMP|op|srcX] = true
	}
}

// Validate reports whether the Linux kernel would accept prog with
// SO_ATTACH_FILTER: 1 to 4096 instructions, known opcodes, no constant
// division by zero or shift by 32 or more, scratch indexes below 16 and
// written before read on every path, jumps forward and inside the program,
// and a final `ret`. libpcap's userland validator is more lenient only in
// allowing backward `ja` (protochain), which the kernel refuses.
func Validate(prog []xbpf.RawInstruction) error {
	if len(prog) == 0 || len(prog) > MaxInstructions {
		return fmt.Errorf("program has %d instructions, want 1 to %d", len(prog), MaxInstructions)
	}
	for i, ins := range prog {
		if err := checkInsn(ins, i, len(prog)); err != nil {
			return fmt.Errorf("instruction %d: %w", i, err)
		}
	}
	if prog[len(prog)-1].Op&0x07 != clsRET {
		return fmt.Errorf("instruction %d: program does not end with ret", len(prog)-1)
	}
	return checkScratch(prog)
}

func checkInsn(ins xbpf.RawInstruction, i, n int) error {
	if !validOps[ins.Op] {
		return fmt.Errorf("invalid opcode %#x", ins.Op)
	}
	cls, op := ins.Op&0x07, ins.Op&0xf0
	switch {
	case (ins.Op&0xe0 == modeMEM && (cls == clsLD || cls == clsLDX) || cls == clsST || cls == clsSTX) && ins.K >= MemWords:
		return fmt.Errorf("scratch index %d out of range", ins.K)
	case cls == clsALU && (op == aluDiv || op == aluMod) && ins.Op&srcX == 0 && ins.K == 0:
		return fmt.Errorf("division by constant zero")
	case cls == clsALU && (op == aluLsh || op == aluRsh) && ins.Op&srcX == 0 && ins.K >= 32:
		return fmt.Errorf("shift by %d", ins.K)
	case cls == clsLD && ins.Op&0xe0 == modeABS && ins.K >= skfAdOff && !knownAncillary(ins.K):
		return fmt.Errorf("unknown ancillary load at %#x", ins.K)
	case cls == clsJMP && op == jmpJA:
		if uint64(i)+1+uint64(ins.K) >= uint64(n) {
			return fmt.Errorf("ja %d jumps outside the program", int32(ins.K))
		}
	case cls == clsJMP:
		if i+1+int(ins.Jt) >= n || i+1+int(ins.Jf) >= n {
			return fmt.Errorf("jump outside the program")
		}
	}
	return nil
}

// checkScratch mirrors the kernel's check_load_and_stores: a load from
// M[k] must be preceded by a store to M[k] on every path reaching it.
func checkScratch(prog []xbpf.RawInstruction) error {
	masks := make([]uint16, len(prog))
	for i := range masks {
		masks[i] = 0xffff
	}
	masks[0] = 0
	valid := uint16(0)
	for i, ins := range prog {
		valid &= masks[i]
		cls := ins.Op & 0x07
		switch {
		case cls == clsST || cls == clsSTX:
			valid |= 1 << ins.K
		case (cls == clsLD || cls == clsLDX) && ins.Op&0xe0 == modeMEM:
			if valid&(1<<ins.K) == 0 {
				return fmt.Errorf("instruction %d: M[%d] read before written", i, ins.K)
			}
		case cls == clsJMP && ins.Op&0xf0 == jmpJA:
			masks[i+1+int(ins.K)] &= valid
			valid = 0xffff
		case cls == clsJMP:
			masks[i+1+int(ins.Jt)] &= valid
			masks[i+1+int(ins.Jf)] &= valid
			valid = 0xffff
		}
	}
	return nil
}

func knownAncillary(k uint32) bool {
	ad := k - skfAdOff
	return ad%4 == 0 && ad <= AdVLANTPID
}
