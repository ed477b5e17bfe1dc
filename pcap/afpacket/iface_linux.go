package afpacket

import (
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The non-network capture sources libpcap 1.10.3 as built by Debian
// lists in tcpdump -D, in the order of its capture_source_types table
// (Bluetooth monitor, USB monitors, netfilter, D-Bus). They cannot be
// captured on here; they are listed so -D output and -i N numbering match.
var btMonitor = Interface{Name: "bluetooth-monitor", Description: "Bluetooth Linux Monitor", Flags: IfWireless | IfConnNotApplicable}

var laterPseudoDevices = []Interface{
	{Name: "nflog", Description: "Linux netfilter log (NFLOG) interface", Flags: IfConnNotApplicable},
	{Name: "nfqueue", Description: "Linux netfilter queue (NFQUEUE) interface", Flags: IfConnNotApplicable},
	{Name: "dbus-system", Description: "D-Bus system bus", Flags: IfConnNotApplicable},
	{Name: "dbus-session", Description: "D-Bus session bus", Flags: IfConnNotApplicable},
}

// anyDevice is libpcap's "any" entry.
var anyDevice = Interface{Name: "any", Description: "Pseudo-device that captures on all interfaces", Flags: IfUp | IfRunning | IfConnNotApplicable}

// Interfaces lists capture devices in tcpdump -D order, for the network
// namespace of the calling thread: libpcap's pcap_findalldevs adds
// devices in kernel order and keeps the list sorted by its "figure of
// merit" (running, up, connected, non-loopback first; "any" just before
// loopback), ties keeping discovery order.
func Interfaces() ([]Interface, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	defer unix.Close(fd)
	var list []Interface
	for _, ifc := range ifs {
		list = append(list, Interface{Name: ifc.Name, IfIndex: ifc.Index, Flags: deviceFlags(fd, ifc)})
	}
	list = append(list, anyDevice, btMonitor)
	list = append(list, usbMonitors()...)
	list = append(list, laterPseudoDevices...)
	sort.SliceStable(list, func(i, j int) bool { return merit(list[i]) < merit(list[j]) })
	for i := range list {
		list[i].Index = i + 1
	}
	return list, nil
}

// usbMonitors lists /dev/usbmonN in directory order, as libpcap's
// usb_findalldevs does (present only when the usbmon module is loaded).
func usbMonitors() []Interface {
	d, err := os.Open("/dev")
	if err != nil {
		return nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	var list []Interface
	for _, name := range names {
		num, ok := strings.CutPrefix(name, "usbmon")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			continue
		}
		if n == 0 {
			list = append(list, Interface{Name: name, Description: "Raw USB traffic, all USB buses", Flags: IfConnNotApplicable})
		} else {
			list = append(list, Interface{Name: name, Description: "Raw USB traffic, bus number " + num})
		}
	}
	return list
}

// merit is libpcap's get_figure_of_merit (lower sorts first).
func merit(i Interface) uint32 {
	var n uint32
	if i.Flags&IfRunning == 0 {
		n |= 0x80000000
	}
	if i.Flags&IfUp == 0 {
		n |= 0x40000000
	}
	if i.Flags&IfWireless == 0 && i.Flags&IfConnStatus == IfConnDisconnected {
		n |= 0x20000000
	}
	if i.Flags&IfLoopback != 0 {
		n |= 0x10000000
	}
	if i.Name == "any" {
		n |= 0x08000000
	}
	return n
}

// deviceFlags mirrors pcap-linux.c get_if_flags: interface flags, then
// wireless or not, then the link state from ETHTOOL_GLINK.
func deviceFlags(fd int, ifc net.Interface) IfFlags {
	var f IfFlags
	if ifc.Flags&net.FlagUp != 0 {
		f |= IfUp
	}
	if ifc.Flags&net.FlagRunning != 0 {
		f |= IfRunning
	}
	if ifc.Flags&net.FlagLoopback != 0 {
		return f | IfLoopback | IfConnNotApplicable
	}
	if _, err := os.Stat("/sys/class/net/" + ifc.Name + "/wireless"); err == nil {
		f |= IfWireless
	}
	return f | linkState(fd, ifc.Name)
}

// ethtoolValue is struct ethtool_value.
type ethtoolValue struct {
	cmd  uint32
	data uint32
}

// ifreqData is struct ifreq with ifr_data.
type ifreqData struct {
	name [unix.IFNAMSIZ]byte
	data uintptr
	_    [16]byte
}

// linkState asks ETHTOOL_GLINK whether the link is up, as libpcap does.
func linkState(fd int, name string) IfFlags {
	const ethtoolGLink = 0x0000000a
	v := ethtoolValue{cmd: ethtoolGLink}
	var ifr ifreqData
	copy(ifr.name[:unix.IFNAMSIZ-1], name)
	ifr.data = uintptr(unsafe.Pointer(&v))
	_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCETHTOOL, uintptr(unsafe.Pointer(&ifr)))
	switch errno {
	case 0:
	case unix.EOPNOTSUPP, unix.EINVAL:
		return IfConnNotApplicable
	default:
		return IfConnUnknown
	}
	if v.data != 0 {
		return IfConnConnected
	}
	return IfConnDisconnected
}
