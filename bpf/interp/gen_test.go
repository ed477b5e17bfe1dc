package interp

import (
	"math/rand"

	xbpf "golang.org/x/net/bpf"
)

// randProgram builds a random program that libpcap's validator accepts:
// known opcodes, forward in-range jumps, nonzero constant divisors,
// constant shifts below 32, scratch indexes below 16, a final ret. Loads
// aim around the packet end so bounds checks get exercised.
func randProgram(r *rand.Rand, maxLen int) []xbpf.RawInstruction {
	n := 2 + r.Intn(maxLen-1)
	prog := make([]xbpf.RawInstruction, n)
	for i := 0; i < n-1; i++ {
		prog[i] = randInsn(r, n-1-i)
	}
	prog[n-1] = randRet(r)
	return prog
}

func randRet(r *rand.Rand) xbpf.RawInstruction {
	if r.Intn(3) == 0 {
		return xbpf.RawInstruction{Op: clsRET | srcA}
	}
	return xbpf.RawInstruction{Op: clsRET | srcK, K: []uint32{0, 1, 65535, 262144}[r.Intn(4)]}
}

// randInsn returns one instruction at a position with room instructions
// after it.
func randInsn(r *rand.Rand, room int) xbpf.RawInstruction {
	switch r.Intn(9) {
	case 0, 1:
		return randLoad(r)
	case 2:
		return randMisc(r)
	case 3, 4:
		return randALU(r)
	case 5, 6, 7:
		return randJump(r, room)
	}
	if r.Intn(4) == 0 {
		return randRet(r)
	}
	return randLoad(r)
}

func randOffset(r *rand.Rand) uint32 {
	switch r.Intn(10) {
	case 0:
		return uint32(r.Intn(1 << 16))
	case 1:
		return 0xffffffff - uint32(r.Intn(4))
	case 2:
		ads := []uint32{AdProtocol, AdPktType, AdIfIndex, AdHaType, AdVLANTag, AdVLANTagPresent}
		return AdOffset(ads[r.Intn(len(ads))])
	}
	return uint32(r.Intn(64))
}

func randLoad(r *rand.Rand) xbpf.RawInstruction {
	sizes := []uint16{sizeW, sizeH, sizeB}
	size := sizes[r.Intn(3)]
	switch r.Intn(8) {
	case 0, 1, 2:
		return xbpf.RawInstruction{Op: clsLD | size | modeABS, K: randOffset(r)}
	case 3:
		return xbpf.RawInstruction{Op: clsLD | size | modeIND, K: randOffset(r)}
	case 4:
		return xbpf.RawInstruction{Op: clsLDX | sizeB | modeMSH, K: randOffset(r)}
	case 5:
		ops := []uint16{clsLD | modeIMM, clsLDX | modeIMM, clsLD | modeLEN, clsLDX | modeLEN}
		return xbpf.RawInstruction{Op: ops[r.Intn(4)], K: randValue(r)}
	}
	ops := []uint16{clsLD | modeMEM, clsLDX | modeMEM, clsST, clsSTX}
	return xbpf.RawInstruction{Op: ops[r.Intn(4)], K: uint32(r.Intn(MemWords))}
}

func randValue(r *rand.Rand) uint32 {
	switch r.Intn(4) {
	case 0:
		return r.Uint32()
	case 1:
		return uint32(r.Intn(40))
	}
	return uint32(r.Intn(256))
}

func randMisc(r *rand.Rand) xbpf.RawInstruction {
	ops := []uint16{clsMISC | 0x00, clsMISC | 0x80, clsALU | aluNeg}
	return xbpf.RawInstruction{Op: ops[r.Intn(3)]}
}

func randALU(r *rand.Rand) xbpf.RawInstruction {
	ops := []uint16{aluAdd, aluSub, aluMul, aluDiv, aluOr, aluAnd, aluLsh, aluRsh, aluMod, aluXor}
	op := ops[r.Intn(len(ops))]
	if r.Intn(2) == 0 {
		return xbpf.RawInstruction{Op: clsALU | op | srcX}
	}
	k := randValue(r)
	switch op {
	case aluDiv, aluMod:
		if k == 0 {
			k = 3
		}
	case aluLsh, aluRsh:
		k %= 32
	}
	return xbpf.RawInstruction{Op: clsALU | op | srcK, K: k}
}

func randJump(r *rand.Rand, room int) xbpf.RawInstruction {
	skip := func() uint8 {
		m := room
		if m > 256 {
			m = 256
		}
		return uint8(r.Intn(m))
	}
	if r.Intn(6) == 0 {
		return xbpf.RawInstruction{Op: clsJMP | jmpJA, K: uint32(skip())}
	}
	ops := []uint16{jmpJEQ, jmpJGT, jmpJGE, jmpJSET}
	ins := xbpf.RawInstruction{Op: clsJMP | ops[r.Intn(4)], Jt: skip(), Jf: skip(), K: randValue(r)}
	if r.Intn(3) == 0 {
		ins.Op |= srcX
	}
	return ins
}

// randPacket returns captured bytes and a wire length at least as long.
func randPacket(r *rand.Rand) ([]byte, uint32) {
	p := make([]byte, r.Intn(64))
	for i := range p {
		if r.Intn(3) == 0 {
			p[i] = byte(r.Intn(8))
		} else {
			p[i] = byte(r.Intn(256))
		}
	}
	wire := uint32(len(p))
	if r.Intn(3) == 0 {
		wire += uint32(r.Intn(100))
	}
	return p, wire
}
