package printer

import "fmt"

// Helpers shared by the layer 2 control protocol printers (LLDP, CDP,
// slow protocols, STP, EAP, PPP): tcpdump's tok2str over a static slice,
// and the string and hex printers of util-print.c.

// tokName is tok2str: the name of v in t.
func tokName(t []bitName, v uint32) (string, bool) {
	for _, e := range t {
		if e.bit == v {
			return e.name, true
		}
	}
	return "", false
}

// tokOr is tok2str with a fixed default.
func tokOr(t []bitName, v uint32, def string) string {
	if s, ok := tokName(t, v); ok {
		return s
	}
	return def
}

// tokFmt is tok2str with a default format taking the value ("unknown
// (%u)" in C, "%d" here).
func tokFmt(t []bitName, v uint32, format string) string {
	if s, ok := tokName(t, v); ok {
		return s
	}
	return fmt.Sprintf(format, v)
}

// strName indexes a dense name table, def past its end or for "".
func strName(t []string, v int, def string) string {
	if v >= 0 && v < len(t) && t[v] != "" {
		return t[v]
	}
	return def
}

// printZP is nd_printzp/nd_printjnp on bytes already checked as
// captured: printable characters up to the first NUL, the rest through
// fn_print_char.
func (p *Printer) printZP(b []byte) {
	for _, c := range b {
		if c == 0 {
			return
		}
		p.fnPrintChar(c)
	}
}

// printJNP is nd_printjnp: at most n characters from b[off:], up to a
// NUL; reading past the capture abandons the packet (GET_U_1).
func (p *Printer) printJNP(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		c := p.u8(b, off+i)
		if c == 0 {
			return
		}
		p.fnPrintChar(c)
	}
}

// printJN is nd_printjn (nd_printn checking each byte with GET_U_1): n
// characters, NULs included.
func (p *Printer) printJN(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		p.fnPrintChar(p.u8(b, off+i))
	}
}

// invalidRest is the "invalid:" exit of the printers built with
// ND_LONGJMP_FROM_TCHECK: " (invalid)", then a truncation when the length
// bytes at b[off:] were not all captured.
func (p *Printer) invalidRest(b []byte, off, length int) {
	p.invalid()
	p.needHard(from(b, off), length)
}

// cond2 is C's ?: for ints.
func cond2(c bool, a, b int) int {
	if c {
		return a
	}
	return b
}
