package bpf

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/bpf/interp"
)

// FuzzCompile checks, for any input: no panic; either an error, one
// non-empty line, and no program, or a program the Linux kernel's
// classic BPF checker accepts (interp.Validate: 1 to 4096 instructions,
// known opcodes, every jump forward and inside the program, a final ret,
// no division by a constant zero, scratch words in range and written
// before read); and the optimizer never changes a verdict on a few
// pseudo-random packets.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"", "tcp port 80", "host 10.0.0.1 or 10.0.0.2", "vlan 100 and ip", "vlan or ip",
		"tcp[tcpflags] & (tcp-syn|tcp-ack) != 0", "len % 10 + 1 > 2", "ip6 net fe80::/10",
		"ether src 0:1:2:3:4:5", "not (udp and portrange 1-1023)", "icmp6[0] = 135",
		"tcp[tcp[12] >> 4] > 0", "-len > 3", "ip[2:2] - ((ip[0]&0xf)<<2) > 40", "1 = 1",
		"ether proto \\stp", "src and dst host ::1", "(((tcp)))", "len / ip[0] > 1",
		"port 99999 or (", "host ((10.0.0.1))", "port ((1) or (2))", "len % (1 % 1) > 0",
		"len" + strings.Repeat(" % 1", 16) + " > 0", strings.Repeat("port 1 or ", 40) + "port 2",
		// Deep nesting and huge expressions have their own tests
		// (limits_test.go): as seeds, each execution would take 0.1 s and
		// the fuzzer would spend its time minimizing them.
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(6)) // LiveEthernet
	}
	lts := []LinkType{LinkEN10MB, LinkLinuxSLL, LinkLinuxSLL2, LinkRAW, LinkIPv4, LinkIPv6}
	f.Fuzz(func(t *testing.T, expr string, sel uint8) {
		lt := lts[int(sel)%len(lts)]
		noHosts := Options{
			LookupHost: func(string) ([]string, error) { return []string{"192.0.2.1", "2001:db8::1"}, nil },
			Form:       KernelForm(int(sel) / len(lts) % 3),
		}
		prog, err := CompileOptions(expr, lt, 65535, noHosts)
		if (err == nil) == (prog == nil) {
			t.Fatalf("%q: program %v with error %v", expr, prog, err)
		}
		if err != nil {
			if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("%q: error %q is not one line", expr, msg)
			}
			return
		}
		if verr := interp.Validate(prog); verr != nil {
			t.Fatalf("%q: the kernel would refuse the program: %v", expr, verr)
		}
		noHosts.NoOptimize = true
		unopt, err := CompileOptions(expr, lt, 65535, noHosts)
		if err != nil {
			return // e.g. too long unoptimized
		}
		if verr := interp.Validate(unopt); verr != nil {
			t.Fatalf("%q (unoptimized): the kernel would refuse the program: %v", expr, verr)
		}
		r := rand.New(rand.NewSource(int64(len(expr))))
		for i := 0; i < 20; i++ {
			pkt := make([]byte, r.Intn(100))
			r.Read(pkt)
			if len(pkt) > 14 && i%2 == 0 {
				pkt[12], pkt[13] = 0x08, 0x00
			}
			wire := uint32(len(pkt) + r.Intn(3))
			if a, b := runRef(prog, pkt, wire) != 0, runRef(unopt, pkt, wire) != 0; a != b {
				t.Fatalf("%q: optimized %v, unoptimized %v on %x", expr, a, b, pkt)
			}
		}
	})
}
