package namespaces

import (
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// On the thread path (no user or time namespace, no -p) gonsenter execs the
// program in place, like util-linux: the program has the PID we started.
func TestThreadPathKeepsPID(t *testing.T) {
	n := noUser(t)
	for _, opts := range [][]string{{"-u"}, {"-u", "-n", "-i", "-C"}, {"-m", "-u"}, {"-a", "-F"}} {
		t.Run(strings.Join(opts, ""), func(t *testing.T) {
			skipGap(t)
			args := append([]string{"-t", pidArg(n)}, opts...)
			r := gonsenter(t, "", append(args, "sh", "-c", "echo $$")...)
			expectOK(t, r, strconv.Itoa(r.pid)+"\n")
		})
	}
}

// paths are the three ways gonsenter runs a program: exec in place from a
// thread, fork for a pid namespace, and the raw fork child a user namespace
// needs.
func paths(t *testing.T) map[string][]string {
	n, f := noUser(t), full(t)
	return map[string][]string{
		"thread":    {"-t", pidArg(n), "-u", "-n"},
		"pid-fork":  {"-t", pidArg(n), "-p"},
		"user":      {"-t", pidArg(f), "-U", "-m"},
		"user-pid":  {"-t", pidArg(f), "-U", "-p"},
		"all-user":  {"-t", pidArg(f), "-a"},
		"time-only": {"-t", pidArg(f), "-T"},
	}
}

func TestExitStatusPassesThrough(t *testing.T) {
	for name, opts := range paths(t) {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			for _, code := range []int{0, 1, 2, 42, 126, 127, 128, 255} {
				r := gonsenter(t, "", append(opts, "sh", "-c", "exit "+strconv.Itoa(code))...)
				if want := "exit " + strconv.Itoa(code); r.status() != want || r.stderr != "" {
					t.Errorf("sh -c 'exit %d': got %s, stderr %q; want %s", code, r.status(), r.stderr, want)
				}
			}
		})
	}
}

// A program killed by a signal makes gonsenter die by the same signal, as
// util-linux's parent re-raises it (and as an exec in place would look).
func TestFatalSignalPassesThrough(t *testing.T) {
	sigs := []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL, syscall.SIGSEGV, syscall.SIGUSR1}
	for name, opts := range paths(t) {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			for _, sig := range sigs {
				script := "kill -" + strings.TrimPrefix(signalName(sig), "SIG") + " $$"
				r := gonsenter(t, "", append(opts, "sh", "-c", script)...)
				if !r.ws.Signaled() || r.ws.Signal() != sig {
					t.Errorf("%s: got %s (stderr %q), want killed by %v", script, r.status(), r.stderr, sig)
				}
			}
		})
	}
}

func signalName(sig syscall.Signal) string {
	return map[syscall.Signal]string{
		syscall.SIGTERM: "TERM", syscall.SIGKILL: "KILL", syscall.SIGSEGV: "SEGV", syscall.SIGUSR1: "USR1",
	}[sig]
}

// Exec failures give 127 (not found) and 126 (found, not runnable) on every path.
func TestExecFailureStatus(t *testing.T) {
	for name, opts := range paths(t) {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			for prog, code := range map[string]int{"nosuchprog_xyz": 127, "/nonexistent/x": 127, "/etc/passwd": 126, "/": 126} {
				r := gonsenter(t, "", append(opts, prog)...)
				if r.status() != "exit "+strconv.Itoa(code) || !strings.Contains(r.stderr, "failed to execute "+prog+": ") {
					t.Errorf("%s: got %s, stderr %q; want exit %d and 'failed to execute'", prog, r.status(), r.stderr, code)
				}
			}
		})
	}
}

// With fd 0 closed the first fd gonsenter opens is 0; the namespaces must
// still be entered (util-linux 2.41.0-2.42.1 silently skipped them).
func TestClosedStdinStillEnters(t *testing.T) {
	n, f := noUser(t), full(t)
	bin := nstest.Gonsenter(t)
	closed := []string{"/bin/sh", "-c", `exec "$0" "$@" <&-`, bin}
	r := runArgv(t, "", append(closed, "-t", pidArg(n), "-u", "-n", "sh", "-c", "hostname; readlink /proc/self/ns/net")...)
	expectOK(t, r, "nstest\nnet:["+strconv.FormatUint(n.Inodes["net"], 10)+"]\n")
	r = runArgv(t, "", append(closed, "-t", pidArg(f), "-U", "-u", "sh", "-c", "hostname; readlink /proc/self/ns/user")...)
	expectOK(t, r, "nstarget\nuser:["+strconv.FormatUint(f.Inodes["user"], 10)+"]\n")
}

