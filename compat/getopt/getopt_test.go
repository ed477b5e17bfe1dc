package getopt

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "re-record testdata/*.golden from glibc (needs gcc)")

// render runs the parser to the end and prints what testdata/oracle.c prints
// for glibc: each message, one "> " record per call, then the final argv.
func render(p *Parser) string {
	var b strings.Builder
	for calls := 0; calls < 1000; calls++ {
		r, done, err := p.Next()
		if done {
			fmt.Fprintf(&b, "> ret=-1 optind=%d\n", p.Optind())
			break
		}
		if e, ok := err.(*Error); ok {
			if !e.Quiet {
				b.WriteString(e.Msg + "\n")
			}
			fmt.Fprintf(&b, "> ret=%d optind=%d optarg=NULL longindex=-1 optopt=%d\n", e.Code, p.Optind(), e.Opt)
			continue
		}
		arg := "NULL"
		if r.HasArg {
			arg = cquote(r.Arg)
		}
		idx := -1
		if r.Long {
			idx = slices.IndexFunc(p.longs, func(o Option) bool { return o.Name == r.Name })
		}
		fmt.Fprintf(&b, "> ret=%d optind=%d optarg=%s longindex=%d\n", r.Val, p.Optind(), arg, idx)
	}
	b.WriteString("> argv:")
	for _, a := range p.argv {
		b.WriteString(" " + cquote(a))
	}
	b.WriteString("\n")
	return b.String()
}

// cquote quotes s as oracle.c's quote() does.
func cquote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			fmt.Fprintf(&b, "\\x%02x", c)
		} else {
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// header names a case in a golden file.
func header(gc gcase) string {
	var q []string
	if gc.posix {
		q = append(q, "POSIXLY_CORRECT=1")
	}
	for _, a := range gc.args {
		q = append(q, strconv.Quote(a))
	}
	return "$ " + strings.Join(q, " ")
}

// longSpec encodes a table for oracle.c.
func longSpec(longs []Option) string {
	if longs == nil {
		return "-"
	}
	var s []string
	for _, o := range longs {
		s = append(s, fmt.Sprintf("%s:%d:%d", o.Name, o.HasArg, o.Val))
	}
	return strings.Join(s, ",")
}

// parse runs our parser on one case.
func parse(t testing.TB, g group, gc gcase) string {
	if gc.posix {
		t.Setenv("POSIXLY_CORRECT", "1")
	} else if v, ok := os.LookupEnv("POSIXLY_CORRECT"); ok {
		t.Setenv("POSIXLY_CORRECT", v) // restored after the test
		os.Unsetenv("POSIXLY_CORRECT")
	}
	return render(New(gc.args, g.shorts, g.longs))
}

func TestGolden(t *testing.T) {
	n := 0
	for _, g := range groups {
		path := filepath.Join("testdata", g.name+".golden")
		if *update {
			record(t, g, path)
		}
		want := readGolden(t, path)
		t.Run(g.name, func(t *testing.T) {
			for _, gc := range g.cases {
				n++
				h := header(gc)
				w, ok := want[h]
				if !ok {
					t.Errorf("%s: not in %s; re-record with go test -update", h, path)
					continue
				}
				if got := parse(t, g, gc); got != w {
					t.Errorf("%s\n--- got (Go)\n%s--- want (glibc)\n%s", h, got, w)
				}
			}
		})
	}
	t.Logf("%d cases compared with glibc 2.36 golden output", n)
}

// readGolden maps each "$ " header line to the lines below it.
func readGolden(t *testing.T, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (record it with go test -update)", err)
	}
	defer f.Close()
	m := map[string]string{}
	var h string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "$ ") {
			h = line
			m[h] = ""
		} else {
			m[h] += line + "\n"
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

// oracle compiles testdata/oracle.c once per test binary.
var oraclePath string

func buildOracle(t testing.TB) string {
	if oraclePath != "" {
		return oraclePath
	}
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not installed: cannot build the glibc oracle")
	}
	dir, err := os.MkdirTemp("", "getopt-oracle")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "oracle")
	if b, err := exec.Command(gcc, "-O1", "-o", out, filepath.Join("testdata", "oracle.c")).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, b)
	}
	oraclePath = out
	return out
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if oraclePath != "" {
		os.RemoveAll(filepath.Dir(oraclePath))
	}
	os.Exit(code)
}

// runOracle runs glibc's getopt_long on one case.
func runOracle(t testing.TB, g group, gc gcase) string {
	args := append([]string{g.shorts, longSpec(g.longs)}, gc.args...)
	cmd := exec.Command(buildOracle(t), args...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "POSIXLY_CORRECT=") })
	cmd.Env = append(cmd.Env, "LC_ALL=C") // glibc translates its messages
	if gc.posix {
		cmd.Env = append(cmd.Env, "POSIXLY_CORRECT=1")
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle %q: %v", args, err)
	}
	return string(out)
}

func record(t *testing.T, g group, path string) {
	var b strings.Builder
	fmt.Fprintf(&b, "# glibc getopt_long, shorts %q; recorded by go test -update from testdata/oracle.c\n", g.shorts)
	for _, gc := range g.cases {
		b.WriteString(header(gc) + "\n" + runOracle(t, g, gc))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
