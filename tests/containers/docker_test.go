package containers_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// dockerReady skips unless a Docker daemon answers (.ci/run starts one).
func dockerReady(t *testing.T) {
	t.Helper()
	need(t, "busybox")
	nstest.DockerReady(t)
}

// dctr is a container of the test's.
type dctr struct {
	name, id string
	pid      int
}

var seq int

// uniq names things so that parallel packages and reruns do not collide.
func uniq(prefix string) string {
	seq++
	return prefix + "-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(seq)
}

// dockerRun starts a busybox container (no network unless args say) and
// removes it when the test ends.
func dockerRun(t *testing.T, name string, args ...string) dctr {
	t.Helper()
	img := image(t, "docker")
	argv := append([]string{"run", "-d", "--name", name}, args...)
	if !strings.Contains(strings.Join(args, " "), "--network") {
		argv = append(argv, "--network", "none")
	}
	argv = append(argv, img, "/bin/sh", "-c", "echo "+name+" > /marker; exec sleep 600")
	out, err := exec.Command("docker", argv...).CombinedOutput()
	t.Cleanup(func() { exec.Command("docker", "rm", "-f", name).Run() })
	if err != nil {
		t.Skipf("this Docker cannot run containers: %v\n%s", err, out)
	}
	c := dctr{name: name, id: sh(t, "docker", "inspect", "-f", "{{.Id}}", name)}
	c.pid, _ = strconv.Atoi(sh(t, "docker", "inspect", "-f", "{{.State.Pid}}", name))
	if c.pid <= 0 {
		t.Fatalf("docker inspect: pid %d", c.pid)
	}
	// The marker is written by the container's shell before it execs sleep.
	for i := 0; i < 100 && !strings.HasPrefix(string(mustRead(c.pid, "comm")), "sleep"); i++ {
		time.Sleep(20 * time.Millisecond)
	}
	return c
}

func mustRead(pid int, file string) []byte {
	b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/" + file)
	return b
}

// TestDockerByNameIDAndPrefix: the three references users paste all land
// in the container's own namespaces, the ones util-linux nsenter -t PID
// enters.
func TestDockerByNameIDAndPrefix(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-web"), "--hostname", "gns-web")
	want := netns(t, c.pid)
	for _, args := range [][]string{
		{"--container", c.name},
		{"--container", c.id},
		{"--container", c.id[:12]},
		{"-t", "docker://" + c.id},
		{"--target=docker://" + c.id[:12]},
		{"--runtime", "docker", "--container", c.name},
	} {
		if got := ok(t, append(args, "-u", "hostname")...); got != "gns-web\n" {
			t.Errorf("%q -u hostname = %q", args, got)
		}
		if got := ok(t, append(args, "-n", "readlink", "/proc/self/ns/net")...); got != want+"\n" {
			t.Errorf("%q -n: %q, want the container's %s", args, got, want)
		}
	}
	// `--network none`: only lo inside, as `ip -o link` in the container says.
	got := ok(t, "-t", "docker://"+c.id, "-n", "ip", "-o", "link")
	if strings.Count(got, "\n") != 1 || !strings.Contains(got, ": lo: ") {
		t.Errorf("ip -o link in the container:\n%s", got)
	}
	// The mount namespace is the container's: its /marker.
	if got := ok(t, "--container", c.name, "-m", "cat", "/marker"); got != c.name+"\n" {
		t.Errorf("-m cat /marker = %q", got)
	}
	// The PID is the same one util-linux nsenter would be given.
	if nsenter, err := exec.LookPath("nsenter"); err == nil {
		ref := sh(t, nsenter, "-t", strconv.Itoa(c.pid), "-u", "hostname")
		if ref != "gns-web" {
			t.Errorf("util-linux nsenter -t %d -u hostname = %q", c.pid, ref)
		}
	}
}

