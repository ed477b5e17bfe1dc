package printer

// sflow is sflow_print (sFlow v5): the agent summary, and with -v every
// sample and its flow or counter records. Like tcpdump (built with
// ND_LONGJMP_FROM_TCHECK here) a short capture abandons the packet.
func (p *Printer) sflow(b []byte, length int) {
	p.enter("sflow")
	ipv := p.u32(b, 4)
	if (length < 28 && ipv == 1) || (length < 40 && ipv == 2) {
		p.printf("sFlowv%d [length %d < 28]", p.u32(b, 0), length)
		p.invalid()
		return
	}
	p.needHard(b, 28)
	if v := p.u32(b, 0); v != 5 {
		p.printf("sFlow version %d packet not supported", v)
		return
	}
	agent, hdr := p.names.ip4(p.bytes(b, 8, 4)), 12
	if ipv != 1 {
		agent, hdr = p.names.ip6(p.bytes(b, 8, 16)), 24
	}
	if p.o.Verbose < 1 {
		p.printf("sFlowv5, %s agent %s, agent-id %d, length %d", cond(ipv == 1, "IPv4", "IPv6"), agent, p.u32(b, hdr), length)
		return
	}
	// tcpdump reads every field before printing the line.
	id, seq, up, nsamples := p.u32(b, hdr), p.u32(b, hdr+4), p.u32(b, hdr+8), p.u32(b, hdr+12)
	p.printf("sFlowv5, %s agent %s, agent-id %d, seqnum %d, uptime %d, samples %d, length %d",
		cond(ipv == 1, "IPv4", "IPv6"), agent, id, seq, up, nsamples, length)
	off, tlen := hdr+16, length-(hdr+16)
	if tlen < 0 {
		p.sflowInvalid(b, 0, length)
		return
	}
	for ; nsamples > 0 && tlen > 0; nsamples-- {
		typ, slen := p.u32(b, off)&0x0fff, int(p.u32(b, off+4))
		if tlen < 8 {
			p.sflowInvalid(b, off, tlen)
			return
		}
		off, tlen = off+8, tlen-8
		p.printf("\n\t%s (%d), length %d,", sflowFormat(typ), typ, uint32(slen))
		if typ == 0 || slen == 0 {
			return
		}
		if tlen < slen {
			p.sflowInvalid(b, off, tlen)
			return
		}
		p.needHard(from(b, off), slen)
		if !p.sflowSample(b, off, tlen, slen, typ) {
			p.sflowInvalid(b, off, tlen)
			return
		}
		off, tlen = off+slen, tlen-slen
	}
}

// sflowInvalid is sflow_print's "invalid:" label: the marker, then a
// truncation if the rest of the datagram was not captured.
func (p *Printer) sflowInvalid(b []byte, off, tlen int) {
	p.invalid()
	p.needHard(from(b, off), tlen)
}

func sflowFormat(t uint32) string {
	switch t {
	case 1:
		return "flow sample"
	case 2:
		return "counter sample"
	case 3:
		return "expanded flow sample"
	case 4:
		return "expanded counter sample"
	}
	return "Unknown"
}

// sflowSample prints one sample; false is tcpdump's error return (the
// caller prints " (invalid)").
func (p *Printer) sflowSample(b []byte, off, tlen, slen int, typ uint32) bool {
	switch typ {
	case 1:
		if tlen < 32 {
			return false
		}
		p.printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, input %d output %d records %d",
			p.u32(b, off), p.u8(b, off+4), p.u24(b, off+5), p.u32(b, off+8), p.u32(b, off+12),
			p.u32(b, off+16), p.u32(b, off+20), p.u32(b, off+24), p.u32(b, off+28))
		return p.sflowFlowRecords(b, off+32, tlen-32, p.u32(b, off+28))
	case 2:
		if tlen < 12 {
			return false
		}
		p.printf(" seqnum %d, type %d, idx %d, records %d", p.u32(b, off), p.u8(b, off+4), p.u24(b, off+5), p.u32(b, off+8))
		return p.sflowCounterRecords(b, off+12, tlen-12, p.u32(b, off+8))
	case 3:
		if tlen < 44 {
			return false
		}
		p.printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, records %d",
			p.u32(b, off), p.u32(b, off+4), p.u32(b, off+8), p.u32(b, off+12), p.u32(b, off+16),
			p.u32(b, off+20), p.u32(b, off+40))
		return p.sflowFlowRecords(b, off+44, tlen-44, p.u32(b, off+40))
	case 4:
		if tlen < 16 {
			return false
		}
		p.printf(" seqnum %d, type %d, idx %d, records %d", p.u32(b, off), p.u32(b, off+4), p.u32(b, off+8), p.u32(b, off+12))
		return p.sflowCounterRecords(b, off+16, tlen-16, p.u32(b, off+12))
	}
	if p.o.Verbose <= 1 {
		p.unknownData(b, off, "\n\t    ", slen)
	}
	return true
}

