package difftest

import (
	"fmt"
	"math/rand"
	"strings"
)

// exprGen generates random pcap-filter expressions over the tier (a)/(b)
// grammar (pcap-filter-spec.md §5), in the spirit of pflua's
// pflang-quickcheck: boolean mixes of primitives, VLAN tags placed
// anywhere (offset order-dependence, P7), packet accessors and
// arithmetic with unparenthesised % and ^ (their precedence quirk, §2).
// Values lean towards those that occur in the corpus so that both
// verdicts appear.
type exprGen struct {
	r   *rand.Rand
	dlt string
}

func (g *exprGen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

func (g *exprGen) expr(depth int) string {
	if depth <= 0 || g.r.Intn(3) == 0 {
		return g.term(depth)
	}
	op := g.pick("and", "or", "&&", "||", "and", "or")
	return g.expr(depth-1) + " " + op + " " + g.term(depth-1)
}

func (g *exprGen) term(depth int) string {
	switch g.r.Intn(10) {
	case 0:
		return g.pick("not ", "!") + g.term(depth-1)
	case 1:
		if depth > 0 {
			return "(" + g.expr(depth-1) + ")"
		}
	case 2:
		return g.relation(2)
	}
	return g.primitive()
}

var (
	hosts4 = []string{"10.0.0.1", "10.0.0.2", "127.0.0.1", "10.40.1.1", "192.168.1.9", "192.0.2.1", "224.0.0.251", "255.255.255.255"}
	hosts6 = []string{"::1", "2001:db8::1", "2001:db8::2", "fe80::1", "ff02::1", "::ffff:1.2.3.4"}
	nets4  = []string{"10.0.0.0/8", "10.0.0.0/24", "127.0.0.0/8", "192.168.0.0/16", "0.0.0.0/0", "224.0.0.0/4", "10.40", "192.0.2"}
	nets6  = []string{"2001:db8::/32", "fe80::/10", "ff00::/8", "::/0", "::1/128", "2001:db8:1::/48"}
	ports  = []string{"80", "53", "22", "443", "179", "500", "4500", "2905", "5353", "67", "68", "8080", "1024", "0", "65535", "0x50", "0120"}
	macs   = []string{"ff:ff:ff:ff:ff:ff", "00:1b:21:3c:9d:f8", "02:00:00:00:00:02", "01:00:5e:00:00:12", "00:00:00:00:00:00", "33:33:00:00:00:01"}
	protos = []string{"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp", "pim", "vrrp", "ah", "esp"}
)

func (g *exprGen) dir() string {
	return g.pick("", "", "src ", "dst ", "src or dst ", "src and dst ")
}

func (g *exprGen) primitive() string {
	link := g.dlt == "EN10MB"
	switch g.r.Intn(19) {
	case 0, 1:
		return g.pick(protos...)
	case 16, 17, 18:
		if g.r.Intn(3) > 0 {
			return g.inherited()
		}
		return g.pick("mpls", "pppoes", "geneve", "vlan") + " and " + g.primitive()
	case 2:
		return g.dir() + g.pick("", "host ", "ip host ", "arp host ", "rarp host ") + g.pick(hosts4...)
	case 3:
		return g.dir() + g.pick("", "host ", "ip6 host ") + g.pick(hosts6...)
	case 4:
		return g.dir() + g.pick("net ", "ip net ") + g.pick(nets4...)
	case 5:
		return g.dir() + "net " + g.pick(nets6...)
	case 6:
		return g.pick("", "tcp ", "udp ", "sctp ") + g.dir() + "port " + g.pick(ports...)
	case 7:
		a, b := g.pick(ports...), g.pick(ports...)
		return g.pick("", "tcp ", "udp ") + g.dir() + "portrange " + a + "-" + b
	case 8:
		return g.pick("ip proto ", "ip6 proto ", "proto ") + g.pick("6", "17", "1", "58", "132", "2", "44", "0", "255", "\\tcp", "\\udp")
	case 9:
		return g.pick("less ", "greater ") + fmt.Sprint(g.r.Intn(1600))
	case 10:
		return g.pick("ip multicast", "ip6 multicast", "ip broadcast", "ether proto 0x0800", "ether proto 0x86dd", "ether proto \\arp", "ether proto 0x88cc", "ether proto 1500")
	case 11, 12:
		if link {
			return "vlan" + g.pick("", "", " 100", " 200", " 5", " 0")
		}
	case 13:
		if link {
			return "ether " + g.dir() + "host " + g.pick(macs...)
		}
	case 14:
		if link {
			return g.pick("ether broadcast", "ether multicast", "broadcast", "multicast")
		}
	case 15:
		// Offset-switching encapsulations (like vlan, order matters)
		// and non-IP protocols.
		return g.pick("mpls", "mpls 20", "pppoes", "pppoes 0x3b", "pppoed", "geneve", "geneve 11",
			"llc", "stp", "ipx", "iso", "netbeui", "decnet", "atalk", "aarp", "isis", "clnp")
	}
	return g.relation(1)
}

// inherited builds a primitive followed by bare ids that reuse its
// qualifiers (pcap-filter "COMPOUND EXPRESSIONS": host a or b).
func (g *exprGen) inherited() string {
	head, vals := g.dir()+"host ", hosts4
	switch g.r.Intn(5) {
	case 0:
		head, vals = g.pick("", "ip6 ")+g.dir()+"host ", hosts6
	case 1:
		head, vals = g.dir()+"net ", nets4
	case 2:
		head, vals = g.pick("", "tcp ", "udp ")+g.dir()+"port ", ports
	case 3:
		if g.dlt == "EN10MB" {
			head, vals = "ether "+g.dir()+"host ", macs
		}
	}
	out := head + g.pick(vals...)
	for n := 1 + g.r.Intn(2); n > 0; n-- {
		out += " " + g.pick("and", "or", "and not", "or not", "&&", "||") + " " + g.pick(vals...)
	}
	return out
}

func (g *exprGen) relation(depth int) string {
	return g.arith(depth) + " " + g.pick(">", "<", ">=", "<=", "=", "==", "!=") + " " + g.arith(depth-1)
}

func (g *exprGen) arith(depth int) string {
	if depth <= 0 || g.r.Intn(3) == 0 {
		return g.atom(depth)
	}
	switch g.r.Intn(6) {
	case 0:
		return "-" + g.atom(depth-1)
	case 1:
		return "(" + g.arith(depth-1) + ")"
	}
	op := g.pick("+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>")
	return g.atom(depth-1) + " " + op + " " + g.arith(depth-1)
}

func (g *exprGen) atom(depth int) string {
	switch g.r.Intn(5) {
	case 0:
		return fmt.Sprint(g.pick("0", "1", "2", "4", "6", "14", "17", "0x0800", "0xff", "0x1fff", "64", "100", "1500"))
	case 1:
		return g.pick("len", "length")
	}
	acc := g.pick("ether", "link", "ip", "ip", "ip6", "tcp", "tcp", "udp", "icmp", "icmp6", "arp", "sctp", "igmp")
	if !strings.HasPrefix(g.dlt, "EN") && (acc == "ether" || acc == "link") && g.r.Intn(2) == 0 {
		acc = "ip"
	}
	idx := fmt.Sprint(g.r.Intn(24))
	if depth > 0 && g.r.Intn(5) == 0 {
		idx = g.arith(depth - 1)
	}
	switch g.r.Intn(4) {
	case 0:
		return acc + "[" + idx + "]"
	case 1:
		return acc + "[" + idx + ":" + g.pick("1", "2", "4", "2", "4") + "]"
	}
	return acc + "[" + g.pick("0", "2", "6", "9", "12", "13", "16", "20") + ":" + g.pick("1", "2", "4") + "]"
}

// randomExprs returns n expressions for random link types, reproducible
// from seed.
func randomExprs(seed int64, n int) []caseRow {
	r := rand.New(rand.NewSource(seed))
	out := make([]caseRow, 0, n)
	for len(out) < n {
		dlt := []string{"EN10MB", "EN10MB", "EN10MB", "LINUX_SLL", "LINUX_SLL2", "RAW"}[r.Intn(6)]
		g := exprGen{r: r, dlt: dlt}
		out = append(out, caseRow{dlt: dlt, expr: g.expr(1 + r.Intn(3)), src: "random"})
	}
	return out
}
