package capture

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/internal/linktype"
	"github.com/gonsenter/gonsenter/pcap"
	"github.com/gonsenter/gonsenter/pcap/afpacket"
)

// liveSetup is what the namespace runner hands back: an open handle and
// the program userland must still run (when the kernel cannot).
type liveSetup struct {
	h        *afpacket.Handle
	device   string
	userProg []xbpf.RawInstruction
}

// inNetns runs fn in the target network namespace, or here without one.
func (s *session) inNetns(fn func() error) error {
	if s.netns == nil {
		return fn()
	}
	return s.netns(fn)
}

// live is tcpdump's live-capture path: open the device (in the target's
// network namespace), compile and attach the filter, open the output, print
// the banner, then capture until -c, a signal, or an output error.
func (s *session) live() error {
	var ls liveSetup
	var dumped bool
	err := s.inNetns(func() error {
		var err error
		ls, dumped, err = s.openLive()
		return err
	})
	if err != nil || dumped {
		return err
	}
	defer ls.h.Close()
	s.ifName = ls.device
	if err := s.dropPrivileges(); err != nil {
		return err
	}
	return s.captureLoop(ls)
}

// openLive resolves the device, learns its link type, compiles the filter
// for it and opens the real capture. It runs inside the namespace runner.
// With -d it prints the program instead and reports dumped.
func (s *session) openLive() (liveSetup, bool, error) {
	c := s.cfg
	dev, err := s.pickDevice()
	if err != nil {
		return liveSetup{}, false, err
	}
	cfg := afpacket.Config{
		Interface:  dev,
		Snaplen:    uint32(c.snaplen),
		Promisc:    !c.noPromisc,
		Direction:  afpacket.Direction(c.direction),
		BufferSize: c.bufferSize / 1024,
		Immediate:  c.immediate,
		Timeout:    s.pollTimeout(),
	}
	lt, snap, err := s.probe(dev, cfg)
	if err != nil {
		return liveSetup{}, false, err
	}
	expr, err := s.expression()
	if err != nil {
		return liveSetup{}, false, err
	}
	prog, err := s.liveProgram(expr, lt, snap)
	if err != nil {
		return liveSetup{}, false, err
	}
	if c.dflag > 0 {
		return liveSetup{}, true, bpf.Dump(s.stdout, prog, dumpLevel(c.dflag))
	}
	ls := liveSetup{device: dev}
	cfg.LinkType = pcap.LinkType(lt)
	cfg.Filter, ls.userProg = kernelProgram(prog, lt)
	if ls.h, err = afpacket.Open(cfg); err != nil {
		return liveSetup{}, false, openError(err)
	}
	return ls, false, nil
}

// pollTimeout is tcpdump's capture timeout: 1 s, or 0.1 s when decoded
// packets go to a terminal or with -l, so they show up promptly.
func (s *session) pollTimeout() time.Duration {
	c := s.cfg
	if (c.writeFile == "" || c.print) && (c.lineBuf || isTerminal(s.stdout)) {
		return 100 * time.Millisecond
	}
	return time.Second
}

// probe opens the device once without a filter to learn its natural link
// type and snapshot length (a filter must be compiled for the link type,
// and afpacket attaches it before binding), applies -L and -y as tcpdump
// does after opening, and closes it again.
func (s *session) probe(dev string, cfg afpacket.Config) (uint32, int, error) {
	cfg.Promisc = false
	h, err := afpacket.Open(cfg)
	if err != nil {
		return 0, 0, openError(err)
	}
	lt, snap := uint32(h.LinkType()), int(h.Snaplen())
	h.Close()
	supported := s.deviceDLTs(dev, lt)
	if s.cfg.listDLTs {
		s.listDLTs(dev, supported)
		return 0, 0, exitError{0}
	}
	y := s.cfg.yflag
	if y == nil {
		return lt, snap, nil
	}
	if !containsDLT(supported, y.Name) {
		return 0, 0, errorf("%s is not one of the DLTs supported by this device", y.Name)
	}
	if y.Name == "DOCSIS" {
		return 0, 0, errors.New("data link type DOCSIS is not supported by gonsenter")
	}
	fmt.Fprintf(s.stderr, "%s: data link type %s\n", s.prog, y.Name)
	return y.Type, snap, nil
}

