package bpf

import (
	"context"
	"encoding/binary"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync"
)

// servicePorts is one /etc/services name: its port per transport, -1 if
// the name is not defined for that transport.
type servicePorts struct{ tcp, udp, sctp int }

// id compiles "head id" (gencode.c gen_scode, gen_ncode, gen_mcode,
// gen_mcode6, gen_ecode) after checking qualifier misuse.
func (g *gen) id(n idNode) (frag, error) {
	if n.q.err {
		return frag{}, errQualSyntax
	}
	switch n.q.addr {
	case "gateway":
		switch n.kind {
		case tID:
			// Debian's libpcap is built without /etc/ethers support.
			return frag{}, semErr("'gateway' not supported in this configuration")
		case tNUM, tHID:
			if n.prefix < 0 && n.mask == "" {
				return frag{}, semErr("'gateway' requires a name")
			}
		}
	}
	switch n.kind {
	case tNUM:
		return g.numID(n)
	case tHID:
		return g.hidID(n)
	case tHID6:
		return g.hid6ID(n)
	case tEID:
		return g.eid(n)
	case tAID:
		return frag{}, semErr("aid supported only on ARCnet")
	}
	return g.nameID(n)
}

// atodn is libpcap 1.10.3's __pcap_atodn: sscanf "%d.%d" as DECnet
// area.node, area in bits 10-15 and node in bits 0-9.
func atodn(s string) (uint32, bool) {
	a, b, _, ok := scanRange(strings.Replace(s, ".", "-", 1))
	if !ok {
		return 0, false
	}
	return uint32(a<<10)&0xfc00 | uint32(b)&0x3ff, true
}

// dnHost is gen_dnhostop: DECnet routing headers with or without padding,
// long or short form. DECnet addresses are little-endian on the wire;
// libpcap byte-swaps the constants (ntohs) on the little-endian hosts
// tcpdump runs on, which is what we generate.
func (g *gen) dnHost(addr uint32, dir string) (frag, error) {
	swap := func(v uint32) uint32 { return (v&0xff)<<8 | (v>>8)&0xff }
	a := swap(addr)
	one := func(sh, lh int) frag {
		b1 := and(g.cmpPL(2, 2, jJEQ, 0x8106, 0xff07), g.eqPL(3+lh, 2, a)) // pad, long
		b2 := and(g.cmpPL(2, 1, jJEQ, 0x06, 0x07), g.eqPL(2+lh, 2, a))     // no pad, long
		b1 = or(b2, b1)
		b2 = and(g.cmpPL(2, 2, jJEQ, 0x8102, 0xff07), g.eqPL(3+sh, 2, a)) // pad, short
		b1 = or(b2, b1)
		b2 = and(g.cmpPL(2, 1, jJEQ, 0x02, 0x07), g.eqPL(2+sh, 2, a)) // no pad, short
		return and(g.linktype(0x6003), or(b2, b1))
	}
	switch dir {
	case "src":
		return one(3, 15), nil
	case "dst":
		return one(1, 7), nil
	case "src and dst":
		return and(one(3, 15), one(1, 7)), nil
	case "", "src or dst":
		return or(one(3, 15), one(1, 7)), nil
	}
	return frag{}, wlanDirErr(dir, "addresses other than 802.11 MAC addresses")
}

// atoin is libpcap's __pcap_atoin: dotted decimal with 1-4 parts; the
// result is left-aligned by the caller using the returned bit length.
func atoin(s string) (uint32, int, bool) {
	var addr uint32
	bits := 0
	for _, part := range strings.Split(s, ".") {
		n := 0
		for _, c := range part {
			if n > 25 {
				return 0, 0, false
			}
			n = n*10 + int(c-'0')
		}
		if n > 255 {
			return 0, 0, false
		}
		addr = addr<<8 | uint32(n)
		bits += 8
	}
	return addr, bits, true
}

