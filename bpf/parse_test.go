package bpf

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

func mustCompile(t *testing.T, expr string, lt LinkType) []xbpf.RawInstruction {
	t.Helper()
	prog, err := Compile(expr, lt, 262144)
	if err != nil {
		t.Fatalf("Compile(%q): %v", expr, err)
	}
	return prog
}

// TestParseEquivalences checks grammar rules by compiling two spellings
// that libpcap's grammar makes identical.
func TestParseEquivalences(t *testing.T) {
	for _, c := range [][2]string{
		// and/or: equal precedence, left associative
		{"tcp or udp and ip6", "(tcp or udp) and ip6"},
		{"tcp and ip or icmp", "(tcp and ip) or icmp"},
		{"not tcp and udp", "(not tcp) and udp"},
		{"!tcp || udp && arp", "((not tcp) or udp) and arp"},
		// qualifier inheritance
		{"host 10.0.0.1 or 10.0.0.2", "host 10.0.0.1 or host 10.0.0.2"},
		{"tcp dst port 80 or 443", "tcp dst port 80 or tcp dst port 443"},
		{"host 10.0.0.1 and not 10.0.0.2", "host 10.0.0.1 and not host 10.0.0.2"},
		{"ip and (host 1.1.1.1 or 2.2.2.2)", "ip and (host 1.1.1.1 or host 2.2.2.2)"},
		{"ether src 0:1:2:3:4:5 or 0:1:2:3:4:6", "ether src 0:1:2:3:4:5 or ether src 0:1:2:3:4:6"},
		{"src 10.0.0.1", "src host 10.0.0.1"},
		{"port (53)", "port 53"},
		// arithmetic precedence, and the %/^ shift quirk
		{"len - 2 * 3 > 1", "len - (2 * 3) > 1"},
		{"len & 3 | 4 > 1", "(len & 3) | 4 > 1"},
		{"len % 10 + 1 > 0", "len % (10 + 1) > 0"},
		{"len + 1 % 10 > 0", "len + (1 % 10) > 0"},
		{"len & 3 ^ 1 > 0", "len & (3 ^ 1) > 0"},
		{"-len + 1 > 0", "(-len) + 1 > 0"},
		{"len << 1 + 1 > 0", "len << (1 + 1) > 0"},
		// relation spellings
		{"len == 100", "len = 100"},
		{"len != 100", "not len = 100"},
		{"len <= 100", "not len > 100"},
		{"len < 100", "not len >= 100"},
		{"less 100", "len <= 100"},
		{"greater 100", "len >= 100"},
		// numbers
		{"port 0120", "port 80"},
		{"port 0x50", "port 80"},
		{"portrange 2000-1000", "portrange 1000-2000"},
		{"portrange 7", "port 7"},
		{"host 1.2.3", "net 1.2.3.0/24"},
		{"net 10", "net 10.0.0.0/8"},
		{"net 10.0.0.0 mask 255.0.0.0", "net 10.0.0.0/8"},
		{`ip proto \tcp`, "ip proto 6"},
		{`ether proto \ip`, "ether proto 0x800"},
		{"port http", "tcp port 80"}, // http is tcp-only in /etc/services
		{"port domain", "port 53"},
		{"tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 2 != 0"},
	} {
		a := mustCompile(t, c[0], LinkEN10MB)
		b := mustCompile(t, c[1], LinkEN10MB)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q and %q compile differently", c[0], c[1])
		}
	}
}

