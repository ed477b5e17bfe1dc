package difftest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"testing"

	xbpf "golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/bpf/interp"
)

// TestCookedSocketKernel checks bpf.FixForCookedSocket against the
// kernel: in a network namespace of its own, UDP traffic on lo is seen by
// two AF_PACKET SOCK_DGRAM sockets (what tcpdump -i any opens), one
// without a filter and one with the fixed program attached. The filtered
// socket must receive exactly the packets for which the original program
// accepts the packet with the cooked header libpcap would build
// (pkttype, ARPHRD_LOOPBACK, protocol, ifindex). Outgoing and incoming
// copies of each datagram exercise inbound/outbound.
func TestCookedSocketKernel(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: run as root, e.g. sudo go test ./bpf/difftest")
	}
	exprs := []string{
		"udp", "tcp", "ip", "ip6", "udp port 5353", "udp dst port 53 or udp src port 4000",
		"host 127.0.0.1", "dst host 127.0.0.2", "src host ::1", "inbound", "outbound",
		"inbound and ip6", "not outbound and udp port 53", "ifindex 1", "ifindex 2",
		"link[0:2] = 4", "link[0:2] = 0", "ether proto 0x86dd", "proto 17", "ip[9] = 17",
		"udp[8:4] = 0x30313233", "portrange 50-60", "ip[2:2] > 40", "icmp", "udp[0:2] = udp[2:2]",
	}
	errc := make(chan error, 1)
	go func() {
		// The thread enters a new network namespace and is never
		// unlocked, so the runtime discards it when this goroutine ends.
		runtime.LockOSThread()
		if err := pinToOneCPU(); err != nil {
			errc <- err
			return
		}
		errc <- cookedKernelRun(t, exprs)
	}()
	if err := <-errc; err != nil {
		if errors.Is(err, errSkip) {
			t.Skip(err)
		}
		t.Fatal(err)
	}
}

var errSkip = errors.New("skip")

// pinToOneCPU keeps the calling (locked) thread on one CPU, so all its
// packets go through one backlog queue in order.
func pinToOneCPU() error {
	var set, one unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return os.NewSyscallError("sched_getaffinity", err)
	}
	for cpu := 0; cpu < 1024; cpu++ {
		if set.IsSet(cpu) {
			one.Set(cpu)
			break
		}
	}
	return os.NewSyscallError("sched_setaffinity", unix.SchedSetaffinity(0, &one))
}

func cookedKernelRun(t *testing.T, exprs []string) error {
	if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
		return fmt.Errorf("%w: unshare(CLONE_NEWNET): %v", errSkip, err)
	}
	if err := loUp(); err != nil {
		return fmt.Errorf("%w: %v", errSkip, err)
	}
	tap, err := packetSocket(nil)
	if err != nil {
		return fmt.Errorf("%w: %v", errSkip, err)
	}
	defer unix.Close(tap)
	tr, err := newTraffic()
	if err != nil {
		return err
	}
	defer tr.close()
	checked, acc, total := 0, 0, 0
	for _, lt := range []bpf.LinkType{bpf.LinkLinuxSLL, bpf.LinkLinuxSLL2} {
		for _, e := range exprs {
			prog, err := bpf.Compile(e, lt, 262144)
			if err != nil {
				continue // refused offline too (e.g. ifindex on SLL)
			}
			fixed, ok := bpf.FixForCookedSocket(prog, lt)
			if !ok {
				continue
			}
			a, n, err := checkCooked(tap, tr, lt, prog, fixed)
			if err != nil {
				return fmt.Errorf("%s %q: %w", linkName(lt), e, err)
			}
			checked, acc, total = checked+1, acc+a, total+n
		}
	}
	t.Logf("%d fixed programs agree with the kernel on cooked-socket traffic (%d of %d packet copies accepted)", checked, acc, total)
	if checked < 30 || acc == 0 || acc == total {
		t.Errorf("weak check: %d programs, %d of %d packets accepted", checked, acc, total)
	}
	return nil
}

func loUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
	if err != nil {
		return os.NewSyscallError("socket", err)
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING)
	return os.NewSyscallError("ioctl SIOCSIFFLAGS lo", unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr))
}

// packetSocket opens a cooked capture socket on lo, with prog attached.
func packetSocket(prog []xbpf.RawInstruction) (int, error) {
	proto := int(htons(unix.ETH_P_ALL))
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		return -1, os.NewSyscallError("socket AF_PACKET", err)
	}
	if len(prog) > 0 {
		filter := make([]unix.SockFilter, len(prog))
		for i, ins := range prog {
			filter[i] = unix.SockFilter{Code: ins.Op, Jt: ins.Jt, Jf: ins.Jf, K: ins.K}
		}
		fp := unix.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}
		if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
			unix.Close(fd)
			return -1, os.NewSyscallError("setsockopt SO_ATTACH_FILTER", err)
		}
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: 1}); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("bind lo", err)
	}
	tv := unix.Timeval{Sec: 5}
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("setsockopt SO_RCVTIMEO", err)
	}
	return fd, nil
}

// htons returns v in network byte order as a native uint16 (identity on
// big-endian hosts); it is its own inverse, so it also serves as ntohs.
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}

// traffic sends UDP datagrams on lo to bound receivers (so no ICMP
// errors), IPv4 and IPv6, ending with a sentinel to port 9.
type traffic struct {
	rx4, rx6 *net.UDPConn
	tx       []*net.UDPConn
}

func newTraffic() (*traffic, error) {
	tr := &traffic{}
	var err error
	if tr.rx4, err = net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 2), Port: 53}); err != nil {
		return nil, err
	}
	if tr.rx6, err = net.ListenUDP("udp6", &net.UDPAddr{IP: net.IPv6loopback, Port: 5353}); err != nil {
		tr.rx6 = nil // no IPv6 in this kernel: IPv4 only
	}
	return tr, nil
}

func (tr *traffic) close() {
	tr.rx4.Close()
	if tr.rx6 != nil {
		tr.rx6.Close()
	}
}

func (tr *traffic) send(payload []byte, last bool) error {
	dst := []*net.UDPAddr{{IP: net.IPv4(127, 0, 0, 2), Port: 53}}
	if tr.rx6 != nil {
		dst = append(dst, &net.UDPAddr{IP: net.IPv6loopback, Port: 5353})
	}
	if last {
		dst = []*net.UDPAddr{{IP: net.IPv4(127, 0, 0, 2), Port: 9}}
	}
	for _, d := range dst {
		src := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 4000}
		if d.IP.To4() == nil {
			src = &net.UDPAddr{IP: net.IPv6loopback, Port: 4000}
		}
		c, err := net.DialUDP("udp", src, d)
		if err != nil {
			return err
		}
		_, err = c.Write(payload)
		c.Close()
		if err != nil && !last {
			return err
		}
	}
	return nil
}

// seen is one packet as a cooked socket reported it.
type seen struct {
	pkttype uint8
	proto   uint16
	ifindex int
	data    []byte
}

// isSentinel spots the final IPv4 datagram to port 9 (incoming copy).
func (s seen) isSentinel() bool {
	return s.proto == 0x0800 && len(s.data) >= 24 && s.data[9] == 17 &&
		binary.BigEndian.Uint16(s.data[22:]) == 9 && s.pkttype == unix.PACKET_HOST
}

func readUntilSentinel(fd int) ([]seen, error) {
	var out []seen
	buf := make([]byte, 65536)
	for {
		n, from, err := unix.Recvfrom(fd, buf, 0)
		if err != nil {
			return nil, os.NewSyscallError("recvfrom", err)
		}
		ll := from.(*unix.SockaddrLinklayer)
		s := seen{pkttype: ll.Pkttype, proto: htons(ll.Protocol), ifindex: ll.Ifindex, data: append([]byte(nil), buf[:n]...)}
		if s.isSentinel() {
			return out, nil
		}
		out = append(out, s)
	}
}

