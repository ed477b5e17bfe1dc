package pcap_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/pcap"
)

var le = binary.LittleEndian

// pcapHeader builds a little-endian pcap file header.
func pcapHeader(magic uint32, major, minor uint16, snaplen, linktype uint32) []byte {
	b := make([]byte, 24)
	le.PutUint32(b[0:], magic)
	le.PutUint16(b[4:], major)
	le.PutUint16(b[6:], minor)
	le.PutUint32(b[16:], snaplen)
	le.PutUint32(b[20:], linktype)
	return b
}

// pcapRecord builds a record header followed by n bytes of data.
func pcapRecord(sec, frac, caplen, length uint32, n int) []byte {
	b := make([]byte, 16+n)
	le.PutUint32(b[0:], sec)
	le.PutUint32(b[4:], frac)
	le.PutUint32(b[8:], caplen)
	le.PutUint32(b[12:], length)
	for i := 16; i < len(b); i++ {
		b[i] = byte(i)
	}
	return b
}

// ngBlock builds a little-endian pcapng block; total overrides the
// length fields when non-zero.
func ngBlock(typ uint32, body []byte, total uint32) []byte {
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	n := uint32(12 + len(body))
	if total != 0 {
		n = total
	}
	b := make([]byte, 8, 12+len(body))
	le.PutUint32(b[0:], typ)
	le.PutUint32(b[4:], n)
	b = append(b, body...)
	return le.AppendUint32(b, n)
}

func shb(major, minor uint16) []byte {
	body := make([]byte, 16)
	le.PutUint32(body[0:], 0x1a2b3c4d)
	le.PutUint16(body[4:], major)
	le.PutUint16(body[6:], minor)
	le.PutUint64(body[8:], ^uint64(0))
	return ngBlock(0x0a0d0d0a, body, 0)
}

// shbRaw is the start of an SHB claiming total length n.
func shbRaw(n uint32) []byte {
	b := le.AppendUint32(nil, 0x0a0d0d0a)
	b = le.AppendUint32(b, n)
	return le.AppendUint32(b, 0x1a2b3c4d)
}

// shbBOM is an SHB whose magic and version are written in order o.
func shbBOM(o binary.AppendByteOrder, bom uint32, major uint16) []byte {
	body := o.AppendUint32(nil, bom)
	body = o.AppendUint16(body, major)
	body = append(body, make([]byte, 10)...)
	return ngBlock(0x0a0d0d0a, body, 0)
}

func idb(linktype uint16, snaplen uint32, opts ...byte) []byte {
	body := make([]byte, 8)
	le.PutUint16(body[0:], linktype)
	le.PutUint32(body[4:], snaplen)
	return ngBlock(1, append(body, opts...), 0)
}

