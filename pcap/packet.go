package pcap

import "time"

// LinkType is a pcap LINKTYPE_ value.
type LinkType uint32

// Link types gonsenter reads, writes and prints.
const (
	LinkNull      LinkType = 0
	LinkEthernet  LinkType = 1
	LinkRaw       LinkType = 101
	LinkLinuxSLL  LinkType = 113
	LinkIPv4      LinkType = 228
	LinkIPv6      LinkType = 229
	LinkLinuxSLL2 LinkType = 276
)

// CaptureInfo is the per-record metadata of a captured packet.
type CaptureInfo struct {
	Timestamp      time.Time
	CaptureLength  int // bytes present in Data
	Length         int // bytes on the wire
	InterfaceIndex int // pcapng interface id (0 for pcap files)
}

// Packet is one captured record.
type Packet struct {
	CaptureInfo
	LinkType LinkType
	Data     []byte
}
