package pcap

import (
	"errors"
	"fmt"
	"math/bits"
)

// addInterface parses an IDB's link type, snaplen and timestamp options.
func (ng *ngReader) addInterface(body []byte) error {
	if len(body) < ngIDBFixedLength {
		return tooShort(blockIDB)
	}
	lt := LinkType(ng.order.Uint16(body[0:]))
	ifc := ngIface{linkType: lt, snaplen: adjustSnaplen(lt, ng.order.Uint32(body[4:])), tsresol: ngDefaultTsresol}
	if err := ng.idbOptions(body[ngIDBFixedLength:], &ifc); err != nil {
		return err
	}
	ng.ifaces = append(ng.ifaces, ifc)
	return nil
}

// adjustSnaplen is pcap_adjust_snapshot: 0 ("unlimited") or a value above
// the link type's maximum becomes the maximum.
func adjustSnaplen(lt LinkType, snaplen uint32) uint32 {
	if max := maxSnaplenForLinkType(lt); snaplen == 0 || snaplen > max {
		return max
	}
	return snaplen
}

// idbOptions walks the IDB options for if_tsresol and if_tsoffset with
// libpcap's process_idb_options checks.
func (ng *ngReader) idbOptions(opts []byte, ifc *ngIface) error {
	var sawResol, sawOffset bool
	for len(opts) > 0 {
		if len(opts) < 4 {
			return tooShort(blockIDB)
		}
		code, olen := ng.order.Uint16(opts[0:]), int(ng.order.Uint16(opts[2:]))
		padded := (olen + 3) &^ 3
		if len(opts)-4 < padded {
			return tooShort(blockIDB)
		}
		val := opts[4 : 4+olen]
		opts = opts[4+padded:]
		var err error
		switch code {
		case optEndOfOpt:
			if olen != 0 {
				return fmt.Errorf("Interface Description Block has opt_endofopt option with length %d != 0", olen)
			}
			return nil
		case optIfTsresol:
			err = parseTsresol(val, &sawResol, ifc)
		case optIfTsoffset:
			err = ng.parseTsoffset(val, &sawOffset, ifc)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseTsresol(val []byte, saw *bool, ifc *ngIface) error {
	if len(val) != 1 {
		return fmt.Errorf("Interface Description Block has if_tsresol option with length %d != 1", len(val))
	}
	if *saw {
		return errors.New("Interface Description Block has more than one if_tsresol option")
	}
	*saw = true
	v := val[0]
	if v&0x80 != 0 {
		shift := v & 0x7f
		if shift > 63 {
			return fmt.Errorf("Interface Description Block if_tsresol option resolution 2^-%d is too high", shift)
		}
		ifc.tsresol = 1 << shift
		return nil
	}
	if v > 19 {
		return fmt.Errorf("Interface Description Block if_tsresol option resolution 10^-%d is too high", v)
	}
	ifc.tsresol = 1
	for i := byte(0); i < v; i++ {
		ifc.tsresol *= 10
	}
	return nil
}

func (ng *ngReader) parseTsoffset(val []byte, saw *bool, ifc *ngIface) error {
	if len(val) != 8 {
		return fmt.Errorf("Interface Description Block has if_tsoffset option with length %d != 8", len(val))
	}
	if *saw {
		return errors.New("Interface Description Block has more than one if_tsoffset option")
	}
	*saw = true
	ifc.tsoffset = int64(ng.order.Uint64(val))
	return nil
}

// packet decodes an EPB or the obsolete PB (16-bit interface id).
func (ng *ngReader) packet(typ uint32, body []byte) (Packet, error) {
	if len(body) < ngEPBFixedLength {
		return Packet{}, tooShort(typ)
	}
	id := ng.order.Uint32(body[0:])
	if typ == blockPB {
		id = uint32(ng.order.Uint16(body[0:]))
	}
	t := uint64(ng.order.Uint32(body[4:]))<<32 | uint64(ng.order.Uint32(body[8:]))
	caplen, length := ng.order.Uint32(body[12:]), ng.order.Uint32(body[16:])
	return ng.finish(typ, id, t, caplen, length, body[ngEPBFixedLength:])
}

// simplePacket decodes an SPB: interface 0, no timestamp, caplen is the
// smaller of the original length and the snapshot length.
func (ng *ngReader) simplePacket(body []byte) (Packet, error) {
	if len(body) < 4 {
		return Packet{}, tooShort(blockSPB)
	}
	length := ng.order.Uint32(body)
	caplen := length
	if len(ng.ifaces) > 0 && caplen > ng.ifaces[0].snaplen {
		caplen = ng.ifaces[0].snaplen
	}
	return ng.finish(blockSPB, 0, 0, caplen, length, body[4:])
}

// finish applies libpcap's interface and length checks and converts the
// timestamp with the interface's resolution and offset.
func (ng *ngReader) finish(typ, id uint32, t uint64, caplen, length uint32, data []byte) (Packet, error) {
	if int(id) >= len(ng.ifaces) {
		return Packet{}, fmt.Errorf("a packet arrived on interface %d, but there's no Interface Description Block for that interface", id)
	}
	ifc := ng.ifaces[id]
	if caplen > ifc.snaplen {
		return Packet{}, fmt.Errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, ifc.snaplen)
	}
	if uint64(caplen) > uint64(len(data)) {
		return Packet{}, tooShort(typ)
	}
	out := make([]byte, caplen)
	copy(out, data)
	sec := int64(t/ifc.tsresol) + ifc.tsoffset
	return Packet{
		CaptureInfo: CaptureInfo{Timestamp: unixTime(sec, fracToNanos(t%ifc.tsresol, ifc.tsresol)), CaptureLength: int(caplen), Length: int(length), InterfaceIndex: int(id)},
		LinkType:    ifc.linkType,
		Data:        out,
	}, nil
}

// fracToNanos converts frac ticks of 1/resol seconds to nanoseconds,
// truncating like libpcap's scaling (without its 64-bit overflow).
func fracToNanos(frac, resol uint64) int64 {
	hi, lo := bits.Mul64(frac, 1e9)
	q, _ := bits.Div64(hi, lo, resol)
	return int64(q)
}
