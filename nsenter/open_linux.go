package nsenter

import (
	"strconv"

	"golang.org/x/sys/unix"
)

// openRO opens path read-only and close-on-exec. util-linux leaks its
// namespace files into the program; gonsenter does not (intended
// difference: the program must not be able to setns back). O_NONBLOCK
// keeps a FIFO given by mistake from blocking forever in open(2), as it
// does util-linux: the FIFO opens at once and setns refuses it (EINVAL).
// Namespace files, directories and /proc files ignore the flag.
func openRO(path string) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// procPath is "/proc/PID/typ".
func (s *state) procPath(typ string) string {
	return "/proc/" + strconv.Itoa(s.targetPID) + "/" + typ
}

// openTarget is util-linux open_target_fd: open the explicit path, or
// /proc/PID/typ when there is none, replacing whatever *fd held.
func (s *state) openTarget(fd *int, typ, path string, hasPath bool) error {
	if !hasPath && s.targetPID != 0 {
		path, hasPath = s.procPath(typ), true
	}
	if !hasPath {
		return errx("neither filename nor target pid supplied for " + typ)
	}
	closeFD(fd)
	nfd, err := openRO(path)
	if err != nil {
		return errm("cannot open "+path, err)
	}
	*fd = nfd
	return nil
}

// closeFD closes *fd if it is open and marks it closed.
func closeFD(fd *int) {
	if *fd >= 0 {
		unix.Close(*fd)
		*fd = -1
	}
}

// closeAll releases every descriptor the state holds (error paths, tests).
func (s *state) closeAll() {
	for i := range s.ns {
		closeFD(&s.ns[i].fd)
	}
	if s.nsPidfd != s.pidfd {
		closeFD(&s.nsPidfd)
	}
	s.nsPidfd = -1
	for _, fd := range []*int{&s.nsfsFD, &s.pidfd, &s.rootFD, &s.wdFD, &s.envFD, &s.uidGidFD, &s.cgroupProcsFD} {
		closeFD(fd)
	}
}

// nsfsHandle is a file handle on nsfs (the =:nsid template).
type nsfsHandle = unix.FileHandle
