//go:build !linux

package capture

import "net/netip"

// lookupAddr: namespaces are Linux's; elsewhere the system resolver.
func (s *session) lookupAddr() func(netip.Addr) (string, bool) { return nil }
