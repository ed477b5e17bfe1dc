// Package compat runs one table of nsenter invocations against util-linux
// nsenter (the installed 2.38.1, when present) and against gonsenter invoked
// as "nsenter", and demands identical stdout, stderr and exit status after
// normalising run-specific values (pids, namespace inodes, the scratch
// directory). Where gonsenter deliberately follows newer util-linux
// (2.42.2/master) or fixes a bug, the case is listed in intendedDifferences
// with its reason and both exact outputs. Outputs of util-linux are recorded in
// testdata/*.golden (go test -update) so that a machine without util-linux
// nsenter 2.38.1 still checks gonsenter against them.
package compat

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

var update = flag.Bool("update", false, "re-record testdata/*.golden from util-linux nsenter "+refVersion)

// refVersion is the util-linux release the golden files come from.
const refVersion = "2.38.1"

// result is what a user sees of one run.
type result struct {
	status string // "exit N" or "signal N"
	stdout string
	stderr string
}

func (r result) String() string {
	return fmt.Sprintf("status: %s\nstdout: %q\nstderr: %q", r.status, r.stdout, r.stderr)
}

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

// reference returns the util-linux nsenter to compare with live, if it is the
// release the expectations were written for.
func reference(t *testing.T) (string, bool) {
	path := os.Getenv("NSENTER_REF")
	if path == "" {
		path = "/usr/bin/nsenter"
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		t.Logf("no util-linux nsenter at %s: checking gonsenter against testdata/*.golden", path)
		return "", false
	}
	if v := strings.TrimSpace(string(out)); v != "nsenter from util-linux "+refVersion {
		t.Logf("%s is %q, not %s: checking gonsenter against testdata/*.golden", path, v, refVersion)
		return "", false
	}
	return path, true
}

func TestCompat(t *testing.T) {
	checkTables(t)
	ref, live := reference(t)
	if *update && !live {
		t.Fatalf("-update needs util-linux nsenter %s (set NSENTER_REF to its path)", refVersion)
	}
	ours, missing := "", nstest.Missing(t)
	if !*update && missing == "" {
		ours = nstest.NsenterLink(t)
	}
	fx := newFixture(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { fx.check(t, c, ref, ours, missing) })
	}
}

// check runs one case: the reference (live or golden) first, then gonsenter.
func (fx *fixture) check(t *testing.T, c tcase, ref, ours, missing string) {
	if why := fx.need(c.needs); why != "" {
		t.Skip(why)
	}
	golden, haveGolden := readGolden(t, c.name)
	var refGot result
	if ref != "" {
		refGot = fx.run(t, ref, c)
		if *update {
			writeGolden(t, c, refGot)
			return
		}
		if haveGolden && golden != refGot {
			t.Logf("testdata/%s.golden is stale (re-record with -update):\n%v\nlive:\n%v", c.name, golden, refGot)
		}
	}
	want, ok := fx.expected(t, c, ref != "", refGot, golden, haveGolden)
	if !ok {
		return
	}
	if missing != "" {
		t.Skip(missing)
	}
	if gap, isGap := knownGaps[c.name]; isGap && os.Getenv("GONSENTER_RUN_KNOWN_GAPS") == "" {
		t.Skip("known gap: " + gap)
	}
	if got := fx.run(t, ours, c); got != want {
		t.Errorf("nsenter %s\ngonsenter:\n%v\nwant:\n%v", strings.Join(c.args, " "), got, want)
	}
}

// expected is what gonsenter must print: the intended-difference entry, else
// the live reference run, else the golden file.
func (fx *fixture) expected(t *testing.T, c tcase, live bool, refGot, golden result, haveGolden bool) (result, bool) {
	if d, isDiff := intendedDifferences[c.name]; isDiff {
		wantRef := fx.expandResult(d.ref)
		switch {
		case live && refGot != wantRef:
			t.Errorf("util-linux %s does not print what intendedDifferences says:\n%v\nwant:\n%v", refVersion, refGot, wantRef)
		case !live && haveGolden && golden != wantRef:
			t.Errorf("testdata/%s.golden disagrees with intendedDifferences:\n%v\nwant:\n%v", c.name, golden, wantRef)
		}
		return fx.expandResult(d.ours), true
	}
	if live {
		return refGot, true
	}
	if !haveGolden {
		t.Fatalf("no live util-linux nsenter %s and no testdata/%s.golden", refVersion, c.name)
		return result{}, false
	}
	return golden, true
}

