// Package container finds the init process of a container, or of a
// Kubernetes pod's container, on this host, so that `gonsenter --container
// web` and `--pod default/api` can enter it like `-t PID`.
//
// It asks what every runtime leaves behind without their CLIs or SDKs
// (ARCHITECTURE.md, users-and-peers.md §4), in this order:
//
//  1. the Docker and Podman Engine APIs on their unix sockets
//     (GET /containers/json, /containers/{id}/json: State.Pid);
//  2. runtime state files: Docker's containers/<id>/config.v2.json,
//     containerd's shim v2 task directories (<ns>/<id>/init.pid and the OCI
//     config.json whose io.kubernetes.cri.* annotations name the pod), and
//     containers/storage's <id>/userdata/pidfile and config.json (CRI-O and
//     Podman; CRI-O's io.kubernetes.pod.* annotations, Podman's names in
//     containers.json);
//  3. the last resort: /proc/*/cgroup, where the 64-hex container ID appears
//     in the cgroup path under every driver (cgroupfs and systemd, v1 and v2).
//
// A PID read from a file may be stale: the container died and the number was
// given to another process. Pin opens a pidfd and checks the process against
// what the runtime recorded (runc's init_process_start, or that it started
// before the runtime said it did, or that it lives in the container's cgroup)
// before anyone enters it.
package container

import (
	"strings"
	"time"
)

// Runtime names a container engine as users and Kubernetes spell it.
type Runtime string

const (
	Docker     Runtime = "docker"
	Podman     Runtime = "podman"
	Containerd Runtime = "containerd"
	CRIO       Runtime = "crio"
	// Unknown is a container seen only in a cgroup path whose layout does
	// not say which engine made it (Kubernetes' cgroupfs driver).
	Unknown Runtime = "unknown"
)

// Runtimes are the values --runtime accepts, in the order they are searched.
var Runtimes = []Runtime{Docker, Podman, Containerd, CRIO}

// ParseRuntime accepts a --runtime value; "cri-o" is CRI-O's own spelling.
func ParseRuntime(s string) (Runtime, bool) {
	if s == "cri-o" {
		return CRIO, true
	}
	for _, r := range Runtimes {
		if string(r) == s {
			return r, true
		}
	}
	return "", false
}

// Pod is the Kubernetes identity of a container, from CRI annotations or
// the labels kubelet's Docker shims set. Empty outside Kubernetes.
type Pod struct {
	Namespace, Name, UID string
	Container            string // the container's name in the pod spec
}

// Container is what the runtimes told us about one container, merged over
// every source that knows its ID.
type Container struct {
	Runtime Runtime
	ID      string // full ID, normally 64 hex digits
	Name    string // the runtime's own name (docker/podman name, nerdctl name, CRI container name)
	Pod     Pod
	// Sandbox marks a pod's sandbox ("pause") container: it holds the
	// pod's network, UTS and IPC namespaces.
	Sandbox bool

	PID     int  // init process on the host, 0 when unknown or not running
	Stopped bool // a source said it is not running (API state, no pid file)

	// What Pin checks the PID against (zero when unknown).
	initStart uint64    // runc state.json init_process_start: /proc/PID/stat field 22
	notAfter  time.Time // the init process existed at this time (StartedAt, pid file mtime)

	stale  error        // why its recorded PID was rejected (a StaleError)
	detail func() error // fetches PID and state (an API inspect) on demand
}

// ShortID is the 12-digit form `docker ps` prints.
func (c *Container) ShortID() string {
	if len(c.ID) > 12 {
		return c.ID[:12]
	}
	return c.ID
}

// Label names c in messages: "web (docker 3f4e5a6b7c8d)".
func (c *Container) Label() string {
	who := string(c.Runtime) + " " + c.ShortID()
	switch {
	case c.Pod.Name != "" && c.Sandbox:
		return "sandbox of pod " + c.Pod.Namespace + "/" + c.Pod.Name + " (" + who + ")"
	case c.Pod.Name != "":
		return c.displayName() + " in pod " + c.Pod.Namespace + "/" + c.Pod.Name + " (" + who + ")"
	case c.Name != "":
		return c.Name + " (" + who + ")"
	}
	return who
}

// displayName is the name users know a container by: its pod spec name
// inside Kubernetes, else the runtime's.
func (c *Container) displayName() string {
	if c.Pod.Container != "" {
		return c.Pod.Container
	}
	return c.Name
}

// Ref is a container reference from --container or -t: a name, a full or
// unique-prefix ID, or Kubernetes' "runtime://ID".
type Ref struct {
	Text    string  // as typed
	Runtime Runtime // from the scheme, "" without one
	ID      string  // the ID (or prefix) after a scheme; "" without one
}

// schemes are the prefixes kubectl prints in status.containerStatuses[].containerID
// (a slice, not a map: nothing to build in package init on every call).
var schemes = []struct {
	prefix  string
	runtime Runtime
}{{"docker://", Docker}, {"containerd://", Containerd}, {"cri-o://", CRIO}, {"podman://", Podman}}

// ParseSchemeRef recognizes "docker://ID" and its siblings: what -t accepts
// besides a PID. A scheme with an ID that is not hex is rejected: it can
// only be a mistake.
func ParseSchemeRef(s string) (Ref, bool) {
	for _, sc := range schemes {
		if id, ok := strings.CutPrefix(s, sc.prefix); ok && isHex(id) {
			return Ref{Text: s, Runtime: sc.runtime, ID: id}, true
		}
	}
	return Ref{}, false
}

// ParseRef parses a --container argument: a scheme form, or a name or ID.
func ParseRef(s string) (Ref, bool) {
	if r, ok := ParseSchemeRef(s); ok {
		return r, true
	}
	if s == "" || strings.Contains(s, "://") {
		return Ref{}, false
	}
	return Ref{Text: s}, true
}

// PodRef is a --pod argument: NAMESPACE/NAME[/CONTAINER].
type PodRef struct {
	Namespace, Name, Container string
}

// ParsePodRef splits NAMESPACE/NAME[/CONTAINER]; every part must be
// non-empty.
func ParsePodRef(s string) (PodRef, bool) {
	parts := strings.Split(s, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return PodRef{}, false
	}
	for _, p := range parts {
		if p == "" {
			return PodRef{}, false
		}
	}
	r := PodRef{Namespace: parts[0], Name: parts[1]}
	if len(parts) == 3 {
		r.Container = parts[2]
	}
	return r, true
}

func (r PodRef) String() string {
	s := r.Namespace + "/" + r.Name
	if r.Container != "" {
		s += "/" + r.Container
	}
	return s
}

// isHex reports whether s is a non-empty run of lower-case hex digits, the
// only spelling of container IDs.
func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// isFullID reports whether s has the shape of a runc/CRI container ID.
func isFullID(s string) bool { return len(s) == 64 && isHex(s) }
