package afpacket

import (
	"os/exec"
	"regexp"
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
		// A libpcap built with other capture modules (or a host with
		// Bluetooth or RDMA devices) lists other pseudo-devices; the
		// network devices and their order must still agree.
		if netdevs(g) == netdevs(want) && pseudo(g) != pseudo(want) {
			t.Skipf("tcpdump lists other pseudo-devices than this libpcap build:\n%s", want)
		}
		t.Errorf("Interfaces() =\n%s\ntcpdump -D =\n%s", g, want)
	}
}

var pseudoNames = regexp.MustCompile(`^\d+\.(bluetooth|usbmon|nflog|nfqueue|dbus|rdma|dag|snf)`)

// netdevs and pseudo split a -D listing, dropping the "N." numbers.
func netdevs(list string) string { return filterLines(list, false) }
func pseudo(list string) string  { return filterLines(list, true) }

func filterLines(list string, wantPseudo bool) string {
	var out []string
	for _, l := range strings.Split(list, "\n") {
		if pseudoNames.MatchString(l) == wantPseudo {
			out = append(out, l[strings.Index(l, ".")+1:])
		}
	}
	return strings.Join(out, "\n")
}
