package bpf

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	xbpf "golang.org/x/net/bpf"
)

// randExpr builds a random tier (a)/(b) expression, mixing vlan with
// other primitives so that libpcap's order-dependent offsets (P7) are
// exercised.
func randExpr(r *rand.Rand, depth int) string {
	if depth > 0 && r.Intn(3) > 0 {
		a, b := randExpr(r, depth-1), randExpr(r, depth-1)
		switch r.Intn(5) {
		case 0:
			return a + " and " + b
		case 1:
			return a + " or " + b
		case 2:
			return "(" + a + ") and not (" + b + ")"
		case 3:
			return "(" + a + " or " + b + ")"
		default:
			return "not " + a
		}
	}
	prims := []string{
		"ip", "ip6", "arp", "tcp", "udp", "icmp", "icmp6", "sctp", "vlan", "vlan 100", "vlan 5",
		"host 10.0.0.1", "src net 192.168.0.0/16", "dst host ::1", "net fe80::/10", "port 53",
		"tcp port 80", "udp dst port 53", "portrange 1-1023", "src portrange 1000-2000",
		"ip proto 17", "ip6 proto 6", "proto 1", "ether proto 0x88cc", "ether host ff:ff:ff:ff:ff:ff",
		"broadcast", "multicast", "ip multicast", "ip6 multicast", "less 100", "greater 200",
		"tcp[13] & 2 != 0", "ip[8] > 63", "udp[0:2] = 53", "len > 60", "ether[12:2] = 0x800",
		"icmp[0] = 8", "ip6[6] = 58", "tcp[tcp[12] >> 4] > 0", "len - 14 > ip[2:2]", "ip[0] & 0xf != 5",
		"arp[6:2] = 1", "ip[6:2] & 0x1fff != 0", "icmp6[0] = 135", "ip broadcast",
		"tcp src port 22 or 443", "host 10.0.0.1 or 10.0.0.2",
		"pppoes", "pppoes 3", "pppoed", "ether[0] & 1 = 0", "link[2:2] > 3", "mpls", "mpls 100", "llc", "llc i", "llc u", "llc rr", "llc ui", "byte 0 = 255", "byte 13 > 4", "decnet", "lat[0] = 1", "iso", "moprc", "stp", "netbeui", "esis", "isis", "l1", "psnp", "iso proto 0x81", "isis proto 18", "atalk", "aarp", "ipx", "atalk[0] = 1", "decnet host 10.15", "decnet src 1.1", "geneve", "geneve 11", `ether proto \ipx`,
	}
	return prims[r.Intn(len(prims))]
}

// TestRandomAgainstTcpdump compares verdicts of random expressions with
// the live tcpdump -O program. It needs tcpdump and is opt-in
// (BPFRANDOM=count) because it is slow.
func TestRandomAgainstTcpdump(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("BPFRANDOM"))
	if n == 0 {
		t.Skip("set BPFRANDOM=count to run")
	}
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed")
	}
	pkts := readPcaps(t, filepath.Join(sharedTestdata(t), "pcaps"))
	dir := t.TempDir()
	r := rand.New(rand.NewSource(int64(n)))
	dlts := []string{"EN10MB", "EN10MB", "LINUX_SLL", "LINUX_SLL2", "RAW", "IPV4", "IPV6"}
	var fixed [][2]string
	if f := os.Getenv("BPFEXPRS"); f != "" {
		data, _ := os.ReadFile(f)
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if p := strings.SplitN(l, "\t", 2); len(p) == 2 {
				fixed = append(fixed, [2]string{p[0], p[1]})
			}
		}
		n = len(fixed)
	}
	for i := 0; i < n; i++ {
		dlt := dlts[r.Intn(len(dlts))]
		expr := randExpr(r, 3)
		if fixed != nil {
			dlt, expr = fixed[i][0], fixed[i][1]
		}
		file := emptyPcap(dir, dlt)
		want, msg, err := tcpdumpProg(file, expr, true)
		if err != nil {
			t.Fatal(err)
		}
		prog, cerr := Compile(expr, dltNames[dlt], 262144)
		if msg != "" {
			if cerr == nil {
				t.Errorf("%s %q: tcpdump -O rejects (%s), we compile", dlt, expr, msg)
			}
			continue
		}
		if errors.Is(cerr, ErrUnsupported) {
			continue
		}
		if cerr != nil {
			// Errors only the optimizer raises (rejects all packets, shift
			// by more than 31 bits) count as agreeing with tcpdump.
			if opt, _, _ := tcpdumpProg(file, expr, false); opt != nil {
				t.Errorf("%s %q: we fail: %v", dlt, expr, cerr)
			}
			continue
		}
		bad := 0
		for _, p := range pkts[dltNames[dlt]] {
			if (runRef(want, p.data, p.wirelen) != 0) != (runRef(prog, p.data, p.wirelen) != 0) {
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%s %q: %d packets differ", dlt, expr, bad)
		}
	}
	fmt.Println("random cases:", n)
}

