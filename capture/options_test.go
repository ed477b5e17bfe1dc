package capture

import "testing"

// optionCases are command lines whose whole output comes from option
// handling: errors, usage, version-independent checks.
var optionCases = [][]string{
	{"-k"},
	{"-Y"},
	{"-i"},
	{"--interf"},
	{"--nosuch"},
	{"--inter"},
	{"-c", "0"},
	{"-c", "abc"},
	{"-c", "0x10"},
	{"-s", "300000"},
	{"-s", "abc"},
	{"-s", "-1"},
	{"-Q", "foo"},
	{"-W", "0"},
	{"-C", "0"},
	{"-C", "1x"},
	{"-G", "-1"},
	{"-B", "0"},
	{"-y", "FOO", "-d", "ip"},
	{"-y", "DLT_EN10MB"},
	{"-y", "1"},
	{"--time-stamp-precision=foo", "-d", "ip"},
	{"-ttttttt", "-d", "icmp"},
	{"-c", "5", "-s", "0x40", "-y", "en10mb", "-d", "ip"},
	{"-s", "010", "-d", "ip"},
	{"-c", "5x", "-d", "ip"},
	{"-d", "-c", "3", "icmp", "-n"},
	{"--micro", "--nano", "-d", "ip"},
	{"-F", "/nonexistent/filter", "-d"},
	{"-r", "/nonexistent/file.pcap"},
}

// TestOptionErrorsMatchTcpdump compares messages, usage text (after the
// version lines, which name gonsenter) and exit codes with tcpdump 4.99.3.
func TestOptionErrorsMatchTcpdump(t *testing.T) {
	for _, want := range golden(t, "options", optionCases) {
		stdout, stderr, code := run(t, "", want.Args...)
		if code != want.Exit || stdout != want.Stdout || withoutVersion(stderr) != withoutVersion(want.Stderr) {
			t.Errorf("tcpdump %q:\n got exit %d stdout %q stderr %q\nwant exit %d stdout %q stderr %q",
				want.Args, code, stdout, stderr, want.Exit, want.Stdout, want.Stderr)
		}
	}
}

// withoutVersion drops print_version's lines, which differ by design
// (tcpdump names its libpcap and OpenSSL; gonsenter names itself).
func withoutVersion(s string) string {
	var out []byte
	for _, l := range splitLines(s) {
		if hasPrefix(l, "tcpdump version ") || hasPrefix(l, "libpcap version ") || hasPrefix(l, "OpenSSL ") {
			continue
		}
		out = append(out, l...)
	}
	return string(out)
}

func splitLines(s string) []string {
	var ls []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i < len(s) {
			i++
		}
		ls = append(ls, s[:i])
		s = s[i:]
	}
	return ls
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func TestUnsupportedOptionsAreRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-z", "gzip", "-w", "x"}, "tcpdump: option -z is not supported by gonsenter (no post-rotate commands are run)\n"},
		{[]string{"-I"}, "tcpdump: option -I is not supported by gonsenter (no monitor mode)\n"},
		{[]string{"--monitor-mode"}, "tcpdump: option --monitor-mode is not supported by gonsenter (no monitor mode)\n"},
		{[]string{"-K"}, "tcpdump: option -K is not supported by gonsenter\n"},
		{[]string{"-E", "x"}, "tcpdump: option -E is not supported by gonsenter (no ESP decryption)\n"},
		{[]string{"-V", "list"}, "tcpdump: option -V is not supported by gonsenter (read one file with -r)\n"},
	} {
		stdout, stderr, code := run(t, "", tc.args...)
		if code != 1 || stdout != "" || stderr != tc.want {
			t.Errorf("%q: got exit %d stdout %q stderr %q, want exit 1 stderr %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

func TestHelpAndVersionGoToStdout(t *testing.T) {
	stdout, stderr, code := run(t, "", "--version")
	if code != 0 || stderr != "" || !hasPrefix(stdout, "tcpdump version 4.99.3") {
		t.Errorf("--version: exit %d stdout %q stderr %q", code, stdout, stderr)
	}
	stdout, _, code = run(t, "", "-h")
	if code != 0 || !bytesContains(stdout, "Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#]") {
		t.Errorf("-h: exit %d stdout %q", code, stdout)
	}
}

func bytesContains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
