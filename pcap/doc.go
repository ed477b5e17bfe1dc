// Package pcap reads and writes capture files (pcap and pcapng) in the
// byte layout tcpdump and libpcap use. It has no syscalls: live capture is
// in package afpacket, text output in package printer.
//
// Reading (NewReader) follows libpcap 1.10.3's savefile code (sf-pcap.c,
// sf-pcapng.c): both byte orders, microsecond and nanosecond pcap, the
// pre-2.3 swapped length fields, pcapng sections, SHB/IDB/EPB/SPB/PB
// blocks with if_tsresol and if_tsoffset. Records longer than the file's
// snapshot length are truncated to it as libpcap does, and damaged files
// fail with libpcap's own messages, which tcpdump prints after
// "tcpdump: " (while opening) or "tcpdump: pcap_loop: " (while reading).
// One deliberate difference: libpcap refuses pcapng files whose
// interfaces differ in link type or snapshot length; this reader accepts
// them and reports each packet's link type in Packet.LinkType.
//
// Writing (NewWriter) produces exactly what tcpdump -w writes: a
// little-endian version 2.4 pcap file with microsecond (or, with nano,
// nanosecond) timestamps. NewNgWriter writes pcapng, which tcpdump 4.99
// cannot write but reads. RotationName and Strftime reproduce the file
// names of tcpdump's -C, -W and -G options.
package pcap
