package capture

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// emptyCapture writes a pcap file header with the given link-type field
// and no packets.
func emptyCapture(t *testing.T, dir string, field uint32) string {
	t.Helper()
	hdr := make([]byte, 24)
	le := binary.LittleEndian
	le.PutUint32(hdr[0:], 0xa1b2c3d4)
	le.PutUint16(hdr[4:], 2)
	le.PutUint16(hdr[6:], 4)
	le.PutUint32(hdr[16:], 262144)
	le.PutUint32(hdr[20:], field)
	path := filepath.Join(dir, strconv.FormatUint(uint64(field), 10)+".pcap")
	if err := os.WriteFile(path, hdr, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLinkTypeBannersMatchTcpdump reads an empty file of every link type
// 0-299 (and a few beyond): the banner names the type as tcpdump does
// ("link-type DBUS (D-Bus)", a bare number for unnamed ones), and types
// libpcap's compiler does not know fail as they do for tcpdump, even
// without an expression. Recorded cases run without tcpdump; with it,
// every type is compared live.
func TestLinkTypeBannersMatchTcpdump(t *testing.T) {
	dir := t.TempDir()
	recorded := map[uint32]string{
		1:     "link-type EN10MB (Ethernet)",
		2:     "link-type 2, snapshot length 262144\ntcpdump: unknown data link type 2 (min 104, max 289)",
		11:    "link-type ATM_RFC1483 (RFC 1483 LLC-encapsulated ATM)",
		101:   "link-type RAW (Raw IP)",
		110:   "link-type 110",
		231:   "link-type DBUS (D-Bus)",
		289:   "link-type ATSC_ALP (ATSC Link-Layer Protocol packets)",
		290:   "link-type 290, snapshot length 262144\ntcpdump: unknown data link type 290 (min 104, max 289)",
		65537: "link-type 65537, snapshot length 262144\ntcpdump: unknown data link type 65537 (min 104, max 289)",
	}
	for lt, want := range recorded {
		path := emptyCapture(t, dir, lt)
		_, stderr, code := run(t, "", "-r", path)
		if !strings.HasPrefix(stderr, "reading from file "+path+", "+want) || (code == 1) != strings.Contains(want, "unknown") {
			t.Errorf("link type %d: exit %d, stderr %q, want %q", lt, code, stderr, want)
		}
	}
	if _, err := exec.LookPath("tcpdump"); err != nil {
		return
	}
	for lt := uint32(0); lt < 300; lt++ {
		path := emptyCapture(t, dir, lt)
		want := runTcpdump(t, []string{"-r", path})
		stdout, stderr, code := run(t, "", "-r", path)
		if stdout != want.Stdout || stderr != want.Stderr || code != want.Exit {
			t.Errorf("link type %d: exit %d %q, tcpdump exit %d %q", lt, code, stderr, want.Exit, want.Stderr)
		}
	}
}

// TestWriteErrorNamesTheFile writes into /dev/full: the capture stops at
// the failed write with the file name and strerror, status 1 (tcpdump
// 4.99.3 would ignore the error; see writeError), not Go's "write
// /dev/full: no space left on device".
func TestWriteErrorNamesTheFile(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.pcap")
	bigCapture(t, in, 100)
	for _, flags := range [][]string{nil, {"-U"}} {
		_, stderr, code := run(t, "", append([]string{"-r", in, "-w", "/dev/full"}, flags...)...)
		if want := "tcpdump: /dev/full: No space left on device\n"; code != 1 || !strings.HasSuffix(stderr, want) {
			t.Errorf("%v: exit %d, stderr %q, want exit 1 ending %q", flags, code, stderr, want)
		}
	}
}

// TestRotationIntoADirectory makes the second -C file impossible to
// create: tcpdump's error() ends with "NAME: strerror" and status 1, and
// the first file is complete.
func TestRotationIntoADirectory(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	bigCapture(t, in, 2500)
	out := filepath.Join(dir, "out.pcap")
	if err := os.Mkdir(out+"1", 0o755); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "", "-r", in, "-C", "1", "-w", out)
	if want := "tcpdump: " + out + "1: Is a directory\n"; code != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("exit %d, stderr %q, want exit 1 ending %q", code, stderr, want)
	}
	stdout, stderr, code := run(t, "", "-r", out, "--count")
	if code != 0 || stdout == "" {
		t.Errorf("the first file does not read to its end: exit %d %q %q", code, stdout, stderr)
	}
}
