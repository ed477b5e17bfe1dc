// Package linktype is libpcap 1.10.3's table of link-layer header types:
// the name tcpdump -y accepts and -L lists, the description tcpdump prints
// after it ("link-type EN10MB (Ethernet)") and in filter compiler errors,
// and the LINKTYPE_ number stored in capture files. The capture front end
// and the filter compiler share it so the two never disagree on a name.
package linktype

import (
	"strconv"
	"strings"
)

// Info is one entry of libpcap's dlt_choices table.
type Info struct {
	Name, Desc string
	Type       uint32
}

// table is what tcpdump 4.99.3 (libpcap 1.10.3) prints for every link type
// of a capture file ("link-type NAME (DESC)"), recorded from it for 0-299.
// Types 11, 12, 15, 16 and 19 are DLT values that files also carry; they
// read as their LINKTYPE twins (alias). Types libpcap has no name for
// print as a bare number.
var table = []Info{
	{"NULL", "BSD loopback", 0},
	{"EN10MB", "Ethernet", 1},
	{"IEEE802", "Token ring", 6},
	{"ARCNET", "BSD ARCNET", 7},
	{"SLIP", "SLIP", 8},
	{"PPP", "PPP", 9},
	{"FDDI", "FDDI", 10},
	{"PPP_SERIAL", "PPP over serial", 50},
	{"PPP_ETHER", "PPPoE", 51},
	{"SYMANTEC_FIREWALL", "Symantec Firewall", 99},
	{"ATM_RFC1483", "RFC 1483 LLC-encapsulated ATM", 100},
	{"RAW", "Raw IP", 101},
	{"SLIP_BSDOS", "BSD/OS SLIP", 102},
	{"PPP_BSDOS", "BSD/OS PPP", 103},
	{"C_HDLC", "Cisco HDLC", 104},
	{"IEEE802_11", "802.11", 105},
	{"ATM_CLIP", "Linux Classical IP over ATM", 106},
	{"FRELAY", "Frame Relay", 107},
	{"LOOP", "OpenBSD loopback", 108},
	{"ENC", "OpenBSD encapsulated IP", 109},
	{"LINUX_SLL", "Linux cooked v1", 113},
	{"LTALK", "Localtalk", 114},
	{"PFLOG", "OpenBSD pflog file", 117},
	{"PRISM_HEADER", "802.11 plus Prism header", 119},
	{"IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel", 122},
	{"SUNATM", "Sun raw ATM", 123},
	{"IEEE802_11_RADIO", "802.11 plus radiotap header", 127},
	{"ARCNET_LINUX", "Linux ARCNET", 129},
	{"JUNIPER_MLPPP", "Juniper Multi-Link PPP", 130},
	{"JUNIPER_MLFR", "Juniper Multi-Link Frame Relay", 131},
	{"JUNIPER_ES", "Juniper Encryption Services PIC", 132},
	{"JUNIPER_GGSN", "Juniper GGSN PIC", 133},
	{"JUNIPER_MFR", "Juniper FRF.16 Frame Relay", 134},
	{"JUNIPER_ATM2", "Juniper ATM2 PIC", 135},
	{"JUNIPER_SERVICES", "Juniper Advanced Services PIC", 136},
	{"JUNIPER_ATM1", "Juniper ATM1 PIC", 137},
	{"APPLE_IP_OVER_IEEE1394", "Apple IP-over-IEEE 1394", 138},
	{"MTP2_WITH_PHDR", "SS7 MTP2 with Pseudo-header", 139},
	{"MTP2", "SS7 MTP2", 140},
	{"MTP3", "SS7 MTP3", 141},
	{"SCCP", "SS7 SCCP", 142},
	{"DOCSIS", "DOCSIS", 143},
	{"LINUX_IRDA", "Linux IrDA", 144},
	{"IEEE802_11_RADIO_AVS", "802.11 plus AVS radio information header", 163},
	{"JUNIPER_MONITOR", "Juniper Passive Monitor PIC", 164},
	{"BACNET_MS_TP", "BACnet MS/TP", 165},
	{"PPP_PPPD", "PPP for pppd, with direction flag", 166},
	{"JUNIPER_PPPOE", "Juniper PPPoE", 167},
	{"JUNIPER_PPPOE_ATM", "Juniper PPPoE/ATM", 168},
	{"GPRS_LLC", "GPRS LLC", 169},
	{"GPF_T", "GPF-T", 170},
	{"GPF_F", "GPF-F", 171},
	{"JUNIPER_PIC_PEER", "Juniper PIC Peer", 174},
	{"ERF_ETH", "Ethernet with Endace ERF header", 175},
	{"ERF_POS", "Packet-over-SONET with Endace ERF header", 176},
	{"LINUX_LAPD", "Linux vISDN LAPD", 177},
	{"JUNIPER_ETHER", "Juniper Ethernet", 178},
	{"JUNIPER_PPP", "Juniper PPP", 179},
	{"JUNIPER_FRELAY", "Juniper Frame Relay", 180},
	{"JUNIPER_CHDLC", "Juniper C-HDLC", 181},
	{"MFR", "FRF.16 Frame Relay", 182},
	{"JUNIPER_VP", "Juniper Voice PIC", 183},
	{"A429", "Arinc 429", 184},
	{"A653_ICM", "Arinc 653 Interpartition Communication", 185},
	{"USB_FREEBSD", "USB with FreeBSD header", 186},
	{"BLUETOOTH_HCI_H4", "Bluetooth HCI UART transport layer", 187},
	{"IEEE802_16_MAC_CPS", "IEEE 802.16 MAC Common Part Sublayer", 188},
	{"USB_LINUX", "USB with Linux header", 189},
	{"CAN20B", "Controller Area Network (CAN) v. 2.0B", 190},
	{"IEEE802_15_4_LINUX", "IEEE 802.15.4 with Linux padding", 191},
	{"PPI", "Per-Packet Information", 192},
	{"IEEE802_16_MAC_CPS_RADIO", "IEEE 802.16 MAC Common Part Sublayer plus radiotap header", 193},
	{"JUNIPER_ISM", "Juniper Integrated Service Module", 194},
	{"IEEE802_15_4", "IEEE 802.15.4 with FCS", 195},
	{"SITA", "SITA pseudo-header", 196},
	{"ERF", "Endace ERF header", 197},
	{"RAIF1", "Ethernet with u10 Networks pseudo-header", 198},
	{"IPMB_KONTRON", "IPMB with Kontron pseudo-header", 199},
	{"JUNIPER_ST", "Juniper Secure Tunnel", 200},
	{"BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART transport layer plus pseudo-header", 201},
	{"AX25_KISS", "AX.25 with KISS header", 202},
	{"IPMB_LINUX", "IPMB with Linux/Pigeon Point pseudo-header", 209},
	{"IEEE802_15_4_NONASK_PHY", "IEEE 802.15.4 with non-ASK PHY data", 215},
	{"LINUX_EVDEV", "Linux evdev events", 216},
	{"MPLS", "MPLS with label as link-layer header", 219},
	{"USB_LINUX_MMAPPED", "USB with padded Linux header", 220},
	{"DECT", "DECT", 221},
	{"AOS", "AOS Space Data Link protocol", 222},
	{"WIHART", "Wireless HART", 223},
	{"FC_2", "Fibre Channel FC-2", 224},
	{"FC_2_WITH_FRAME_DELIMS", "Fibre Channel FC-2 with frame delimiters", 225},
	{"IPNET", "Solaris ipnet", 226},
	{"CAN_SOCKETCAN", "CAN-bus with SocketCAN headers", 227},
	{"IPV4", "Raw IPv4", 228},
	{"IPV6", "Raw IPv6", 229},
	{"IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS", 230},
	{"DBUS", "D-Bus", 231},
	{"JUNIPER_VS", "Juniper Virtual Server", 232},
	{"JUNIPER_SRX_E2E", "Juniper SRX E2E", 233},
	{"JUNIPER_FIBRECHANNEL", "Juniper Fibre Channel", 234},
	{"DVB_CI", "DVB-CI", 235},
	{"MUX27010", "MUX27010", 236},
	{"STANAG_5066_D_PDU", "STANAG 5066 D_PDUs", 237},
	{"JUNIPER_ATM_CEMIC", "Juniper ATM CEMIC", 238},
	{"NFLOG", "Linux netfilter log messages", 239},
	{"NETANALYZER", "Ethernet with Hilscher netANALYZER pseudo-header", 240},
	{"NETANALYZER_TRANSPARENT", "Ethernet with Hilscher netANALYZER pseudo-header and with preamble and SFD", 241},
	{"IPOIB", "RFC 4391 IP-over-Infiniband", 242},
	{"MPEG_2_TS", "MPEG-2 transport stream", 243},
	{"NG40", "ng40 protocol tester Iub/Iur", 244},
	{"NFC_LLCP", "NFC LLCP PDUs with pseudo-header", 245},
	{"PFSYNC", "Packet filter state syncing", 246},
	{"INFINIBAND", "InfiniBand", 247},
	{"SCTP", "SCTP", 248},
	{"USBPCAP", "USB with USBPcap header", 249},
	{"RTAC_SERIAL", "Schweitzer Engineering Laboratories RTAC packets", 250},
	{"BLUETOOTH_LE_LL", "Bluetooth Low Energy air interface", 251},
	{"NETLINK", "Linux netlink", 253},
	{"BLUETOOTH_LINUX_MONITOR", "Bluetooth Linux Monitor", 254},
	{"BLUETOOTH_BREDR_BB", "Bluetooth Basic Rate/Enhanced Data Rate baseband packets", 255},
	{"BLUETOOTH_LE_LL_WITH_PHDR", "Bluetooth Low Energy air interface with pseudo-header", 256},
	{"PROFIBUS_DL", "PROFIBUS data link layer", 257},
	{"PKTAP", "Apple DLT_PKTAP", 258},
	{"EPON", "Ethernet with 802.3 Clause 65 EPON preamble", 259},
	{"IPMI_HPM_2", "IPMI trace packets", 260},
	{"ZWAVE_R1_R2", "Z-Wave RF profile R1 and R2 packets", 261},
	{"ZWAVE_R3", "Z-Wave RF profile R3 packets", 262},
	{"WATTSTOPPER_DLM", "WattStopper Digital Lighting Management (DLM) and Legrand Nitoo Open protocol", 263},
	{"ISO_14443", "ISO 14443 messages", 264},
	{"RDS", "IEC 62106 Radio Data System groups", 265},
	{"USB_DARWIN", "USB with Darwin header", 266},
	{"OPENFLOW", "OpenBSD DLT_OPENFLOW", 267},
	{"SDLC", "IBM SDLC frames", 268},
	{"TI_LLN_SNIFFER", "TI LLN sniffer frames", 269},
	{"VSOCK", "Linux vsock", 271},
	{"NORDIC_BLE", "Nordic Semiconductor Bluetooth LE sniffer frames", 272},
	{"DOCSIS31_XRA31", "Excentis XRA-31 DOCSIS 3.1 RF sniffer frames", 273},
	{"ETHERNET_MPACKET", "802.3br mPackets", 274},
	{"DISPLAYPORT_AUX", "DisplayPort AUX channel monitoring data", 275},
	{"LINUX_SLL2", "Linux cooked v2", 276},
	{"OPENVIZSLA", "OpenVizsla USB", 278},
	{"EBHSCR", "Elektrobit High Speed Capture and Replay (EBHSCR)", 279},
	{"VPP_DISPATCH", "VPP graph dispatch tracer", 280},
	{"DSA_TAG_BRCM", "Broadcom tag", 281},
	{"DSA_TAG_BRCM_PREPEND", "Broadcom tag (prepended)", 282},
	{"IEEE802_15_4_TAP", "IEEE 802.15.4 with pseudo-header", 283},
	{"DSA_TAG_DSA", "Marvell DSA", 284},
	{"DSA_TAG_EDSA", "Marvell EDSA", 285},
	{"ELEE", "ELEE lawful intercept packets", 286},
	{"Z_WAVE_SERIAL", "Z-Wave serial frames between host and chip", 287},
	{"USB_2_0", "USB 2.0/1.1/1.0 as transmitted over the cable", 288},
	{"ATSC_ALP", "ATSC Link-Layer Protocol packets", 289}}

