package container

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gonsenter/gonsenter/internal/jsonv"
)

// readAPI lists the containers of a Docker Engine API (Docker, or Podman's
// Docker-compatible endpoints, which answer the same two requests). The
// list has names, state and labels; the PID needs one inspect per
// container, done only for the containers a lookup or listing needs.
func (inv *Inventory) readAPI(loc location) note {
	n := note{what: string(loc.runtime) + " API " + loc.path}
	body, err := httpGet(loc.path, "/containers/json?all=1")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			n.absent = true
		} else {
			n.err = apiError(err)
		}
		return n
	}
	list, err := jsonv.Parse(body)
	if err != nil || list.Kind() != jsonv.Array {
		n.err = errors.New("unexpected reply to GET /containers/json")
		return n
	}
	if loc.runtime == Docker {
		inv.apiDocker = true
	}
	for _, e := range list.Elems() {
		if c := apiContainer(loc, e); c != nil && inv.add(c) {
			n.count++
		}
	}
	return n
}

// apiContainer builds a record from one /containers/json entry.
func apiContainer(loc location, e jsonv.Value) *Container {
	id := e.Get("Id").Str()
	if id == "" {
		return nil
	}
	c := &Container{Runtime: loc.runtime, ID: id}
	if names := e.Get("Names"); names.Len() > 0 {
		c.Name = strings.TrimPrefix(names.Index(0).Str(), "/")
	}
	switch e.Get("State").Str() {
	case "running", "paused":
	default:
		c.Stopped = true
	}
	kubeletLabels(c, e.Get("Labels"))
	sock := loc.path
	c.detail = func() error { return inspect(sock, c) }
	return c
}

// kubeletLabels reads the labels Kubernetes' Docker shims (dockershim,
// cri-dockerd) put on pod containers: a pod is a sandbox container
// ("podsandbox", named POD) whose network the others join.
func kubeletLabels(c *Container, labels jsonv.Value) {
	c.Pod.Namespace = labels.Get("io.kubernetes.pod.namespace").Str()
	c.Pod.Name = labels.Get("io.kubernetes.pod.name").Str()
	c.Pod.UID = labels.Get("io.kubernetes.pod.uid").Str()
	if labels.Get("io.kubernetes.docker.type").Str() == "podsandbox" {
		c.Sandbox = true
		return
	}
	c.Pod.Container = labels.Get("io.kubernetes.container.name").Str()
}

// inspect fills c's PID and state from GET /containers/{id}/json.
func inspect(sock string, c *Container) error {
	if !isHex(c.ID) {
		return errors.New("container ID " + c.ID + " is not hex")
	}
	body, err := httpGet(sock, "/containers/"+c.ID+"/json")
	if err != nil {
		var he *httpError
		if errors.As(err, &he) && he.Status == 404 {
			c.Stopped, c.PID = true, 0 // removed since the list
			return nil
		}
		return apiError(err)
	}
	v, err := jsonv.Parse(body)
	if err != nil {
		return errors.New("unexpected reply to GET /containers/" + c.ShortID() + "/json")
	}
	applyState(c, v.Get("State"))
	return nil
}

// applyState reads a Docker ContainerState: Pid is 0 unless running.
func applyState(c *Container, st jsonv.Value) {
	pid, _ := st.Get("Pid").Int()
	running := st.Get("Running").Bool()
	c.PID, c.Stopped = 0, !running || pid <= 0
	if !c.Stopped {
		c.PID = int(pid)
	}
	if t, ok := parseRFC3339(st.Get("StartedAt").Str()); ok && t.Year() > 1 {
		c.notAfter = t
	}
}

// classifyAPI tells Docker from Podman behind a socket given with
// --runtime-root: Podman's /version lists a "Podman Engine" component.
func classifyAPI(sock string) Runtime {
	body, err := httpGet(sock, "/version")
	if err == nil {
		if v, err := jsonv.Parse(body); err == nil {
			for _, comp := range v.Get("Components").Elems() {
				if strings.HasPrefix(comp.Get("Name").Str(), "Podman") {
					return Podman
				}
			}
		}
	}
	return Docker
}

// apiError phrases a failed request: a refused connection means no daemon
// behind a stale socket; EACCES keeps fs.ErrPermission for accessError.
func apiError(err error) error {
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("no daemon answering")
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return &fs.PathError{Op: "connect", Path: "", Err: syscall.EACCES}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	return err
}

// errorMessage extracts {"message": "..."} from an API error body.
func errorMessage(body []byte) string {
	v, err := jsonv.Parse(body)
	if err != nil {
		return ""
	}
	return v.Get("message").Str()
}

// parseRFC3339 reads the timestamps Docker and Podman write
// ("2026-12-03T06:52:32.15009528Z", or with a "+02:00" offset). It is not
// time.Parse because that links time zone database loading into every
// gonsenter for one field.
func parseRFC3339(s string) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	var f [6]int
	for i, at := range [6]int{0, 5, 8, 11, 14, 17} {
		n := 2
		if i == 0 {
			n = 4
		}
		v, err := strconv.Atoi(s[at : at+n])
		if err != nil {
			return time.Time{}, false
		}
		f[i] = v
	}
	rest, nsec := s[19:], 0
	if len(rest) > 1 && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			if i <= 9 {
				nsec = nsec*10 + int(rest[i]-'0')
			}
			i++
		}
		for d := i - 1; d < 9; d++ {
			nsec *= 10
		}
		rest = rest[i:]
	}
	off, ok := zoneOffset(rest)
	if !ok {
		return time.Time{}, false
	}
	t := time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], nsec, time.UTC)
	return t.Add(-time.Duration(off) * time.Second), true
}

// zoneOffset parses "Z" or "+hh:mm"/"-hh:mm" into seconds east of UTC.
func zoneOffset(z string) (int, bool) {
	if z == "Z" {
		return 0, true
	}
	if len(z) != 6 || z[0] != '+' && z[0] != '-' || z[3] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(z[1:3])
	m, err2 := strconv.Atoi(z[4:6])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return off, true
}
