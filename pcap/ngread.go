package pcap

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
)

// pcapng block types (draft-ietf-opsawg-pcapng).
const (
	blockIDB = 0x00000001 // Interface Description Block
	blockPB  = 0x00000002 // obsolete Packet Block
	blockSPB = 0x00000003 // Simple Packet Block
	blockEPB = 0x00000006 // Enhanced Packet Block
	ngBOM    = 0x1a2b3c4d // byte-order magic inside the SHB

	shbInsaneMax      = 1024 * 1024      // BT_SHB_INSANE_MAX
	initialMaxBlock   = 16 * 1024 * 1024 // INITIAL_MAX_BLOCKSIZE
	optEndOfOpt       = 0
	optIfTsresol      = 9
	optIfTsoffset     = 14
	ngDefaultTsresol  = 1000000
	ngMinSHBLength    = 28 // block header + fixed SHB + trailer
	ngBlockOverhead   = 12 // block header + trailer
	ngEPBFixedLength  = 20
	ngPBFixedLength   = 20
	ngIDBFixedLength  = 8
	ngSHBFixedPayload = 16
)

// ngIface is what a packet needs from its Interface Description Block.
type ngIface struct {
	linkType LinkType
	snaplen  uint32 // adjusted: 0 or above the maximum means the maximum
	tsresol  uint64 // ticks per second
	tsoffset int64  // seconds added to every timestamp
}

// ngReader reads pcapng files the way libpcap's sf-pcapng.c does, except
// that interfaces in one file may differ in link type and snapshot length:
// libpcap refuses such files, here each Packet carries its own LinkType.
type ngReader struct {
	r      *bufio.Reader
	order  binary.ByteOrder
	ifaces []ngIface // interfaces of the current section
	first  ngIface   // the first interface of the file, for LinkType/Snaplen
}

// newNgReader reads the SHB (whose type field is in magic) and blocks up to
// the first IDB, as pcap_ng_check_header does.
func newNgReader(br *bufio.Reader, magic [4]byte) (Reader, error) {
	var hdr [8]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errUnknownFormat // a short text file, not pcapng
		}
		return nil, readError(err)
	}
	order, ok := ngByteOrder(hdr[4:])
	if !ok {
		return nil, errUnknownFormat
	}
	total := order.Uint32(hdr[0:])
	if total < ngMinSHBLength || total > shbInsaneMax {
		return nil, fmt.Errorf("Section Header Block in pcapng dump file has invalid length %d < _%d_ < %d (BT_SHB_INSANE_MAX)", ngMinSHBLength, total, shbInsaneMax)
	}
	ng := &ngReader{r: br, order: order}
	rest := make([]byte, total-12)
	if n, err := io.ReadFull(br, rest); err != nil {
		return nil, ngShort(err, len(rest), n)
	}
	if err := ng.checkVersion(rest); err != nil {
		return nil, err
	}
	if err := ng.readToFirstIDB(); err != nil {
		return nil, err
	}
	ng.first = ng.ifaces[0]
	return ng, nil
}

// ngByteOrder finds the section's byte order from its byte-order magic.
func ngByteOrder(b []byte) (binary.ByteOrder, bool) {
	switch {
	case binary.LittleEndian.Uint32(b) == ngBOM:
		return binary.LittleEndian, true
	case binary.BigEndian.Uint32(b) == ngBOM:
		return binary.BigEndian, true
	}
	return nil, false
}

// checkVersion accepts SHB versions 1.0 and 1.2, as libpcap does.
func (ng *ngReader) checkVersion(shb []byte) error {
	major, minor := ng.order.Uint16(shb[0:]), ng.order.Uint16(shb[2:])
	if major != 1 || (minor != 0 && minor != 2) {
		return fmt.Errorf("unsupported pcapng savefile version %d.%d", major, minor)
	}
	return nil
}

