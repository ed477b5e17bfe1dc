package printer

import "sync"
import "fmt"

var llcSAPs = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{0x00: "Null", 0xff: "Global", 0x02: "802.1B I", 0x03: "802.1B G", 0x06: "IP",
		0x04: "SNA", 0x0e: "ProWay NM", 0x42: "STP", 0x4e: "RS511", 0x7e: "ISO8208", 0x8e: "ProWay",
		0xaa: "SNAP", 0xe0: "IPX", 0xf0: "NetBeui", 0xfe: "OSI"}
})

var llcCmds = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{0x03: "ui", 0xe3: "test", 0xaf: "xid", 0x63: "ua", 0x43: "disc", 0x0f: "dm",
		0x6f: "sabme", 0x87: "frmr"}
})

func sapName(sap uint8, unknown string) string {
	if s, ok := llcSAPs()[sap]; ok {
		return s
	}
	if unknown == "Unknown" {
		return unknown
	}
	return fmt.Sprintf(unknown, sap)
}

func llcFlag(v uint16) string {
	switch v {
	case 0:
		return "Command"
	case 1:
		return "Response"
	case 0x10, 0x100:
		return "Poll"
	case 0x11, 0x101:
		return "Final"
	}
	return "?"
}

// llc is llc_print. It returns the LLC header length, negative when the
// caller should hex-dump the payload (tcpdump's convention). SNAP, STP,
// IPX and OSI payloads are not decoded (flagged unsupported); src and dst
// are the link addresses (nil for cooked captures).
func (p *Printer) llc(b []byte, length int, src, dst []byte) int {
	p.enter("llc")
	caplen := len(b)
	if caplen < 3 || length < 3 {
		p.printTrunc()
		p.hexASCII("\n\t", b)
		return min(caplen, length)
	}
	dsapField, ssapField := b[0], b[1]
	control := uint16(b[2])
	hdr, isU := 3, control&3 == 3
	if !isU {
		if caplen < 4 || length < 4 {
			p.printTrunc()
			p.hexASCII("\n\t", b)
			return min(caplen, length)
		}
		control, hdr = uint16(b[2])|uint16(b[3])<<8, 4
	}
	if ssapField == 0xff && dsapField == 0xff {
		if p.o.Ether {
			p.puts("IPX 802.3: ")
		}
		p.ipx(b)
		return 0
	}
	dsap, ssap := dsapField&^1, ssapField&^1
	if p.o.Ether {
		p.printf("LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s", sapName(dsap, "Unknown"), dsap,
			cond(dsapField&1 != 0, "Group", "Individual"), sapName(ssap, "Unknown"), ssap, llcFlag(uint16(ssapField&1)))
		if isU {
			p.printf(", ctrl 0x%02x: ", control)
		} else {
			p.printf(", ctrl 0x%04x: ", control)
		}
	}
	if ssap == dsap && (control == 3 && (ssap == 0xaa || ssap == 0x42 || ssap == 0x06 || ssap == 0xe0 || ssap == 0xfe)) {
		return p.llcPayload(b[hdr:], length-hdr, ssap, hdr, src, dst)
	}
	p.llcAddrs(ssap, dsap, src, dst)
	return p.llcControl(b[hdr:], length-hdr, hdr, control, isU, ssapField)
}

// llcPayload handles the SAPs tcpdump hands to other printers.
func (p *Printer) llcPayload(b []byte, length int, sap uint8, hdr int, src, dst []byte) int {
	switch sap {
	case 0x06:
		p.ip(b, length)
		return hdr
	case 0xaa:
		if !p.snap(b, length, src, dst) {
			return -(hdr + 5)
		}
		return hdr + 5
	case 0x42:
		p.stp(b, length)
	case 0xe0:
		if p.o.Ether {
			p.puts("IPX 802.2: ")
		}
		p.ipx(b)
	default:
		p.isoclns(b, length)
	}
	return hdr
}

func (p *Printer) llcAddrs(ssap, dsap uint8, src, dst []byte) {
	if p.o.Ether {
		return
	}
	switch {
	case ssap == dsap && src == nil:
		p.printf("%s ", sapName(dsap, "Unknown DSAP 0x%02x"))
	case ssap == dsap:
		p.printf("%s > %s %s ", p.names.ether(src), p.names.ether(dst), sapName(dsap, "Unknown DSAP 0x%02x"))
	case src == nil:
		p.printf("%s > %s ", sapName(ssap, "Unknown SSAP 0x%02x"), sapName(dsap, "Unknown DSAP 0x%02x"))
	default:
		p.printf("%s %s > %s %s ", p.names.ether(src), sapName(ssap, "Unknown SSAP 0x%02x"),
			p.names.ether(dst), sapName(dsap, "Unknown DSAP 0x%02x"))
	}
}

