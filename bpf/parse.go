package bpf

import "sync"
import "strings"

// A recursive-descent parser equivalent to libpcap's LALR grammar
// (grammar.y, bison with %expect 38). Where bison resolves a conflict by
// shifting, this parser does the same by trying the longer reading first
// and backtracking: after "and"/"or" an id (inheriting qualifiers) is
// tried before a term, and "(" in term position is tried as arithmetic
// before a parenthesised boolean expression.

var pnames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"link": true, "ip": true, "arp": true, "rarp": true, "sctp": true,
		"tcp": true, "udp": true, "icmp": true, "igmp": true, "igrp": true,
		"pim": true, "vrrp": true, "carp": true, "atalk": true, "aarp": true,
		"decnet": true, "lat": true, "sca": true, "mopdl": true, "moprc": true,
		"ip6": true, "icmp6": true, "ah": true, "esp": true, "iso": true,
		"esis": true, "isis": true, "l1": true, "l2": true, "iih": true,
		"lsp": true, "snp": true, "psnp": true, "csnp": true, "clnp": true,
		"stp": true, "ipx": true, "netbeui": true, "radio": true,
	}
})

// tierC are keywords of valid constructs this compiler refuses; the
// parser consumes their numeric/name arguments and yields an unsupNode.
var tierC = sync.OnceValue(func() map[string]bool {
	return map[string]bool{

		"llc": true, "byte": true, "type": true, "subtype": true, "dir": true,
		"lane": true, "metac": true, "bcc": true, "oam": true, "oamf4": true,
		"oamf4ec": true, "oamf4sc": true, "sc": true, "ilmic": true, "vpi": true,
		"vci": true, "connectmsg": true, "metaconnect": true, "ifname": true,
		"rset": true, "rnr": true, "srnr": true, "reason": true, "action": true,
		"fisu": true, "lssu": true, "msu": true, "hfisu": true, "hlssu": true,
		"hmsu": true, "sio": true, "opc": true, "dpc": true, "sls": true,
		"hsio": true, "hopc": true, "hdpc": true, "hsls": true,
	}
})

type parser struct {
	toks []token
	pos  int
	// relMemo caches relation attempts by start position: "((((x" would
	// otherwise be re-tried as arithmetic at every level, exponentially.
	relMemo map[int]relAttempt
}

type relAttempt struct {
	n   node
	end int
	err error
}

var errSyntax = &SyntaxError{Offset: -1, Msg: "syntax error"}

