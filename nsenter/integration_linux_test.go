package nsenter

// Privileged end-to-end tests: they build gonsenter (or use $GONSENTER_BIN),
// start their own target processes with util-linux unshare and check what a
// user would notice: hostnames, namespace inodes, files in a private mount,
// shifted clocks, PIDs, exit codes, signals, descriptors.

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: run as root, e.g. sudo go test ./nsenter/")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("util-linux unshare not installed")
	}
}

// nsenterBin returns a path named "nsenter" to the gonsenter binary, so it
// speaks as nsenter.
func nsenterBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "gonsenter-test")
		if binErr != nil {
			return
		}
		bin := os.Getenv("GONSENTER_BIN")
		if bin == "" {
			bin = filepath.Join(binDir, "gonsenter")
			cmd := exec.Command("go", "build", "-o", bin, "../cmd/gonsenter")
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
			if out, err := cmd.CombinedOutput(); err != nil {
				binErr = errors.New("go build: " + err.Error() + "\n" + string(out))
				return
			}
		}
		binErr = os.Symlink(bin, filepath.Join(binDir, "nsenter"))
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "nsenter")
}

// startTarget runs `unshare <flags> --fork sh -c '<setup>; echo ready; exec
// sleep 300'` and returns the PID of the sleeping process once set up.
func startTarget(t *testing.T, flags []string, setup string, env []string) int {
	t.Helper()
	args := append(append([]string{}, flags...), "--fork", "sh", "-c", setup+"; echo ready; exec sleep 300")
	cmd := exec.Command("unshare", args...)
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		// Not our bug: this machine (e.g. a restricted container) cannot
		// create the namespaces the test needs.
		t.Skipf("unshare %q cannot set up a target here: %q", flags, stderr.String())
	}
	data, err := os.ReadFile("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/task/" + strconv.Itoa(cmd.Process.Pid) + "/children")
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid == 0 {
		t.Fatalf("no child of unshare: %v %q", err, data)
	}
	for i := 0; i < 500; i++ { // wait for the exec of sleep
		if comm, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm"); string(comm) == "sleep\n" {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Cleanup(func() {
		syscall.Kill(pid, syscall.SIGKILL)
		cmd.Process.Kill()
		cmd.Wait()
	})
	return pid
}

// result is what a caller of nsenter sees.
type result struct {
	stdout, stderr string
	code           int            // exit status, -1 if killed
	signal         syscall.Signal // the signal that killed it
	pid            int
}

func runNS(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(nsenterBin(t), args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
		}
	}()
	cmd.Wait()
	close(done)
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	r := result{stdout: stdout.String(), stderr: stderr.String(), code: ws.ExitStatus(), pid: cmd.Process.Pid}
	if ws.Signaled() {
		r.signal = ws.Signal()
	}
	return r
}

