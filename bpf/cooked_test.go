package bpf

import (
	"encoding/binary"
	"errors"
	"testing"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf/interp"
)

func TestFixForCookedSocketOffsets(t *testing.T) {
	ad := func(n uint32) uint32 { return skfAdOff + n }
	cases := []struct {
		lt     LinkType
		in     xbpf.RawInstruction
		want   uint32
		wantOK bool
	}{
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x28, K: 14}, ad(skfAdProtocol), true}, // ldh [14]
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x28, K: 0}, ad(skfAdPktType), true},   // ldh [0]
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x30, K: 25}, 9, true},                 // ldb [25]
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0xb1, K: 16}, 0, true},                 // ldxb 4*([16]&0xf)
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x48, K: 18}, 2, true},                 // ldh [x + 18]
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x20, K: ad(skfAdIfIndex)}, ad(skfAdIfIndex), true},
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x28, K: 2}, 0, false}, // hatype: userland only
		{LinkLinuxSLL, xbpf.RawInstruction{Op: 0x30, K: 15}, 0, false},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x28, K: 0}, ad(skfAdProtocol), true},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x20, K: 4}, ad(skfAdIfIndex), true},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x30, K: 10}, ad(skfAdPktType), true},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x28, K: 32}, 12, true},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x30, K: 11}, 0, false},
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x80, K: 0}, 0, true}, // ld #pktlen: untouched
		{LinkLinuxSLL2, xbpf.RawInstruction{Op: 0x00, K: 7}, 7, true}, // ld #7: untouched
		{LinkEN10MB, xbpf.RawInstruction{Op: 0x28, K: 12}, 12, true},  // not cooked: unchanged
	}
	for _, c := range cases {
		prog := []xbpf.RawInstruction{c.in, {Op: 0x06, K: 1}}
		fixed, ok := FixForCookedSocket(prog, c.lt)
		if ok != c.wantOK {
			t.Errorf("%d %v: ok = %v, want %v", c.lt, c.in, ok, c.wantOK)
			continue
		}
		if ok && fixed[0].K != c.want {
			t.Errorf("%d %v: k = %#x, want %#x", c.lt, c.in, fixed[0].K, c.want)
		}
		if prog[0] != c.in {
			t.Errorf("%d %v: input program modified", c.lt, c.in)
		}
	}
}

// cookedPackets builds LINUX_SLL or LINUX_SLL2 packets of various
// protocols, directions and interfaces, returning each packet with the
// socket metadata the kernel would show a cooked socket's filter.
func cookedPackets(lt LinkType) (pkts [][]byte, aux []interp.Aux) {
	ip4 := func(proto byte, l4 []byte) []byte {
		h := []byte{0x45, 0, 0, byte(20 + len(l4)), 0, 1, 0, 0, 64, proto, 0, 0, 127, 0, 0, 1, 127, 0, 0, 2}
		return append(h, l4...)
	}
	ip6 := func(next byte, l4 []byte) []byte {
		h := []byte{0x60, 0, 0, 0, 0, byte(len(l4)), next, 64}
		h = append(h, make([]byte, 15)...)
		h = append(h, 1)
		h = append(h, make([]byte, 15)...)
		return append(append(h, 1), l4...)
	}
	tcp := []byte{0x9c, 0x40, 0x1f, 0x90, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0}
	udp := []byte{0x14, 0xe9, 0x00, 0x35, 0, 12, 0, 0, 1, 2, 3, 4}
	icmp := []byte{8, 0, 0, 0, 0, 1, 0, 1}
	arp := []byte{0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 127, 0, 0, 2}
	l3 := []struct {
		proto uint16
		body  []byte
	}{
		{0x0800, ip4(6, tcp)}, {0x0800, ip4(17, udp)}, {0x0800, ip4(1, icmp)},
		{0x86dd, ip6(6, tcp)}, {0x86dd, ip6(58, []byte{128, 0, 0, 0, 0, 1, 0, 1})}, {0x86dd, ip6(17, udp)},
		{0x0806, arp}, {0x0800, ip4(6, tcp)[:30]},
	}
	for i, p := range l3 {
		for _, dir := range []uint8{0, 1, 4} {
			ifindex := uint32(1 + 6*(i%2))
			var hdr []byte
			if lt == LinkLinuxSLL {
				hdr = binary.BigEndian.AppendUint16(nil, uint16(dir))
				hdr = append(hdr, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0)
				hdr = binary.BigEndian.AppendUint16(hdr, p.proto)
			} else {
				hdr = binary.BigEndian.AppendUint16(nil, p.proto)
				hdr = append(hdr, 0, 0)
				hdr = binary.BigEndian.AppendUint32(hdr, ifindex)
				hdr = append(hdr, 0, 1, dir, 6, 2, 0, 0, 0, 0, 1, 0, 0)
			}
			pkts = append(pkts, append(hdr, p.body...))
			aux = append(aux, interp.Aux{Protocol: p.proto, PktType: dir, IfIndex: ifindex, HaType: 1})
		}
	}
	return pkts, aux
}