var sflowFlowTypes = []string{1: "Raw packet", 2: "Ethernet frame", 3: "IPv4 Data", 4: "IPv6 Data"}

var sflowFlowExtTypes = []string{"Extended Switch data", "Extended Router data", "Extended Gateway data",
	"Extended User data", "Extended URL data", "Extended MPLS data", "Extended NAT data",
	"Extended MPLS tunnel", "Extended MPLS VC", "Extended MPLS FEC", "Extended MPLS LVP FEC",
	"Extended VLAN Tunnel"}

func sflowFlowType(t uint32) string {
	switch {
	case t >= 1 && t <= 4:
		return sflowFlowTypes[t]
	case t >= 1001 && t <= 1012:
		return sflowFlowExtTypes[t-1001]
	}
	return "Unknown"
}

// sflowFlowRecords is sflow_print_flow_records.
func (p *Printer) sflowFlowRecords(b []byte, off, tlen int, n uint32) bool {
	for ; n > 0; n-- {
		if tlen < 8 {
			return false
		}
		ent, flen := p.u32(b, off), p.u32(b, off+4)
		typ := ent & 0x0fff
		ent >>= 12
		name := "Unknown"
		if ent == 0 {
			name = sflowFlowType(typ)
		}
		p.printf("\n\t    enterprise %d %s (%d) length %d", ent, name, typ, flen)
		off, tlen = off+8, tlen-8
		if uint32(tlen) < flen {
			return false
		}
		if ent == 0 && !p.sflowFlowRecord(b, off, tlen, int(flen), typ) {
			return false
		}
		off, tlen = off+int(flen), tlen-int(flen)
	}
	return true
}

func (p *Printer) sflowFlowRecord(b []byte, off, tlen, flen int, typ uint32) bool {
	switch typ {
	case 1:
		if tlen < 16 {
			return false
		}
		proto := p.u32(b, off)
		name := "Unknown"
		switch proto {
		case 1:
			name = "Ethernet"
		case 11:
			name = "IPv4"
		case 12:
			name = "IPv6"
		}
		p.printf("\n\t      protocol %s (%d), length %d, stripped bytes %d, header_size %d",
			name, proto, p.u32(b, off+4), p.u32(b, off+8), p.u32(b, off+12))
	case 1001:
		if tlen < 16 {
			return false
		}
		p.printf("\n\t      src vlan %d, src pri %d, dst vlan %d, dst pri %d",
			p.u32(b, off), p.u32(b, off+4), p.u32(b, off+8), p.u32(b, off+12))
	case 2:
		if tlen < 24 {
			return false
		}
		p.printf("\n\t      frame len %d, type %d", p.u32(b, off), p.u32(b, off+20))
	case 3, 4, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012:
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, off, "\n\t\t", flen)
		}
	}
	return true
}

var sflowCounterTypes = []string{1: "Generic counter", 2: "Ethernet counter", 3: "Token ring counter",
	4: "100 BaseVG counter", 5: "Vlan counter"}

