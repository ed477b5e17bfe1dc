package capture_test

import (
	"context"
	"encoding/binary"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// TestLiveProtocolsPrintLikeTcpdump generates real traffic of the protocols
// people debug in containers inside the test's own namespaces — DNS against
// a small responder, a DHCP exchange between busybox udhcpd and udhcpc, an
// HTTP GET (busybox httpd and wget), TFTP read requests nobody answers,
// ping with ARP and ping6 with neighbour discovery — captures
// it once, and checks under several flag sets that gonsenter's live text
// (--print) and its reading of the file both equal tcpdump's reading of the
// same file.
func TestLiveProtocolsPrintLikeTcpdump(t *testing.T) {
	p := newPair(t)
	need(t, "tcpdump")
	nstest.Sh(t, "ip", "-n", p.A, "addr", "add", "2001:db8::1/64", "dev", "vA", "nodad")
	nstest.Sh(t, "ip", "-n", p.B, "addr", "add", "2001:db8::2/64", "dev", "vB", "nodad")
	dir := t.TempDir()
	stopDNS := serveDNS(t, p.PID)
	defer stopDNS()

	file := filepath.Join(dir, "live.pcap")
	r := p.start(t, nil, "-i", "vA", "-n", "-vv", "--print", "-w", file)
	liveTraffic(t, p, dir)
	time.Sleep(300 * time.Millisecond)
	r.cmd.Process.Signal(unix.SIGINT)
	if code := r.wait(t); code != 0 {
		t.Fatalf("capture: exit %d\n%s", code, r.stderr.String())
	}
	want, _ := p.tcpdumpReadIn(t, file, "-n", "-vv")
	if got := r.stdout.String(); got != want {
		t.Errorf("live -n -vv text differs from tcpdump -r:\n%s", lineDiff(got, want))
	}
	for _, proto := range []string{"A? www.example.com.", "SOA ns1.example.com.", "NXDomain", "DHCP-Message (53), length 1: ACK", "GET /index.html HTTP/1.1", "TFTP, length", "neighbor solicitation", "Request who-has 192.0.2.1"} {
		if !strings.Contains(want, proto) {
			t.Errorf("the traffic has no %q packet: the test no longer covers it\n%s", proto, want)
		}
	}
	for _, flags := range [][]string{{"-n"}, {"-n", "-v"}, {"-n", "-vvv"}, {"-n", "-e"}, {"-n", "-q"}, {"-n", "-X"}, {"-n", "-A", "-v"}, {"-nn", "-x", "-e", "-vv"}} {
		want, _ := p.tcpdumpReadIn(t, file, flags...)
		got := oursReadIn(t, p, file, flags...)
		if got != want {
			t.Errorf("%v: gonsenter --capture -r differs from tcpdump -r:\n%s", flags, lineDiff(got, want))
		}
	}
}

// liveTraffic runs each client from namespace b against servers in a.
func liveTraffic(t *testing.T, p *pair, dir string) {
	t.Helper()
	inB := func(args ...string) {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", p.B}, args...)...).CombinedOutput()
		t.Logf("%v: %v\n%s", args, err, out)
	}
	for _, q := range []string{"A", "AAAA", "MX", "TXT", "CNAME", "SOA"} {
		inB("busybox", "nslookup", "-type="+q, "www.example.com", "192.0.2.1")
	}
	inB("busybox", "nslookup", "192.0.2.10", "192.0.2.1")
	inB("busybox", "nslookup", "-type=A", "nosuch.example.com", "192.0.2.1")

	conf := filepath.Join(dir, "udhcpd.conf")
	os.WriteFile(conf, []byte("start 192.0.2.100\nend 192.0.2.110\ninterface vA\nlease_file "+dir+"/leases\npidfile "+dir+"/udhcpd.pid\n"+
		"opt subnet 255.255.255.0\nopt router 192.0.2.1\nopt dns 192.0.2.1\nopt domain example.com\nopt lease 600\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "leases"), nil, 0o644)
	dhcpd := exec.Command("ip", "netns", "exec", p.A, "busybox", "udhcpd", "-f", conf)
	if err := dhcpd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { dhcpd.Process.Kill(); dhcpd.Wait() }()
	time.Sleep(200 * time.Millisecond)
	inB("busybox", "udhcpc", "-i", "vB", "-n", "-q", "-f", "-t", "3", "-T", "1", "-s", "/bin/true", "-x", "hostname:client")

	www := filepath.Join(dir, "www")
	os.Mkdir(www, 0o755)
	os.WriteFile(filepath.Join(www, "index.html"), []byte("<html>hello from 192.0.2.1</html>\n"), 0o644)
	httpd := exec.Command("ip", "netns", "exec", p.A, "busybox", "httpd", "-f", "-p", "192.0.2.1:80", "-h", www)
	if err := httpd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { httpd.Process.Kill(); httpd.Wait() }()
	time.Sleep(200 * time.Millisecond)
	inB("busybox", "wget", "-q", "-O", "/dev/null", "http://192.0.2.1/index.html")

	inB("busybox", "timeout", "2", "busybox", "tftp", "-g", "-r", "boot.img", "-l", "/dev/null", "192.0.2.1")
	nstest.Sh(t, "ip", "-n", p.B, "neigh", "flush", "all")
	inB("busybox", "ping", "-c", "2", "-i", "0.2", "192.0.2.1")
	inB("busybox", "ping6", "-c", "2", "-i", "0.2", "2001:db8::1")
}

// oursReadIn is gonsenter --capture -r inside namespace a.
func oursReadIn(t *testing.T, p *pair, file string, flags ...string) string {
	t.Helper()
	cmd := exec.Command("ip", append([]string{"netns", "exec", p.A, gonsenter(t), "--capture", "-r", file}, flags...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gonsenter --capture -r %s %v: %v", file, flags, err)
	}
	return string(out)
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			b.WriteString("line " + itoa(i+1) + "\n  ours:    " + gl + "\n  tcpdump: " + wl + "\n")
			if shown++; shown == 8 {
				break
			}
		}
	}
	return b.String()
}

// serveDNS answers DNS queries on 192.0.2.1:53 inside the target's network
// namespace until the returned function is called: fixed records for
// www.example.com of every type the test asks for, PTRs for 192.0.2.10
// (host.example.com) and 192.0.2.2 (peer-b.example.test), NXDOMAIN for
// anything else.
func serveDNS(t *testing.T, pid int) func() {
	t.Helper()
	f, err := nstest.UDPSocketIn(pid)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.Bind(int(f.Fd()), &unix.SockaddrInet4{Port: 53, Addr: [4]byte{192, 0, 2, 1}}); err != nil {
		t.Fatal(os.NewSyscallError("bind", err))
	}
	conn, err := net.FilePacketConn(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply := dnsReply(buf[:n]); reply != nil {
				conn.WriteTo(reply, from)
			}
		}
	}()
	return func() { conn.Close() }
}

// dnsReply builds the answer to one query (nil for a malformed one).
func dnsReply(q []byte) []byte {
	if len(q) < 12 {
		return nil
	}
	end := 12
	for end < len(q) && q[end] != 0 {
		end += int(q[end]) + 1
	}
	if end+5 > len(q) {
		return nil
	}
	name := q[12 : end+1]
	qtype := binary.BigEndian.Uint16(q[end+1:])
	question := q[12 : end+5]
	rdata, rtype := dnsAnswer(string(name), qtype)
	h := []byte{q[0], q[1], 0x85, 0x80, 0, 1, 0, 0, 0, 0, 0, 0} // response, AA, RD, RA
	if rdata == nil {
		h[3] = 0x83 // NXDOMAIN
		return append(h, question...)
	}
	h[7] = 1
	rr := []byte{0xc0, 12} // the name of the question
	rr = binary.BigEndian.AppendUint16(rr, rtype)
	rr = append(rr, 0, 1, 0, 0, 0x0e, 0x10) // IN, TTL 3600
	rr = binary.BigEndian.AppendUint16(rr, uint16(len(rdata)))
	out := append(append(h, question...), rr...)
	return append(out, rdata...)
}

// dnsAnswer is the record data and type for a question name (wire form).
func dnsAnswer(name string, qtype uint16) ([]byte, uint16) {
	const www = "\x03www\x07example\x03com\x00"
	target := []byte("\x04host\x07example\x03com\x00")
	if qtype == 12 {
		switch name {
		case "\x0210\x012\x010\x03192\x07in-addr\x04arpa\x00":
			return target, 12
		case "\x012\x012\x010\x03192\x07in-addr\x04arpa\x00":
			return []byte("\x06peer-b\x07example\x04test\x00"), 12
		}
	}
	if name != www {
		return nil, 0
	}
	switch qtype {
	case 1:
		return []byte{192, 0, 2, 10}, 1
	case 28:
		return net.ParseIP("2001:db8::10").To16(), 28
	case 15:
		return append([]byte{0, 10}, []byte("\x04mail\x07example\x03com\x00")...), 15
	case 16:
		return []byte("\x0bhello world"), 16
	case 5:
		return target, 5
	case 6:
		soa := append([]byte("\x03ns1\x07example\x03com\x00"), []byte("\x0ahostmaster\x07example\x03com\x00")...)
		for _, v := range []uint32{2026120301, 7200, 3600, 1209600, 300} {
			soa = binary.BigEndian.AppendUint32(soa, v)
		}
		return soa, 6
	}
	return nil, 0
}
