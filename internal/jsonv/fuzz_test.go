package jsonv_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/internal/jsonv"
)

// FuzzParse checks, for arbitrary input, that Parse never panics, accepts
// exactly what json.Valid accepts, and builds the same tree as
// json.Unmarshal into any.
func FuzzParse(f *testing.F) {
	for _, d := range differentialDocs(rand.New(rand.NewPCG(3, 4)), 150, 2) {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstStd(t, data)
	})
}

// differentialDocs returns the corpus, n random documents, and perDoc random
// mutations of each of those.
func differentialDocs(r *rand.Rand, n, perDoc int) [][]byte {
	var base [][]byte
	for _, c := range corpus {
		base = append(base, []byte(c))
	}
	for range n {
		g := gen{r: r}
		g.value(0)
		base = append(base, g.b)
	}
	docs := append([][]byte(nil), base...)
	for _, d := range base {
		for range perDoc {
			docs = append(docs, mutate(r, d))
		}
	}
	return docs
}

// checkAgainstStd is the differential property shared by the tests and the
// fuzzer.
func checkAgainstStd(t testing.TB, data []byte) {
	t.Helper()
	v, err := jsonv.Parse(data)
	if valid := json.Valid(data); (err == nil) != valid {
		t.Fatalf("Parse(%q) error = %v, json.Valid = %v", data, err, valid)
	}
	if err != nil {
		var se *jsonv.SyntaxError
		if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(data) ||
			strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("Parse(%q): malformed error %#v", data, err)
		}
		return
	}
	var want any
	stdErr := json.Unmarshal(data, &want)
	got, convErr := toAny(v)
	if (stdErr != nil) != (convErr != nil) {
		t.Fatalf("Parse(%q): conversion error %v, encoding/json error %v", data, convErr, stdErr)
	}
	if convErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("Parse(%q) = %#v, encoding/json = %#v", data, got, want)
	}
}

// toAny converts a Value into what json.Unmarshal produces for an any,
// checking the accessors along the way. It fails where encoding/json does:
// on numbers out of float64 range.
func toAny(v jsonv.Value) (any, error) {
	switch v.Kind() {
	case jsonv.Null:
		return nil, nil
	case jsonv.Bool:
		return v.Bool(), nil
	case jsonv.String:
		return v.Str(), nil
	case jsonv.Number:
		return numberToAny(v)
	case jsonv.Array:
		return arrayToAny(v)
	case jsonv.Object:
		return objectToAny(v)
	}
	return nil, errors.New("bad kind " + strconv.Itoa(int(v.Kind())))
}

// numberToAny converts a Number and cross-checks Int and Uint with strconv.
func numberToAny(v jsonv.Value) (any, error) {
	raw := v.Raw()
	plain := !strings.ContainsAny(raw, ".eE")
	i, iok := v.Int()
	si, serr := strconv.ParseInt(raw, 10, 64)
	if iok != (plain && serr == nil) || iok && i != si {
		return nil, errors.New("Int mismatch for " + raw)
	}
	u, uok := v.Uint()
	su, suerr := strconv.ParseUint(raw, 10, 64)
	if uok != (plain && (suerr == nil || raw == "-0")) || uok && u != su {
		return nil, errors.New("Uint mismatch for " + raw)
	}
	return strconv.ParseFloat(raw, 64)
}

func arrayToAny(v jsonv.Value) (any, error) {
	out := make([]any, v.Len())
	for i, e := range v.Elems() {
		x, err := toAny(e)
		if err != nil {
			return nil, err
		}
		if !sameShallow(e, v.Index(i)) {
			return nil, errors.New("Index disagrees with Elems")
		}
		out[i] = x
	}
	return out, nil
}

// objectToAny builds the map with later duplicates overwriting earlier ones,
// and checks that Get returns the last member of each key. The check is
// shallow so that deeply nested hostile input stays linear.
func objectToAny(v jsonv.Value) (any, error) {
	out := make(map[string]any, v.Len())
	last := make(map[string]jsonv.Value, v.Len())
	for _, m := range v.Members() {
		x, err := toAny(m.Value)
		if err != nil {
			return nil, err
		}
		out[m.Key] = x
		last[m.Key] = m.Value
	}
	for k, want := range last {
		if !sameShallow(v.Get(k), want) {
			return nil, errors.New("Get(" + strconv.Quote(k) + ") is not the last member")
		}
	}
	return out, nil
}

// sameShallow compares two values without descending into them; for
// containers it compares the backing arrays of their slices.
func sameShallow(a, b jsonv.Value) bool {
	if a.Kind() != b.Kind() || a.Len() != b.Len() || a.Str() != b.Str() ||
		a.Raw() != b.Raw() || a.Bool() != b.Bool() {
		return false
	}
	switch {
	case a.Len() == 0:
		return true
	case a.Kind() == jsonv.Array:
		return &a.Elems()[0] == &b.Elems()[0]
	default:
		return &a.Members()[0] == &b.Members()[0]
	}
}