// TestDockerAmbiguousPrefix: a prefix two containers share lists both, with
// their names; nothing is entered.
func TestDockerAmbiguousPrefix(t *testing.T) {
	dockerReady(t)
	img := image(t, "docker")
	byDigit := map[byte]dctr{}
	var a, b dctr
	for i := 0; i < 17 && a.id == ""; i++ { // pigeonhole: 17 IDs share a first digit
		name := uniq("gns-amb")
		out, err := exec.Command("docker", "create", "--name", name, "--network", "none", img, "/bin/sleep", "600").Output()
		t.Cleanup(func() { exec.Command("docker", "rm", "-f", name).Run() })
		if err != nil {
			t.Fatalf("docker create: %v", err)
		}
		c := dctr{name: name, id: strings.TrimSpace(string(out))}
		if prev, dup := byDigit[c.id[0]]; dup {
			a, b = prev, c
		}
		byDigit[c.id[0]] = c
	}
	prefix := a.id[:1]
	for n := 2; a.id[:n] == b.id[:n]; n++ {
		prefix = a.id[:n]
	}
	msg := fails(t, []string{"--container", prefix, "-n", "true"}, `container ID prefix "`+prefix+`" is ambiguous: `,
		a.name+" (docker "+a.id[:12]+")", b.name+" (docker "+b.id[:12]+")")
	t.Log(msg)
	fails(t, []string{"-t", "docker://" + prefix, "-n", "true"}, "is ambiguous")
	// One more digit decides: a created container is found, and is not running.
	fails(t, []string{"--container", a.id[:len(prefix)+1], "-n", "true"},
		"gonsenter: container "+a.name+" (docker "+a.id[:12]+") is not running\n")
}

// TestDockerStopped: created and exited containers are named, not entered.
func TestDockerStopped(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-stop"))
	sh(t, "docker", "stop", "-t", "0", c.name)
	fails(t, []string{"--container", c.name, "-n", "true"}, "gonsenter: container "+c.name+" (docker "+c.id[:12]+") is not running\n")
	fails(t, []string{"-t", "docker://" + c.id, "-u", "hostname"}, "is not running")
	if l := listLine(ok(t, "--list-containers"), c.id); l != nil {
		t.Errorf("--list-containers shows a stopped container: %q", l)
	}
}

// TestDockerNotFound: the error says where it looked.
func TestDockerNotFound(t *testing.T) {
	dockerReady(t)
	fails(t, []string{"--container", "gns-no-such-container", "-n", "true"},
		`gonsenter: container "gns-no-such-container" not found; searched docker API /var/run/docker.sock (`)
	fails(t, []string{"-t", "docker://0000000000000000000000000000000000000000000000000000000000000000", "-n", "true"},
		`not found; searched docker API /var/run/docker.sock (`, "cgroups of ")
	// Anything else that is not a PID keeps util-linux's message.
	fails(t, []string{"-t", "web", "-n", "true"}, "gonsenter: failed to parse PID argument 'web': Invalid argument")
	fails(t, []string{"-t", "docker://web", "-n", "true"}, "failed to parse PID argument 'docker://web'")
}

// TestDockerList: one line per running container with its init PID and
// network namespace, "host" for --network host.
func TestDockerList(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-list"))
	h := dockerRun(t, uniq("gns-host"), "--network", "host")
	table := ok(t, "--list-containers")
	if !strings.HasPrefix(table, "RUNTIME ") || !strings.Contains(strings.SplitN(table, "\n", 2)[0], "CONTAINER ID") {
		t.Errorf("header: %q", table)
	}
	want := []string{"docker", c.id[:12], c.name, "-", strconv.Itoa(c.pid), netns(t, c.pid)}
	if got := listLine(table, c.id); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("line %q, want %q\n%s", got, want, table)
	}
	if got := listLine(table, h.id); got == nil || got[5] != "host" {
		t.Errorf("--network host container: %q\n%s", got, table)
	}
	// --runtime filters.
	if l := listLine(ok(t, "--list-containers", "--runtime", "podman"), c.id); l != nil {
		t.Errorf("--runtime podman lists a docker container")
	}
}

