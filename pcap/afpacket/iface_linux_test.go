package afpacket

import (
	"os/exec"
	"strings"
	"testing"
)

// TestInterfacesMatchTcpdumpD compares the -D listing with real tcpdump
// run in the same private network namespace, which holds a running veth,
// a veth that is up without carrier and one that is down, so libpcap's
// ordering rules (running, up, disconnected, loopback, any) all apply.
func TestInterfacesMatchTcpdumpD(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed")
	}
	n := newTestNet(t)
	run(t, "ip", "-n", n.nsA, "link", "add", "gnsc", "type", "veth", "peer", "name", "gnsd")
	run(t, "ip", "-n", n.nsA, "link", "set", "gnsc", "up")
	out := run(t, "ip", "netns", "exec", n.nsA, tcpdump, "-D")
	var list []Interface
	inNetns(t, n.nsA, func() { list, err = Interfaces() })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range list {
		got = append(got, i.String())
	}
	want := strings.TrimRight(out, "\n")
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("Interfaces() =\n%s\ntcpdump -D =\n%s", g, want)
	}
}
