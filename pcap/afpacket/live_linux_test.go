package afpacket

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	xbpf "golang.org/x/net/bpf"
)

// collect reads packets until want returns true for n of them or the
// timeout passes, then closes the handle and returns everything read.
func collect(t *testing.T, h *Handle, n int, timeout time.Duration, want func(pcap.Packet) bool) (all, matched []pcap.Packet) {
	t.Helper()
	ch := make(chan pcap.Packet)
	done := make(chan error, 1)
	go func() {
		for {
			p, err := h.ReadPacket()
			if err != nil {
				done <- err
				close(ch)
				return
			}
			ch <- p
		}
	}()
	deadline := time.After(timeout)
	for len(matched) < n {
		select {
		case p, ok := <-ch:
			if !ok {
				t.Fatalf("ReadPacket: %v", <-done)
			}
			all = append(all, p)
			if want(p) {
				matched = append(matched, p)
			}
		case <-deadline:
			h.Close()
			for range ch {
			}
			return all, matched
		}
	}
	h.Close()
	for p := range ch {
		all = append(all, p)
	}
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Errorf("ReadPacket after Close: %v, want ErrClosed", err)
	}
	return all, matched
}

// icmpAt reports whether the packet carries IPv4 ICMP of the given type
// with the IP header at offset off.
func icmpAt(p pcap.Packet, off int, typ byte) bool {
	d := p.Data
	if len(d) < off+21 || d[off]>>4 != 4 || d[off+9] != 1 {
		return false
	}
	return d[off+int(d[off]&0xf)*4] == typ
}

const (
	echoReply   = 0
	echoRequest = 8
)

func sll2Icmp(typ byte) func(pcap.Packet) bool {
	return func(p pcap.Packet) bool {
		return len(p.Data) > 20 && binary.BigEndian.Uint16(p.Data[0:]) == 0x0800 && icmpAt(p, 20, typ)
	}
}

// pingPeer pings the peer 192.0.2.2 from nsA pings times, then collects
// until want packets match, failing the test when fewer arrive.
func pingPeer(t *testing.T, n *testNet, h *Handle, pings, want int, what string, match func(pcap.Packet) bool) (all, matched []pcap.Packet) {
	t.Helper()
	ping(t, n.nsA, "192.0.2.2", pings)
	all, matched = collect(t, h, want, 10*time.Second, match)
	if len(matched) != want {
		t.Fatalf("saw %d %s, want %d", len(matched), what, want)
	}
	return all, matched
}

// TestAnyGivesSLL2 pings across the veth and checks the synthesised
// Linux cooked v2 headers: protocol, ifindex, ARPHRD_ETHER, direction,
// MAC address, and lengths that include the 20 header bytes.
func TestAnyGivesSLL2(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any"})
	if h.LinkType() != pcap.LinkLinuxSLL2 || h.Snaplen() != 262144 {
		t.Fatalf("link type %d snaplen %d", h.LinkType(), h.Snaplen())
	}
	idx := ifindexIn(t, n.nsA, n.vethA)
	_, reqs := pingPeer(t, n, h, 3, 3, "echo requests", sll2Icmp(echoRequest))
	for _, p := range reqs {
		d := p.Data
		if got := int(binary.BigEndian.Uint32(d[4:])); got != idx {
			t.Errorf("ifindex %d, want %d (%s)", got, idx, n.vethA)
		}
		if hatype, pkttype, halen := binary.BigEndian.Uint16(d[8:]), d[10], d[11]; hatype != 1 || pkttype != 4 || halen != 6 {
			t.Errorf("hatype %d pkttype %d halen %d, want 1 4 (outgoing) 6", hatype, pkttype, halen)
		}
		if ipLen := int(binary.BigEndian.Uint16(d[22:])); p.Length != ipLen+20 || p.CaptureLength != len(d) || len(d) != p.Length {
			t.Errorf("lengths: wire %d cap %d data %d, IP total length %d", p.Length, p.CaptureLength, len(d), ipLen)
		}
	}
}

// TestAnyWithReplies checks incoming packets (pkttype PACKET_HOST) too.
func TestAnyWithReplies(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any"})
	_, replies := pingPeer(t, n, h, 2, 2, "echo replies", sll2Icmp(echoReply))
	for _, p := range replies {
		if p.Data[10] != 0 {
			t.Errorf("reply pkttype %d, want 0 (PACKET_HOST)", p.Data[10])
		}
	}
}

