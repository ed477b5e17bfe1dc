package capture

import "golang.org/x/sys/unix"

// indexToName is if_indextoname(3) as glibc does it: SIOCGIFNAME on a
// socket of the calling thread's network namespace. Unlike a netlink dump
// of every link (net.InterfaceByIndex) it is one ioctl, and it also works
// under qemu-user on big-endian guests, whose netlink translation breaks on
// link attributes newer than the emulator (the s390x release smoke test).
func indexToName(idx int) (string, bool) {
	if idx <= 0 {
		return "", false
	}
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return "", false
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("")
	if err != nil {
		return "", false
	}
	ifr.SetUint32(uint32(idx))
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFNAME, ifr); err != nil {
		return "", false
	}
	name := ifr.Name()
	return name, name != ""
}
