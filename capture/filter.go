package capture

import (
	"fmt"
	"io"
	"os"
	"strings"

	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
	"github.com/gonsenter/gonsenter/internal/linktype"
)

// expression returns the filter text: the -F file with "# comment" runs
// blanked out (read_infile), or the operands joined by spaces (copy_argv).
func (s *session) expression() (string, error) {
	if s.cfg.filterFile == "" {
		return s.cfg.expr, nil
	}
	b, err := readFile(s.cfg.filterFile)
	if err != nil {
		return "", fmt.Errorf("can't open %s: %s", s.cfg.filterFile, strerror(err))
	}
	for i := 0; i < len(b); i++ {
		if b[i] == '#' {
			for i < len(b) && b[i] != '\n' {
				b[i] = ' '
				i++
			}
		}
	}
	return string(b), nil
}

// readFile is os.ReadFile through openFile (the caller's filesystem).
func readFile(name string) ([]byte, error) {
	f, err := openFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// compile is pcap_compile: the error text is libpcap's, printed by the
// caller after the program name.
func (s *session) compile(expr string, lt uint32, snaplen int, form bpf.KernelForm) ([]xbpf.RawInstruction, error) {
	return bpf.CompileOptions(expr, bpf.LinkType(lt), uint32(snaplen), bpf.Options{
		NoOptimize: s.cfg.noOptimize,
		Form:       form,
	})
}

// dumpLevel maps the -d count to bpf_dump's option: 1, 2, or 3 and above.
func dumpLevel(d int) int {
	if d > 3 {
		return 3
	}
	return d
}

// strerror renders an error as C's strerror would: Go's errno texts are
// the same words with a lower-case first letter.
func strerror(err error) string {
	var pe *os.PathError
	if e, ok := err.(*os.PathError); ok {
		pe = e
		err = pe.Err
	}
	m := err.Error()
	if m == "" {
		return m
	}
	return strings.ToUpper(m[:1]) + m[1:]
}

// dumpDead is `tcpdump -d` without -i: a dead handle of the -y link type
// (Ethernet, with a warning, by default) and snaplen (262144 by default).
func (s *session) dumpDead() error {
	c := s.cfg
	d, _ := linktype.ByName("EN10MB")
	if c.yflag != nil {
		d = *c.yflag
	} else {
		fmt.Fprintln(s.stderr, "Warning: assuming Ethernet")
	}
	snap := c.snaplen
	if snap == 0 {
		snap = maxSnaplen
	}
	expr, err := s.expression()
	if err != nil {
		return err
	}
	prog, err := s.compile(expr, d.Type, snap, bpf.Dead)
	if err != nil {
		return err
	}
	return bpf.Dump(s.stdout, prog, dumpLevel(c.dflag))
}
