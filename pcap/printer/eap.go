package printer

// EAPOL (802.1X) and EAP as print-eap.c prints them: the EAPOL header,
// and with -v the EAP code, identifier and method summary.

var eapTypes = []string{0: "No proposed", 1: "Identity", 2: "Notification", 3: "Nak", 4: "MD5-challenge",
	5: "OTP", 6: "GTC", 13: "TLS", 18: "SIM", 21: "TTLS", 23: "AKA", 43: "FAST", 254: "Expanded types",
	255: "Experimental"}

var eapTLSFlags = []bitName{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}}

var eapAKASubtypes = []string{1: "Challenge", 2: "Auth reject", 4: "Sync failure", 5: "Identity",
	10: "Start", 11: "Challenge", 12: "Notification", 13: "Reauth", 14: "Client error"}

// eapol is eapol_print.
func (p *Printer) eapol(b []byte) {
	p.enter("eap")
	defer p.catchSoft()
	p.need(b, 4)
	typ := b[1]
	p.printf("%s (%d) v%d, len %d", strName([]string{"EAP packet", "EAPOL start", "EAPOL logoff", "EAPOL key",
		"Encapsulated ASF alert"}, int(typ), "unknown"), typ, b[0], p.u16(b, 2))
	if p.o.Verbose == 0 || typ != 0 {
		return
	}
	n := int(p.u16(b, 2))
	if n == 0 {
		p.softTrunc()
	}
	p.puts(", ")
	p.eap(b[4:], n)
}

// eap is eap_print.
func (p *Printer) eap(b []byte, length int) {
	code := p.u8(b, 0)
	n := int(p.u16(b, 2))
	if n != length {
		p.puts("EAP fragment?")
		return
	}
	p.printf("%s (%d), id %d, len %d", strName([]string{1: "Request", 2: "Response", 3: "Success", 4: "Failure"},
		int(code), "unknown"), code, p.u8(b, 1), n)
	if n < 4 {
		p.puts(" (too short for EAP header)")
		return
	}
	p.need(b, n)
	if code != 1 && code != 2 {
		return
	}
	short := func(min int, what string) bool {
		if n < min {
			p.printf(" (too short for EAP %s)", what)
			return true
		}
		return false
	}
	if short(5, "request/response") {
		return
	}
	sub := b[4]
	p.printf("\n\t\t Type %s (%d)", strName(eapTypes, int(sub), "unknown"), sub)
	switch sub {
	case 1:
		if n > 5 {
			p.puts(", Identity: ")
			p.printZP(b[5:n])
		}
	case 2:
		if !short(6, "Notification request/response") {
			p.puts(", Notification: ")
			p.printZP(b[5:n])
		}
	case 3:
		if short(6, "Legacy NAK request/response") {
			return
		}
		sep := ""
		for _, t := range b[5:n] {
			p.printf("%s %s (%d)", sep, strName(eapTypes, int(t), "unknown"), t)
			sep = ","
		}
	case 13, 21, 43:
		what := cond(sub == 43, "FAST request/response", "TLS/TTLS request/response")
		if short(6, what) {
			return
		}
		f := b[5]
		switch sub {
		case 21:
			p.printf(" TTLSv%d", f&7)
		case 43:
			p.printf(" FASTv%d", f&7)
		}
		p.printf(" flags [%s] 0x%02x", bitNames(uint32(f), eapTLSFlags), f)
		if f&0x80 != 0 && !short(10, what+" with length") {
			p.printf(", len %d", p.u32(b, 6))
		}
	case 18, 23:
		if !short(6, "SIM/AKA request/response") {
			p.printf(" subtype [%s] 0x%02x", strName(eapAKASubtypes, int(b[5]), "unknown"), b[5])
		}
	}
}
