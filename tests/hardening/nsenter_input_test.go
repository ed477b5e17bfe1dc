package hardening

import (
	"bytes"
	"context"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// nsRun is one finished invocation: exit status (or fatal signal) and output.
type nsRun struct {
	status string
	stdout string
	stderr string
}

// nsInvoke runs argv with a fixed environment, stdin from /dev/null, and a
// timeout that turns a hang (a FIFO opened for reading, a lost child) into a
// failure the user would notice: a prompt that never comes back.
func nsInvoke(t *testing.T, argv ...string) nsRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%q hung (killed after 20 s); stderr so far: %q", argv, stderr.String())
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("%q: %v", argv, err)
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	st := "exit " + strconv.Itoa(ws.ExitStatus())
	if ws.Signaled() {
		st = "killed by " + ws.Signal().String()
	}
	return nsRun{status: st, stdout: stdout.String(), stderr: stderr.String()}
}

// nsNoCrash fails on anything that looks like a Go runtime failure.
func nsNoCrash(t *testing.T, what string, r nsRun) {
	t.Helper()
	for _, s := range []string{"panic:", "goroutine ", "runtime error", "SIGSEGV", "fatal error:"} {
		if strings.Contains(r.stderr, s) {
			t.Fatalf("%s: Go crash on stderr:\n%s", what, r.stderr)
		}
	}
	if strings.HasPrefix(r.status, "killed") {
		t.Fatalf("%s: %s, stderr %q", what, r.status, r.stderr)
	}
}

