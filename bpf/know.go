package bpf

import (
	"cmp"
	"slices"
)

// know is what holds on an edge: value ranges and set-bit facts from
// earlier tests, and values whose loads have succeeded.
//
// The optimizer keeps one for every edge of the graph, each a copy of its
// block's knowledge plus one fact, so a know is immutable once built:
// a copy shares its slices, and changing one replaces that slice. With
// six maps cloned per edge, 8,620 "port" terms (the most libpcap can
// allocate, see budget.go) took 13 s and 1.2 GB to optimize. Slices are
// sorted by key, so lookups are binary searches and intersections merges.
type know struct {
	ranges []rangeFact // value bounds; a value absent here is 0..0xffffffff
	neq    []factKey   // value != constant
	jset   []boolFact  // outcome of a test (jset, or any jop in weak mode)
	loaded []int       // values whose load succeeded
	// absEnd is the end of the furthest absolute load that succeeded: the
	// packet has at least that many bytes, so shorter loads cannot fail.
	absEnd uint64
	// indEnd is the same for loads relative to an IPv4 header length (X
	// from ldxb 4*([k]&0xf)), per X value; absent means 0.
	indEnd []endFact
}

type rangeFact struct {
	v      int
	lo, hi uint32
}

// factKey is a value and a constant (for jset facts, the jump op in the
// high half of c).
type factKey struct {
	v int
	c uint64
}

type boolFact struct {
	key factKey
	x   bool
}

type endFact struct {
	v   int
	end uint64
}

func cmpFactKey(a, b factKey) int {
	if c := cmp.Compare(a.v, b.v); c != 0 {
		return c
	}
	return cmp.Compare(a.c, b.c)
}

func newKnow() *know { return &know{} }

// clone is a copy sharing k's slices.
func (k *know) clone() *know {
	c := *k
	return &c
}

// put returns s with the element for key set to e: a new slice, so that
// copies of the know holding s are unaffected.
func put[E, K any](s []E, key K, e E, keyOf func(E) K, compare func(K, K) int) []E {
	i, found := slices.BinarySearchFunc(s, key, func(x E, k K) int { return compare(keyOf(x), k) })
	out := make([]E, 0, len(s)+1)
	out = append(out, s[:i]...)
	out = append(out, e)
	if found {
		i++
	}
	return append(out, s[i:]...)
}

func find[E, K any](s []E, key K, keyOf func(E) K, compare func(K, K) int) (E, bool) {
	i, found := slices.BinarySearchFunc(s, key, func(x E, k K) int { return compare(keyOf(x), k) })
	if !found {
		var zero E
		return zero, false
	}
	return s[i], true
}

// intersectSorted keeps, in order, the keys present in both a and b,
// merged by join; keep false drops the key.
func intersectSorted[E, K any](a, b []E, keyOf func(E) K, compare func(K, K) int, join func(x, y E) (E, bool)) []E {
	var out []E
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := compare(keyOf(a[i]), keyOf(b[j])); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			if e, keep := join(a[i], b[j]); keep {
				out = append(out, e)
			}
			i, j = i+1, j+1
		}
	}
	return out
}

func rangeV(r rangeFact) int       { return r.v }
func endV(e endFact) int           { return e.v }
func boolKey(f boolFact) factKey   { return f.key }
func self[T any](x T) T            { return x }
func keep[E any](x, _ E) (E, bool) { return x, true }

func (k *know) bounds(v int) (uint32, uint32) {
	if r, ok := find(k.ranges, v, rangeV, cmp.Compare[int]); ok {
		return r.lo, r.hi
	}
	return 0, 0xffffffff
}

func (k *know) isLoaded(v int) bool {
	_, ok := find(k.loaded, v, self[int], cmp.Compare[int])
	return ok
}

func (k *know) jsetFact(v int, jop uint16, c uint32) (bool, bool) {
	f, ok := find(k.jset, factKey{v, uint64(jop)<<32 | uint64(c)}, boolKey, cmpFactKey)
	return f.x, ok
}

func (k *know) hasNeq(v int, c uint32) bool {
	_, ok := find(k.neq, factKey{v, uint64(c)}, self[factKey], cmpFactKey)
	return ok
}

// markLoaded records that the load of value v succeeded.
func (k *know) markLoaded(t *valTab, v int) {
	if !k.isLoaded(v) && len(k.loaded) < maxValues {
		k.loaded = put(k.loaded, v, v, self[int], cmp.Compare[int])
	}
	key := t.keys[v]
	switch key.kind {
	case vAbs:
		if key.k < adBase { // ancillary loads say nothing of the length
			k.absEnd = max(k.absEnd, uint64(key.k)+sizeOf(key.op))
		}
	case vMsh:
		k.absEnd = max(k.absEnd, uint64(key.k)+1)
	case vInd:
		if key.a >= 0 && key.b != -3 && t.keys[key.a].kind == vMsh {
			old, _ := find(k.indEnd, key.a, endV, cmp.Compare[int])
			if end := uint64(key.k) + sizeOf(key.op); end > old.end {
				k.indEnd = put(k.indEnd, key.a, endFact{key.a, end}, endV, cmp.Compare[int])
			}
		}
	}
}

