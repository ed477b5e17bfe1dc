package capture

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gonsenter/gonsenter/compat/getopt"
	"github.com/gonsenter/gonsenter/internal/linktype"
)

// shortOpts is tcpdump 4.99.3's SHORTOPTS as Debian builds it (libpcap with
// pcap_create, findalldevs, tstamp types, setdirection and dump_flush). -Y
// is in the string but, without libpcap's parser debugging, has no case in
// tcpdump's switch: it prints the usage without a message. No leading '+': glibc permutes, so options may follow the
// filter expression (`tcpdump icmp -n`).
const shortOpts = "aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#"

// Long-only option codes, numbered as in tcpdump.c, plus ours.
const (
	optVersion   = 128
	optPrecision = 129
	optImmediate = 130
	optPrint     = 131
	optMicro     = 133
	optNano      = 134
	optFPType    = 135
	optCount     = 136
	optPcapng    = 1000 // gonsenter extension: write pcapng instead of pcap
)

// longOpts is tcpdump 4.99.3's longopts table, in its order (abbreviations
// are resolved against it exactly as glibc does), plus --pcapng.
var longOpts = []getopt.Option{
	{Name: "buffer-size", HasArg: getopt.RequiredArgument, Val: 'B'},
	{Name: "list-interfaces", HasArg: getopt.NoArgument, Val: 'D'},
	{Name: "help", HasArg: getopt.NoArgument, Val: 'h'},
	{Name: "interface", HasArg: getopt.RequiredArgument, Val: 'i'},
	{Name: "monitor-mode", HasArg: getopt.NoArgument, Val: 'I'},
	{Name: "time-stamp-type", HasArg: getopt.RequiredArgument, Val: 'j'},
	{Name: "list-time-stamp-types", HasArg: getopt.NoArgument, Val: 'J'},
	{Name: "micro", HasArg: getopt.NoArgument, Val: optMicro},
	{Name: "nano", HasArg: getopt.NoArgument, Val: optNano},
	{Name: "time-stamp-precision", HasArg: getopt.RequiredArgument, Val: optPrecision},
	{Name: "dont-verify-checksums", HasArg: getopt.NoArgument, Val: 'K'},
	{Name: "list-data-link-types", HasArg: getopt.NoArgument, Val: 'L'},
	{Name: "no-optimize", HasArg: getopt.NoArgument, Val: 'O'},
	{Name: "no-promiscuous-mode", HasArg: getopt.NoArgument, Val: 'p'},
	{Name: "direction", HasArg: getopt.RequiredArgument, Val: 'Q'},
	{Name: "snapshot-length", HasArg: getopt.RequiredArgument, Val: 's'},
	{Name: "absolute-tcp-sequence-numbers", HasArg: getopt.NoArgument, Val: 'S'},
	{Name: "packet-buffered", HasArg: getopt.NoArgument, Val: 'U'},
	{Name: "linktype", HasArg: getopt.RequiredArgument, Val: 'y'},
	{Name: "immediate-mode", HasArg: getopt.NoArgument, Val: optImmediate},
	{Name: "relinquish-privileges", HasArg: getopt.RequiredArgument, Val: 'Z'},
	{Name: "count", HasArg: getopt.NoArgument, Val: optCount},
	{Name: "fp-type", HasArg: getopt.NoArgument, Val: optFPType},
	{Name: "number", HasArg: getopt.NoArgument, Val: '#'},
	{Name: "print", HasArg: getopt.NoArgument, Val: optPrint},
	{Name: "version", HasArg: getopt.NoArgument, Val: optVersion},
	{Name: "pcapng", HasArg: getopt.NoArgument, Val: optPcapng},
}

// maxSnaplen is libpcap's MAXIMUM_SNAPLEN: the default and the upper bound.
const maxSnaplen = 262144

// direction is -Q: which packets the socket delivers.
type direction int

// The three -Q values (PCAP_D_INOUT, PCAP_D_IN, PCAP_D_OUT).
const (
	dirInOut direction = iota
	dirIn
	dirOut
)

