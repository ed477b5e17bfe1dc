// Package deploy checks that deploy/kubernetes/daemonset.yaml, the
// Dockerfile and docs/kubernetes.md agree with the binary: every gonsenter
// command line in the guide parses, the DaemonSet mounts every place
// gonsenter searches, and its command exists in the image. The image itself
// is run as the DaemonSet would run it in tests/containers
// (TestDaemonSetImage).
package deploy

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/nsenter/target/container"
	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) { os.Exit(nstest.Main(m)) }

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(nstest.RepoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// commands returns every gonsenter command line in the guide's code
// blocks, shell continuations joined, cut at a pipe or redirection.
func commands(t *testing.T) [][]string {
	doc := read(t, "docs/kubernetes.md")
	var out [][]string
	inCode := false
	var line string
	sc := bufio.NewScanner(strings.NewReader(doc))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
			continue
		}
		if !inCode {
			continue
		}
		line += strings.TrimSpace(strings.TrimSuffix(l, `\`)) + " "
		if strings.HasSuffix(l, `\`) {
			continue
		}
		if loc := command.FindStringIndex(line); loc != nil {
			out = append(out, words(line[loc[1]-len("gonsenter "):]))
		}
		line = ""
	}
	return out
}

// command finds gonsenter in command position: first on the line or after
// kubectl's "--".
var command = regexp.MustCompile(`(^|-- )gonsenter `)

var cut = regexp.MustCompile(`\s(\||>|&)\s?`)

// words splits a command line as the shell would for these simple lines.
func words(s string) []string {
	if loc := cut.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	var w []string
	for _, f := range regexp.MustCompile(`'[^']*'|\S+`).FindAllString(s, -1) {
		w = append(w, strings.Trim(f, "'"))
	}
	return w
}

// TestGuideCommandsParse runs every gonsenter command of the guide: none may
// fail on its options (the lookups fail here, as there is no such pod).
func TestGuideCommandsParse(t *testing.T) {
	bin := nstest.Gonsenter(t)
	cmds := commands(t)
	if len(cmds) < 10 {
		t.Fatalf("only %d gonsenter commands found in docs/kubernetes.md", len(cmds))
	}
	vars := strings.NewReplacer("$NS", "shop", "$POD", "web-1", "$CID", "containerd://"+strings.Repeat("ab", 32), "$NODE", "n1")
	for _, c := range cmds {
		args := make([]string, len(c)-1)
		for i, a := range c[1:] {
			args[i] = vars.Replace(a)
		}
		out, _ := exec.Command(bin, args...).CombinedOutput()
		for _, bad := range []string{"unrecognized option", "invalid option", "is ambiguous;", "requires an argument",
			"Try '", "cannot be combined", "needs --container", "invalid pod reference", "not supported"} {
			if strings.Contains(string(out), bad) {
				t.Errorf("%q: %s", c, out)
			}
		}
	}
	t.Logf("%d command lines checked", len(cmds))
}

// TestDaemonSetMountsWhatGonsenterSearches: each default socket and state
// directory lies under a read-only mount at the same path.
func TestDaemonSetMountsWhatGonsenterSearches(t *testing.T) {
	yaml := read(t, "deploy/kubernetes/daemonset.yaml")
	mounts := map[string]bool{} // mountPath -> readOnly
	var last string
	for _, l := range strings.Split(yaml, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "#") {
			continue
		}
		if p, ok := strings.CutPrefix(l, "mountPath: "); ok {
			last = p
			mounts[p] = false
		}
		if l == "readOnly: true" && last != "" {
			mounts[last] = true
		}
	}
	for _, p := range container.DefaultPaths() {
		if strings.HasPrefix(p, "/var/snap/") { // microk8s: documented as opt-in
			continue
		}
		p = strings.Replace(p, "/var/run/", "/run/", 1) // a symlink on the host, absent in the image
		covered := false
		for m, ro := range mounts {
			if strings.HasPrefix(p+"/", m+"/") {
				covered = ro
			}
		}
		if !covered {
			t.Errorf("%s is not under a read-only mount of the DaemonSet (mounts %v)", p, mounts)
		}
	}
	for _, want := range []string{"hostPID: true", "privileged: true", `command: ["pause"]`} {
		if !strings.Contains(yaml, want) {
			t.Errorf("daemonset.yaml lacks %q", want)
		}
	}
}

// TestImageHasTheDaemonSetCommand: the Dockerfile's final stage puts the
// pause face and gonsenter on the image's PATH.
func TestImageHasTheDaemonSetCommand(t *testing.T) {
	df := read(t, "Dockerfile")
	final := df[strings.LastIndex(df, "\nFROM "):]
	if !strings.HasPrefix(final, "\nFROM scratch") {
		t.Errorf("the final stage is not FROM scratch")
	}
	if !strings.Contains(final, "ENV PATH=") || !strings.Contains(strings.SplitN(final[strings.Index(final, "ENV PATH="):], "\n", 2)[0], "/usr/local/bin") {
		t.Errorf("PATH does not hold /usr/local/bin")
	}
	for _, link := range []string{"nsenter", "tcpdump", "pause"} {
		if !strings.Contains(df, "ln -s gonsenter /out/usr/local/bin/"+link) {
			t.Errorf("no %s link in the image", link)
		}
	}
	if !strings.Contains(df, "CGO_ENABLED=0") {
		t.Errorf("the image's binary is not built static")
	}
}
