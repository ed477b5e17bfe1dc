package afpacket

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	xbpf "golang.org/x/net/bpf"
)

// etherTypeOnly accepts Ethernet frames of one EtherType, truncated to
// snap bytes like a tcpdump -s program.
func etherTypeOnly(t *testing.T, typ uint16, snap uint32) []xbpf.RawInstruction {
	prog, err := xbpf.Assemble([]xbpf.Instruction{
		xbpf.LoadAbsolute{Off: 12, Size: 2},
		xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: uint32(typ), SkipFalse: 1},
		xbpf.RetConstant{Val: snap},
		xbpf.RetConstant{Val: 0},
	})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// frames builds count broadcast frames of size bytes with EtherType
// 0x88b5 (IEEE local experimental), numbered in their first payload bytes.
func frames(count, size int) [][]byte {
	var out [][]byte
	for i := 0; i < count; i++ {
		f := make([]byte, size)
		copy(f, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 0x02, 0x88, 0xb5})
		binary.BigEndian.PutUint32(f[14:], uint32(i))
		out = append(out, f)
	}
	return out
}

// TestDropsCounted overflows a one-block ring (-B 256) while nobody
// reads: every frame is counted as received by filter, the overflow as
// dropped by kernel, and exactly the difference can be read.
func TestDropsCounted(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: n.vethA, BufferSize: 256, Immediate: true, Filter: etherTypeOnly(t, 0x88b5, 262144)})
	sendFrames(t, n.nsB, n.vethB, frames(1000, 1400)...)
	time.Sleep(100 * time.Millisecond)
	st, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	// Received is 1000 unless the veth backlog itself overflowed.
	if st.Received > 1000 || st.Received < 500 || st.Dropped == 0 || st.Dropped >= st.Received {
		t.Fatalf("stats %+v, want about 1000 received and some (not all) dropped", st)
	}
	all, _ := collect(t, h, int(st.Received), 2*time.Second, func(pcap.Packet) bool { return true })
	if uint64(len(all)) != st.Received-st.Dropped {
		t.Errorf("read %d packets, stats say %d received - %d dropped", len(all), st.Received, st.Dropped)
	}
	last := -1
	for i, p := range all {
		got := int(binary.BigEndian.Uint32(p.Data[14:]))
		if got <= last {
			t.Fatalf("packet %d carries number %d after %d: ring order broken", i, got, last)
		}
		last = got
	}
	if after, _ := h.Stats(); after.Received != st.Received || after.Dropped != st.Dropped {
		t.Errorf("stats changed after Close: %+v then %+v", st, after)
	}
}

// TestSnaplenTruncates: -s 100 keeps 100 bytes and the wire length, both
// when the filter's return value truncates in the kernel and without a
// filter (truncated in user space).
func TestSnaplenTruncates(t *testing.T) {
	for _, withFilter := range []bool{true, false} {
		n := newTestNet(t)
		cfg := Config{Interface: n.vethA, Snaplen: 100, Immediate: true}
		if withFilter {
			cfg.Filter = etherTypeOnly(t, 0x88b5, 100)
		}
		h := openIn(t, n.nsA, cfg)
		sendFrames(t, n.nsB, n.vethB, frames(3, 700)...)
		_, got := collect(t, h, 3, 5*time.Second, func(p pcap.Packet) bool {
			return len(p.Data) > 14 && p.Data[12] == 0x88 && p.Data[13] == 0xb5
		})
		if len(got) != 3 {
			t.Fatalf("filter %v: read %d frames, want 3", withFilter, len(got))
		}
		for _, p := range got {
			if len(p.Data) != 100 || p.CaptureLength != 100 || p.Length != 700 {
				t.Errorf("filter %v: caplen %d/%d len %d, want 100 and 700", withFilter, len(p.Data), p.CaptureLength, p.Length)
			}
		}
	}
}

// TestCookedSnaplenRaised: like libpcap, -i any -s 10 becomes 21 bytes
// with tcpdump's "snaplen raised from 10 to 21" warning.
func TestCookedSnaplenRaised(t *testing.T) {
	n := newTestNet(t)
	for _, lt := range []pcap.LinkType{pcap.LinkLinuxSLL2, pcap.LinkLinuxSLL} {
		h := openIn(t, n.nsA, Config{Interface: "any", Snaplen: 10, LinkType: lt})
		if h.Snaplen() != 21 || h.Warning() != "snaplen raised from 10 to 21" {
			t.Errorf("link type %d: snaplen %d, warning %q", lt, h.Snaplen(), h.Warning())
		}
	}
	h := openIn(t, n.nsA, Config{Interface: "lo", Snaplen: 10})
	if h.Snaplen() != 10 || h.Warning() != "" {
		t.Errorf("lo: snaplen %d, warning %q", h.Snaplen(), h.Warning())
	}
}
