package nsenter

import (
	"bytes"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestNetnsRunner: with per-thread namespaces only, the capture hook gets a
// runner whose function runs on a thread inside the target's network and
// UTS namespaces, while the caller's thread stays where it was, and the
// target's root directory for the files that describe it (resolv.conf).
func TestNetnsRunner(t *testing.T) {
	needRoot(t)
	p := startTarget(t, []string{"--uts", "--net"}, "hostname runnertest", nil)
	var inside, before, after, root string
	hook := func(_ string, _ []string, _ io.Reader, _, _ io.Writer, target CaptureTarget) int {
		run := target.Run
		root = target.Root
		if run == nil {
			return 10
		}
		// Main locked this goroutine to its thread: it must not move.
		before, _ = os.Readlink("/proc/thread-self/ns/net")
		err := run(func() error {
			l, err := os.Readlink("/proc/thread-self/ns/net")
			h, _ := os.Hostname()
			inside = l + " " + h
			return err
		})
		after, _ = os.Readlink("/proc/thread-self/ns/net")
		if err != nil {
			return 11
		}
		return 0
	}
	var stderr bytes.Buffer
	code := Main([]string{"gonsenter", "-t", strconv.Itoa(p), "-n", "-u", "--capture", "-i", "lo"},
		nil, &bytes.Buffer{}, &stderr, Hooks{Capture: hook})
	if code != 0 || inside != nsLink(t, p, "net")+" runnertest" {
		t.Errorf("runner: code %d, inside %q, want %q (%q)", code, inside, nsLink(t, p, "net")+" runnertest", stderr.String())
	}
	if want := "/proc/" + strconv.Itoa(p) + "/root"; root != want {
		t.Errorf("target root %q, want %q", root, want)
	}
	if before != after || before == nsLink(t, p, "net") {
		t.Errorf("caller's thread moved from %q to %q", before, after)
	}
}

// TestCaptureReexec: with a user and mount namespace the capture runs in a
// re-executed gonsenter whose threads are all inside; `--capture -D` then
// lists the target's interfaces (only lo), not the host's.
func TestCaptureReexec(t *testing.T) {
	needRoot(t)
	p := strconv.Itoa(startTarget(t, []string{"--user", "--map-root-user", "--mount", "--net", "--pid", "--mount-proc"}, "true", nil))
	hostIfs, _ := net.Interfaces()
	for _, args := range [][]string{{"-t", p, "-U", "-m", "-n"}, {"-t", p, "-a"}} {
		cmd := append(append([]string{}, args...), "--capture", "-D")
		r := runNS(t, cmd...)
		if r.code != 0 || !strings.Contains(r.stdout, ".lo [") {
			t.Errorf("%q: %d %q %q", cmd, r.code, r.stdout, r.stderr)
			continue
		}
		for _, ifc := range hostIfs {
			if ifc.Name != "lo" && strings.Contains(r.stdout, "."+ifc.Name+" ") {
				t.Errorf("%q lists the host's %s:\n%s", cmd, ifc.Name, r.stdout)
			}
		}
	}
}
