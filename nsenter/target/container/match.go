package container

import (
	"sort"
	"strconv"
	"strings"

	"github.com/gonsenter/gonsenter/internal/strerror"
)

// NotFoundError: no runtime knows the reference. Searched says where we
// looked; Access is set when a location refused us (the likely cause).
type NotFoundError struct {
	What     string // `container "web"`, `pod default/api`
	Searched string
	Access   string // "docker API /var/run/docker.sock" when permission was denied
}

func (e *NotFoundError) Error() string {
	if e.Access != "" {
		return e.What + " not found: permission denied on " + e.Access +
			" (run as root or as a member of the socket's group); searched " + e.Searched
	}
	return e.What + " not found; searched " + e.Searched
}

// AmbiguousError: the reference matches several containers.
type AmbiguousError struct {
	What       string
	Candidates []*Container
}

func (e *AmbiguousError) Error() string {
	const show = 10
	var parts []string
	for i, c := range e.Candidates {
		if i == show {
			parts = append(parts, "and "+strconv.Itoa(len(e.Candidates)-show)+" more")
			break
		}
		parts = append(parts, c.Label())
	}
	return e.What + " is ambiguous: " + strings.Join(parts, ", ")
}

// NotRunningError: the container exists but has no process to enter.
type NotRunningError struct {
	C    *Container
	Note string // more than one match, all stopped
}

func (e *NotRunningError) Error() string {
	if e.C.stale != nil {
		return e.C.stale.Error() + e.Note
	}
	return "container " + e.C.Label() + " is not running" + e.Note
}

// DetailError: the API knew the container but inspecting it failed.
type DetailError struct {
	C   *Container
	Err error
}

func (e *DetailError) Error() string {
	return "cannot inspect container " + e.C.Label() + ": " + strerror.Of(e.Err)
}

func (e *DetailError) Unwrap() error { return e.Err }

// Find resolves ref to one running container with a PID. Names are looked
// up first (Docker's order: a name may look like hex), then full IDs, then
// unique ID prefixes. A name shared by several containers (a Kubernetes
// container name across pods, restarts kept by the runtime) resolves to the
// one that runs; an ID prefix must be unique among all containers, running
// or not, as in `docker inspect`.
func (inv *Inventory) Find(ref Ref) (*Container, error) {
	what := `container "` + ref.Text + `"`
	cands, byName := inv.match(ref)
	if len(cands) == 0 && isHex(ref.idText()) {
		inv.scanCgroups()
		cands, byName = inv.match(ref)
	}
	if len(cands) == 0 {
		return nil, inv.notFound(what)
	}
	if !byName && len(cands) > 1 {
		return nil, &AmbiguousError{What: "container ID prefix \"" + ref.idText() + "\"", Candidates: cands}
	}
	running, err := inv.running(cands)
	if err != nil {
		return nil, err
	}
	switch {
	case len(running) == 1:
		return running[0], nil
	case len(running) > 1:
		return nil, &AmbiguousError{What: what, Candidates: running}
	case len(cands) > 1:
		return nil, &NotRunningError{C: cands[0], Note: " (nor are the other " + strconv.Itoa(len(cands)-1) + " containers of that name)"}
	}
	return nil, &NotRunningError{C: cands[0]}
}

// idText is the part of ref that may be an ID.
func (r Ref) idText() string {
	if r.Runtime != "" {
		return r.ID
	}
	return r.Text
}

// match returns the candidates for ref and whether they matched by name.
func (inv *Inventory) match(ref Ref) ([]*Container, bool) {
	all := inv.all()
	if ref.Runtime == "" {
		if m := filter(all, func(c *Container) bool {
			return !c.Sandbox && (c.Name == ref.Text || c.Pod.Container == ref.Text)
		}); len(m) > 0 {
			return m, true
		}
	}
	id := ref.idText()
	inRuntime := func(c *Container) bool { return ref.Runtime == "" || c.Runtime == ref.Runtime }
	if m := filter(all, func(c *Container) bool { return inRuntime(c) && c.ID == id }); len(m) > 0 {
		return m, false
	}
	if !isHex(id) {
		return nil, false
	}
	return filter(all, func(c *Container) bool { return inRuntime(c) && strings.HasPrefix(c.ID, id) }), false
}

