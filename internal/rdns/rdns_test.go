package rdns

import (
	"encoding/binary"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// server answers PTR queries on a loopback port with reply(question name).
func server(t *testing.T, reply func(id []byte, q []byte) []byte) netip.AddrPort {
	t.Helper()
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if r := reply(buf[:2], append([]byte(nil), buf[12:n]...)); r != nil {
				pc.WriteTo(r, from)
			}
		}
	}()
	return netip.MustParseAddrPort(pc.LocalAddr().String())
}

// answer builds a response with the question echoed and the given RRs.
func answer(id []byte, rcode byte, question []byte, rrs ...[]byte) []byte {
	m := append([]byte{id[0], id[1], 0x81, 0x80 | rcode, 0, 1, 0, byte(len(rrs)), 0, 0, 0, 0}, question...)
	for _, rr := range rrs {
		m = append(m, rr...)
	}
	return m
}

func rr(typ uint16, rdata []byte) []byte {
	r := []byte{0xc0, 12}
	r = binary.BigEndian.AppendUint16(r, typ)
	r = append(r, 0, 1, 0, 0, 0, 60)
	r = binary.BigEndian.AppendUint16(r, uint16(len(rdata)))
	return append(r, rdata...)
}

func wire(labels ...string) []byte {
	var b []byte
	for _, l := range labels {
		b = append(append(b, byte(len(l))), l...)
	}
	return append(b, 0)
}

func loopResolver(servers ...netip.AddrPort) *Resolver {
	return &Resolver{Servers: servers, Hosts: map[netip.Addr]string{}, Timeout: 300 * time.Millisecond, Socket: NewSocket}
}

func TestLookupAddr(t *testing.T) {
	good := server(t, func(id, q []byte) []byte {
		switch string(q[:len(q)-4]) {
		case string(wire("10", "2", "0", "192", "in-addr", "arpa")):
			return answer(id, 0, q, rr(12, wire("web", "example", "com")))
		case string(wire("11", "2", "0", "192", "in-addr", "arpa")):
			// RFC 2317 classless delegation: a CNAME, then the PTR.
			cname := rr(5, wire("11", "0-63", "2", "0", "192", "in-addr", "arpa"))
			return answer(id, 0, q, cname, rr(12, wire("db1", "example", "org")))
		case string(wire("1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "8", "b", "d", "0", "1", "0", "0", "2", "ip6", "arpa")):
			return answer(id, 0, q, rr(12, wire("v6", "example", "net")))
		}
		return answer(id, 3, q) // NXDOMAIN
	})
	failing := server(t, func(id, q []byte) []byte { return answer(id, 2, q) }) // SERVFAIL
	silent := server(t, func(id, q []byte) []byte { return nil })

	r := loopResolver(silent, failing, good)
	r.Hosts[netip.MustParseAddr("192.0.2.10")] = "from-hosts"
	cases := []struct {
		addr, want string
		ok         bool
	}{
		{"192.0.2.10", "from-hosts", true},      // /etc/hosts wins
		{"192.0.2.11", "db1.example.org", true}, // after a CNAME
		{"2001:db8::1", "v6.example.net", true},
		{"198.51.100.7", "", false}, // NXDOMAIN
	}
	for _, c := range cases {
		got, ok := r.LookupAddr(netip.MustParseAddr(c.addr))
		if got != c.want || ok != c.ok {
			t.Errorf("LookupAddr(%s) = %q, %v; want %q, %v", c.addr, got, ok, c.want, c.ok)
		}
	}
	delete(r.Hosts, netip.MustParseAddr("192.0.2.10"))
	if got, ok := r.LookupAddr(netip.MustParseAddr("192.0.2.10")); got != "web.example.com" || !ok {
		t.Errorf("via DNS after a silent and a failing server: %q, %v", got, ok)
	}
}

func TestNoServerAnswers(t *testing.T) {
	silent := server(t, func(id, q []byte) []byte { return nil })
	r := loopResolver(silent)
	if got, ok := r.LookupAddr(netip.MustParseAddr("192.0.2.1")); ok {
		t.Errorf("a silent server resolved %q", got)
	}
	r.Socket = nil
	if _, ok := r.LookupAddr(netip.MustParseAddr("192.0.2.1")); ok {
		t.Error("resolved without a socket")
	}
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "etc"), 0o755)
	os.WriteFile(filepath.Join(root, "etc", "resolv.conf"), []byte(
		"# kubelet\nsearch default.svc.cluster.local svc.cluster.local\nnameserver 10.96.0.10\nnameserver 2001:db8::53\n"+
			"nameserver bogus\nnameserver 192.0.2.53\nnameserver 192.0.2.54\noptions ndots:5 timeout:1\n"), 0o644)
	os.WriteFile(filepath.Join(root, "etc", "hosts"), []byte(
		"127.0.0.1\tlocalhost\n192.0.2.5 pod-a.ns.svc pod-a # comment\n192.0.2.5 later\n::ffff:192.0.2.6 mapped\nnot-an-address x\n"), 0o644)
	r := Load(root)
	want := []string{"10.96.0.10:53", "[2001:db8::53]:53", "192.0.2.53:53"}
	if len(r.Servers) != len(want) {
		t.Fatalf("servers %v, want %v", r.Servers, want)
	}
	for i, s := range r.Servers {
		if s.String() != want[i] {
			t.Errorf("server %d = %s, want %s", i, s, want[i])
		}
	}
	if r.Timeout != time.Second {
		t.Errorf("timeout %v, want 1s", r.Timeout)
	}
	for addr, name := range map[string]string{"192.0.2.5": "pod-a.ns.svc", "192.0.2.6": "mapped", "127.0.0.1": "localhost"} {
		if got := r.Hosts[netip.MustParseAddr(addr)]; got != name {
			t.Errorf("hosts[%s] = %q, want %q", addr, got, name)
		}
	}
	empty := Load(filepath.Join(root, "nosuch"))
	if len(empty.Servers) != 1 || empty.Servers[0].String() != "127.0.0.1:53" || empty.Timeout != MaxTimeout {
		t.Errorf("without files: %v %v, want glibc's 127.0.0.1 and %v", empty.Servers, empty.Timeout, MaxTimeout)
	}
}

// FuzzParsePTR: any answer gives a name or an error, never a panic or a
// loop (compression pointers must point backwards).
func FuzzParsePTR(f *testing.F) {
	q := query(1, "10.2.0.192.in-addr.arpa")
	f.Add(answer([]byte{0, 1}, 0, q[12:], rr(12, wire("web", "example", "com"))))
	f.Add([]byte{0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xc0, 12})
	f.Fuzz(func(t *testing.T, m []byte) {
		if len(m) < 12 {
			return
		}
		name, err := parsePTR(m)
		if err == nil && (name == "" || len(name) > 1100) {
			t.Fatalf("name %q without error", name)
		}
	})
}