// TestRandomLiveAgainstTcpdump is TestRandomAgainstTcpdump for the
// LiveEthernet form against tcpdump -i lo (root only; opt-in with
// BPFRANDOMLIVE=count), on packets as captured and with the outer VLAN tag
// moved to skb metadata.
func TestRandomLiveAgainstTcpdump(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("BPFRANDOMLIVE"))
	if n == 0 {
		t.Skip("set BPFRANDOMLIVE=count to run (as root)")
	}
	pkts := readPcaps(t, filepath.Join(sharedTestdata(t), "pcaps"))[LinkEN10MB]
	r := rand.New(rand.NewSource(int64(n)))
	for i := 0; i < n; i++ {
		expr := randExpr(r, 3)
		out, err := exec.Command("tcpdump", "-i", "lo", "-O", "-ddd", "--", expr).Output()
		prog, cerr := CompileOptions(expr, LinkEN10MB, 262144, Options{Form: LiveEthernet})
		if err != nil {
			if cerr == nil {
				t.Errorf("%q: tcpdump fails, we compile", expr)
			}
			continue
		}
		if errors.Is(cerr, ErrUnsupported) {
			continue
		}
		if cerr != nil {
			if _, oerr := exec.Command("tcpdump", "-i", "lo", "-d", "--", expr).Output(); oerr == nil {
				t.Errorf("%q: we fail: %v", expr, cerr)
			}
			continue
		}
		var want []xbpf.RawInstruction
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[1:] {
			var op, jt, jf, k uint64
			fmt.Sscan(l, &op, &jt, &jf, &k)
			want = append(want, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: uint32(k)})
		}
		if reusesOffsetRegister(want) {
			continue // libpcap 1.10.3 bug, see reusesOffsetRegister
		}
		bad := 0
		for _, pk := range pkts {
			for _, v := range kernelViews(pk) {
				wire := pk.wirelen - uint32(len(pk.data)-len(v.data))
				if (runRefAux(want, v.data, wire, &v.aux) != 0) != (runRefAux(prog, v.data, wire, &v.aux) != 0) {
					bad++
				}
			}
		}
		if bad > 0 {
			t.Errorf("%q: %d verdicts differ", expr, bad)
		}
	}
}

// reusesOffsetRegister detects a libpcap 1.10.3 bug in live programs: the
// scratch word chosen for the VLAN variable offset (zeroed by the program's
// first instructions) was already used by arithmetic generated before the
// "vlan", which overwrites it ("(len > 60 or vlan 100) and ip multicast"
// reads the IPv4 header 60 bytes too far). We compute the intended offsets.
func reusesOffsetRegister(p []xbpf.RawInstruction) bool {
	if len(p) < 2 || p[0].Op != opLD|mIMM || p[0].K != 0 {
		return false
	}
	regs := map[uint32]bool{}
	i := 1
	for ; i < len(p) && p[i].Op == opST; i++ {
		regs[p[i].K] = true
	}
	for j := i; j < len(p); j++ {
		if p[j].Op == opST && regs[p[j].K] && !(j > 0 && p[j-1].Op == opALU|aluADD|srcK && p[j-1].K == 4) {
			return true
		}
	}
	return false
}
