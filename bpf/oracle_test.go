package bpf

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/internal/repo"
	xbpf "golang.org/x/net/bpf"
)

// The oracle golden file holds, for every expression of the shared case
// files and each link type, what libpcap 1.10.3 does with a savefile
// handle: "invalid" with tcpdump's message, or the unoptimized program
// (tcpdump -O -ddd, our semantic reference, see optimize) and the length
// of the optimized one. Re-record with: go test ./bpf -run TestOracle -update
var update = flag.Bool("update", false, "re-record testdata golden files from the local tcpdump")

const oracleGolden = "testdata/oracle.tsv"

var dltNames = map[string]LinkType{"EN10MB": LinkEN10MB, "LINUX_SLL": LinkLinuxSLL, "LINUX_SLL2": LinkLinuxSLL2, "RAW": LinkRAW,
	"IPV4": LinkIPv4, "IPV6": LinkIPv6}

type oracleCase struct {
	dlt, expr string
	valid     bool
	msg       string // tcpdump's error, for invalid cases
	optLen    int
	prog      []xbpf.RawInstruction // unoptimized
}

// sharedTestdata finds <repo root>/../shared/testdata.
func sharedTestdata(t *testing.T) string {
	td, err := repo.SharedTestdata()
	if err != nil {
		t.Skip(err)
	}
	return td
}

