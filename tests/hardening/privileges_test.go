package hardening

// Leaks and privileges (issue #9): what gonsenter hands to the program it
// runs, what a target's root can reach of gonsenter's own processes while
// they live inside the target, and how the capture behaves with fewer
// privileges than root: dropped with -Z, or never had (only CAP_NET_RAW).

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// privEnv is the environment every command here runs with. SHELL is unset
// on purpose: without it gonsenter looks the login shell up in the target.
var privEnv = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C", "TZ=UTC"}

// privProc is a started command; Wait is collected in the background.
type privProc struct {
	argv           []string
	cmd            *exec.Cmd
	stdout, stderr nstest.SyncBuffer
	done           chan struct{}
}

// privResult is how a command ended, as a shell user sees it.
type privResult struct {
	status, stdout, stderr string
}

// privStart starts argv in "/" with privEnv and stdin from /dev/null;
// extra become descriptors 3, 4, ... (nil entries stay closed). The
// process is killed at cleanup if it is still running.
func privStart(t *testing.T, extra []*os.File, argv ...string) *privProc {
	t.Helper()
	argv = append([]string(nil), argv...) // callers build argv with append
	p := &privProc{argv: argv, cmd: exec.Command(argv[0], argv[1:]...), done: make(chan struct{})}
	p.cmd.Dir = "/"
	p.cmd.Env = privEnv
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	p.cmd.ExtraFiles = extra
	// A descendant that outlives the process and keeps its output open
	// must not hang the test: Wait gives up on the pipes after this.
	p.cmd.WaitDelay = 10 * time.Second
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%q: %v", argv, err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// waitStderr waits until the process printed substr on stderr.
func (p *privProc) waitStderr(t *testing.T, substr string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(p.stderr.String(), substr) {
		select {
		case <-p.done:
			t.Fatalf("%q ended before printing %q: stderr %q", p.argv, substr, p.stderr.String())
		case <-deadline:
			t.Fatalf("%q did not print %q within 30 s: stderr %q", p.argv, substr, p.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// wait returns the result; a hang is a failure (60 s).
func (p *privProc) wait(t *testing.T) privResult {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("%q hung (killed after 60 s); stderr %q", p.argv, p.stderr.String())
	}
	r := privResult{status: exitText(p.cmd.ProcessState), stdout: p.stdout.String(), stderr: p.stderr.String()}
	if goCrash(r.stderr) {
		t.Errorf("%q: Go crash on stderr:\n%s", p.argv, r.stderr)
	}
	return r
}

// privRun runs argv to completion.
func privRun(t *testing.T, extra []*os.File, argv ...string) privResult {
	t.Helper()
	return privStart(t, extra, argv...).wait(t)
}

// signal sends sig to the running process.
func (p *privProc) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("%q: %v", p.argv, err)
	}
}

// privTarget launches a target (a process that ends in "sleep") and skips
// when the kernel or the tools cannot make it.
func privTarget(t *testing.T, argv ...string) *nstest.Target {
	t.Helper()
	nstest.RequireRoot(t)
	tg, err := nstest.Launch(t, argv...)
	return nstest.Need(t, tg, err)
}

// privNetTarget is a target in a network namespace of its own (owned by
// the initial user namespace) with lo up.
func privNetTarget(t *testing.T) *nstest.Target {
	t.Helper()
	requireTools(t, "unshare", "ip")
	return privTarget(t, "unshare", "--net", "sh", "-c", "ip link set lo up && exec sleep 600")
}

// privRefNsenter is util-linux 2.38.1's nsenter, or "" (then only
// gonsenter's own expectations are checked).
func privRefNsenter() string {
	out, err := exec.Command("/usr/bin/nsenter", "--version").Output()
	if err != nil || !strings.Contains(string(out), "util-linux 2.38.1") {
		return ""
	}
	return "/usr/bin/nsenter"
}

// privFile creates a file in dir and opens it for reading.
func privFile(t *testing.T, dir, name string) *os.File {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(name+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func privItoa(n int) string { return strconv.Itoa(n) }

// privFdLine matches a line of `ls -l /proc/self/fd`: "... 3 -> /path";
// privInode a pipe or socket link; privProcPID ls's own /proc/PID/.
var (
	privFdLine  = regexp.MustCompile(`\s(\d+) -> (.*)$`)
	privInode   = regexp.MustCompile(`^(pipe|socket):\[\d+\]$`)
	privProcPID = regexp.MustCompile(`^/proc/\d+/`)
)

// privFdList reduces `ls -l /proc/self/fd` to "N -> target" lines, sorted
// by N, with what differs between two runs of the same call blanked:
// pipe and socket inodes and the PID in ls's own /proc/PID/fd.
func privFdList(ls string) string {
	var out []string
	for _, line := range strings.Split(ls, "\n") {
		m := privFdLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		target := privProcPID.ReplaceAllString(privBlank(m[2]), "/proc/PID/")
		out = append(out, fmt.Sprintf("%3s -> %s", m[1], target))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestPrivProgramSeesExactlyTheCallersFds: whatever way gonsenter runs the
// program (exec in place from a thread, the -p fork, the raw child for a
// user namespace), the program inherits exactly the descriptors its caller
// gave gonsenter, 3 alone or 3 and 7 with a gap, and nothing gonsenter
// opened itself (namespace files, the pidfd, /proc directories, eventfds,
// pipes): the list `ls -l /proc/self/fd` prints is util-linux nsenter's
// for the same call.
func TestPrivProgramSeesExactlyTheCallersFds(t *testing.T) {
	nstest.RequireRoot(t)
	bin := nstest.Gonsenter(t)
	ref := privRefNsenter()
	n, err := nstest.NoUser(t)
	n = nstest.Need(t, n, err)
	f, err := nstest.Full(t)
	f = nstest.Need(t, f, err)
	dir := nstest.TempDir(t)
	f3, f7 := privFile(t, dir, "three"), privFile(t, dir, "seven")
	paths := []struct {
		name string
		args []string
	}{
		{"thread", []string{"-t", privItoa(n.Pid), "-n"}},
		{"thread-all", []string{"-t", privItoa(n.Pid), "-a"}},
		{"pid-fork", []string{"-t", privItoa(n.Pid), "-p", "-m"}},
		{"user", []string{"-t", privItoa(f.Pid), "-U"}},
		{"user-pid", []string{"-t", privItoa(f.Pid), "-U", "-p"}},
		// With the mount namespace, only the target's pid namespace has
		// a /proc in which the program finds itself.
		{"user-mount-pid", []string{"-t", privItoa(f.Pid), "-U", "-m", "-p"}},
		{"user-all", []string{"-t", privItoa(f.Pid), "-a"}},
	}
	extras := []struct {
		name  string
		files []*os.File
		want  []string // the descriptors the program must see, ls's own is 4
	}{
		{"fd3", []*os.File{f3}, []string{"0", "1", "2", "3", "4"}},
		{"fd3-gap-fd7", []*os.File{f3, nil, nil, nil, f7}, []string{"0", "1", "2", "3", "4", "7"}},
	}
	for _, p := range paths {
		for _, e := range extras {
			t.Run(p.name+"/"+e.name, func(t *testing.T) {
				argv := append(append([]string{bin}, p.args...), "ls", "-l", "/proc/self/fd")
				got := privRun(t, e.files, argv...)
				if got.status != "exit 0" || got.stderr != "" {
					t.Fatalf("%q: %s, stderr %q", argv, got.status, got.stderr)
				}
				list := privFdList(got.stdout)
				if nums := privFdNumbers(list); strings.Join(nums, " ") != strings.Join(e.want, " ") {
					t.Errorf("the program sees descriptors %v, want %v:\n%s", nums, e.want, list)
				}
				privCheckFdTargets(t, list, f3.Name(), f7.Name())
				if ref == "" {
					return
				}
				argv[0] = ref
				want := privRun(t, e.files, argv...)
				if wl := privFdList(want.stdout); want.status != "exit 0" || wl != list {
					t.Errorf("util-linux (%s) lists\n%s\ngonsenter lists\n%s", want.status, wl, list)
				}
			})
		}
	}
}

// privFdNumbers returns the descriptor numbers of a privFdList, ascending.
func privFdNumbers(list string) []string {
	var nums []int
	for _, line := range strings.Split(list, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			n, _ := strconv.Atoi(f[0])
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = strconv.Itoa(n)
	}
	return out
}

// privCheckFdTargets: 0 is /dev/null, 1 and 2 the pipes, 3 and 7 the
// caller's files, 4 is ls reading /proc/PID/fd.
func privCheckFdTargets(t *testing.T, list, three, seven string) {
	t.Helper()
	want := map[string]string{"0": "/dev/null", "1": "pipe:[]", "2": "pipe:[]", "3": three, "4": "/proc/PID/fd", "7": seven}
	for _, line := range strings.Split(list, "\n") {
		num, target, ok := strings.Cut(strings.TrimSpace(line), " -> ")
		if ok && want[num] != target {
			t.Errorf("descriptor %s is %q, want %q", num, target, want[num])
		}
	}
}

// privFds lists /proc/PID/fd of a running process: number -> link target.
func privFds(t *testing.T, pid int) map[string]string {
	t.Helper()
	dir := "/proc/" + privItoa(pid) + "/fd"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fds := map[string]string{}
	for _, e := range entries {
		if target, err := os.Readlink(filepath.Join(dir, e.Name())); err == nil {
			fds[e.Name()] = target
		}
	}
	return fds
}

// privBlank blanks pipe and socket inodes, which differ between processes
// that were given equivalent descriptors.
func privBlank(target string) string {
	return privInode.ReplaceAllString(target, "$1:[]")
}

// privDescendants lists pid's descendants, children first.
func privDescendants(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob("/proc/" + privItoa(pid) + "/task/*/children")
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		for _, c := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(c); err == nil {
				out = append(out, n)
				out = append(out, privDescendants(n)...)
			}
		}
	}
	return out
}

// privStage2 is the re-executed gonsenter below stage 1: the descendant
// that runs from the sealed memfd copy.
func privStage2(t *testing.T, stage1 int) int {
	t.Helper()
	for i := 0; i < 500; i++ {
		for _, d := range privDescendants(stage1) {
			if exe, _ := os.Readlink("/proc/" + privItoa(d) + "/exe"); strings.HasPrefix(exe, "/memfd:") {
				return d
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no re-executed stage below %d (descendants %v)", stage1, privDescendants(stage1))
	return 0
}

// TestPrivCaptureKeepsOnlyCallersFds: a capture holds the descriptors its
// caller passed (0-2, 3 and 7 with a gap, as tcpdump run by util-linux
// nsenter does), its packet and netlink sockets, eventfds, epoll and the -w
// file. The re-executed stage inside a user namespace holds the very same
// 0-2, 3 and 7 as stage 1 and none of stage 1's own: no namespace file,
// pidfd, directory (the caller's root is closed once the file is open) or
// memfd. On the thread path the capture is gonsenter's own process, which
// keeps the target's pidfd to create sockets in its namespace.
func TestPrivCaptureKeepsOnlyCallersFds(t *testing.T) {
	requireTools(t, "unshare", "ip", "tcpdump")
	bin := nstest.Gonsenter(t)
	dir := nstest.TempDir(t)
	extra := []*os.File{privFile(t, dir, "three"), nil, nil, nil, privFile(t, dir, "seven")}
	plain := privNetTarget(t)
	user := privTarget(t, "unshare", "--user", "--map-root-user", "--net", "sh", "-c", "ip link set lo up && exec sleep 600")
	own := regexp.MustCompile(`^(socket:\[\d+\]|anon_inode:\[(eventfd|eventpoll)\]|.*-cap\.pcap)$`)
	t.Run("thread", func(t *testing.T) {
		nsArgs := []string{"-t", privItoa(plain.Pid), "-n"}
		ours, _ := privCaptureFds(t, extra, false, append(append([]string{bin}, nsArgs...), "--capture", "-i", "lo", "-w", filepath.Join(dir, "thread-cap.pcap"))...)
		privCheckCallerFds(t, ours, extra)
		privCheckOwnFds(t, ours, regexp.MustCompile(own.String()+`|^anon_inode:\[pidfd\]$`))
		ref := privRefNsenter()
		if ref == "" {
			return
		}
		theirs, _ := privCaptureFds(t, extra, false, append(append([]string{ref}, nsArgs...), "tcpdump", "-Z", "root", "-i", "lo", "-w", filepath.Join(dir, "ref-cap.pcap"))...)
		for _, fd := range []string{"0", "1", "2", "3", "7"} {
			if privBlank(ours[fd]) != privBlank(theirs[fd]) {
				t.Errorf("descriptor %s: gonsenter's capture has %q, tcpdump under nsenter %q", fd, ours[fd], theirs[fd])
			}
		}
	})
	t.Run("reexec-user", func(t *testing.T) {
		argv := []string{bin, "-t", privItoa(user.Pid), "-U", "-n", "--capture", "-i", "lo", "-w", filepath.Join(dir, "user-cap.pcap")}
		ours, stage1 := privCaptureFds(t, extra, true, argv...)
		privCheckCallerFds(t, ours, extra)
		privCheckOwnFds(t, ours, own)
		for _, fd := range []string{"0", "1", "2"} {
			if ours[fd] != stage1[fd] {
				t.Errorf("descriptor %s: stage 2 has %q, stage 1 (the caller's) %q", fd, ours[fd], stage1[fd])
			}
		}
	})
}

// privCaptureFds starts a capture, reads the descriptors of the process
// that captures (with reexec, stage 2) and of the one started, and stops
// it with SIGINT.
func privCaptureFds(t *testing.T, extra []*os.File, reexec bool, argv ...string) (capture, started map[string]string) {
	t.Helper()
	p := privStart(t, extra, argv...)
	p.waitStderr(t, "listening on ")
	pid := p.cmd.Process.Pid
	if reexec {
		pid = privStage2(t, pid)
	}
	capture, started = privFds(t, pid), privFds(t, p.cmd.Process.Pid)
	p.signal(t, syscall.SIGINT)
	if r := p.wait(t); r.status != "exit 0" {
		t.Errorf("%q: %s, stderr %q", argv, r.status, r.stderr)
	}
	return capture, started
}

// privCheckCallerFds: 0 is /dev/null, 3 and 7 the caller's files.
func privCheckCallerFds(t *testing.T, fds map[string]string, extra []*os.File) {
	t.Helper()
	want := map[string]string{"0": "/dev/null", "3": extra[0].Name(), "7": extra[4].Name()}
	for fd, target := range want {
		if fds[fd] != target {
			t.Errorf("descriptor %s is %q, want the caller's %q", fd, fds[fd], target)
		}
	}
}

// privCheckOwnFds: everything above 2 but 3 and 7 matches allowed.
func privCheckOwnFds(t *testing.T, fds map[string]string, allowed *regexp.Regexp) {
	t.Helper()
	for fd, target := range fds {
		if n := privAtoi(fd); n > 2 && n != 3 && n != 7 && !allowed.MatchString(target) {
			t.Errorf("the capture holds descriptor %s -> %s, neither the caller's nor the capture's own", fd, target)
		}
	}
}

func privAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// privAttackScript is what the target's root tries against a process $1
// (its PID as the attacker sees it): each check is one of the accesses
// ptrace_may_access guards, printed as "check: allowed" or "check:
// refused". With $2, it also tries to read the file $2 through every
// descriptor of $1 (a directory descriptor leads there).
const privAttackScript = `p=/proc/$1
try() { what=$1; shift; if "$@" >/dev/null 2>&1; then echo "$what: allowed"; else echo "$what: refused"; fi; }
try exe readlink "$p/exe"
try exe-open sh -c 'exec 3<"$1"' sh "$p/exe"
try environ cat "$p/environ"
try mem sh -c 'exec 3<"$1"' sh "$p/mem"
try fd-link sh -c 'for f in "$1"/fd/*; do readlink "$f" && exit 0; done; exit 1' sh "$p"
if command -v strace >/dev/null && command -v timeout >/dev/null; then
	try ptrace sh -c 'timeout -s KILL 1 strace -e trace=none -p "$1" 2>&1 | grep -q "Operation not permitted" && exit 1; exit 0' sh "$1"
fi
if [ -n "$2" ]; then for f in "$p"/fd/*; do cat "$f$2" 2>/dev/null; done; fi
true`

// privAttack runs privAttackScript with gonsenter nsArgs (the attacker's
// namespaces and credentials) against pid and returns the verdicts and
// anything else it printed (what it read through the descriptors).
func privAttack(t *testing.T, nsArgs []string, pid int, file string) (map[string]string, string) {
	t.Helper()
	return privAttackAs(t, []string{nstest.Gonsenter(t)}, nsArgs, pid, file)
}

// privAttackAs is privAttack with a command prefix that ends with the
// gonsenter binary to use (to run it as another uid).
func privAttackAs(t *testing.T, prefix, nsArgs []string, pid int, file string) (map[string]string, string) {
	t.Helper()
	argv := append(append(append([]string{}, prefix...), nsArgs...), "sh", "-c", privAttackScript, "sh", privItoa(pid), file)
	r := privRun(t, nil, argv...)
	if r.status != "exit 0" {
		t.Fatalf("attacker %q: %s, stderr %q", argv, r.status, r.stderr)
	}
	verdicts, rest := map[string]string{}, ""
	for _, line := range strings.SplitAfter(r.stdout, "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && (v == "allowed" || v == "refused") {
			verdicts[k] = v
		} else {
			rest += line
		}
	}
	return verdicts, rest
}

// privExpectAll fails unless every check of the attack got verdict.
func privExpectAll(t *testing.T, what string, verdicts map[string]string, verdict string) {
	t.Helper()
	if len(verdicts) < 5 {
		t.Fatalf("%s: the attack script ran %d checks: %v", what, len(verdicts), verdicts)
	}
	for k, v := range verdicts {
		if v != verdict {
			t.Errorf("%s: %s %s, want %s", what, k, v, verdict)
		}
	}
}

// privNSpid is pid as its innermost pid namespace numbers it.
func privNSpid(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile("/proc/" + privItoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "NSpid:"); ok {
			f := strings.Fields(v)
			return privAtoi(f[len(f)-1])
		}
	}
	t.Fatalf("no NSpid in /proc/%d/status", pid)
	return 0
}

// TestPrivStagesInsideTargetAreNotReachable: gonsenter's own processes
// that live inside the target's user namespace (the re-executed capture
// and login-shell stages, and the intermediate that waits for the program
// in a pid namespace) hold what the target must not have: the caller's
// root directory, namespace descriptors, the host's gonsenter binary. The
// target's root has every capability in its user namespace and, for a
// namespace that maps the caller's uid (`unshare -U -r` run by root, a
// user's own rootless container), the same uid as these processes, so only
// their being non-dumpable with their memory owned by the caller's user
// namespace keeps it out. Each case first shows that the attacker can do
// all of it to a process of its own (pid 1 of the target), then that it
// can do none of it to gonsenter's, and that another uid cannot either.
func TestPrivStagesInsideTargetAreNotReachable(t *testing.T) {
	requireTools(t, "unshare", "ip", "setpriv", "mount")
	bin := nstest.Gonsenter(t)
	t.Run("capture-stage", func(t *testing.T) { privCaptureStage(t, bin) })
	t.Run("login-shell-stage", func(t *testing.T) { privLoginShellStage(t, bin) })
	t.Run("rootless-owner-capture-stage", func(t *testing.T) { privRootlessOwnerStage(t) })
	t.Run("pid-fork-intermediate", func(t *testing.T) { privIntermediateStage(t, bin) })
}

// privCaptureStage: stage 2 of `-a --capture` lives in the target's pid
// namespace, where its root sees it, and holds the caller's root
// directory; the target hides a host directory under a tmpfs.
func privCaptureStage(t *testing.T, bin string) {
	hidden, out := nstest.TempDir(t), nstest.TempDir(t)
	secret := "host-only-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := os.WriteFile(filepath.Join(hidden, "secret"), []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	tg := privTarget(t, "unshare", "--user", "--map-root-user", "--mount", "--net", "--pid", "--fork",
		"--kill-child", "--mount-proc", "sh", "-c", "ip link set lo up && mount -t tmpfs none "+hidden+" && exec sleep 600")
	root := []string{"-t", privItoa(tg.Pid), "-a"}
	if r := privRun(t, nil, append(append([]string{bin}, root...), "cat", filepath.Join(hidden, "secret"))...); r.status == "exit 0" {
		t.Fatalf("the target's root reads the host's %s directly: the test is void", hidden)
	}
	// -C keeps the caller's root directory open in stage 2 for the
	// whole capture (rotation opens files all along).
	p := privStart(t, nil, append(append([]string{bin}, root...), "--capture", "-i", "lo", "-C", "1", "-w", filepath.Join(out, "rot.pcap"))...)
	p.waitStderr(t, "listening on ")
	stage2 := privStage2(t, p.cmd.Process.Pid)
	v, _ := privAttack(t, root, 1, "")
	privExpectAll(t, "the target's root against its own pid 1", v, "allowed")
	v, read := privAttack(t, root, privNSpid(t, stage2), filepath.Join(hidden, "secret"))
	privExpectAll(t, "the target's root against the capture stage", v, "refused")
	if strings.Contains(read, secret) {
		t.Errorf("the target's root read the host's %s/secret through the capture stage's descriptors", hidden)
	}
	privOtherUid(t, stage2)
	// Ctrl-C reaches the whole process group; stage 1 alone would die
	// by it (it waits like util-linux's parent) and leave the capture.
	syscall.Kill(stage2, syscall.SIGINT)
	if r := p.wait(t); r.status != "exit 0" {
		t.Errorf("capture: %s, stderr %q", r.status, r.stderr)
	}
}

// privLoginShellStage: the stage that looks the login shell up in the
// target (no program, SHELL unset).
func privLoginShellStage(t *testing.T, bin string) {
	// The target's /etc/passwd is a FIFO: the stage that looks the
	// login shell up blocks on it, as long as the target likes.
	fifo := filepath.Join(nstest.TempDir(t), "passwd")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tg := privTarget(t, "unshare", "--user", "--map-root-user", "--mount", "--pid", "--fork", "--kill-child",
		"--mount-proc", "sh", "-c", "mount --bind "+fifo+" /etc/passwd && exec sleep 600")
	root := []string{"-t", privItoa(tg.Pid), "-a"}
	p := privStart(t, nil, bin, "-t", privItoa(tg.Pid), "-U", "-m", "-p")
	stage := privBlockedOnFIFO(t, p.cmd.Process.Pid)
	v, _ := privAttack(t, root, 1, "")
	privExpectAll(t, "the target's root against its own pid 1", v, "allowed")
	v, _ = privAttack(t, root, privNSpid(t, stage), "")
	privExpectAll(t, "the target's root against the login-shell stage", v, "refused")
	privOtherUid(t, stage)
	w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatalf("the stage no longer reads %s: %v", fifo, err)
	}
	w.WriteString("root:x:0:0:root:/root:/bin/sh\n")
	w.Close()
	if r := p.wait(t); r.status != "exit 0" || r.stderr != "" {
		t.Errorf("login shell: %s, stderr %q", r.status, r.stderr)
	}
}

// privRootlessOwnerStage: an unprivileged caller in its own rootless
// container.
func privRootlessOwnerStage(t *testing.T) {
	// uid 65534 captures in its own rootless container, whose root
	// is 65534 too. It also belongs to group 100, which the container
	// does not map: the copy stage 2 runs from gets that group. (A
	// caller with no unmapped group cannot be protected this way:
	// its stage 2 stays reachable by the container's root, which is
	// the caller itself on the host.)
	world := privWorldBinary(t)
	out := nstest.TempDir(t)
	if err := os.Chmod(out, 0o777); err != nil {
		t.Fatal(err)
	}
	tg := privTarget(t, append(nstest.AsNobody(), "unshare", "--user", "--map-root-user", "--net", "sh", "-c",
		"ip link set lo up && exec sleep 600")...)
	as := []string{"setpriv", "--reuid=65534", "--regid=65534", "--groups=100", world}
	nsArgs := []string{"-t", privItoa(tg.Pid), "-U", "-n", "--preserve-credentials"}
	p := privStart(t, nil, append(append(as, nsArgs...), "--capture", "-i", "lo", "-C", "1", "-w", filepath.Join(out, "rot.pcap"))...)
	p.waitStderr(t, "listening on ")
	stage2 := privStage2(t, p.cmd.Process.Pid)
	attacker := append(nstest.AsNobody(), world)
	root := []string{"-t", privItoa(tg.Pid), "-U", "--preserve-credentials"}
	v, _ := privAttackAs(t, attacker, root, tg.Pid, "")
	privExpectAll(t, "the container's root against its own process", v, "allowed")
	v, _ = privAttackAs(t, attacker, root, stage2, "")
	privExpectAll(t, "the container's root against the capture stage", v, "refused")
	syscall.Kill(stage2, syscall.SIGINT)
	if r := p.wait(t); r.status != "exit 0" {
		t.Errorf("capture: %s, stderr %q", r.status, r.stderr)
	}
}

// privIntermediateStage: the process that waits for the program in a pid
// namespace (-U -p), and stage 1 above it.
func privIntermediateStage(t *testing.T, bin string) {
	tg, err := nstest.Full(t)
	tg = nstest.Need(t, tg, err)
	// The attacker is the target's root seen from the host's pid
	// namespace, where the intermediate lives.
	root := []string{"-t", privItoa(tg.Pid), "-U"}
	p := privStart(t, nil, bin, "-t", privItoa(tg.Pid), "-U", "-p", "sleep", "600")
	inter, prog := privIntermediate(t, p.cmd.Process.Pid)
	v, _ := privAttack(t, root, tg.Pid, "")
	privExpectAll(t, "the target's root against its own process", v, "allowed")
	v, _ = privAttack(t, root, inter, "")
	privExpectAll(t, "the target's root against the intermediate", v, "refused")
	v, _ = privAttack(t, root, p.cmd.Process.Pid, "")
	privExpectAll(t, "the target's root against stage 1", v, "refused")
	privOtherUid(t, inter)
	syscall.Kill(prog, syscall.SIGKILL)
	if r := p.wait(t); r.status != "killed by SIGKILL" {
		t.Errorf("after the program was killed: %s, stderr %q; want gonsenter killed by the same signal", r.status, r.stderr)
	}
}

// privWorldBinary copies gonsenter where uid 65534 can run it.
func privWorldBinary(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(nstest.Gonsenter(t))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(nstest.TempDir(t), "gonsenter")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// privOtherUid: a process of another uid (65534, no capabilities) gets
// none of pid's /proc entries either.
func privOtherUid(t *testing.T, pid int) {
	t.Helper()
	p := "/proc/" + privItoa(pid)
	r := privRun(t, nil, append(nstest.AsNobody(), "sh", "-c",
		`cat "$1/environ" || readlink "$1/exe" || ls "$1/fd/" || exec 3<"$1/mem"`, "sh", p)...)
	if r.status == "exit 0" {
		t.Errorf("uid 65534 reads %s: %q", p, r.stdout)
	}
}

// privBlockedOnFIFO waits for a descendant of pid that waits for a FIFO's
// writer (wchan wait_for_partner).
func privBlockedOnFIFO(t *testing.T, pid int) int {
	t.Helper()
	for i := 0; i < 2000; i++ {
		for _, d := range privDescendants(pid) {
			if w, _ := os.ReadFile("/proc/" + privItoa(d) + "/wchan"); string(w) == "wait_for_partner" {
				return d
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no descendant of %d blocked on the FIFO (descendants %v)", pid, privDescendants(pid))
	return 0
}

// privIntermediate returns stage 1's child (the intermediate of the pid
// namespace fork) and the program below it, once the program runs.
func privIntermediate(t *testing.T, stage1 int) (inter, prog int) {
	t.Helper()
	for i := 0; i < 2000; i++ {
		if d := privDescendants(stage1); len(d) == 2 && nstest.Comm(d[1]) == "sleep" {
			return d[0], d[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("stage 1 (%d) has no intermediate running sleep: %v", stage1, privDescendants(stage1))
	return 0, 0
}

// privEnter is the command prefix that runs the rest in the network
// namespace of pid, as root: util-linux nsenter when installed, else
// gonsenter itself.
func privEnter(t *testing.T, pid int) []string {
	t.Helper()
	enter := "/usr/bin/nsenter"
	if _, err := os.Stat(enter); err != nil {
		enter = nstest.Gonsenter(t)
	}
	return []string{enter, "-t", privItoa(pid), "-n"}
}

// privStatus returns the credential lines of /proc/PID/status (or of one
// thread's status file).
func privStatus(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, k := range []string{"Uid:", "Gid:", "Groups:", "CapInh:", "CapPrm:", "CapEff:", "CapAmb:", "NoNewPrivs:"} {
			if strings.HasPrefix(line, k) {
				keep = append(keep, strings.TrimRight(line, " "))
			}
		}
	}
	return strings.Join(keep, "\n")
}

// privThreadsStatus checks that every thread of pid has the credentials of
// its main thread: Go must apply setuid and setgid to all of them.
func privThreadsStatus(t *testing.T, pid int) {
	t.Helper()
	main := privStatus(t, "/proc/"+privItoa(pid)+"/status")
	tasks, _ := filepath.Glob("/proc/" + privItoa(pid) + "/task/*/status")
	for _, f := range tasks {
		if st := privStatus(t, f); st != main {
			t.Errorf("%s:\n%s\ndiffers from the process's\n%s", f, st, main)
		}
	}
}

// privFileInfo describes the files matching glob in dir as
// "suffix uid:gid mode size", in name order; the part of the name before
// the first "." is dropped so that two captures' files compare.
func privFileInfo(t *testing.T, dir, glob string, sizes bool) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, glob))
	sort.Strings(names)
	var out []string
	for _, name := range names {
		var st syscall.Stat_t
		if err := syscall.Stat(name, &st); err != nil {
			t.Fatal(err)
		}
		_, suffix, _ := strings.Cut(filepath.Base(name), ".")
		desc := fmt.Sprintf("%s %d:%d %o", suffix, st.Uid, st.Gid, st.Mode&0o7777)
		if sizes {
			desc += fmt.Sprintf(" %d", st.Size)
		}
		out = append(out, desc)
	}
	return out
}

// privReadable reads a capture file with tcpdump and returns its lines.
func privReadable(t *testing.T, file string) []string {
	t.Helper()
	r := privRun(t, nil, "tcpdump", "-r", file, "-n")
	if r.status != "exit 0" || !strings.HasPrefix(r.stderr, "reading from file ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("tcpdump -r %s: %s, stderr %q", file, r.status, r.stderr)
	}
	return strings.Split(strings.TrimSpace(r.stdout), "\n")
}

// privNormal makes gonsenter's stderr comparable with tcpdump's: the
// program name, and the "dropped privs to USER" line Debian's tcpdump
// leaves out (capture/doc.go: gonsenter prints it as upstream tcpdump
// does).
func privNormal(stderr, user string) string {
	stderr = strings.ReplaceAll(stderr, "gonsenter: ", "tcpdump: ")
	return strings.Replace(stderr, "dropped privs to "+user+"\n", "", 1)
}

// TestPrivDropToUserLikeTcpdump: -Z nobody drops after the socket is open,
// on every thread, to exactly what tcpdump -Z nobody ends up with (uid,
// gid, groups 65534, no capability left), in a network namespace where
// gonsenter was started and through -t PID -n; -C rotation then creates,
// wraps and rewrites its files as nobody, owned like tcpdump's, every one
// readable; -G -W ends after the same number of files.
func TestPrivDropToUserLikeTcpdump(t *testing.T) {
	requireTools(t, "unshare", "ip", "tcpdump", "busybox")
	bin := nstest.Gonsenter(t)
	tg := privNetTarget(t)
	dir := nstest.TempDir(t)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	faces := map[string][]string{
		"ours":      append(privEnter(t, tg.Pid), bin, "--capture"),
		"ours-t":    {bin, "-t", privItoa(tg.Pid), "-n", "--capture"},
		"reference": append(privEnter(t, tg.Pid), "tcpdump"),
	}
	t.Run("size-rotation", func(t *testing.T) { privSizeRotation(t, faces, dir, tg.Pid) })
	t.Run("root-owned-directory", func(t *testing.T) { privRootOwnedDir(t, faces) })
	t.Run("time-rotation", func(t *testing.T) { privTimeRotation(t, faces, dir, tg.Pid) })
}

// privSizeRotation: -C 1 -W 3 with 4 MB of traffic; the credentials are
// read while the captures listen.
func privSizeRotation(t *testing.T, faces map[string][]string, dir string, netPid int) {
	ping := append(privEnter(t, netPid), "busybox", "ping", "-q", "-s", "8000", "-i", "0.01", "-c", "250", "127.0.0.1")
	procs := map[string]*privProc{}
	for face, argv := range faces {
		// 250 echo requests and replies of 8 KB: 4 MB, so the third
		// file is followed by the first one again.
		procs[face] = privStart(t, nil, append(argv, "-i", "lo", "-Z", "nobody", "-C", "1", "-W", "3",
			"-c", "500", "-w", filepath.Join(dir, face+".pcap"), "icmp")...)
	}
	status := map[string]string{}
	for face, p := range procs {
		p.waitStderr(t, "listening on ")
		status[face] = privStatus(t, "/proc/"+privItoa(p.cmd.Process.Pid)+"/status")
		privThreadsStatus(t, p.cmd.Process.Pid)
	}
	if !strings.HasPrefix(status["reference"], "Uid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65534\n") ||
		!strings.Contains(status["reference"], "CapEff:\t0000000000000000") {
		t.Errorf("tcpdump -Z nobody runs with\n%s", status["reference"])
	}
	for _, face := range []string{"ours", "ours-t"} {
		if status[face] != status["reference"] {
			t.Errorf("%s runs with\n%s\ntcpdump -Z nobody with\n%s", face, status[face], status["reference"])
		}
	}
	if r := privRun(t, nil, ping...); r.status != "exit 0" {
		t.Fatalf("ping: %s %q", r.status, r.stderr)
	}
	results := map[string]privResult{}
	for face, p := range procs {
		if results[face] = p.wait(t); results[face].status != "exit 0" {
			t.Errorf("%s: %s, stderr %q", face, results[face].status, results[face].stderr)
		}
	}
	want := privFileInfo(t, dir, "reference.pcap*", true)
	if len(want) != 3 {
		t.Fatalf("tcpdump -C 1 -W 3 wrote %v, want 3 files: too little traffic for the test", want)
	}
	for _, face := range []string{"ours", "ours-t"} {
		if got := privFileInfo(t, dir, face+".pcap*", true); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s wrote\n%s\ntcpdump wrote\n%s", face, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for i := 0; i < 3; i++ {
			suffix := ".pcap" + strconv.Itoa(i)
			if got, want := privReadable(t, filepath.Join(dir, face+suffix)), privReadable(t, filepath.Join(dir, "reference"+suffix)); len(got) != len(want) {
				t.Errorf("%s%s holds %d packets, tcpdump's %d", face, suffix, len(got), len(want))
			}
		}
		if got, want := privNormal(results[face].stderr, "nobody"), results["reference"].stderr; got != want {
			t.Errorf("%s stderr %q, tcpdump's %q", face, results[face].stderr, want)
		}
		if !strings.HasPrefix(results[face].stderr, "dropped privs to nobody\n") {
			t.Errorf("%s stderr %q does not start with the drop", face, results[face].stderr)
		}
	}
}

// privRootOwnedDir: -w into a directory only root may write to.
func privRootOwnedDir(t *testing.T, faces map[string][]string) {
	// gonsenter opens -w after dropping, as upstream tcpdump does
	// (capture/doc.go); Debian's tcpdump opens the first file as root
	// and hands it to the user, so it succeeds here.
	rootOnly := filepath.Join(nstest.TempDir(t), "f.pcap")
	for _, face := range []string{"ours", "ours-t"} {
		r := privRun(t, nil, append(faces[face], "-i", "lo", "-Z", "nobody", "-w", rootOnly)...)
		if want := "dropped privs to nobody\ngonsenter: " + rootOnly + ": Permission denied\n"; r.status != "exit 1" || r.stderr != want {
			t.Errorf("%s: %s, stderr %q; want exit 1, %q", face, r.status, r.stderr, want)
		}
	}
	if _, err := os.Stat(rootOnly); err == nil {
		t.Errorf("%s was created", rootOnly)
	}
}

// privTimeRotation: -G 1 -W 3 ends by itself after three files.
func privTimeRotation(t *testing.T, faces map[string][]string, dir string, netPid int) {
	procs := map[string]*privProc{}
	for face, argv := range faces {
		procs[face] = privStart(t, nil, append(argv, "-i", "lo", "-Z", "nobody", "-G", "1", "-W", "3",
			"-w", filepath.Join(dir, face+".%s.g"), "icmp")...)
	}
	for _, p := range procs {
		p.waitStderr(t, "listening on ")
	}
	pinger := privStart(t, nil, append(privEnter(t, netPid), "busybox", "ping", "-q", "-i", "0.1", "-c", "100", "127.0.0.1")...)
	results := map[string]privResult{}
	for face, p := range procs {
		results[face] = p.wait(t)
	}
	pinger.signal(t, syscall.SIGINT)
	want := privFileInfo(t, dir, "reference.*.g", false)
	for _, face := range []string{"ours", "ours-t"} {
		got := privFileInfo(t, dir, face+".*.g", false)
		if len(got) != len(want) || len(got) == 0 {
			t.Errorf("%s wrote %d files, tcpdump %d", face, len(got), len(want))
		}
		for i := range got {
			if i < len(want) && privStrip(got[i]) != privStrip(want[i]) {
				t.Errorf("%s file %d is %s, tcpdump's %s", face, i, got[i], want[i])
			}
		}
		if results[face].status != results["reference"].status {
			t.Errorf("%s: %s, tcpdump %s", face, results[face].status, results["reference"].status)
		}
		if got, want := privLastLines(privNormal(results[face].stderr, "nobody")), privLastLines(results["reference"].stderr); got != want {
			t.Errorf("%s ends with %q, tcpdump with %q", face, got, want)
		}
	}
	for _, f := range append(privGlob(dir, "ours*.g"), privGlob(dir, "reference.*.g")...) {
		privReadable(t, f)
	}
}

// privStrip drops the strftime part of a privFileInfo description.
func privStrip(desc string) string {
	_, rest, _ := strings.Cut(desc, " ")
	return rest
}

// privLastLines is stderr without the statistics, whose counts depend on
// when each capture started.
func privLastLines(stderr string) string {
	var keep []string
	for _, line := range strings.Split(stderr, "\n") {
		if !regexp.MustCompile(`^\d+ packets? `).MatchString(line) {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

func privGlob(dir, pattern string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, pattern))
	return m
}

// privNetRaw is the prefix that runs a command as uid/gid 65534 without
// groups, holding only CAP_NET_RAW (ambient, so it survives the exec of a
// program without file capabilities); privNoCaps holds none at all.
var (
	privNetRaw = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
		"--inh-caps=-all,+net_raw", "--ambient-caps=-all,+net_raw", "--bounding-set=-all,+net_raw"}
	privNoCaps = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
		"--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all"}
)

// TestPrivOnlyNetRaw: uid 65534 with nothing but CAP_NET_RAW, inside a
// network namespace the test made, captures ping traffic to a file and as
// text exactly as tcpdump does with the same credentials, and everything
// it may not do ends with one line of nsenter's or tcpdump's, their exit
// status, and no Go crash: other processes' namespaces, a directory it
// cannot write, -Z (ignored when not root, as tcpdump does), promiscuous
// mode on a veth (allowed with CAP_NET_RAW), no capability at all.
func TestPrivOnlyNetRaw(t *testing.T) {
	requireTools(t, "unshare", "ip", "tcpdump", "busybox", "setpriv")
	bin := nstest.Gonsenter(t)
	tg := privTarget(t, "unshare", "--net", "sh", "-c", "ip link set lo up && ip link add gnsp0 type veth peer name gnsp1 && "+
		"ip link set gnsp0 up && ip link set gnsp1 up && exec sleep 600")
	other := privNetTarget(t)
	in := append(privEnter(t, tg.Pid), privNetRaw...)
	dir := nstest.TempDir(t)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	t.Run("capture", func(t *testing.T) {
		privUnprivCapture(t, bin, in, dir)
	})
	t.Run("refused", func(t *testing.T) {
		privUnprivRefusals(t, bin, in, other.Pid)
	})
	t.Run("allowed-as-for-tcpdump", func(t *testing.T) {
		privUnprivAllowed(t, bin, in)
	})
}

// privUnprivCapture: a file, text on stdout and tcpdump's text, taken at
// once from the same four packets.
func privUnprivCapture(t *testing.T, bin string, in []string, dir string) {
	file := filepath.Join(dir, "unpriv.pcap")
	procs := map[string]*privProc{
		"file":    privStart(t, nil, append(in, bin, "--capture", "-i", "lo", "-c", "4", "-w", file, "icmp")...),
		"text":    privStart(t, nil, append(in, bin, "--capture", "-i", "lo", "-c", "4", "-n", "-t", "icmp")...),
		"tcpdump": privStart(t, nil, append(in, "tcpdump", "-i", "lo", "-c", "4", "-n", "-t", "icmp")...),
	}
	for _, p := range procs {
		p.waitStderr(t, "listening on ")
	}
	if r := privRun(t, nil, append(in, "busybox", "ping", "-q", "-c", "2", "127.0.0.1")...); r.status != "exit 0" {
		t.Fatalf("ping as uid 65534 with CAP_NET_RAW: %s %q", r.status, r.stderr)
	}
	res := map[string]privResult{}
	for name, p := range procs {
		if res[name] = p.wait(t); res[name].status != "exit 0" {
			t.Errorf("%s: %s, stderr %q", name, res[name].status, res[name].stderr)
		}
	}
	if res["text"].stdout != res["tcpdump"].stdout || strings.Count(res["tcpdump"].stdout, "ICMP echo") != 4 {
		t.Errorf("text:\n%s\ntcpdump:\n%s", res["text"].stdout, res["tcpdump"].stdout)
	}
	if got, want := privLastLines(privNormal(res["text"].stderr, "")), privLastLines(res["tcpdump"].stderr); got != want {
		t.Errorf("stderr %q, tcpdump's %q", got, want)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(file, &st); err != nil || st.Uid != 65534 {
		t.Errorf("%s: owner %d (%v), want 65534", file, st.Uid, err)
	}
	ref := privRun(t, nil, "tcpdump", "-r", file, "-n", "-t")
	if ref.stdout != res["tcpdump"].stdout {
		t.Errorf("tcpdump -r of gonsenter's file:\n%s\ntcpdump live:\n%s", ref.stdout, res["tcpdump"].stdout)
	}
	ours := privRun(t, nil, bin, "--capture", "-r", file, "-n")
	if theirs := privRun(t, nil, "tcpdump", "-r", file, "-n"); ours.stdout != theirs.stdout || privNormal(ours.stderr, "") != theirs.stderr {
		t.Errorf("reading the file: gonsenter %q %q, tcpdump %q %q", ours.stdout, ours.stderr, theirs.stdout, theirs.stderr)
	}
}

// privUnprivRefusals compares each refusal with the reference tools run
// with the same credentials. gonsenter joins a target's namespaces with
// one setns(pidfd) call, as util-linux 2.41+ does, so where 2.38.1 cannot
// open /proc/PID/ns/X (docs/differences.md) it reports that call's EPERM.
func privUnprivRefusals(t *testing.T, bin string, in []string, other int) {
	ref := privRefNsenter()
	o := privItoa(other)
	rootOnly := filepath.Join(nstest.TempDir(t), "root-only")
	if err := os.Mkdir(rootOnly, 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		ours, ref []string // argv after the credentials prefix
		stderr    string   // gonsenter's exact stderr ("" to compare with the reference)
		refStderr string   // util-linux 2.38.1's, when it differs
		status    string
	}{
		{"other-netns", []string{bin, "-t", o, "-n", "true"}, []string{ref, "-t", o, "-n", "true"},
			"gonsenter: reassociate to namespaces failed: Operation not permitted\n",
			"nsenter: cannot open /proc/" + o + "/ns/net: Permission denied\n", "exit 1"},
		{"other-userns", []string{bin, "-t", o, "-U", "true"}, []string{ref, "-t", o, "-U", "true"},
			"gonsenter: reassociate to namespaces failed: Operation not permitted\n",
			"nsenter: cannot open /proc/" + o + "/ns/user: Permission denied\n", "exit 1"},
		{"capture-other-netns", []string{bin, "-t", o, "-n", "--capture", "-i", "lo", "-c", "1"},
			[]string{ref, "-t", o, "-n", "tcpdump", "-i", "lo", "-c", "1"},
			"gonsenter: reassociate to namespaces failed: Operation not permitted\n",
			"nsenter: cannot open /proc/" + o + "/ns/net: Permission denied\n", "exit 1"},
		{"write-root-only-dir", []string{bin, "--capture", "-i", "lo", "-w", rootOnly + "/f.pcap"},
			[]string{"tcpdump", "-i", "lo", "-w", rootOnly + "/f.pcap"}, "", "", "exit 1"},
		{"no-capabilities", []string{bin, "--capture", "-i", "lo"}, []string{"tcpdump", "-i", "lo"}, "", "", "exit 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			prefix := in
			if c.name == "no-capabilities" {
				prefix = append(in[:len(in)-len(privNetRaw):len(in)-len(privNetRaw)], privNoCaps...)
			}
			got := privRun(t, nil, append(prefix, c.ours...)...)
			if got.status != c.status || strings.Count(got.stderr, "\n") > 2 || (c.stderr != "" && got.stderr != c.stderr) {
				t.Errorf("%q: %s, stderr %q; want %s, %q", c.ours, got.status, got.stderr, c.status, c.stderr)
			}
			if c.ref[0] == "" {
				return
			}
			want := privRun(t, nil, append(prefix, c.ref...)...)
			wantErr := c.refStderr
			if wantErr == "" {
				wantErr = privNormal(got.stderr, "")
			}
			if want.status != got.status || want.stderr != wantErr {
				t.Errorf("reference %q: %s, stderr %q; gonsenter: %s, stderr %q", c.ref, want.status, want.stderr, got.status, got.stderr)
			}
		})
	}
}

// privUnprivAllowed: what tcpdump lets this user do, gonsenter does too:
// -Z is ignored when not running as root (even -Z root and an unknown
// user), and promiscuous mode needs only CAP_NET_RAW. Each capture is
// stopped with SIGINT once listening.
func privUnprivAllowed(t *testing.T, bin string, in []string) {
	for _, args := range [][]string{
		{"-i", "lo", "-Z", "root", "-w", "/dev/null"},
		{"-i", "lo", "-Z", "nosuchuser", "-w", "/dev/null"},
		{"-i", "gnsp0", "-w", "/dev/null"},
		{"-i", "gnsp0", "-p", "-w", "/dev/null"},
	} {
		res := map[string]privResult{}
		for face, argv := range map[string][]string{"ours": {bin, "--capture"}, "tcpdump": {"tcpdump"}} {
			p := privStart(t, nil, append(append(in, argv...), args...)...)
			p.waitStderr(t, "listening on ")
			p.signal(t, syscall.SIGINT)
			res[face] = p.wait(t)
		}
		if res["ours"].status != "exit 0" || res["tcpdump"].status != "exit 0" ||
			privLastLines(privNormal(res["ours"].stderr, "")) != privLastLines(res["tcpdump"].stderr) {
			t.Errorf("%q: gonsenter %s %q, tcpdump %s %q", args, res["ours"].status, res["ours"].stderr, res["tcpdump"].status, res["tcpdump"].stderr)
		}
	}
}
