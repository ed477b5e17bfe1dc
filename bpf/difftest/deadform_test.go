package difftest

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
)

// deadProgram is libpcap's program for a pcap_open_dead handle (tcpdump
// -y DLT -ddd, no -r), where inbound/outbound/ifindex become Linux
// ancillary loads on link types without those header fields.
func deadProgram(dlt, expr string) ([]xbpf.RawInstruction, error) {
	out, err := exec.Command("tcpdump", "-y", dlt, "-ddd", "--", expr).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s", errInvalid, strings.TrimSpace(string(out)))
	}
	return parseDDD(string(out))
}

// TestDeadForm compares bpf's Dead form with libpcap's dead-handle
// program for the direction and interface primitives, on the synthesised
// packets given per-packet ancillary data (direction, interface).
func TestDeadForm(t *testing.T) {
	if !haveTcpdump() {
		t.Skip("tcpdump with libpcap 1.10.3 not installed")
	}
	exprs := []string{"inbound", "outbound", "not inbound", "inbound and tcp", "outbound or udp port 53",
		"ifindex 1", "ifindex 2", "ifindex 5 and ip6", "not ifindex 1 and not outbound", "vlan and inbound", "tcp"}
	var tl tally
	for _, l := range links {
		pkts := synthPackets(l.lt)
		aux := make([]interp.Aux, len(pkts))
		for i := range aux {
			aux[i] = interp.Aux{PktType: []uint8{0, 0, 4, 1}[i%4], IfIndex: []uint32{1, 2, 5}[i%3]}
		}
		run := func(prog []xbpf.RawInstruction) []bool {
			v := make([]bool, len(pkts))
			for i, p := range pkts {
				v[i] = interp.Run(prog, p.data, p.wire, &aux[i]) != 0
			}
			return v
		}
		for _, e := range exprs {
			o := oracle{}
			prog, err := deadProgram(l.name, e)
			switch {
			case errors.Is(err, errInvalid):
				o.why = err.Error()
			case err != nil:
				t.Fatal(err)
			default:
				o = oracle{valid: true, libLen: len(prog), opt: run(prog)}
			}
			tl.checkWith("dead", l.name, e, o, func() ([]xbpf.RawInstruction, error) {
				return bpf.CompileOptions(e, l.lt, 262144, bpf.Options{Form: bpf.Dead})
			}, run, func(i int) string { return fmt.Sprintf("packet %d aux %+v", i, aux[i]) })
		}
	}
	tl.report(t, "dead")
}
