package nsenter

import (
	"errors"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/nsenter/target"
)

// FuzzParsePID: any --target argument gives a PID in range or an error,
// never a panic, and accepted forms round-trip.
func FuzzParsePID(f *testing.F) {
	for _, s := range []string{"1", "13468:13469", "", "-5", "0x1", " 7", "99999999999999999999", "5:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pid, ino, errno := target.ParsePID(s)
		if errno == 0 && (pid <= 0 || (strings.Contains(s, ":") && ino == 0)) {
			t.Errorf("ParsePID(%q) = %d, %d accepted", s, pid, ino)
		}
	})
}

// FuzzEnviron: /proc/PID/environ contents of any shape give NAME=value
// entries with unique, non-empty names.
func FuzzEnviron(f *testing.F) {
	f.Add([]byte("A=1\x00B=2\x00A=3\x00"))
	f.Add([]byte("\x00\x00=\x00x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		env, errno := envFromEnviron(data)
		if errno != 0 {
			return
		}
		seen := map[string]bool{}
		for _, kv := range env {
			name, _, ok := strings.Cut(kv, "=")
			if !ok || name == "" || seen[name] {
				t.Errorf("bad entry %q in %q", kv, env)
			}
			seen[name] = true
		}
	})
}

// FuzzOptions runs nsenter's whole option parser (getopt_long plus each
// option's side effects: number parsing, files opened read-only) over
// arbitrary argument vectors: no panic, and a refusal is an *Error with
// exit status 1 and a message of one line (two for getopt's line plus
// util-linux's "Try" hint).
func FuzzOptions(f *testing.F) {
	for _, s := range []string{"-t\n1\n-n\ntrue", "-aFt1", "-n/proc/self/ns/net", "-mu", "--net=\n-S\nfollow",
		"-t\n1:2\n-U\n--preserve-credentials", "-W\n/\n-w/", "--capture\n-i\nlo\ntcp", "--container\nweb\n-n",
		"--pod\nns/name/c\n--runtime=docker", "-N\n5\n-t\n1", "--user-parent\n-U=:7", "-G\n-1\n-S\n4294967296"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		argv := append([]string{"nsenter"}, strings.Split(joined, "\n")...)
		s := newState("nsenter")
		defer s.closeAll()
		var out strings.Builder
		err := s.parse(argv, &out)
		if err == nil {
			return
		}
		var e *Error
		var x *exitError
		switch {
		case errors.As(err, &x):
			if x.Code != 0 {
				t.Fatalf("%q: exit %d without a message", argv, x.Code)
			}
		case !errors.As(err, &e):
			t.Fatalf("%q: %T %v is not an nsenter error", argv, err, err)
		case e.Code != 1 || e.Msg == "":
			t.Fatalf("%q: exit %d, message %q", argv, e.Code, e.Msg)
		case strings.Count(strings.TrimSuffix(e.Msg, "\n"), "\n") > map[bool]int{false: 0, true: 1}[e.Raw]:
			t.Fatalf("%q: message of several lines: %q", argv, e.Msg)
		}
	})
}
