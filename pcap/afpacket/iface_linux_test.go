package afpacket

import (
	"os/exec"
	"strings"
	"testing"
)

// TestInterfacesMatchTcpdumpD compares the -D listing with real tcpdump
// in the test's own (host) network namespace.
func TestInterfacesMatchTcpdumpD(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed")
	}
	out, err := exec.Command(tcpdump, "-D").Output()
	if err != nil {
		t.Skipf("tcpdump -D: %v", err)
	}
	list, err := Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range list {
		got = append(got, i.String())
	}
	want := strings.TrimRight(string(out), "\n")
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("Interfaces() =\n%s\ntcpdump -D =\n%s", g, want)
	}
}
