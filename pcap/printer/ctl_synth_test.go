package printer

import (
	"os"
	"path/filepath"
	"testing"
)

// The control protocol printers (Babel, sFlow, BGP, LDP, ISAKMP, RADIUS)
// each get a synthetic capture of the cases the shared corpus lacks.
var ctlCaptures = []struct {
	name  string
	build func() []synthPkt
}{
	{"synthetic-bgp.pcap", synthBGP},
	{"synthetic-ldp.pcap", synthLDP},
	{"synthetic-isakmp.pcap", synthISAKMP},
	{"synthetic-babel.pcap", synthBabel},
	{"synthetic-sflow.pcap", synthSFlow},
	{"synthetic-radius.pcap", synthRADIUS},
}

func writeSyntheticCtl(t *testing.T, dir string) {
	for _, c := range ctlCaptures {
		if err := writePcap(filepath.Join(dir, c.name), 1, c.build()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteCtlCaptures writes the control protocol captures into
// PRINTER_CTL_OUT (a directory) to compare them with tcpdump while
// working on a printer, without re-recording every golden.
func TestWriteCtlCaptures(t *testing.T) {
	dir := os.Getenv("PRINTER_CTL_OUT")
	if dir == "" {
		t.Skip("set PRINTER_CTL_OUT=<directory>")
	}
	writeSyntheticCtl(t, dir)
}
