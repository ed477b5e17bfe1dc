package printer

import "fmt"

// DHCPv6 (print-dhcp6.c): the message type, and with -v the transaction
// id or relay addresses and every option tcpdump 4.99.3 decodes.

var dhcp6Msgs = []string{1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind",
	7: "reply", 8: "release", 9: "decline", 10: "reconfigure", 11: "inf-req", 12: "relay-fwd",
	13: "relay-reply", 14: "leasequery", 15: "leasequery-reply"}

// dhcp6OptNames is dh6opt_str, indexed by option code (dense up to 64).
var dhcp6OptNames = []string{1: "client-ID", 2: "server-ID", 3: "IA_NA", 4: "IA_TA", 5: "IA_ADDR",
	6: "option-request", 7: "preference", 8: "elapsed-time", 9: "relay-message", 11: "authentication",
	12: "server-unicast", 13: "status-code", 14: "rapid-commit", 15: "user-class", 16: "vendor-class",
	17: "vendor-specific-info", 18: "interface-ID", 19: "reconfigure-message", 20: "reconfigure-accept",
	21: "SIP-servers-domain", 22: "SIP-servers-address", 23: "DNS-server", 24: "DNS-search-list",
	25: "IA_PD", 26: "IA_PD-prefix", 27: "NIS-server", 28: "NIS+-server", 29: "NIS-domain-name",
	30: "NIS+-domain-name", 31: "SNTP-servers", 32: "lifetime", 33: "BCMCS-domain-name",
	34: "BCMCS-server", 36: "Geoconf-Civic", 37: "Remote-ID", 38: "Subscriber-ID", 39: "Client-FQDN",
	40: "PANA-agent", 41: "POSIX-timezone", 42: "POSIX-tz-database", 43: "Echo-request-option",
	44: "Lease-query", 45: "LQ-client-data", 46: "Clt-time", 47: "LQ-relay-data", 48: "LQ-client-link",
	56: "NTP-server", 64: "AFTR-Name"}

var dhcp6StatusNames = []string{"Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink",
	"UseMulticast", "NoPrefixAvail", "UnknownQueryType", "MalformedQuery", "NotConfigured", "NotAllowed"}

func dhcp6OptName(code uint16) string {
	if code == 112 {
		return "MUD-URL"
	}
	return strName(dhcp6OptNames, int(code), fmt.Sprintf("opt_%d", code))
}

// dhcp6 is dhcp6_print.
func (p *Printer) dhcp6(b []byte, length int) {
	p.enter("dhcp6")
	defer p.catchSoft()
	p.dhcp6Msg(b, length)
}

// dhcp6Relayed is the relay-message option's nested dhcp6_print, with the
// snapshot end narrowed to the option: its own " [|dhcp6]" returns to the
// enclosing option list.
func (p *Printer) dhcp6Relayed(b []byte, length int) {
	defer p.catchSoft()
	p.dhcp6Msg(clip(b, length), length)
}

func (p *Printer) dhcp6Msg(b []byte, length int) {
	p.proto = "dhcp6"
	p.puts("dhcp6")
	ep := min(len(b), length)
	p.need(b, 4)
	t := int(b[0])
	name := strName(dhcp6Msgs, t, fmt.Sprintf("msgtype-%d", t))
	if p.o.Verbose == 0 {
		p.printf(" %s", name)
		return
	}
	p.printf(" %s (", name)
	if t != 12 && t != 13 {
		p.printf("xid=%x", p.u32(b, 0)&0xffffff)
		p.dhcp6Opts(b, 4, ep)
	} else {
		p.printf("linkaddr=%s", p.names.ip6(p.bytes(b, 2, 16)))
		p.printf(" peeraddr=%s", p.names.ip6(p.bytes(b, 18, 16)))
		p.dhcp6Opts(b, 34, ep)
	}
	p.puts(")")
}

// dhcp6Opts is dhcp6opt_print over b[cp:ep]; its "goto trunc" prints the
// marker and returns to the caller, which carries on.
func (p *Printer) dhcp6Opts(b []byte, cp, ep int) {
	for cp < ep {
		if ep < cp+4 {
			p.printTrunc()
			return
		}
		optlen := int(p.u16(b, cp+2))
		if ep < cp+4+optlen {
			p.printTrunc()
			return
		}
		typ := p.u16(b, cp)
		p.printf(" (%s", dhcp6OptName(typ))
		if !p.dhcp6Opt(b, typ, cp+4, optlen) {
			p.printTrunc()
			return
		}
		cp += 4 + optlen
	}
}

// dhcp6Hex prints n bytes from off as bare hex digits.
func (p *Printer) dhcp6Hex(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		p.printf("%02x", p.u8(b, off+i))
	}
}

