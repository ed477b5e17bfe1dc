package capture

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
	"github.com/gonsenter/gonsenter/pcap"
)

// readOffline is `tcpdump -r FILE`: print the banner, compile the filter
// for the file's link type and snapshot length (libpcap's savefile
// semantics: the program runs in userland, its return value only accepts or
// rejects, it never truncates), then print, count or write the packets.
func (s *session) readOffline() error {
	c := s.cfg
	in, closeIn, err := s.openInput(c.readFile)
	if err != nil {
		return err
	}
	defer closeIn()
	r, err := pcap.NewReader(in)
	if err != nil {
		return err
	}
	lt, snap := uint32(r.LinkType()), int(r.Snaplen())
	s.readingBanner(lt, snap)
	prog, err := s.offlineFilter(lt, snap)
	if err != nil || c.dflag > 0 {
		if err == nil {
			err = bpf.Dump(s.stdout, prog, dumpLevel(c.dflag))
		}
		return err
	}
	if err := s.dropPrivileges(); err != nil {
		return err
	}
	sink, err := s.newSink(lt, snap, c.nano)
	if err != nil {
		return err
	}
	n, err := s.readAll(r, prog, sink)
	if err == nil && c.countMode {
		fmt.Fprintf(s.stdout, "%d packet%s\n", n, plural(n))
	}
	return err
}

// readingBanner is tcpdump's "reading from file" line, plus its warning
// that SLL2 interface indexes are resolved on the reading machine.
func (s *session) readingBanner(lt uint32, snap int) {
	fmt.Fprintf(s.stderr, "reading from file %s%s, snapshot length %d\n", s.cfg.readFile, linkTypeText(lt), snap)
	if lt == uint32(pcap.LinkLinuxSLL2) {
		fmt.Fprintln(s.stderr, "Warning: interface names might be incorrect")
	}
}

// readAll runs the loop and closes the sink. As in tcpdump, SIGPIPE,
// SIGINT and SIGTERM end it cleanly (a write into a closed pipe then fails
// with EPIPE instead of killing us): -w - into a closed pipe stops quietly,
// decoded text that cannot be written ends with status 14.
func (s *session) readAll(r pcap.Reader, prog []xbpf.RawInstruction, sink *sink) (int, error) {
	sigc := make(chan os.Signal, 4)
	signal.Notify(sigc, syscall.SIGPIPE, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigc)
	defer dieOnFatalSignals()()
	n, loopErr := s.readLoop(r, prog, sink, sigc)
	if err := sink.close(); err != nil && loopErr == nil {
		loopErr = err
	}
	var pe printError
	var mf errMaxFiles
	switch {
	case errors.As(loopErr, &pe):
		return n, s.exitPrintError(pe)
	case errors.As(loopErr, &mf):
		fmt.Fprintln(s.stderr, mf.Error())
		return n, nil
	case isEPIPE(loopErr):
		return n, nil
	}
	return n, loopErr
}

// offlineFilter compiles the expression for a savefile. A link type
// libpcap's compiler does not know fails even without an expression
// (tcpdump always calls pcap_compile); otherwise an empty expression needs
// no program: libpcap's "ret #snaplen" accepts everything.
func (s *session) offlineFilter(lt uint32, snap int) ([]xbpf.RawInstruction, error) {
	expr, err := s.expression()
	if err != nil {
		return nil, err
	}
	if !compilerKnows(lt) {
		return nil, fmt.Errorf("unknown data link type %d (min 104, max 289)", lt)
	}
	if strings.TrimSpace(expr) == "" && s.cfg.dflag == 0 {
		return nil, nil
	}
	return s.compile(expr, lt, snap, bpf.Offline)
}

// readLoop is pcap_loop over a savefile with -c: it returns how many
// packets passed the filter and were handed to the sink.
func (s *session) readLoop(r pcap.Reader, prog []xbpf.RawInstruction, sink *sink, sigc <-chan os.Signal) (int, error) {
	n := 0
	for s.cfg.count == 0 || n < s.cfg.count {
		select {
		case sig := <-sigc:
			if sig != syscall.SIGPIPE {
				return n, nil
			}
		default:
		}
		pkt, err := r.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("pcap_loop: %w", err)
		}
		if prog != nil && interp.Run(prog, pkt.Data, uint32(pkt.Length), nil) == 0 {
			continue
		}
		n++
		if err := sink.packet(pkt); err != nil {
			return n, err
		}
	}
	return n, nil
}

// openInput opens -r's argument; "-" is standard input, as in libpcap.
// The error text is pcap_open_offline's "FILE: strerror".
func (s *session) openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return s.stdin, func() {}, nil
	}
	f, err := openFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s", name, strerror(err))
	}
	return f, func() { f.Close() }, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
