package capture_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// readPcap reads a capture file with gopacket's independent reader and
// returns its link type and packets' data.
func readPcap(t *testing.T, path string) (layers.LinkType, [][]byte) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		t.Fatalf("pcapgo: %s: %v", path, err)
	}
	var pkts [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			return r.LinkType(), pkts
		}
		if err != nil {
			t.Fatalf("pcapgo: %s: %v", path, err)
		}
		pkts = append(pkts, data)
	}
}

// icmpType returns the ICMP type of an IPv4 packet starting at off, or -1.
func icmpType(pkt []byte, off int) int {
	if len(pkt) < off+21 || pkt[off]>>4 != 4 || pkt[off+9] != 1 {
		return -1
	}
	ihl := int(pkt[off]&0x0f) * 4
	if len(pkt) <= off+ihl {
		return -1
	}
	return int(pkt[off+ihl])
}

func TestCaptureTwentyICMPPacketsToFile(t *testing.T) {
	p := newPair(t)
	f := filepath.Join(t.TempDir(), "f.pcap")
	r := p.start(t, nil, "-i", "vA", "-c", "20", "-w", f, "icmp")
	p.ping(t, 15, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	want := "gonsenter: listening on vA, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n20 packets captured\n"
	if got := r.stderr.String(); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, " packets dropped by kernel\n") {
		t.Errorf("stderr %q, want it to start with %q and end with the drop count", got, want)
	}
	out, _ := tcpdumpRead(t, f, "--count")
	if out != "20 packets\n" {
		t.Errorf("tcpdump -r --count: %q", out)
	}
	lt, pkts := readPcap(t, f)
	if lt != layers.LinkTypeEthernet || len(pkts) != 20 {
		t.Fatalf("pcapgo: link type %v, %d packets", lt, len(pkts))
	}
	for i, pkt := range pkts {
		if ty := icmpType(pkt, 14); ty != 0 && ty != 8 {
			t.Errorf("packet %d is not an ICMP echo (type %d)", i, ty)
		}
	}
}

func TestCaptureAnyIsLinuxSLL2AndYSLLIsV1(t *testing.T) {
	p := newPair(t)
	for _, tc := range []struct {
		args   []string
		lt     layers.LinkType
		banner string
		hdr    int
	}{
		{nil, layers.LinkType(276), "gonsenter: data link type LINUX_SLL2\ngonsenter: listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n", 20},
		{[]string{"-y", "LINUX_SLL"}, layers.LinkTypeLinuxSLL, "gonsenter: data link type LINUX_SLL\ngonsenter: listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes\n", 16},
	} {
		f := filepath.Join(t.TempDir(), "any.pcap")
		r := p.start(t, nil, append(append([]string{"-i", "any"}, tc.args...), "-c", "6", "-w", f, "icmp")...)
		p.ping(t, 4, "0.05", 0)
		if code := r.wait(t); code != 0 {
			t.Fatalf("exit %d\n%s", code, r.stderr.String())
		}
		if got := r.stderr.String(); !strings.HasPrefix(got, tc.banner) {
			t.Errorf("stderr %q, want prefix %q", got, tc.banner)
		}
		lt, pkts := readPcap(t, f)
		if lt != tc.lt || len(pkts) != 6 {
			t.Fatalf("%v: link type %v, %d packets", tc.args, lt, len(pkts))
		}
		for i, pkt := range pkts {
			if ty := icmpType(pkt, tc.hdr); ty != 0 && ty != 8 {
				t.Errorf("%v: packet %d is not an ICMP echo", tc.args, i)
			}
		}
		// SLL2 records carry the ifindex: tcpdump -r names it in the
		// namespace it runs in, so run it in the target's.
		out, _ := p.tcpdumpReadIn(t, f, "-n")
		if n := strings.Count(out, " vA "); (tc.hdr == 20 && n != 6) || (tc.hdr == 16 && n != 0) || strings.Count(out, "\n") != 6 {
			t.Errorf("tcpdump -r of the %v capture:\n%s", tc.args, out)
		}
	}
}

