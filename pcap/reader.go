package pcap

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/gonsenter/gonsenter/internal/strerror"
)

// Reader reads packets from a capture file.
//
// LinkType and Snaplen describe the file as tcpdump's banner does
// ("reading from file F, link-type EN10MB (Ethernet), snapshot length
// 262144"): for pcapng they are those of the first interface. Next returns
// io.EOF after the last packet. Any other error carries libpcap's wording
// (tcpdump prints it as "tcpdump: pcap_loop: <msg>").
type Reader interface {
	LinkType() LinkType
	Snaplen() uint32
	// Nanosecond reports whether the file stores nanosecond timestamps
	// (pcap magic a1b23c4d, pcapng if_tsresol finer than 10^-6). Packet
	// timestamps always carry the file's full precision; tcpdump prints
	// microseconds unless --nano is given, whatever the file holds.
	Nanosecond() bool
	Next() (Packet, error)
}

// File magic numbers as they appear when read in the file's own byte order.
const (
	magicMicro    = 0xa1b2c3d4 // classic pcap, microsecond timestamps
	magicNano     = 0xa1b23c4d // pcap with nanosecond timestamps
	magicModified = 0xa1b2cd34 // Alexey Kuznetsov's patched pcap (24-byte records)
	blockSHB      = 0x0a0d0d0a // pcapng Section Header Block type
)

// errUnknownFormat is libpcap's message when no savefile reader accepts the
// first four bytes.
var errUnknownFormat = errors.New("unknown file format")

// NewReader sniffs the first bytes of r and returns a pcap or pcapng reader.
// Errors carry libpcap's wording ("unknown file format", "truncated dump
// file; tried to read 4 file header bytes, only got 0"), which tcpdump
// prints after "tcpdump: ".
func NewReader(r io.Reader) (Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var magic [4]byte
	n, err := io.ReadFull(br, magic[:])
	if err != nil {
		return nil, headerReadError(err, 4, n)
	}
	if le32(magic[:]) == blockSHB {
		return newNgReader(br, magic)
	}
	if pr, ok, err := newPcapReader(br, magic); ok || err != nil {
		return pr, err
	}
	return nil, errUnknownFormat
}

// headerReadError turns a short read of a file header into libpcap's
// "truncated dump file" message; n is what was read, want what sf-pcap.c
// reports as the size it tried to read.
func headerReadError(err error, want, n int) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated dump file; tried to read %d file header bytes, only got %d", want, n)
	}
	return readError(err)
}

// readError describes an I/O error (not a short read) the way libpcap's
// pcap_fmt_errmsg_for_errno(..., "error reading dump file") does: glibc's
// strerror, not Go's "read NAME: is a directory" (a directory or
// /proc/self/mem given to -r).
func readError(err error) error {
	return ioError{"error reading dump file", err}
}

// ioError is "PREFIX: strerror" and still unwraps to the cause.
type ioError struct {
	prefix string
	err    error
}

func (e ioError) Error() string { return e.prefix + ": " + strerror.Of(e.err) }

func (e ioError) Unwrap() error { return e.err }

// maxSnaplenForLinkType mirrors libpcap's max_snaplen_for_dlt: records
// larger than this are rejected as damaged.
func maxSnaplenForLinkType(lt LinkType) uint32 {
	switch lt {
	case 231: // DBUS
		return 128 * 1024 * 1024
	case 249: // USBPCAP
		return 1024 * 1024
	case 279: // EBHSCR
		return 8 * 1024 * 1024
	}
	return MaxSnaplen
}

// readN reads exactly n bytes. Large sizes come from untrusted headers,
// so memory grows with the data actually present instead of being
// allocated up front; n is what was read on a short read.
func readN(r io.Reader, size int) ([]byte, int, error) {
	if size <= 1<<20 {
		buf := make([]byte, size)
		n, err := io.ReadFull(r, buf)
		return buf, n, err
	}
	buf, err := io.ReadAll(io.LimitReader(r, int64(size)))
	if err == nil && len(buf) < size {
		err = io.ErrUnexpectedEOF
	}
	return buf, len(buf), err
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// unixTime builds a timestamp from seconds and nanoseconds in UTC, so that
// printing is independent of time.Local until the caller chooses a zone.
func unixTime(sec int64, nsec int64) time.Time {
	return time.Unix(sec, nsec).UTC()
}
