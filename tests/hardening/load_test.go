package hardening

// Load (issue #9): hundreds of gonsenter processes at once on a machine
// that is busy with something else, as a monitoring agent or a CI job
// running per-container probes would start them.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// loadJob is one invocation and what it must give.
type loadJob struct {
	argv   []string
	status string // "exit N"
	stdout string
}

// loadResult is how one invocation ended.
type loadResult struct {
	job    loadJob
	status string
	stdout string
	stderr string
}

// loadRun starts every job at once and returns the results in job order.
// done, when not nil, receives the number of jobs finished so far after
// each one ends. A job still running after 3 minutes is a hang.
func loadRun(t *testing.T, jobs []loadJob, done chan<- int) []loadResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	results := make([]loadResult, len(jobs))
	finished := make(chan int, len(jobs))
	for i := range jobs {
		go func(i int) {
			results[i] = loadOne(ctx, jobs[i])
			finished <- i
		}(i)
	}
	for n := 1; n <= len(jobs); n++ {
		<-finished
		if done != nil {
			done <- n
		}
	}
	if ctx.Err() != nil {
		t.Fatalf("some of %d concurrent invocations hung for 3 minutes", len(jobs))
	}
	return results
}

func loadOne(ctx context.Context, job loadJob) loadResult {
	cmd := exec.CommandContext(ctx, job.argv[0], job.argv[1:]...)
	cmd.Dir = "/"
	cmd.Env = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 10 * time.Second
	err := cmd.Run()
	r := loadResult{job: job, stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case cmd.ProcessState != nil:
		r.status = exitText(cmd.ProcessState)
	case errors.As(err, &ee):
		r.status = exitText(ee.ProcessState)
	default:
		r.status = "not started: " + err.Error()
	}
	return r
}

// loadBurners keeps n CPUs busy with shell loops until the test ends.
func loadBurners(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		cmd := exec.Command("sh", "-c", "while :; do :; done")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Wait()
		})
	}
}

// loadSubreaper makes this process the reaper of every orphan below it
// until the test ends, so that a process gonsenter left behind (a program
// outliving its waiting parent, an intermediate never reaped) becomes our
// child where loadLeftovers finds it. It returns the children we had
// before. Call it after the targets are made: cleanups run in reverse, so
// the targets are killed after it is undone and never become ours.
func loadSubreaper(t *testing.T) map[int]bool {
	t.Helper()
	if err := unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); err != nil {
		t.Skipf("PR_SET_CHILD_SUBREAPER: %v", err)
	}
	t.Cleanup(func() { unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0) })
	before := map[int]bool{}
	for _, c := range loadChildren() {
		before[c] = true
	}
	return before
}

