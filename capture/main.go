package capture

import (
	"errors"
	"fmt"
	"io"

	"github.com/gonsenter/gonsenter/internal/version"
)

// Runner runs fn on a locked OS thread inside the target's network
// namespace and returns fn's error. Main uses it only to look up interfaces
// and create packet sockets (sockets stay in the namespace they were created
// in); a nil Runner means "the current namespaces".
type Runner = func(fn func() error) error

// Main is tcpdump's main: args are the words after `--capture` (or all
// arguments of the `tcpdump` multi-call name); prog prefixes messages as
// tcpdump's program_name does ("tcpdump" or "gonsenter"). It returns the
// exit status: 0 on success (including -c reached, SIGINT and SIGTERM), 1 on
// any error, after printing tcpdump's message for it on stderr.
func Main(prog string, args []string, stdin io.Reader, stdout, stderr io.Writer, netns func(fn func() error) error) int {
	return MainIn(prog, args, stdin, stdout, stderr, Target{Run: netns})
}

// Target is where the capture runs (nsenter's CaptureTarget): Run joins the
// target's network namespace, Root is the target's root directory as a path
// ("" for the current one), beneath which name resolution reads
// etc/resolv.conf and etc/hosts.
type Target = struct {
	Run  Runner
	Root string
}

// MainIn is Main for a capture in another process's namespaces.
func MainIn(prog string, args []string, stdin io.Reader, stdout, stderr io.Writer, t Target) int {
	s := &session{prog: prog, stdin: stdin, stdout: stdout, stderr: stderr, netns: t.Run, targetRoot: t.Root}
	return s.exit(s.run(args))
}

// session carries one invocation's streams and settings.
type session struct {
	prog           string
	stdin          io.Reader
	stdout, stderr io.Writer
	netns          Runner
	targetRoot     string // the target's root directory, "" for ours
	cfg            *config
	ifName         string // the capture device, named in pcapng output
}

func (s *session) run(args []string) error {
	c, act, err := parseArgs(s.prog, args)
	if err != nil {
		return err
	}
	s.cfg = c
	if err := hostErr(); err != nil {
		return err
	}
	switch act {
	case actVersion:
		s.printVersion(s.stdout)
		return nil
	case actHelp:
		s.printUsage(s.stdout)
		return nil
	}
	switch {
	case c.listIfaces:
		return s.listInterfaces()
	case c.readFile != "":
		return s.readOffline()
	case c.dflag > 0 && c.device == "":
		return s.dumpDead()
	}
	return s.live()
}

// exit prints err the way tcpdump's error() does and maps it to a status.
func (s *session) exit(err error) int {
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintln(s.stderr, ue.msg)
		}
		s.printUsage(s.stderr)
		return 1
	}
	fmt.Fprintf(s.stderr, "%s: %s\n", s.prog, err)
	return 1
}

// printVersion is print_version: tcpdump's first two lines, naming what we
// imitate and what we are. There is no OpenSSL line: no crypto is built in.
func (s *session) printVersion(w io.Writer) {
	fmt.Fprintf(w, "%s version 4.99.3 (gonsenter %s)\n", s.prog, version.Version)
	fmt.Fprintf(w, "libpcap version 1.10.3 (pure Go reimplementation, no cgo)\n")
}

// printUsage is print_usage: the version, then tcpdump 4.99.3's usage text
// verbatim (the options gonsenter refuses are still listed, as they are
// still recognised).
func (s *session) printUsage(w io.Writer) {
	s.printVersion(w)
	fmt.Fprintf(w, "Usage: %s [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n", s.prog)
	io.WriteString(w, "\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"+
		"\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"+
		"\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"+
		"\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"+
		"\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"+
		"\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"+
		"\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n")
}
