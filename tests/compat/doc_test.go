package compat

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

const (
	docBegin = "<!-- BEGIN GENERATED from tests/compat intendedDifferences: go test ./tests/compat -run TestDifferencesDoc -update -->\n"
	docEnd   = "<!-- END GENERATED -->\n"
)

// TestDifferencesDoc keeps docs/differences.md in step with
// intendedDifferences: the table between the markers is generated from it
// (-update rewrites it), so the document lists exactly what the suite asserts.
func TestDifferencesDoc(t *testing.T) {
	path := filepath.Join(nstest.RepoRoot(t), "docs", "differences.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i, j := strings.Index(doc, docBegin), strings.Index(doc, docEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: generated-table markers missing", path)
	}
	want := doc[:i] + docBegin + differencesTable() + doc[j:]
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if doc != want {
		t.Errorf("%s is out of date with intendedDifferences: run go test ./tests/compat -run TestDifferencesDoc -update", path)
	}
}

// differencesTable renders intendedDifferences grouped by reason.
func differencesTable() string {
	byReason := map[string][]string{}
	for name, d := range intendedDifferences {
		byReason[d.reason] = append(byReason[d.reason], name)
	}
	reasons := sortedKeys(byReason)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d cases in %d groups.\n\n", len(intendedDifferences), len(reasons))
	b.WriteString("| case | arguments | util-linux 2.38.1 | gonsenter |\n|---|---|---|---|\n")
	for _, r := range reasons {
		fmt.Fprintf(&b, "| **%s** | | | |\n", cell(r))
		names := byReason[r]
		sort.Strings(names)
		for _, n := range names {
			d := intendedDifferences[n]
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", n, mdCode(argsOf(n)), brief(d.ref), brief(d.ours))
		}
	}
	b.WriteString("\n")
	return b.String()
}

func argsOf(name string) string {
	for _, c := range cases {
		if c.name == name {
			s := shellJoin(c.args)
			if c.closeStdin {
				s += " <&-"
			}
			if c.nobody {
				s = "(as uid 65534) " + s
			}
			if len(c.env) > 0 {
				s = strings.Join(c.env, " ") + " … " + s
			}
			return s
		}
	}
	return ""
}

// brief shows a result in one table cell: status and the first line of
// stderr (or stdout), shortened.
func brief(r result) string {
	out := r.stderr
	if out == "" {
		out = r.stdout
	}
	first, _, more := strings.Cut(out, "\n")
	if first == "" && more {
		first, _, _ = strings.Cut(strings.TrimLeft(out, "\n"), "\n")
		first += " …"
	}
	if len(first) > 110 {
		first = first[:107] + "…"
	}
	if first == "" {
		return r.status
	}
	return r.status + ": " + mdCode(first)
}

func mdCode(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(s, "|", "\\|") + "`"
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// shellJoin quotes arguments the way a user would type them.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t'\"$;|&<>*?()") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}
