package jsonv

import "unicode/utf8"

// str parses the string whose opening quote is at p.pos and returns its
// decoded text. The common case, a string of valid UTF-8 without escapes,
// returns a substring of the input with no allocation; the first backslash
// or invalid UTF-8 byte switches to strSlow, which builds a copy.
func (p *parser) str() (string, error) {
	start := p.pos + 1
	for i := start; i < len(p.src); {
		c := p.src[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return p.src[start:i], nil
		case c == '\\':
			return p.strSlow(start, i)
		case c < 0x20:
			return "", p.errChar(i, "in string literal")
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.src[i:])
			if r == utf8.RuneError && size == 1 {
				return p.strSlow(start, i)
			}
			i += size
		}
	}
	return "", p.errEOF()
}

// strSlow continues decoding a string at index i, with src[start:i] already
// known to need no change, into the scratch buffer.
//
// Like encoding/json, each byte of invalid UTF-8 becomes U+FFFD instead of
// being an error: RFC 8259 leaves the behaviour open, and matching the Go
// runtimes that wrote the file means we read the same text they did.
func (p *parser) strSlow(start, i int) (string, error) {
	b := append(p.buf[:0], p.src[start:i]...)
	for i < len(p.src) {
		c := p.src[i]
		switch {
		case c == '"':
			p.pos = i + 1
			p.buf = b
			return string(b), nil
		case c == '\\':
			var err error
			if b, i, err = p.escape(b, i); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.errChar(i, "in string literal")
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.src[i:])
			b = utf8.AppendRune(b, r) // RuneError for an invalid byte
			i += size
		}
	}
	return "", p.errEOF()
}

// escape decodes the escape sequence whose backslash is at i, appends its
// text to b, and returns the index after it.
func (p *parser) escape(b []byte, i int) ([]byte, int, error) {
	if i+1 >= len(p.src) {
		return b, i, p.errEOF()
	}
	c := p.src[i+1]
	switch c {
	case '"', '\\', '/':
		return append(b, c), i + 2, nil
	case 'b':
		return append(b, '\b'), i + 2, nil
	case 'f':
		return append(b, '\f'), i + 2, nil
	case 'n':
		return append(b, '\n'), i + 2, nil
	case 'r':
		return append(b, '\r'), i + 2, nil
	case 't':
		return append(b, '\t'), i + 2, nil
	case 'u':
		return p.escapeU(b, i)
	}
	return b, i, p.errChar(i+1, "in string escape code")
}

// escapeU decodes a \uXXXX escape at i. A high surrogate immediately
// followed by an escaped low surrogate combines into one code point; any
// other surrogate becomes U+FFFD and the following escape, if any, is
// decoded on its own. This is encoding/json's behaviour, chosen over an
// error so that both readers agree on strings written by other tools.
func (p *parser) escapeU(b []byte, i int) ([]byte, int, error) {
	r, err := p.hex4(i + 2)
	if err != nil {
		return b, i, err
	}
	i += 6
	if r < 0xd800 || r >= 0xe000 {
		return utf8.AppendRune(b, r), i, nil
	}
	if r < 0xdc00 && i+1 < len(p.src) && p.src[i] == '\\' && p.src[i+1] == 'u' {
		if lo, err := p.hex4(i + 2); err == nil && lo >= 0xdc00 && lo < 0xe000 {
			r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
			return utf8.AppendRune(b, r), i + 6, nil
		}
	}
	return utf8.AppendRune(b, utf8.RuneError), i, nil
}

// hex4 decodes the four hex digits at i.
func (p *parser) hex4(i int) (rune, error) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(p.src) {
			return 0, p.errEOF()
		}
		c := p.src[j]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, p.errChar(j, "in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(c)
	}
	return r, nil
}
