package nsenter

import (
	"encoding/binary"
	"os"

	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/nsenter/internal/cnum"
)

// atHandleFID asks name_to_handle_at for a handle that identifies the file
// without promising it can be opened (AT_HANDLE_FID, Linux 6.5).
const atHandleFID = 0x200

// openByNsid opens the namespace with the given id (`--net=:ID`), as
// util-linux open_target_fd_by_nsid (nsenter.c:180-261): an nsfs file
// handle is built from a template handle of our own mount namespace (which
// gives the handle type and a descriptor on nsfs), with ns_id replaced and
// ns_type/ns_inum zero, then opened with open_by_handle_at. The kernel needs
// nsfs file handles (Linux 6.18).
func (s *state) openByNsid(fd *int, idstr string) error {
	id, res := cnum.Strtou64(idstr)
	if res != cnum.OK {
		return errx("failed to parse nsid: " + idstr)
	}
	tmpl, err := s.nsfsTemplate()
	if err != nil {
		return errm("failed to fill namespace file handle", err)
	}
	data := make([]byte, len(tmpl.Bytes()))
	binary.NativeEndian.PutUint64(data, id) // struct nsfs_file_handle: __u64 ns_id first
	closeFD(fd)
	nfd, err := unix.OpenByHandleAt(s.nsfsFD, unix.NewFileHandle(tmpl.Type(), data), unix.O_RDONLY|unix.O_CLOEXEC)
	if err == unix.ESTALE && !kernelAtLeast(6, 19) {
		// Linux 6.18 has nsfs handles but cannot look a namespace up
		// by id alone: say so rather than "Stale file handle".
		return errx("namespace ids (=:nsid) need Linux 6.19 or newer")
	}
	if err != nil {
		return errm("cannot open namespace of id "+uitoa(id), err)
	}
	*fd = nfd
	return nil
}

// nsfsTemplate returns (and caches) a file handle of our mount namespace and
// keeps a descriptor on nsfs for open_by_handle_at.
func (s *state) nsfsTemplate() (unix.FileHandle, error) {
	if s.nsfsFD >= 0 {
		return s.nsfsHandle, nil
	}
	self, err := unix.PidfdOpen(os.Getpid(), 0)
	if err != nil {
		return unix.FileHandle{}, err
	}
	nsfs, err := unix.IoctlRetInt(self, unix.PIDFD_GET_MNT_NAMESPACE)
	unix.Close(self)
	if err != nil {
		return unix.FileHandle{}, err
	}
	unix.CloseOnExec(nsfs)
	fh, _, err := unix.NameToHandleAt(nsfs, "", unix.AT_EMPTY_PATH|atHandleFID)
	if err != nil {
		unix.Close(nsfs)
		return unix.FileHandle{}, err
	}
	if len(fh.Bytes()) < 8 {
		unix.Close(nsfs)
		return unix.FileHandle{}, unix.EINVAL
	}
	s.nsfsFD, s.nsfsHandle = nsfs, fh
	return fh, nil
}

// kernelAtLeast compares the running kernel's release with major.minor.
func kernelAtLeast(major, minor int) bool {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return true
	}
	var v [2]int
	i := 0
	for _, c := range u.Release {
		switch {
		case c >= '0' && c <= '9':
			v[i] = v[i]*10 + int(c-'0')
		case c == '.' && i == 0:
			i = 1
		default:
			return v[0] > major || (v[0] == major && v[1] >= minor)
		}
	}
	return v[0] > major || (v[0] == major && v[1] >= minor)
}
