// Package target resolves what `nsenter -t` points at: a PID, or a PID pinned
// to one process incarnation by its pidfs inode (`PID:inode`, util-linux 2.42).
package target

import (
	"syscall"

	"github.com/gonsenter/gonsenter/nsenter/internal/cnum"
)

// maxPID is SINT_MAX(pid_t): util-linux rejects anything above it with ERANGE.
const maxPID = 1<<31 - 1

// ParsePID parses a --target argument like util-linux ul_parse_pid_str
// (lib/pidutils.c): "PID" or "PID:inode", decimal, leading blanks allowed.
// Empty or junk is EINVAL; 0, negative and overflowing PIDs and an inode of 0
// are ERANGE. ino is 0 when no inode was given.
func ParsePID(s string) (pid int, ino uint64, err syscall.Errno) {
	if s == "" {
		return 0, 0, syscall.EINVAL
	}
	v, end, erange := cnum.Strtoimax(s)
	if v == 0 && end == 0 {
		return 0, 0, syscall.EINVAL
	}
	if erange || v <= 0 || v > maxPID {
		return 0, 0, syscall.ERANGE
	}
	rest := s[end:]
	if len(rest) > 0 && rest[0] == ':' {
		n, res := cnum.Strtou64(rest[1:])
		switch {
		case res == cnum.Range:
			return 0, 0, syscall.ERANGE
		case res == cnum.Invalid:
			return 0, 0, syscall.EINVAL
		case n == 0:
			return 0, 0, syscall.ERANGE
		}
		return int(v), n, 0
	}
	if rest != "" {
		return 0, 0, syscall.EINVAL
	}
	return int(v), 0, 0
}
