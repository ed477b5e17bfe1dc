package jsonv

// parser is a recursive-descent parser over the input with a byte index.
//
// The input is converted to a string once, so object keys, numbers and
// strings without escapes are substrings of it and cost no allocation. The
// price is that any string kept from the tree pins the whole input in
// memory, which is fine for state files of a few kilobytes.
//
// Containers are built on two scratch stacks shared by all nesting levels:
// elements are pushed while parsing and copied into one exactly-sized slice
// when the closing bracket is seen, so each array or object costs a single
// allocation and no slice regrowth. The containers' children headers are
// carved from blocks (arena) rather than allocated one by one.
type parser struct {
	src   string
	pos   int
	vals  []Value    // scratch stack of array elements being parsed
	mems  []Member   // scratch stack of object members being parsed
	buf   []byte     // scratch buffer for decoding strings with escapes
	arena []children // current block of container headers
}

// Parse parses data, which must hold exactly one JSON value (RFC 8259)
// optionally surrounded by whitespace. A leading UTF-8 byte order mark is an
// error, as with encoding/json, because RFC 8259 forbids emitting one and no
// container runtime writes one. Errors are *SyntaxError.
//
// Memory is proportional to len(data): the tree retains at most about 30
// bytes per input byte (reached by inputs like [[0],[0],...]; a typical state
// file needs under 5), and parsing allocates at most about 80 bytes per
// input byte in total, counting discarded scratch (reached by one huge array
// of single digits). Callers reading files a container could have written
// should still cap the size they read.
func Parse(data []byte) (Value, error) {
	p := parser{src: string(data)}
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return Value{}, p.errChar(p.pos, "after top-level value")
	}
	return v, nil
}

// scratchCap is the initial capacity of the scratch stacks: enough for the
// typical state-file object without regrowth, small enough (under 1 KB) not
// to matter for tiny documents.
const scratchCap = 16

// push appends x to a scratch stack, doubling its capacity when full.
// append alone grows large slices by only 1.25x, which for a huge hostile
// array allocates about four times the final size in discarded copies;
// doubling bounds them at about the final size.
func push[T any](s []T, x T) []T {
	if len(s) == cap(s) {
		grown := make([]T, len(s), 2*cap(s)+scratchCap)
		copy(grown, s)
		s = grown
	}
	return append(s, x)
}

// newChildren returns a container header carved from the current arena
// block. Blocks double from 4 to 256 headers, so a tiny document wastes
// little and a large one pays one allocation per 256 containers.
func (p *parser) newChildren() *children {
	if len(p.arena) == cap(p.arena) {
		p.arena = make([]children, 0, min(max(2*cap(p.arena), 4), 256))
	}
	p.arena = p.arena[:len(p.arena)+1]
	return &p.arena[len(p.arena)-1]
}

// skipSpace advances over the four whitespace bytes RFC 8259 allows. Other
// Unicode spaces (and form feed) are deliberately not whitespace.
func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// value parses the value starting at p.pos (whitespace already skipped).
// depth is the number of enclosing arrays and objects.
func (p *parser) value(depth int) (Value, error) {
	if p.pos >= len(p.src) {
		return Value{}, p.errEOF()
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.str()
		return Value{kind: String, s: s}, err
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", Bool)
	case c == 'f':
		return p.literal("false", Bool)
	case c == 'n':
		return p.literal("null", Null)
	}
	return Value{}, p.errChar(p.pos, "looking for beginning of value")
}

// literal parses one of true, false and null. A Bool keeps its literal as
// text so Value needs no separate boolean field.
func (p *parser) literal(lit string, k Kind) (Value, error) {
	for i := 1; i < len(lit); i++ {
		off := p.pos + i
		if off >= len(p.src) {
			return Value{}, p.errEOF()
		}
		if p.src[off] != lit[i] {
			return Value{}, p.errChar(off, "in literal "+lit+" (expecting "+quoteChar(lit[i])+")")
		}
	}
	p.pos += len(lit)
	if k == Null {
		return Value{}, nil
	}
	return Value{kind: k, s: lit}, nil
}

// number parses -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and keeps the
// literal text; conversion is left to the accessors so no precision is lost.
// A leading zero followed by a digit ends the number after the zero, and the
// caller then rejects the digit, exactly as encoding/json reports "01".
func (p *parser) number() (Value, error) {
	start, i := p.pos, p.pos
	if p.src[i] == '-' {
		i++
	}
	switch {
	case i >= len(p.src):
		return Value{}, p.errEOF()
	case p.src[i] == '0':
		i++
	case isDigit(p.src[i]):
		i = p.digits(i)
	default:
		return Value{}, p.errChar(i, "in numeric literal")
	}
	if i < len(p.src) && p.src[i] == '.' {
		i++
		if i >= len(p.src) || !isDigit(p.src[i]) {
			return Value{}, p.errChar(i, "after decimal point in numeric literal")
		}
		i = p.digits(i)
	}
	if i < len(p.src) && (p.src[i] == 'e' || p.src[i] == 'E') {
		i++
		if i < len(p.src) && (p.src[i] == '+' || p.src[i] == '-') {
			i++
		}
		if i >= len(p.src) || !isDigit(p.src[i]) {
			return Value{}, p.errChar(i, "in exponent of numeric literal")
		}
		i = p.digits(i)
	}
	p.pos = i
	return Value{kind: Number, s: p.src[start:i]}, nil
}

// digits returns the index after the run of ASCII digits starting at i.
func (p *parser) digits(i int) int {
	for i < len(p.src) && isDigit(p.src[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// array parses an array whose '[' is at p.pos. The depth check comes before
// any recursion so that hostile nesting fails fast without deep stacks.
func (p *parser) array(depth int) (Value, error) {
	if depth > maxDepth {
		return Value{}, errAt(p.pos, "exceeded max depth")
	}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return Value{kind: Array, c: &emptyArray}, nil
	}
	base := len(p.vals)
	for {
		v, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		p.vals = push(p.vals, v)
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			c := p.newChildren()
			c.elems = make([]Value, len(p.vals)-base)
			copy(c.elems, p.vals[base:])
			p.vals = p.vals[:base]
			return Value{kind: Array, c: c}, nil
		}
		return Value{}, p.errChar(p.pos, "after array element")
	}
}

// object parses an object whose '{' is at p.pos. Duplicate keys are all kept
// (Get resolves them, last one wins).
func (p *parser) object(depth int) (Value, error) {
	if depth > maxDepth {
		return Value{}, errAt(p.pos, "exceeded max depth")
	}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return Value{kind: Object, c: &emptyObject}, nil
	}
	base := len(p.mems)
	for {
		m, err := p.member(depth)
		if err != nil {
			return Value{}, err
		}
		p.mems = push(p.mems, m)
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			c := p.newChildren()
			c.mems = make([]Member, len(p.mems)-base)
			copy(c.mems, p.mems[base:])
			p.mems = p.mems[:base]
			return Value{kind: Object, c: c}, nil
		}
		return Value{}, p.errChar(p.pos, "after object key:value pair")
	}
}

// member parses one `"key": value` pair starting at p.pos.
func (p *parser) member(depth int) (Member, error) {
	if p.pos >= len(p.src) || p.src[p.pos] != '"' {
		return Member{}, p.errChar(p.pos, "looking for beginning of object key string")
	}
	key, err := p.str()
	if err != nil {
		return Member{}, err
	}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return Member{}, p.errChar(p.pos, "after object key")
	}
	p.pos++
	p.skipSpace()
	v, err := p.value(depth)
	if err != nil {
		return Member{}, err
	}
	return Member{Key: key, Value: v}, nil
}
