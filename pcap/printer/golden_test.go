package printer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gonsenter/gonsenter/internal/repo"
	"github.com/gonsenter/gonsenter/pcap"
)

var update = flag.Bool("update", false, "re-record golden files with tcpdump -r")

// flagSet is one tcpdump command line the goldens are recorded with.
type flagSet struct {
	name  string
	args  []string
	opts  Options
	limit int // packets per capture (keeps testdata small)
	// resolve sets run without -n only on loopback captures, with a fixed
	// host table (127.0.0.1 is localhost) and the built-in services table,
	// which are what this machine's tcpdump used when recording.
	resolve bool
	only    string // when set, only captures whose name contains it
}

func (fs flagSet) covers(rel string) bool {
	if fs.only != "" && !strings.Contains(rel, fs.only) {
		return false
	}
	return !fs.resolve || strings.HasPrefix(rel, "generated/") || strings.HasPrefix(rel, "local/")
}

// recordedIfName is the interface table of the machine the goldens were
// recorded on, as tcpdump -r saw it: only lo (index 1) exists.
func recordedIfName(idx int) string {
	if idx == 1 {
		return "lo"
	}
	return "?"
}

func fakeLookup(a netip.Addr) (string, bool) {
	if a == netip.MustParseAddr("127.0.0.1") {
		return "localhost", true
	}
	return "", false
}

var flagSets = []flagSet{
	{"n", []string{"-n"}, Options{NoResolve: 1}, 200, false, ""},
	{"nn-e", []string{"-nn", "-e"}, Options{NoResolve: 2, Ether: true}, 200, false, ""},
	{"n-q", []string{"-n", "-q"}, Options{NoResolve: 1, Quick: true}, 200, false, ""},
	{"n-v", []string{"-n", "-v"}, Options{NoResolve: 1, Verbose: 1}, 200, false, ""},
	{"n-tt", []string{"-n", "-tt"}, Options{NoResolve: 1, Timestamp: 2}, 200, false, ""},
	{"n-#", []string{"-n", "-#"}, Options{NoResolve: 1, Number: true}, 200, false, ""},
	{"n-X", []string{"-n", "-X"}, Options{NoResolve: 1, HexASCII: 1}, 25, false, ""},
	{"nn-vv-S", []string{"-nn", "-vv", "-S"}, Options{NoResolve: 2, Verbose: 2, AbsoluteSeq: true}, 60, false, ""},
	{"n-ttt-xx", []string{"-n", "-ttt", "-xx"}, Options{NoResolve: 1, Timestamp: 3, Hex: 2}, 25, false, ""},
	{"n-tttt-A", []string{"-n", "-tttt", "-A"}, Options{NoResolve: 1, Timestamp: 4, ASCII: true}, 25, false, ""},
	{"n-vvv-e-S", []string{"-n", "-vvv", "-e", "-S"}, Options{NoResolve: 1, Verbose: 3, Ether: true, AbsoluteSeq: true}, 40, false, ""},
	{"resolve", nil, Options{}, 200, true, ""},
	{"resolve-e-v", []string{"-e", "-v"}, Options{Ether: true, Verbose: 1}, 200, true, ""},
	{"resolve-q-ttttt", []string{"-q", "-ttttt"}, Options{Quick: true, Timestamp: 5}, 200, true, ""},
	{"damaged-n-vvv-X", []string{"-n", "-vvv", "-X"}, Options{NoResolve: 1, Verbose: 3, HexASCII: 1}, 500, false, "damaged"},
	{"damaged-n-e-A", []string{"-n", "-e", "-A"}, Options{NoResolve: 1, Ether: true, ASCII: true}, 500, false, "damaged"},
}

// captures lists the shared corpus (when present) and our own testdata.
func captures(t *testing.T) map[string]string {
	if *update {
		writeSynthetic(t)
	}
	files := map[string]string{}
	for _, f := range globAll(filepath.Join("testdata", "captures"), "") {
		files["local/"+filepath.Base(f)] = f
	}
	if extra := os.Getenv("PRINTER_EXTRA"); extra != "" && !*update {
		// ad-hoc captures for TestLiveOracle (never recorded as goldens)
		for _, f := range globAll(extra, "") {
			files["extra/"+filepath.Base(f)] = f
		}
	}
	root := repoRoot(t)
	shared := filepath.Join(root, "..", "shared", "testdata", "pcaps")
	for _, f := range globAll(shared, "") {
		rel, _ := filepath.Rel(shared, f)
		files[rel] = f
	}
	return files
}

func globAll(dir, _ string) []string {
	var out []string
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(path, ".pcap") || strings.HasSuffix(path, ".pcapng")) {
			out = append(out, path)
		}
		return nil
	})
	return out
}

