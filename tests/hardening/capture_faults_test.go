package hardening

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// Faults during a live capture: signals at random moments while traffic
// flows, against every output shape (-w file with and without -U, -C and
// -G rotation, -w - into a pipe), and SIGKILL after packets were printed.
// tcpdump 4.99.3 is run the same way when installed and is the reference
// for exit status and statistics.

// capBin returns the gonsenter binary, skipping when it has no capture mode.
func capBin(t *testing.T) string {
	t.Helper()
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	out, _ := exec.Command(bin, "--capture", "--version").CombinedOutput()
	if !bytes.Contains(out, []byte("version 4.99.3")) {
		t.Skipf("%s has no capture mode (%q)", bin, out)
	}
	return bin
}

// capRef returns the reference tcpdump when it is 4.99.3, else "".
func capRef() string {
	p, err := exec.LookPath("tcpdump")
	if err != nil {
		return ""
	}
	out, _ := exec.Command(p, "--version").CombinedOutput()
	if !bytes.HasPrefix(out, []byte("tcpdump version 4.99.3\n")) {
		return ""
	}
	return p
}

// capNet is nstest's two-namespace fixture (a target in A behind vA
// 192.0.2.1, traffic from B) with the fault tests' helpers.
type capNet struct{ *nstest.Pair }

func capNewNet(t *testing.T) *capNet { return &capNet{nstest.NewPair(t, "ghard")} }