// config is everything the command line says, after tcpdump's own checks.
type config struct {
	device     string // -i; "" picks the first interface
	listIfaces bool   // -D
	listDLTs   bool   // -L
	writeFile  string // -w
	readFile   string // -r
	count      int    // -c; 0 = unlimited
	snaplen    int    // -s; 0 = default
	noPromisc  bool   // -p
	direction  direction
	packetBuf  bool // -U
	lineBuf    bool // -l
	nflag      int
	vflag      int
	eflag      bool
	qflag      bool
	tflag      int
	number     bool // -#
	absSeq     bool // -S
	xflag      int
	Xflag      int
	Aflag      bool
	fileSize   int64          // -C, in bytes
	fileCount  int            // -W
	rotateSecs int            // -G
	gTime      time.Time      // when -G was parsed: the first period's start (Gflag_time)
	user       string         // -Z
	yflag      *linktype.Info // -y
	filterFile string         // -F
	dflag      int            // -d count
	noOptimize bool           // -O
	bufferSize int            // -B, in bytes
	immediate  bool
	print      bool // --print
	countMode  bool // --count
	nano       bool // --time-stamp-precision=nano / --nano
	pcapng     bool // --pcapng
	expr       string
}

// exitError ends Main with a status after its message was printed.
type exitError struct{ code int }

func (e exitError) Error() string { return "exit " + strconv.Itoa(e.code) }

// usageError is a getopt failure: glibc's line, then tcpdump's usage text.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// unsupported builds the error for a tcpdump option gonsenter refuses
// rather than silently ignoring.
func unsupported(r getopt.Result, why string) error {
	name := "-" + string(rune(r.Val))
	if r.Long {
		name = "--" + r.Name
	}
	msg := "option " + name + " is not supported by gonsenter"
	if why != "" {
		msg += " (" + why + ")"
	}
	return errors.New(msg)
}

// action is what an option asks for besides setting a field: print the
// version or the usage and stop.
type action int

const (
	actRun action = iota
	actVersion
	actHelp
)

// parseArgs runs getopt over args (args[0] is the program name) and applies
// each option in order, failing at the first bad one as tcpdump does.
func parseArgs(prog string, args []string) (*config, action, error) {
	c := &config{}
	p := getopt.New(append([]string{prog}, args...), shortOpts, longOpts)
	for {
		r, done, err := p.Next()
		if err != nil {
			return nil, actRun, usageError{err.Error()}
		}
		if done {
			break
		}
		act, err := c.apply(r)
		if err != nil || act != actRun {
			return c, act, err
		}
	}
	c.expr = strings.Join(p.Args(), " ")
	return c, actRun, c.check()
}

// check runs tcpdump's cross-option checks made after getopt.
func (c *config) check() error {
	if c.tflag > 5 {
		return errors.New("only -t, -tt, -ttt, -tttt and -ttttt are supported")
	}
	if c.yflag == nil && strings.HasPrefix(c.device, "any") {
		d, _ := linktype.ByName("LINUX_SLL2")
		c.yflag = &d
	}
	return nil
}

// atoi is C's atoi: leading blanks and sign, then digits, ignoring the rest.
func atoi(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	var n int64
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int64(s[i]-'0')
		if n > 1<<31 {
			n = 1 << 31
		}
	}
	if neg {
		n = -n
	}
	return int(int32(n))
}

// strtol is C's strtol(s, &end, base) for base 0 or 10, reporting whether
// the whole string was consumed and fit in an int64 (tcpdump's
// `optarg == end || *end != '\0'` checks on -s and -C).
func strtol(s string, base int) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if base == 0 {
		switch {
		case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isDigit(s[2], 16):
			base, s = 16, s[2:]
		case len(s) > 1 && s[0] == '0':
			base = 8
		default:
			base = 10
		}
	}
	if s == "" {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i], base) {
			return 0, false
		}
		v = v*uint64(base) + uint64(digitVal(s[i]))
		if v > 1<<62 {
			return 0, false
		}
	}
	if neg {
		return -int64(v), true
	}
	return int64(v), true
}

func digitVal(b byte) int {
	switch {
	case b >= '0' && b <= '9':
		return int(b - '0')
	case b >= 'a' && b <= 'z':
		return int(b-'a') + 10
	case b >= 'A' && b <= 'Z':
		return int(b-'A') + 10
	}
	return 99
}

func isDigit(b byte, base int) bool { return digitVal(b) < base }

func errorf(format string, a ...any) error { return fmt.Errorf(format, a...) }
