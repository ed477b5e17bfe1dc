package container

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sleeper starts a process that lives for the test: a stand-in for a
// container's init (no root needed).
func sleeper(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("sleep", "600")
	if err := cmd.Start(); err != nil {
		t.Skip("sleep:", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd.Process.Pid
}

// write creates path (and its parents) with content.
func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func annotations(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, strconv.Quote(kv[i])+":"+strconv.Quote(kv[i+1]))
	}
	return `{"ociVersion":"1.0.2","process":{"args":["/pause"]},"annotations":{` + strings.Join(parts, ",") + `}}`
}

// hexID makes a distinct 64-hex ID from a short prefix.
func hexID(prefix string) string { return prefix + strings.Repeat("0", 64-len(prefix)) }

// criTask writes a containerd shim v2 task directory for a CRI container.
func criTask(t *testing.T, root, id string, pid int, ann ...string) {
	dir := filepath.Join(root, "io.containerd.runtime.v2.task", "k8s.io", id)
	if pid > 0 {
		write(t, filepath.Join(dir, "init.pid"), strconv.Itoa(pid))
	}
	write(t, filepath.Join(dir, "config.json"), annotations(ann...))
}

// TestContainerdKubernetes: a pod of three containers as containerd's CRI
// plugin lays it out (k3s's /run/k3s/containerd has the same layout).
func TestContainerdKubernetes(t *testing.T) {
	root := t.TempDir()
	sbPID, appPID, sidePID := sleeper(t), sleeper(t), sleeper(t)
	sb, app, side, old := hexID("5b"), hexID("a1"), hexID("5e"), hexID("a0")
	pod := []string{"io.kubernetes.cri.sandbox-namespace", "default", "io.kubernetes.cri.sandbox-name", "api-7d9f",
		"io.kubernetes.cri.sandbox-uid", "0a1b", "io.kubernetes.cri.sandbox-id", sb}
	criTask(t, root, sb, sbPID, append(pod, "io.kubernetes.cri.container-type", "sandbox")...)
	criTask(t, root, app, appPID, append(pod, "io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", "app")...)
	criTask(t, root, side, sidePID, append(pod, "io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", "sidecar")...)
	criTask(t, root, old, 0, append(pod, "io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", "app")...) // exited attempt
	inv := Discover(Options{Roots: []string{root}, Runtime: Containerd})

	choice, err := inv.FindPod(PodRef{"default", "api-7d9f", ""}, false)
	if err != nil || choice.C.ID != app || choice.Note != `Defaulted container "app" out of: app, sidecar` {
		t.Fatalf("default container: %v %+v", err, choice)
	}
	if choice, err = inv.FindPod(PodRef{"default", "api-7d9f", "sidecar"}, false); err != nil || choice.C.PID != sidePID || choice.Note != "" {
		t.Errorf("named container: %v %+v", err, choice)
	}
	if _, err = inv.FindPod(PodRef{"default", "api-7d9f", "db"}, false); err == nil ||
		err.Error() != `container "db" in pod default/api-7d9f not found; searched its containers: app, sidecar` {
		t.Errorf("unknown container: %v", err)
	}
	if _, err = inv.FindPod(PodRef{"default", "web", ""}, true); err == nil || !strings.HasPrefix(err.Error(),
		"pod default/web not found; searched containerd state "+root+" (4 containers)") {
		t.Errorf("unknown pod: %v", err)
	}
	// A name shared by a running and an exited attempt is the running one.
	if c, err := inv.Find(Ref{Text: "app"}); err != nil || c.ID != app {
		t.Errorf("name app: %v", err)
	}
	if c, err := inv.Find(Ref{Text: "containerd://" + side[:12], Runtime: Containerd, ID: side[:12]}); err != nil || c.PID != sidePID {
		t.Errorf("containerd://: %v", err)
	}
	// The sandbox is reachable by ID, never by name.
	if c, err := inv.Find(Ref{Text: sb}); err != nil || !c.Sandbox || c.Pod.Name != "api-7d9f" {
		t.Errorf("sandbox by ID: %v", err)
	}
	entries := ours(inv, sb, app, side, old)
	if len(entries) != 2 || entries[0].C.displayName() != "app" || entries[1].C.displayName() != "sidecar" {
		t.Errorf("list: %+v", entries)
	}
}

