package container

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/gonsenter/gonsenter/internal/jsonv"
)

// maxStateFile bounds every state file we read: a runc state.json with many
// mounts is tens of KB, containers.json of a busy CRI-O node a few MB.
const maxStateFile = 32 << 20

// readDockerData reads Docker's persisted container state,
// <root>/containers/<id>/config.v2.json (Name, State.Pid, Config.Labels):
// enough when the socket is not reachable (not mounted into the pod, or
// dockerd hung).
func (inv *Inventory) readDockerData(loc location) note {
	n := note{what: "docker state " + loc.path + "/containers"}
	ents, err := os.ReadDir(loc.path + "/containers")
	if err != nil {
		n.absent, n.err = errors.Is(err, fs.ErrNotExist), notAbsent(err)
		return n
	}
	for _, e := range ents {
		v, err := readJSON(loc.path + "/containers/" + e.Name() + "/config.v2.json")
		if err != nil {
			continue
		}
		c := &Container{Runtime: Docker, ID: v.Get("ID").Str(), Name: strings.TrimPrefix(v.Get("Name").Str(), "/")}
		if c.ID != e.Name() {
			continue
		}
		applyState(c, v.Get("State"))
		kubeletLabels(c, v.Get("Config", "Labels"))
		if inv.add(c) {
			n.count++
		}
	}
	return n
}

// readContainerd reads containerd's shim task directories,
// <root>/io.containerd.runtime.v2.task/<namespace>/<id>/ (and the v1 shim's
// io.containerd.runtime.v1.linux): init.pid, and config.json, the OCI spec
// whose annotations name Kubernetes pods (io.kubernetes.cri.*) and nerdctl
// containers. A task directory exists from create to delete; init.pid only
// once the task was started. Namespace "moby" is Docker's.
func (inv *Inventory) readContainerd(loc location) note {
	n := note{what: "containerd state " + loc.path}
	found := false
	for _, shim := range []string{"io.containerd.runtime.v2.task", "io.containerd.runtime.v1.linux"} {
		nss, err := os.ReadDir(loc.path + "/" + shim)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) && n.err == nil {
				n.err = err
			}
			continue
		}
		found = true
		for _, ns := range nss {
			n.count += inv.readTaskNamespace(loc.path, shim, ns.Name())
		}
	}
	n.absent = !found && n.err == nil
	return n
}

// readTaskNamespace reads the tasks of one containerd namespace.
func (inv *Inventory) readTaskNamespace(root, shim, ns string) int {
	dir := root + "/" + shim + "/" + ns
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	count := 0
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		c := &Container{Runtime: Containerd, ID: e.Name()}
		if ns == "moby" {
			c.Runtime = Docker
		}
		readPIDFile(c, dir+"/"+e.Name()+"/init.pid")
		if spec, err := readJSON(dir + "/" + e.Name() + "/config.json"); err == nil {
			ociAnnotations(c, spec.Get("annotations"))
		}
		c.initStart = runcInitStart(c.ID,
			root+"/runc/"+ns+"/"+c.ID+"/state.json",
			root+"/../../runtime-runc/"+ns+"/"+c.ID+"/state.json") // Docker's exec root
		if inv.add(c) {
			count++
		}
	}
	return count
}

// readCStorage reads a containers/storage root, shared by CRI-O and
// Podman: <root>/<driver>-containers/<id>/userdata/ holds conmon's pidfile
// and the OCI config.json (run root; Podman keeps config.json in the graph
// root), and <driver>-containers/containers.json the names (graph root).
func (inv *Inventory) readCStorage(loc location) note {
	n := note{what: "containers/storage " + loc.path}
	dirs, err := globDirs(loc.path, "-containers")
	if err != nil || len(dirs) == 0 {
		n.absent, n.err = err == nil || errors.Is(err, fs.ErrNotExist), notAbsent(err)
		return n
	}
	for _, dir := range dirs {
		names := storageNames(dir + "/containers.json")
		ents, err := os.ReadDir(dir)
		if err != nil {
			n.err = err
			continue
		}
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			if inv.add(storageContainer(dir, e.Name(), names[e.Name()])) {
				n.count++
			}
		}
	}
	return n
}

// storageEntry is one containers.json record.
type storageEntry struct {
	name   string
	criPod bool // CRI-O writes pod metadata; Podman does not
}