// sflowCounterRecords is sflow_print_counter_records (whose enterprise is
// the format shifted by 20 bits, not 12 as for flow records).
func (p *Printer) sflowCounterRecords(b []byte, off, tlen int, n uint32) bool {
	for ; n > 0; n-- {
		if tlen < 8 {
			return false
		}
		ent, clen := p.u32(b, off), p.u32(b, off+4)
		typ := ent & 0x0fff
		ent >>= 20
		name := "Unknown"
		switch {
		case ent != 0:
		case typ >= 1 && typ <= 5:
			name = sflowCounterTypes[typ]
		case typ == 1001:
			name = "Processor counter"
		}
		p.printf("\n\t    enterprise %d, %s (%d) length %d", ent, name, typ, clen)
		off, tlen = off+8, tlen-8
		if uint32(tlen) < clen {
			return false
		}
		if ent == 0 && !p.sflowCounter(b, off, tlen, int(clen), typ) {
			return false
		}
		off, tlen = off+int(clen), tlen-int(clen)
	}
	return true
}

func (p *Printer) sflowCounter(b []byte, off, tlen, clen int, typ uint32) bool {
	const w8 = 0x100 // an 8-byte counter (see sflowFields)
	f := func(format string, offs ...int) { p.sflowFields(b, off, format, offs...) }
	switch typ {
	case 1:
		if tlen < 88 {
			return false
		}
		f("\n\t      ifindex %d, iftype %d, ifspeed %d, ifdirection %d", 0, 4, w8+8, 16)
		p.printf(" (%s)", sflowDirection(p.u32(b, off+16)))
		st := p.u32(b, off+20)
		p.printf("\n\t      ifstatus %d, adminstatus: %s, operstatus: %s", st, cond(st&1 != 0, "up", "down"),
			cond((st>>1)&1 != 0, "up", "down"))
		f("\n\t      In octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d", w8+24, 32, 36, 40, 44)
		f("\n\t      In errors %d, unknown protos %d", 48, 52)
		f("\n\t      Out octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d", w8+56, 64, 68, 72, 76)
		f("\n\t      Out errors %d, promisc mode %d", 80, 84)
	case 2:
		if tlen < 52 {
			return false
		}
		f("\n\t      align errors %d, fcs errors %d, single collision %d, multiple collision %d, test error %d", 0, 4, 8, 12, 16)
		f("\n\t      deferred %d, late collision %d, excessive collision %d, mac trans error %d", 20, 24, 28, 32)
		f("\n\t      carrier error %d, frames too long %d, mac receive errors %d, symbol errors %d", 36, 40, 44, 48)
	case 3:
	case 4:
		if tlen < 80 {
			return false
		}
		f("\n\t      in high prio frames %d, in high prio octets %d", 0, w8+4)
		f("\n\t      in norm prio frames %d, in norm prio octets %d", 12, w8+16)
		f("\n\t      in ipm errors %d, oversized %d, in data errors %d, null addressed frames %d", 24, 28, 32, 36)
		f("\n\t      out high prio frames %d, out high prio octets %d, trans into frames %d", 40, w8+44, 52)
		f("\n\t      in hc high prio octets %d, in hc norm prio octets %d, out hc high prio octets %d", w8+56, w8+64, w8+72)
	case 5:
		if tlen < 28 {
			return false
		}
		f("\n\t      vlan_id %d, octets %d, unicast_pkt %d, multicast_pkt %d, broadcast_pkt %d, discards %d", 0, w8+4, 12, 16, 20, 24)
	case 1001:
		if tlen < 28 {
			return false
		}
		f("\n\t      5sec %d, 1min %d, 5min %d, total_mem %d, total_mem %d", 0, 4, 8, w8+12, w8+20)
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(b, off, "\n\t\t", clen)
		}
	}
	return true
}

// sflowFields prints format with the big-endian counters at base+offs:
// 4-byte ones, or 8-byte ones for offsets of 0x100 and more (less 0x100).
// All are read before printing, like tcpdump's ND_PRINT arguments.
func (p *Printer) sflowFields(b []byte, base int, format string, offs ...int) {
	args := make([]any, len(offs))
	for i, o := range offs {
		if o >= 0x100 {
			args[i] = p.u64(b, base+o-0x100)
		} else {
			args[i] = p.u32(b, base+o)
		}
	}
	p.printf(format, args...)
}

func sflowDirection(d uint32) string {
	switch d {
	case 0:
		return "unknown"
	case 1:
		return "full-duplex"
	case 2:
		return "half-duplex"
	case 3:
		return "in"
	case 4:
		return "out"
	}
	return "Unknown"
}