// nsFreePID returns a PID that no process has (a reaped child's).
func nsFreePID(t *testing.T) int {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// nsZombie starts a parent that never reaps its exited child and returns the
// zombie's PID.
func nsZombie(t *testing.T) int {
	parent := exec.Command("sh", "-c", "sleep 0.01 & exec sleep 600")
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { parent.Process.Kill(); parent.Wait() })
	for i := 0; i < 500; i++ {
		out, _ := os.ReadFile("/proc/" + strconv.Itoa(parent.Process.Pid) + "/task/" + strconv.Itoa(parent.Process.Pid) + "/children")
		if f := strings.Fields(string(out)); len(f) == 1 {
			pid, _ := strconv.Atoi(f[0])
			st, _ := os.ReadFile("/proc/" + f[0] + "/stat")
			if strings.Contains(string(st), ") Z ") {
				return pid
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no zombie appeared")
	return 0
}

// nsSleeper is a plain process in the caller's namespaces.
func nsSleeper(t *testing.T) int {
	cmd := exec.Command("sleep", "600")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd.Process.Pid
}

// TestHostileNsenterInput is the nsenter half of the hostile-input matrix:
// every bad PID or namespace file gives exactly one line on stderr and
// util-linux's exit status, in bounded time. "same" rows are compared live
// with util-linux 2.38.1 when it is installed; the others are intended
// differences (docs/differences.md) or cases 2.38.1 cannot survive.
func TestHostileNsenterInput(t *testing.T) {
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	dir := nstest.TempDir(t)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	regular := filepath.Join(dir, "regular")
	if err := os.WriteFile(regular, []byte("not a namespace\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sleeper := strconv.Itoa(nsSleeper(t))
	free := strconv.Itoa(nsFreePID(t))
	zombie := strconv.Itoa(nsZombie(t))
	long := strings.Repeat("n", 5000)
	einval := "reassociate to namespace 'ns/net' failed: Invalid argument"

	cases := []struct {
		name string
		args []string
		want string // stderr line after "nsenter: " ("" = success, no output)
		code int
		same bool // util-linux 2.38.1 prints exactly this too
	}{
		{"pid-zero", []string{"-t", "0", "-n", "true"}, "failed to parse PID argument '0': Numerical result out of range", 1, false},
		{"pid-negative", []string{"-t", "-5", "-n", "true"}, "failed to parse PID argument '-5': Numerical result out of range", 1, false},
		{"pid-over-int32", []string{"-t", "2147483648", "-n", "true"}, "failed to parse PID argument '2147483648': Numerical result out of range", 1, false},
		{"pid-over-uint64", []string{"-t", "18446744073709551617", "-n", "true"}, "failed to parse PID argument '18446744073709551617': Numerical result out of range", 1, false},
		{"pid-int32-max", []string{"-t", "2147483647", "-n", "true"}, "cannot open /proc/2147483647/ns/net: No such file or directory", 1, true},
		{"pid-over-pid-max", []string{"-t", "4194305", "-n", "true"}, "cannot open /proc/4194305/ns/net: No such file or directory", 1, true},
		{"pid-free", []string{"-t", free, "-n", "true"}, "cannot open /proc/" + free + "/ns/net: No such file or directory", 1, true},
		{"pid-text", []string{"-t", "web", "-n", "true"}, "failed to parse PID argument 'web': Invalid argument", 1, false},
		{"pid-empty", []string{"--target=", "-n", "true"}, "failed to parse PID argument '': Invalid argument", 1, false},
		{"pid-long", []string{"-t", strings.Repeat("9", 4096), "-n", "true"}, "failed to parse PID argument '" + strings.Repeat("9", 4096) + "': Numerical result out of range", 1, false},
		// A zombie has a pidfd but no namespaces: one setns(pidfd) says so.
		{"pid-zombie", []string{"-t", zombie, "-n", "true"}, "reassociate to namespaces failed: No such process", 1, false},
		{"pid-zombie-all", []string{"-t", zombie, "-a", "true"}, "reassociate to namespaces failed: No such process", 1, false},
		{"nsfile-regular", []string{"--net=" + regular, "true"}, einval, 1, true},
		{"nsfile-directory", []string{"--net=" + dir, "true"}, einval, 1, true},
		{"nsfile-dev-zero", []string{"--net=/dev/zero", "true"}, einval, 1, true},
		{"nsfile-dev-null", []string{"--net=/dev/null", "true"}, einval, 1, true},
		// util-linux blocks forever in open(2) waiting for a writer.
		{"nsfile-fifo", []string{"--net=" + fifo, "true"}, einval, 1, false},
		{"nsfile-fifo-as-root", []string{"-t", sleeper, "-n", "--root=" + fifo, "true"}, "change directory by root file descriptor failed: Not a directory", 1, false},
		{"nsfile-fifo-as-wd", []string{"-t", sleeper, "-n", "--wd=" + fifo, "true"}, "change directory by working directory file descriptor failed: Not a directory", 1, false},
		{"nsfile-missing", []string{"--net=" + dir + "/nosuch", "true"}, "cannot open " + dir + "/nosuch: No such file or directory", 1, true},
		{"nsfile-name-too-long", []string{"--net=" + long, "true"}, "cannot open " + long + ": File name too long", 1, true},
		{"nsfile-wrong-type", []string{"--mount=/proc/self/ns/net", "true"}, "reassociate to namespace 'ns/mnt' failed: Invalid argument", 1, true},
		{"nsfile-proc-dir", []string{"--net=/proc/" + sleeper, "true"}, einval, 1, true},
		{"program-missing", []string{"-t", sleeper, "-n", dir + "/nosuch"}, "failed to execute " + dir + "/nosuch: No such file or directory", 127, true},
		{"program-not-executable", []string{"-t", sleeper, "-n", regular}, "failed to execute " + regular + ": Permission denied", 126, true},
		{"program-directory", []string{"-t", sleeper, "-n", dir}, "failed to execute " + dir + ": Permission denied", 126, true},
		{"kernel-thread", []string{"-t", "2", "-n", "true"}, "", 0, true},
	}
	ref := nsRefNsenter()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "kernel-thread" && !nsIsKthreadd(2) {
				t.Skip("PID 2 is not kthreadd in this PID namespace")
			}
			want := nsRun{status: "exit " + strconv.Itoa(c.code)}
			if c.want != "" {
				want.stderr = "nsenter: " + c.want + "\n"
			}
			for _, face := range []string{"gonsenter", "nsenter"} {
				argv0 := bin
				if face == "nsenter" {
					argv0 = nstest.NsenterLink(t)
				}
				got := nsInvoke(t, append([]string{argv0}, c.args...)...)
				nsNoCrash(t, face, got)
				got.stderr = strings.Replace(got.stderr, face+": ", "nsenter: ", 1)
				if got != want {
					t.Errorf("%s %q:\n got %s stdout %q stderr %q\nwant %s stderr %q", face, c.args, got.status, got.stdout, got.stderr, want.status, want.stderr)
				}
			}
			if c.same && ref != "" {
				got := nsInvoke(t, append([]string{ref}, c.args...)...)
				if got != want {
					t.Errorf("util-linux %q: %s stderr %q; the table says %s %q", c.args, got.status, got.stderr, want.status, want.stderr)
				}
			}
		})
	}
}

// nsRefNsenter is util-linux 2.38.1's nsenter when installed, else "".
func nsRefNsenter() string {
	out, err := exec.Command("/usr/bin/nsenter", "--version").Output()
	if err != nil || !strings.Contains(string(out), "util-linux 2.38.1") {
		return ""
	}
	return "/usr/bin/nsenter"
}

func nsIsKthreadd(pid int) bool {
	comm, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
	return string(comm) == "kthreadd\n"
}

// nsDyingOutcome matches every result gonsenter may give for a target that
// exits while it is being entered: success, or exactly one error line.
// setgid() EINVAL happens to util-linux as well (7 of 150 runs of the same
// loop with nsenter 2.38.1): a dying target's user namespace can be entered
// after its mapping is no longer usable.
var nsDyingOutcome = regexp.MustCompile(`^(|gonsenter: (cannot open /proc/\d+/ns/\w+: No such file or directory|reassociate to namespaces? (?:'ns/\w+' )?failed: (No such process|Invalid argument)|stat of /proc/\d+/ns/user failed: No such file or directory|setgid\(\) failed: Invalid argument)\n)$`)

// TestTargetExitingMidway kills the target at random moments while gonsenter
// opens and enters its namespaces, on the thread path (-n) and the fork paths
// (-U -m, -a, -p): each run either succeeds or reports one clean line, with
// exit status 1, and never hangs or leaves a child behind.
func TestTargetExitingMidway(t *testing.T) {
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	modes := [][]string{{"-n"}, {"-U", "-m"}, {"-a"}, {"-p", "-n"}}
	outcomes := map[string]int{}
	for i := 0; i < 120; i++ {
		mode := modes[i%len(modes)]
		target := exec.Command("unshare", "--user", "--map-root-user", "--mount", "--pid", "--net", "--fork", "--kill-child", "sleep", "600")
		if err := target.Start(); err != nil {
			t.Fatal(err)
		}
		pid := target.Process.Pid
		nsWaitMapped(t, pid)
		// Kill after 0-8 ms: before, during or after gonsenter's setns.
		delay := time.Duration(rng.Intn(8000)) * time.Microsecond
		go func() {
			time.Sleep(delay)
			target.Process.Kill()
		}()
		args := append([]string{bin, "-t", strconv.Itoa(pid)}, mode...)
		r := nsInvoke(t, append(args, "true")...)
		target.Wait()
		nsNoCrash(t, strings.Join(mode, " "), r)
		if !nsDyingOutcome.MatchString(r.stderr) || (r.stderr == "") != (r.status == "exit 0") || (r.stderr != "" && r.status != "exit 1") {
			t.Errorf("%q (target killed after %v): %s, stderr %q", args, delay, r.status, r.stderr)
		}
		outcomes[r.status+" "+nsShape(r.stderr)]++
	}
	t.Logf("outcomes: %v", outcomes)
}

// nsWaitMapped waits until unshare has written its uid map: before that the
// user namespace maps nobody and setgid(0) fails with EINVAL (as it does for
// util-linux), which is a target still being built, not one going away.
func nsWaitMapped(t *testing.T, pid int) {
	for i := 0; i < 2000; i++ {
		m, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/uid_map")
		if err == nil && strings.HasPrefix(strings.TrimSpace(string(m)), "0 ") {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("target %d never mapped its user namespace", pid)
}

// nsShape reduces an error line to its kind, for the outcome summary.
func nsShape(s string) string {
	return regexp.MustCompile(`\d+`).ReplaceAllString(strings.TrimSpace(s), "N")
}
