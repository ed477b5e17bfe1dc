package printer

// resp is resp_print: Redis RESP values on TCP port 6379, each as a quoted
// segment (" empty", " null" and the error words as tcpdump prints them).
func (p *Printer) resp(b []byte, length int) {
	p.enter("resp")
	defer p.catchSoft()
	p.puts(": RESP")
	r := &respParser{p: p, b: b}
	for off := 0; length > 0; {
		n := r.parse(off, length)
		if n < 0 {
			p.printTrunc()
			return
		}
		off += n
		length -= n
	}
}

type respParser struct {
	p *Printer
	b []byte
}

// at is GET_U_1: a byte or a truncation unwind.
func (r *respParser) at(off int) byte { return r.p.u8(r.b, off) }

// segment is RESP_PRINT_SEGMENT; false when the bytes were not captured.
func (r *respParser) segment(off, n int) bool {
	r.p.puts(" \"")
	for i := 0; i < n; i++ {
		if off+i >= len(r.b) {
			return false
		}
		r.p.fnPrintChar(r.b[off+i])
	}
	r.p.fnPrintChar('"')
	return true
}

// findCRLF is FIND_CRLF: the offset of "\r\n" at or after off.
func (r *respParser) findCRLF(off int, left *int) int {
	for {
		if *left < 2 {
			return -1
		}
		r.p.need(from(r.b, off), 2)
		if r.b[off] == '\r' && r.b[off+1] == '\n' {
			return off
		}
		off++
		*left--
	}
}

// parse is resp_parse; it returns the bytes consumed or -1.
func (r *respParser) parse(off, length int) int {
	if length < 1 {
		return -1
	}
	switch r.at(off) {
	case '+', ':', '-':
		left := length - 1
		end := r.findCRLF(off+1, &left)
		if end < 0 || !r.segment(off+1, end-off-1) {
			return -1
		}
		return 1 + (end - off - 1) + 2
	case '$':
		return r.bulkString(off, length)
	case '*':
		return r.array(off, length)
	}
	return r.inline(off, length)
}

func (r *respParser) bulkString(off, length int) int {
	left := length - 1
	n, cur := r.length(off+1, left)
	left -= cur - (off + 1)
	switch {
	case n == 0:
		r.p.puts(" empty")
	case n > 0:
		if left < n {
			return -1
		}
		r.p.need(from(r.b, cur), n)
		if !r.segment(cur, n) {
			return -1
		}
		cur += n
		left -= n
	default:
		return r.lengthError(n, length-left)
	}
	end := r.findCRLF(cur, &left)
	if end < 0 {
		return -1
	}
	return length - (left - 2)
}

func (r *respParser) array(off, length int) int {
	left := length - 1
	n, cur := r.length(off+1, left)
	left -= cur - (off + 1)
	if n <= 0 {
		if n == 0 {
			r.p.puts(" empty")
			return length - left
		}
		return r.lengthError(n, length-left)
	}
	for i := 0; i < n; i++ {
		m := r.parse(cur, left)
		if m < 0 {
			return -1
		}
		cur += m
		left -= m
	}
	return length - left
}

// lengthError prints the words for resp_get_length's negative results.
func (r *respParser) lengthError(n, consumed int) int {
	switch n {
	case -1:
		r.p.puts(" null")
	case -2:
		return -1
	case -3:
		r.p.puts(" length too large")
	case -4:
		r.p.puts(" length negative and not -1")
	default:
		r.p.puts(" invalid")
	}
	return consumed
}

func (r *respParser) inline(off, length int) int {
	left := length
	cur, ok := r.skipCRLF(off, &left)
	if !ok {
		return -1
	}
	end := cur
	for {
		if left < 1 {
			return -1
		}
		if c := r.at(end); c == '\r' || c == '\n' {
			break
		}
		end++
		left--
	}
	if !r.segment(cur, end-cur) {
		return -1
	}
	if _, ok := r.skipCRLF(end, &left); !ok {
		return -1
	}
	return length - left
}

// skipCRLF is CONSUME_CR_OR_LF: skip CR and LF bytes; running out of data
// before any is a truncation.
func (r *respParser) skipCRLF(off int, left *int) (int, bool) {
	found := false
	for {
		if *left == 0 || off >= len(r.b) {
			return off, found
		}
		if c := r.b[off]; c != '\r' && c != '\n' {
			return off, true
		}
		found = true
		off++
		*left--
	}
}

// length is resp_get_length: the decimal length after a '$' or '*' and the
// offset after its CRLF; -1 null, -2 truncated, -3 too large, -4 negative,
// -5 invalid.
func (r *respParser) length(off, left int) (int, int) {
	if left == 0 {
		return -2, off
	}
	neg := false
	if r.at(off) == '-' {
		neg = true
		off++
		left--
	}
	result, digits, tooLarge := 0, false, false
	const maxInt = 1<<31 - 1
	for {
		if left == 0 {
			return -2, off
		}
		c := r.at(off)
		if c < '0' || c > '9' {
			if !digits {
				return -5, off + 1
			}
			break
		}
		d := int(c - '0')
		if result > maxInt/10 {
			tooLarge = true
		} else {
			result *= 10
			if result == (maxInt/10)*10 && d > maxInt%10 {
				tooLarge = true
			} else {
				result += d
			}
		}
		off++
		left--
		digits = true
	}
	if r.at(off) != '\r' {
		return -5, off + 1
	}
	off++
	left--
	if left == 0 {
		return -2, off
	}
	if r.at(off) != '\n' {
		return -5, off + 1
	}
	off++
	if neg {
		if tooLarge || result != 1 {
			return -4, off
		}
		return -1, off
	}
	if tooLarge {
		return -3, off
	}
	return result, off
}
