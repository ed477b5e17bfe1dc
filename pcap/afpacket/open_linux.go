package afpacket

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gonsenter/gonsenter/pcap"
	"golang.org/x/sys/unix"
)

// Handle is an open live capture. ReadPacket or ReadBatch may be called
// from any one goroutine; Close may be called concurrently to stop it (but
// not while a ReadBatch's packets, which point into the ring, are in use),
// and Wake from anywhere.
type Handle struct {
	fd       int
	efd      int    // eventfd written by Close to wake a blocked ReadPacket
	wfd      int    // eventfd written by Wake: a waiting ReadBatch returns
	scratch  []byte // ReadBatch's copies (cooked headers), reused per batch
	ring     *ring
	linkType pcap.LinkType
	cooked   bool
	snaplen  uint32
	dir      Direction
	warning  string
	ifindex  int  // bound device, 0 for any
	netdown  bool // the device went down once: watch for its deletion
	loIndex  int  // ifindex of "lo" in the socket's netns: outgoing copies are dropped
	vlanOff  int  // where VLAN tags are re-inserted (-1: never)

	mu       sync.Mutex // held by ReadPacket; Close takes it after waking it
	wakeOnce sync.Once  // Close writes the eventfd once
	closed   bool
	stats    Stats
	smu      sync.Mutex
	ifDrop   *ifDropCounter // nil unless promiscuous on a device
}

// OpenError is returned by Open with the device and libpcap's diagnosis:
// tcpdump prints "tcpdump: <Device>: <Err>" and, on a second line,
// "(<Detail>)" when Detail is set.
type OpenError struct {
	Device string
	Err    error  // ErrNoSuchDevice, ErrPermission, or a syscall error
	Detail string // e.g. "socket: Operation not permitted"
}

func (e *OpenError) Error() string {
	if e.Detail != "" {
		return e.Device + ": " + e.Err.Error() + " (" + e.Detail + ")"
	}
	return e.Device + ": " + e.Err.Error()
}

func (e *OpenError) Unwrap() error { return e.Err }

// ErrNotUp is wrapped by Open for a device that is down ("tcpdump: eth1:
// That device is not up").
var ErrNotUp = errors.New("That device is not up")

// ErrPermission is wrapped by Open when socket(AF_PACKET) is refused,
// worded as libpcap 1.10 words it.
var ErrPermission = errors.New("You don't have permission to perform this capture on that device")

// Open starts a capture as libpcap's pcap_activate_linux does, with the
// order changed so that no unfiltered packet can be queued: socket with
// protocol 0 (receives nothing), look the device up on that socket,
// attach the filter, set up the TPACKET_V3 ring, then bind to ETH_P_ALL
// and the ifindex, then enable promiscuous mode.
//
// Everything namespace-dependent happens on the calling thread: callers
// that joined a network namespace with setns on a locked thread call Open
// on that thread and may read from anywhere afterwards.
func Open(cfg Config) (*Handle, error) {
	name, err := resolveDevice(cfg.Interface)
	if err != nil {
		return nil, err
	}
	h := &Handle{snaplen: cfg.Snaplen, dir: cfg.Direction, vlanOff: -1, fd: -1, efd: -1, wfd: -1}
	if h.snaplen == 0 {
		h.snaplen = pcap.MaxSnaplen
	}
	if err := h.open(name, cfg); err != nil {
		h.release()
		return nil, err
	}
	return h, nil
}

// resolveDevice maps "" to "any" and a number N to entry N of the
// tcpdump -D list, as tcpdump's find_interface_by_number does.
func resolveDevice(dev string) (string, error) {
	if dev == "" {
		return "any", nil
	}
	n, err := strconv.Atoi(dev)
	if err != nil {
		return dev, nil
	}
	if n < 1 {
		return "", fmt.Errorf("Invalid adapter index")
	}
	list, err := Interfaces()
	if err != nil {
		return "", err
	}
	if n > len(list) {
		return "", fmt.Errorf("Invalid adapter index %d: only %d interfaces found", n, len(list))
	}
	return list[n-1].Name, nil
}

func (h *Handle) open(name string, cfg Config) error {
	if isPseudoDevice(name) {
		return &OpenError{Device: name, Err: errors.New("capturing on this libpcap pseudo-device is not supported")}
	}
	isAny := name == "any"
	ifindex, hatype := 0, 0
	probe, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return openSocketError(name, err)
	}
	if !isAny {
		ifindex, hatype, err = deviceInfo(probe, name)
	}
	h.loIndex, _ = ifIndex(probe, "lo")
	unix.Close(probe)
	if err != nil {
		return err
	}
	if err := h.chooseLinkType(name, isAny, hatype, cfg.LinkType); err != nil {
		return err
	}
	h.raiseCookedSnaplen()
	typ := unix.SOCK_RAW
	if h.cooked {
		typ = unix.SOCK_DGRAM
	}
	if h.fd, err = unix.Socket(unix.AF_PACKET, typ|unix.SOCK_CLOEXEC, 0); err != nil {
		return openSocketError(name, err)
	}
	if err := h.configure(name, ifindex, isAny, cfg); err != nil {
		return err
	}
	if h.efd, err = unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK); err != nil {
		return os.NewSyscallError("eventfd", err)
	}
	h.wfd, err = unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	return os.NewSyscallError("eventfd", err)
}

