package nsenter

import (
	"strconv"
	"strings"
	"syscall"

	"github.com/gonsenter/gonsenter/compat/getopt"
	"github.com/gonsenter/gonsenter/nsenter/internal/cnum"
	"github.com/gonsenter/gonsenter/nsenter/target"
	"github.com/gonsenter/gonsenter/nsenter/target/container"
)

// shortOpts is util-linux 2.41+'s option string (nsenter.c:660); the leading
// '+' stops at the program name so its own options are left alone.
const shortOpts = "+ahVt:m::u::i::n::N:p::C::U::T::S:G:r::w::W::ecFZ"

// Long-only option codes (util-linux uses CHAR_MAX+1..; getopt wants >= 256).
const (
	optPreserveCred = 256 + iota
	optKeepCaps
	optUserParent
	optForwardSignals
	optCapture
	optContainer
	optPod
	optRuntime
	optRuntimeRoot
	optListContainers
)

var longOpts = []getopt.Option{
	{Name: "all", HasArg: getopt.NoArgument, Val: 'a'},
	{Name: "help", HasArg: getopt.NoArgument, Val: 'h'},
	{Name: "version", HasArg: getopt.NoArgument, Val: 'V'},
	{Name: "target", HasArg: getopt.RequiredArgument, Val: 't'},
	{Name: "mount", HasArg: getopt.OptionalArgument, Val: 'm'},
	{Name: "uts", HasArg: getopt.OptionalArgument, Val: 'u'},
	{Name: "ipc", HasArg: getopt.OptionalArgument, Val: 'i'},
	{Name: "net", HasArg: getopt.OptionalArgument, Val: 'n'},
	{Name: "net-socket", HasArg: getopt.RequiredArgument, Val: 'N'},
	{Name: "pid", HasArg: getopt.OptionalArgument, Val: 'p'},
	{Name: "user", HasArg: getopt.OptionalArgument, Val: 'U'},
	{Name: "cgroup", HasArg: getopt.OptionalArgument, Val: 'C'},
	{Name: "time", HasArg: getopt.OptionalArgument, Val: 'T'},
	{Name: "setuid", HasArg: getopt.RequiredArgument, Val: 'S'},
	{Name: "setgid", HasArg: getopt.RequiredArgument, Val: 'G'},
	{Name: "root", HasArg: getopt.OptionalArgument, Val: 'r'},
	{Name: "wd", HasArg: getopt.OptionalArgument, Val: 'w'},
	{Name: "wdns", HasArg: getopt.OptionalArgument, Val: 'W'},
	{Name: "env", HasArg: getopt.NoArgument, Val: 'e'},
	{Name: "no-fork", HasArg: getopt.NoArgument, Val: 'F'},
	{Name: "join-cgroup", HasArg: getopt.NoArgument, Val: 'c'},
	{Name: "preserve-credentials", HasArg: getopt.NoArgument, Val: optPreserveCred},
	{Name: "keep-caps", HasArg: getopt.NoArgument, Val: optKeepCaps},
	{Name: "user-parent", HasArg: getopt.NoArgument, Val: optUserParent},
	{Name: "follow-context", HasArg: getopt.NoArgument, Val: 'Z'},
}

// extensionOpts are gonsenter's own long options. They are getopt
// extensions (getopt.Parser.Extend): an abbreviation util-linux accepts
// keeps its meaning ("--c" is --cgroup, "--r" is --root), so scripts
// written for nsenter behave the same.
var extensionOpts = []getopt.Option{
	{Name: "forward-signals", HasArg: getopt.NoArgument, Val: optForwardSignals},
	{Name: "capture", HasArg: getopt.NoArgument, Val: optCapture},
	{Name: "container", HasArg: getopt.RequiredArgument, Val: optContainer},
	{Name: "pod", HasArg: getopt.RequiredArgument, Val: optPod},
	{Name: "runtime", HasArg: getopt.RequiredArgument, Val: optRuntime},
	{Name: "runtime-root", HasArg: getopt.RequiredArgument, Val: optRuntimeRoot},
	{Name: "list-containers", HasArg: getopt.NoArgument, Val: optListContainers},
}

