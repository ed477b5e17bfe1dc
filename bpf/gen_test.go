package bpf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

func prog(ins ...xbpf.Instruction) []xbpf.RawInstruction {
	raw, err := xbpf.Assemble(ins)
	if err != nil {
		panic(err)
	}
	return raw
}

// TestLinkTypeOffsets checks the EtherType test of each link type
// against the listings tcpdump -y DLT -d prints (libpcap 1.10.3).
func TestLinkTypeOffsets(t *testing.T) {
	ret := []xbpf.Instruction{xbpf.RetConstant{Val: 262144}, xbpf.RetConstant{Val: 0}}
	for _, c := range []struct {
		lt   LinkType
		expr string
		want []xbpf.RawInstruction
	}{
		{LinkEN10MB, "ip", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 12, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x800, SkipFalse: 1}}, ret...)...)},
		{LinkLinuxSLL, "ip6", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 14, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x86dd, SkipFalse: 1}}, ret...)...)},
		{LinkLinuxSLL2, "arp", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 0, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x806, SkipFalse: 1}}, ret...)...)},
		{LinkRAW, "ip", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 0, Size: 1}, xbpf.ALUOpConstant{Op: xbpf.ALUOpAnd, Val: 0xf0}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x40, SkipFalse: 1}}, ret...)...)},
		{LinkLinuxSLL, "stp", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 14, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 4, SkipFalse: 3}, xbpf.LoadAbsolute{Off: 16, Size: 1}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 0x42, SkipFalse: 1}}, ret...)...)},
		{LinkLinuxSLL2, "inbound", prog(xbpf.LoadAbsolute{Off: 10, Size: 1}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 4, SkipTrue: 1}, xbpf.RetConstant{Val: 262144}, xbpf.RetConstant{Val: 0})},
		{LinkLinuxSLL2, "ifindex 3", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 4, Size: 4}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 3, SkipFalse: 1}}, ret...)...)},
		{LinkEN10MB, "", prog(xbpf.RetConstant{Val: 262144})},
	} {
		got := mustCompile(t, c.expr, c.lt)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d %q:\n got %v\nwant %v", c.lt, c.expr, got, c.want)
		}
	}
}

// TestTransportOffsets checks where "tcp dst port 80" reads the port on
// each link type: after the variable-length IPv4 header, and at the
// fixed offset 40 into IPv6.
func TestTransportOffsets(t *testing.T) {
	for lt, l3 := range map[LinkType]uint32{LinkEN10MB: 14, LinkLinuxSLL: 16, LinkLinuxSLL2: 20, LinkRAW: 0} {
		p := mustCompile(t, "tcp dst port 80", lt)
		for _, want := range []xbpf.RawInstruction{
			{Op: opLDX | szB | mMSH, K: l3},         // ldxb 4*([l3]&0xf)
			{Op: opLD | szH | mIND, K: l3 + 2},      // ldh [x + l3 + 2]
			{Op: opLD | szH | mABS, K: l3 + 40 + 2}, // ldh [l3 + 42]
			{Op: opLD | szH | mABS, K: l3 + 6},      // fragment offset
		} {
			if !containsIns(p, want) {
				t.Errorf("link type %d: %v lacks %+v", lt, p, want)
			}
		}
	}
}

func containsOp(p []xbpf.RawInstruction, op uint16) bool {
	for _, in := range p {
		if in.Op == op {
			return true
		}
	}
	return false
}

func containsIns(p []xbpf.RawInstruction, want xbpf.RawInstruction) bool {
	for _, in := range p {
		if in.Op == want.Op && in.K == want.K {
			return true
		}
	}
	return false
}

