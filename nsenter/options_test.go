package nsenter

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// parseOnly runs option parsing and the preparation steps (spec §3 steps
// 2-12) without entering anything, and returns what the user would see.
func parseOnly(t *testing.T, args ...string) (s *state, stdout, stderr string, code int) {
	t.Helper()
	s = newState(ProgName(args[0]))
	var out strings.Builder
	err := s.parse(args, &out)
	if err == nil && !s.capture {
		err = s.prepareNoSetgroups()
	}
	t.Cleanup(s.closeAll)
	var errBuf bytes.Buffer
	code = report(s.prog, err, &errBuf)
	return s, out.String(), errBuf.String(), code
}

// prepareNoSetgroups is prepare without finalSet's setgroups side effect.
func (s *state) prepareNoSetgroups() error {
	for _, step := range []func() error{s.followContext, s.enableAll, s.openNamespaces,
		s.openTargetFiles, s.openCgroupProcs, s.openParentUserNS, s.openSocketNetNS} {
		if err := step(); err != nil {
			return err
		}
	}
	s.mask = s.enabledMask()
	if s.mask == 0 {
		return errx("no namespace specified")
	}
	return nil
}

// TestParseMessages checks util-linux master's messages and which error
// wins when several apply (side effects happen in argument order).
func TestParseMessages(t *testing.T) {
	self := strconv.Itoa(os.Getpid())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-t", "abc", "-n", "true"}, "nsenter: failed to parse PID argument 'abc': Invalid argument\n"},
		{[]string{"-t", "0", "-n", "true"}, "nsenter: failed to parse PID argument '0': Numerical result out of range\n"},
		{[]string{"-t", "", "-n", "true"}, "nsenter: failed to parse PID argument '': Invalid argument\n"},
		{[]string{"-t", self, "-t", self, "-n"}, "nsenter: option --target may be given only once\n"},
		{[]string{"-n/nonexistent", "-t", "abc"}, "nsenter: cannot open /nonexistent: No such file or directory\n"},
		{[]string{"-t", "abc", "-n/nonexistent"}, "nsenter: failed to parse PID argument 'abc': Invalid argument\n"},
		{[]string{"-n", "true"}, "nsenter: no target PID specified\n"},
		{[]string{"true"}, "nsenter: no namespace specified\n"},
		{[]string{}, "nsenter: no namespace specified\n"},
		{[]string{"-a", "true"}, "nsenter: stat of /proc/0/ns/user failed: No such file or directory\n"},
		{[]string{"-U", "-a", "true"}, "nsenter: no target PID specified\n"},
		{[]string{"-r", "true"}, "nsenter: neither filename nor target pid supplied for root\n"},
		{[]string{"-w", "true"}, "nsenter: neither filename nor target pid supplied for cwd\n"},
		{[]string{"-e", "-n/proc/self/ns/net", "true"}, "nsenter: neither filename nor target pid supplied for environ\n"},
		{[]string{"-S", "follow", "-n/proc/self/ns/net", "true"}, "nsenter: neither filename nor target pid supplied for \n"},
		{[]string{"-N", "5", "true"}, "nsenter: no target PID specified\n"},
		{[]string{"-t", self, "-N", "abc"}, "nsenter: failed to parse file descriptor: 'abc'\n"},
		{[]string{"-t", self, "-N", "-1"}, "nsenter: no namespace specified\n"},
		{[]string{"-S", "x"}, "nsenter: failed to parse uid: 'x'\n"},
		{[]string{"-S", "-1"}, "nsenter: failed to parse uid: '-1': Numerical result out of range\n"},
		{[]string{"-G=5"}, "nsenter: failed to parse gid: '=5'\n"},
		{[]string{"-w", "-W/tmp"}, "nsenter: options --wd and --wdns cannot be combined\n"},
		{[]string{"-W/tmp", "-w"}, "nsenter: options --wdns and --wd cannot be combined\n"},
		{[]string{"-W", "-w"}, "nsenter: options --wdns and --wd cannot be combined\n"},
		{[]string{"-r=/", "true"}, "nsenter: cannot open =/: No such file or directory\n"},
		{[]string{"--net=", "true"}, "nsenter: cannot open : No such file or directory\n"},
		{[]string{"-mu", "hostname"}, "nsenter: cannot open u: No such file or directory\n"},
		{[]string{"-n:x"}, "nsenter: failed to parse nsid: x\n"},
		{[]string{"-n=:-1"}, "nsenter: failed to parse nsid: -1\n"},
		{[]string{"-x"}, "nsenter: invalid option -- 'x'\nTry 'nsenter --help' for more information.\n"},
		{[]string{"--all=x"}, "nsenter: option '--all' doesn't allow an argument\nTry 'nsenter --help' for more information.\n"},
		{[]string{"-t"}, "nsenter: option requires an argument -- 't'\nTry 'nsenter --help' for more information.\n"},
		{[]string{"--bogus", "-V"}, "nsenter: unrecognized option '--bogus'\nTry 'nsenter --help' for more information.\n"},
	} {
		_, _, stderr, code := parseOnly(t, append([]string{"nsenter"}, tc.args...)...)
		if stderr != tc.want || code != 1 {
			t.Errorf("nsenter %q:\n got %q (exit %d)\nwant %q (exit 1)", tc.args, stderr, code, tc.want)
		}
	}
}

