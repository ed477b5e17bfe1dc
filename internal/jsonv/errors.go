package jsonv

import "strconv"

// maxDepth is the deepest nesting of arrays and objects Parse accepts. It
// matches encoding/json's limit so both accept the same documents, and it
// bounds the parser's recursion so hostile input cannot exhaust the stack.
const maxDepth = 10000

// SyntaxError describes why a document was rejected. It is a plain struct
// (not a wrapped chain) because a parse failure has exactly one cause; the
// caller adds the file name once, following the project's error convention.
type SyntaxError struct {
	Offset int    // byte offset in the input where the problem was found
	Msg    string // what was wrong, in encoding/json's wording
}

// Error returns the one-line form
// "jsonv: syntax error at offset N: <what>".
func (e *SyntaxError) Error() string {
	return "jsonv: syntax error at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// errAt builds a SyntaxError at byte offset off.
func errAt(off int, msg string) error {
	return &SyntaxError{Offset: off, Msg: msg}
}

// errEOF reports input that stops inside a value. The offset is the input
// length, i.e. where more bytes were expected.
func (p *parser) errEOF() error {
	return errAt(len(p.src), "unexpected end of input")
}

// errChar reports the unexpected byte at offset off, or end of input when
// off is past the end, with context in encoding/json's words such as
// "looking for beginning of value" or "after array element".
func (p *parser) errChar(off int, context string) error {
	if off >= len(p.src) {
		return p.errEOF()
	}
	msg := "invalid character " + quoteChar(p.src[off]) + " " + context
	if off == 0 && len(p.src) >= 3 && p.src[:3] == "\xef\xbb\xbf" {
		// encoding/json rejects a byte order mark too; say why.
		msg += " (UTF-8 byte order mark is not allowed)"
	}
	return errAt(off, msg)
}

// quoteChar renders a byte for an error message, keeping the message on one
// line and free of raw control or non-UTF-8 bytes.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c >= 0x20 && c < 0x7f:
		return "'" + string(rune(c)) + "'"
	}
	const hex = "0123456789abcdef"
	return `'\x` + string([]byte{hex[c>>4], hex[c&0xf]}) + "'"
}
