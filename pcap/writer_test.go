package pcap_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"github.com/gopacket/gopacket/pcapgo"
)

// samplePackets is a few Ethernet frames with distinct timestamps, one
// truncated (Length > len(Data)).
func samplePackets() []pcap.Packet {
	base := time.Date(2026, 11, 28, 17, 7, 22, 123456789, time.UTC)
	var pkts []pcap.Packet
	for i := 0; i < 5; i++ {
		data := make([]byte, 60+i*7)
		copy(data, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x08, 0x06})
		for j := 14; j < len(data); j++ {
			data[j] = byte(i + j)
		}
		p := pcap.Packet{LinkType: pcap.LinkEthernet, Data: data}
		p.Timestamp = base.Add(time.Duration(i) * 1500 * time.Microsecond)
		p.CaptureLength, p.Length = len(data), len(data)
		if i == 3 {
			p.Length += 100
		}
		pkts = append(pkts, p)
	}
	return pkts
}

func writeAll(t testing.TB, w pcap.Writer, pkts []pcap.Packet) {
	t.Helper()
	for _, p := range pkts {
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// samePackets compares what a reader returned with what was written, at
// the given timestamp precision.
func samePackets(t *testing.T, got, want []pcap.Packet, prec time.Duration) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d packets, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if !bytes.Equal(g.Data, w.Data) || g.Length != w.Length || g.LinkType != w.LinkType || g.InterfaceIndex != w.InterfaceIndex {
			t.Errorf("packet %d: got %d/%d bytes lt %d if %d, want %d/%d lt %d if %d", i, len(g.Data), g.Length, g.LinkType, g.InterfaceIndex, len(w.Data), w.Length, w.LinkType, w.InterfaceIndex)
		}
		if !g.Timestamp.Equal(w.Timestamp.Truncate(prec)) {
			t.Errorf("packet %d: timestamp %v, want %v", i, g.Timestamp, w.Timestamp.Truncate(prec))
		}
	}
}

func TestPcapWriterRoundTrip(t *testing.T) {
	for _, nano := range []bool{false, true} {
		var buf bytes.Buffer
		w, err := pcap.NewWriter(&buf, pcap.LinkEthernet, 0, nano)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, w, samplePackets())
		want := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0}
		prec := time.Microsecond
		if nano {
			want[0], want[1] = 0x4d, 0x3c
			prec = time.Nanosecond
		}
		if !bytes.Equal(buf.Bytes()[:24], want) {
			t.Errorf("nano=%v header % x, want % x", nano, buf.Bytes()[:24], want)
		}
		r, pkts, err := readAll(t, bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if r.Nanosecond() != nano || r.Snaplen() != 262144 || r.LinkType() != pcap.LinkEthernet {
			t.Errorf("reader: nano %v snaplen %d lt %d", r.Nanosecond(), r.Snaplen(), r.LinkType())
		}
		samePackets(t, pkts, samplePackets(), prec)
		checkGopacketPcap(t, buf.Bytes(), pkts)
	}
}

func checkGopacketPcap(t *testing.T, file []byte, pkts []pcap.Packet) {
	t.Helper()
	gr, err := pcapgo.NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pkts {
		d, ci, err := gr.ReadPacketData()
		if err != nil {
			t.Fatalf("gopacket packet %d: %v", i, err)
		}
		if !bytes.Equal(d, p.Data) || ci.Length != p.Length || !ci.Timestamp.Equal(p.Timestamp) {
			t.Errorf("gopacket packet %d differs", i)
		}
	}
	if _, _, err := gr.ReadPacketData(); err != io.EOF {
		t.Errorf("gopacket: extra data: %v", err)
	}
}

