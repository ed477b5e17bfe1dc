package container

import (
	"errors"
	"io/fs"
	"os"
	"os/user"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/gonsenter/gonsenter/internal/strerror"
)

// Options says where to look.
type Options struct {
	// Runtime restricts the search to one engine; "" searches them all.
	Runtime Runtime
	// Roots replace the default locations (--runtime-root): each is an API
	// socket or a directory with one of the state layouts below (k3s's
	// /run/k3s/containerd, a rootless Docker's socket, a mounted copy).
	Roots []string
	// Proc is where the host's procfs is mounted: "/proc" (a privileged
	// DaemonSet pod with hostPID sees the host's processes there).
	Proc string
}

// layout is a kind of place where a runtime keeps what we need.
type layout int

const (
	apiSocket       layout = iota // Docker Engine API (Docker, Podman)
	dockerData                    // Docker's data root: containers/<id>/config.v2.json
	containerdState               // containerd's state dir: io.containerd.runtime.v2.task/<ns>/<id>
	cstorage                      // containers/storage run or graph root: *-containers/<id>/userdata
)

// location is one place to search.
type location struct {
	layout  layout
	path    string
	runtime Runtime // the engine behind it; "" when its records say (containerd, c/storage)
}

// defaultLocations are the paths of stock installs, of k3s/rke2 and of
// microk8s (users-and-peers.md §4); Docker 20.10 runs its own containerd
// under /run/docker/containerd/daemon unless a system one is running.
var defaultLocations = []location{
	{apiSocket, "/var/run/docker.sock", Docker},
	{apiSocket, "/run/docker.sock", Docker},
	{apiSocket, "/run/podman/podman.sock", Podman},
	{dockerData, "/var/lib/docker", Docker},
	{containerdState, "/run/containerd", ""},
	{containerdState, "/run/docker/containerd/daemon", ""},
	{containerdState, "/run/k3s/containerd", ""},
	{containerdState, "/var/snap/microk8s/common/run/containerd", ""},
	{cstorage, "/run/containers/storage", ""},
	{cstorage, "/var/lib/containers/storage", ""},
}

// note records what one location gave, for "not found" messages.
type note struct {
	what   string // "docker API /var/run/docker.sock"
	count  int    // containers it reported
	absent bool   // nothing there
	err    error  // it was there but could not be read
}

func (n note) String() string {
	switch {
	case n.err != nil:
		return n.what + " (" + strerror.Of(n.err) + ")"
	case n.absent:
		return n.what + " (absent)"
	}
	if n.count == 1 {
		return n.what + " (1 container)"
	}
	return n.what + " (" + strconv.Itoa(n.count) + " containers)"
}

// Inventory is every container the runtimes told us about, by ID.
type Inventory struct {
	opts      Options
	byID      map[string]*Container
	notes     []note
	scanned   bool // the cgroup scan ran
	scanProcs int  // processes it looked at
	apiDocker bool // a Docker API answered: its state files are redundant
}

// Discover reads every API and state location allowed by opts. The cgroup
// scan, which is slower and only knows IDs, runs later when needed.
func Discover(opts Options) *Inventory {
	if opts.Proc == "" {
		opts.Proc = "/proc"
	}
	inv := &Inventory{opts: opts, byID: map[string]*Container{}}
	locs := inv.locations()
	seen := map[[2]uint64]bool{}
	for _, loc := range locs {
		if loc.layout == apiSocket && duplicateSocket(loc.path, seen) {
			continue
		}
		inv.read(loc)
	}
	return inv
}

// locations are the places to search: --runtime-root values, else the
// defaults plus $DOCKER_HOST and $CONTAINER_HOST when they name a socket.
func (inv *Inventory) locations() []location {
	var locs []location
	if len(inv.opts.Roots) > 0 {
		for _, r := range inv.opts.Roots {
			locs = append(locs, inv.probeRoot(r)...)
		}
		return locs
	}
	for _, env := range []struct {
		name string
		rt   Runtime
	}{{"DOCKER_HOST", Docker}, {"CONTAINER_HOST", Podman}} {
		if p, ok := strings.CutPrefix(os.Getenv(env.name), "unix://"); ok && p != "" {
			locs = append(locs, location{apiSocket, p, env.rt})
		}
	}
	locs = append(locs, defaultLocations...)
	locs = append(locs, rootlessLocations()...)
	return inv.relevant(locs)
}

