package bpf

import (
	"math/rand"
	"testing"
)

// FuzzCompile checks, for any input: no panic; an error if and only if
// there is no program; every program is valid for the kernel (ends in
// ret, jumps in range, at most 4096 instructions); and the optimizer
// never changes a verdict on a few pseudo-random packets.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"", "tcp port 80", "host 10.0.0.1 or 10.0.0.2", "vlan 100 and ip", "vlan or ip",
		"tcp[tcpflags] & (tcp-syn|tcp-ack) != 0", "len % 10 + 1 > 2", "ip6 net fe80::/10",
		"ether src 0:1:2:3:4:5", "not (udp and portrange 1-1023)", "icmp6[0] = 135",
		"tcp[tcp[12] >> 4] > 0", "-len > 3", "ip[2:2] - ((ip[0]&0xf)<<2) > 40", "1 = 1",
		"ether proto \\stp", "src and dst host ::1", "(((tcp)))", "len / ip[0] > 1",
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
			return
		}
		if verr := validate(prog); verr != nil {
			t.Fatalf("%q: %v", expr, verr)
		}
		noHosts.NoOptimize = true
		unopt, err := CompileOptions(expr, lt, 65535, noHosts)
		if err != nil {
			return // e.g. too long unoptimized
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