// TestLinkTypeErrors checks libpcap's per-link-type refusals.
func TestLinkTypeErrors(t *testing.T) {
	for _, c := range []struct {
		lt   LinkType
		expr string
		msg  string
	}{
		{LinkLinuxSLL, "vlan", "no VLAN support for Linux cooked v1"},
		{LinkLinuxSLL2, "vlan 10", "no VLAN support for Linux cooked v2"},
		{LinkRAW, "vlan", "no VLAN support for Raw IP"},
		{LinkLinuxSLL, "ether host 0:1:2:3:4:5", "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel"},
		{LinkLinuxSLL2, "broadcast", "not a broadcast link"},
		{LinkRAW, "multicast", "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel"},
		{LinkRAW, "arp", "expression rejects all packets"},
		{LinkRAW, "ether proto 0x88cc", "expression rejects all packets"},
		{LinkEN10MB, "inbound", "inbound/outbound not supported on Ethernet when reading savefiles"},
		{LinkLinuxSLL, "ifindex 1", "ifindex not supported on Linux cooked v1 when reading savefiles"},
	} {
		_, err := Compile(c.expr, c.lt, 262144)
		if err == nil || err.Error() != c.msg {
			t.Errorf("%d %q: error %v, want %q", c.lt, c.expr, err, c.msg)
		}
	}
	if _, err := Compile("ip", LinkType(105), 65535); !errors.Is(err, ErrUnsupported) {
		t.Errorf("link type 105: %v, want unsupported", err)
	}
	if _, err := CompileOptions("inbound", LinkRAW, 65535, Options{}); err == nil {
		t.Errorf("savefile inbound on RAW compiled")
	}
}

// TestVlanShiftsOffsets checks libpcap's parse-order offset shift: after
// "vlan", later primitives read 4 bytes further, whatever the grouping.
func TestVlanShiftsOffsets(t *testing.T) {
	after := mustCompile(t, "vlan or ip", LinkEN10MB)
	before := mustCompile(t, "ip or vlan", LinkEN10MB)
	if !containsIns(after, xbpf.RawInstruction{Op: opLD | szH | mABS, K: 16}) {
		t.Errorf("vlan or ip: no ldh [16]: %v", after)
	}
	if containsIns(before, xbpf.RawInstruction{Op: opLD | szH | mABS, K: 16}) {
		t.Errorf("ip or vlan: ldh [16]: %v", before)
	}
	// pppoes moves the link type to the PPP protocol field (IPv4 = 0x21).
	ppp := mustCompile(t, "pppoes 3 and ip", LinkEN10MB)
	if !containsIns(ppp, xbpf.RawInstruction{Op: opLD | szH | mABS, K: 20}) || !containsIns(ppp, xbpf.RawInstruction{Op: opJMP | jJEQ, K: 0x21}) {
		t.Errorf("pppoes and ip: %v", ppp)
	}
	qinq := mustCompile(t, "vlan 100 and vlan 200 and ip", LinkEN10MB)
	if !containsIns(qinq, xbpf.RawInstruction{Op: opLD | szH | mABS, K: 20}) {
		t.Errorf("Q-in-Q ip not at [20]: %v", qinq)
	}
}

func ipv4Frame(src uint32, size int) []byte {
	p := make([]byte, size)
	binary.BigEndian.PutUint16(p[12:], 0x800)
	p[14] = 0x45
	binary.BigEndian.PutUint32(p[26:], src)
	return p
}

// TestTrampolines compiles an expression whose conditional jumps must
// reach further than 255 instructions and checks the program still means
// the expression.
func TestTrampolines(t *testing.T) {
	var hosts []string
	for i := 1; i <= 60; i++ {
		hosts = append(hosts, fmt.Sprintf("(src host 192.0.2.%d and len > %d)", i, i))
	}
	expr := strings.Join(hosts, " or ")
	for _, o := range []Options{{}, {NoOptimize: true}} {
		p, err := CompileOptions(expr, LinkEN10MB, 65535, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(p) <= 255 || !containsOp(p, opJMP|jJA) {
			t.Fatalf("NoOptimize=%v: %d instructions, want > 255 with ja", o.NoOptimize, len(p))
		}
		if err := validate(p); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 61; i++ {
			frame := ipv4Frame(0xc0000200|uint32(i), 100)
			want := i <= 60
			if got := runRef(p, frame, 100) != 0; got != want {
				t.Errorf("NoOptimize=%v: 192.0.2.%d accepted=%v, want %v", o.NoOptimize, i, got, want)
			}
		}
	}
}

// TestInstructionLimit checks that programs longer than the kernel's
// BPF_MAXINSNS are refused rather than truncated.
func TestInstructionLimit(t *testing.T) {
	var hosts []string
	for i := 0; i < 1200; i++ {
		hosts = append(hosts, fmt.Sprintf("host 198.51.%d.%d", i/256, i%256))
	}
	_, err := Compile(strings.Join(hosts, " or "), LinkEN10MB, 65535)
	var se *SemanticError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "4096") {
		t.Errorf("error %v, want too complex (4096)", err)
	}
}

