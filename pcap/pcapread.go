package pcap

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// pcapReader reads the classic libpcap format (sf-pcap.c).
type pcapReader struct {
	r        *bufio.Reader
	order    binary.ByteOrder
	nano     bool
	linkType LinkType
	snaplen  uint32 // pcap_snapshot(): the header value, or the maximum if <= 0
	hdrSize  int    // 16, or 24 for the "modified" format
	swapLens lengthSwap
	hdr      [24]byte
}

// lengthSwap records whether caplen and len are swapped in record headers:
// files before version 2.3 wrote them in the other order (sf-pcap.c
// lengths_swapped).
type lengthSwap int

const (
	notSwapped lengthSwap = iota
	swapped
	maybeSwapped
)

// newPcapReader checks magic; ok is false when it is not a pcap magic.
func newPcapReader(br *bufio.Reader, magic [4]byte) (r *pcapReader, ok bool, err error) {
	order, nano, hdrSize, ok := pcapMagic(magic)
	if !ok {
		return nil, false, nil
	}
	var rest [20]byte
	if n, err := io.ReadFull(br, rest[:]); err != nil {
		return nil, true, headerReadError(err, 24, n)
	}
	major, minor := order.Uint16(rest[0:]), order.Uint16(rest[2:])
	if major < 2 {
		return nil, true, errors.New("archaic pcap savefile format")
	}
	if !(major == 2 && minor <= 4) && !(major == 543 && minor == 0) {
		return nil, true, fmt.Errorf("unsupported pcap savefile version %d.%d", major, minor)
	}
	p := &pcapReader{r: br, order: order, nano: nano, hdrSize: hdrSize}
	p.snaplen = order.Uint32(rest[12:])
	p.linkType = LinkType(order.Uint32(rest[16:]) & linkTypeMask)
	if int32(p.snaplen) <= 0 {
		p.snaplen = maxSnaplenForLinkType(p.linkType)
	}
	switch {
	case major < 2 || (major == 2 && minor < 3):
		p.swapLens = swapped
	case major == 2 && minor == 3:
		p.swapLens = maybeSwapped
	}
	return p, true, nil
}

// linkTypeMask is libpcap's LT_LINKTYPE: the header's link-type field
// keeps the type in its low 26 bits; bits 26-31 describe the FCS
// (LT_FCS_LENGTH_PRESENT, LT_FCS_LENGTH). A type above 65535 stays itself,
// and is unknown, as libpcap reads it.
const linkTypeMask = 0x03ffffff

// pcapMagic decodes the four magic bytes in either byte order.
func pcapMagic(m [4]byte) (order binary.ByteOrder, nano bool, hdrSize int, ok bool) {
	for _, o := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		switch o.Uint32(m[:]) {
		case magicMicro:
			return o, false, 16, true
		case magicNano:
			return o, true, 16, true
		case magicModified:
			return o, false, 24, true
		}
	}
	return nil, false, 0, false
}

func (p *pcapReader) LinkType() LinkType { return p.linkType }
func (p *pcapReader) Snaplen() uint32    { return p.snaplen }
func (p *pcapReader) Nanosecond() bool   { return p.nano }

// Next reads one record, truncating it to the snapshot length as
// pcap_next_packet does when caplen exceeds it (P3 in pcap-filter-spec).
func (p *pcapReader) Next() (Packet, error) {
	n, err := io.ReadFull(p.r, p.hdr[:p.hdrSize])
	if n == 0 && errors.Is(err, io.EOF) {
		return Packet{}, io.EOF
	}
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return Packet{}, fmt.Errorf("truncated dump file; tried to read %d header bytes, only got %d", p.hdrSize, n)
		}
		return Packet{}, readError(err)
	}
	sec, frac := p.order.Uint32(p.hdr[0:]), p.order.Uint32(p.hdr[4:])
	caplen, length := p.lengths()
	if err := p.checkCaplen(caplen); err != nil {
		return Packet{}, err
	}
	data, err := p.readData(caplen)
	if err != nil {
		return Packet{}, err
	}
	nsec := int64(frac)
	if !p.nano {
		nsec *= 1000
	}
	return Packet{
		CaptureInfo: CaptureInfo{Timestamp: unixTime(int64(sec), nsec), CaptureLength: len(data), Length: int(length)},
		LinkType:    p.linkType,
		Data:        data,
	}, nil
}

// lengths returns caplen and len, undoing the pre-2.3 field swap.
func (p *pcapReader) lengths() (caplen, length uint32) {
	caplen, length = p.order.Uint32(p.hdr[8:]), p.order.Uint32(p.hdr[12:])
	switch p.swapLens {
	case swapped:
		caplen, length = length, caplen
	case maybeSwapped:
		if caplen > length {
			caplen, length = length, caplen
		}
	}
	return caplen, length
}

// checkCaplen rejects records larger than libpcap considers sane.
func (p *pcapReader) checkCaplen(caplen uint32) error {
	max := maxSnaplenForLinkType(p.linkType)
	if caplen <= max {
		return nil
	}
	if caplen > p.snaplen {
		return fmt.Errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, int32(p.snaplen))
	}
	return fmt.Errorf("invalid packet capture length %d, bigger than maximum of %d", caplen, max)
}

// readData reads caplen bytes, keeping only the first snaplen of them.
func (p *pcapReader) readData(caplen uint32) ([]byte, error) {
	keep := caplen
	if keep > p.snaplen {
		keep = p.snaplen
	}
	data, n, err := readN(p.r, int(keep))
	if err != nil {
		return nil, p.shortData(err, keep, n)
	}
	if skip := int(caplen - keep); skip > 0 {
		if n, err := p.r.Discard(skip); err != nil {
			return nil, p.shortData(err, caplen, int(keep)+n)
		}
	}
	return data, nil
}

func (p *pcapReader) shortData(err error, want uint32, got int) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated dump file; tried to read %d captured bytes, only got %d", want, got)
	}
	return readError(err)
}
