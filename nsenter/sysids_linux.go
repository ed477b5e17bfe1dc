//go:build linux && !386 && !arm

package nsenter

import "golang.org/x/sys/unix"

// The credential syscalls with 32-bit ids (on 386 and arm the plain
// numbers are the old 16-bit ones; see sysids32_linux.go).
const (
	sysSetgroups = unix.SYS_SETGROUPS
	sysSetgid    = unix.SYS_SETGID
	sysSetuid    = unix.SYS_SETUID
)
