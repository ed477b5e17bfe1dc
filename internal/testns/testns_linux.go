// Package testns gives in-process tests what leak and cycle tests of live
// capture need: a network namespace of their own with lo up, a way to run
// code inside it on a throwaway thread (nsenter's runner), a sender of
// datagrams there, and counts of the process's descriptors and threads.
// Only tests import it.
package testns

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// NetNS is a network namespace held by a descriptor, with an unconnected
// UDP socket inside it to send from (a connected one would fail its next
// send after the port unreachable answer).
type NetNS struct {
	fd, sender int
}

// New makes the namespace on a locked thread that is never unlocked, so
// the runtime ends that thread instead of reusing it elsewhere. It skips
// the test where namespaces cannot be made; both descriptors close when
// the test ends.
func New(t testing.TB) *NetNS {
	t.Helper()
	type result struct {
		ns  *NetNS
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		ns, err := newNetNS()
		ch <- result{ns, err}
	}()
	r := <-ch
	if r.err != nil {
		t.Skipf("cannot make a network namespace here: %v", r.err)
	}
	t.Cleanup(func() { unix.Close(r.ns.sender); unix.Close(r.ns.fd) })
	return r.ns
}

func newNetNS() (*NetNS, error) {
	if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
		return nil, os.NewSyscallError("unshare", err)
	}
	fd, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	s, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		unix.Close(fd)
		return nil, os.NewSyscallError("socket", err)
	}
	if err := loUp(s); err != nil {
		unix.Close(s)
		unix.Close(fd)
		return nil, fmt.Errorf("bring lo up: %w", err)
	}
	return &NetNS{fd: fd, sender: s}, nil
}

// loUp sets IFF_UP on lo through any socket of the namespace.
func loUp(s int) error {
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(s, unix.SIOCGIFFLAGS, ifr); err != nil {
		return os.NewSyscallError("ioctl(SIOCGIFFLAGS)", err)
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return os.NewSyscallError("ioctl(SIOCSIFFLAGS)", unix.IoctlIfreq(s, unix.SIOCSIFFLAGS, ifr))
}

// Run calls fn on a fresh thread inside the namespace, as nsenter's
// runner does; the thread is thrown away afterwards.
func (ns *NetNS) Run(fn func() error) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := unix.Setns(ns.fd, unix.CLONE_NEWNET); err != nil {
			done <- os.NewSyscallError("setns", err)
			return
		}
		done <- fn()
	}()
	return <-done
}

// Send sends one datagram to the discard port of 127.0.0.1 inside the
// namespace, where nobody listens.
func (ns *NetNS) Send(payload []byte) {
	unix.Sendto(ns.sender, payload, 0, &unix.SockaddrInet4{Port: 9, Addr: [4]byte{127, 0, 0, 1}})
}

// Count is the number of entries of a /proc directory such as
// /proc/self/fd or /proc/self/task, or -1.
func Count(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return -1
	}
	return len(entries)
}

// Wave runs fn(first) .. fn(first+n-1) at once, waits for all of them and
// returns the first failure, named by its cycle number.
func Wave(first, n int, fn func(i int) error) error {
	errs := make(chan error, n)
	for i := first; i < first+n; i++ {
		go func(i int) {
			if err := fn(i); err != nil {
				errs <- fmt.Errorf("cycle %d: %w", i, err)
				return
			}
			errs <- nil
		}(i)
	}
	var firstErr error
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}
