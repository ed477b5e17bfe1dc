package interp

// Linux ancillary data offsets (linux/filter.h): an absolute load at
// SKF_AD_OFF + n reads socket-buffer metadata instead of packet bytes.
const (
	skfAdOff = 0xfffff000 // SKF_AD_OFF = -0x1000

	AdProtocol       = 0  // SKF_AD_PROTOCOL
	AdPktType        = 4  // SKF_AD_PKTTYPE
	AdIfIndex        = 8  // SKF_AD_IFINDEX
	AdNLAttr         = 12 // SKF_AD_NLATTR
	AdNLAttrNest     = 16 // SKF_AD_NLATTR_NEST
	AdMark           = 20 // SKF_AD_MARK
	AdQueue          = 24 // SKF_AD_QUEUE
	AdHaType         = 28 // SKF_AD_HATYPE
	AdRxHash         = 32 // SKF_AD_RXHASH
	AdCPU            = 36 // SKF_AD_CPU
	AdALUXorX        = 40 // SKF_AD_ALU_XOR_X
	AdVLANTag        = 44 // SKF_AD_VLAN_TAG
	AdVLANTagPresent = 48 // SKF_AD_VLAN_TAG_PRESENT
	AdPayOffset      = 52 // SKF_AD_PAY_OFFSET
	AdRandom         = 56 // SKF_AD_RANDOM
	AdVLANTPID       = 60 // SKF_AD_VLAN_TPID
)

// AdOffset returns the load offset k that reads ancillary field ad
// (SKF_AD_OFF + ad, as a uint32).
func AdOffset(ad uint32) uint32 { return skfAdOff + ad }

// Aux is the per-packet metadata the Linux kernel exposes to socket
// filters through ancillary loads. It stands in for the sk_buff when a
// test runs a program shaped for a live socket (cooked-socket fixups, VLAN
// extensions). Values are in host order, as the kernel returns them.
type Aux struct {
	Protocol    uint16 // skb->protocol as an EtherType, e.g. 0x0800
	PktType     uint8  // PACKET_HOST 0, BROADCAST 1, MULTICAST 2, OTHERHOST 3, OUTGOING 4
	IfIndex     uint32 // skb->dev->ifindex
	Mark        uint32
	Queue       uint32
	HaType      uint16 // ARPHRD_* of the device
	RxHash      uint32
	CPU         uint32
	VLANTCI     uint16 // stripped 802.1Q tag control information
	VLANPresent bool   // a tag was stripped into VLANTCI
	VLANTPID    uint16 // its TPID, e.g. 0x8100
}

// ancillary performs `ld[bhw] [SKF_AD_OFF+n]`. The kernel ignores the load
// width for these; libpcap's userland interpreter has no aux data and
// treats them as out-of-bounds loads, rejecting the packet. Fields this
// type does not model (netlink attributes, payload offset, random) reject.
func (m *machine) ancillary(k uint32) bool {
	if m.aux == nil {
		return false
	}
	ax := m.aux
	switch k - skfAdOff {
	case AdProtocol:
		m.a = uint32(ax.Protocol)
	case AdPktType:
		m.a = uint32(ax.PktType)
	case AdIfIndex:
		m.a = ax.IfIndex
	case AdMark:
		m.a = ax.Mark
	case AdQueue:
		m.a = ax.Queue
	case AdHaType:
		m.a = uint32(ax.HaType)
	case AdRxHash:
		m.a = ax.RxHash
	case AdCPU:
		m.a = ax.CPU
	case AdALUXorX:
		m.a ^= m.x
	case AdVLANTag:
		m.a = uint32(ax.VLANTCI)
	case AdVLANTagPresent:
		m.a = b2u(ax.VLANPresent)
	case AdVLANTPID:
		m.a = uint32(ax.VLANTPID)
	default:
		return false
	}
	return true
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
