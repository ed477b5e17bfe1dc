package difftest

import (
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/gonsenter/gonsenter/bpf"
)

// TestSynthPacketsDecode cross-checks the packet builder with gopacket's
// decoders: every well-formed IP frame must decode on every link type,
// and the protocol mix must be there.
func TestSynthPacketsDecode(t *testing.T) {
	first := map[bpf.LinkType]gopacket.LayerType{
		bpf.LinkEN10MB: layers.LayerTypeEthernet, bpf.LinkLinuxSLL: layers.LayerTypeLinuxSLL,
		bpf.LinkLinuxSLL2: layers.LayerTypeLinuxSLL2, bpf.LinkRAW: layers.LayerTypeIPv4,
		bpf.LinkIPv4: layers.LayerTypeIPv4, bpf.LinkIPv6: layers.LayerTypeIPv6,
	}
	for _, l := range links {
		seen := map[gopacket.LayerType]int{}
		for i, f := range baseFrames() {
			p, ok := linkFrame(f, l.lt, i)
			if !ok || len(f.payload) == 0 {
				continue
			}
			lt := first[l.lt]
			if (l.lt == bpf.LinkRAW || l.lt == bpf.LinkIPv6) && p.data[0]>>4 == 6 {
				lt = layers.LayerTypeIPv6
			}
			pkt := gopacket.NewPacket(p.data, lt, gopacket.Default)
			// Payloads are filler, so application decoders may
			// fail; the network header must not.
			ip := pkt.Layer(layers.LayerTypeIPv4) != nil || pkt.Layer(layers.LayerTypeIPv6) != nil
			oldQinQ := len(f.tags) > 0 && f.tags[0][0] == 0x9100 // unknown to gopacket
			if (f.etype == 0x0800 || f.etype == 0x86dd) && !f.bogus && !oldQinQ && !ip {
				t.Errorf("%s frame %d: IP header does not decode: %v", l.name, i, pkt.ErrorLayer())
			}
			for _, layer := range pkt.Layers() {
				seen[layer.LayerType()]++
			}
		}
		for _, want := range []gopacket.LayerType{layers.LayerTypeIPv4, layers.LayerTypeIPv6, layers.LayerTypeTCP,
			layers.LayerTypeUDP, layers.LayerTypeICMPv4, layers.LayerTypeICMPv6, layers.LayerTypeSCTP, layers.LayerTypeIPv6Fragment} {
			v6only := want == layers.LayerTypeIPv6 || want == layers.LayerTypeICMPv6 || want == layers.LayerTypeIPv6Fragment
			if l.lt == bpf.LinkIPv4 && v6only || l.lt == bpf.LinkIPv6 && (want == layers.LayerTypeIPv4 || want == layers.LayerTypeICMPv4) {
				continue
			}
			if seen[want] == 0 {
				t.Errorf("%s: no %v packet", l.name, want)
			}
		}
		if l.lt == bpf.LinkEN10MB && (seen[layers.LayerTypeDot1Q] == 0 || seen[layers.LayerTypeARP] == 0 || seen[layers.LayerTypeLLC] == 0) {
			t.Errorf("EN10MB: missing VLAN, ARP or LLC: %v", seen)
		}
	}
}