// TestDockerPod: a pod as Kubernetes' Docker shim (cri-dockerd) makes it: a
// sandbox container holding the network, application containers joining it,
// kubelet's labels on all three.
func TestDockerPod(t *testing.T) {
	dockerReady(t)
	pod := uniq("web")
	labels := func(typ, name string) []string {
		l := []string{"--label", "io.kubernetes.pod.namespace=default", "--label", "io.kubernetes.pod.name=" + pod,
			"--label", "io.kubernetes.pod.uid=0a1b2c3d", "--label", "io.kubernetes.docker.type=" + typ,
			"--label", "io.kubernetes.container.name=" + name}
		return l
	}
	sb := dockerRun(t, "k8s_POD_"+pod, labels("podsandbox", "POD")...)
	app := dockerRun(t, "k8s_app_"+pod, append(labels("container", "app"), "--network", "container:"+sb.id)...)
	time.Sleep(20 * time.Millisecond) // distinct start times: app is the first container
	side := dockerRun(t, "k8s_sidecar_"+pod, append(labels("container", "sidecar"), "--network", "container:"+sb.id)...)
	ref := "default/" + pod
	r := gonsenter(t, "--pod", ref, "-m", "cat", "/marker")
	if r.code != 0 || r.stdout != app.name+"\n" || r.stderr != `Defaulted container "app" out of: app, sidecar`+"\n" {
		t.Errorf("--pod %s -m: %+v", ref, r)
	}
	if got := ok(t, "--pod", ref+"/sidecar", "-m", "cat", "/marker"); got != side.name+"\n" {
		t.Errorf("--pod %s/sidecar: %q", ref, got)
	}
	if got := ok(t, "--pod", ref, "-n", "readlink", "/proc/self/ns/net"); got != netns(t, sb.pid)+"\n" {
		t.Errorf("pod network namespace %q, want the sandbox's %s", got, netns(t, sb.pid))
	}
	fails(t, []string{"--pod", ref + "/db", "-n", "true"}, `container "db" in pod `+ref+` not found; searched its containers: app, sidecar`)
	fails(t, []string{"--pod", "default/gns-no-such-pod", "-n", "true"}, "pod default/gns-no-such-pod not found; searched docker API")
	table := ok(t, "--list-containers")
	for _, c := range []dctr{app, side} {
		if l := listLine(table, c.id); l == nil || l[3] != ref || l[5] != netns(t, sb.pid) {
			t.Errorf("list line of %s: %q", c.name, l)
		}
	}
	if l := listLine(table, sb.id); l != nil {
		t.Errorf("the sandbox of a pod with running containers is listed: %q", l)
	}
	// Every application container down: the pod's network is still the
	// sandbox's, but a per-container namespace is an error.
	sh(t, "docker", "stop", "-t", "0", app.name, side.name)
	if got := ok(t, "--pod", ref, "-n", "readlink", "/proc/self/ns/net"); got != netns(t, sb.pid)+"\n" {
		t.Errorf("pod network with containers down: %q", got)
	}
	fails(t, []string{"--pod", ref, "-m", "true"}, "running application container in pod "+ref+" not found; searched 2 application and 1 sandbox containers; the pod's sandbox runs: enter only -n, -u or -i to use it\n")
}

// TestDockerCapture: tcpdump inside a container named by the user, while
// traffic flows on the container's own loopback.
func TestDockerCapture(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-cap"))
	dir := t.TempDir()
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"n.pcap", []string{"--container", c.name, "-n"}},
		{"implied.pcap", []string{"-t", "docker://" + c.id}}, // no namespace option: the network one
	} {
		f := filepath.Join(dir, tc.file)
		cmd := exec.Command(nstest.Gonsenter(t), append(tc.args, "--capture", "-i", "lo", "-c", "10", "-w", f, "icmp")...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitListening(t, &stderr)
		if out, err := exec.Command("docker", "exec", c.name, "ping", "-c", "6", "-i", "0.05", "127.0.0.1").CombinedOutput(); err != nil {
			t.Fatalf("docker exec ping: %v\n%s", err, out)
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%q: %v\n%s", cmd.Args, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "10 packets captured\n") {
			t.Errorf("stderr: %q", stderr.String())
		}
		if _, err := exec.LookPath("tcpdump"); err == nil {
			if out := sh(t, "tcpdump", "-r", f, "--count"); out != "10 packets" {
				t.Errorf("tcpdump -r %s --count: %q", tc.file, out)
			}
		}
	}
}