// sentinelPrefix accepts the sentinel whatever the program under test
// says, then restores A = 0 for it (X is still 0).
var sentinelPrefix = []xbpf.RawInstruction{
	{Op: 0x20, K: interp.AdOffset(interp.AdProtocol)}, // ld [proto]
	{Op: 0x15, Jt: 0, Jf: 5, K: 0x0800},               // jeq #0x800
	{Op: 0x30, K: 9},                                  // ldb [9]
	{Op: 0x15, Jt: 0, Jf: 3, K: 17},                   // jeq #17
	{Op: 0x28, K: 22},                                 // ldh [22]
	{Op: 0x15, Jt: 0, Jf: 1, K: 9},                    // jeq #9
	{Op: 0x06, K: 0xffff},                             // ret #65535
	{Op: 0x00, K: 0},                                  // ld #0
}

// cookedHeaderFor is the header libpcap builds for what the socket saw.
func cookedHeaderFor(lt bpf.LinkType, s seen) []byte {
	if lt == bpf.LinkLinuxSLL {
		h := binary.BigEndian.AppendUint16(nil, uint16(s.pkttype))
		h = append(h, 0x03, 0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0)
		return binary.BigEndian.AppendUint16(h, s.proto)
	}
	h := binary.BigEndian.AppendUint16(nil, s.proto)
	h = append(h, 0, 0)
	h = binary.BigEndian.AppendUint32(h, uint32(s.ifindex))
	return append(h, 0x03, 0x04, s.pkttype, 6, 0, 0, 0, 0, 0, 0, 0, 0)
}

// checkCooked returns how many packet copies the filter accepted, of how
// many.
func checkCooked(tap int, tr *traffic, lt bpf.LinkType, prog, fixed []xbpf.RawInstruction) (int, int, error) {
	fd, err := packetSocket(append(append([]xbpf.RawInstruction(nil), sentinelPrefix...), fixed...))
	if err != nil {
		return 0, 0, err
	}
	defer unix.Close(fd)
	drain(tap)
	// A per-round marker keeps a copy delayed from an earlier round
	// (another CPU's backlog) out of the comparison.
	round++
	marker := []byte{'R', byte(round >> 16), byte(round >> 8), byte(round)}
	for _, p := range [][]byte{[]byte("0123456789"), []byte("x"), bytes.Repeat([]byte{0}, 40)} {
		if err := tr.send(append(p, marker...), false); err != nil {
			return 0, 0, err
		}
	}
	if err := tr.send([]byte("end"), true); err != nil {
		return 0, 0, err
	}
	all, err := readUntilSentinel(tap)
	if err != nil {
		return 0, 0, err
	}
	got, err := readUntilSentinel(fd)
	if err != nil {
		return 0, 0, err
	}
	all, got = thisRound(all, marker), thisRound(got, marker)
	var want []seen
	for _, s := range all {
		cooked := append(cookedHeaderFor(lt, s), s.data...)
		if interp.Run(prog, cooked, uint32(len(cooked)), nil) != 0 {
			want = append(want, s)
		}
	}
	if len(got) != len(want) {
		return 0, 0, fmt.Errorf("kernel delivered %d packets, savefile semantics accept %d of %d", len(got), len(want), len(all))
	}
	for i := range got {
		if got[i].pkttype != want[i].pkttype || !bytes.Equal(got[i].data, want[i].data) {
			return 0, 0, fmt.Errorf("packet %d: kernel delivered type %d %x, expected type %d %x", i, got[i].pkttype, got[i].data, want[i].pkttype, want[i].data)
		}
	}
	return len(want), len(all), nil
}

// thisRound keeps the packets that carry this round's payload marker
// (which also drops both copies of the sentinel).
func thisRound(in []seen, marker []byte) []seen {
	var out []seen
	for _, s := range in {
		if bytes.HasSuffix(s.data, marker) {
			out = append(out, s)
		}
	}
	return out
}

// round numbers checkCooked calls.
var round int

// drain empties the tap's queue of anything left from earlier rounds.
func drain(fd int) {
	buf := make([]byte, 65536)
	for {
		if _, _, err := unix.Recvfrom(fd, buf, unix.MSG_DONTWAIT); err != nil {
			return
		}
	}
}
