package compat

import "strings"

// tcase is one nsenter invocation. Arguments, environment entries and
// expectations may use placeholders: {T} full target (user ns and all other
// types, hostname nstarget, /mnt/marker "inside", cwd /mnt/sub), {N} target
// without user/time ns (hostname nstest, /mnt/marker "inside-n", cwd /mnt,
// environ A=9 BB=22 C=3), {P} rootless target of uid 65534 (hostname unpriv),
// {M} private mount ns over {D}/w (cwd {D}/w/sub with inside_marker; the host
// side has outside_marker), {S} socket holder whose fd 5 is a socket in N's net
// ns (and an empty environment), {NU} target two user namespaces deep, {D} scratch dir (cwd of every run),
// {NOSUCH} a free pid, {X_PIDFS} pidfs inode of target X. Outputs show
// namespace inodes as [{X_type}] / [{HOST_type}].
type tcase struct {
	name       string
	needs      string // fixtures: root, T, N, P, M, S, NU, cgroup2, nocgroup2
	args       []string
	env        []string
	stdin      string
	closeStdin bool // run with fd 0 closed (<&-)
	fullStdout bool // stdout is /dev/full
	nobody     bool // run as uid/gid 65534 without groups
}

func cs(name, needs string, args ...string) tcase {
	return tcase{name: name, needs: needs, args: args}
}

func (c tcase) withEnv(kv ...string) tcase { c.env = append(c.env, kv...); return c }
func (c tcase) withStdin(s string) tcase   { c.stdin = s; return c }
func (c tcase) stdinClosed() tcase         { c.closeStdin = true; return c }
func (c tcase) toFull() tcase              { c.fullStdout = true; return c }
func (c tcase) asNobody() tcase            { c.nobody = true; return c }

// ns runs readlink on the program's own /proc/self/ns/<type> links (readlink
// itself is the program, so with -F it shows nsenter's own pid namespace).
func ns(types ...string) []string {
	args := []string{"readlink"}
	for _, t := range types {
		args = append(args, "/proc/self/ns/"+t)
	}
	return args
}

func with(args []string, more ...string) []string { return append(more, args...) }

var cases = concat(parseCases, targetCases, namespaceCases, credentialCases,
	execCases, statusCases, shellCases, dirCases, newOptionCases, rootlessCases)

