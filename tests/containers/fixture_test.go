// Package containers_test drives `gonsenter --container`, `--pod`,
// `-t RUNTIME://ID` and `--list-containers` against real container runtimes
// the tests start themselves: Docker (dockerd started by .ci/run), Podman,
// and a containerd of the test's own holding Kubernetes-style pods made
// with ctr and CRI annotations. CRI-O, which Debian does not package, and
// k3s's layout are checked on state trees the tests write, whose "containers"
// are real processes in namespaces of their own. Every assertion compares
// with what the kernel says about the container's process (namespace inodes
// under /proc), what the runtime's CLI reports, or a marker only that
// container has.
package containers_test

import (
	"bytes"
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

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

// result is one gonsenter run.
type result struct {
	stdout, stderr string
	code           int
}

// gonsenter runs the binary under test as root with args.
func gonsenter(t *testing.T, args ...string) result {
	t.Helper()
	return runCmd(t, exec.Command(nstest.Gonsenter(t), args...))
}

func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%q: %v", cmd.Args, err)
	}
	return r
}

// ok runs gonsenter and fails unless it exits 0; it returns stdout.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := gonsenter(t, args...)
	if r.code != 0 {
		t.Fatalf("gonsenter %q: exit %d\n%s", args, r.code, r.stderr)
	}
	return r.stdout
}

// fails runs gonsenter, wants exit 1 and exactly one stderr line
// containing every piece of want.
func fails(t *testing.T, args []string, want ...string) string {
	t.Helper()
	r := gonsenter(t, args...)
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "gonsenter: ") {
		t.Fatalf("gonsenter %q: exit %d, stderr %q; want exit 1 and one line", args, r.code, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("gonsenter %q: stderr %q lacks %q", args, r.stderr, w)
		}
	}
	return r.stderr
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	nstest.RequireRoot(t)
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// sh runs a command and returns its trimmed stdout, failing the test on error.
func sh(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(args[0], args[1:]...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%q: %v\n%s", args, err, stderr)
	}
	return strings.TrimSpace(string(out))
}

// netns is what `readlink /proc/PID/ns/net` prints for pid.
func netns(t *testing.T, pid int) string {
	t.Helper()
	l, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/ns/net")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// rootfs is a busybox root file system with /marker holding marker.
func rootfs(t *testing.T, marker string) string { return nstest.BusyboxRootfs(t, marker) }

// image imports the busybox root file system into docker or podman once
// per test binary (no registry is reachable from CI).
func image(t *testing.T, engine string) string {
	t.Helper()
	name := "localhost/gonsenter-containers:busybox"
	nstest.ImportImage(t, engine, name)
	return name
}

// world makes a copy of the binary that uid 65534 can run.
func world(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "gns-world-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	b, err := os.ReadFile(nstest.Gonsenter(t))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "gonsenter")
	if err := os.WriteFile(p, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// asNobody runs argv as uid/gid 65534 without groups.
func asNobody(argv ...string) *exec.Cmd {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534, Groups: []uint32{}}}
	return cmd
}

// listLine returns the --list-containers line for a container ID, split
// into its columns, or nil.
func listLine(table, id string) []string {
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) == 6 && f[1] == id[:12] {
			return f
		}
	}
	return nil
}

func syscallKill(pid int) {
	syscall.Kill(pid, syscall.SIGKILL)
	for i := 0; i < 200; i++ {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err != nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func mustStatTime(t *testing.T, path string) time.Time {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.ModTime()
}