// TestParseErrors checks that libpcap's rejections are rejected, with
// its message.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ expr, msg string }{
		{"tcp or 80", "syntax error in filter expression"},
		{"tcp and 10.0.0.1", "syntax error in filter expression"},
		{"(host 1.1.1.1) or 2.2.2.2", "syntax error in filter expression"},
		{"10.0.0.1", "can't parse filter expression: syntax error"},
		{"len-1 > 0", "can't parse filter expression: syntax error"},
		{"(5)", "can't parse filter expression: syntax error"},
		{"TCP", "can't parse filter expression: syntax error"},
		{"tcp port", "can't parse filter expression: syntax error"},
		{"ether proto arp", "can't parse filter expression: syntax error"},
		{"tcp[0:3] = 1", "data size must be 1, 2, or 4"},
		{"len / 0 > 1", "division by zero"},
		{"len / tcp[0] > 1", "division by zero"}, // libpcap checks the divisor's first statement
		{"len % 0 > 1", "modulus by zero"},
		{"port 65536", "illegal port number 65536 > 65535"},
		{"ip6 port 80", "illegal qualifier of 'port'"},
		{"udp port ssh", "port 'ssh' is tcp"},
		{"port 10.0.0.1", "'port' modifier applied to ip host"},
		{"tcp host 1.2.3.4", "'tcp' modifier applied to host"},
		{"ip6 host 1.2.3.4", "'ip6' modifier applied to ip host"},
		{"ip host ::1", "'ip' modifier applied to ip6 host"},
		{"net 10.1.2.3/8", `non-network bits set in "10.1.2.3/8"`},
		{"host 10.0.0.0/8", "Mask syntax for networks only"},
		{"host ::/64", "Mask syntax for networks only"},
		{"vlan 4096", "VLAN tag 4096 greater than maximum 4095"},
		{"arp proto 1", "arp does not encapsulate another protocol"},
		{"tcp proto 1", "'tcp proto' is bogus"},
		{"ah[0] = 1", "unsupported index operation"},
		{"ether host 1.2.3.4", "illegal link layer address"},
		{"host 1:2:3:4:5:6", "ethernet address used in non-ether expression"},
		{"proto foo", "unknown ip proto 'foo'"},
		{"gateway foo", "'gateway' not supported in this configuration"},
		{"type mgt subtype beacon", "802.11 link-layer types supported only on 802.11"},
		{"vpi 1", "'vpi' supported only on raw ATM"},
		{"on eth0", "ifname supported only on PF linktype"},
		{"1 > 2", "expression rejects all packets"},
		{"ip and not ip", "expression rejects all packets"},
	} {
		_, err := Compile(c.expr, LinkEN10MB, 262144)
		if err == nil || err.Error() != c.msg {
			t.Errorf("Compile(%q) error = %v, want %q", c.expr, err, c.msg)
		}
	}
}

// TestUnsupported checks that tier-(c) constructs fail with an error that
// names them and wraps ErrUnsupported, never a program.
func TestUnsupported(t *testing.T) {
	for _, c := range []struct{ expr, construct string }{
		{"protochain 6", "protochain"},
		{"ip6 protochain 17", "protochain"},

		{"pppoes and geneve", "geneve after vlan (live), pppoes, mpls or geneve"},
		{"byte 2 & 3", "byte &"},
		{"net localnet", "network name 'localnet'"},
	} {
		prog, err := Compile(c.expr, LinkEN10MB, 262144)
		if prog != nil || !errors.Is(err, ErrUnsupported) || err.Error() != "unsupported: "+c.construct {
			t.Errorf("Compile(%q) = %v, %v; want unsupported: %s", c.expr, prog, err, c.construct)
		}
	}
}

// TestDeepNesting guards against exponential backtracking on nested
// parentheses (each "(" can start arithmetic or a boolean expression).
func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat("(", 200) + "tcp" + strings.Repeat(")", 200)
	if !reflect.DeepEqual(mustCompile(t, deep, LinkEN10MB), mustCompile(t, "tcp", LinkEN10MB)) {
		t.Error("nested parentheses change the program")
	}
	arith := strings.Repeat("(", 200) + "len" + strings.Repeat(")", 200) + " > 1"
	mustCompile(t, arith, LinkEN10MB)
	if _, err := Compile(strings.Repeat("(", 200)+"tcp", LinkEN10MB, 0); err == nil {
		t.Error("unbalanced parentheses accepted")
	}
}

// TestScratchRegisters checks that a long left-deep sum needs only a few
// scratch words (libpcap compiles it), while a right-deep one exhausts
// them with libpcap's error.
func TestScratchRegisters(t *testing.T) {
	left := strings.Repeat("len + ", 19) + "len > 100"
	p := mustCompile(t, left, LinkEN10MB)
	for wire, want := range map[uint32]bool{5: false, 6: true} { // 20*5 = 100, 20*6 = 120
		if got := runRef(p, make([]byte, 6), wire) != 0; got != want {
			t.Errorf("%s with len %d: %v", left, wire, got)
		}
	}
	right := strings.Repeat("len + (", 19) + "len" + strings.Repeat(")", 19) + " > 100"
	if _, err := Compile(right, LinkEN10MB, 0); err == nil || err.Error() != "too many registers needed to evaluate expression" {
		t.Errorf("right-deep sum: %v", err)
	}
}
