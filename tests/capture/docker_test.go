package capture_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/layers"
)

const dockerImage = "gonsenter-test:busybox"

// dockerReady skips unless a Docker daemon answers (.ci/run starts one).
func dockerReady(t *testing.T) {
	t.Helper()
	need(t, "docker", "busybox")
	if out, err := exec.Command("docker", "info", "--format", "{{.ServerVersion}}").CombinedOutput(); err != nil {
		t.Skipf("no Docker daemon: docker info: %v: %s", err, strings.TrimSpace(string(out)))
	}
}

// importBusybox builds a one-binary image from Debian's static busybox:
// bin/busybox plus the applet links the test uses.
func importBusybox(t *testing.T) {
	t.Helper()
	root := t.TempDir()
	bin := filepath.Join(root, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("/bin/busybox")
	if err != nil {
		t.Skipf("busybox-static: %v", err)
	}
	if err := os.WriteFile(filepath.Join(bin, "busybox"), b, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"sh", "sleep", "ping", "nc"} {
		if err := os.Symlink("busybox", filepath.Join(bin, a)); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("sh", "-c", "tar -C \"$1\" -c . | docker import - "+dockerImage, "sh", root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("this Docker cannot import images: %v\n%s", err, out)
	}
}

// TestCaptureInsideDockerContainer captures the loopback traffic of a
// --network none container through its init PID.
func TestCaptureInsideDockerContainer(t *testing.T) {
	gonsenter(t)
	dockerReady(t)
	importBusybox(t)
	name := "gonsenter-capture-" + strconv.Itoa(os.Getpid())
	exec.Command("docker", "rm", "-f", name).Run()
	if out, err := exec.Command("docker", "run", "-d", "--network", "none", "--name", name, dockerImage, "/bin/sleep", "600").CombinedOutput(); err != nil {
		t.Skipf("this Docker cannot run containers: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("docker", "rm", "-f", name).Run() })
	out, err := exec.Command("docker", "inspect", "-f", "{{.State.Pid}}", name).Output()
	if err != nil {
		t.Fatalf("docker inspect: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil || pid <= 0 {
		t.Fatalf("docker inspect pid %q", out)
	}
	p := &pair{pid: pid}
	f := filepath.Join(t.TempDir(), "docker.pcap")
	r := p.start(t, nil, "-i", "lo", "-c", "10", "-w", f, "icmp")
	if out, err := exec.Command("docker", "exec", name, "ping", "-c", "6", "-i", "0.05", "127.0.0.1").CombinedOutput(); err != nil {
		t.Fatalf("docker exec ping: %v\n%s", err, out)
	}
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.stderr.String())
	}
	if !strings.HasPrefix(r.stderr.String(), "gonsenter: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n10 packets captured\n") {
		t.Errorf("stderr %q", r.stderr.String())
	}
	lt, pkts := readPcap(t, f)
	if lt != layers.LinkTypeEthernet || len(pkts) != 10 {
		t.Fatalf("link type %v, %d packets, want Ethernet and 10", lt, len(pkts))
	}
	for i, pkt := range pkts {
		if ty := icmpType(pkt, 14); ty != 0 && ty != 8 {
			t.Errorf("packet %d is not an ICMP echo", i)
		}
	}
	if out, _ := tcpdumpRead(t, f, "--count"); out != "10 packets\n" {
		t.Errorf("tcpdump -r --count: %q", out)
	}
}
