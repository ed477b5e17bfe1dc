package hardening

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// Hostile input on the capture side: damaged and oversized capture files,
// files that are no files, interfaces that do not exist or vanish, output
// that cannot be written (read-only, full, closed, broken pipe). Each case
// asserts the exact stderr and status, compared with tcpdump 4.99.3 run
// live when installed and with the recorded expectation otherwise.

// capResult is one finished -r run.
type capResult struct {
	status string
	stdout string
	stderr string
	rssKiB int64
}

// capRun runs argv in UTC with a 20 s limit; prog (tcpdump or gonsenter)
// in stderr becomes PROG so that the two tools' outputs compare.
func capRun(t *testing.T, stdin io.Reader, argv ...string) capResult {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
	cmd.Stdin = stdin
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
	cmd.Wait()
	if !timer.Stop() {
		t.Fatalf("%q hung (killed after 20 s); stderr %q", argv, e.String())
	}
	r := capResult{status: exitText(cmd.ProcessState), stdout: o.String(), stderr: e.String(), rssKiB: maxRSSKiB(cmd.ProcessState)}
	if goCrash(r.stderr) {
		t.Fatalf("%q crashed:\n%s", argv, r.stderr)
	}
	r.stderr = capProgRe.ReplaceAllString(r.stderr, "PROG:")
	return r
}

// capProgRe finds the program name at the start of a message line.
var capProgRe = regexp.MustCompile(`(?m)^(?:tcpdump|gonsenter):`)

// Capture file construction: little-endian pcap and pcapng with one ARP
// request as the packet.
var capARP = []byte{
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 1, 0x08, 0x06,
	0, 1, 0x08, 0, 6, 4, 0, 1, 0, 0, 0, 0, 0, 1, 192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 192, 0, 2, 2,
}

