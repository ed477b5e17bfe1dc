package nsenter

import (
	"io"
	"strings"

	"github.com/gonsenter/gonsenter/nsenter/target/container"
)

// containerStep runs between option parsing and the namespace work (its
// errors become one "PROG: ..." line, status 1, in report):
// --list-containers prints the table and ends; --container, --pod and
// -t RUNTIME://ID become a target PID pinned by a pidfd, exactly as if the
// user had typed `-t PID:inode`.
func (s *state) containerStep(out *strings.Builder, stderr io.Writer) error {
	if err := s.checkContainerOptions(); err != nil {
		return err
	}
	if s.ctr.list {
		return s.listContainers(out, stderr)
	}
	if !s.ctr.wanted() {
		return nil
	}
	if s.capture && s.enabledMask() == 0 && !s.doAll {
		// A capture "in a container" means in its network namespace.
		s.ns[nsIndex(cloneNewNet)].enabled = true
	}
	c, note, err := s.findContainer()
	if err != nil {
		return err
	}
	fd, err := container.Pin(c, "/proc")
	if err != nil {
		return err
	}
	if note != "" {
		io.WriteString(stderr, note+"\n")
	}
	s.targetPID, s.pidfd = c.PID, fd
	return nil
}

// findContainer looks the reference up in every runtime's state.
func (s *state) findContainer() (*container.Container, string, error) {
	inv := container.Discover(s.ctr.opts)
	if s.ctr.pod != nil {
		choice, err := inv.FindPod(*s.ctr.pod, s.podWide())
		if err != nil {
			return nil, "", err
		}
		return choice.C, choice.Note, nil
	}
	c, err := inv.Find(*s.ctr.ref)
	return c, "", err
}

// listContainers is --list-containers: the table goes to stdout, and a
// warning to stderr for each location that refused us (not root).
func (s *state) listContainers(out *strings.Builder, stderr io.Writer) error {
	inv := container.Discover(s.ctr.opts)
	entries, err := inv.List()
	if err != nil {
		return err
	}
	for _, w := range inv.Warnings() {
		io.WriteString(stderr, s.prog+": warning: "+w+"\n")
	}
	container.WriteTable(out, entries)
	return &exitError{Code: 0}
}
