package difftest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/internal/repo"
)

// sharedTestdata returns <repo root>/../shared/testdata, or skips.
func sharedTestdata(t testing.TB) string {
	p, err := findShared()
	if err != nil {
		t.Skip(err)
	}
	return p
}

// findShared walks up to the repository root (go.mod) and returns the
// shared test data directory beside it.
func findShared() (string, error) {
	p, err := repo.SharedTestdata()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("shared test data absent: %w", err)
	}
	return p, nil
}

// caseRow is one DLT<TAB>valid|invalid<TAB>expression line.
type caseRow struct {
	dlt   string
	valid bool
	expr  string
	src   string
}

func readCases(t testing.TB, path, src string) []caseRow {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []caseRow
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		rows = append(rows, caseRow{dlt: parts[0], valid: parts[1] == "valid", expr: parts[2], src: src})
	}
	return rows
}

// extraExprs are this package's additions to core-exprs.tsv: order-
// dependent VLAN offsets (P7), truncation and optimizer cases (P4),
// cooked-header fields, arithmetic corners, and tier-(c) constructs that
// must be refused with ErrUnsupported or an error.
var extraExprs = []string{
	"",
	"vlan 100 or ip", "ip or vlan 100", "(vlan and tcp) or udp", "vlan and (tcp or udp)",
	"vlan 100 and vlan 200 and ip", "vlan and vlan and icmp", "not vlan", "not vlan and ip",
	"vlan 200 and ip6", "vlan and arp", "vlan 5 or vlan 100", "vlan and port 53",
	"vlan 100 and host 10.0.0.1 and tcp port 80",
	"tcp[100] = 0 or not tcp[100] = 0", "not tcp[100] = 0", "not tcp[13] = 0",
	"ip[100:4] != 0", "ether[1000] = 0 or 1 = 1", "udp[8:2] = 0x3031",
	"ip[6:2] & 0x1fff = 0 and udp", "ip and ip[6] & 0x20 != 0",
	"port 53 and not ip6", "ip6 and port 53", "port 80 and tcp[13] & 2 != 0",
	"tcp port 80 or udp port 53 or icmp", "dst port 80 and src port 40000",
	"portrange 40000-40010", "tcp dst portrange 79-81", "udp src portrange 5000-6000",
	"host 10.0.0.1 and host 10.0.0.2", "src host 10.0.0.1 and dst net 10.0.0.0/24",
	"ip src 10.0.0.1 or ip6 src 2001:db8::1", "host 2001:db8::1", "dst host ff02::1",
	"net 2001:db8::/48", "src net 2001:db8:1::/48 or dst net 2001:db8:1::/48",
	"ip6 multicast or ip multicast", "ether broadcast and arp", "ether multicast and not ip6",
	"ether src 02:00:00:00:00:01", "ether dst 33:33:00:00:00:01", "ether[0:4] = 0xffffffff",
	"icmp6 and ip6[40] = 135", "icmp6[icmp6type] = icmp6-echoreply", "ip6 proto 44",
	"ip6[6] = 44 and ip6[40] = 58", "ip proto 2", "ip proto 103 or ip6 proto 103",
	"sctp port 80", "sctp and port 2905", "igmp and ip[16] >= 224",
	"len >= 1000", "len < 42", "len = 60", "greater 61", "less 42",
	"len - 100 > 100", "len / 0x10 = 4", "len % 7 = 1", "len & 0xff00 != 0",
	"len << 1 > 2000", "len >> 8 = 1", "ip[2:2] - len < 100",
	"tcp[tcp[12] >> 4 << 2 : 1] = 0x30", "ip[ip[0] & 0xf : 2] != 0",
	"udp[udp[4:2] - 1] = 0x3a", "tcp[13] = tcp[13]",
	"ether[12:2] < 0x600", "ether[14] = 0x42", "link[14:2] = 0xaaaa",
	"arp[7] = 1 and arp[24:4] = 0x0a000001", "rarp[7] = 3",
	"ip and not tcp and not udp and not icmp",
	"(tcp or udp) and not (port 80 or port 53)",
	"not (host 10.0.0.1 or host 10.0.0.2)",
	"inbound", "outbound", "not inbound", "inbound and tcp", "ifindex 2", "ifindex 5 and udp",
	"link[0] = 4", "link[0:2] = 4", "link[14:2] = 0x0800", "link[10] = 4",
	"ip6 protochain 17", "protochain 58", "mpls 20", "mpls and udp", "pppoes 0x3b and tcp",
	"geneve", "llc", "stp", "ipx", "netbeui", "iso", "decnet", "atalk", "gateway 10.0.0.1",
	"ip broadcast", "byte 9 = 6",
	"tcp port smtp", "ip proto ospf", "ether proto 0x8863 or ether proto 0x8864",
	"ether proto 0x6003", "ether proto 0x809b", "ether proto 0x8137",
	"ether proto 1500", "ether proto 0x0600", "ether proto 0xffff",
	"ip[0] >> 4 = 4", "ip6[0] >> 4 = 6", "ip[0] & 0xf > 5",
	"tcp[tcpflags] == tcp-fin|tcp-ack", "tcp[tcpflags] & tcp-rst != 0 or tcp[tcpflags] & tcp-syn != 0",
	"ip[8] = 255", "ip[8] < 65 and ip[8] > 63",
	"1 = 0 or tcp", "0 != 0", "len != len",
	"ip[1] * 4 > 1", "-len < 0", "- - len = len", "ip[2:2] / 0 = 0", "ip[2:2] % 0 = 0",
	"vlan 4096", "port 65536", "ether[0:3] = 0", "tcp[0:8] = 0", "10.0.0.1", "tcp or 10.0.0.1",
	"tcp and 80", "len-1 > 0", "port 08", "net 10.0.0.1/8", "host 10.0.0.1/24",
	// Found by the random generator (live test, other seeds).
	"0 <= link[tcp[9]]", "ether[sctp[12]] != 0", "link[ip[3]] > 0", "link[arp[20]:2] >= 1",
	"ether[ip6[18]] = 0", "udp[20:2] >> -14 == 0xff", "ip[21] >> 1 - 14 <= 3", "tcp[6] >> -4 = 0",
	"len >> 0x0800 != 0", "ether[icmp6[6:2]] != link[6:4]",
}

// bigExprs need more than 255 instructions somewhere, so conditional
// jumps overflow their 8-bit offsets and need `ja` trampolines.
func bigExprs() []string {
	var hosts, ports, nets []string
	for i := 1; i <= 24; i++ {
		hosts = append(hosts, fmt.Sprintf("host 2001:db8::%x", i))
		ports = append(ports, fmt.Sprintf("port %d", 1000+7*i))
		nets = append(nets, fmt.Sprintf("net 10.%d.0.0/16", i))
	}
	h, p, n := strings.Join(hosts, " or "), strings.Join(ports, " or "), strings.Join(nets, " or ")
	return []string{h, "not (" + h + ")", "(" + h + ") and (" + p + ")", p + " or " + n, "tcp and (" + n + ") and not (" + p + ")"}
}

// ownExpressions is the golden test's expression list: every distinct
// expression of core-exprs.tsv plus extraExprs, each tried on every
// link type.
func ownExpressions(t testing.TB, shared string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(e string) {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, r := range readCases(t, filepath.Join(shared, "filters", "core-exprs.tsv"), "core") {
		add(r.expr)
	}
	for _, e := range append(extraExprs, bigExprs()...) {
		add(e)
	}
	return out
}
