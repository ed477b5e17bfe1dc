package printer

import (
	"path/filepath"
	"testing"
)

// synthApps are UDP application packets the shared corpus lacks: every
// TFTP opcode with options, errors and truncations (print-tftp.c), and DNS
// SOA answers whole and cut inside the record (ns_rprint's T_SOA), and
// syslog priorities of every shape (print-syslog.c).
func synthApps() []synthPkt {
	udp := func(sport, dport int, payload []byte) synthPkt {
		return synthPkt{data: eth(macA, macB, 0x0800, ipv4(ipA, ipB, 17, 7, 0, nil, udpSeg(ipA, ipB, sport, dport, payload)))}
	}
	z := func(s ...string) []byte {
		var out []byte
		for _, x := range s {
			out = append(append(out, x...), 0)
		}
		return out
	}
	tftp := func(op int, rest []byte) synthPkt { return udp(40000, 69, cat(be16(op), rest)) }
	soa := cat(dnsName("ns1", "example", "com"), dnsName("hostmaster", "example", "com"),
		be32(2026120301), be32(7200), be32(3600), be32(1209600), be32(300))
	dnsSOA := func(rdata []byte, rdlen int) []byte {
		return cat(be16(0x1234), be16(0x8580), be16(1), be16(1), be16(0), be16(0),
			dnsName("example", "com"), be16(6), be16(1),
			[]byte{0xc0, 12}, be16(6), be16(1), be32(3600), be16(rdlen), rdata)
	}
	pkts := []synthPkt{
		tftp(1, z("boot/vmlinuz", "octet", "blksize", "1428", "tsize", "0")),
		tftp(2, z("upload.txt", "netascii")),
		tftp(1, cat(z("weird\x01\x7f\xe9name"), z("octet"), []byte{0}, z("x"))),
		tftp(3, cat(be16(1), make([]byte, 32))),
		tftp(4, be16(65535)),
		tftp(5, cat(be16(1), z("File not found"))),
		tftp(5, cat(be16(9), z("custom"))),
		tftp(6, z("blksize", "1428", "tsize", "4096")),
		tftp(7, z("nosuch")),
		tftp(1, nil),
		tftp(1, []byte("no-terminator")),
		tftp(1, z("file")),
		tftp(5, be16(2)),
		tftp(3, []byte{0}),
		udp(69, 40000, []byte{0}),
		udp(53, 40001, dnsSOA(soa, len(soa))),
		udp(53, 40001, dnsSOA(soa[:len(soa)-6], len(soa))),
		udp(53, 40001, dnsSOA(soa[:30], 30)),
	}
	for _, msg := range []string{"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
		"<13>plain", "<191>local7 debug\x01\xff", "<0>", "<1000>too many digits", "<12", "no pri", "<x>", "<165>1 2003-10-11T22:14:15.003Z host app - ID47 - msg"} {
		pkts = append(pkts, udp(40002, 514, []byte(msg)))
	}
	long := udp(40002, 514, []byte("<30>a message cut by the snapshot length"))
	long.wirLen, long.data = len(long.data), long.data[:len(long.data)-10]
	pkts = append(pkts, long)
	// Cut short of the wire length: the strings end in the missing part.
	cut := tftp(1, z("boot/vmlinuz", "octet", "blksize", "1428"))
	cut.wirLen, cut.data = len(cut.data), cut.data[:len(cut.data)-9]
	return append(pkts, cut)
}

func writeSyntheticApps(t *testing.T, dir string) {
	if err := writePcap(filepath.Join(dir, "synthetic-apps.pcap"), 1, synthApps()); err != nil {
		t.Fatal(err)
	}
}
