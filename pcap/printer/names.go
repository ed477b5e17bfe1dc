package printer

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// names turns addresses, ports and protocol numbers into text the way
// tcpdump's addrtoname.c does. With resolution on (no -n) it reads
// /etc/services and /etc/protocols lazily, like getservent(3), and asks the
// system resolver for host names with a short timeout, caching answers.
type names struct {
	resolve bool
	hosts   map[netip.Addr]string
	eth     map[[6]byte]string
	ifs     map[int]string
	ifMiss  map[int]time.Time

	// lookupHost answers reverse lookups; servicesFile is read like
	// getservent(3), "" meaning the built-in copy. Tests replace both for
	// reproducible output.
	lookupHost   func(netip.Addr) (string, bool)
	servicesFile string

	once     sync.Once
	tcpPorts map[uint16]string
	udpPorts map[uint16]string
	protos   map[uint8]string
}

func newNames(resolve bool, lookup func(netip.Addr) (string, bool)) *names {
	if lookup == nil {
		lookup = systemLookup
	}
	return &names{resolve: resolve, hosts: map[netip.Addr]string{}, eth: map[[6]byte]string{}, ifs: map[int]string{}, ifMiss: map[int]time.Time{},
		lookupHost: lookup, servicesFile: "/etc/services"}
}

// lookupTimeout bounds one reverse lookup; tcpdump blocks in
// gethostbyaddr(3), which the resolver's own timeouts bound.
const lookupTimeout = 2 * time.Second

// host is ipaddr_string/ip6addr_string.
func (n *names) host(a netip.Addr) string {
	if !n.resolve {
		return addrString(a)
	}
	if s, ok := n.hosts[a]; ok {
		return s
	}
	s, ok := n.lookupHost(a)
	if !ok {
		s = addrString(a)
	}
	n.hosts[a] = s
	return s
}

// systemLookup asks the system resolver (/etc/hosts, then DNS) like
// gethostbyaddr(3), bounded by lookupTimeout.
func systemLookup(a netip.Addr) (string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	res, err := net.DefaultResolver.LookupAddr(ctx, a.String())
	if err != nil || len(res) == 0 {
		return "", false
	}
	return strings.TrimSuffix(res[0], "."), true
}

func (n *names) ip4(b []byte) string { return n.host(netip.AddrFrom4([4]byte(b[:4]))) }
func (n *names) ip6(b []byte) string { return n.host(netip.AddrFrom16([16]byte(b[:16]))) }

// ether is etheraddr_string: colon hex, plus " (oui NAME)" when resolving.
func (n *names) ether(b []byte) string {
	key := [6]byte(b[:6])
	if s, ok := n.eth[key]; ok {
		return s
	}
	s := fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5])
	if n.resolve && s == "ff:ff:ff:ff:ff:ff" {
		s = "Broadcast" // tcpdump's built-in etherlist
	} else if n.resolve {
		oui := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
		name, ok := ouiNames()[oui]
		if !ok {
			name = "Unknown"
		}
		s += " (oui " + name + ")"
	}
	n.eth[key] = s
	return s
}

// ouiNames is tcpdump's oui_values (first entry wins for shared codes).
var ouiNames = sync.OnceValue(func() map[uint32]string {
	return map[uint32]string{
		0x000000: "Ethernet", 0x00000c: "Cisco", 0x00005e: "IANA", 0x000081: "Nortel Networks SONMP",
		0x0000f8: "Cisco bridged", 0x0080c2: "Ethernet bridged", 0x00a03e: "ATM Forum",
		0x00e02f: "DOCSIS Spanning Tree", 0x080007: "Appletalk", 0x009069: "Juniper",
		0x080009: "Hewlett-Packard", 0x00120f: "IEEE 802.3 Private", 0x0012bb: "ANSI/TIA", 0x001b21: "DCBX",
		0x002320: "Nicira Networks", 0x5c16c7: "Big Switch Networks", 0xb0d2f5: "Vello Systems",
		0x002481: "HP", 0x0004ea: "HP-Labs", 0x748771: "Infoblox Inc", 0xa42305: "Open Networking Lab",
		0x00049f: "Freescale", 0x0015ad: "Netronome", 0x001018: "Broadcom", 0x00e004: "PMC-Sierra",
		0xd0f0db: "Ericsson",
	}
})

