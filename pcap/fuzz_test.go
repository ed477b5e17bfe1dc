package pcap_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gonsenter/gonsenter/pcap"
)

// fuzzRead reads up to 1000 packets and checks the invariants a caller
// relies on: no panic, Data matches CaptureLength and never exceeds the
// sane maximum, and a fully read pcap file rewrites to something that
// reads back identically.
func fuzzRead(t *testing.T, data []byte) {
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	defer checkAllocated(t, &before, len(data))
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

// checkAllocated fails when reading len bytes allocated more than the
// input can justify: length fields come from the file, so a 4 GB caplen or
// block length in a 100-byte file must not become a 4 GB buffer. The fixed
// part covers libpcap's own bounded up-front buffers (a pcapng block of up
// to 16 MiB, as INITIAL_MAX_BLOCKSIZE allows) plus the rewrite check.
func checkAllocated(t *testing.T, before *runtime.MemStats, n int) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(40<<20+16*n); got > limit {
		t.Fatalf("reading %d bytes allocated %d bytes (limit %d)", n, got, limit)
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
	// The project's own captures: real link types, damaged headers, times.
	files, _ := filepath.Glob("printer/testdata/captures/*.pcap")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) <= 64<<10 {
			f.Add(data)
		}
	}
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
