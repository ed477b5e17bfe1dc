package bpf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/bpf/interp"
)

// These tests feed the compiler what issue #9 calls hostile input: deep
// nesting, megabytes of filter, programs over the kernel's limit. Each
// must fail with tcpdump's one-line message, never hang or blow up.

const exhaustedMsg = "can't parse filter expression: memory exhausted"

// hangTimeout turns a hang into a failure; it is no performance bound.
const hangTimeout = 2 * time.Minute

// compileMsg compiles expr for the offline form of dlt and returns the
// error message, "" on success.
func compileMsg(t *testing.T, dlt, expr string, noOpt bool) string {
	t.Helper()
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	go func() {
		prog, err := CompileOptions(expr, dltNames[dlt], 262144, Options{NoOptimize: noOpt})
		done <- result{len(prog), err}
	}()
	select {
	case r := <-done:
		if r.err == nil {
			return ""
		}
		msg := r.err.Error()
		if msg == "" || strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("error %q is not one line", msg)
		}
		return msg
	case <-time.After(hangTimeout):
		t.Fatalf("compiling %d bytes (%.40q...) did not finish in %v", len(expr), expr, hangTimeout)
		return ""
	}
}

// tcpdumpMsg is /usr/bin/tcpdump's error message for expr (-r an empty
// savefile of dlt, -d, the expression read with -F since it may exceed
// an argument's size limit), "" when it compiles; ok is false when
// tcpdump is not installed.
func tcpdumpMsg(t *testing.T, dlt, expr string, noOpt bool) (msg string, ok bool) {
	t.Helper()
	const tcpdump = "/usr/bin/tcpdump"
	if _, err := os.Stat(tcpdump); err != nil {
		return "", false
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "expr")
	if err := os.WriteFile(file, []byte(expr), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-r", emptyPcap(dir, dlt), "-d", "-F", file}
	if noOpt {
		args = append(args, "-O")
	}
	cmd := exec.Command(tcpdump, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		return "", true
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	return strings.TrimPrefix(lines[len(lines)-1], "tcpdump: "), true
}

func nest(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// TestNestingLimit checks that nesting fails exactly where libpcap's
// bison parser runs out of its 10,000-entry stack (YYMAXDEPTH), with its
// message: max levels parse, one more does not. The thresholds were
// measured with tcpdump 4.99.3 / libpcap 1.10.3 and are compared live
// when tcpdump is installed.
func TestNestingLimit(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func(n int) string
		max   int
	}{
		{"parentheses", func(n int) string { return nest("(", "tcp", ")", n) }, 9995},
		{"not", func(n int) string { return strings.Repeat("not ", n) + "tcp" }, 9996},
		{"!", func(n int) string { return strings.Repeat("!", n) + "tcp" }, 9996},
		{"unary minus", func(n int) string { return nest("-(", "1", ")", n) + "=1" }, 4997},
		{"parenthesised number", func(n int) string { return "port " + nest("(", "1", ")", n) }, 9994},
		{"arithmetic", func(n int) string { return "1=" + nest("(", "1", ")", n) }, 9993},
		{"and", func(n int) string { return nest("tcp and (", "tcp", ")", n) }, 3331},
		{"inherited id", func(n int) string { return nest("host 192.0.2.1 or (", "192.0.2.2", ")", n) }, 3331},
		{"id list", func(n int) string { return nest("(host 192.0.2.1 and (", "192.0.2.2", "))", n) }, 2498},
		{"not id", func(n int) string { return "host 192.0.2.1 and " + strings.Repeat("not ", n) + "192.0.2.2" }, 9994},
		{"qualifiers", func(n int) string { return nest("(src or dst host 192.0.2.1 and ", "tcp", ")", n) }, 3331},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range []int{c.max, c.max + 1} {
				expr := c.build(n)
				got := compileMsg(t, "LINUX_SLL", expr, false)
				if want, ok := tcpdumpMsg(t, "LINUX_SLL", expr, false); ok && got != want {
					t.Errorf("%d levels: %q, tcpdump says %q", n, got, want)
				}
				if exhausted := got == exhaustedMsg; exhausted != (n > c.max) {
					t.Errorf("%d levels: %q", n, got)
				}
			}
		})
	}
}

// TestNestingErrorOrder checks that an error libpcap raises while
// parsing, before it reaches the nesting too deep for its stack, is the
// one reported, as with any later syntax error.
func TestNestingErrorOrder(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{nest("(host 192.0.2.1/24 or ", "tcp", ")", 5000), `non-network bits set in "192.0.2.1/24"`},
		{nest("(vlan 1 or ", "tcp", ")", 5000), "no VLAN support for Linux cooked v1"},
		{"len" + strings.Repeat(" % 1", 5000) + " > 0", "too many registers needed to evaluate expression"},
		{"port 99999 or (", "illegal port number 99999 > 65535"},
		{"len / 0 > 1 or (", "division by zero"},
		{"host 192.0.2.1/24 08", `non-network bits set in "192.0.2.1/24"`},
		{"tcp 08", "number 08 contains non-octal digit"},
		{"tcp tcp 08", "can't parse filter expression: syntax error"},
		{"host ((192.0.2.1))", "can't parse filter expression: syntax error"},
		{"port ((1) or (2))", ""},
	} {
		got := compileMsg(t, "LINUX_SLL", c.expr, false)
		if want, ok := tcpdumpMsg(t, "LINUX_SLL", c.expr, false); ok && got != want {
			t.Errorf("%.50q: %q, tcpdump says %q", c.expr, got, want)
		}
		if got != c.want {
			t.Errorf("%.50q: %q, want %q", c.expr, got, c.want)
		}
	}
}

