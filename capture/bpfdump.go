package capture

import (
	"fmt"
	"io"

	xbpf "golang.org/x/net/bpf"
)

// dumpProgram is libpcap's bpf_dump as tcpdump -d/-dd/-ddd calls it:
// level 1 is bpf_image's listing, 2 C initialisers, 3 and above the
// decimal form (count, then "code jt jf k" lines) that iptables and
// tc accept.
func dumpProgram(w io.Writer, prog []xbpf.RawInstruction, level int) error {
	var err error
	put := func(format string, a ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, a...)
		}
	}
	switch {
	case level > 2:
		put("%d\n", len(prog))
		for _, p := range prog {
			put("%d %d %d %d\n", p.Op, p.Jt, p.Jf, p.K)
		}
	case level == 2:
		for _, p := range prog {
			put("{ 0x%x, %d, %d, 0x%08x },\n", p.Op, p.Jt, p.Jf, p.K)
		}
	default:
		for i, p := range prog {
			put("%s\n", bpfImage(p, i))
		}
	}
	return err
}

// Instruction classes, sizes, modes and operations (linux/bpf_common.h).
const (
	bLD, bLDX, bST, bSTX, bALU, bJMP, bRET, bMISC = 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07
	bW, bH, bB                                    = 0x00, 0x08, 0x10
	bIMM, bABS, bIND, bMEM, bLEN, bMSH            = 0x00, 0x20, 0x40, 0x60, 0x80, 0xa0
	bK, bX, bA                                    = 0x00, 0x08, 0x10
	bJA, bJEQ, bJGT, bJGE, bJSET                  = 0x00, 0x10, 0x20, 0x30, 0x40
	bNEG, bTAX, bTXA                              = 0x80, 0x00, 0x80
)

// aluNames are the ALU operations by BPF_OP>>4; immediates of and/or/xor
// print in hex, the others in decimal (bpf_image).
var aluNames = map[uint16]string{0x00: "add", 0x10: "sub", 0x20: "mul", 0x30: "div", 0x90: "mod",
	0x50: "and", 0x40: "or", 0xa0: "xor", 0x60: "lsh", 0x70: "rsh"}

// jmpNames are the conditional jumps by BPF_OP.
var jmpNames = map[uint16]string{bJEQ: "jeq", bJGT: "jgt", bJGE: "jge", bJSET: "jset"}

// adNames are the Linux ancillary offsets bpf_image prints by name
// (SKF_AD_OFF + n, n = 0, 4, ... 60).
var adNames = []string{"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
	"rxhash", "cpu", "xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid"}

// bpfImage is libpcap's bpf_image for instruction n.
func bpfImage(p xbpf.RawInstruction, n int) string {
	op, operand := imageOp(p, n)
	if p.Op&0x07 == bJMP && p.Op&0xf0 != bJA {
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n+1+int(p.Jt), n+1+int(p.Jf))
	}
	return fmt.Sprintf("(%03d) %-8s %s", n, op, operand)
}

// imageOp names the operation and formats its operand.
func imageOp(p xbpf.RawInstruction, n int) (string, string) {
	k := int32(p.K)
	switch p.Op & 0x07 {
	case bRET:
		return imageRet(p)
	case bLD, bLDX:
		return imageLoad(p)
	case bST:
		if p.Op == bST {
			return "st", fmt.Sprintf("M[%d]", k)
		}
	case bSTX:
		if p.Op == bSTX {
			return "stx", fmt.Sprintf("M[%d]", k)
		}
	case bALU:
		return imageALU(p)
	case bJMP:
		return imageJump(p, n)
	case bMISC:
		switch p.Op {
		case bMISC | bTAX:
			return "tax", ""
		case bMISC | bTXA:
			return "txa", ""
		}
	}
	return "unimp", fmt.Sprintf("0x%x", p.Op)
}

func imageRet(p xbpf.RawInstruction) (string, string) {
	switch p.Op {
	case bRET | bK:
		return "ret", fmt.Sprintf("#%d", int32(p.K))
	case bRET | bA:
		return "ret", ""
	}
	return "unimp", fmt.Sprintf("0x%x", p.Op)
}

func imageLoad(p xbpf.RawInstruction) (string, string) {
	k := int32(p.K)
	sizes := map[uint16]string{bW: "ld", bH: "ldh", bB: "ldb"}
	switch {
	case p.Op&0x07 == bLD && p.Op&0xe0 == bABS && sizes[p.Op&0x18] != "" && p.Op&0x18 != 0x18:
		return sizes[p.Op&0x18], absOperand(p.K)
	case p.Op&0x07 == bLD && p.Op&0xe0 == bIND && p.Op&0x18 != 0x18:
		return sizes[p.Op&0x18], fmt.Sprintf("[x + %d]", k)
	case p.Op == bLD|bW|bLEN:
		return "ld", "#pktlen"
	case p.Op == bLD|bIMM:
		return "ld", fmt.Sprintf("#0x%x", p.K)
	case p.Op == bLDX|bIMM:
		return "ldx", fmt.Sprintf("#0x%x", p.K)
	case p.Op == bLDX|bMSH|bB:
		return "ldxb", fmt.Sprintf("4*([%d]&0xf)", k)
	case p.Op == bLD|bMEM:
		return "ld", fmt.Sprintf("M[%d]", k)
	case p.Op == bLDX|bMEM:
		return "ldx", fmt.Sprintf("M[%d]", k)
	}
	return "unimp", fmt.Sprintf("0x%x", p.Op)
}

// absOperand is bpf_print_abs_load_operand: Linux ancillary offsets by
// name, anything else as a signed decimal.
func absOperand(k uint32) string {
	const adOff = 0xfffff000 // SKF_AD_OFF = -0x1000
	if k >= adOff && k < adOff+64 && (k-adOff)%4 == 0 {
		return "[" + adNames[(k-adOff)/4] + "]"
	}
	return fmt.Sprintf("[%d]", int32(k))
}

func imageALU(p xbpf.RawInstruction) (string, string) {
	if p.Op == bALU|bNEG {
		return "neg", ""
	}
	name, ok := aluNames[p.Op&0xf0]
	switch {
	case !ok || p.Op&^0xf8 != bALU:
		return "unimp", fmt.Sprintf("0x%x", p.Op)
	case p.Op&0x08 == bX:
		return name, "x"
	case name == "and" || name == "or" || name == "xor":
		return name, fmt.Sprintf("#0x%x", p.K)
	}
	return name, fmt.Sprintf("#%d", int32(p.K))
}

func imageJump(p xbpf.RawInstruction, n int) (string, string) {
	if p.Op == bJMP|bJA {
		return "ja", fmt.Sprintf("%d", int32(int32(n)+1+int32(p.K)))
	}
	name, ok := jmpNames[p.Op&0xf0]
	switch {
	case !ok || p.Op&^0xf8 != bJMP:
		return "unimp", fmt.Sprintf("0x%x", p.Op)
	case p.Op&0x08 == bX:
		return name, "x"
	}
	return name, fmt.Sprintf("#0x%x", p.K)
}
