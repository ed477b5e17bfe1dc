package printer

import "sync"
import "fmt"

// dhcpTags is tcpdump's tag2str: the first character selects the value
// format (a ASCII, i IPv4 list, l/L 32-bit, s 16-bit, B boolean, b/x bytes,
// p address pairs, $ special, ? unknown).
var dhcpTags = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{
		0:   " PAD",
		1:   "iSubnet-Mask",
		2:   "LTime-Zone",
		3:   "iDefault-Gateway",
		4:   "iTime-Server",
		5:   "iIEN-Name-Server",
		6:   "iDomain-Name-Server",
		7:   "iLOG",
		8:   "iCS",
		9:   "iLPR-Server",
		10:  "iIM",
		11:  "iRL",
		12:  "aHostname",
		13:  "sBS",
		255: " END",
		14:  "aDP",
		15:  "aDomain-Name",
		16:  "iSS",
		17:  "aRP",
		18:  "aEP",
		19:  "BIPF",
		20:  "BSRT",
		21:  "pPF",
		22:  "sRSZ",
		23:  "bTTL",
		24:  "lMTU-Timeout",
		25:  "sMTU-Table",
		26:  "sMTU",
		27:  "BLSN",
		28:  "iBR",
		29:  "BMD",
		30:  "BMS",
		31:  "BRouter-Discovery",
		32:  "iRSA",
		33:  "pStatic-Route",
		34:  "BUT",
		35:  "lAT",
		36:  "BIE",
		37:  "bTT",
		38:  "lKI",
		39:  "BKG",
		40:  "aYD",
		41:  "iYS",
		42:  "iNTP",
		43:  "bVendor-Option",
		44:  "iNetbios-Name-Server",
		45:  "iWDD",
		46:  "$Netbios-Node",
		47:  "aNetbios-Scope",
		48:  "iXFS",
		49:  "iXDM",
		64:  "sN+D",
		65:  "iN+S",
		68:  "iMH",
		69:  "iSMTP",
		70:  "iPOP3",
		71:  "iNNTP",
		72:  "iWWW",
		73:  "iFG",
		74:  "iIRC",
		75:  "iSTS",
		76:  "iSTDA",
		50:  "iRequested-IP",
		51:  "lLease-Time",
		52:  "$OO",
		66:  "aTFTP",
		67:  "aBF",
		53:  " DHCP-Message",
		54:  "iServer-ID",
		55:  "bParameter-Request",
		56:  "aMSG",
		57:  "sMSZ",
		58:  "lRN",
		59:  "lRB",
		60:  "aVendor-Class",
		61:  "$Client-ID",
		98:  "aUAP",
		116: "BNOAUTO",
		78:  "bSLP-DA",
		79:  "bSLP-SCOPE",
		117: "sNSSEARCH",
		77:  "$User-Class",
		118: "iSUBNET",
		121: "$Classless-Static-Route",
		249: "$Classless-Static-Route-Microsoft",
		150: "iTFTP-Server-Address",
		80:  "aSLP-NA",
		81:  "$FQDN",
		82:  "$Agent-Information",
		83:  "bARMT",
		88:  "aTZSTR",
		89:  "bFQDNS",
		90:  "bAUTH",
		91:  "LLast-Transaction-Time",
		92:  "iAssociated-IP",
		93:  "sARCH",
		94:  "bNDI",
		97:  "bGUID",
		95:  "aLDAP",
		100: "aPOSIX-TZ",
		101: "aTZ-Name",
		112: "iNI",
		113: "aNITAG",
		114: "aURL",
		161: "aMUD-URL",
	}
})

var dhcpMsgs = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{1: "Discover", 2: "Offer", 3: "Request", 4: "Decline", 5: "ACK", 6: "NACK",
		7: "Release", 8: "Inform", 10: "LeaseQuery", 11: "LeaseUnassigned", 12: "LeaseUnknown", 13: "LeaseActive"}
})

