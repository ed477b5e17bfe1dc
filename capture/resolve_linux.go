package capture

import (
	"net/netip"

	"github.com/gonsenter/gonsenter/internal/rdns"
)

// lookupAddr is name resolution (no -n) for a capture in another network
// namespace: the target's etc/resolv.conf and etc/hosts, queried from a
// socket made inside that namespace, so the container's own nameserver
// answers (the host's, often 127.0.0.53, is unreachable from there). nil
// means the system resolver: the capture runs where we are, or it was
// re-executed inside the target's mount namespace, where that resolver
// already reads the target's files; and with -n nothing is resolved.
func (s *session) lookupAddr() func(netip.Addr) (string, bool) {
	if s.cfg.nflag > 0 || s.netns == nil {
		return nil
	}
	r := rdns.Load(s.targetRoot)
	r.Socket = func(v6 bool) (rdns.Conn, error) {
		var c rdns.Conn
		err := s.netns(func() (err error) {
			c, err = rdns.NewSocket(v6)
			return err
		})
		return c, err
	}
	return r.LookupAddr
}