func epb(iface, caplen, length uint32, n int) []byte {
	body := make([]byte, 20+n)
	le.PutUint32(body[0:], iface)
	le.PutUint32(body[8:], 1000)
	le.PutUint32(body[12:], caplen)
	le.PutUint32(body[16:], length)
	return ngBlock(6, body, 0)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

const (
	le32Micro = 0xa1b2c3d4
)

// craftedCases are damaged files with the message tcpdump 4.99.3 /
// libpcap 1.10.3 prints for them; atOpen says whether it comes from
// opening ("tcpdump: MSG") or from reading ("tcpdump: pcap_loop: MSG").
var craftedCases = []struct {
	name   string
	data   []byte
	atOpen bool
	msg    string
	good   int // packets read before the error
}{
	{"empty", nil, true, "truncated dump file; tried to read 4 file header bytes, only got 0", 0},
	{"three bytes", []byte{0xd4, 0xc3, 0xb2}, true, "truncated dump file; tried to read 4 file header bytes, only got 3", 0},
	{"short header", pcapHeader(le32Micro, 2, 4, 65535, 1)[:10], true, "truncated dump file; tried to read 24 file header bytes, only got 6", 0},
	{"garbage", []byte("garbagegarbagegarbagegarbage"), true, "unknown file format", 0},
	{"version 2.5", pcapHeader(le32Micro, 2, 5, 65535, 1), true, "unsupported pcap savefile version 2.5", 0},
	{"version 1.0", pcapHeader(le32Micro, 1, 0, 65535, 1), true, "archaic pcap savefile format", 0},
	{"short record header", cat(pcapHeader(le32Micro, 2, 4, 65535, 1), pcapRecord(1, 0, 4, 4, 4), make([]byte, 7)), false, "truncated dump file; tried to read 16 header bytes, only got 7", 1},
	{"short record data", cat(pcapHeader(le32Micro, 2, 4, 65535, 1), pcapRecord(1, 0, 74, 74, 20)), false, "truncated dump file; tried to read 74 captured bytes, only got 20", 0},
	{"caplen above snaplen and maximum", cat(pcapHeader(le32Micro, 2, 4, 0, 1), pcapRecord(1, 0, 300000, 300000, 0)), false, "invalid packet capture length 300000, bigger than snaplen of 262144", 0},
	{"caplen above maximum", cat(pcapHeader(le32Micro, 2, 4, 300000, 1), pcapRecord(1, 0, 270000, 270000, 0)), false, "invalid packet capture length 270000, bigger than maximum of 262144", 0},
	{"truncated oversize record", cat(pcapHeader(le32Micro, 2, 4, 65535, 1), pcapRecord(1, 0, 70000, 70000, 1000)), false, "truncated dump file; tried to read 65535 captured bytes, only got 1000", 0},
	{"pcapng without IDB", shb(1, 0), true, "the capture file has no Interface Description Blocks", 0},
	{"pcapng packet before IDB", cat(shb(1, 0), epb(0, 4, 4, 4)), true, "the capture file has a packet block before any Interface Description Blocks", 0},
	{"pcapng version 2.0", shb(2, 0), true, "unsupported pcapng savefile version 2.0", 0},
	{"pcapng unknown interface", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4), epb(1, 4, 4, 4)), false, "a packet arrived on interface 1, but there's no Interface Description Block for that interface", 1},
	{"pcapng caplen above snaplen", cat(shb(1, 0), idb(1, 64), epb(0, 100, 100, 100)), false, "invalid packet capture length 100, bigger than snaplen of 64", 0},
	{"pcapng length not multiple of 4", cat(shb(1, 0), idb(1, 0), ngBlock(6, make([]byte, 24), 38)), false, "block in pcapng dump file has a length of 38 that is not a multiple of 4", 0},
	{"pcapng tiny block", cat(shb(1, 0), idb(1, 0), ngBlock(6, make([]byte, 24), 8)), false, "block in pcapng dump file has a length of 8 < 12", 0},
	{"pcapng trailer mismatch", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4)[:32], []byte{1, 0, 0, 0}), false, "block total length in header and trailer don't match", 0},
	{"pcapng truncated block", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4)[:30]), false, "truncated pcapng dump file; tried to read 28 bytes, only got 22", 0},
	{"pcapng EPB too short", cat(shb(1, 0), idb(1, 0), ngBlock(6, make([]byte, 8), 0)), false, "block of type 6 in pcapng dump file is too short", 0},
	{"pcapng SHB length 12", cat(shbRaw(12), make([]byte, 20)), true, "Section Header Block in pcapng dump file has invalid length 28 < _12_ < 1048576 (BT_SHB_INSANE_MAX)", 0},
	{"pcapng SHB length 2 MiB", cat(shbRaw(2<<20), make([]byte, 20)), true, "Section Header Block in pcapng dump file has invalid length 28 < _2097152_ < 1048576 (BT_SHB_INSANE_MAX)", 0},
	{"pcapng block above 16 MiB", cat(shb(1, 0), idb(1, 0), le.AppendUint32(le.AppendUint32(nil, 6), 17<<20)), false, "pcapng block size 17825792 > maximum 16777216", 0},
	{"pcapng second SHB bad magic", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4), shbBOM(le, 0x11223344, 1)), false, "the file has a section with a bad byte order magic field", 1},
	{"pcapng second SHB other byte order", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4), shbBOM(binary.BigEndian, 0x1a2b3c4d, 1)), false, "the file has sections with different byte orders", 1},
	{"pcapng second SHB major 3", cat(shb(1, 0), idb(1, 0), epb(0, 4, 4, 4), shbBOM(le, 0x1a2b3c4d, 3)), false, "unknown pcapng savefile major version number 3", 1},
	{"pcapng bad tsresol", cat(shb(1, 0), idb(1, 0, 9, 0, 2, 0, 6, 6, 0, 0)), true, "Interface Description Block has if_tsresol option with length 2 != 1", 0},
}

// TestCraftedFilesFailLikeLibpcap: damaged files give libpcap's message,
// after the same number of good packets; checked against tcpdump when it
// is installed.
func TestCraftedFilesFailLikeLibpcap(t *testing.T) {
	dir := t.TempDir()
	for _, c := range craftedCases {
		t.Run(c.name, func(t *testing.T) {
			_, pkts, err := readAll(t, bytes.NewReader(c.data))
			if err == nil || err.Error() != c.msg {
				t.Errorf("error %v, want %q", err, c.msg)
			}
			if len(pkts) != c.good {
				t.Errorf("%d packets before the error, want %d", len(pkts), c.good)
			}
			_, openErr := readerOpenError(c.data)
			if (openErr != nil) != c.atOpen {
				t.Errorf("open error %v, want one: %v", openErr, c.atOpen)
			}
			if tcpdumpPath() == "" {
				return
			}
			f := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_"))
			os.WriteFile(f, c.data, 0o644)
			out, _ := exec.Command(tcpdumpPath(), "-nr", f).CombinedOutput()
			want := "tcpdump: " + c.msg
			if !c.atOpen {
				want = "tcpdump: pcap_loop: " + c.msg
			}
			if !strings.Contains(string(out), want+"\n") {
				t.Errorf("tcpdump said:\n%s\nwant line %q", out, want)
			}
		})
	}
}

func readerOpenError(data []byte) (pcap.Reader, error) {
	return pcap.NewReader(bytes.NewReader(data))
}