// TestAnyAsSLLv1 is tcpdump -i any -y LINUX_SLL: 16-byte headers.
func TestAnyAsSLLv1(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any", LinkType: pcap.LinkLinuxSLL})
	if h.LinkType() != pcap.LinkLinuxSLL {
		t.Fatalf("link type %d", h.LinkType())
	}
	_, reqs := pingPeer(t, n, h, 2, 2, "echo requests", func(p pcap.Packet) bool {
		return len(p.Data) > 16 && binary.BigEndian.Uint16(p.Data[14:]) == 0x0800 && icmpAt(p, 16, echoRequest)
	})
	d := reqs[0].Data
	if pkttype, hatype, halen := binary.BigEndian.Uint16(d[0:]), binary.BigEndian.Uint16(d[2:]), binary.BigEndian.Uint16(d[4:]); pkttype != 4 || hatype != 1 || halen != 6 {
		t.Errorf("pkttype %d hatype %d halen %d, want 4 1 6", pkttype, hatype, halen)
	}
}

// TestEthernetDevice captures on the veth itself: EN10MB frames.
func TestEthernetDevice(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: n.vethA, Promisc: true})
	if h.LinkType() != pcap.LinkEthernet {
		t.Fatalf("link type %d", h.LinkType())
	}
	pingPeer(t, n, h, 2, 4, "ICMP echo frames", func(p pcap.Packet) bool {
		return len(p.Data) > 14 && binary.BigEndian.Uint16(p.Data[12:]) == 0x0800 && (icmpAt(p, 14, echoRequest) || icmpAt(p, 14, echoReply))
	})
}

// TestDirectionIn is -Q in: no outgoing packet is ever returned.
func TestDirectionIn(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any", Direction: In})
	all, _ := pingPeer(t, n, h, 3, 3, "echo replies", sll2Icmp(echoReply))
	for _, p := range all {
		if p.Data[10] == 4 {
			t.Errorf("outgoing packet returned with -Q in: % x", p.Data[:24])
		}
	}
}

// TestDirectionOut is -Q out: only outgoing packets.
func TestDirectionOut(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any", Direction: Out})
	all, _ := pingPeer(t, n, h, 2, 2, "echo requests", sll2Icmp(echoRequest))
	for _, p := range all {
		if p.Data[10] != 4 {
			t.Errorf("incoming packet returned with -Q out: % x", p.Data[:24])
		}
	}
}

// cookedUDPOnly is `udp` in kernel form for a cooked socket (the filter
// sees the packet from the IP header on).
func cookedUDPOnly(t *testing.T) []xbpf.RawInstruction {
	prog, err := xbpf.Assemble([]xbpf.Instruction{
		xbpf.LoadExtension{Num: xbpf.ExtProto},
		xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x0800, SkipFalse: 3},
		xbpf.LoadAbsolute{Off: 9, Size: 1},
		xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 17, SkipFalse: 1},
		xbpf.RetConstant{Val: 262144},
		xbpf.RetConstant{Val: 0},
	})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestFilterAttachedBeforeBind: with a UDP-only filter, ICMP that is
// flowing while the socket is set up never shows up, and UDP does.
func TestFilterAttachedBeforeBind(t *testing.T) {
	n := newTestNet(t)
	stop := make(chan struct{})
	defer close(stop)
	go func() { // traffic already in flight while Open runs
		for {
			select {
			case <-stop:
				return
			default:
				exec.Command("ip", "netns", "exec", n.nsA, "busybox", "ping", "-q", "-c", "5", "-i", "0.01", "192.0.2.2").Run()
			}
		}
	}()
	time.Sleep(200 * time.Millisecond)
	for i := 0; i < 5; i++ {
		h := openIn(t, n.nsA, Config{Interface: "any", Filter: cookedUDPOnly(t), Immediate: true})
		start(t, "ip", "netns", "exec", n.nsA, "bash", "-c", "sleep 0.2; echo hi >/dev/udp/192.0.2.2/9")
		all, udp := collect(t, h, 1, 5*time.Second, func(p pcap.Packet) bool { return len(p.Data) > 29 && p.Data[29] == 17 })
		if len(udp) != 1 {
			t.Fatalf("round %d: saw %d UDP packets, want 1", i, len(udp))
		}
		for _, p := range all {
			if icmpAt(p, 20, echoRequest) || icmpAt(p, 20, echoReply) {
				t.Fatalf("round %d: ICMP packet passed a UDP-only filter", i)
			}
		}
	}
}

