package difftest

import (
	"errors"
	"flag"
	"io/fs"
	"math/rand"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
)

var (
	seed     = flag.Int64("seed", 1, "seed of the random expression generator and of the tcpdump sample")
	nRandom  = flag.Int("rand", 2000, "random expressions the live differential test adds")
	nSampled = flag.Int("sample", 40, "(file, expression) pairs per run checked with real tcpdump -r -w -")
)

// corpus is the shared capture files grouped by link type.
type corpus map[bpf.LinkType][]*capture

func loadCorpus(t *testing.T, shared string) corpus {
	c := corpus{}
	root := filepath.Join(shared, "pcaps")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pcap") && !strings.HasSuffix(p, ".pcapng") {
			return err
		}
		cap, err := readCapture(p)
		if err != nil {
			return err
		}
		if _, ok := linkByName(linkName(cap.link)); ok {
			c[cap.link] = append(c[cap.link], cap)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c corpus) packets(lt bpf.LinkType) []packet {
	var all []packet
	for _, f := range c[lt] {
		all = append(all, f.pkts...)
	}
	return all
}

func runAll(prog []xbpf.RawInstruction, pkts []packet) []bool {
	v := make([]bool, len(pkts))
	for i, p := range pkts {
		v[i] = interp.Run(prog, p.data, p.wire, nil) != 0
	}
	return v
}

// TestLiveCorpus is the differential test of issue #3: every expression
// of libpcap-cases.tsv and core-exprs.tsv, plus -rand random ones, on
// every capture of its link type in shared/testdata/pcaps. The oracle is
// libpcap's own program (tcpdump -r empty.pcap -ddd, a savefile handle)
// run in bpf/interp; that shortcut is itself checked against real
// `tcpdump -r FILE -w - EXPR` on a random sample each run.
func TestLiveCorpus(t *testing.T) {
	if !haveTcpdump() {
		t.Skip("tcpdump with libpcap 1.10.3 not installed")
	}
	shared := sharedTestdata(t)
	c := loadCorpus(t, shared)
	empties := emptySavefiles(t)
	rows := append(readCases(t, filepath.Join(shared, "filters", "libpcap-cases.tsv"), "libpcap-cases"),
		readCases(t, filepath.Join(shared, "filters", "core-exprs.tsv"), "core-exprs")...)
	rows = append(rows, randomExprs(*seed, *nRandom)...)
	pkts := map[string][]packet{}
	total := 0
	for _, l := range links {
		pkts[l.name] = c.packets(l.lt)
		t.Logf("corpus %s: %d files, %d packets", l.name, len(c[l.lt]), len(pkts[l.name]))
		total += len(pkts[l.name])
	}
	run := liveRun{tls: map[string]*tally{"libpcap-cases": {}, "core-exprs": {}, "random": {}}}
	n := run.all(t, dedupe(rows), empties, pkts)
	t.Logf("%d distinct (DLT, expression) pairs over %d packets; %d TSV rows whose validity differs in local libpcap 1.10.3 (HEAD drift, spec §7)",
		n, total, len(run.drift))
	checkShortcut(t, c, empties, run.valid)
	for _, src := range []string{"libpcap-cases", "core-exprs", "random"} {
		run.tls[src].report(t, src)
	}
}

func dedupe(rows []caseRow) []caseRow {
	seen := map[string]bool{}
	var out []caseRow
	for _, r := range rows {
		if k := r.dlt + "\t" + r.expr; !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// liveRun collects the outcome of TestLiveCorpus's workers.
type liveRun struct {
	tls   map[string]*tally
	mu    sync.Mutex
	drift []string  // TSV rows whose validity local libpcap disagrees with
	valid []caseRow // rows libpcap compiles, for the shortcut sample
}

// all checks every row on one worker per CPU and returns the row count.
func (lr *liveRun) all(t *testing.T, rows []caseRow, empties map[bpf.LinkType]string, pkts map[string][]packet) int {
	work := make(chan caseRow)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				lr.one(t, r, empties, pkts[r.dlt])
			}
		}()
	}
	for _, r := range rows {
		work <- r
	}
	close(work)
	wg.Wait()
	return len(rows)
}

func (lr *liveRun) one(t *testing.T, r caseRow, empties map[bpf.LinkType]string, pkts []packet) {
	lt, _ := linkByName(r.dlt)
	o, err := liveOracle(empties[lt], r.expr, pkts)
	if err != nil {
		t.Error(err)
		return
	}
	lr.mu.Lock()
	if o.valid != r.valid && r.src != "random" {
		lr.drift = append(lr.drift, r.dlt+" "+r.expr)
	}
	if o.valid {
		lr.valid = append(lr.valid, r)
	}
	lr.mu.Unlock()
	lr.tls[r.src].check(r.src, r.dlt, r.expr, o, pkts)
}

// liveOracle compiles expr with libpcap and runs its program over pkts.
func liveOracle(empty, expr string, pkts []packet) (oracle, error) {
	prog, err := libpcapProgram(empty, expr, false)
	if errors.Is(err, errInvalid) {
		return oracle{why: err.Error()}, nil
	}
	if err != nil {
		return oracle{}, err
	}
	o := oracle{valid: true, libLen: len(prog), opt: runAll(prog, pkts)}
	o.unopt = func() []bool {
		u, err := libpcapProgram(empty, expr, true)
		if err != nil {
			return nil
		}
		return runAll(u, pkts)
	}
	return o, nil
}

// checkShortcut validates the -ddd + interp oracle against tcpdump
// filtering real files: both must accept exactly the same packets.
func checkShortcut(t *testing.T, c corpus, empties map[bpf.LinkType]string, rows []caseRow) {
	sort.Slice(rows, func(i, j int) bool { return rows[i].dlt+rows[i].expr < rows[j].dlt+rows[j].expr })
	r := rand.New(rand.NewSource(*seed))
	checked := 0
	for i := 0; i < *nSampled && len(rows) > 0; i++ {
		row := rows[r.Intn(len(rows))]
		lt, _ := linkByName(row.dlt)
		files := c[lt]
		if len(files) == 0 {
			continue
		}
		f := files[r.Intn(len(files))]
		want, err := tcpdumpVerdicts(f.path, f.pkts, row.expr, false)
		if err != nil {
			t.Errorf("tcpdump -r %s %q: %v", f.path, row.expr, err)
			continue
		}
		prog, err := libpcapProgram(empties[lt], row.expr, false)
		if err != nil {
			t.Errorf("tcpdump -ddd %q: %v", row.expr, err)
			continue
		}
		got := runAll(prog, f.pkts)
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("oracle shortcut is wrong: %s packet %d, %q: interp(libpcap program) %v, tcpdump -r -w - %v",
					f.path, j, row.expr, got[j], want[j])
				break
			}
		}
		checked++
	}
	t.Logf("oracle shortcut (tcpdump -ddd + interp) agreed with tcpdump -r -w - on %d sampled (file, expression) pairs", checked)
}
