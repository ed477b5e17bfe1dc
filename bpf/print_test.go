package bpf

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

// Golden files recorded from libpcap 1.10.3 by `go test ./bpf/difftest
// -update` (the difftest package owns the recording so the printer stays
// independent of this package's compiler).
const (
	printGolden = "difftest/testdata/print-golden.txt"
	imageGolden = "difftest/testdata/image-ops.golden"
)

// TestDumpMatchesTcpdump prints libpcap's own programs (from tcpdump
// -ddd) with Dump and compares with tcpdump -d and -dd byte for byte.
func TestDumpMatchesTcpdump(t *testing.T) {
	cases := readPrintGolden(t)
	for _, c := range cases {
		prog := parseDDD(t, c.out["-ddd"])
		for level, flag := range map[int]string{1: "-d", 2: "-dd", 3: "-ddd"} {
			var b bytes.Buffer
			if err := Dump(&b, prog, level); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.out[flag] {
				t.Errorf("%s %q: Dump level %d =\n%s\ntcpdump %s =\n%s", c.dlt, c.expr, level, b.String(), flag, c.out[flag])
			}
		}
	}
	if len(cases) < 200 {
		t.Errorf("only %d golden cases", len(cases))
	}
}

// TestDumpLive repeats the comparison against the installed tcpdump for a
// sample of expressions, so a drifted golden file cannot hide a bug.
func TestDumpLive(t *testing.T) {
	if out, err := exec.Command("tcpdump", "--version").CombinedOutput(); err != nil ||
		!strings.Contains(string(out), "libpcap version 1.10.3") {
		t.Skip("tcpdump with libpcap 1.10.3 not installed")
	}
	cases := readPrintGolden(t)
	for i := 0; i < len(cases); i += 10 {
		c := cases[i]
		outs := map[string]string{}
		for _, flag := range []string{"-ddd", "-d", "-dd"} {
			out, err := exec.Command("tcpdump", "-y", c.dlt, flag, c.expr).Output()
			if err != nil {
				// e.g. `port http` without /etc/services on this machine
				t.Logf("tcpdump -y %s %s %q: %v", c.dlt, flag, c.expr, err)
				break
			}
			outs[flag] = string(out)
		}
		if len(outs) < 3 {
			continue
		}
		prog := parseDDD(t, outs["-ddd"])
		for level, flag := range map[int]string{1: "-d", 2: "-dd"} {
			var b bytes.Buffer
			Dump(&b, prog, level)
			if b.String() != outs[flag] {
				t.Errorf("%s %q: Dump level %d differs from tcpdump %s:\n%s\nvs\n%s", c.dlt, c.expr, level, flag, b.String(), outs[flag])
			}
		}
	}
}

// TestImageAllOpcodes covers every opcode byte and the operand edge cases
// (negative offsets, SKF_AD names, unknown opcodes) against libpcap's
// bpf_image() output recorded through a small C helper.
func TestImageAllOpcodes(t *testing.T) {
	data, err := os.ReadFile(imageGolden)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		spec, want, _ := strings.Cut(line, "\t")
		var idx int
		var op, jt, jf, k uint32
		if _, err := fmt.Sscanf(spec, "%d %d %d %d %d", &idx, &op, &jt, &jf, &k); err != nil {
			t.Fatalf("bad golden line %q: %v", line, err)
		}
		want = strings.ReplaceAll(want, `\t`, "\t")
		ins := xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: k}
		if got := bpfImage(ins, idx); got != want {
			t.Errorf("bpf_image(%v, %d) = %q, libpcap %q", ins, idx, got, want)
		}
		n++
	}
	if n < 256 {
		t.Errorf("only %d golden instructions", n)
	}
}

func TestDumpBadLevel(t *testing.T) {
	if err := Dump(new(bytes.Buffer), nil, 4); err == nil {
		t.Error("Dump level 4: no error")
	}
}

type printCase struct {
	dlt, expr string
	out       map[string]string
}

func readPrintGolden(t *testing.T) []printCase {
	t.Helper()
	f, err := os.Open(printGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []printCase
	var cur *printCase
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			dlt, expr, _ := strings.Cut(line[4:], "\t")
			cases = append(cases, printCase{dlt: dlt, expr: expr, out: map[string]string{}})
			cur = &cases[len(cases)-1]
		case line == "-ddd" || line == "-d" || line == "-dd":
			section = line
		case cur != nil:
			cur.out[section] += line + "\n"
		}
	}
	return cases
}

func parseDDD(t *testing.T, s string) []xbpf.RawInstruction {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var prog []xbpf.RawInstruction
	for _, l := range lines[1:] {
		var op, jt, jf, k uint32
		if _, err := fmt.Sscanf(l, "%d %d %d %d", &op, &jt, &jf, &k); err != nil {
			t.Fatalf("bad -ddd line %q", l)
		}
		prog = append(prog, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: k})
	}
	return prog
}