func (g *gen) numID(n idNode) (frag, error) {
	q := n.q
	switch q.addr {
	case "", "host", "net":
		if q.proto == "link" {
			return frag{}, semErr("illegal link layer address")
		}
		if q.proto == "decnet" {
			return g.dnHost(n.n, q.dir)
		}
		v, mask := n.n, uint32(0xffffffff)
		if q.addr == "net" {
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		}
		return g.host(v, mask, q)
	case "port", "portrange":
		p, err := portProto(q)
		if err != nil {
			return frag{}, err
		}
		if isWlanDir(q.dir) {
			if err := g.noModelErr(); err != nil {
				return frag{}, err
			}
			return frag{}, wlanDirErr(q.dir, map[string]string{"port": "ports", "portrange": "port ranges"}[q.addr])
		}
		if n.n > 65535 {
			return frag{}, semErr("illegal port number %d > 65535", n.n)
		}
		return g.ports(int(n.n), int(n.n), p, q), nil
	case "proto":
		return g.proto(n.n, q)
	case "protochain":
		return g.protochain(q)
	}
	return frag{}, errQualSyntax
}

// protochain checks gen_protochain's qualifier; the header-chain loop
// itself (a backward jump the Linux kernel refuses) is not implemented.
func (g *gen) protochain(q qual) (frag, error) {
	switch q.proto {
	case "", "ip", "ip6":
		if g.noModel != "" {
			g.linktype(etherIP) // libpcap's gen_linktype refuses the type first
			return frag{}, g.err
		}
		return frag{}, unsupported("protochain")
	}
	return frag{}, semErr("bad protocol applied for 'protochain'")
}

// portProto maps the protocol qualifier of "port"/"portrange".
func portProto(q qual) (int, error) {
	switch q.proto {
	case "":
		return protoUndef, nil
	case "tcp":
		return protoTCP, nil
	case "udp":
		return protoUDP, nil
	case "sctp":
		return protoSCTP, nil
	}
	return 0, semErr("illegal qualifier of '%s'", q.addr)
}

func (g *gen) hidID(n idNode) (frag, error) {
	q := n.q
	if n.prefix < 0 && n.mask == "" {
		switch q.addr {
		case "port", "portrange", "proto", "protochain":
			return frag{}, semErr("'%s' modifier applied to ip host", q.addr)
		}
		if q.proto == "decnet" && (q.addr == "" || q.addr == "host" || q.addr == "net") {
			addr, ok := atodn(n.s)
			if !ok {
				return frag{}, semErr("malformed decnet address '%s'", n.s)
			}
			return g.dnHost(addr, q.dir)
		}
	}
	v, bits, ok := atoin(n.s)
	if !ok {
		return frag{}, semErr("invalid IPv4 address '%s'", n.s)
	}
	v <<= 32 - bits
	if n.prefix < 0 && n.mask == "" {
		if q.proto == "link" {
			return frag{}, semErr("illegal link layer address")
		}
		return g.host(v, 0xffffffff<<(32-bits), q)
	}
	var mask uint32
	if n.mask != "" {
		m, mbits, ok := atoin(n.mask)
		if !ok {
			return frag{}, semErr("invalid IPv4 address '%s'", n.mask)
		}
		mask = m << (32 - mbits)
		if v&^mask != 0 {
			return frag{}, semErr("non-network bits set in \"%s mask %s\"", n.s, n.mask)
		}
	} else {
		if n.prefix > 32 {
			return frag{}, semErr("mask length must be <= 32")
		}
		if n.prefix > 0 {
			mask = 0xffffffff << (32 - n.prefix)
		}
		if v&^mask != 0 {
			return frag{}, semErr("non-network bits set in \"%s/%d\"", n.s, n.prefix)
		}
	}
	if q.addr != "net" {
		return frag{}, semErr("Mask syntax for networks only")
	}
	return g.host(v, mask, q)
}

