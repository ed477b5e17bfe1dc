package afpacket

import (
	"encoding/binary"
	"errors"
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
			if err := h.wait(); err != nil {
				return pcap.Packet{}, err
			}
			continue
		}
		if p, ok := h.packet(off); ok {
			return p, nil
		}
	}
}

// wait polls the socket and the close eventfd.
func (h *Handle) wait() error {
	fds := []unix.PollFd{{Fd: int32(h.fd), Events: unix.POLLIN | unix.POLLERR}, {Fd: int32(h.efd), Events: unix.POLLIN}}
	for {
		_, err := unix.Poll(fds, -1)
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
		if fds[0].Revents&(unix.POLLERR|unix.POLLNVAL) != 0 && fds[0].Revents&unix.POLLIN == 0 {
			return h.socketError()
		}
		return nil
	}
}

// socketError reports what a POLLERR on the socket means (for example
// ENETDOWN when the interface went away), as libpcap does.
func (h *Handle) socketError() error {
	v, err := unix.GetsockoptInt(h.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	if err != nil {
		return os.NewSyscallError("getsockopt(SO_ERROR)", err)
	}
	if v == int(unix.ENETDOWN) {
		return errors.New("The interface went down")
	}
	return os.NewSyscallError("recv", unix.Errno(v))
}

// packet converts the frame at off; ok is false when libpcap would drop it.
func (h *Handle) packet(off int) (pcap.Packet, bool) {
	r := h.ring
	sll := off + tp3HdrLen
	pkttype := r.mem[sll+10]
	ifindex := int(int32(r.u32(sll + 4)))
	if !h.wantDirection(pkttype, ifindex, r.u16(sll+8)) {
		return pcap.Packet{}, false
	}
	snap, wire := int(r.u32(off+tpSnaplen)), int(r.u32(off+tpLen))
	mac := off + int(r.u16(off+tpMac))
	if mac+snap > len(r.mem) {
		return pcap.Packet{}, false
	}
	hdr := h.cookedHeader(sll)
	data := make([]byte, 0, len(hdr)+snap+4)
	data = append(append(data, hdr...), r.mem[mac:mac+snap]...)
	wire += len(hdr)
	data, wire = h.insertVLAN(off, data, wire)
	if len(data) > int(h.snaplen) {
		data = data[:h.snaplen]
	}
	ts := time.Unix(int64(r.u32(off+tpSec)), int64(r.u32(off+tpNsec))).UTC()
	return pcap.Packet{
		CaptureInfo: pcap.CaptureInfo{Timestamp: ts, CaptureLength: len(data), Length: wire},
		LinkType:    h.linkType,
		Data:        data,
	}, true
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

// cookedHeader builds the SLL (16 bytes) or SLL2 (20 bytes) header from
// the sockaddr_ll at sll, field by field as pcap-linux.c does (all 8
// address bytes are copied whatever sll_halen says).
func (h *Handle) cookedHeader(sll int) []byte {
	if !h.cooked {
		return nil
	}
	m := h.ring.mem
	proto, ifindex := m[sll+2:sll+4], m[sll+4:sll+8]
	hatype, pkttype, halen, addr := m[sll+8:sll+10], m[sll+10], m[sll+11], m[sll+12:sll+20]
	be := binary.BigEndian
	ne := binary.NativeEndian
	if h.linkType == pcap.LinkLinuxSLL2 {
		b := make([]byte, 20)
		copy(b[0:2], proto)
		be.PutUint32(b[4:], ne.Uint32(ifindex))
		be.PutUint16(b[8:], ne.Uint16(hatype))
		b[10], b[11] = pkttype, halen
		copy(b[12:], addr)
		return b
	}
	b := make([]byte, 16)
	be.PutUint16(b[0:], uint16(pkttype))
	be.PutUint16(b[2:], ne.Uint16(hatype))
	be.PutUint16(b[4:], uint16(halen))
	copy(b[6:14], addr)
	copy(b[14:16], proto)
	return b
}

// insertVLAN puts back the 802.1Q tag the kernel stripped into skb
// metadata (TP_STATUS_VLAN_VALID), at the type field of the Ethernet or
// SLL header, as pcap-linux.c does when vlan_offset is known.
func (h *Handle) insertVLAN(off int, data []byte, wire int) ([]byte, int) {
	r := h.ring
	status := r.u32(off + tpStatus)
	if h.vlanOff < 0 || status&statusVlanOK == 0 || len(data) < h.vlanOff {
		return data, wire
	}
	tpid := uint16(unix.ETH_P_8021Q)
	if status&statusTPIDOK != 0 {
		tpid = r.u16(off + tpVlanTPID)
	}
	tag := make([]byte, 4)
	binary.BigEndian.PutUint16(tag[0:], tpid)
	binary.BigEndian.PutUint16(tag[2:], uint16(r.u32(off+tpVlanTCI)))
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
	return h.stats, nil
}

// Close stops the capture. It wakes a ReadPacket blocked in another
// goroutine (which then returns ErrClosed), waits for it to leave, and
// releases the ring and the socket. The final Stats are kept.
func (h *Handle) Close() error {
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	unix.Write(h.efd, one[:])
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
	for _, fd := range []*int{&h.fd, &h.efd} {
		if *fd >= 0 {
			unix.Close(*fd)
			*fd = -1
		}
	}
}