// usesLen reports `ld #pktlen`/`ldx #pktlen`: fix_program leaves them, so
// `len` counts the cooked header offline but not in the kernel.
func usesLen(prog []xbpf.RawInstruction) bool {
	for _, ins := range prog {
		if ins.Op == 0x80 || ins.Op == 0x81 {
			return true
		}
	}
	return false
}

// TestFixForCookedSocketVerdicts compiles filters for SLL and SLL2, runs
// the fixed program on the bare L3 packet with the metadata as ancillary
// data (what the kernel does for tcpdump -i any), and requires the same
// verdict as the original program on the packet with its cooked header.
func TestFixForCookedSocketVerdicts(t *testing.T) {
	exprs := []string{
		"tcp", "udp port 53", "host 127.0.0.1", "src host 127.0.0.1 and dst host 127.0.0.2",
		"ip6", "arp", "icmp or icmp6", "tcp[13] & 2 != 0", "ip[9] = 6", "net 127.0.0.0/8",
		"port 8080", "host ::1", "not ip", "proto 17", "icmp6[0] = 128", "ip6 multicast",
		"inbound", "outbound", "inbound and tcp", "not outbound and udp", "ifindex 7", "ifindex 1 and ip",
		"link[0:2] = 4", "link[14:2] = 0x0800", "ether proto 0x86dd", "tcp dst port 8080 or arp",
		"tcp[0:2] > 1023", "ip[ip[0] & 0xf] = 0", "portrange 50-60",
		"link[2:2] = 1", "link[6] = 6",
	}
	for _, lt := range []LinkType{LinkLinuxSLL, LinkLinuxSLL2} {
		hdr := map[LinkType]int{LinkLinuxSLL: sllHeaderLen, LinkLinuxSLL2: sll2HeaderLen}[lt]
		pkts, aux := cookedPackets(lt)
		fixedN, userland := 0, 0
		for _, e := range exprs {
			prog, err := Compile(e, lt, 262144)
			if err != nil {
				if !errors.Is(err, ErrUnsupported) {
					t.Logf("%d %q: %v", lt, e, err)
				}
				continue
			}
			fixed, ok := FixForCookedSocket(prog, lt)
			if !ok {
				userland++
				continue
			}
			if err := interp.Validate(fixed); err != nil {
				t.Errorf("%d %q: fixed program invalid for the kernel: %v", lt, e, err)
			}
			fixedN++
			for i, p := range pkts {
				want := interp.Run(prog, p, uint32(len(p)), nil) != 0
				got := interp.Run(fixed, p[hdr:], uint32(len(p)-hdr), &aux[i]) != 0
				if got != want && !usesLen(prog) {
					t.Errorf("%d %q packet %d: kernel form %v, savefile form %v", lt, e, i, got, want)
				}
			}
		}
		t.Logf("link type %d: %d programs fixed for the kernel, %d left to userland filtering", lt, fixedN, userland)
		if fixedN < 15 {
			t.Errorf("link type %d: only %d programs compiled and fixed", lt, fixedN)
		}
	}
}
