package container

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gonsenter/gonsenter/internal/jsonv"
)

// FuzzStateJSON feeds arbitrary documents to every reader of runtime state
// (OCI annotations, Docker list entries and states, kubelet labels,
// containers.json): a hostile or corrupt file must never panic.
func FuzzStateJSON(f *testing.F) {
	for _, s := range []string{
		annotations("io.kubernetes.cri.container-type", "sandbox", "io.kubernetes.cri.sandbox-name", "p"),
		annotations("io.kubernetes.cri-o.ContainerType", "container", "io.kubernetes.pod.name", "p"),
		`[{"Id":"` + idA + `","Names":["/web"],"State":"running","Labels":{"io.kubernetes.docker.type":"podsandbox"}}]`,
		`{"State":{"Running":true,"Pid":12,"StartedAt":"2026-12-03T06:52:32.15009528Z"}}`,
		`[{"id":"` + idB + `","names":["pweb"],"metadata":"{\"pod-name\":\"x\"}"}]`,
		`{"id":"x","init_process_start":18446744073709551615}`,
		`[1,"a",null,{"State":[]}]`, `{"annotations":7}`, `"`, `{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := jsonv.Parse(data)
		if err != nil {
			return
		}
		c := &Container{ID: idA}
		ociAnnotations(c, v.Get("annotations"))
		kubeletLabels(c, v.Get("Labels"))
		applyState(c, v.Get("State"))
		if c.PID < 0 {
			t.Fatalf("negative PID %d", c.PID)
		}
		storageEntries(v)
		for _, e := range v.Elems() {
			apiContainer(location{apiSocket, "/nonexistent", Docker}, e)
		}
	})
}

// FuzzStateTree writes one fuzzed file into each layout's slot and runs a
// whole discovery and lookup over it.
func FuzzStateTree(f *testing.F) {
	f.Add([]byte(annotations("nerdctl/name", "web")), []byte("1\n"))
	f.Add([]byte(`{"ID":"`+idA+`","Name":"/web","State":{"Running":true,"Pid":1}}`), []byte("-5"))
	f.Fuzz(func(t *testing.T, doc, pid []byte) {
		root := t.TempDir()
		for _, p := range []string{
			"io.containerd.runtime.v2.task/k8s.io/" + idA + "/config.json",
			"overlay-containers/" + idB + "/userdata/config.json",
			"overlay-containers/containers.json",
			"containers/" + idA + "/config.v2.json",
			"runc/k8s.io/" + idA + "/state.json",
		} {
			os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755)
			os.WriteFile(filepath.Join(root, p), doc, 0o644)
		}
		os.WriteFile(filepath.Join(root, "io.containerd.runtime.v2.task/k8s.io/"+idA+"/init.pid"), pid, 0o644)
		os.WriteFile(filepath.Join(root, "overlay-containers/"+idB+"/userdata/pidfile"), pid, 0o644)
		inv := Discover(Options{Roots: []string{root}, Proc: root})
		inv.Find(Ref{Text: "web"})
		inv.FindPod(PodRef{"a", "b", ""}, true)
	})
}

// FuzzHTTPResponse: whatever a socket answers, the client returns an error
// or a bounded body, and never panics.
func FuzzHTTPResponse(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n[1,\r\n0\r\n\r\n",
		"HTTP/1.0 404 Not Found\r\n\r\n{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, body, err := readResponse(bufio.NewReader(bytes.NewReader(data)))
		if err == nil && len(body) > len(data) {
			t.Fatalf("body of %d bytes from %d bytes of input", len(body), len(data))
		}
	})
}
