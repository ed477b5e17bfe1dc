// Package rdns answers reverse lookups (address to host name) the way
// glibc's gethostbyaddr(3) does for tcpdump — /etc/hosts first, then a PTR
// query to the nameservers of resolv.conf — but with the configuration of a
// chosen root directory and a socket factory of the caller's choosing.
//
// That is what a capture inside a container needs: `nsenter -t PID -n
// tcpdump` reads the host's resolv.conf, whose nameserver (often
// 127.0.0.53) does not exist in the container's network namespace, so every
// name times out. gonsenter reads the target's /proc/PID/root/etc files and
// sends the query from a socket made inside the target's network namespace,
// so cluster-internal names resolve as they do for the container itself.
package rdns

import (
	"bufio"
	"bytes"
	"errors"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Resolver holds one configuration. The zero value resolves nothing.
type Resolver struct {
	Servers []netip.AddrPort            // resolv.conf nameservers, in order
	Hosts   map[netip.Addr]string       // /etc/hosts: the first (canonical) name of each address
	Timeout time.Duration               // per query and server (resolv.conf "timeout:", capped)
	Socket  func(v6 bool) (Conn, error) // a UDP socket for a server's family
}

// Conn is the part of a connected-less UDP socket a query needs.
type Conn interface {
	WriteTo(b []byte, to netip.AddrPort) error
	// ReadFrom waits until deadline for one datagram.
	ReadFrom(b []byte, deadline time.Time) (int, netip.AddrPort, error)
	Close() error
}

// MaxTimeout bounds the wait per server: tcpdump blocks in gethostbyaddr
// for glibc's 5 s × 2 attempts per server, which stalls a live capture for
// every unanswered address; one short try is enough on a working resolver.
const MaxTimeout = 2 * time.Second

// Load reads root's etc/resolv.conf and etc/hosts ("" or "/" for the
// caller's own). Missing files are not errors: glibc then asks 127.0.0.1.
func Load(root string) *Resolver {
	r := &Resolver{Hosts: map[netip.Addr]string{}, Timeout: MaxTimeout}
	if data, err := os.ReadFile(join(root, "etc/resolv.conf")); err == nil {
		r.parseResolvConf(data)
	}
	if len(r.Servers) == 0 {
		r.Servers = []netip.AddrPort{netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, 1}), 53)}
	}
	if data, err := os.ReadFile(join(root, "etc/hosts")); err == nil {
		r.parseHosts(data)
	}
	return r
}

func join(root, rel string) string {
	return strings.TrimSuffix(root, "/") + "/" + rel
}

// parseResolvConf keeps what a reverse lookup uses: up to three
// nameservers (glibc's MAXNS) and the timeout option.
func (r *Resolver) parseResolvConf(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || strings.HasPrefix(f[0], ";") {
			continue
		}
		switch f[0] {
		case "nameserver":
			a, err := netip.ParseAddr(f[1])
			if err == nil && len(r.Servers) < 3 {
				r.Servers = append(r.Servers, netip.AddrPortFrom(a, 53))
			}
		case "options":
			for _, o := range f[1:] {
				if v, ok := strings.CutPrefix(o, "timeout:"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 1 && time.Duration(n)*time.Second < r.Timeout {
						r.Timeout = time.Duration(n) * time.Second
					}
				}
			}
		}
	}
}

// parseHosts records the first name of every address (glibc returns the
// first matching line's canonical name).
func (r *Resolver) parseHosts(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		a, err := netip.ParseAddr(f[0])
		if err != nil {
			continue
		}
		a = a.Unmap()
		if _, dup := r.Hosts[a]; !dup {
			r.Hosts[a] = f[1]
		}
	}
}

// LookupAddr returns a's host name: /etc/hosts, else the first PTR answer
// of the first nameserver that answers.
func (r *Resolver) LookupAddr(a netip.Addr) (string, bool) {
	a = a.Unmap()
	if name, ok := r.Hosts[a]; ok {
		return name, true
	}
	if r.Socket == nil {
		return "", false
	}
	q := query(uint16(time.Now().UnixNano()), ptrName(a))
	for _, srv := range r.Servers {
		name, err := r.ask(srv, q)
		if err == nil {
			return name, name != ""
		}
	}
	return "", false
}

// errNoAnswer is a server's definite "no such name": stop asking.
var errNoAnswer = errors.New("no PTR record")

// ask sends q to one server and waits for its matching answer.
func (r *Resolver) ask(srv netip.AddrPort, q []byte) (string, error) {
	c, err := r.Socket(srv.Addr().Is6())
	if err != nil {
		return "", err
	}
	defer c.Close()
	if err := c.WriteTo(q, srv); err != nil {
		return "", err
	}
	deadline := time.Now().Add(r.Timeout)
	buf := make([]byte, 1500)
	for {
		n, from, err := c.ReadFrom(buf, deadline)
		if err != nil {
			return "", err
		}
		if from != srv || n < 12 || buf[0] != q[0] || buf[1] != q[1] || buf[2]&0x80 == 0 {
			continue // not the answer to this query
		}
		name, err := parsePTR(buf[:n])
		if errors.Is(err, errNoAnswer) {
			return "", nil
		}
		return name, err
	}
}

// ptrName is the in-addr.arpa or ip6.arpa name of a.
func ptrName(a netip.Addr) string {
	var b strings.Builder
	if a.Is4() {
		v := a.As4()
		for i := 3; i >= 0; i-- {
			b.WriteString(strconv.Itoa(int(v[i])))
			b.WriteByte('.')
		}
		b.WriteString("in-addr.arpa")
		return b.String()
	}
	const hex = "0123456789abcdef"
	v := a.As16()
	for i := 15; i >= 0; i-- {
		b.WriteByte(hex[v[i]&15])
		b.WriteByte('.')
		b.WriteByte(hex[v[i]>>4])
		b.WriteByte('.')
	}
	b.WriteString("ip6.arpa")
	return b.String()
}

// query builds a recursive PTR question for name.
func query(id uint16, name string) []byte {
	q := []byte{byte(id >> 8), byte(id), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	for _, label := range strings.Split(name, ".") {
		q = append(q, byte(len(label)))
		q = append(q, label...)
	}
	return append(q, 0, 0, 12, 0, 1) // root, type PTR, class IN
}