func repoRoot(t *testing.T) string {
	dir, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// readCapture reads up to limit packets with gopacket's pcapgo (test-only
// cross-check reader; the pcap package is written in parallel).
func readCapture(path string, limit int) ([]pcap.Packet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type src interface {
		ReadPacketData() ([]byte, gopacketCI, error)
	}
	var pkts []pcap.Packet
	add := func(data []byte, ts time.Time, caplen, length int, lt pcap.LinkType) {
		pkts = append(pkts, pcap.Packet{CaptureInfo: pcap.CaptureInfo{Timestamp: ts, CaptureLength: caplen, Length: length}, LinkType: lt, Data: data})
	}
	br := bufio.NewReader(f)
	magic, _ := br.Peek(4)
	if bytes.Equal(magic, []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		r, err := pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return nil, err
		}
		for len(pkts) < limit {
			data, ci, err := r.ReadPacketData()
			if err == io.EOF {
				break
			} else if err != nil {
				return nil, err
			}
			lt := pcap.LinkType(r.LinkType())
			if ci.InterfaceIndex >= 0 {
				if intf, err := r.Interface(ci.InterfaceIndex); err == nil {
					lt = pcap.LinkType(intf.LinkType)
				}
			}
			add(data, ci.Timestamp, ci.CaptureLength, ci.Length, lt)
		}
		return pkts, nil
	}
	r, err := pcapgo.NewReader(br)
	if err != nil {
		return nil, err
	}
	snap := int(r.Snaplen()) // libpcap cuts longer records to the file's snaplen
	r.SetSnaplen(262144 * 4)
	for len(pkts) < limit {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if len(data) > snap && snap > 0 {
			data = data[:snap]
			ci.CaptureLength = snap
		}
		add(data, ci.Timestamp, ci.CaptureLength, ci.Length, pcap.LinkType(r.LinkType()))
	}
	return pkts, nil
}

type gopacketCI = struct{}

// goldenPath holds all captures' tcpdump output for one flag set.
func goldenPath(fs flagSet) string {
	return filepath.Join("testdata", "golden", fs.name+".txt.gz")
}

