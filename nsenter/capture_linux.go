package nsenter

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// perThreadNS are the namespace types a single OS thread can join inside a
// multithreaded Go process; sockets created on that thread stay in its
// network namespace, so a capture needs nothing more.
const perThreadNS = cloneNewNet | cloneNewUTS | cloneNewIPC | cloneNewCgroup

// runCapture is --capture: options before it were nsenter's, the words
// after it go to the capture hook. Without any namespace option the capture
// runs where we are; otherwise the hook gets a runner that executes its
// setup (socket creation, interface lookup) inside the planned namespaces.
func (s *state) runCapture(argv0 string, io stdio, hooks Hooks) error {
	if hooks.Capture == nil {
		return errx("capture mode is not built in")
	}
	if s.enabledMask() == 0 && !s.doAll && s.sockFD < 0 && !s.userParent {
		s.closeAll()
		return &exitError{Code: hooks.Capture(s.prog, s.captureArgs, io.in, io.out, io.err, CaptureTarget{})}
	}
	if err := s.prepare(); err != nil {
		s.closeAll()
		return err
	}
	if s.captureNeedsReexec() {
		return s.reexecCapture(argv0)
	}
	defer s.closeAll()
	target := CaptureTarget{Run: s.netnsRunner()}
	if s.targetPID != 0 {
		target.Root = s.procPath("root")
	}
	return &exitError{Code: hooks.Capture(s.prog, s.captureArgs, io.in, io.out, io.err, target)}
}

// netnsRunner returns a NetnsRunner over the descriptors opened by prepare.
// Each call gets a fresh thread that is never unlocked: the runtime throws
// it away when fn's goroutine ends, so no other goroutine ever runs in the
// target's namespaces by accident.
func (s *state) netnsRunner() NetnsRunner {
	return func(fn func() error) error {
		done := make(chan error, 1)
		go func() {
			runtime.LockOSThread()
			if err := s.joinThread(); err != nil {
				done <- err
				return
			}
			done <- fn()
		}()
		return <-done
	}
}

// joinThread joins every planned namespace on the calling thread, without
// consuming the plan (the runner may be called many times).
func (s *state) joinThread() error {
	if s.nsPidfd >= 0 {
		if m := s.maskWithoutFD(); m != 0 {
			if err := unix.Setns(s.nsPidfd, m); err != nil {
				return errm("reassociate to namespaces failed", err)
			}
		}
	}
	for i, n := range s.ns {
		if n.enabled && n.fd >= 0 {
			if err := unix.Setns(n.fd, nsKinds[i].flag); err != nil {
				return errm("reassociate to namespace '"+nsKinds[i].name+"' failed", err)
			}
		}
	}
	return nil
}

// captureNeedsReexec: a thread can join only the per-thread namespaces; any
// other namespace, and the options that change the process itself (ids,
// root, directory, environment, cgroup, capabilities), need the capture to
// run in a re-executed gonsenter that the raw child set up completely.
func (s *state) captureNeedsReexec() bool {
	return s.mask&^perThreadNS != 0 || s.forceUID || s.forceGID || s.keepCaps ||
		s.rootFD >= 0 || s.wdFD >= 0 || s.hasWdns || s.envFD >= 0 || s.cgroupProcsFD >= 0
}
