package interp

import xbpf "golang.org/x/net/bpf"

// ALU operations (BPF_OP of the ALU class).
const (
	aluAdd = 0x00
	aluSub = 0x10
	aluMul = 0x20
	aluDiv = 0x30
	aluOr  = 0x40
	aluAnd = 0x50
	aluLsh = 0x60
	aluRsh = 0x70
	aluNeg = 0x80
	aluMod = 0x90
	aluXor = 0xa0
)

// alu applies one ALU instruction to A. Division or modulo by zero aborts
// (returns false), and shifts by 32 or more give 0, as in libpcap 1.10.
func (m *machine) alu(ins xbpf.RawInstruction) bool {
	op := ins.Op & 0xf0
	if op == aluNeg {
		if ins.Op&0x08 != 0 {
			return false
		}
		m.a = 0 - m.a
		return true
	}
	v := ins.K
	if ins.Op&srcX != 0 {
		v = m.x
	}
	r, ok := apply(op, m.a, v)
	m.a = r
	return ok
}

func apply(op uint16, a, v uint32) (uint32, bool) {
	switch op {
	case aluAdd:
		return a + v, true
	case aluSub:
		return a - v, true
	case aluMul:
		return a * v, true
	case aluDiv:
		if v == 0 {
			return 0, false
		}
		return a / v, true
	case aluMod:
		if v == 0 {
			return 0, false
		}
		return a % v, true
	case aluOr:
		return a | v, true
	case aluAnd:
		return a & v, true
	case aluXor:
		return a ^ v, true
	case aluLsh:
		if v >= 32 {
			return 0, true
		}
		return a << v, true
	case aluRsh:
		if v >= 32 {
			return 0, true
		}
		return a >> v, true
	}
	return 0, false
}

// Jump operations (BPF_OP of the JMP class).
const (
	jmpJA   = 0x00
	jmpJEQ  = 0x10
	jmpJGT  = 0x20
	jmpJGE  = 0x30
	jmpJSET = 0x40
)

// jump moves pc. `ja` takes a sign-extended 32-bit offset because libpcap
// implements protochain with backward jumps; conditional jumps compare
// unsigned. A jump that leaves the program aborts.
func (m *machine) jump(ins xbpf.RawInstruction) bool {
	op := ins.Op & 0xf0
	if op == jmpJA {
		off := int64(int32(ins.K))
		if off == -1 || off < 0 && m.back >= maxBackwardJumps {
			return false
		}
		if off < 0 {
			m.back++
		}
		target := int64(m.pc) + off
		if target < 0 || target >= int64(len(m.prog)) {
			return false
		}
		m.pc = int(target)
		return true
	}
	v := ins.K
	if ins.Op&srcX != 0 {
		v = m.x
	}
	var cond bool
	switch op {
	case jmpJEQ:
		cond = m.a == v
	case jmpJGT:
		cond = m.a > v
	case jmpJGE:
		cond = m.a >= v
	case jmpJSET:
		cond = m.a&v != 0
	default:
		return false
	}
	if cond {
		m.pc += int(ins.Jt)
	} else {
		m.pc += int(ins.Jf)
	}
	return true
}