// dhcp6Opt prints one option's value and its closing parenthesis; false
// is dhcp6opt_print's "goto trunc".
func (p *Printer) dhcp6Opt(b []byte, typ uint16, tp, optlen int) bool {
	end := tp + optlen
	switch typ {
	case 1, 2:
		p.dhcp6DUID(b, tp, optlen)
	case 5:
		if optlen < 24 {
			p.puts(" ?)")
			break
		}
		p.printf(" %s pltime:%d vltime:%d", p.names.ip6(p.bytes(b, tp, 16)), p.u32(b, tp+16), p.u32(b, tp+20))
		p.dhcp6Sub(b, tp+24, end, optlen > 24)
	case 6, 43:
		if optlen%2 != 0 {
			p.puts(" ?)")
			break
		}
		for i := 0; i < optlen; i += 2 {
			p.printf(" %s", dhcp6OptName(p.u16(b, tp+i)))
		}
		p.puts(")")
	case 7:
		p.dhcp6Fixed(optlen, 1, func() { p.printf(" %d)", p.u8(b, tp)) })
	case 8:
		p.dhcp6Fixed(optlen, 2, func() { p.printf(" %d)", p.u16(b, tp)) })
	case 9:
		p.puts(" (")
		p.dhcp6Relayed(b[tp:], optlen)
		p.puts(")")
	case 11:
		p.dhcp6Auth(b, tp, optlen)
	case 14, 20:
		p.puts(")")
	case 18, 38:
		p.puts(" ")
		p.dhcp6Hex(b, tp, min(optlen, 10))
		p.puts("...)")
	case 19:
		if optlen != 1 {
			p.puts(" ?)")
			break
		}
		switch t := p.u8(b, tp); t {
		case 5:
			p.puts(" for renew)")
		case 11:
			p.puts(" for inf-req)")
		default:
			p.printf(" for ???(%02x))", t)
		}
	case 22, 23, 31, 27, 28, 34, 40, 48:
		if optlen%16 != 0 {
			p.puts(" ?)")
			break
		}
		for i := 0; i < optlen; i += 16 {
			p.printf(" %s", p.names.ip6(p.bytes(b, tp+i, 16)))
		}
		p.puts(")")
	case 21, 24:
		d := &dnsMsg{p: p, b: b, base: end}
		for tp < end {
			p.puts(" ")
			if tp = d.name(tp); tp < 0 {
				return false
			}
		}
		p.puts(")")
	case 13:
		if optlen < 2 {
			p.puts(" ?)")
			break
		}
		code := p.u16(b, tp)
		name := "INVALID code"
		if code <= 255 {
			name = strName(dhcp6StatusNames, int(code), fmt.Sprintf("code%d", code))
		}
		p.printf(" %s)", name)
	case 3, 25:
		if optlen < 12 {
			p.puts(" ?)")
			break
		}
		p.printf(" IAID:%d T1:%d T2:%d", p.u32(b, tp), p.u32(b, tp+4), p.u32(b, tp+8))
		p.dhcp6Sub(b, tp+12, end, optlen > 12)
	case 4:
		if optlen < 4 {
			p.puts(" ?)")
			break
		}
		p.printf(" IAID:%d", p.u32(b, tp))
		p.dhcp6Sub(b, tp+4, end, optlen > 4)
	case 26:
		if optlen < 25 {
			p.puts(" ?)")
			break
		}
		p.printf(" %s/%d pltime:%d vltime:%d", p.names.ip6(p.bytes(b, tp+9, 16)), p.u8(b, tp+8), p.u32(b, tp), p.u32(b, tp+4))
		p.dhcp6Sub(b, tp+25, end, optlen > 25)
	case 32, 46:
		p.dhcp6Fixed(optlen, 4, func() { p.printf(" %d)", p.u32(b, tp)) })
	case 37:
		if optlen < 4 {
			p.puts(" ?)")
			break
		}
		p.printf(" %d ", p.u32(b, tp))
		p.dhcp6Hex(b, tp+4, min(optlen, 14)-4)
		p.puts("...)")
	case 44:
		if optlen < 17 {
			p.puts(" ?)")
			break
		}
		switch q := p.u8(b, tp); q {
		case 1:
			p.puts(" by-address")
		case 2:
			p.puts(" by-clientID")
		default:
			p.printf(" type_%d", q)
		}
		p.printf(" %s", p.names.ip6(p.bytes(b, tp+1, 16)))
		p.dhcp6Sub(b, tp+17, end, optlen > 17)
	case 45:
		p.dhcp6Sub(b, tp, end, optlen > 0)
	case 47:
		if optlen < 16 {
			p.puts(" ?)")
			break
		}
		p.printf(" %s ", p.names.ip6(p.bytes(b, tp, 16)))
		p.dhcp6Hex(b, tp+16, min(optlen, 26)-16)
		p.puts("...)")
	case 56:
		return p.dhcp6NTPServer(b, tp, optlen)
	case 64:
		p.dhcp6AFTR(b, tp, optlen)
	case 41, 42, 112:
		if optlen < 5 {
			p.puts(" ?)")
			break
		}
		p.puts(" ")
		p.printJNP(b, tp, optlen)
		p.puts(")")
	default:
		p.puts(")")
	}
	return true
}

