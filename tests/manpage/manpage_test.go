// Package manpage checks man/gonsenter.1: it renders without groff
// warnings, and it documents every option that gonsenter --help lists.
package manpage

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

func page(t *testing.T) string {
	return filepath.Join(nstest.RepoRoot(t), "man", "gonsenter.1")
}

func TestRendersWithoutWarnings(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff not installed")
	}
	out, err := exec.Command("groff", "-ww", "-man", "-z", page(t)).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("groff -ww -man -z: %v\n%s", err, out)
	}
}

var longOption = regexp.MustCompile(`--[a-z][a-z-]+`)

// Every long option of --help has an entry in the man page (roff writes the
// dashes as \-).
func TestDocumentsEveryOption(t *testing.T) {
	help, err := exec.Command(nstest.Gonsenter(t), "--help").Output()
	if err != nil {
		t.Fatalf("gonsenter --help: %v", err)
	}
	b, err := os.ReadFile(page(t))
	if err != nil {
		t.Fatal(err)
	}
	man := strings.ReplaceAll(string(b), `\-`, "-")
	for _, opt := range longOption.FindAllString(string(help), -1) {
		if !strings.Contains(man, ".BR "+opt) && !strings.Contains(man, ".B "+opt) &&
			!strings.Contains(man, `", " `+opt) {
			t.Errorf("man page has no entry for %s", opt)
		}
	}
}
