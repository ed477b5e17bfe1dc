package difftest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
)

var (
	update      = flag.Bool("update", false, "re-record golden files from the installed tcpdump/libpcap")
	recordKnown = flag.Bool("record-known", false, "rewrite testdata/known-mismatches.tsv with the mismatches observed now")
)

const knownPath = "testdata/known-mismatches.tsv"

// oracle is libpcap's answer for one expression on one link type.
type oracle struct {
	valid  bool
	libLen int           // instructions in libpcap's optimized program
	opt    []bool        // verdicts of the optimized program (tcpdump default)
	unopt  func() []bool // verdicts with tcpdump -O, computed on demand
	why    string        // libpcap's error when !valid, if known
}

// outcome kinds that count as real mismatches.
const (
	kindVerdict  = "verdict"          // accept bit differs from libpcap (opt and -O)
	kindRejected = "rejected-valid"   // libpcap compiles it, we fail without ErrUnsupported
	kindAccepted = "accepted-invalid" // libpcap refuses it, we compile it
	kindPanic    = "panic"
	kindProgram  = "bad-program" // our program fails interp.Validate
)

type mismatch struct {
	src, dlt, kind, expr string
	count                int // packets that differ, or 1
	detail               string
}

func (m mismatch) key() string { return m.src + "\t" + m.dlt + "\t" + m.kind + "\t" + m.expr }

// tally accumulates the outcome of many comparisons.
type tally struct {
	mu                                              sync.Mutex
	supported, unsupported, invalidRejected, checks int
	packets, optOnlyExprs, optOnlyPackets           int
	ratios                                          []ratio
	mismatches                                      []mismatch
	optOnlyExamples                                 []string
	envSkipped                                      int
}

// namesDBMissing reports a machine where libpcap cannot resolve `port
// http` or `ip proto ospf` (no netbase /etc/services, /etc/protocols):
// the compiler knows those names from built-in Debian tables (spec P13),
// so libpcap's refusals there say nothing about the compiler.
func namesDBMissing() bool {
	namesOnce.Do(func() {
		if !haveTcpdump() {
			return
		}
		dir, err := os.MkdirTemp("", "difftest")
		if err != nil {
			return
		}
		defer os.RemoveAll(dir)
		p := filepath.Join(dir, "empty.pcap")
		var b bytes.Buffer
		writePcap(&b, bpf.LinkEN10MB, libpcapMaxSnaplen, nil)
		if os.WriteFile(p, b.Bytes(), 0o644) != nil {
			return
		}
		_, err = libpcapProgram(p, "tcp port http or ip proto ospf", false)
		namesBroken = errors.Is(err, errInvalid)
	})
	return namesBroken
}

var (
	namesOnce   sync.Once
	namesBroken bool
)

type ratio struct {
	r    float64
	what string
}

// safeCompile runs a compile function, turning a panic into an error.
func safeCompile(comp func() ([]xbpf.RawInstruction, error)) (prog []xbpf.RawInstruction, panicked bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			panicked, err = true, fmt.Errorf("panic: %v", r)
		}
	}()
	prog, err = comp()
	return prog, false, err
}

// check compares bpf.Compile with libpcap for expr on savefile packets.
func (tl *tally) check(src, dlt, expr string, o oracle, pkts []packet) {
	lt, _ := linkByName(dlt)
	tl.checkWith(src, dlt, expr, o, func() ([]xbpf.RawInstruction, error) {
		return bpf.Compile(expr, lt, 262144)
	}, func(prog []xbpf.RawInstruction) []bool {
		return runAll(prog, pkts)
	}, func(i int) string {
		p := pkts[i]
		return fmt.Sprintf("packet %d (%d/%d bytes %x)", i, len(p.data), p.wire, head(p.data))
	})
}

// checkWith compares one compilation with libpcap's oracle; run gives our
// program's verdict per packet and describe names a packet.
func (tl *tally) checkWith(src, dlt, expr string, o oracle, comp func() ([]xbpf.RawInstruction, error),
	run func([]xbpf.RawInstruction) []bool, describe func(int) string) {
	prog, panicked, err := safeCompile(comp)
	tl.mu.Lock()
	defer tl.mu.Unlock()
	tl.checks++
	add := func(kind string, n int, detail string) {
		tl.mismatches = append(tl.mismatches, mismatch{src, dlt, kind, expr, n, detail})
	}
	switch {
	case panicked:
		add(kindPanic, 1, err.Error())
	case !o.valid && err != nil:
		tl.invalidRejected++
	case !o.valid && namesDBMissing() && strings.Contains(o.why, "unknown "):
		tl.envSkipped++ // libpcap lacks /etc/services or /etc/protocols here
	case !o.valid:
		add(kindAccepted, 1, o.why)
	case errors.Is(err, bpf.ErrUnsupported):
		tl.unsupported++
	case err != nil:
		add(kindRejected, 1, err.Error())
	default:
		tl.supported++
		if len(prog) <= interp.MaxInstructions {
			if verr := interp.Validate(prog); verr != nil {
				add(kindProgram, 1, verr.Error())
				return
			}
		}
		if o.libLen > 0 {
			tl.ratios = append(tl.ratios, ratio{float64(len(prog)) / float64(o.libLen), dlt + " " + strconv.Quote(expr)})
		}
		tl.mu.Unlock()
		got := run(prog)
		n, optOnly, first := compareVerdicts(got, o, describe)
		tl.mu.Lock()
		tl.packets += len(got)
		if optOnly > 0 {
			tl.optOnlyExprs++
			tl.optOnlyPackets += optOnly
			if len(tl.optOnlyExamples) < 5 {
				tl.optOnlyExamples = append(tl.optOnlyExamples, fmt.Sprintf("%s %q (%d)", dlt, expr, optOnly))
			}
		}
		if n > 0 {
			add(kindVerdict, n, first)
		}
	}
}