// The program sees only fds 0, 1, 2 (and ls's own directory fd 3): no
// namespace fd, pidfd, root/cwd fd or pipe of gonsenter leaks into it.
func TestNoLeakedFds(t *testing.T) {
	n, f := noUser(t), full(t)
	cases := map[string][]string{
		"thread":     {"-t", pidArg(n), "-u", "-n", "-i", "-C"},
		"thread-dir": {"-t", pidArg(n), "-u", "-w"},
		"files":      {"--net=/proc/" + pidArg(n) + "/ns/net", "--uts=/proc/" + pidArg(n) + "/ns/uts"},
		"pid-fork":   {"-t", pidArg(n), "-p", "-m"},
		"all":        {"-t", pidArg(n), "-a"},
		"user-all":   {"-t", pidArg(f), "-a", "-r", "-w"},
		"user-pid":   {"-t", pidArg(f), "-U", "-p", "-m", "--forward-signals"},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			skipGap(t)
			expectOK(t, gonsenter(t, "", append(opts, "ls", "/proc/self/fd")...), "0\n1\n2\n3\n")
		})
	}
}

// -U -m: the target's mount namespace (tmpfs with a marker) seen as root of
// the target's user namespace, whose uid_map maps 0 to our 0.
func TestUserAndMount(t *testing.T) {
	f := full(t)
	r := gonsenter(t, "", "-t", pidArg(f), "-U", "-m", "-p", "sh", "-c",
		"cat /mnt/marker; id -u; id -g; cat /proc/self/uid_map; pwd")
	expectOK(t, r, "inside\n0\n0\n         0          0          1\n/\n")
	r = gonsenter(t, "", "-t", pidArg(f), "-U", "-m", "-w", "pwd")
	expectOK(t, r, "/mnt/sub\n")
}

// -T: the program reads the target's clocks (boottime shifted by 1000000 s).
func TestTimeNamespace(t *testing.T) {
	f := full(t)
	r := gonsenter(t, "", "-t", pidArg(f), "-T", "cat", "/proc/uptime")
	up, err := strconv.ParseFloat(strings.Fields(r.stdout + " x")[0], 64)
	if err != nil || r.status() != "exit 0" {
		t.Fatalf("got %s, stdout %q, stderr %q", r.status(), r.stdout, r.stderr)
	}
	host := hostUptime(t)
	if up < host+999000 {
		t.Errorf("uptime in the time namespace is %.0f s, host %.0f s: want a shift of about 1000000 s", up, host)
	}
}

func hostUptime(t *testing.T) float64 {
	r := runArgv(t, "", "cat", "/proc/uptime")
	up, err := strconv.ParseFloat(strings.Fields(r.stdout + " x")[0], 64)
	if err != nil {
		t.Fatal(err)
	}
	return up
}

// An unprivileged caller entering a rootless container: setgroups is denied
// in such a user namespace, so only --preserve-credentials works (spec 5).
func TestRootlessTarget(t *testing.T) {
	nstest.RequireRoot(t)
	p, err := nstest.Rootless(t)
	p = nstest.Need(t, p, err)
	bin := nstest.NsenterLink(t)
	as := append(nstest.AsNobody(), bin, "-t", pidArg(p))
	r := runArgv(t, "", append(as, "-U", "-u", "--preserve-credentials", "sh", "-c", "id -u; hostname; cat /proc/self/uid_map")...)
	expectOK(t, r, "0\nunpriv\n         0      65534          1\n")
	r = runArgv(t, "", append(as, "-U", "-u", "hostname")...)
	if r.status() != "exit 1" || r.stderr != "nsenter: setgroups failed: Operation not permitted\n" {
		t.Errorf("without --preserve-credentials: got %s, stdout %q, stderr %q; want the setgroups failure", r.status(), r.stdout, r.stderr)
	}
}

// -c needs cgroup v2 at /sys/fs/cgroup; util-linux closes fd 0 there (spec
// 11.3) and leaks the cgroup.procs fd. Run in a private mount namespace with
// cgroup2 mounted over /sys/fs/cgroup so the host layout does not matter.
func TestJoinCgroupKeepsStdin(t *testing.T) {
	n := noUser(t)
	bin := nstest.Gonsenter(t)
	probe := runArgv(t, "", "unshare", "-m", "sh", "-c", "mount -t cgroup2 none /sys/fs/cgroup")
	if probe.status() != "exit 0" {
		t.Skipf("cannot mount cgroup2 in a private mount namespace: %s", probe.stderr)
	}
	r := runArgv(t, "data\n", "unshare", "-m", "sh", "-c", `mount -t cgroup2 none /sys/fs/cgroup && exec "$@"`, "sh",
		bin, "-t", pidArg(n), "-u", "-c", "sh", "-c", "cat; ls /proc/self/fd")
	expectOK(t, r, "data\n0\n1\n2\n3\n")
}
