package target

import (
	"syscall"
	"testing"
)

// TestParsePID checks util-linux master's -t rules (lib/pidutils.c), as
// observed with a scratch build of nsenter.c (nsenter-spec.md §12.2).
func TestParsePID(t *testing.T) {
	for _, tc := range []struct {
		in      string
		pid     int
		ino     uint64
		wantErr syscall.Errno
	}{
		{"1", 1, 0, 0},
		{"13468", 13468, 0, 0},
		{" 42", 42, 0, 0},
		{"+7", 7, 0, 0},
		{"13468:13469", 13468, 13469, 0},
		{"2147483647", 2147483647, 0, 0},
		{"", 0, 0, syscall.EINVAL},
		{"abc", 0, 0, syscall.EINVAL},
		{"12x", 0, 0, syscall.EINVAL},
		{"0", 0, 0, syscall.ERANGE},
		{"-5", 0, 0, syscall.ERANGE},
		{"2147483648", 0, 0, syscall.ERANGE},
		{"99999999999999999999", 0, 0, syscall.ERANGE},
		{"0x10", 0, 0, syscall.ERANGE},
		{"13468:", 0, 0, syscall.EINVAL},
		{"13468:0", 0, 0, syscall.ERANGE},
		{"13468:-1", 0, 0, syscall.ERANGE},
		{"13468:abc", 0, 0, syscall.EINVAL},
		{"13468:5x", 0, 0, syscall.EINVAL},
	} {
		pid, ino, err := ParsePID(tc.in)
		if err != tc.wantErr || (err == 0 && (pid != tc.pid || ino != tc.ino)) {
			t.Errorf("ParsePID(%q) = %d, %d, %v; want %d, %d, %v", tc.in, pid, ino, err, tc.pid, tc.ino, tc.wantErr)
		}
	}
}