func capLE(v ...uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func capCat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// capFileHeader is a pcap file header: magic, version, zone, sigfigs,
// snaplen, link type.
func capFileHeader(major, minor uint16, snap, lt uint32) []byte {
	b := capLE(0xa1b2c3d4, uint32(major)|uint32(minor)<<16, 0, 0, snap, lt)
	return b
}

func capRecord(data []byte, caplen, length uint32) []byte {
	return capCat(capLE(1700000000, 0, caplen, length), data)
}

func capRec(data []byte) []byte { return capRecord(data, uint32(len(data)), uint32(len(data))) }

// capBlock is a pcapng block; total and trailer of 0 mean "correct".
func capBlock(typ uint32, body []byte, total, trailer uint32) []byte {
	n := uint32(12 + len(body))
	if total == 0 {
		total = n
	}
	if trailer == 0 {
		trailer = n
	}
	return capCat(capLE(typ, total), body, capLE(trailer))
}

var (
	capSHBBody = capCat(capLE(0x1a2b3c4d, 1), capLE(0xffffffff, 0xffffffff))
	capSHB     = capBlock(0x0a0d0d0a, capSHBBody, 0, 0)
	// the IDB names its interface ("vA", if_name) to exercise options
	capIDB = capBlock(1, capCat(capLE(1, 262144), []byte{2, 0, 2, 0, 'v', 'A', 0, 0}, capLE(0)), 0, 0)
)

func capEPBBody(ifidx, caplen, length uint32, data []byte) []byte {
	pad := make([]byte, (4-len(data)%4)%4)
	return capCat(capLE(ifidx, 0, 1000, caplen, length), data, pad)
}

func capEPB(data []byte) []byte {
	return capBlock(6, capEPBBody(0, uint32(len(data)), uint32(len(data)), data), 0, 0)
}

var (
	capGoodPcap   = capCat(capFileHeader(2, 4, 262144, 1), capRec(capARP), capRec(capARP))
	capGoodPcapng = capCat(capSHB, capIDB, capEPB(capARP), capEPB(capARP))
)

// capHostileCase is a damaged file with tcpdump 4.99.3's recorded answer
// to `tcpdump -n -r FILE` (PROG for the program name, FILE for the path).
type capHostileCase struct {
	name    string
	data    []byte
	status  string
	stderr  string
	packets int // lines on stdout
}

const capBanner = "reading from file FILE, link-type EN10MB (Ethernet), snapshot length 262144\n"

var capHostileCases = []capHostileCase{
	// Oversized length fields: never allocated, never believed.
	{"snaplen-4G", capCat(capFileHeader(2, 4, 0xffffffff, 1), capRec(capARP)), "exit 0", capBanner, 1},
	{"snaplen-2G", capCat(capFileHeader(2, 4, 0x7fffffff, 1), capRec(capARP)), "exit 0",
		"reading from file FILE, link-type EN10MB (Ethernet), snapshot length 2147483647\n", 1},
	{"snaplen-0", capCat(capFileHeader(2, 4, 0, 1), capRec(capARP)), "exit 0", capBanner, 1},
	{"caplen-4G", capCat(capFileHeader(2, 4, 262144, 1), capRecord(capARP, 0xffffffff, 42)), "exit 1",
		capBanner + "PROG: pcap_loop: invalid packet capture length 4294967295, bigger than snaplen of 262144\n", 0},
	{"caplen-4G-snaplen-4G", capCat(capFileHeader(2, 4, 0xffffffff, 1), capRecord(capARP, 0xffffffff, 42)), "exit 1",
		capBanner + "PROG: pcap_loop: invalid packet capture length 4294967295, bigger than snaplen of 262144\n", 0},
	{"caplen-2G", capCat(capFileHeader(2, 4, 262144, 1), capRecord(capARP, 0x7fffffff, 42)), "exit 1",
		capBanner + "PROG: pcap_loop: invalid packet capture length 2147483647, bigger than snaplen of 262144\n", 0},
	{"caplen-snaplen+1", capCat(capFileHeader(2, 4, 262144, 1), capRecord(capARP, 262145, 42)), "exit 1",
		capBanner + "PROG: pcap_loop: invalid packet capture length 262145, bigger than snaplen of 262144\n", 0},
	{"caplen-256K-of-42", capCat(capFileHeader(2, 4, 262144, 1), capRecord(capARP, 262144, 42)), "exit 1",
		capBanner + "PROG: pcap_loop: truncated dump file; tried to read 262144 captured bytes, only got 42\n", 0},
	{"caplen-over-snaplen", capCat(capFileHeader(2, 4, 100, 1), capRecord(capARP, 200, 42)), "exit 1",
		"reading from file FILE, link-type EN10MB (Ethernet), snapshot length 100\n" +
			"PROG: pcap_loop: truncated dump file; tried to read 100 captured bytes, only got 42\n", 0},
	{"dbus-caplen-128M", capCat(capFileHeader(2, 4, 0xffffffff, 231), capRecord(capARP, 128<<20, 42)), "exit 1",
		"reading from file FILE, link-type DBUS (D-Bus), snapshot length 134217728\n" +
			"PROG: pcap_loop: truncated dump file; tried to read 134217728 captured bytes, only got 42\n", 0},
	{"len-4G", capCat(capFileHeader(2, 4, 262144, 1), capRecord(capARP, 42, 0xffffffff)), "exit 0", capBanner, 1},
	// Headers that are no pcap.
	{"empty", nil, "exit 1", "PROG: truncated dump file; tried to read 4 file header bytes, only got 0\n", 0},
	{"bad-magic", capCat([]byte{0, 1, 2, 3}, capGoodPcap[4:]), "exit 1", "PROG: unknown file format\n", 0},
	{"version-3.0", capCat(capFileHeader(3, 0, 262144, 1), capRec(capARP)), "exit 1", "PROG: unsupported pcap savefile version 3.0\n", 0},
	{"version-1.0", capCat(capFileHeader(1, 0, 262144, 1), capRec(capARP)), "exit 1", "PROG: archaic pcap savefile format\n", 0},
	// pcapng block lengths.
	{"ng-shb-length-4G", capCat(capBlock(0x0a0d0d0a, capSHBBody, 0xffffffff, 0), capIDB), "exit 1",
		"PROG: Section Header Block in pcapng dump file has invalid length 28 < _4294967295_ < 1048576 (BT_SHB_INSANE_MAX)\n", 0},
	{"ng-shb-length-12", capCat(capBlock(0x0a0d0d0a, capSHBBody, 12, 0), capIDB), "exit 1",
		"PROG: Section Header Block in pcapng dump file has invalid length 28 < _12_ < 1048576 (BT_SHB_INSANE_MAX)\n", 0},
	{"ng-shb-length-odd", capCat(capBlock(0x0a0d0d0a, capSHBBody, 29, 0), capIDB), "exit 1",
		"PROG: truncated pcapng dump file; tried to read 16777208 bytes, only got 23\n", 0},
	{"ng-shb-bad-byte-order", capCat(capBlock(0x0a0d0d0a, capCat(capLE(0x12345678, 1), capLE(0xffffffff, 0xffffffff)), 0, 0), capIDB), "exit 1",
		"PROG: unknown file format\n", 0},
	{"ng-shb-version-2", capCat(capBlock(0x0a0d0d0a, capCat(capLE(0x1a2b3c4d, 2), capLE(0xffffffff, 0xffffffff)), 0, 0), capIDB), "exit 1",
		"PROG: unsupported pcapng savefile version 2.0\n", 0},
	{"ng-no-idb", capSHB, "exit 1", "PROG: the capture file has no Interface Description Blocks\n", 0},
	{"ng-idb-length-4G", capCat(capSHB, capBlock(1, capLE(1, 262144), 0xffffffff, 0)), "exit 1",
		"PROG: block in pcapng dump file has a length of 4294967295 that is not a multiple of 4\n", 0},
	{"ng-idb-snaplen-4G", capCat(capSHB, capBlock(1, capLE(1, 0xffffffff), 0, 0), capEPB(capARP)), "exit 0", capBanner, 1},
	{"ng-epb-before-idb", capCat(capSHB, capEPB(capARP)), "exit 1",
		"PROG: the capture file has a packet block before any Interface Description Blocks\n", 0},
	{"ng-epb-length-4G", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 42, 42, capARP), 0xffffffff, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: block in pcapng dump file has a length of 4294967295 that is not a multiple of 4\n", 0},
	{"ng-epb-length-16M+4", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 42, 42, capARP), 16<<20+4, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: pcapng block size 16777220 > maximum 16777216\n", 0},
	{"ng-epb-length-8", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 42, 42, capARP), 8, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: block in pcapng dump file has a length of 8 < 12\n", 0},
	{"ng-epb-trailer-mismatch", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 42, 42, capARP), 0, 99)), "exit 1",
		capBanner + "PROG: pcap_loop: block total length in header and trailer don't match\n", 0},
	{"ng-epb-caplen-4G", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 0xffffffff, 42, capARP), 0, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: invalid packet capture length 4294967295, bigger than snaplen of 262144\n", 0},
	{"ng-epb-caplen-past-block", capCat(capSHB, capIDB, capBlock(6, capEPBBody(0, 142, 42, capARP), 0, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: block of type 6 in pcapng dump file is too short\n", 0},
	{"ng-epb-no-such-interface", capCat(capSHB, capIDB, capBlock(6, capEPBBody(5, 42, 42, capARP), 0, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: a packet arrived on interface 5, but there's no Interface Description Block for that interface\n", 0},
	{"ng-spb-length-4G", capCat(capSHB, capIDB, capBlock(3, capCat(capLE(0xffffffff), capARP, []byte{0, 0}), 0, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: block of type 3 in pcapng dump file is too short\n", 0},
	{"ng-unknown-block-4G", capCat(capSHB, capIDB, capBlock(0x99, []byte("abcd"), 0xffffffff, 0)), "exit 1",
		capBanner + "PROG: pcap_loop: block in pcapng dump file has a length of 4294967295 that is not a multiple of 4\n", 0},
}

// capRSSLimitKiB bounds the peak memory of reading a hostile file: the
// 4 GB fields must never become allocations (gonsenter reads a small
// file in about 5 MiB).
const capRSSLimitKiB = 48 << 10

// capAddressLimit is the address space gonsenter -r runs in: the Go
// runtime reserves about 700 MiB at start and more with every thread it
// adds (1 GiB ran out about once in three runs on a loaded machine), so
// 2 GiB leaves room for the runtime but none for a 2 or 4 GB buffer,
// which then fails loudly. Memory that is allocated but never touched does
// not show in the peak RSS; it shows here.
const capAddressLimit int64 = 2 << 30

// capLimited prefixes argv with prlimit --as when a good file can be read
// under the limit (else the limit would say more about the runtime).
func capLimited(t *testing.T, bin string, good string) []string {
	t.Helper()
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Log("prlimit not installed: address space not limited")
		return []string{bin}
	}
	argv := []string{"prlimit", "--as=" + strconv.FormatInt(capAddressLimit, 10), "--", bin}
	if r := capRun(t, nil, append(argv, "--capture", "-r", good)...); r.status != "exit 0" {
		t.Logf("a good file does not read in %d bytes of address space (%s): not limited", capAddressLimit, r.stderr)
		return []string{bin}
	}
	return argv
}

// TestHostileCaptureFiles reads each damaged file with gonsenter -r and
// expects tcpdump's exact stderr, status and stdout, in little memory.
func TestHostileCaptureFiles(t *testing.T) {
	ref := capRef()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pcap")
	if err := os.WriteFile(good, capGoodPcap, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := capLimited(t, capBin(t), good)
	for _, c := range capHostileCases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name)
			if err := os.WriteFile(file, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got := capRun(t, nil, append(bin, "--capture", "-n", "-r", file)...)
			want := capResult{status: c.status, stderr: strings.ReplaceAll(c.stderr, "FILE", file)}
			if ref != "" {
				live := capRun(t, nil, ref, "-n", "-r", file)
				if live.status != want.status || live.stderr != want.stderr {
					t.Errorf("tcpdump 4.99.3 answers %s %q, recorded %s %q", live.status, live.stderr, want.status, want.stderr)
				}
				want = live
			}
			capCompare(t, got, want, ref != "")
			if n := strings.Count(got.stdout, "\n"); ref == "" && n != c.packets {
				t.Errorf("%d packets printed, want %d", n, c.packets)
			}
			if got.rssKiB > capRSSLimitKiB {
				t.Errorf("reading %d bytes took %d KiB of memory", len(c.data), got.rssKiB)
			}
		})
	}
}

// capCompare asserts status and stderr, and stdout when it is known.
func capCompare(t *testing.T, got, want capResult, withStdout bool) {
	t.Helper()
	if got.status != want.status || got.stderr != want.stderr {
		t.Errorf("got %s, stderr:\n%s\nwant %s, stderr:\n%s", got.status, got.stderr, want.status, want.stderr)
	}
	if withStdout && got.stdout != want.stdout {
		t.Errorf("stdout:\n%s\nwant:\n%s", got.stdout, want.stdout)
	}
}

// TestTruncatedAtEveryOffset cuts a good pcap and a good pcapng file at
// every byte: mid file header, mid record (block) header and mid packet
// data. Every prefix must print exactly the packets it holds whole, then
// fail with one line and status 1 unless it ends on a record boundary,
// and say exactly what tcpdump says when it is installed.
func TestTruncatedAtEveryOffset(t *testing.T) {
	bin := capBin(t)
	ref := capRef()
	dir := t.TempDir()
	for _, f := range []struct {
		name       string
		data       []byte
		boundaries []int // prefix lengths that are whole files
		headerEnd  int   // where the banner can be printed
	}{
		{"pcap", capGoodPcap, []int{24, 24 + 58, 24 + 116}, 24},
		{"pcapng", capGoodPcapng, []int{len(capSHB) + len(capIDB), len(capSHB) + len(capIDB) + len(capEPB(capARP)), len(capGoodPcapng)}, len(capSHB) + len(capIDB)},
	} {
		for cut := 0; cut <= len(f.data); cut++ {
			file := filepath.Join(dir, fmt.Sprintf("%s-%d", f.name, cut))
			if err := os.WriteFile(file, f.data[:cut], 0o644); err != nil {
				t.Fatal(err)
			}
			got := capRun(t, nil, bin, "--capture", "-n", "-r", file)
			whole := 0
			for i, b := range f.boundaries {
				if cut >= b {
					whole = i
				}
			}
			ok := capContains(f.boundaries, cut)
			what := fmt.Sprintf("%s cut at %d", f.name, cut)
			if (got.status == "exit 0") != ok {
				t.Errorf("%s: %s, stderr %q", what, got.status, got.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n")
			if !ok && (len(lines) > 2 || !strings.HasPrefix(lines[len(lines)-1], "PROG: ")) {
				t.Errorf("%s: not one error line: %q", what, got.stderr)
			}
			if n := strings.Count(got.stdout, "\n"); cut >= f.headerEnd && n != whole {
				t.Errorf("%s: %d packets printed, %d are whole", what, n, whole)
			}
			if ref != "" {
				want := capRun(t, nil, ref, "-n", "-r", file)
				if got.status != want.status || got.stderr != want.stderr || got.stdout != want.stdout {
					t.Errorf("%s: got %s %q %q, tcpdump %s %q %q", what, got.status, got.stderr, got.stdout, want.status, want.stderr, want.stdout)
				}
			}
		}
	}
}

func capContains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// TestReadingWhatIsNoFile gives -r a directory, a device, a missing file
// and FIFOs: tcpdump's one line and status, never a hang.
func TestReadingWhatIsNoFile(t *testing.T) {
	bin := capBin(t)
	ref := capRef()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path   string
		feed         []byte // written into the FIFO by a writer of the test
		status       string
		stderr       string
		linesPrinted int
	}{
		{"directory", dir, nil, "exit 1", "PROG: error reading dump file: Is a directory\n", 0},
		{"dev-zero", "/dev/zero", nil, "exit 1", "PROG: unknown file format\n", 0},
		{"dev-null", "/dev/null", nil, "exit 1", "PROG: truncated dump file; tried to read 4 file header bytes, only got 0\n", 0},
		{"proc-self-mem", "/proc/self/mem", nil, "exit 1", "PROG: error reading dump file: Input/output error\n", 0},
		{"missing", filepath.Join(dir, "nosuch", "f.pcap"), nil, "exit 1", "PROG: " + filepath.Join(dir, "nosuch", "f.pcap") + ": No such file or directory\n", 0},
		{"fifo-writer-closes", fifo, []byte{}, "exit 1", "PROG: truncated dump file; tried to read 4 file header bytes, only got 0\n", 0},
		{"fifo-pcapng", fifo, capGoodPcapng, "exit 0", "reading from file " + fifo + ", link-type EN10MB (Ethernet), snapshot length 262144\n", 2},
		{"fifo-truncated-pcap", fifo, capGoodPcap[:70], "exit 1", "reading from file " + fifo + ", link-type EN10MB (Ethernet), snapshot length 262144\n" +
			"PROG: pcap_loop: truncated dump file; tried to read 42 captured bytes, only got 30\n", 0},
	} {
		c := c
		t.Run(c.name, func(t *testing.T) {
			run := func(argv ...string) capResult {
				if c.feed != nil {
					go capFeedFIFO(c.path, c.feed)
				}
				return capRun(t, nil, argv...)
			}
			got := run(bin, "--capture", "-n", "-r", c.path)
			want := capResult{status: c.status, stderr: c.stderr}
			if ref != "" {
				live := run(ref, "-n", "-r", c.path)
				if live.status != want.status || live.stderr != want.stderr {
					t.Errorf("tcpdump 4.99.3 answers %s %q, recorded %s %q", live.status, live.stderr, want.status, want.stderr)
				}
				want = live
			}
			capCompare(t, got, want, ref != "")
			if n := strings.Count(got.stdout, "\n"); n != c.linesPrinted {
				t.Errorf("%d packets printed, want %d", n, c.linesPrinted)
			}
		})
	}
}

// capFeedFIFO opens the FIFO for writing (waiting for the reader), writes
// data and closes it.
func capFeedFIFO(path string, data []byte) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return
	}
	f.Write(data)
	f.Close()
}

// TestCaptureOnMissingInterface is -i with a name no interface has, with
// and without -w: libpcap's two-line message, status 1, no file created.
func TestCaptureOnMissingInterface(t *testing.T) {
	n := capNewNet(t)
	dir := t.TempDir()
	for _, args := range [][]string{{"-i", "nosuch0"}, {"-i", "nosuch0", "-w", filepath.Join(dir, "x.pcap")}, {"-i", "99"}} {
		got := capRun(t, nil, n.argv(t, false, args...)...)
		want := capResult{status: "exit 1", stderr: "PROG: nosuch0: No such device exists\n(No such device exists)\n"}
		if args[1] == "99" {
			want.stderr = "PROG: Invalid adapter index\n"
		}
		if capRef() != "" {
			want = capRun(t, nil, n.argv(t, true, args...)...)
		}
		capCompare(t, got, want, true)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pcap")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a capture file was left for a missing interface: %v", err)
	}
}

// TestInterfaceDeletedDuringCapture deletes the captured veth while
// packets flow: "pcap_loop: The interface disappeared", the statistics,
// status 1, and a file holding every packet counted.
func TestInterfaceDeletedDuringCapture(t *testing.T) {
	n := capNewNet(t)
	for _, ref := range capTools() {
		n.AddLink(t, "vX", "vY", "198.51.100")
		stop := n.flood(t, "198.51.100.1", 56)
		file := filepath.Join(t.TempDir(), "del.pcap")
		p := capStart(t, nil, n.argv(t, ref, "-i", "vX", "-w", file, "icmp")...)
		time.Sleep(700 * time.Millisecond)
		nstest.Sh(t, "ip", "-n", n.A, "link", "del", "vX")
		status := p.wait(t)
		stop()
		prog := capProgName(ref)
		re := regexp.MustCompile(`^` + prog + `: listening on vX, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes\n` +
			prog + `: pcap_loop: The interface disappeared\n(\d+) packets? captured\n\d+ packets? received by filter\n\d+ packets? dropped by kernel\n$`)
		m := re.FindStringSubmatch(p.stderr.String())
		if status != "exit 1" || m == nil {
			t.Errorf("%s: %s, stderr %q", prog, status, p.stderr.String())
			continue
		}
		captured, _ := strconv.Atoi(m[1])
		if got, err := capReadGopacket(file); err != nil || got != captured {
			t.Errorf("%s: file holds %d packets (%v), %d captured", prog, got, err, captured)
		}
	}
}

// capTools is gonsenter, then tcpdump when installed (ref true).
func capTools() []bool {
	if capRef() != "" {
		return []bool{false, true}
	}
	return []bool{false}
}

func capProgName(ref bool) string {
	if ref {
		return "tcpdump"
	}
	return "gonsenter"
}

// TestWriteWhereNothingCanBeWritten gives -w a read-only bind mount, a
// directory without write permission (to a root without
// CAP_DAC_OVERRIDE), a directory and a missing directory: the file name,
// strerror, status 1, before any packet is captured.
func TestWriteWhereNothingCanBeWritten(t *testing.T) {
	requireTools(t, "mount", "umount", "setpriv")
	n := capNewNet(t)
	base := t.TempDir()
	ro := filepath.Join(base, "ro")
	noWrite := filepath.Join(base, "nowrite")
	for _, d := range []string{ro, noWrite} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(noWrite, 0o555)
	nstest.Sh(t, "mount", "--bind", ro, ro)
	t.Cleanup(func() { exec.Command("umount", ro).Run() })
	nstest.Sh(t, "mount", "-o", "remount,bind,ro", ro)
	noDAC := []string{"setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-dac_override,-dac_read_search"}
	for _, c := range []struct {
		name   string
		wrap   []string
		args   []string
		stderr string
	}{
		{"read-only-mount", nil, []string{"-w", ro + "/f.pcap"}, ro + "/f.pcap: Read-only file system"},
		{"read-only-mount-rotating", nil, []string{"-C", "1", "-w", ro + "/f.pcap"}, ro + "/f.pcap: Read-only file system"},
		{"read-only-mount-strftime", nil, []string{"-G", "3600", "-w", ro + "/f-%Y.pcap"}, ro + "/f-" + strconv.Itoa(time.Now().UTC().Year()) + ".pcap: Read-only file system"},
		{"no-write-permission", noDAC, []string{"-w", noWrite + "/f.pcap"}, noWrite + "/f.pcap: Permission denied"},
		{"directory", nil, []string{"-w", base}, base + ": Is a directory"},
		{"missing-directory", nil, []string{"-w", base + "/nosuch/f.pcap"}, base + "/nosuch/f.pcap: No such file or directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{"-i", "vA", "-c", "1"}, c.args...), "icmp")
			got := capRun(t, nil, append(c.wrap, n.argv(t, false, args...)...)...)
			want := capResult{status: "exit 1", stderr: "PROG: " + c.stderr + "\n"}
			if capRef() != "" {
				want = capRun(t, nil, append(c.wrap, n.argv(t, true, args...)...)...)
			}
			capCompare(t, got, want, true)
		})
	}
}

// TestWriteOntoFullFileSystem captures onto a 64 KiB tmpfs until it is
// full. tcpdump 4.99.3 never checks its writes (libpcap issue #87): it
// goes on counting packets it no longer stores until interrupted, status
// 0, and its file ends with a torn record. gonsenter stops at the first
// failed write, on purpose: "FILE: No space left on device", the
// statistics, status 1, and its file is cut back to the last whole
// record, so that every reader reads it to the end.
func TestWriteOntoFullFileSystem(t *testing.T) {
	requireTools(t, "mount", "umount")
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 1000) // 64 KiB in about 0.3 s
	for _, ref := range capTools() {
		for _, flags := range [][]string{nil, {"-U"}, {"--pcapng"}} {
			if ref && flags != nil && flags[0] == "--pcapng" {
				continue // tcpdump writes no pcapng
			}
			dir := t.TempDir()
			nstest.Sh(t, "mount", "-t", "tmpfs", "-o", "size=64k", "hardening", dir)
			t.Cleanup(func() { exec.Command("umount", dir).Run() })
			file := filepath.Join(dir, "f.pcap")
			args := append(append([]string{"-i", "vA"}, flags...), "-w", file, "icmp")
			p := capStart(t, nil, n.argv(t, ref, args...)...)
			what := fmt.Sprintf("%s %v", capProgName(ref), flags)
			if ref {
				capWaitFull(t, p, file)
				p.cmd.Process.Signal(syscall.SIGINT)
			}
			status := p.wait(t)
			stderr := p.stderr.String()
			prog := capProgName(ref)
			statsRe := `(\d+) packets? captured\n\d+ packets? received by filter\n\d+ packets? dropped by kernel\n$`
			want := regexp.MustCompile(`^` + prog + `: listening on vA, [^\n]*\n` + regexp.QuoteMeta(prog+": "+file+": No space left on device\n") + statsRe)
			wantStatus := "exit 1"
			if ref {
				want = regexp.MustCompile(`^` + prog + `: listening on vA, [^\n]*\n` + statsRe)
				wantStatus = "exit 0"
			}
			if status != wantStatus || !want.MatchString(stderr) {
				t.Errorf("%s: %s, stderr %q", what, status, stderr)
			}
			got, err := capReadGopacket(file)
			switch {
			case ref && errors.Is(err, io.ErrUnexpectedEOF):
				// tcpdump's last write tore a record: readable up to it.
			case err != nil:
				t.Errorf("%s: the full file does not read to its end: %v after %d", what, err, got)
			case !ref:
				if own, e := capReadOwn(t, file); e != "" || own != got {
					t.Errorf("%s: gonsenter -r reads %d packets (gopacket %d): %q", what, own, got, e)
				}
			}
			if got < 40 {
				t.Errorf("%s: only %d packets of 1042 bytes in 64 KiB", what, got)
			}
			exec.Command("umount", dir).Run()
		}
	}
}

// capWaitFull waits until file has filled its 64 KiB tmpfs.
func capWaitFull(t *testing.T, p *capProc, file string) {
	t.Helper()
	for i := 0; i < 300; i++ {
		if st, err := os.Stat(file); err == nil && st.Size() >= 60<<10 {
			time.Sleep(300 * time.Millisecond) // a few writes into the full file
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the file never filled the tmpfs:\n%s", p.stderr.String())
}

// TestClosedStdout runs captures with standard output closed (>&-), for
// decoded text and for -w -. The Go runtime reopens a closed descriptor
// 0-2 on /dev/null before main, so gonsenter behaves as with >/dev/null:
// status 0 and the statistics. tcpdump does the same unless -l makes it
// write before exiting: its fd 1 is then libpcap's eventfd, and it ends
// with "Unable to write output: Invalid argument", status 14.
func TestClosedStdout(t *testing.T) {
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 56)
	for _, c := range []struct {
		args    []string
		refDiff string // tcpdump's different ending, "" when the same
	}{
		{[]string{"-n"}, ""},
		{[]string{"-w", "-"}, ""},
		{[]string{"-U", "-w", "-"}, ""},
		{[]string{"-l", "-n"}, "exit 14 PROG: Unable to write output: Invalid argument"},
	} {
		for _, ref := range capTools() {
			args := append(append([]string{"-i", "vA", "-c", "20"}, c.args...), "icmp")
			argv := append([]string{"sh", "-c", `exec "$@" >&-`, "sh"}, n.argv(t, ref, args...)...)
			r := capRun(t, nil, argv...)
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			got := r.status + " " + lines[len(lines)-1]
			want := regexp.MustCompile(`^exit 0 \d+ packets? dropped by kernel$`)
			if ref && c.refDiff != "" {
				want = regexp.MustCompile("^" + regexp.QuoteMeta(c.refDiff) + "$")
			}
			if !want.MatchString(got) {
				t.Errorf("%s %v with stdout closed: %s, stderr %q", capProgName(ref), c.args, r.status, r.stderr)
			}
		}
	}
}

// TestBrokenPipe pipes captures into `head`: decoded text ends with
// "Unable to write output: Broken pipe" and status 14 (tcpdump's
// S_ERR_ND_WRITE_FILE) without statistics; -w - ends quietly with the
// statistics and status 0, as tcpdump's SIGPIPE handler does.
func TestBrokenPipe(t *testing.T) {
	requireTools(t, "head")
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 56)
	for _, c := range []struct {
		args []string
		head []string
		want *regexp.Regexp
	}{
		{[]string{"-n"}, []string{"-n", "1"}, regexp.MustCompile(`^exit 14 PROG: verbose output suppressed, use -v\[v\]\.\.\. for full protocol decode\nlistening on vA, [^\n]*\nPROG: Unable to write output: Broken pipe\n$`)},
		{[]string{"-l", "-n"}, []string{"-n", "1"}, regexp.MustCompile(`^exit 14 PROG: verbose output suppressed, use -v\[v\]\.\.\. for full protocol decode\nlistening on vA, [^\n]*\nPROG: Unable to write output: Broken pipe\n$`)},
		{[]string{"-w", "-"}, []string{"-c", "100"}, regexp.MustCompile(`^exit 0 PROG: listening on vA, [^\n]*\n\d+ packets? captured\n\d+ packets? received by filter\n\d+ packets? dropped by kernel\n$`)},
		{[]string{"-U", "-w", "-"}, []string{"-c", "100"}, regexp.MustCompile(`^exit 0 PROG: listening on vA, [^\n]*\n\d+ packets? captured\n\d+ packets? received by filter\n\d+ packets? dropped by kernel\n$`)},
	} {
		for _, ref := range capTools() {
			argv := n.argv(t, ref, append(append([]string{"-i", "vA"}, c.args...), "icmp")...)
			script := `"$@" | head ` + strings.Join(c.head, " ") + ` >/dev/null; exit ${PIPESTATUS[0]}`
			r := capRun(t, nil, append([]string{"bash", "-c", script, "bash"}, argv...)...)
			if got := r.status + " " + r.stderr; !c.want.MatchString(got) {
				t.Errorf("%s %v | head %v: %q", capProgName(ref), c.args, c.head, got)
			}
		}
	}
}
