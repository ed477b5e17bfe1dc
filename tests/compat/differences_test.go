package compat

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// difference is a case where gonsenter deliberately differs from util-linux
// 2.38.1: both outputs are asserted exactly.
type difference struct {
	reason string
	ref    result // util-linux 2.38.1
	ours   result // gonsenter (util-linux 2.42.2/master semantics, plus fixes)
}

// Result builders: ok(stdout), fail(message) for err/errx (exit 1), try(line)
// for getopt errors (glibc line + util-linux's hint), code(n, message).
func ok(stdout string) result { return result{status: "exit 0", stdout: stdout} }
func fail(msg string) result  { return result{status: "exit 1", stderr: "nsenter: " + msg + "\n"} }
func code(n int, msg string) result {
	return result{status: "exit " + strconv.Itoa(n), stderr: "nsenter: " + msg + "\n"}
}
func try(line string) result {
	r := fail(line)
	r.stderr += "Try 'nsenter --help' for more information.\n"
	return r
}

// Reasons, shared by many rows. docs/differences.md lists the same rows.
const (
	why241NoNs     = "util-linux >= 2.41: a run without any namespace fails with 'no namespace specified' (2.38.1 ran the program)"
	why241NoTarget = "util-linux >= 2.41: a namespace without file and without -t fails with 'no target PID specified'"
	why241All      = "util-linux >= 2.41: -a no longer checks for -t itself; it stats /proc/0/ns/user"
	whyPidParse    = "util-linux master parses -t with ul_parse_pid_str: 'failed to parse PID argument' with strerror, 0 and negatives rejected"
	whyPidInode    = "util-linux >= 2.42: -t PID:inode pins the target through a pidfd whose pidfs inode must match"
	whyTargetOnce  = "util-linux master: -t may be given only once (2.38.1: last wins)"
	whyPidfd       = "util-linux >= 2.41 joins all target namespaces with one setns(pidfd) call, so the error names no single namespace"
	whySetidText   = "util-linux >= 2.41 error text 'setgid() failed' / 'setuid() failed'"
	whyUidRange    = "util-linux >= 2.39: strtoul_or_err rejects negative numbers with ERANGE"
	whyFollow      = "util-linux >= 2.39: -S/-G follow take the owner of /proc/PID"
	whyEquals      = "util-linux >= 2.41.1: a leading '=' of an attached optional argument is stripped (not for -r)"
	whyFileWins    = "util-linux >= 2.41: a namespace file given on the command line wins over a bare flag of the same type (2.38.1: bare wins)"
	whyAmbiguous   = "newer long options (--user-parent 2.40, --net-socket 2.41) make more abbreviations ambiguous"
	whyWdnsOpt     = "util-linux >= 2.39: -W takes an optional argument, so a separate word is the program"
	whyExclusive   = "util-linux >= 2.42 err_exclusive_options text, options named in the order given"
	whyShell       = "util-linux >= 2.42: an unset or empty SHELL falls back to the passwd shell of the caller, then /bin/sh"
	whyNsid        = "util-linux >= 2.42 (nsfs builds): a namespace argument starting with ':' is a namespace id (Linux 6.19); prefix ./ for such a file name"
	whyNewOption   = "option added after 2.38.1 (-e 2.39, -c/--keep-caps/--user-parent 2.40, -N 2.41)"
	whyHelp        = "help text of util-linux 2.42.2 plus gonsenter's extensions (--forward-signals, --capture, the container options)"
	whyVersion     = "gonsenter names itself and the util-linux release it follows"
	whyKeepCaps    = "fixes a util-linux bug (2.41 to master): --keep-caps is ignored when the user namespace is the only one entered"
	whyClosedStdin = "util-linux 2.41.0-2.42.1 bug (fixed upstream in 2.42.2, PR #4412): with fd 0 closed the pidfd is 0 and namespaces were silently skipped; same output as 2.38.1"
	whyCgroupStdin = "fixes a util-linux bug (2.40 to master, see issue #1946): -c closes fd 0 and leaks the cgroup.procs fd into the program; option added in 2.40"
)

