package capture

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// TestResolveInRootLikeOpenat2: on kernels without openat2 (before 5.6)
// names are resolved in user space. For every name below, on the same
// tree of directories, files and links (relative, absolute, dangling,
// looping, through ".."), the fallback must create or open the same file,
// or fail with the same errno, as openat2(RESOLVE_IN_ROOT) does here.
func TestResolveInRootLikeOpenat2(t *testing.T) {
	if _, err := unix.Openat2(unix.AT_FDCWD, ".", &unix.OpenHow{Flags: unix.O_PATH}); err == unix.ENOSYS {
		t.Skip("no openat2 on this kernel to compare with")
	}
	names := []string{
		"/data/a", "rel", "abs/b", "../../../../c", "/sub/abs/../d", "/sub/abs/./e.cap",
		"/sub/up/x", "/sub/up/../y", "/sub/chain/z", "/sub/dangling", "/sub/danglingabs",
		"/sub/loop", "/sub/loop/x", "/sub/file/x", "/sub/file", "/sub/tofile", "/sub/", "/sub/.",
		"/", "/..", "sub/../../..", "/data/../data/./f", "/sub/abs/", "/sub/abs", "/sub/escape/g",
		"nosuchdir/h", "/sub/deep/../../i", "/sub//abs//j", "nosuch/", "/sub/file/", "/sub/up",
		"/sub/dangling/", "/sub/tofile/", "/sub/up/", "/sub/loop/",
	}
	flagSets := []int{os.O_WRONLY | os.O_CREATE | os.O_TRUNC, os.O_RDONLY, os.O_WRONLY | os.O_CREATE | os.O_EXCL}
	type outcome struct {
		err  error
		made []string
	}
	run := func(fallback bool, name string, flag int) outcome {
		root := resolveTree(t)
		fd, err := unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer unix.Close(fd)
		noOpenat2.Store(fallback)
		defer noOpenat2.Store(false)
		h := &hostFS{root: fd, cwd: "/sub"}
		f, err := h.open(name, flag, 0o600)
		if err == nil {
			unix.Close(f)
		}
		return outcome{err, treeFiles(t, root)}
	}
	for _, flag := range flagSets {
		for _, name := range names {
			want, got := run(false, name, flag), run(true, name, flag)
			if got.err != want.err || strings.Join(got.made, ",") != strings.Join(want.made, ",") {
				t.Errorf("%q flags %#x: fallback %v %v, openat2 %v %v", name, flag, got.err, got.made, want.err, want.made)
			}
		}
	}
}

// resolveTree makes a fresh tree for TestResolveInRootLikeOpenat2.
func resolveTree(t *testing.T) string {
	root := t.TempDir()
	for _, d := range []string{"sub", "data", "sub/deep"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "sub", "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"sub/abs": "/data", "sub/up": "..", "sub/chain": "abs", "sub/dangling": "nowhere",
		"sub/danglingabs": "/data/made", "sub/loop": "loop", "sub/tofile": "file",
		"sub/escape": "../../../../../data",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// treeFiles lists the regular files under root.
func treeFiles(t *testing.T, root string) []string {
	var out []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}
