package nstest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// DockerReady skips t unless docker is installed and a daemon answers
// (.ci/run starts one); the skip message is docker info's reason.
func DockerReady(t testing.TB) {
	t.Helper()
	RequireRoot(t)
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("docker not installed")
	}
	if out, err := exec.Command("docker", "info", "--format", "{{.ServerVersion}}").CombinedOutput(); err != nil {
		t.Skipf("no Docker daemon: docker info: %v: %s", err, strings.TrimSpace(string(out)))
	}
}

// BusyboxApplets are the commands a BusyboxRootfs provides.
var BusyboxApplets = []string{"sh", "sleep", "ping", "nc", "hostname", "cat", "ip", "readlink", "echo", "true"}

// BusyboxRootfs makes a container root file system from Debian's static
// busybox (/bin/busybox, package busybox-static): /bin with the applets,
// empty /proc, /dev, /sys and /etc, and a /marker file holding marker. It
// is world-readable, so a runtime can use it as it is.
func BusyboxRootfs(t testing.TB, marker string) string {
	t.Helper()
	root := t.TempDir()
	os.Chmod(root, 0o755)
	b, err := os.ReadFile("/bin/busybox")
	if err != nil {
		t.Skipf("busybox-static: %v", err)
	}
	bin := filepath.Join(root, "bin")
	for _, d := range []string{"bin", "proc", "dev", "sys", "etc"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(bin, "busybox"), b, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, a := range BusyboxApplets {
		if err := os.Symlink("busybox", filepath.Join(bin, a)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "marker"), []byte(marker+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

var images sync.Map // "engine name" -> skip reason ("" when imported)

// ImportImage imports a BusyboxRootfs as image name into engine ("docker"
// or "podman") once per test binary: no registry is reachable from CI.
// It skips t when the engine cannot import images here.
func ImportImage(t testing.TB, engine, name string) {
	t.Helper()
	key := engine + " " + name
	if reason, ok := images.Load(key); ok {
		if reason != "" {
			t.Skip(reason)
		}
		return
	}
	root := BusyboxRootfs(t, "image")
	cmd := exec.Command("sh", "-c", `tar -C "$1" -c . | "$2" import - "$3"`, "sh", root, engine, name)
	reason := ""
	if out, err := cmd.CombinedOutput(); err != nil {
		reason = engine + " cannot import images here: " + err.Error() + ": " + string(out)
	}
	images.Store(key, reason)
	if reason != "" {
		t.Skip(reason)
	}
}
