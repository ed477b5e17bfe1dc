package printer

import (
	"io"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPrint measures -n printing of the loopback TCP/UDP/ICMP corpus.
func BenchmarkPrint(b *testing.B) {
	pkts, err := readCapture(filepath.Join("testdata", "captures", "netns-veth.pcap"), 1000)
	if err != nil {
		b.Fatal(err)
	}
	p := New(io.Discard, Options{NoResolve: 1, Location: time.UTC})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, pkt := range pkts {
			p.Print(pkt)
		}
	}
	b.ReportMetric(float64(b.N*len(pkts))/b.Elapsed().Seconds(), "pkts/s")
}
