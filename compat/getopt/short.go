package getopt

import "strings"

// short handles the next character of a short-option cluster. glibc
// increments optind as soon as it starts on the last character of a word.
func (p *Parser) short() (Result, bool, error) {
	c := p.next[0]
	p.next = p.next[1:]
	if p.next == "" {
		p.optind++
	}
	i := strings.IndexByte(p.shorts, c)
	if i < 0 || c == ':' || c == ';' || c == 0 {
		return p.fail(optopt(c), '?', "invalid option -- '"+string([]byte{c})+"'")
	}
	spec := p.shorts[i+1:]
	if c == 'W' && strings.HasPrefix(spec, ";") && p.longs != nil {
		return p.wordW()
	}
	r := Result{Val: int(c)}
	switch {
	case !strings.HasPrefix(spec, ":"):
		return r, false, nil
	case strings.HasPrefix(spec, "::"):
		// An optional argument is only ever the rest of the cluster:
		// "-n/path" has one, "-n /path" has none.
		if p.next != "" {
			r.Arg, r.HasArg = p.next, true
			p.optind++
		}
	case p.next != "":
		r.Arg, r.HasArg = p.next, true
		p.optind++
	case p.optind == len(p.argv):
		return p.missing(c)
	default:
		// A required argument takes the next word, whatever it is ("-t --").
		r.Arg, r.HasArg = p.argv[p.optind], true
		p.optind++
	}
	p.next = ""
	return r, false, nil
}

// wordW implements POSIX "-W foo" as "--foo" when shorts holds "W;": the
// name is the rest of the cluster or the next word, and messages name the
// option as "-W foo".
func (p *Parser) wordW() (Result, bool, error) {
	if p.next == "" {
		if p.optind == len(p.argv) {
			return p.missing('W')
		}
		p.next = p.argv[p.optind]
	}
	return p.long("-W ")
}

// missing reports a short option whose required argument is absent.
func (p *Parser) missing(c byte) (Result, bool, error) {
	p.next = ""
	code := '?'
	if p.colon {
		code = ':'
	}
	return p.fail(optopt(c), int(code), "option requires an argument -- '"+string([]byte{c})+"'")
}

// optopt converts an option byte the way glibc stores it in optopt: through
// a (signed on x86) char, so bytes >= 0x80 come out negative.
func optopt(c byte) int { return int(int8(c)) }

// fail builds the *Error for msg, prefixed with argv[0] as glibc does.
func (p *Parser) fail(opt, code int, msg string) (Result, bool, error) {
	return Result{}, false, &Error{Msg: p.argv[0] + ": " + msg, Opt: opt, Code: code, Quiet: p.colon}
}
