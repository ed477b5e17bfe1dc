package capture_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// tcpdumpLink copies the binary under the multi-call name "tcpdump" into a
// directory every uid can read.
func tcpdumpLink(t *testing.T) string {
	t.Helper()
	bin := gonsenter(t)
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(nstest.TempDir(t), "tcpdump")
	if err := os.WriteFile(p, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func runAs(t *testing.T, uid uint32, prog string, args ...string) (string, string, int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(prog, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	cmd.Dir = "/"
	if uid != 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
	}
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// TestMultiCallTcpdumpMatchesTcpdump compares the "tcpdump" face with the
// real tool on errors a user meets first.
func TestMultiCallTcpdumpMatchesTcpdump(t *testing.T) {
	need(t, "tcpdump")
	ours := tcpdumpLink(t)
	real, _ := exec.LookPath("tcpdump")
	for _, tc := range []struct {
		uid  uint32
		args []string
	}{
		{65534, []string{"-i", "lo", "-c", "1"}},
		{0, []string{"-i", "nosuchdev0", "-c", "1"}},
		{0, []string{"-i", "lo", "-d", "tcp port 80 and"}},
		{0, []string{"-i", "lo", "-y", "LINUX_SLL", "-c", "1"}},
		{0, []string{"-i", "lo", "-L"}},
		{0, []string{"-i", "any", "-L"}},
		{0, []string{"-i", "any", "-d", "ip"}},
		{0, []string{"-i", "lo", "-ddd", "icmp"}},
	} {
		wo, we, wc := runAs(t, tc.uid, real, tc.args...)
		go_, ge, gc := runAs(t, tc.uid, ours, tc.args...)
		if wo != go_ || we != ge || wc != gc {
			t.Errorf("uid %d tcpdump %q:\n got exit %d stdout %q stderr %q\nwant exit %d stdout %q stderr %q",
				tc.uid, tc.args, gc, go_, ge, wc, wo, we)
		}
	}
}