// alias maps the DLT values libpcap's linktype_to_dlt passes through
// from a file to the LINKTYPE of the same name.
func alias(lt uint32) uint32 {
	switch lt {
	case 11:
		return 100 // ATM_RFC1483
	case 12:
		return 101 // RAW
	case 15:
		return 102 // SLIP_BSDOS
	case 16:
		return 103 // PPP_BSDOS
	case 19:
		return 106 // ATM_CLIP
	}
	return lt
}

// ByName finds a -y argument; libpcap compares names case-insensitively
// and accepts no DLT_ prefix and no numbers.
func ByName(name string) (Info, bool) {
	for _, d := range table {
		if strings.EqualFold(d.Name, name) {
			return d, true
		}
	}
	return Info{}, false
}

// ByType finds the entry for a capture file's link type.
func ByType(lt uint32) (Info, bool) {
	lt = alias(lt)
	for _, d := range table {
		if d.Type == lt {
			return d, true
		}
	}
	return Info{}, false
}

// All returns the table in link type order.
func All() []Info { return append([]Info(nil), table...) }

// Description is pcap_datalink_val_to_description_or_dlt: the description,
// or "DLT N" for a type libpcap has no name for.
func Description(lt uint32) string {
	if d, ok := ByType(lt); ok && d.Desc != "" {
		return d.Desc
	}
	return "DLT " + strconv.FormatUint(uint64(lt), 10)
}
