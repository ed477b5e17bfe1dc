package compat

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// fixture owns the targets the cases run against. Targets are started on
// first use and killed when the top-level test ends; a target the kernel
// cannot provide is remembered as a skip reason for every case needing it.
type fixture struct {
	t       *testing.T
	dir     string // {D}: world-readable scratch directory, also the cwd of every run
	targets map[string]*nstest.Target
	missing map[string]string
	vars    map[string]string // placeholder -> value, for arguments and expectations
	inodes  map[uint64]string // namespace inode -> placeholder name
	pids    map[string]string // pid -> placeholder
	// cgroupWrap: /sys/fs/cgroup is not cgroup2 here, so cases needing it
	// run in a private mount namespace with cgroup2 mounted there.
	cgroupWrap []string
	cgroupWhy  *string
}

func newFixture(t *testing.T) *fixture {
	fx := &fixture{
		t:       t,
		dir:     nstest.TempDir(t),
		targets: map[string]*nstest.Target{},
		missing: map[string]string{},
		vars:    map[string]string{},
		inodes:  map[uint64]string{},
		pids:    map[string]string{},
	}
	fx.vars["D"] = fx.dir
	fx.vars["NOSUCH"] = strconv.Itoa(unusedPid())
	fx.vars["CAPFULL"] = fullCapMask()
	fx.vars["ROOTSHELL"] = rootShellBase()
	fx.writeFiles()
	return fx
}

// writeFiles prepares {D}: a script without shebang, a non-executable file,
// and {D}/w/sub/outside_marker for the working-directory tunnel cases.
func (fx *fixture) writeFiles() {
	files := map[string]struct {
		data string
		mode os.FileMode
	}{
		"noshebang.sh":           {"echo noshebang-ran\n", 0o755},
		"notexec":                {"#!/bin/sh\necho never\n", 0o644},
		"w/sub/outside_marker":   {"out\n", 0o644},
		"script-with-shebang.sh": {"#!/bin/sh\necho \"shebang-ran $#\"\n", 0o755},
	}
	for name, f := range files {
		p := filepath.Join(fx.dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fx.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.data), f.mode); err != nil {
			fx.t.Fatal(err)
		}
	}
}

// need makes sure the fixtures named in needs exist; it returns a skip reason.
func (fx *fixture) need(needs string) string {
	for _, n := range strings.Fields(needs) {
		if why := fx.ensure(n); why != "" {
			return why
		}
	}
	return ""
}

func (fx *fixture) ensure(name string) string {
	switch name {
	case "root":
		if os.Geteuid() != 0 {
			return "needs root: run as root, e.g. sudo go test ./tests/compat"
		}
		return ""
	case "cgroup2":
		return fx.ensureCgroup2()
	case "nocgroup2":
		if cgroup2() {
			return "checks the cgroup v1 message; /sys/fs/cgroup is cgroup2 here"
		}
		return ""
	}
	if os.Geteuid() != 0 {
		return "needs root: run as root, e.g. sudo go test ./tests/compat"
	}
	if why, ok := fx.missing[name]; ok {
		return why
	}
	if _, ok := fx.targets[name]; ok {
		return ""
	}
	tg, err := fx.start(name)
	if err != nil {
		fx.missing[name] = fmt.Sprintf("target %s: %v", name, err)
		return fx.missing[name]
	}
	fx.targets[name] = tg
	fx.register(name, tg)
	return ""
}

// start creates target name: T full set with a user ns, N no user/time ns,
// P rootless (uid 65534), M private mount ns over {D}/w, S socket holder with
// fd 5 in N's net ns, NU nested user namespaces.
func (fx *fixture) start(name string) (*nstest.Target, error) {
	switch name {
	case "T":
		return nstest.Full(fx.t)
	case "N":
		return nstest.NoUser(fx.t)
	case "P":
		return nstest.Rootless(fx.t)
	case "M":
		return nstest.Mount(fx.t, filepath.Join(fx.dir, "w"))
	case "S":
		if why := fx.ensure("N"); why != "" {
			return nil, fmt.Errorf("%s", why)
		}
		return nstest.SocketHolder(fx.t, fx.targets["N"].Pid, 5)
	case "NU":
		tg, err := nstest.NestedUser(fx.t)
		if err != nil {
			return nil, err
		}
		parent, err := nstest.ParentUserInode(tg.Pid)
		if err != nil {
			return nil, err
		}
		fx.inodes[parent] = "NU_parent_user"
		return tg, nil
	}
	return nil, fmt.Errorf("unknown fixture %q", name)
}