// TestDeepNestingFailsFast: 100,000 parentheses used to take minutes (a
// quadratic retry of every level as arithmetic); they must fail at once,
// without recursing 100,000 levels deep.
func TestDeepNestingFailsFast(t *testing.T) {
	for _, expr := range []string{
		nest("(", "tcp", ")", 100000),
		strings.Repeat("not ", 100000) + "tcp",
		strings.Repeat("(", 1<<20),
		nest("-(", "len", ")", 100000) + " > 0",
		"port " + nest("(", "1", ")", 100000),
	} {
		got := compileMsg(t, "LINUX_SLL", expr, false)
		if got != exhaustedMsg {
			t.Errorf("%.30q...: %q, want %q", expr, got, exhaustedMsg)
		}
		if want, ok := tcpdumpMsg(t, "LINUX_SLL", expr, false); ok && got != want {
			t.Errorf("%.30q...: %q, tcpdump says %q", expr, got, want)
		}
	}
}

// TestHugeExpressionFailsFast: a megabyte of "port N or ..." used to
// take 95 s and 12.7 GB before failing; like libpcap, whose 64 MiB
// allocation pool it outgrows, the compiler must say "out of memory"
// having allocated a bounded amount.
func TestHugeExpressionFailsFast(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "port %d or ", i%65536)
	}
	expr := b.String() + "port 1"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := compileMsg(t, "LINUX_SLL", expr, false)
	runtime.ReadMemStats(&after)
	if got != "out of memory" {
		t.Errorf("1 MB of ports: %q, want %q", got, "out of memory")
	}
	if want, ok := tcpdumpMsg(t, "LINUX_SLL", expr, false); ok && got != want {
		t.Errorf("1 MB of ports: %q, tcpdump says %q", got, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30 {
		t.Errorf("compiling 1 MB of ports allocated %d MB", alloc>>20)
	}
}

// TestAllocationPool checks the emulation of libpcap's allocation pool
// at its edge: the longest chains tcpdump compiles are not refused, and
// the shortest we refuse are refused by tcpdump too (exactly for
// "ether[0]=1", within a term or a few for most others, as libpcap also
// wastes the tail of each chunk; transport-layer loads allocate more in
// libpcap than we count).
func TestAllocationPool(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a few megabytes of filter")
	}
	for _, c := range []struct {
		dlt, term, join string
		tcpdumpMax      int // measured with tcpdump -O
		oursMax         int
	}{
		{"LINUX_SLL", "port %d", " or ", 8620, 8621},
		{"LINUX_SLL", "ether[0]=1", " or ", 91176, 91176},
		{"LINUX_SLL", "len + 1 > 0", " and ", 79887, 79888},
		{"LINUX_SLL", "ip", " or ", 204587, 204592},
		{"LINUX_SLL", "tcp[0]=1", " or ", 19283, 19972},
	} {
		build := func(n int) string {
			terms := make([]string, n)
			for i := range terms {
				terms[i] = c.term
				if strings.Contains(c.term, "%d") {
					terms[i] = fmt.Sprintf(c.term, i%65536)
				}
			}
			return strings.Join(terms, c.join)
		}
		// NoOptimize: the pool is spent before the optimizer runs, and
		// these programs are far over 4096 instructions anyway.
		if got := compileMsg(t, c.dlt, build(c.tcpdumpMax), true); got == "out of memory" {
			t.Errorf("%d of %q: %q, tcpdump compiles it", c.tcpdumpMax, c.term, got)
		}
		if c.oursMax > c.tcpdumpMax {
			if got := compileMsg(t, c.dlt, build(c.oursMax), true); got == "out of memory" {
				t.Errorf("%d of %q: %q", c.oursMax, c.term, got)
			}
		}
		over := build(c.oursMax + 1)
		if got := compileMsg(t, c.dlt, over, true); got != "out of memory" {
			t.Errorf("%d of %q: %q, want out of memory", c.oursMax+1, c.term, got)
		}
		if want, ok := tcpdumpMsg(t, c.dlt, over, true); ok && want != "out of memory" {
			t.Errorf("%d of %q: tcpdump says %q", c.oursMax+1, c.term, want)
		}
	}
}

// TestKernelInstructionLimit: a program of 4095 instructions compiles
// into one the kernel accepts; three more are refused with one line
// (tcpdump -r would run the longer one in userland; see doc.go).
func TestKernelInstructionLimit(t *testing.T) {
	build := func(n int) string {
		terms := make([]string, n)
		for i := range terms {
			terms[i] = fmt.Sprintf("ether[%d] = %d", i, i%256)
		}
		return strings.Join(terms, " or ")
	}
	prog, err := Compile(build(1407), LinkEN10MB, 262144)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog) != 4095 {
		t.Errorf("%d instructions, want 4095", len(prog))
	}
	if err := interp.Validate(prog); err != nil {
		t.Errorf("the kernel would refuse the program: %v", err)
	}
	want := "expression too complex: 4098 instructions, the kernel allows 4096"
	if got := compileMsg(t, "EN10MB", build(1408), false); got != want {
		t.Errorf("1408 terms: %q, want %q", got, want)
	}
}
