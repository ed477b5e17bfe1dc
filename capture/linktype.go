package capture

import (
	"strconv"
	"strings"
)

// dlt is one entry of libpcap's dlt_choices table: the name -y accepts, the
// description tcpdump prints after it, and the LINKTYPE_ number stored in
// capture files. Only link types gonsenter can compile filters for or that
// appear in everyday captures are listed; others print as a bare number, as
// tcpdump does for names libpcap does not know.
type dlt struct {
	name, desc string
	linktype   uint32
}

// dlts mirrors pcap_datalink_val_to_name/description of libpcap 1.10.3.
var dlts = []dlt{
	{"NULL", "BSD loopback", 0},
	{"EN10MB", "Ethernet", 1},
	{"IEEE802", "Token ring", 6},
	{"ARCNET", "BSD ARCNET", 7},
	{"SLIP", "SLIP", 8},
	{"PPP", "PPP", 9},
	{"FDDI", "FDDI", 10},
	{"RAW", "Raw IP", 101},
	{"C_HDLC", "Cisco HDLC", 104},
	{"IEEE802_11", "802.11", 105},
	{"LOOP", "OpenBSD loopback", 108},
	{"LINUX_SLL", "Linux cooked v1", 113},
	{"IEEE802_11_RADIO", "802.11 plus radiotap header", 127},
	{"USB_LINUX", "USB with Linux header", 189},
	{"USB_LINUX_MMAPPED", "USB with padded Linux header", 220},
	{"IPV4", "Raw IPv4", 228},
	{"IPV6", "Raw IPv6", 229},
	{"NETLINK", "Linux netlink", 253},
	{"NFLOG", "Linux netfilter log messages", 239},
	{"DOCSIS", "DOCSIS", 143},
	{"LINUX_SLL2", "Linux cooked v2", 276},
}

// dltByName finds a -y argument; libpcap compares names case-insensitively
// and accepts no DLT_ prefix and no numbers.
func dltByName(name string) (dlt, bool) {
	for _, d := range dlts {
		if strings.EqualFold(d.name, name) {
			return d, true
		}
	}
	return dlt{}, false
}

// dltByLinktype finds the entry for a capture file's link type.
func dltByLinktype(lt uint32) (dlt, bool) {
	for _, d := range dlts {
		if d.linktype == lt {
			return d, true
		}
	}
	return dlt{}, false
}

// linkTypeText is tcpdump's ", link-type NAME (DESC)" fragment, or
// ", link-type N" for a type libpcap has no name for.
func linkTypeText(lt uint32) string {
	if d, ok := dltByLinktype(lt); ok {
		return ", link-type " + d.name + " (" + d.desc + ")"
	}
	return ", link-type " + strconv.FormatUint(uint64(lt), 10)
}
