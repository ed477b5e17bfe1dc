//go:build linux

package nstest

import (
	"fmt"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// socketIn creates a UDP socket inside the network namespace of pid. The
// namespace switch happens on a locked thread that returns to the caller's
// namespace afterwards; if it cannot, the thread stays locked so the Go
// runtime discards it instead of reusing a thread in the wrong namespace.
func socketIn(pid int) (*os.File, error) {
	type result struct {
		f   *os.File
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		f, restored, err := socketOnThread(pid)
		if restored {
			runtime.UnlockOSThread()
		}
		ch <- result{f, err}
	}()
	r := <-ch
	return r.f, r.err
}

func socketOnThread(pid int) (f *os.File, restored bool, err error) {
	self, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, true, err
	}
	defer unix.Close(self)
	target, err := unix.Open(fmt.Sprintf("/proc/%d/ns/net", pid), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, true, err
	}
	defer unix.Close(target)
	if err := unix.Setns(target, unix.CLONE_NEWNET); err != nil {
		return nil, true, os.NewSyscallError("setns", err)
	}
	fd, serr := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err := unix.Setns(self, unix.CLONE_NEWNET); err != nil {
		if serr == nil {
			unix.Close(fd)
		}
		return nil, false, os.NewSyscallError("setns back", err)
	}
	if serr != nil {
		return nil, true, os.NewSyscallError("socket", serr)
	}
	return os.NewFile(uintptr(fd), "socket"), true, nil
}

// UDPSocketIn returns an unbound UDP socket created inside the network
// namespace of pid (bind it, then net.FilePacketConn), so a test can serve
// a protocol (a DNS responder, say) on an address of a namespace it made.
func UDPSocketIn(pid int) (*os.File, error) { return socketIn(pid) }
