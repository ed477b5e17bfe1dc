package getopt

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// vocabulary holds the words random argument vectors are built from: every
// shape of option word, abbreviations, operands and edge cases.
var vocabulary = []string{
	"-", "--", "---", "", "x", "sh", "tcp", "1", "=", "-=", "--=", "--=x",
	"-t", "-t1", "-t=1", "-n", "-n/p", "-mu", "-aF", "-aFt", "-W", "-Wx",
	"-i", "-ieth0", "-c", "-c5", "-vvv", "-nn", "-#", "-s0", "-x", "-é",
	"-:", "-;", "-?", "--a", "--al", "--all", "--all=", "--net", "--net=",
	"--net=/p", "--ne", "--n", "--u", "--us", "--targ", "--target=5",
	"--capt", "--wd", "--w", "--bogus", "--bogus=1", "--inter", "--c",
	"--list-", "--no-p", "--col", "--colo=1", "--colu", "--verbose=1",
	"--long-only", "--help", "--version", "--vers=1",
}

// TestRandomAgainstGlibc compares the parser with glibc on random argument
// vectors over every table and mode, including POSIXLY_CORRECT.
func TestRandomAgainstGlibc(t *testing.T) {
	buildOracle(t)
	rng := rand.New(rand.NewPCG(1, 2))
	perGroup := 40
	if n, err := strconv.Atoi(os.Getenv("GETOPT_RANDOM_CASES")); err == nil {
		perGroup = n // for longer local runs
	}
	mismatches := 0
	for _, g := range groups {
		for range perGroup {
			gc := gcase{posix: rng.IntN(5) == 0, args: []string{"prog"}}
			for range rng.IntN(7) {
				gc.args = append(gc.args, vocabulary[rng.IntN(len(vocabulary))])
			}
			want := runOracle(t, g, gc)
			if got := parse(t, g, gc); got != want {
				mismatches++
				t.Errorf("%s with %q:\n--- got (Go)\n%s--- want (glibc)\n%s", header(gc), g.shorts, got, want)
			}
		}
	}
	t.Logf("%d random cases, %d mismatches", perGroup*len(groups), mismatches)
}

// FuzzParse checks invariants on arbitrary input: no panic, termination,
// every result is an option of the table, Optind stays in range, and the
// operands are a subsequence of the arguments in their original order.
func FuzzParse(f *testing.F) {
	f.Add(uint8(0), "-aFt\n1\n--net=/x\nsh\n-n")
	f.Add(uint8(1), "tcp\n-ieth0\nport\n--\n-c\n5")
	f.Add(uint8(2), "-W\nverbose\n--col\n-b")
	f.Add(uint8(3), "x\n-a\ny\n-b")
	f.Fuzz(func(t *testing.T, table uint8, joined string) {
		g := groups[int(table)%len(groups)]
		args := append([]string{"prog"}, strings.Split(joined, "\n")...)
		p := New(args, g.shorts, g.longs)
		limit := len(joined) + len(args) + 2
		for calls := 0; ; calls++ {
			if calls > limit {
				t.Fatalf("no end after %d calls", calls)
			}
			r, done, err := p.Next()
			if p.Optind() < 1 || p.Optind() > len(args) {
				t.Fatalf("optind %d out of [1,%d]", p.Optind(), len(args))
			}
			if done {
				break
			}
			if err == nil && !validResult(g, r) {
				t.Fatalf("result %+v is not in the table", r)
			}
		}
		if !isSubsequence(p.Args(), args[1:]) {
			t.Fatalf("operands %q are not a subsequence of %q", p.Args(), args)
		}
	})
}

func validResult(g group, r Result) bool {
	if r.Long {
		for _, o := range g.longs {
			if o.Name == r.Name && o.Val == r.Val {
				return !r.HasArg || o.HasArg != NoArgument
			}
		}
		return false
	}
	if r.Val == 1 && strings.HasPrefix(g.shorts, "-") {
		return r.HasArg
	}
	return r.Val > 0 && r.Val < 256 && strings.IndexByte(g.shorts, byte(r.Val)) >= 0
}

func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}
