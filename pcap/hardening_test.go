package pcap_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/gonsenter/gonsenter/pcap"
)

// TestReadErrorsUseStrerror checks that an I/O error while reading the
// file header carries glibc's strerror after libpcap's prefix, as tcpdump
// prints it ("error reading dump file: Is a directory"), not Go's
// "read DIR: is a directory".
func TestReadErrorsUseStrerror(t *testing.T) {
	dir, err := os.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	_, err = pcap.NewReader(dir)
	if want := "error reading dump file: Is a directory"; err == nil || err.Error() != want {
		t.Errorf("NewReader(directory) = %v, want %q", err, want)
	}
}

// TestLinkTypeFieldIsLibpcapsLowBits checks the pcap header's link-type
// field as libpcap's LT_LINKTYPE reads it: the FCS bits (26-31) are not
// part of the type, but bits 16-25 are (65537 is an unknown type, not
// Ethernet).
func TestLinkTypeFieldIsLibpcapsLowBits(t *testing.T) {
	for _, tc := range []struct{ field, want uint32 }{
		{1, 1},
		{1 | 1<<28 | 4<<26, 1}, // Ethernet with a 4-byte FCS
		{65537, 65537},
		{0x001f0001, 0x001f0001},
	} {
		hdr := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0,
			byte(tc.field), byte(tc.field >> 8), byte(tc.field >> 16), byte(tc.field >> 24)}
		r, err := pcap.NewReader(bytes.NewReader(hdr))
		if err != nil {
			t.Fatal(err)
		}
		if got := uint32(r.LinkType()); got != tc.want {
			t.Errorf("link-type field %#x reads as %d, want %d", tc.field, got, tc.want)
		}
	}
}