func nsLink(t *testing.T, pid int, ns string) string {
	t.Helper()
	l, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/ns/" + ns)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

const fullTarget = "hostname nstest; mount -t tmpfs tmpfs /mnt; echo inside > /mnt/marker; mkdir /mnt/sub; cd /mnt/sub"

// TestThreadPath: without a user or time namespace the program replaces
// gonsenter under the same PID, in the target's uts/net/ipc/mount.
func TestThreadPath(t *testing.T) {
	needRoot(t)
	p := startTarget(t, []string{"--uts", "--net", "--ipc", "--mount"}, fullTarget, nil)
	r := runNS(t, "-t", strconv.Itoa(p), "-u", "-n", "-i", "-m",
		"sh", "-c", "hostname; readlink /proc/self/ns/net; cat /mnt/marker; echo $$")
	want := "nstest\n" + nsLink(t, p, "net") + "\ninside\n" + strconv.Itoa(os.Getpid()) + "\n"
	want = strings.Replace(want, strconv.Itoa(os.Getpid()), strconv.Itoa(r.pid), 1)
	if r.stdout != want || r.code != 0 || r.stderr != "" {
		t.Errorf("got %q %q %d; want %q", r.stdout, r.stderr, r.code, want)
	}
	// -w without a directory: the target's cwd; -r: its root.
	if r := runNS(t, "-t", strconv.Itoa(p), "-m", "-w", "-r", "pwd"); r.stdout != "/mnt/sub\n" {
		t.Errorf("-m -w -r pwd = %q %q", r.stdout, r.stderr)
	}
	if r := runNS(t, "-t", strconv.Itoa(p), "-m", "-W/mnt/sub", "pwd"); r.stdout != "/mnt/sub\n" {
		t.Errorf("-W/mnt/sub pwd = %q %q", r.stdout, r.stderr)
	}
	// -W takes no separate word: the directory becomes the program (bug 11.4 kept).
	if r := runNS(t, "-t", strconv.Itoa(p), "-m", "-W", "/mnt/sub", "pwd"); r.code != 126 ||
		r.stderr != "nsenter: failed to execute /mnt/sub: Permission denied\n" {
		t.Errorf("-W /mnt/sub: %q %d", r.stderr, r.code)
	}
}

// TestUserMountTime: the raw fork child joins user, mount and time
// namespaces, which no Go thread can.
func TestUserMountTime(t *testing.T) {
	needRoot(t)
	p := startTarget(t, []string{"--user", "--map-root-user", "--mount", "--uts"}, fullTarget, nil)
	ps := strconv.Itoa(p)
	r := runNS(t, "-t", ps, "-U", "-m", "-u", "sh", "-c", "cat /mnt/marker; cat /proc/self/uid_map; hostname; id -u")
	if r.stdout != "inside\n         0          0          1\nnstest\n0\n" || r.code != 0 {
		t.Errorf("-U -m: %q %q %d", r.stdout, r.stderr, r.code)
	}
	if r := runNS(t, "-t", ps, "-a", "readlink", "/proc/self/ns/user"); r.stdout != nsLink(t, p, "user")+"\n" {
		t.Errorf("-a user ns: %q %q", r.stdout, r.stderr)
	}
	if r := runNS(t, "-t", ps, "-U", "-S", "1000", "-G", "1000", "id"); r.code != 1 ||
		r.stderr != "nsenter: setgid() failed: Invalid argument\n" {
		t.Errorf("unmapped gid: %q %d", r.stderr, r.code)
	}
	// Bug 11.2 fixed: --keep-caps works when user is the only namespace.
	if r := runNS(t, "-t", ps, "-U", "--keep-caps", "grep", "CapAmb", "/proc/self/status"); r.stdout == "CapAmb:\t0000000000000000\n" || r.code != 0 {
		t.Errorf("--keep-caps: %q %q", r.stdout, r.stderr)
	}
	if r := runNS(t, "-t", ps, "--user-parent", "true"); r.stderr != "nsenter: reassociate to namespace 'ns/user' failed: Invalid argument\n" {
		t.Errorf("--user-parent into our own user ns: %q", r.stderr)
	}
	if r := runNS(t, "-t", ps, "-U", "-m", "-W/mnt/sub", "pwd"); r.stdout != "/mnt/sub\n" {
		t.Errorf("-U -m -W: %q %q", r.stdout, r.stderr)
	}

	tt := startTarget(t, []string{"--time", "--boottime", "1000000", "--monotonic", "1000000"}, "true", nil)
	r = runNS(t, "-t", strconv.Itoa(tt), "-T", "cat", "/proc/uptime")
	host, _ := os.ReadFile("/proc/uptime")
	in, _ := strconv.ParseFloat(strings.Fields(r.stdout + " 0")[0], 64)
	out, _ := strconv.ParseFloat(strings.Fields(string(host))[0], 64)
	if d := in - out; d < 999000 || d > 1001000 {
		t.Errorf("-T uptime %q vs host %q: not shifted by 1000000 s (%q)", r.stdout, host, r.stderr)
	}
}

// TestExitAndSignals: exit codes and fatal signals reach the caller through
// every engine (thread exec, -p fork, raw child, raw child + pid fork).
func TestExitAndSignals(t *testing.T) {
	needRoot(t)
	p := strconv.Itoa(startTarget(t, []string{"--user", "--map-root-user", "--uts", "--pid", "--mount-proc"}, "true", nil))
	engines := [][]string{{"-t", p, "-u"}, {"-t", p, "-p"}, {"-t", p, "-U"}, {"-t", p, "-U", "-p"}}
	script := filepath.Join(t.TempDir(), "noshebang")
	if err := os.WriteFile(script, []byte("echo noshebang-ran \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range engines {
		for _, code := range []int{0, 1, 42, 255} {
			r := runNS(t, append(e, "sh", "-c", "exit "+strconv.Itoa(code))...)
			if r.code != code || r.signal != 0 {
				t.Errorf("%q exit %d: got %d (signal %v) %q", e, code, r.code, r.signal, r.stderr)
			}
		}
		for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL, syscall.SIGSEGV, syscall.SIGUSR1} {
			r := runNS(t, append(e, "sh", "-c", "kill -"+strconv.Itoa(int(sig))+" $$")...)
			if r.signal != sig {
				t.Errorf("%q kill -%d: got exit %d signal %v %q", e, sig, r.code, r.signal, r.stderr)
			}
		}
		r := runNS(t, append(e, "nosuchprog_xyz")...)
		if r.code != 127 || r.stderr != "nsenter: failed to execute nosuchprog_xyz: No such file or directory\n" {
			t.Errorf("%q nosuchprog: %d %q", e, r.code, r.stderr)
		}
		// execvp's ENOEXEC rule: a script without #! runs with /bin/sh.
		if r := runNS(t, append(e, script, "arg1")...); r.stdout != "noshebang-ran arg1\n" || r.code != 0 {
			t.Errorf("%q script without #!: %q %q %d", e, r.stdout, r.stderr, r.code)
		}
		if r := runNS(t, append(e, "/etc/passwd")...); r.code != 126 ||
			r.stderr != "nsenter: failed to execute /etc/passwd: Permission denied\n" {
			t.Errorf("%q /etc/passwd: %d %q", e, r.code, r.stderr)
		}
	}
	// The pid namespace: the program is born inside it unless -F.
	if r := runNS(t, "-t", p, "-p", "sh", "-c", "echo $$"); r.stdout == "" || len(r.stdout) > 4 {
		t.Errorf("-p: $$ = %q, want a small PID inside the namespace", r.stdout)
	}
	if r := runNS(t, "-t", p, "-p", "-F", "sh", "-c", "echo $$"); r.stdout != strconv.Itoa(r.pid)+"\n" {
		t.Errorf("-p -F: $$ = %q, want our PID %d", r.stdout, r.pid)
	}
}

// TestDescriptors: closed stdin still enters the namespaces (bug 11.1), and
// the program gets only the descriptors it was given.
func TestDescriptors(t *testing.T) {
	needRoot(t)
	p := strconv.Itoa(startTarget(t, []string{"--user", "--map-root-user", "--uts", "--net", "--pid"}, "hostname fdtest", nil))
	// Baseline: what ls sees without gonsenter in between (the test
	// binary may itself have inherited descriptors; ls has its own).
	base, err := exec.Command("ls", "/proc/self/fd").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range [][]string{{"-u", "-n"}, {"-U", "-u"}, {"-p", "-u"}, {"-U", "-p", "-u"}} {
		args := append([]string{"-t", p}, e...)
		cmd := exec.Command("sh", "-c", `exec "$0" "$@" <&-`, nsenterBin(t))
		cmd.Args = append(cmd.Args, append(args, "hostname")...)
		if out, err := cmd.CombinedOutput(); err != nil || string(out) != "fdtest\n" {
			t.Errorf("%q with stdin closed: %q %v", e, out, err)
		}
		r := runNS(t, append(args, "ls", "/proc/self/fd")...)
		if r.stdout != string(base) {
			t.Errorf("%q: program's descriptors %q, want %q (%q)", e, r.stdout, base, r.stderr)
		}
	}
}

// TestEnvAndShell: -e gives the target's environment in reverse order; no
// program means a login shell named "-" + basename.
func TestEnvAndShell(t *testing.T) {
	needRoot(t)
	pid := startTarget(t, []string{"--uts"}, "true", []string{"A=1", "BB=22", "C=3", "PATH=/usr/bin:/bin"})
	var environ []byte
	for i := 0; i < 500 && !strings.Contains(string(environ), "BB=22"); i++ {
		time.Sleep(10 * time.Millisecond) // exec sets comm before the new environ
		environ, _ = os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	}
	want, _ := envFromEnviron(environ)
	r := runNS(t, "-t", strconv.Itoa(pid), "-u", "-e", "/usr/bin/env")
	if r.stdout != strings.Join(want, "\n")+"\n" {
		t.Errorf("-e env = %q, want %q", r.stdout, want)
	}
	cmd := exec.Command(nsenterBin(t), "-t", strconv.Itoa(pid), "-u")
	cmd.Env = []string{"SHELL=/bin/sh", "PATH=/usr/bin:/bin"}
	cmd.Stdin = strings.NewReader("echo $0\n")
	if out, err := cmd.Output(); string(out) != "-sh\n" {
		t.Errorf("login shell argv[0] = %q (%v)", out, err)
	}
}

// TestLoginShellFromTarget: without a program and with SHELL unset, the
// shell is the passwd entry of the program's uid as the target sees it
// (util-linux 2.42 exec_shell), through every engine.
func TestLoginShellFromTarget(t *testing.T) {
	needRoot(t)
	if _, err := os.Stat("/bin/dash"); err != nil {
		t.Skip("needs /bin/dash")
	}
	pw := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(pw, []byte("root:x:0:0:root:/root:/bin/dash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(startTarget(t, []string{"--user", "--map-root-user", "--mount", "--pid", "--mount-proc"},
		"mount --bind "+pw+" /etc/passwd", nil))
	for _, e := range [][]string{{"-m"}, {"-U", "-m"}, {"-a"}, {"-U", "-m", "-p"}, {"-U", "-m", "-p", "-F"}} {
		cmd := exec.Command(nsenterBin(t), append([]string{"-t", p}, e...)...)
		cmd.Env = []string{"PATH=/usr/bin:/bin"}
		cmd.Stdin = strings.NewReader("echo $0\n")
		if out, err := cmd.CombinedOutput(); string(out) != "-dash\n" {
			t.Errorf("%q: login shell %q (%v), want -dash from the target's passwd", e, out, err)
		}
	}
}

// TestExecLookupMatchesUtilLinux runs the same PATH searches through
// gonsenter (thread path and raw child) and the installed util-linux
// nsenter, whose execvp is glibc's, and expects the same output and status.
func TestExecLookupMatchesUtilLinux(t *testing.T) {
	needRoot(t)
	if _, err := os.Stat("/usr/bin/nsenter"); err != nil {
		t.Skip("util-linux nsenter not installed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "scr"), []byte("echo hi from $0 $1\n"), 0o755)
	os.WriteFile(filepath.Join(dir, "noexec"), []byte("\x7fELF"), 0o644)
	p := strconv.Itoa(startTarget(t, []string{"--user", "--map-root-user", "--uts"}, "true", nil))
	cases := []struct{ path, prog string }{
		{dir, "scr"}, {"/etc/passwd:" + dir, "scr"}, {"", "scr"}, {":/nonexistent", "scr"},
		{dir + ":/bin", "noexec"}, {"/etc/passwd", "nosuch"}, {"/bin", "."}, {"/bin", ""},
		{"/bin", dir + "/scr"}, {"/bin", "/etc/passwd"}, {"/bin", strings.Repeat("a", 256)},
	}
	run := func(bin, engine string, path, prog string) (string, int) {
		cmd := exec.Command(bin, "-t", p, engine, prog, "x")
		cmd.Dir, cmd.Env = dir, []string{"PATH=" + path}
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}
	for _, engine := range []string{"-u", "-U"} {
		for _, c := range cases {
			got, gotCode := run(nsenterBin(t), engine, c.path, c.prog)
			want, wantCode := run("/usr/bin/nsenter", engine, c.path, c.prog)
			if got != want || gotCode != wantCode {
				t.Errorf("%s PATH=%q %.20q: gonsenter %q exit %d, util-linux %q exit %d",
					engine, c.path, c.prog, got, gotCode, want, wantCode)
			}
		}
	}
}
