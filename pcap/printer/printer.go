package printer

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"strings"
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
	// the running system as tcpdump does with if_indextoname(3), printing
	// "?" for an unknown index.
	IfName func(ifindex int) string
	// LookupAddr answers reverse lookups when resolving (no -n); nil asks
	// the system resolver. A capture in another network namespace passes
	// one that reads the target's resolv.conf and hosts and queries from
	// inside that namespace (package internal/rdns).
	LookupAddr func(netip.Addr) (string, bool)
}

// Printer writes tcpdump-style lines for successive packets. It keeps the
// state tcpdump keeps between packets: the reference timestamp for
// -ttt/-ttttt, the packet count for -#, and TCP connections for relative
// sequence numbers. A Printer is not safe for concurrent use.
type Printer struct {
	w     io.Writer
	o     Options
	count uint32
	ref   time.Time // -ttt/-ttttt reference; zero until the first packet
	conns map[tcpKey]*tcpSeq
	names *names
	ike   *ikeCookies // ISAKMP initiator cookies (print-isakmp.c's cookiecache)
	rxc   *rxCache    // AFS/Rx calls awaiting their replies (print-rx.c's rx_cache)

	// per-packet state
	out         []byte
	proto       string // tcpdump's ndo_protocol, used in " [|proto]"
	llHdrLen    int    // link header length, skipped by -x/-X/-A
	tcpSnapOK   bool   // the TCP payload was captured in full (md5 option)
	chain       []string
	unsupported bool
}

// New returns a Printer writing to w.
func New(w io.Writer, o Options) *Printer {
	if o.Location == nil {
		o.Location = time.Local
	}
	return &Printer{w: w, o: o, conns: map[tcpKey]*tcpSeq{}, names: newNames(o.NoResolve == 0, o.LookupAddr)}
}

// Print writes one packet exactly as tcpdump prints it, final newline
// included. Errors are the writer's, or ErrInternal: a decoder bug on
// hostile input does not crash the capture, the line ends with tcpdump's
// " [|proto]" marker, the packet counts as unsupported and Print returns
// an error wrapping ErrInternal after writing it.
func (p *Printer) Print(pkt pcap.Packet) error {
	p.count++
	p.out = p.out[:0]
	p.chain = p.chain[:0]
	p.unsupported = false
	if p.o.Number {
		p.printf("%5d  ", p.count)
	}
	data := pkt.Data
	if pkt.CaptureLength < len(data) && pkt.CaptureLength >= 0 {
		data = data[:pkt.CaptureLength]
	}
	caplen, length := len(data), pkt.Length
	if p.invalidHeader(caplen, length) {
		_, err := p.w.Write(p.out)
		return err
	}
	p.timestamp(pkt.Timestamp)
	p.proto = ""
	p.llHdrLen = 0
	bug := p.decode(pkt.LinkType, data, length)
	p.dump(data)
	p.out = append(p.out, '\n')
	if _, err := p.w.Write(p.out); err != nil {
		return err
	}
	if bug != nil {
		return fmt.Errorf("printer: packet %d: %w: %v", p.count, ErrInternal, bug)
	}
	return nil
}

// ErrInternal marks a decoder bug hit on one packet (the line was still
// written, ending in " [|proto]"); callers can log it and carry on.
var ErrInternal = errors.New("internal decoder error")

// Supported reports whether every protocol of the last printed packet is
// one this package decodes exactly like tcpdump.
func (p *Printer) Supported() bool { return !p.unsupported }

// Unsupported names the first protocol of the last packet that tcpdump
// decodes and this package does not ("" when Supported). The CLI can report
// it once on stderr so a best-effort line is never silently different.
func (p *Printer) Unsupported() string {
	for _, c := range p.chain {
		if name, ok := strings.CutSuffix(c, "(unsupported)"); ok {
			return name
		}
	}
	return ""
}

// Protocols returns the protocol chain decoded in the last packet.
func (p *Printer) Protocols() []string { return append([]string(nil), p.chain...) }

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN.
const maxSnaplen = 262144

