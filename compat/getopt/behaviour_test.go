package getopt

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"
)

// collect parses args to the end and returns the options as "v=arg" words
// plus the operands.
func collect(t *testing.T, args []string, shorts string, longs []Option) (opts, operands []string) {
	t.Helper()
	p := New(args, shorts, longs)
	for {
		r, done, err := p.Next()
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if done {
			return opts, p.Args()
		}
		s := string(rune(r.Val))
		if r.Long {
			s = r.Name
		}
		if r.HasArg {
			s += "=" + r.Arg
		}
		opts = append(opts, s)
	}
}

// TestTcpdumpPermutation: tcpdump has no '+', so options after the filter
// expression still count and the expression words stay in order.
func TestTcpdumpPermutation(t *testing.T) {
	unsetenv(t, "POSIXLY_CORRECT")
	for _, tc := range []struct {
		args           []string
		opts, operands []string
	}{
		{[]string{"tcpdump", "tcp", "port", "80", "-i", "eth0", "-c5"},
			[]string{"i=eth0", "c=5"}, []string{"tcp", "port", "80"}},
		{[]string{"tcpdump", "host", "192.0.2.1", "-n", "and", "-v", "port", "53"},
			[]string{"n", "v"}, []string{"host", "192.0.2.1", "and", "port", "53"}},
		{[]string{"tcpdump", "tcp", "-n", "--", "-v", "udp"},
			[]string{"n"}, []string{"tcp", "-v", "udp"}},
		{[]string{"tcpdump", "-w", "-", "-", "--interface", "lo"},
			[]string{"w=-", "interface=lo"}, []string{"-"}},
	} {
		opts, operands := collect(t, tc.args, tcpdumpShorts, tcpdumpLongs)
		if !slices.Equal(opts, tc.opts) || !slices.Equal(operands, tc.operands) {
			t.Errorf("%q: got options %q operands %q, want %q %q", tc.args, opts, operands, tc.opts, tc.operands)
		}
	}
}

// TestPosixlyCorrect: with POSIXLY_CORRECT set (any value), tcpdump-style
// parsing stops at the first operand, as glibc does.
func TestPosixlyCorrect(t *testing.T) {
	t.Setenv("POSIXLY_CORRECT", "")
	opts, operands := collect(t, []string{"tcpdump", "-n", "tcp", "-c", "5"}, tcpdumpShorts, tcpdumpLongs)
	if !slices.Equal(opts, []string{"n"}) || !slices.Equal(operands, []string{"tcp", "-c", "5"}) {
		t.Errorf("got %q %q", opts, operands)
	}
}

// TestNsenterCaptureSplit: nsenter's '+' mode leaves everything after
// --capture unparsed in Args, ready for the tcpdump parser.
func TestNsenterCaptureSplit(t *testing.T) {
	p := New([]string{"nsenter", "-t", "1", "-n", "--capt", "-n", "-w", "f.pcap", "tcp"}, nsenterShorts, nsenterLongs)
	for {
		r, done, err := p.Next()
		if err != nil || done {
			t.Fatalf("no --capture: %v", err)
		}
		if r.Val == 260 {
			break
		}
	}
	if want := []string{"-n", "-w", "f.pcap", "tcp"}; !slices.Equal(p.Args(), want) {
		t.Errorf("Args after --capture = %q, want %q", p.Args(), want)
	}
}

