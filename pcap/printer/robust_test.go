package printer

import (
	"io"
	"math/rand"
	"net"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gonsenter/gonsenter/pcap"
)

// TestNoPanicOnDamagedPackets prints every corpus packet cut at every
// length and with random byte damage, under several flag sets: tcpdump
// never crashes on malformed input and neither may we.
func TestNoPanicOnDamagedPackets(t *testing.T) {
	files := captures(t)
	rng := rand.New(rand.NewSource(1))
	opts := []Options{{NoResolve: 1}, {NoResolve: 1, Verbose: 2, Ether: true}, {NoResolve: 1, Quick: true, HexASCII: 2}}
	for _, rel := range sortedKeys(files) {
		pkts, err := readCapture(files[rel], 40)
		if err != nil {
			continue
		}
		for _, o := range opts {
			pr := New(io.Discard, o)
			pr.names.lookupHost = fakeLookup
			for _, pkt := range pkts {
				for cut := 0; cut <= len(pkt.Data) && cut < 200; cut += 1 + cut/16 {
					q := pkt
					q.Data = append([]byte(nil), pkt.Data[:cut]...)
					q.CaptureLength = cut
					printNoPanic(t, rel, pr, q)
				}
				for i := 0; i < 20; i++ {
					q := pkt
					q.Data = append([]byte(nil), pkt.Data...)
					for j := 0; j < 1+rng.Intn(4) && len(q.Data) > 0; j++ {
						q.Data[rng.Intn(len(q.Data))] = byte(rng.Intn(256))
					}
					printNoPanic(t, rel, pr, q)
				}
			}
		}
	}
}

func printNoPanic(t *testing.T, rel string, pr *Printer, pkt pcap.Packet) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: panic on %x: %v", rel, pkt.Data, r)
		}
	}()
	if err := pr.Print(pkt); err != nil {
		t.Fatal(err)
	}
}

// TestSysIfName checks the default SLL2 interface lookup (if_indextoname)
// against the net package's view of the current network namespace.
func TestSysIfName(t *testing.T) {
	lo, err := net.InterfaceByIndex(1)
	if err != nil {
		t.Skipf("no interface table here: %v", err)
	}
	if got := sysIfName(1); got != lo.Name {
		t.Errorf("sysIfName(1) = %q, want %q", got, lo.Name)
	}
	if got := sysIfName(1 << 30); got != "?" {
		t.Errorf("sysIfName(unknown) = %q, want ?", got)
	}
}

// fuzzSel is FuzzPrint's selector byte for link type index lt and flag set
// opt (the fuzz function picks them as sel%5 and (sel>>2)%3).
func fuzzSel(lt, opt int) uint8 {
	for sel := 0; sel < 256; sel++ {
		if sel%5 == lt && (sel>>2)%3 == opt {
			return uint8(sel)
		}
	}
	return uint8(lt)
}

// FuzzPrint feeds arbitrary bytes to every link-layer decoder with several
// flag sets; the printer must neither panic nor report an internal error.
func FuzzPrint(f *testing.F) {
	lts := []pcap.LinkType{pcap.LinkEthernet, pcap.LinkLinuxSLL, pcap.LinkLinuxSLL2, pcap.LinkRaw, pcap.LinkNull}
	for _, p := range synthEthernet() {
		f.Add(p.data, uint8(0))
	}
	// Packets of the project's own captures, each with its link type.
	files, _ := filepath.Glob("testdata/captures/*.pcap")
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			continue
		}
		if r, err := pcap.NewReader(fh); err == nil {
			if sel := slices.Index(lts, r.LinkType()); sel >= 0 {
				for i := 0; i < 200; i++ {
					pkt, err := r.Next()
					if err != nil {
						break
					}
					f.Add(pkt.Data, fuzzSel(sel, i%3))
				}
			}
		}
		fh.Close()
	}
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		opts := []Options{{NoResolve: 1}, {NoResolve: 1, Verbose: 3, Ether: true}, {NoResolve: 1, Quick: true, HexASCII: 1}}
		pkt := pcap.Packet{LinkType: lts[int(sel)%len(lts)], Data: data}
		pkt.CaptureLength, pkt.Length = len(data), len(data)+int(sel>>4)
		pr := New(io.Discard, opts[int(sel>>2)%len(opts)])
		pr.names.lookupHost = fakeLookup
		if err := pr.Print(pkt); err != nil {
			t.Fatal(err)
		}
	})
}
