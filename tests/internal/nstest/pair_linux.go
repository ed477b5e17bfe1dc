package nstest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// Pair is two network namespaces joined by a veth pair: vA 192.0.2.1/24
// in A, where a sleeping target process lives, and vB 192.0.2.2/24 in B.
// Capture tests run gonsenter -t PID on the target and make traffic from B.
type Pair struct {
	A, B string
	PID  int
}

var pairSeq struct {
	sync.Mutex
	n int
}

// NewPair builds the namespaces (named after prefix, the process and a
// counter), the veth pair and the target; all of it goes when t ends.
func NewPair(t testing.TB, prefix string) *Pair {
	t.Helper()
	RequireRoot(t)
	for _, tool := range []string{"ip", "busybox"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	pairSeq.Lock()
	pairSeq.n++
	id := fmt.Sprintf("%s%d-%d", prefix, os.Getpid(), pairSeq.n)
	pairSeq.Unlock()
	p := &Pair{A: id + "a", B: id + "b"}
	for _, ns := range []string{p.A, p.B} {
		Sh(t, "ip", "netns", "add", ns)
		t.Cleanup(func() { exec.Command("ip", "netns", "del", ns).Run() })
	}
	p.AddLink(t, "vA", "vB", "192.0.2")
	target := exec.Command("ip", "netns", "exec", p.A, "sleep", "600")
	if err := target.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { target.Process.Kill(); target.Wait() })
	p.PID = target.Process.Pid // ip netns exec execs sleep in place
	p.waitTarget(t)
	return p
}

// AddLink adds a veth pair, NET.1/24 on la in A and NET.2/24 on lb in B,
// and sets both ends and both loopbacks up.
func (p *Pair) AddLink(t testing.TB, la, lb, net string) {
	t.Helper()
	Sh(t, "ip", "link", "add", la, "netns", p.A, "type", "veth", "peer", "name", lb, "netns", p.B)
	Sh(t, "ip", "-n", p.A, "addr", "add", net+".1/24", "dev", la)
	Sh(t, "ip", "-n", p.B, "addr", "add", net+".2/24", "dev", lb)
	for _, c := range [][]string{{p.A, la}, {p.B, lb}, {p.A, "lo"}, {p.B, "lo"}} {
		Sh(t, "ip", "-n", c[0], "link", "set", c[1], "up")
	}
}

// waitTarget waits until `ip netns exec` has exec'd sleep in namespace A.
func (p *Pair) waitTarget(t testing.TB) {
	t.Helper()
	self, _ := os.Readlink("/proc/self/ns/net")
	for i := 0; i < 250; i++ {
		cur, err := os.Readlink(fmt.Sprintf("/proc/%d/ns/net", p.PID))
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", p.PID))
		if err == nil && cur != self && strings.TrimSpace(string(comm)) == "sleep" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("target %d never entered netns %s", p.PID, p.A)
}

// Sh runs a command and fails the test with its output if it fails.
func Sh(t testing.TB, args ...string) {
	t.Helper()
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%q: %v\n%s", args, err, out)
	}
}