// TestPodSandboxFallback: with every application container down
// (CrashLoopBackOff) the pod's shared namespaces are still there, in the
// sandbox; anything per-container is an error that says so.
func TestPodSandboxFallback(t *testing.T) {
	root := t.TempDir()
	sbPID := sleeper(t)
	sb, app := hexID("5b"), hexID("a1")
	pod := []string{"io.kubernetes.cri.sandbox-namespace", "ns", "io.kubernetes.cri.sandbox-name", "crashy"}
	criTask(t, root, sb, sbPID, append(pod, "io.kubernetes.cri.container-type", "sandbox")...)
	criTask(t, root, app, 0, append(pod, "io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", "app")...)
	criTask(t, root, hexID("a2"), 0, append(pod, "io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", "log")...)
	inv := Discover(Options{Roots: []string{root}})
	if c, err := inv.FindPod(PodRef{"ns", "crashy", ""}, true); err != nil || c.C.ID != sb {
		t.Errorf("pod-wide: %v", err)
	}
	_, err := inv.FindPod(PodRef{"ns", "crashy", ""}, false)
	want := "running application container in pod ns/crashy not found; searched 2 application and 1 sandbox containers; the pod's sandbox runs: enter only -n, -u or -i to use it"
	if err == nil || err.Error() != want {
		t.Errorf("per-container: %v", err)
	}
	if _, err := inv.FindPod(PodRef{"ns", "crashy", "app"}, true); err == nil || err.Error() != "container app in pod ns/crashy (containerd a10000000000) is not running" {
		t.Errorf("named, stopped: %v", err)
	}
	entries := ours(inv, sb, app, hexID("a2"))
	if len(entries) != 1 || !entries[0].C.Sandbox {
		t.Errorf("list shows the sandbox of a pod without running containers: %+v", entries)
	}
}

// TestCRIO: CRI-O's containers/storage run root, annotations from the kubelet.
func TestCRIO(t *testing.T) {
	root := t.TempDir()
	pid := sleeper(t)
	id := hexID("c7")
	ud := filepath.Join(root, "overlay-containers", id, "userdata")
	write(t, filepath.Join(ud, "pidfile"), strconv.Itoa(pid)+"\n")
	write(t, filepath.Join(ud, "config.json"), annotations("io.kubernetes.cri-o.ContainerType", "container",
		"io.kubernetes.pod.namespace", "kube-system", "io.kubernetes.pod.name", "coredns-x", "io.kubernetes.pod.uid", "u1",
		"io.kubernetes.container.name", "coredns", "io.kubernetes.cri-o.SandboxID", hexID("5b"),
		"io.kubernetes.cri-o.Name", "k8s_coredns_coredns-x_kube-system_u1_0"))
	inv := Discover(Options{Roots: []string{root}})
	c, err := inv.Find(Ref{Text: "cri-o://" + id, Runtime: CRIO, ID: id})
	if err != nil || c.PID != pid || c.Runtime != CRIO || c.Name != "k8s_coredns_coredns-x_kube-system_u1_0" {
		t.Fatalf("cri-o://: %v %+v", err, c)
	}
	if ch, err := inv.FindPod(PodRef{"kube-system", "coredns-x", ""}, false); err != nil || ch.C != c || ch.Note != "" {
		t.Errorf("pod: %v", err)
	}
	if _, err := inv.Find(Ref{Text: "docker://" + id, Runtime: Docker, ID: id}); err == nil {
		t.Errorf("docker:// found a CRI-O container")
	}
}

// TestPodmanStorage: Podman splits a container over the run root (pidfile)
// and the graph root (names, config.json); --runtime-root may name both.
func TestPodmanStorage(t *testing.T) {
	run, graph := t.TempDir(), t.TempDir()
	pid := sleeper(t)
	id := hexID("2aa6")
	write(t, filepath.Join(run, "overlay-containers", id, "userdata", "pidfile"), strconv.Itoa(pid))
	write(t, filepath.Join(graph, "overlay-containers", id, "userdata", "config.json"), annotations("io.container.manager", "libpod"))
	write(t, filepath.Join(graph, "overlay-containers", "containers.json"),
		`[{"id":"`+id+`","names":["pweb"],"metadata":"{\"image-name\":\"busybox\",\"name\":\"pweb\"}"}]`)
	for _, roots := range [][]string{{run, graph}, {graph, run}} {
		c, err := Discover(Options{Roots: roots, Runtime: Podman}).Find(Ref{Text: "pweb"})
		if err != nil || c.PID != pid || c.Runtime != Podman {
			t.Errorf("roots %q: %v %+v", roots, err, c)
		}
	}
}