// parse returns the syntax tree of expr, or nil for the empty expression
// (which accepts every packet).
func parse(expr string) (node, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if p.peek().kind == tEOF {
		return nil, nil
	}
	n, _, err := p.expr(qerr)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tEOF {
		return nil, p.syntaxError()
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) peekAt(i int) token {
	if p.pos+i < len(p.toks) {
		return p.toks[p.pos+i]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}
func (p *parser) isOp(s string) bool  { return p.peek().is(tOp, s) }
func (p *parser) isKey(s string) bool { return p.peek().is(tKey, s) }

func (p *parser) syntaxError() error {
	return &SyntaxError{Offset: p.peek().pos, Msg: "syntax error"}
}

func (p *parser) expect(op string) error {
	if !p.isOp(op) {
		return p.syntaxError()
	}
	p.next()
	return nil
}

// expr parses "term { (and|or) (term|id) }", left associative with equal
// precedence. inherited is the qualifier before the expression ($<blk>0);
// the returned qual is that of the last term, for inheritance.
func (p *parser) expr(inherited qual) (node, qual, error) {
	left, q, err := p.term(inherited)
	if err != nil {
		return nil, q, err
	}
	for p.isKey("and") || p.isKey("or") {
		op := p.next().s
		right, rq, err := p.termOrID(q)
		if err != nil {
			return nil, q, err
		}
		if op == "and" {
			left = andNode{left, right}
		} else {
			left = orNode{left, right}
		}
		q = rq
	}
	return left, q, nil
}

// termOrID parses the right operand of and/or: a bare id inheriting q
// when that reading consumes up to the next and/or/")"/end, else a term.
func (p *parser) termOrID(q qual) (node, qual, error) {
	save := p.pos
	if n, nq, err := p.id(q); err == nil && p.atIDEnd() {
		return n, nq, nil
	}
	p.pos = save
	return p.term(q)
}

func (p *parser) atIDEnd() bool {
	t := p.peek()
	return t.kind == tEOF || t.is(tKey, "and") || t.is(tKey, "or") || t.is(tOp, ")")
}

// term is "rterm | not term".
func (p *parser) term(inherited qual) (node, qual, error) {
	if p.isKey("!") || p.isOp("!") {
		p.next()
		n, q, err := p.term(inherited)
		if err != nil {
			return nil, q, err
		}
		return notNode{n}, q, nil
	}
	return p.rterm(inherited)
}

func (p *parser) rterm(inherited qual) (node, qual, error) {
	t := p.peek()
	if t.is(tOp, "(") {
		save := p.pos
		if n, err := p.memoRelation(); err == nil {
			return n, qerr, nil
		}
		p.pos = save
		p.next()
		n, _, err := p.expr(inherited)
		if err != nil {
			return nil, qerr, err
		}
		return n, inherited, p.expect(")")
	}
	if t.kind == tNUM || t.is(tOp, "-") || t.is(tKey, "len") ||
		(t.kind == tKey && pnames()[t.s] && p.peekAt(1).is(tOp, "[")) {
		n, err := p.relation()
		return n, qerr, err
	}
	if t.kind == tKey {
		if n, ok, err := p.other(); ok || err != nil {
			return n, qerr, err
		}
	}
	return p.headID()
}

// headID parses "head id" or a lone pname.
func (p *parser) headID() (node, qual, error) {
	var q qual
	t := p.peek()
	if t.kind == tKey && pnames()[t.s] {
		q.proto = p.next().s
		switch {
		case p.isKey("broadcast") || p.isKey("multicast"):
			return otherNode{what: p.next().s, proto: q.proto}, qerr, nil
		case p.isKey("proto") || p.isKey("protochain") || p.isKey("gateway"):
			q.addr = p.next().s
			return p.id(q)
		}
	}
	if q.proto == "" && (p.isKey("gateway") || p.isKey("proto") || p.isKey("protochain")) {
		q.addr = p.next().s
		return p.id(q)
	}
	q.dir = p.dqual()
	if a := p.peek(); a.kind == tKey && (a.s == "host" || a.s == "net" || a.s == "port" || a.s == "portrange") {
		q.addr = p.next().s
	}
	if q.dir == "" && q.addr == "" {
		if q.proto != "" {
			return protoNode{q.proto}, qerr, nil
		}
		return nil, qerr, p.syntaxError()
	}
	return p.id(q)
}

func (p *parser) dqual() string {
	t := p.peek()
	if t.kind != tKey {
		return ""
	}
	switch t.s {
	case "src", "dst":
		p.next()
		c, d := p.peek(), p.peekAt(1)
		other := map[string]string{"src": "dst", "dst": "src"}[t.s]
		if (c.is(tKey, "or") || c.is(tKey, "and")) && d.is(tKey, other) {
			p.pos += 2
			return "src " + c.s + " dst"
		}
		return t.s
	case "addr1", "addr2", "addr3", "addr4", "ra", "ta":
		p.next()
		return t.s
	}
	return ""
}

// id parses libpcap's "id": nid, pnum or "( pid )", all with qualifier q.
func (p *parser) id(q qual) (node, qual, error) {
	t := p.peek()
	switch {
	case t.is(tKey, "!") || t.is(tOp, "!"):
		p.next()
		n, nq, err := p.id(q)
		if err != nil {
			return nil, nq, err
		}
		return notNode{n}, nq, nil
	case t.is(tOp, "("):
		p.next()
		n, _, err := p.id(q)
		if err != nil {
			return nil, q, err
		}
		for p.isKey("and") || p.isKey("or") {
			op := p.next().s
			r, _, err := p.id(q)
			if err != nil {
				return nil, q, err
			}
			if op == "and" {
				n = andNode{n, r}
			} else {
				n = orNode{n, r}
			}
		}
		return n, q, p.expect(")")
	case t.kind == tNUM:
		p.next()
		return idNode{q: q, kind: tNUM, n: t.n, prefix: -1}, q, nil
	case t.kind == tID || t.kind == tEID || t.kind == tAID:
		p.next()
		return idNode{q: q, kind: t.kind, s: t.s, prefix: -1}, q, nil
	case t.kind == tHID || t.kind == tHID6:
		return p.addrID(q)
	}
	return nil, q, p.syntaxError()
}

// addrID parses HID, HID/NUM, HID mask HID, HID6 and HID6/NUM.
func (p *parser) addrID(q qual) (node, qual, error) {
	t := p.next()
	n := idNode{q: q, kind: t.kind, s: t.s, prefix: -1}
	if p.isOp("/") {
		p.next()
		num := p.next()
		if num.kind != tNUM {
			return nil, q, errSyntax
		}
		n.prefix = int(num.n)
		if num.n > 0x7fffffff {
			n.prefix = 0x7fffffff
		}
	} else if t.kind == tHID && p.isKey("mask") {
		p.next()
		m := p.next()
		if m.kind != tHID {
			return nil, q, errSyntax
		}
		n.mask = m.s
	}
	return n, q, nil
}

// pnum is "NUM | ( pnum )".
func (p *parser) pnum() (uint32, bool) {
	save := p.pos
	depth := 0
	for p.isOp("(") {
		p.next()
		depth++
	}
	t := p.next()
	if t.kind != tNUM {
		p.pos = save
		return 0, false
	}
	for ; depth > 0; depth-- {
		if !p.isOp(")") {
			p.pos = save
			return 0, false
		}
		p.next()
	}
	return t.n, true
}

// other parses the keyword-led primitives of libpcap's "other" rule and
// the tier-(c) constructs. ok is false when the keyword is not one.
func (p *parser) other() (node, bool, error) {
	t := p.peek()
	switch t.s {
	case "broadcast", "multicast", "inbound", "outbound":
		p.next()
		return otherNode{what: t.s}, true, nil
	case "less", "greater", "ifindex":
		p.next()
		n := p.next()
		if n.kind != tNUM {
			return nil, true, errSyntax
		}
		return otherNode{what: t.s, n: n.n, hasN: true}, true, nil
	case "vlan", "pppoes", "mpls", "geneve":
		p.next()
		v, ok := p.pnum()
		return otherNode{what: t.s, n: v, hasN: ok}, true, nil
	case "pppoed":
		p.next()
		return otherNode{what: t.s}, true, nil
	case "llc":
		p.next()
		if a := p.peek(); a.kind == tID || a.is(tKey, "rnr") {
			p.next()
			return otherNode{what: "llc", op: a.s}, true, nil
		}
		return otherNode{what: "llc"}, true, nil
	case "byte":
		p.next()
		idx, op, val := p.next(), p.next(), p.next()
		if idx.kind != tNUM || op.kind != tOp || !strings.Contains("&|<>=", op.s) || len(op.s) != 1 || val.kind != tNUM {
			return nil, true, errSyntax
		}
		return otherNode{what: "byte", n: idx.n, op: op.s, v: val.n}, true, nil
	}
	if !tierC()[t.s] {
		return nil, false, nil
	}
	p.next()
	for {
		a := p.peek()
		if a.kind == tNUM || a.kind == tID || (a.kind == tKey && tierC()[a.s]) || (a.kind == tOp && a.s != "(" && a.s != ")") {
			p.next()
			continue
		}
		break
	}
	return unsupNode{t.s}, true, nil
}

func (p *parser) memoRelation() (node, error) {
	if p.relMemo == nil {
		p.relMemo = map[int]relAttempt{}
	}
	start := p.pos
	if r, ok := p.relMemo[start]; ok {
		p.pos = r.end
		return r.n, r.err
	}
	n, err := p.relation()
	p.relMemo[start] = relAttempt{n, p.pos, err}
	return n, err
}

// relation parses "arth relop arth".
func (p *parser) relation() (node, error) {
	a, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind != tOp {
		return nil, p.syntaxError()
	}
	switch t.s {
	case ">", ">=", "=", "<=", "<", "!=":
		p.next()
	default:
		return nil, p.syntaxError()
	}
	b, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	return relNode{op: t.s, a: a, b: b}, nil
}

// arithPrec is bison's %left order: | < & < << >> < + - < * /. The
// operators % and ^ have no declared precedence, so bison always shifts
// them: they bind to the operand on their left and take everything on
// their right ("len % 10 + 1" is "len % (10 + 1)").
var arithPrec = sync.OnceValue(func() map[string]int {
	return map[string]int{"|": 1, "&": 2, "<<": 3, ">>": 3, "+": 4, "-": 4, "*": 5, "/": 5}
})

func (p *parser) arith(minPrec int) (arith, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.kind != tOp {
			return left, nil
		}
		if t.s == "%" || t.s == "^" {
			p.next()
			right, err := p.arith(0)
			if err != nil {
				return nil, err
			}
			left = binArith{t.s, left, right}
			continue
		}
		prec, ok := arithPrec()[t.s]
		if !ok || prec < minPrec {
			return left, nil
		}
		p.next()
		right, err := p.arith(prec + 1)
		if err != nil {
			return nil, err
		}
		left = binArith{t.s, left, right}
	}
}

// unary parses "- arth" (binding tighter than every binary operator but
// still shifting % and ^) and the primaries.
func (p *parser) unary() (arith, error) {
	if p.isOp("-") {
		p.next()
		a, err := p.arith(6)
		if err != nil {
			return nil, err
		}
		return negArith{a}, nil
	}
	return p.primary()
}

func (p *parser) primary() (arith, error) {
	t := p.peek()
	if t.kind != tEOF {
		p.next()
	}
	switch {
	case t.kind == tNUM:
		return numArith{t.n}, nil
	case t.is(tKey, "len"):
		return lenArith{}, nil
	case t.is(tOp, "("):
		a, err := p.arith(0)
		if err != nil {
			return nil, err
		}
		return a, p.expect(")")
	case t.kind == tKey && pnames()[t.s]:
		return p.accessor(t.s)
	}
	if t.kind != tEOF {
		p.pos--
	}
	return nil, p.syntaxError()
}

// accessor parses "[ arth ]" or "[ arth : NUM ]" after a pname.
func (p *parser) accessor(proto string) (arith, error) {
	if err := p.expect("["); err != nil {
		return nil, err
	}
	idx, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	size := uint32(1)
	if p.isOp(":") {
		p.next()
		n := p.next()
		if n.kind != tNUM {
			return nil, p.syntaxError()
		}
		size = n.n
		if size != 1 && size != 2 && size != 4 {
			return nil, semErr("data size must be 1, 2, or 4")
		}
	}
	return loadArith{proto: proto, idx: idx, size: size}, p.expect("]")
}
