package printer

import "strconv"

// tftp is tftp_print (RFC 1350 with the RFC 2347 option extension).
func (p *Printer) tftp(b []byte, length int) {
	p.enter("tftp")
	p.printf("TFTP, length %d", length)
	if length < 2 {
		p.printTrunc()
		return
	}
	op := p.u16(b, 0)
	name := tftpOp(op)
	p.printf(", %s", name)
	if name[0] == 't' {
		return
	}
	b, length = b[2:], length-2
	switch op {
	case 1, 2: // RRQ, WRQ: file name, mode, options
		if length == 0 {
			p.printTrunc()
			return
		}
		p.puts(" \"")
		n := p.printztn(b, length)
		p.puts("\"")
		if !p.tftpStrings(b, length, n, true) {
			p.printTrunc()
		}
	case 6: // OACK: options
		if !p.tftpStrings(b, length, 0, false) {
			p.printTrunc()
		}
	case 3, 4: // DATA, ACK
		if length < 2 {
			p.printTrunc()
			return
		}
		p.printf(" block %d", p.u16(b, 0))
	case 5: // ERROR
		if length < 2 {
			p.printTrunc()
			return
		}
		p.printf(" %s", tftpError(p.u16(b, 0)))
		if length -= 2; length == 0 {
			p.printTrunc()
			return
		}
		p.puts(" \"")
		n := p.printztn(b[2:], length)
		p.puts("\"")
		if n == 0 {
			p.printTrunc()
		}
	}
}

// tftpStrings prints the NUL-terminated strings after the first n bytes:
// the mode (RRQ/WRQ only, when mode is set) and then the options, each
// preceded by a space unless it is empty. False means truncated.
func (p *Printer) tftpStrings(b []byte, length, n int, mode bool) bool {
	if mode {
		if n == 0 {
			return false
		}
		if b, length = b[n:], length-n; length == 0 {
			return false // no mode
		}
		p.puts(" ")
		if n = p.printztn(b, length); n == 0 {
			return false
		}
		b, length = b[n:], length-n
	}
	for length != 0 {
		if p.u8(b, 0) != 0 {
			p.puts(" ")
		}
		if n = p.printztn(b, length); n == 0 {
			return false
		}
		b, length = b[n:], length-n
	}
	return true
}

// printztn is nd_printztn: print a NUL-terminated string of at most n
// bytes and return the bytes used including the NUL, 0 when there is no
// NUL within n bytes or within the captured data.
func (p *Printer) printztn(b []byte, n int) int {
	for i := 0; ; i++ {
		if i == n || i >= len(b) {
			return 0
		}
		if b[i] == 0 {
			return i + 1
		}
		p.fnPrintChar(b[i])
	}
}

func tftpOp(op uint16) string {
	switch op {
	case 1:
		return "RRQ"
	case 2:
		return "WRQ"
	case 3:
		return "DATA"
	case 4:
		return "ACK"
	case 5:
		return "ERROR"
	case 6:
		return "OACK"
	}
	return "tftp-#" + strconv.Itoa(int(op))
}

func tftpError(code uint16) string {
	if code < 8 {
		return [...]string{"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID", "EEXISTS", "ENOUSER"}[code]
	}
	return "tftp-err-#" + strconv.Itoa(int(code)) + " \""
}
