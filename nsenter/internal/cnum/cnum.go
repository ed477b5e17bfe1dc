// Package cnum parses numbers the way the C library does, so that gonsenter
// accepts and rejects exactly the strings util-linux nsenter does (leading
// blanks and a sign are fine, trailing junk is not, overflow is ERANGE).
package cnum

// isSpace is C's isspace in the "C" locale.
func isSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// skipSpaceSign skips what strtol-family functions skip before the
// digits: leading white space and one optional sign. It returns the index
// of the first byte after them and whether the sign was '-'.
func skipSpaceSign(s string) (i int, neg bool) {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	return i, neg
}

// Strtoimax mirrors strtoimax(s, &end, 10): it returns the value, the index
// of the first unparsed byte (0 when no digits were found, like end == s),
// and whether the value overflowed (errno == ERANGE, value clamped).
func Strtoimax(s string) (v int64, end int, erange bool) {
	i, neg := skipSpaceSign(s)
	start := i
	var u uint64
	const limit = uint64(1) << 63
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		d := uint64(s[i] - '0')
		if !erange && (u > (limit-d)/10 || u*10+d > limit) {
			erange = true
		}
		if !erange {
			u = u*10 + d
		}
		i++
	}
	if i == start {
		return 0, 0, false
	}
	switch {
	case erange && neg:
		return -1 << 63, i, true
	case erange:
		return 1<<63 - 1, i, true
	case neg:
		return int64(-u), i, false
	case u == limit:
		return 1<<63 - 1, i, true
	}
	return int64(u), i, false
}

// Strtoumax mirrors strtoumax(s, &end, 10), including C's quirk that a
// leading '-' negates the result modulo 2^64.
func Strtoumax(s string) (v uint64, end int, erange bool) {
	i, neg := skipSpaceSign(s)
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		d := uint64(s[i] - '0')
		if v > (^uint64(0)-d)/10 {
			erange = true
		}
		v = v*10 + d
		i++
	}
	if i == start {
		return 0, 0, false
	}
	if erange {
		return ^uint64(0), i, true
	}
	if neg {
		v = -v
	}
	return v, i, false
}

// Result of the util-linux ul_strto* helpers.
type Result int

// The three outcomes of ul_strtou64 / ul_strtos64.
const (
	OK      Result = iota
	Invalid        // EINVAL: empty, no digits or trailing junk
	Range          // ERANGE: overflow, or a negative number for the unsigned form
)

// Strtou64 mirrors util-linux ul_strtou64 (lib/strutils.c): negative numbers
// are ERANGE, empty strings and trailing junk EINVAL.
func Strtou64(s string) (uint64, Result) {
	if s == "" {
		return 0, Invalid
	}
	if v, _, _ := Strtoimax(s); v < 0 {
		return 0, Range
	}
	v, end, erange := Strtoumax(s)
	if erange {
		return v, Range
	}
	if end == 0 || end != len(s) {
		return v, Invalid
	}
	return v, OK
}

// Strtos64 mirrors util-linux ul_strtos64.
func Strtos64(s string) (int64, Result) {
	if s == "" {
		return 0, Invalid
	}
	v, end, erange := Strtoimax(s)
	if erange {
		return v, Range
	}
	if end == 0 || end != len(s) {
		return v, Invalid
	}
	return v, OK
}
