package capture_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// Issue #4: capture files belong to the caller. When --capture must run in
// a re-executed gonsenter inside the target (-U, -m, -a), -w, -r and -F
// still name files on the host, not in the target's mount namespace.

// startCapture runs `gonsenter NSARGS --capture ARGS` and returns once it
// printed its "listening on" banner.
func startCapture(t *testing.T, nsArgs []string, args ...string) *run {
	t.Helper()
	return startRun(t, nil, append(append(append([]string{}, nsArgs...), "--capture"), args...)...)
}

// inTarget runs gonsenter with nsArgs and a program, returning its output.
func inTarget(t *testing.T, nsArgs []string, prog ...string) (string, error) {
	t.Helper()
	out, err := exec.Command(gonsenter(t), append(append([]string{}, nsArgs...), prog...)...).CombinedOutput()
	return string(out), err
}

// pingLo sends count echo requests to 127.0.0.1 from inside the target.
func pingLo(t *testing.T, nsArgs []string, count int) {
	t.Helper()
	if out, err := inTarget(t, nsArgs, "busybox", "ping", "-q", "-c", itoa(count), "-i", "0.1", "127.0.0.1"); err != nil {
		t.Fatalf("ping: %v\n%s", err, out)
	}
}

// checkICMPFile asserts that path holds exactly n ICMP echo packets, as the
// real tcpdump and gopacket read it.
func checkICMPFile(t *testing.T, path string, n int) {
	t.Helper()
	if out, _ := tcpdumpRead(t, path, "--count"); out != itoa(n)+" packets\n" {
		t.Errorf("tcpdump -r %s --count: %q, want %d packets", path, out, n)
	}
	_, pkts := readPcap(t, path)
	if len(pkts) != n {
		t.Errorf("%s: gopacket reads %d packets, want %d", path, len(pkts), n)
	}
	for i, pkt := range pkts {
		if ty := icmpType(pkt, 14); ty != 0 && ty != 8 {
			t.Errorf("%s: packet %d is not an ICMP echo (type %d)", path, i, ty)
		}
	}
}

// captureSix captures 6 ICMP packets on the target's lo into file while
// the target pings itself, and returns the stderr of the capture.
func captureSix(t *testing.T, nsArgs, pingArgs []string, file string) string {
	t.Helper()
	r := startCapture(t, nsArgs, "-i", "lo", "-c", "6", "-w", file, "icmp")
	pingLo(t, pingArgs, 5)
	if code := r.wait(t); code != 0 {
		t.Fatalf("%q: exit %d\n%s", nsArgs, code, r.stderr.String())
	}
	return r.stderr.String()
}

func TestCaptureIntoUserNamespaceWritesHostFile(t *testing.T) {
	need(t, "busybox", "tcpdump", "unshare", "ip")
	tg := launch(t, "unshare", "--user", "--map-root-user", "--net",
		"sh", "-c", "ip link set lo up && exec sleep 600")
	nsArgs := []string{"-t", itoa(tg.Pid), "-U", "-n"}
	file := filepath.Join(t.TempDir(), "userns.pcap")
	captureSix(t, nsArgs, nsArgs, file)
	checkICMPFile(t, file, 6)
}

// TestCaptureIntoRootlessTarget: the target is a rootless container (uid
// 65534 owns its user and network namespaces). The capture runs as the
// target's root, so the file is created with its credentials, on the host.
// While it runs, stage 2 is not dumpable and the target's root can neither
// read its /proc/PID/exe nor list its descriptors.
func TestCaptureIntoRootlessTarget(t *testing.T) {
	need(t, "busybox", "tcpdump", "unshare", "setpriv", "ip")
	tg, dir := rootlessTarget(t)
	nsArgs := []string{"-t", itoa(tg.Pid), "-U", "-n"}
	file := filepath.Join(dir, "rootless.pcap")
	r := startCapture(t, nsArgs, "-i", "lo", "-c", "6", "-w", file, "icmp")
	checkStage2Guarded(t, r.cmd.Process.Pid, nsArgs)
	pingLo(t, nsArgs, 5)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	checkICMPFile(t, file, 6)
	var st syscall.Stat_t
	if err := syscall.Stat(file, &st); err != nil || st.Uid != 65534 {
		t.Errorf("%s: owner %d (%v), want 65534, the target's root", file, st.Uid, err)
	}
}

