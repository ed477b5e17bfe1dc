package containers_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// TestDaemonSetImage builds the Dockerfile's final stage (FROM scratch,
// only gonsenter) around the binary under test, runs it the way
// deploy/kubernetes/daemonset.yaml does (privileged, host PIDs, the host's
// /run and /var/lib read-only, the pause face as main process), and then,
// as a user would through `kubectl exec -i`, streams a capture of another
// container out of it without a TTY.
func TestDaemonSetImage(t *testing.T) {
	dockerReady(t)
	img := buildImage(t)
	ds := runDaemonSetPod(t, img)
	web := dockerRun(t, uniq("gns-dsweb"))

	table := sh(t, "docker", "exec", ds, "gonsenter", "--list-containers")
	if l := listLine(table, web.id); l == nil || l[2] != web.name || l[4] != strconv.Itoa(web.pid) {
		t.Errorf("--list-containers in the image: %q\n%s", l, table)
	}

	var pcap, stderr bytes.Buffer
	capture := exec.Command("docker", "exec", "-i", ds, "gonsenter", "--container", web.name, "-n", "--capture",
		"-i", "lo", "-c", "6", "-U", "-w", "-", "icmp")
	capture.Stdout, capture.Stderr = &pcap, &stderr
	if err := capture.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 500 && !strings.Contains(stderr.String(), "listening on"); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if out, err := exec.Command("docker", "exec", web.name, "ping", "-c", "3", "-i", "0.05", "127.0.0.1").CombinedOutput(); err != nil {
		t.Fatalf("ping: %v\n%s", err, out)
	}
	if err := capture.Wait(); err != nil {
		t.Fatalf("capture in the image: %v\n%s", err, stderr.String())
	}
	f := filepath.Join(t.TempDir(), "stream.pcap")
	os.WriteFile(f, pcap.Bytes(), 0o644)
	if _, err := exec.LookPath("tcpdump"); err == nil {
		if got := sh(t, "tcpdump", "-r", f, "--count"); got != "6 packets" {
			t.Errorf("streamed pcap: tcpdump --count %q\n%s", got, stderr.String())
		}
	} else if !bytes.HasPrefix(pcap.Bytes(), []byte{0xd4, 0xc3, 0xb2, 0xa1}) {
		t.Errorf("stream is not a pcap file")
	}

	// The node's tools in a container's network namespace, when PID 1 may
	// be entered (some sandboxes deny even root).
	if _, err := os.Readlink("/proc/1/ns/mnt"); err == nil {
		got := sh(t, "docker", "exec", ds, "gonsenter", "--container", web.name, "-n", "gonsenter", "-t", "1", "-m", "readlink", "/proc/self/ns/net")
		if got != netns(t, web.pid) {
			t.Errorf("host tool in the container's netns: %q", got)
		}
	}

	// The pause face ends on SIGTERM with status 0 (docker stop).
	start := time.Now()
	sh(t, "docker", "stop", "-t", "20", ds)
	if code := sh(t, "docker", "inspect", "-f", "{{.State.ExitCode}}", ds); code != "0" || time.Since(start) > 15*time.Second {
		t.Errorf("pause: exit %s after %v", code, time.Since(start))
	}
}

// buildImage builds the repository's Dockerfile with its first stage (the
// Go build, which needs the golang image from a registry) replaced by the
// binary under test laid out as that stage's /out.
func buildImage(t *testing.T) string {
	t.Helper()
	df, err := os.ReadFile(filepath.Join(nstest.RepoRoot(t), "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	final := string(df[bytes.LastIndex(df, []byte("\nFROM ")):])
	ctx := t.TempDir()
	bin := filepath.Join(ctx, "out", "usr", "local", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(nstest.Gonsenter(t))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(bin, "gonsenter"), b, 0o755)
	for _, l := range []string{"nsenter", "tcpdump", "pause"} {
		os.Symlink("gonsenter", filepath.Join(bin, l))
	}
	os.WriteFile(filepath.Join(ctx, "Dockerfile"), []byte("FROM scratch AS build\nCOPY out/ /out/\n"+final), 0o644)
	name := "localhost/gonsenter-daemonset:test"
	if out, err := exec.Command("docker", "build", "-q", "-t", name, ctx).CombinedOutput(); err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("docker", "rmi", "-f", name).Run() })
	return name
}

// runDaemonSetPod starts the image as the DaemonSet's pod: privileged, or
// where this machine's capability bounding set cannot grant everything
// (docker's --privileged then fails), with the capabilities the manifest
// names as the minimum and no seccomp or AppArmor profile.
func runDaemonSetPod(t *testing.T, img string) string {
	t.Helper()
	ds := uniq("gns-ds")
	common := []string{"--pid", "host", "--network", "none", "-v", "/run:/run:ro", "-v", "/var/lib:/var/lib:ro", img}
	t.Cleanup(func() { exec.Command("docker", "rm", "-f", ds).Run() })
	out, err := exec.Command("docker", append([]string{"run", "-d", "--name", ds, "--privileged"}, common...)...).CombinedOutput()
	if err == nil {
		return ds
	}
	t.Logf("--privileged is not possible here (%s); using the minimal capabilities", strings.TrimSpace(string(out)))
	exec.Command("docker", "rm", "-f", ds).Run()
	minimal := []string{"run", "-d", "--name", ds, "--cap-add", "SYS_ADMIN", "--cap-add", "SYS_PTRACE",
		"--cap-add", "SYS_CHROOT", "--cap-add", "NET_RAW", "--cap-add", "DAC_READ_SEARCH",
		"--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined"}
	if out, err := exec.Command("docker", append(minimal, common...)...).CombinedOutput(); err != nil {
		t.Fatalf("docker run the image: %v\n%s", err, out)
	}
	return ds
}
