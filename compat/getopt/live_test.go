package getopt

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestLiveTools checks our messages against the installed util-linux
// nsenter 2.38.1 and tcpdump 4.99.3 themselves. Only argument vectors whose
// very first option is a parse error are run, so neither tool gets as far as
// entering a namespace or capturing.
func TestLiveTools(t *testing.T) {
	for _, tool := range []struct {
		path, version, group string
	}{
		{"/usr/bin/nsenter", "util-linux 2.38", "nsenter238"},
		{"/usr/bin/tcpdump", "tcpdump version 4.99.3", "tcpdump"},
	} {
		t.Run(tool.group, func(t *testing.T) {
			out, err := exec.Command(tool.path, "--version").CombinedOutput()
			if err != nil || !strings.Contains(string(out), tool.version) {
				t.Skipf("%s is not %s (%v): tables differ", tool.path, tool.version, err)
			}
			n := 0
			for _, gc := range groupNamed(t, tool.group).cases {
				if checkLive(t, tool.path, groupNamed(t, tool.group), gc) {
					n++
				}
			}
			t.Logf("%d error messages identical to %s", n, tool.path)
		})
	}
}

// checkLive runs one case through tool if it fails at its first option, and
// compares the first stderr line and the exit status 1. It reports whether
// the case was run.
func checkLive(t *testing.T, tool string, g group, gc gcase) bool {
	if gc.posix {
		return false
	}
	args := append([]string{tool}, gc.args[1:]...)
	_, _, perr := New(args, g.shorts, g.longs).Next()
	var e *Error
	if !errors.As(perr, &e) {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, args[1:]...)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("%q: want exit status 1, got %v", args, err)
	}
	first, _, _ := strings.Cut(stderr.String(), "\n")
	if first != e.Msg {
		t.Errorf("%q:\n got  %q\n want %q (from %s)", args, e.Msg, first, tool)
	}
	return true
}

func groupNamed(t *testing.T, name string) group {
	for _, g := range groups {
		if g.name == name {
			return g
		}
	}
	t.Fatalf("no group %q", name)
	return group{}
}
