// Package afpacket captures packets live on Linux with an AF_PACKET socket
// and a TPACKET_V3 memory-mapped ring, the way libpcap 1.10 (pcap-linux.c)
// does for tcpdump, without cgo.
//
// The socket is created on the calling OS thread, so a caller that has
// joined a network namespace on a locked thread captures in that namespace;
// reads may then happen from any goroutine.
package afpacket

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	xbpf "golang.org/x/net/bpf"
)

// Direction selects which packets are captured (tcpdump -Q).
type Direction int

const (
	InOut Direction = iota // both directions (default)
	In                     // received packets only (-Q in)
	Out                    // sent packets only (-Q out)
)

// Config describes a live capture.
type Config struct {
	// Interface is a device name, "any" for all interfaces, or a decimal
	// ifindex as tcpdump -i N accepts it. Empty means "any".
	Interface string
	// Snaplen is the snapshot length; 0 means 262144 (tcpdump's default).
	Snaplen uint32
	// Promisc puts the device in promiscuous mode (tcpdump's default; -p
	// turns it off). Ignored for "any", which is never promiscuous.
	Promisc bool
	// Direction is tcpdump -Q.
	Direction Direction
	// Filter is a kernel-ready classic BPF program (for cooked sockets
	// already rewritten with the SLL offsets removed), or nil for none. It
	// is attached before bind, so no unfiltered packet is ever queued.
	Filter []xbpf.RawInstruction
	// LinkType is the link type of the packets returned: for "any",
	// pcap.LinkLinuxSLL2 (default, libpcap 1.10) or pcap.LinkLinuxSLL
	// (tcpdump -y LINUX_SLL); for a device, 0 means its natural type
	// (EN10MB for Ethernet and loopback) and LinkLinuxSLL/LinkLinuxSLL2
	// capture it cooked.
	LinkType pcap.LinkType
	// BufferSize is the ring size in KiB (tcpdump -B); 0 means libpcap's
	// default of 2 MiB.
	BufferSize int
	// Immediate delivers each packet as soon as it arrives
	// (--immediate-mode) instead of when a ring block retires.
	Immediate bool
	// Timeout is the block retire timeout (libpcap's to_ms); 0 means
	// 1000 ms as tcpdump uses, ignored with Immediate.
	Timeout time.Duration
}

// Stats are the kernel counters accumulated since Open (PACKET_STATISTICS
// resets on every read, so Handle accumulates them).
type Stats struct {
	Received uint64 // tp_packets: "packets received by filter"
	Dropped  uint64 // tp_drops: "packets dropped by kernel"
	// IfDropped is libpcap's ps_ifdrop: the device's receive drops
	// (rx_dropped + rx_missed_errors) since Open, counted only in
	// promiscuous mode as libpcap does; tcpdump prints "N packets dropped
	// by interface" when it is not zero.
	IfDropped uint64
}

// Interface is one entry of tcpdump -D.
type Interface struct {
	Index       int    // 1-based position in the list (what -i N selects)
	Name        string // "eth0", "any"
	Description string // "Pseudo-device that captures on all interfaces" for any
	IfIndex     int    // kernel ifindex, 0 for any
	Flags       IfFlags
}

// IfFlags are libpcap's PCAP_IF_* flags for an interface.
type IfFlags uint32

// The PCAP_IF_ values from pcap/pcap.h.
const (
	IfLoopback IfFlags = 0x01
	IfUp       IfFlags = 0x02
	IfRunning  IfFlags = 0x04
	IfWireless IfFlags = 0x08

	IfConnStatus        IfFlags = 0x30 // mask
	IfConnUnknown       IfFlags = 0x00
	IfConnConnected     IfFlags = 0x10
	IfConnDisconnected  IfFlags = 0x20
	IfConnNotApplicable IfFlags = 0x30
)

// String formats the entry exactly as tcpdump -D prints it:
// "1.eth0 [Up, Running, Connected]",
// "2.any (Pseudo-device that captures on all interfaces) [Up, Running]".
func (i Interface) String() string {
	s := fmt.Sprintf("%d.%s", i.Index, i.Name)
	if i.Description != "" {
		s += " (" + i.Description + ")"
	}
	if i.Flags != 0 {
		s += " [" + i.Flags.String() + "]"
	}
	return s
}

// String is tcpdump's flag list: "Up, Running, Loopback", "none" when no
// status bit is set, followed by the connection status.
func (f IfFlags) String() string {
	var parts []string
	for _, b := range []struct {
		f IfFlags
		s string
	}{{IfUp, "Up"}, {IfRunning, "Running"}, {IfWireless, "Wireless"}, {IfLoopback, "Loopback"}} {
		if f&b.f != 0 {
			parts = append(parts, b.s)
		}
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "none"
	}
	return s + connStatus(f)
}

func connStatus(f IfFlags) string {
	wireless := f&IfWireless != 0
	switch f & IfConnStatus {
	case IfConnUnknown:
		if wireless {
			return ", Association status unknown"
		}
		return ", Connection status unknown"
	case IfConnConnected:
		if wireless {
			return ", Associated"
		}
		return ", Connected"
	case IfConnDisconnected:
		if wireless {
			return ", Not associated"
		}
		return ", Disconnected"
	}
	return ""
}

// ErrClosed is returned by ReadPacket once the handle is closed.
var ErrClosed = errors.New("afpacket: handle closed")

// ErrNoSuchDevice is wrapped by Open when the interface does not exist; the
// message matches libpcap's "No such device exists".
var ErrNoSuchDevice = errors.New("No such device exists")
