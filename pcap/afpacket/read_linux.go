package afpacket

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"golang.org/x/sys/unix"
)

// Packet types from linux/if_packet.h (sll_pkttype).
const pktOutgoing = unix.PACKET_OUTGOING

// LinkType is the link type of the packets ReadPacket returns.
func (h *Handle) LinkType() pcap.LinkType { return h.linkType }

// Snaplen is the snapshot length packets are truncated to.
func (h *Handle) Snaplen() uint32 { return h.snaplen }

// ReadPacket blocks until a packet is available and returns a copy of it,
// with the link header libpcap would hand to tcpdump: the cooked SLL/SLL2
// header built from the ring's sockaddr_ll, VLAN tags stripped by the NIC
// re-inserted for Ethernet, outgoing loopback copies dropped and the -Q
// direction applied. It returns ErrClosed once Close has been called.
func (h *Handle) ReadPacket() (pcap.Packet, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for {
		if h.closed {
			return pcap.Packet{}, ErrClosed
		}
		off := h.ring.next()
		if off < 0 {
			if err := h.wait(); err != nil && err != errWoken {
				return pcap.Packet{}, err
			}
			continue
		}
		if p, _, ok := h.packet(off, nil, false); ok {
			return p, nil
		}
	}
}

// ReadBatch is how a capture keeps up with a fast link, as libpcap's
// pcap_loop does: it waits until the ring has a packet, then appends to dst
// the packets of the ring's current block, up to max, without copying
// them: their Data points into the ring (cooked headers are built in a
// scratch buffer) and stays valid only until the next ReadBatch,
// ReadPacket or Close, when the block goes back to the kernel. It returns
// early, possibly with no packet, after Wake.
func (h *Handle) ReadBatch(dst []pcap.Packet, max int) ([]pcap.Packet, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.scratch = h.scratch[:0]
	for len(dst) < max {
		if h.closed {
			return dst, ErrClosed
		}
		off := h.ring.next() // releases the block the previous batch used up
		if off < 0 {
			if len(dst) > 0 {
				break
			}
			if err := h.wait(); err == errWoken {
				break
			} else if err != nil {
				return dst, err
			}
			continue
		}
		var p pcap.Packet
		var ok bool
		if p, h.scratch, ok = h.packet(off, h.scratch, true); ok {
			dst = append(dst, p)
		}
		if h.ring.left == 0 {
			break // the rest is in another block: this one must stay ours
		}
	}
	return dst, nil
}

// Wake makes a ReadBatch that waits, or the next one to wait, return at
// once: the capture loop looks at signals between batches instead of
// reading on a goroutine of its own. Safe from any goroutine until Close.
func (h *Handle) Wake() {
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	h.smu.Lock() // release closes wfd under it: never write to a reused number
	defer h.smu.Unlock()
	if h.wfd >= 0 {
		unix.Write(h.wfd, one[:])
	}
}

// errWoken is wait's answer to Wake.
var errWoken = errors.New("woken")

// wait polls the socket and the close eventfd. Once the device has gone
// down it wakes every second from then on to check whether it was
// deleted (the kernel reports nothing more after the first ENETDOWN),
// like libpcap's netdown state.
func (h *Handle) wait() error {
	fds := []unix.PollFd{{Fd: int32(h.fd), Events: unix.POLLIN}, {Fd: int32(h.efd), Events: unix.POLLIN},
		{Fd: int32(h.wfd), Events: unix.POLLIN}}
	for {
		timeout := -1
		if h.netdown {
			timeout = 1000
		}
		n, err := unix.Poll(fds, timeout)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("poll", err)
		}
		if fds[1].Revents != 0 {
			h.closed = true
			return ErrClosed
		}
		if fds[2].Revents != 0 {
			var v [8]byte
			unix.Read(h.wfd, v[:])
			return errWoken
		}
		if n == 0 {
			if !h.deviceExists() {
				return errors.New("The interface disappeared")
			}
			continue
		}
		if fds[0].Revents&(unix.POLLERR|unix.POLLNVAL|unix.POLLHUP) != 0 && fds[0].Revents&unix.POLLIN == 0 {
			if err := h.socketError(fds[0].Revents); err != nil {
				return err
			}
		}
		return nil
	}
}