// gen writes random JSON text, biased towards the tricky parts of the
// grammar: escapes, surrogates, invalid UTF-8, number forms, whitespace.
type gen struct {
	r *rand.Rand
	b []byte
}

func (g *gen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g *gen) space() {
	for g.r.IntN(4) == 0 {
		g.b = append(g.b, g.pick(" ", "\t", "\n", "\r", "  ")...)
	}
}

func (g *gen) value(depth int) {
	g.space()
	k := g.r.IntN(10)
	if depth >= 6 {
		k %= 6 // scalars only
	}
	switch k {
	case 0:
		g.b = append(g.b, g.pick("null", "true", "false")...)
	case 1, 2:
		g.number()
	case 3, 4, 5:
		g.str()
	case 6, 7:
		g.array(depth)
	default:
		g.object(depth)
	}
	g.space()
}

func (g *gen) number() {
	switch g.r.IntN(6) {
	case 0:
		g.b = append(g.b, g.pick("0", "-0", "18446744073709551615", "9223372036854775808",
			"-9223372036854775808", "-9223372036854775809", "1e400", "-1e-400", "1E308", "0.0")...)
	case 1:
		g.b = strconv.AppendInt(g.b, g.r.Int64()>>g.r.IntN(64), 10)
	case 2:
		g.b = strconv.AppendUint(g.b, g.r.Uint64(), 10)
	default:
		if g.r.IntN(2) == 0 {
			g.b = append(g.b, '-')
		}
		g.b = strconv.AppendUint(g.b, g.r.Uint64N(100000), 10)
		if g.r.IntN(2) == 0 {
			g.b = append(g.b, '.')
			g.b = strconv.AppendUint(g.b, g.r.Uint64N(1000000), 10)
		}
		if g.r.IntN(2) == 0 {
			g.b = append(g.b, g.pick("e", "E", "e+", "E-", "e-")...)
			g.b = strconv.AppendUint(g.b, g.r.Uint64N(30), 10)
		}
	}
}

func (g *gen) str() {
	g.b = append(g.b, '"')
	for n := g.r.IntN(8); n > 0; n-- {
		switch g.r.IntN(4) {
		case 0:
			g.b = append(g.b, g.pick(`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u0000`,
				`\u00e9`, `\u20AC`, `\uFFFF`, `\ud83d\ude00`, `\uD800`, `\udfff`, `\ud800\ud800`,
				`\udc00\ud800`, `\ud800\u0041`)...)
		case 1:
			g.b = append(g.b, g.pick("é", "日本", "😀", "\u2028", "\ufffd", "\x7f",
				"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82")...)
		case 2:
			g.b = append(g.b, `\u`...)
			g.b = append(g.b, strconv.FormatUint(uint64(0x10000+g.r.IntN(0x10000)), 16)[1:]...)
		default:
			g.b = append(g.b, g.pick("pid", "State", "a", " ", "x y", "'", "/proc/1/ns/net")...)
		}
	}
	g.b = append(g.b, '"')
}

func (g *gen) array(depth int) {
	g.b = append(g.b, '[')
	for i, n := 0, g.r.IntN(5); i < n; i++ {
		if i > 0 {
			g.b = append(g.b, ',')
		}
		g.value(depth + 1)
	}
	g.space()
	g.b = append(g.b, ']')
}

func (g *gen) object(depth int) {
	g.b = append(g.b, '{')
	for i, n := 0, g.r.IntN(5); i < n; i++ {
		if i > 0 {
			g.b = append(g.b, ',')
		}
		g.space()
		if g.r.IntN(4) == 0 {
			g.b = append(g.b, g.pick(`"a"`, `"\u0061"`, `"pid"`)...) // duplicates
		} else {
			g.str()
		}
		g.space()
		g.b = append(g.b, ':')
		g.value(depth + 1)
	}
	g.space()
	g.b = append(g.b, '}')
}

// interesting are bytes likely to turn valid JSON into subtly invalid JSON
// (or vice versa) when substituted.
const interesting = "{}[],:\"\\ \t\n\r0123456789-+.eEtfnu'\x00\x1f\x7f\x80\xff"

// mutate returns a copy of d with one random edit: substitution, insertion,
// deletion, truncation or duplication of a slice.
func mutate(r *rand.Rand, d []byte) []byte {
	d = append([]byte(nil), d...)
	if len(d) == 0 {
		return append(d, interesting[r.IntN(len(interesting))])
	}
	i := r.IntN(len(d))
	c := byte(r.IntN(256))
	if r.IntN(2) == 0 {
		c = interesting[r.IntN(len(interesting))]
	}
	switch r.IntN(5) {
	case 0:
		d[i] = c
	case 1:
		d = append(d[:i], append([]byte{c}, d[i:]...)...)
	case 2:
		d = append(d[:i], d[i+1:]...)
	case 3:
		d = d[:i]
	default:
		j := i + r.IntN(len(d)-i)
		d = append(d[:j], append(append([]byte(nil), d[i:j]...), d[j:]...)...)
	}
	return d
}
