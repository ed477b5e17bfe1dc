package capture

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gonsenter/gonsenter/bpf/interp"
	"github.com/gonsenter/gonsenter/pcap"
	"github.com/gonsenter/gonsenter/pcap/afpacket"
)

// captureLoop opens the output, prints the "listening on" banner and runs
// pcap_loop: packets are read a ring block at a time and handled here, in
// order, interleaved with signals. It always ends with the statistics.
func (s *session) captureLoop(ls liveSetup) error {
	lt, snap := uint32(ls.h.LinkType()), int(ls.h.Snaplen())
	k, err := s.newSink(lt, snap, s.cfg.nano)
	if err != nil {
		return err
	}
	// Handlers go in before the banner: whoever waits for "listening on"
	// may signal at once.
	sigc := make(chan os.Signal, 8)
	sigs := []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGPIPE, syscall.SIGUSR1, syscall.SIGUSR2}
	if !signal.Ignored(syscall.SIGHUP) { // cooperate with nohup, as tcpdump does
		sigs = append(sigs, syscall.SIGHUP)
	}
	signal.Notify(sigc, sigs...)
	defer signal.Stop(sigc)
	defer dieOnFatalSignals()()
	s.banner(ls.device, lt, snap)
	events, stop := forwardEvents(ls.h, sigc, s.gotTicker())
	n, interrupted, loopErr := s.loop(ls, k, events)
	stop()
	st, _ := ls.h.Stats()
	ls.h.Close()
	return s.finish(k, st, n, interrupted, loopErr)
}

// finish flushes and closes the output, reports a capture error, and
// prints the statistics, in tcpdump's order.
func (s *session) finish(k *sink, st afpacket.Stats, n int, interrupted bool, loopErr error) error {
	var pe printError
	if errors.As(loopErr, &pe) {
		return s.exitPrintError(pe)
	}
	var re rotateError
	if errors.As(loopErr, &re) {
		k.close() // stdout only: the previous file was closed before
		return re.error
	}
	if interrupted && s.cfg.writeFile == "" {
		// pcap_loop was broken mid-line perhaps: tcpdump adds a newline.
		k.out.WriteString("\n")
	}
	if err := k.close(); errors.As(err, &pe) {
		return s.exitPrintError(pe)
	} else if err != nil && loopErr == nil && !isEPIPE(err) {
		loopErr = err
	}
	s.reportLoopEnd(loopErr)
	s.printStats(st, n, true)
	if loopErr != nil && !errors.As(loopErr, new(errMaxFiles)) {
		return exitError{1}
	}
	return nil
}

// reportLoopEnd prints why the loop ended, before the statistics: the -G
// -W limit, a capture file that could not be written, or pcap_loop's own
// error.
func (s *session) reportLoopEnd(loopErr error) {
	var mf errMaxFiles
	var we writeError
	switch {
	case loopErr == nil:
	case errors.As(loopErr, &mf):
		fmt.Fprintln(s.stderr, mf.Error())
	case errors.As(loopErr, &we):
		fmt.Fprintf(s.stderr, "%s: %s\n", s.prog, we)
	default:
		fmt.Fprintf(s.stderr, "%s: pcap_loop: %s\n", s.prog, loopErr)
	}
}

// loop is pcap_loop: it reads the ring a block at a time on this
// goroutine (packets are handled in place, before their block goes back
// to the kernel, as libpcap's callbacks are) and looks at signals and the
// -v ticker between batches, until -c, a terminating signal, an output
// error or a capture error. It returns the packets captured.
func (s *session) loop(ls liveSetup, k *sink, events <-chan event) (n int, interrupted bool, err error) {
	var pkts []pcap.Packet
	shown := -1
	for {
		for pending := true; pending; {
			select {
			case ev := <-events:
				if stop := s.event(ls, k, ev, n, &shown); stop {
					return n, true, nil
				}
			default:
				pending = false
			}
		}
		var rerr error
		pkts, rerr = ls.h.ReadBatch(pkts[:0], batchMax)
		for _, p := range pkts {
			if ls.userProg != nil && interp.Run(ls.userProg, p.Data, uint32(p.Length), nil) == 0 {
				continue
			}
			n++
			if err := k.packet(p); err != nil {
				if isEPIPE(err) && !errors.As(err, new(printError)) {
					return n, true, nil
				}
				return n, false, err
			}
			if s.cfg.count > 0 && n >= s.cfg.count {
				return n, false, nil
			}
		}
		if errors.Is(rerr, afpacket.ErrClosed) {
			return n, false, nil
		}
		if rerr != nil {
			return n, false, rerr
		}
	}
}

