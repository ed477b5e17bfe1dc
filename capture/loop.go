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
// pcap_loop: packets are read on their own goroutine and handled here, in
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
	s.banner(ls.device, lt, snap)
	done := make(chan struct{})
	pkts, rerr := readPackets(ls, done)
	n, interrupted, loopErr := s.loop(ls, k, pkts, rerr, sigc)
	st, _ := ls.h.Stats()
	close(done)
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
	if interrupted && s.cfg.writeFile == "" {
		// pcap_loop was broken mid-line perhaps: tcpdump adds a newline.
		k.out.WriteString("\n")
	}
	if err := k.close(); errors.As(err, &pe) {
		return s.exitPrintError(pe)
	} else if err != nil && loopErr == nil && !isEPIPE(err) {
		loopErr = err
	}
	var mf errMaxFiles
	if errors.As(loopErr, &mf) {
		fmt.Fprintln(s.stderr, mf.Error())
		loopErr = nil
	} else if loopErr != nil {
		fmt.Fprintf(s.stderr, "%s: pcap_loop: %s\n", s.prog, loopErr)
	}
	s.printStats(st, n, true)
	if loopErr != nil {
		return exitError{1}
	}
	return nil
}

// loop handles packets and signals until -c, a terminating signal, an
// output error or a capture error. It returns the packets captured.
func (s *session) loop(ls liveSetup, k *sink, pkts <-chan pcap.Packet, rerr <-chan error, sigc <-chan os.Signal) (n int, interrupted bool, err error) {
	var tick <-chan time.Time
	if s.cfg.vflag > 0 && s.cfg.writeFile != "" && !s.cfg.print {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		tick = t.C
	}
	shown := -1
	for {
		select {
		case p := <-pkts:
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
		case sig := <-sigc:
			switch sig {
			case syscall.SIGUSR1:
				st, _ := ls.h.Stats()
				s.printStats(st, n, false)
			case syscall.SIGUSR2:
				k.flush()
			default:
				return n, true, nil
			}
		case err := <-rerr:
			return n, false, err
		case <-tick:
			if n != shown { // print_packets_captured
				fmt.Fprintf(s.stderr, "Got %d\r", n)
				shown = n
			}
		}
	}
}

// readPackets reads the handle on its own goroutine, applying the userland
// filter when the kernel could not take the program.
func readPackets(ls liveSetup, done <-chan struct{}) (<-chan pcap.Packet, <-chan error) {
	pkts := make(chan pcap.Packet, 256)
	rerr := make(chan error, 1)
	go func() {
		for {
			p, err := ls.h.ReadPacket()
			if err != nil {
				if !errors.Is(err, afpacket.ErrClosed) {
					rerr <- err
				}
				return
			}
			if ls.userProg != nil && interp.Run(ls.userProg, p.Data, uint32(p.Length), nil) == 0 {
				continue
			}
			select {
			case pkts <- p:
			case <-done:
				return
			}
		}
	}()
	return pkts, rerr
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