// socketError interprets poll's error bits as pcap-linux.c's
// pcap_wait_for_frames_mmap does. ENETDOWN means the device went down
// (capture resumes when it comes back up, so it is not an error) or was
// deleted ("The interface disappeared"). Reading SO_ERROR clears it.
func (h *Handle) socketError(revents int16) error {
	switch {
	case revents&unix.POLLNVAL != 0:
		return errors.New("Invalid polling request on packet socket")
	case revents&unix.POLLERR == 0:
		return errors.New("Hangup on packet socket")
	}
	v, err := unix.GetsockoptInt(h.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	if err != nil {
		return os.NewSyscallError("getsockopt(SO_ERROR)", err)
	}
	switch {
	case v == 0:
		return nil
	case v == int(unix.ENETDOWN) && h.deviceExists():
		h.netdown = true
		return nil
	case v == int(unix.ENETDOWN):
		return errors.New("The interface disappeared")
	}
	return fmt.Errorf("Error condition on packet socket: %s", strerror(unix.Errno(v)))
}

// deviceExists asks, on the capture socket (so in its namespace), whether
// the bound ifindex still names a device.
func (h *Handle) deviceExists() bool {
	if h.ifindex == 0 {
		return true
	}
	ifr, err := unix.NewIfreq("")
	if err != nil {
		return true
	}
	ifr.SetUint32(uint32(h.ifindex))
	return unix.IoctlIfreq(h.fd, unix.SIOCGIFNAME, ifr) != unix.ENODEV
}

// packet converts the frame at off; ok is false when libpcap would drop it.
func (h *Handle) packet(off int, buf []byte, alias bool) (pcap.Packet, []byte, bool) {
	hdr, sll := h.ring.hdr(off), h.ring.sll(off)
	if !h.wantDirection(sll.Pkttype, int(sll.Ifindex), sll.Hatype) {
		return pcap.Packet{}, buf, false
	}
	mac := off + int(hdr.Mac)
	snap := int(hdr.Snaplen)
	if mac+snap > len(h.ring.mem) {
		return pcap.Packet{}, buf, false
	}
	var data []byte
	if alias && !h.cooked {
		data = h.ring.mem[mac : mac+snap : mac+snap]
	} else {
		if buf == nil {
			buf = make([]byte, 0, sll2Len+snap)
		}
		start := len(buf)
		buf = append(h.appendCooked(buf, sll), h.ring.mem[mac:mac+snap]...)
		data = buf[start:len(buf):len(buf)]
	}
	wire := int(hdr.Len) + len(data) - snap
	data, wire = h.insertVLAN(hdr, data, wire)
	if len(data) > int(h.snaplen) {
		data = data[:h.snaplen]
	}
	ts := time.Unix(int64(hdr.Sec), int64(hdr.Nsec)).UTC()
	return pcap.Packet{
		CaptureInfo: pcap.CaptureInfo{Timestamp: ts, CaptureLength: len(data), Length: wire},
		LinkType:    h.linkType,
		Data:        data,
	}, buf, true
}

// wantDirection is libpcap's linux_check_direction: an outgoing packet on
// lo is dropped (its incoming copy follows), as are outgoing CAN frames
// unless only outgoing ones are wanted, and -Q filters the rest.
func (h *Handle) wantDirection(pkttype uint8, ifindex int, hatype uint16) bool {
	if pkttype != pktOutgoing {
		return h.dir != Out
	}
	if ifindex == h.loIndex && h.loIndex != 0 {
		return false
	}
	if hatype == unix.ARPHRD_CAN && h.dir != Out {
		return false
	}
	return h.dir != In
}

// sll2Len is the longer of the two cooked headers.
const sll2Len = 20

// appendCooked appends the SLL (16 bytes) or SLL2 (20 bytes) header built
// from the ring's sockaddr_ll, field by field as pcap-linux.c does (all 8
// address bytes are copied whatever sll_halen says). sll_protocol is
// already in network byte order.
func (h *Handle) appendCooked(buf []byte, sll *unix.RawSockaddrLinklayer) []byte {
	if !h.cooked {
		return buf
	}
	be := binary.BigEndian
	var proto [2]byte
	binary.NativeEndian.PutUint16(proto[:], sll.Protocol)
	if h.linkType == pcap.LinkLinuxSLL2 {
		var b [sll2Len]byte
		copy(b[0:2], proto[:])
		be.PutUint32(b[4:], uint32(sll.Ifindex))
		be.PutUint16(b[8:], sll.Hatype)
		b[10], b[11] = sll.Pkttype, sll.Halen
		copy(b[12:], sll.Addr[:])
		return append(buf, b[:]...)
	}
	var b [16]byte
	be.PutUint16(b[0:], uint16(sll.Pkttype))
	be.PutUint16(b[2:], sll.Hatype)
	be.PutUint16(b[4:], uint16(sll.Halen))
	copy(b[6:14], sll.Addr[:])
	copy(b[14:16], proto[:])
	return append(buf, b[:]...)
}

// insertVLAN puts back the 802.1Q tag the kernel stripped into skb
// metadata (TP_STATUS_VLAN_VALID), at the type field of the Ethernet or
// SLL header, as pcap-linux.c does when vlan_offset is known.
func (h *Handle) insertVLAN(hdr *unix.Tpacket3Hdr, data []byte, wire int) ([]byte, int) {
	if h.vlanOff < 0 || hdr.Status&unix.TP_STATUS_VLAN_VALID == 0 || len(data) < h.vlanOff {
		return data, wire
	}
	tpid := uint16(unix.ETH_P_8021Q)
	if hdr.Status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
		tpid = hdr.Hv1.Vlan_tpid
	}
	tag := make([]byte, 4)
	binary.BigEndian.PutUint16(tag[0:], tpid)
	binary.BigEndian.PutUint16(tag[2:], uint16(hdr.Hv1.Vlan_tci))
	out := make([]byte, 0, len(data)+4)
	out = append(append(append(out, data[:h.vlanOff]...), tag...), data[h.vlanOff:]...)
	return out, wire + 4
}

