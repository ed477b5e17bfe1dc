package container

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Entry is one line of --list-containers.
type Entry struct {
	C       *Container
	HostNet bool   // its network namespace is the host's (PID 1's)
	NetNS   uint64 // its network namespace inode
}

// List returns every running container with a verified init process. It
// also runs the cgroup scan, so containers whose runtime left nothing we
// can read still appear (by ID, runtime guessed from the cgroup path).
// A pod's sandbox is listed only while none of its application
// containers runs (crictl ps shows no sandboxes; a crash-looping pod
// would otherwise vanish).
func (inv *Inventory) List() ([]Entry, error) {
	inv.scanCgroups()
	hostNet := inv.hostNetns()
	var live []*Container
	podRuns := map[string]bool{}
	for _, c := range inv.all() {
		if err := inv.details(c); err != nil {
			return nil, err
		}
		if c.Stopped || c.PID <= 0 || verify(c, inv.opts.Proc) != nil {
			continue
		}
		live = append(live, c)
		if !c.Sandbox && c.Pod.Name != "" {
			podRuns[c.Pod.Namespace+"/"+c.Pod.Name] = true
		}
	}
	var out []Entry
	for _, c := range live {
		if c.Sandbox && podRuns[c.Pod.Namespace+"/"+c.Pod.Name] {
			continue
		}
		ino, err := netnsIno(inv.opts.Proc, c.PID)
		if errors.Is(err, fs.ErrNotExist) {
			continue // exited meanwhile
		}
		// Another user's process (not root): listed, namespace unknown.
		out = append(out, Entry{C: c, NetNS: ino, HostNet: err == nil && hostNet != 0 && ino == hostNet})
	}
	return out, nil
}

// hostNetns is the inode of the host's network namespace: PID 1's, or
// where PID 1 cannot be inspected (some sandboxes deny it even to root),
// kthreadd's (PID 2 on the host, always in the initial namespaces), or
// else our own.
func (inv *Inventory) hostNetns() uint64 {
	if ino, err := netnsIno(inv.opts.Proc, 1); err == nil {
		return ino
	}
	if comm, _ := os.ReadFile(inv.opts.Proc + "/2/comm"); string(comm) == "kthreadd\n" {
		if ino, err := netnsIno(inv.opts.Proc, 2); err == nil {
			return ino
		}
	}
	ino, _ := netnsIno(inv.opts.Proc, os.Getpid())
	return ino
}

// WriteTable prints entries as `docker ps` prints its table: a header,
// left-aligned columns separated by three spaces, "-" for unknown fields.
func WriteTable(w io.Writer, entries []Entry) error {
	rows := [][]string{{"RUNTIME", "CONTAINER ID", "NAME", "POD", "PID", "NETNS"}}
	for _, e := range entries {
		c := e.C
		name, pod := c.displayName(), "-"
		if c.Sandbox {
			name = "(sandbox)"
		}
		if c.Pod.Name != "" {
			pod = c.Pod.Namespace + "/" + c.Pod.Name
		}
		netns := "net:[" + strconv.FormatUint(e.NetNS, 10) + "]"
		switch {
		case e.HostNet:
			netns = "host"
		case e.NetNS == 0:
			netns = "-"
		}
		rows = append(rows, []string{string(c.Runtime), c.ShortID(), dash(name), pod, strconv.Itoa(c.PID), netns})
	}
	_, err := io.WriteString(w, formatColumns(rows))
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// formatColumns pads every column but the last to its widest cell.
func formatColumns(rows [][]string) string {
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			width[i] = max(width[i], len(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-len(cell)+3))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Warnings name the locations that refused us: a listing without them may
// be incomplete, and should say so.
func (inv *Inventory) Warnings() []string {
	var out []string
	for _, n := range inv.notes {
		if errors.Is(n.err, fs.ErrPermission) {
			out = append(out, "permission denied on "+n.what+": the list may be incomplete")
		}
	}
	return out
}
