package bpf

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"sync"
)

// tokKind is a lexical token class of libpcap's scanner.l.
type tokKind int

const (
	tEOF tokKind = iota
	tNUM
	tID
	tHID
	tHID6
	tEID
	tAID
	tOp  // single- or double-character operator, text in s
	tKey // keyword, text (canonical spelling) in s
	tErr // where the scanner failed: the last token, never matched
)

// token is one lexeme. For tNUM, n holds the value; for tKey, s holds the
// canonical keyword (aliases like "length" become "len").
type token struct {
	kind tokKind
	s    string
	n    uint32
	pos  int
}

func (t token) is(kind tokKind, s string) bool { return t.kind == kind && t.s == s }

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tNUM:
		return fmt.Sprint(t.n)
	}
	return t.s
}

// keywordAlias maps every keyword spelling of scanner.l to its canonical
// token. Spellings that share one bison token (link|ether|ppp|...) map to
// one name only where the grammar does not distinguish them.
var keywordAlias = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"dst": "dst", "src": "src",
		"link": "link", "ether": "link", "ppp": "link", "slip": "link",
		"fddi": "link", "tr": "link", "wlan": "link",
		"arp": "arp", "rarp": "rarp", "ip": "ip", "sctp": "sctp", "tcp": "tcp",
		"udp": "udp", "icmp": "icmp", "igmp": "igmp", "igrp": "igrp", "pim": "pim",
		"vrrp": "vrrp", "carp": "carp", "radio": "radio", "ip6": "ip6",
		"icmp6": "icmp6", "ah": "ah", "esp": "esp", "atalk": "atalk", "aarp": "aarp",
		"decnet": "decnet", "lat": "lat", "sca": "sca", "moprc": "moprc",
		"mopdl": "mopdl", "iso": "iso", "esis": "esis", "es-is": "esis",
		"isis": "isis", "is-is": "isis", "l1": "l1", "l2": "l2", "iih": "iih",
		"lsp": "lsp", "snp": "snp", "csnp": "csnp", "psnp": "psnp", "clnp": "clnp",
		"stp": "stp", "ipx": "ipx", "netbeui": "netbeui",
		"host": "host", "net": "net", "mask": "mask", "port": "port",
		"portrange": "portrange", "proto": "proto", "protochain": "protochain",
		"gateway": "gateway", "type": "type", "subtype": "subtype",
		"direction": "dir", "dir": "dir", "address1": "addr1", "addr1": "addr1",
		"address2": "addr2", "addr2": "addr2", "address3": "addr3", "addr3": "addr3",
		"address4": "addr4", "addr4": "addr4", "ra": "ra", "ta": "ta",
		"less": "less", "greater": "greater", "byte": "byte",
		"broadcast": "broadcast", "multicast": "multicast",
		"and": "and", "&&": "and", "or": "or", "||": "or", "not": "!",
		"len": "len", "length": "len", "inbound": "inbound", "outbound": "outbound",
		"ifindex": "ifindex", "vlan": "vlan", "mpls": "mpls", "pppoed": "pppoed",
		"pppoes": "pppoes", "geneve": "geneve", "lane": "lane", "llc": "llc",
		"metac": "metac", "bcc": "bcc", "oam": "oam", "oamf4": "oamf4",
		"oamf4ec": "oamf4ec", "oamf4sc": "oamf4sc", "sc": "sc", "ilmic": "ilmic",
		"vpi": "vpi", "vci": "vci", "connectmsg": "connectmsg",
		"metaconnect": "metaconnect", "on": "ifname", "ifname": "ifname",
		"rset": "rset", "ruleset": "rset", "rnr": "rnr", "rulenum": "rnr",
		"srnr": "srnr", "subrulenum": "srnr", "reason": "reason", "action": "action",
		"fisu": "fisu", "lssu": "lssu", "lsu": "lssu", "msu": "msu", "hfisu": "hfisu",
		"hlssu": "hlssu", "hmsu": "hmsu", "sio": "sio", "opc": "opc", "dpc": "dpc",
		"sls": "sls", "hsio": "hsio", "hopc": "hopc", "hdpc": "hdpc", "hsls": "hsls",
	}
})