// storageContainer builds a record from <dir>/<id>/userdata.
func storageContainer(dir, id string, ent storageEntry) *Container {
	c := &Container{Runtime: Podman, ID: id, Name: ent.name}
	if ent.criPod {
		c.Runtime = CRIO
	}
	ud := dir + "/" + id + "/userdata"
	readPIDFile(c, ud+"/pidfile")
	if spec, err := readJSON(ud + "/config.json"); err == nil {
		ann := spec.Get("annotations")
		ociAnnotations(c, ann)
		if ann.Get("io.container.manager").Str() == "libpod" {
			c.Runtime = Podman
		}
	}
	c.initStart = runcInitStart(id, "/run/runc/"+id+"/state.json")
	return c
}

// storageNames maps IDs to the names (and CRI-O-ness) in containers.json.
func storageNames(path string) map[string]storageEntry {
	v, err := readJSON(path)
	if err != nil {
		return map[string]storageEntry{}
	}
	return storageEntries(v)
}

// storageEntries reads a parsed containers.json.
func storageEntries(v jsonv.Value) map[string]storageEntry {
	out := map[string]storageEntry{}
	for _, e := range v.Elems() {
		ent := storageEntry{}
		if names := e.Get("names"); names.Len() > 0 {
			ent.name = names.Index(0).Str()
		}
		if meta, err := jsonv.Parse([]byte(e.Get("metadata").Str())); err == nil {
			ent.criPod = meta.Get("pod-name").Str() != ""
		}
		out[e.Get("id").Str()] = ent
	}
	return out
}

// ociAnnotations reads the annotations of an OCI runtime spec: containerd's
// CRI plugin (io.kubernetes.cri.*), CRI-O (io.kubernetes.cri-o.* plus the
// kubelet's io.kubernetes.pod.* and io.kubernetes.container.name), nerdctl.
func ociAnnotations(c *Container, a jsonv.Value) {
	get := func(k string) string { return a.Get(k).Str() }
	if t := get("io.kubernetes.cri.container-type"); t != "" {
		c.Sandbox = t == "sandbox"
		c.Pod = Pod{Namespace: get("io.kubernetes.cri.sandbox-namespace"),
			Name: get("io.kubernetes.cri.sandbox-name"), UID: get("io.kubernetes.cri.sandbox-uid"),
			Container: get("io.kubernetes.cri.container-name")}
		setIfEmpty(&c.Name, c.Pod.Container)
		return
	}
	if t := get("io.kubernetes.cri-o.ContainerType"); t != "" {
		c.Runtime = CRIO
		c.Sandbox = t == "sandbox"
		c.Pod = Pod{Namespace: get("io.kubernetes.pod.namespace"), Name: get("io.kubernetes.pod.name"),
			UID: get("io.kubernetes.pod.uid"), Container: get("io.kubernetes.container.name")}
		if c.Sandbox {
			c.Pod.Container = ""
		}
		setIfEmpty(&c.Name, get("io.kubernetes.cri-o.Name"))
		return
	}
	setIfEmpty(&c.Name, get("nerdctl/name"))
}

// readPIDFile reads a runtime's pid file (init.pid, conmon's pidfile). The
// file's mtime bounds the process's start: a process that started after the
// file was written is not the one it names (Pin). No file: not started.
func readPIDFile(c *Container, path string) {
	f, err := os.Open(path)
	if err != nil {
		c.Stopped = true
		return
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, 64))
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	st, serr := f.Stat()
	if err != nil || pid <= 0 || serr != nil {
		c.Stopped = true
		return
	}
	c.PID, c.notAfter = pid, st.ModTime()
}

// runcInitStart returns init_process_start from the first runc state.json
// of the candidates that belongs to id (0 if none): the start time, in
// clock ticks since boot, of the process runc created, which Pin compares
// with /proc/PID/stat to defeat PID reuse exactly.
func runcInitStart(id string, candidates ...string) uint64 {
	for _, p := range candidates {
		v, err := readJSON(p)
		if err != nil || v.Get("id").Str() != id {
			continue
		}
		if n, ok := v.Get("init_process_start").Uint(); ok {
			return n
		}
	}
	return 0
}

// readJSON reads and parses a state file of bounded size.
func readJSON(path string) (jsonv.Value, error) {
	f, err := os.Open(path)
	if err != nil {
		return jsonv.Value{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxStateFile+1))
	if err != nil {
		return jsonv.Value{}, err
	}
	if len(b) > maxStateFile {
		return jsonv.Value{}, errors.New(path + ": larger than 32 MiB")
	}
	return jsonv.Parse(b)
}

// notAbsent is err unless it only says the path does not exist.
func notAbsent(err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
