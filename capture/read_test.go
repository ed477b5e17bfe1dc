package capture

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	// Default timestamps are local time, as in tcpdump: pin the zone so
	// the goldens (recorded with TZ=UTC) hold everywhere.
	os.Setenv("TZ", "UTC")
	os.Exit(m.Run())
}

// corpus returns the shared pcap directory, skipping when it is absent.
func corpus(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../shared/testdata/pcaps")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared pcap corpus not found at %s", dir)
	}
	return dir
}

var readFiles = []string{
	"generated/lo-en10mb.pcap", "generated/lo-any-sll2.pcap", "generated/lo-any-sll.pcap",
	"tcpdump/LINKTYPE_RAW_ipv4.pcap", "libpcap/rarp_req_reply.pcapng", "tcpdump/802.1ad_QinQ.pcap",
}

var readFlags = [][]string{
	{"-n"}, {"-nv"}, {"-e", "-n"}, {"-X", "-n"}, {"-tt"}, {"-#", "-n", "-q"}, {"-c", "5", "-n"},
	{"--count"}, {"--count", "tcp"}, {"-n", "udp"}, {"-n", "icmp", "or", "icmp6"}, {"-c", "2", "--count", "ip6"},
	{"-ttt", "-n", "-c", "4"}, {"-ttttt", "-n", "-c", "4"}, {"--nano", "-c", "3"},
}

// readCases use "@/" for the corpus directory so goldens are portable.
func readCases() [][]string {
	var cases [][]string
	for _, f := range readFiles {
		for _, fl := range readFlags {
			cases = append(cases, append([]string{"-r", "@/" + f}, fl...))
		}
	}
	return append(cases, []string{"-r", "@/generated/lo-en10mb.pcap", "-O", "-d", "icmp"},
		[]string{"-r", "@/generated/lo-en10mb.pcap", "vlan and"})
}

func withCorpus(args []string, dir string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strings.Replace(a, "@/", dir+"/", 1)
	}
	return out
}

// TestReadMatchesTcpdump compares `-r FILE` runs (banner, decoded text,
// --count, -c, filters) with tcpdump 4.99.3.
func TestReadMatchesTcpdump(t *testing.T) {
	dir := corpus(t)
	cases := readCases()
	var rs []result
	if *update {
		for _, c := range cases {
			r := runTcpdump(t, withCorpus(c, dir))
			r.Args = c
			r.Stderr = strings.ReplaceAll(r.Stderr, dir+"/", "@/")
			rs = append(rs, r)
		}
		saveGolden(t, "read", rs)
	}
	rs = golden(t, "read", nil)
	for _, want := range rs {
		args := withCorpus(want.Args, dir)
		stdout, stderr, code := run(t, "", args...)
		stderr = strings.ReplaceAll(stderr, dir+"/", "@/")
		if code != want.Exit || stdout != want.Stdout || stderr != want.Stderr {
			t.Errorf("tcpdump %q:\n got exit %d stderr %q stdout %.300q\nwant exit %d stderr %q stdout %.300q",
				want.Args, code, stderr, stdout, want.Exit, want.Stderr, want.Stdout)
		}
	}
}

// TestReadStdin reads a capture from standard input with -r -.
func TestReadStdin(t *testing.T) {
	dir := corpus(t)
	b, err := os.ReadFile(dir + "/generated/lo-en10mb.pcap")
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, string(b), "-r", "-", "--count", "udp")
	if code != 0 || stdout != "11 packets\n" ||
		stderr != "reading from file -, link-type EN10MB (Ethernet), snapshot length 262144\n" {
		t.Errorf("got exit %d stdout %q stderr %q", code, stdout, stderr)
	}
}

// TestReadWriteBytesMatchTcpdump checks that `-r IN -w OUT [filter]`
// writes the same bytes as tcpdump does.
func TestReadWriteBytesMatchTcpdump(t *testing.T) {
	dir := corpus(t)
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed: nothing to compare with")
	}
	tmp := t.TempDir()
	for _, tc := range [][]string{
		{"generated/lo-en10mb.pcap"}, {"generated/lo-any-sll2.pcap", "tcp"},
		{"generated/lo-any-sll.pcap", "--nano", "udp"}, {"libpcap/rarp_req_reply.pcapng"},
		{"tcpdump/LINKTYPE_RAW_ipv4.pcap", "-c", "1"},
	} {
		in := dir + "/" + tc[0]
		want, got := filepath.Join(tmp, "want.pcap"), filepath.Join(tmp, "got.pcap")
		args := append([]string{"-r", in, "-w", want}, tc[1:]...)
		if r := runTcpdump(t, args); r.Exit != 0 {
			t.Fatalf("tcpdump %q: %+v", args, r)
		}
		args[3] = got
		if _, stderr, code := run(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		a, _ := os.ReadFile(want)
		b, _ := os.ReadFile(got)
		if !bytes.Equal(a, b) {
			t.Errorf("%q: %d bytes differ from tcpdump's %d", tc, len(b), len(a))
		}
	}
}

// TestClosedPipe mirrors tcpdump when its reader goes away: decoded text
// fails with "Unable to write output" and status 14; a -w - stream just
// stops, status 0.
func TestClosedPipe(t *testing.T) {
	dir := corpus(t)
	in := dir + "/tcpdump/DECnet_Phone.pcap"
	for _, tc := range []struct {
		args []string
		code int
		tail string
	}{
		{[]string{"-r", in, "-n"}, 14, "tcpdump: Unable to write output: Broken pipe\n"},
		{[]string{"-r", in, "-w", "-"}, 0, "snapshot length 65535\n"},
	} {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		pr.Close()
		var e bytes.Buffer
		code := Main("tcpdump", tc.args, strings.NewReader(""), pw, &e, nil)
		pw.Close()
		if code != tc.code || !strings.HasSuffix(e.String(), tc.tail) {
			t.Errorf("%q into a closed pipe: exit %d stderr %q, want exit %d ending %q", tc.args, code, e.String(), tc.code, tc.tail)
		}
	}
}
