package capture_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNamesResolveThroughTheTargetsResolver: without -n, a capture in a
// container's network namespace resolves addresses the way the container
// would: /etc/hosts and the nameserver of the target's own resolv.conf
// (here a responder inside the namespace, unreachable from the host), not
// the host's. 192.0.2.1 comes from the target's hosts file, 192.0.2.2 from a
// PTR answer of its nameserver.
func TestNamesResolveThroughTheTargetsResolver(t *testing.T) {
	p := newPair(t)
	stopDNS := serveDNS(t, p.PID)
	defer stopDNS()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "resolv.conf"), []byte("nameserver 192.0.2.1\noptions timeout:1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "hosts"), []byte("127.0.0.1 localhost\n192.0.2.1 node-a.example.test node-a\n"), 0o644)
	// The target: namespace a, with its own mount namespace in which the
	// two files above are its /etc/resolv.conf and /etc/hosts.
	script := "mount --bind " + dir + "/resolv.conf /etc/resolv.conf && mount --bind " + dir + "/hosts /etc/hosts && exec sleep 600"
	target := exec.Command("ip", "netns", "exec", p.A, "unshare", "--mount", "--propagation", "private", "sh", "-c", script)
	if err := target.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { target.Process.Kill(); target.Wait() }()
	pid := target.Process.Pid
	for i := 0; i < 250; i++ {
		if comm, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm"); string(comm) == "sleep\n" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	r := startRun(t, nil, "-t", strconv.Itoa(pid), "-n", "--capture", "-i", "vA", "-c", "2", "icmp")
	p.ping(t, 1, "0.2", 0)
	if code := r.wait(t); code != 0 {
		t.Fatalf("capture: exit %d\n%s", code, r.stderr.String())
	}
	out := r.stdout.String()
	for _, want := range []string{"IP peer-b.example.test > node-a.example.test: ICMP echo request", "IP node-a.example.test > peer-b.example.test: ICMP echo reply"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
