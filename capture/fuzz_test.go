package capture

import (
	"errors"
	"strings"
	"testing"
)

// FuzzOptions runs tcpdump's option grammar and each option's checks over
// arbitrary argument vectors: no panic, and a refusal is one line (tcpdump's
// "error" text; getopt's glibc line is followed by the usage text, which
// Main prints, not the error).
func FuzzOptions(f *testing.F) {
	for _, c := range optionCases {
		f.Add(strings.Join(c, "\n"))
	}
	for _, s := range []string{"-ni\nlo\n-w\n-\n-U\ntcp port 80", "-C\n1\n-W\n3\n-G\n60\n-w\nf%H", "-ttttt\n-vvv\n-XX\n-s0",
		"--time-stamp-precision=nano\n-j\nhost", "-y\nEN10MB\n-Q\nin\n-B\n4096", "-Z\nnobody\n-z\ngzip", "-E\nx\n-M\ny\n-T\nvxlan"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\n")
		_, _, err := parseArgs("tcpdump", args)
		if err == nil {
			return
		}
		var ue usageError
		if errors.As(err, &ue) {
			return // glibc's line (or none, for -h) then the usage text
		}
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
			t.Fatalf("%q: error %q is not one line", args, msg)
		}
	})
}