func TestDirectionInSeesOnlyRequests(t *testing.T) {
	p := newPair(t)
	f := filepath.Join(t.TempDir(), "in.pcap")
	r := p.start(t, nil, "-i", "vA", "-Q", "in", "-c", "5", "-w", f, "icmp")
	p.ping(t, 7, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	_, pkts := readPcap(t, f)
	if len(pkts) != 5 {
		t.Fatalf("%d packets, want 5", len(pkts))
	}
	for i, pkt := range pkts {
		if icmpType(pkt, 14) != 8 {
			t.Errorf("packet %d with -Q in is not an echo request", i)
		}
	}
}

func TestStreamToTcpdumpThroughPipe(t *testing.T) {
	need(t, "tcpdump")
	p := newPair(t)
	reader := exec.Command("tcpdump", "-n", "-r", "-", "--count")
	in, err := reader.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	reader.Stdout, reader.Stderr = &out, &errb
	if err := reader.Start(); err != nil {
		t.Fatal(err)
	}
	r := p.start(t, in, "-i", "vA", "-U", "-c", "8", "-w", "-", "icmp")
	p.ping(t, 6, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	in.Close()
	if err := reader.Wait(); err != nil {
		t.Fatalf("tcpdump -r -: %v\n%s", err, errb.String())
	}
	if out.String() != "8 packets\n" || errb.String() != "reading from file -, link-type EN10MB (Ethernet), snapshot length 262144\n" {
		t.Errorf("tcpdump -r - printed %q, stderr %q", out.String(), errb.String())
	}
}

func TestSIGINTLeavesAValidFileAndPrintsStatistics(t *testing.T) {
	p := newPair(t)
	f := filepath.Join(t.TempDir(), "int.pcap")
	r := p.start(t, nil, "-i", "vA", "-w", f, "icmp")
	p.ping(t, 5, "0.05", 0)
	// Packets reach userland when the kernel retires a ring block (after
	// at most tcpdump's 1 s timeout); SIGUSR1 reports progress on one line.
	r.waitCaptured(t, 10)
	re := regexp.MustCompile(`\ngonsenter: 10 packets captured, \d+ packets received by filter, 0 packets dropped by kernel\n$`)
	if !re.MatchString(r.stderr.String()) {
		t.Errorf("SIGUSR1: stderr %q", r.stderr.String())
	}
	r.cmd.Process.Signal(syscall.SIGINT)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d after SIGINT\n%s", code, r.stderr.String())
	}
	n := statsCaptured(t, r.stderr.String())
	if n != 10 {
		t.Errorf("%d packets captured, want 10 (5 requests, 5 replies)", n)
	}
	if !strings.HasSuffix(r.stderr.String(), " packets dropped by kernel\n") && !strings.HasSuffix(r.stderr.String(), " packet dropped by kernel\n") {
		t.Errorf("statistics missing: %q", r.stderr.String())
	}
	out, _ := tcpdumpRead(t, f, "--count")
	if out != "10 packets\n" {
		t.Errorf("tcpdump -r --count of the interrupted file: %q", out)
	}
}

// TestLiveTextMatchesTcpdumpReadingTheFile prints a live capture with
// --print while writing it, then lets tcpdump decode the file with the same
// flags: the two texts must be identical.
func TestLiveTextMatchesTcpdumpReadingTheFile(t *testing.T) {
	p := newPair(t)
	for _, flags := range [][]string{{"-n"}, {"-n", "-e", "-v"}, {"-tt", "-X"}, {"-n", "-i", "any"}, {"-n", "-i", "any", "-e"},
		{"-n", "-A", "-q", "-#"}, {"-XX", "-vv", "-ttttt"}, {"-x", "-S", "-tttt"}, {"-i", "any", "-xx", "-n", "-v"}} {
		f := filepath.Join(t.TempDir(), "text.pcap")
		args := append([]string{"-i", "vA"}, flags...)
		r := p.start(t, nil, append(args, "--print", "-c", "6", "-w", f, "icmp")...)
		p.ping(t, 4, "0.05", 0)
		if code := r.wait(t); code != 0 {
			t.Fatalf("%v: exit %d\n%s", flags, code, r.stderr.String())
		}
		readFlags := []string{}
		for i := 0; i < len(flags); i++ {
			if flags[i] == "-i" {
				i++
				continue
			}
			readFlags = append(readFlags, flags[i])
		}
		want, _ := p.tcpdumpReadIn(t, f, readFlags...)
		if got := r.stdout.String(); got != want {
			t.Errorf("%v: live text differs from tcpdump -r:\n got %q\nwant %q", flags, got, want)
		}
	}
}

func TestRotationBySizeAndTime(t *testing.T) {
	p := newPair(t)
	dir := t.TempDir()
	// -C 1 -W 3: 1,000,000-byte files cap.pcap0..2, reused as a ring.
	// 70 pings of 20000 bytes are ~1960 fragments, ~2.9 MB; a large ring
	// (-B) keeps the kernel from dropping any, and the capture is stopped
	// once 1500 frames (> 2 MB, three files) have been written.
	r := p.start(t, nil, "-i", "vA", "-B", "16384", "-C", "1", "-W", "3", "-w", filepath.Join(dir, "cap.pcap"), "icmp")
	p.ping(t, 70, "0.02", 20000)
	r.waitCaptured(t, 1500)
	r.cmd.Process.Signal(syscall.SIGINT)
	if code := r.wait(t); code != 0 {
		t.Fatalf("-C: exit %d\n%s", code, r.stderr.String())
	}
	for _, name := range []string{"cap.pcap0", "cap.pcap1", "cap.pcap2"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("-C 1 -W 3: %v", err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "cap.pcap*")); len(m) != 3 {
		t.Errorf("-C 1 -W 3 made %d files: %v", len(m), m)
	}
	// -G 1 -W 2: a strftime name per second, exit at the second rotation.
	r = p.start(t, nil, "-i", "vA", "-G", "1", "-W", "2", "-w", filepath.Join(dir, "g-%s.pcap"), "icmp")
	go p.pingQuietly(80, "0.1")
	if code := r.wait(t); code != 0 {
		t.Fatalf("-G: exit %d\n%s", code, r.stderr.String())
	}
	if !strings.Contains(r.stderr.String(), "Maximum file limit reached: 2\n") {
		t.Errorf("-G 1 -W 2 stderr: %q", r.stderr.String())
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "g-*.pcap")); len(m) != 2 {
		t.Errorf("-G 1 -W 2 made %v", m)
	}
}

