package interp

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

var update = flag.Bool("update", false, "re-record testdata/libpcap-filter.golden from the installed libpcap (needs gcc and libpcap.so)")

// TestAgainstXNetVM runs random programs in both this interpreter and
// golang.org/x/net/bpf's VM wherever the latter applies (no neg, no Linux
// extensions, wire length = captured length: pcap-filter-spec.md P5, P6).
func TestAgainstXNetVM(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	compared, skipped := 0, 0
	for i := 0; i < 3000; i++ {
		prog := randProgram(r, 24)
		vm, ok := xnetVM(prog)
		if !ok {
			skipped++
			continue
		}
		for j := 0; j < 8; j++ {
			pkt, _ := randPacket(r)
			want, err := vm.Run(pkt)
			if err != nil {
				t.Fatalf("x/net VM: %v", err)
			}
			if got := Run(prog, pkt, uint32(len(pkt)), nil); got != uint32(want) {
				t.Fatalf("program %v packet %x: Run = %d, x/net VM = %d", prog, pkt, got, want)
			}
			compared++
		}
	}
	t.Logf("compared %d runs, skipped %d programs x/net cannot run", compared, skipped)
	if compared < 5000 {
		t.Errorf("only %d comparisons", compared)
	}
}

func xnetVM(prog []xbpf.RawInstruction) (*xbpf.VM, bool) {
	for _, ins := range prog {
		// x/net cannot run neg or Linux extensions, and it disassembles
		// `ldx #pktlen` as a load into A.
		if ins.Op == clsALU|aluNeg || ins.Op == clsLDX|modeLEN ||
			ins.Op&0x07 <= clsLDX && ins.Op&0xe0 == modeABS && ins.K >= skfAdOff {
			return nil, false
		}
		// On 32-bit platforms x/net's bounds arithmetic overflows (and
		// panics) for offsets near 2^32, which X+k can reach.
		if strconv.IntSize == 32 && ins.Op&0x07 <= clsLDX && (ins.K >= 1<<30 || ins.Op&0xe0 == modeIND) {
			return nil, false
		}
	}
	ins, ok := xbpf.Disassemble(prog)
	if !ok {
		return nil, false
	}
	vm, err := xbpf.NewVM(ins)
	return vm, err == nil
}

const goldenPath = "testdata/libpcap-filter.golden"

// TestAgainstLibpcap compares Run with libpcap 1.10.3's own bpf_filter()
// on random programs and packets recorded in testdata (re-record with
// -update where gcc and libpcap.so.0.8 are installed).
func TestAgainstLibpcap(t *testing.T) {
	if *update {
		recordLibpcapGolden(t)
	}
	data, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	var pkts [][]byte
	var wires []uint32
	runs := 0
	for n, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "pkt":
			w, _ := strconv.ParseUint(f[1], 10, 32)
			p, _ := hex.DecodeString(strings.TrimPrefix(f[2], "x"))
			pkts, wires = append(pkts, p), append(wires, uint32(w))
		case len(f) > 1 && f[0] == "prog":
			prog := parseProg(t, f[1])
			for i, want := range f[2:] {
				if got := Run(prog, pkts[i], wires[i], nil); strconv.FormatUint(uint64(got), 10) != want {
					t.Errorf("line %d packet %d: Run = %d, libpcap = %s", n+1, i, got, want)
				}
				runs++
			}
		}
	}
	if runs < 1000 {
		t.Fatalf("golden file has only %d runs", runs)
	}
	t.Logf("%d runs agree with libpcap's bpf_filter", runs)
}

func parseProg(t *testing.T, s string) []xbpf.RawInstruction {
	var prog []xbpf.RawInstruction
	for _, ins := range strings.Split(s, ",") {
		var op, jt, jf, k uint64
		if _, err := fmt.Sscanf(ins, "%d:%d:%d:%d", &op, &jt, &jf, &k); err != nil {
			t.Fatalf("bad instruction %q: %v", ins, err)
		}
		prog = append(prog, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: uint32(k)})
	}
	return prog
}

// buildOracle compiles testdata/oracle.c against the installed libpcap.
func buildOracle(t *testing.T) string {
	lib := "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8"
	if _, err := os.Stat(lib); err != nil {
		t.Skipf("-update needs %s: %v", lib, err)
	}
	bin := filepath.Join(t.TempDir(), "oracle")
	out, err := exec.Command("gcc", "-O2", "-o", bin, "testdata/oracle.c", lib).CombinedOutput()
	if err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	return bin
}

func recordLibpcapGolden(t *testing.T) {
	bin := buildOracle(t)
	r := rand.New(rand.NewSource(1))
	var in, head, body bytes.Buffer
	head.WriteString("# bpf_filter() results of libpcap 1.10.3 on random programs; recorded by go test ./bpf/interp -update\n")
	var pkts []string
	for i := 0; i < 24; i++ {
		p, w := randPacket(r)
		pkts = append(pkts, fmt.Sprintf("%d x%x", w, p))
		fmt.Fprintf(&head, "pkt %d x%x\n", w, p)
	}
	var progs []string
	for len(progs) < 400 {
		prog := randProgram(r, 32)
		if checkScratch(prog) != nil {
			continue // libpcap 1.10.3 leaves M[] uninitialised: garbage
		}
		var enc []string
		fmt.Fprintf(&in, "P %d\n", len(prog))
		for _, ins := range prog {
			fmt.Fprintf(&in, "%d %d %d %d\n", ins.Op, ins.Jt, ins.Jf, ins.K)
			enc = append(enc, fmt.Sprintf("%d:%d:%d:%d", ins.Op, ins.Jt, ins.Jf, ins.K))
		}
		for _, p := range pkts {
			w, h, _ := strings.Cut(p, " x")
			fmt.Fprintf(&in, "R %s %s\n", w, h)
		}
		progs = append(progs, strings.Join(enc, ","))
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for _, p := range progs {
		body.WriteString("prog " + p)
		for range pkts {
			sc.Scan()
			body.WriteString(" " + sc.Text())
		}
		body.WriteString("\n")
	}
	if err := os.WriteFile(goldenPath, append(head.Bytes(), body.Bytes()...), 0o644); err != nil {
		t.Fatal(err)
	}
}
