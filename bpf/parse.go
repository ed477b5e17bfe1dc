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

// yyMaxDepth is bison's YYMAXDEPTH. libpcap's parser keeps one stack entry
// per grammar symbol of the input read so far that it has not yet reduced
// (plus its initial state), and fails with "memory exhausted" when a push
// would make that 10000 entries: 9995 parentheses around "tcp" parse,
// 9996 do not. The parser below counts the entries bison would hold (see
// hold), so deep nesting fails exactly where tcpdump's does, and its
// recursion stays bounded.
const yyMaxDepth = 10000

type parser struct {
	toks []token
	pos  int
	// depth is the number of bison stack entries below the construct
	// being parsed; each parsing method reads it on entry as its base.
	depth int
	// exhausted is set once any reading of the input overflowed the
	// stack: an expression that then fails to parse fails with
	// errExhausted, as bison, which reads all alternatives at once,
	// stops at the overflow.
	exhausted bool
	// regs counts the scratch registers libpcap holds for the arithmetic
	// values on its stack (gen_loadi and gen_loadlen take one, gen_arth
	// returns one of two, gen_relation both): it runs out of its 16 while
	// parsing, so "len % 1 % 1 ..." fails there, before any deeper nesting.
	regs int
	// pool is what libpcap's allocation pool holds for the arithmetic
	// parsed so far (see budget.go); a lower bound of its use.
	pool int
	// leaves are the primitives completed so far, in input order. libpcap
	// generates code as it reduces them, so when the parse fails their
	// semantic errors come first (see firstLeafError).
	leaves []doneLeaf
	// sawLexErr is set once the parser reads the tErr token: only then
	// has libpcap's scanner got as far as the lexical error.
	sawLexErr bool
	// memo caches relation attempts and parenthesised arithmetic by
	// start position, depth and registers: "((((x" is tried as
	// arithmetic at every level, which would otherwise cost quadratic (or,
	// for mixed nestings, exponential) time.
	memo map[memoKey]memoResult
}

// doneLeaf is a completed primitive: end is the index of the token after it;
// look is set when bison needs that token to reduce it (a pname may
// still take a qualifier, arithmetic an operator), so that a lexical
// error there comes before its code is generated.
type doneLeaf struct {
	n    node
	end  int
	look bool
}

// mark is a parser position to backtrack to.
type mark struct{ pos, depth, regs, pool, leaves int }

type memoKey struct {
	pos, depth, regs int
	paren            bool // primary "( arth )" rather than a relation
}

type memoResult struct {
	n     node
	a     arith
	end   int
	regs  int
	spent int // pool bytes
	err   error
}

var (
	errSyntax    = &SyntaxError{Offset: -1, Msg: "syntax error"}
	errExhausted = &SyntaxError{Offset: -1, Msg: "memory exhausted"}
	errRegisters = &SemanticError{Msg: "too many registers needed to evaluate expression"}
)

// parse returns the syntax tree of expr, or nil for the empty expression
// (which accepts every packet). When it fails it also returns the
// primitives completed before the failure, which libpcap would already
// have compiled.
func parse(expr string) (node, []node, error) {
	toks, lexErr := lex(expr)
	p := &parser{toks: toks, depth: 1} // bison's initial state
	if p.peek().kind == tEOF {
		return nil, nil, nil
	}
	n, err := p.prog()
	if err == nil {
		return n, nil, nil
	}
	leaves := p.leaves
	switch {
	case p.exhausted:
		err = errExhausted
	case p.sawLexErr:
		err = lexErr
		if l := len(leaves) - 1; l >= 0 && leaves[l].look && leaves[l].end == len(p.toks)-1 {
			leaves = leaves[:l]
		}
	}
	done := make([]node, len(leaves))
	for i, l := range leaves {
		done[i] = l.n
	}
	return nil, done, err
}

