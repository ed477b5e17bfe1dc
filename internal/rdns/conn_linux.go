package rdns

import (
	"net/netip"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// NewSocket makes a non-blocking UDP socket in the calling thread's network
// namespace (run it on a thread that joined the target's).
func NewSocket(v6 bool) (Conn, error) {
	family := unix.AF_INET
	if v6 {
		family = unix.AF_INET6
	}
	fd, err := unix.Socket(family, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	return fdConn(fd), nil
}

type fdConn int

func (c fdConn) Close() error { return unix.Close(int(c)) }

func (c fdConn) WriteTo(b []byte, to netip.AddrPort) error {
	var sa unix.Sockaddr
	if to.Addr().Is4() {
		sa = &unix.SockaddrInet4{Port: int(to.Port()), Addr: to.Addr().As4()}
	} else {
		sa = &unix.SockaddrInet6{Port: int(to.Port()), Addr: to.Addr().As16()}
	}
	return os.NewSyscallError("sendto", unix.Sendto(int(c), b, 0, sa))
}

func (c fdConn) ReadFrom(b []byte, deadline time.Time) (int, netip.AddrPort, error) {
	for {
		wait := time.Until(deadline)
		if wait <= 0 {
			return 0, netip.AddrPort{}, os.ErrDeadlineExceeded
		}
		fds := []unix.PollFd{{Fd: int32(c), Events: unix.POLLIN}}
		if _, err := unix.Poll(fds, int(wait/time.Millisecond)+1); err != nil && err != unix.EINTR {
			return 0, netip.AddrPort{}, os.NewSyscallError("poll", err)
		}
		n, from, err := unix.Recvfrom(int(c), b, 0)
		if err == unix.EAGAIN || err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, netip.AddrPort{}, os.NewSyscallError("recvfrom", err)
		}
		switch sa := from.(type) {
		case *unix.SockaddrInet4:
			return n, netip.AddrPortFrom(netip.AddrFrom4(sa.Addr), uint16(sa.Port)), nil
		case *unix.SockaddrInet6:
			return n, netip.AddrPortFrom(netip.AddrFrom16(sa.Addr).Unmap(), uint16(sa.Port)), nil
		}
	}
}
