package difftest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The golden files of bpf's printer test (bpf/print_test.go) are recorded
// here so that package bpf's tests stay independent of the recorder.
const (
	printGolden = "testdata/print-golden.txt"
	imageGolden = "testdata/image-ops.golden"
)

// TestRecordPrintGolden re-records, with -update, tcpdump -ddd/-d/-dd of a
// few hundred expressions (dead handle, tcpdump -y DLT) and libpcap's
// bpf_image() of every opcode.
func TestRecordPrintGolden(t *testing.T) {
	if !*update {
		t.Skip("records golden files with -update only")
	}
	if !haveTcpdump() {
		t.Fatal("-update needs tcpdump with libpcap 1.10.3")
	}
	rows, _ := readSynthGolden(t)
	var cases [][2]string
	n := map[string]int{}
	for _, r := range rows {
		n[r.dlt]++
		if r.o.valid && (r.dlt == "EN10MB" && n[r.dlt]%2 == 0 || n[r.dlt]%7 == 0) {
			cases = append(cases, [2]string{r.dlt, r.expr})
		}
	}
	for _, e := range []string{"inbound", "outbound", "ifindex 3", "inbound and ifindex 1 and tcp"} {
		cases = append(cases, [2]string{"EN10MB", e})
	}
	out := make([]string, len(cases))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, c := range cases {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var b strings.Builder
			fmt.Fprintf(&b, "=== %s\t%s\n", c[0], c[1])
			for _, flag := range []string{"-ddd", "-d", "-dd"} {
				res, err := exec.Command("tcpdump", "-y", c[0], flag, "--", c[1]).Output()
				if err != nil {
					t.Errorf("tcpdump -y %s %s %q: %v", c[0], flag, c[1], err)
				}
				b.WriteString(flag + "\n" + string(res))
			}
			out[i] = b.String()
		}()
	}
	wg.Wait()
	if err := os.WriteFile(printGolden, []byte(strings.Join(out, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	recordImageGolden(t)
}

// recordImageGolden runs bpf_image() through bpf/interp's C helper.
func recordImageGolden(t *testing.T) {
	lib := "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8"
	if _, err := os.Stat(lib); err != nil {
		t.Logf("not re-recording %s: %v", imageGolden, err)
		return
	}
	bin := filepath.Join(t.TempDir(), "oracle")
	if out, err := exec.Command("gcc", "-O2", "-o", bin, "../interp/testdata/oracle.c", lib).CombinedOutput(); err != nil {
		t.Logf("not re-recording %s: gcc: %v %s", imageGolden, err, out)
		return
	}
	var ins [][4]uint32
	for op := uint32(0); op < 256; op++ {
		ins = append(ins, [4]uint32{op, 1, 2, 0x12345678})
	}
	for _, op := range []uint32{0x20, 0x28, 0x30, 0x40, 0xb1} {
		for ad := uint32(0); ad <= 68; ad += 4 {
			ins = append(ins, [4]uint32{op, 0, 0, 0xfffff000 + ad})
		}
	}
	for _, e := range [][4]uint32{{0x30, 0, 0, 0xfffff001}, {0x30, 0, 0, 0xffffffff}, {0x20, 0, 0, 0x80000000},
		{0x06, 0, 0, 0xffffffff}, {0x04, 0, 0, 0xffffffff}, {0x14, 0, 0, 0x80000000}, {0x05, 0, 0, 0xfffffffe},
		{0x05, 0, 0, 5}, {0x15, 255, 255, 7}, {0x00, 0, 0, 0xffffffff}, {0x40, 0, 0, 0xfffffff0}, {0x60, 0, 0, 3},
		{0x02, 0, 0, 0xffffffff}, {0x24, 0, 0, 0xffffffff}, {0x94, 0, 0, 7}, {0xa4, 0, 0, 0xff}, {0x64, 0, 0, 33},
		{0x16, 0, 0, 0}, {0x81, 0, 0, 0}, {0x05, 0, 0, 0x7fffffff}} {
		ins = append(ins, e)
	}
	var in bytes.Buffer
	fmt.Fprintf(&in, "P %d\n", len(ins))
	for _, i := range ins {
		fmt.Fprintf(&in, "%d %d %d %d\n", i[0], i[1], i[2], i[3])
	}
	in.WriteString("I\n")
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	res, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# libpcap 1.10.3 bpf_image() of index op jt jf k; recorded by go test ./bpf/difftest -update\n")
	sc := bufio.NewScanner(bytes.NewReader(res))
	for i := 0; sc.Scan(); i++ {
		fmt.Fprintf(&b, "%d %d %d %d %d\t%s\n", i, ins[i][0], ins[i][1], ins[i][2], ins[i][3], strings.ReplaceAll(sc.Text(), "\t", `\t`))
	}
	if err := os.WriteFile(imageGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
