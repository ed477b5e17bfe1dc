package capture

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gonsenter/gonsenter/internal/version"
	"github.com/gonsenter/gonsenter/pcap"
)

// dumper is tcpdump's pcap_dumper_t plus the -C/-W/-G rotation state of
// dump_packet_and_trunc.
type dumper struct {
	s       *session
	lt      pcap.LinkType
	snaplen int
	nano    bool
	base    string // -w argument, a strftime pattern with -G
	cur     string // the file being written, for error messages
	file    *trackedFile
	w       pcap.Writer
	size    int64     // bytes handed to w so far (ftell, buffered bytes included)
	ends    []int64   // where records end that may not be in the file yet
	synced  int64     // end of the last record known to be whole in the file
	gTime   time.Time // Gflag_time: when the current -G period began
	cCount  int       // Cflag_count
	gCount  int       // Gflag_count
}

// writeError is a failed write of the capture file (ENOSPC, EIO, EROFS
// after a remount). libpcap never checks fwrite (libpcap issue #87), so
// tcpdump 4.99.3 goes on counting packets it no longer stores and leaves
// a torn record; gonsenter stops instead, naming the file as
// pcap_dump_open's errors do: "NAME: strerror".
type writeError struct {
	name string
	err  error
}

func (e writeError) Error() string { return e.name + ": " + strerror(e.err) }

func (e writeError) Unwrap() error { return e.err }

// rotateError is a file that -C or -G could not create. tcpdump's
// dump_packet_and_trunc then calls error(): the message, status 1 and no
// statistics.
type rotateError struct{ error }

func (e rotateError) Unwrap() error { return e.error }

// errMaxFiles ends a -G -W capture: "Maximum file limit reached".
type errMaxFiles struct{ n int }

func (e errMaxFiles) Error() string { return fmt.Sprintf("Maximum file limit reached: %d", e.n) }

// newDumper opens the first output file (pcap_dump_open): "-" is stdout.
func (s *session) newDumper(lt pcap.LinkType, snaplen int, nano bool) (*dumper, error) {
	d := &dumper{s: s, lt: lt, snaplen: snaplen, nano: nano, base: s.cfg.writeFile, gTime: s.cfg.gTime}
	if err := d.open(d.name(0)); err != nil {
		return nil, err
	}
	return d, nil
}

// name is MakeFilename through pcap.RotationName: strftime of the -G
// period start when -G is set, then the file number when -C is set.
func (d *dumper) name(cnt int) string {
	max := 0
	if d.s.cfg.fileSize != 0 {
		max = d.s.cfg.fileCount
		if max == 0 {
			max = 1
		}
	}
	return pcap.RotationName(d.base, cnt, max, d.gTime, d.s.cfg.rotateSecs != 0)
}

// open creates a capture file and writes its header.
func (d *dumper) open(name string) error {
	f := &trackedFile{f: nopCloser{d.s.stdout}}
	if name != "-" {
		of, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return fmt.Errorf("%s: %s", name, strerror(err))
		}
		f.f = of
	}
	w, hdr, err := d.newWriter(f)
	if err != nil {
		f.Close()
		return writeError{name, err}
	}
	d.file, d.w, d.size, d.cur = f, w, hdr, name
	d.ends, d.synced = append(d.ends[:0], hdr), 0
	return nil
}

// newWriter starts a pcap (or with --pcapng, pcapng) file and returns the
// header size (for pcapng, what the flushed header blocks wrote to f).
func (d *dumper) newWriter(f *trackedFile) (pcap.Writer, int64, error) {
	if !d.s.cfg.pcapng {
		w, err := pcap.NewWriter(f, d.lt, uint32(d.snaplen), d.nano)
		return w, 24, err
	}
	nw, err := pcap.NewNgWriter(f, pcap.NgOptions{UserAppl: "gonsenter " + version.Version})
	if err != nil {
		return nil, 0, err
	}
	res := uint8(6)
	if d.nano {
		res = 9
	}
	if _, err := nw.AddInterface(d.s.ifName, d.lt, uint32(d.snaplen), res); err != nil {
		return nil, 0, err
	}
	if err := nw.Flush(); err != nil {
		return nil, 0, err
	}
	return nw, f.written, nil
}

