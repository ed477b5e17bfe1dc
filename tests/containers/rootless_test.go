package containers_test

import (
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// rootlessUser is a throwaway login with subordinate IDs, its runtime
// directory and its own rootless Podman storage; all of it goes when the
// test ends.
type rootlessUser struct {
	name, uid, runDir string
}

func newRootlessUser(t *testing.T) rootlessUser {
	t.Helper()
	need(t, "podman", "newuidmap", "newgidmap", "useradd", "userdel", "su", "busybox")
	name := "gnsrl" + strconv.Itoa(os.Getpid()%100000)
	if out, err := exec.Command("useradd", "-m", "-s", "/bin/sh", name).CombinedOutput(); err != nil {
		t.Skipf("useradd: %v\n%s", err, out)
	}
	u, err := user.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	ru := rootlessUser{name: name, uid: u.Uid, runDir: "/run/user/" + u.Uid}
	t.Cleanup(func() {
		ru.run("podman rm -a -f -t 0; podman system migrate")
		exec.Command("pkill", "-KILL", "-u", name).Run()
		exec.Command("userdel", "-r", "-f", name).Run()
		os.RemoveAll(ru.runDir)
	})
	for _, f := range []string{"/etc/subuid", "/etc/subgid"} {
		if b, _ := os.ReadFile(f); !strings.Contains(string(b), name+":") {
			t.Skipf("useradd gave %s no subordinate IDs in %s (rootless Podman needs them)", name, f)
		}
	}
	if err := os.MkdirAll(ru.runDir, 0o700); err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(ru.runDir, uid, gid); err != nil {
		t.Fatal(err)
	}
	return ru
}

// run runs a shell command as the user, in a login environment with its
// runtime directory.
func (u rootlessUser) run(script string) ([]byte, error) {
	return exec.Command("su", "-", u.name, "-c", "export XDG_RUNTIME_DIR="+u.runDir+"; "+script).CombinedOutput()
}

// TestRootlessPodman: a rootless Podman container is found by name by its
// owner (in $XDG_RUNTIME_DIR and ~/.local/share/containers) and by root (in
// every /run/user/UID and the owner's home), listed with its PID, and
// entered with -U.
func TestRootlessPodman(t *testing.T) {
	u := newRootlessUser(t)
	const img = "localhost/gonsenter-rootless:busybox"
	root := nstest.BusyboxRootfs(t, "image")
	imp := exec.Command("sh", "-c", `tar -C "$1" -c . | su - "$2" -c "XDG_RUNTIME_DIR=$3 podman import - $4"`,
		"sh", root, u.name, u.runDir, img)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Skipf("rootless podman import: %v\n%s", err, out)
	}
	name := uniq("gns-rl")
	if out, err := u.run("podman run -d --name " + name + " --hostname " + name + " --network none " + img +
		" /bin/sh -c 'echo " + name + " > /marker; exec sleep 600'"); err != nil {
		t.Skipf("this machine cannot run rootless Podman containers: %v\n%s", err, out)
	}
	out, err := u.run("podman inspect -f '{{.Id}} {{.State.Pid}}' " + name)
	f := strings.Fields(string(out))
	if err != nil || len(f) != 2 {
		t.Fatalf("podman inspect: %v\n%s", err, out)
	}
	id, pid := f[0], f[1]

	bin := world(t)
	for _, as := range []string{"owner", "root"} {
		gons := func(args ...string) (string, error) {
			if as == "root" {
				out, err := exec.Command(bin, args...).Output()
				return string(out), err
			}
			out, err := u.run(bin + " " + strings.Join(args, " ") + " 2>/dev/null")
			return string(out), err
		}
		list, err := gons("--list-containers")
		line := listLine(list, id)
		if err != nil || line == nil || line[0] != "podman" || line[2] != name || line[4] != pid {
			t.Errorf("%s: --list-containers (%v) has no line podman %s %s - %s:\n%s", as, err, id[:12], name, pid, list)
		}
		if got, err := gons("--container", name, "-U", "-u", "hostname"); err != nil || got != name+"\n" {
			t.Errorf("%s: --container %s -U -u hostname = %q, %v", as, name, got, err)
		}
		if got, err := gons("--container", id[:12], "-U", "-m", "cat", "/marker"); err != nil || got != name+"\n" {
			t.Errorf("%s: --container %s -U -m cat /marker = %q, %v", as, id[:12], got, err)
		}
	}
}
