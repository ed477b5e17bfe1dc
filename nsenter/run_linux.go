package nsenter

import (
	"os/signal"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"
)

// run is nsenter's main() after setlocale: parse, prepare, then one of the
// engines. It returns only on failure or when a waited-for child finished.
func (s *state) run(argv []string, out *strings.Builder, io stdio, hooks Hooks) error {
	// Namespaces are per thread: everything below happens on this one. If
	// it was not the main thread already (Main called from a test), the
	// thread is never unlocked, so the runtime discards it afterwards.
	runtime.LockOSThread()
	if err := s.parse(argv, out); err != nil {
		s.closeAll()
		return err
	}
	if err := s.containerStep(out, io.err); err != nil {
		s.closeAll()
		return err
	}
	if s.capture {
		return s.runCapture(argv[0], io, hooks)
	}
	if err := s.prepare(); err != nil {
		s.closeAll()
		return err
	}
	s.dropOwnTimeNS()
	if s.mask&(cloneNewUser|cloneNewTime) != 0 {
		return s.runForked()
	}
	return s.runThread()
}

// runThread is the thread path (ARCHITECTURE §2.1): without a user or time
// namespace every setns works on this locked thread once it has its own
// fs_struct, and the program replaces gonsenter under the same PID, exactly
// like util-linux. With -p (and no -F) a raw child is forked from this
// thread so it is born in the pid namespace, and we wait like
// continue_as_child.
func (s *state) runThread() error {
	if err := unix.Unshare(unix.CLONE_FS); err != nil {
		return errm("unshare(CLONE_FS) failed", err)
	}
	if err := s.enterTwoPasses(threadSetns); err != nil {
		return err
	}
	if err := s.changeRoot(); err != nil {
		return err
	}
	env, err := s.environment()
	if err != nil {
		return err
	}
	if err := s.joinCgroupNow(); err != nil {
		return err
	}
	s.followIDs()
	file, argv, shell := s.program(env)
	if s.fork == 1 {
		p := s.newChildPlan(false, execTarget{file: file, argv: argv, env: env, shell: shell, exeFD: -1})
		return s.forkAndWait(p, file, false)
	}
	if err := s.setCredentials(); err != nil {
		return err
	}
	return execThread(file, argv, env, shell)
}

// runForked is the raw fork path (ARCHITECTURE §2.2) for user and time
// namespaces: the child does the entry, directories, cgroup, credentials
// and exec; we wait for it and stand in for it towards our caller.
func (s *state) runForked() error {
	env, err := s.environment()
	if err != nil {
		return err
	}
	ex := execTarget{env: env, exeFD: -1}
	ex.file, ex.argv, ex.shell = s.forkProgram(env)
	if ex.shell && s.shellViaReexec(env) {
		exe, err := openRO("/proc/self/exe")
		if err == nil {
			defer unix.Close(exe)
			img, release := s.stageImage(exe)
			defer release()
			ex.exeFD, ex.argv, ex.env = img, []string{s.prog}, append(env, shellMarker)
		}
	}
	return s.forkAndWait(s.newChildPlan(true, ex), ex.file, true)
}

// forkAndWait starts the child, reports its failure in util-linux's words,
// or waits for it and returns its exit status. standIn: util-linux would
// have had no parent process here (no -p), so signals are forwarded.
func (s *state) forkAndWait(p *childPlan, file string, enterInChild bool) error {
	sigs := catchSignals()
	pid, progPID, failure, err := startChild(p)
	if err != nil {
		signal.Stop(sigs)
		return err
	}
	if failure != nil {
		signal.Stop(sigs)
		var ws unix.WaitStatus
		for {
			if _, err := unix.Wait4(pid, &ws, 0, nil); err != unix.EINTR {
				break
			}
		}
		return childError(failure[0], unix.Errno(failure[1]), file)
	}
	s.closeAll()
	standIn := enterInChild && s.fork != 1
	fwd := pid
	if s.forwardSignals {
		fwd = progPID
	}
	return &exitError{Code: waitChild(sigs, pid, fwd, s.forwardSignals, standIn)}
}

// forkProgram is program() for the raw child. The login shell's passwd
// entry cannot be parsed in the child; this best effort reads it through the
// target's root (/proc/PID/root, or the -r directory) for the uid the
// program will have. shellViaReexec then usually replaces it with the exact
// lookup done by a re-executed gonsenter inside.
func (s *state) forkProgram(env []string) (string, []string, bool) {
	if len(s.args) > 0 {
		return s.args[0], s.args, false
	}
	sh, _ := getenv(env, "SHELL")
	if sh == "" {
		sh = shellFromPasswd(s.targetPasswd(), s.programUID())
	}
	if sh == "" {
		sh = bourneShell
	}
	return sh, []string{"-" + posixBasename(sh)}, true
}

// targetPasswd reads etc/passwd as the program will see it, best effort.
func (s *state) targetPasswd() []byte {
	path := "/etc/passwd"
	switch {
	case s.rootFD >= 0:
		fd, err := unix.Openat(s.rootFD, "etc/passwd", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			return nil
		}
		data, _ := readAllFD(fd)
		unix.Close(fd)
		return data
	case s.mask&cloneNewNS != 0 && s.targetPID != 0:
		path = s.procPath("root/etc/passwd")
	}
	fd, err := openRO(path)
	if err != nil {
		return nil
	}
	data, _ := readAllFD(fd)
	unix.Close(fd)
	return data
}

// programUID is getuid() as the program will see it: the uid set with -S
// (or 0 for a user namespace), else ours. In the raw child path `-S follow`
// is resolved only in the child, and with --preserve-credentials the user
// namespace's mapping is not consulted: there it is a best effort.
func (s *state) programUID() uint32 {
	if s.forceUID && (!s.doUID || s.uidGidFD < 0) {
		return s.uid
	}
	uid, _, _ := unix.RawSyscall(unix.SYS_GETUID, 0, 0, 0) // this thread's
	return uint32(uid)
}

// dropOwnTimeNS forgets a time namespace that is already ours (typically
// enabled by -a): entering it changes nothing, but a Go thread cannot do
// even that (EUSERS), and it would cost the thread path, i.e. gonsenter's
// PID for the program.
func (s *state) dropOwnTimeNS() {
	t := &s.ns[nsTime]
	if !t.enabled {
		return
	}
	var st, own, forChildren unix.Stat_t
	var err error
	if t.fd >= 0 {
		err = unix.Fstat(t.fd, &st)
	} else {
		err = unix.Stat(s.procPath("ns/time"), &st)
	}
	if err != nil || unix.Stat("/proc/self/ns/time", &own) != nil ||
		unix.Stat("/proc/self/ns/time_for_children", &forChildren) != nil {
		return
	}
	if st.Ino == own.Ino && st.Dev == own.Dev && forChildren.Ino == own.Ino {
		closeFD(&t.fd)
		t.enabled = false
		s.mask &^= cloneNewTime
	}
}

// shellViaReexec reports whether the login shell should be chosen by a
// re-executed gonsenter (SHELL empty or unset): possible unless a pid
// namespace is entered without its fork (-p -F: the Go runtime cannot start
// there) or an SELinux exec context is pending for the program.
func (s *state) shellViaReexec(env []string) bool {
	if sh, _ := getenv(env, "SHELL"); sh != "" {
		return false
	}
	return !(s.mask&cloneNewPID != 0 && s.fork != 1) && s.selinuxCon == ""
}
