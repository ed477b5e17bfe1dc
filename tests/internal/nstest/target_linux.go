//go:build linux

package nstest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// NsTypes lists the namespace types in util-linux's table order (nsenter.c).
var NsTypes = []string{"user", "cgroup", "ipc", "uts", "net", "pid", "mnt", "time"}

// Target is a long-running process ("sleep") living in namespaces a test made.
type Target struct {
	Pid    int               // the sleep process to pass to -t
	Inodes map[string]uint64 // /proc/Pid/ns/<type> inode by type name
	cmd    *exec.Cmd
	stderr bytes.Buffer
	exited chan struct{}
}

// Scripts the targets run inside their new namespaces before parking in sleep.
const (
	// fullScript names the host, mounts a tmpfs with a marker on /mnt (the
	// mount is private to the target's mount namespace) and parks in /mnt/sub.
	fullScript = `hostname nstarget && mount -t tmpfs none /mnt && echo inside > /mnt/marker &&
mkdir /mnt/sub && cd /mnt/sub && exec sleep 600`
	// noUserScript does the same with other values, parks in /mnt and gives
	// the target a small fixed environment with a duplicate (for -e).
	noUserScript = `hostname nstest && mount -t tmpfs none /mnt && echo inside-n > /mnt/marker &&
cd /mnt && exec env -i A=1 BB=22 C=3 A=9 sleep 600`
)

// Full starts a target in new user (root mapped to the caller's uid),
// mount, uts, ipc, net, pid, cgroup and time namespaces, with boottime and
// monotonic clocks shifted by 1000000 s. Hostname "nstarget", /mnt/marker
// holds "inside", cwd /mnt/sub.
func Full(t testing.TB) (*Target, error) {
	return Launch(t, "unshare", "--user", "--map-root-user", "--mount", "--uts", "--ipc",
		"--net", "--pid", "--cgroup", "--time", "--fork", "--kill-child", "--mount-proc",
		"--boottime", "1000000", "--monotonic", "1000000", "sh", "-c", fullScript)
}

// NoUser starts a target in new mount, uts, ipc, net, pid and cgroup
// namespaces but the caller's user and time namespaces, so gonsenter can enter
// it from a thread. Hostname "nstest", /mnt/marker holds "inside-n", cwd /mnt,
// environment exactly A=9 BB=22 C=3 (from "A=1 BB=22 C=3 A=9").
func NoUser(t testing.TB) (*Target, error) {
	return Launch(t, "unshare", "--mount", "--uts", "--ipc", "--net", "--pid", "--cgroup",
		"--fork", "--kill-child", "--mount-proc", "sh", "-c", noUserScript)
}

// Rootless starts, as uid/gid 65534 with no groups, a target in a user
// namespace of its own (root mapped to 65534, setgroups denied) plus net and
// uts namespaces owned by it; hostname "unpriv". It models a rootless container.
func Rootless(t testing.TB) (*Target, error) {
	return Launch(t, append(AsNobody(), "unshare", "-U", "-r", "-n", "-u",
		"sh", "-c", "hostname unpriv && exec sleep 600")...)
}

// AsNobody is the command prefix that runs the rest of a command line as uid
// and gid 65534 without supplementary groups.
func AsNobody() []string {
	return []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}
}

// NestedUser starts a target two user namespaces deep; its parent user
// namespace (for --user-parent) is returned by ParentUserInode.
func NestedUser(t testing.TB) (*Target, error) {
	return Launch(t, "unshare", "-U", "-r", "unshare", "-U", "-r", "sleep", "600")
}

// Mount starts a target in a private mount namespace where a tmpfs
// covers dir; inside, dir/sub/inside_marker exists and the target's cwd is
// dir/sub. The caller creates dir/sub/outside_marker on the host side if it
// wants a "tunnel" check.
func Mount(t testing.TB, dir string) (*Target, error) {
	script := fmt.Sprintf(`mount -t tmpfs none %[1]s && mkdir %[1]s/sub &&
echo in > %[1]s/sub/inside_marker && cd %[1]s/sub && exec sleep 600`, dir)
	return Launch(t, "unshare", "--mount", "--propagation", "private", "sh", "-c", script)
}

