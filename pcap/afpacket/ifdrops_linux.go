package afpacket

import (
	"encoding/binary"
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// ifDropCounter reads a device's receive drop counters through a
// NETLINK_ROUTE socket opened when the capture started. The socket stays
// in the network namespace it was created in, so later reads from any
// thread see the captured device, as libpcap's /sys reads do when tcpdump
// runs inside the namespace.
type ifDropCounter struct {
	fd      int
	ifindex int
	start   uint64
}

// rtnl_link_stats64 field indexes (each a __u64).
const (
	statRxDropped      = 6
	statRxMissedErrors = 15
	iflaStats64        = 23 // IFLA_STATS64
)

func newIfDropCounter(ifindex int) (*ifDropCounter, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		return nil, os.NewSyscallError("socket(AF_NETLINK)", err)
	}
	c := &ifDropCounter{fd: fd, ifindex: ifindex}
	if c.start, err = c.read(); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return c, nil
}

// dropped is the growth of rx_dropped + rx_missed_errors since the start
// (what /proc/net/dev shows as "drop", libpcap's ps_ifdrop).
func (c *ifDropCounter) dropped() (uint64, error) {
	n, err := c.read()
	return n - c.start, err
}

// read asks RTM_GETLINK for the device and sums its drop counters.
func (c *ifDropCounter) read() (uint64, error) {
	req := make([]byte, unix.NLMSG_HDRLEN+unix.SizeofIfInfomsg)
	ne := binary.NativeEndian
	ne.PutUint32(req[0:], uint32(len(req)))
	ne.PutUint16(req[4:], unix.RTM_GETLINK)
	ne.PutUint16(req[6:], unix.NLM_F_REQUEST)
	ne.PutUint32(req[unix.NLMSG_HDRLEN+4:], uint32(c.ifindex))
	if err := unix.Sendto(c.fd, req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return 0, os.NewSyscallError("sendto(RTM_GETLINK)", err)
	}
	buf := make([]byte, 1<<16)
	n, _, err := unix.Recvfrom(c.fd, buf, 0)
	if err != nil {
		return 0, os.NewSyscallError("recvfrom(RTM_GETLINK)", err)
	}
	msgs, err := syscall.ParseNetlinkMessage(buf[:n])
	if err != nil || len(msgs) == 0 || msgs[0].Header.Type != unix.RTM_NEWLINK {
		return 0, errors.New("RTM_GETLINK: unexpected reply")
	}
	attrs, err := syscall.ParseNetlinkRouteAttr(&msgs[0])
	if err != nil {
		return 0, err
	}
	for _, a := range attrs {
		if a.Attr.Type == iflaStats64 && len(a.Value) >= 8*(statRxMissedErrors+1) {
			return ne.Uint64(a.Value[8*statRxDropped:]) + ne.Uint64(a.Value[8*statRxMissedErrors:]), nil
		}
	}
	return 0, errors.New("RTM_GETLINK: no IFLA_STATS64")
}

func (c *ifDropCounter) close() { unix.Close(c.fd) }
