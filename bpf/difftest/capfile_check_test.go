package difftest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gonsenter/gonsenter/bpf"
)

// TestReadCaptureTruncates: records longer than the file snaplen are cut
// to it as libpcap does on read (spec P3), keeping the wire length.
func TestReadCaptureTruncates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.pcap")
	var b bytes.Buffer
	pkts := []packet{{data: bytes.Repeat([]byte{7}, 150), wire: 200}, {data: []byte{1, 2}, wire: 2}}
	if err := writePcap(&b, bpf.LinkRAW, 100, pkts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, b.Bytes(), 0o644)
	c, err := readCapture(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.link != bpf.LinkRAW || len(c.pkts) != 2 || len(c.pkts[0].data) != 100 || c.pkts[0].wire != 200 || len(c.pkts[1].data) != 2 {
		t.Errorf("read back %+v", c)
	}
}

// TestReadCaptureCorpus pins the corpus files with known peculiarities
// (shared/testdata/pcaps/README.md caveats).
func TestReadCaptureCorpus(t *testing.T) {
	root := filepath.Join(sharedTestdata(t), "pcaps")
	pim, err := readCapture(filepath.Join(root, "tcpdump", "pim-packet-assortment.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{57, 184} {
		if p := pim.pkts[i]; len(p.data) != 65535 || p.wire <= 65535 {
			t.Errorf("pim-packet-assortment record %d: %d captured / %d wire, want 65535 / more", i, len(p.data), p.wire)
		}
	}
	trunc, err := readCapture(filepath.Join(root, "tcpdump", "tcp_rst_data-trunc.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	if p := trunc.pkts[0]; len(p.data) != 111 || p.wire != 112 {
		t.Errorf("tcp_rst_data-trunc: %d/%d, want 111/112", len(p.data), p.wire)
	}
	for name, want := range map[string]struct {
		lt bpf.LinkType
		n  int
	}{
		"libpcap/rarp_req_reply.pcapng":                     {bpf.LinkEN10MB, 2},
		"tcpdump/bgp-enhanced-route-refresh-subtype.pcapng": {bpf.LinkLinuxSLL, 3},
		"generated/lo-any-sll2.pcap":                        {bpf.LinkLinuxSLL2, 61},
	} {
		c, err := readCapture(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if c.link != want.lt || len(c.pkts) != want.n {
			t.Errorf("%s: link %d, %d packets; want %d, %d", name, c.link, len(c.pkts), want.lt, want.n)
		}
	}
}

func TestMatchAccepted(t *testing.T) {
	all := []packet{{data: []byte{1}}, {data: []byte{2}}, {data: []byte{1}}, {data: []byte{3}}}
	bits, err := matchAccepted(all, [][]byte{{1}, {3}})
	if err != nil || !bits[0] || bits[1] || bits[2] || !bits[3] {
		t.Errorf("matchAccepted = %v, %v", bits, err)
	}
	if _, err := matchAccepted(all, [][]byte{{4}}); err == nil {
		t.Error("unmatched output packet: no error")
	}
}