// TestSnaplen checks ret #snaplen and the 0 default.
func TestSnaplen(t *testing.T) {
	if p := mustCompile(t, "", LinkRAW); p[0].K != 262144 {
		t.Errorf("empty filter returns %d", p[0].K)
	}
	p, _ := Compile("tcp", LinkEN10MB, 1500)
	if !containsIns(p, xbpf.RawInstruction{Op: opRET, K: 1500}) {
		t.Errorf("no ret #1500: %v", p)
	}
}

// TestOptimizerKeepsOutOfBoundsSemantics is pitfall P4: libpcap's
// optimizer turns "tcp[100] = 0 or not tcp[100] = 0" into "accept all",
// but the unoptimized program rejects a TCP packet shorter than 100 bytes
// of TCP, and that is what we keep.
func TestOptimizerKeepsOutOfBoundsSemantics(t *testing.T) {
	p := mustCompile(t, "tcp[100] = 0 or not tcp[100] = 0", LinkEN10MB)
	short := ipv4Frame(0xc0000201, 60)
	short[23] = 6
	if runRef(p, short, 60) != 0 {
		t.Error("short TCP packet accepted")
	}
	long := ipv4Frame(0xc0000201, 200)
	long[23] = 6
	if runRef(p, long, 200) == 0 {
		t.Error("long TCP packet rejected")
	}
	// "not" covers the implicit "tcp" check too: non-TCP packets match.
	if runRef(p, ipv4Frame(0xc0000201, 34), 34) == 0 {
		t.Error("non-TCP packet rejected")
	}
}

// TestIPBroadcastNetmask checks "ip broadcast" against the interface
// netmask tcpdump passes for live captures.
func TestIPBroadcastNetmask(t *testing.T) {
	p, err := CompileOptions("ip broadcast", LinkEN10MB, 65535, Options{Netmask: 0xffffff00})
	if err != nil {
		t.Fatal(err)
	}
	frame := func(dst uint32) []byte {
		f := ipv4Frame(0xc0000201, 60)
		binary.BigEndian.PutUint32(f[30:], dst)
		return f
	}
	for dst, want := range map[uint32]bool{0xc00002ff: true, 0xc0000200: true, 0xc0000201: false, 0xffffffff: true} {
		if got := runRef(p, frame(dst), 60) != 0; got != want {
			t.Errorf("dst %#x: accepted %v, want %v", dst, got, want)
		}
	}
	_, err = CompileOptions("ip broadcast", LinkEN10MB, 65535, Options{Netmask: NetmaskUnknown})
	if err == nil || err.Error() != "netmask not known, so 'ip broadcast' not supported" {
		t.Errorf("unknown netmask: %v", err)
	}
}

// TestHostNames checks "host NAME" through an injected resolver: an OR
// over the addresses, each tested as its family.
func TestHostNames(t *testing.T) {
	lookup := func(name string) ([]string, error) {
		if name == "both.example" {
			return []string{"192.0.2.7", "2001:db8::7"}, nil
		}
		return nil, errors.New("no such host")
	}
	o := Options{LookupHost: lookup}
	for _, c := range []struct {
		lt   LinkType
		expr string
		want string
	}{
		{LinkEN10MB, "host both.example", "host 192.0.2.7 or host 2001:db8::7"},
		{LinkEN10MB, "ip6 host both.example", "ip6 host 2001:db8::7"},
		{LinkEN10MB, "src host both.example", "src host 192.0.2.7 or src host 2001:db8::7"},
		{LinkRAW, "host both.example", "ip host 192.0.2.7 or ip6 host 2001:db8::7"},
	} {
		got, err := CompileOptions(c.expr, c.lt, 65535, o)
		if err != nil {
			t.Fatalf("%q: %v", c.expr, err)
		}
		if want, _ := Compile(c.want, c.lt, 65535); !reflect.DeepEqual(got, want) {
			t.Errorf("%q differs from %q", c.expr, c.want)
		}
	}
	if _, err := CompileOptions("host nowhere.example", LinkEN10MB, 0, o); err == nil || err.Error() != "unknown host 'nowhere.example'" {
		t.Errorf("unknown host: %v", err)
	}
}

