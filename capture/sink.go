package capture

import (
	"bufio"
	"errors"
	"io"
	"os"

	"github.com/gonsenter/gonsenter/pcap"
	"github.com/gonsenter/gonsenter/pcap/printer"
)

// sink is tcpdump's per-packet callback: print_packet, dump_packet or
// dump_packet_and_trunc. It prints decoded packets to stdout, writes them
// to the -w file (rotating it), or with --count only counts them.
type sink struct {
	s       *session
	out     *bufio.Writer    // buffered stdout, like stdio when not a terminal
	pr      *printer.Printer // nil when not printing
	dump    *dumper          // nil without -w
	flushPr bool             // -l or a terminal: flush stdout after each packet
}

// newSink builds the callback for link type lt: -w (optionally with
// --print) writes, otherwise packets are printed unless --count.
func (s *session) newSink(lt uint32, snaplen int, nano bool) (*sink, error) {
	c := s.cfg
	k := &sink{s: s, out: bufio.NewWriterSize(s.stdout, 4096)}
	if c.writeFile != "" {
		d, err := s.newDumper(pcap.LinkType(lt), snaplen, nano)
		if err != nil {
			return nil, err
		}
		k.dump = d
	}
	if c.rotateSecs == 0 && c.fileSize == 0 {
		releaseHost() // every file is open now
	}
	if (c.writeFile == "" && !c.countMode) || (c.writeFile != "" && c.print) {
		k.pr = printer.New(k.out, s.printerOptions())
		k.flushPr = c.lineBuf || isTerminal(s.stdout)
	}
	return k, nil
}

func (s *session) printerOptions() printer.Options {
	c := s.cfg
	return printer.Options{
		NoResolve:   c.nflag,
		Verbose:     c.vflag,
		Ether:       c.eflag,
		Quick:       c.qflag,
		Timestamp:   c.tflag,
		Number:      c.number,
		AbsoluteSeq: c.absSeq,
		Hex:         c.xflag,
		HexASCII:    c.Xflag,
		ASCII:       c.Aflag,
		Nano:        c.nano,
		IfName:      s.ifNameFunc(),
		LookupAddr:  s.lookupAddr(),
	}
}

// packet handles one accepted packet: write (and flush with -U), then print.
func (k *sink) packet(pkt pcap.Packet) error {
	if k.dump != nil {
		if err := k.dump.write(pkt); err != nil {
			return err
		}
	}
	if k.pr == nil {
		return nil
	}
	if err := k.pr.Print(pkt); err != nil && !errors.Is(err, printer.ErrInternal) {
		return printError{err}
	}
	if k.flushPr {
		if err := k.out.Flush(); err != nil {
			return printError{err}
		}
	}
	return nil
}

// printError is a failed write of decoded text to stdout. tcpdump's
// ndo_printf then exits at once with status 14 (S_ERR_ND_WRITE_FILE) and
// "Unable to write output: <strerror>", without statistics. A decoder bug
// on a hostile packet (printer.ErrInternal) is not one: the line was
// printed with tcpdump's truncation marker and the capture goes on.
type printError struct{ err error }

func (e printError) Error() string { return "Unable to write output: " + strerror(e.err) }

func (e printError) Unwrap() error { return e.err }

// flush pushes buffered output (SIGUSR2, and before the statistics).
func (k *sink) flush() error {
	var err error
	if k.dump != nil {
		err = k.dump.flush()
	}
	if e := k.out.Flush(); err == nil {
		err = e
	}
	return err
}

// close flushes stdout and closes the capture file so it ends on a whole
// record.
func (k *sink) close() error {
	var err error
	if e := k.out.Flush(); e != nil {
		err = printError{e}
	}
	if k.dump != nil {
		if e := k.dump.close(); err == nil {
			err = e
		}
	}
	return err
}

// isTerminal reports whether w is a terminal, for tcpdump's stdout line
// buffering.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && fileIsTerminal(f)
}
