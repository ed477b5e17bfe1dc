// Package hardening drives gonsenter (and, where installed, the reference
// tools it imitates) through faults and hostile input a user can run into:
// signals at random moments, damaged capture files, full or read-only
// file systems, closed or broken standard output, interfaces that vanish,
// bad namespace files. Every case asserts what the user would notice: the
// exact message and exit status, a capture file that stays readable, no Go
// crash.
package hardening

import (
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

// requireTools skips t unless every tool is on PATH.
func requireTools(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// seededRand returns a generator whose seed is logged, so that a failure at
// a random moment can be replayed with HARDENING_SEED=N.
func seededRand(t testing.TB) *rand.Rand {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("HARDENING_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("HARDENING_SEED: %v", err)
		}
		seed = n
	}
	t.Logf("seed %d (replay with HARDENING_SEED=%d)", seed, seed)
	return rand.New(rand.NewSource(seed))
}

// exitText describes how a process ended, as a shell user sees it:
// "exit N" or "killed by SIGNAL".
func exitText(ps *os.ProcessState) string {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		return "killed by " + unix.SignalName(ws.Signal())
	}
	return "exit " + strconv.Itoa(ps.ExitCode())
}

// maxRSSKiB is the peak resident set of a finished process, in KiB.
func maxRSSKiB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) // int32 on 386
	}
	return 0
}

// goCrash reports whether stderr shows a Go runtime failure.
func goCrash(stderr string) bool {
	for _, s := range []string{"panic:", "goroutine ", "runtime error", "fatal error:", "SIGSEGV"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}