// safe reports whether loading value v cannot fail given k.
func (k *know) safe(t *valTab, v int) bool {
	if k.isLoaded(v) {
		return true
	}
	key := t.keys[v]
	switch key.kind {
	case vAbs:
		return uint64(key.k)+sizeOf(key.op) <= k.absEnd
	case vMsh:
		return uint64(key.k)+1 <= k.absEnd
	case vInd:
		if key.b == -3 {
			return false
		}
		e, ok := find(k.indEnd, key.a, endV, cmp.Compare[int])
		return ok && uint64(key.k)+sizeOf(key.op) <= e.end
	}
	return false
}

// intersect keeps what holds on both edges. In weak mode a value's bound
// survives only if identical on both (libpcap keeps dominating tests, it
// does not join ranges).
func intersect(a, b *know, weak bool) *know {
	c := &know{absEnd: min(a.absEnd, b.absEnd)}
	c.ranges = intersectSorted(a.ranges, b.ranges, rangeV, cmp.Compare[int], func(x, y rangeFact) (rangeFact, bool) {
		r := rangeFact{v: x.v, lo: min(x.lo, y.lo), hi: max(x.hi, y.hi)}
		if weak {
			r.lo, r.hi = 0, 0xffffffff
			if x.lo == y.lo {
				r.lo = x.lo
			}
			if x.hi == y.hi {
				r.hi = x.hi
			}
		}
		return r, r.lo != 0 || r.hi != 0xffffffff
	})
	c.neq = intersectSorted(a.neq, b.neq, self[factKey], cmpFactKey, keep[factKey])
	c.jset = intersectSorted(a.jset, b.jset, boolKey, cmpFactKey, func(x, y boolFact) (boolFact, bool) {
		return x, x.x == y.x
	})
	c.loaded = intersectSorted(a.loaded, b.loaded, self[int], cmp.Compare[int], keep[int])
	c.indEnd = intersectSorted(a.indEnd, b.indEnd, endV, cmp.Compare[int], func(x, y endFact) (endFact, bool) {
		return endFact{x.v, min(x.end, y.end)}, true
	})
	return c
}

// maxFacts bounds the remembered inequalities and bit tests per edge, so
// that long chains ("host a or host b or ...") stay linear to optimize.
// maxValues bounds the values with known bounds, and those known loaded,
// for the same reason ("ether[0] = 1 and ether[1] = 1 and ..." would
// otherwise copy ever longer lists along the chain: 20,000 terms took a
// minute). Forgetting a fact only skips fewer tests; no filter of the
// test corpora holds more than 9 such values on an edge.
const (
	maxFacts  = 32
	maxValues = 64
)

// learn records the outcome of test (jop, k) on value v. In weak mode
// only equalities and exact repeats of a test are remembered.
func (k *know) learn(v int, jop uint16, c uint32, outcome bool, weak bool) {
	if v == unknown {
		return
	}
	if weak && jop != jJEQ {
		k.addJset(factKey{v, uint64(jop)<<32 | uint64(c)}, outcome)
		return
	}
	lo0, hi0 := k.bounds(v)
	lo, hi := lo0, hi0
	switch {
	case jop == jJEQ && outcome:
		lo, hi = c, c
	case jop == jJEQ:
		if len(k.neq) < maxFacts {
			k.neq = put(k.neq, factKey{v, uint64(c)}, factKey{v, uint64(c)}, self[factKey], cmpFactKey)
		}
	case jop == jJGT && outcome:
		if c == 0xffffffff {
			return
		}
		lo = max(lo, c+1)
	case jop == jJGT:
		hi = min(hi, c)
	case jop == jJGE && outcome:
		lo = max(lo, c)
	case jop == jJGE:
		if c == 0 {
			return
		}
		hi = min(hi, c-1)
	case jop == jJSET:
		k.addJset(factKey{v, uint64(jJSET)<<32 | uint64(c)}, outcome)
		return
	}
	if lo == lo0 && hi == hi0 {
		return
	}
	if _, known := find(k.ranges, v, rangeV, cmp.Compare[int]); known || len(k.ranges) < maxValues {
		k.ranges = put(k.ranges, v, rangeFact{v, lo, hi}, rangeV, cmp.Compare[int])
	}
}

func (k *know) addJset(key factKey, outcome bool) {
	if len(k.jset) < maxFacts {
		k.jset = put(k.jset, key, boolFact{key, outcome}, boolKey, cmpFactKey)
	}
}

// sizeOf is the byte width of a load's size field.
func sizeOf(op uint16) uint64 {
	switch op {
	case szB:
		return 1
	case szH:
		return 2
	}
	return 4
}
