package pcap_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
)

// goldenCorpus holds, per shared pcap file, what tcpdump 4.99.3 made of
// it: packet count and the SHA-256 of `tcpdump -r F -w -`.
const goldenCorpus = "testdata/corpus.golden"

type corpusEntry struct {
	count int
	sum   string
}

func loadCorpusGolden(t *testing.T) map[string]corpusEntry {
	data, err := os.ReadFile(goldenCorpus)
	if err != nil {
		t.Fatalf("%v (run with -update to record it)", err)
	}
	m := map[string]corpusEntry{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var name string
		var e corpusEntry
		if _, err := fmt.Sscanf(line, "%s %d %s", &name, &e.count, &e.sum); err != nil {
			t.Fatalf("%s: bad line %q", goldenCorpus, line)
		}
		m[name] = e
	}
	return m
}

// tcpdumpRewrite runs tcpdump -r F -w - and counts the records of its
// output.
func tcpdumpRewrite(t *testing.T, file string) ([]byte, int) {
	out, err := exec.Command(tcpdumpPath(), "-r", file, "-w", "-").Output()
	if err != nil {
		t.Fatalf("tcpdump -r %s -w -: %v", file, err)
	}
	_, pkts, err := readAll(t, bytes.NewReader(out))
	if err != nil {
		t.Fatalf("reading tcpdump's output: %v", err)
	}
	return out, len(pkts)
}

// TestCorpusRewriteIsByteIdenticalToTcpdump: reading every shared capture
// and writing it back gives exactly the bytes of `tcpdump -r F -w -`
// (same count, same truncation, same header), live when tcpdump is
// installed and against the recorded digests otherwise.
func TestCorpusRewriteIsByteIdenticalToTcpdump(t *testing.T) {
	files := sharedPcaps(t)
	if *update {
		recordCorpusGolden(t, files)
	}
	golden := loadCorpusGolden(t)
	for _, f := range files {
		t.Run(relName(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ours := rewrite(t, in)
			sum := sha256.Sum256(ours)
			_, pkts, _ := readAll(t, bytes.NewReader(in))
			want, ok := golden[relName(f)]
			if !ok {
				t.Fatalf("no golden entry; run with -update")
			}
			if len(pkts) != want.count || hex.EncodeToString(sum[:]) != want.sum {
				t.Errorf("got %d packets sha256 %x, tcpdump gave %d packets sha256 %s", len(pkts), sum, want.count, want.sum)
			}
			if tcpdumpPath() != "" {
				theirs, n := tcpdumpRewrite(t, f)
				if n != len(pkts) || !bytes.Equal(ours, theirs) {
					t.Errorf("differs from tcpdump -r -w -: ours %d bytes/%d packets, tcpdump %d bytes/%d packets", len(ours), len(pkts), len(theirs), n)
				}
			}
		})
	}
}

func recordCorpusGolden(t *testing.T, files []string) {
	if tcpdumpPath() == "" {
		t.Fatal("-update needs tcpdump")
	}
	var b strings.Builder
	for _, f := range files {
		out, n := tcpdumpRewrite(t, f)
		sum := sha256.Sum256(out)
		fmt.Fprintf(&b, "%s %d %x\n", relName(f), n, sum)
	}
	if err := os.MkdirAll(filepath.Dir(goldenCorpus), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenCorpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gopacketRead reads a file with gopacket's pcapgo (an independent
// implementation). pcapgo refuses records longer than the snaplen, which
// libpcap truncates (P3), so it reads with a larger snaplen and the test
// truncates.
func gopacketRead(t *testing.T, data []byte) ([][]byte, []gopacket.CaptureInfo) {
	var src interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	if bytes.HasPrefix(data, []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		r, err := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.DefaultNgReaderOptions)
		if err != nil {
			t.Fatal(err)
		}
		src = r
	} else {
		r, err := pcapgo.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		r.SetSnaplen(1 << 24)
		src = r
	}
	var datas [][]byte
	var cis []gopacket.CaptureInfo
	for {
		d, ci, err := src.ReadPacketData()
		if err == io.EOF {
			return datas, cis
		}
		if err != nil {
			t.Fatalf("gopacket: %v", err)
		}
		datas = append(datas, append([]byte(nil), d...))
		cis = append(cis, ci)
	}
}

// TestCorpusMatchesGopacket: every packet's bytes, lengths and timestamp
// agree with gopacket's pcapgo readers.
func TestCorpusMatchesGopacket(t *testing.T) {
	for _, f := range sharedPcaps(t) {
		t.Run(relName(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pr, pkts, err := readAll(t, bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			datas, cis := gopacketRead(t, in)
			if len(datas) != len(pkts) {
				t.Fatalf("%d packets, gopacket %d", len(pkts), len(datas))
			}
			for i, p := range pkts {
				d := datas[i]
				if len(d) > int(pr.Snaplen()) {
					d = d[:pr.Snaplen()]
				}
				if !bytes.Equal(p.Data, d) || p.Length != cis[i].Length || !p.Timestamp.Equal(cis[i].Timestamp) {
					t.Fatalf("packet %d: ours len %d/%d ts %v, gopacket %d/%d ts %v", i, len(p.Data), p.Length, p.Timestamp, len(d), cis[i].Length, cis[i].Timestamp)
				}
			}
		})
	}
}
