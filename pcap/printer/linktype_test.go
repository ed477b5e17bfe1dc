package printer

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// synthNoPrinter is a handful of frames for link types tcpdump has no
// printer for: text, binary, a short capture and a frame cut short.
func synthNoPrinter() []synthPkt {
	text := []byte("hello world, this is text \x00\x01\x02\x7f\x80\xff")
	return []synthPkt{
		{data: text},
		{data: cat(text, text, text)},
		{data: u8s(0x45)},
		{data: text[:5], wirLen: 60},
	}
}

// writeSyntheticLinkTypes writes captures of link types libpcap knows and
// tcpdump does not print (USER0 and NETLINK) for the goldens.
func writeSyntheticLinkTypes(t *testing.T, dir string) {
	for name, lt := range map[string]uint32{"synthetic-user0.pcap": 147, "synthetic-netlink.pcap": 253} {
		if err := writePcap(filepath.Join(dir, name), lt, synthNoPrinter()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLinkTypesLive runs the installed tcpdump over one capture of every
// link type value from 0 to 299: where it prints "UNSUPPORTED" (no printer
// of its own) the link type must be in noIfPrinter and this package must
// print the same lines under several flag sets; where it does not, the
// link type must not be in noIfPrinter.
func TestLinkTypesLive(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed (the goldens cover USER0 and NETLINK)")
	}
	dir := t.TempDir()
	sets := [][]string{{"-n"}, {"-n", "-e", "-x"}, {"-n", "-XX"}, {"-n", "-A"}, {"-nn", "-vvv", "-#"}}
	for lt := uint32(0); lt < 300; lt++ {
		path := filepath.Join(dir, fmt.Sprintf("%d.pcap", lt))
		if err := writePcap(path, lt, synthNoPrinter()); err != nil {
			t.Fatal(err)
		}
		pkts, err := readCapture(path, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range sets {
			cmd := exec.Command("tcpdump", append([]string{"-r", path}, args...)...)
			cmd.Env = append(cmd.Environ(), "TZ=UTC")
			out, _ := cmd.Output()
			_, listed := slices.BinarySearch(noIfPrinter[:], uint16(lt))
			if theirs := strings.Contains(string(out), "UNSUPPORTED"); theirs != listed {
				t.Errorf("link type %d: tcpdump prints UNSUPPORTED: %v, in noIfPrinter: %v", lt, theirs, listed)
				break
			}
			if !listed {
				break
			}
			var ours strings.Builder
			for _, r := range runPrinter(flagSet{opts: optionsFor(t, args)}, pkts) {
				ours.WriteString(strings.Join(r.lines, ""))
				ours.WriteByte('\n')
			}
			if ours.String() != string(out) {
				t.Errorf("link type %d, tcpdump %v:\n%s\nours:\n%s", lt, args, out, ours.String())
			}
		}
	}
}
