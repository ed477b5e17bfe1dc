package afpacket

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"golang.org/x/sys/unix"
)

// TestHandleCyclesDoNotLeak opens and closes 2,000 handles on lo of a
// network namespace of the test's own, 32 at a time, the way a capture
// loop uses them: one goroutine waits in ReadBatch until a datagram
// arrives and reads on, while Wake and Close come from elsewhere, half of
// the time at once. Each cycle must end with the reader seeing ErrClosed;
// after all of them the process holds exactly the descriptors it held
// after the first wave, no more goroutines, and threads only up to the
// runtime's idle pool. (Package capture's
// TestCaptureCyclesDoNotLeak runs 10,000 whole captures on top of this.)
// -short runs 256 cycles.
func TestHandleCyclesDoNotLeak(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root (a network namespace and AF_PACKET): run as root, e.g. sudo go test ./pcap/afpacket")
	}
	cycles := 2000
	if testing.Short() {
		cycles = 256
	}
	ns := cycleNetns(t)
	var fds, goroutines, threads int
	for done := 0; done < cycles; done += cycleWorkers {
		if err := ns.wave(done, cycleWorkers); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		if done == 0 {
			fds, goroutines, threads = cycleCount("/proc/self/fd"), runtime.NumGoroutine(), cycleCount("/proc/self/task")
			continue
		}
		// The runtime keeps an idle thread per goroutine that was blocked in
		// a system call at the same moment: at most two per handle of a
		// wave (its reader in poll, the runner that opens it).
		if n := cycleCount("/proc/self/task"); n > threads+2*cycleWorkers {
			t.Fatalf("after %d cycles: %d threads, %d after the first wave", done+cycleWorkers, n, threads)
		}
		if n := cycleCount("/proc/self/fd"); n != fds {
			t.Fatalf("after %d cycles: %d descriptors open, %d after the first wave", done+cycleWorkers, n, fds)
		}
		if g := runtime.NumGoroutine(); g > goroutines+2 {
			t.Fatalf("after %d cycles: %d goroutines, %d after the first wave", done+cycleWorkers, g, goroutines)
		}
	}
}

// cycleWorkers handles are open at once: closing a packet socket waits
// for an RCU grace period, and concurrent closes share one.
const cycleWorkers = 32

func cycleCount(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return -1
	}
	return len(entries)
}

// wave runs n cycles at once and returns the first failure.
func (ns *cycleNS) wave(first, n int) error {
	errs := make(chan error, n)
	for i := first; i < first+n; i++ {
		go func(i int) {
			if err := ns.cycle(i); err != nil {
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

// cycle is one Open, read, Wake, Close. Even cycles are promiscuous (they
// also hold the netlink socket of the interface drop counter).
func (ns *cycleNS) cycle(i int) error {
	var h *Handle
	err := ns.run(func() error {
		var err error
		h, err = Open(Config{Interface: "lo", Immediate: true, BufferSize: 256, Promisc: i%2 == 0})
		return err
	})
	if err != nil {
		return err
	}
	got, ended := make(chan struct{}), make(chan error, 1)
	go cycleRead(h, got, ended)
	if err := ns.sendUntil(got); err != nil {
		h.Close()
		return err
	}
	if i%2 == 0 {
		go h.Wake() // racing with Close: Wake must not write to a closed or reused descriptor
	} else {
		h.Wake()
	}
	h.Close()
	select {
	case err := <-ended:
		if !errors.Is(err, ErrClosed) {
			return fmt.Errorf("reader ended with %v, want ErrClosed", err)
		}
	case <-time.After(10 * time.Second):
		return errors.New("reader still blocked 10 s after Close")
	}
	if st, err := h.Stats(); err != nil || st.Received == 0 {
		return fmt.Errorf("stats after Close: %+v, %v", st, err)
	}
	return nil
}

// cycleRead reads batches until Close, closing got at the first packet.
func cycleRead(h *Handle, got chan<- struct{}, ended chan<- error) {
	var pkts []pcap.Packet
	seen := false
	for {
		var err error
		pkts, err = h.ReadBatch(pkts[:0], 8)
		if len(pkts) > 0 && !seen {
			seen = true
			close(got)
		}
		if err != nil {
			ended <- err
			return
		}
	}
}

// sendUntil sends a datagram every 20 ms until got is closed.
func (ns *cycleNS) sendUntil(got <-chan struct{}) error {
	deadline := time.After(10 * time.Second)
	for {
		unix.Sendto(ns.sender, []byte("cycle"), 0, &unix.SockaddrInet4{Port: 9, Addr: [4]byte{127, 0, 0, 1}})
		select {
		case <-got:
			return nil
		case <-deadline:
			return errors.New("no packet read 10 s after the handle was opened")
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// cycleNS is a network namespace of the test's own with lo up, held by a
// descriptor, and an unconnected UDP socket inside it to send from.
type cycleNS struct {
	fd, sender int
}

// cycleNetns makes it on a locked thread that is never unlocked, so the
// runtime ends the thread rather than reuse it in the new namespace.
func cycleNetns(t *testing.T) *cycleNS {
	t.Helper()
	type result struct {
		ns  *cycleNS
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		ns, err := cycleNewNetns()
		ch <- result{ns, err}
	}()
	r := <-ch
	if r.err != nil {
		t.Skipf("cannot make a network namespace here: %v", r.err)
	}
	t.Cleanup(func() { unix.Close(r.ns.sender); unix.Close(r.ns.fd) })
	return r.ns
}

func cycleNewNetns() (*cycleNS, error) {
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
	ifr, err := unix.NewIfreq("lo")
	if err == nil {
		err = unix.IoctlIfreq(s, unix.SIOCGIFFLAGS, ifr)
	}
	if err == nil {
		ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
		err = unix.IoctlIfreq(s, unix.SIOCSIFFLAGS, ifr)
	}
	if err != nil {
		unix.Close(s)
		unix.Close(fd)
		return nil, fmt.Errorf("bring lo up: %w", err)
	}
	return &cycleNS{fd: fd, sender: s}, nil
}

// run calls fn on a fresh thread inside the namespace, as nsenter's runner
// does; the thread is thrown away afterwards.
func (ns *cycleNS) run(fn func() error) error {
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
