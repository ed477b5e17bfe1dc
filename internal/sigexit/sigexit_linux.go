// Package sigexit ends the process by a signal, as a C program's default
// disposition would: the exit status a shell sees is "killed by SIG", and
// a core-dumping signal dumps core when the limits allow.
package sigexit

import (
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// DieBy makes this process die by sig, as `kill(getpid(), sig)` does for a
// C program: reset the disposition to default behind the Go runtime's back
// (signal.Reset keeps the runtime's handler for SIGQUIT, SIGABRT and
// friends, which prints a goroutine dump), unblock it on this thread and
// send it to this thread. If the signal does not kill (its default action
// is to ignore), exit 1.
func DieBy(sig syscall.Signal) {
	runtime.LockOSThread() // unblock and send on one and the same thread
	signal.Reset(sig)
	var sa [4]uint64 // struct kernel_sigaction, all zero: SIG_DFL
	unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&sa)), 0, 8, 0, 0)
	set := uint64(1) << (uint(sig) - 1)
	unix.RawSyscall6(unix.SYS_RT_SIGPROCMASK, unix.SIG_UNBLOCK, uintptr(unsafe.Pointer(&set)), 0, 8, 0, 0)
	unix.Tgkill(unix.Getpid(), unix.Gettid(), sig)
	time.Sleep(100 * time.Millisecond)
	os.Exit(1)
}
