package capture

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// bigCapture writes a 2.5 MB Ethernet capture of n 1000-byte frames.
func bigCapture(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pcap.NewWriter(f, pcap.LinkEthernet, 262144, false)
	if err != nil {
		t.Fatal(err)
	}
	frame := make([]byte, 1000)
	frame[12], frame[13] = 0x08, 0x00
	for i := 0; i < n; i++ {
		frame[20] = byte(i)
		ts := time.Unix(1700000000, int64(i)*1000)
		if err := w.WritePacket(pcap.Packet{CaptureInfo: pcap.CaptureInfo{Timestamp: ts, CaptureLength: 1000, Length: 1000}, Data: frame}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestSizeRotationMatchesTcpdump replays a capture through -C/-W
// rotation and compares every output file, name and bytes, with tcpdump's.
func TestSizeRotationMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed: nothing to compare with")
	}
	in := filepath.Join(t.TempDir(), "in.pcap")
	bigCapture(t, in, 2500)
	for _, flags := range [][]string{{"-C", "1"}, {"-C", "1", "-W", "2"}, {"-C", "1", "-W", "12"}, {"-C", "1", "-W", "3", "-c", "1200"}} {
		wantDir, gotDir := t.TempDir(), t.TempDir()
		// -Z root: Debian's tcpdump otherwise drops to user tcpdump before
		// writing, and cannot write into the test's 0700 directory.
		args := append([]string{"-r", in, "-w", filepath.Join(wantDir, "out.pcap"), "-Z", "root"}, flags...)
		if r := runTcpdump(t, args); r.Exit != 0 {
			t.Fatalf("tcpdump %q: %+v", args, r)
		}
		args[3] = filepath.Join(gotDir, "out.pcap")
		if _, stderr, code := run(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", flags, code, stderr)
		}
		want, got := dirFiles(t, wantDir), dirFiles(t, gotDir)
		if len(want) != len(got) {
			t.Fatalf("%q: files %v, tcpdump made %v", flags, keys(got), keys(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%q: %s: %d bytes differ from tcpdump's %d", flags, name, len(got[name]), len(b))
			}
		}
	}
}

func dirFiles(t *testing.T, dir string) map[string][]byte {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		m[e.Name()] = b
	}
	return m
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
