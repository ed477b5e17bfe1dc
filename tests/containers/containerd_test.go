package containers_test

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ctrd is a containerd of the test's own, with its own root and state
// directories (like k3s's /run/k3s/containerd), so nothing of the host's
// is touched; --runtime-root points gonsenter at its state directory.
type ctrd struct {
	state, sock string
	ids         []string
}

func startContainerd(t *testing.T) *ctrd {
	t.Helper()
	need(t, "containerd", "ctr", "containerd-shim-runc-v2", "runc", "busybox")
	root, err := os.MkdirTemp("", "gns-ctrd-root-")
	if err != nil {
		t.Fatal(err)
	}
	state, err := os.MkdirTemp("/run", "gns-ctrd-")
	if err != nil {
		t.Fatal(err)
	}
	c := &ctrd{state: state, sock: filepath.Join(state, "containerd.sock")}
	logf, _ := os.Create(filepath.Join(root, "log"))
	cmd := exec.Command("containerd", "--root", root, "--state", state, "--address", c.sock)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Skip("containerd:", err)
	}
	t.Cleanup(func() {
		for _, id := range c.ids {
			exec.Command("ctr", "-a", c.sock, "-n", "k8s.io", "task", "kill", "-s", "SIGKILL", id).Run()
		}
		for _, id := range c.ids {
			for i := 0; i < 50 && exec.Command("ctr", "-a", c.sock, "-n", "k8s.io", "task", "delete", id).Run() != nil; i++ {
				time.Sleep(20 * time.Millisecond)
			}
			exec.Command("ctr", "-a", c.sock, "-n", "k8s.io", "container", "delete", id).Run()
		}
		cmd.Process.Kill()
		cmd.Wait()
		os.RemoveAll(state)
		os.RemoveAll(root)
	})
	for i := 0; i < 250; i++ {
		if exec.Command("ctr", "-a", c.sock, "version").Run() == nil {
			return c
		}
		time.Sleep(20 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(root, "log"))
	t.Skipf("containerd did not start:\n%s", log)
	return nil
}

func randomID(t *testing.T) string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// run starts a task in namespace k8s.io, as the CRI plugin would: the
// annotations are the ones containerd's CRI plugin writes into config.json.
func (c *ctrd) run(t *testing.T, marker string, ann []string, extra ...string) (string, int) {
	t.Helper()
	id := randomID(t)
	args := []string{"-a", c.sock, "-n", "k8s.io", "run", "-d", "--rootfs"}
	for _, a := range ann {
		args = append(args, "--annotation", a)
	}
	args = append(args, extra...)
	args = append(args, rootfs(t, marker), id, "/bin/sleep", "600")
	c.ids = append(c.ids, id)
	if out, err := exec.Command("ctr", args...).CombinedOutput(); err != nil {
		t.Skipf("ctr run: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(c.state, "io.containerd.runtime.v2.task", "k8s.io", id, "init.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return id, pid
}

// TestContainerdKubernetesPod: a pod made of a sandbox and two containers
// that join its network namespace, on a real containerd, found through
// the task directories and the CRI annotations.
func TestContainerdKubernetesPod(t *testing.T) {
	c := startContainerd(t)
	pod := uniq("api")
	meta := []string{"io.kubernetes.cri.sandbox-namespace=prod", "io.kubernetes.cri.sandbox-name=" + pod, "io.kubernetes.cri.sandbox-uid=7d9f"}
	sb, sbPID := c.run(t, "sandbox", append(meta, "io.kubernetes.cri.container-type=sandbox"))
	withSB := []string{"io.kubernetes.cri.container-type=container", "io.kubernetes.cri.sandbox-id=" + sb}
	joinNet := "--with-ns=network:/proc/" + strconv.Itoa(sbPID) + "/ns/net"
	app, appPID := c.run(t, "app", append(append(meta, withSB...), "io.kubernetes.cri.container-name=app"), joinNet)
	time.Sleep(20 * time.Millisecond)
	side, _ := c.run(t, "sidecar", append(append(meta, withSB...), "io.kubernetes.cri.container-name=sidecar"), joinNet)
	base := []string{"--runtime", "containerd", "--runtime-root", c.state}
	ref := "prod/" + pod

	r := gonsenter(t, append(base, "--pod", ref, "-m", "cat", "/marker")...)
	if r.code != 0 || r.stdout != "app\n" || r.stderr != `Defaulted container "app" out of: app, sidecar`+"\n" {
		t.Errorf("--pod %s -m: %+v", ref, r)
	}
	if got := ok(t, append(base, "--pod", ref+"/sidecar", "-m", "cat", "/marker")...); got != "sidecar\n" {
		t.Errorf("--pod %s/sidecar: %q", ref, got)
	}
	if got := ok(t, append(base, "--pod", ref, "-n", "readlink", "/proc/self/ns/net")...); got != netns(t, sbPID)+"\n" {
		t.Errorf("pod network %q, want %s", got, netns(t, sbPID))
	}
	if got := ok(t, append(base, "-t", "containerd://"+side, "-m", "cat", "/marker")...); got != "sidecar\n" {
		t.Errorf("containerd://ID: %q", got)
	}
	pidns, _ := os.Readlink("/proc/" + strconv.Itoa(appPID) + "/ns/pid")
	if got := ok(t, append(base, "--container", app[:12], "-p", "-m", "readlink", "/proc/self/ns/pid")...); got != pidns+"\n" {
		t.Errorf("-p -m: %q, want the container's %s", got, pidns)
	}
	if got := ok(t, append(base, "-t", "containerd://"+sb, "-m", "cat", "/marker")...); got != "sandbox\n" {
		t.Errorf("sandbox by ID: %q", got)
	}
	table := ok(t, append(base, "--list-containers")...)
	for id, name := range map[string]string{app: "app", side: "sidecar"} {
		l := listLine(table, id)
		if l == nil || l[0] != "containerd" || l[2] != name || l[3] != ref || l[5] != netns(t, sbPID) {
			t.Errorf("list line of %s: %q\n%s", name, l, table)
		}
	}
	if l := listLine(table, app); l != nil && l[4] != strconv.Itoa(appPID) {
		t.Errorf("app PID %s, want %d", l[4], appPID)
	}
	// The default locations do not include this containerd's state.
	fails(t, []string{"--pod", ref, "-n", "true"}, "pod "+ref+" not found")
}
