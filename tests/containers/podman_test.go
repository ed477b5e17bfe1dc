package containers_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// podmanRun starts a rootful Podman container, skipping where Podman
// cannot run one. The rlimits are explicit because Podman's defaults
// (nofile 1048576, the host's nproc) exceed what some sandboxes allow.
func podmanRun(t *testing.T, name string) dctr {
	t.Helper()
	need(t, "podman", "busybox")
	img := image(t, "podman")
	out, err := exec.Command("podman", "run", "-d", "--name", name, "--hostname", name, "--network", "none",
		"--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", img,
		"/bin/sh", "-c", "echo "+name+" > /marker; exec sleep 600").CombinedOutput()
	t.Cleanup(func() { exec.Command("podman", "rm", "-f", "-t", "0", name).Run() })
	if err != nil {
		t.Skipf("this Podman cannot run containers: %v\n%s", err, out)
	}
	c := dctr{name: name, id: sh(t, "podman", "inspect", "-f", "{{.Id}}", name)}
	c.pid, _ = strconv.Atoi(sh(t, "podman", "inspect", "-f", "{{.State.Pid}}", name))
	for i := 0; i < 100 && !strings.HasPrefix(string(mustRead(c.pid, "comm")), "sleep"); i++ {
		time.Sleep(20 * time.Millisecond)
	}
	return c
}

// TestPodman: a rootful Podman container by name, podman://ID and prefix,
// found in containers/storage (no Podman service needed), then through
// the Podman API socket.
func TestPodman(t *testing.T) {
	c := podmanRun(t, uniq("gns-pod"))
	want := netns(t, c.pid)
	for _, args := range [][]string{
		{"--container", c.name},
		{"-t", "podman://" + c.id},
		{"--runtime", "podman", "--container", c.id[:12]},
	} {
		if got := ok(t, append(args, "-u", "hostname")...); got != c.name+"\n" {
			t.Errorf("%q -u hostname = %q", args, got)
		}
		if got := ok(t, append(args, "-n", "readlink", "/proc/self/ns/net")...); got != want+"\n" {
			t.Errorf("%q -n = %q, want %s", args, got, want)
		}
	}
	if got := ok(t, "--container", c.name, "-m", "cat", "/marker"); got != c.name+"\n" {
		t.Errorf("-m cat /marker = %q", got)
	}
	line := listLine(ok(t, "--list-containers"), c.id)
	if strings.Join(line, " ") != strings.Join([]string{"podman", c.id[:12], c.name, "-", strconv.Itoa(c.pid), want}, " ") {
		t.Errorf("list line %q", line)
	}
	fails(t, []string{"-t", "docker://" + c.id, "-n", "true"}, "not found") // the scheme names the runtime

	sock := podmanService(t)
	got := ok(t, "--runtime-root", sock, "--container", c.name, "-u", "hostname")
	if got != c.name+"\n" {
		t.Errorf("through the API: %q", got)
	}
	if l := listLine(ok(t, "--list-containers", "--runtime-root", sock), c.id); l == nil || l[0] != "podman" {
		t.Errorf("API listing: %q", l)
	}
	sh(t, "podman", "stop", "-t", "0", c.name)
	fails(t, []string{"--runtime-root", sock, "--container", c.name, "-n", "true"}, "is not running")
	fails(t, []string{"--container", c.name, "-n", "true"}, "is not running")
}

// podmanService starts `podman system service` on a socket of the test's.
func podmanService(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "gns-podman-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "podman.sock")
	cmd := exec.Command("podman", "system", "service", "--time=0", "unix://"+sock)
	if err := cmd.Start(); err != nil {
		t.Skip("podman system service:", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; i < 300; i++ {
		if _, err := os.Stat(sock); err == nil {
			return sock
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Skip("podman system service did not create its socket")
	return ""
}
