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
	LinkIPv4      LinkType = 228 // LINKTYPE_IPV4, bare IPv4 only
	LinkIPv6      LinkType = 229 // LINKTYPE_IPV6, bare IPv6 only
)

// KernelForm selects how the program is shaped for a live Linux socket.
type KernelForm int

const (
	// Offline is libpcap's savefile/dead-handle form (tcpdump -r, -d).
	Offline KernelForm = iota
	// LiveEthernet emits the VLAN ancillary loads (SKF_AD_VLAN_TAG*) that
	// libpcap uses on live Linux Ethernet sockets (BPF_SPECIAL_VLAN_HANDLING).
	LiveEthernet
	// Dead is a handle that is not a savefile: pcap_open_dead (tcpdump -d
	// without -r) or a live capture on a non-Ethernet link. Like Offline,
	// except that "inbound", "outbound" and "ifindex" on link types whose
	// header lacks those fields compile to Linux ancillary loads
	// (SKF_AD_PKTTYPE, SKF_AD_IFINDEX) instead of failing, as in libpcap
	// 1.10.3 on Linux.
	Dead
)

// Options tune compilation. The zero value is tcpdump's default: optimized,
// offline form, names resolved with Go's resolver.
type Options struct {
	NoOptimize bool       // tcpdump -O
	Form       KernelForm // Offline unless capturing live on Ethernet
	// LookupHost resolves `host NAME`; nil means net.DefaultResolver.
	LookupHost func(name string) ([]string, error)
	// Netmask is the capture interface's IPv4 netmask (host byte order),
	// used only by "ip broadcast": tcpdump passes pcap_lookupnet's mask
	// for live captures and 0 when reading files (so only all-zero and
	// all-one host parts match). NetmaskUnknown makes "ip broadcast" an
	// error, as libpcap's PCAP_NETMASK_UNKNOWN does.
	Netmask uint32
}

// NetmaskUnknown is libpcap's PCAP_NETMASK_UNKNOWN.
const NetmaskUnknown = 0xffffffff

// ErrUnsupported is wrapped by every error about valid pcap-filter syntax
// that this compiler deliberately does not implement (tier (c)).
var ErrUnsupported = errors.New("unsupported")

// Compile is CompileOptions with the zero Options.
func Compile(expr string, lt LinkType, snaplen uint32) ([]xbpf.RawInstruction, error) {
	return CompileOptions(expr, lt, snaplen, Options{})
}

// graph builds the decision graph of tree with its two return blocks.
func (g *gen) graph(tree node, snaplen uint32) (entry, reject *block, err error) {
	accept := &block{ret: true, retK: snaplen}
	reject = &block{ret: true}
	if tree == nil {
		return accept, reject, nil
	}
	f, err := g.node(tree)
	if err == nil {
		err = g.err
	}
	if err == nil { // finish_parse's two return blocks
		g.poolUsed += 2 * blockBytes
		err = g.checkPool()
	}
	if err != nil {
		return nil, nil, err
	}
	patch(f.t, accept)
	patch(f.f, reject)
	if g.geneve && g.geneveLeaks(f.entry) {
		return nil, nil, unsupported("geneve with later primitives that also run when it does not match")
	}
	if g.varOff {
		// Zero the variable offset parts before anything reads them (the
		// kernel refuses programs that may read unset scratch words).
		init := &block{stmts: []xbpf.RawInstruction{stmt(opLD|mIMM, 0), stmt(opST, regPL), stmt(opST, regLT)},
			jop: jJEQ, jt: f.entry, jf: f.entry, keep: true}
		if g.geneve {
			init.stmts = append(init.stmts, stmt(opST, regLinkHdr))
		}
		return init, reject, nil
	}
	return f.entry, reject, nil
}

// firstLeafError is the error libpcap reports for an expression that
// fails to parse (parseErr, from a syntax error, a lexical error, or
// running out of stack or registers). Its parser compiles each primitive
// as it reduces it, so the first of the primitives completed before the
// failure (done) that does not compile fails first: "port 99999 or ("
// is an illegal port number, not a syntax error.
func firstLeafError(done []node, lt LinkType, o Options, parseErr error) error {
	g, err := newGen(lt, o)
	if err != nil {
		return parseErr
	}
	for _, n := range done {
		if _, err := g.node(n); err != nil {
			return err
		}
		if g.err != nil {
			return g.err
		}
	}
	return parseErr
}

// defaultSnaplen is tcpdump's default snapshot length (MAXIMUM_SNAPLEN),
// used when snaplen is 0.
const defaultSnaplen = 262144

// CompileOptions compiles expr for link type lt; accepted packets return
// snaplen bytes (ret #snaplen), others 0. It returns an error, never a
// program with another meaning, for invalid expressions (a *SyntaxError or
// *SemanticError with libpcap's wording) and for valid ones this compiler
// does not implement (an *UnsupportedError wrapping ErrUnsupported).
func CompileOptions(expr string, lt LinkType, snaplen uint32, o Options) ([]xbpf.RawInstruction, error) {
	if snaplen == 0 {
		snaplen = defaultSnaplen
	}
	tree, done, err := parse(expr)
	if err != nil {
		return nil, firstLeafError(done, lt, o, err)
	}
	g, err := newGen(lt, o)
	if err != nil {
		return nil, err
	}
	entry, reject, err := g.graph(tree, snaplen)
	if err != nil {
		return nil, err
	}
	if !o.NoOptimize {
		if entry, err = optimize(entry, reject, false); err != nil {
			return nil, err
		}
		if entry == reject && !g.geneve { // libpcap does not optimize geneve programs
			g, _ = newGen(lt, o)
			weakEntry, weakReject, _ := g.graph(tree, snaplen)
			if weakEntry, _ = optimize(weakEntry, weakReject, true); weakEntry == weakReject {
				return nil, semErr("expression rejects all packets")
			}
		}
	}
	prog, err := linearize(entry)
	if err != nil {
		return nil, err
	}
	if err := validate(prog); err != nil {
		return nil, err
	}
	return prog, nil
}
