package bpf

import (
	"bufio"
	"fmt"
	"io"
	"sync"

	xbpf "golang.org/x/net/bpf"
)

// Dump writes prog the way tcpdump -d (level 1), -dd (level 2) or -ddd
// (level 3) prints a compiled filter: libpcap's bpf_dump(), whose -d lines
// come from bpf_image(). The text matches libpcap 1.10.3 byte for byte,
// including its quirks (signed decimal operands, Linux ancillary names
// such as [vlanp], `unimp 0x81` for ldx #pktlen).
func Dump(w io.Writer, prog []xbpf.RawInstruction, level int) error {
	bw := bufio.NewWriter(w)
	switch level {
	case 1:
		for i, ins := range prog {
			bw.WriteString(bpfImage(ins, i))
			bw.WriteByte('\n')
		}
	case 2:
		for _, ins := range prog {
			fmt.Fprintf(bw, "{ 0x%x, %d, %d, 0x%08x },\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	case 3:
		fmt.Fprintf(bw, "%d\n", len(prog))
		for _, ins := range prog {
			fmt.Fprintf(bw, "%d %d %d %d\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	default:
		return fmt.Errorf("bpf dump: level %d, want 1 (-d), 2 (-dd) or 3 (-ddd)", level)
	}
	return bw.Flush()
}

// operand formats of bpf_image().
const (
	fmtNone   = iota // no operand
	fmtX             // "x"
	fmtDec           // "#%d", k signed
	fmtHex           // "#0x%x"
	fmtAbs           // "[%d]" or an ancillary name
	fmtInd           // "[x + %d]"
	fmtMem           // "M[%d]"
	fmtMsh           // "4*([%d]&0xf)"
	fmtPktlen        // "#pktlen"
	fmtJa            // absolute target, "%d"
)

type imageOp struct {
	name string
	form int
}

// images maps the opcodes bpf_image() knows; everything else is
// "unimp 0x<code>".
var images = sync.OnceValue(func() map[uint16]imageOp {
	return map[uint16]imageOp{
		0x06: {"ret", fmtDec}, 0x16: {"ret", fmtNone},
		0x20: {"ld", fmtAbs}, 0x28: {"ldh", fmtAbs}, 0x30: {"ldb", fmtAbs},
		0x80: {"ld", fmtPktlen},
		0x40: {"ld", fmtInd}, 0x48: {"ldh", fmtInd}, 0x50: {"ldb", fmtInd},
		0x00: {"ld", fmtHex}, 0x01: {"ldx", fmtHex}, 0xb1: {"ldxb", fmtMsh},
		0x60: {"ld", fmtMem}, 0x61: {"ldx", fmtMem}, 0x02: {"st", fmtMem}, 0x03: {"stx", fmtMem},
		0x05: {"ja", fmtJa},
		0x25: {"jgt", fmtHex}, 0x35: {"jge", fmtHex}, 0x15: {"jeq", fmtHex}, 0x45: {"jset", fmtHex},
		0x2d: {"jgt", fmtX}, 0x3d: {"jge", fmtX}, 0x1d: {"jeq", fmtX}, 0x4d: {"jset", fmtX},
		0x0c: {"add", fmtX}, 0x1c: {"sub", fmtX}, 0x2c: {"mul", fmtX}, 0x3c: {"div", fmtX},
		0x9c: {"mod", fmtX}, 0x5c: {"and", fmtX}, 0x4c: {"or", fmtX}, 0xac: {"xor", fmtX},
		0x6c: {"lsh", fmtX}, 0x7c: {"rsh", fmtX},
		0x04: {"add", fmtDec}, 0x14: {"sub", fmtDec}, 0x24: {"mul", fmtDec}, 0x34: {"div", fmtDec},
		0x94: {"mod", fmtDec}, 0x54: {"and", fmtHex}, 0x44: {"or", fmtHex}, 0xa4: {"xor", fmtHex},
		0x64: {"lsh", fmtDec}, 0x74: {"rsh", fmtDec},
		0x84: {"neg", fmtNone}, 0x07: {"tax", fmtNone}, 0x87: {"txa", fmtNone},
	}
})

// ancillaryNames are bpf_image()'s names for Linux SKF_AD_OFF+n loads.
var ancillaryNames = []string{
	"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
	"rxhash", "cpu", "xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid",
}

// bpfImage formats instruction ins at index n like libpcap's bpf_image():
// "(000) ldh      [12]" or, for conditional jumps,
// "(001) jeq      #0x800           jt 2\tjf 5".
func bpfImage(ins xbpf.RawInstruction, n int) string {
	op, ok := images()[ins.Op]
	operand := fmt.Sprintf("0x%x", ins.Op)
	if ok {
		operand = imageOperand(op.form, ins, n)
	} else {
		op.name = "unimp"
	}
	if ins.Op&0x07 == 0x05 && ins.Op&0xf0 != 0x00 {
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", n, op.name, operand,
			n+1+int(ins.Jt), n+1+int(ins.Jf))
	}
	return fmt.Sprintf("(%03d) %-8s %s", n, op.name, operand)
}

func imageOperand(form int, ins xbpf.RawInstruction, n int) string {
	k := int32(ins.K)
	switch form {
	case fmtX:
		return "x"
	case fmtDec:
		return fmt.Sprintf("#%d", k)
	case fmtHex:
		return fmt.Sprintf("#0x%x", ins.K)
	case fmtAbs:
		if ad := ins.K - 0xfffff000; ins.K >= 0xfffff000 && ad%4 == 0 && int(ad/4) < len(ancillaryNames) {
			return "[" + ancillaryNames[ad/4] + "]"
		}
		return fmt.Sprintf("[%d]", k)
	case fmtInd:
		return fmt.Sprintf("[x + %d]", k)
	case fmtMem:
		return fmt.Sprintf("M[%d]", k)
	case fmtMsh:
		return fmt.Sprintf("4*([%d]&0xf)", k)
	case fmtPktlen:
		return "#pktlen"
	case fmtJa:
		return fmt.Sprintf("%d", int32(uint32(n)+1+ins.K))
	}
	return ""
}
