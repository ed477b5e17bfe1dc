package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/pcap"
	xbpf "golang.org/x/net/bpf"
)

// corpusRow is one valid expression of the filter corpus.
type corpusRow struct {
	dlt  string
	lt   bpf.LinkType
	expr string
}

var dlts = map[string]bpf.LinkType{"EN10MB": bpf.LinkEN10MB, "LINUX_SLL": bpf.LinkLinuxSLL,
	"LINUX_SLL2": bpf.LinkLinuxSLL2, "RAW": bpf.LinkRAW}

// filters compares our optimized programs with libpcap's (`tcpdump -r
// EMPTY -ddd EXPR`, the offline handle the corpus was recorded with),
// times our compiler per expression, and times a 3,000-term "or".
func filters(r *report) {
	const title = "4. Filter programs: instructions against libpcap 1.10.3, compile time"
	corpus, source := loadCorpus()
	dir, err := os.MkdirTemp("", "gnsbench-")
	if err != nil {
		r.skip(title, err.Error())
		return
	}
	defer os.RemoveAll(dir)
	_, haveTcpdump := have("tcpdump")
	var ratios, ours, times []float64
	worst, skipped := "", 0
	for _, row := range corpus {
		prog, d, err := compileTimed(row)
		if err != nil {
			skipped++
			continue
		}
		times = append(times, d)
		ours = append(ours, float64(len(prog)))
		if !haveTcpdump {
			continue
		}
		theirs, err := libpcapCount(dir, row)
		if err != nil || theirs == 0 {
			skipped++
			continue
		}
		q := float64(len(prog)) / float64(theirs)
		if q > maxOf(ratios) {
			worst = fmt.Sprintf("`%s` on %s: %d vs %d", row.expr, row.dlt, len(prog), theirs)
		}
		ratios = append(ratios, q)
	}
	s := section{title: title,
		commands: []string{"tcpdump -r empty-DLT.pcap -ddd EXPR   (first line: instruction count)",
			"bpf.CompileOptions(EXPR, DLT, 262144, offline form)   (in process, median of 20 compiles)"},
		header: []string{"measure", "median", "p90", "worst"},
	}
	if len(ratios) > 0 {
		s.rows = append(s.rows, []string{fmt.Sprintf("instructions, ours / libpcap (%d expressions)", len(ratios)),
			fmt.Sprintf("%.2f", median(ratios)), fmt.Sprintf("%.2f", percentile(ratios, 90)), fmt.Sprintf("%.2f (%s)", maxOf(ratios), worst)})
	}
	s.rows = append(s.rows, []string{"instructions, ours", fmt.Sprintf("%.0f", median(ours)), fmt.Sprintf("%.0f", percentile(ours, 90)), fmt.Sprintf("%.0f", maxOf(ours))},
		[]string{"compile time per expression, ours", fmt.Sprintf("%.1f µs", median(times)), fmt.Sprintf("%.1f µs", percentile(times, 90)), fmt.Sprintf("%.1f µs", maxOf(times))})
	s.notes = append(s.notes, fmt.Sprintf("Corpus: %s; %d expressions compiled, %d skipped (refused by one side, e.g. `unsupported:`).", source, len(ours), skipped))
	s.notes = append(s.notes, bigOr(dir, haveTcpdump))
	r.add(s)
}

// loadCorpus reads the valid rows of core-exprs.tsv, or a built-in list.
func loadCorpus() ([]corpusRow, string) {
	path := filepath.Join(*dataFlag, "filters", "core-exprs.tsv")
	f, err := os.Open(path)
	if err != nil {
		var rows []corpusRow
		for _, e := range []string{"tcp port 80", "udp and dst port 53", "icmp or icmp6", "host 192.0.2.1 and not port 22",
			"vlan and tcp[13] & 2 != 0", "ip6 and tcp", "arp", "net 198.51.100.0/24", "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
			"ip[2:2] > 576", "ether host 02:00:00:00:00:01", "portrange 8000-8080", "ip proto 47", "less 100", "greater 1000"} {
			rows = append(rows, corpusRow{"EN10MB", bpf.LinkEN10MB, e})
		}
		return rows, "a built-in list of 15 expressions (" + path + " not present)"
	}
	defer f.Close()
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 || strings.HasPrefix(parts[0], "#") || parts[1] != "valid" {
			continue
		}
		if lt, ok := dlts[parts[0]]; ok {
			rows = append(rows, corpusRow{parts[0], lt, parts[2]})
		}
	}
	return rows, "`core-exprs.tsv` (valid rows, 4 link types)"
}

var noDNS = func(string) ([]string, error) { return nil, errors.New("no name resolution in benchmarks") }

// compileTimed compiles row 20 times and returns the program and the
// median time in microseconds.
func compileTimed(row corpusRow) ([]xbpf.RawInstruction, float64, error) {
	var ts []float64
	var prog []xbpf.RawInstruction
	for i := 0; i < 20; i++ {
		t0 := time.Now()
		p, err := bpf.CompileOptions(row.expr, row.lt, 262144, bpf.Options{LookupHost: noDNS})
		if err != nil {
			return nil, 0, err
		}
		ts = append(ts, float64(time.Since(t0).Nanoseconds())/1000)
		prog = p
	}
	return prog, median(ts), nil
}

// libpcapCount is the length of libpcap's optimized program.
func libpcapCount(dir string, row corpusRow) (int, error) {
	empty := filepath.Join(dir, "empty-"+row.dlt+".pcap")
	if _, err := os.Stat(empty); err != nil {
		if err := writeEmpty(empty, pcap.LinkType(row.lt)); err != nil {
			return 0, err
		}
	}
	out, err := exec.Command("tcpdump", "-r", empty, "-ddd", row.expr).Output()
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0]))
}

func writeEmpty(path string, lt pcap.LinkType) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w, err := pcap.NewWriter(f, lt, 0, false)
	if err == nil {
		err = w.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// bigOr times a 3,000-term "or" of ports with both compilers.
func bigOr(dir string, haveTcpdump bool) string {
	var terms []string
	for i := 1; i <= 3000; i++ {
		terms = append(terms, "port "+strconv.Itoa(i))
	}
	expr := strings.Join(terms, " or ")
	t0 := time.Now()
	prog, err := bpf.CompileOptions(expr, bpf.LinkEN10MB, 262144, bpf.Options{})
	ours := time.Since(t0)
	res := fmt.Sprintf("%d instructions", len(prog))
	if err != nil {
		res = "refused: " + err.Error()
	}
	line := fmt.Sprintf("3,000-term `port 1 or port 2 or ... or port 3000` (EN10MB): gonsenter %.3f s (%s; goal < 0.1 s: %s)",
		ours.Seconds(), res, metOrMissed(ours < 100*time.Millisecond))
	if !haveTcpdump {
		return line + "."
	}
	empty := filepath.Join(dir, "empty-EN10MB.pcap")
	writeEmpty(empty, pcap.LinkEthernet)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	t0 = time.Now()
	err = exec.CommandContext(ctx, "tcpdump", "-r", empty, "-d", expr).Run()
	lib := time.Since(t0)
	switch {
	case ctx.Err() != nil:
		return line + "; libpcap: more than 60 s (stopped)."
	case err != nil:
		return line + fmt.Sprintf("; libpcap: %.1f s, then failed (%v).", lib.Seconds(), err)
	}
	return line + fmt.Sprintf("; libpcap: %.1f s.", lib.Seconds())
}
