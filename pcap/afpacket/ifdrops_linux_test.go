package afpacket

import (
	"strconv"
	"strings"
	"testing"
)

// TestIfDropCounterMatchesSysfs: the netlink counters equal what
// /sys/class/net shows inside the namespace (libpcap's source).
func TestIfDropCounterMatchesSysfs(t *testing.T) {
	n := newTestNet(t)
	idx := ifindexIn(t, n.nsA, n.vethA)
	var c *ifDropCounter
	var err error
	inNetns(t, n.nsA, func() { c, err = newIfDropCounter(idx) })
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	var sum uint64
	for _, f := range []string{"rx_dropped", "rx_missed_errors"} {
		out := run(t, "ip", "netns", "exec", n.nsA, "cat", "/sys/class/net/"+n.vethA+"/statistics/"+f)
		v, err := strconv.ParseUint(strings.TrimSpace(out), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if c.start != sum {
		t.Errorf("netlink drops %d, sysfs %d", c.start, sum)
	}
	if d, err := c.dropped(); err != nil || d != 0 {
		t.Errorf("dropped since start: %d, %v", d, err)
	}
	h := openIn(t, n.nsA, Config{Interface: n.vethA, Promisc: true})
	if h.ifDrop == nil {
		t.Error("promiscuous capture does not track interface drops")
	}
	if st, err := h.Stats(); err != nil || st.IfDropped != 0 {
		t.Errorf("stats %+v, %v", st, err)
	}
}
