//go:build linux && (386 || arm)

package nsenter

import "golang.org/x/sys/unix"

// 32-bit uid/gid variants, as the standard library's sys_SETUID etc.
const (
	sysSetgroups = unix.SYS_SETGROUPS32
	sysSetgid    = unix.SYS_SETGID32
	sysSetuid    = unix.SYS_SETUID32
)
