package pcap

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// NgOptions are the Section Header Block options of a pcapng file. Empty
// strings are omitted.
type NgOptions struct {
	Hardware string // shb_hardware
	OS       string // shb_os
	UserAppl string // shb_userappl, e.g. "gonsenter 1.0"
	Comment  string // opt_comment
}

// NgWriter writes pcapng. Interfaces must be added before packets that
// use them; Packet.InterfaceIndex selects the interface (the id returned by
// AddInterface).
type NgWriter interface {
	Writer
	// AddInterface writes an Interface Description Block and returns its
	// interface id. tsresol is the if_tsresol byte: 6 for microseconds
	// (written as no option, the pcapng default), 9 for nanoseconds.
	AddInterface(name string, lt LinkType, snaplen uint32, tsresol uint8) (id int, err error)
}

// pcapng option codes used by the writer.
const (
	optComment     = 1
	optShbHardware = 2
	optShbOS       = 3
	optShbUserAppl = 4
	optIfName      = 2
)

type ngWriter struct {
	w      *bufio.Writer
	scale  []uint64 // per interface: ticks per second
	closed bool
}

// NewNgWriter writes a little-endian pcapng Section Header Block (version
// 1.0, section length unknown) with opts and returns the writer. tcpdump
// 4.99 cannot write pcapng; the files are read by tcpdump -r, tshark and
// Wireshark (checked in tests).
func NewNgWriter(w io.Writer, opts NgOptions) (NgWriter, error) {
	nw := &ngWriter{w: bufio.NewWriterSize(w, 4096)}
	body := make([]byte, 16)
	le := binary.LittleEndian
	le.PutUint32(body[0:], ngBOM)
	le.PutUint16(body[4:], 1)
	le.PutUint64(body[8:], ^uint64(0))
	var o ngOpts
	o.str(optComment, opts.Comment)
	o.str(optShbHardware, opts.Hardware)
	o.str(optShbOS, opts.OS)
	o.str(optShbUserAppl, opts.UserAppl)
	if err := nw.block(blockSHB, append(body, o.end()...)); err != nil {
		return nil, err
	}
	return nw, nil
}

// ngOpts accumulates an option list.
type ngOpts []byte

func (o *ngOpts) add(code uint16, val []byte) {
	var h [4]byte
	binary.LittleEndian.PutUint16(h[0:], code)
	binary.LittleEndian.PutUint16(h[2:], uint16(len(val)))
	*o = append(append(*o, h[:]...), val...)
	*o = append(*o, make([]byte, pad4(len(val)))...)
}

func (o *ngOpts) str(code uint16, s string) {
	if s != "" && len(s) <= 0xffff {
		o.add(code, []byte(s))
	}
}

// end terminates a non-empty option list with opt_endofopt.
func (o ngOpts) end() []byte {
	if len(o) == 0 {
		return nil
	}
	return append(o, 0, 0, 0, 0)
}

func pad4(n int) int { return (4 - n%4) % 4 }

// block writes type, total length, body (padded) and the trailing length.
func (nw *ngWriter) block(typ uint32, body []byte) error {
	total := uint32(12 + len(body) + pad4(len(body)))
	var h [8]byte
	binary.LittleEndian.PutUint32(h[0:], typ)
	binary.LittleEndian.PutUint32(h[4:], total)
	// bufio.Writer errors are sticky: the last Write reports any failure.
	nw.w.Write(h[:])
	nw.w.Write(body)
	nw.w.Write(make([]byte, pad4(len(body))))
	_, err := nw.w.Write(h[4:8])
	return err
}

func (nw *ngWriter) AddInterface(name string, lt LinkType, snaplen uint32, tsresol uint8) (int, error) {
	if nw.closed {
		return 0, errClosed
	}
	if tsresol&0x80 != 0 || tsresol > 9 {
		return 0, fmt.Errorf("pcapng: unsupported if_tsresol %d (want 0..9)", tsresol)
	}
	body := make([]byte, 8)
	binary.LittleEndian.PutUint16(body[0:], uint16(lt))
	binary.LittleEndian.PutUint32(body[4:], snaplen)
	var o ngOpts
	o.str(optIfName, name)
	if tsresol != 6 {
		o.add(optIfTsresol, []byte{tsresol})
	}
	if err := nw.block(blockIDB, append(body, o.end()...)); err != nil {
		return 0, err
	}
	scale := uint64(1)
	for i := uint8(0); i < tsresol; i++ {
		scale *= 10
	}
	nw.scale = append(nw.scale, scale)
	return len(nw.scale) - 1, nil
}

// WritePacket writes an Enhanced Packet Block on interface
// p.InterfaceIndex with the timestamp in that interface's resolution.
func (nw *ngWriter) WritePacket(p Packet) error {
	if nw.closed {
		return errClosed
	}
	id := p.InterfaceIndex
	if id < 0 || id >= len(nw.scale) {
		return fmt.Errorf("pcapng: packet on interface %d, but only %d interfaces were added", id, len(nw.scale))
	}
	ns := uint64(p.Timestamp.UnixNano())
	t := ns / (1e9 / nw.scale[id]) // scale is 10^0..10^9, see AddInterface
	length := p.Length
	if length < len(p.Data) {
		length = len(p.Data)
	}
	body := make([]byte, 20, 20+len(p.Data)+3)
	le := binary.LittleEndian
	le.PutUint32(body[0:], uint32(id))
	le.PutUint32(body[4:], uint32(t>>32))
	le.PutUint32(body[8:], uint32(t))
	le.PutUint32(body[12:], uint32(len(p.Data)))
	le.PutUint32(body[16:], uint32(length))
	return nw.block(blockEPB, append(body, p.Data...))
}

func (nw *ngWriter) Flush() error { return nw.w.Flush() }

func (nw *ngWriter) Close() error {
	if nw.closed {
		return nil
	}
	nw.closed = true
	return nw.w.Flush()
}