// register records the placeholders of a new target: {X} for its pid, {X_type}
// for each namespace inode that differs from the host's, {X_PIDFS} for its
// pidfs inode.
func (fx *fixture) register(name string, tg *nstest.Target) {
	pid := strconv.Itoa(tg.Pid)
	fx.vars[name] = pid
	fx.pids[pid] = name
	host := nstest.NsInodes(os.Getpid())
	for typ, ino := range tg.Inodes {
		if host[typ] != ino {
			fx.inodes[ino] = name + "_" + typ
		}
	}
	for typ, ino := range host {
		fx.inodes[ino] = "HOST_" + typ
	}
	if ino, err := nstest.PidfsInode(tg.Pid); err == nil {
		fx.vars[name+"_PIDFS"] = strconv.FormatUint(ino, 10)
	}
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9_]+)\}`)

// expand replaces {NAME} in s with fixture values; unknown names stay.
func (fx *fixture) expand(s string) string {
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := fx.vars[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

var (
	bracketInode = regexp.MustCompile(`\[(\d+)\]`)
	ourVersion   = regexp.MustCompile(`(?m)^gonsenter \S+ \(`)
	number       = regexp.MustCompile(`\b\d{2,}\b`)
)

// normalize turns run-specific values in program output back into
// placeholders so outputs of different runs (and golden files) compare equal.
func (fx *fixture) normalize(s string) string {
	s = strings.ReplaceAll(s, fx.dir, "{D}")
	s = ourVersion.ReplaceAllString(s, "gonsenter {VERSION} (")
	s = bracketInode.ReplaceAllStringFunc(s, func(m string) string {
		ino, _ := strconv.ParseUint(m[1:len(m)-1], 10, 64)
		if name, ok := fx.inodes[ino]; ok {
			return "[{" + name + "}]"
		}
		return m
	})
	s = number.ReplaceAllStringFunc(s, func(m string) string {
		if name, ok := fx.pids[m]; ok {
			return "{" + name + "}"
		}
		for _, k := range []string{"NOSUCH", "T_PIDFS", "N_PIDFS"} {
			if v := fx.vars[k]; v == m {
				return "{" + k + "}"
			}
		}
		return m
	})
	return s
}

// unusedPid returns a pid no process has (for "no such process" cases).
func unusedPid() int {
	for p := 999999; p > 900000; p-- {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", p)); os.IsNotExist(err) {
			return p
		}
	}
	return 999999
}

// fullCapMask is CapBnd of a full capability set on this kernel, as printed in
// /proc/PID/status (e.g. 000001ffffffffff for cap_last_cap 40).
func fullCapMask() string {
	b, err := os.ReadFile("/proc/sys/kernel/cap_last_cap")
	if err != nil {
		return "unknown"
	}
	last, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return fmt.Sprintf("%016x", uint64(1)<<(last+1)-1)
}

// rootShellBase is the base name of root's login shell in /etc/passwd
// (what util-linux >= 2.42 starts when SHELL is unset or empty).
func rootShellBase() string {
	b, _ := os.ReadFile("/etc/passwd")
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ":")
		if len(f) == 7 && f[2] == "0" && f[6] != "" {
			return filepath.Base(f[6])
		}
	}
	return "sh"
}

// ensureCgroup2 makes cgroup2 cases possible: directly on a cgroup2 host,
// else through a private mount namespace with cgroup2 over /sys/fs/cgroup.
func (fx *fixture) ensureCgroup2() string {
	if fx.cgroupWhy != nil {
		return *fx.cgroupWhy
	}
	why := ""
	switch {
	case cgroup2():
	case os.Geteuid() != 0:
		why = "needs root to mount cgroup2 (this host has a v1/hybrid layout)"
	default:
		mount := "mount -t cgroup2 none /sys/fs/cgroup"
		if out, err := exec.Command("unshare", "-m", "sh", "-c", mount).CombinedOutput(); err != nil {
			why = fmt.Sprintf("needs cgroup2: /sys/fs/cgroup is v1/hybrid and %s failed: %v %s", mount, err, out)
		} else {
			fx.cgroupWrap = []string{"unshare", "-m", "sh", "-c", mount + ` && exec "$0" "$@"`}
		}
	}
	fx.cgroupWhy = &why
	return why
}

func cgroup2() bool {
	var st unix.Statfs_t
	return unix.Statfs("/sys/fs/cgroup", &st) == nil && st.Type == unix.CGROUP2_SUPER_MAGIC
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
