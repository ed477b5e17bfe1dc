package difftest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
)

const synthGolden = "testdata/synth-verdicts.tsv"

// synthFile renders the synthesised packets of lt as pcap bytes.
func synthFile(lt bpf.LinkType) ([]packet, []byte) {
	pkts := synthPackets(lt)
	var b bytes.Buffer
	writePcap(&b, lt, 65535, pkts)
	return pkts, b.Bytes()
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

// TestGoldenSynth compiles every recorded expression for every link type
// and runs it over the synthesised packets; verdicts must equal those
// tcpdump produced when the golden file was recorded, and expressions
// libpcap refuses must be refused. Needs neither root nor tcpdump.
func TestGoldenSynth(t *testing.T) {
	if *update {
		recordSynthGolden(t)
	}
	rows, digests := readSynthGolden(t)
	pkts := map[string][]packet{}
	for _, l := range links {
		p, file := synthFile(l.lt)
		if got := digest(file); got != digests[l.name] {
			t.Fatalf("synthesised %s packets changed (digest %s, golden %s): re-record with go test ./bpf/difftest -update", l.name, got, digests[l.name])
		}
		pkts[l.name] = p
	}
	var tl tally
	for _, r := range rows {
		tl.check("synth", r.dlt, r.expr, r.o, pkts[r.dlt])
	}
	tl.report(t, "synth")
}

// TestGoldenSynthUnoptimized compiles with Options.NoOptimize and
// compares with libpcap's unoptimized verdicts (tcpdump -O), exactly: with
// no optimizer on either side, truncated packets must agree too (P4).
func TestGoldenSynthUnoptimized(t *testing.T) {
	rows, _ := readSynthGolden(t)
	var tl tally
	for _, r := range rows {
		if !r.o.valid || r.o.unopt == nil {
			continue
		}
		lt, _ := linkByName(r.dlt)
		pkts := synthPackets(lt)
		o := oracle{valid: true, opt: r.o.unopt()}
		tl.checkWith("synth-O", r.dlt, r.expr, o, func() ([]xbpf.RawInstruction, error) {
			return bpf.CompileOptions(r.expr, lt, 262144, bpf.Options{NoOptimize: true})
		}, func(prog []xbpf.RawInstruction) []bool {
			return runAll(prog, pkts)
		}, func(i int) string {
			return fmt.Sprintf("packet %d (%x)", i, head(pkts[i].data))
		})
	}
	tl.report(t, "synth-O")
}

type goldenRow struct {
	dlt, expr string
	o         oracle
}

func encodeBits(bits []bool) string {
	b := make([]byte, (len(bits)+7)/8)
	for i, v := range bits {
		if v {
			b[i/8] |= 1 << (i % 8)
		}
	}
	return hex.EncodeToString(b)
}

func decodeBits(s string, n int) ([]bool, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != (n+7)/8 {
		return nil, fmt.Errorf("bad bitmap %q for %d packets", s, n)
	}
	bits := make([]bool, n)
	for i := range bits {
		bits[i] = b[i/8]&(1<<(i%8)) != 0
	}
	return bits, nil
}

func readSynthGolden(t *testing.T) ([]goldenRow, map[string]string) {
	data, err := os.ReadFile(synthGolden)
	if err != nil {
		t.Fatal(err)
	}
	digests, counts := map[string]string{}, map[string]int{}
	var rows []goldenRow
	for n, line := range strings.Split(string(data), "\n") {
		f := strings.SplitN(line, "\t", 6)
		switch {
		case len(f) == 4 && f[0] == "#packets":
			counts[f[1]], _ = strconv.Atoi(f[2])
			digests[f[1]] = f[3]
		case line == "" || line[0] == '#':
		case len(f) == 6:
			r, err := parseGoldenRow(f, counts[f[0]])
			if err != nil {
				t.Fatalf("%s:%d: %v", synthGolden, n+1, err)
			}
			rows = append(rows, r)
		default:
			t.Fatalf("%s:%d: bad line %q", synthGolden, n+1, line)
		}
	}
	return rows, digests
}

func parseGoldenRow(f []string, npkts int) (goldenRow, error) {
	r := goldenRow{dlt: f[0], expr: f[5], o: oracle{valid: f[1] == "valid"}}
	if !r.o.valid {
		r.o.why = f[4] // libpcap's error
		return r, nil
	}
	var err error
	r.o.libLen, _ = strconv.Atoi(f[2])
	if r.o.opt, err = decodeBits(f[3], npkts); err != nil {
		return r, err
	}
	if f[4] == "-" { // tcpdump -O failed
		return r, nil
	}
	unopt := r.o.opt
	if f[4] != "=" {
		if unopt, err = decodeBits(f[4], npkts); err != nil {
			return r, err
		}
	}
	r.o.unopt = func() []bool { return unopt }
	return r, nil
}

// goldenRandomSeed fixes the random expressions recorded in the golden
// file, so the tcpdump-free test also covers generated mixes.
const goldenRandomSeed, goldenRandomN = 20260501, 400

// recordSynthGolden asks tcpdump for validity, program size and the
// accept bit of every synthesised packet, optimized and with -O: for the
// own expression list on every link type, and random expressions each on
// its own link type.
func recordSynthGolden(t *testing.T) {
	if !haveTcpdump() {
		t.Fatal("-update needs tcpdump with libpcap 1.10.3")
	}
	var rows []caseRow
	for _, l := range links {
		for _, e := range ownExpressions(t, sharedTestdata(t)) {
			rows = append(rows, caseRow{dlt: l.name, expr: e})
		}
	}
	rows = append(rows, dedupe(randomExprs(goldenRandomSeed, goldenRandomN))...)
	dir := t.TempDir()
	var head bytes.Buffer
	head.WriteString("# Verdicts of libpcap 1.10.3 (tcpdump -r FILE -w - EXPR, and with -O) on the packets\n" +
		"# synthesised by packets_test.go; recorded by go test ./bpf/difftest -update.\n" +
		"# #packets DLT count digest; then DLT, valid|invalid, libpcap instructions, bitmap (bit i = packet i,\n" +
		"# hex, little-endian bit order), -O bitmap or '=' if identical (libpcap's error for invalid), expression.\n")
	files := map[string]string{}
	pkts := map[string][]packet{}
	for _, l := range links {
		p, file := synthFile(l.lt)
		files[l.name], pkts[l.name] = filepath.Join(dir, l.name+".pcap"), p
		if err := os.WriteFile(files[l.name], file, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&head, "#packets\t%s\t%d\t%s\n", l.name, len(p), digest(file))
	}
	lines := make([]string, len(rows))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, r := range rows {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			lines[i] = goldenLine(t, r.dlt, files[r.dlt], pkts[r.dlt], r.expr)
		}()
	}
	wg.Wait()
	out := head.String() + strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(synthGolden, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func goldenLine(t *testing.T, dlt, path string, pkts []packet, e string) string {
	prog, err := libpcapProgram(path, e, false)
	if errors.Is(err, errInvalid) {
		why := strings.ReplaceAll(err.Error(), "\t", " ")
		return fmt.Sprintf("%s\tinvalid\t-\t-\t%s\t%s", dlt, why, e)
	}
	if err != nil {
		t.Error(err)
		return ""
	}
	opt, err := tcpdumpVerdicts(path, pkts, e, false)
	if err != nil {
		t.Errorf("%s %q: %v", dlt, e, err)
		return ""
	}
	unopt := "-"
	if u, err := tcpdumpVerdicts(path, pkts, e, true); err == nil {
		unopt = encodeBits(u)
		if unopt == encodeBits(opt) {
			unopt = "="
		}
	}
	return fmt.Sprintf("%s\tvalid\t%d\t%s\t%s\t%s", dlt, len(prog), encodeBits(opt), unopt, e)
}
