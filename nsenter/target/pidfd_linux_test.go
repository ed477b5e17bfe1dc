package target

import (
	"errors"
	"os"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestOpenPidfdInode pins our own process by its pidfs inode and checks
// that a wrong inode is refused with ESRCH, as util-linux's
// "failed to obtain a valid file descriptor for PID".
func TestOpenPidfdInode(t *testing.T) {
	ino, err := PidfdInode(os.Getpid())
	if errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOSYS) {
		t.Skip("kernel without pidfs:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	fd, err := OpenPidfd(os.Getpid(), ino)
	if err != nil {
		t.Fatalf("OpenPidfd with the right inode: %v", err)
	}
	unix.Close(fd)
	if _, err := OpenPidfd(os.Getpid(), ino+1); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("OpenPidfd with a wrong inode: %v, want ESRCH", err)
	}
}