// prog is "null expr" followed by the end of the input.
func (p *parser) prog() (node, error) {
	if err := p.hold(1, 1); err != nil { // null
		return nil, err
	}
	n, _, err := p.expr(qerr)
	if err == nil && p.peek().kind != tEOF {
		err = p.syntaxError()
	}
	return n, err
}

// hold records that the construct whose base is base now occupies n
// entries of bison's stack (n counts the symbols of the production read
// so far, each reduced nonterminal counting one). It fails when bison's
// push would make the stack yyMaxDepth entries deep.
func (p *parser) hold(base, n int) error {
	if base+n >= yyMaxDepth {
		p.exhausted = true
		return errExhausted
	}
	p.depth = base + n
	return nil
}

func (p *parser) peek() token { return p.peekAt(0) }
func (p *parser) peekAt(i int) token {
	t := p.toks[min(p.pos+i, len(p.toks)-1)]
	if t.kind == tErr {
		p.sawLexErr = true
	}
	return t
}
func (p *parser) next() token {
	t := p.peek()
	if t.kind != tEOF && t.kind != tErr {
		p.pos++
	}
	return t
}
func (p *parser) isOp(s string) bool  { return p.peek().is(tOp, s) }
func (p *parser) isKey(s string) bool { return p.peek().is(tKey, s) }

func (p *parser) mark() mark { return mark{p.pos, p.depth, p.regs, p.pool, len(p.leaves)} }

// backtrack returns to m, forgetting the primitives completed since.
func (p *parser) backtrack(m mark) {
	p.pos, p.depth, p.regs, p.pool, p.leaves = m.pos, m.depth, m.regs, m.pool, p.leaves[:m.leaves]
}

// leaf records a completed primitive.
func (p *parser) leaf(n node) node {
	look := false
	switch n := n.(type) {
	case protoNode, relNode, unsupNode:
		look = true
	case idNode:
		look = (n.kind == tHID || n.kind == tHID6) && n.prefix < 0 && n.mask == ""
	case otherNode:
		look = n.what == "llc" && n.op == "" ||
			!n.hasN && (n.what == "vlan" || n.what == "mpls" || n.what == "pppoes" || n.what == "geneve")
	}
	p.leaves = append(p.leaves, doneLeaf{n, p.pos, look})
	return n
}

func (p *parser) syntaxError() error {
	return &SyntaxError{Offset: p.peek().pos, Msg: "syntax error"}
}

// closeParen consumes the ")" that completes a production of n symbols
// at base ("paren expr )" is 3).
func (p *parser) closeParen(base, n int) error {
	if !p.isOp(")") {
		return p.syntaxError()
	}
	p.next()
	return p.hold(base, n)
}

// expr parses "term { (and|or) (term|id) }", left associative with equal
// precedence. inherited is the qualifier before the expression ($<blk>0);
// the returned qual is that of the last term, for inheritance.
func (p *parser) expr(inherited qual) (node, qual, error) {
	base := p.depth
	left, q, err := p.term(inherited)
	if err != nil {
		return nil, q, err
	}
	for p.isKey("and") || p.isKey("or") {
		op := p.next().s
		if err := p.hold(base, 2); err != nil { // expr and
			return nil, q, err
		}
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
	m := p.mark()
	if n, nq, err := p.id(q); err == nil && p.atIDEnd() {
		return n, nq, nil
	}
	p.backtrack(m)
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
		if err := p.hold(p.depth, 1); err != nil {
			return nil, inherited, err
		}
		n, q, err := p.term(inherited)
		if err != nil {
			return nil, q, err
		}
		return notNode{n}, q, nil
	}
	return p.rterm(inherited)
}

