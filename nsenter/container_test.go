package nsenter

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// containerParse runs parsing and the container step's option checks
// (not the lookup: that needs runtimes, see tests/containers).
func containerParse(t *testing.T, args ...string) (*state, string, int) {
	t.Helper()
	s := newState(ProgName(args[0]))
	var out strings.Builder
	err := s.parse(args, &out)
	if err == nil {
		err = s.checkContainerOptions()
	}
	t.Cleanup(s.closeAll)
	var errBuf bytes.Buffer
	code := report(s.prog, err, &errBuf)
	return s, errBuf.String(), code
}

// TestContainerOptionErrors: one target per command line, in the words of
// util-linux's err_exclusive_options; bad references say what is expected.
func TestContainerOptionErrors(t *testing.T) {
	self := strconv.Itoa(os.Getpid())
	id := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-t", self, "--container", "web"}, "gonsenter: options --target and --container cannot be combined\n"},
		{[]string{"--container", "web", "-t", self}, "gonsenter: options --container and --target cannot be combined\n"},
		{[]string{"--container", "web", "--pod", "a/b"}, "gonsenter: options --container and --pod cannot be combined\n"},
		{[]string{"--pod", "a/b", "-t", "docker://" + id}, "gonsenter: options --pod and --target cannot be combined\n"},
		{[]string{"--container", "a", "--container", "b"}, "gonsenter: option --container may be given only once\n"},
		{[]string{"-t", "docker://" + id, "-t", "docker://" + id}, "gonsenter: option --target may be given only once\n"},
		{[]string{"-t", "docker://" + id, "-t", self}, "gonsenter: option --target may be given only once\n"},
		{[]string{"-t", self, "-t", "docker://" + id}, "gonsenter: option --target may be given only once\n"},
		{[]string{"--container", ""}, "gonsenter: invalid container reference ''\n"},
		{[]string{"--container", "rkt://abc"}, "gonsenter: invalid container reference 'rkt://abc'\n"},
		{[]string{"--pod", "web"}, "gonsenter: invalid pod reference 'web' (use NAMESPACE/NAME or NAMESPACE/NAME/CONTAINER)\n"},
		{[]string{"--runtime", "rkt"}, "gonsenter: unknown container runtime 'rkt' (use docker, podman, containerd or crio)\n"},
		{[]string{"--runtime", "docker", "-t", self, "-n"}, "gonsenter: option --runtime needs --container, --pod, -t RUNTIME://ID or --list-containers\n"},
		{[]string{"--runtime-root", "/x", "-n"}, "gonsenter: option --runtime-root needs --container, --pod, -t RUNTIME://ID or --list-containers\n"},
		{[]string{"--runtime-root="}, "gonsenter: invalid --runtime-root ''\n"},
		{[]string{"-t", "docker:/" + id}, "gonsenter: failed to parse PID argument 'docker:/" + id + "': Invalid argument\n"},
		{[]string{"-t", "docker://xyz"}, "gonsenter: failed to parse PID argument 'docker://xyz': Invalid argument\n"},
		{[]string{"--ru", "docker"}, "gonsenter: option '--ru' is ambiguous; possibilities: '--runtime' '--runtime-root'\nTry 'gonsenter --help' for more information.\n"},
	} {
		_, stderr, code := containerParse(t, append([]string{"gonsenter"}, tc.args...)...)
		if stderr != tc.want || code != 1 {
			t.Errorf("gonsenter %q:\n got %q (exit %d)\nwant %q", tc.args, stderr, code, tc.want)
		}
	}
}

// TestContainerOptionsParsed: what the options leave for the lookup, and
// util-linux abbreviations that keep their meaning next to the new options.
func TestContainerOptionsParsed(t *testing.T) {
	id := strings.Repeat("0f", 32)
	s, stderr, _ := containerParse(t, "gonsenter", "--cont=web", "--runtime=cri-o", "--runtime-root", "/a", "--runtime-r=/b", "-n")
	if stderr != "" || s.ctr.ref == nil || s.ctr.ref.Text != "web" || s.ctr.opts.Runtime != "crio" ||
		strings.Join(s.ctr.opts.Roots, " ") != "/a /b" {
		t.Errorf("parsed %+v %q", s.ctr, stderr)
	}
	s, _, _ = containerParse(t, "gonsenter", "--targ", "containerd://"+id, "-n")
	if s.ctr.ref == nil || s.ctr.ref.Runtime != "containerd" || s.ctr.ref.ID != id || s.targetPID != 0 {
		t.Errorf("-t containerd://: %+v", s.ctr.ref)
	}
	s, _, _ = containerParse(t, "gonsenter", "--pod", "default/web/app", "--list-containers")
	if s.ctr.pod == nil || s.ctr.pod.Container != "app" || !s.ctr.list {
		t.Errorf("--pod: %+v", s.ctr)
	}
	// util-linux's abbreviations: --r is --root, --c is --cgroup.
	s, stderr, _ = containerParse(t, "nsenter", "--r=/", "--c=/proc/self/ns/cgroup")
	if stderr != "" || s.rootFD < 0 || s.ns[nsCgroup].fd < 0 {
		t.Errorf("--r / --c: %q root %d cgroup %d", stderr, s.rootFD, s.ns[nsCgroup].fd)
	}
}

// TestPodWide: only the network, UTS and IPC namespaces and nothing taken
// from one process may fall back to a pod's sandbox.
func TestPodWide(t *testing.T) {
	for args, want := range map[string]bool{
		"-n": true, "-n -u -i": true, "--net --capture": true,
		"-m": false, "-n -p": false, "-a": false, "-n -r": false, "-n -e": false, "-n -S follow": false, "-n -c": false,
	} {
		s, stderr, _ := containerParse(t, append([]string{"gonsenter", "--pod", "a/b"}, strings.Fields(args)...)...)
		if stderr != "" || s.podWide() != want {
			t.Errorf("%s: podWide %v, want %v (%q)", args, s.podWide(), want, stderr)
		}
	}
}