// flood pings dst from b every 10 ms with size bytes of data until the
// returned stop is called (or t ends).
func (n *capNet) flood(t *testing.T, dst string, size int) (stop func()) {
	t.Helper()
	cmd := exec.Command("ip", "netns", "exec", n.B, "busybox", "ping", "-q", "-i", "0.01", "-s", strconv.Itoa(size), dst)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() { once.Do(func() { cmd.Process.Kill(); cmd.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// argv is the command line of a live capture in namespace a: gonsenter
// entering the target, or the reference tcpdump run inside a by ip netns
// exec (-Z root: Debian's tcpdump otherwise drops to user tcpdump, which
// cannot write into the test's directories).
func (n *capNet) argv(t *testing.T, ref bool, args ...string) []string {
	if ref {
		return append([]string{"ip", "netns", "exec", n.A, capRef(), "-Z", "root"}, args...)
	}
	return append([]string{capBin(t), "-t", strconv.Itoa(n.PID), "-n", "--capture"}, args...)
}

// capProc is one running capture.
type capProc struct {
	cmd       *exec.Cmd
	stderr    nstest.SyncBuffer
	listening chan struct{}
	done      chan struct{}
	state     *os.ProcessState
}

// capStart starts argv with stdout going to stdout (nil: discarded) and
// returns once it printed "listening on", as a user would wait for.
func capStart(t *testing.T, stdout io.Writer, argv ...string) *capProc {
	t.Helper()
	p := capStartCmd(t, stdout, argv...)
	select {
	case <-p.listening:
	case <-p.done:
		t.Fatalf("%q ended before listening (%s):\n%s", argv, exitText(p.state), p.stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatalf("%q did not start listening:\n%s", argv, p.stderr.String())
	}
	return p
}

func (p *capProc) copyStderr(r io.ReadCloser, copied chan struct{}) {
	defer close(copied)
	defer r.Close()
	br := bufio.NewReader(r)
	var once sync.Once
	for {
		line, err := br.ReadString('\n')
		p.stderr.Write([]byte(line))
		if strings.Contains(line, "listening on ") {
			once.Do(func() { close(p.listening) })
		}
		if err != nil {
			return
		}
	}
}

// wait returns how the capture ended; 30 s turn a hang into a failure.
func (p *capProc) wait(t *testing.T) string {
	t.Helper()
	select {
	case <-p.done:
		return exitText(p.state)
	case <-time.After(30 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("capture still running 30 s after the signal:\n%s", p.stderr.String())
	}
	return ""
}

// capStatsRe is the whole stderr of a capture ended by a catchable
// signal: the banner, then tcpdump's three statistics lines.
var capStatsRe = regexp.MustCompile(`^(\w+): listening on vA, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes\n` +
	`(\d+) (packets?) captured\n(\d+) (packets?) received by filter\n(\d+) (packets?) dropped by kernel\n$`)

// capStats checks stderr against capStatsRe (plurals included) and
// returns the packets captured, or -1 when the statistics are missing.
func capStats(stderr, prog string) (int, error) {
	m := capStatsRe.FindStringSubmatch(stderr)
	if m == nil {
		return -1, fmt.Errorf("stderr is not the banner plus statistics: %q", stderr)
	}
	if m[1] != prog {
		return -1, fmt.Errorf("messages name %q, want %q", m[1], prog)
	}
	for i := 2; i < 8; i += 2 {
		if n, _ := strconv.Atoi(m[i]); (n == 1) != (m[i+1] == "packet") {
			return -1, fmt.Errorf("wrong plural in %q", stderr)
		}
	}
	n, _ := strconv.Atoi(m[2])
	return n, nil
}

// capReadGopacket reads a pcap or pcapng file to the end with gopacket's
// pcapgo, an independent reader: the packets read, and the error that
// ended reading (nil at a clean end of file).
func capReadGopacket(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var magic [4]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil {
		return 0, err
	}
	f.Seek(0, io.SeekStart)
	var r interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	if magic == [4]byte{0x0a, 0x0d, 0x0d, 0x0a} {
		r, err = pcapgo.NewNgReader(f, pcapgo.DefaultNgReaderOptions)
	} else {
		r, err = pcapgo.NewReader(f)
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, _, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// capReadOwn reads a file with gonsenter --capture -r --count: the count,
// and stderr after the banner when reading failed.
func capReadOwn(t *testing.T, path string) (int, string) {
	t.Helper()
	cmd := exec.Command(capBin(t), "--capture", "-r", path, "--count")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var n int
	fmt.Sscanf(out.String(), "%d packet", &n)
	if err != nil {
		return n, errb.String()
	}
	return n, ""
}

// capMode is one way of writing a live capture.
type capMode struct {
	name  string
	args  []string // with DIR for the output directory
	pipe  bool     // -w - into a pipe the test reads
	files string   // glob of the output files in DIR
}

var capModes = []capMode{
	{name: "file", args: []string{"-w", "DIR/f.pcap"}, files: "f.pcap"},
	{name: "file-U", args: []string{"-U", "-w", "DIR/f.pcap"}, files: "f.pcap"},
	{name: "size-rotation", args: []string{"-C", "1", "-w", "DIR/f.pcap"}, files: "f.pcap*"},
	{name: "size-ring", args: []string{"-C", "1", "-W", "9", "-w", "DIR/f.pcap"}, files: "f.pcap*"},
	{name: "time-rotation", args: []string{"-G", "1", "-w", "DIR/g-%s.pcap"}, files: "g-*.pcap"},
	{name: "pipe", args: []string{"-w", "-"}, pipe: true},
	{name: "pipe-U", args: []string{"-U", "-w", "-"}, pipe: true},
}

// capSignals are the catchable signals a capture may receive. tcpdump
// 4.99.3 handles all four with pcap_breakloop: the loop ends, the file is
// closed, the statistics are printed and the status is 0.
var capSignals = []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE}

// capOutcome is what a user sees of one interrupted capture.
type capOutcome struct {
	status   string // "exit 0"
	captured int    // from the statistics, -1 without them
	stats    error  // why the stderr is not banner plus statistics
	inFiles  int    // packets in all output files (gopacket)
	fileErr  string // a file that did not parse to its end, and why
}

// runInterrupted runs one capture in mode, lets traffic flow for delay,
// sends sig and collects the outcome.
func (n *capNet) runInterrupted(t *testing.T, ref bool, m capMode, sig syscall.Signal, delay time.Duration) capOutcome {
	t.Helper()
	dir := t.TempDir()
	args := make([]string, 0, len(m.args)+3)
	for _, a := range m.args {
		args = append(args, strings.Replace(a, "DIR", dir, 1))
	}
	args = append([]string{"-i", "vA"}, append(args, "icmp")...)
	var stdout io.Writer
	var piped chan error
	if m.pipe {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout = pw
		piped = make(chan error, 1)
		go func() { piped <- capCopyToFile(pr, filepath.Join(dir, "pipe.pcap")) }()
		defer pw.Close()
	}
	p := capStart(t, stdout, n.argv(t, ref, args...)...)
	if f, ok := stdout.(*os.File); ok {
		f.Close() // only the capture holds the write end now
	}
	time.Sleep(delay)
	p.cmd.Process.Signal(sig)
	o := capOutcome{status: p.wait(t)}
	prog := "gonsenter"
	if ref {
		prog = "tcpdump"
	}
	o.captured, o.stats = capStats(p.stderr.String(), prog)
	if piped != nil {
		if err := <-piped; err != nil {
			t.Fatal(err)
		}
		m.files = "pipe.pcap"
	}
	o.inFiles, o.fileErr = capCountFiles(t, dir, m.files, !ref)
	return o
}

func capCopyToFile(r *os.File, path string) error {
	defer r.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// capCountFiles reads every output file with gopacket and, for
// gonsenter's own files, with gonsenter -r too; both must reach the end.
func capCountFiles(t *testing.T, dir, glob string, own bool) (int, string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, glob))
	sort.Strings(files)
	if len(files) == 0 {
		return 0, "no output file"
	}
	total := 0
	for _, f := range files {
		n, err := capReadGopacket(f)
		if err != nil {
			return total, fmt.Sprintf("%s: gopacket: %v after %d packets", filepath.Base(f), err, n)
		}
		if own {
			if m, e := capReadOwn(t, f); e != "" || m != n {
				return total, fmt.Sprintf("%s: gonsenter -r read %d packets (gopacket %d): %q", filepath.Base(f), m, n, e)
			}
		}
		total += n
	}
	return total, ""
}

// TestSignalsDuringCapture interrupts live captures at random moments
// with each catchable signal, in every output mode, several times each.
// After every run the status and statistics must be tcpdump's (exit 0,
// three lines), and every file must parse to its end with gopacket and
// with gonsenter -r, holding exactly the "N packets captured".
func TestSignalsDuringCapture(t *testing.T) {
	capBin(t)
	if signal.Ignored(syscall.SIGHUP) {
		t.Skip("SIGHUP is ignored (nohup): captures would rightly keep running")
	}
	rnd := seededRand(t)
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 4000) // 3 frames each way per ping: -C 1 rotates within a second
	const iterations = 3
	for _, m := range capModes {
		for _, sig := range capSignals {
			m, sig := m, sig
			t.Run(m.name+"/"+capSigName(sig), func(t *testing.T) {
				want := capWantAfterSignal(t, n, m, sig)
				for i := 0; i < iterations; i++ {
					delay := time.Duration(rnd.Intn(1200)) * time.Millisecond
					if i == 0 {
						delay = 0 // right after the banner
					}
					got := n.runInterrupted(t, false, m, sig, delay)
					capCheckInterrupted(t, fmt.Sprintf("run %d (signal after %v)", i, delay), got, want)
				}
			})
		}
	}
}

// capWantAfterSignal is tcpdump's behaviour for the mode and signal, run
// live when installed, else the recorded one: exit 0 with statistics.
func capWantAfterSignal(t *testing.T, n *capNet, m capMode, sig syscall.Signal) string {
	t.Helper()
	const recorded = "exit 0"
	if capRef() == "" {
		return recorded
	}
	ref := n.runInterrupted(t, true, m, sig, 500*time.Millisecond)
	if ref.status != recorded || ref.stats != nil {
		t.Errorf("tcpdump 4.99.3 changed its mind: %s, statistics: %v (recorded: %s with statistics)", ref.status, ref.stats, recorded)
	}
	if ref.fileErr != "" || ref.inFiles != ref.captured {
		t.Logf("tcpdump's own files: %d packets for %d captured, %s", ref.inFiles, ref.captured, ref.fileErr)
	}
	return ref.status
}

func capCheckInterrupted(t *testing.T, what string, got capOutcome, wantStatus string) {
	t.Helper()
	if got.status != wantStatus {
		t.Errorf("%s: %s, tcpdump: %s", what, got.status, wantStatus)
	}
	if got.stats != nil {
		t.Errorf("%s: %v", what, got.stats)
		return
	}
	if got.fileErr != "" {
		t.Errorf("%s: file not complete: %s", what, got.fileErr)
	}
	if got.inFiles != got.captured {
		t.Errorf("%s: %d packets captured but %d in the file(s)", what, got.captured, got.inFiles)
	}
}

func capSigName(s syscall.Signal) string {
	return map[syscall.Signal]string{syscall.SIGINT: "INT", syscall.SIGTERM: "TERM", syscall.SIGHUP: "HUP",
		syscall.SIGPIPE: "PIPE", syscall.SIGKILL: "KILL"}[s]
}

// TestSIGKILLKeepsEveryPrintedPacket kills `-U -w FILE --print` after a
// random number of printed lines: every packet printed before the kill
// must be in the file (-U writes each record with one write, so the file
// has no torn record), and the file decodes to the very same lines. Without
// -U the file must still be readable up to its last whole record.
func TestSIGKILLKeepsEveryPrintedPacket(t *testing.T) {
	capBin(t)
	rnd := seededRand(t)
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 56)
	tools := []bool{false}
	if capRef() != "" {
		tools = append(tools, true)
	}
	for _, ref := range tools {
		for i := 0; i < 3; i++ {
			want := 1 + rnd.Intn(60)
			n.killAfterLines(t, ref, []string{"-U"}, want)
			n.killAfterLines(t, ref, nil, want)
		}
	}
}

// killAfterLines runs a printing capture into a file, SIGKILLs it once
// want lines were read from its stdout, and checks the file against them.
func (n *capNet) killAfterLines(t *testing.T, ref bool, flags []string, want int) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "k.pcap")
	args := append(append([]string{"-i", "vA", "-n", "--print"}, flags...), "-w", file, "icmp")
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	p := capStart(t, pw, n.argv(t, ref, args...)...)
	pw.Close()
	lines := capReadLines(t, pr, want, p)
	what := fmt.Sprintf("tcpdump=%v %v, killed after %d printed lines", ref, flags, want)
	if st := p.wait(t); st != "killed by SIGKILL" {
		t.Errorf("%s: %s", what, st)
	}
	got, err := capReadGopacket(file)
	switch {
	case len(flags) == 0 && (errors.Is(err, io.ErrUnexpectedEOF) || capEmpty(file)):
		// Without -U the file is written in 64 KiB blocks (tcpdump: 4
		// KiB) which may end mid-record, or not be written at all yet:
		// readable up to there, as tcpdump's is.
	case err != nil:
		t.Errorf("%s: file does not parse to its end: %v after %d packets", what, err, got)
	}
	if len(flags) == 0 {
		return
	}
	if got < len(lines) {
		t.Fatalf("%s: %d lines printed but only %d packets in the file", what, len(lines), got)
	}
	text := capDecode(t, file)
	for i, l := range lines {
		if i >= len(text) || text[i] != l {
			t.Errorf("%s: printed line %d %q, the file decodes to %q", what, i, l, text[min(i, len(text)-1)])
			return
		}
	}
}

func capEmpty(file string) bool {
	st, err := os.Stat(file)
	return err == nil && st.Size() == 0
}

// capReadLines reads stdout until want lines arrived, SIGKILLs p, and
// returns every whole line printed before it died (stdout is a pipe, so
// it comes in stdio-sized chunks: the last one may end mid-line).
func capReadLines(t *testing.T, r io.Reader, want int, p *capProc) []string {
	t.Helper()
	br := bufio.NewReader(r)
	var lines []string
	deadline := time.AfterFunc(30*time.Second, func() { p.cmd.Process.Kill() })
	defer deadline.Stop()
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			break
		}
		lines = append(lines, strings.TrimSuffix(l, "\n"))
		if len(lines) == want {
			p.cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	if len(lines) < want {
		t.Fatalf("only %d lines before the capture ended:\n%s", len(lines), p.stderr.String())
	}
	return lines
}

// capDecode prints a file with gonsenter -r -n in UTC, line by line.
func capDecode(t *testing.T, file string) []string {
	t.Helper()
	cmd := exec.Command(capBin(t), "--capture", "-r", file, "-n")
	cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
	out, _ := cmd.Output()
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// TestRotationFailsMidCapture makes the second -C file impossible to
// create (a directory has its name) while packets flow. tcpdump's
// dump_packet_and_trunc then calls error(): "NAME: strerror", status 1,
// no statistics; the first file is complete.
func TestRotationFailsMidCapture(t *testing.T) {
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 4000)
	for _, ref := range capTools() {
		dir := t.TempDir()
		file := filepath.Join(dir, "f.pcap")
		if err := os.Mkdir(file+"1", 0o755); err != nil {
			t.Fatal(err)
		}
		p := capStart(t, nil, n.argv(t, ref, "-i", "vA", "-C", "1", "-w", file, "icmp")...)
		status := p.wait(t)
		prog := capProgName(ref)
		want := prog + ": listening on vA, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n" +
			prog + ": " + file + "1: Is a directory\n"
		if status != "exit 1" || p.stderr.String() != want {
			t.Errorf("%s: %s, stderr %q, want exit 1 and %q", prog, status, p.stderr.String(), want)
		}
		if got, err := capReadGopacket(file); err != nil || got == 0 {
			t.Errorf("%s: the first file reads %d packets, then %v", prog, got, err)
		}
	}
}

// capFatalSignals end tcpdump by their default action (it handles none
// of them); the Go runtime would print a goroutine dump for the first two
// and ignore the others.
var capFatalSignals = []syscall.Signal{syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGALRM, syscall.SIGXCPU,
	syscall.SIGVTALRM, syscall.SIGPWR, syscall.SIGIO}

// TestFatalSignalsEndCaptureLikeTcpdump sends the signals tcpdump does not
// handle (Ctrl-\'s SIGQUIT, a CPU limit's SIGXCPU, ...) to a live capture
// and to a -r reading a stalled FIFO: the process dies by the signal, as
// tcpdump does, with nothing after the banner on stderr (no goroutine
// dump), and what reached the file reads up to its last whole record.
func TestFatalSignalsEndCaptureLikeTcpdump(t *testing.T) {
	capBin(t)
	capNoCoreDumps(t)
	rnd := seededRand(t)
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 56)
	for _, sig := range capFatalSignals {
		for _, ref := range capTools() {
			what := capProgName(ref) + " " + unix.SignalName(sig)
			file := filepath.Join(t.TempDir(), "f.pcap")
			p := capStart(t, nil, n.argv(t, ref, "-i", "vA", "-U", "-w", file, "icmp")...)
			time.Sleep(time.Duration(rnd.Intn(800)) * time.Millisecond)
			p.cmd.Process.Signal(sig)
			capCheckKilled(t, what, p, sig, capProgName(ref)+": listening on vA, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n")
			if got, err := capReadGopacket(file); err != nil && !capEmpty(file) {
				t.Errorf("%s: the file reads %d packets, then %v", what, got, err)
			}
			n.fatalDuringRead(t, ref, sig)
		}
	}
}

// fatalDuringRead signals a -r whose FIFO delivered one packet and then
// stalls.
func (n *capNet) fatalDuringRead(t *testing.T, ref bool, sig syscall.Signal) {
	t.Helper()
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	writer := make(chan *os.File, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.Write(capGoodPcap[:24+58])
		}
		writer <- f
	}()
	argv := []string{capBin(t), "--capture", "-r", fifo, "-n"}
	if ref {
		argv = []string{capRef(), "-r", fifo, "-n"}
	}
	p := capStartCmd(t, nil, argv...)
	defer func() {
		if f := <-writer; f != nil {
			f.Close()
		}
	}()
	time.Sleep(300 * time.Millisecond)
	p.cmd.Process.Signal(sig)
	banner := "reading from file " + fifo + ", link-type EN10MB (Ethernet), snapshot length 262144\n"
	capCheckKilled(t, capProgName(ref)+" -r "+unix.SignalName(sig), p, sig, banner)
}