// Stats returns the kernel counters accumulated since Open.
// PACKET_STATISTICS resets on every read, so each call adds to totals.
func (h *Handle) Stats() (Stats, error) {
	h.smu.Lock()
	defer h.smu.Unlock()
	if h.fd < 0 {
		return h.stats, nil
	}
	st, err := unix.GetsockoptTpacketStatsV3(h.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
	if err != nil {
		return h.stats, os.NewSyscallError("getsockopt(PACKET_STATISTICS)", err)
	}
	h.stats.Received += uint64(st.Packets)
	h.stats.Dropped += uint64(st.Drops)
	if h.ifDrop != nil {
		if n, err := h.ifDrop.dropped(); err == nil {
			h.stats.IfDropped = n
		}
	}
	return h.stats, nil
}

// Close stops the capture. It wakes a ReadPacket blocked in another
// goroutine (which then returns ErrClosed), waits for it to leave, and
// releases the ring and the socket. The final Stats are kept.
func (h *Handle) Close() error {
	h.wakeOnce.Do(func() {
		var one [8]byte
		binary.NativeEndian.PutUint64(one[:], 1)
		unix.Write(h.efd, one[:])
	})
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed && h.fd < 0 {
		return nil
	}
	h.closed = true
	h.Stats()
	h.release()
	return nil
}

// release unmaps the ring and closes the descriptors.
func (h *Handle) release() {
	h.smu.Lock()
	defer h.smu.Unlock()
	if h.ring != nil {
		unix.Munmap(h.ring.mem)
		h.ring = nil
	}
	if h.ifDrop != nil {
		h.ifDrop.close()
		h.ifDrop = nil
	}
	for _, fd := range []*int{&h.fd, &h.efd, &h.wfd} {
		if *fd >= 0 {
			unix.Close(*fd)
			*fd = -1
		}
	}
}
