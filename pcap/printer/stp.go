package printer

import "fmt"

var stpProtos = map[uint8]string{0: "802.1d", 2: "802.1w", 3: "802.1s", 4: "802.1aq"}

var stpTypes = map[uint8]string{0x00: "Config", 0x02: "Rapid STP", 0x80: "Topology Change"}

var stpFlags = []bitName{{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"},
	{0x40, "Agreement"}, {0x80, "Topology change ACK"}}

var stpRoles = []string{"Unknown", "Alternate", "Root", "Designated"}

// stp is stp_print for 802.1D/802.1w BPDUs and the 802.1s CIST summary;
// the MSTI and SPB details of -v are flagged unsupported.
func (p *Printer) stp(b []byte, length int) {
	p.enter("stp")
	if length < 4 {
		p.invalid()
		return
	}
	if p.u16(b, 0) != 0 {
		p.printf("unknown STP version, length %d", length)
		return
	}
	ver := p.u8(b, 2)
	name, ok := stpProtos[ver]
	if !ok {
		p.printf("STP Unknown STP protocol (0x%02x)", ver)
		return
	}
	p.printf("STP %s", name)
	typ := p.u8(b, 3)
	tname, ok := stpTypes[typ]
	if !ok {
		tname = fmt.Sprintf("Unknown BPDU Type (0x%02x)", typ)
	}
	p.printf(", %s", tname)
	switch {
	case typ == 0x00 && length < 35, typ == 0x02 && ver == 2 && length < 36:
		p.invalid()
	case typ == 0x00, typ == 0x02 && ver == 2:
		p.stpConfig(b, length, ver)
	case typ == 0x02 && (ver == 3 || ver == 4):
		p.stpMSTP(b, length, ver)
	}
}

func (p *Printer) stpBridgeID(b []byte, off int) string {
	id := p.bytes(b, off, 8)
	return fmt.Sprintf("%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x", id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7])
}

func (p *Printer) stpConfig(b []byte, length int, ver uint8) {
	flags := p.u8(b, 4)
	p.printf(", Flags [%s]", bitNames(uint32(flags), stpFlags))
	p.printf(", bridge-id %s.%04x, length %d", p.stpBridgeID(b, 17), p.u16(b, 25), length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		float32(p.u16(b, 27))/256, float32(p.u16(b, 29))/256, float32(p.u16(b, 31))/256, float32(p.u16(b, 33))/256)
	p.printf("\n\troot-id %s, root-pathcost %d", p.stpBridgeID(b, 5), p.u32(b, 13))
	if ver == 2 {
		p.printf(", port-role %s", stpRoles[(flags&0x0c)>>2])
	}
}

func (p *Printer) stpMSTP(b []byte, length int, ver uint8) {
	if length < 102 || p.u8(b, 35) != 0 {
		p.invalid()
		return
	}
	if mlen := int(p.u16(b, 36)) + 2; length < 36+mlen {
		p.invalid()
		return
	}
	if ver == 4 || p.o.Verbose > 0 {
		p.unsupport("mstp-details")
	}
	p.printf(", CIST Flags [%s], length %d", bitNames(uint32(p.u8(b, 4)), stpFlags), length)
}
