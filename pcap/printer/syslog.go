package printer

import (
	"strconv"
	"strings"
)

// syslog is syslog_print (RFC 3164 over UDP 514): the <PRI> prefix as
// facility.severity, and with -v the message text (-vv adds a hex dump).
func (p *Printer) syslog(b []byte, length int) {
	p.enter("syslog")
	defer p.catchSoft()
	if p.u8(b, 0) != '<' {
		p.invalid()
		return
	}
	off, pri := 1, 0
	for off <= 3 {
		c := p.u8(b, off)
		if c < '0' || c > '9' {
			break
		}
		pri = pri*10 + int(c-'0')
		off++
	}
	if p.u8(b, off) != '>' {
		p.invalid()
		return
	}
	off++
	facility, severity := (pri&0x3f8)>>3, pri&7
	if p.o.Verbose < 1 {
		p.printf("SYSLOG %s.%s, length: %d", syslogFacility(facility), syslogSeverity[severity], length)
		return
	}
	p.printf("SYSLOG, length: %d\n\tFacility %s (%d), Severity %s (%d)\n\tMsg: ",
		length, syslogFacility(facility), facility, syslogSeverity[severity], severity)
	for ; off < length; off++ {
		p.need(b, off+1)
		p.fnPrintChar(b[off])
	}
	if p.o.Verbose > 1 {
		p.hex("\n\t", clip(b, length)) // print_unknown_data
	}
}

var syslogSeverity = [8]string{"emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"}

func syslogFacility(f int) string {
	const names = "kernel user mail daemon auth syslog lpr news uucp cron authpriv ftp ntp security console cron " +
		"local0 local1 local2 local3 local4 local5 local6 local7"
	if f < 24 {
		return fieldN(names, f)
	}
	return "unknown (" + strconv.Itoa(f) + ")"
}

// fieldN is the n-th space-separated word of s (a compact name table).
func fieldN(s string, n int) string {
	for ; n > 0; n-- {
		s = s[strings.IndexByte(s, ' ')+1:]
	}
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}