// nsOptions maps the namespace option letters to their CLONE_NEW* flag.
var nsOptions = map[int]int{
	'm': cloneNewNS, 'u': cloneNewUTS, 'i': cloneNewIPC, 'n': cloneNewNet,
	'p': cloneNewPID, 'C': cloneNewCgroup, 'U': cloneNewUser, 'T': cloneNewTime,
}

// usageError is a getopt failure: glibc's line, then util-linux's
// errtryhelp line, exit 1.
func (s *state) usageError(line string) *Error {
	msg := "Try '" + s.prog + " --help' for more information."
	if line != "" {
		msg = line + "\n" + msg
	}
	return &Error{Msg: msg, Code: 1, Raw: true}
}

// parse walks argv with getopt_long and applies each option's side effects
// as it is seen, in argument order, like nsenter.c:665-779: files named on
// the command line are opened here, so `cannot open` errors come before any
// later check, and --help/--version win only if they come before a bad
// option. Help and version output go to out.
func (s *state) parse(argv []string, out *strings.Builder) error {
	p := getopt.New(argv, shortOpts, longOpts).Extend(extensionOpts)
	for {
		r, done, err := p.Next()
		if err != nil {
			return s.usageError(err.Error())
		}
		if done {
			s.args = p.Args()
			return nil
		}
		if err := s.exclusive(r.Val); err != nil {
			return err
		}
		if r.Val == optCapture {
			s.capture = true
			s.captureArgs = p.Args()
			return nil
		}
		if err := s.option(r, out); err != nil {
			return err
		}
	}
}

// exclusive is err_exclusive_options for the one exclusive pair, -w/-W:
// the message names the option seen first, then the one that clashed.
func (s *state) exclusive(c int) error {
	if c != 'w' && c != 'W' {
		return nil
	}
	if s.exclFirst == 0 {
		s.exclFirst = c
		return nil
	}
	if s.exclFirst != c {
		name := map[int]string{'w': "wd", 'W': "wdns"}
		return errx("options --" + name[s.exclFirst] + " and --" + name[c] + " cannot be combined")
	}
	return nil
}

// option applies one parsed option (the switch in nsenter.c's main).
func (s *state) option(r getopt.Result, out *strings.Builder) error {
	if flag, ok := nsOptions[r.Val]; ok {
		return s.enableNamespace(flag, r)
	}
	switch r.Val {
	case 'a':
		s.doAll = true
	case 't':
		return s.setTarget(r.Arg)
	case 'N':
		return s.setSockFD(r.Arg)
	case 'S', 'G':
		return s.setID(r.Val, r.Arg)
	case 'F':
		s.fork = 0
	case 'c':
		s.joinCgroup = true
	case 'r':
		if r.HasArg {
			return s.openTarget(&s.rootFD, "root", r.Arg, true)
		}
		s.doRoot = true
	case 'w':
		if r.HasArg {
			return s.openTarget(&s.wdFD, "cwd", stripEq(r.Arg), true)
		}
		s.doWd = true
	case 'W':
		if r.HasArg {
			s.wdns, s.hasWdns = stripEq(r.Arg), true
		}
	case 'e':
		s.doEnv = true
	case optPreserveCred:
		s.preserveCred = true
	case optKeepCaps:
		s.keepCaps = true
	case optUserParent:
		s.userParent = true
	case optForwardSignals:
		s.forwardSignals = true
	case optContainer, optPod, optRuntime, optRuntimeRoot, optListContainers:
		return s.containerOption(r.Val, r.Arg)
	case 'Z':
		s.selinux = true
	case 'h':
		s.usage(out)
		return &exitError{Code: 0}
	case 'V':
		s.version(out)
		return &exitError{Code: 0}
	default:
		return s.usageError("")
	}
	return nil
}

