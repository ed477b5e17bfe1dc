package difftest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
)

// kernelPacket is a packet as a live Linux Ethernet socket's filter sees
// it: the outer 802.1Q/802.1ad tag stripped into metadata (VLAN offload),
// direction, interface and protocol in ancillary data (spec P5, P8).
type kernelPacket struct {
	packet
	aux interp.Aux
}

func toKernel(p packet, n int) kernelPacket {
	d := p.data
	k := kernelPacket{packet: p, aux: interp.Aux{IfIndex: uint32(1 + n%3), HaType: 1}}
	if len(d) < 14 {
		return k
	}
	switch {
	case n%5 == 4:
		k.aux.PktType = 4 // PACKET_OUTGOING
	case d[0] == 0xff:
		k.aux.PktType = 1
	case d[0]&1 == 1:
		k.aux.PktType = 2
	}
	if t := binary.BigEndian.Uint16(d[12:]); (t == 0x8100 || t == 0x88a8) && len(d) >= 18 {
		k.aux.VLANPresent, k.aux.VLANTPID, k.aux.VLANTCI = true, t, binary.BigEndian.Uint16(d[14:])
		k.data = append(append([]byte(nil), d[:12]...), d[16:]...)
		k.wire = p.wire - 4
	}
	k.aux.Protocol = binary.BigEndian.Uint16(k.data[12:])
	if k.aux.Protocol < 0x600 {
		k.aux.Protocol = 4 // ETH_P_802_2
	}
	return k
}

// liveProgram asks libpcap for its live-capture program: tcpdump -i lo
// -ddd enables the Linux BPF extensions (BPF_SPECIAL_VLAN_HANDLING) the
// way a real capture does.
func liveProgram(expr string, unopt bool) ([]xbpf.RawInstruction, error) {
	cmd := exec.Command("tcpdump", tcpdumpArgs(unopt, "-i", "lo", "-ddd", "--", expr)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w: %s", errInvalid, bytes.TrimSpace(stderr.Bytes()))
	}
	return parseDDD(string(out))
}

// TestLiveEthernetForm compares bpf's LiveEthernet form with libpcap's
// live program on kernel-shaped packets (tags stripped into ancillary
// data): same verdicts, and programs the kernel accepts.
func TestLiveEthernetForm(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: run as root, e.g. sudo go test ./bpf/difftest")
	}
	if !haveTcpdump() {
		t.Skip("tcpdump with libpcap 1.10.3 not installed")
	}
	if _, err := liveProgram("", false); err != nil {
		t.Skipf("tcpdump -i lo -d does not work here: %v", err)
	}
	var pkts []kernelPacket
	for i, f := range baseFrames() {
		if p, ok := linkFrame(f, bpf.LinkEN10MB, i); ok {
			pkts = append(pkts, toKernel(p, i))
		}
	}
	if shared, err := findShared(); err == nil {
		for _, name := range []string{"various_gre.pcap", "802.1ad_QinQ.pcap", "ldp-common-session.pcap", "MSTP_Intra-Region_BPDUs.pcap", "afs.pcap"} {
			c, err := readCapture(filepath.Join(shared, "pcaps", "tcpdump", name))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range c.pkts {
				pkts = append(pkts, toKernel(p, len(pkts)))
			}
		}
	}
	exprs := liveFormExprs(t)
	var tl tally
	var wg sync.WaitGroup
	work := make(chan string)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range work {
				checkLiveForm(t, &tl, e, pkts)
			}
		}()
	}
	for _, e := range exprs {
		work <- e
	}
	close(work)
	wg.Wait()
	t.Logf("%d kernel-shaped packets (%d VLAN-stripped)", len(pkts), countStripped(pkts))
	tl.report(t, "live-ethernet")
}

func countStripped(pkts []kernelPacket) int {
	n := 0
	for _, p := range pkts {
		if p.aux.VLANPresent {
			n++
		}
	}
	return n
}

// liveFormExprs: the golden file's own expressions (those recorded for
// every link type) plus random ones with VLAN mixes.
func liveFormExprs(t *testing.T) []string {
	rows, _ := readSynthGolden(t)
	perExpr := map[string]int{}
	for _, r := range rows {
		perExpr[r.expr]++
	}
	var out []string
	for _, r := range rows {
		if r.dlt == "EN10MB" && perExpr[r.expr] == len(links) {
			out = append(out, r.expr)
		}
	}
	for _, r := range randomExprs(*seed+1000, 1200) {
		if r.dlt == "EN10MB" && bytes.Contains([]byte(r.expr), []byte("vlan")) {
			out = append(out, r.expr)
		}
	}
	return append(out, "inbound", "outbound", "ifindex 2", "not inbound and vlan", "vlan and ifindex 1",
		"vlan 100 and vlan 200", "vlan 100 or vlan 200", "vlan and vlan and icmp", "(vlan 100 and tcp) or udp")
}

func checkLiveForm(t *testing.T, tl *tally, expr string, pkts []kernelPacket) {
	libProg, err := liveProgram(expr, false)
	o := oracle{}
	if errors.Is(err, errInvalid) {
		o.why = err.Error()
	} else if err != nil {
		t.Error(err)
		return
	} else {
		o = oracle{valid: true, libLen: len(libProg), opt: runKernel(libProg, pkts)}
		o.unopt = func() []bool {
			u, err := liveProgram(expr, true)
			if err != nil {
				return nil
			}
			return runKernel(u, pkts)
		}
	}
	tl.checkWith("live-ethernet", "EN10MB", expr, o, func() ([]xbpf.RawInstruction, error) {
		return bpf.CompileOptions(expr, bpf.LinkEN10MB, 262144, bpf.Options{Form: bpf.LiveEthernet})
	}, func(prog []xbpf.RawInstruction) []bool {
		return runKernel(prog, pkts)
	}, func(i int) string {
		p := pkts[i]
		return fmt.Sprintf("packet %d (%x, aux %+v)", i, head(p.data), p.aux)
	})
}

func runKernel(prog []xbpf.RawInstruction, pkts []kernelPacket) []bool {
	v := make([]bool, len(pkts))
	for i := range pkts {
		v[i] = interp.Run(prog, pkts[i].data, pkts[i].wire, &pkts[i].aux) != 0
	}
	return v
}
