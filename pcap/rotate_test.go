package pcap_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

func TestRotationNames(t *testing.T) {
	ts := time.Date(2026, 11, 28, 7, 5, 9, 0, time.UTC)
	cases := []struct {
		base          string
		num, maxFiles int
		useTime       bool
		want          string
	}{
		{"cap.pcap", 0, 0, false, "cap.pcap"},
		{"cap.pcap", 1, 0, false, "cap.pcap1"},
		{"cap.pcap", 13, 0, false, "cap.pcap13"},
		{"cap.pcap", 0, 1, false, "cap.pcap"},
		{"cap.pcap", 0, 3, false, "cap.pcap0"},
		{"cap.pcap", 2, 3, false, "cap.pcap2"},
		{"cap.pcap", 0, 10, false, "cap.pcap0"},
		{"cap.pcap", 3, 12, false, "cap.pcap03"},
		{"cap.pcap", 7, 101, false, "cap.pcap007"},
		{"cap-%Y%m%d-%H%M%S.pcap", 0, 0, true, "cap-20261128-070509.pcap"},
		{"cap-%H.pcap", 4, 12, true, "cap-07.pcap04"},
		{"cap-%H.pcap", 0, 0, false, "cap-%H.pcap"},
	}
	for _, c := range cases {
		if got := pcap.RotationName(c.base, c.num, c.maxFiles, ts, c.useTime); got != c.want {
			t.Errorf("RotationName(%q, %d, %d, %v) = %q, want %q", c.base, c.num, c.maxFiles, c.useTime, got, c.want)
		}
	}
}

// TestStrftimeMatchesDate compares every supported conversion with GNU
// date (glibc strftime for these), across dates chosen for week-number
// and 12-hour edge cases.
func TestStrftimeMatchesDate(t *testing.T) {
	date, err := exec.LookPath("date")
	if err != nil {
		t.Skip("date not installed")
	}
	format := "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%k|%l|%m|%M|%n|%p|%P|%r|%R|%s|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
	for _, sec := range []int64{0, 1795885642, 1609459199, 1609459200, 1704067200, 1735603200, 951782400, 1230681600, 1293753600} {
		tm := time.Unix(sec, 0).UTC()
		cmd := exec.Command(date, "-d", "@"+itoa(sec), "+"+format)
		cmd.Env = []string{"TZ=UTC", "LC_ALL=C"}
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(string(out), "\n")
		if got := pcap.Strftime(format, tm); got != want {
			t.Errorf("Strftime at %d:\n got %q\nwant %q", sec, got, want)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// bigCapture writes a 3.5 MB capture for -C 1 rotation.
func bigCapture(t *testing.T, path string) {
	var buf bytes.Buffer
	w, _ := pcap.NewWriter(&buf, pcap.LinkEthernet, 0, false)
	data := make([]byte, 1000)
	for i := 0; i < 3500; i++ {
		p := pcap.Packet{Data: data}
		p.Timestamp = time.Unix(1795885642+int64(i), 0)
		p.Length = len(data)
		w.WritePacket(p)
	}
	w.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRotationNamesMatchTcpdump lets tcpdump 4.99.3 rotate a capture
// offline (-r F -w base -C 1 [-W N] [-G]) and checks that the files it
// created are exactly RotationName's first names.
func TestRotationNamesMatchTcpdump(t *testing.T) {
	if tcpdumpPath() == "" {
		t.Skip("tcpdump not installed")
	}
	in := filepath.Join(t.TempDir(), "in.pcap")
	bigCapture(t, in)
	cases := []struct {
		base     string
		args     []string
		maxFiles int
		useTime  bool
	}{
		{"cap.pcap", []string{"-C", "1"}, 0, false},
		{"cap.pcap", []string{"-C", "1", "-W", "3"}, 3, false},
		{"cap.pcap", []string{"-C", "1", "-W", "2"}, 2, false},
		{"cap.pcap", []string{"-C", "1", "-W", "12"}, 12, false},
		{"cap.pcap", []string{"-C", "1", "-W", "1"}, 1, false},
		{"cap-%Y.pcap", []string{"-G", "3600", "-C", "1", "-W", "10"}, 10, true},
		{"cap-%Y-%m-%d.pcap", []string{"-G", "3600"}, 0, true},
	}
	for _, c := range cases {
		dir := t.TempDir()
		before := time.Now()
		args := append([]string{"-r", in, "-Z", "root", "-w", filepath.Join(dir, c.base)}, c.args...)
		if out, err := exec.Command(tcpdumpPath(), args...).CombinedOutput(); err != nil {
			t.Fatalf("tcpdump %v: %v\n%s", args, err, out)
		}
		after := time.Now()
		got := dirNames(t, dir)
		ok := false
		for _, at := range []time.Time{before, after} {
			var want []string
			for i := range got {
				want = append(want, pcap.RotationName(c.base, i, c.maxFiles, at, c.useTime))
			}
			sort.Strings(want)
			ok = ok || strings.Join(want, " ") == strings.Join(got, " ")
		}
		if !ok {
			t.Errorf("tcpdump %v created %v; RotationName disagrees", c.args, got)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}