// rootlessLocations are the caller's own rootless Docker and Podman, when
// they exist: sockets and run root in $XDG_RUNTIME_DIR, Podman's graph
// root in $HOME (entering such a container also needs -U).
func rootlessLocations() []location {
	var locs []location
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		locs = append(locs, location{apiSocket, dir + "/docker.sock", Docker},
			location{apiSocket, dir + "/podman/podman.sock", Podman}, location{cstorage, dir + "/containers", ""})
	}
	if home := os.Getenv("HOME"); home != "" && os.Geteuid() != 0 {
		locs = append(locs, location{cstorage, home + "/.local/share/containers/storage", ""})
	}
	locs = append(locs, othersRootless(userRuntimeDirs)...)
	var out []location
	seen := map[string]bool{}
	for _, l := range locs {
		if !seen[l.path] && exists(l.path) {
			seen[l.path] = true
			out = append(out, l)
		}
	}
	return out
}

// userRuntimeDirs is where systemd-logind makes each user's
// $XDG_RUNTIME_DIR.
const userRuntimeDirs = "/run/user"

// othersRootless are, for root, every user's rootless Docker and Podman:
// the sockets and run root in their runtime directory and Podman's graph
// root in their home, so an administrator finds a rootless container as
// its owner does (entering it needs -U too).
func othersRootless(runDirs string) []location {
	if os.Geteuid() != 0 {
		return nil
	}
	ents, err := os.ReadDir(runDirs)
	if err != nil {
		return nil
	}
	var locs []location
	for _, e := range ents {
		if _, err := strconv.ParseUint(e.Name(), 10, 32); err != nil || e.Name() == "0" {
			continue
		}
		dir := runDirs + "/" + e.Name()
		locs = append(locs, location{apiSocket, dir + "/docker.sock", Docker},
			location{apiSocket, dir + "/podman/podman.sock", Podman}, location{cstorage, dir + "/containers", ""})
		if u, err := user.LookupId(e.Name()); err == nil && u.HomeDir != "" && u.HomeDir != "/" {
			locs = append(locs, location{cstorage, u.HomeDir + "/.local/share/containers/storage", ""})
		}
	}
	return locs
}

// relevant drops locations that cannot hold containers of the runtime
// asked for.
func (inv *Inventory) relevant(locs []location) []location {
	want := inv.opts.Runtime
	if want == "" {
		return locs
	}
	var out []location
	for _, l := range locs {
		switch {
		case l.runtime != "" && l.runtime != want:
		case l.layout == containerdState && want != Containerd && want != Docker:
		case l.layout == cstorage && want != CRIO && want != Podman:
		default:
			out = append(out, l)
		}
	}
	return out
}

// probeRoot turns one --runtime-root into the layouts found there: a
// socket is an Engine API; a directory is searched for each state layout.
func (inv *Inventory) probeRoot(root string) []location {
	st, err := os.Stat(root)
	if err != nil {
		inv.notes = append(inv.notes, note{what: root, err: err})
		return nil
	}
	if st.Mode()&fs.ModeSocket != 0 {
		rt := inv.opts.Runtime
		if rt == "" {
			rt = classifyAPI(root)
		}
		return []location{{apiSocket, root, rt}}
	}
	var locs []location
	if exists(root + "/containers") {
		locs = append(locs, location{dockerData, root, Docker})
	}
	if exists(root+"/io.containerd.runtime.v2.task") || exists(root+"/io.containerd.runtime.v1.linux") {
		locs = append(locs, location{containerdState, root, ""})
	}
	if m, _ := globDirs(root, "-containers"); len(m) > 0 {
		locs = append(locs, location{cstorage, root, ""})
	}
	if len(locs) == 0 {
		inv.notes = append(inv.notes, note{what: root + ": no container runtime state", absent: true})
	}
	return inv.relevant(locs)
}

// read searches one location, adding what it finds to the inventory.
func (inv *Inventory) read(loc location) {
	var n note
	switch loc.layout {
	case apiSocket:
		n = inv.readAPI(loc)
	case dockerData:
		if inv.apiDocker && len(inv.opts.Roots) == 0 {
			return
		}
		n = inv.readDockerData(loc)
	case containerdState:
		n = inv.readContainerd(loc)
	case cstorage:
		n = inv.readCStorage(loc)
	}
	inv.notes = append(inv.notes, n)
}