var dhcpHwTypes = map[uint8]string{1: "ether", 6: "ieee802", 7: "arcnet", 15: "frelay", 23: "strip", 24: "ieee1394"}

// bootpVerbose is the -v part of bootp_print.
func (p *Printer) bootpVerbose(b []byte, htype, hlen uint8) {
	p.need(b, 10)
	if htype != 1 {
		p.printf(", htype %d", htype)
	}
	if htype != 1 || hlen != 6 {
		p.printf(", hlen %d", hlen)
	}
	if hops := p.u8(b, 3); hops != 0 {
		p.printf(", hops %d", hops)
	}
	if xid := p.u32(b, 4); xid != 0 {
		p.printf(", xid 0x%x", xid)
	}
	if secs := p.u16(b, 8); secs != 0 {
		p.printf(", secs %d", secs)
	}
	flags := p.u16(b, 10)
	p.printf(", Flags [%s]", cond(flags&0x8000 != 0, "Broadcast", "none"))
	if p.o.Verbose > 1 {
		p.printf(" (0x%04x)", flags)
	}
	for i, label := range []string{"Client-IP", "Your-IP", "Server-IP", "Gateway-IP"} {
		if a := p.bytes(b, 12+4*i, 4); nonZero(a) {
			p.printf("\n\t  %s %s", label, p.names.ip4(a))
		}
	}
	if htype == 1 && hlen == 6 {
		p.printf("\n\t  Client-Ethernet-Address %s", p.names.ether(p.bytes(b, 28, 6)))
	}
	for _, f := range []struct {
		name     string
		off, max int
	}{{"sname", 44, 64}, {"file", 108, 128}} {
		if p.u8(b, f.off) == 0 {
			continue
		}
		p.printf("\n\t  %s \"", f.name)
		if !p.printZ(b, f.off, f.max) {
			p.puts("\"")
			p.printTrunc()
			return
		}
		p.puts("\"")
	}
	p.need(b, 240)
	switch vend := p.u32(b, 236); vend {
	case 0x63825363:
		p.dhcpOptions(b[236:])
	case 0x434d5500:
		p.unsupport("bootp-cmu")
	default:
		if vend != 0 {
			p.printf("\n\t  Vendor-#0x%x", vend)
		}
	}
}

// printZ is nd_printztn: a NUL-terminated string of at most n bytes;
// false when it ran past the captured data.
func (p *Printer) printZ(b []byte, off, n int) bool {
	for i := 0; i < n; i++ {
		if off+i >= len(b) {
			return false
		}
		c := b[off+i]
		if c == 0 {
			return true
		}
		p.fnPrintChar(c)
	}
	return true
}

// dhcpOptions is rfc1048_print.
func (p *Printer) dhcpOptions(b []byte) {
	p.puts("\n\t  Vendor-rfc1048 Extensions")
	p.printf("\n\t    Magic Cookie 0x%08x", p.u32(b, 0))
	off := 4
	for off < len(b) {
		tag := b[off]
		off++
		if (tag == 0 || tag == 255) && p.o.Verbose < 3 {
			if tag == 255 {
				return
			}
			continue
		}
		name, ok := dhcpTags()[tag]
		if !ok {
			name = "?Unknown"
		}
		c, label := name[0], name[1:]
		n := 0
		if tag != 0 && tag != 255 {
			n = int(p.u8(b, off))
			off++
		}
		p.printf("\n\t    %s (%d), length %d%s", label, tag, n, cond(n > 0, ": ", ""))
		if tag == 0 { // -vvv: a run of PADs is one line
			run := 1
			for off < len(b) && b[off] == 0 {
				off, run = off+1, run+1
			}
			if run > 1 {
				p.printf(", occurs %d", run)
			}
		}
		data := p.bytes(b, off, n)
		off += n
		if rest := p.dhcpOption(tag, c, data); rest > 0 {
			p.printf("\n\t  trailing data length %d", rest)
		}
	}
}

