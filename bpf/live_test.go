package bpf

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

// liveGolden holds programs tcpdump prints for a live Ethernet socket
// (tcpdump -i lo -ddd -O EXPR as root: BPF extensions on, so "vlan" reads
// skb metadata). Re-record with: go test ./bpf -run TestLiveEthernet -update
const liveGolden = "testdata/live-en10mb.tsv"

var liveExprs = []string{
	"vlan", "vlan 10", "vlan and ip", "vlan 10 and tcp port 80", "vlan and vlan 20 and ip",
	"ip or vlan and ip", "vlan or ip", "vlan and ether host 0:1:2:3:4:5", "vlan and tcp[0] = 1",
	"vlan 100 and host 10.0.0.1", "not vlan", "vlan and ip6 and udp", "vlan 5 or vlan 6",
	"vlan and tcp[tcp[12] >> 4] > 0", "vlan and ip[2:2] > 100", "vlan and icmp6", "vlan and arp",
	"tcp port 80", "inbound", "outbound", "ifindex 1", "vlan and net 10.0.0.0/8 and portrange 1-1024",
	"vlan and tcp", "vlan and udp", "vlan and tcp[13] & 2 != 0", "vlan and ip[ip[0] & 0xf] > 0",
	"vlan 1 or vlan 2 or vlan 3 or vlan 4", "vlan and (tcp or udp) and len > 100", "outbound and vlan",
	"vlan and pppoes and ether[0] = 1", "vlan and pppoes 5 and tcp port 80", "vlan and mpls and ip",
	"vlan and llc", "ifindex 2 and vlan 3",
}

func recordLive(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Recorded by `go test ./bpf -run TestLiveEthernet -update` (as root) from tcpdump 4.99.3 / libpcap 1.10.3:\n")
	b.WriteString("# tcpdump -i lo -O -ddd EXPR (live Linux Ethernet socket, BPF extensions). Columns: expr, program.\n")
	for _, e := range liveExprs {
		out, err := exec.Command("tcpdump", "-i", "lo", "-O", "-ddd", "--", e).Output()
		if err != nil {
			t.Fatalf("tcpdump -i lo -ddd %q: %v (needs root and tcpdump)", e, err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[1:]
		fmt.Fprintf(&b, "%s\t%s\n", e, strings.Join(lines, ","))
	}
	if err := os.WriteFile(liveGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// kernelView returns what the kernel filter sees for a captured frame:
// with offload the outer 802.1Q tag is removed from the data and kept in
// skb metadata; without offload the frame is unchanged.
func kernelViews(p packet) []struct {
	data []byte
	aux  refAux
} {
	views := []struct {
		data []byte
		aux  refAux
	}{{p.data, refAux{pktType: 0, ifindex: 1}}}
	if len(p.data) >= 18 && binary.BigEndian.Uint16(p.data[12:]) == 0x8100 {
		stripped := append(append([]byte{}, p.data[:12]...), p.data[16:]...)
		tci := binary.BigEndian.Uint16(p.data[14:])
		views = append(views, struct {
			data []byte
			aux  refAux
		}{stripped, refAux{vlanPresent: true, vlanTCI: tci, pktType: 4, ifindex: 2}})
	}
	return views
}

// TestLiveEthernet compares LiveEthernet programs with libpcap's live
// ones on the corpus, both as captured and with the outer tag moved to
// skb metadata as VLAN offload does.
func TestLiveEthernet(t *testing.T) {
	if *update {
		recordLive(t)
	}
	f, err := os.Open(liveGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pkts := readPcaps(t, filepath.Join(sharedTestdata(t), "pcaps"))[LinkEN10MB]
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.SplitN(line, "\t", 2)
		var want []xbpf.RawInstruction
		for _, in := range strings.Split(p[1], ",") {
			var op, jt, jf, k uint64
			fmt.Sscan(in, &op, &jt, &jf, &k)
			want = append(want, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: uint32(k)})
		}
		for _, noOpt := range []bool{false, true} {
			got, err := CompileOptions(p[0], LinkEN10MB, 262144, Options{Form: LiveEthernet, NoOptimize: noOpt})
			if err != nil {
				t.Errorf("%q: %v", p[0], err)
				continue
			}
			bad := 0
			for _, pk := range pkts {
				for _, v := range kernelViews(pk) {
					wire := pk.wirelen - uint32(len(pk.data)-len(v.data))
					if (runRefAux(want, v.data, wire, &v.aux) != 0) != (runRefAux(got, v.data, wire, &v.aux) != 0) {
						bad++
					}
				}
			}
			if bad > 0 {
				t.Errorf("%q (NoOptimize=%v): %d verdicts differ from libpcap's live program", p[0], noOpt, bad)
			}
		}
	}
}