func TestListInterfacesInTargetNamespace(t *testing.T) {
	need(t, "tcpdump")
	p := newPair(t)
	bin := gonsenter(t)
	got, err := exec.Command(bin, "-t", itoa(p.PID), "-n", "--capture", "-D").CombinedOutput()
	if err != nil {
		t.Fatalf("-D: %v\n%s", err, got)
	}
	want, err := exec.Command("ip", "netns", "exec", p.A, "tcpdump", "-D").CombinedOutput()
	if err != nil {
		t.Fatalf("tcpdump -D: %v\n%s", err, want)
	}
	if string(got) != string(want) {
		t.Errorf("-D in the target's netns:\n got %q\nwant %q", got, want)
	}
}

// TestFilterTheKernelCannotRunOnAny uses a filter that reads a cooked
// header field the kernel does not provide (the SLL2 ARPHRD type):
// libpcap then filters in userland, and so must gonsenter.
func TestFilterTheKernelCannotRunOnAny(t *testing.T) {
	p := newPair(t)
	f := filepath.Join(t.TempDir(), "user.pcap")
	r := p.start(t, nil, "-i", "any", "-c", "4", "-w", f, "link[8:2] = 1 and icmp")
	p.ping(t, 3, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	_, pkts := readPcap(t, f)
	if len(pkts) != 4 {
		t.Fatalf("%d packets, want 4", len(pkts))
	}
	for i, pkt := range pkts {
		if ty := icmpType(pkt, 20); ty != 0 && ty != 8 {
			t.Errorf("packet %d is not an ICMP echo", i)
		}
	}
}

// TestNanosecondFile checks --nano: the file has the nanosecond magic and
// tcpdump --nano reads nine-digit timestamps from it.
func TestNanosecondFile(t *testing.T) {
	p := newPair(t)
	f := filepath.Join(t.TempDir(), "nano.pcap")
	r := p.start(t, nil, "-i", "vA", "--nano", "-c", "2", "-w", f, "icmp")
	p.ping(t, 2, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	b, err := os.ReadFile(f)
	if err != nil || len(b) < 4 || !bytes.Equal(b[:4], []byte{0x4d, 0x3c, 0xb2, 0xa1}) {
		t.Fatalf("not a nanosecond pcap: %v % x", err, b[:min(len(b), 4)])
	}
	out, _ := tcpdumpRead(t, f, "--nano", "-n")
	if !regexp.MustCompile(`^\d\d:\d\d:\d\d\.\d{9} IP 192\.0\.2\.2 > 192\.0\.2\.1: ICMP echo request`).MatchString(out) {
		t.Errorf("tcpdump --nano -r: %q", out)
	}
}

// TestDefaultInterfaceIsTheTargets checks that without -i the first
// interface of the target's namespace is chosen, as tcpdump run inside it
// would choose (never one of the host's).
func TestDefaultInterfaceIsTheTargets(t *testing.T) {
	p := newPair(t)
	r := p.start(t, nil, "-c", "2", "-n", "icmp")
	p.ping(t, 1, "0.05", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	if want := "listening on vA, link-type EN10MB (Ethernet)"; !strings.Contains(r.stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", r.stderr.String(), want)
	}
	if n := strings.Count(r.stdout.String(), "ICMP echo"); n != 2 {
		t.Errorf("stdout has %d ICMP lines:\n%s", n, r.stdout.String())
	}
}
