package interp

import (
	"encoding/binary"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

func raw(t *testing.T, ins ...xbpf.Instruction) []xbpf.RawInstruction {
	t.Helper()
	p, err := xbpf.Assemble(ins)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSemantics pins the libpcap behaviours that differ from a naive VM
// (pcap-filter-spec.md §9.2 P2, P4, P5, P6).
func TestSemantics(t *testing.T) {
	pkt := []byte{0x45, 0x00, 0x00, 0x54, 0xff, 0xfe, 0xfd, 0xfc}
	neg := xbpf.RawInstruction{Op: clsALU | aluNeg}
	cases := []struct {
		name string
		prog []xbpf.RawInstruction
		wire uint32
		aux  *Aux
		want uint32
	}{
		{"len is the wire length", raw(t, xbpf.LoadExtension{Num: xbpf.ExtLen}, xbpf.RetA{}), 112, nil, 112},
		{"ldx len", []xbpf.RawInstruction{{Op: clsLDX | modeLEN}, {Op: clsMISC | 0x80}, {Op: clsRET | srcA}}, 9, nil, 9},
		{"word load in bounds", raw(t, xbpf.LoadAbsolute{Off: 4, Size: 4}, xbpf.RetA{}), 8, nil, 0xfffefdfc},
		{"word load one past the end rejects", raw(t, xbpf.LoadAbsolute{Off: 5, Size: 4}, xbpf.RetConstant{Val: 1}), 100, nil, 0},
		{"bounds use the captured length", raw(t, xbpf.LoadAbsolute{Off: 8, Size: 1}, xbpf.RetConstant{Val: 1}), 100, nil, 0},
		{"indirect load overflow rejects", raw(t, xbpf.LoadConstant{Dst: xbpf.RegX, Val: 0xffffffff}, xbpf.LoadIndirect{Off: 2, Size: 1}, xbpf.RetConstant{Val: 1}), 8, nil, 0},
		{"msh", raw(t, xbpf.LoadMemShift{Off: 0}, xbpf.TXA{}, xbpf.RetA{}), 8, nil, 20},
		{"msh out of bounds", raw(t, xbpf.LoadMemShift{Off: 8}, xbpf.RetConstant{Val: 1}), 8, nil, 0},
		{"runtime division by zero rejects", raw(t, xbpf.LoadConstant{Val: 7}, xbpf.ALUOpX{Op: xbpf.ALUOpDiv}, xbpf.RetConstant{Val: 1}), 8, nil, 0},
		{"runtime modulo by zero rejects", raw(t, xbpf.LoadConstant{Val: 7}, xbpf.ALUOpX{Op: xbpf.ALUOpMod}, xbpf.RetConstant{Val: 1}), 8, nil, 0},
		{"shift by X >= 32 is 0", raw(t, xbpf.LoadConstant{Val: 7}, xbpf.LoadConstant{Dst: xbpf.RegX, Val: 33}, xbpf.ALUOpX{Op: xbpf.ALUOpShiftLeft}, xbpf.RetA{}), 8, nil, 0},
		{"neg", append(raw(t, xbpf.LoadConstant{Val: 5}), neg, xbpf.RawInstruction{Op: clsRET | srcA}), 8, nil, 0xfffffffb},
		{"unsigned compare", raw(t, xbpf.LoadConstant{Val: 0xffffffff}, xbpf.JumpIf{Cond: xbpf.JumpGreaterThan, Val: 1, SkipTrue: 1}, xbpf.RetConstant{Val: 0}, xbpf.RetConstant{Val: 1}), 8, nil, 1},
		{"scratch", raw(t, xbpf.LoadConstant{Val: 9}, xbpf.StoreScratch{Src: xbpf.RegA, N: 15}, xbpf.LoadConstant{Val: 0}, xbpf.LoadScratch{Dst: xbpf.RegX, N: 15}, xbpf.TXA{}, xbpf.RetA{}), 8, nil, 9},
		{"backward ja (protochain)", []xbpf.RawInstruction{
			{Op: clsJMP | jmpJA, K: 2},
			{Op: clsRET | srcK, K: 7},
			{Op: clsRET | srcK, K: 0},
			{Op: clsJMP | jmpJA, K: 0xfffffffd}, // to 1
		}, 8, nil, 7},
		{"ja to itself rejects", []xbpf.RawInstruction{{Op: clsJMP | jmpJA, K: 0xffffffff}, {Op: clsRET | srcK, K: 1}}, 8, nil, 0},
		{"running off the end rejects", raw(t, xbpf.LoadConstant{Val: 1}), 8, nil, 0},
		{"ancillary without aux rejects", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdVLANTagPresent), Size: 1}, xbpf.RetConstant{Val: 1}), 8, nil, 0},
		{"ancillary vlan present", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdVLANTagPresent), Size: 1}, xbpf.RetA{}), 8, &Aux{VLANPresent: true}, 1},
		{"ancillary width ignored", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdIfIndex), Size: 1}, xbpf.RetA{}), 8, &Aux{IfIndex: 0x1234}, 0x1234},
		{"ancillary protocol", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdProtocol), Size: 2}, xbpf.RetA{}), 8, &Aux{Protocol: 0x86dd}, 0x86dd},
		{"ancillary pkttype", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdPktType), Size: 2}, xbpf.RetA{}), 8, &Aux{PktType: 4}, 4},
		{"unmodelled ancillary rejects", raw(t, xbpf.LoadAbsolute{Off: AdOffset(AdRandom), Size: 4}, xbpf.RetConstant{Val: 1}), 8, &Aux{}, 0},
		{"invalid opcode rejects", []xbpf.RawInstruction{{Op: 0xff}, {Op: clsRET | srcK, K: 1}}, 8, nil, 0},
	}
	for _, c := range cases {
		if got := Run(c.prog, pkt, c.wire, c.aux); got != c.want {
			t.Errorf("%s: Run = %#x, want %#x", c.name, got, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := raw(t, xbpf.LoadAbsolute{Off: 12, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x800, SkipFalse: 1}, xbpf.RetConstant{Val: 1}, xbpf.RetConstant{Val: 0})
	if err := Validate(ok); err != nil {
		t.Errorf("Validate(valid) = %v", err)
	}
	bad := map[string][]xbpf.RawInstruction{
		"empty":           nil,
		"no ret at end":   raw(t, xbpf.RetConstant{Val: 1}, xbpf.LoadConstant{Val: 1}),
		"jump past end":   {{Op: clsJMP | jmpJEQ, Jt: 1}, {Op: clsRET | srcK}},
		"backward ja":     {{Op: clsRET | srcK}, {Op: clsJMP | jmpJA, K: 0xfffffffe}, {Op: clsRET | srcK}},
		"div by const 0":  {{Op: clsALU | aluDiv | srcK}, {Op: clsRET | srcK}},
		"shift by 32":     {{Op: clsALU | aluLsh | srcK, K: 32}, {Op: clsRET | srcK}},
		"scratch 16":      {{Op: clsST, K: 16}, {Op: clsRET | srcK}},
		"uninit scratch":  {{Op: clsLD | modeMEM, K: 3}, {Op: clsRET | srcK}},
		"bad opcode":      {{Op: 0x0e}, {Op: clsRET | srcK}},
		"too long":        make([]xbpf.RawInstruction, MaxInstructions+1),
		"uninit one path": {{Op: clsJMP | jmpJEQ, Jf: 1}, {Op: clsST, K: 1}, {Op: clsLD | modeMEM, K: 1}, {Op: clsRET | srcA}},
	}
	for name, p := range bad {
		if err := Validate(p); err == nil {
			t.Errorf("Validate(%s) = nil, want an error", name)
		}
	}
}

// TestEndianness makes sure multi-byte loads are network order.
func TestEndianness(t *testing.T) {
	pkt := make([]byte, 6)
	binary.BigEndian.PutUint16(pkt[4:], 0x86dd)
	if got := Run(raw(t, xbpf.LoadAbsolute{Off: 4, Size: 2}, xbpf.RetA{}), pkt, 6, nil); got != 0x86dd {
		t.Errorf("ldh = %#x", got)
	}
}
