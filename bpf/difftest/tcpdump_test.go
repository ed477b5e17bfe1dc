package difftest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/pcapgo"
	xbpf "golang.org/x/net/bpf"

	"github.com/gonsenter/gonsenter/bpf"
)

// links are the link types in scope, with tcpdump's DLT names.
var links = []struct {
	name string
	lt   bpf.LinkType
}{
	{"EN10MB", bpf.LinkEN10MB},
	{"LINUX_SLL", bpf.LinkLinuxSLL},
	{"LINUX_SLL2", bpf.LinkLinuxSLL2},
	{"RAW", bpf.LinkRAW},
	{"IPV4", bpf.LinkIPv4},
	{"IPV6", bpf.LinkIPv6},
}

func linkByName(name string) (bpf.LinkType, bool) {
	for _, l := range links {
		if l.name == name {
			return l.lt, true
		}
	}
	return 0, false
}

func linkName(lt bpf.LinkType) string {
	for _, l := range links {
		if l.lt == lt {
			return l.name
		}
	}
	return fmt.Sprint(uint32(lt))
}

// haveTcpdump reports whether the oracle is usable: tcpdump built on
// libpcap 1.10.3, the version whose behaviour the compiler imitates and
// the golden files were recorded from (other versions differ, spec P12).
func haveTcpdump() bool {
	out, err := exec.Command("tcpdump", "--version").CombinedOutput()
	return err == nil && strings.Contains(string(out), "libpcap version 1.10.3")
}

// emptySavefiles writes a header-only pcap per link type: compiling
// against `-r empty.pcap` gives libpcap's savefile handle, exactly what
// `tcpdump -r` filtering uses (spec §9.1; -y would give a dead handle,
// which accepts inbound/ifindex on Ethernet).
func emptySavefiles(t testing.TB) map[bpf.LinkType]string {
	dir := t.TempDir()
	m := map[bpf.LinkType]string{}
	for _, l := range links {
		p := filepath.Join(dir, "empty-"+l.name+".pcap")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := writePcap(f, l.lt, libpcapMaxSnaplen, nil); err != nil {
			t.Fatal(err)
		}
		f.Close()
		m[l.lt] = p
	}
	return m
}

// errInvalid is returned when libpcap refuses the expression.
var errInvalid = errors.New("libpcap rejects the expression")

func tcpdumpArgs(unopt bool, args ...string) []string {
	if unopt {
		return append([]string{"-O"}, args...)
	}
	return args
}

// libpcapProgram returns libpcap's program for expr from `tcpdump -r
// savefile -ddd` (optimized, or unoptimized with unopt: tcpdump -O).
func libpcapProgram(savefile, expr string, unopt bool) ([]xbpf.RawInstruction, error) {
	cmd := exec.Command("tcpdump", tcpdumpArgs(unopt, "-r", savefile, "-ddd", "--", expr)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, tcpdumpError(err, stderr.String(), expr)
	}
	return parseDDD(string(out))
}

func parseDDD(s string) ([]xbpf.RawInstruction, error) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var prog []xbpf.RawInstruction
	for _, l := range lines[1:] {
		var op, jt, jf, k uint32
		if _, err := fmt.Sscanf(l, "%d %d %d %d", &op, &jt, &jf, &k); err != nil {
			return nil, fmt.Errorf("bad -ddd line %q", l)
		}
		prog = append(prog, xbpf.RawInstruction{Op: uint16(op), Jt: uint8(jt), Jf: uint8(jf), K: k})
	}
	return prog, nil
}

// tcpdumpVerdicts is the ground truth (spec §9.1 oracle 1): `tcpdump -r
// FILE -w - EXPR`, mapped back to input indices.
func tcpdumpVerdicts(file string, pkts []packet, expr string, unopt bool) ([]bool, error) {
	cmd := exec.Command("tcpdump", tcpdumpArgs(unopt, "-r", file, "-w", "-", "--", expr)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, tcpdumpError(err, stderr.String(), expr)
	}
	r, err := pcapgo.NewReader(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	r.SetSnaplen(1 << 30)
	var acc [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		acc = append(acc, append([]byte(nil), data...))
	}
	return matchAccepted(pkts, acc)
}

// tcpdumpError tells a refused expression (the file was opened, then
// tcpdump printed its error) from a broken invocation.
func tcpdumpError(err error, stderr, expr string) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && strings.Contains(stderr, "reading from file") && strings.Contains(stderr, "\ntcpdump: ") {
		_, msg, _ := strings.Cut(stderr, "\ntcpdump: ")
		return fmt.Errorf("%w: %s", errInvalid, strings.TrimSpace(msg))
	}
	return fmt.Errorf("tcpdump %q: %v: %s", expr, err, stderr)
}
