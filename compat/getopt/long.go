package getopt

import "strings"

// long handles "--name[=value]" (prefix "--") or the name after "-W"
// (prefix "-W "), following glibc's process_long_option. p.next holds the
// word after the prefix; messages quote it whole, "=value" included.
func (p *Parser) long(prefix string) (Result, bool, error) {
	word := p.next
	p.next = ""
	p.optind++
	name, value, hasValue := strings.Cut(word, "=")
	idx, ambig := p.lookup(name)
	if ambig != nil {
		msg := "option '" + prefix + word + "' is ambiguous; possibilities:"
		for _, i := range ambig {
			msg += " '" + prefix + p.longs[i].Name + "'"
		}
		return p.fail(0, '?', msg)
	}
	if idx < 0 {
		return p.fail(0, '?', "unrecognized option '"+prefix+word+"'")
	}
	o := p.longs[idx]
	r := Result{Val: o.Val, Long: true, Name: o.Name}
	switch {
	case hasValue && o.HasArg == NoArgument:
		return p.fail(o.Val, '?', "option '"+prefix+o.Name+"' doesn't allow an argument")
	case hasValue:
		r.Arg, r.HasArg = value, true
	case o.HasArg != RequiredArgument:
		// An optional long argument is only ever given with '='.
	case p.optind < len(p.argv):
		r.Arg, r.HasArg = p.argv[p.optind], true
		p.optind++
	default:
		code := '?'
		if p.colon {
			code = ':'
		}
		return p.fail(o.Val, int(code), "option '"+prefix+o.Name+"' requires an argument")
	}
	return r, false, nil
}

// lookup finds name in the long table. An exact match wins. Otherwise the
// first option that name abbreviates is taken, unless a later one differs
// from that first one in HasArg or Val: then every such differing option is
// listed, in table order after the first, as glibc builds its ambig_set.
// Extensions (see Extend) are reached by abbreviation only when no option
// of the imitated tool's own table matches.
func (p *Parser) lookup(name string) (idx int, ambig []int) {
	for i, o := range p.longs {
		if o.Name == name {
			return i, nil
		}
	}
	if idx, ambig = p.abbreviation(name, 0, p.nstd); idx >= 0 {
		return idx, ambig
	}
	return p.abbreviation(name, p.nstd, len(p.longs))
}

// abbreviation is glibc's prefix search over longs[from:to].
func (p *Parser) abbreviation(name string, from, to int) (idx int, ambig []int) {
	idx = -1
	for i := from; i < to; i++ {
		o := p.longs[i]
		if !strings.HasPrefix(o.Name, name) {
			continue
		}
		if idx < 0 {
			idx = i
			continue
		}
		if f := p.longs[idx]; f.HasArg != o.HasArg || f.Val != o.Val {
			if ambig == nil {
				ambig = []int{idx}
			}
			ambig = append(ambig, i)
		}
	}
	return idx, ambig
}