// stripEq drops one leading '=' so `-n=/path` means `-n/path` (util-linux
// 2.41.1+, commit c4a24f530; not applied to -r, as upstream).
func stripEq(arg string) string {
	if len(arg) > 0 && arg[0] == '=' {
		return arg[1:]
	}
	return arg
}

// enableNamespace is util-linux enable_namespace: mark the type wanted and,
// with a file argument, open it now (an opened file wins over a bare flag
// given before or after it).
func (s *state) enableNamespace(flag int, r getopt.Result) error {
	i := nsIndex(flag)
	if r.HasArg {
		path := stripEq(r.Arg)
		open := func() error { return s.openTarget(&s.ns[i].fd, nsKinds[i].name, path, true) }
		if len(path) > 0 && path[0] == ':' {
			open = func() error { return s.openByNsid(&s.ns[i].fd, path[1:]) }
		}
		if err := open(); err != nil {
			return err
		}
	}
	s.ns[i].enabled = true
	return nil
}

// setTarget handles -t: master rejects a second -t, parses PID or
// PID:inode, and pins PID:inode with a validated pidfd right away. A
// Kubernetes container ID ("containerd://ID", never a valid PID) is
// resolved after option parsing, like --container.
func (s *state) setTarget(arg string) error {
	if s.targetPID != 0 || s.ctr.ref != nil && s.ctr.fromT {
		return errx("option --target may be given only once")
	}
	pid, ino, errno := target.ParsePID(arg)
	if errno != 0 {
		if ref, ok := container.ParseSchemeRef(arg); ok {
			return s.setContainerRef(ref, "--target")
		}
		return errm("failed to parse PID argument '"+arg+"'", errno)
	}
	if err := s.ctr.noTargetYet("--target"); err != nil {
		return err
	}
	s.targetPID = pid
	if ino != 0 {
		fd, err := target.OpenPidfd(pid, ino)
		if err != nil {
			return errm("failed to obtain a valid file descriptor for PID "+strconv.Itoa(pid), err)
		}
		s.pidfd = fd
	}
	return nil
}

// setSockFD parses -N like str2num_or_err(arg, 10, msg, 0, INT_MAX): a low
// bound of 0 means "none", so -1 is accepted (and later ignored).
func (s *state) setSockFD(arg string) error {
	v, res := cnum.Strtos64(arg)
	if res == cnum.OK && v > 1<<31-1 {
		res = cnum.Range
	}
	if err := numError("failed to parse file descriptor", arg, res); err != nil {
		return err
	}
	s.sockFD = int(v)
	return nil
}

// setID handles -S/-G: "follow" takes the ids of /proc/PID/ later; anything
// else is strtoul_or_err, truncated into uid_t/gid_t like C.
func (s *state) setID(c int, arg string) error {
	what := map[int]string{'S': "uid", 'G': "gid"}[c]
	var id uint32
	follow := arg == "follow"
	if !follow {
		v, res := cnum.Strtou64(arg)
		if err := numError("failed to parse "+what, arg, res); err != nil {
			return err
		}
		id = uint32(v)
	}
	if c == 'S' {
		s.doUID = s.doUID || follow
		if !follow {
			s.uid = id
		}
		s.forceUID = true
	} else {
		s.doGID = s.doGID || follow
		if !follow {
			s.gid = id
		}
		s.forceGID = true
	}
	return nil
}

// numError formats util-linux's str2*num_or_err failures: errx for junk,
// err (with strerror) for ERANGE.
func numError(msg, arg string, res cnum.Result) error {
	switch res {
	case cnum.Invalid:
		return errx(msg + ": '" + arg + "'")
	case cnum.Range:
		return errm(msg+": '"+arg+"'", syscall.ERANGE)
	}
	return nil
}
