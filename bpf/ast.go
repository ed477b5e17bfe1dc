package bpf

// This file defines the syntax tree produced by the parser. Qualifiers are
// resolved at parse time (libpcap passes them down the bison stack as
// $<blk>0), so every primitive carries the full qualifier it was compiled
// with, including inherited ones ("host a or b": b gets "host").

// qual is libpcap's struct qual: protocol, direction and address kind.
// The zero value is "default everything"; err marks qerr, the qualifier
// after terms like "tcp" or "len > 5" that an inheriting id may not use.
type qual struct {
	proto string // "" (Q_DEFAULT) or a pname keyword: "ip", "link", "tcp"...
	dir   string // "", "src", "dst", "src or dst", "src and dst", "addr1"...
	addr  string // "", "host", "net", "port", "portrange", "proto", "protochain", "gateway"
	err   bool
}

var qerr = qual{err: true}

// node is a boolean filter expression.
type node interface{ isNode() }

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ x node }

// idNode is "head id": a host, net, port, protocol or MAC value with its
// (possibly inherited) qualifier.
type idNode struct {
	q      qual
	kind   tokKind // tID, tNUM, tHID, tHID6, tEID, tAID
	s      string  // text for tID/tHID/tHID6/tEID/tAID
	n      uint32  // value for tNUM
	prefix int     // -1, or the NUM after "/"
	mask   string  // "", or the HID after "mask"
}

// protoNode is a protocol name used alone ("tcp", "ip6", "arp").
type protoNode struct{ proto string }

// relNode is "arth relop arth".
type relNode struct {
	op   string // ">", ">=", "=", "<=", "<", "!="
	a, b arith
	// pool is what libpcap allocates for it while parsing (see
	// parser.spend), without its protocol checks.
	pool int
}

// otherNode covers libpcap's "other" productions: [pqual] broadcast,
// [pqual] multicast, less N, greater N, vlan [N], inbound, outbound,
// ifindex N.
type otherNode struct {
	what  string
	proto string // pqual for broadcast/multicast
	n     uint32
	hasN  bool
	op    string // "byte N op V": the operator
	v     uint32 // and the value
}

// unsupNode is a valid tier-(c) construct; compiling it fails with an
// UnsupportedError naming it.
type unsupNode struct{ construct string }

func (andNode) isNode()   {}
func (orNode) isNode()    {}
func (notNode) isNode()   {}
func (idNode) isNode()    {}
func (protoNode) isNode() {}
func (relNode) isNode()   {}
func (otherNode) isNode() {}
func (unsupNode) isNode() {}

// arith is an arithmetic expression.
type arith interface{ isArith() }

type numArith struct{ v uint32 }
type lenArith struct{}

// loadArith is "proto [ idx : size ]".
type loadArith struct {
	proto string
	idx   arith
	size  uint32
}
type binArith struct {
	op    string // + - * / % & | ^ << >>
	a, b  arith
	cache binCache // built by newBinArith
}
type negArith struct{ a arith }

func (numArith) isArith()  {}
func (lenArith) isArith()  {}
func (loadArith) isArith() {}
func (binArith) isArith()  {}
func (negArith) isArith()  {}
