package printer

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
)

func (p *Printer) printf(format string, a ...any) { p.out = fmt.Appendf(p.out, format, a...) }
func (p *Printer) puts(s string)                  { p.out = append(p.out, s...) }
func (p *Printer) putu(v uint64)                  { p.out = strconv.AppendUint(p.out, v, 10) }

// u8, u16 and u32 read big-endian fields, unwinding with a truncation when
// the bytes were not captured (tcpdump's GET_* macros).
func (p *Printer) u8(b []byte, off int) uint8 {
	if off < 0 || off >= len(b) {
		p.trunc()
	}
	return b[off]
}

func (p *Printer) u16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		p.trunc()
	}
	return binary.BigEndian.Uint16(b[off:])
}

func (p *Printer) u24(b []byte, off int) uint32 {
	if off < 0 || off+3 > len(b) {
		p.trunc()
	}
	return uint32(b[off])<<16 | uint32(b[off+1])<<8 | uint32(b[off+2])
}

func (p *Printer) u32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		p.trunc()
	}
	return binary.BigEndian.Uint32(b[off:])
}

// bytes returns b[off:off+n], unwinding when not all of it was captured.
func (p *Printer) bytes(b []byte, off, n int) []byte {
	if off < 0 || n < 0 || off+n > len(b) {
		p.trunc()
	}
	return b[off : off+n]
}

// need is ND_TCHECK_LEN in the printers where it jumps to the printer's
// own "trunc:" label: the innermost printer with a deferred catchSoft
// prints " [|proto]" and returns normally, so enclosing layers (and the
// link header length used by -x/-A) complete.
func (p *Printer) need(b []byte, n int) {
	if n > len(b) {
		panic(truncated{soft: true})
	}
}

// needHard is ND_TCHECK_LEN in the printers built with
// ND_LONGJMP_FROM_TCHECK (Ethernet, SLL, ARP, MPLS, ...): like a GET
// macro it abandons the whole packet.
func (p *Printer) needHard(b []byte, n int) {
	if n > len(b) {
		p.trunc()
	}
}

// catchSoftSet is catchSoft for printers that report success: a soft
// truncation counts as printed.
func (p *Printer) catchSoftSet(done *bool) {
	if r := recover(); r != nil {
		if t, ok := r.(truncated); ok && t.soft {
			p.printTrunc()
			*done = true
			return
		}
		panic(r)
	}
}

// catchSoft, deferred by a printer, turns a soft truncation into the
// " [|proto]" marker and a normal return; hard truncations pass through.
func (p *Printer) catchSoft() {
	if r := recover(); r != nil {
		if t, ok := r.(truncated); ok && t.soft {
			p.printTrunc()
			return
		}
		panic(r)
	}
}

// clip limits b to n bytes, as nd_push_snaplen narrows the snapshot end.
func clip(b []byte, n int) []byte {
	if n >= 0 && n < len(b) {
		return b[:n]
	}
	return b
}

// from returns b[off:], or an empty slice past the end.
func from(b []byte, off int) []byte {
	if off >= len(b) {
		return b[len(b):]
	}
	return b[off:]
}

// timestamp prints ts_print's forms for -t through -ttttt.
func (p *Printer) timestamp(ts time.Time) {
	if !p.o.Nano {
		ts = ts.Truncate(time.Microsecond) // libpcap scales nanosecond files down
	}
	switch p.o.Timestamp {
	case 1:
		return
	case 2:
		p.putu(uint64(ts.Unix()))
		p.frac(ts.Nanosecond())
	case 3, 5:
		if p.ref.IsZero() || p.ref.UnixNano() == 0 {
			p.ref = ts // tcpdump treats a 0.000000 reference as unset too
		}
		d := ts.Sub(p.ref)
		if d < 0 {
			p.puts("-")
			d = -d
		} else {
			p.puts(" ")
		}
		p.hms(time.Unix(0, 0).UTC().Add(d), false)
		if p.o.Timestamp == 3 {
			p.ref = ts
		}
	case 4:
		p.hms(ts.In(p.o.Location), true)
	default:
		p.hms(ts.In(p.o.Location), false)
	}
	p.puts(" ")
}