// namedConstants are the NUM-valued names of scanner.l (libpcap 1.10.3).
var namedConstants = sync.OnceValue(func() map[string]uint32 {
	return map[string]uint32{
		"icmptype": 0, "icmpcode": 1, "icmp-echoreply": 0, "icmp-unreach": 3,
		"icmp-sourcequench": 4, "icmp-redirect": 5, "icmp-echo": 8,
		"icmp-routeradvert": 9, "icmp-routersolicit": 10, "icmp-timxceed": 11,
		"icmp-paramprob": 12, "icmp-tstamp": 13, "icmp-tstampreply": 14,
		"icmp-ireq": 15, "icmp-ireqreply": 16, "icmp-maskreq": 17,
		"icmp-maskreply": 18,
		"icmp6type":      0, "icmp6code": 1, "icmp6-destinationunreach": 1,
		"icmp6-packettoobig": 2, "icmp6-timeexceeded": 3,
		"icmp6-parameterproblem": 4, "icmp6-echo": 128, "icmp6-echoreply": 129,
		"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
		"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133,
		"icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135,
		"icmp6-neighboradvert": 136, "icmp6-redirect": 137,
		"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
		"icmp6-nodeinformationresponse":   140,
		"icmp6-ineighbordiscoverysolicit": 141,
		"icmp6-ineighbordiscoveryadvert":  142,
		"icmp6-multicastlistenerreportv2": 143,
		"icmp6-homeagentdiscoveryrequest": 144,
		"icmp6-homeagentdiscoveryreply":   145, "icmp6-mobileprefixsolicit": 146,
		"icmp6-mobileprefixadvert": 147, "icmp6-certpathsolicit": 148,
		"icmp6-certpathadvert": 149, "icmp6-multicastrouteradvert": 151,
		"icmp6-multicastroutersolicit": 152, "icmp6-multicastrouterterm": 153,
		"tcpflags": 13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04,
		"tcp-push": 0x08, "tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40,
		"tcp-cwr": 0x80,
	}
})

// lexRule is one flex rule; rules are tried in scanner.l order and the
// longest match wins, ties going to the earlier rule (flex semantics).
type lexRule struct {
	re   *regexp.Regexp
	kind tokKind
}

// lexRules is built on first use: compiling the regular expressions costs
// about 2 ms and 1.4 MB, which every plain nsenter call would otherwise pay
// in package initialisation.
var lexRules = sync.OnceValue(buildLexRules)