// compareVerdicts returns how many packets disagree with both libpcap's
// optimized and unoptimized programs (real), how many disagree only with
// the optimized one (P4), and a description of the first real one.
func compareVerdicts(got []bool, o oracle, describe func(int) string) (real, optOnly int, first string) {
	var unopt []bool
	for i := range got {
		if got[i] == o.opt[i] {
			continue
		}
		if unopt == nil && o.unopt != nil {
			unopt = o.unopt()
		}
		if unopt != nil && got[i] == unopt[i] {
			optOnly++
			continue
		}
		if real == 0 {
			first = fmt.Sprintf("%s: ours %v, libpcap %v", describe(i), got[i], o.opt[i])
		}
		real++
	}
	return real, optOnly, first
}

func head(b []byte) []byte {
	if len(b) > 48 {
		return b[:48]
	}
	return b
}

// report logs the counts and fails on real mismatches not listed in
// testdata/known-mismatches.tsv (or rewrites that file with -record-known).
func (tl *tally) report(t *testing.T, src string) {
	t.Helper()
	t.Logf("%s: %d checks: supported %d, unsupported (ErrUnsupported) %d, invalid rejected %d, real mismatches %d; "+
		"optimizer-only (P4) differences in %d expressions / %d packets; %d packet verdicts compared",
		src, tl.checks, tl.supported, tl.unsupported, tl.invalidRejected, len(tl.mismatches),
		tl.optOnlyExprs, tl.optOnlyPackets, tl.packets)
	if n := len(tl.ratios); n > 0 {
		sort.Slice(tl.ratios, func(i, j int) bool { return tl.ratios[i].r > tl.ratios[j].r })
		var worst []string
		for _, r := range tl.ratios[:min(3, n)] {
			worst = append(worst, fmt.Sprintf("%.2f %s", r.r, r.what))
		}
		t.Logf("%s: program size / libpcap's over %d programs: median %.2f; worst %s",
			src, n, tl.ratios[n/2].r, strings.Join(worst, ", "))
	}
	if tl.envSkipped > 0 {
		t.Logf("%s: %d expressions skipped: libpcap cannot resolve their names on this machine (no netbase)", src, tl.envSkipped)
	}
	if len(tl.optOnlyExamples) > 0 {
		t.Logf("%s: optimizer-only differences, e.g. %s", src, strings.Join(tl.optOnlyExamples, ", "))
	}
	if *recordKnown {
		writeKnown(t, src, tl.mismatches)
		return
	}
	known := readKnown(t)
	byKind := map[string]int{}
	for _, m := range tl.mismatches {
		byKind[m.kind]++
		if _, ok := known[m.key()]; ok {
			continue
		}
		t.Errorf("%s %s %q: %s (%d): %s", m.src, m.dlt, m.expr, m.kind, m.count, m.detail)
	}
	seen := map[string]bool{}
	for _, m := range tl.mismatches {
		seen[m.key()] = true
	}
	stale := 0
	for k := range known {
		if strings.HasPrefix(k, src+"\t") && !seen[k] {
			stale++ // fixed since it was recorded
		}
	}
	t.Logf("%s: mismatches by kind: %v (listed in %s: %d, of which no longer seen: %d)",
		src, byKind, knownPath, countKnown(known, src), stale)
}

func readKnown(t *testing.T) map[string]int {
	data, err := os.ReadFile(knownPath)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 6)
		if len(f) < 5 {
			t.Fatalf("%s: bad line %q", knownPath, line)
		}
		n, _ := strconv.Atoi(f[3])
		m[f[0]+"\t"+f[1]+"\t"+f[2]+"\t"+f[4]] = n
	}
	return m
}

func countKnown(known map[string]int, src string) int {
	n := 0
	for k := range known {
		if strings.HasPrefix(k, src+"\t") {
			n++
		}
	}
	return n
}

// writeKnown replaces the lines of source src in the known-mismatch file.
func writeKnown(t *testing.T, src string, ms []mismatch) {
	data, _ := os.ReadFile(knownPath)
	var keep []string
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, src+"\t") {
			keep = append(keep, line)
		}
	}
	if len(keep) == 0 {
		keep = append(keep, "# Real mismatches between package bpf and libpcap 1.10.3 known at the last commit,",
			"# written by go test ./bpf/difftest -record-known. Format (tab-separated): source, DLT, kind,",
			"# count (packets whose verdict differs; 1 for compile-time kinds), expression, detail.",
			"# Kinds: verdict, rejected-valid (we refuse what libpcap compiles), accepted-invalid",
			"# (we compile what libpcap refuses; detail = libpcap's error), panic, bad-program.")
	}
	for _, m := range ms {
		detail := strings.ReplaceAll(m.detail, "\t", " ")
		keep = append(keep, fmt.Sprintf("%s\t%s\t%s\t%d\t%s\t%s", m.src, m.dlt, m.kind, m.count, m.expr, detail))
	}
	if err := os.WriteFile(knownPath, []byte(strings.Join(keep, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
