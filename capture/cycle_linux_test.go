package capture

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/internal/testns"
)

// TestCaptureCyclesDoNotLeak runs 10,000 whole captures in this process, as
// a long-lived program embedding gonsenter's capture (or a test binary)
// would: each one opens lo in a network namespace of the test's own through
// a runner like nsenter's (a fresh locked thread per call), waits for one
// UDP datagram, writes it to a file or prints it, and stops at -c 1. After
// the first 100 cycles have warmed the runtime up, the number of open
// descriptors must not change at all, and threads, goroutines, the live heap
// and the resident set may only wobble by a small constant: a descriptor,
// ring, goroutine or signal registration lost per cycle would add up to
// thousands. -short runs 1,000 cycles.
func TestCaptureCyclesDoNotLeak(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root (a network namespace and AF_PACKET): run as root, e.g. sudo go test ./capture")
	}
	cycles := 10000
	if testing.Short() {
		cycles = 1000
	}
	ns := testns.New(t)
	dir := t.TempDir()
	start := time.Now()
	var base cycleUsage
	for done := 0; done < cycles; {
		n := cycleWorkers
		if done < 100 && done+n > 100 {
			n = 100 - done // the baseline is taken after exactly 100
		}
		if err := testns.Wave(done, n, func(i int) error { return cycleOnce(ns, dir, i) }); err != nil {
			if done == 0 && strings.Contains(err.Error(), "PACKET_VERSION): protocol not available") {
				// qemu-user (make cross-test) does not translate packet
				// ring options; there is nothing to cycle.
				t.Skipf("no packet rings here: %v", err)
			}
			t.Fatal(err)
		}
		done += n
		switch {
		case done == 100:
			base = cycleMeasure()
			t.Logf("after 100 cycles: %s", base)
		case done%1000 < n || done >= cycles:
			now := cycleMeasure()
			if err := now.grownFrom(base); err != nil {
				t.Fatalf("after %d cycles: %v (after 100: %s, now: %s)", done, err, base, now)
			}
		}
	}
	t.Logf("after %d cycles (%v): %s", cycles, time.Since(start).Round(time.Second), cycleMeasure())
}

// cycleWorkers captures run at once. Closing a packet socket waits for an
// RCU grace period (synchronize_net), several per capture; concurrent
// waits share one, which is what keeps 10,000 cycles within a minute.
const cycleWorkers = 32

// cycleOnce is cycle i: even cycles write a file of their own, odd ones
// print to stdout.
func cycleOnce(ns *testns.NetNS, dir string, i int) error {
	args := []string{"-i", "lo", "-c", "1", "-n", "-B", "256", "--immediate-mode", "udp port 9"}
	if i%2 == 0 {
		args = append(args, "-w", filepath.Join(dir, strconv.Itoa(i%cycleWorkers)+".pcap"))
	}
	return captureOnce(ns, args)
}

// cycleUsage is what a leak would make grow.
type cycleUsage struct {
	fds, threads, goroutines int
	heap, rss                uint64 // bytes
}

func (u cycleUsage) String() string {
	return fmt.Sprintf("%d fds, %d threads, %d goroutines, heap %d KiB, RSS %d KiB",
		u.fds, u.threads, u.goroutines, u.heap>>10, u.rss>>10)
}

// Bounds for the runtime's own variation: heap sizing, pages touched once,
// and idle threads. The runtime keeps a thread for every goroutine that was
// ever blocked in a system call at the same moment, so the thread count
// follows the peak of concurrent captures in a wave, not the number of
// cycles: a capture holds at most two threads at once (its reader waiting
// in poll and its namespace runner). A per-cycle leak exceeds these bounds
// by far: each capture maps a ring and opens seven descriptors, and a
// thread or goroutine lost per cycle would be thousands.
const (
	cycleExtraThreads    = 2 * cycleWorkers
	cycleExtraGoroutines = 2
	cycleExtraHeap       = 8 << 20
	cycleExtraRSS        = 32 << 20
)

// grownFrom says what grew beyond the bounds since base.
func (u cycleUsage) grownFrom(base cycleUsage) error {
	var bad []string
	if u.fds != base.fds {
		bad = append(bad, fmt.Sprintf("descriptors %d -> %d", base.fds, u.fds))
	}
	if u.threads > base.threads+cycleExtraThreads {
		bad = append(bad, fmt.Sprintf("threads %d -> %d", base.threads, u.threads))
	}
	if u.goroutines > base.goroutines+cycleExtraGoroutines {
		bad = append(bad, fmt.Sprintf("goroutines %d -> %d", base.goroutines, u.goroutines))
	}
	if u.heap > base.heap+cycleExtraHeap {
		bad = append(bad, fmt.Sprintf("heap %d -> %d KiB", base.heap>>10, u.heap>>10))
	}
	if u.rss > base.rss+cycleExtraRSS {
		bad = append(bad, fmt.Sprintf("RSS %d -> %d KiB", base.rss>>10, u.rss>>10))
	}
	if bad != nil {
		return fmt.Errorf("grew: %s", strings.Join(bad, ", "))
	}
	return nil
}

// cycleMeasure counts after a garbage collection, so that only what is
// still referenced (or still open) is counted.
func cycleMeasure() cycleUsage {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return cycleUsage{
		fds:        testns.Count("/proc/self/fd"),
		threads:    testns.Count("/proc/self/task"),
		goroutines: runtime.NumGoroutine(),
		heap:       ms.HeapInuse,
		rss:        cycleRSS(),
	}
}

// cycleRSS is VmRSS from /proc/self/status, in bytes.
func cycleRSS() uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// captureOnce runs one Main to completion, sending a datagram (again every
// 20 ms, in case the first one raced with nothing) once it is listening.
func captureOnce(ns *testns.NetNS, args []string) error {
	stderr := &cycleBanner{listening: make(chan struct{})}
	var stdout bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- Main("tcpdump", args, strings.NewReader(""), &stdout, stderr, ns.Run) }()
	select {
	case <-stderr.listening:
	case c := <-code:
		return fmt.Errorf("exit %d before listening: %s", c, stderr.text())
	case <-time.After(20 * time.Second):
		return fmt.Errorf("not listening after 20 s: %s", stderr.text())
	}
	deadline := time.After(20 * time.Second)
	for {
		ns.Send([]byte("cycle"))
		select {
		case c := <-code:
			if c != 0 || !strings.Contains(stderr.text(), "1 packet captured\n") {
				return fmt.Errorf("exit %d, stderr %q", c, stderr.text())
			}
			return nil
		case <-deadline:
			return fmt.Errorf("no packet captured after 20 s: %s", stderr.text())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// cycleBanner collects stderr and closes listening at tcpdump's banner.
type cycleBanner struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	listening chan struct{}
	seen      bool
}

func (b *cycleBanner) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	if !b.seen && strings.Contains(b.buf.String(), "listening on ") {
		b.seen = true
		close(b.listening)
	}
	return len(p), nil
}

func (b *cycleBanner) text() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
