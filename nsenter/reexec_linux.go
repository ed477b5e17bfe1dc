package nsenter

import (
	"os"
	"runtime"

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
func (s *state) reexecCapture(argv0 string) error {
	exe, err := openRO("/proc/self/exe")
	if err != nil {
		return errm("cannot open /proc/self/exe", err)
	}
	defer unix.Close(exe)
	argv := append([]string{argv0, "--capture"}, s.captureArgs...)
	env, err := s.environment()
	if err != nil {
		return err
	}
	env = append(env, stageMarker)
	p := s.newChildPlan(true, execTarget{argv: argv, env: env, exeFD: exe})
	p.pidFork = s.mask&cloneNewPID != 0
	return s.forkAndWait(p, "/proc/self/exe", true)
}