const helpOurs = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all                     enter all namespaces
 -t, --target <PID>            target process to get namespaces from
 -m, --mount[=<file>|=:<nsid>] enter mount namespace
 -u, --uts[=<file>|=:<nsid>]   enter UTS namespace (hostname etc)
 -i, --ipc[=<file>|=:<nsid>]   enter System V IPC namespace
 -n, --net[=<file>|=:<nsid>]   enter network namespace
 -N, --net-socket <fd>         enter socket's network namespace (needs --target)
 -p, --pid[=<file>|=:<nsid>]   enter pid namespace
 -C, --cgroup[=<file>|=:<nsid>]  enter cgroup namespace
 -U, --user[=<file>|=:<nsid>]  enter user namespace
     --user-parent             enter parent user namespace
 -T, --time[=<file>|=:<nsid>]  enter time namespace
 -S, --setuid[=<uid>]          set uid in entered namespace
 -G, --setgid[=<gid>]          set gid in entered namespace
     --preserve-credentials    do not touch uids or gids
     --keep-caps               retain capabilities granted in user namespaces
 -r, --root[=<dir>]            set the root directory
 -w, --wd[=<dir>]              set the working directory
 -W, --wdns <dir>              set the working directory in namespace
 -e, --env                     inherit environment variables from target process
 -F, --no-fork                 do not fork before exec'ing <program>
 -c, --join-cgroup             join the cgroup of the target process
 -Z, --follow-context          set SELinux context according to --target PID
     --forward-signals         forward termination signals to <program>
     --capture <tcpdump args>  capture packets in the namespaces (like tcpdump)
     --container <ref>         target a container: name, ID (prefix) or runtime://ID
     --pod <ns/name[/ctr]>     target a Kubernetes pod (and one of its containers)
     --runtime <name>          search only docker, podman, containerd or crio
     --runtime-root <path>     search this state directory or API socket instead
     --list-containers         list the running containers of this host

 -h, --help                    display this help
 -V, --version                 display version

For more details see nsenter(1).
`

const help238 = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -S, --setuid <uid>     set uid in entered namespace
 -G, --setgid <gid>     set gid in entered namespace
     --preserve-credentials do not touch uids or gids
 -r, --root[=<dir>]     set the root directory
 -w, --wd[=<dir>]       set the working directory
 -W. --wdns <dir>       set the working directory in namespace
 -F, --no-fork          do not fork before exec'ing <program>
 -Z, --follow-context   set SELinux context according to --target PID

 -h, --help             display this help
 -V, --version          display version

For more details see nsenter(1).
`

var (
	noNs        = fail("no namespace specified")
	noTarget    = fail("no target PID specified")
	noTarget238 = fail("neither filename nor target pid supplied for ns/net")
	inside      = ok("{D}/w/sub\ninside_marker\n")
	outside     = ok("{D}/w/sub\noutside_marker\n")
)