// TestErrorFields checks what callers branch on besides the message.
func TestErrorFields(t *testing.T) {
	for _, tc := range []struct {
		shorts string
		args   []string
		want   Error
	}{
		{nsenterShorts, []string{"/usr/bin/nsenter", "-x"}, Error{"/usr/bin/nsenter: invalid option -- 'x'", 'x', '?', false}},
		{nsenterShorts, []string{"nsenter", "--all=1"}, Error{"nsenter: option '--all' doesn't allow an argument", 'a', '?', false}},
		{nsenterShorts, []string{"nsenter", "--keep-caps=1"}, Error{"nsenter: option '--keep-caps' doesn't allow an argument", 258, '?', false}},
		{nsenterShorts, []string{"nsenter", "--bogus=1"}, Error{"nsenter: unrecognized option '--bogus=1'", 0, '?', false}},
		{"+:t:", []string{"nsenter", "-t"}, Error{"nsenter: option requires an argument -- 't'", 't', ':', true}},
		{":t:", []string{"nsenter", "--target"}, Error{"nsenter: option '--target' requires an argument", 't', ':', true}},
	} {
		_, _, err := New(tc.args, tc.shorts, nsenterLongs).Next()
		var e *Error
		if !errors.As(err, &e) || *e != tc.want {
			t.Errorf("%q: got %#v, want %#v", tc.args, err, tc.want)
		}
	}
}

// TestNoArgs: an empty vector (argc 0) ends at once, as glibc returns -1.
func TestNoArgs(t *testing.T) {
	p := New(nil, nsenterShorts, nsenterLongs)
	if _, done, err := p.Next(); !done || err != nil || p.Args() != nil {
		t.Errorf("got done=%v err=%v args=%q", done, err, p.Args())
	}
}

func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "") // registers the restore
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}

// Example shows nsenter-style parsing: options are handled as they come,
// then the operands are the program to run.
func Example() {
	longs := []Option{{"target", RequiredArgument, 't'}, {"net", OptionalArgument, 'n'}, {"all", NoArgument, 'a'}}
	p := New([]string{"nsenter", "--targ", "42", "-n/run/netns/blue", "ip", "-br", "a"}, "+at:n::", longs)
	for {
		r, done, err := p.Next()
		if err != nil {
			fmt.Println(err)
			fmt.Println("Try 'nsenter --help' for more information.")
			return
		}
		if done {
			break
		}
		fmt.Printf("%c %q (HasArg %v)\n", r.Val, r.Arg, r.HasArg)
	}
	fmt.Printf("run %q\n", p.Args())
	// Output:
	// t "42" (HasArg true)
	// n "/run/netns/blue" (HasArg true)
	// run ["ip" "-br" "a"]
}

// TestExtend: extension long options never change what an abbreviation of
// the original table means; they are reached by their full name, and by an
// abbreviation no original option shares, with glibc's ambiguity rules
// among the extensions.
func TestExtend(t *testing.T) {
	std := []Option{{"root", OptionalArgument, 'r'}, {"cgroup", OptionalArgument, 'C'}, {"net", OptionalArgument, 'n'}}
	ext := []Option{{"runtime", RequiredArgument, 300}, {"runtime-root", RequiredArgument, 301},
		{"capture", NoArgument, 302}, {"container", RequiredArgument, 303}, {"netns-list", NoArgument, 304}}
	for _, tc := range []struct {
		arg  string
		want string // "Name=Arg" of the result, or the error
	}{
		{"--r=/x", "root=/x"},                  // util-linux: --r is --root
		{"--c", "cgroup"},                      // not ambiguous with --capture/--container
		{"--ne", "net"},                        // not ambiguous with --netns-list
		{"--runtime=docker", "runtime=docker"}, // exact
		{"--runtime-root=/d", "runtime-root=/d"},
		{"--runtime-r=/d", "runtime-root=/d"}, // unique among extensions
		{"--cap", "capture"},                  // no original option starts with "cap"
		{"--cont=web", "container=web"},
		{"--ru=x", "x: option '--ru=x' is ambiguous; possibilities: '--runtime' '--runtime-root'"},
		{"--co=x", "container=x"},
		{"--bogus", "x: unrecognized option '--bogus'"},
	} {
		p := New([]string{"x", tc.arg}, "+", std).Extend(ext)
		r, _, err := p.Next()
		got := r.Name
		if r.HasArg {
			got += "=" + r.Arg
		}
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.arg, got, tc.want)
		}
	}
}
