package rdns

import (
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
)

var errMalformed = errors.New("malformed DNS answer")

// parsePTR returns the first PTR record's name in a DNS response.
// NXDOMAIN and an answer without PTR are errNoAnswer; other failures
// (SERVFAIL, REFUSED, garbage) are errors, so the next server is asked.
func parsePTR(m []byte) (string, error) {
	switch rcode := m[3] & 0x0f; rcode {
	case 0:
	case 3:
		return "", errNoAnswer
	default:
		return "", errors.New("DNS error " + strconv.Itoa(int(rcode)))
	}
	qd, an := int(binary.BigEndian.Uint16(m[4:])), int(binary.BigEndian.Uint16(m[6:]))
	off := 12
	for i := 0; i < qd; i++ {
		if off = skipName(m, off); off < 0 || off+4 > len(m) {
			return "", errMalformed
		}
		off += 4
	}
	for i := 0; i < an; i++ {
		if off = skipName(m, off); off < 0 || off+10 > len(m) {
			return "", errMalformed
		}
		typ, rdlen := binary.BigEndian.Uint16(m[off:]), int(binary.BigEndian.Uint16(m[off+8:]))
		off += 10
		if off+rdlen > len(m) {
			return "", errMalformed
		}
		if typ == 12 {
			name, ok := readName(m, off)
			if !ok {
				return "", errMalformed
			}
			return name, nil
		}
		off += rdlen
	}
	return "", errNoAnswer
}

// skipName returns the offset after the (possibly compressed) name at off.
func skipName(m []byte, off int) int {
	for off < len(m) {
		switch l := int(m[off]); {
		case l == 0:
			return off + 1
		case l&0xc0 == 0xc0:
			return off + 2
		case l&0xc0 != 0:
			return -1
		default:
			off += 1 + l
		}
	}
	return -1
}

// readName decodes the name at off, following compression pointers (each
// must point backwards, so a loop cannot go on forever), without the
// trailing dot.
func readName(m []byte, off int) (string, bool) {
	var b strings.Builder
	for limit := off; off < len(m); {
		l := int(m[off])
		switch {
		case l == 0:
			return b.String(), b.Len() > 0
		case l&0xc0 == 0xc0:
			if off+1 >= len(m) {
				return "", false
			}
			ptr := (l&0x3f)<<8 | int(m[off+1])
			if ptr >= limit {
				return "", false
			}
			off, limit = ptr, ptr
		case l&0xc0 != 0 || off+1+l > len(m):
			return "", false
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.Write(m[off+1 : off+1+l])
			off += 1 + l
			if b.Len() > 1024 {
				return "", false
			}
		}
	}
	return "", false
}