// batchMax bounds a batch: at most this many packets are handled before
// a signal is looked at.
const batchMax = 256

// event is a signal or a tick of the -v "Got N" counter.
type event struct {
	sig  os.Signal
	tick bool
}

// event handles one; it reports whether the capture must stop.
func (s *session) event(ls liveSetup, k *sink, ev event, n int, shown *int) bool {
	switch {
	case ev.tick:
		if n != *shown { // print_packets_captured
			fmt.Fprintf(s.stderr, "Got %d\r", n)
			*shown = n
		}
	case ev.sig == syscall.SIGUSR1:
		st, _ := ls.h.Stats()
		s.printStats(st, n, false)
	case ev.sig == syscall.SIGUSR2:
		k.flush()
	default:
		return true
	}
	return false
}

// gotTicker is the once-a-second tick of tcpdump -v -w's packet counter
// (nil when it is not shown).
func (s *session) gotTicker() *time.Ticker {
	if s.cfg.vflag > 0 && s.cfg.writeFile != "" && !s.cfg.print {
		return time.NewTicker(time.Second)
	}
	return nil
}

// forwardEvents turns signals and ticks into events for the loop and
// wakes the handle so that a batch waiting for packets returns. stop ends
// the forwarding, and waits for it, before the handle is closed.
func forwardEvents(h *afpacket.Handle, sigc <-chan os.Signal, t *time.Ticker) (<-chan event, func()) {
	events := make(chan event, 16)
	done, finished := make(chan struct{}), make(chan struct{})
	var tick <-chan time.Time
	if t != nil {
		tick = t.C
	}
	go func() {
		defer close(finished)
		for {
			var ev event
			select {
			case ev.sig = <-sigc:
			case <-tick:
				ev.tick = true
			case <-done:
				return
			}
			select {
			case events <- ev:
				h.Wake()
			case <-done:
				return
			}
		}
	}()
	return events, func() {
		close(done)
		<-finished
		if t != nil {
			t.Stop()
		}
	}
}

// banner is tcpdump's "listening on" message; the "verbose output
// suppressed" hint replaces the program-name prefix when printing
// undecoded to stdout.
func (s *session) banner(dev string, lt uint32, snap int) {
	if s.cfg.vflag == 0 && s.cfg.writeFile == "" {
		fmt.Fprintf(s.stderr, "%s: verbose output suppressed, use -v[v]... for full protocol decode\n", s.prog)
	} else {
		fmt.Fprintf(s.stderr, "%s: ", s.prog)
	}
	fmt.Fprintf(s.stderr, "listening on %s%s, snapshot length %d bytes\n", dev, linkTypeText(lt), snap)
}

// printStats is tcpdump's info(): three lines at the end, or one line
// prefixed with the program name for SIGUSR1.
func (s *session) printStats(st afpacket.Stats, captured int, final bool) {
	sep := "\n"
	if !final {
		fmt.Fprintf(s.stderr, "%s: ", s.prog)
		sep = ", "
	}
	recv, drop := int(uint32(st.Received)), int(uint32(st.Dropped))
	fmt.Fprintf(s.stderr, "%d packet%s captured%s%d packet%s received by filter%s%d packet%s dropped by kernel\n",
		captured, plural(captured), sep, recv, plural(recv), sep, drop, plural(drop))
}

func isEPIPE(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}

// exitPrintError ends like tcpdump's ndo_error(S_ERR_ND_WRITE_FILE).
func (s *session) exitPrintError(pe printError) error {
	fmt.Fprintf(s.stderr, "%s: %s\n", s.prog, pe.Error())
	return exitError{14}
}