func (g *gen) hid6ID(n idNode) (frag, error) {
	q := n.q
	a, err := netip.ParseAddr(n.s)
	if err != nil {
		return frag{}, semErr("invalid IPv6 address %s", n.s)
	}
	plen := 128
	if n.prefix >= 0 {
		plen = n.prefix
	}
	if plen > 128 {
		return frag{}, semErr("mask length must be <= 128")
	}
	pfx := netip.PrefixFrom(a, plen)
	if pfx.Masked().Addr() != a {
		return frag{}, semErr("non-network bits set in \"%s/%d\"", n.s, plen)
	}
	switch q.addr {
	case "", "host":
		if plen != 128 {
			return frag{}, semErr("Mask syntax for networks only")
		}
	case "net":
	default:
		return frag{}, semErr("invalid qualifier against IPv6 address")
	}
	return g.host6(a.As16(), plen, q)
}

// wlanDirErr is gencode's error for an 802.11 direction qualifier
// (addr1..addr4, ra, ta) applied to something that is not a MAC address.
func wlanDirErr(dir, what string) error {
	if dir == "ra" || dir == "ta" {
		return semErr("'%s' is not a valid qualifier for %s", dir, what)
	}
	return semErr("'%s' and 'address%s' are not valid qualifiers for %s", dir, dir[4:], what)
}

// isWlanDir reports whether dir is an 802.11-only direction qualifier.
func isWlanDir(dir string) bool {
	switch dir {
	case "addr1", "addr2", "addr3", "addr4", "ra", "ta":
		return true
	}
	return false
}

// unimplementedHosts are gen_host's "X host filtering not implemented".
var unimplementedHosts = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"atalk": "AppleTalk", "aarp": "AARP", "ipx": "IPX", "iso": "ISO", "lat": "LAT",
		"sca": "SCA", "mopdl": "MOPDL", "moprc": "MOPRC",
	}
})

// host is gen_host for IPv4: Q_DEFAULT covers IPv4, ARP and RARP.
func (g *gen) host(addr, mask uint32, q qual) (frag, error) {
	what := "host"
	if q.addr == "net" {
		what = "net"
	}
	switch q.proto {
	case "":
		ip, err := g.hostOp(addr, mask, q.dir, etherIP, 12, 16)
		if err != nil {
			return frag{}, err
		}
		if g.mplsDepth > 0 { // IP only inside an MPLS stack
			return ip, nil
		}
		a, _ := g.hostOp(addr, mask, q.dir, etherARP, 14, 24)
		r, _ := g.hostOp(addr, mask, q.dir, etherRARP, 14, 24)
		return orAll(ip, a, r), nil
	case "ip":
		return g.hostOp(addr, mask, q.dir, etherIP, 12, 16)
	case "arp":
		return g.hostOp(addr, mask, q.dir, etherARP, 14, 24)
	case "rarp":
		return g.hostOp(addr, mask, q.dir, etherRARP, 14, 24)
	case "link":
		return frag{}, semErr("link-layer modifier applied to %s", what)
	case "ip6":
		return frag{}, semErr("'ip6' modifier applied to ip host")
	case "decnet": // "decnet net N/len": libpcap ignores the mask
		return g.dnHost(addr, q.dir)
	}
	if name, ok := unimplementedHosts()[q.proto]; ok {
		return frag{}, semErr("%s host filtering not implemented", name)
	}
	return frag{}, semErr("'%s' modifier applied to %s", q.proto, what)
}

// hostOp is gen_hostop: compare the source and/or destination address
// field at srcOff/dstOff of the network header, after the link check.
func (g *gen) hostOp(addr, mask uint32, dir string, ll uint32, srcOff, dstOff int) (frag, error) {
	one := func(off int) frag {
		return and(g.linktype(ll), g.cmpPL(off, 4, jJEQ, addr, mask))
	}
	switch dir {
	case "src":
		return one(srcOff), nil
	case "dst":
		return one(dstOff), nil
	case "src and dst":
		return and(one(srcOff), one(dstOff)), nil
	case "", "src or dst":
		return or(one(srcOff), one(dstOff)), nil
	}
	return frag{}, wlanDirErr(dir, "addresses other than 802.11 MAC addresses")
}