// checkStage2Guarded finds the re-executed child of stage 1 and checks
// what the target's root can see of it.
func checkStage2Guarded(t *testing.T, stage1 int, nsArgs []string) {
	t.Helper()
	b, err := os.ReadFile("/proc/" + itoa(stage1) + "/task/" + itoa(stage1) + "/children")
	f := strings.Fields(string(b))
	if err != nil || len(f) != 1 {
		t.Fatalf("stage 1 (%d) children: %q %v", stage1, b, err)
	}
	s2 := f[0]
	status, _ := os.ReadFile("/proc/" + s2 + "/status")
	if !strings.Contains(string(status), "\nUid:\t65534\t65534\t65534\t65534\n") {
		t.Fatalf("stage 2 (%s) does not run as the target's root (65534):\n%s", s2, status)
	}
	// /proc files of a non-dumpable process belong to the root of the user
	// namespace recorded for its mm: 65534 if that is the target's (whose
	// root could then ptrace it), 0 for the host's.
	var st syscall.Stat_t
	if err := syscall.Stat("/proc/"+s2+"/status", &st); err != nil || st.Uid != 0 {
		t.Errorf("/proc/%s/status owner %d (%v): stage 2 is dumpable or ptrace-able by the target's root", s2, st.Uid, err)
	}
	if out, err := inTarget(t, nsArgs, "readlink", "/proc/"+s2+"/exe"); err == nil {
		t.Errorf("the target's root reads /proc/%s/exe: %q", s2, out)
	}
	if out, err := inTarget(t, nsArgs, "ls", "/proc/"+s2+"/fd"); err == nil {
		t.Errorf("the target's root lists /proc/%s/fd: %q", s2, out)
	}
}

// mountTarget has a private mount namespace in which a tmpfs covers dir,
// and a network namespace with lo up.
func mountTarget(t *testing.T, dir string) *nstest.Target {
	t.Helper()
	need(t, "busybox", "tcpdump", "unshare", "ip")
	return launch(t, "unshare", "--mount", "--propagation", "private", "--net", "sh", "-c",
		"mount -t tmpfs none "+dir+" && ip link set lo up && exec sleep 600")
}

// launch starts a target, skipping when the kernel cannot provide it.
func launch(t *testing.T, argv ...string) *nstest.Target {
	t.Helper()
	nstest.RequireRoot(t)
	tg, err := nstest.Launch(t, argv...)
	return nstest.Need(t, tg, err)
}

// TestCaptureWithMountNamespaceWritesHostFile: with -m (and with -a) the
// capture runs inside the target's mount namespace, yet -w creates the file
// in the host's directory, which the target cannot see under its tmpfs, and
// -r and -F read host files the target cannot see either.
func TestCaptureWithMountNamespaceWritesHostFile(t *testing.T) {
	dir := t.TempDir()
	tg := mountTarget(t, dir)
	pid := itoa(tg.Pid)
	for i, nsArgs := range [][]string{{"-t", pid, "-m", "-n"}, {"-t", pid, "-a"}} {
		file := filepath.Join(dir, "m"+strconv.Itoa(i)+".pcap")
		captureSix(t, nsArgs, []string{"-t", pid, "-n"}, file)
		checkICMPFile(t, file, 6)
		if out, err := inTarget(t, []string{"-t", pid, "-m"}, "ls", "-A", dir); err != nil || out != "" {
			t.Errorf("%q: the target's %s holds %q (%v), want it empty", nsArgs, dir, out, err)
		}
	}
	filter := filepath.Join(dir, "filter")
	if err := os.WriteFile(filter, []byte("icmp[icmptype] == icmp-echo # requests only\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gonsenter(t), "-t", pid, "-m", "-n", "--capture", "-r", filepath.Join(dir, "m0.pcap"), "-F", filter, "--count")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasSuffix(string(out), "\n3 packets\n") {
		t.Errorf("-m --capture -r host file -F host filter: %v\n%s", err, out)
	}
}

// TestCaptureRelativePathIsTheCallers: a relative -w name is relative to
// the directory gonsenter was started in, on the host, even when the
// target's mount namespace covers that directory.
func TestCaptureRelativePathIsTheCallers(t *testing.T) {
	dir := t.TempDir()
	tg := mountTarget(t, dir)
	pid := itoa(tg.Pid)
	bin := gonsenter(t)
	cmd := exec.Command(bin, "-t", pid, "-m", "-n", "--capture", "-i", "lo", "-c", "2", "-w", "rel.pcap", "icmp")
	cmd.Dir = dir
	captureWhilePinging(t, cmd, func() { inTarget(t, []string{"-t", pid, "-n"}, "busybox", "ping", "-q", "-c", "1", "127.0.0.1") })
	checkICMPFile(t, filepath.Join(dir, "rel.pcap"), 2)
}

// TestCaptureRotationWithMountNamespace: files that -G creates later, from
// inside the target's mount namespace, are the caller's too.
func TestCaptureRotationWithMountNamespace(t *testing.T) {
	dir := t.TempDir()
	tg := mountTarget(t, dir)
	pid := itoa(tg.Pid)
	r := startCapture(t, []string{"-t", pid, "-m", "-n"}, "-i", "lo", "-G", "1", "-W", "2", "-w", filepath.Join(dir, "g-%s.pcap"), "icmp")
	ping := exec.Command(gonsenter(t), "-t", pid, "-n", "busybox", "ping", "-q", "-c", "80", "-i", "0.1", "127.0.0.1")
	if err := ping.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { ping.Process.Kill(); ping.Wait() }()
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	if !strings.Contains(r.stderr.String(), "Maximum file limit reached: 2\n") {
		t.Errorf("-G 1 -W 2 stderr: %q", r.stderr.String())
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "g-*.pcap")); len(m) != 2 {
		t.Errorf("-G 1 -W 2 made %v on the host", m)
	}
	if out, err := inTarget(t, []string{"-t", pid, "-m"}, "ls", "-A", dir); err != nil || out != "" {
		t.Errorf("the target's %s holds %q (%v), want it empty", dir, out, err)
	}
}

