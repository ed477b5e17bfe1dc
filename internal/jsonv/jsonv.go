// Package jsonv is a small, strict JSON reader that parses a document into a
// generic, read-only tree.
//
// It exists because gonsenter must stay small and start fast: linking
// encoding/json (and the reflect machinery it drags in) costs about 360 KB of
// binary, yet all gonsenter needs is to read container-runtime state files
// (runc state.json, OCI config.json, Docker config.v2.json, Docker and Podman
// Engine API responses, containers/storage containers.json) and pick a few
// fields such as the init PID. The package therefore imports only strconv
// and unicode/utf8.
//
// The accepted grammar is exactly RFC 8259 as enforced by encoding/json's
// json.Valid, so a file that the runtimes themselves (all Go programs using
// encoding/json) would reject is rejected here too, and vice versa. String
// decoding mirrors encoding/json as well: invalid UTF-8 and lone UTF-16
// surrogates become U+FFFD rather than errors.
//
// The parser is defensive against hostile input (state files can be written
// by a compromised container runtime or read from a container's own
// filesystem): nesting is limited to 10000 levels, it never panics, and memory
// use is proportional to the input size.
package jsonv

// Kind is the JSON type of a Value. The zero Kind is Null so that the zero
// Value, returned for missing members and out-of-range indexes, reads as a
// JSON null and every accessor on it yields its zero result.
type Kind uint8

// The JSON value kinds of RFC 8259.
const (
	Null   Kind = iota // the literal null, or a missing value
	Bool               // the literals true and false
	Number             // a number, kept as its literal text (see Value.Raw)
	String             // a string, stored decoded
	Array              // an ordered list of values
	Object             // an ordered list of key/value members
)

// Member is one key/value pair of an object. Objects are kept as a slice of
// members rather than a map so that document order is preserved, duplicate
// keys survive for callers that care, and small objects (the common case in
// runtime state files) cost one allocation instead of a hash table.
type Member struct {
	Key   string // the decoded key
	Value Value  // the member's value
}

// Value is one node of a parsed document. It is a small (32-byte) immutable
// value type: copying it is cheap and never copies the subtree. The zero
// Value is a Null, which is also what lookups return for anything missing,
// so chains such as v.Get("State", "Pid").Int() need no intermediate checks.
type Value struct {
	kind Kind
	s    string    // String: decoded text; Number: literal; Bool: "true"/"false"
	c    *children // Array and Object: the contents (never nil); else nil
}

// children holds a container's contents. It sits behind a pointer, instead
// of two slice headers living in every Value, because most nodes of a state
// file are scalars: this keeps Value at 32 bytes rather than 72, halving the
// memory a document of many small numbers costs. The parser allocates
// children in blocks, so the indirection adds no allocation per container.
type children struct {
	elems []Value  // Array: the elements, non-nil
	mems  []Member // Object: the members, non-nil
}

// Shared contents of empty containers: they can never be modified through
// the API (zero-length slices), so every [] and {} can point at them.
var (
	emptyArray  = children{elems: []Value{}}
	emptyObject = children{mems: []Member{}}
)

// Kind reports the JSON type of v. A missing value (from Get or Index) is
// indistinguishable from an explicit null by design: runtime state files use
// both interchangeably for "absent".
func (v Value) Kind() Kind { return v.kind }

// Get looks up a chain of object members: v.Get("a", "b") is v["a"]["b"].
// Anything missing, or a step through a non-object, yields the zero Value.
// With no keys it returns v itself. When an object repeats a key the last
// occurrence wins, which is what encoding/json does when decoding into a map,
// and therefore what the Go runtimes that wrote the file would have seen.
func (v Value) Get(keys ...string) Value {
	for _, k := range keys {
		v = v.member(k)
	}
	return v
}

// member returns the last member of v named key, scanning backwards so the
// last duplicate wins without a second pass.
func (v Value) member(key string) Value {
	mems := v.Members()
	for i := len(mems) - 1; i >= 0; i-- {
		if mems[i].Key == key {
			return mems[i].Value
		}
	}
	return Value{}
}

// Index returns the i-th element of an array, or the zero Value when v is
// not an array or i is out of range, so hostile documents with unexpected
// shapes cannot make callers panic.
func (v Value) Index(i int) Value {
	elems := v.Elems()
	if i < 0 || i >= len(elems) {
		return Value{}
	}
	return elems[i]
}

// Len returns the number of elements of an array or members of an object
// (duplicates counted), and 0 for every other kind.
func (v Value) Len() int {
	if v.c == nil {
		return 0
	}
	return len(v.c.elems) + len(v.c.mems)
}

// Elems returns the elements of an array, or nil for every other kind. The
// slice is shared with the tree to avoid an allocation per call; callers
// must not modify it.
func (v Value) Elems() []Value {
	if v.c == nil {
		return nil
	}
	return v.c.elems
}

// Members returns the members of an object in document order, duplicates
// included, or nil for every other kind. The slice is shared with the tree
// to avoid an allocation per call; callers must not modify it.
func (v Value) Members() []Member {
	if v.c == nil {
		return nil
	}
	return v.c.mems
}

// Str returns the decoded text of a String and "" for every other kind. It
// does not stringify numbers or booleans, so a field with an unexpected type
// reads as empty rather than as something plausible.
func (v Value) Str() string {
	if v.kind != String {
		return ""
	}
	return v.s
}

// Bool reports whether v is the literal true. Anything else, including the
// string "true", is false: runtimes always write real booleans.
func (v Value) Bool() bool { return v.kind == Bool && v.s == "true" }

// Raw returns the literal text of a Number exactly as written (for example
// "1e3" or "-0.50"), and "" for every other kind. It lets callers choose
// their own conversion (strconv.ParseFloat, big integers) without this
// package guessing a precision.
func (v Value) Raw() string {
	if v.kind != Number {
		return ""
	}
	return v.s
}

// Int returns the value of a Number written as a plain integer (no fraction,
// no exponent) that fits in an int64. Forms like 1e3 or 5.0 are refused
// rather than converted: PIDs and counters in state files are always written
// as plain integers, and refusing avoids rounding surprises.
func (v Value) Int() (int64, bool) {
	if v.kind != Number {
		return 0, false
	}
	s := v.s
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	u, ok := parseDigits(s)
	switch {
	case !ok:
		return 0, false
	case neg && u <= 1<<63:
		// Written this way so -1<<63 does not overflow; for u == 0 the
		// wrap-around of u-1 cancels out and yields 0.
		return -int64(u-1) - 1, true
	case !neg && u <= 1<<63-1:
		return int64(u), true
	}
	return 0, false
}

// Uint is Int for uint64, needed because runc records init_process_start
// (the init process's start time in clock ticks, used to detect PID reuse)
// as a uint64. Negative numbers are refused, except "-0" which is zero.
func (v Value) Uint() (uint64, bool) {
	if v.kind != Number {
		return 0, false
	}
	if v.s == "-0" {
		return 0, true
	}
	return parseDigits(v.s)
}

// parseDigits converts a non-empty run of ASCII digits to uint64, reporting
// false for anything else (sign, fraction, exponent) or on overflow. It is
// hand-written rather than strconv.ParseUint so failure does not allocate a
// *strconv.NumError.
func parseDigits(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > (1<<64-1)/10 {
			return 0, false
		}
		n *= 10
		d := uint64(c - '0')
		if n > 1<<64-1-d {
			return 0, false
		}
		n += d
	}
	return n, true
}
