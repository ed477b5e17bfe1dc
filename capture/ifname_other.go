//go:build !linux

package capture

import "net"

// indexToName is if_indextoname(3) through the net package (only Linux
// has the ioctl version, ifname_linux.go).
func indexToName(idx int) (string, bool) {
	ifc, err := net.InterfaceByIndex(idx)
	if err != nil || ifc.Name == "" {
		return "", false
	}
	return ifc.Name, true
}