// TestDeadHandleAncillary checks the Dead form against tcpdump -y DLT -d
// (libpcap 1.10.3 dead handles on Linux): direction and interface index
// come from skb metadata where the link header has no such field.
func TestDeadHandleAncillary(t *testing.T) {
	ret := []xbpf.Instruction{xbpf.RetConstant{Val: 262144}, xbpf.RetConstant{Val: 0}}
	for _, c := range []struct {
		lt   LinkType
		expr string
		want []xbpf.RawInstruction
	}{
		{LinkRAW, "outbound", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 0xfffff004, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 4, SkipFalse: 1}}, ret...)...)},
		{LinkEN10MB, "inbound", prog(xbpf.LoadAbsolute{Off: 0xfffff004, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 4, SkipTrue: 1}, xbpf.RetConstant{Val: 262144}, xbpf.RetConstant{Val: 0})},
		{LinkLinuxSLL, "ifindex 3", prog(append([]xbpf.Instruction{xbpf.LoadAbsolute{Off: 0xfffff008, Size: 4}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 3, SkipFalse: 1}}, ret...)...)},
		{LinkLinuxSLL, "inbound", prog(xbpf.LoadAbsolute{Off: 0, Size: 2}, xbpf.JumpIf{Cond: xbpf.JumpEqual, Val: 4, SkipTrue: 1}, xbpf.RetConstant{Val: 262144}, xbpf.RetConstant{Val: 0})},
	} {
		got, err := CompileOptions(c.expr, c.lt, 262144, Options{Form: Dead})
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d %q: %v %v, want %v", c.lt, c.expr, got, err, c.want)
		}
	}
}

// TestRawIPFamilies checks LINKTYPE_IPV4/IPV6: the own family is
// constant true, the other constant false (tcpdump -y IPV4|IPV6 -d).
func TestRawIPFamilies(t *testing.T) {
	if p := mustCompile(t, "ip", LinkIPv4); len(p) != 1 || p[0].K != 262144 {
		t.Errorf("IPV4 ip: %v", p)
	}
	for lt, expr := range map[LinkType]string{LinkIPv4: "ip6", LinkIPv6: "host 1.2.3.4"} {
		if _, err := Compile(expr, lt, 0); err == nil || err.Error() != "expression rejects all packets" {
			t.Errorf("%d %q: %v", lt, expr, err)
		}
	}
	if _, err := Compile("vlan", LinkIPv6, 0); err == nil || err.Error() != "no VLAN support for Raw IPv6" {
		t.Errorf("IPV6 vlan: %v", err)
	}
}

// craftedFrames are Ethernet frames of the common kinds, built by hand so
// the test needs no capture files.
func craftedFrames() [][]byte {
	ipv4 := make([]byte, 74)
	binary.BigEndian.PutUint16(ipv4[12:], 0x800)
	copy(ipv4[14:], []byte{0x45, 0, 0, 60, 0, 0, 0x40, 0, 64, 6, 0, 0, 192, 0, 2, 1, 198, 51, 100, 7})
	binary.BigEndian.PutUint16(ipv4[34:], 443)
	binary.BigEndian.PutUint16(ipv4[36:], 80)
	ipv4[47] = 0x12 // SYN|ACK
	ipv6 := make([]byte, 70)
	binary.BigEndian.PutUint16(ipv6[12:], 0x86dd)
	ipv6[14], ipv6[20] = 0x60, 17
	copy(ipv6[22:], []byte{0xfe, 0x80, 15: 1})
	copy(ipv6[38:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 2})
	binary.BigEndian.PutUint16(ipv6[54:], 53)
	binary.BigEndian.PutUint16(ipv6[56:], 5353)
	vlan := append(append(append([]byte{}, ipv4[:12]...), 0x81, 0, 0, 100), ipv4[12:]...)
	arp := make([]byte, 42)
	binary.BigEndian.PutUint16(arp[12:], 0x806)
	copy(arp[28:], []byte{192, 0, 2, 1})
	return [][]byte{ipv4, ipv6, vlan, arp}
}

