package afpacket

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/internal/testns"
	"github.com/gonsenter/gonsenter/pcap"
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
	ns := testns.New(t)
	var fds, goroutines, threads int
	for done := 0; done < cycles; done += cycleWorkers {
		if err := testns.Wave(done, cycleWorkers, func(i int) error { return cycle(ns, i) }); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		if done == 0 {
			fds, goroutines, threads = testns.Count("/proc/self/fd"), runtime.NumGoroutine(), testns.Count("/proc/self/task")
			continue
		}
		// The runtime keeps an idle thread per goroutine that was blocked in
		// a system call at the same moment: at most two per handle of a
		// wave (its reader in poll, the runner that opens it).
		if n := testns.Count("/proc/self/task"); n > threads+2*cycleWorkers {
			t.Fatalf("after %d cycles: %d threads, %d after the first wave", done+cycleWorkers, n, threads)
		}
		if n := testns.Count("/proc/self/fd"); n != fds {
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

// cycle is one Open, read, Wake, Close. Even cycles are promiscuous (they
// also hold the netlink socket of the interface drop counter).
func cycle(ns *testns.NetNS, i int) error {
	var h *Handle
	err := ns.Run(func() error {
		var err error
		h, err = Open(Config{Interface: "lo", Immediate: true, BufferSize: 256, Promisc: i%2 == 0})
		return err
	})
	if err != nil {
		return err
	}
	got, ended := make(chan struct{}), make(chan error, 1)
	go cycleRead(h, got, ended)
	if err := sendUntil(ns, got); err != nil {
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
func sendUntil(ns *testns.NetNS, got <-chan struct{}) error {
	deadline := time.After(10 * time.Second)
	for {
		ns.Send([]byte("cycle"))
		select {
		case <-got:
			return nil
		case <-deadline:
			return errors.New("no packet read 10 s after the handle was opened")
		case <-time.After(20 * time.Millisecond):
		}
	}
}