// capStartCmd starts argv with stdout going to stdout (nil: discarded),
// without waiting for a banner.
func capStartCmd(t *testing.T, stdout io.Writer, argv ...string) *capProc {
	t.Helper()
	p := &capProc{listening: make(chan struct{}), done: make(chan struct{})}
	p.cmd = exec.Command(argv[0], argv[1:]...)
	p.cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
	p.cmd.Stdout = stdout
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = pw
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	copied := make(chan struct{})
	go p.copyStderr(pr, copied)
	go func() { p.cmd.Wait(); <-copied; p.state = p.cmd.ProcessState; close(p.done) }()
	t.Cleanup(func() { p.cmd.Process.Kill(); <-p.done })
	return p
}

func capCheckKilled(t *testing.T, what string, p *capProc, sig syscall.Signal, stderr string) {
	t.Helper()
	if st := p.wait(t); st != "killed by "+unix.SignalName(sig) {
		t.Errorf("%s: %s, stderr %q", what, st, p.stderr.String())
	} else if got := p.stderr.String(); got != stderr {
		t.Errorf("%s: stderr %q, want %q", what, got, stderr)
	}
}

// capNoCoreDumps keeps SIGQUIT and SIGABRT from leaving core files.
func capNoCoreDumps(t *testing.T) {
	var old unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &old); err != nil {
		t.Fatal(err)
	}
	lim := unix.Rlimit{Cur: 0, Max: old.Max}
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &lim); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Setrlimit(unix.RLIMIT_CORE, &old) })
}

