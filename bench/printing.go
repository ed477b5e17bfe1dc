package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
)

// printing decodes a large generated capture to text with both tools
// (output to /dev/null) and compares the CPU time they need.
func printing(r *report) {
	const title = "3. Text printing: `-n -r BIG.pcap > /dev/null`"
	if !r.can(title, false, "tcpdump") {
		return
	}
	dir, err := os.MkdirTemp("", "gnsbench-")
	if err != nil {
		r.skip(title, err.Error())
		return
	}
	defer os.RemoveAll(dir)
	big := filepath.Join(dir, "big.pcap")
	size, err := writeBig(big, *pktsFlag)
	if err != nil {
		r.skip(title, err.Error())
		return
	}
	const runs = 3
	var ours, theirs, wallO, wallT []float64
	for i := 0; i < runs; i++ {
		o, wo := cpuOf(r.bin, "--capture", "-n", "-r", big)
		t, wt := cpuOf("tcpdump", "-n", "-r", big)
		ours, theirs, wallO, wallT = append(ours, o), append(theirs, t), append(wallO, wo), append(wallT, wt)
	}
	mo, mt := median(ours), median(theirs)
	r.add(section{title: title,
		commands: []string{"gonsenter --capture -n -r big.pcap > /dev/null", "tcpdump -n -r big.pcap > /dev/null"},
		header:   []string{"capture", "gonsenter CPU", "tcpdump CPU", "CPU ratio", "wall ratio", "goal"},
		rows: [][]string{{fmt.Sprintf("%d packets, %.0f MB, 8 kinds", *pktsFlag, float64(size)/1e6),
			fmt.Sprintf("%.2f s", mo), fmt.Sprintf("%.2f s", mt), ratio(mo, mt), ratio(median(wallO), median(wallT)), verdict(mo/mt, 1.0)}},
		notes: []string{fmt.Sprintf("Median of %d interleaved runs; CPU is user+system (rusage). The capture cycles through TCP SYN with options, "+
			"HTTP request, TCP ACK, DNS query and answer, ICMP echo, ARP and IPv6 UDP frames.", runs)},
	})
}

// cpuOf runs argv with stdout to /dev/null and returns CPU and wall seconds.
func cpuOf(argv ...string) (float64, float64) {
	c := exec.Command(argv[0], argv[1:]...)
	t0 := time.Now()
	if err := c.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %q: %v\n", argv, err)
	}
	cpu, _ := usage(c)
	return cpu.Seconds(), time.Since(t0).Seconds()
}

// writeBig writes n Ethernet frames cycling through the templates.
func writeBig(path string, n int) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w, err := pcap.NewWriter(bw, pcap.LinkEthernet, 0, false)
	if err != nil {
		return 0, err
	}
	frames := templates()
	t := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		fr := frames[i%len(frames)]
		t = t.Add(37 * time.Microsecond)
		p := pcap.Packet{Data: fr, LinkType: pcap.LinkEthernet}
		p.Timestamp, p.CaptureLength, p.Length = t, len(fr), len(fr)
		if err := w.WritePacket(p); err != nil {
			return 0, err
		}
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

var (
	macA = []byte{0x02, 0, 0, 0, 0, 1}
	macB = []byte{0x02, 0, 0, 0, 0, 2}
	ipA  = []byte{192, 0, 2, 1}
	ipB  = []byte{198, 51, 100, 2}
)

// templates are the frames of the printing capture.
func templates() [][]byte {
	synOpts := []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0x12, 0x34, 0, 0, 0, 0, 1, 3, 3, 7}
	dnsQ := append([]byte{0xab, 0xcd, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0}, append(qname("example.com"), 0, 1, 0, 1)...)
	dnsA := append([]byte{0xab, 0xcd, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0}, append(qname("example.com"), 0, 1, 0, 1)...)
	dnsA = append(dnsA, 0xc0, 12, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 192, 0, 2, 80)
	return [][]byte{
		eth(0x0800, ipv4(6, tcp(43210, 80, 1000, 0, 0x02, synOpts, nil))),
		eth(0x0800, ipv4(6, tcp(43210, 80, 1001, 2001, 0x18, nil, []byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")))),
		eth(0x0800, ipv4(6, tcp(80, 43210, 2001, 1038, 0x10, nil, nil))),
		eth(0x0800, ipv4(17, udp(5353, 53, dnsQ))),
		eth(0x0800, ipv4(17, udp(53, 5353, dnsA))),
		eth(0x0800, ipv4(1, []byte{8, 0, 0, 0, 0x12, 0x34, 0, 1, 'p', 'i', 'n', 'g', 0, 0, 0, 0})),
		eth(0x0806, []byte{0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 198, 51, 100, 2}),
		eth(0x86dd, ipv6(17, udp(40000, 9, []byte("hello")))),
	}
}

func qname(s string) []byte {
	var b []byte
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			b = append(b, byte(i-start))
			b = append(b, s[start:i]...)
			start = i + 1
		}
	}
	return append(b, 0)
}

func eth(typ uint16, payload []byte) []byte {
	b := append(append(append([]byte{}, macB...), macA...), byte(typ>>8), byte(typ))
	b = append(b, payload...)
	for len(b) < 60 {
		b = append(b, 0)
	}
	return b
}

func ipv4(proto byte, payload []byte) []byte {
	h := make([]byte, 20)
	h[0], h[8], h[9] = 0x45, 64, proto
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(payload)))
	binary.BigEndian.PutUint16(h[4:], 0x1c46)
	copy(h[12:], ipA)
	copy(h[16:], ipB)
	binary.BigEndian.PutUint16(h[10:], ipChecksum(h))
	return append(h, payload...)
}

// ipChecksum is the IPv4 header checksum of a 20-byte header whose
// checksum field is zero.
func ipChecksum(h []byte) uint16 {
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

func ipv6(next byte, payload []byte) []byte {
	h := make([]byte, 40)
	h[0], h[6], h[7] = 0x60, next, 64
	binary.BigEndian.PutUint16(h[4:], uint16(len(payload)))
	copy(h[8:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1})
	copy(h[24:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 2})
	return append(h, payload...)
}

func tcp(sport, dport uint16, seq, ack uint32, flags byte, opts, data []byte) []byte {
	h := make([]byte, 20+len(opts))
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint32(h[4:], seq)
	binary.BigEndian.PutUint32(h[8:], ack)
	h[12], h[13] = byte(len(h)/4)<<4, flags
	binary.BigEndian.PutUint16(h[14:], 64240)
	copy(h[20:], opts)
	return append(h, data...)
}

func udp(sport, dport uint16, data []byte) []byte {
	h := make([]byte, 8)
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(data)))
	return append(h, data...)
}
