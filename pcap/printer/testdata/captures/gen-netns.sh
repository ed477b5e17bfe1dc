#!/bin/sh
# Regenerates netns-veth.pcap (EN10MB) and netns-any.pcap (LINUX_SLL2):
# real traffic between two throw-away network namespaces on documentation
# addresses (ARP, ND, ICMP/ICMPv6 echo and errors, HTTP, DNS). Needs root,
# tcpdump, curl, busybox and python3. Run from this directory. The veth gets
# ifindex 4000 so `tcpdump -r` prints "?" for it on any machine.
set -eu
A=printer-a B=printer-b
T1= T2= DNS= HTTPD=
cleanup() {
	for pid in $T1 $T2 $DNS $HTTPD; do kill "$pid" 2>/dev/null || true; done
	ip netns del $A 2>/dev/null || true; ip netns del $B 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add $A; ip netns add $B
ip link add pta0 index 4000 netns $A type veth peer name ptb0 index 4001 netns $B
ip -n $A link set lo up; ip -n $B link set lo up
ip -n $A addr add 192.0.2.1/24 dev pta0; ip -n $B addr add 192.0.2.2/24 dev ptb0
ip -n $A addr add 2001:db8::1/64 dev pta0 nodad; ip -n $B addr add 2001:db8::2/64 dev ptb0 nodad
ip -n $A link set pta0 up; ip -n $B link set ptb0 up
mkdir -p /tmp/printer-www && echo "hello from the printer test" > /tmp/printer-www/index.html
ip netns exec $B busybox httpd -f -p 8080 -h /tmp/printer-www &
HTTPD=$!
ip netns exec $B python3 -c '
import socket,struct
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("192.0.2.2",53))
for _ in range(4):
    q,a=s.recvfrom(512)
    qd=q[12:]; end=qd.index(0)+5; qtype=struct.unpack("!H",qd[end-4:end-2])[0]
    hdr=q[:2]+b"\x81\x80"+b"\x00\x01"+(b"\x00\x01" if qtype==1 else b"\x00\x00")+b"\x00\x00\x00\x00"
    ans=b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x01\x2c\x00\x04\xc0\x00\x02\x50" if qtype==1 else b""
    s.sendto(hdr+qd[:end]+ans,a)
' &
DNS=$!
sleep 0.5
ip netns exec $A tcpdump -i any -U -w netns-any.pcap 2>/dev/null &
T1=$!
ip netns exec $A tcpdump -i pta0 -U -w netns-veth.pcap 2>/dev/null &
T2=$!
sleep 1
ip netns exec $A busybox ping -c 2 -i 0.2 192.0.2.2 >/dev/null
ip netns exec $A busybox ping6 -c 2 -i 0.2 2001:db8::2 >/dev/null
ip netns exec $A curl -s -o /dev/null http://192.0.2.2:8080/index.html
ip netns exec $A curl -s -o /dev/null "http://[2001:db8::2]:8080/index.html"
ip netns exec $A busybox nslookup example.com 192.0.2.2 >/dev/null 2>&1 || true
ip netns exec $A python3 -c 'import socket,time
for fam, addr in ((socket.AF_INET, "192.0.2.2"), (socket.AF_INET6, "2001:db8::2")):
    socket.socket(fam, socket.SOCK_DGRAM).sendto(b"probe", (addr, 9)); time.sleep(0.1)'

ip netns exec $A curl -s -o /dev/null --max-time 1 http://192.0.2.2:81/ || true
sleep 1
kill $T1 $T2; wait $T1 $T2 2>/dev/null || true
T1= T2=
