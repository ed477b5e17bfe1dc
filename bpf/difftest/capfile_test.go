package difftest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gonsenter/gonsenter/bpf"
)

// packet is one record: captured bytes and the original wire length.
type packet struct {
	data []byte
	wire uint32
}

// capture is a whole savefile as libpcap would hand it to a filter.
type capture struct {
	path    string
	link    bpf.LinkType
	snaplen uint32
	pkts    []packet
}

// libpcapMaxSnaplen is what libpcap substitutes for a 0 or oversized
// file snaplen (MAXIMUM_SNAPLEN).
const libpcapMaxSnaplen = 262144

// readCapture reads a pcap or pcapng file. Records longer than the file's
// snaplen are truncated to it, as libpcap does on read (spec P3); the
// wire length is kept for `len`.
func readCapture(path string) (*capture, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(raw) >= 4 && binary.LittleEndian.Uint32(raw) == 0x0a0d0d0a {
		return readNg(path, raw)
	}
	r, err := pcapgo.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &capture{path: path, link: bpf.LinkType(r.LinkType()), snaplen: r.Snaplen()}
	limit := c.snaplen
	if limit == 0 || limit > libpcapMaxSnaplen {
		limit = libpcapMaxSnaplen
	}
	r.SetSnaplen(1 << 30)
	return c, readAll(c, limit, r.ReadPacketData)
}

func readNg(path string, raw []byte) (*capture, error) {
	r, err := pcapgo.NewNgReader(bytes.NewReader(raw), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &capture{path: path, link: bpf.LinkType(r.LinkType())}
	if iface, err := r.Interface(0); err == nil {
		c.snaplen = iface.SnapLength
	}
	limit := c.snaplen
	if limit == 0 || limit > libpcapMaxSnaplen {
		limit = libpcapMaxSnaplen
	}
	return c, readAll(c, limit, r.ReadPacketData)
}

func readAll(c *capture, limit uint32, next func() ([]byte, gopacket.CaptureInfo, error)) error {
	for {
		data, ci, err := next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: record %d: %w", c.path, len(c.pkts), err)
		}
		if uint32(len(data)) > limit {
			data = data[:limit]
		}
		c.pkts = append(c.pkts, packet{data: append([]byte(nil), data...), wire: uint32(ci.Length)})
	}
}

// writePcap writes pkts as a classic little-endian pcap file.
func writePcap(w io.Writer, link bpf.LinkType, snaplen uint32, pkts []packet) error {
	bw := bufio.NewWriter(w)
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], snaplen)
	binary.LittleEndian.PutUint32(hdr[20:], uint32(link))
	bw.Write(hdr)
	for i, p := range pkts {
		rec := make([]byte, 16)
		binary.LittleEndian.PutUint32(rec[0:], uint32(1700000000+i))
		binary.LittleEndian.PutUint32(rec[8:], uint32(len(p.data)))
		binary.LittleEndian.PutUint32(rec[12:], p.wire)
		bw.Write(rec)
		bw.Write(p.data)
	}
	return bw.Flush()
}

// matchAccepted maps the packets tcpdump -w wrote back to input indices
// with an in-order two-pointer match on bytes (spec §9.1): identical
// duplicates are interchangeable because equal bytes get equal verdicts.
func matchAccepted(all []packet, accepted [][]byte) ([]bool, error) {
	bits := make([]bool, len(all))
	j := 0
	for i := 0; i < len(all) && j < len(accepted); i++ {
		if bytes.Equal(all[i].data, accepted[j]) {
			bits[i] = true
			j++
		}
	}
	if j != len(accepted) {
		return nil, fmt.Errorf("tcpdump output packet %d matches no input packet", j)
	}
	return bits, nil
}