// expandResult fills in the host-specific values of an expectation (the
// full capability mask, root's login shell); run-specific values such as
// pids and inodes stay placeholders, as normalize leaves them in outputs.
func (fx *fixture) expandResult(r result) result {
	rep := strings.NewReplacer("{CAPFULL}", fx.vars["CAPFULL"], "{ROOTSHELL}", fx.vars["ROOTSHELL"])
	return result{r.status, rep.Replace(r.stdout), rep.Replace(r.stderr)}
}

// baseEnv is the whole environment of every run (plus HOME={D} and the
// case's additions): fixed so that PATH search, the default shell and
// messages are reproducible, and login shells find no ~/.profile.
var baseEnv = []string{
	"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"LC_ALL=C",
}

// run executes bin (util-linux nsenter or gonsenter named nsenter) with the
// case's arguments, environment and stdin, in {D}, and normalises the result.
func (fx *fixture) run(t *testing.T, bin string, c tcase) result {
	t.Helper()
	argv := []string{bin}
	for _, a := range c.args {
		argv = append(argv, fx.expand(a))
	}
	if c.nobody {
		argv = append(nstest.AsNobody(), argv...)
	}
	if strings.Contains(" "+c.needs+" ", " cgroup2 ") {
		argv = append(append([]string{}, fx.cgroupWrap...), argv...)
	}
	if c.closeStdin {
		argv = append([]string{"/bin/sh", "-c", `exec "$0" "$@" <&-`}, argv...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = fx.dir
	cmd.Env = append([]string{"HOME=" + fx.dir}, baseEnv...)
	for _, e := range c.env {
		cmd.Env = append(cmd.Env, fx.expand(e))
	}
	cmd.Stdin = strings.NewReader(c.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if c.fullStdout {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full")
		}
		defer full.Close()
		cmd.Stdout = full
	}
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s timed out", strings.Join(argv, " "))
	}
	if cmd.ProcessState == nil {
		t.Fatalf("cannot run %s: %v", argv[0], err)
	}
	return result{
		status: status(cmd.ProcessState),
		stdout: fx.normalize(stdout.String()),
		stderr: fx.normalize(strings.ReplaceAll(stderr.String(), bin+": ", "nsenter: ")),
	}
}

func status(ps *os.ProcessState) string {
	ws := ps.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		return "signal " + strconv.Itoa(int(ws.Signal()))
	}
	return "exit " + strconv.Itoa(ws.ExitStatus())
}

func goldenPath(name string) string { return filepath.Join("testdata", name+".golden") }

func writeGolden(t *testing.T, c tcase, r result) {
	var b strings.Builder
	fmt.Fprintf(&b, "# nsenter from util-linux %s, normalised; args: %q\n", refVersion, c.args)
	fmt.Fprintf(&b, "%v\n", r)
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenPath(c.name), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readGolden(t *testing.T, name string) (result, bool) {
	b, err := os.ReadFile(goldenPath(name))
	if err != nil {
		return result{}, false
	}
	var r result
	for _, line := range strings.Split(string(b), "\n") {
		key, val, ok := strings.Cut(line, ": ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		switch key {
		case "status":
			r.status = val
		case "stdout", "stderr":
			s, err := strconv.Unquote(val)
			if err != nil {
				t.Fatalf("%s: %s: %v", goldenPath(name), key, err)
			}
			if key == "stdout" {
				r.stdout = s
			} else {
				r.stderr = s
			}
		}
	}
	return r, true
}
