package capture

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestHostFSResolvesInCallersRoot: names resolve beneath the handed root as
// they would for a process whose root it is: absolute symlinks and ".."
// stay inside, relative names start at the handed working directory.
func TestHostFSResolvesInCallersRoot(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"sub", "data"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/data", filepath.Join(root, "sub", "abs")); err != nil {
		t.Fatal(err)
	}
	fd, err := unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	h := &hostFS{root: fd, cwd: "/sub"}
	defer unix.Close(fd)
	for name, want := range map[string]string{
		"/data/a":          "data/a",
		"rel":              "sub/rel",
		"abs/b":            "data/b",
		"../../../../c":    "c",
		"/sub/abs/../d":    "d",
		"/sub/abs/./e.cap": "data/e.cap",
	} {
		f, err := h.open(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		unix.Close(f)
		if _, err := os.Stat(filepath.Join(root, want)); err != nil {
			t.Errorf("%s did not create %s: %v", name, want, err)
		}
	}
	if _, err := h.open("", os.O_RDONLY, 0); err != unix.ENOENT {
		t.Errorf(`open(""): %v, want ENOENT`, err)
	}
	h.cwd = ""
	if _, err := h.open("x", os.O_RDONLY, 0); !errors.Is(err, errNoHostCwd) {
		t.Errorf("relative name without a cwd: %v", err)
	}
}

func TestFdAlias(t *testing.T) {
	for name, want := range map[string]string{"/dev/stdout": "1", "/dev/stdin": "0", "/dev/stderr": "2",
		"/dev/fd/7": "7", "/proc/self/fd/12": "12", "/dev/fd/x": "", "/dev/fd/": "", "/proc/self/fd/-1": "", "/tmp/a": ""} {
		if got, ok := fdAlias(name); got != want || ok != (want != "") {
			t.Errorf("fdAlias(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
