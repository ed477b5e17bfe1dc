package capture

import "sync"

// ifNamer resolves SLL2 interface indexes the way tcpdump's
// if_indextoname does, in the target's network namespace when there is one:
// indexes are per namespace, and the host's names for them would be wrong.
type ifNamer struct {
	s     *session
	mu    sync.Mutex
	names map[int]string
}

// ifNameFunc returns the printer's IfName hook. It is always ours, not the
// printer's netlink lookup, so that the name comes from one SIOCGIFNAME
// (indexToName) as in libc, and the same on every architecture.
func (s *session) ifNameFunc() func(int) string {
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
		if name, ok := indexToName(idx); ok {
			v = name
		}
		return nil
	})
	n.names[idx] = v
	return v
}
