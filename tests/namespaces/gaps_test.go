package namespaces

import (
	"os"
	"strings"
	"testing"
)

// knownGaps are (sub)tests gonsenter does not pass yet, by full test name,
// with the reason. They are skipped, never weakened; fix and delete.
var knownGaps = map[string]string{}

// skipGap skips t if it, or the test it belongs to, is a known gap, unless
// GONSENTER_RUN_KNOWN_GAPS is set (to check whether a gap has been fixed).
func skipGap(t *testing.T) {
	t.Helper()
	if os.Getenv("GONSENTER_RUN_KNOWN_GAPS") != "" {
		return
	}
	name := t.Name()
	top, _, _ := strings.Cut(name, "/")
	for _, n := range []string{name, top} {
		if why, ok := knownGaps[n]; ok {
			t.Skip("known gap: " + why)
		}
	}
}
