// Package namespaces checks, through the gonsenter binary, what the compat
// table cannot express as fixed output: that the program keeps gonsenter's
// PID on the thread path, that exit statuses and fatal signals travel through
// the fork paths, stop relaying, signal forwarding, fd hygiene, and entering
// user, mount and time namespaces (also as an unprivileged uid).
package namespaces

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

// run is one finished gonsenter invocation.
type run struct {
	pid    int
	stdout string
	stderr string
	ws     syscall.WaitStatus
}

// status describes ws the way a test failure should show it.
func (r run) status() string {
	if r.ws.Signaled() {
		return "killed by " + r.ws.Signal().String()
	}
	return "exit " + strconv.Itoa(r.ws.ExitStatus())
}

// command prepares argv (argv[0] is the binary) with a fixed environment, in
// "/", with stdin from the given string.
func command(ctx context.Context, stdin string, argv ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = "/"
	cmd.Env = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C", "HOME=/root"}
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return cmd, &stdout, &stderr
}

// gonsenter runs the binary under test with args to completion (20 s at most).
func gonsenter(t *testing.T, stdin string, args ...string) run {
	t.Helper()
	return runArgv(t, stdin, append([]string{nstest.Gonsenter(t)}, args...)...)
}

func runArgv(t *testing.T, stdin string, argv ...string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd, stdout, stderr := command(ctx, stdin, argv...)
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%q timed out", argv)
	}
	if cmd.ProcessState == nil {
		t.Fatalf("cannot run %q: %v", argv, err)
	}
	return run{
		pid:    cmd.Process.Pid,
		stdout: stdout.String(),
		stderr: stderr.String(),
		ws:     cmd.ProcessState.Sys().(syscall.WaitStatus),
	}
}

// expectOK fails t unless r exited 0 with empty stderr and stdout want.
func expectOK(t *testing.T, r run, want string) {
	t.Helper()
	if r.status() != "exit 0" || r.stderr != "" || r.stdout != want {
		t.Errorf("got %s, stdout %q, stderr %q; want exit 0, stdout %q", r.status(), r.stdout, r.stderr, want)
	}
}

// targets, made per test and killed in its cleanup.
func noUser(t *testing.T) *nstest.Target {
	t.Helper()
	nstest.RequireRoot(t)
	tg, err := nstest.NoUser(t)
	return nstest.Need(t, tg, err)
}

func full(t *testing.T) *nstest.Target {
	t.Helper()
	nstest.RequireRoot(t)
	tg, err := nstest.Full(t)
	return nstest.Need(t, tg, err)
}

func pidArg(tg *nstest.Target) string { return strconv.Itoa(tg.Pid) }