var intendedDifferences = map[string]difference{
	// Parsing.
	"ambiguous-u": {whyAmbiguous,
		try("option '--u' is ambiguous; possibilities: '--uts' '--user'"),
		try("option '--u' is ambiguous; possibilities: '--uts' '--user' '--user-parent'")},
	"ambiguous-us": {whyAmbiguous,
		fail("reassociate to namespace 'ns/user' failed: Invalid argument"),
		try("option '--us' is ambiguous; possibilities: '--user' '--user-parent'")},
	"ambiguous-ne": {whyAmbiguous,
		ok("net:[{N_net}]\n"),
		try("option '--ne' is ambiguous; possibilities: '--net' '--net-socket'")},
	"help-long":     {whyHelp, ok(help238), ok(helpOurs)},
	"help-short":    {whyHelp, ok(help238), ok(helpOurs)},
	"version-long":  {whyVersion, ok("nsenter from util-linux 2.38.1\n"), ok("gonsenter {VERSION} (nsenter from util-linux 2.42.2 compatible)\n")},
	"version-short": {whyVersion, ok("nsenter from util-linux 2.38.1\n"), ok("gonsenter {VERSION} (nsenter from util-linux 2.42.2 compatible)\n")},
	"target-pid-junk": {whyPidParse,
		fail("failed to parse pid: 'abc'"), fail("failed to parse PID argument 'abc': Invalid argument")},
	"target-pid-trailing-junk": {whyPidParse,
		fail("failed to parse pid: '12x'"), fail("failed to parse PID argument '12x': Invalid argument")},
	"target-pid-zero": {whyPidParse,
		noTarget238, fail("failed to parse PID argument '0': Numerical result out of range")},
	"target-pid-negative": {whyPidParse,
		fail("cannot open /proc/4294967291/ns/net: No such file or directory"),
		fail("failed to parse PID argument '-5': Numerical result out of range")},
	"target-pid-empty": {whyPidParse,
		fail("failed to parse pid: ''"), fail("failed to parse PID argument '': Invalid argument")},
	"target-pid-colon-empty": {whyPidInode,
		fail("failed to parse pid: '{NOSUCH}:'"), fail("failed to parse PID argument '{NOSUCH}:': Invalid argument")},
	"target-pid-colon-zero": {whyPidInode,
		fail("failed to parse pid: '{NOSUCH}:0'"), fail("failed to parse PID argument '{NOSUCH}:0': Numerical result out of range")},
	"unprivileged-parse-error": {whyPidParse,
		fail("failed to parse pid: 'abc'"), fail("failed to parse PID argument 'abc': Invalid argument")},
	"setuid-follow": {whyFollow, fail("failed to parse uid: 'follow'"), ok("0\n")},
	"setuid-follow-then-number": {whyFollow + "; the follow flag is never cleared by a later -S",
		fail("failed to parse uid: 'follow'"), ok("0\n")},
	"setuid-follow-without-target": {whyFollow + "; without -t it names an empty type",
		fail("failed to parse uid: 'follow'"), fail("neither filename nor target pid supplied for ")},
	"help-before-bad-option": {whyHelp, ok(help238), ok(helpOurs)},
	"setuid-setgid-follow":   {whyFollow, fail("failed to parse uid: 'follow'"), ok("0\n0\n")},
	"setuid-negative": {whyUidRange,
		fail("setuid failed: Invalid argument"), fail("failed to parse uid: '-1': Numerical result out of range")},
	"net-file-separate-word":      {why241NoTarget, noTarget238, noTarget},
	"net-long-file-separate-word": {why241NoTarget, noTarget238, noTarget},
	"net-short-file-equals": {whyEquals,
		fail("cannot open =/proc/{N}/ns/net: No such file or directory"), ok("net:[{N_net}]\n")},

	"net-nsid-junk":       {whyNsid, fail("cannot open :abc: No such file or directory"), fail("failed to parse nsid: abc")},
	"net-nsid-junk-short": {whyNsid, fail("cannot open :12x: No such file or directory"), fail("failed to parse nsid: 12x")},

	// Target and namespace selection.
	"no-arguments":                         {why241NoNs, ok(""), noNs},
	"program-without-namespace":            {why241NoNs, ok(""), noNs},
	"target-without-namespace":             {why241NoNs, ok(""), noNs},
	"nonexistent-target-without-namespace": {why241NoNs, ok(""), noNs},
	"setuid-without-namespace":             {why241NoNs + " (also with -S/-G)", ok("0\n"), noNs},
	"net-without-target":                   {why241NoTarget, noTarget238, noTarget},
	"mount-net-without-target":             {why241NoTarget, noTarget238, noTarget},
	"all-without-target": {why241All,
		fail("no target PID specified for --all"), fail("stat of /proc/0/ns/user failed: No such file or directory")},
	"user-all-without-target": {why241NoTarget, fail("no target PID specified for --all"), noTarget},
	"target-twice-same":       {whyTargetOnce, ok("nstest\n"), fail("option --target may be given only once")},
	"target-twice-last-missing": {whyTargetOnce,
		fail("cannot open /proc/{NOSUCH}/ns/net: No such file or directory"), fail("option --target may be given only once")},
	"target-pid-inode": {whyPidInode, fail("failed to parse pid: '{N}:{N_PIDFS}'"), ok("nstest\n")},
	"target-pid-wrong-inode": {whyPidInode,
		fail("failed to parse pid: '{N}:12345'"), fail("failed to obtain a valid file descriptor for PID {N}: No such process")},
	"file-then-bare-same-type": {whyFileWins, ok("net:[{N_net}]\n"), ok("net:[{HOST_net}]\n")},
	"bare-then-file-same-type": {whyFileWins, ok("net:[{N_net}]\n"), ok("net:[{HOST_net}]\n")},
	"user-same-as-own": {whyPidfd,
		fail("reassociate to namespace 'ns/user' failed: Invalid argument"), fail("reassociate to namespaces failed: Invalid argument")},
	"all-and-user-same-as-own": {whyPidfd,
		fail("reassociate to namespace 'ns/user' failed: Invalid argument"), fail("reassociate to namespaces failed: Invalid argument")},
	"closed-stdin":      {whyClosedStdin, ok("nstest\nnet:[{N_net}]\n"), ok("nstest\nnet:[{N_net}]\n")},
	"closed-stdin-user": {whyClosedStdin, ok("nstarget\nuser:[{T_user}]\n"), ok("nstarget\nuser:[{T_user}]\n")},

	// Credentials.
	"user-setuid-unmapped":   {whySetidText, fail("setgid failed: Invalid argument"), fail("setgid() failed: Invalid argument")},
	"setuid-minus-one-wraps": {whySetidText, fail("setuid failed: Invalid argument"), fail("setuid() failed: Invalid argument")},
	"keep-caps-user-only": {whyKeepCaps,
		try("unrecognized option '--keep-caps'"), ok("CapAmb:\t{CAPFULL}\n")},
	"keep-caps-user-net": {whyNewOption,
		try("unrecognized option '--keep-caps'"), ok("CapAmb:\t{CAPFULL}\n")},

	// Shell.
	"shell-unset": {whyShell, ok("-sh\n"), ok("-{ROOTSHELL}\n")},
	"shell-empty": {whyShell, code(127, "failed to execute : No such file or directory"), ok("-{ROOTSHELL}\n")},

	// Working directories.
	"wd-tunnel-equals": {whyEquals, fail("cannot open ={D}/w/sub: No such file or directory"), outside},
	"wdns-short-equals": {whyEquals,
		fail("cannot open current working directory: No such file or directory"), inside},
	"wdns-separate-word": {whyWdnsOpt, inside, code(126, "failed to execute {D}/w/sub: Permission denied")},
	"wdns-relative-missing": {whyWdnsOpt,
		fail("cannot open current working directory: No such file or directory"),
		code(127, "failed to execute sub: No such file or directory")},
	"wdns-missing-argument": {whyWdnsOpt + "; then no namespace is selected",
		try("option requires an argument -- 'W'"), noNs},
	"wd-then-wdns": {whyExclusive, fail("mutually exclusive arguments: --wdns --wd"), fail("options --wd and --wdns cannot be combined")},
	"wdns-then-wd": {whyExclusive, fail("mutually exclusive arguments: --wdns --wd"), fail("options --wdns and --wd cannot be combined")},

	// Options added after 2.38.1.
	"env-from-target":    {whyNewOption, try("invalid option -- 'e'"), ok("C=3\nBB=22\nA=9\n")},
	"env-without-target": {whyNewOption, try("invalid option -- 'e'"), fail("neither filename nor target pid supplied for environ")},
	"net-socket":         {whyNewOption, try("invalid option -- 'N'"), ok("net:[{N_net}]\n")},
	"net-socket-long":    {whyNewOption, try("unrecognized option '--net-socket=5'"), ok("net:[{N_net}]\n")},
	"net-socket-not-socket": {whyNewOption,
		try("invalid option -- 'N'"), fail("ioctl(4, SIOCGSKNS): Inappropriate ioctl for device")},
	"net-socket-bad-fd": {whyNewOption, try("invalid option -- 'N'"), fail("pidfd_getfd(3, 99): Bad file descriptor")},
	"net-socket-junk":   {whyNewOption, try("invalid option -- 'N'"), fail("failed to parse file descriptor: 'abc'")},
	"net-socket-negative": {whyNewOption + "; -N -1 is accepted and ignored (str2num_or_err low bound 0 means none)",
		try("invalid option -- 'N'"), noNs},
	"net-socket-wins-over-net":  {whyNewOption, try("invalid option -- 'N'"), ok("net:[{N_net}]\n")},
	"net-socket-without-target": {whyNewOption, try("invalid option -- 'N'"), noTarget},
	"user-parent":               {whyNewOption, try("unrecognized option '--user-parent'"), ok("user:[{NU_parent_user}]\n")},
	"user-parent-of-init-ns": {whyNewOption,
		try("unrecognized option '--user-parent'"), fail("failed to open parent namespace: Operation not permitted")},
	"join-cgroup-without-target-v1": {whyNewOption + "; the cgroup v2 check comes first",
		try("invalid option -- 'c'"), fail("--join-cgroup is only supported in cgroup v2")},
	"join-cgroup-without-target-v2": {whyNewOption,
		try("invalid option -- 'c'"), fail("neither filename nor target pid supplied for cgroup")},
	"env-empty-target": {whyNewOption + "; an empty target environment gives an empty one (2.40.3+)",
		try("invalid option -- 'e'"), ok("")},
	"env-path-default": {whyNewOption + "; the target has no PATH, so execvp's default path finds sh",
		try("invalid option -- 'e'"), ok("ok\n")},
	"user-parent-is-own": {whyNewOption + "; the parent of T's user namespace is ours, which cannot be re-entered",
		try("unrecognized option '--user-parent'"), fail("reassociate to namespace 'ns/user' failed: Invalid argument")},
	"join-cgroup-v1":          {whyNewOption, try("invalid option -- 'c'"), fail("--join-cgroup is only supported in cgroup v2")},
	"join-cgroup-keeps-stdin": {whyCgroupStdin, try("invalid option -- 'c'"), ok("data\n0\n1\n2\n3\n")},

	// Unprivileged caller.
	"rootless-without-user": {whyPidfd,
		fail("reassociate to namespace 'ns/net' failed: Operation not permitted"), fail("reassociate to namespaces failed: Operation not permitted")},
	"rootless-all": {whyPidfd,
		fail("reassociate to namespace 'ns/cgroup' failed: Operation not permitted"), fail("reassociate to namespaces failed: Operation not permitted")},
}

// knownGaps are cases gonsenter does not pass yet; they are skipped, never
// weakened, and listed here with the reason until the implementation is fixed.
var knownGaps = map[string]string{}

func checkTables(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case %q", c.name)
		}
		seen[c.name] = true
	}
	for name := range intendedDifferences {
		if !seen[name] {
			t.Errorf("intendedDifferences: no case %q", name)
		}
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.golden"))
	for _, g := range golden {
		if name := strings.TrimSuffix(filepath.Base(g), ".golden"); !seen[name] {
			t.Errorf("%s belongs to no case: delete it", g)
		}
	}
	for name := range knownGaps {
		if !seen[name] {
			t.Errorf("knownGaps: no case %q", name)
		}
	}
}
