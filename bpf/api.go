package bpf

import (
	"errors"

	xbpf "golang.org/x/net/bpf"
)

// LinkType is a pcap LINKTYPE_ value (the number stored in pcap files).
type LinkType uint32

// The link types the compiler supports.
const (
	LinkEN10MB    LinkType = 1   // DLT_EN10MB, Ethernet
	LinkRAW       LinkType = 101 // LINKTYPE_RAW (DLT_RAW), bare IPv4/IPv6
	LinkLinuxSLL  LinkType = 113 // Linux cooked v1
	LinkLinuxSLL2 LinkType = 276 // Linux cooked v2 (tcpdump -i any)
)

// KernelForm selects how the program is shaped for a live Linux socket.
type KernelForm int

const (
	// Offline is libpcap's savefile/dead-handle form (tcpdump -r, -d).
	Offline KernelForm = iota
	// LiveEthernet emits the VLAN ancillary loads (SKF_AD_VLAN_TAG*) that
	// libpcap uses on live Linux Ethernet sockets (BPF_SPECIAL_VLAN_HANDLING).
	LiveEthernet
)

// Options tune compilation. The zero value is tcpdump's default: optimized,
// offline form, names resolved with Go's resolver.
type Options struct {
	NoOptimize bool       // tcpdump -O
	Form       KernelForm // Offline unless capturing live on Ethernet
	// LookupHost resolves `host NAME`; nil means net.DefaultResolver.
	LookupHost func(name string) ([]string, error)
}

// ErrUnsupported is wrapped by every error about valid pcap-filter syntax
// that this compiler deliberately does not implement (tier (c)).
var ErrUnsupported = errors.New("unsupported")

// Compile is CompileOptions with the zero Options.
func Compile(expr string, lt LinkType, snaplen uint32) ([]xbpf.RawInstruction, error) {
	return CompileOptions(expr, lt, snaplen, Options{})
}

// CompileOptions compiles expr for link type lt; accepted packets return
// snaplen bytes. It returns an error (never a program with another meaning)
// for invalid or unsupported expressions.
func CompileOptions(expr string, lt LinkType, snaplen uint32, o Options) ([]xbpf.RawInstruction, error) {
	return nil, errors.New("bpf: compiler not implemented yet")
}
