package nsenter

import (
	"os"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// stageMarker is set in the environment of a re-executed gonsenter whose
// threads all live inside the target's namespaces already (ARCHITECTURE
// §2.3). It is removed before anything else runs.
const stageMarker = "_GONSENTER_STAGE=2"

var stage2 bool

// init runs before main in the re-executed process: it must not be
// ptrace-able or reachable through /proc/PID/exe by the container it now
// lives in (runc CVE-2019-5736 class), so it drops dumpability first.
func init() {
	switch v, _ := os.LookupEnv("_GONSENTER_STAGE"); v {
	case "2":
		unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
		os.Unsetenv("_GONSENTER_STAGE")
		stage2 = true
	case "shell":
		unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
		os.Unsetenv("_GONSENTER_STAGE")
		os.Exit(loginShellStage())
	}
}

// shellMarker asks a re-executed gonsenter to exec the login shell (see
// forkProgram): it runs with the program's final namespaces, root and
// credentials, so getpwuid(getuid()) reads what util-linux would read.
const shellMarker = "_GONSENTER_STAGE=shell"

// loginShellStage is util-linux exec_shell in the re-executed process.
func loginShellStage() int {
	runtime.LockOSThread()
	s := newState(ProgName(os.Args[0]))
	file, argv, _ := s.program(os.Environ())
	return report(s.prog, execThread(file, argv, os.Environ(), true), os.Stderr)
}

// IsStage2 reports whether this process is the re-executed second stage.
func IsStage2() bool { return stage2 }

// reexecCapture runs the capture in namespaces a Go thread cannot join
// (user, mount, time, pid): the raw child enters them like for a program,
// then execveat()s gonsenter itself through a descriptor opened before any
// setns (after joining a mount namespace /proc/self/exe may not resolve).
// With a pid namespace it forks once more first: a Go runtime whose
// pid_for_children differs from its own pid namespace cannot create
// threads. The second stage sees `--capture ARGS` and no namespace
// options, so it captures where it stands.
//
// Capture files (-w, -r, -F and the -C/-G rotations) belong to the caller,
// not to the target (issue #4): the caller's root directory is opened here,
// before anything is entered, and handed to the second stage with the
// caller's working directory (see hostEnv); package capture resolves every
// file name beneath that descriptor, at the moment tcpdump would open it.
func (s *state) reexecCapture(argv0 string) error {
	exe, err := openRO("/proc/self/exe")
	if err != nil {
		return errm("cannot open /proc/self/exe", err)
	}
	defer unix.Close(exe)
	img, release := s.stageImage(exe)
	defer release()
	root, err := openHostRoot()
	if err != nil {
		return err
	}
	defer unix.Close(root)
	argv := append([]string{argv0, "--capture"}, s.captureArgs...)
	env, err := s.environment()
	if err != nil {
		return err
	}
	env = append(append(withoutHandoff(env), hostEnv(root)...), stageMarker)
	p := s.newChildPlan(true, execTarget{argv: argv, env: env, exeFD: img})
	p.pidFork = s.mask&cloneNewPID != 0
	p.hostRootFD = root
	return s.forkAndWait(p, "/proc/self/exe", true)
}

// Environment names of the capture-file handoff to the second stage; package
// capture reads and removes them (capture/hostfs_linux.go).
const (
	hostRootEnv = "_GONSENTER_HOST_ROOT" // descriptor number of the caller's "/"
	hostCwdEnv  = "_GONSENTER_HOST_CWD"  // the caller's working directory
)

// openHostRoot opens the caller's root directory as an O_PATH descriptor:
// it grants no access of its own, it only anchors path lookups.
func openHostRoot() (int, error) {
	for {
		fd, err := unix.Open("/", unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			if err != nil {
				return -1, errm("cannot open /", err)
			}
			return fd, nil
		}
	}
}

// hostEnv tells the second stage where the caller's files are. Without a
// reachable working directory (deleted, or outside our root) the variable
// is left out, and capture refuses relative file names instead of guessing.
func hostEnv(root int) []string {
	env := []string{hostRootEnv + "=" + strconv.Itoa(root)}
	if wd, err := unix.Getwd(); err == nil && strings.HasPrefix(wd, "/") {
		env = append(env, hostCwdEnv+"="+wd)
	}
	return env
}

// withoutHandoff drops variables of our own protocol from env (with -e it
// is the target's environment): Go's os.Getenv takes the first of
// duplicate names, so a planted _GONSENTER_HOST_ROOT must not precede ours.
func withoutHandoff(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "_GONSENTER_") {
			out = append(out, kv)
		}
	}
	return out
}

// stageImage returns the descriptor a re-executed stage runs from: exe
// itself, or for a stage inside a user namespace an execute-only copy that
// the target's root can neither read nor use to reach the stage (see
// execOnlyCopy and disownImage); release closes the copy.
func (s *state) stageImage(exe int) (img int, release func()) {
	if s.enabledMask()&cloneNewUser == 0 {
		return exe, func() {}
	}
	img, err := execOnlyCopy(exe)
	if err != nil {
		return exe, func() {}
	}
	m, known := s.userGidMap()
	disownImage(img, m, known)
	return img, func() { unix.Close(img) }
}

