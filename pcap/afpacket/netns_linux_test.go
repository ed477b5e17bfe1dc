package afpacket

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// testNet is a pair of network namespaces joined by a veth pair:
// nsA/vethA has 192.0.2.1/24, nsB/vethB has 192.0.2.2/24.
type testNet struct {
	nsA, nsB     string
	vethA, vethB string
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: run as root, e.g. sudo go test ...")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("iproute2 (ip) not installed")
	}
}

func run(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// newTestNet creates the namespaces and removes them when the test ends.
func newTestNet(t *testing.T) *testNet {
	needRoot(t)
	id := fmt.Sprintf("%d-%d", os.Getpid(), nextID())
	n := &testNet{nsA: "gns-afp-a-" + id, nsB: "gns-afp-b-" + id, vethA: "gnsa", vethB: "gnsb"}
	if out, err := exec.Command("ip", "netns", "add", n.nsA).CombinedOutput(); err != nil {
		t.Skipf("cannot create a network namespace here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "del", n.nsA).Run() })
	run(t, "ip", "netns", "add", n.nsB)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", n.nsB).Run() })
	run(t, "ip", "link", "add", n.vethA, "netns", n.nsA, "type", "veth", "peer", "name", n.vethB, "netns", n.nsB)
	for _, c := range [][]string{
		{n.nsA, "addr", "add", "192.0.2.1/24", "dev", n.vethA},
		{n.nsB, "addr", "add", "192.0.2.2/24", "dev", n.vethB},
		{n.nsA, "link", "set", "lo", "up"},
		{n.nsB, "link", "set", "lo", "up"},
		{n.nsA, "link", "set", n.vethA, "up"},
		{n.nsB, "link", "set", n.vethB, "up"},
	} {
		run(t, append([]string{"ip", "-n"}, c...)...)
	}
	return n
}

var idCounter = make(chan int, 1)

func init() { idCounter <- 0 }

func nextID() int {
	n := <-idCounter
	idCounter <- n + 1
	return n
}

// inNetns runs fn on a locked OS thread that has joined the named network
// namespace. The thread is never unlocked, so it dies with the goroutine
// instead of returning to the scheduler in the wrong namespace.
func inNetns(t *testing.T, ns string, fn func()) {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		f, err := os.Open("/var/run/netns/" + ns)
		if err != nil {
			errc <- err
			return
		}
		defer f.Close()
		if err := unix.Setns(int(f.Fd()), unix.CLONE_NEWNET); err != nil {
			errc <- os.NewSyscallError("setns", err)
			return
		}
		fn()
		errc <- nil
	}()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}

// openIn opens a capture inside namespace ns.
func openIn(t *testing.T, ns string, cfg Config) *Handle {
	t.Helper()
	var h *Handle
	var err error
	inNetns(t, ns, func() { h, err = Open(cfg) })
	if err != nil {
		t.Fatalf("Open(%+v) in %s: %v", cfg, ns, err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// ifindexIn returns the ifindex of dev inside ns.
func ifindexIn(t *testing.T, ns, dev string) int {
	var idx int
	var err error
	inNetns(t, ns, func() {
		fd, e := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
		if e != nil {
			err = e
			return
		}
		defer unix.Close(fd)
		idx, err = ifIndex(fd, dev)
	})
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// ping starts sending count echo requests from ns to addr (0.2 s apart)
// and reaps the command when the test ends.
func ping(t *testing.T, ns, addr string, count int) {
	t.Helper()
	args := []string{"ip", "netns", "exec", ns}
	if bb, err := exec.LookPath("busybox"); err == nil {
		args = append(args, bb, "ping")
	} else if p, err := exec.LookPath("ping"); err == nil {
		args = append(args, p, "-n")
	} else {
		t.Skip("neither busybox nor ping installed")
	}
	start(t, append(args, "-q", "-c", fmt.Sprint(count), "-i", "0.2", "-W", "2", addr)...)
}

// start runs a command in the background, reaped at cleanup.
func start(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
}
