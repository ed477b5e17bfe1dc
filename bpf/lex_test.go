package bpf

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

func tokString(toks []token) string {
	var parts []string
	for _, t := range toks {
		switch t.kind {
		case tEOF:
			continue
		case tNUM:
			parts = append(parts, "NUM:"+t.String())
		case tID:
			parts = append(parts, "ID:"+t.s)
		case tHID:
			parts = append(parts, "HID:"+t.s)
		case tHID6:
			parts = append(parts, "HID6:"+t.s)
		case tEID:
			parts = append(parts, "EID:"+t.s)
		case tAID:
			parts = append(parts, "AID:"+t.s)
		case tKey:
			parts = append(parts, "KEY:"+t.s)
		default:
			parts = append(parts, t.s)
		}
	}
	return strings.Join(parts, " ")
}

// TestLex checks scanner.l's longest-match rules on the spellings that
// trip up hand-written lexers.
func TestLex(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"tcp port 80", "KEY:tcp KEY:port NUM:80"},
		{"port 0120", "KEY:port NUM:80"},  // leading 0 is octal
		{"port 0x50", "KEY:port NUM:80"},  // hex
		{"len-1 > 0", "ID:len-1 > NUM:0"}, // '-' belongs to the ID
		{"len - 1", "KEY:len - NUM:1"},    //
		{"portrange 1000-2000", "KEY:portrange ID:1000-2000"},
		{"host 10.0.0.1", "KEY:host HID:10.0.0.1"},
		{"net 10.1", "KEY:net HID:10.1"},
		{"host 10.0.0.1a", "KEY:host ID:10.0.0.1a"}, // longer ID wins
		{"host fe80::1/64", "KEY:host HID6:fe80::1 / NUM:64"},
		{"host ::ffff:1.2.3.4", "KEY:host HID6:::ffff:1.2.3.4"},
		{"ether host 0:1:2:3:4:5", "KEY:link KEY:host EID:0:1:2:3:4:5"},
		{"ether host 00-01-02-03-04-05", "KEY:link KEY:host EID:00-01-02-03-04-05"},
		{"ether host 0001.0203.0405", "KEY:link KEY:host EID:0001.0203.0405"},
		{"ether host 000102030405", "KEY:link KEY:host EID:000102030405"},
		{"tcp[tcpflags] & tcp-syn != 0", "KEY:tcp [ NUM:13 ] & NUM:2 != NUM:0"},
		{"icmp6[icmp6type] = icmp6-echo", "KEY:icmp6 [ NUM:0 ] = NUM:128"},
		{"tcp-ece tcp-cwr icmp-timxceed", "NUM:64 NUM:128 NUM:11"},
		{`ip proto \tcp`, "KEY:ip KEY:proto ID:tcp"},
		{"a && b || !c", "ID:a KEY:and ID:b KEY:or ! ID:c"},
		{"not TCP", "KEY:! ID:TCP"}, // case-sensitive
		{"es-is is-is ip6 ip4", "KEY:esis KEY:isis KEY:ip6 ID:ip4"},
		{"len == 1 << 2 >= 3", "KEY:len = NUM:1 << NUM:2 >= NUM:3"},
		{"length", "KEY:len"},
		{"$1f", "AID:$1f"},
	} {
		toks, err := lex(c.in)
		if err != nil {
			t.Errorf("lex(%q): %v", c.in, err)
			continue
		}
		if got := tokString(toks); got != c.want {
			t.Errorf("lex(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestLexErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"port 08", "number 08 contains non-octal digit"},
		{"port 0x100000000", "number 0x100000000 overflows 32 bits"},
		{"port 4294967296", "number 4294967296 overflows 32 bits"},
		{"ether host ab:cd:ef:0g:00:00", "bogus ethernet address ab:cd:ef:"},
		{"host 1::2::3", "bogus ethernet address 1::2::"},
		{"host 1:2:3:4:5:6:7:8:9", "bogus ethernet address 1:2:3:4:5:6:7:8:"},
		{"host @", "can't parse filter expression: syntax error"},
	} {
		_, err := lex(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("lex(%q) error = %v, want %q", c.in, err, c.want)
		}
	}
}

// TestLexFastPathAgrees checks that the scanner's fast path (lexFast)
// takes exactly the token, length and error the flex rules (lexRegexp)
// take, at every offset of every corpus expression and of random text
// made of the characters that matter to the rules.
func TestLexFastPathAgrees(t *testing.T) {
	var inputs []string
	for _, c := range readCaseExprs(t) {
		inputs = append(inputs, c[1])
	}
	r := rand.New(rand.NewSource(9))
	const soup = "0123456789abcdefxXghz.:-_$\\ ()[]!<>=&|+*/%^"
	words := []string{"tcp", "and", "or", "not", "host", "port", "ip6", "tcp-syn", "icmptype", "es-is", "0x", "08"}
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for j := r.Intn(12); j >= 0; j-- {
			if r.Intn(4) == 0 {
				b.WriteString(words[r.Intn(len(words))])
			} else {
				b.WriteByte(soup[r.Intn(len(soup))])
			}
		}
		inputs = append(inputs, b.String())
	}
	n := 0
	for _, in := range inputs {
		for i := range len(in) {
			fast, size, err, ok := lexFast(in[i:])
			if !ok {
				continue
			}
			n++
			want, wsize, werr := lexRegexp(in[i:])
			if fast != want || size != wsize || fmt.Sprint(err) != fmt.Sprint(werr) {
				t.Fatalf("%q at %d: fast path %+v/%d/%v, rules %+v/%d/%v", in, i, fast, size, err, want, wsize, werr)
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d lexemes took the fast path", n)
	}
}