// TestStopAndContinue stops a capture (SIGTSTP, then SIGSTOP) while
// packets flow, continues it and interrupts it: the ring buffer kept what
// arrived meanwhile, the statistics and status are tcpdump's and the file
// holds every packet captured.
func TestStopAndContinue(t *testing.T) {
	capBin(t)
	n := capNewNet(t)
	n.flood(t, "192.0.2.1", 56)
	for _, ref := range capTools() {
		for _, stop := range []syscall.Signal{syscall.SIGTSTP, syscall.SIGSTOP} {
			what := capProgName(ref) + " " + unix.SignalName(stop)
			file := filepath.Join(t.TempDir(), "f.pcap")
			p := capStart(t, nil, n.argv(t, ref, "-i", "vA", "-w", file, "icmp")...)
			p.cmd.Process.Signal(stop)
			time.Sleep(400 * time.Millisecond)
			p.cmd.Process.Signal(syscall.SIGCONT)
			time.Sleep(200 * time.Millisecond)
			p.cmd.Process.Signal(syscall.SIGINT)
			st := p.wait(t)
			captured, err := capStats(p.stderr.String(), capProgName(ref))
			if st != "exit 0" || err != nil {
				t.Errorf("%s: %s, %v", what, st, err)
				continue
			}
			if got, err := capReadGopacket(file); err != nil || got != captured {
				t.Errorf("%s: file holds %d packets (%v), %d captured", what, got, err, captured)
			}
		}
	}
}
