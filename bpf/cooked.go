package bpf

import xbpf "golang.org/x/net/bpf"

// Cooked-header lengths and the Linux ancillary offsets fix_offset uses.
const (
	sllHeaderLen  = 16 // SLL_HDR_LEN
	sll2HeaderLen = 20 // SLL2_HDR_LEN

	skfAdOff      = 0xfffff000 // SKF_AD_OFF (-0x1000) as a uint32
	skfAdProtocol = 0
	skfAdPktType  = 4
	skfAdIfIndex  = 8
)

// FixForCookedSocket rewrites a program compiled for LINUX_SLL or
// LINUX_SLL2 into the form a Linux cooked socket (SOCK_DGRAM, tcpdump
// -i any) needs, as libpcap's pcap-linux.c fix_program/fix_offset do: the
// kernel filter sees the packet without the cooked header, so every
// absolute, indexed and `ldxb 4*([k]&0xf)` load at or beyond the header
// moves back by 16 (SLL) or 20 (SLL2) bytes, and loads of the header
// fields the kernel knows become ancillary loads (SLL [0]→pkttype,
// [14]→protocol; SLL2 [0]→protocol, [4]→ifindex, [10]→pkttype), whatever
// the load's width or mode, exactly as libpcap does. Loads already at
// SKF_AD_OFF or above are kept.
//
// ok is false when the program reads any other part of the header: the
// filter then cannot run in the kernel and must run in userland, as
// libpcap falls back to. Like libpcap, `ld #pktlen` is left alone, so in
// the kernel `len` excludes the cooked header. Other link types are
// returned unchanged. prog itself is never modified.
func FixForCookedSocket(prog []xbpf.RawInstruction, lt LinkType) (fixed []xbpf.RawInstruction, ok bool) {
	fixed = append([]xbpf.RawInstruction(nil), prog...)
	if lt != LinkLinuxSLL && lt != LinkLinuxSLL2 {
		return fixed, true
	}
	for i := range fixed {
		if !loadsPacket(fixed[i].Op) {
			continue
		}
		k, ok := fixOffset(fixed[i].K, lt)
		if !ok {
			return nil, false
		}
		fixed[i].K = k
	}
	return fixed, true
}

// loadsPacket reports LD/LDX instructions in ABS, IND or MSH mode.
func loadsPacket(op uint16) bool {
	class, mode := op&0x07, op&0xe0
	return (class == 0x00 || class == 0x01) && (mode == 0x20 || mode == 0x40 || mode == 0xa0)
}

// fixOffset maps one load offset like libpcap's fix_offset.
func fixOffset(k uint32, lt LinkType) (uint32, bool) {
	if k >= skfAdOff {
		return k, true
	}
	hdr, fields := uint32(sllHeaderLen), map[uint32]uint32{0: skfAdPktType, 14: skfAdProtocol}
	if lt == LinkLinuxSLL2 {
		hdr, fields = sll2HeaderLen, map[uint32]uint32{0: skfAdProtocol, 4: skfAdIfIndex, 10: skfAdPktType}
	}
	if k >= hdr {
		return k - hdr, true
	}
	if ad, ok := fields[k]; ok {
		return skfAdOff + ad, true
	}
	return k, false
}