// disownImage gives the copy a group that the user namespace about to be
// entered does not map. Mode 0111 alone does not make the copy unreadable
// to the target's root when that namespace maps the copy's owner and group
// (root's `unshare -U -r`, or an unprivileged caller's own rootless
// container, whose root is the caller): CAP_DAC_OVERRIDE there covers
// every file whose uid and gid it maps. would_dump then leaves the stage's
// mm in the target's user namespace, where the target's root holds
// CAP_SYS_PTRACE, and PR_SET_DUMPABLE 0 no longer keeps it out of
// /proc/PID/fd (the caller's root directory) or ptrace. A capability
// counts only for files whose ids are both mapped, so one unmapped group
// is enough. Root may pick any group, others only their own; without a
// usable one the copy keeps its group (best effort).
func disownImage(img int, m []idExtent, known bool) {
	for _, g := range unmappedGroups(m, known) {
		// int(g) is negative for ids above 1<<31 on 32-bit systems; the
		// kernel reads the same 32 bits.
		if unix.Fchown(img, -1, int(g)) == nil {
			return
		}
	}
}

// idExtent is one line of a uid_map or gid_map: count ids from first, as
// seen from our own user namespace.
type idExtent struct{ first, count uint64 }

// maxID is the highest id a map can hold ((gid_t)-1 means "unchanged").
const maxID uint32 = 1<<32 - 2

// userGidMap reads the gid_map of the user namespace to be entered when it
// is the target process's; known is false for --user=FILE, --user-parent
// or an unreadable map.
func (s *state) userGidMap() (m []idExtent, known bool) {
	if s.targetPID == 0 || s.userParent {
		return nil, false
	}
	if fd := s.ns[nsUser].fd; fd >= 0 {
		var a, b unix.Stat_t
		if unix.Fstat(fd, &a) != nil || unix.Stat(s.procPath("ns/user"), &b) != nil || a.Ino != b.Ino || a.Dev != b.Dev {
			return nil, false
		}
	}
	data, err := os.ReadFile(s.procPath("gid_map"))
	if err != nil {
		return nil, false
	}
	return parseIDMap(data), true
}

// parseIDMap parses /proc/PID/{uid,gid}_map ("inside outside count" lines).
func parseIDMap(data []byte) []idExtent {
	var m []idExtent
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		first, err1 := strconv.ParseUint(f[1], 10, 32)
		count, err2 := strconv.ParseUint(f[2], 10, 32)
		if err1 == nil && err2 == nil {
			m = append(m, idExtent{first, count})
		}
	}
	return m
}

// mapped reports whether id falls in one of m's extents.
func mapped(m []idExtent, id uint64) bool {
	for _, e := range m {
		if id >= e.first && id-e.first < e.count {
			return true
		}
	}
	return false
}

// unmappedGroups lists the groups worth trying, none of them mapped by m:
// the highest id (no runtime maps it), the ids just outside each extent,
// then our own groups (all an unprivileged caller may choose). With an
// unknown map only the highest id is tried.
func unmappedGroups(m []idExtent, known bool) []uint32 {
	cands := []uint64{uint64(maxID)}
	if known {
		for _, e := range m {
			cands = append(cands, e.first+e.count)
			if e.first > 0 {
				cands = append(cands, e.first-1)
			}
		}
		own, _ := unix.Getgroups()
		for _, g := range append(own, unix.Getegid()) {
			cands = append(cands, uint64(uint32(g)))
		}
	}
	var out []uint32
	for _, g := range cands {
		if g <= uint64(maxID) && !mapped(m, g) {
			out = append(out, uint32(g))
		}
	}
	return out
}

// execOnlyCopy returns a sealed, execute-only (mode 0111) memfd copy of the
// binary behind exe, for a second stage inside a user namespace. There
// PR_SET_DUMPABLE 0 alone does not keep the target's root out: it holds
// CAP_SYS_PTRACE in the user namespace recorded for our mm, and could read
// /proc/PID/exe and /proc/PID/fd (the caller's root directory). The kernel
// records the nearest ancestor namespace that owns the executable's inode
// instead when the executing credentials cannot read it (would_dump), so
// with an unreadable image owned by the caller the second stage is guarded
// by the caller's namespace (runc's answer to CVE-2019-5736 is also a memfd
// copy); disownImage makes it unreadable to a namespace that maps the
// caller too. The copy also keeps the host's binary out of reach through
// /proc/PID/exe. Failure (no memfd, vm.memfd_noexec=2) leaves the plain
// binary.
func execOnlyCopy(exe int) (int, error) {
	fd, err := unix.MemfdCreate("gonsenter", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING|unix.MFD_EXEC)
	if err == unix.EINVAL { // kernels before 6.3 do not know MFD_EXEC
		fd, err = unix.MemfdCreate("gonsenter", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING)
	}
	if err != nil {
		return -1, os.NewSyscallError("memfd_create", err)
	}
	if err := copyImage(fd, exe); err != nil {
		unix.Close(fd)
		return -1, err
	}
	if err := unix.Fchmod(fd, 0o111); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("fchmod", err)
	}
	seals := unix.F_SEAL_SEAL | unix.F_SEAL_SHRINK | unix.F_SEAL_GROW | unix.F_SEAL_WRITE
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, seals); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("fcntl F_ADD_SEALS", err)
	}
	return fd, nil
}

// copyImage copies the whole file behind src (from offset 0) into dst.
func copyImage(dst, src int) error {
	buf := make([]byte, 1<<20)
	for off := int64(0); ; {
		n, err := unix.Pread(src, buf, off)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("pread", err)
		}
		if n == 0 {
			return nil
		}
		if _, err := writeAll(dst, buf[:n]); err != nil {
			return os.NewSyscallError("write", err)
		}
		off += int64(n)
	}
}

// writeAll writes all of b to fd.
func writeAll(fd int, b []byte) (int, error) {
	done := 0
	for done < len(b) {
		n, err := unix.Write(fd, b[done:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return done, err
		}
		done += n
	}
	return done, nil
}
