package interp

import (
	"encoding/binary"
	"math/rand"
	"net"
	"os"
	"runtime"
	"testing"
	"time"

	xbpf "golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// TestAgainstKernel attaches random programs to a UDP socket on loopback
// with SO_ATTACH_FILTER and checks that the kernel keeps exactly the
// datagrams Run accepts, truncated to the same length. A UDP socket
// filter sees the 8-byte UDP header followed by the payload; the sender
// disables checksums (SO_NO_CHECK) so every byte it sees is known here.
// Each program is prefixed with a sentinel rule that accepts 1-byte
// payloads, so a rejected datagram is detected by the sentinel arriving
// first, without timing assumptions. Ancillary loads see lo's metadata
// (ETH_P_IP, PACKET_HOST, ARPHRD_LOOPBACK, no VLAN tag).
//
// As root the test runs in a network namespace of its own, so its
// datagrams never appear on the host's lo; otherwise it uses the host's
// loopback like golang.org/x/net/bpf's own tests.
func TestAgainstKernel(t *testing.T) {
	// Locked and pinned to one CPU, all datagrams go through one
	// backlog queue, so the sentinel cannot overtake a test datagram.
	// The thread is never unlocked: the runtime discards it afterwards.
	runtime.LockOSThread()
	pinToOneCPU(t)
	privateNetns(t)
	rx, tx := udpPair(t)
	r := rand.New(rand.NewSource(2))
	compared := 0
	for compared < 1500 {
		prog := randProgram(r, 20)
		if Validate(prog) != nil || shiftsByX(prog) {
			continue
		}
		payload := make([]byte, 2+r.Intn(48))
		r.Read(payload)
		pkt := udpHeader(rx, tx, payload)
		want := Run(prog, pkt, uint32(len(pkt)), &Aux{Protocol: 0x0800, IfIndex: loIndex(t), HaType: 772})
		got := kernelRun(t, rx, tx, prog, payload)
		exp := -1
		if want != 0 {
			exp = int(max(min(int64(want), int64(len(pkt)))-8, 0))
		}
		if got != exp {
			t.Fatalf("program %v on %x: kernel kept %d payload bytes, Run = %d (expect %d)", prog, pkt, got, want, exp)
		}
		compared++
	}
	t.Logf("%d programs agree with the kernel", compared)
}

// shiftsByX reports `lsh x`/`rsh x`: for X >= 32 libpcap (and Run) give
// 0 but the kernel's eBPF translation shifts by X&31, a known divergence.
func shiftsByX(prog []xbpf.RawInstruction) bool {
	for _, ins := range prog {
		if ins.Op == clsALU|aluLsh|srcX || ins.Op == clsALU|aluRsh|srcX {
			return true
		}
	}
	return false
}

// pinToOneCPU restricts the calling (locked) thread to one CPU.
func pinToOneCPU(t *testing.T) {
	var set, one unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		t.Fatalf("sched_getaffinity: %v", err)
	}
	for cpu := 0; cpu < 1024; cpu++ {
		if set.IsSet(cpu) {
			one.Set(cpu)
			break
		}
	}
	if err := unix.SchedSetaffinity(0, &one); err != nil {
		t.Fatalf("sched_setaffinity: %v", err)
	}
}

// privateNetns moves the test's (locked) thread into a new network
// namespace with lo up, when running as root.
func privateNetns(t *testing.T) {
	if os.Geteuid() != 0 {
		return
	}
	if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
		t.Logf("unshare(CLONE_NEWNET): %v; using the host's loopback", err)
		return
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		t.Fatal(err)
	}
	ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING)
	if err := unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr); err != nil {
		t.Skipf("ioctl SIOCSIFFLAGS lo in the new namespace: %v", err)
	}
}

func loIndex(t *testing.T) uint32 {
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		t.Skipf("no loopback interface: %v", err)
	}
	return uint32(lo.Index)
}

func udpPair(t *testing.T) (*net.UDPConn, *net.UDPConn) {
	rx, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Skipf("no IPv4 loopback: %v", err)
	}
	tx, err := net.DialUDP("udp4", nil, rx.LocalAddr().(*net.UDPAddr))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rx.Close(); tx.Close() })
	sc, err := tx.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var serr error
	err = sc.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_NO_CHECK, 1)
	})
	if err != nil || serr != nil {
		t.Skipf("SO_NO_CHECK: %v %v", err, serr)
	}
	return rx, tx
}

// udpHeader is what the filter sees before the payload.
func udpHeader(rx, tx *net.UDPConn, payload []byte) []byte {
	h := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(h[0:], uint16(tx.LocalAddr().(*net.UDPAddr).Port))
	binary.BigEndian.PutUint16(h[2:], uint16(rx.LocalAddr().(*net.UDPAddr).Port))
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(payload)))
	return append(h, payload...)
}

// kernelRun returns how many payload bytes of the datagram the kernel
// delivered, or -1 if the filter dropped it.
func kernelRun(t *testing.T, rx, tx *net.UDPConn, prog []xbpf.RawInstruction, payload []byte) int {
	sentinel := []xbpf.RawInstruction{
		{Op: clsLD | modeLEN},
		{Op: clsJMP | jmpJEQ, Jt: 0, Jf: 1, K: 9},
		{Op: clsRET | srcK, K: 0xffff},
		{Op: clsLD | modeIMM, K: 0},
	}
	full := append(sentinel, prog...)
	attach(t, rx, full)
	if _, err := tx.Write(payload); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Write([]byte{0xee}); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	got := -1
	for {
		rx.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := rx.Read(buf)
		if err != nil {
			t.Fatalf("reading from loopback: %v", err)
		}
		if n == 1 && buf[0] == 0xee {
			return got
		}
		got = n
	}
}

func attach(t *testing.T, c *net.UDPConn, prog []xbpf.RawInstruction) {
	sc, err := c.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	filter := make([]unix.SockFilter, len(prog))
	for i, ins := range prog {
		filter[i] = unix.SockFilter{Code: ins.Op, Jt: ins.Jt, Jf: ins.Jf, K: ins.K}
	}
	fprog := unix.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}
	var serr error
	if err := sc.Control(func(fd uintptr) {
		serr = unix.SetsockoptSockFprog(int(fd), unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog)
	}); err != nil {
		t.Fatal(err)
	}
	if serr != nil {
		t.Fatalf("SO_ATTACH_FILTER %v: %v", prog, serr)
	}
}
