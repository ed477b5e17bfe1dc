package printer

import "sync"

var sctpChunks = sync.OnceValue(func() map[uint8]string {
	return map[uint8]string{0x00: "DATA", 0x01: "INIT", 0x02: "INIT ACK", 0x03: "SACK",
		0x04: "HB REQ", 0x05: "HB ACK", 0x06: "ABORT", 0x07: "SHUTDOWN", 0x08: "SHUTDOWN ACK",
		0x09: "OP ERR", 0x0a: "COOKIE ECHO", 0x0b: "COOKIE ACK", 0x0c: "ECN ECHO", 0x0d: "ECN CWR",
		0x0e: "SHUTDOWN COMPLETE", 0xc0: "FOR CUM TSN", 0xc1: "REL CTRL", 0xc2: "REL CTRL ACK"}
})

var sctpPPIDs = sync.OnceValue(func() map[uint32]string {
	return map[uint32]string{1: "ISDN Q.921", 2: "M2UA", 3: "M3UA", 4: "SUA", 5: "M2PA",
		6: "V5.2", 7: "H.248", 8: "BICC", 9: "TALI", 10: "DUA", 11: "ASAP", 12: "ENRP", 13: "H.323",
		14: "Q.IPC", 15: "SIMCO", 16: "DDPSC", 17: "DDPSSC", 18: "S1AP", 19: "RUA", 20: "HNBAP",
		21: "ForCES HP", 22: "ForCES MP", 23: "ForCES LP", 24: "SBc-AP", 25: "NBAP", 27: "X2AP"}
})

var forcesChannels = map[uint16]string{6704: "ForCES HP", 6705: "ForCES MP", 6706: "ForCES LP"}

// sctp is sctp_print: the common header and one bracketed summary per
// chunk; ForCES payloads go to forces, -vv dumps other DATA payloads
// (M3UA by its printer).
func (p *Printer) sctp(b []byte, length int, h *ipHdr) {
	p.enter("sctp")
	defer p.catchSoft()
	if length < 12 {
		p.printf("truncated-sctp - %d bytes missing!", 12-length)
		return
	}
	p.need(b, 12)
	sport, dport := p.u16(b, 0), p.u16(b, 2)
	p.printf("%s.%d > %s.%d: sctp", p.addr(h, h.src), sport, p.addr(h, h.dst), dport)
	forces := false
	for _, port := range []uint16{sport, dport} {
		if name, ok := forcesChannels[port]; ok {
			p.printf("[%s]", name)
			forces = true
		}
	}
	sep := " ("
	if p.o.Verbose >= 2 {
		sep = "\n\t"
	}
	off, rem := 12, length-12
	for n := 1; rem != 0; n++ {
		if rem < 4 {
			p.printf("%s%d) [chunk descriptor cut off at end of packet]", sep, n)
			return
		}
		p.need(from(b, off), 4)
		clen := int(p.u16(b, off+2))
		if clen < 4 {
			p.printf("%s%d) [Bad chunk length %d, < size of chunk descriptor]", sep, n, clen)
			return
		}
		align := (4 - clen%4) % 4
		if rem < align {
			p.printf("%s%d) [Bad chunk length %d, > remaining data in packet]", sep, n, clen)
			return
		}
		p.need(from(b, off), clen)
		p.printf("%s%d) ", sep, n)
		id := b[off]
		if name, ok := sctpChunks()[id]; ok {
			p.printf("[%s] ", name)
		} else {
			p.printf("[Unknown chunk type: 0x%x] ", id)
		}
		if !p.sctpChunk(b[off:], id, clen, &forces) {
			return
		}
		off += clen
		rem -= clen
		if p.o.Verbose < 2 {
			sep = ", ("
		}
		if align != 0 {
			p.need(from(b, off), align)
			off += align
			rem -= align
		}
	}
}

// sctpChunk prints one chunk's fields; false ends the packet.
func (p *Printer) sctpChunk(c []byte, id uint8, clen int, forces *bool) bool {
	bogus := func() bool { p.printf("bogus chunk length %d]", clen); return false }
	switch id {
	case 0x00:
		fl := c[1]
		if fl&4 != 0 {
			p.puts("(U)")
		}
		if fl&2 != 0 {
			p.puts("(B)")
		}
		if fl&1 != 0 {
			p.puts("(E)")
		}
		if fl&7 != 0 {
			p.puts(" ")
		}
		if clen-4 < 12 {
			return bogus()
		}
		ppid := p.u32(c, 12)
		p.printf("[TSN: %d] [SID: %d] [SSEQ %d] ", p.u32(c, 4), p.u16(c, 8), p.u16(c, 10))
		if name, ok := sctpPPIDs()[ppid]; ok {
			p.printf("[PPID %s] ", name)
		} else {
			p.printf("[PPID 0x%x] ", ppid)
		}
		if !*forces {
			*forces = ppid >= 21 && ppid <= 23
		}
		if clen-16 == 0 {
			return bogus()
		}
		switch {
		case *forces:
			p.forces(c[16:], clen-16)
			p.proto = "sctp"
		case p.o.Verbose >= 2 && ppid == 3:
			p.m3ua(c[16:], clen-16)
			p.proto = "sctp"
		case p.o.Verbose >= 2:
			p.puts("[Payload")
			if !p.suppressDefault() {
				p.puts(":")
				p.defaultPrintN(c[16:], clen-16)
			}
			p.puts("]")
		}
	case 0x01, 0x02:
		if clen-4 < 16 {
			return bogus()
		}
		p.printf("[init tag: %d] [rwnd: %d] [OS: %d] [MIS: %d] [init TSN: %d] ",
			p.u32(c, 4), p.u32(c, 8), p.u16(c, 12), p.u16(c, 14), p.u32(c, 16))
	case 0x03:
		if clen-4 < 12 {
			return bogus()
		}
		cum := p.u32(c, 4)
		gaps, dups := int(p.u16(c, 12)), int(p.u16(c, 14))
		p.printf("[cum ack %d] [a_rwnd %d] [#gap acks %d] [#dup tsns %d] ", cum, p.u32(c, 8), gaps, dups)
		off := 16
		for i := 0; off < clen && i < gaps; i++ {
			if clen-off < 4 {
				return bogus()
			}
			p.printf("\n\t\t[gap ack block #%d: start = %d, end = %d] ", i+1, cum+uint32(p.u16(c, off)), cum+uint32(p.u16(c, off+2)))
			off += 4
		}
		for i := 0; off < clen && i < dups; i++ {
			if clen-off < 4 {
				return bogus()
			}
			p.printf("\n\t\t[dup TSN #%d: %d] ", i+1, p.u32(c, off))
			off += 4
		}
	}
	return true
}