// dhcp6Fixed prints an option whose value has exactly n bytes.
func (p *Printer) dhcp6Fixed(optlen, n int, print func()) {
	if optlen != n {
		p.puts(" ?)")
		return
	}
	print()
}

// dhcp6Sub prints the sub-options of an IA or lease query, then ")".
func (p *Printer) dhcp6Sub(b []byte, cp, ep int, any bool) {
	if any {
		p.dhcp6Opts(b, cp, ep)
	}
	p.puts(")")
}

// dhcp6DUID prints a client or server identifier.
func (p *Printer) dhcp6DUID(b []byte, tp, optlen int) {
	if optlen < 2 {
		p.puts(" ?)")
		return
	}
	switch t := p.u16(b, tp); t {
	case 1:
		if optlen < 8 {
			p.puts(" ?)")
			return
		}
		p.printf(" hwaddr/time type %d time %d ", p.u16(b, tp+2), p.u32(b, tp+4))
		p.dhcp6Hex(b, tp+8, optlen-8)
	case 2:
		if optlen < 10 {
			p.puts(" ?)")
			return
		}
		p.puts(" vid ")
		p.dhcp6Hex(b, tp+2, 8)
	case 3:
		if optlen < 4 {
			p.puts(" ?)")
			return
		}
		p.printf(" hwaddr type %d ", p.u16(b, tp+2))
		p.dhcp6Hex(b, tp+4, optlen-4)
	default:
		p.printf(" type %d", t)
	}
	p.puts(")")
}

// dhcp6Auth prints the authentication option (RFC 3315 section 22.11).
func (p *Printer) dhcp6Auth(b []byte, tp, optlen int) {
	if optlen < 11 {
		p.puts(" ?)")
		return
	}
	proto := p.u8(b, tp)
	switch proto {
	case 2:
		p.puts(" proto: delayed")
	case 3:
		p.puts(" proto: reconfigure")
	default:
		p.printf(" proto: %d", proto)
	}
	if alg := p.u8(b, tp+1); alg == 1 {
		p.puts(", alg: HMAC-MD5")
	} else {
		p.printf(", alg: %d", alg)
	}
	if rdm := p.u8(b, tp+2); rdm == 0 {
		p.puts(", RDM: mono")
	} else {
		p.printf(", RDM: %d", rdm)
	}
	p.puts(", RD:")
	for i := 0; i < 4; i++ {
		p.printf(" %04x", p.u16(b, tp+3+2*i))
	}
	tp += 11
	info := optlen - 11
	switch proto {
	case 2:
		if info == 0 {
			break
		}
		if info < 20 {
			p.puts(" ??")
			break
		}
		if realm := info - 20; realm > 0 {
			p.puts(", realm: ")
			p.dhcp6Hex(b, tp, realm)
			tp += realm
		}
		p.printf(", key ID: %08x, HMAC-MD5:", p.u32(b, tp))
		for i := 0; i < 4; i++ {
			p.printf(" %08x", p.u32(b, tp+4+4*i))
		}
	case 3:
		if info != 17 {
			p.puts(" ??")
			break
		}
		switch p.u8(b, tp) {
		case 1:
			p.puts(" reconfig-key")
		case 2:
			p.puts(" type: HMAC-MD5")
		default:
			p.puts(" type: ??")
		}
		p.puts(" value:")
		for i := 0; i < 4; i++ {
			p.printf(" %08x", p.u32(b, tp+1+4*i))
		}
	default:
		p.puts(" ??")
	}
	p.puts(")")
}

// dhcp6NTPServer prints the NTP server option's sub-options (RFC 5908).
func (p *Printer) dhcp6NTPServer(b []byte, tp, optlen int) bool {
	if optlen < 4 {
		p.puts(" ?)")
		return true
	}
	end := tp + optlen
	for tp < end-4 {
		code := p.u16(b, tp)
		sl := int(p.u16(b, tp+2))
		tp += 4
		if tp+sl > end {
			return false
		}
		p.printf(" subopt:%d", code)
		switch code {
		case 1, 2:
			if sl != 16 {
				p.puts(" ?")
				break
			}
			p.printf(" %s", p.names.ip6(p.bytes(b, tp, 16)))
		case 3:
			p.puts(" ")
			if (&dnsMsg{p: p, b: b, base: tp + sl}).name(tp) < 0 {
				return false
			}
		default:
			p.puts(" ?")
		}
		tp += sl
	}
	p.puts(")")
	return true
}

// dhcp6AFTR prints the DS-Lite AFTR name (RFC 6334), label by label.
func (p *Printer) dhcp6AFTR(b []byte, tp, optlen int) {
	if optlen < 3 {
		p.puts(" ?)")
		return
	}
	remain := optlen
	p.puts(" ")
	for remain > 0 && p.u8(b, tp) != 0 {
		l := int(p.u8(b, tp))
		tp++
		if l >= remain-1 {
			p.puts(" ?")
			break
		}
		p.printJNP(b, tp, l)
		tp += l
		remain -= l + 1
		if p.u8(b, tp) != 0 {
			p.puts(".")
		}
	}
	p.puts(")")
}