func concat(lists ...[]tcase) []tcase {
	var all []tcase
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// parseCases: getopt_long behaviour and errors found before any namespace work.
var parseCases = []tcase{
	cs("invalid-short-option", "", "-x"),
	cs("invalid-short-option-after-valid", "", "-F", "-x", "true"),
	cs("unrecognized-long-option", "", "--bogus=1", "true"),
	cs("unrecognized-long-option-bare", "", "--bogus"),
	cs("long-option-no-argument-allowed", "", "--all=x", "true"),
	cs("no-fork-no-argument-allowed", "", "--no-fork=1", "true"),
	cs("target-missing-argument", "", "-t"),
	cs("target-long-missing-argument", "", "--target"),
	cs("setuid-missing-argument", "", "-S"),
	cs("setgid-missing-argument", "", "-G"),
	cs("setuid-long-missing-argument", "", "--setuid"),
	cs("ambiguous-u", "", "--u", "true"),
	cs("ambiguous-us", "root N", "-t", "{N}", "--us", "true"),
	cs("ambiguous-ne", "root N", "--targ", "{N}", "--ne", "readlink", "/proc/self/ns/net"),
	cs("abbrev-targ-uts", "root N", "--targ", "{N}", "--ut", "hostname"),
	cs("abbrev-targ-equals", "root N", "--targ={N}", "--uts", "hostname"),
	cs("abbrev-preserve", "root N", "--targ", "{N}", "-u", "--pres", "hostname"),
	// gonsenter's own long options (--capture, --container, --runtime, ...)
	// never change what an abbreviation of util-linux's means.
	cs("abbrev-c-is-cgroup", "root N", "--targ", "{N}", "--c", "readlink", "/proc/self/ns/cgroup"),
	cs("abbrev-r-is-root", "root N", "--targ", "{N}", "-u", "--r", "hostname"),
	cs("abbrev-f-is-follow-context", "root N", "--targ", "{N}", "-u", "--f", "hostname"),
	cs("bad-option-before-help", "", "-x", "--help"),
	cs("help-long", "", "--help"),
	cs("help-short", "", "-h"),
	cs("version-long", "", "--version"),
	cs("version-short", "", "-V"),
	cs("help-write-error", "", "--help").toFull(),
	cs("version-write-error", "", "-V").toFull(),
	cs("target-pid-junk", "", "-t", "abc", "-n", "true"),
	cs("target-pid-trailing-junk", "", "-t", "12x", "-n", "true"),
	cs("target-pid-zero", "", "-t", "0", "-n", "true"),
	cs("target-pid-negative", "", "-t", "-5", "-n", "true"),
	cs("target-pid-empty", "", "-t", "", "-n", "true"),
	cs("target-pid-colon-empty", "", "-t", "{NOSUCH}:", "-n", "true"),
	cs("target-pid-colon-zero", "", "-t", "{NOSUCH}:0", "-n", "true"),
	cs("setuid-junk", "root N", "-t", "{N}", "-n", "-S", "abc", "true"),
	cs("setgid-junk", "root N", "-t", "{N}", "-n", "-G", "abc", "true"),
	cs("setgid-equals-not-stripped", "root N", "-t", "{N}", "-n", "-G=5", "id", "-g"),
	cs("setuid-follow", "root N", "-t", "{N}", "-n", "-S", "follow", "id", "-u"),
	cs("setuid-follow-then-number", "root N", "-t", "{N}", "-S", "follow", "-S", "5", "-n", "id", "-u"),
	cs("setuid-setgid-follow", "root N", "-t", "{N}", "-n", "-S", "follow", "-G", "follow", "sh", "-c", "id -u; id -g"),
	cs("setuid-negative", "root N", "-t", "{N}", "-n", "-S", "-1", "id", "-u"),
	cs("mu-cluster-is-mount-file", "root N", "-t", "{N}", "-mu", "hostname"),
	cs("double-dash-ends-options", "root N", "-t", "{N}", "-u", "--", "hostname"),
	cs("stop-at-first-non-option", "root N", "-t", "{N}", "-u", "sh", "-c", `printf '%s\n' "$@"`, "x", "-n", "--uts"),
	cs("net-file-separate-word", "root N", "-n", "/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("net-long-file-separate-word", "root N", "--net", "/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("net-short-file-equals", "root N", "-n=/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("root-short-equals-not-stripped", "root M", "-t", "{M}", "-m", "-r=/", "sh", "-c", "pwd"),
}

// targetCases: which target and which namespaces, including the absence of both.
var targetCases = []tcase{
	cs("no-arguments", "").withEnv("SHELL=/bin/sh"),
	cs("program-without-namespace", "", "true"),
	cs("target-without-namespace", "root N", "-t", "{N}", "true"),
	cs("nonexistent-target-without-namespace", "", "-t", "{NOSUCH}", "true"),
	cs("nonexistent-target-net", "", "-t", "{NOSUCH}", "-n", "true"),
	cs("net-without-target", "", "-n", "true"),
	cs("mount-net-without-target", "", "-m", "-n", "true"),
	cs("all-without-target", "", "-a", "true"),
	cs("user-all-without-target", "", "-U", "-a", "true"),
	cs("root-without-target", "", "-r", "true"),
	cs("wd-without-target", "", "-w", "true"),
	cs("target-twice-same", "root N", "-t", "{N}", "-t", "{N}", "-u", "hostname"),
	cs("target-twice-last-missing", "root N", "-t", "{N}", "-t", "{NOSUCH}", "-n", "true"),
	cs("target-pid-inode", "root N", "-t", "{N}:{N_PIDFS}", "-u", "hostname"),
	cs("target-pid-wrong-inode", "root N", "-t", "{N}:12345", "-u", "hostname"),
	cs("setuid-without-namespace", "root", "-S", "0", "-G", "0", "id", "-u"),
	cs("net-file-not-namespace", "root", "-n/etc/passwd", "true"),
	cs("net-file-wrong-type", "root N", "-n/proc/{N}/ns/uts", "true"),
	cs("net-file-missing", "", "-n/nonexistent/net", "true"),
	cs("net-nsid-junk", "", "--net=:abc", "true"),
	cs("net-nsid-junk-short", "", "-u:12x", "true"),
	cs("net-file-dot-colon", "", "-n./:7", "true"),
	cs("net-file-attached", "root N", "-n/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("net-long-file-equals", "root N", "--net=/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("two-files", "root N", "--net=/proc/{N}/ns/net", "--uts=/proc/{N}/ns/uts",
		"sh", "-c", "hostname; readlink /proc/self/ns/net"),
	cs("file-then-bare-same-type", "root N", "-n/proc/self/ns/net", "-t", "{N}", "-n", "readlink", "/proc/self/ns/net"),
	cs("bare-then-file-same-type", "root N", "-t", "{N}", "-n", "-n/proc/self/ns/net", "readlink", "/proc/self/ns/net"),
	cs("follow-context-file", "root N", "-Z", "-n/proc/{N}/ns/net", "readlink", "/proc/self/ns/net"),
	cs("follow-context-long", "root N", "--follow-context", "-t", "{N}", "-u", "hostname"),
	cs("setuid-follow-without-target", "root N", "-S", "follow", "-n/proc/{N}/ns/net", "true"),
	cs("join-cgroup-without-target-v1", "root N nocgroup2", "-c", "-n/proc/{N}/ns/net", "true"),
	cs("join-cgroup-without-target-v2", "root N cgroup2", "-c", "-n/proc/{N}/ns/net", "true"),
	cs("all-nonexistent-target", "", "-t", "{NOSUCH}", "-a", "true"),
	cs("help-before-bad-option", "", "--help", "-x"),
}

// namespaceCases: every namespace flag against real targets.
var namespaceCases = []tcase{
	cs("uts", "root N", "-t", "{N}", "-u", "hostname"),
	cs("uts-long", "root N", "--target", "{N}", "--uts", "hostname"),
	cs("net", "root N", with(ns("net"), "-t", "{N}", "-n")...),
	cs("ipc", "root N", with(ns("ipc"), "-t", "{N}", "-i")...),
	cs("cgroup", "root N", with(ns("cgroup"), "-t", "{N}", "-C")...),
	cs("mount-marker", "root N", "-t", "{N}", "-m", "cat", "/mnt/marker"),
	cs("mount-resets-cwd", "root N", "-t", "{N}", "-m", "pwd"),
	cs("pid-forks", "root N", with(ns("pid", "pid_for_children"), "-t", "{N}", "-p")...),
	cs("pid-no-fork", "root N", with(ns("pid", "pid_for_children"), "-t", "{N}", "-p", "-F")...),
	cs("pid-long-no-fork", "root N", with(ns("pid", "pid_for_children"), "--target={N}", "--pid", "--no-fork")...),
	cs("several-short", "root N", with(ns("uts", "net", "ipc"), "-t", "{N}", "-u", "-n", "-i")...),
	cs("all-no-user", "root N", with(ns("user", "cgroup", "ipc", "uts", "net", "pid", "mnt", "time"), "-t", "{N}", "-a")...),
	cs("all-cwd-root", "root N", "-t", "{N}", "-a", "sh", "-c", "pwd; hostname; cat /mnt/marker"),
	cs("all-with-wd", "root N", "-t", "{N}", "-a", "-w", "pwd"),
	cs("all-with-mount-file", "root N M", with(ns("mnt", "uts"), "-t", "{N}", "-a", "--mount=/proc/{M}/ns/mnt")...),
	cs("all-rootless-as-root", "root P", "-t", "{P}", "-a", "sh", "-c", "hostname; id -u"),
	cs("user-same-as-own", "root N", "-t", "{N}", "-U", "true"),
	cs("all-and-user-same-as-own", "root N", "-t", "{N}", "-a", "-U", "true"),
	cs("all-full", "root T", with(ns("user", "cgroup", "ipc", "uts", "net", "pid", "mnt", "time"), "-t", "{T}", "-a")...),
	cs("all-full-identity", "root T", "-t", "{T}", "-a", "sh", "-c", "hostname; cat /mnt/marker; id -u; id -g; cat /proc/self/uid_map; pwd"),
	cs("user-mount", "root T", "-t", "{T}", "-U", "-m", "sh", "-c", "cat /mnt/marker; id -u"),
	cs("user-only", "root T", with(ns("user", "net"), "-t", "{T}", "-U")...),
	cs("time", "root T", with(ns("time", "time_for_children"), "-t", "{T}", "-T")...),
	cs("time-uptime-shifted", "root T", "-t", "{T}", "-T", "sh", "-c",
		`read up idle </proc/uptime; [ "${up%.*}" -ge 1000000 ] && echo shifted`),
	cs("time-long-file", "root T", with(ns("time"), "--time=/proc/{T}/ns/time")...),
	cs("closed-stdin", "root N", "-t", "{N}", "-u", "-n", "sh", "-c", "hostname; readlink /proc/self/ns/net").stdinClosed(),
	cs("closed-stdin-user", "root T", "-t", "{T}", "-U", "-u", "sh", "-c", "hostname; readlink /proc/self/ns/user").stdinClosed(),
	cs("no-fd-leak", "root N", "-t", "{N}", "-u", "-n", "-i", "-C", "ls", "/proc/self/fd"),
	cs("no-fd-leak-files", "root N", "-n/proc/{N}/ns/net", "-u/proc/{N}/ns/uts", "-w/", "ls", "/proc/self/fd"),
	cs("no-fd-leak-fork", "root N", "-t", "{N}", "-a", "ls", "/proc/self/fd"),
	cs("no-fd-leak-user", "root T", "-t", "{T}", "-a", "-r", "-w", "ls", "/proc/self/fd"),
	cs("stdin-passed", "root N", "-t", "{N}", "-u", "cat").withStdin("data through stdin\n"),
}

// credentialCases: -S/-G, user namespaces and --preserve-credentials.
var credentialCases = []tcase{
	cs("setuid-setgid-numeric", "root N", "-t", "{N}", "-S", "1000", "-G", "100", "-n", "sh", "-c", "id -u; id -g; id -G"),
	cs("setuid-attached", "root N", "-t", "{N}", "-n", "-S1000", "sh", "-c", "id -u; id -G"),
	cs("setgid-only", "root N", "-t", "{N}", "-n", "-G", "100", "sh", "-c", "id -u; id -g; id -G"),
	cs("setuid-truncated", "root N", "-t", "{N}", "-n", "-S", "4294967296", "id", "-u"),
	cs("setuid-minus-one-wraps", "root N", "-t", "{N}", "-n", "-S", "4294967295", "id", "-u"),
	cs("user-default-credentials", "root T", "-t", "{T}", "-U", "sh", "-c", "id -u; id -g; id -G"),
	cs("user-setuid-unmapped", "root T", "-t", "{T}", "-U", "-S", "1000", "-G", "1000", "id"),
	cs("user-preserve-credentials", "root T", "-t", "{T}", "-U", "--preserve-credentials", "sh", "-c", "id -u; id -g"),
	cs("user-preserve-credentials-setuid", "root T", "-t", "{T}", "-U", "--preserve-credentials", "-S", "0", "sh", "-c", "id -u; id -G"),
	cs("user-setuid-zero", "root T", "-t", "{T}", "-U", "-S", "0", "-G", "0", "id", "-u"),
	cs("keep-caps-user-only", "root T", "-t", "{T}", "-U", "--keep-caps", "grep", "CapAmb", "/proc/self/status"),
	cs("keep-caps-user-net", "root T", "-t", "{T}", "-U", "-n", "--keep-caps", "grep", "CapAmb", "/proc/self/status"),
	cs("no-keep-caps", "root T", "-t", "{T}", "-U", "-n", "grep", "CapAmb", "/proc/self/status"),
}

// execCases: program lookup and exec failures (execvp rules, 126/127).
var execCases = []tcase{
	cs("exec-nonexistent-path", "root N", "-t", "{N}", "-n", "/nonexistent/prog"),
	cs("exec-nonexistent-name", "root N", "-t", "{N}", "-n", "nosuchprog_xyz"),
	cs("exec-not-executable", "root N", "-t", "{N}", "-n", "/etc/passwd"),
	cs("exec-directory", "root N", "-t", "{N}", "-n", "/tmp"),
	cs("exec-empty-name", "root N", "-t", "{N}", "-n", ""),
	cs("exec-no-shebang-script", "root N", "-t", "{N}", "-n", "{D}/noshebang.sh"),
	cs("exec-shebang-script", "root N", "-t", "{N}", "-n", "{D}/script-with-shebang.sh", "a", "b"),
	cs("exec-no-exec-bit", "root N", "-t", "{N}", "-n", "{D}/notexec"),
	cs("exec-relative-path", "root N", "-t", "{N}", "-n", "./noshebang.sh"),
	cs("exec-nonexistent-fork", "root N", "-t", "{N}", "-p", "nosuchprog_xyz"),
	cs("exec-not-executable-fork", "root N", "-t", "{N}", "-p", "/etc/passwd"),
	cs("exec-nonexistent-user", "root T", "-t", "{T}", "-U", "nosuchprog_xyz"),
	cs("exec-path-from-env", "root N", "-t", "{N}", "-n", "noshebang.sh").withEnv("PATH={D}"),
	cs("exec-name-255-bytes", "root N", "-t", "{N}", "-n", strings.Repeat("a", 255)),
	cs("exec-name-256-bytes", "root N", "-t", "{N}", "-n", strings.Repeat("a", 256)),
	cs("exec-name-256-bytes-user", "root T", "-t", "{T}", "-U", strings.Repeat("a", 256)),
	cs("exec-path-empty-entry", "root N", "-t", "{N}", "-n", "noshebang.sh").withEnv("PATH=/nonexistent:"),
}

// statusCases: exit statuses and signals through the exec and fork paths.
var statusCases = []tcase{
	cs("exit-0", "root N", "-t", "{N}", "-n", "sh", "-c", "exit 0"),
	cs("exit-42", "root N", "-t", "{N}", "-n", "sh", "-c", "exit 42"),
	cs("exit-255", "root N", "-t", "{N}", "-n", "sh", "-c", "exit 255"),
	cs("fork-exit-3", "root N", "-t", "{N}", "-p", "sh", "-c", "exit 3"),
	cs("fork-exit-42", "root N", "-t", "{N}", "-p", "sh", "-c", "exit 42"),
	cs("fork-exit-255", "root N", "-t", "{N}", "-p", "sh", "-c", "exit 255"),
	cs("signal-term", "root N", "-t", "{N}", "-n", "sh", "-c", "kill -TERM $$"),
	cs("fork-signal-term", "root N", "-t", "{N}", "-p", "sh", "-c", "kill -TERM $$"),
	cs("fork-signal-kill", "root N", "-t", "{N}", "-p", "sh", "-c", "kill -KILL $$"),
	cs("fork-signal-segv", "root N", "-t", "{N}", "-p", "sh", "-c", "kill -SEGV $$"),
	cs("fork-signal-usr1", "root N", "-t", "{N}", "-p", "sh", "-c", "kill -USR1 $$"),
	cs("user-exit-42", "root T", "-t", "{T}", "-U", "sh", "-c", "exit 42"),
	cs("user-signal-term", "root T", "-t", "{T}", "-U", "-p", "sh", "-c", "kill -TERM $$"),
	cs("fork-output-order", "root N", "-t", "{N}", "-p", "sh", "-c", "echo out; echo err >&2; exit 7"),
}

// shellCases: no program means a login shell.
var shellCases = []tcase{
	cs("shell-from-env", "root N", "-t", "{N}", "-u").withEnv("SHELL=/bin/sh").withStdin("echo $0; hostname\n"),
	cs("shell-from-env-fork", "root N", "-t", "{N}", "-p").withEnv("SHELL=/bin/sh").withStdin("echo $0; readlink /proc/self/ns/pid\n"),
	cs("shell-unset", "root N", "-t", "{N}", "-u").withStdin("echo $0\n"),
	cs("shell-empty", "root N", "-t", "{N}", "-u").withEnv("SHELL=").withStdin("echo $0\n"),
	cs("shell-nonexistent", "root N", "-t", "{N}", "-u").withEnv("SHELL=/nonexistent/shell"),
	cs("shell-directory", "root N", "-t", "{N}", "-u").withEnv("SHELL=/tmp"),
}

// dirCases: -r, -w, -W against a private mount namespace.
var dirCases = []tcase{
	cs("mount-cwd-reset", "root M", "-t", "{M}", "-m", "pwd"),
	cs("wd-target-cwd", "root M", "-t", "{M}", "-m", "-w", "sh", "-c", "pwd; ls"),
	cs("wd-tunnel-long", "root M", "-t", "{M}", "-m", "--wd={D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wd-tunnel-short", "root M", "-t", "{M}", "-m", "-w{D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wd-tunnel-equals", "root M", "-t", "{M}", "-m", "-w={D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wdns-attached", "root M", "-t", "{M}", "-m", "-W{D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wdns-long-equals", "root M", "-t", "{M}", "-m", "--wdns={D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wdns-separate-word", "root M", "-t", "{M}", "-m", "-W", "{D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wdns-short-equals", "root M", "-t", "{M}", "-m", "-W={D}/w/sub", "sh", "-c", "pwd; ls"),
	cs("wdns-long-separate-word", "root M", "-t", "{M}", "-m", "--wdns", "{D}/w/sub", "sh", "-c", "pwd"),
	cs("wdns-long-bare", "root M", "-t", "{M}", "-m", "--wdns", "pwd"),
	cs("wdns-relative-missing", "root M", "-t", "{M}", "-m", "-W", "sub", "pwd"),
	cs("wdns-missing-argument", "root M", "-t", "{M}", "-W"),
	cs("wdns-not-directory", "root M", "-t", "{M}", "-m", "-W/etc/passwd", "pwd"),
	cs("wdns-relative-attached", "root M", "-t", "{M}", "-m", "-Wsub", "pwd"),
	cs("wd-then-wdns", "root M", "-t", "{M}", "-m", "-w", "-W/tmp", "pwd"),
	cs("wdns-then-wd", "root M", "-t", "{M}", "-m", "-W/tmp", "-w", "pwd"),
	cs("wd-missing-dir", "root M", "-t", "{M}", "-m", "-w/nonexistent", "pwd"),
	cs("wd-not-directory", "root M", "-t", "{M}", "-m", "-w/etc/passwd", "pwd"),
	cs("root-target", "root M", "-t", "{M}", "-m", "-r", "sh", "-c", "pwd; cat {D}/w/sub/inside_marker"),
	cs("root-and-wd", "root M", "-t", "{M}", "-m", "-r", "-w", "sh", "-c", "pwd; ls"),
	cs("root-missing-dir", "root M", "-t", "{M}", "-m", "-r/nonexistent", "pwd"),
	cs("root-dir-chroot", "root N", "-t", "{N}", "-u", "-r{D}/w", "-w{D}/w/sub", "/bin/true"),
}

// newOptionCases: options added after 2.38.1 (-e, -N, --user-parent, -c).
var newOptionCases = []tcase{
	cs("env-from-target", "root N", "-t", "{N}", "-u", "-e", "/usr/bin/env"),
	cs("env-empty-target", "root S", "-t", "{S}", "-u", "-e", "/usr/bin/env"),
	cs("env-path-default", "root N", "-t", "{N}", "-u", "-e", "sh", "-c", "echo ok").withEnv("PATH={D}"),
	cs("user-parent-is-own", "root T", "-t", "{T}", "--user-parent", "-n", "true"),
	cs("env-without-target", "root N", "-e", "-n/proc/{N}/ns/net", "true"),
	cs("net-socket", "root S", with(ns("net"), "-t", "{S}", "-N", "5")...),
	cs("net-socket-long", "root S", with(ns("net"), "--target={S}", "--net-socket=5")...),
	cs("net-socket-not-socket", "root S", "-t", "{S}", "-N", "0", "true"),
	cs("net-socket-bad-fd", "root S", "-t", "{S}", "-N", "99", "true"),
	cs("net-socket-junk", "root S", "-t", "{S}", "-N", "abc", "true"),
	cs("net-socket-negative", "root S", "-t", "{S}", "-N", "-1", "true"),
	cs("net-socket-wins-over-net", "root S", with(ns("net"), "-t", "{S}", "-n", "-N", "5")...),
	cs("net-socket-without-target", "", "-N", "5", "true"),
	cs("user-parent", "root NU", with(ns("user"), "-t", "{NU}", "--user-parent")...),
	cs("user-parent-of-init-ns", "root N", "-t", "{N}", "--user-parent", "true"),
	cs("join-cgroup-v1", "root N nocgroup2", "-t", "{N}", "-u", "-c", "true"),
	cs("join-cgroup-keeps-stdin", "root N cgroup2", "-t", "{N}", "-u", "-c", "sh", "-c", "cat; ls /proc/self/fd").withStdin("data\n"),
}

// rootlessCases: an unprivileged caller (uid 65534) and a rootless target.
var rootlessCases = []tcase{
	cs("rootless-setgroups-denied", "root P", "-t", "{P}", "-U", "-u", "hostname").asNobody(),
	cs("rootless-preserve-credentials", "root P", "-t", "{P}", "-U", "-u", "--preserve-credentials", "sh", "-c", "hostname; id -u").asNobody(),
	cs("rootless-without-user", "root P", "-t", "{P}", "-n", "hostname").asNobody(),
	cs("rootless-all", "root P", "-t", "{P}", "-a", "--preserve-credentials", "true").asNobody(),
	cs("rootless-as-root", "root P", "-t", "{P}", "-U", "-u", "hostname"),
	cs("unprivileged-parse-error", "root", "-t", "abc").asNobody(),
}
