package bpf

import (
	"encoding/binary"

	xbpf "golang.org/x/net/bpf"
)

// runRef is a minimal libpcap bpf_filter for this package's own tests: it
// sees the wire length for `len` and the captured bytes for loads, and an
// out-of-bounds load or a division by zero rejects. (bpf/interp is the
// full reference interpreter; this one keeps package bpf's tests free of
// it.) Ancillary loads (k >= 0xfffff000) are out of bounds, as in
// userland libpcap without aux data.
func runRef(prog []xbpf.RawInstruction, pkt []byte, wirelen uint32) uint32 {
	return runRefAux(prog, pkt, wirelen, nil)
}

// refAux is the Linux skb metadata ancillary loads read on a live socket.
type refAux struct {
	vlanPresent bool
	vlanTCI     uint16
	pktType     uint32
	ifindex     uint32
}

// runRefAux is runRef with ancillary data, as the kernel runs a filter;
// the kernel ignores the width of ancillary loads.
func runRefAux(prog []xbpf.RawInstruction, pkt []byte, wirelen uint32, aux *refAux) uint32 {
	var a, x uint32
	var mem [16]uint32
	load := func(k uint32, size uint32) (uint32, bool) {
		if k >= 0xfffff000 && aux != nil {
			switch k - 0xfffff000 {
			case 4:
				return aux.pktType, true
			case 8:
				return aux.ifindex, true
			case 44:
				return uint32(aux.vlanTCI), true
			case 48:
				if aux.vlanPresent {
					return 1, true
				}
				return 0, true
			}
			return 0, false
		}
		if uint64(k)+uint64(size) > uint64(len(pkt)) {
			return 0, false
		}
		switch size {
		case 1:
			return uint32(pkt[k]), true
		case 2:
			return uint32(binary.BigEndian.Uint16(pkt[k:])), true
		}
		return binary.BigEndian.Uint32(pkt[k:]), true
	}
	sizes := map[uint16]uint32{szW: 4, szH: 2, szB: 1}
	for pc := 0; pc < len(prog); pc++ {
		in := prog[pc]
		var ok = true
		switch in.Op & 0x07 {
		case opLD:
			switch in.Op & 0xe0 {
			case mIMM:
				a = in.K
			case mLEN:
				a = wirelen
			case mABS:
				a, ok = load(in.K, sizes[in.Op&0x18])
			case mIND:
				a, ok = load(x+in.K, sizes[in.Op&0x18])
			case mMEM:
				a = mem[in.K]
			}
		case opLDX:
			switch in.Op & 0xe0 {
			case mIMM:
				x = in.K
			case mLEN:
				x = wirelen
			case mMEM:
				x = mem[in.K]
			case mMSH:
				var b uint32
				b, ok = load(in.K, 1)
				x = 4 * (b & 0xf)
			}
		case opST:
			mem[in.K] = a
		case 0x03:
			mem[in.K] = x
		case opALU:
			v := in.K
			if in.Op&srcX != 0 {
				v = x
			}
			switch in.Op & 0xf0 {
			case aluADD:
				a += v
			case aluSUB:
				a -= v
			case aluMUL:
				a *= v
			case aluDIV:
				if v == 0 {
					return 0
				}
				a /= v
			case aluMOD:
				if v == 0 {
					return 0
				}
				a %= v
			case aluAND:
				a &= v
			case aluOR:
				a |= v
			case aluXOR:
				a ^= v
			case aluLSH:
				a <<= v & 31
			case aluRSH:
				a >>= v & 31
			case aluNEG:
				a = -a
			}
		case opJMP:
			v := in.K
			if in.Op&srcX != 0 {
				v = x
			}
			var c bool
			switch in.Op & 0xf0 {
			case jJA:
				pc += int(int32(in.K))
				continue
			case jJEQ:
				c = a == v
			case jJGT:
				c = a > v
			case jJGE:
				c = a >= v
			case jJSET:
				c = a&v != 0
			}
			if c {
				pc += int(in.Jt)
			} else {
				pc += int(in.Jf)
			}
		case opRET:
			if in.Op&0x18 == retA {
				return a
			}
			return in.K
		case opMISC:
			if in.Op&0xf8 == miscTXA {
				a = x
			} else {
				x = a
			}
		}
		if !ok {
			return 0
		}
	}
	return 0
}
