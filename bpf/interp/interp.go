// Package interp runs classic BPF programs with the semantics of libpcap's
// userland interpreter (bpf_filter.c, pcap_filter_with_aux_data), which is
// what tcpdump -r applies to every packet of a savefile.
//
// It exists as a reference: tests compile a filter, run it here over
// packets, and compare the verdict with what libpcap or the kernel decided.
// Unlike golang.org/x/net/bpf's VM it distinguishes the wire length (what
// `len`, `less` and `greater` see) from the captured length (what bounds
// loads), supports `neg`, sign-extended `ja`, and Linux ancillary loads.
package interp

import (
	"encoding/binary"

	xbpf "golang.org/x/net/bpf"
)

// Instruction classes and fields of the classic BPF opcode byte
// (linux/filter.h, pcap/bpf.h).
const (
	clsLD   = 0x00
	clsLDX  = 0x01
	clsST   = 0x02
	clsSTX  = 0x03
	clsALU  = 0x04
	clsJMP  = 0x05
	clsRET  = 0x06
	clsMISC = 0x07

	sizeW = 0x00
	sizeH = 0x08
	sizeB = 0x10

	modeIMM = 0x00
	modeABS = 0x20
	modeIND = 0x40
	modeMEM = 0x60
	modeLEN = 0x80
	modeMSH = 0xa0

	srcK = 0x00
	srcX = 0x08
	srcA = 0x10 // only for RET

	// MemWords is the number of scratch memory words M[0..15].
	MemWords = 16
	// MaxInstructions is the Linux kernel's limit (BPF_MAXINSNS).
	MaxInstructions = 4096
	// maxBackwardJumps bounds loops the way current libpcap does, so a
	// malformed program cannot hang a test.
	maxBackwardJumps = 64
)

// Run executes prog on pkt and returns the filter's result: 0 rejects the
// packet, anything else accepts it (and is the snapshot length to keep).
//
// pkt holds the captured bytes; wirelen is the packet's original length,
// which `ld #pktlen` (tcpdump's `len`) returns, as in
// bpf_filter(pc, p, wirelen, buflen). A load beyond the captured bytes, a
// division by zero, an invalid opcode or a jump off the end aborts the
// program with 0, as libpcap does. aux supplies Linux ancillary data
// (SKF_AD_*) for programs shaped for the kernel; with a nil aux such loads
// are out of bounds and reject, which is what userland libpcap does.
func Run(prog []xbpf.RawInstruction, pkt []byte, wirelen uint32, aux *Aux) uint32 {
	m := machine{prog: prog, pkt: pkt, wirelen: wirelen, aux: aux}
	return m.run()
}

type machine struct {
	prog    []xbpf.RawInstruction
	pkt     []byte
	wirelen uint32
	aux     *Aux
	a, x    uint32
	mem     [MemWords]uint32
	pc      int
	back    int
}

// run is the fetch/execute loop; each step returns (result, done).
func (m *machine) run() uint32 {
	for m.pc >= 0 && m.pc < len(m.prog) {
		ins := m.prog[m.pc]
		m.pc++
		var done bool
		switch ins.Op & 0x07 {
		case clsRET:
			return m.ret(ins)
		case clsLD:
			done = !m.load(ins)
		case clsLDX:
			done = !m.loadX(ins)
		case clsST, clsSTX:
			done = !m.store(ins)
		case clsALU:
			done = !m.alu(ins)
		case clsJMP:
			done = !m.jump(ins)
		case clsMISC:
			done = !m.misc(ins)
		}
		if done {
			return 0
		}
	}
	return 0
}

func (m *machine) ret(ins xbpf.RawInstruction) uint32 {
	switch ins.Op {
	case clsRET | srcK:
		return ins.K
	case clsRET | srcA:
		return m.a
	}
	return 0
}

// load handles the LD class; false means "abort, return 0".
func (m *machine) load(ins xbpf.RawInstruction) bool {
	switch ins.Op &^ 0x07 {
	case modeIMM | sizeW:
		m.a = ins.K
		return true
	case modeLEN | sizeW:
		m.a = m.wirelen
		return true
	case modeMEM | sizeW:
		if ins.K >= MemWords {
			return false
		}
		m.a = m.mem[ins.K]
		return true
	case modeABS | sizeW, modeABS | sizeH, modeABS | sizeB:
		if ins.K >= skfAdOff {
			return m.ancillary(ins.K)
		}
		v, ok := m.packet(ins.K, 0, ins.Op&0x18)
		m.a = v
		return ok
	case modeIND | sizeW, modeIND | sizeH, modeIND | sizeB:
		v, ok := m.packet(ins.K, m.x, ins.Op&0x18)
		m.a = v
		return ok
	}
	return false
}

// packet reads size bytes at base+index with libpcap's overflow-safe
// bounds checks against the captured length.
func (m *machine) packet(base, index uint32, size uint16) (uint32, bool) {
	n := uint64(len(m.pkt))
	off := uint64(base) + uint64(index)
	w := uint64(1)
	switch size {
	case sizeW:
		w = 4
	case sizeH:
		w = 2
	}
	if off+w > n {
		return 0, false
	}
	switch w {
	case 4:
		return binary.BigEndian.Uint32(m.pkt[off:]), true
	case 2:
		return uint32(binary.BigEndian.Uint16(m.pkt[off:])), true
	}
	return uint32(m.pkt[off]), true
}

func (m *machine) loadX(ins xbpf.RawInstruction) bool {
	switch ins.Op &^ 0x07 {
	case modeIMM | sizeW:
		m.x = ins.K
		return true
	case modeLEN | sizeW:
		m.x = m.wirelen
		return true
	case modeMEM | sizeW:
		if ins.K >= MemWords {
			return false
		}
		m.x = m.mem[ins.K]
		return true
	case modeMSH | sizeB:
		if uint64(ins.K) >= uint64(len(m.pkt)) {
			return false
		}
		m.x = uint32(m.pkt[ins.K]&0xf) << 2
		return true
	}
	return false
}

func (m *machine) store(ins xbpf.RawInstruction) bool {
	if ins.Op != clsST && ins.Op != clsSTX || ins.K >= MemWords {
		return false
	}
	if ins.Op == clsST {
		m.mem[ins.K] = m.a
	} else {
		m.mem[ins.K] = m.x
	}
	return true
}

func (m *machine) misc(ins xbpf.RawInstruction) bool {
	switch ins.Op {
	case clsMISC | 0x00: // tax
		m.x = m.a
	case clsMISC | 0x80: // txa
		m.a = m.x
	default:
		return false
	}
	return true
}
