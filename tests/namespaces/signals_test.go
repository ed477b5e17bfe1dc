package namespaces

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// live is a gonsenter process still running, with its stdout as lines.
type live struct {
	t      *testing.T
	cmd    *exec.Cmd
	pid    int
	lines  *bufio.Reader
	stderr *bytes.Buffer
}

func start(t *testing.T, args ...string) *live {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	cmd, _, stderr := command(ctx, "", append([]string{nstest.Gonsenter(t)}, args...)...)
	cmd.Stdout = nil
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &live{t: t, cmd: cmd, pid: cmd.Process.Pid, lines: bufio.NewReader(pipe), stderr: stderr}
}

// line reads one line of the program's output.
func (l *live) line() string {
	l.t.Helper()
	s, err := l.lines.ReadString('\n')
	if err != nil {
		l.t.Fatalf("reading program output: %v (got %q, stderr %q)", err, s, l.stderr.String())
	}
	return strings.TrimSuffix(s, "\n")
}

// wait returns gonsenter's wait status and, if readRest, the rest of the
// output up to EOF (do not read when the program may outlive gonsenter).
func (l *live) wait(readRest bool) (syscall.WaitStatus, string) {
	l.t.Helper()
	var rest []byte
	if readRest {
		rest, _ = io.ReadAll(l.lines)
	}
	l.cmd.Wait()
	return l.cmd.ProcessState.Sys().(syscall.WaitStatus), string(rest)
}

// descendant finds a descendant of pid whose comm is name.
func descendant(pid int, name string) int {
	for _, c := range children(pid) {
		if nstest.Comm(c) == name {
			return c
		}
		if d := descendant(c, name); d > 0 {
			return d
		}
	}
	return 0
}

// children lists pid's children over all its threads (a Go process may fork
// from any thread, and /proc/PID/task/TID/children is per thread).
func children(pid int) []int {
	files, _ := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/task/*/children")
	var out []int
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, s := range strings.Fields(string(b)) {
			if c, err := strconv.Atoi(s); err == nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// state is the one-letter process state from /proc/PID/stat ('T' stopped).
func state(pid int) byte {
	b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if i := strings.LastIndexByte(string(b), ')'); i > 0 && i+2 < len(b) {
		return b[i+2]
	}
	return 0
}

func eventually(cond func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return false
}

// forkPaths are the invocations where gonsenter stays as a parent.
func forkPaths(t *testing.T) map[string][]string {
	n, f := noUser(t), full(t)
	return map[string][]string{
		"pid-fork": {"-t", pidArg(n), "-p"},
		"user":     {"-t", pidArg(f), "-U"},
		"user-pid": {"-t", pidArg(f), "-U", "-p"},
	}
}

// When the program stops, gonsenter stops itself; continuing gonsenter
// continues the program (util-linux continue_as_child), so job control in a
// shell behaves as if there were one process.
func TestStopIsRelayed(t *testing.T) {
	for name, opts := range forkPaths(t) {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			l := start(t, append(opts, "sh", "-c", "echo ready; exec sleep 4")...)
			l.line()
			prog := 0
			if !eventually(func() bool { prog = descendant(l.pid, "sleep"); return prog > 0 }) {
				t.Fatal("program not found among gonsenter's descendants")
			}
			syscall.Kill(prog, syscall.SIGSTOP)
			if !eventually(func() bool { return state(l.pid) == 'T' }) {
				t.Errorf("gonsenter state %q after the program stopped, want T", state(l.pid))
			}
			syscall.Kill(l.pid, syscall.SIGCONT)
			if !eventually(func() bool { return state(prog) != 'T' }) {
				t.Errorf("program still stopped after SIGCONT to gonsenter")
				syscall.Kill(prog, syscall.SIGCONT)
			}
			if ws, _ := l.wait(true); ws.ExitStatus() != 0 || ws.Signaled() {
				t.Errorf("gonsenter ended with %v, want exit 0", ws)
			}
		})
	}
}

// trapTerm reports SIGTERM and exits 7; it gives up after about 5 s so that
// a signal that never arrives cannot hang the test.
const trapTerm = `trap 'echo got-term; exit 7' TERM; echo ready
i=0; while [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; echo no-signal; exit 3`

// --forward-signals: SIGTERM to gonsenter reaches the program, whose own exit
// status then becomes gonsenter's. The signal is sent a moment after the
// program started; TestForwardSignalsAtOnce sends it as soon as it prints.
func TestForwardSignals(t *testing.T) { testForward(t, 500*time.Millisecond) }

// TestForwardSignalsAtOnce: a signal that arrives right after the program
// started must be forwarded too (gonsenter must handle signals from before
// the fork, or it dies instead of forwarding).
func TestForwardSignalsAtOnce(t *testing.T) { testForward(t, 0) }

func testForward(t *testing.T, delay time.Duration) {
	for name, opts := range forkPaths(t) {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			l := start(t, append(append([]string{"--forward-signals"}, opts...), "sh", "-c", trapTerm)...)
			l.line()
			time.Sleep(delay)
			syscall.Kill(l.pid, syscall.SIGTERM)
			ws, rest := l.wait(true)
			if rest != "got-term\n" || ws.Signaled() || ws.ExitStatus() != 7 {
				t.Errorf("got status %v, output %q, stderr %q; want exit 7 after got-term", ws, rest, l.stderr.String())
			}
		})
	}
}

// Without --forward-signals a -p parent is util-linux's: SIGTERM kills only
// gonsenter, the program keeps running.
func TestNoForwardingByDefaultWithPid(t *testing.T) {
	n := noUser(t)
	l := start(t, "-t", pidArg(n), "-p", "sh", "-c", trapTerm)
	l.line()
	prog := descendant(l.pid, "sh")
	if prog == 0 {
		t.Fatal("program not found")
	}
	defer syscall.Kill(prog, syscall.SIGKILL)
	syscall.Kill(l.pid, syscall.SIGTERM)
	if ws, _ := l.wait(false); !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("gonsenter ended with %v, want killed by SIGTERM", ws)
	}
	if nstest.Comm(prog) != "sh" {
		t.Errorf("the program died with gonsenter; util-linux leaves it running")
	}
}

// Where util-linux would exec in place (-U or -T without -p) gonsenter's
// fork is an implementation detail, so it stands in for the program: a
// SIGTERM sent to it reaches the program even without --forward-signals.
func TestStandInForwardsByDefault(t *testing.T) {
	f := full(t)
	for name, opts := range map[string][]string{"user": {"-U"}, "time": {"-T"}, "user-mount": {"-U", "-m", "-u"}} {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			l := start(t, append(append([]string{"-t", pidArg(f)}, opts...), "sh", "-c", trapTerm)...)
			l.line()
			time.Sleep(500 * time.Millisecond)
			syscall.Kill(l.pid, syscall.SIGTERM)
			ws, rest := l.wait(true)
			if rest != "got-term\n" || ws.Signaled() || ws.ExitStatus() != 7 {
				t.Errorf("got status %v, output %q, stderr %q; want exit 7 after got-term", ws, rest, l.stderr.String())
			}
		})
	}
}
