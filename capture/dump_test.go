package capture

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/bpf"
	xbpf "golang.org/x/net/bpf"
)

// dumpExprs are filter expressions whose -d/-dd/-ddd output is recorded
// from tcpdump for every dead-handle link type.
var dumpExprs = []string{
	"", "icmp", "ip", "ip6", "arp", "vlan", "tcp", "udp", "icmp6", "sctp",
	"tcp port 80", "host 192.0.2.1", "udp and not port 53", "net 198.51.100.0/24",
	"tcp[tcpflags] & tcp-syn != 0", "len > 100", "portrange 1-100", "ip[2:2] > 576",
	"ether host 1:2:3:4:5:6", "ether broadcast", "ip6 host 2001:db8::1", "icmp[0] = 8",
	"ip[0] & 0xf > 5 or len > 100", "not ip and not arp", "ip proto 47", "inbound",
	"tcp dst port 443 and (ip src 192.0.2.1 or ip src 192.0.2.2)", "greater 1000", "less 64",
	"ip[6:2] & 0x3fff != 0", "udp[8:4] = 0x12345678", "ip multicast", "vlan 100 and ip",
	"foo bar", "tcp port", "ip[", "host 300.1.2.3",
}

var dumpLinkTypes = []string{"", "EN10MB", "LINUX_SLL", "LINUX_SLL2", "RAW"}

func dumpCases() [][]string {
	var cases [][]string
	for _, lt := range dumpLinkTypes {
		for _, e := range dumpExprs {
			for _, d := range []string{"-d", "-dd", "-ddd"} {
				args := []string{d}
				if lt != "" {
					args = []string{"-y", lt, d}
				}
				cases = append(cases, append(args, e))
			}
		}
	}
	return append(cases,
		[]string{"-O", "-d", "tcp port 80 or udp port 53"},
		[]string{"-s", "100", "-d", "ip"},
		[]string{"-s", "0", "-d", "ip"},
		[]string{"-dddd", "icmp"},
		[]string{"-d", "icmp", "and", "host", "192.0.2.1"},
	)
}

// TestDumpFormatMatchesTcpdump checks the -d and -dd listings against
// tcpdump for the very programs tcpdump printed with -ddd, independently
// of the filter compiler.
func TestDumpFormatMatchesTcpdump(t *testing.T) {
	rs := golden(t, "dump", dumpCases())
	byArgs := map[string]result{}
	for _, r := range rs {
		byArgs[strings.Join(r.Args, "\x00")] = r
	}
	checked := 0
	for _, r := range rs {
		if r.Exit != 0 || r.Args[len(r.Args)-2] != "-ddd" {
			continue
		}
		prog := parseDDD(t, r.Stdout)
		for level, flag := range map[int]string{1: "-d", 2: "-dd"} {
			args := append(append([]string{}, r.Args[:len(r.Args)-2]...), flag, r.Args[len(r.Args)-1])
			want := byArgs[strings.Join(args, "\x00")]
			var b strings.Builder
			if err := bpf.Dump(&b, prog, level); err != nil {
				t.Fatal(err)
			}
			if b.String() != want.Stdout {
				t.Errorf("tcpdump %q:\n got %q\nwant %q", args, b.String(), want.Stdout)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d listings checked", checked)
	}
}

func parseDDD(t *testing.T, s string) []xbpf.RawInstruction {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var prog []xbpf.RawInstruction
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		n := make([]uint64, 4)
		for i := range n {
			v, err := strconv.ParseUint(f[i], 10, 32)
			if err != nil {
				t.Fatalf("bad -ddd line %q", l)
			}
			n[i] = v
		}
		prog = append(prog, xbpf.RawInstruction{Op: uint16(n[0]), Jt: uint8(n[1]), Jf: uint8(n[2]), K: uint32(n[3])})
	}
	return prog
}

// mustMatchDump are dead-handle command lines whose whole output (warning,
// listing or libpcap error, exit status) must already be tcpdump's; the
// rest of the golden file is compared and reported as a percentage while
// the compiler's optimizer is being completed.
var mustMatchDump = map[string]bool{
	"-d icmp": true, "-y EN10MB -d icmp": true, "-y LINUX_SLL -dd ip6": true,
	"-y LINUX_SLL2 -ddd arp": true, "-y RAW -d icmp": true, "-d foo bar": true,
	"-y EN10MB -d vlan": true, "-d ": true, "-y RAW -ddd ip6": true,
	"-s 100 -d ip": true, "-s 0 -d ip": true, "-dddd icmp": true,
}

// TestDeadHandleDumpMatchesTcpdump runs Main on every recorded -d case.
func TestDeadHandleDumpMatchesTcpdump(t *testing.T) {
	rs := golden(t, "dump", dumpCases())
	same := 0
	for _, want := range rs {
		stdout, stderr, code := run(t, "", want.Args...)
		ok := stdout == want.Stdout && stderr == want.Stderr && code == want.Exit
		if ok {
			same++
			continue
		}
		if mustMatchDump[strings.Join(want.Args, " ")] {
			t.Errorf("tcpdump %q:\n got exit %d stdout %q stderr %q\nwant exit %d stdout %q stderr %q",
				want.Args, code, stdout, stderr, want.Exit, want.Stdout, want.Stderr)
		}
	}
	t.Logf("%d/%d dead-handle -d/-dd/-ddd command lines identical to tcpdump 4.99.3", same, len(rs))
	if len(mustMatchDump) > same {
		t.Errorf("fewer identical cases (%d) than required (%d)", same, len(mustMatchDump))
	}
}
