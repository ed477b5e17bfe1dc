// Package capture is gonsenter's tcpdump face: `gonsenter [nsenter options]
// --capture TCPDUMP-ARGS...` and the multi-call name `tcpdump`. It parses
// tcpdump 4.99.3's command line with the same getopt_long string, prints the
// same banners, statistics and errors, and ties together the filter compiler
// (package bpf), the capture files (package pcap), live AF_PACKET capture
// (package pcap/afpacket) and the text printer (package pcap/printer).
//
// Namespaces are not this package's business: Main receives a runner that
// executes a function on a thread inside the target's network namespace, and
// uses it only to look up interfaces, resolve SLL2 interface indexes and
// create the packet socket. Files are opened by the caller's threads (which
// never change mount namespace), so `-w f.pcap` lands on the host.
//
// Capture files are always the caller's (issue #4). With a user, mount, pid
// or time namespace (-U, -m, -p, -T, -a) Main runs in a re-executed
// gonsenter whose threads are all inside the target, so -m gives -Z, name
// resolution and /sys the target's files; but nsenter hands that second
// stage the caller's root directory, opened before anything was entered,
// and every -w, -r, -F and -C/-G file name is resolved beneath it
// (openat2 RESOLVE_IN_ROOT, or the same walk in user space on kernels
// before 5.6, which lack openat2; relative names from the caller's working
// directory; hostfs_linux.go), at the moment tcpdump would open it and with
// the capture's credentials (under -U the target's root). The descriptor is
// closed once every file is open unless -C or -G will create more.
//
// Where gonsenter differs from Debian's tcpdump 4.99.3, on purpose:
//   - --version and the usage text name gonsenter and have no OpenSSL line;
//   - there is no default -Z: Debian's tcpdump drops to user "tcpdump" when
//     run as root, which breaks `-w` into root-owned directories; with -Z USER
//     gonsenter drops exactly as tcpdump does (after opening the socket,
//     before creating the -w file, "dropped privs to USER");
//   - options whose feature is not built in are refused with
//     "option -X is not supported by gonsenter" and status 1 instead of being
//     ignored: -z (no post-rotate commands are run), -I, -j, -J, -K, -E, -M,
//     -V, -m, -T, -b, -f, -H, -N, -u and --fp-type;
//   - --pcapng writes pcapng instead of pcap (tcpdump cannot);
//   - -w output without -U is buffered in 64 KiB instead of stdio's 4 KiB
//     (same bytes, fewer write calls; a reader of an unflushed file or
//     stream sees packets later, as with any buffering);
//   - without -n, a capture run in another network namespace from this
//     process (-t PID -n, the common case) resolves addresses with the
//     target's /proc/PID/root/etc/hosts and resolv.conf, asking from a
//     socket inside that namespace (package internal/rdns), one try of at
//     most 2 s per nameserver; `nsenter -n tcpdump` would read the host's
//     resolv.conf, whose nameserver the container usually cannot reach,
//     and block 5 s × 2 tries per unknown address;
//   - a write error on the -w file (ENOSPC, EIO) ends the capture with
//     "FILE: strerror", the statistics and status 1, and the file is cut
//     back to its last whole record; tcpdump never checks its writes
//     (libpcap issue #87): it goes on counting packets it no longer
//     stores and leaves a torn record;
//   - standard output closed at start (>&-) acts as /dev/null (the Go
//     runtime reopens descriptors 0-2 on /dev/null before main), where
//     tcpdump writes into whatever libpcap opened as fd 1 and, once it
//     flushes (-l), ends with "Unable to write output: Invalid argument";
//   - a live device is opened twice: once without a filter to learn its
//     link type (the filter must be compiled for it, and afpacket attaches it
//     before binding, so no unfiltered packet is ever queued), then for real.
package capture
