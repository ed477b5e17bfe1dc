package nsenter

import (
	"syscall"
	"testing"
)

// TestSignalPolicy: where util-linux has a waiting parent (-p), signals to
// us act on us unless --forward-signals; where it has none (user/time
// namespaces without -p), termination signals go to the program and the
// terminal's own SIGINT/SIGQUIT are not delivered twice.
func TestSignalPolicy(t *testing.T) {
	for _, tc := range []struct {
		sig               syscall.Signal
		explicit, standIn bool
		want              signalPolicy
	}{
		{syscall.SIGTERM, false, false, sigDie},
		{syscall.SIGUSR1, false, false, sigDie},
		{syscall.SIGTERM, true, false, sigForward},
		{syscall.SIGINT, true, false, sigForward},
		{syscall.SIGALRM, true, false, sigDie},
		{syscall.SIGTERM, false, true, sigForward},
		{syscall.SIGHUP, false, true, sigForward},
		{syscall.SIGALRM, false, true, sigForward},
		{syscall.SIGINT, false, true, sigTTY},
		{syscall.SIGQUIT, false, true, sigTTY},
		{syscall.SIGINT, true, true, sigForward},
	} {
		if got := policyFor(tc.sig, tc.explicit, tc.standIn); got != tc.want {
			t.Errorf("policyFor(%v, explicit %v, standIn %v) = %v, want %v", tc.sig, tc.explicit, tc.standIn, got, tc.want)
		}
	}
}

// TestChildErrorMessages: the raw child's (step, errno) reports become
// util-linux's messages and exit codes.
func TestChildErrorMessages(t *testing.T) {
	for _, tc := range []struct {
		step  int32
		errno syscall.Errno
		msg   string
		code  int
	}{
		{stepSetnsPidfd, syscall.EINVAL, "reassociate to namespaces failed: Invalid argument", 1},
		{stepSetnsFD + nsUser, syscall.EPERM, "reassociate to namespace 'ns/user' failed: Operation not permitted", 1},
		{stepSetnsFD + nsMnt, syscall.EINVAL, "reassociate to namespace 'ns/mnt' failed: Invalid argument", 1},
		{stepSetgid, syscall.EINVAL, "setgid() failed: Invalid argument", 1},
		{stepSetgroups, syscall.EPERM, "setgroups failed: Operation not permitted", 1},
		{stepOpenWdns, syscall.ENOENT, "cannot open current working directory: No such file or directory", 1},
		{stepFchdirWd, syscall.ENOTDIR, "change directory by working directory file descriptor failed: Not a directory", 1},
		{stepExec, syscall.ENOENT, "failed to execute prog: No such file or directory", 127},
		{stepExec, syscall.EACCES, "failed to execute prog: Permission denied", 126},
	} {
		var e *Error
		err := childError(tc.step, tc.errno, "prog")
		if !asError(err, &e) || e.Msg != tc.msg || e.Code != tc.code {
			t.Errorf("step %d: %v, want %q exit %d", tc.step, err, tc.msg, tc.code)
		}
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}