// SocketHolder starts a "sleep" in the caller's namespaces, with an empty
// environment, that holds as its file descriptor fd (>= 3) a UDP socket
// created in the network namespace of netPid (for --net-socket).
func SocketHolder(t testing.TB, netPid, fd int) (*Target, error) {
	sock, err := socketIn(netPid)
	if err != nil {
		return nil, fmt.Errorf("socket in the net namespace of %d: %w", netPid, err)
	}
	defer sock.Close()
	extra := make([]*os.File, fd-2)
	extra[fd-3] = sock
	return launch(t, extra, "env", "-i", "sleep", "600")
}

// Need returns tg, or skips t with the reason the target could not be made
// (typically a kernel without some namespace type).
func Need(t testing.TB, tg *Target, err error) *Target {
	t.Helper()
	if err != nil {
		t.Skip(err)
	}
	return tg
}

// Launch runs argv in its own process group and waits until a process named
// "sleep" appears: argv's own process or one of its children (unshare --fork).
// If argv exits first, the kernel or the tools cannot provide this target and
// the error carries their message. The target is killed in t.Cleanup.
func Launch(t testing.TB, argv ...string) (*Target, error) {
	return launch(t, nil, argv...)
}

func launch(t testing.TB, extra []*os.File, argv ...string) (*Target, error) {
	tg := &Target{cmd: exec.Command(argv[0], argv[1:]...)}
	tg.cmd.Dir = "/"
	tg.cmd.Stderr = &tg.stderr
	tg.cmd.ExtraFiles = extra
	tg.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := tg.cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start target %q: %w", argv, err)
	}
	t.Cleanup(tg.stop)
	exited := make(chan struct{})
	tg.exited = exited
	go func() { tg.cmd.Wait(); close(exited) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if pid := findSleep(tg.cmd.Process.Pid); pid > 0 {
			tg.Pid = pid
			tg.Inodes = NsInodes(pid)
			return tg, nil
		}
		select {
		case <-exited:
			return nil, fmt.Errorf("kernel cannot provide target %q: %s", argv, strings.TrimSpace(tg.stderr.String()))
		case <-time.After(10 * time.Millisecond):
		}
	}
	return nil, fmt.Errorf("target %q did not reach sleep within 10s", argv)
}

func (tg *Target) stop() {
	if p := tg.cmd.Process; p != nil {
		syscall.Kill(-p.Pid, syscall.SIGKILL)
		if tg.Pid > 0 {
			syscall.Kill(tg.Pid, syscall.SIGKILL)
		}
		// Wait runs in the goroutine started by startWith; let it reap.
		select {
		case <-tg.exited:
		case <-time.After(5 * time.Second):
		}
	}
}

// findSleep returns pid if it runs sleep, else the first child of pid that does.
func findSleep(pid int) int {
	if Comm(pid) == "sleep" {
		return pid
	}
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, f := range strings.Fields(string(b)) {
		if c, err := strconv.Atoi(f); err == nil && Comm(c) == "sleep" {
			return c
		}
	}
	return 0
}

// Comm returns /proc/pid/comm without the newline, or "" if pid is gone.
func Comm(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	return strings.TrimSpace(string(b))
}

// NsInodes returns the inode of each /proc/pid/ns/<type> that exists.
func NsInodes(pid int) map[string]uint64 {
	m := map[string]uint64{}
	for _, typ := range NsTypes {
		var st unix.Stat_t
		if unix.Stat(filepath.Join("/proc", strconv.Itoa(pid), "ns", typ), &st) == nil {
			m[typ] = st.Ino
		}
	}
	return m
}

// ParentUserInode returns the inode of the user namespace that owns pid's
// user namespace (ioctl NS_GET_PARENT), as --user-parent would enter it.
func ParentUserInode(pid int) (uint64, error) {
	fd, err := unix.Open(fmt.Sprintf("/proc/%d/ns/user", pid), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	defer unix.Close(fd)
	pfd, err := unix.IoctlRetInt(fd, unix.NS_GET_PARENT)
	if err != nil {
		return 0, os.NewSyscallError("ioctl NS_GET_PARENT", err)
	}
	defer unix.Close(pfd)
	var st unix.Stat_t
	if err := unix.Fstat(pfd, &st); err != nil {
		return 0, err
	}
	return st.Ino, nil
}

// PidfsInode returns the pidfs inode of pid's pidfd (the "inode" of -t PID:inode).
func PidfsInode(pid int) (uint64, error) {
	fd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return 0, os.NewSyscallError("pidfd_open", err)
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return 0, err
	}
	return st.Ino, nil
}