// invalidHeader mirrors pretty_print_packet's sanity checks on the record.
func (p *Printer) invalidHeader(caplen, length int) bool {
	var msgs []string
	if caplen == 0 {
		msgs = append(msgs, "[Invalid header: caplen==0")
	}
	add := func(s string) {
		if len(msgs) == 0 {
			msgs = append(msgs, "[Invalid header: "+s)
		} else {
			msgs = append(msgs, ", "+s)
		}
	}
	if length == 0 {
		add("len==0")
	} else if length < caplen {
		add("len(" + strconv.Itoa(length) + ") < caplen(" + strconv.Itoa(caplen) + ")")
	}
	if caplen > maxSnaplen {
		add("caplen(" + strconv.Itoa(caplen) + ") > 262144")
	}
	if length > maxSnaplen {
		add("len(" + strconv.Itoa(length) + ") > 262144")
	}
	if len(msgs) == 0 {
		return false
	}
	for _, m := range msgs {
		p.puts(m)
	}
	p.puts("]\n")
	return true
}

// decode runs the link-layer printer, turning a truncation unwind into
// tcpdump's " [|proto]" marker.
func (p *Printer) decode(lt pcap.LinkType, data []byte, length int) (bug any) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(truncated); !ok {
				bug = r
				p.unsupport("internal-error")
			}
			p.printf(" [|%s]", p.proto)
			p.llHdrLen = 0
		}
	}()
	switch lt {
	case pcap.LinkEthernet:
		p.llHdrLen = p.ether(data, length)
	case pcap.LinkLinuxSLL:
		p.sll(data, length)
	case pcap.LinkLinuxSLL2:
		p.sll2(data, length)
	case pcap.LinkRaw, pcap.LinkIPv4, pcap.LinkIPv6:
		p.raw(data, length)
	case pcap.LinkNull, 108: // NULL, LOOP (null_if_print serves both)
		p.null(data, length)
	case 9, 166: // PPP, PPP_PPPD
		p.pppIf(data, length)
	case 50: // PPP_SERIAL (PPP in HDLC-like framing)
		p.pppHDLCIf(data, length)
	case 51: // PPP_ETHER (PPPoE)
		p.llHdrLen = p.pppoe(data, length)
	case 104: // C_HDLC
		p.llHdrLen = p.chdlc(data, length)
	default:
		if _, none := slices.BinarySearch(noIfPrinter[:], uint16(lt)); none {
			// unsupported_if_print: tcpdump has no printer for this link
			// type either, so this output is exact.
			p.puts("UNSUPPORTED")
			p.hexASCII("\n\t", data)
			break
		}
		p.unsupport("linktype-" + strconv.Itoa(int(lt)))
		p.defaultPrint(data)
	}
	return nil
}

// noIfPrinter lists the link types (LINKTYPE_ values as read from a file)
// that libpcap knows and tcpdump 4.99.3 has no printer for: it prints
// "UNSUPPORTED" and the whole packet in hex and ASCII. Recorded from
// Debian's tcpdump over every value from 0 to 299 (TestLinkTypesLive
// re-checks it); values libpcap does not know are refused before printing.
var noIfPrinter = [...]uint16{
	110, 111, 115, 116, 118, 120, 121, 124, 125, 126, 128, 139, 140, 141, 142, 143,
	144, 145, 146, 147, 148, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160,
	161, 162, 165, 169, 170, 171, 172, 173, 174, 175, 176, 177, 183, 184, 185, 186,
	187, 188, 190, 191, 193, 194, 196, 197, 198, 199, 200, 202, 203, 204, 205, 206,
	207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 221, 222, 223,
	224, 225, 227, 231, 232, 233, 234, 235, 236, 237, 238, 243, 244, 245, 246, 247,
	248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 259, 260, 261, 262, 263, 264,
	265, 266, 267, 268, 269, 270, 272, 273, 274, 275, 277, 278, 279, 280, 286, 287,
	288, 289,
}

// truncated is the panic value that stands in for tcpdump's longjmp when a
// printer reads past the captured bytes.
type truncated struct{ soft bool }

func (p *Printer) trunc() { panic(truncated{}) }

// softTrunc is a "goto trunc" in a printer with its own trunc label (see
// need and catchSoft).
func (p *Printer) softTrunc() { panic(truncated{soft: true}) }

// printTrunc prints tcpdump's nd_print_trunc marker without unwinding.
func (p *Printer) printTrunc() { p.printf(" [|%s]", p.proto) }

func (p *Printer) invalid() { p.puts(" (invalid)") }

// enter records a protocol in the decoded chain and sets the name used in
// truncation markers.
func (p *Printer) enter(proto string) {
	p.proto = proto
	p.chain = append(p.chain, proto)
}

// unsupport records a protocol tcpdump dissects and this package does not.
func (p *Printer) unsupport(proto string) {
	p.chain = append(p.chain, proto+"(unsupported)")
	p.unsupported = true
}
