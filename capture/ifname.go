package capture

import (
	"net"
	"sync"
)

// ifNamer resolves SLL2 interface indexes the way tcpdump's
// if_indextoname does, but in the target's network namespace: indexes are
// per namespace, and the host's names for them would be wrong.
type ifNamer struct {
	s     *session
	mu    sync.Mutex
	names map[int]string
}

// ifNameFunc returns the printer's IfName hook: nil (the printer's own
// lookup in the current namespaces) when no namespace was requested.
func (s *session) ifNameFunc() func(int) string {
	if s.netns == nil {
		return nil
	}
	return (&ifNamer{s: s, names: map[int]string{}}).name
}

func (n *ifNamer) name(idx int) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if v, ok := n.names[idx]; ok {
		return v
	}
	v := "?"
	n.s.inNetns(func() error {
		if ifc, err := net.InterfaceByIndex(idx); err == nil {
			v = ifc.Name
		}
		return nil
	})
	n.names[idx] = v
	return v
}