func (p *parser) rterm(inherited qual) (node, qual, error) {
	base := p.depth
	t := p.peek()
	if t.is(tOp, "(") {
		m := p.mark()
		if n, err := p.memoRelation(); err == nil {
			return n, qerr, nil
		}
		p.backtrack(m)
		p.next()
		if err := p.hold(base, 1); err != nil { // paren
			return nil, qerr, err
		}
		n, _, err := p.expr(inherited)
		if err != nil {
			return nil, qerr, err
		}
		return n, inherited, p.closeParen(base, 3)
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

// headID parses "head id" or a lone pname. The head's symbols (pqual,
// which is empty when no protocol is named, dqual, aqual) reduce to one
// stack entry before the id.
func (p *parser) headID() (node, qual, error) {
	base := p.depth
	var q qual
	t := p.peek()
	if t.kind == tKey && pnames()[t.s] {
		q.proto = p.next().s
		if err := p.hold(base, 1); err != nil {
			return nil, qerr, err
		}
		switch {
		case p.isKey("broadcast") || p.isKey("multicast"):
			return p.leaf(otherNode{what: p.next().s, proto: q.proto}), qerr, p.hold(base, 2)
		case p.isKey("proto") || p.isKey("protochain") || p.isKey("gateway"):
			q.addr = p.next().s
			return p.headThenID(base, 2, q)
		}
	}
	if q.proto == "" && (p.isKey("gateway") || p.isKey("proto") || p.isKey("protochain")) {
		q.addr = p.next().s
		return p.headThenID(base, 2, q)
	}
	dir, dtoks := p.dqual()
	q.dir = dir
	n := 1 // pqual
	if dtoks > 0 {
		if err := p.hold(base, n+dtoks); err != nil { // pqual SRC [OR DST]
			return nil, qerr, err
		}
		n++ // reduced to dqual
	}
	if a := p.peek(); a.kind == tKey && (a.s == "host" || a.s == "net" || a.s == "port" || a.s == "portrange") {
		q.addr = p.next().s
		n++
	}
	if q.dir == "" && q.addr == "" {
		if q.proto != "" {
			return p.leaf(protoNode{q.proto}), qerr, nil
		}
		return nil, qerr, p.syntaxError()
	}
	return p.headThenID(base, n, q)
}

// headThenID checks the n head symbols at base, reduces them to head and
// parses the id after it.
func (p *parser) headThenID(base, n int, q qual) (node, qual, error) {
	if err := p.hold(base, n); err != nil {
		return nil, qerr, err
	}
	if err := p.hold(base, 1); err != nil {
		return nil, qerr, err
	}
	return p.id(q)
}

// dqual parses a direction qualifier and returns it with the number of
// tokens it took (0, 1, or 3 for "src or dst").
func (p *parser) dqual() (string, int) {
	t := p.peek()
	if t.kind != tKey {
		return "", 0
	}
	switch t.s {
	case "src", "dst":
		p.next()
		c, d := p.peek(), p.peekAt(1)
		other := map[string]string{"src": "dst", "dst": "src"}[t.s]
		if (c.is(tKey, "or") || c.is(tKey, "and")) && d.is(tKey, other) {
			p.pos += 2
			return "src " + c.s + " dst", 3
		}
		return t.s, 1
	case "addr1", "addr2", "addr3", "addr4", "ra", "ta":
		p.next()
		return t.s, 1
	}
	return "", 0
}

// id parses libpcap's "id": nid (including "not id"), pnum or
// "( pid )", all with qualifier q. A pid starts with a nid or a pnum, so
// "host ((10.0.0.1))" is a syntax error while "port ((80))" is a pnum.
func (p *parser) id(q qual) (node, qual, error) {
	base := p.depth
	t := p.peek()
	switch {
	case t.is(tKey, "!") || t.is(tOp, "!"):
		p.next()
		if err := p.hold(base, 1); err != nil {
			return nil, q, err
		}
		n, nq, err := p.id(q)
		if err != nil {
			return nil, nq, err
		}
		return notNode{n}, nq, nil
	case t.is(tOp, "("):
		v, ok, err := p.pnum()
		if err != nil {
			return nil, q, err
		}
		if ok {
			return p.leaf(idNode{q: q, kind: tNUM, n: v, prefix: -1}), q, nil
		}
		return p.pid(base, q)
	case t.kind == tNUM:
		p.next()
		return p.leaf(idNode{q: q, kind: tNUM, n: t.n, prefix: -1}), q, p.hold(base, 1)
	case t.kind == tID || t.kind == tEID || t.kind == tAID:
		p.next()
		return p.leaf(idNode{q: q, kind: t.kind, s: t.s, prefix: -1}), q, p.hold(base, 1)
	case t.kind == tHID || t.kind == tHID6:
		return p.addrID(q)
	}
	return nil, q, p.syntaxError()
}

// pid parses "( qid { (and|or) id } )" at base; qid is a nid or pnum.
func (p *parser) pid(base int, q qual) (node, qual, error) {
	p.next()
	if err := p.hold(base, 1); err != nil { // paren
		return nil, q, err
	}
	var n node
	var err error
	if p.isOp("(") { // only a parenthesised number can start a pid
		v, ok, perr := p.pnum()
		if perr != nil || !ok {
			return nil, q, firstErr(perr, p.syntaxError())
		}
		n = p.leaf(idNode{q: q, kind: tNUM, n: v, prefix: -1})
	} else if n, _, err = p.id(q); err != nil {
		return nil, q, err
	}
	for p.isKey("and") || p.isKey("or") {
		op := p.next().s
		if err := p.hold(base, 3); err != nil { // paren qid and
			return nil, q, err
		}
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
	return n, q, p.closeParen(base, 3)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// addrID parses HID, HID/NUM, HID mask HID, HID6 and HID6/NUM.
func (p *parser) addrID(q qual) (node, qual, error) {
	base := p.depth
	t := p.next()
	if err := p.hold(base, 1); err != nil {
		return nil, q, err
	}
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
		return p.leaf(n), q, p.hold(base, 3)
	} else if t.kind == tHID && p.isKey("mask") {
		p.next()
		m := p.next()
		if m.kind != tHID {
			return nil, q, errSyntax
		}
		n.mask = m.s
		return p.leaf(n), q, p.hold(base, 3)
	}
	return p.leaf(n), q, nil
}

// pnum is "NUM | ( pnum )". ok is false, with the position unchanged,
// when the tokens are not one; err reports a stack overflow on the way.
func (p *parser) pnum() (v uint32, ok bool, err error) {
	m, base := p.mark(), p.depth
	depth := 0
	for p.isOp("(") {
		p.next()
		depth++
		if err := p.hold(base, depth); err != nil {
			return 0, false, err
		}
	}
	t := p.next()
	if t.kind != tNUM {
		p.backtrack(m)
		return 0, false, nil
	}
	if err := p.hold(base, depth+1); err != nil {
		return 0, false, err
	}
	// Closing level i pushes ")" on i parens and the pnum inside them.
	for i := depth; i > 0; i-- {
		if !p.isOp(")") {
			p.backtrack(m)
			return 0, false, nil
		}
		p.next()
		if err := p.hold(base, i+2); err != nil {
			return 0, false, err
		}
	}
	return t.n, true, nil
}

// other parses the keyword-led primitives of libpcap's "other" rule and
// the tier-(c) constructs. ok is false when the keyword is not one.
func (p *parser) other() (node, bool, error) {
	base := p.depth
	t := p.peek()
	switch t.s {
	case "broadcast", "multicast": // pqual (empty) broadcast
		p.next()
		return p.leaf(otherNode{what: t.s}), true, p.hold(base, 2)
	case "inbound", "outbound", "pppoed":
		p.next()
		return p.leaf(otherNode{what: t.s}), true, p.hold(base, 1)
	case "less", "greater", "ifindex":
		p.next()
		n := p.next()
		if n.kind != tNUM {
			return nil, true, errSyntax
		}
		return p.leaf(otherNode{what: t.s, n: n.n, hasN: true}), true, p.hold(base, 2)
	case "vlan", "pppoes", "mpls", "geneve":
		p.next()
		if err := p.hold(base, 1); err != nil {
			return nil, true, err
		}
		v, ok, err := p.pnum()
		if err != nil {
			return nil, true, err
		}
		return p.leaf(otherNode{what: t.s, n: v, hasN: ok}), true, nil
	case "llc":
		p.next()
		if a := p.peek(); a.kind == tID || a.is(tKey, "rnr") {
			p.next()
			return p.leaf(otherNode{what: "llc", op: a.s}), true, p.hold(base, 2)
		}
		return p.leaf(otherNode{what: "llc"}), true, p.hold(base, 1)
	case "byte":
		p.next()
		idx, op, val := p.next(), p.next(), p.next()
		if idx.kind != tNUM || op.kind != tOp || !strings.Contains("&|<>=", op.s) || len(op.s) != 1 || val.kind != tNUM {
			return nil, true, errSyntax
		}
		return p.leaf(otherNode{what: "byte", n: idx.n, op: op.s, v: val.n}), true, p.hold(base, 4)
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
	// These constructs are refused anyway; their first token is a lower
	// bound of what they hold on the stack.
	return p.leaf(unsupNode{t.s}), true, p.hold(base, 1)
}

// memoRelation is relation, cached by start position, depth and
// registers.
func (p *parser) memoRelation() (node, error) {
	key := memoKey{pos: p.pos, depth: p.depth, regs: p.regs}
	if r, ok := p.memo[key]; ok {
		p.pos, p.regs, p.pool = r.end, r.regs, p.pool+r.spent
		if r.err == nil {
			p.leaf(r.n)
		}
		return r.n, r.err
	}
	pool := p.pool
	n, err := p.relation()
	p.remember(key, memoResult{n: n, end: p.pos, regs: p.regs, spent: p.pool - pool, err: err})
	return n, err
}

func (p *parser) remember(key memoKey, r memoResult) {
	if p.memo == nil {
		p.memo = map[memoKey]memoResult{}
	}
	p.memo[key] = r
}

// relation parses "arth relop arth".
func (p *parser) relation() (node, error) {
	base, pool := p.depth, p.pool
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
	if err := p.hold(base, 2); err != nil { // arth relop
		return nil, err
	}
	b, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	p.regs -= 2 // gen_relation frees both
	cost := relationBytes
	if t.s == "=" || t.s == "!=" {
		cost += stmtBytes // "sub x" before "jeq #0"
	}
	if err := p.spend(cost); err != nil {
		return nil, err
	}
	return p.leaf(relNode{op: t.s, a: a, b: b, pool: p.pool - pool}), nil
}

// arithPrec is bison's %left order: | < & < << >> < + - < * /. The
// operators % and ^ have no declared precedence, so bison always shifts
// them: they bind to the operand on their left and take everything on
// their right ("len % 10 + 1" is "len % (10 + 1)").
var arithPrec = sync.OnceValue(func() map[string]int {
	return map[string]int{"|": 1, "&": 2, "<<": 3, ">>": 3, "+": 4, "-": 4, "*": 5, "/": 5}
})

// arith parses operators of precedence minPrec and above by precedence
// climbing, which keeps on the stack exactly what bison's shifts do: a
// left operand and its operator (two entries) under each right operand.
func (p *parser) arith(minPrec int) (arith, error) {
	base := p.depth
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.kind != tOp {
			return left, nil
		}
		rightPrec := 0
		if t.s != "%" && t.s != "^" {
			prec, ok := arithPrec()[t.s]
			if !ok || prec < minPrec {
				return left, nil
			}
			rightPrec = prec + 1
		}
		p.next()
		if err := p.hold(base, 2); err != nil { // arth op
			return nil, err
		}
		right, err := p.arith(rightPrec)
		if err != nil {
			return nil, err
		}
		p.regs-- // gen_arth keeps one of its operands' two
		if err := p.spend(binArithBytes); err != nil {
			return nil, err
		}
		left = newBinArith(t.s, left, right)
	}
}

// unary parses "- arth" (binding tighter than every binary operator but
// still shifting % and ^) and the primaries.
func (p *parser) unary() (arith, error) {
	if p.isOp("-") {
		p.next()
		if err := p.hold(p.depth, 1); err != nil {
			return nil, err
		}
		a, err := p.arith(6)
		if err != nil {
			return nil, err
		}
		return negArith{a}, p.spend(negArithBytes)
	}
	return p.primary()
}

func (p *parser) primary() (arith, error) {
	base := p.depth
	t := p.peek()
	switch {
	case t.kind == tNUM:
		p.next()
		return numArith{t.n}, p.holdReg(base)
	case t.is(tKey, "len"):
		p.next()
		return lenArith{}, p.holdReg(base)
	case t.is(tOp, "("):
		return p.parenArith()
	case t.kind == tKey && pnames()[t.s]:
		p.next()
		if err := p.hold(base, 1); err != nil {
			return nil, err
		}
		return p.accessor(base, t.s)
	}
	return nil, p.syntaxError()
}

// holdReg pushes a number or len at base: gen_loadi and gen_loadlen
// each take a scratch register.
func (p *parser) holdReg(base int) error {
	if err := p.hold(base, 1); err != nil {
		return err
	}
	if p.regs == 16 {
		return errRegisters
	}
	p.regs++
	return p.spend(leafArithBytes)
}

// spend charges n bytes of libpcap's allocation pool.
func (p *parser) spend(n int) error {
	p.pool += n
	if p.pool > chunkPool {
		return errOutOfMemory
	}
	return nil
}

// parenArith parses "( arth )", cached by position, depth and registers.
func (p *parser) parenArith() (arith, error) {
	base := p.depth
	key := memoKey{pos: p.pos, depth: base, regs: p.regs, paren: true}
	if r, ok := p.memo[key]; ok {
		p.pos, p.regs, p.pool = r.end, r.regs, p.pool+r.spent
		return r.a, r.err
	}
	pool := p.pool
	p.next()
	a, err := p.parenArithBody(base)
	p.remember(key, memoResult{a: a, end: p.pos, regs: p.regs, spent: p.pool - pool, err: err})
	return a, err
}

func (p *parser) parenArithBody(base int) (arith, error) {
	if err := p.hold(base, 1); err != nil { // paren
		return nil, err
	}
	a, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	return a, p.closeParen(base, 3)
}

// accessor parses "[ arth ]" or "[ arth : NUM ]" after a pname at base.
func (p *parser) accessor(base int, proto string) (arith, error) {
	if !p.isOp("[") {
		return nil, p.syntaxError()
	}
	p.next()
	if err := p.hold(base, 2); err != nil {
		return nil, err
	}
	idx, err := p.arith(0)
	if err != nil {
		return nil, err
	}
	size, n := uint32(1), 4
	if p.isOp(":") {
		p.next()
		if err := p.hold(base, 4); err != nil {
			return nil, err
		}
		num := p.next()
		if num.kind != tNUM {
			return nil, p.syntaxError()
		}
		if err := p.hold(base, 5); err != nil {
			return nil, err
		}
		size, n = num.n, 6
	}
	if !p.isOp("]") {
		return nil, p.syntaxError()
	}
	p.next()
	if err := p.hold(base, n); err != nil {
		return nil, err
	}
	// gen_load checks the size once the production is complete.
	if size != 1 && size != 2 && size != 4 {
		return nil, semErr("data size must be 1, 2, or 4")
	}
	return loadArith{proto: proto, idx: idx, size: size}, p.spend(loadArithBytes)
}
