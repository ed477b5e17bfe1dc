package capture

import (
	"testing"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/pcap"
)

// TestKernelProgramChoice pins which programs go to the kernel: Ethernet
// as compiled, cooked ones rewritten, and userland when a cooked-header
// field has no kernel equivalent.
func TestKernelProgramChoice(t *testing.T) {
	for _, tc := range []struct {
		expr     string
		lt       pcap.LinkType
		userland bool
	}{
		{"icmp", pcap.LinkEthernet, false},
		{"icmp", pcap.LinkLinuxSLL2, false},
		{"icmp", pcap.LinkLinuxSLL, false},
		{"link[8:2] = 1 and icmp", pcap.LinkLinuxSLL2, true},
	} {
		prog, err := bpf.Compile(tc.expr, bpf.LinkType(tc.lt), maxSnaplen)
		if err != nil {
			t.Fatalf("%q: %v", tc.expr, err)
		}
		kernel, user := kernelProgram(prog, uint32(tc.lt))
		if (user != nil) != tc.userland || (kernel == nil) != tc.userland {
			t.Errorf("%q on %d: kernel %d insns, userland %d insns", tc.expr, tc.lt, len(kernel), len(user))
		}
	}
}
