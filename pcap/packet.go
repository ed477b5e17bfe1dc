package pcap

import (
	"strings"
	"time"
)

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

// linkNames maps the link types tcpdump names in its banners
// ("link-type EN10MB (Ethernet)") to libpcap's DLT name and description
// (pcap_datalink_val_to_name / _description).
var linkNames = map[LinkType][2]string{
	LinkNull:      {"NULL", "BSD loopback"},
	LinkEthernet:  {"EN10MB", "Ethernet"},
	LinkRaw:       {"RAW", "Raw IP"},
	LinkLinuxSLL:  {"LINUX_SLL", "Linux cooked v1"},
	LinkIPv4:      {"IPV4", "Raw IPv4"},
	LinkIPv6:      {"IPV6", "Raw IPv6"},
	LinkLinuxSLL2: {"LINUX_SLL2", "Linux cooked v2"},
}

// Name is libpcap's DLT name ("EN10MB", "LINUX_SLL2"), or "" when this
// package does not know the link type (tcpdump then prints the number).
func (lt LinkType) Name() string { return linkNames[lt][0] }

// Description is libpcap's DLT description ("Ethernet", "Linux cooked
// v2"), or "" for unknown link types.
func (lt LinkType) Description() string { return linkNames[lt][1] }

// LinkTypeByName resolves a DLT name as tcpdump -y accepts it
// (case-insensitive, "EN10MB", "LINUX_SLL"). ok is false for unknown names.
func LinkTypeByName(name string) (lt LinkType, ok bool) {
	for t, n := range linkNames {
		if strings.EqualFold(n[0], name) {
			return t, true
		}
	}
	return 0, false
}

// MaxSnaplen is libpcap's MAXIMUM_SNAPLEN (262144): the default snapshot
// length and the cap applied to file snaplens of 0 or larger values
// (pcap_adjust_snapshot) for every link type this package handles.
const MaxSnaplen = 262144