// linkAddr is linkaddr_string for non-Ethernet lengths.
func (n *names) linkAddr(b []byte) string {
	if len(b) == 0 {
		return "<empty>"
	}
	if len(b) == 6 {
		return n.ether(b)
	}
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%02x", c)
	}
	return strings.Join(parts, ":")
}

func (n *names) load() {
	n.once.Do(func() {
		n.tcpPorts, n.udpPorts = map[uint16]string{}, map[uint16]string{}
		n.protos = map[uint8]string{}
		if !n.resolve {
			return
		}
		readTable(n.servicesFile, builtinServices, func(f []string) {
			num, pp, ok := strings.Cut(f[1], "/")
			port, err := strconv.ParseUint(num, 10, 16)
			if !ok || err != nil {
				return
			}
			m := map[string]map[uint16]string{"tcp": n.tcpPorts, "udp": n.udpPorts}[pp]
			if _, dup := m[uint16(port)]; m != nil && !dup {
				m[uint16(port)] = f[0]
			}
		})
		readTable("", protocolNames, func(f []string) {
			num, err := strconv.ParseUint(f[1], 10, 8)
			if _, dup := n.protos[uint8(num)]; err == nil && !dup {
				n.protos[uint8(num)] = f[0]
			}
		})
	})
}

// readTable calls fn with the fields of each non-comment line of path
// having at least two fields; builtin stands in when path is unreadable
// (builtin holds "name value" pairs separated by spaces).
func readTable(path, builtin string, fn func([]string)) {
	data, err := os.ReadFile(path)
	if err != nil || path == "" {
		f := strings.Fields(builtin)
		for i := 0; i+1 < len(f); i += 2 {
			fn(f[i : i+2])
		}
		return
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if fields := strings.Fields(line); len(fields) >= 2 {
			fn(fields)
		}
	}
}

func (n *names) tcpPort(port uint16) string {
	n.load()
	if s, ok := n.tcpPorts[port]; ok {
		return s
	}
	return strconv.Itoa(int(port))
}

func (n *names) udpPort(port uint16) string {
	n.load()
	if s, ok := n.udpPorts[port]; ok {
		return s
	}
	return strconv.Itoa(int(port))
}

// proto is netdb_protoname: "" when not resolving or unknown.
func (n *names) proto(num uint8) string {
	n.load()
	return n.protos[num]
}

// ifName caches interface names; an unknown index is asked again after a
// second, since live captures see interfaces appear (tcpdump asks the
// kernel for every packet).
func (n *names) ifName(idx int) string {
	if s, ok := n.ifs[idx]; ok {
		return s
	}
	if t, ok := n.ifMiss[idx]; ok && time.Since(t) < time.Second {
		return "?"
	}
	s := sysIfName(idx)
	if s == "?" {
		n.ifMiss[idx] = time.Now()
	} else {
		n.ifs[idx] = s
		delete(n.ifMiss, idx)
	}
	return s
}

// addrString formats like tcpdump's addrtostr6 (BIND's inet_ntop): as
// netip does, except that an address whose first 96 bits are zero and
// whose seventh group is not prints in the old IPv4-compatible form
// "::a.b.c.d".
func addrString(a netip.Addr) string {
	if a.Is6() && !a.Is4In6() {
		b := a.As16()
		if [12]byte(b[:12]) == [12]byte{} && (b[12] != 0 || b[13] != 0) {
			return fmt.Sprintf("::%d.%d.%d.%d", b[12], b[13], b[14], b[15])
		}
	}
	return a.String()
}