// dhcpOption prints one option value and returns the unused byte count.
func (p *Printer) dhcpOption(tag uint8, c byte, d []byte) int {
	if tag == 53 && len(d) == 1 {
		if s, ok := dhcpMsgs()[d[0]]; ok {
			p.puts(s)
		} else {
			p.printf("Unknown (%d)", d[0])
		}
		return 0
	}
	if tag == 55 {
		for i, t := range d {
			name, ok := dhcpTags()[t]
			if !ok {
				name = "?Unknown"
			}
			p.puts(cond(i%4 == 0, "\n\t      ", ", "))
			p.printf("%s (%d)", name[1:], t)
		}
		return 0
	}
	if c == '?' {
		switch {
		case len(d)&1 != 0:
			c = 'b'
		case len(d)&2 != 0:
			c = 's'
		default:
			c = 'l'
		}
	}
	return p.dhcpValue(tag, c, d)
}

func (p *Printer) dhcpValue(tag uint8, c byte, d []byte) int {
	sep := func(i int, s string) {
		if i > 0 {
			p.puts(s)
		}
	}
	switch c {
	case 'a':
		p.puts("\"")
		for _, ch := range d {
			p.fnPrintChar(ch)
		}
		p.puts("\"")
		return 0
	case 'i', 'l', 'L':
		i := 0
		for ; len(d) >= 4; d, i = d[4:], i+1 {
			sep(i, ",")
			switch c {
			case 'i':
				p.puts(p.names.ip4(d))
			case 'L':
				p.printf("%d", int32(p.u32(d, 0)))
			default:
				p.printf("%d", p.u32(d, 0))
			}
		}
	case 'p':
		for i := 0; len(d) >= 8; d, i = d[8:], i+1 {
			sep(i, ",")
			p.printf("(%s:%s)", p.names.ip4(d), p.names.ip4(d[4:]))
		}
	case 's':
		for i := 0; len(d) >= 2; d, i = d[2:], i+1 {
			sep(i, ",")
			p.printf("%d", p.u16(d, 0))
		}
	case 'B':
		for i, v := range d {
			sep(i, ",")
			switch v {
			case 0:
				p.puts("N")
			case 1:
				p.puts("Y")
			default:
				p.printf("%d?", v)
			}
		}
		d = nil
	case '$':
		return p.dhcpSpecial(tag, d)
	default:
		for i, v := range d {
			if c == 'x' {
				sep(i, ":")
				p.printf("%02x", v)
			} else {
				sep(i, ".")
				p.printf("%d", v)
			}
		}
		d = nil
	}
	return len(d)
}

// dhcpSpecial handles the '$' options tcpdump decodes individually.
func (p *Printer) dhcpSpecial(tag uint8, d []byte) int {
	switch tag {
	case 61:
		if len(d) < 1 {
			p.puts("[ERROR: length < 1 bytes]")
			return 0
		}
		if d[0] == 0 {
			p.puts("\"")
			for _, ch := range d[1:] {
				p.fnPrintChar(ch)
			}
			p.puts("\"")
			return 0
		}
		if s, ok := dhcpHwTypes[d[0]]; ok {
			p.printf("%s ", s)
		} else {
			p.printf("hardware-type %d, ", d[0])
		}
		for i, v := range d[1:] {
			if i > 0 {
				p.puts(":")
			}
			p.printf("%02x", v)
		}
		return 0
	case 121, 249:
		return p.dhcpClasslessRoutes(d)
	case 46, 52:
		if len(d) < 1 {
			p.puts("[ERROR: length < 1 bytes]")
			return 0
		}
		names := map[uint8]string{1: "file", 2: "sname", 3: "file+sname"}
		if tag == 46 {
			names = map[uint8]string{1: "b-node", 2: "p-node", 4: "m-node", 8: "h-node"}
		}
		if s, ok := names[d[0]]; ok {
			p.puts(s)
		} else {
			p.printf("#%d", d[0])
		}
		return len(d) - 1
	case 81:
		return p.dhcpFQDN(d)
	case 77:
		return p.dhcpUserClass(d)
	case 82:
		return p.dhcpAgentInfo(d)
	}
	p.unsupport(fmt.Sprintf("dhcp-option-%d", tag))
	return 0
}