// add merges c into the inventory: the first source to report a field
// wins, later ones fill what is missing. A record filtered out by
// --runtime is dropped.
func (inv *Inventory) add(c *Container) bool {
	if inv.opts.Runtime != "" && c.Runtime != inv.opts.Runtime && c.Runtime != Unknown {
		return false
	}
	old := inv.byID[c.ID]
	if old == nil {
		inv.byID[c.ID] = c
		return true
	}
	old.merge(c)
	return true
}

// merge fills o's missing fields from c.
func (o *Container) merge(c *Container) {
	if o.Runtime == Unknown || o.Runtime == "" {
		o.Runtime = c.Runtime
	}
	setIfEmpty(&o.Name, c.Name)
	setIfEmpty(&o.Pod.Namespace, c.Pod.Namespace)
	setIfEmpty(&o.Pod.Name, c.Pod.Name)
	setIfEmpty(&o.Pod.UID, c.Pod.UID)
	setIfEmpty(&o.Pod.Container, c.Pod.Container)
	o.Sandbox = o.Sandbox || c.Sandbox
	if o.PID == 0 && o.detail == nil {
		o.PID, o.Stopped = c.PID, c.Stopped
	}
	if o.initStart == 0 {
		o.initStart = c.initStart
	}
	if o.notAfter.IsZero() {
		o.notAfter = c.notAfter
	}
	if o.detail == nil {
		o.detail = c.detail
	}
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// all returns the inventory sorted for display: by runtime, pod, name, ID.
func (inv *Inventory) all() []*Container {
	out := make([]*Container, 0, len(inv.byID))
	for _, c := range inv.byID {
		out = append(out, c)
	}
	rank := map[Runtime]int{Docker: 0, Podman: 1, Containerd: 2, CRIO: 3, Unknown: 4}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.Runtime] != rank[b.Runtime] {
			return rank[a.Runtime] < rank[b.Runtime]
		}
		if ka, kb := a.Pod.Namespace+"/"+a.Pod.Name, b.Pod.Namespace+"/"+b.Pod.Name; ka != kb {
			return ka < kb
		}
		if a.displayName() != b.displayName() {
			return a.displayName() < b.displayName()
		}
		return a.ID < b.ID
	})
	return out
}

// searched describes every location, for "not found" messages.
func (inv *Inventory) searched() string {
	var parts, absent []string
	for _, n := range inv.notes {
		if n.absent && n.err == nil {
			absent = append(absent, n.what)
			continue
		}
		parts = append(parts, n.String())
	}
	if inv.scanned {
		parts = append(parts, "cgroups of "+strconv.Itoa(inv.scanProcs)+" processes in "+inv.opts.Proc)
	}
	s := strings.Join(parts, ", ")
	if len(absent) > 0 {
		if s != "" {
			s += "; "
		}
		s += "not present: " + strings.Join(absent, ", ")
	}
	return s
}

// accessError returns the first permission failure of any location: when
// nothing was found, that is the likely reason.
func (inv *Inventory) accessError() *note {
	for i, n := range inv.notes {
		if errors.Is(n.err, fs.ErrPermission) {
			return &inv.notes[i]
		}
	}
	return nil
}

// duplicateSocket reports whether path is a socket already searched under
// another name (/var/run is /run on most systems).
func duplicateSocket(path string, seen map[[2]uint64]bool) bool {
	var st syscall.Stat_t
	if syscall.Stat(path, &st) != nil {
		return false
	}
	key := [2]uint64{uint64(st.Dev), uint64(st.Ino)}
	if seen[key] {
		return true
	}
	seen[key] = true
	return false
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// globDirs lists the subdirectories of dir whose names end with suffix.
func globDirs(dir, suffix string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() && strings.HasSuffix(e.Name(), suffix) {
			out = append(out, dir+"/"+e.Name())
		}
	}
	return out, nil
}

// DefaultPaths are the sockets and directories searched without
// --runtime-root: what a DaemonSet must mount (deploy/kubernetes).
func DefaultPaths() []string {
	var out []string
	for _, l := range defaultLocations {
		out = append(out, l.path)
	}
	return out
}