// TestDockerData: Docker's persisted state when the socket is not there.
func TestDockerData(t *testing.T) {
	root := t.TempDir()
	pid := sleeper(t)
	later := time.Now().Add(time.Minute).UTC().Format(time.RFC3339Nano)
	write(t, filepath.Join(root, "containers", idA, "config.v2.json"), `{"ID":"`+idA+`","Name":"/web","State":{"Running":true,"Pid":`+
		strconv.Itoa(pid)+`,"StartedAt":"`+later+`"},"Config":{"Labels":{"io.kubernetes.pod.name":"p","io.kubernetes.pod.namespace":"n","io.kubernetes.container.name":"app","io.kubernetes.docker.type":"container"}}}`)
	write(t, filepath.Join(root, "containers", idB, "config.v2.json"), `{"ID":"`+idB+`","Name":"/db","State":{"Running":false,"Pid":0}}`)
	inv := Discover(Options{Roots: []string{root}})
	if c, err := inv.Find(Ref{Text: "web"}); err != nil || c.PID != pid {
		t.Errorf("web: %v", err)
	}
	if c, err := inv.FindPod(PodRef{"n", "p", "app"}, false); err != nil || c.C.Name != "web" {
		t.Errorf("cri-dockerd labels: %v", err)
	}
	if _, err := inv.Find(Ref{Text: "db"}); err == nil || err.Error() != "container db (docker 2aa688200704) is not running" {
		t.Errorf("db: %v", err)
	}
}

// TestStalePID: a pid file naming a process that started after the file was
// written, or whose start differs from runc's record, is a reused PID.
func TestStalePID(t *testing.T) {
	root := t.TempDir()
	pid := sleeper(t)
	id := hexID("ab")
	criTask(t, root, id, pid, "nerdctl/name", "web")
	pidFile := filepath.Join(root, "io.containerd.runtime.v2.task", "k8s.io", id, "init.pid")
	if c, err := Discover(Options{Roots: []string{root}}).Find(Ref{Text: "web"}); err != nil || c.PID != pid {
		t.Fatalf("fresh pid file: %v", err)
	}
	hourAgo := time.Now().Add(-time.Hour)
	os.Chtimes(pidFile, hourAgo, hourAgo)
	want := "container web (containerd ab0000000000) is not running (PID " + strconv.Itoa(pid) + " now belongs to a process that started after the container)"
	if _, err := Discover(Options{Roots: []string{root}}).Find(Ref{Text: "web"}); err == nil || err.Error() != want {
		t.Errorf("old pid file: %v", err)
	}
	// runc's exact start time overrides the file time, both ways.
	start, _, err := procStat("/proc", pid)
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(root, "runc", "k8s.io", id, "state.json")
	write(t, state, `{"id":"`+id+`","init_process_pid":`+strconv.Itoa(pid)+`,"init_process_start":`+strconv.FormatUint(start, 10)+`}`)
	if _, err := Discover(Options{Roots: []string{root}}).Find(Ref{Text: "web"}); err != nil {
		t.Errorf("runc start matches: %v", err)
	}
	os.Chtimes(pidFile, time.Now(), time.Now())
	write(t, state, `{"id":"`+id+`","init_process_start":`+strconv.FormatUint(start+1, 10)+`}`)
	if _, err := Discover(Options{Roots: []string{root}}).Find(Ref{Text: "web"}); err == nil || err.Error() != want {
		t.Errorf("runc start differs: %v", err)
	}
	// A pid file of a process that has exited.
	write(t, pidFile, "999999999")
	os.Remove(state)
	if _, err := Discover(Options{Roots: []string{root}}).Find(Ref{Text: "web"}); err == nil ||
		err.Error() != "container web (containerd ab0000000000) is not running (its init process 999999999 has exited)" {
		t.Errorf("exited: %v", err)
	}
}

// TestNotFoundSays: "not found" names each place searched, and the roots
// that hold nothing.
func TestNotFoundSays(t *testing.T) {
	empty := t.TempDir()
	_, err := Discover(Options{Roots: []string{empty, "/nonexistent-gonsenter"}, Proc: t.TempDir()}).Find(Ref{Text: "ab12"})
	want := `container "ab12" not found; searched /nonexistent-gonsenter (No such file or directory), cgroups of 0 processes in `
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "; not present: "+empty+": no container runtime state") {
		t.Errorf("got %v", err)
	}
}

// ours is List without the real containers this host may run (the cgroup
// scan sees them).
func ours(inv *Inventory, ids ...string) []Entry {
	var out []Entry
	all, _ := inv.List()
	for _, e := range all {
		for _, id := range ids {
			if e.C.ID == id {
				out = append(out, e)
			}
		}
	}
	return out
}
