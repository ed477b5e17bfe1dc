package pcap_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/gonsenter/gonsenter/pcap"
)

// fuzzRead reads up to 1000 packets and checks the invariants a caller
// relies on: no panic, Data matches CaptureLength and never exceeds the
// sane maximum, and a fully read pcap file rewrites to something that
// reads back identically.
func fuzzRead(t *testing.T, data []byte) {
	r, err := pcap.NewReader(bytes.NewReader(data))
	if err != nil {
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
		return
	}
	var pkts []pcap.Packet
	for i := 0; i < 1000; i++ {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if len(p.Data) != p.CaptureLength || len(p.Data) > 128<<20 {
			t.Fatalf("packet %d: %d bytes, CaptureLength %d", i, len(p.Data), p.CaptureLength)
		}
		pkts = append(pkts, p)
	}
	if len(pkts) == 0 || len(pkts) == 1000 {
		return
	}
	var buf bytes.Buffer
	w, _ := pcap.NewWriter(&buf, r.LinkType(), r.Snaplen(), true)
	for _, p := range pkts {
		if p.Timestamp.Unix() < 0 || p.Timestamp.Unix() > 1<<32-1 {
			return // not representable in a pcap record
		}
		w.WritePacket(p)
	}
	w.Close()
	_, again, err := readAll(t, &buf)
	if err != nil || len(again) != len(pkts) {
		t.Fatalf("rewrite: %d packets (%v), want %d", len(again), err, len(pkts))
	}
}

func FuzzPcapReader(f *testing.F) {
	for _, c := range craftedCases {
		if len(c.data) < 4 || c.data[0] != 0x0a {
			f.Add(c.data)
		}
	}
	var buf bytes.Buffer
	w, _ := pcap.NewWriter(&buf, pcap.LinkEthernet, 0, false)
	writeAll(f, w, samplePackets())
	f.Add(buf.Bytes())
	f.Fuzz(fuzzRead)
}

func FuzzPcapngReader(f *testing.F) {
	for _, c := range craftedCases {
		if len(c.data) >= 4 && c.data[0] == 0x0a {
			f.Add(c.data)
		}
	}
	var buf bytes.Buffer
	writeAll(f, ngWith(f, &buf, 9), samplePackets())
	f.Add(buf.Bytes())
	f.Fuzz(fuzzRead)
}