// TestStatsAccumulateAndLoopback: on lo, libpcap drops the outgoing copy
// of every packet, so "received by filter" is twice "captured"; counters
// keep growing across Stats calls although the kernel resets them.
func TestStatsAccumulateAndLoopback(t *testing.T) {
	n := newTestNet(t)
	icmpOnly, _ := xbpf.Assemble([]xbpf.Instruction{
		xbpf.LoadAbsolute{Off: 12, Size: 2},
		xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x0800, SkipFalse: 3},
		xbpf.LoadAbsolute{Off: 23, Size: 1},
		xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 1, SkipFalse: 1},
		xbpf.RetConstant{Val: 262144},
		xbpf.RetConstant{Val: 0},
	})
	h := openIn(t, n.nsA, Config{Interface: "lo", Filter: icmpOnly, Immediate: true})
	ping(t, n.nsA, "127.0.0.1", 3)
	ch := make(chan pcap.Packet, 16)
	go func() {
		for {
			p, err := h.ReadPacket()
			if err != nil {
				close(ch)
				return
			}
			ch <- p
		}
	}()
	var captured int
	var first Stats
	for captured < 6 {
		select {
		case <-ch:
			captured++
			if captured == 2 {
				first, _ = h.Stats()
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("captured %d packets, want 6", captured)
		}
	}
	time.Sleep(300 * time.Millisecond)
	st, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if first.Received == 0 || st.Received < first.Received {
		t.Errorf("stats did not accumulate: first %+v, then %+v", first, st)
	}
	if st.Received != uint64(2*captured) || st.Dropped != 0 {
		t.Errorf("captured %d, stats %+v; want %d received by filter, 0 dropped", captured, st, 2*captured)
	}
}

// TestCloseUnblocksRead: a ReadPacket blocked on an idle interface
// returns ErrClosed promptly after Close (what SIGINT handling needs).
func TestCloseUnblocksRead(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsB, Config{Interface: "lo"})
	errc := make(chan error, 1)
	go func() {
		_, err := h.ReadPacket()
		errc <- err
	}()
	time.Sleep(100 * time.Millisecond)
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("ReadPacket: %v, want ErrClosed", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("ReadPacket still blocked 3s after Close")
	}
	if _, err := h.ReadPacket(); !errors.Is(err, ErrClosed) {
		t.Errorf("ReadPacket after Close: %v", err)
	}
}

// TestOpenErrors: unknown devices and -i N beyond the list.
func TestOpenErrors(t *testing.T) {
	n := newTestNet(t)
	var err error
	inNetns(t, n.nsA, func() { _, err = Open(Config{Interface: "eth9"}) })
	if !errors.Is(err, ErrNoSuchDevice) || !strings.HasPrefix(err.Error(), "eth9: No such device exists") {
		t.Errorf("eth9: %v", err)
	}
	inNetns(t, n.nsA, func() { _, err = Open(Config{Interface: "nflog"}) })
	if err == nil || err.Error() != "nflog: capturing on this libpcap pseudo-device is not supported" {
		t.Errorf("nflog: %v", err)
	}
	inNetns(t, n.nsA, func() { _, err = Open(Config{Interface: "99"}) })
	if err == nil || !strings.Contains(err.Error(), "Invalid adapter index 99: only") {
		t.Errorf("-i 99: %v", err)
	}
	var h *Handle
	inNetns(t, n.nsA, func() { h, err = Open(Config{Interface: "1"}) })
	if err != nil {
		t.Fatalf("-i 1: %v", err)
	}
	defer h.Close()
	if h.LinkType() != pcap.LinkEthernet {
		t.Errorf("-i 1 (%s) link type %d", n.vethA, h.LinkType())
	}
}