func recordGolden(t *testing.T, fs flagSet, files map[string]string) {
	var buf bytes.Buffer
	for _, rel := range sortedKeys(files) {
		if !fs.covers(rel) {
			continue
		}
		args := append([]string{"-r", files[rel], "-c", fmt.Sprint(fs.limit)}, fs.args...)
		cmd := exec.Command("tcpdump", args...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Logf("tcpdump %v: %v", args, err)
		}
		fmt.Fprintf(&buf, "### %s\n", rel)
		buf.Write(out)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	os.MkdirAll(filepath.Dir(goldenPath(fs)), 0o755)
	f, err := os.Create(goldenPath(fs))
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	zw.Write(buf.Bytes())
	zw.Close()
	f.Close()
}

func loadGolden(t *testing.T, fs flagSet) map[string][]string {
	f, err := os.Open(goldenPath(fs))
	if err != nil {
		t.Fatalf("golden %s missing (record with: go test ./pcap/printer -run TestGolden -update): %v", fs.name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]string{}
	var cur string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "### ") {
			cur = strings.TrimSpace(strings.TrimPrefix(line, "### "))
			sections[cur] = nil
			continue
		}
		if line != "" {
			sections[cur] = append(sections[cur], line)
		}
	}
	return sections
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// pktResult is our output for one packet and whether it is in scope.
type pktResult struct {
	lines     []string
	prefix    string // number + timestamp, used to split tcpdump's output
	supported bool
	protos    []string
}

func runPrinter(fs flagSet, pkts []pcap.Packet) []pktResult {
	o := fs.opts
	o.Location = time.UTC
	o.IfName = recordedIfName
	var out bytes.Buffer
	pr := New(&out, o)
	pr.names.lookupHost = fakeLookup
	pr.names.servicesFile = ""
	ts := New(io.Discard, o)
	var res []pktResult
	for _, pkt := range pkts {
		out.Reset()
		pr.Print(pkt)
		ts.out = ts.out[:0]
		ts.count++
		if o.Number {
			ts.printf("%5d  ", ts.count)
		}
		ts.timestamp(pkt.Timestamp)
		res = append(res, pktResult{
			lines:     strings.SplitAfter(strings.TrimSuffix(out.String(), "\n"), "\n"),
			prefix:    string(ts.out),
			supported: pr.Supported(),
			protos:    pr.Protocols(),
		})
	}
	return res
}

// splitGolden cuts tcpdump's lines into packets using each packet's
// expected number/timestamp prefix.
func splitGolden(lines []string, res []pktResult) [][]string {
	out := make([][]string, len(res))
	i := -1
	for _, l := range lines {
		if i+1 < len(res) && strings.HasPrefix(l, res[i+1].prefix) {
			i++
		}
		if i >= 0 {
			out[i] = append(out[i], strings.TrimSuffix(l, "\n"))
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	files := captures(t)
	if *update {
		if _, err := exec.LookPath("tcpdump"); err != nil {
			t.Skip("tcpdump not installed: cannot re-record goldens")
		}
	}
	for _, fs := range flagSets {
		t.Run(fs.name, func(t *testing.T) {
			if *update {
				recordGolden(t, fs, files)
			}
			golden := loadGolden(t, fs)
			checkFlagSet(t, fs, files, golden)
		})
	}
}

func checkFlagSet(t *testing.T, fs flagSet, files map[string]string, golden map[string][]string) {
	var total, same, full, npkts, supported int
	var report []string
	for _, rel := range sortedKeys(files) {
		if !fs.covers(rel) {
			continue
		}
		want, ok := golden[rel]
		if !ok {
			t.Logf("%s: no golden section (re-record with -update)", rel)
			continue
		}
		pkts, err := readCapture(files[rel], fs.limit)
		if err != nil {
			t.Logf("%s: read: %v", rel, err)
			continue
		}
		res := runPrinter(fs, pkts)
		per := splitGolden(want, res)
		fileTotal, fileSame := 0, 0
		for i, r := range res {
			g := per[i]
			npkts++
			if r.supported {
				supported++
			}
			for j, gl := range g {
				fileTotal++
				if j < len(r.lines) && strings.TrimSuffix(r.lines[j], "\n") == gl {
					fileSame++
					continue
				}
				ours := "<none>"
				if j < len(r.lines) {
					ours = strings.TrimSuffix(r.lines[j], "\n")
				}
				if r.supported {
					t.Errorf("%s pkt %d (%s) line %d:\n tcpdump: %q\n ours:    %q", rel, i+1, strings.Join(r.protos, ","), j+1, gl, ours)
				} else if testing.Verbose() && os.Getenv("PRINTER_SHOW_UNSUPPORTED") != "" {
					t.Logf("unsupported %s pkt %d (%s) line %d:\n tcpdump: %q\n ours:    %q", rel, i+1, strings.Join(r.protos, ","), j+1, gl, ours)
				}
			}
			if len(r.lines) > len(g) && r.supported {
				t.Errorf("%s pkt %d: %d extra lines: %q", rel, i+1, len(r.lines)-len(g), r.lines[len(g):])
			}
		}
		total += fileTotal
		same += fileSame
		if fileTotal > 0 && fileSame == fileTotal {
			full++
		}
		report = append(report, fmt.Sprintf("%6.1f%% %4d/%-4d %s", pct(fileSame, fileTotal), fileSame, fileTotal, rel))
	}
	t.Logf("flags %v: %d/%d lines identical (%.1f%%), %d/%d files 100%%, %d/%d packets fully decoded (all identical)\n%s",
		fs.args, same, total, pct(same, total), full, len(report), supported, npkts, strings.Join(report, "\n"))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// TestDump prints our output for PRINTER_DUMP=<capture> with the flag set
// named by PRINTER_FLAGS (a debugging aid; skipped otherwise).
func TestDump(t *testing.T) {
	path := os.Getenv("PRINTER_DUMP")
	if path == "" {
		t.Skip("set PRINTER_DUMP=<capture> [PRINTER_FLAGS=<flag set name>]")
	}
	fs := flagSets[0]
	for _, f := range flagSets {
		if f.name == os.Getenv("PRINTER_FLAGS") {
			fs = f
		}
	}
	pkts, err := readCapture(path, 100000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runPrinter(fs, pkts) {
		fmt.Print(strings.Join(r.lines, ""), "\n")
	}
}

// TestLiveOracle compares against the installed tcpdump for an ad-hoc flag
// set, e.g. PRINTER_LIVE="-n -e -vv" (skipped unless set; -n is required
// since goldens are compared without name resolution).
func TestLiveOracle(t *testing.T) {
	args := strings.Fields(os.Getenv("PRINTER_LIVE"))
	if len(args) == 0 {
		t.Skip(`set PRINTER_LIVE="-n ..." to compare with the installed tcpdump`)
	}
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed")
	}
	fs := flagSet{name: "live", args: args, limit: 5000, opts: optionsFor(t, args)}
	files := captures(t)
	golden := map[string][]string{}
	for _, rel := range sortedKeys(files) {
		cmd := exec.Command("tcpdump", append([]string{"-r", files[rel], "-c", "5000"}, args...)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, _ := cmd.Output()
		golden[rel] = strings.SplitAfter(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(out) == 0 {
			golden[rel] = nil
		}
	}
	checkFlagSet(t, fs, files, golden)
}

// optionsFor maps a tcpdump command line to Options for TestLiveOracle.
func optionsFor(t *testing.T, args []string) Options {
	var o Options
	for _, a := range args {
		if !strings.HasPrefix(a, "-") || strings.HasPrefix(a, "--") {
			t.Fatalf("unsupported argument %q", a)
		}
		for _, c := range a[1:] {
			switch c {
			case 'n':
				o.NoResolve++
			case 'v':
				o.Verbose++
			case 'e':
				o.Ether = true
			case 'q':
				o.Quick = true
			case 't':
				o.Timestamp++
			case '#':
				o.Number = true
			case 'S':
				o.AbsoluteSeq = true
			case 'x':
				o.Hex++
			case 'X':
				o.HexASCII++
			case 'A':
				o.ASCII = true
			default:
				t.Fatalf("unsupported flag %q", c)
			}
		}
	}
	if o.Timestamp == 1 {
		t.Fatal("-t leaves no timestamp to split tcpdump's output into packets")
	}
	return o
}