// deviceDLTs is pcap_list_datalinks on Linux: "any" offers both cooked
// types, Ethernet devices (not loopback) also DOCSIS, others their own.
func (s *session) deviceDLTs(dev string, lt uint32) []linktype.Info {
	var names []string
	switch {
	case dev == "any":
		names = []string{"LINUX_SLL", "LINUX_SLL2"}
	case lt == uint32(pcap.LinkEthernet) && !s.isLoopback(dev):
		names = []string{"EN10MB", "DOCSIS"}
	}
	var out []linktype.Info
	for _, n := range names {
		d, _ := linktype.ByName(n)
		out = append(out, d)
	}
	if out == nil {
		d, ok := linktype.ByType(lt)
		if !ok {
			d = linktype.Info{Name: "DLT " + strconv.Itoa(int(lt))}
		}
		out = append(out, d)
	}
	return out
}

func containsDLT(list []linktype.Info, name string) bool {
	for _, d := range list {
		if d.Name == name {
			return true
		}
	}
	return false
}

// liveProgram compiles the expression as pcap_compile does on a live Linux
// handle: Ethernet programs use the kernel's VLAN ancillary loads; other
// link types are a dead-style handle, where inbound/outbound/ifindex become
// Linux ancillary loads.
func (s *session) liveProgram(expr string, lt uint32, snap int) ([]xbpf.RawInstruction, error) {
	form := bpf.Dead
	if lt == uint32(pcap.LinkEthernet) {
		form = bpf.LiveEthernet
	}
	return s.compile(expr, lt, snap, form)
}

// kernelProgram is libpcap's set_kernel_filter choice: cooked sockets see
// packets without the SLL header, so the program is rewritten
// (fix_program); when that is impossible the kernel gets none and userland
// runs the original, as libpcap's filter_in_userland does.
func kernelProgram(prog []xbpf.RawInstruction, lt uint32) (kernel, user []xbpf.RawInstruction) {
	if lt != uint32(pcap.LinkLinuxSLL) && lt != uint32(pcap.LinkLinuxSLL2) {
		return prog, nil
	}
	fixed, ok := bpf.FixForCookedSocket(prog, bpf.LinkType(lt))
	if !ok {
		return nil, prog
	}
	return fixed, nil
}

// pickDevice is tcpdump's device choice: -i as given; an all-digit name
// that is no interface is entry N of the -D list (find_interface_by_number);
// without -i, the first interface -D lists.
func (s *session) pickDevice() (string, error) {
	dev := s.cfg.device
	if dev != "" && !isAllDigits(dev) {
		return dev, nil
	}
	list, err := afpacket.Interfaces()
	if err != nil {
		return "", err
	}
	if dev == "" {
		if len(list) == 0 {
			return "", errors.New("no interfaces available for capture")
		}
		return list[0].Name, nil
	}
	for _, i := range list {
		if i.Name == dev {
			return dev, nil
		}
	}
	n, err := strconv.Atoi(dev)
	if err != nil || n <= 0 || n > len(list) {
		return "", errors.New("Invalid adapter index")
	}
	return list[n-1].Name, nil
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// listDLTs is show_dlts_and_exit, on stderr as in tcpdump.
func (s *session) listDLTs(dev string, list []linktype.Info) {
	fmt.Fprintf(s.stderr, "Data link types for %s (use option -y to set):\n", dev)
	for _, d := range list {
		switch {
		case d.Desc == "":
			fmt.Fprintf(s.stderr, "  %s (printing not supported)\n", d.Name)
		case d.Name == "DOCSIS":
			fmt.Fprintf(s.stderr, "  %s (%s) (printing not supported)\n", d.Name, d.Desc)
		default:
			fmt.Fprintf(s.stderr, "  %s (%s)\n", d.Name, d.Desc)
		}
	}
}

func (s *session) isLoopback(dev string) bool {
	list, _ := afpacket.Interfaces()
	for _, i := range list {
		if i.Name == dev {
			return i.Flags&afpacket.IfLoopback != 0
		}
	}
	return false
}

// listInterfaces is -D, in the target's network namespace.
func (s *session) listInterfaces() error {
	var list []afpacket.Interface
	err := s.inNetns(func() error {
		var err error
		list, err = afpacket.Interfaces()
		return err
	})
	if err != nil {
		return err
	}
	for _, i := range list {
		fmt.Fprintln(s.stdout, i.String())
	}
	return nil
}
