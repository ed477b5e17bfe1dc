package nsenter

import (
	"os"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// setnsFunc is the setns used by enterNamespaces: unix.Setns on the
// current (locked) thread in the thread path, a recorder in tests.
type setnsFunc func(fd, nstype int) error

// enterNamespaces is util-linux enter_namespaces for one pass: first one
// atomic setns(pidfd, mask) for every wanted type without its own fd, then
// setns(fd, type) per file in table order. Entered types are disabled. With
// ignore set (pass 1) failures are left for pass 2; otherwise the first
// failure is returned in util-linux's words.
func (s *state) enterNamespaces(setns setnsFunc, mask int, ignore bool) error {
	if s.nsPidfd >= 0 {
		m := 0
		for i, n := range s.ns {
			if n.enabled && n.fd < 0 && nsKinds[i].flag&mask != 0 {
				m |= nsKinds[i].flag
			}
		}
		if m != 0 {
			if err := setns(s.nsPidfd, m); err == nil {
				s.disable(m)
			} else if !ignore {
				return errm("reassociate to namespaces failed", err)
			}
		}
	}
	for i, n := range s.ns {
		if !n.enabled || n.fd < 0 || nsKinds[i].flag&mask == 0 {
			continue
		}
		if err := setns(n.fd, nsKinds[i].flag); err == nil {
			s.disable(nsKinds[i].flag)
		} else if !ignore {
			return errm("reassociate to namespace '"+nsKinds[i].name+"' failed", err)
		}
	}
	return nil
}

// disable is disable_namespaces: close the files of the given types and
// mark them done.
func (s *state) disable(mask int) {
	for i := range s.ns {
		if nsKinds[i].flag&mask != 0 && s.ns[i].enabled {
			closeFD(&s.ns[i].fd)
			s.ns[i].enabled = false
		}
	}
}

// enterTwoPasses is nsenter.c:876-880: everything but the user namespace
// first, ignoring errors (a privileged caller must join them before the
// user namespace takes its privileges away), then whatever is left with
// errors reported (an unprivileged caller needs the user namespace first).
func (s *state) enterTwoPasses(setns setnsFunc) error {
	if err := s.enterNamespaces(setns, s.enabledMask()&^cloneNewUser, true); err != nil {
		return err
	}
	if m := s.enabledMask(); m != 0 {
		if err := s.enterNamespaces(setns, m, false); err != nil {
			return err
		}
	}
	if s.pidfd >= 0 {
		closeFD(&s.pidfd)
	}
	s.nsPidfd = -1
	return nil
}

// threadSetns joins a namespace on the calling OS thread only.
func threadSetns(fd, nstype int) error {
	return unix.Setns(fd, nstype)
}

// changeRoot is nsenter.c:891-929 for the calling thread: remember the cwd
// (after setns: a mount namespace resets it to its root), chroot through the
// root fd, then chdir to -w's fd or -W's path resolved inside.
func (s *state) changeRoot() error {
	if s.rootFD >= 0 && s.wdFD < 0 && !s.hasWdns {
		fd, err := openRO(".")
		if err != nil {
			return errm("cannot open current working directory", err)
		}
		s.wdFD = fd
	}
	if s.rootFD >= 0 {
		if err := unix.Fchdir(s.rootFD); err != nil {
			return errm("change directory by root file descriptor failed", err)
		}
		if err := unix.Chroot("."); err != nil {
			return errm("chroot failed", err)
		}
		if err := unix.Chdir("/"); err != nil {
			return errm("cannot change directory to /", err)
		}
		closeFD(&s.rootFD)
	}
	if s.hasWdns {
		fd, err := openRO(s.wdns)
		if err != nil {
			return errm("cannot open current working directory", err)
		}
		closeFD(&s.wdFD)
		s.wdFD = fd
	}
	if s.wdFD >= 0 {
		if err := unix.Fchdir(s.wdFD); err != nil {
			return errm("change directory by working directory file descriptor failed", err)
		}
		closeFD(&s.wdFD)
	}
	return nil
}

// environment returns the program's environment: ours, or with -e the
// target's (read through the fd opened before entering).
func (s *state) environment() ([]string, error) {
	if s.envFD < 0 {
		return os.Environ(), nil
	}
	data, err := readAllFD(s.envFD)
	closeFD(&s.envFD)
	if err != nil {
		return nil, errm("failed to get environment variables", err)
	}
	env, errno := envFromEnviron(data)
	if errno != 0 {
		return nil, errm("failed to set environment variables", errno)
	}
	return env, nil
}

// joinCgroupNow writes our PID into the target's cgroup.procs (-c), before
// any fork so the program inherits the cgroup.
func (s *state) joinCgroupNow() error {
	if s.cgroupProcsFD < 0 {
		return nil
	}
	_, err := unix.Write(s.cgroupProcsFD, []byte(strconv.Itoa(os.Getpid())))
	closeFD(&s.cgroupProcsFD)
	if err != nil {
		return errm("write cgroup.procs failed", err)
	}
	return nil
}

// followIDs resolves -S/-G follow: the owner of /proc/PID/, stat'ed after
// entering so the ids are seen through the new user namespace.
func (s *state) followIDs() {
	if s.uidGidFD < 0 {
		return
	}
	var st unix.Stat_t
	unix.Fstat(s.uidGidFD, &st) // util-linux's check of this can never fire
	closeFD(&s.uidGidFD)
	if s.doUID {
		s.uid = st.Uid
	}
	if s.doGID {
		s.gid = st.Gid
	}
}

// setCredentials is nsenter.c:971-978 on the calling thread only (raw
// syscalls: Go's would change every thread), right before it execs:
// setgroups (fatal only if the pre-entry call failed too), setgid, setuid.
func (s *state) setCredentials() error {
	if s.forceGID {
		if _, _, e := unix.RawSyscall(sysSetgroups, 0, 0, 0); e != 0 && s.setgroupsFailed {
			return errm("setgroups failed", e)
		}
		if _, _, e := unix.RawSyscall(sysSetgid, uintptr(s.gid), 0, 0); e != 0 {
			return errm("setgid() failed", e)
		}
	}
	if s.forceUID {
		if _, _, e := unix.RawSyscall(sysSetuid, uintptr(s.uid), 0, 0); e != 0 {
			return errm("setuid() failed", e)
		}
	}
	return nil
}

// program returns what to run: the operands, or a login shell (exec_shell):
// $SHELL if non-empty, else the passwd shell of the program's uid (-S, or
// ours) read now, after entering the mount namespace and chroot, else
// /bin/sh, with argv[0]
// "-" + basename. shell reports the latter case (execl: no PATH search).
func (s *state) program(env []string) (file string, argv []string, shell bool) {
	if len(s.args) > 0 {
		return s.args[0], s.args, false
	}
	sh, _ := getenv(env, "SHELL")
	if sh == "" {
		if data, err := os.ReadFile("/etc/passwd"); err == nil {
			sh = shellFromPasswd(data, s.programUID())
		}
	}
	if sh == "" {
		sh = bourneShell
	}
	return sh, []string{"-" + posixBasename(sh)}, true
}

// execThread replaces the process with the program from the calling thread:
// the kernel makes this thread the leader, so the PID stays gonsenter's.
func execThread(file string, argv, env []string, shell bool) error {
	try := func(path string, argv, env []string) syscall.Errno {
		err := syscall.Exec(path, argv, env)
		if errno, ok := err.(syscall.Errno); ok {
			return errno
		}
		return syscall.EINVAL
	}
	var errno syscall.Errno
	if shell {
		errno = try(file, argv, env)
	} else {
		errno = execvp(file, argv, env, try)
	}
	return execError(file, errno)
}
