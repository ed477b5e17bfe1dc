package container

import (
	"os"
	"strconv"
	"strings"
)

// scanCgroups is the last resort (users-and-peers.md §4): every process's
// /proc/PID/cgroup names its cgroup, and every runtime puts the 64-hex
// container ID in that path, under the cgroupfs and systemd drivers, v1 and
// v2: /docker/<id>, docker-<id>.scope, cri-containerd-<id>.scope,
// crio-<id>.scope, libpod-<id>.scope, kubepods/.../pod<uid>/<id>. It works
// without any runtime socket or state directory (a DaemonSet pod with only
// hostPID), and inside a private cgroup namespace too, where other
// processes' paths are relative ("/../../kubepods/...") but still hold the
// ID. A container's init is its earliest-started process: runc's init
// becomes it, anything exec'd in comes later.
func (inv *Inventory) scanCgroups() {
	if inv.scanned {
		return
	}
	inv.scanned = true
	ents, err := os.ReadDir(inv.opts.Proc)
	if err != nil {
		return
	}
	type first struct {
		pid   int
		start uint64
		rt    Runtime
	}
	byID := map[string]*first{}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid <= 0 {
			continue
		}
		inv.scanProcs++
		data, err := os.ReadFile(inv.opts.Proc + "/" + e.Name() + "/cgroup")
		if err != nil {
			continue
		}
		id, rt := cgroupContainer(string(data))
		if id == "" || !inv.runtimeAllowed(rt) {
			continue
		}
		start, _, err := procStat(inv.opts.Proc, pid)
		if err != nil {
			continue
		}
		if f := byID[id]; f == nil || start < f.start || start == f.start && pid < f.pid {
			byID[id] = &first{pid, start, rt}
		}
	}
	for id, f := range byID {
		inv.add(&Container{Runtime: f.rt, ID: id, PID: f.pid})
	}
}

func (inv *Inventory) runtimeAllowed(rt Runtime) bool {
	return inv.opts.Runtime == "" || rt == Unknown || rt == inv.opts.Runtime
}

// cgroupContainer finds the container ID in a /proc/PID/cgroup file and
// guesses the runtime from the name around it. Conmon's own scopes
// (libpod-conmon-<id>, crio-conmon-<id>) are the monitor, not the
// container.
func cgroupContainer(data string) (string, Runtime) {
	for _, line := range strings.Split(data, "\n") {
		// "hierarchy-ID:controllers:path"
		_, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		_, path, ok := strings.Cut(rest, ":")
		if !ok {
			continue
		}
		if id, rt := pathContainer(path); id != "" {
			return id, rt
		}
	}
	return "", ""
}

// pathContainer returns the last 64-hex ID in a cgroup path and the
// runtime its surroundings name.
func pathContainer(path string) (string, Runtime) {
	elems := strings.Split(path, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		el := elems[i]
		if el == "container" { // podman's nested libpod-<id>.scope/container
			continue
		}
		id, prefix := elementID(el)
		if id == "" {
			continue
		}
		if strings.HasSuffix(prefix, "conmon-") {
			return "", ""
		}
		return id, cgroupRuntime(prefix, elems[:i])
	}
	return "", ""
}

// elementID splits "docker-<id>.scope", "crio-<id>", "<id>" into the ID and
// what comes before it.
func elementID(el string) (id, prefix string) {
	el = strings.TrimSuffix(el, ".scope")
	if len(el) < 64 {
		return "", ""
	}
	id, prefix = el[len(el)-64:], el[:len(el)-64]
	if !isFullID(id) || prefix != "" && !strings.HasSuffix(prefix, "-") {
		return "", ""
	}
	return id, prefix
}

// cgroupRuntime names the engine from the ID's prefix or its parents.
func cgroupRuntime(prefix string, parents []string) Runtime {
	switch prefix {
	case "docker-":
		return Docker
	case "cri-containerd-", "nerdctl-":
		return Containerd
	case "crio-":
		return CRIO
	case "libpod-":
		return Podman
	}
	if len(parents) > 0 {
		switch parents[len(parents)-1] {
		case "docker", "moby":
			return Docker
		case "libpod_parent":
			return Podman
		}
	}
	return Unknown
}