// host6 is gen_host6 + gen_hostop6: up to four masked word compares.
func (g *gen) host6(a [16]byte, plen int, q qual) (frag, error) {
	what := "host"
	if q.addr == "net" {
		what = "net"
	}
	switch q.proto {
	case "", "ip6":
	case "ip":
		return frag{}, semErr("'ip' modifier applied to ip6 %s", what)
	case "link":
		return frag{}, semErr("link-layer modifier applied to ip6 %s", what)
	case "atalk":
		return frag{}, semErr("AppleTalk modifier applied to ip6 %s", what)
	default:
		return frag{}, semErr("'%s' modifier applied to ip6 %s", q.proto, what)
	}
	m := netip.PrefixFrom(netip.IPv6Unspecified(), plen)
	var mask [16]byte
	for i := 0; i < plen; i++ {
		mask[i/8] |= 0x80 >> (i % 8)
	}
	_ = m
	one := func(off int) frag {
		// Word order matters on truncated packets (a mismatch stops before
		// a later out-of-bounds load): libpcap's order, first word first.
		f := g.linktype(etherIPv6)
		for w := 0; w < 4; w++ {
			v := binary.BigEndian.Uint32(a[4*w:])
			mw := binary.BigEndian.Uint32(mask[4*w:])
			f = and(f, g.cmpPL(off+4*w, 4, jJEQ, v, mw))
		}
		return f
	}
	switch q.dir {
	case "src":
		return one(8), nil
	case "dst":
		return one(24), nil
	case "src and dst":
		return and(one(8), one(24)), nil
	case "", "src or dst":
		return or(one(8), one(24)), nil
	}
	return frag{}, wlanDirErr(q.dir, "addresses other than 802.11 MAC addresses")
}

// eid compiles a MAC-48 literal (gen_ecode).
func (g *gen) eid(n idNode) (frag, error) {
	if (n.q.addr != "" && n.q.addr != "host") || n.q.proto != "link" {
		return frag{}, semErr("ethernet address used in non-ether expression")
	}
	mac, err := parseMAC(n.s)
	if err != nil {
		return frag{}, err
	}
	return g.etherHost(mac, n.q.dir)
}

// parseMAC is pcap_ether_aton over the EID lexeme forms.
func parseMAC(s string) ([]byte, error) {
	hex := strings.Map(func(r rune) rune {
		if r == ':' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, s)
	var parts []string
	if strings.ContainsAny(s, ":-") || strings.Count(s, ".") == 5 {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' })
	} else {
		for i := 0; i+2 <= len(hex); i += 2 {
			parts = append(parts, hex[i:i+2])
		}
	}
	if len(parts) != 6 {
		return nil, semErr("invalid ethernet address %s", s)
	}
	mac := make([]byte, 6)
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return nil, semErr("invalid ethernet address %s", s)
		}
		mac[i] = byte(v)
	}
	return mac, nil
}