func quoteAlternatives(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

func buildLexRules() []lexRule {
	const (
		n  = `(?:0[xX][0-9A-Fa-f]+|[0-9]+)`
		b  = `[0-9A-Fa-f][0-9A-Fa-f]?`
		b2 = `[0-9A-Fa-f]{4}`
	)
	var keys, consts []string
	for k := range keywordAlias() {
		if k != "&&" && k != "||" {
			keys = append(keys, k)
		}
	}
	for k := range namedConstants() {
		consts = append(consts, k)
	}
	mac := fmt.Sprintf(`%[1]s:%[1]s:%[1]s:%[1]s:%[1]s:%[1]s|%[1]s-%[1]s-%[1]s-%[1]s-%[1]s-%[1]s|`+
		`%[1]s\.%[1]s\.%[1]s\.%[1]s\.%[1]s\.%[1]s|%[2]s\.%[2]s\.%[2]s|[0-9A-Fa-f]{12}`, b, b2)
	hid := fmt.Sprintf(`%[1]s\.%[1]s(?:\.%[1]s(?:\.%[1]s)?)?`, n)
	mk := func(kind tokKind, pat string) lexRule {
		re := regexp.MustCompile(`^(?:` + pat + `)`)
		re.Longest()
		return lexRule{re, kind}
	}
	return []lexRule{
		mk(tKey, quoteAlternatives(keys)),
		mk(tOp, `[-+*/%:\[\]!<>()&|^=]|>=|<=|!=|==|<<|>>|&&|\|\|`),
		mk(tAID, `\$`+b),
		mk(tEID, mac),
		mk(tNUM, n),
		mk(tHID, hid),
		mk(tHID6, v6Pattern(n)),
		mk(tEID+100, b+`:+(?:`+b+`:+)+`), // bogus Ethernet address
		mk(tNUM+100, quoteAlternatives(consts)),
		mk(tID, `[A-Za-z0-9](?:[-_.A-Za-z0-9]*[.A-Za-z0-9])?`),
		mk(tID+100, `\\[^ !()\n\t]+`),
	}
}

// v6Pattern builds scanner.l's V6 alternatives: eight groups, or a "::"
// with up to seven groups around it, each optionally ending in a dotted
// IPv4 part that counts as two groups.
func v6Pattern(n string) string {
	const w = `[0-9A-Fa-f]{1,4}`
	v4 := fmt.Sprintf(`%[1]s\.%[1]s\.%[1]s\.%[1]s`, n)
	groups := func(k int) string { // k groups joined by ':'
		if k == 0 {
			return ""
		}
		return strings.TrimSuffix(strings.Repeat(w+":", k), ":")
	}
	alts := []string{groups(8), groups(6) + ":" + v4}
	for l := 0; l <= 7; l++ {
		for r := 0; l+r <= 7; r++ {
			alts = append(alts, groups(l)+"::"+groups(r))
			if l+r <= 5 {
				sep := ""
				if r > 0 {
					sep = ":"
				}
				alts = append(alts, groups(l)+"::"+groups(r)+sep+v4)
			}
		}
	}
	return strings.Join(alts, "|")
}

// lex splits expr into tokens exactly as libpcap's flex scanner does. At
// a lexical error it returns the tokens before it, ending in a tErr token
// at the error's position, with the error: libpcap's scanner runs only as
// far as the parser asks, so an earlier syntax or semantic error wins.
func lex(expr string) ([]token, error) {
	var toks []token
	for i := 0; i < len(expr); {
		switch expr[i] {
		case ' ', '\r', '\n', '\t':
			i++
			continue
		}
		tok, size, err := lexOne(expr[i:])
		if err != nil {
			return append(toks, token{kind: tErr, pos: i}), err
		}
		tok.pos = i
		toks = append(toks, tok)
		i += size
	}
	return append(toks, token{kind: tEOF, pos: len(expr)}), nil
}

func lexOne(s string) (token, int, error) {
	if tok, size, err, ok := lexFast(s); ok {
		return tok, size, err
	}
	return lexRegexp(s)
}

// lexFast scans the commonest lexemes without the regular expressions,
// which cost microseconds per token (seconds for a megabyte of filter):
// operators of one or two characters, and words of letters and digits
// that no rule could continue (followed by a space, an operator, "$" or
// the end). For such a word every rule's longest match is either the
// whole word or shorter, and the ID rule matches all of it, so the first
// rule matching all of it wins: keyword, 12-hex-digit MAC address,
// number, named constant, ID. ok is false when lexRegexp must decide.
func lexFast(s string) (tok token, size int, err error, ok bool) {
	c := s[0]
	if strings.IndexByte("()[]+-*/%^", c) >= 0 {
		return token{kind: tOp, s: s[:1]}, 1, nil, true
	}
	if strings.IndexByte("!<>=&|", c) >= 0 {
		if len(s) > 1 {
			switch two := s[:2]; two {
			case "&&", "||":
				return token{kind: tKey, s: keywordAlias()[two]}, 2, nil, true
			case "==":
				return token{kind: tOp, s: "="}, 2, nil, true
			case "!=", "<=", ">=", "<<", ">>":
				return token{kind: tOp, s: two}, 2, nil, true
			}
		}
		return token{kind: tOp, s: s[:1]}, 1, nil, true
	}
	if !isAlnum(c) {
		return token{}, 0, nil, false
	}
	n := 1
	for n < len(s) && isAlnum(s[n]) {
		n++
	}
	if n < len(s) && strings.IndexByte("-_.:", s[n]) >= 0 {
		return token{}, 0, nil, false
	}
	w := s[:n]
	switch {
	case keywordAlias()[w] != "":
		return token{kind: tKey, s: keywordAlias()[w]}, n, nil, true
	case n == 12 && isHex(w):
		return token{kind: tEID, s: w}, n, nil, true
	case isNumLexeme(w):
		v, err := stou(w)
		return token{kind: tNUM, n: v, s: w}, n, err, true
	}
	if v, isConst := namedConstants()[w]; isConst {
		return token{kind: tNUM, n: v, s: w}, n, nil, true
	}
	return token{kind: tID, s: w}, n, nil, true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isHex(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isHexDigit(w[i]) {
			return false
		}
	}
	return true
}

// isNumLexeme reports whether all of w matches the N rule, 0x[hex]+ or
// [0-9]+.
func isNumLexeme(w string) bool {
	if len(w) > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X') {
		return isHex(w[2:])
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// lexRegexp is the scanner proper: every rule is tried, the longest match
// wins, ties going to the earlier rule.
func lexRegexp(s string) (token, int, error) {
	best, bestLen := -1, 0
	rules := lexRules()
	for i, r := range rules {
		if m := r.re.FindString(s); len(m) > bestLen {
			best, bestLen = i, len(m)
		}
	}
	if best < 0 {
		return token{}, 0, &SyntaxError{Msg: "syntax error"}
	}
	text := s[:bestLen]
	switch k := rules[best].kind; k {
	case tKey:
		return token{kind: tKey, s: keywordAlias()[text]}, bestLen, nil
	case tOp:
		if alias, ok := keywordAlias()[text]; ok {
			return token{kind: tKey, s: alias}, bestLen, nil
		}
		if text == "==" {
			text = "="
		}
		return token{kind: tOp, s: text}, bestLen, nil
	case tNUM:
		v, err := stou(text)
		return token{kind: tNUM, n: v, s: text}, bestLen, err
	case tNUM + 100:
		return token{kind: tNUM, n: namedConstants()[text], s: text}, bestLen, nil
	case tEID + 100:
		return token{}, 0, &SyntaxError{Msg: "bogus ethernet address " + text}
	case tID + 100:
		return token{kind: tID, s: text[1:]}, bestLen, nil
	case tHID6:
		if a, err := netip.ParseAddr(text); err != nil || !a.Is6() {
			return token{}, 0, &SyntaxError{Msg: "bogus IPv6 address " + text}
		}
		return token{kind: tHID6, s: text}, bestLen, nil
	default:
		return token{kind: k, s: text}, bestLen, nil
	}
}

// stou converts a NUM lexeme like libpcap's scanner.l stou(): leading 0x is
// hex, leading 0 is octal, anything else decimal, all limited to 32 bits.
func stou(s string) (uint32, error) {
	base, digits := uint64(10), s
	switch {
	case len(s) > 1 && (s[1] == 'x' || s[1] == 'X'):
		base, digits = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, digits = 8, s[1:]
	}
	var n uint64
	for _, c := range digits {
		d := uint64(strings.IndexRune("0123456789abcdef", c|0x20))
		if base == 8 && d > 7 {
			return 0, &SyntaxError{Msg: fmt.Sprintf("number %s contains non-octal digit", s)}
		}
		n = n*base + d
		if n > 0xffffffff {
			return 0, &SyntaxError{Msg: fmt.Sprintf("number %s overflows 32 bits", s)}
		}
	}
	return uint32(n), nil
}