// waitListening waits for the capture's "listening on" banner.
func waitListening(t *testing.T, stderr *strings.Builder) {
	for i := 0; i < 500; i++ {
		if strings.Contains(stderr.String(), "listening on") {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("capture did not start: %q", stderr.String())
}

// TestDockerWithoutAPI: the state-file and cgroup paths find the same
// container when the socket is not there (a DaemonSet pod that mounts only
// the runtime directories, or only has hostPID).
func TestDockerWithoutAPI(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-files"), "--hostname", "gns-files")
	empty := t.TempDir()
	for _, args := range [][]string{
		// Docker's persisted state: containers/<id>/config.v2.json.
		{"--runtime-root", "/var/lib/docker", "--container", c.name},
		// Docker's containerd task directory (init.pid, runc state.json).
		{"--runtime-root", "/run/docker/containerd/daemon", "-t", "docker://" + c.id},
		// Nothing but /proc/*/cgroup: IDs, not names.
		{"--runtime", "docker", "--runtime-root", empty, "--container", c.id[:12]},
		{"--runtime-root", empty, "-t", "docker://" + c.id},
	} {
		root := args[slices.Index(args, "--runtime-root")+1]
		if _, err := os.Stat(root); err != nil {
			t.Logf("this Docker has no %s: %v", root, err)
			continue
		}
		if got := ok(t, append(args, "-u", "hostname")...); got != "gns-files\n" {
			t.Errorf("%q: %q", args, got)
		}
	}
	fails(t, []string{"--runtime-root", empty, "--container", c.name, "-u", "true"},
		`container "`+c.name+`" not found; searched `, "not present: "+empty+": no container runtime state")
	table := ok(t, "--list-containers", "--runtime-root", empty)
	want := []string{"docker", c.id[:12], "-", "-", strconv.Itoa(c.pid), netns(t, c.pid)}
	if got := listLine(table, c.id); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("cgroup-only listing %q, want %q", got, want)
	}
}

// TestDockerSocketPermission: without access to the socket the error says
// so and exits 1, as the docker CLI's users expect.
func TestDockerSocketPermission(t *testing.T) {
	dockerReady(t)
	c := dockerRun(t, uniq("gns-perm"))
	bin := world(t)
	r := runCmd(t, asNobody(bin, "--container", c.name, "-n", "true"))
	if r.code != 1 || !strings.HasPrefix(r.stderr, `gonsenter: container "`+c.name+`" not found: permission denied on docker API /var/run/docker.sock (run as root or as a member of the socket's group); searched `) {
		t.Errorf("as uid 65534: exit %d, %q", r.code, r.stderr)
	}
	// The listing says it is incomplete; containers seen only through
	// their cgroups are still there, namespace unknown.
	r = runCmd(t, asNobody(bin, "--list-containers"))
	if r.code != 0 || !strings.Contains(r.stderr, "gonsenter: warning: permission denied on docker API /var/run/docker.sock: the list may be incomplete\n") {
		t.Errorf("--list-containers as uid 65534: exit %d, %q", r.code, r.stderr)
	}
	want := []string{"docker", c.id[:12], "-", "-", strconv.Itoa(c.pid), "-"}
	if l := listLine(r.stdout, c.id); strings.Join(l, " ") != strings.Join(want, " ") {
		t.Errorf("line %q, want %q\n%s", l, want, r.stdout)
	}
}
