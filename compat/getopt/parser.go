package getopt

import (
	"os"
	"strings"
)

// Parser walks one argument vector the way glibc 2.36's _getopt_internal_r
// does (posix/getopt.c). It owns a copy of args, which it permutes exactly
// as glibc permutes argv, so Optind and Args agree with C's optind and argv.
type Parser struct {
	argv   []string
	shorts string // the short string without its leading '+' or '-'
	longs  []Option
	nstd   int // longs[:nstd] are the imitated tool's own; the rest are extensions
	order  ordering
	colon  bool // shorts starts with ':' (after '+'/'-'): opterr is off

	optind      int
	next        string // rest of the current short cluster (glibc's __nextchar)
	firstNonopt int    // operands skipped so far occupy argv[firstNonopt:lastNonopt]
	lastNonopt  int
	finished    bool
}

// New starts parsing. args[0] is argv[0] as typed; it prefixes every message.
// shorts is the getopt short string: a leading '+' stops at the first
// operand, a leading '-' returns operands in order as Result{Val: 1}, and
// otherwise operands are permuted behind the options unless POSIXLY_CORRECT
// is set in the environment (_getopt_initialize). A ':' after that prefix
// turns glibc's messages off (Error.Quiet) and makes a missing argument
// report Error.Code ':'. "W;" in shorts makes "-W name" mean "--name".
// A nil longs means plain getopt: "--foo" is then a cluster of short options.
func New(args []string, shorts string, longs []Option) *Parser {
	p := &Parser{argv: append([]string(nil), args...), longs: longs, nstd: len(longs)}
	p.optind, p.firstNonopt, p.lastNonopt = 1, 1, 1
	_, posix := os.LookupEnv("POSIXLY_CORRECT")
	switch {
	case strings.HasPrefix(shorts, "-"):
		p.order, shorts = returnInOrder, shorts[1:]
	case strings.HasPrefix(shorts, "+"):
		p.order, shorts = requireOrder, shorts[1:]
	case posix:
		p.order = requireOrder
	}
	p.shorts, p.colon = shorts, strings.HasPrefix(shorts, ":")
	return p
}

// Optind is glibc's optind: the index in the (permuted) argument vector of
// the next word to look at. After the end it indexes the first operand.
func (p *Parser) Optind() int { return p.optind }

// Args returns the operands once Next has reported done: the program and its
// arguments, or with permutation every non-option in its original order.
// Called earlier in '+' mode it returns the words not yet parsed, which lets
// a caller hand everything after an option such as --capture to another
// parser.
func (p *Parser) Args() []string {
	if p.optind >= len(p.argv) {
		return nil
	}
	return p.argv[p.optind:]
}

// Next returns the next option in argument order, so callers can act on each
// option as it is parsed, as util-linux does. done is true at the end; then
// Args holds the operands. On a parse error it returns an *Error whose text
// the caller prints before its own "Try ... --help" line. Parsing may
// continue after an error, as in C, but callers normally stop.
func (p *Parser) Next() (r Result, done bool, err error) {
	if len(p.argv) == 0 || p.finished {
		return Result{}, true, nil
	}
	if p.next == "" {
		if r, done, stop := p.advance(); stop {
			return r, done, nil
		}
		word := p.argv[p.optind]
		if strings.HasPrefix(word, "--") && p.longs != nil {
			p.next = word[2:]
			return p.long("--")
		}
		p.next = word[1:]
	}
	return p.short()
}

// nonOption is glibc's NONOPTION_P: a word that does not start with '-', or
// a lone "-", is an operand.
func (p *Parser) nonOption(i int) bool {
	w := p.argv[i]
	return len(w) < 2 || w[0] != '-'
}

// advance moves to the next word that starts an option, permuting skipped
// operands behind the options seen since, and handles "--" and the end.
// stop is true when it produced a result (done, or an in-order operand).
func (p *Parser) advance() (r Result, done, stop bool) {
	argc := len(p.argv)
	if p.order == permute {
		if p.firstNonopt != p.lastNonopt && p.lastNonopt != p.optind {
			p.exchange()
		} else if p.lastNonopt != p.optind {
			p.firstNonopt = p.optind
		}
		for p.optind < argc && p.nonOption(p.optind) {
			p.optind++
		}
		p.lastNonopt = p.optind
	}
	// "--" is skipped like an option, then everything after it is treated
	// as operands.
	if p.optind != argc && p.argv[p.optind] == "--" {
		p.optind++
		if p.firstNonopt != p.lastNonopt && p.lastNonopt != p.optind {
			p.exchange()
		} else if p.firstNonopt == p.lastNonopt {
			p.firstNonopt = p.optind
		}
		p.lastNonopt, p.optind = argc, argc
	}
	if p.optind == argc {
		if p.firstNonopt != p.lastNonopt {
			p.optind = p.firstNonopt
		}
		p.finished = true
		return Result{}, true, true
	}
	if p.nonOption(p.optind) {
		if p.order == requireOrder {
			p.finished = true
			return Result{}, true, true
		}
		p.optind++
		return Result{Val: 1, Arg: p.argv[p.optind-1], HasArg: true}, false, true
	}
	return Result{}, false, false
}

// exchange is glibc's exchange(): it swaps the skipped operands
// argv[firstNonopt:lastNonopt] with the options argv[lastNonopt:optind]
// that followed them, keeping the order within each block.
func (p *Parser) exchange() {
	b, m, t := p.firstNonopt, p.lastNonopt, p.optind
	moved := append(append([]string(nil), p.argv[m:t]...), p.argv[b:m]...)
	copy(p.argv[b:t], moved)
	p.firstNonopt += t - m
	p.lastNonopt = t
}

// Extend adds long options that the imitated tool does not have. They work
// spelled in full, and abbreviated when the abbreviation matches none of
// the tool's own options: every abbreviation that means something to the
// original (nsenter's "--r" is --root) keeps that meaning, however many
// extensions share its prefix (--runtime, --runtime-root). Call it before
// the first Next.
func (p *Parser) Extend(exts []Option) *Parser {
	p.longs = append(p.longs[:p.nstd:p.nstd], exts...)
	return p
}