// TestOptimizerMatchesUnoptimizedOnTruncation is the P4 rule as a
// property: for every prefix of some frames, the optimized program gives
// the unoptimized one's verdict.
func TestOptimizerMatchesUnoptimizedOnTruncation(t *testing.T) {
	for _, expr := range []string{
		"net fe80::/10", "src net fe80::/10 or dst net 2001:db8::/32", "net 0.0.0.0/0", "net ::/0",
		"port 53 or port 443", "tcp and (port 80 or port 443)", "tcp[100] = 0 or not tcp[100] = 0",
		"host 192.0.2.1", "vlan 100 and tcp port 80", "vlan or ip", "tcp[tcpflags] & (tcp-syn|tcp-ack) != 0",
		"ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) != 0", "udp port 53 or arp", "icmp6 or udp[8] = 0",
		"portrange 50-60 and not src portrange 5000-6000", "ether[0] & 1 = 0 and ip[16] >= 224",
	} {
		opt := mustCompile(t, expr, LinkEN10MB)
		unopt, err := CompileOptions(expr, LinkEN10MB, 262144, Options{NoOptimize: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range craftedFrames() {
			for n := 0; n <= len(f); n++ {
				if a, b := runRef(opt, f[:n], uint32(len(f))) != 0, runRef(unopt, f[:n], uint32(len(f))) != 0; a != b {
					t.Errorf("%q on a %d-byte prefix of %x: optimized %v, unoptimized %v", expr, n, f, a, b)
				}
			}
		}
	}
}

// TestRejectsAllLikeLibpcap checks that "expression rejects all packets"
// is reported where libpcap 1.10.3's optimizer reports it, and not where
// only our stronger analysis sees the contradiction (those compile to a
// program that rejects everything).
func TestRejectsAllLikeLibpcap(t *testing.T) {
	for expr, libpcapFails := range map[string]bool{
		"ip and not ip": true, "tcp and udp": true, "1 > 2": true, "ip[0]=1 and ip[0]=2": true,
		"arp and ip[0]=2": true, "ether[12:2]=0x800 and ether[12:2]=0x86dd": true,
		"len > 60 and len < 50": false, "ether[12:2] = 0x800 and ip6": false,
		"ip and 2 - 1 = 2": false, "greater 100 and less 50": false,
	} {
		p, err := Compile(expr, LinkEN10MB, 262144)
		if libpcapFails {
			if err == nil || err.Error() != "expression rejects all packets" {
				t.Errorf("%q: %v, want expression rejects all packets", expr, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", expr, err)
			continue
		}
		for _, f := range craftedFrames() {
			if runRef(p, f, uint32(len(f))) != 0 {
				t.Errorf("%q accepts %x", expr, f)
			}
		}
	}
}

// TestGeneve checks the inner-frame offsets on a hand-built Geneve packet
// (outer IPv4/UDP 6081, VNI 11, transparent Ethernet bridging of IPv4/TCP)
// and that filters reading them when Geneve did not match are refused.
func TestGeneve(t *testing.T) {
	inner := craftedFrames()[0] // Ethernet + IPv4 + TCP
	outer := make([]byte, 14+20+8+8)
	binary.BigEndian.PutUint16(outer[12:], 0x800)
	copy(outer[14:], []byte{0x45, 0, 0, 0, 0, 0, 0, 0, 64, 17})
	binary.BigEndian.PutUint16(outer[36:], 6081) // UDP destination port
	binary.BigEndian.PutUint16(outer[44:], 0x6558)
	binary.BigEndian.PutUint32(outer[46:], 11<<8)
	pkt := append(outer, inner...)
	for expr, want := range map[string]bool{
		"geneve": true, "geneve 11": true, "geneve 12": false, "geneve and ip and tcp": true,
		"geneve and udp": false, "geneve and tcp dst port 80": true, "geneve and ip6": false,
		"geneve and host 198.51.100.7": true, "geneve and not ether multicast": true,
	} {
		p := mustCompile(t, expr, LinkEN10MB)
		if got := runRef(p, pkt, uint32(len(pkt))) != 0; got != want {
			t.Errorf("%q: accepted %v, want %v", expr, got, want)
		}
		if runRef(p, inner, uint32(len(inner))) != 0 {
			t.Errorf("%q accepts the frame without Geneve", expr)
		}
	}
	if _, err := Compile("geneve or ip", LinkEN10MB, 0); !errors.Is(err, ErrUnsupported) {
		t.Errorf("geneve or ip: %v, want unsupported", err)
	}
}