// TestBigEndianAndNanoInputs: files in the other byte order and with
// nanosecond timestamps read the same as their little-endian µs form.
func TestBigEndianAndNanoInputs(t *testing.T) {
	var b bytes.Buffer
	b.Write([]byte{0xa1, 0xb2, 0x3c, 0x4d, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 1})
	b.Write([]byte{0x6b, 0x0b, 0x0d, 0x5b, 0x07, 0x5b, 0xcd, 0x15, 0, 0, 0, 4, 0, 0, 0, 9, 1, 2, 3, 4})
	r, pkts, err := readAll(t, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Nanosecond() || r.Snaplen() != 65535 || len(pkts) != 1 {
		t.Fatalf("nano %v snaplen %d packets %d", r.Nanosecond(), r.Snaplen(), len(pkts))
	}
	p := pkts[0]
	if p.Timestamp.Unix() != 0x6b0b0d5b || p.Timestamp.Nanosecond() != 123456789 || p.Length != 9 || !bytes.Equal(p.Data, []byte{1, 2, 3, 4}) {
		t.Errorf("got %v len %d data % x", p.Timestamp, p.Length, p.Data)
	}
}

// TestTcpdumpReadsOurFiles: tcpdump -r accepts our pcap (µs and ns) and
// pcapng files, sees the same packet count and rewrites them to the
// same bytes as our own pcap writer produces.
func TestTcpdumpReadsOurFiles(t *testing.T) {
	if tcpdumpPath() == "" {
		t.Skip("tcpdump not installed")
	}
	dir := t.TempDir()
	pkts := samplePackets()
	files := map[string]func(io.Writer) pcap.Writer{
		"us.pcap":   func(w io.Writer) pcap.Writer { pw, _ := pcap.NewWriter(w, pcap.LinkEthernet, 0, false); return pw },
		"ns.pcap":   func(w io.Writer) pcap.Writer { pw, _ := pcap.NewWriter(w, pcap.LinkEthernet, 0, true); return pw },
		"us.pcapng": func(w io.Writer) pcap.Writer { return ngWith(t, w, 6) },
		"ns.pcapng": func(w io.Writer) pcap.Writer { return ngWith(t, w, 9) },
	}
	outputs := map[string][]byte{}
	for name, mk := range files {
		var buf bytes.Buffer
		writeAll(t, mk(&buf), pkts)
		f := filepath.Join(dir, name)
		os.WriteFile(f, buf.Bytes(), 0o644)
		args := []string{"-r", f, "-w", "-"}
		if strings.HasPrefix(name, "ns") {
			args = append([]string{"--nano"}, args...)
		}
		out, err := exec.Command(tcpdumpPath(), args...).Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", args, err)
		}
		_, got, err := readAll(t, bytes.NewReader(out))
		if err != nil || len(got) != len(pkts) {
			t.Fatalf("%s: tcpdump wrote %d packets (%v), want %d", name, len(got), err, len(pkts))
		}
		outputs[name] = out
	}
	if !bytes.Equal(outputs["us.pcap"], outputs["us.pcapng"]) || !bytes.Equal(outputs["ns.pcap"], outputs["ns.pcapng"]) {
		t.Error("tcpdump rewrites our pcapng differently from our pcap")
	}
	// Without --nano tcpdump scales nanosecond files down to µs by
	// truncation, as our µs writer does.
	for _, name := range []string{"ns.pcap", "ns.pcapng"} {
		out, err := exec.Command(tcpdumpPath(), "-r", filepath.Join(dir, name), "-w", "-").Output()
		if err != nil || !bytes.Equal(out, outputs["us.pcap"]) {
			t.Errorf("tcpdump -r %s -w - (µs) differs from our µs file (%v)", name, err)
		}
	}
	var ours bytes.Buffer
	w, _ := pcap.NewWriter(&ours, pcap.LinkEthernet, 0, false)
	writeAll(t, w, pkts)
	if !bytes.Equal(outputs["us.pcap"], ours.Bytes()) {
		t.Error("tcpdump -r ours.pcap -w - is not byte-identical to our file")
	}
}

func ngWith(t testing.TB, w io.Writer, tsresol uint8) pcap.Writer {
	nw, err := pcap.NewNgWriter(w, pcap.NgOptions{UserAppl: "gonsenter test", OS: "Linux", Hardware: "x86_64", Comment: "made by a test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nw.AddInterface("eth0", pcap.LinkEthernet, 262144, tsresol); err != nil {
		t.Fatal(err)
	}
	return nw
}

// TestPcapngRoundTripMultipleInterfaces: interfaces with their own link
// types, snaplens and resolutions come back per packet, and gopacket's
// pcapng reader agrees. (libpcap itself refuses files whose interfaces
// differ in link type; this reader reports each packet's own.)
func TestPcapngRoundTripMultipleInterfaces(t *testing.T) {
	var buf bytes.Buffer
	nw, err := pcap.NewNgWriter(&buf, pcap.NgOptions{UserAppl: "gonsenter test"})
	if err != nil {
		t.Fatal(err)
	}
	ifs := []struct {
		lt  pcap.LinkType
		res uint8
	}{{pcap.LinkEthernet, 6}, {pcap.LinkLinuxSLL2, 9}, {pcap.LinkRaw, 3}}
	for i, f := range ifs {
		if id, err := nw.AddInterface("if"+string(rune('0'+i)), f.lt, 65535, f.res); err != nil || id != i {
			t.Fatalf("AddInterface: %d %v", id, err)
		}
	}
	pkts := samplePackets()
	precs := []time.Duration{time.Microsecond, time.Nanosecond, time.Millisecond}
	for i := range pkts {
		pkts[i].InterfaceIndex = i % 3
		pkts[i].LinkType = ifs[i%3].lt
	}
	writeAll(t, nw, pkts)
	r, got, err := readAll(t, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if r.LinkType() != pcap.LinkEthernet || r.Snaplen() != 65535 || r.Nanosecond() {
		t.Errorf("reader header: lt %d snaplen %d nano %v", r.LinkType(), r.Snaplen(), r.Nanosecond())
	}
	for i := range got {
		samePackets(t, got[i:i+1], pkts[i:i+1], precs[i%3])
	}
	gr, err := pcapgo.NewNgReader(bytes.NewReader(buf.Bytes()), pcapgo.NgReaderOptions{WantMixedLinkType: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range got {
		d, ci, err := gr.ReadPacketData()
		if err != nil || !bytes.Equal(d, p.Data) || ci.InterfaceIndex != p.InterfaceIndex || !ci.Timestamp.Equal(p.Timestamp) || ci.Length != p.Length {
			t.Errorf("gopacket packet %d differs (%v)", i, err)
		}
	}
	if err := nw.WritePacket(pcap.Packet{}); err == nil {
		t.Error("write after Close succeeded")
	}
}

// TestPcapngSectionsAndSimplePackets: a second section restarts the
// interface list; an SPB's captured length is capped at the snaplen.
func TestPcapngSectionsAndSimplePackets(t *testing.T) {
	spbBody := le.AppendUint32(nil, 200)
	spbBody = append(spbBody, bytes.Repeat([]byte{'x'}, 100)...)
	file := cat(shb(1, 0), idb(1, 100), ngBlock(3, spbBody, 0), shb(1, 0), idb(113, 0), epb(0, 4, 4, 4))
	_, pkts, err := readAll(t, bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(pkts) != 2 || len(pkts[0].Data) != 100 || pkts[0].Length != 200 || pkts[1].LinkType != pcap.LinkLinuxSLL {
		t.Fatalf("got %d packets: %+v", len(pkts), pkts)
	}
}
