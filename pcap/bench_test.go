package pcap_test

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// benchFile is 10000 synthetic 600-byte Ethernet records.
func benchFile(b *testing.B) []byte {
	var buf bytes.Buffer
	w, _ := pcap.NewWriter(&buf, pcap.LinkEthernet, 0, false)
	data := make([]byte, 600)
	for i := 0; i < 10000; i++ {
		p := pcap.Packet{Data: data}
		p.Timestamp = time.Unix(1795885642, int64(i)*1000)
		p.Length = len(data)
		w.WritePacket(p)
	}
	w.Close()
	return buf.Bytes()
}

func BenchmarkReadPcap(b *testing.B) {
	file := benchFile(b)
	b.SetBytes(int64(len(file)))
	for i := 0; i < b.N; i++ {
		r, err := pcap.NewReader(bytes.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkWritePcap(b *testing.B) {
	file := benchFile(b)
	_, pkts, _ := readAll(b, bytes.NewReader(file))
	b.SetBytes(int64(len(file)))
	for i := 0; i < b.N; i++ {
		w, _ := pcap.NewWriter(io.Discard, pcap.LinkEthernet, 0, false)
		for _, p := range pkts {
			w.WritePacket(p)
		}
		w.Close()
	}
}
