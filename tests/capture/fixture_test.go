// Package capture_test drives `gonsenter -t PID -n --capture ...` against
// a process in a network namespace the test builds: two namespaces joined
// by a veth pair (192.0.2.1/24 and 192.0.2.2/24), a sleeping target in the
// first, traffic generated from the second with busybox ping.
package capture_test

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

// gonsenter returns the binary, skipping when it has no capture mode yet.
func gonsenter(t *testing.T) string {
	t.Helper()
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	out, _ := exec.Command(bin, "--capture", "--version").CombinedOutput()
	if !bytes.Contains(out, []byte("version 4.99.3")) {
		t.Skipf("%s has no capture mode (gonsenter --capture --version: %q)", bin, out)
	}
	return bin
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// pair is nstest's two-namespace fixture (a target in A behind vA
// 192.0.2.1, traffic from B) with this suite's traffic and run helpers.
type pair struct{ *nstest.Pair }

func newPair(t *testing.T) *pair { return &pair{nstest.NewPair(t, "gcap")} }

// ping sends count echo requests from b to 192.0.2.1 (size bytes of data).
func (p *pair) ping(t *testing.T, count int, interval string, size int) {
	t.Helper()
	args := []string{"netns", "exec", p.B, "busybox", "ping", "-q", "-c", strconv.Itoa(count), "-i", interval}
	if size > 0 {
		args = append(args, "-s", strconv.Itoa(size))
	}
	if out, err := exec.Command("ip", append(args, "192.0.2.1")...).CombinedOutput(); err != nil {
		t.Fatalf("ping: %v\n%s", err, out)
	}
}

// pingQuietly pings in the background; the capture under test decides
// when it has seen enough, so the result does not matter.
func (p *pair) pingQuietly(count int, interval string) {
	exec.Command("ip", "netns", "exec", p.B, "busybox", "ping", "-q", "-c", strconv.Itoa(count), "-i", interval, "192.0.2.1").Run()
}

// run is one gonsenter capture process.
type run struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	stderr safeBuffer
	ready  chan struct{}
	done   chan error
}

type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs `gonsenter -t PID -n --capture ARGS...` and returns once it
// printed its "listening on" banner. stdout may be nil (captured) or a
// writer (e.g. a pipe to tcpdump).
func (p *pair) start(t *testing.T, stdout io.Writer, args ...string) *run {
	t.Helper()
	return startRun(t, stdout, append([]string{"-t", strconv.Itoa(p.PID), "-n", "--capture"}, args...)...)
}

// startRun runs `gonsenter ARGV...` (a --capture command line) and returns
// once it printed its "listening on" banner on stderr. stdout may be nil
// (captured in r.stdout) or a writer.
func startRun(t *testing.T, stdout io.Writer, argv ...string) *run {
	t.Helper()
	bin := gonsenter(t)
	r := &run{ready: make(chan struct{}), done: make(chan error, 1)}
	r.cmd = exec.Command(bin, argv...)
	r.cmd.Env = append(os.Environ(), "TZ=UTC") // tcpdump -r comparisons use UTC too
	r.cmd.Stdout = &r.stdout
	if stdout != nil {
		r.cmd.Stdout = stdout
	}
	pr, pw := io.Pipe()
	r.cmd.Stderr = pw
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(pr)
		once := sync.Once{}
		for sc.Scan() {
			r.stderr.Write(append(sc.Bytes(), '\n'))
			if strings.Contains(sc.Text(), "listening on ") {
				once.Do(func() { close(r.ready) })
			}
		}
		io.Copy(io.Discard, pr)
	}()
	go func() { err := r.cmd.Wait(); pw.Close(); r.done <- err }()
	t.Cleanup(func() { r.cmd.Process.Kill() })
	select {
	case <-r.ready:
	case err := <-r.done:
		t.Fatalf("capture exited before listening: %v\nstderr: %s", err, r.stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatalf("capture did not start listening\nstderr: %s", r.stderr.String())
	}
	return r
}

// wait waits for the capture to exit and returns its exit status.
func (r *run) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-r.done:
		time.Sleep(50 * time.Millisecond) // let the stderr copier finish
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		r.cmd.Process.Kill()
		t.Fatalf("capture did not exit\nstderr: %s", r.stderr.String())
	}
	return -1
}

// waitCaptured sends SIGUSR1 (tcpdump's one-line statistics, capture goes
// on) until the capture reports at least n packets captured.
func (r *run) waitCaptured(t *testing.T, n int) {
	t.Helper()
	re := regexp.MustCompile(`gonsenter: (\d+) packets? captured, [^\n]*\n$`)
	for i := 0; i < 100; i++ {
		r.cmd.Process.Signal(syscall.SIGUSR1)
		time.Sleep(200 * time.Millisecond)
		if m := re.FindStringSubmatch(r.stderr.String()); m != nil {
			if got, _ := strconv.Atoi(m[1]); got >= n {
				return
			}
		}
	}
	t.Fatalf("fewer than %d packets captured after 20 s:\n%s", n, r.stderr.String())
}

// tcpdumpRead runs the real tcpdump -r on a file with extra flags.
func tcpdumpRead(t *testing.T, file string, flags ...string) (stdout, stderr string) {
	t.Helper()
	need(t, "tcpdump")
	var o, e bytes.Buffer
	cmd := exec.Command("tcpdump", append([]string{"-r", file}, flags...)...)
	cmd.Stdout, cmd.Stderr = &o, &e
	cmd.Env = append(os.Environ(), "TZ=UTC")
	if err := cmd.Run(); err != nil {
		t.Fatalf("tcpdump -r %s: %v\n%s", file, err, e.String())
	}
	return o.String(), e.String()
}

// tcpdumpReadIn is tcpdumpRead inside namespace a, where SLL2 interface
// indexes name the target's interfaces.
func (p *pair) tcpdumpReadIn(t *testing.T, file string, flags ...string) (stdout, stderr string) {
	t.Helper()
	need(t, "tcpdump")
	var o, e bytes.Buffer
	cmd := exec.Command("ip", append([]string{"netns", "exec", p.A, "tcpdump", "-r", file}, flags...)...)
	cmd.Stdout, cmd.Stderr = &o, &e
	cmd.Env = append(os.Environ(), "TZ=UTC")
	if err := cmd.Run(); err != nil {
		t.Fatalf("tcpdump -r %s: %v\n%s", file, err, e.String())
	}
	return o.String(), e.String()
}

// statsLines are the three lines tcpdump prints at the end.
func statsCaptured(t *testing.T, stderr string) int {
	t.Helper()
	for _, l := range strings.Split(stderr, "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[2] == "captured" {
			n, _ := strconv.Atoi(f[0])
			return n
		}
	}
	t.Fatalf("no \"N packets captured\" line in %q", stderr)
	return -1
}

func itoa(n int) string { return strconv.Itoa(n) }