func filter(cs []*Container, keep func(*Container) bool) []*Container {
	var out []*Container
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// running fetches the state of cands (API inspects) and returns those with
// a live, verified init process.
func (inv *Inventory) running(cands []*Container) ([]*Container, error) {
	var out []*Container
	for _, c := range cands {
		if err := inv.details(c); err != nil {
			return nil, err
		}
		if c.Stopped || c.PID <= 0 {
			continue
		}
		if err := verify(c, inv.opts.Proc); err != nil {
			c.Stopped, c.stale = true, err
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// details runs c's pending API inspect once. A record from state files that
// has no PID (Podman's graph root) gets one from the cgroup scan.
func (inv *Inventory) details(c *Container) error {
	if c.detail != nil {
		d := c.detail
		c.detail = nil
		if err := d(); err != nil {
			return &DetailError{C: c, Err: err}
		}
	}
	if c.PID == 0 && !c.Stopped {
		inv.scanCgroups()
	}
	return nil
}

// notFound builds the error for a reference nothing matched.
func (inv *Inventory) notFound(what string) error {
	e := &NotFoundError{What: what, Searched: inv.searched()}
	if n := inv.accessError(); n != nil {
		e.Access = n.what
	}
	return e
}

// PodChoice is the container chosen in a pod and, when the pod has several
// application containers and none was named, kubectl's note about it.
type PodChoice struct {
	C    *Container
	Note string // `Defaulted container "app" out of: app, sidecar`
}

// FindPod resolves NAMESPACE/NAME[/CONTAINER]. The pod's containers share
// its network, UTS and IPC namespaces, held by the sandbox; other
// namespaces are each container's. With a container name that container
// is chosen; without one the first application container (the earliest
// started, as kubelet starts them in spec order), or, when podWide says
// only pod-wide namespaces are wanted and no application container runs
// (CrashLoopBackOff), the sandbox.
func (inv *Inventory) FindPod(ref PodRef, podWide bool) (*PodChoice, error) {
	pod := filter(inv.all(), func(c *Container) bool {
		return c.Pod.Namespace == ref.Namespace && c.Pod.Name == ref.Name
	})
	if len(pod) == 0 {
		return nil, inv.notFound("pod " + ref.Namespace + "/" + ref.Name)
	}
	apps := filter(pod, func(c *Container) bool { return !c.Sandbox })
	if ref.Container != "" {
		return inv.podContainer(ref, apps)
	}
	running, err := inv.running(apps)
	if err != nil {
		return nil, err
	}
	if len(running) > 0 {
		return inv.choose(running), nil
	}
	sandboxes, err := inv.running(filter(pod, func(c *Container) bool { return c.Sandbox }))
	if err != nil {
		return nil, err
	}
	if podWide && len(sandboxes) > 0 {
		return &PodChoice{C: sandboxes[0]}, nil
	}
	if len(apps) == 1 {
		return nil, &NotRunningError{C: apps[0], Note: sandboxHint(podWide, sandboxes)}
	}
	return nil, &NotFoundError{What: "running application container in pod " + ref.Namespace + "/" + ref.Name,
		Searched: strconv.Itoa(len(apps)) + " application and " + strconv.Itoa(len(pod)-len(apps)) + " sandbox containers" + sandboxHint(podWide, sandboxes)}
}

func sandboxHint(podWide bool, sandboxes []*Container) string {
	if !podWide && len(sandboxes) > 0 {
		return "; the pod's sandbox runs: enter only -n, -u or -i to use it"
	}
	return ""
}

// podContainer picks the named container of a pod.
func (inv *Inventory) podContainer(ref PodRef, apps []*Container) (*PodChoice, error) {
	named := filter(apps, func(c *Container) bool { return c.displayName() == ref.Container })
	if len(named) == 0 {
		return nil, &NotFoundError{What: `container "` + ref.Container + `" in pod ` + ref.Namespace + "/" + ref.Name,
			Searched: "its containers: " + strings.Join(names(apps), ", ")}
	}
	running, err := inv.running(named)
	if err != nil {
		return nil, err
	}
	if len(running) == 0 {
		return nil, &NotRunningError{C: named[0]}
	}
	return &PodChoice{C: inv.choose(running).C}, nil
}

// choose takes the earliest-started container and says so when there was
// a choice, in kubectl's words.
func (inv *Inventory) choose(cs []*Container) *PodChoice {
	start := map[*Container]uint64{}
	for _, c := range cs {
		start[c], _, _ = procStat(inv.opts.Proc, c.PID)
	}
	sort.SliceStable(cs, func(i, j int) bool { return start[cs[i]] < start[cs[j]] })
	p := &PodChoice{C: cs[0]}
	if len(cs) > 1 {
		var ns []string
		for _, c := range cs {
			ns = append(ns, c.displayName())
		}
		p.Note = `Defaulted container "` + cs[0].displayName() + `" out of: ` + strings.Join(ns, ", ")
	}
	return p
}

// names lists the display names of cs, sorted, without duplicates.
func names(cs []*Container) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if n := c.displayName(); !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