func (p *Printer) hms(t time.Time, date bool) {
	if date {
		p.out = t.AppendFormat(p.out, "2006-01-02 15:04:05")
	} else {
		p.out = t.AppendFormat(p.out, "15:04:05")
	}
	p.frac(t.Nanosecond())
}

func (p *Printer) frac(ns int) {
	if p.o.Nano {
		p.printf(".%09d", ns)
	} else {
		p.printf(".%06d", ns/1000)
	}
}

// dump prints the -x/-xx/-X/-XX/-A payload after the decoded line.
func (p *Printer) dump(data []byte) {
	body := data
	if p.llHdrLen < len(data) {
		body = data[p.llHdrLen:]
	} else {
		body = nil
	}
	switch {
	case p.o.HexASCII > 0:
		if p.o.HexASCII > 1 {
			body = data
		}
		p.hexASCII("\n\t", body)
	case p.o.Hex > 0:
		if p.o.Hex > 1 {
			body = data
		}
		p.hex("\n\t", body)
	case p.o.ASCII:
		if len(body) > 0 {
			p.ascii(body)
		}
	}
}

// suppressDefault is tcpdump's ndo_suppress_default_print, set by -q, -x
// and -X (not -A): printers then skip their own hex dump of unknown data.
func (p *Printer) suppressDefault() bool {
	return p.o.Hex > 0 || p.o.HexASCII > 0 || p.o.Quick
}

// defaultPrint is ND_DEFAULTPRINT: a hex and ASCII dump of what remains.
func (p *Printer) defaultPrint(b []byte) {
	if !p.suppressDefault() {
		p.hexASCII("\n\t", b)
	}
}

func isGraph(c byte) bool { return c > 0x20 && c < 0x7f }

// hexASCII is hex_and_ascii_print: 16 bytes a line, "0x%04x: ", the hex
// words padded to 40 columns, two spaces, printable bytes or '.'.
func (p *Printer) hexASCII(ident string, b []byte) {
	for off := 0; off < len(b); off += 16 {
		line := b[off:min(off+16, len(b))]
		var hexs, asc []byte
		for i := 0; i < len(line); i += 2 {
			if i+1 < len(line) {
				hexs = fmt.Appendf(hexs, " %02x%02x", line[i], line[i+1])
			} else {
				hexs = fmt.Appendf(hexs, " %02x", line[i])
			}
		}
		for _, c := range line {
			asc = append(asc, graphOrDot(c))
		}
		p.printf("%s0x%04x: %-40s  %s", ident, off, hexs, asc)
	}
}

func graphOrDot(c byte) byte {
	if isGraph(c) {
		return c
	}
	return '.'
}

// hex is hex_print: like hexASCII without the ASCII column or padding.
func (p *Printer) hex(ident string, b []byte) {
	for i := 0; i < len(b); i += 2 {
		if i%16 == 0 {
			p.printf("%s0x%04x: ", ident, i)
		}
		if i+1 < len(b) {
			p.printf(" %02x%02x", b[i], b[i+1])
		} else {
			p.printf(" %02x", b[i])
		}
	}
}

// ascii is ascii_print (-A): printable bytes, tabs, spaces and newlines as
// they are, a CR dropped before LF, everything else as '.'.
func (p *Printer) ascii(b []byte) {
	p.puts("\n")
	for i := 0; i < len(b); i++ {
		c := b[i]
		rest := len(b) - i - 1
		if c == '\r' {
			if rest > 1 && b[i+1] != '\n' {
				p.puts(".")
			}
			continue
		}
		if !isGraph(c) && c != '\t' && c != ' ' && c != '\n' {
			p.puts(".")
		} else {
			p.out = append(p.out, c)
		}
	}
}

// unknownData is print_unknown_data: a hex dump (hex_print) of up to n
// bytes of b from off, as many as were captured; tcpdump reports a
// dissector error when off is past the end of the capture.
func (p *Printer) unknownData(b []byte, off int, ident string, n int) {
	if off > len(b) {
		p.printf("%sDissector error: print_unknown_data called with pointer past end of packet", ident)
		return
	}
	p.hex(ident, clip(b[off:], n))
}