// TestLiveFileReadByTcpdump writes a live -i any capture to a pcap file
// and has tcpdump read it back with the same packet count.
func TestLiveFileReadByTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed")
	}
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: "any"})
	ping(t, n.nsA, "192.0.2.2", 3)
	all, _ := collect(t, h, 3, 10*time.Second, sll2Icmp(echoReply))
	var buf bytes.Buffer
	w, _ := pcap.NewWriter(&buf, h.LinkType(), h.Snaplen(), false)
	for _, p := range all {
		w.WritePacket(p)
	}
	w.Close()
	f := filepath.Join(t.TempDir(), "live.pcap")
	os.WriteFile(f, buf.Bytes(), 0o644)
	// Run in the capture's namespace: tcpdump names SLL2 interfaces by
	// looking the ifindex up where it runs.
	out, err := exec.Command("ip", "netns", "exec", n.nsA, tcpdump, "-nr", f).CombinedOutput()
	if err != nil {
		t.Fatalf("tcpdump -r: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var pkts int
	for _, l := range lines {
		if !strings.HasPrefix(l, "reading from file") && !strings.HasPrefix(l, "Warning:") {
			pkts++
		}
	}
	if !strings.Contains(lines[0], "link-type LINUX_SLL2") || pkts != len(all) {
		t.Errorf("tcpdump read %d packets of %d:\n%s", pkts, len(all), out)
	}
	if !regexp.MustCompile(n.vethA + ` +Out +IP 192\.0\.2\.1 > 192\.0\.2\.2: ICMP echo request`).Match(out) {
		t.Errorf("tcpdump does not show an outgoing echo request on %s:\n%s", n.vethA, out)
	}
}

// readUntilError drains h in the background and delivers the first
// ReadPacket error.
func readUntilError(h *Handle) <-chan error {
	errc := make(chan error, 1)
	go func() {
		for {
			if _, err := h.ReadPacket(); err != nil {
				errc <- err
				return
			}
		}
	}()
	return errc
}

// wantDisappeared checks that a capture whose device was just deleted
// ends with libpcap's "The interface disappeared" within 5 s.
func wantDisappeared(t *testing.T, errc <-chan error) {
	t.Helper()
	select {
	case err := <-errc:
		if err == nil || err.Error() != "The interface disappeared" {
			t.Errorf("after delete: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadPacket still blocked after the device was deleted")
	}
}

// TestDeviceDownAndGone: a down device cannot be opened ("That device is
// not up"); taking it down during a capture is not an error (tcpdump
// keeps waiting); deleting it ends ReadPacket with "The interface
// disappeared", as in tcpdump 4.99.3.
func TestDeviceDownAndGone(t *testing.T) {
	n := newTestNet(t)
	run(t, "ip", "-n", n.nsA, "link", "add", "gnsc", "type", "veth", "peer", "name", "gnsd")
	var err error
	inNetns(t, n.nsA, func() { _, err = Open(Config{Interface: "gnsd"}) })
	if !errors.Is(err, ErrNotUp) || err.Error() != "gnsd: That device is not up" {
		t.Errorf("down device: %v", err)
	}
	run(t, "ip", "-n", n.nsA, "link", "set", "gnsc", "up")
	run(t, "ip", "-n", n.nsA, "link", "set", "gnsd", "up")
	h := openIn(t, n.nsA, Config{Interface: "gnsd"})
	errc := readUntilError(h)
	run(t, "ip", "-n", n.nsA, "link", "set", "gnsd", "down")
	select {
	case err := <-errc:
		t.Fatalf("ReadPacket failed when the device went down: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	run(t, "ip", "-n", n.nsA, "link", "del", "gnsd")
	wantDisappeared(t, errc)
}

// TestDeviceDeletedWhileUp: deleting a running device ends the capture
// with "The interface disappeared".
func TestDeviceDeletedWhileUp(t *testing.T) {
	n := newTestNet(t)
	run(t, "ip", "-n", n.nsA, "link", "add", "gnse", "type", "veth", "peer", "name", "gnsf")
	run(t, "ip", "-n", n.nsA, "link", "set", "gnse", "up")
	run(t, "ip", "-n", n.nsA, "link", "set", "gnsf", "up")
	h := openIn(t, n.nsA, Config{Interface: "gnsf"})
	errc := readUntilError(h)
	time.Sleep(200 * time.Millisecond)
	run(t, "ip", "-n", n.nsA, "link", "del", "gnsf")
	wantDisappeared(t, errc)
}

// TestReadBatchAndWake: a batch waiting on an idle device returns empty
// at Wake; under traffic batches hold the frames, zero-copy for Ethernet,
// with the lengths ReadPacket gives; after Close, ErrClosed.
func TestReadBatchAndWake(t *testing.T) {
	n := newTestNet(t)
	h := openIn(t, n.nsA, Config{Interface: n.vethA})
	res := make(chan error, 1)
	go func() {
		pkts, err := h.ReadBatch(nil, 64)
		if err == nil && len(pkts) != 0 {
			err = errors.New("packets on an idle device")
		}
		res <- err
	}()
	time.Sleep(100 * time.Millisecond)
	h.Wake()
	select {
	case err := <-res:
		if err != nil {
			t.Fatalf("woken ReadBatch: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("ReadBatch still waiting 3s after Wake")
	}
	ping(t, n.nsA, "192.0.2.2", 3)
	var echoes int
	var pkts []pcap.Packet
	deadline := time.Now().Add(10 * time.Second)
	for echoes < 6 && time.Now().Before(deadline) {
		go func() { time.Sleep(200 * time.Millisecond); h.Wake() }()
		var err error
		if pkts, err = h.ReadBatch(pkts[:0], 64); err != nil {
			t.Fatal(err)
		}
		for _, p := range pkts {
			if p.CaptureLength != len(p.Data) || p.Length != len(p.Data) || cap(p.Data) != len(p.Data) {
				t.Errorf("lengths: cap %d wire %d data %d (cap %d)", p.CaptureLength, p.Length, len(p.Data), cap(p.Data))
			}
			if icmpAt(p, 14, echoRequest) || icmpAt(p, 14, echoReply) {
				echoes++
			}
		}
	}
	if echoes != 6 {
		t.Errorf("saw %d ICMP echo frames in batches, want 6", echoes)
	}
	h.Close()
	if _, err := h.ReadBatch(nil, 64); !errors.Is(err, ErrClosed) {
		t.Errorf("ReadBatch after Close: %v", err)
	}
}
