package nsenter

import "github.com/gonsenter/gonsenter/internal/strerror"

// Error is a failure in util-linux's words: Msg is the text after "PROG: "
// and Code the exit status (1, or 126/127 for exec failures). Only Main
// prints it, so every message gets the invoked program name exactly once.
type Error struct {
	Msg  string
	Code int
	// Err is the underlying error, if any, for errors.Is / errors.As.
	Err error
	// Raw messages are printed as they are, without the "PROG: " prefix
	// (getopt's glibc line plus the "Try ..." hint).
	Raw bool
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Unwrap() error { return e.Err }

// errx is util-linux errx(EXIT_FAILURE, msg): the message alone.
func errx(msg string) *Error { return &Error{Msg: msg, Code: 1} }

// errm is util-linux err(EXIT_FAILURE, msg): the message, ": " and
// strerror(errno) of err's innermost errno.
func errm(msg string, err error) *Error {
	return &Error{Msg: msg + ": " + Strerror(err), Code: 1, Err: err}
}

// exitError is not an error to print: the process should exit with Code
// (e.g. after --help, or when the waited-for child exited).
type exitError struct{ Code int }

func (e *exitError) Error() string { return "exit" }

// Strerror returns glibc's strerror text for the errno inside err
// (util-linux's form: "No such file or directory").
func Strerror(err error) string { return strerror.Of(err) }
