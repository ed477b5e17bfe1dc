package printer_test

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"github.com/gonsenter/gonsenter/pcap/printer"
)

// A LINKTYPE_RAW ICMP echo request printed like `tcpdump -n -r`.
func ExampleNew() {
	data := []byte{
		0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x01, 0xf6, 0x8d, // IPv4, 28 bytes, ICMP
		192, 0, 2, 1, 192, 0, 2, 2,
		0x08, 0x00, 0xf7, 0xfd, 0x00, 0x01, 0x00, 0x01, // echo request id 1 seq 1
	}
	p := printer.New(os.Stdout, printer.Options{NoResolve: 1, Location: time.UTC})
	p.Print(pcap.Packet{
		CaptureInfo: pcap.CaptureInfo{Timestamp: time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC), CaptureLength: len(data), Length: len(data)},
		LinkType:    pcap.LinkRaw,
		Data:        data,
	})
	// Output: 03:04:05.000006 IP 192.0.2.1 > 192.0.2.2: ICMP echo request, id 1, seq 1, length 8
}

// Packets with a protocol tcpdump decodes but this package does not are
// printed generically and flagged, so the caller can say so.
func ExamplePrinter_Unsupported() {
	data := []byte{
		0x45, 0x00, 0x00, 0x18, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2e, 0x00, 0x00, // IPv4, proto 46 (RSVP)
		192, 0, 2, 1, 192, 0, 2, 2,
		0x10, 0x01, 0x00, 0x04,
	}
	p := printer.New(io.Discard, printer.Options{NoResolve: 1})
	p.Print(pcap.Packet{CaptureInfo: pcap.CaptureInfo{CaptureLength: len(data), Length: len(data)}, LinkType: pcap.LinkRaw, Data: data})
	fmt.Println(p.Supported(), p.Unsupported())
	// Output: false rsvp
}