// configure runs the socket set-up steps in the filter-before-bind order.
func (h *Handle) configure(name string, ifindex int, isAny bool, cfg Config) error {
	if err := attachFilter(h.fd, cfg.Filter); err != nil {
		return &OpenError{Device: name, Err: err}
	}
	if cfg.Direction == In {
		// libpcap's pcap_setdirection_linux: the kernel stops queueing
		// our own transmissions at all.
		unix.SetsockoptInt(h.fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	}
	r, err := newRing(h.fd, cfg)
	if err != nil {
		return &OpenError{Device: name, Err: err}
	}
	h.ring = r
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifindex}
	if err := unix.Bind(h.fd, sa); err != nil {
		return &OpenError{Device: name, Err: os.NewSyscallError("bind", err)}
	}
	// A down device binds fine but leaves ENETDOWN pending on the socket;
	// libpcap's iface_bind reports it as PCAP_ERROR_IFACE_NOT_UP.
	if e, _ := unix.GetsockoptInt(h.fd, unix.SOL_SOCKET, unix.SO_ERROR); e == int(unix.ENETDOWN) {
		return &OpenError{Device: name, Err: ErrNotUp}
	}
	h.ifindex = ifindex
	if cfg.Promisc && !isAny {
		mreq := &unix.PacketMreq{Ifindex: int32(ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(h.fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, mreq); err != nil {
			return &OpenError{Device: name, Err: os.NewSyscallError("setsockopt(PACKET_ADD_MEMBERSHIP)", err)}
		}
		// Like libpcap, interface drops are tracked only in promiscuous
		// mode; a device without counters just reports none.
		h.ifDrop, _ = newIfDropCounter(ifindex)
	}
	return nil
}

func openSocketError(name string, err error) error {
	if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
		return &OpenError{Device: name, Err: ErrPermission, Detail: "socket: " + strerror(err)}
	}
	return &OpenError{Device: name, Err: os.NewSyscallError("socket", err)}
}

// chooseLinkType follows libpcap: "any" is cooked (SLL2 unless SLL is
// asked for); Ethernet and loopback are EN10MB; ARPHRD_NONE (tun,
// WireGuard) is RAW; other hardware types are captured cooked (SLL).
func (h *Handle) chooseLinkType(name string, isAny bool, hatype int, want pcap.LinkType) error {
	switch {
	case isAny || want == pcap.LinkLinuxSLL || want == pcap.LinkLinuxSLL2:
		h.cooked, h.linkType = true, want
		if want != pcap.LinkLinuxSLL {
			h.linkType = pcap.LinkLinuxSLL2
		}
	case hatype == unix.ARPHRD_ETHER || hatype == unix.ARPHRD_LOOPBACK:
		h.linkType, h.vlanOff = pcap.LinkEthernet, 12
	case hatype == unix.ARPHRD_NONE:
		h.linkType = pcap.LinkRaw
	default:
		h.cooked, h.linkType = true, pcap.LinkLinuxSLL
	}
	if want != 0 && want != h.linkType {
		return &OpenError{Device: name, Err: fmt.Errorf("link type %d is not supported on this device (it captures %s)", want, h.linkType.Name())}
	}
	if h.linkType == pcap.LinkLinuxSLL {
		h.vlanOff = 14
	}
	return nil
}

// isPseudoDevice reports whether name is one of the non-network sources
// that tcpdump -D lists.
func isPseudoDevice(name string) bool {
	if name == btMonitor.Name || strings.HasPrefix(name, "usbmon") {
		return true
	}
	for _, d := range laterPseudoDevices {
		if d.Name == name {
			return true
		}
	}
	return false
}

// minCookedSnaplen is what libpcap raises a cooked capture's snapshot
// length to (SLL2_HDR_LEN + 1, for SLL and SLL2 alike).
const minCookedSnaplen = 21

// raiseCookedSnaplen keeps room for the cooked header plus one byte, with
// libpcap's warning (tcpdump prints "tcpdump: WARNING: <warning>").
func (h *Handle) raiseCookedSnaplen() {
	if h.cooked && h.snaplen < minCookedSnaplen {
		h.warning = fmt.Sprintf("snaplen raised from %d to %d", h.snaplen, minCookedSnaplen)
		h.snaplen = minCookedSnaplen
	}
}

// Warning is libpcap's activation warning for this capture, or "".
func (h *Handle) Warning() string { return h.warning }

// deviceInfo looks the device up by name on fd (so in fd's netns) and
// returns its ifindex and ARPHRD_ type.
func deviceInfo(fd int, name string) (int, int, error) {
	idx, err := ifIndex(fd, name)
	if errors.Is(err, unix.ENODEV) {
		return 0, 0, &OpenError{Device: name, Err: ErrNoSuchDevice, Detail: "No such device exists"}
	}
	if err != nil {
		return 0, 0, &OpenError{Device: name, Err: err}
	}
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return 0, 0, &OpenError{Device: name, Err: err}
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFHWADDR, ifr); err != nil {
		return 0, 0, &OpenError{Device: name, Err: os.NewSyscallError("ioctl(SIOCGIFHWADDR)", err)}
	}
	return idx, int(ifr.Uint16()), nil
}

// ifIndex is ioctl(SIOCGIFINDEX) on fd.
func ifIndex(fd int, name string) (int, error) {
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return 0, unix.ENODEV
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFINDEX, ifr); err != nil {
		return 0, err
	}
	return int(ifr.Uint32()), nil
}

// strerror renders an errno like glibc's strerror ("Operation not
// permitted"); Go's messages are the same text in lower case.
func strerror(err error) string {
	s := err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// htons returns v in network byte order as a native uint16, the form
// sockaddr_ll.sll_protocol takes: swapped on little-endian hosts, unchanged
// on big-endian ones (s390x), where an unconditional swap bound the socket
// to protocol 0x0300 and captured nothing.
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}

// defaultTimeout is tcpdump's pcap_open timeout (1000 ms).
const defaultTimeout = time.Second
