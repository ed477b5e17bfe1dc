// Package nstest holds the helpers shared by the black-box suites under
// tests/: locating (or building) the gonsenter binary, the root check, and
// long-running target processes that live in namespaces of their own.
//
// The suites drive gonsenter only through its command line, exactly as a user
// would, so every helper here starts real processes and inspects /proc.
package nstest

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gonsenter/gonsenter/internal/repo"
)

// RequireRoot skips t unless the test runs as root: entering namespaces of
// other processes needs CAP_SYS_ADMIN and CAP_SYS_PTRACE.
func RequireRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: run as root, e.g. sudo go test ./tests/...")
	}
}

// RepoRoot walks up from the working directory to the directory holding go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	buildOnce sync.Once
	buildDir  string
	buildBin  string
	buildErr  error
	buildSkip string
)

// Gonsenter returns the path of the gonsenter binary under test: $GONSENTER_BIN
// when set (make test sets it to bin/gonsenter), else ./cmd/gonsenter built once
// per test binary with CGO_ENABLED=0 into a world-readable temporary directory
// (world-readable so that tests can run it as an unprivileged uid).
func Gonsenter(t testing.TB) string {
	t.Helper()
	p, skip, err := lookup(t)
	if skip != "" {
		t.Skip(skip)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Missing says why gonsenter cannot be run at all ("" if it can), for suites
// that still have reference checks to do without it. Build errors are not
// "missing": Gonsenter reports them as failures.
func Missing(t testing.TB) string {
	t.Helper()
	_, skip, _ := lookup(t)
	return skip
}

func lookup(t testing.TB) (path, skip string, err error) {
	if p := os.Getenv("GONSENTER_BIN"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", "", fmt.Errorf("GONSENTER_BIN: %w", err)
		}
		return p, "", nil
	}
	root := RepoRoot(t)
	buildOnce.Do(func() { build(root) })
	return buildBin, buildSkip, buildErr
}

func build(root string) {
	src := filepath.Join(root, "cmd", "gonsenter")
	if m, _ := filepath.Glob(filepath.Join(src, "*.go")); len(m) == 0 {
		buildSkip = "gonsenter is not implemented yet: no Go files in cmd/gonsenter"
		return
	}
	buildDir, buildErr = sharedTempDir()
	if buildErr != nil {
		return
	}
	buildBin = filepath.Join(buildDir, "gonsenter")
	cmd := exec.Command("go", "build", "-trimpath", "-o", buildBin, "./cmd/gonsenter")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("go build ./cmd/gonsenter: %v\n%s", err, out)
	}
}

var (
	linkOnce sync.Once
	linkPath string
	linkErr  error
)

// NsenterLink returns the path of a copy of the gonsenter binary named
// "nsenter" in a world-readable directory. Invoked under that name gonsenter
// behaves as util-linux nsenter (messages start with "nsenter:"). A copy rather
// than a symlink keeps argv[0] and /proc/self/exe simple and lets an
// unprivileged uid run it whatever the permissions of the checkout are.
func NsenterLink(t testing.TB) string {
	t.Helper()
	bin := Gonsenter(t)
	linkOnce.Do(func() {
		var dir string
		if dir, linkErr = sharedTempDir(); linkErr != nil {
			return
		}
		linkPath = filepath.Join(dir, "nsenter")
		linkErr = copyFile(bin, linkPath)
	})
	if linkErr != nil {
		t.Fatal(linkErr)
	}
	return linkPath
}

var tempDirs []string

// sharedTempDir makes a 0755 directory that lives until Cleanup.
func sharedTempDir() (string, error) {
	dir, err := os.MkdirTemp("", "nstest-")
	if err != nil {
		return "", err
	}
	tempDirs = append(tempDirs, dir)
	return dir, os.Chmod(dir, 0o755)
}

// Main runs the tests and removes the binaries built for them. Use it from
// TestMain: os.Exit(nstest.Main(m)). It first marks every inherited file
// descriptor above 2 close-on-exec, so that fd-leak checks see only what the
// program under test itself leaves open, whatever the test runner inherited.
func Main(m *testing.M) int {
	closeInheritedOnExec()
	code := m.Run()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	return code
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s to %s: %w", src, dst, err)
	}
	return out.Close()
}

// TempDir returns a t.TempDir that other uids may traverse and read (t.TempDir
// creates 0700 directories).
func TempDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