// write appends a packet, rotating first as dump_packet_and_trunc does.
func (d *dumper) write(pkt pcap.Packet) error {
	if err := d.rotate(); err != nil {
		return err
	}
	pkt.InterfaceIndex = 0
	if err := d.w.WritePacket(pkt); err != nil {
		return d.writeErr(err)
	}
	d.size += d.recordSize(len(pkt.Data))
	d.ends = append(d.ends, d.size)
	if d.s.cfg.packetBuf {
		return d.flush()
	}
	d.advance()
	return nil
}

// advance moves synced over the records that reached the file whole
// (cheap while the buffer fills: the first pending end is still ahead).
func (d *dumper) advance() {
	i := 0
	for i < len(d.ends) && d.ends[i] <= d.file.written {
		d.synced = d.ends[i]
		i++
	}
	if i > 0 {
		d.ends = append(d.ends[:0], d.ends[i:]...)
	}
}

// writeErr names the current file in a write error and cuts the file
// back to its last whole record: a write that failed half-way (ENOSPC)
// would otherwise leave a torn record, as tcpdump's does, and readers
// would end with "truncated dump file". A pipe cannot be cut.
func (d *dumper) writeErr(err error) error {
	if err == nil {
		return nil
	}
	d.advance()
	if t, ok := d.file.f.(interface{ Truncate(int64) error }); ok && d.file.written > d.synced {
		t.Truncate(d.synced)
	}
	return writeError{d.cur, err}
}

// recordSize is the bytes one record adds: 16 + data for pcap, an
// Enhanced Packet Block (32 + data padded to 4) for pcapng.
func (d *dumper) recordSize(n int) int64 {
	if d.s.cfg.pcapng {
		return int64(32 + n + (4-n%4)%4)
	}
	return int64(16 + n)
}

// rotate implements -G (time) then -C (size) rotation. Like tcpdump it
// checks before writing, so a file may exceed -C by one packet.
func (d *dumper) rotate() error {
	c := d.s.cfg
	if c.rotateSecs != 0 {
		if now := time.Now(); now.Sub(d.gTime) >= time.Duration(c.rotateSecs)*time.Second {
			d.gTime = now.Truncate(time.Second)
			d.gCount++
			if err := d.close(); err != nil {
				return err
			}
			if c.fileSize == 0 && c.fileCount > 0 && d.gCount >= c.fileCount {
				return errMaxFiles{c.fileCount}
			}
			d.cCount = 0
			if err := d.open(d.name(0)); err != nil {
				return rotateError{err}
			}
		}
	}
	if c.fileSize == 0 || d.size <= c.fileSize {
		return nil
	}
	if err := d.close(); err != nil {
		return err
	}
	d.cCount++
	if c.fileCount > 0 && d.cCount >= c.fileCount {
		d.cCount = 0
	}
	if err := d.open(d.name(d.cCount)); err != nil {
		return rotateError{err}
	}
	return nil
}

func (d *dumper) flush() error {
	if err := d.w.Flush(); err != nil {
		return d.writeErr(err)
	}
	d.advance()
	return nil
}

// close flushes the writer and closes the file (not stdout).
func (d *dumper) close() error {
	if d.w == nil {
		return nil
	}
	err := d.writeErr(d.w.Close()) // cut back while the file is open
	if e := d.file.Close(); err == nil && e != nil {
		err = writeError{d.cur, e}
	}
	d.w = nil
	return err
}

// trackedFile is the output file; it counts the bytes that reached it, so
// that a failed write can be cut back to a record boundary.
type trackedFile struct {
	f       io.WriteCloser
	written int64
}

func (t *trackedFile) Write(p []byte) (int, error) {
	n, err := t.f.Write(p)
	t.written += int64(n)
	return n, err
}

func (t *trackedFile) Close() error { return t.f.Close() }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
