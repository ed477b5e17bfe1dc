package target

import (
	"os"

	"golang.org/x/sys/unix"
)

// pidfsMagic is PIDFS_MAGIC: only pidfds living on pidfs (Linux 6.9+) have
// inode numbers that identify one process for the lifetime of the system.
const pidfsMagic = 0x50494446

// OpenPidfd opens a pidfd for pid (always close-on-exec). When ino is not 0
// the pidfd must be on pidfs and its inode must equal ino, as util-linux
// ul_get_valid_pidfd does: ENOTSUP without pidfs, ESRCH on a mismatch (the
// PID was reused by another process).
func OpenPidfd(pid int, ino uint64) (int, error) {
	fd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return -1, os.NewSyscallError("pidfd_open", err)
	}
	var fs unix.Statfs_t
	if err := unix.Fstatfs(fd, &fs); err != nil || fs.Type != pidfsMagic {
		unix.Close(fd)
		return -1, os.NewSyscallError("fstatfs", unix.ENOTSUP)
	}
	if ino == 0 {
		return fd, nil
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("fstat", err)
	}
	if st.Ino != ino {
		unix.Close(fd)
		return -1, os.NewSyscallError("pidfd inode check", unix.ESRCH)
	}
	return fd, nil
}

// PidfdInode returns the pidfs inode of pid: the number to append to
// `-t PID:` to pin that very process.
func PidfdInode(pid int) (uint64, error) {
	fd, err := OpenPidfd(pid, 0)
	if err != nil {
		return 0, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return 0, os.NewSyscallError("fstat", err)
	}
	return st.Ino, nil
}
