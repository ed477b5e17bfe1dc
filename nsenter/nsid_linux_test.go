package nsenter

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// nsGetID is NS_GET_ID (_IOR(0xb7, 0xd, __u64), Linux 6.18).
const nsGetID = 0x8008b70d

// TestNsid: `--net=:ID` opens our own network namespace by its id where the
// kernel can look ids up (6.19+); older kernels get a clear message.
func TestNsid(t *testing.T) {
	fd, err := unix.Open("/proc/self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Skip(err)
	}
	defer unix.Close(fd)
	var id uint64
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), nsGetID, uintptr(unsafe.Pointer(&id))); e != 0 {
		t.Skip("no NS_GET_ID:", e)
	}
	s, _, stderr, _ := parseOnly(t, "nsenter", "--net=:"+uitoa(id), "true")
	if !kernelAtLeast(6, 19) {
		if stderr != "nsenter: namespace ids (=:nsid) need Linux 6.19 or newer\n" && stderr != "" {
			t.Errorf("old kernel: %q", stderr)
		}
		return
	}
	var a, b unix.Stat_t
	if stderr != "" || unix.Fstat(s.ns[nsNet].fd, &a) != nil || unix.Stat("/proc/self/ns/net", &b) != nil || a.Ino != b.Ino {
		t.Errorf("--net=:%d: %q, opened inode %d, want %d", id, stderr, a.Ino, b.Ino)
	}
}
