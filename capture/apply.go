package capture

import (
	"errors"
	"strings"
	"time"

	"github.com/gonsenter/gonsenter/compat/getopt"
	"github.com/gonsenter/gonsenter/internal/linktype"
)

// apply performs one option, with tcpdump.c's validation and messages.
func (c *config) apply(r getopt.Result) (action, error) {
	switch r.Val {
	case 'a': // compatibility for old -a: ignored by tcpdump too
	case 'A':
		c.Aflag = true
	case 'c':
		if c.count = atoi(r.Arg); c.count <= 0 {
			return actRun, errorf("invalid packet count %s", r.Arg)
		}
	case 'd':
		c.dflag++
	case 'D':
		c.listIfaces = true
	case 'e':
		c.eflag = true
	case 'F':
		c.filterFile = r.Arg
	case 'h':
		return actHelp, nil
	case 'i':
		c.device = r.Arg
	case 'l':
		c.lineBuf = true
	case 'L':
		c.listDLTs = true
	case 'n':
		c.nflag++
	case 'O':
		c.noOptimize = true
	case 'p':
		c.noPromisc = true
	case 'q':
		c.qflag = true
	case 'r':
		c.readFile = r.Arg
	case 'S':
		c.absSeq = true
	case 't':
		c.tflag++
	case 'U':
		c.packetBuf = true
	case 'v':
		c.vflag++
	case 'w':
		c.writeFile = r.Arg
	case 'x':
		c.xflag++
	case 'X':
		c.Xflag++
	case 'Z':
		c.user = r.Arg
	case '#':
		c.number = true
	default:
		return c.applyValued(r)
	}
	return actRun, nil
}

// applyValued handles the options whose argument needs checking, the
// long-only options, and the ones gonsenter refuses.
func (c *config) applyValued(r getopt.Result) (action, error) {
	switch r.Val {
	case 'B':
		if c.bufferSize = atoi(r.Arg) * 1024; c.bufferSize <= 0 {
			return actRun, errorf("invalid packet buffer size %s", r.Arg)
		}
	case 'C':
		v, ok := strtol(r.Arg, 10)
		if !ok || v <= 0 {
			return actRun, errorf("invalid file size %s", r.Arg)
		}
		if v > (1<<63-1)/1000000 {
			return actRun, errorf("file size %s is too large", r.Arg)
		}
		c.fileSize = v * 1000000
	case 'G':
		if c.rotateSecs = atoi(r.Arg); c.rotateSecs < 0 {
			return actRun, errorf("invalid number of seconds %s", r.Arg)
		}
		c.gTime = time.Now().Truncate(time.Second)
	case 'Q':
		return actRun, c.setDirection(r.Arg)
	case 's':
		v, ok := strtol(r.Arg, 0)
		if !ok || v < 0 || v > maxSnaplen {
			return actRun, errorf("invalid snaplen %s (must be >= 0 and <= %d)", r.Arg, maxSnaplen)
		}
		c.snaplen = int(v)
	case 'W':
		if c.fileCount = atoi(r.Arg); c.fileCount <= 0 {
			return actRun, errorf("invalid number of output files %s", r.Arg)
		}
	case 'y':
		d, ok := linktype.ByName(r.Arg)
		if !ok {
			return actRun, errorf("invalid data link type %s", r.Arg)
		}
		c.yflag = &d
	default:
		return c.applyLong(r)
	}
	return actRun, nil
}

func (c *config) applyLong(r getopt.Result) (action, error) {
	switch r.Val {
	case optVersion:
		return actVersion, nil
	case 'Y':
		return actRun, usageError{}
	case optPrecision:
		switch {
		case strings.HasPrefix(r.Arg, "nano"):
			c.nano = true
		case strings.HasPrefix(r.Arg, "micro"):
			c.nano = false
		default:
			return actRun, errors.New("unsupported time stamp precision")
		}
	case optMicro:
		c.nano = false
	case optNano:
		c.nano = true
	case optImmediate:
		c.immediate = true
	case optPrint:
		c.print = true
	case optCount:
		c.countMode = true
	case optPcapng:
		c.pcapng = true
	default:
		return actRun, refuse(r)
	}
	return actRun, nil
}

// refuse explains why a valid tcpdump option is not available.
func refuse(r getopt.Result) error {
	why := map[int]string{
		'z': "no post-rotate commands are run",
		'I': "no monitor mode",
		'j': "only the kernel's default time stamps",
		'J': "only the kernel's default time stamps",
		'E': "no ESP decryption",
		'M': "no TCP-MD5 verification",
		'V': "read one file with -r",
		'm': "no SMI MIB modules",
		'T': "no forced packet interpretation",
	}
	return unsupported(r, why[r.Val])
}

// setDirection parses -Q like tcpdump (ASCII case-insensitive).
func (c *config) setDirection(arg string) error {
	switch strings.ToLower(arg) {
	case "in":
		c.direction = dirIn
	case "out":
		c.direction = dirOut
	case "inout":
		c.direction = dirInOut
	default:
		return errorf("unknown capture direction `%s'", arg)
	}
	return nil
}
