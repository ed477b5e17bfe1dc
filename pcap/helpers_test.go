package pcap_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/internal/repo"
	"github.com/gonsenter/gonsenter/pcap"
)

var update = flag.Bool("update", false, "re-record golden files from the installed tcpdump")

// sharedPcaps returns the files of <repo>/../shared/testdata/pcaps, or
// skips the test when that reference data is absent.
func sharedPcaps(t *testing.T) []string {
	t.Helper()
	td, err := repo.SharedTestdata()
	if err != nil {
		t.Skip(err)
	}
	root := filepath.Join(td, "pcaps")
	var files []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".pcap") || strings.HasSuffix(p, ".pcapng")) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("shared/testdata/pcaps not present")
	}
	sort.Strings(files)
	return files
}

// relName is the file name relative to the pcaps directory, for goldens.
func relName(p string) string {
	return filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
}

// readAll reads every packet; err is the first non-EOF error.
func readAll(t testing.TB, r io.Reader) (pcap.Reader, []pcap.Packet, error) {
	t.Helper()
	pr, err := pcap.NewReader(r)
	if err != nil {
		return nil, nil, err
	}
	var pkts []pcap.Packet
	for {
		p, err := pr.Next()
		if err == io.EOF {
			return pr, pkts, nil
		}
		if err != nil {
			return pr, pkts, err
		}
		pkts = append(pkts, p)
	}
}

// rewrite reads a capture and writes it back as pcap the way tcpdump -r
// IN -w OUT does (microsecond file, the input's link type and snaplen).
func rewrite(t *testing.T, in []byte) []byte {
	t.Helper()
	pr, pkts, err := readAll(t, bytes.NewReader(in))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var out bytes.Buffer
	w, err := pcap.NewWriter(&out, pr.LinkType(), pr.Snaplen(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkts {
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// tcpdumpPath returns the installed tcpdump or "".
func tcpdumpPath() string {
	p, _ := exec.LookPath("tcpdump")
	return p
}
