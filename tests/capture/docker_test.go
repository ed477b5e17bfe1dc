package capture_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
	"github.com/gopacket/gopacket/layers"
)

const dockerImage = "gonsenter-test:busybox"

// dockerReady skips unless a Docker daemon answers (.ci/run starts one).
func dockerReady(t *testing.T) {
	t.Helper()
	need(t, "busybox")
	nstest.DockerReady(t)
}

// TestCaptureInsideDockerContainer captures the loopback traffic of a
// --network none container through its init PID.
func TestCaptureInsideDockerContainer(t *testing.T) {
	gonsenter(t)
	dockerReady(t)
	nstest.ImportImage(t, "docker", dockerImage)
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
	p := &pair{&nstest.Pair{PID: pid}}
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