func readCaseExprs(t *testing.T) [][2]string {
	td := sharedTestdata(t)
	seen := map[[2]string]bool{}
	var out [][2]string
	for _, f := range []string{"filters/core-exprs.tsv", "filters/libpcap-cases.tsv"} {
		data, err := os.ReadFile(filepath.Join(td, f))
		if err != nil {
			t.Skipf("shared testdata absent: %v", err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts := strings.SplitN(line, "\t", 3)
			if len(parts) != 3 {
				continue
			}
			k := [2]string{parts[0], parts[2]}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

func emptyPcap(dir, dlt string) string {
	p := filepath.Join(dir, dlt+".pcap")
	os.WriteFile(p, pcapHeader(dltNames[dlt]), 0o644)
	return p
}

// pcapHeader is the file header of an empty pcap file of link type lt.
func pcapHeader(lt LinkType) []byte {
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], 262144)
	binary.LittleEndian.PutUint32(hdr[20:], uint32(lt))
	return hdr
}

func tcpdumpProg(file, expr string, unopt bool) ([]xbpf.RawInstruction, string, error) {
	args := []string{"-r", file, "-ddd"}
	if unopt {
		args = append(args, "-O")
	}
	args = append(args, "--", expr)
	cmd := exec.Command("tcpdump", args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		return nil, strings.TrimPrefix(lines[len(lines)-1], "tcpdump: "), nil
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var prog []xbpf.RawInstruction
	for _, l := range lines[1:] {
		var op, jt, jf, k uint64
		if _, err := fmt.Sscan(l, &op, &jt, &jf, &k); err != nil {
			return nil, "", fmt.Errorf("parse %q: %v", l, err)
		}
		prog = append(prog, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: uint32(k)})
	}
	return prog, "", nil
}

func recordOracle(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Fatal("-update needs tcpdump")
	}
	dir := t.TempDir()
	files := map[string]string{}
	for d := range dltNames {
		files[d] = emptyPcap(dir, d)
	}
	var b strings.Builder
	b.WriteString("# Recorded by `go test ./bpf -run TestOracle -update` from tcpdump 4.99.3 / libpcap 1.10.3 (Debian 12),\n")
	b.WriteString("# tcpdump -r empty-<DLT>.pcap [-O] -ddd EXPR. Columns: DLT, expr, invalid+message | optimized length + unoptimized program.\n")
	for _, c := range readCaseExprs(t) {
		b.WriteString(oracleLine(t, c[0], files[c[0]], c[1]))
	}
	if err := os.WriteFile(oracleGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// oracleLine is one golden line: what tcpdump -r file does with expr,
// "invalid" and its message, or the optimized length and the unoptimized
// program.
func oracleLine(t *testing.T, dlt, file, expr string) string {
	opt, msg, err := tcpdumpProg(file, expr, false)
	if err != nil {
		t.Fatal(err)
	}
	if msg != "" {
		return fmt.Sprintf("%s\t%s\tinvalid\t%s\n", dlt, expr, msg)
	}
	unopt, msg, err := tcpdumpProg(file, expr, true)
	if err != nil || msg != "" {
		t.Fatalf("%s: -O failed: %v %s", expr, err, msg)
	}
	var ins []string
	for _, in := range unopt {
		ins = append(ins, fmt.Sprintf("%d %d %d %d", in.Op, in.Jt, in.Jf, in.K))
	}
	return fmt.Sprintf("%s\t%s\t%d\t%s\n", dlt, expr, len(opt), strings.Join(ins, ","))
}

func loadOracle(t *testing.T) []oracleCase { return loadOracleFile(t, oracleGolden) }

// loadOracleFile reads a golden file in oracle.tsv's format, gzipped when
// its name ends in .gz.
func loadOracleFile(t *testing.T, path string) []oracleCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatal(err)
		}
	}
	var cases []oracleCase
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.SplitN(line, "\t", 4)
		c := oracleCase{dlt: p[0], expr: p[1]}
		if p[2] == "invalid" {
			c.msg = p[3]
		} else {
			c.valid = true
			c.optLen, _ = strconv.Atoi(p[2])
			for _, in := range strings.Split(p[3], ",") {
				var op, jt, jf, k uint64
				fmt.Sscan(in, &op, &jt, &jf, &k)
				c.prog = append(c.prog, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: uint32(k)})
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// packet is one captured frame: bytes (truncated to the file snaplen, as
// libpcap does) and wire length.
type packet struct {
	data    []byte
	wirelen uint32
}

// readPcaps loads every classic pcap file under dir by link type, and
// synthesizes RAW, LINUX_SLL and LINUX_SLL2 frames from Ethernet ones.
func readPcaps(t *testing.T, dir string) map[LinkType][]packet {
	out := map[LinkType][]packet{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || !strings.HasSuffix(p, ".pcap") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || len(data) < 24 {
			return nil
		}
		var bo binary.ByteOrder = binary.LittleEndian
		switch binary.LittleEndian.Uint32(data) {
		case 0xa1b2c3d4, 0xa1b23c4d:
		case 0xd4c3b2a1, 0x4d3cb2a1:
			bo = binary.BigEndian
		default:
			return nil
		}
		snap, lt := bo.Uint32(data[16:]), LinkType(bo.Uint32(data[20:])&0x0fffffff)
		if snap == 0 {
			snap = 262144
		}
		for off := 24; off+16 <= len(data); {
			capl, wire := bo.Uint32(data[off+8:]), bo.Uint32(data[off+12:])
			if off+16+int(capl) > len(data) {
				break
			}
			pkt := data[off+16 : off+16+int(capl)]
			if capl > snap {
				pkt = pkt[:snap]
			}
			out[lt] = append(out[lt], packet{pkt, wire})
			off += 16 + int(capl)
		}
		return nil
	})
	for _, p := range out[LinkEN10MB] {
		synthesize(out, p)
	}
	return out
}

func synthesize(out map[LinkType][]packet, p packet) {
	if len(p.data) < 14 {
		return
	}
	et := binary.BigEndian.Uint16(p.data[12:])
	payload := p.data[14:]
	if et == 0x800 || et == 0x86dd {
		out[LinkRAW] = append(out[LinkRAW], packet{payload, p.wirelen - 14})
	}
	if et == 0x800 {
		out[LinkIPv4] = append(out[LinkIPv4], packet{payload, p.wirelen - 14})
	}
	if et == 0x86dd {
		out[LinkIPv6] = append(out[LinkIPv6], packet{payload, p.wirelen - 14})
	}
	proto := et
	if et <= 1500 {
		proto = 4
	}
	sll := make([]byte, 16, 16+len(payload))
	binary.BigEndian.PutUint16(sll[0:], uint16(len(p.data)%5)) // vary pkttype
	binary.BigEndian.PutUint16(sll[2:], 1)
	binary.BigEndian.PutUint16(sll[4:], 6)
	copy(sll[6:], p.data[6:12])
	binary.BigEndian.PutUint16(sll[14:], proto)
	out[LinkLinuxSLL] = append(out[LinkLinuxSLL], packet{append(sll, payload...), p.wirelen + 2})
	sll2 := make([]byte, 20, 20+len(payload))
	binary.BigEndian.PutUint16(sll2[0:], proto)
	binary.BigEndian.PutUint32(sll2[4:], uint32(len(p.data)%3))
	binary.BigEndian.PutUint16(sll2[8:], 1)
	sll2[10] = byte(len(p.data) % 5)
	sll2[11] = 6
	copy(sll2[12:], p.data[6:12])
	out[LinkLinuxSLL2] = append(out[LinkLinuxSLL2], packet{append(sll2, payload...), p.wirelen + 6})
}

// libpcapJsetBug lists expressions libpcap 1.10.3's optimizer wrongly
// proves always false ("expression rejects all packets"; fixed in libpcap
// 1.11 by commit f283b98e, "jset #0xffffffff"). We compile them.
var libpcapJsetBug = map[string]bool{
	"link[0:1] & 0xFFFFFFFF == 0": true,
	"link[0:2] & 0xFFFFFFFF == 0": true,
	"link[0:4] & 0xFFFFFFFF == 0": true,
}

type oracleStats struct {
	valid, supported, unsupported, wrongErr int
	invalid, rejected, accepted, sameMsg    int
	verdictMismatch                         int
	ratios                                  []float64
	failures                                []string
}

func TestOracle(t *testing.T) {
	if *update {
		recordOracle(t)
	}
	cases := loadOracle(t)
	// Without the shared captures only validity and messages are checked.
	pkts := readPcaps(t, filepath.Join(sharedTestdata(t), "pcaps"))
	var st oracleStats
	for _, c := range cases {
		checkCase(t, c, pkts[dltNames[c.dlt]], &st)
	}
	sort.Float64s(st.ratios)
	med, worst := 0.0, 0.0
	if n := len(st.ratios); n > 0 {
		med, worst = st.ratios[n/2], st.ratios[n-1]
	}
	t.Logf("valid %d: compiled %d, unsupported %d, wrong error %d; invalid %d: rejected %d (same message %d), accepted %d; verdict mismatches %d; size ratio median %.2f worst %.2f",
		st.valid, st.supported, st.unsupported, st.wrongErr, st.invalid, st.rejected, st.sameMsg, st.accepted, st.verdictMismatch, med, worst)
	for _, f := range st.failures {
		t.Error(f)
	}
}

func checkCase(t *testing.T, c oracleCase, pkts []packet, st *oracleStats) {
	prog, err := Compile(c.expr, dltNames[c.dlt], 262144)
	if !c.valid {
		st.invalid++
		if err == nil && libpcapJsetBug[c.expr] {
			st.rejected++ // counted as agreeing: see libpcapJsetBug
			return
		}
		if err == nil {
			st.accepted++
			st.failures = append(st.failures, fmt.Sprintf("%s %q: libpcap rejects (%s), we compile", c.dlt, c.expr, c.msg))
		} else {
			st.rejected++
			if err.Error() == c.msg {
				st.sameMsg++
			} else if os.Getenv("BPFMSG") != "" {
				fmt.Printf("msg %s %q: libpcap %q, we %q\n", c.dlt, c.expr, c.msg, err)
			}
		}
		return
	}
	st.valid++
	if errors.Is(err, ErrUnsupported) {
		st.unsupported++
		return
	}
	if err != nil {
		st.wrongErr++
		st.failures = append(st.failures, fmt.Sprintf("%s %q: libpcap compiles, we fail: %v", c.dlt, c.expr, err))
		return
	}
	st.supported++
	st.ratios = append(st.ratios, float64(len(prog))/float64(c.optLen))
	if os.Getenv("BPFRATIO") != "" && len(prog) > c.optLen {
		fmt.Printf("ratio %d/%d %s %q\n", len(prog), c.optLen, c.dlt, c.expr)
	}
	bad := 0
	for _, p := range pkts {
		want := runRef(c.prog, p.data, p.wirelen) != 0
		if got := runRef(prog, p.data, p.wirelen) != 0; got != want {
			bad++
		}
	}
	if bad > 0 {
		st.verdictMismatch++
		st.failures = append(st.failures, fmt.Sprintf("%s %q: %d of %d packets differ from libpcap -O", c.dlt, c.expr, bad, len(pkts)))
	}
}