// TestCaptureToStdoutAlias: -w /dev/stdout, a procfs magic link, still
// reaches the caller's standard output from inside a mount namespace.
func TestCaptureToStdoutAlias(t *testing.T) {
	dir := t.TempDir()
	tg := mountTarget(t, dir)
	pid := itoa(tg.Pid)
	r := startCapture(t, []string{"-t", pid, "-m", "-n"}, "-i", "lo", "-c", "2", "-w", "/dev/stdout", "icmp")
	pingLo(t, []string{"-t", pid, "-n"}, 2)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	file := filepath.Join(dir, "stdout.pcap")
	if err := os.WriteFile(file, r.stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	checkICMPFile(t, file, 2)
}

// TestCaptureAsTheRootlessOwner: uid 65534 captures in its own rootless
// container (as util-linux nsenter, a non-root caller needs
// --preserve-credentials where setgroups is denied); the file lands on the
// host, owned by 65534.
func TestCaptureAsTheRootlessOwner(t *testing.T) {
	need(t, "busybox", "tcpdump", "unshare", "setpriv", "ip")
	tg, dir := rootlessTarget(t)
	file := filepath.Join(dir, "owner.pcap")
	nsArgs := []string{"-t", itoa(tg.Pid), "-U", "-n", "--preserve-credentials"}
	bin := worldBinary(t)
	capArgs := append(append(append(nstest.AsNobody(), bin), nsArgs...), "--capture", "-i", "lo", "-c", "6", "-w", file, "icmp")
	ping := append(append(nstest.AsNobody(), bin), nsArgs...)
	ping = append(ping, "busybox", "ping", "-q", "-c", "1", "127.0.0.1")
	captureWhilePinging(t, exec.Command(capArgs[0], capArgs[1:]...), func() { exec.Command(ping[0], ping[1:]...).Run() })
	checkICMPFile(t, file, 6)
	var st syscall.Stat_t
	if err := syscall.Stat(file, &st); err != nil || st.Uid != 65534 {
		t.Errorf("%s: owner %d (%v), want 65534", file, st.Uid, err)
	}
}

// rootlessTarget starts a rootless container, a process of uid 65534 in
// its own user and network namespaces (lo up), and returns it with a
// world-writable host directory for its capture files.
func rootlessTarget(t *testing.T) (*nstest.Target, string) {
	t.Helper()
	tg := launch(t, append(nstest.AsNobody(), "unshare", "--user", "--map-root-user",
		"--net", "sh", "-c", "ip link set lo up && exec sleep 600")...)
	dir := nstest.TempDir(t)
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return tg, dir
}

// worldBinary copies gonsenter into a directory every uid may traverse
// (GONSENTER_BIN may live in a checkout 65534 cannot enter).
func worldBinary(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(gonsenter(t))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(nstest.TempDir(t), "gonsenter")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestCaptureAllWithPidAndTime: -a into pid and time namespaces too (the
// second stage is forked once more inside the pid namespace); a relative
// -w still names the caller's file.
func TestCaptureAllWithPidAndTime(t *testing.T) {
	need(t, "busybox", "tcpdump", "unshare", "ip")
	dir := t.TempDir()
	tg := launch(t, "unshare", "--mount", "--propagation", "private", "--net", "--pid", "--fork",
		"--kill-child", "--mount-proc", "--time", "--boottime", "1000", "sh", "-c",
		"mount -t tmpfs none "+dir+" && ip link set lo up && exec sleep 600")
	pid := itoa(tg.Pid)
	cmd := exec.Command(gonsenter(t), "-t", pid, "-a", "--capture", "-i", "lo", "-c", "2", "-w", "all.pcap", "icmp")
	cmd.Dir = dir
	captureWhilePinging(t, cmd, func() { inTarget(t, []string{"-t", pid, "-n"}, "busybox", "ping", "-q", "-c", "1", "127.0.0.1") })
	checkICMPFile(t, filepath.Join(dir, "all.pcap"), 2)
	if out, err := inTarget(t, []string{"-t", pid, "-m"}, "ls", "-A", dir); err != nil || out != "" {
		t.Errorf("the target's %s holds %q (%v), want it empty", dir, out, err)
	}
}

// captureWhilePinging runs cmd (a capture with -c) and calls ping every
// 300 ms until it exits; the capture decides when it has seen enough.
func captureWhilePinging(t *testing.T, cmd *exec.Cmd, ping func()) {
	t.Helper()
	stderr := &safeBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for i := 0; ; i++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%q: %v\n%s", cmd.Args, err, stderr.String())
			}
			return
		case <-time.After(300 * time.Millisecond):
			if i > 60 {
				t.Fatalf("%q did not end\n%s", cmd.Args, stderr.String())
			}
			ping()
		}
	}
}