func (ng *ngReader) readToFirstIDB() error {
	for {
		typ, body, err := ng.readBlock()
		if err == io.EOF {
			return errors.New("the capture file has no Interface Description Blocks")
		}
		if err != nil {
			return err
		}
		switch typ {
		case blockIDB:
			return ng.addInterface(body)
		case blockEPB, blockSPB, blockPB:
			return errors.New("the capture file has a packet block before any Interface Description Blocks")
		}
	}
}

func (ng *ngReader) LinkType() LinkType { return ng.first.linkType }
func (ng *ngReader) Snaplen() uint32    { return ng.first.snaplen }
func (ng *ngReader) Nanosecond() bool   { return ng.first.tsresol > 1000000 }

// Next skips non-packet blocks, tracks sections and interfaces, and
// returns the next EPB, SPB or PB.
func (ng *ngReader) Next() (Packet, error) {
	for {
		typ, body, err := ng.readBlock()
		if err != nil {
			return Packet{}, err
		}
		switch typ {
		case blockEPB, blockPB:
			return ng.packet(typ, body)
		case blockSPB:
			return ng.simplePacket(body)
		case blockIDB:
			err = ng.addInterface(body)
		case blockSHB:
			err = ng.newSection(body)
		}
		if err != nil {
			return Packet{}, err
		}
	}
}

// readBlock reads one whole block and returns its type and the bytes
// between the 8-byte header and the 4-byte trailer. io.EOF means the file
// ended cleanly between blocks.
func (ng *ngReader) readBlock() (uint32, []byte, error) {
	var hdr [8]byte
	n, err := io.ReadFull(ng.r, hdr[:])
	if n == 0 && err == io.EOF {
		return 0, nil, io.EOF
	}
	if err != nil {
		return 0, nil, ngShort(err, 8, n)
	}
	typ, total := ng.order.Uint32(hdr[0:]), ng.order.Uint32(hdr[4:])
	if err := checkBlockLength(total); err != nil {
		return 0, nil, err
	}
	buf, n, err := readN(ng.r, int(total-8))
	if err != nil {
		return 0, nil, ngShort(err, int(total-8), n)
	}
	trailer := ng.order.Uint32(buf[len(buf)-4:])
	if trailer != total {
		// libpcap 1.10.3 wording (later versions add the two lengths).
		return 0, nil, errors.New("block total length in header and trailer don't match")
	}
	return typ, buf[:len(buf)-4], nil
}

func checkBlockLength(total uint32) error {
	switch {
	case total < ngBlockOverhead:
		return fmt.Errorf("block in pcapng dump file has a length of %d < %d", total, ngBlockOverhead)
	case total%4 != 0:
		return fmt.Errorf("block in pcapng dump file has a length of %d that is not a multiple of 4", total)
	case total > initialMaxBlock:
		return fmt.Errorf("pcapng block size %d > maximum %d", total, initialMaxBlock)
	}
	return nil
}

// ngShort is libpcap's read_bytes error for a block cut short.
func ngShort(err error, want, got int) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated pcapng dump file; tried to read %d bytes, only got %d", want, got)
	}
	return readError(err)
}

func tooShort(typ uint32) error {
	return fmt.Errorf("block of type %d in pcapng dump file is too short", typ)
}

// newSection handles a later SHB: same byte order and major version
// required, and the interface list starts over.
func (ng *ngReader) newSection(body []byte) error {
	if len(body) < ngSHBFixedPayload {
		return tooShort(blockSHB)
	}
	switch bom := ng.order.Uint32(body); {
	case bom == ngBOM:
	case bits.ReverseBytes32(bom) == ngBOM:
		return errors.New("the file has sections with different byte orders")
	default:
		return errors.New("the file has a section with a bad byte order magic field")
	}
	if major := ng.order.Uint16(body[4:]); major != 1 {
		return fmt.Errorf("unknown pcapng savefile major version number %d", major)
	}
	ng.ifaces = ng.ifaces[:0]
	return nil
}
