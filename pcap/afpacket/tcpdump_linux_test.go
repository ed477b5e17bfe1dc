package afpacket

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"golang.org/x/sys/unix"
)

// startTcpdump runs tcpdump in ns writing to a file and waits until it
// is listening.
func startTcpdump(t *testing.T, ns string, args ...string) (*exec.Cmd, string) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed")
	}
	f := filepath.Join(t.TempDir(), "ref.pcap")
	args = append([]string{"netns", "exec", ns, tcpdump, "-Z", "root", "-U", "-w", f}, args...)
	cmd := exec.Command("ip", args...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "listening on") {
				ready <- true
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("tcpdump did not start listening")
	}
	return cmd, f
}

func readFile(t *testing.T, f string) (pcap.Reader, []pcap.Packet) {
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pcap.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var pkts []pcap.Packet
	for {
		p, err := r.Next()
		if err != nil {
			return r, pkts
		}
		pkts = append(pkts, p)
	}
}

// TestSameBytesAsTcpdump captures the same pings with tcpdump 4.99.3 and
// with a Handle side by side, for -i any (SLL2), -i any -y LINUX_SLL and
// the Ethernet device, and requires byte-identical packets (link
// headers included) and equal lengths.
func TestSameBytesAsTcpdump(t *testing.T) {
	cases := []struct {
		name string
		cfg  func(n *testNet) Config
		args func(n *testNet) []string
		ipAt int
	}{
		{"any", func(n *testNet) Config { return Config{Interface: "any"} }, func(n *testNet) []string { return []string{"-i", "any"} }, 20},
		{"any-sll", func(n *testNet) Config { return Config{Interface: "any", LinkType: pcap.LinkLinuxSLL} },
			func(n *testNet) []string { return []string{"-i", "any", "-y", "LINUX_SLL"} }, 16},
		{"veth", func(n *testNet) Config { return Config{Interface: n.vethA, Promisc: true} }, func(n *testNet) []string { return []string{"-i", n.vethA} }, 14},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := newTestNet(t)
			cmd, ref := startTcpdump(t, n.nsA, append(c.args(n), "-c", "4", "icmp")...)
			h := openIn(t, n.nsA, c.cfg(n))
			ping(t, n.nsA, "192.0.2.2", 2)
			isEcho := func(p pcap.Packet) bool { return icmpAt(p, c.ipAt, echoRequest) || icmpAt(p, c.ipAt, echoReply) }
			_, ours := collect(t, h, 4, 10*time.Second, isEcho)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("tcpdump -c 4 did not finish")
			}
			r, theirs := readFile(t, ref)
			if r.LinkType() != h.LinkType() || r.Snaplen() != h.Snaplen() {
				t.Errorf("tcpdump link type %d snaplen %d, ours %d %d", r.LinkType(), r.Snaplen(), h.LinkType(), h.Snaplen())
			}
			if len(theirs) != 4 || len(ours) != 4 {
				t.Fatalf("tcpdump captured %d echo packets, we %d; want 4", len(theirs), len(ours))
			}
			for i := range ours {
				if !bytes.Equal(ours[i].Data, theirs[i].Data) || ours[i].Length != theirs[i].Length {
					t.Errorf("packet %d:\nours    % x (len %d)\ntcpdump % x (len %d)", i, ours[i].Data, ours[i].Length, theirs[i].Data, theirs[i].Length)
				}
			}
		})
	}
}

// sendFrames transmits raw Ethernet frames on dev inside ns.
func sendFrames(t *testing.T, ns, dev string, frames ...[]byte) {
	var err error
	inNetns(t, ns, func() {
		fd, e := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, 0)
		if e != nil {
			err = e
			return
		}
		defer unix.Close(fd)
		idx, e := ifIndex(fd, dev)
		if e != nil {
			err = e
			return
		}
		for _, f := range frames {
			sa := &unix.SockaddrLinklayer{Ifindex: idx, Halen: 6}
			copy(sa.Addr[:], f[:6])
			if e := unix.Sendto(fd, f, 0, sa); e != nil {
				err = e
				return
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// taggedFrame is a broadcast frame with one VLAN tag around a small
// IPv4/UDP packet between documentation addresses.
func taggedFrame(tpid uint16, vid uint16) []byte {
	f := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 0x02}
	f = binary.BigEndian.AppendUint16(f, tpid)
	f = binary.BigEndian.AppendUint16(f, vid)
	f = append(f, 0x08, 0x00)
	ip := []byte{0x45, 0, 0, 32, 0, 1, 0, 0, 64, 17, 0, 0, 198, 51, 100, 2, 198, 51, 100, 1}
	udp := []byte{0x30, 0x39, 0, 9, 0, 12, 0, 0, 'v', 'l', 'a', 'n'}
	return append(append(f, ip...), udp...)
}

// TestVLANTagsReinserted: the receive path strips 802.1Q/802.1ad tags
// into skb metadata; like libpcap, the Handle puts them back (with the
// TPID the kernel reports), giving the same bytes as tcpdump.
func TestVLANTagsReinserted(t *testing.T) {
	n := newTestNet(t)
	cmd, ref := startTcpdump(t, n.nsA, "-i", n.vethA, "-c", "2", "vlan")
	h := openIn(t, n.nsA, Config{Interface: n.vethA})
	sent := [][]byte{taggedFrame(0x8100, 10), taggedFrame(0x88a8, 20)}
	sendFrames(t, n.nsB, n.vethB, sent...)
	_, ours := collect(t, h, 2, 10*time.Second, func(p pcap.Packet) bool {
		return len(p.Data) > 18 && (p.Data[12] == 0x81 || p.Data[12] == 0x88)
	})
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("tcpdump -c 2 did not finish")
	}
	_, theirs := readFile(t, ref)
	if len(ours) != 2 || len(theirs) != 2 {
		t.Fatalf("tagged packets: ours %d, tcpdump %d; want 2", len(ours), len(theirs))
	}
	for i := range ours {
		if !bytes.Equal(ours[i].Data, sent[i]) {
			t.Errorf("packet %d:\nours % x\nsent % x", i, ours[i].Data, sent[i])
		}
		if !bytes.Equal(ours[i].Data, theirs[i].Data) || ours[i].Length != theirs[i].Length {
			t.Errorf("packet %d:\nours    % x\ntcpdump % x", i, ours[i].Data, theirs[i].Data)
		}
	}
}