// llcControl prints the U/S/I frame summary.
func (p *Printer) llcControl(b []byte, length, hdr int, control uint16, isU bool, ssapField uint8) int {
	gsap := uint16(ssapField & 1)
	if isU {
		cmd, ok := llcCmds()[control&0xef]
		if !ok {
			cmd = fmt.Sprintf("%02x", control&0xef)
		}
		p.printf("Unnumbered, %s, Flags [%s], length %d", cmd, llcFlag(gsap|control&0x10), length+hdr)
		if control&^0x10 == 0xaf && length > 0 {
			if len(b) < 1 {
				p.printTrunc()
				return hdr
			}
			if b[0] == 0x81 {
				if len(b) < 3 || length < 3 {
					p.printTrunc()
					p.hexASCII("\n\t", b)
				} else {
					p.printf(": %02x %02x", b[1], b[2])
				}
				return hdr
			}
		}
		return -hdr
	}
	if control&3 == 1 {
		p.printf("Supervisory, %s, rcv seq %d, Flags [%s], length %d",
			[]string{"Receiver Ready", "Receiver not Ready", "Reject", "?"}[(control>>2)&3],
			(control>>9)&0x7f, llcFlag(gsap|control&0x100), length+hdr)
		return hdr
	}
	p.printf("Information, send seq %d, rcv seq %d, Flags [%s], length %d",
		(control>>1)&0x7f, (control>>9)&0x7f, llcFlag(gsap|control&0x100), length+hdr)
	return -hdr
}

var ciscoPIDs = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{0x2000: "CDP", 0x2003: "VTP", 0x2004: "DTP", 0x0111: "UDLD", 0x010b: "PVST",
		0x010c: "VLAN Bridge"}
})

var bridgedPIDs = sync.OnceValue(func() map[uint16]string {
	return map[uint16]string{0x0001: "Ethernet + FCS", 0x0007: "Ethernet w/o FCS", 0x0002: "802.4 + FCS",
		0x0008: "802.4 w/o FCS", 0x0003: "Token Ring + FCS", 0x0009: "Token Ring w/o FCS", 0x0004: "FDDI + FCS",
		0x000a: "FDDI w/o FCS", 0x0005: "802.6 + FCS", 0x000b: "802.6 w/o FCS", 0x000e: "BPDU"}
})

// snapPIDName is tok2str(oui_to_struct_tok(orgcode), "Unknown", pid).
func snapPIDName(org uint32, pid uint16) string {
	var m map[uint16]string
	switch org {
	case 0x000000, 0x0000f8, 0x080007:
		m = etherTypeNames()
	case 0x00000c:
		m = ciscoPIDs()
	case 0x0080c2:
		m = bridgedPIDs()
	}
	if s, ok := m[pid]; ok {
		return s
	}
	return "Unknown"
}

func ouiName(org uint32) string {
	if s, ok := ouiNames()[org]; ok {
		return s
	}
	return "Unknown"
}

// snap is snap_print; false means nothing was decoded (the caller dumps).
func (p *Printer) snap(b []byte, length int, src, dst []byte) (decoded bool) {
	p.enter("snap")
	defer p.catchSoftSet(&decoded)
	p.need(b, 5)
	if length < 5 {
		p.printTrunc()
		return true
	}
	org, pid := p.u24(b, 0), p.u16(b, 3)
	if p.o.Ether {
		p.printf("oui %s (0x%06x), %s %s (0x%04x), length %d: ", ouiName(org), org,
			cond(org == 0, "ethertype", "pid"), snapPIDName(org, pid), pid, length-5)
	}
	if p.snapPayload(b[5:], length-5, org, pid) {
		return true
	}
	if !p.o.Ether {
		if src != nil {
			p.printf("%s > %s ", p.names.ether(src), p.names.ether(dst))
		}
		if org == 0 {
			p.printf("SNAP, ethertype %s (0x%04x), length %d: ", etherTypeName(pid), pid, length-5)
		} else {
			p.printf("SNAP, oui %s (0x%06x), pid %s (0x%04x), length %d: ", ouiName(org), org, snapPIDName(org, pid), pid, length-5)
		}
	}
	return false
}

func (p *Printer) snapPayload(b []byte, length int, org uint32, pid uint16) bool {
	switch {
	case org == 0x000000 || org == 0x0000f8 || (org == 0x080007 && pid == 0x809b):
		return p.etherType(pid, b, length)
	case org == 0x00000c && (pid == 0x010b || pid == 0x010c):
		p.stp(b, length)
		return true
	case org == 0x00000c && ciscoPIDs()[pid] != "":
		p.cisco(b, length, pid)
		return true
	case org == 0x0080c2 && (pid == 0x0001 || pid == 0x0007):
		p.need(b, 2)
		p.ether(b[2:], length-2)
		return true
	case org == 0x0080c2 && pid == 0x000e:
		p.stp(b, length)
		return true
	case org == 0x0080c2 && bridgedPIDs()[pid] != "" && pid != 0x0005 && pid != 0x000b:
		p.unsupport("rfc2684-bridged")
		return true
	}
	return false
}
