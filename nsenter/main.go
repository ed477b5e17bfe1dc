// Package nsenter is util-linux nsenter (2.42.2 semantics) in pure Go: it
// parses the same options with the same side effects, opens the same files
// in the same order, joins namespaces on a locked OS thread or in a raw
// fork child (user and time namespaces), and execs the program with
// execvp's rules, printing util-linux's messages and exit codes.
package nsenter

import (
	"errors"
	"io"
	"strings"
	"syscall"
)

// NetnsRunner runs fn on an OS thread that has joined the planned
// per-thread namespaces (net, uts, ipc, cgroup); nil means "the current
// namespaces". It is an alias so the capture package can declare the same
// func type without importing nsenter.
type NetnsRunner = func(fn func() error) error

// CaptureTarget is where --capture runs. Run joins the target's per-thread
// namespaces (nil: the current namespaces); Root is the target process's
// root directory as a path (/proc/PID/root), "" when there is no target
// process (only namespace files were named) or when the capture already
// runs in the target's mount namespace. Files that describe the target
// rather than the caller are read beneath Root: resolv.conf and hosts for
// name resolution.
type CaptureTarget = struct {
	Run  NetnsRunner
	Root string
}

// CaptureFunc is the capture mode's entry point (package capture's MainIn):
// prog is the name to speak as, args everything after --capture (or after
// argv[0] when invoked as tcpdump).
type CaptureFunc = func(prog string, args []string, stdin io.Reader, stdout, stderr io.Writer, target CaptureTarget) int

// Hooks connects the parts nsenter does not know about.
type Hooks struct {
	// Capture, if not nil, implements --capture.
	Capture CaptureFunc
}

// ProgName is the name gonsenter speaks as for argv0: "nsenter" when
// invoked under that name (drop-in mode), else "gonsenter".
func ProgName(argv0 string) string {
	if argv0[strings.LastIndexByte(argv0, '/')+1:] == "nsenter" {
		return "nsenter"
	}
	return "gonsenter"
}

// Main runs nsenter with args (args[0] as typed) and returns the exit
// status. When it runs a program in place it does not return at all.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer, hooks Hooks) int {
	if len(args) == 0 {
		args = []string{"gonsenter"}
	}
	s := newState(ProgName(args[0]))
	var out strings.Builder
	code := report(s.prog, s.run(args, &out, stdio{stdin, stdout, stderr}, hooks), stderr)
	if out.Len() > 0 {
		if _, err := io.WriteString(stdout, out.String()); err != nil && !ignorableWriteError(err) {
			io.WriteString(stderr, s.prog+": write error: "+Strerror(err)+"\n")
			return 1
		}
	}
	return code
}

// ignorableWriteError mirrors util-linux close_stdout, which stays quiet
// about EPIPE and a closed stdout (EBADF).
func ignorableWriteError(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.EBADF)
}

// report prints err the util-linux way and returns the exit status.
func report(prog string, err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ex *exitError
	if errors.As(err, &ex) {
		return ex.Code
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Msg: err.Error(), Code: 1}
	}
	if e.Raw {
		io.WriteString(stderr, e.Msg+"\n")
	} else {
		io.WriteString(stderr, prog+": "+e.Msg+"\n")
	}
	return e.Code
}

// stdio is the caller's standard streams, for the capture hook.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}