// TestParseState checks what parsing remembers: optional arguments only
// when attached, '=' stripped (but not for -r), a file beats a bare flag,
// -S follow sticks, uid/gid truncate like uid_t, --capture splits argv.
func TestParseState(t *testing.T) {
	s, _, stderr, _ := parseOnly(t, "nsenter", "-n=/proc/self/ns/net", "-t", strconv.Itoa(os.Getpid()), "-n", "-u",
		"-S", "follow", "-S", "5", "-G", "4294967296", "-N", "-1", "--wd=/", "prog", "-n", "x")
	if stderr != "" {
		t.Fatalf("unexpected error %q", stderr)
	}
	if s.ns[nsNet].fd < 0 || !s.ns[nsUTS].enabled || s.ns[nsUTS].fd >= 0 {
		t.Errorf("net file / uts flag not kept: %+v", s.ns)
	}
	if !s.doUID || s.uid != 5 || s.gid != 0 || !s.forceGID || s.sockFD != -1 || s.wdFD < 0 {
		t.Errorf("ids: doUID %v uid %d gid %d sockFD %d wdFD %d", s.doUID, s.uid, s.gid, s.sockFD, s.wdFD)
	}
	if !reflect.DeepEqual(s.args, []string{"prog", "-n", "x"}) {
		t.Errorf("program args %q", s.args)
	}
	s, _, _, _ = parseOnly(t, "gonsenter", "-t", "1", "-n", "--capture", "-n", "-w", "f.pcap", "tcp")
	if !s.capture || !reflect.DeepEqual(s.captureArgs, []string{"-n", "-w", "f.pcap", "tcp"}) {
		t.Errorf("--capture split: %v %q", s.capture, s.captureArgs)
	}
}

// TestHelpVersion checks that -h/-V act when reached (exit 0), so an
// earlier bad option wins, and that --help keeps util-linux's layout.
func TestHelpVersion(t *testing.T) {
	_, out, stderr, code := parseOnly(t, "nsenter", "-V", "--bogus")
	if code != 0 || stderr != "" || !strings.Contains(out, "nsenter from util-linux 2.42.2") {
		t.Errorf("-V --bogus: %q %q %d", out, stderr, code)
	}
	_, out, _, code = parseOnly(t, "/usr/local/bin/nsenter", "--help")
	if code != 0 {
		t.Fatalf("--help exit %d", code)
	}
	golden := "testdata/help-nsenter.golden"
	if *update {
		os.WriteFile(golden, []byte(out), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("--help differs from %s:\n%s", golden, out)
	}
	_, out, _, _ = parseOnly(t, "./gonsenter", "-h")
	if !strings.HasPrefix(out, "\nUsage:\n gonsenter [options]") || !strings.HasSuffix(out, "see gonsenter(1).\n") {
		t.Errorf("gonsenter -h uses the wrong name:\n%s", out)
	}
}

// TestHelpMatchesInstalled compares the structural lines of --help
// (everything but option lines) with the installed util-linux nsenter.
func TestHelpMatchesInstalled(t *testing.T) {
	real, err := exec.Command("/usr/bin/nsenter", "--help").Output()
	if err != nil {
		t.Skip("util-linux nsenter not installed:", err)
	}
	_, ours, _, _ := parseOnly(t, "nsenter", "--help")
	if structural(string(real)) != structural(ours) {
		t.Errorf("structure differs:\nutil-linux: %q\ngonsenter:  %q", structural(string(real)), structural(ours))
	}
}

// structural keeps the lines of a help text that are not option lines.
func structural(help string) string {
	var keep []string
	for _, l := range strings.Split(help, "\n") {
		if !strings.HasPrefix(l, " -") && !strings.HasPrefix(l, "     --") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestWriteError checks close_stdout's failure message (--help > /dev/full).
func TestWriteError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	var stderr bytes.Buffer
	code := Main([]string{"nsenter", "--help"}, nil, full, &stderr, Hooks{})
	if code != 1 || stderr.String() != "nsenter: write error: No space left on device\n" {
		t.Errorf("got %d %q", code, stderr.String())
	}
}

// TestCaptureHook checks --capture wiring without namespaces: the hook gets
// the words after --capture and a nil runner; without a hook it is an error.
func TestCaptureHook(t *testing.T) {
	var gotArgs []string
	gotRunner := true
	hook := func(prog string, args []string, _ io.Reader, _, _ io.Writer, target CaptureTarget) int {
		gotArgs, gotRunner = args, target.Run != nil || target.Root != ""
		return 3
	}
	var stderr bytes.Buffer
	code := Main([]string{"gonsenter", "--capture", "-i", "lo"}, nil, &bytes.Buffer{}, &stderr, Hooks{Capture: hook})
	if code != 3 || gotRunner || !reflect.DeepEqual(gotArgs, []string{"-i", "lo"}) {
		t.Errorf("hook: code %d runner %v args %q stderr %q", code, gotRunner, gotArgs, stderr.String())
	}
	stderr.Reset()
	if code := Main([]string{"gonsenter", "--capture"}, nil, &bytes.Buffer{}, &stderr, Hooks{}); code != 1 ||
		stderr.String() != "gonsenter: capture mode is not built in\n" {
		t.Errorf("no hook: %d %q", code, stderr.String())
	}
}