func (p *Printer) dhcpClasslessRoutes(d []byte) int {
	if len(d) < 5 {
		p.puts("[ERROR: length < 5 bytes]")
		return 0
	}
	for first := true; len(d) > 0; first = false {
		if !first {
			p.puts(",")
		}
		width := int(d[0])
		d = d[1:]
		if width > 32 {
			p.printf("[ERROR: Mask width (%d) > 32]", width)
			return 0
		}
		sig := (width + 7) / 8
		if len(d) < sig+4 {
			p.printf("[ERROR: Remaining length (%d) < %d bytes]", len(d), sig+4)
			return 0
		}
		p.puts("(")
		if width == 0 {
			p.puts("default")
		} else {
			for i := 0; i < sig; i++ {
				if i > 0 {
					p.puts(".")
				}
				p.printf("%d", d[i])
			}
			for i := sig; i < 4; i++ {
				p.puts(".0")
			}
			p.printf("/%d", width)
		}
		p.printf(":%s)", p.names.ip4(d[sig:]))
		d = d[sig+4:]
	}
	return 0
}

func (p *Printer) dhcpFQDN(d []byte) int {
	if len(d) < 3 {
		p.puts("[ERROR: length < 3 bytes]")
		return 0
	}
	if d[0]&0xf0 != 0 {
		p.printf("[ERROR: MBZ nibble 0x%x != 0] ", (d[0]&0xf0)>>4)
	}
	if d[0]&0x0f != 0 {
		fl := ""
		for i, c := range "SOEN" {
			if d[0]&(1<<i) != 0 {
				fl += string(c)
			}
		}
		p.printf("[%s] ", fl)
	}
	if d[1] != 0 || d[2] != 0 {
		p.printf("%d/%d ", d[1], d[2])
	}
	p.puts("\"")
	for _, c := range d[3:] {
		p.fnPrintChar(c)
	}
	p.puts("\"")
	return 0
}

func (p *Printer) dhcpUserClass(d []byte) int {
	if len(d) < 2 {
		p.puts("[ERROR: length < 2 bytes]")
		return 0
	}
	for n := 1; len(d) > 0; n++ {
		l := int(d[0])
		d = d[1:]
		p.printf("\n\t      instance#%d: ", n)
		if l == 0 {
			p.puts("[ERROR: suboption length must be non-zero]")
			return 0
		}
		if len(d) < l {
			p.puts("[ERROR: invalid option]")
			return 0
		}
		p.puts("\"")
		for _, c := range d[:l] {
			p.fnPrintChar(c)
		}
		p.printf("\", length %d", l)
		d = d[l:]
	}
	return 0
}

var agentSubopts = map[uint8]string{1: "Circuit-ID", 2: "Remote-ID", 6: "Subscriber-ID"}

func (p *Printer) dhcpAgentInfo(d []byte) int {
	for len(d) >= 2 {
		sub, l := d[0], int(d[1])
		d = d[2:]
		name, ok := agentSubopts[sub]
		if !ok {
			name = "Unknown"
		}
		if l > len(d) {
			p.printf("\n\t      %s SubOption %d, length %d: length goes past end of option", name, sub, l)
			return 0
		}
		p.printf("\n\t      %s SubOption %d, length %d: ", name, sub, l)
		if ok {
			for _, c := range d[:l] {
				p.fnPrintChar(c)
			}
		} else {
			p.hex("\n\t\t", d[:l])
		}
		d = d[l:]
	}
	return len(d)
}