// loadChildren lists this process's children (running or zombies).
func loadChildren() []int {
	var out []int
	files, _ := filepath.Glob("/proc/self/task/*/children")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, c := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(c); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// loadLeftovers fails for every child that was not there before (running
// or a zombie: an orphan of gonsenter's) and for every process still
// carrying marker on its command line; it kills and reaps what it finds.
func loadLeftovers(t *testing.T, before map[int]bool, marker string) {
	t.Helper()
	// An orphan's exit is reported to us a moment after its parent's.
	time.Sleep(200 * time.Millisecond)
	for _, c := range loadChildren() {
		if before[c] {
			continue
		}
		t.Errorf("left behind: PID %d (%s) %s", c, nstest.Comm(c), loadState(c))
		syscall.Kill(c, syscall.SIGKILL)
		var ws syscall.WaitStatus
		syscall.Wait4(c, &ws, 0, nil)
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range procs {
		if b, _ := os.ReadFile(f); bytes.Contains(b, []byte(marker)) {
			t.Errorf("still running: %s: %q", filepath.Dir(f), bytes.ReplaceAll(b, []byte{0}, []byte{' '}))
		}
	}
}

// loadState is the state letter and name from /proc/PID/stat ("Z (zombie)").
func loadState(pid int) string {
	b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && len(s) > i+2 {
		return "state " + s[i+2:i+3]
	}
	return "gone"
}

// loadCheck fails for every result that is not exactly its job's, with a
// summary instead of 200 identical lines.
func loadCheck(t *testing.T, what string, results []loadResult) {
	t.Helper()
	bad := map[string]int{}
	var first []string
	for _, r := range results {
		if r.status == r.job.status && r.stdout == r.job.stdout && r.stderr == "" {
			continue
		}
		key := fmt.Sprintf("%s stderr %q", r.status, r.stderr)
		if bad[key]++; bad[key] == 1 && len(first) < 5 {
			first = append(first, fmt.Sprintf("%q: %s, stdout %q, stderr %q; want %s, stdout %q",
				r.job.argv, r.status, r.stdout, r.stderr, r.job.status, r.job.stdout))
		}
	}
	if len(bad) > 0 {
		t.Errorf("%s: %d kinds of wrong results %v; first ones:\n%s", what, len(bad), bad, strings.Join(first, "\n"))
	}
}

// TestLoadConcurrentEntries: 200 `-t PID -n true` and 200 `-t PID -U -m
// true` at once against one target in its own user and mount namespaces,
// then 200 more at once over the thread path, the raw fork child, -a and
// the -p fork, each printing its number and exiting with its own status,
// while two shell loops keep both CPUs busy. Every invocation gives exactly
// its program's output and status and nothing on stderr (no EAGAIN, no
// fork or clone failure), and nothing is left running or unreaped.
func TestLoadConcurrentEntries(t *testing.T) {
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	tg, err := nstest.Full(t)
	tg = nstest.Need(t, tg, err)
	loadBurners(t, 2)
	before := loadSubreaper(t)
	pid := strconv.Itoa(tg.Pid)
	marker := "gonsenter-load-" + strconv.Itoa(os.Getpid())

	var jobs []loadJob
	for i := 0; i < 200; i++ {
		jobs = append(jobs, loadJob{argv: []string{bin, "-t", pid, "-n", "true"}, status: "exit 0"},
			loadJob{argv: []string{bin, "-t", pid, "-U", "-m", "true"}, status: "exit 0"})
	}
	loadCheck(t, "400 at once", loadRun(t, jobs, nil))

	paths := [][]string{{"-n"}, {"-U", "-m"}, {"-a"}, {"-p", "-m"}}
	jobs = jobs[:0]
	for i := 0; i < 200; i++ {
		code := (i * 37) % 256
		argv := append(append([]string{bin, "-t", pid}, paths[i%len(paths)]...),
			"sh", "-c", `echo "$1"; exit "$2"`, marker, strconv.Itoa(i), strconv.Itoa(code))
		jobs = append(jobs, loadJob{argv: argv, status: "exit " + strconv.Itoa(code), stdout: strconv.Itoa(i) + "\n"})
	}
	loadCheck(t, "200 exit statuses at once", loadRun(t, jobs, nil))
	loadLeftovers(t, before, marker)
}

// loadDyingClean: success; or status 1 with one of util-linux's lines for
// a vanishing target, or "fork failed: Cannot allocate memory" (-p into a
// pid namespace whose init has gone: the kernel refuses new processes
// there, util-linux says the same, see TestLoadDeadPidNamespace); or,
// entering the pid namespace (-p, -a), killed by SIGKILL without a word:
// the kernel kills the program with the namespace's init, and gonsenter
// dies by its program's signal as util-linux's waiting parent does.
func loadDyingClean(r loadResult) bool {
	if goCrash(r.stderr) {
		return false
	}
	switch r.status {
	case "exit 0":
		return r.stderr == ""
	case "exit 1":
		return r.stderr != "" && (nsDyingOutcome.MatchString(r.stderr) || r.stderr == "gonsenter: fork failed: Cannot allocate memory\n")
	case "killed by SIGKILL":
		pidNS := false
		for _, a := range r.job.argv {
			pidNS = pidNS || a == "-p" || a == "-a"
		}
		return pidNS && r.stderr == ""
	}
	return false
}

// TestLoadDeadPidNamespace pins the message of a pid namespace that can
// still be entered but whose init has died: fork fails with ENOMEM, and
// gonsenter says so exactly as util-linux nsenter does.
func TestLoadDeadPidNamespace(t *testing.T) {
	nstest.RequireRoot(t)
	requireTools(t, "unshare", "mount", "umount")
	bin := nstest.Gonsenter(t)
	tg, err := nstest.Launch(t, "unshare", "--pid", "--fork", "--kill-child", "sleep", "600")
	tg = nstest.Need(t, tg, err)
	pin := filepath.Join(nstest.TempDir(t), "pidns")
	if err := os.WriteFile(pin, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "--bind", "/proc/"+strconv.Itoa(tg.Pid)+"/ns/pid", pin).CombinedOutput(); err != nil {
		t.Skipf("cannot pin the pid namespace: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", pin).Run() })
	syscall.Kill(tg.Pid, syscall.SIGKILL)
	for i := 0; i < 1000 && nstest.Comm(tg.Pid) != "" && loadState(tg.Pid) != "state Z"; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	want := loadJob{status: "exit 1"}
	for _, argv0 := range []string{bin, privRefNsenter()} {
		if argv0 == "" {
			continue
		}
		r := loadOne(context.Background(), loadJob{argv: []string{argv0, "--pid=" + pin, "true"}})
		msg := strings.Replace(r.stderr, "gonsenter: ", "nsenter: ", 1)
		if r.status != want.status || msg != "nsenter: fork failed: Cannot allocate memory\n" {
			t.Errorf("%s --pid=DEAD true: %s, stderr %q", argv0, r.status, r.stderr)
		}
	}
}

// TestLoadTargetExitsMidway: 200 invocations over all paths at once while
// the target is killed after the first ten have finished. Each one either
// ends as util-linux nsenter would (loadDyingClean; nsDyingOutcome was
// measured against nsenter 2.38.1 by TestTargetExitingMidway); none
// hangs, crashes or leaves a process behind.
func TestLoadTargetExitsMidway(t *testing.T) {
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	tg, err := nstest.Launch(t, "unshare", "--user", "--map-root-user", "--mount", "--pid", "--net",
		"--fork", "--kill-child", "sleep", "600")
	tg = nstest.Need(t, tg, err)
	loadBurners(t, 2)
	before := loadSubreaper(t)
	pid := strconv.Itoa(tg.Pid)
	marker := "gonsenter-load-dying-" + strconv.Itoa(os.Getpid())
	paths := [][]string{{"-n"}, {"-U", "-m"}, {"-a"}, {"-p", "-n"}}
	var jobs []loadJob
	for i := 0; i < 200; i++ {
		jobs = append(jobs, loadJob{argv: append(append([]string{bin, "-t", pid}, paths[i%len(paths)]...), "true", marker)})
	}
	done := make(chan int, len(jobs))
	go func() {
		for n := range done {
			if n == 10 {
				syscall.Kill(tg.Pid, syscall.SIGKILL)
			}
		}
	}()
	results := loadRun(t, jobs, done)
	close(done)
	outcomes := map[string]int{}
	for _, r := range results {
		if !loadDyingClean(r) {
			t.Errorf("%q: %s, stderr %q", r.job.argv[3:len(r.job.argv)-1], r.status, r.stderr)
		}
		outcomes[r.status+" "+nsShape(r.stderr)]++
	}
	keys := make([]string, 0, len(outcomes))
	for k := range outcomes {
		keys = append(keys, fmt.Sprintf("%d× %s", outcomes[k], k))
	}
	sort.Strings(keys)
	t.Logf("outcomes: %s", strings.Join(keys, "; "))
	if outcomes["exit 0 "] == 0 || outcomes["exit 0 "] == len(jobs) {
		t.Errorf("the target did not die midway: %v", outcomes)
	}
	loadLeftovers(t, before, marker)
}
