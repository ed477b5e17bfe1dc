// Package printer renders captured packets as text, line for line as
// tcpdump 4.99.3 prints them with `tcpdump -r FILE` (Debian 12's build:
// with libcrypto, without SMB and libsmi). It decodes the headers itself
// (encoding/binary, no gopacket), each printer a port of tcpdump's
// print-*.c, including its truncation markers, its -v/-vv/-vvv forms and
// the bugs of 4.99.3 that show in its output.
//
// What is exact is measured, not claimed: the golden test compares every
// line with tcpdump's over the libpcap and tcpdump test-suite captures
// (../shared/testdata/pcaps) and the synthetic captures in testdata/captures
// (built in Go by the *_synth_test.go files, with every message type, flag,
// name-table value and truncation the corpus lacks) under 16 flag sets:
// -n, -nn -e, -n -q, -n -v, -n -tt, -n -#, -n -X, -nn -vv -S, -n -ttt -xx,
// -n -tttt -A, -n -vvv -e -S, no -n (with fixed name lookups), -e -v,
// -q -ttttt, and two sets over damaged packets (-n -vvv -X, -n -e -A).
// A packet whose decoding reaches a protocol this package does not dissect
// is flagged (Supported false, Protocols names it) and prints tcpdump's
// generic form of the enclosing layer; any other difference fails the test.
//
// # Exact at every flag set
//
//	links       Ethernet (802.1Q/QinQ, 802.3 with 802.2 LLC and SNAP), LINUX_SLL,
//	            LINUX_SLL2, RAW/IPv4/IPv6, BSD NULL/loopback and OpenBSD LOOP,
//	            the 130 link types tcpdump has no printer for either
//	            ("UNSUPPORTED" and a hex dump: NETLINK, USER0-15, ...)
//	layer 2     ARP/RARP, STP/RSTP/MSTP/RPVST+, LLDP (802.1, 802.3, DCBX, MED),
//	            CDP, DTP, VTP, UDLD, LACP/Marker/OAM (slow protocols),
//	            EAPoL/EAP, PPP/PPPoE (LCP, IPCP, IP6CP, CCP, BACP, CHAP, PAP,
//	            MLPPP; link types 9, 50, 51, 166), Cisco HDLC/SLARP (link type
//	            104), Ethernet loopback, MPLS, IPX (802.3, 802.2, Ethernet II; SAP,
//	            RIP), DECnet (routing, NSP), OSI/IS-IS (TE, MT, SPB, SR)
//	network     IPv4 with all options, IPv6 with HBH/DSTOPT/routing/fragment/
//	            jumbo/mobility headers, AH, ESP, IPComp, GRE v0/v1 (PPTP),
//	            ICMP (errors with the quoted packet), ICMPv6 (ND and its
//	            options, MLD/MLDv2, router renumbering, node information, RPL,
//	            mobile IPv6), IGMP v1/v2/v3, mtrace, DVMRP, PIM v1/v2, VRRP,
//	            OSPFv2/OSPFv3 (all LSAs, TE, Grace, LLS, authentication)
//	transport   TCP (flags, relative sequence numbers, every option incl. SACK,
//	            TFO, MPTCP, MD5, AO, SCPS; checksums at -v), UDP, SCTP chunks
//	            with ForCES and M3UA payloads
//	UDP         DNS/mDNS (every record type tcpdump names, EDNS options, -vv
//	            sections), DHCP/BOOTP and DHCPv6 (options at -v), NTP (time and
//	            control messages), SNMP v1/v2c/v3, TFTP, syslog, RIP/RIPng,
//	            RADIUS, ISAKMP/IKEv1/IKEv2 (NAT-T on 4500), Kerberos, AFS/Rx,
//	            Babel, AHCP, sFlow, LDP, Cisco Auto-RP, VXLAN, Geneve, SIP
//	TCP         HTTP, FTP, SMTP, RTSP, WHOIS first lines, SSH banner, Redis
//	            RESP, DNS, BGP (Open with capabilities, Update with every
//	            attribute and MP family, Notification, Keepalive, Route
//	            Refresh, add-path, 4-byte AS), LDP
//	TLS, QUIC, WireGuard  exact as plain TCP/UDP lines: tcpdump 4.99.3 has
//	            no printer for them
//
// # Still generic (flagged)
//
//	IP protocols  DCCP, IGRP, EIGRP, EGP, RSVP, mobile IP, PGM, EtherIP
//	UDP ports     AODV, BCM-LI, BFD, HNCP, HSRP, L2TP, LISP, LMP, LSP ping,
//	              LWAPP, lwres, OLSR, OTV, PTP, SOME/IP, timed, VAT, VQP,
//	              VXLAN-GPE, WB, ZEP, Zephyr, LLAP (AppleTalk over UDP)
//	TCP ports     BEEP, MSDP, OpenFlow, PPTP control, RPKI-RTR, telnet, NFS
//	              and other Sun RPC
//	link layer    AppleTalk/AARP, Realtek, MPCP, CFM, NSH, TIPC, MS NLB,
//	              GeoNetworking, CALM FAST, AoE, PTP, MACsec, Arista
//	              timestamps, CLNP, ES-IS, Q.933, 802.11 radiotap, ATM/frame
//	              relay ARP, RFC 2684 bridged frames, link types other than the
//	              ones above (PPP with direction, 204, is generic in tcpdump
//	              too), the NetBEUI payload of LLC (no SMB in Debian's build)
//	options       CMU BOOTP extensions, DHCP options 4.99.3 has no printer for
//
// Name resolution (no -n) follows addrtoname.c: ports and protocols from
// /etc/services and /etc/protocols, or built-in copies when the image has
// none; hosts through Options.LookupAddr (package capture passes one that
// asks the capture target's resolver) or the system resolver.
package printer