// etherHost is gen_ehostop: 4+2 byte compares against the link header
// (never shifted by vlan: offsets are relative to the link header).
func (g *gen) etherHost(mac []byte, dir string) (frag, error) {
	if !g.ethernet() {
		return frag{}, semErr("ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
	}
	one := func(off int) frag {
		lo := cmpStmts(g.ldLH(off+2, 4), jJEQ, binary.BigEndian.Uint32(mac[2:]), 0xffffffff)
		return and(lo, cmpStmts(g.ldLH(off, 2), jJEQ, uint32(binary.BigEndian.Uint16(mac)), 0xffffffff))
	}
	switch dir {
	case "src":
		return g.linkLayerCheck(one(6)), nil
	case "dst":
		return g.linkLayerCheck(one(0)), nil
	case "src and dst":
		return g.linkLayerCheck(and(one(6), one(0))), nil
	case "", "src or dst":
		return g.linkLayerCheck(or(one(6), one(0))), nil
	}
	if dir == "ra" || dir == "ta" {
		return frag{}, semErr("'%s' is only supported on 802.11 with 802.11 headers", dir)
	}
	return frag{}, semErr("'%s' and 'address%s' are only supported on 802.11 with 802.11 headers", dir, dir[4:])
}

// ports is gen_port|gen_portrange OR'ed with their IPv6 variants, IPv6
// first as in gencode.c (gen_or(gen_port6(...), b)).
func (g *gen) ports(lo, hi, proto int, q qual) frag {
	if lo > hi {
		lo, hi = hi, lo
	}
	v6 := and(g.linktype(etherIPv6), g.portProtos(proto, func(p uint32) frag { return g.portOp6(lo, hi, p, q.dir) }))
	v4 := and(g.linktype(etherIP), g.portProtos(proto, func(p uint32) frag { return g.portOp(lo, hi, p, q.dir) }))
	return or(v6, v4)
}

func (g *gen) portProtos(proto int, op func(uint32) frag) frag {
	if proto != protoUndef {
		return op(uint32(proto))
	}
	return orAll(op(protoTCP), op(protoUDP), op(protoSCTP))
}

// portAtom compares one port field (or range) via cmp.
func portAtom(lo, hi int, cmp func(off int, jop uint16, v uint32) frag, off int) frag {
	if lo == hi {
		return cmp(off, jJEQ, uint32(lo))
	}
	return and(cmp(off, jJGE, uint32(lo)), not(cmp(off, jJGT, uint32(hi))))
}

func dirFrag(dir string, atom func(off int) frag) frag {
	switch dir {
	case "src":
		return atom(0)
	case "dst":
		return atom(2)
	case "src and dst":
		return and(atom(0), atom(2))
	}
	return or(atom(0), atom(2))
}

// portOp is gen_portop: IPv4 protocol p, first or only fragment, port.
func (g *gen) portOp(lo, hi int, p uint32, dir string) frag {
	cmp := func(off int, jop uint16, v uint32) frag { return g.tranIPv4(off, 2, jop, v) }
	head := and(g.eqPL(9, 1, p), g.notFragment())
	return and(head, dirFrag(dir, func(off int) frag { return portAtom(lo, hi, cmp, off) }))
}

// portOp6 is gen_portop6: next header p (no extension-header walk), port
// at the fixed offset 40 past the IPv6 header.
func (g *gen) portOp6(lo, hi int, p uint32, dir string) frag {
	cmp := func(off int, jop uint16, v uint32) frag {
		return g.cmpPL(40+off, 2, jop, v, 0xffffffff)
	}
	return and(g.eqPL(6, 1, p), dirFrag(dir, func(off int) frag { return portAtom(lo, hi, cmp, off) }))
}

// notFragment is gen_ipfrag: fragment offset field zero.
func (g *gen) notFragment() frag {
	return not(g.cmpPL(6, 2, jJSET, 0x1fff, 0xffffffff))
}

// proto is gen_proto: "[ip|ip6|ether] proto N".
func (g *gen) proto(v uint32, q qual) (frag, error) {
	if q.dir != "" {
		return frag{}, semErr("direction applied to 'proto'")
	}
	switch q.proto {
	case "":
		return or(g.ipProto(v), g.ip6Proto(v)), nil
	case "ip":
		return g.ipProto(v), nil
	case "ip6":
		return g.ip6Proto(v), nil
	case "link":
		return g.linktype(v), nil
	case "arp", "rarp":
		return frag{}, semErr("%s does not encapsulate another protocol", q.proto)
	case "sca", "lat", "mopdl", "moprc":
		return frag{}, semErr("%s does not encapsulate another protocol", strings.ToUpper(q.proto))
	case "atalk":
		return frag{}, semErr("AppleTalk encapsulation is not specifiable")
	case "decnet":
		return frag{}, semErr("DECNET encapsulation is not specifiable")
	case "iso":
		return g.isoProto(v), nil
	case "isis":
		return g.isisPDU(v), nil
	case "clnp":
		return frag{}, semErr("'clnp proto' is not supported")
	}
	return frag{}, semErr("'%s proto' is bogus", q.proto)
}

// eprotos are pcap_nametoeproto's names plus pcap_nametollc's.
var eprotos = sync.OnceValue(func() map[string]uint32 {
	return map[string]uint32{
		"aarp": 0x80f3, "arp": etherARP, "atalk": 0x809b, "decnet": 0x6003,
		"ip": etherIP, "ip6": etherIPv6, "lat": 0x6004, "loopback": 0x9000,
		"mopdl": 0x6001, "moprc": 0x6002, "rarp": etherRARP, "sca": 0x6007,
		"iso": 0xfe, "stp": 0x42, "ipx": 0xe0, "netbeui": 0xf0,
	}
})

// nameID compiles a name: host, port, port range or protocol.
func (g *gen) nameID(n idNode) (frag, error) {
	q := n.q
	switch q.addr {
	case "net":
		return frag{}, unsupported("network name '" + n.s + "'")
	case "", "host":
		if q.proto == "link" {
			if !g.ethernet() { // gen_scode refuses the link type before any lookup
				return frag{}, semErr("only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name")
			}
			return frag{}, unsupported("Ethernet host name '" + n.s + "' (/etc/ethers)")
		}
		if q.proto == "decnet" {
			return frag{}, semErr("decnet name support not included, '%s' cannot be translated", n.s)
		}
		return g.hostName(n.s, q)
	case "port", "portrange":
		if _, err := portProto(q); err == nil && isWlanDir(q.dir) {
			if err := g.noModelErr(); err != nil {
				return frag{}, err
			}
			return frag{}, wlanDirErr(q.dir, map[string]string{"port": "ports", "portrange": "port ranges"}[q.addr])
		}
	}
	switch q.addr {
	case "port":
		port, real, err := g.servicePort(n.s, q)
		if err != nil {
			return frag{}, err
		}
		return g.ports(port, port, real, q), nil
	case "portrange":
		return g.portRangeName(n.s, q)
	case "proto":
		return g.protoName(n.s, q)
	case "protochain":
		if _, err := lookupProto(n.s, q.proto); err != nil {
			return frag{}, err
		}
		return g.protochain(q)
	}
	return frag{}, errQualSyntax
}

func (g *gen) protoName(name string, q qual) (frag, error) {
	v, err := lookupProto(name, q.proto)
	if err != nil {
		return frag{}, err
	}
	return g.proto(v, q)
}

// lookupProto is gencode's lookup_proto: protocol names per qualifier.
func lookupProto(name, proto string) (uint32, error) {
	switch proto {
	case "", "ip", "ip6":
		v, ok := protocols()[name]
		if !ok {
			return 0, semErr("unknown ip proto '%s'", name)
		}
		return v, nil
	case "link":
		v, ok := eprotos()[name]
		if !ok {
			return 0, semErr("unknown ether proto '%s'", name)
		}
		return v, nil
	case "iso":
		v, ok := map[string]uint32{"esis": 0x82, "isis": 0x83, "clnp": 0x81}[name]
		if !ok {
			return 0, semErr("unknown osi proto '%s'", name)
		}
		return v, nil
	}
	return 0, semErr("unknown protocol: %s", name)
}

// lookupService is pcap_nametoport: the port and, when the name exists
// for one transport only, that transport.
func lookupService(name string) (int, int, bool) {
	if n, err := strconv.Atoi(name); err == nil && n >= 0 && !strings.HasPrefix(name, "+") {
		return n, protoUndef, true
	}
	s, ok := services()[name]
	if !ok {
		return 0, 0, false
	}
	switch {
	case s.tcp >= 0 && s.udp >= 0 && s.tcp == s.udp:
		return s.tcp, protoUndef, true
	case s.tcp >= 0:
		return s.tcp, protoTCP, true
	case s.udp >= 0:
		return s.udp, protoUDP, true
	}
	return s.sctp, protoSCTP, true
}

func (g *gen) servicePort(name string, q qual) (int, int, error) {
	want, err := portProto(q)
	if err != nil {
		return 0, 0, err
	}
	port, real, ok := lookupService(name)
	if !ok {
		return 0, 0, semErr("unknown port '%s'", name)
	}
	real, err = narrowProto(name, want, real)
	if err != nil {
		return 0, 0, err
	}
	if port > 65535 {
		return 0, 0, semErr("illegal port number %d > 65535", port)
	}
	return port, real, nil
}

// narrowProto applies gen_scode's "port 'ssh' is tcp" checks.
func narrowProto(name string, want, real int) (int, error) {
	names := map[int]string{protoTCP: "tcp", protoUDP: "udp", protoSCTP: "sctp"}
	if want == protoUndef {
		return real, nil
	}
	if real != protoUndef && real != want {
		return 0, semErr("port '%s' is %s", name, names[real])
	}
	return want, nil
}

// portRangeName is pcap_nametoportrange: "N-M" (sscanf "%d-%d") or two
// service names joined by '-'.
func (g *gen) portRangeName(name string, q qual) (frag, error) {
	want, err := portProto(q)
	if err != nil {
		return frag{}, err
	}
	lo, hi, real, ok := scanRange(name)
	if !ok {
		i := strings.IndexByte(name, '-')
		if i < 0 {
			return frag{}, semErr("unknown port in range '%s'", name)
		}
		var r1, r2 int
		var ok1, ok2 bool
		lo, r1, ok1 = lookupService(name[:i])
		hi, r2, ok2 = lookupService(name[i+1:])
		if !ok1 || !ok2 {
			return frag{}, semErr("unknown port in range '%s'", name)
		}
		real = r2
		if r1 != r2 {
			real = protoUndef
		}
	}
	real, err = narrowProto(name, want, real)
	if err != nil {
		return frag{}, err
	}
	for _, p := range []int{lo, hi} {
		if p > 65535 {
			return frag{}, semErr("illegal port number %d > 65535", p)
		}
	}
	return g.ports(lo, hi, real, q), nil
}

// scanRange mimics sscanf(name, "%d-%d").
func scanRange(s string) (int, int, int, bool) {
	num := func(s string) (int, string, bool) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return 0, s, false
		}
		n, err := strconv.Atoi(s[:i])
		return n, s[i:], err == nil
	}
	a, rest, ok := num(s)
	if !ok || !strings.HasPrefix(rest, "-") {
		return 0, 0, 0, false
	}
	b, _, ok := num(rest[1:])
	if !ok {
		return 0, 0, 0, false
	}
	return a, b, protoUndef, true
}

