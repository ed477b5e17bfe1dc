package containers_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

// nsProcess starts a stand-in for a container's init: a process in new
// mount, UTS, IPC, network and pid namespaces with hostname host.
func nsProcess(t *testing.T, host string) *nstest.Target {
	t.Helper()
	need(t, "unshare")
	tg, err := nstest.Launch(t, "unshare", "--mount", "--uts", "--ipc", "--net", "--pid", "--fork",
		"--kill-child", "sh", "-c", "hostname "+host+" && exec sleep 600")
	return nstest.Need(t, tg, err)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ociConfig is an OCI runtime spec with annotations, as runtimes write it.
func ociConfig(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, strconv.Quote(kv[i])+": "+strconv.Quote(kv[i+1]))
	}
	return `{"ociVersion": "1.0.2-dev", "process": {"args": ["/pause"]},
  "linux": {"namespaces": [{"type": "pid"}, {"type": "network", "path": "/var/run/netns/cni-1"}]},
  "annotations": {` + strings.Join(parts, ", ") + "}}\n"
}

// TestCRIOLayout: CRI-O's containers/storage run root
// (/run/containers/storage/overlay-containers/<id>/userdata: conmon's
// pidfile, config.json with kubelet's annotations), for a pod of a
// sandbox and one container.
func TestCRIOLayout(t *testing.T) {
	sbProc, appProc := nsProcess(t, "crio-sandbox"), nsProcess(t, "crio-app")
	root := filepath.Join(t.TempDir(), "run", "containers", "storage")
	sb, app := randomID(t), randomID(t)
	pod := []string{"io.kubernetes.pod.namespace", "kube-system", "io.kubernetes.pod.name", "coredns-5d78c9869d-x2x4z",
		"io.kubernetes.pod.uid", "0f1e2d3c", "io.kubernetes.cri-o.SandboxID", sb}
	ud := func(id string) string { return filepath.Join(root, "overlay-containers", id, "userdata") }
	writeFile(t, filepath.Join(ud(sb), "pidfile"), strconv.Itoa(sbProc.Pid))
	writeFile(t, filepath.Join(ud(sb), "config.json"), ociConfig(append(pod, "io.kubernetes.cri-o.ContainerType", "sandbox",
		"io.kubernetes.container.name", "POD")...))
	writeFile(t, filepath.Join(ud(app), "pidfile"), strconv.Itoa(appProc.Pid))
	writeFile(t, filepath.Join(ud(app), "config.json"), ociConfig(append(pod, "io.kubernetes.cri-o.ContainerType", "container",
		"io.kubernetes.container.name", "coredns", "io.kubernetes.cri-o.Name", "k8s_coredns_coredns-5d78c9869d-x2x4z_kube-system_0f1e2d3c_0")...))
	base := []string{"--runtime", "crio", "--runtime-root", root}

	if got := ok(t, append(base, "--pod", "kube-system/coredns-5d78c9869d-x2x4z", "-u", "hostname")...); got != "crio-app\n" {
		t.Errorf("--pod: %q", got)
	}
	if got := ok(t, append(base, "--pod", "kube-system/coredns-5d78c9869d-x2x4z/coredns", "-n", "readlink", "/proc/self/ns/net")...); got != netns(t, appProc.Pid)+"\n" {
		t.Errorf("--pod .../coredns -n: %q", got)
	}
	if got := ok(t, append(base, "-t", "cri-o://"+sb, "-u", "hostname")...); got != "crio-sandbox\n" {
		t.Errorf("cri-o://SANDBOX: %q", got)
	}
	if got := ok(t, "--runtime-root", root, "--container", "coredns", "-u", "hostname"); got != "crio-app\n" {
		t.Errorf("--container coredns: %q", got)
	}
	table := ok(t, append(base, "--list-containers")...)
	l := listLine(table, app)
	want := []string{"crio", app[:12], "coredns", "kube-system/coredns-5d78c9869d-x2x4z", strconv.Itoa(appProc.Pid), netns(t, appProc.Pid)}
	if strings.Join(l, " ") != strings.Join(want, " ") {
		t.Errorf("list line %q, want %q", l, want)
	}
	if l := listLine(table, sb); l != nil {
		t.Errorf("sandbox listed while its container runs: %q", l)
	}
	// The container exits: its pidfile now names nobody, or someone else.
	syscallKill(appProc.Pid)
	fails(t, append(base, "--pod", "kube-system/coredns-5d78c9869d-x2x4z/coredns", "-u", "true"),
		"gonsenter: container coredns in pod kube-system/coredns-5d78c9869d-x2x4z (crio "+app[:12]+") is not running (its init process "+strconv.Itoa(appProc.Pid)+" has exited)\n")
	// Pod-wide namespaces still come from the sandbox.
	if got := ok(t, append(base, "--pod", "kube-system/coredns-5d78c9869d-x2x4z", "-u", "hostname")...); got != "crio-sandbox\n" {
		t.Errorf("pod without running containers, -u: %q", got)
	}
}

// TestK3sLayout: k3s and rke2 run containerd with its state under
// /run/k3s/containerd; the layout below it is containerd's.
func TestK3sLayout(t *testing.T) {
	proc := nsProcess(t, "k3s-app")
	root := filepath.Join(t.TempDir(), "run", "k3s", "containerd")
	id := randomID(t)
	task := filepath.Join(root, "io.containerd.runtime.v2.task", "k8s.io", id)
	writeFile(t, filepath.Join(task, "init.pid"), strconv.Itoa(proc.Pid))
	writeFile(t, filepath.Join(task, "config.json"), ociConfig("io.kubernetes.cri.container-type", "container",
		"io.kubernetes.cri.container-name", "traefik", "io.kubernetes.cri.sandbox-name", "traefik-7d9f",
		"io.kubernetes.cri.sandbox-namespace", "kube-system"))
	if got := ok(t, "--runtime-root", root, "--pod", "kube-system/traefik-7d9f", "-u", "hostname"); got != "k3s-app\n" {
		t.Errorf("--pod: %q", got)
	}
	if got := ok(t, "--runtime-root", root, "-t", "containerd://"+id[:12], "-n", "readlink", "/proc/self/ns/net"); got != netns(t, proc.Pid)+"\n" {
		t.Errorf("containerd://: %q", got)
	}
	// A pid file older than the process it names: the PID was reused.
	old := mustStatTime(t, task)
	os.Chtimes(filepath.Join(task, "init.pid"), old.Add(-3600e9), old.Add(-3600e9))
	fails(t, []string{"--runtime-root", root, "--pod", "kube-system/traefik-7d9f", "-u", "true"},
		"is not running (PID "+strconv.Itoa(proc.Pid)+" now belongs to a process that started after the container)")
}
