package capture

import (
	"net"
	"testing"
)

// TestIndexToName: the SLL2 interface column comes from SIOCGIFNAME and
// agrees with the net package's netlink answer for every interface here;
// an index no interface has is "?" in the output, so not found here.
func TestIndexToName(t *testing.T) {
	ifs, err := net.Interfaces()
	if err != nil {
		t.Skipf("no netlink to compare with: %v", err)
	}
	for _, ifc := range ifs {
		if got, ok := indexToName(ifc.Index); !ok || got != ifc.Name {
			t.Errorf("indexToName(%d) = %q, %v; want %q", ifc.Index, got, ok, ifc.Name)
		}
	}
	for _, idx := range []int{0, -1, 1 << 30} {
		if got, ok := indexToName(idx); ok {
			t.Errorf("indexToName(%d) = %q, want not found", idx, got)
		}
	}
}