// hostName resolves a host name through Options.LookupHost and ORs the
// per-address tests, IPv4 with gen_host and IPv6 with gen_host6.
func (g *gen) hostName(name string, q qual) (frag, error) {
	lookup := g.opts.LookupHost
	if lookup == nil {
		lookup = func(h string) ([]string, error) {
			return net.DefaultResolver.LookupHost(context.Background(), h)
		}
	}
	addrs, err := lookup(name)
	if err != nil || len(addrs) == 0 {
		return frag{}, semErr("unknown host '%s'", name)
	}
	// Without a link-type field (RAW) the default protocol is the
	// address's own IP version (gen_scode's tproto/tproto6).
	q4, q6 := q, q
	if g.offLinkType < 0 && q.proto == "" {
		q4.proto, q6.proto = "ip", "ip6"
	}
	var fs []frag
	for _, s := range addrs {
		a, err := netip.ParseAddr(s)
		if err != nil {
			continue
		}
		var f frag
		if a.Is4() || a.Is4In6() {
			if q4.proto == "ip6" {
				continue
			}
			f, err = g.host(binary.BigEndian.Uint32(a.Unmap().AsSlice()), 0xffffffff, q4)
		} else {
			if q6.proto == "ip" || q6.proto == "arp" || q6.proto == "rarp" {
				continue
			}
			f, err = g.host6(a.As16(), 128, q6)
		}
		if err != nil {
			return frag{}, err
		}
		fs = append(fs, f)
	}
	if len(fs) == 0 {
		if q.proto != "" {
			return frag{}, semErr("unknown host '%s' for specified address family", name)
		}
		return frag{}, semErr("unknown host '%s'", name)
	}
	return orAll(fs...), nil
}
