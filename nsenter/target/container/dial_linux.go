package container

import (
	"os"

	"golang.org/x/sys/unix"
)

// dialUnix connects a stream socket to path. net.Dial would do, but it
// links the whole resolver (address sorting, DNS) into every gonsenter;
// a non-blocking descriptor wrapped by os.NewFile gets the runtime
// poller's deadlines all the same.
func dialUnix(path string) (*os.File, error) {
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	for {
		err = unix.Connect(fd, &unix.SockaddrUnix{Name: path})
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		unix.Close(fd)
		return nil, &os.PathError{Op: "connect", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}
