package main

import (
	"encoding/binary"
	"fmt"
	"net"
	"os"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The traffic generator runs inside the sender's network namespace
// (`ip netns exec S bench -gen -iface vA -size N -duration D`): one
// AF_PACKET socket with PACKET_QDISC_BYPASS, the same frame sent in
// batches of 256 with sendmmsg for D, then "sent N" on stdout. The frames
// are UDP from 198.51.100.1 to 198.51.100.2 port 9 (documentation
// addresses) to a MAC address nobody has, so the receiver's stack drops
// them early and only the capture sees them.
func generate(iface string, size int, d time.Duration) int {
	ifi, err := net.InterfaceByName(iface)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		return 1
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen: socket:", err)
		return 1
	}
	unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_QDISC_BYPASS, 1)
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifi.Index}); err != nil {
		fmt.Fprintln(os.Stderr, "gen: bind:", err)
		return 1
	}
	frame := udpFrame(ifi.HardwareAddr, size)
	const batch = 256
	iov := unix.Iovec{Base: &frame[0]}
	iov.SetLen(len(frame))
	msgs := make([]mmsghdr, batch)
	for i := range msgs {
		msgs[i].hdr.Iov = &iov
		msgs[i].hdr.SetIovlen(1)
	}
	sent := 0
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		n, _, errno := unix.Syscall6(unix.SYS_SENDMMSG, uintptr(fd), uintptr(unsafe.Pointer(&msgs[0])), batch, 0, 0, 0)
		if errno == 0 {
			sent += int(n)
		}
	}
	fmt.Println("sent", sent)
	return 0
}

// mmsghdr is struct mmsghdr; Go pads it like C on every architecture.
type mmsghdr struct {
	hdr unix.Msghdr
	n   uint32
}

// htons returns v in network byte order as a native uint16 (unchanged on
// big-endian hosts).
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}

// udpFrame builds an Ethernet/IPv4/UDP frame of size bytes (FCS excluded).
func udpFrame(src net.HardwareAddr, size int) []byte {
	size = max(size, 14+20+8)
	f := make([]byte, size)
	copy(f[0:6], []byte{0x02, 0, 0, 0, 0, 0x99})
	copy(f[6:12], src)
	binary.BigEndian.PutUint16(f[12:], 0x0800)
	ip := f[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, 17
	binary.BigEndian.PutUint16(ip[2:], uint16(size-14))
	copy(ip[12:16], []byte{198, 51, 100, 1})
	copy(ip[16:20], []byte{198, 51, 100, 2})
	binary.BigEndian.PutUint16(ip[10:], ipChecksum(ip))
	udp := f[34:]
	binary.BigEndian.PutUint16(udp[0:], 40000)
	binary.BigEndian.PutUint16(udp[2:], 9)
	binary.BigEndian.PutUint16(udp[4:], uint16(size-34))
	return f
}
