package bpf

import "fmt"

// SyntaxError is a lexical or grammatical error. Msg is libpcap 1.10.3's
// wording where it has one ("syntax error", "number 08 contains non-octal
// digit", bison's "memory exhausted" for nesting deeper than its parser
// stack); Offset is the byte offset in the expression, or -1.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	if e.Msg == "syntax error" || e.Msg == "memory exhausted" { // bison's own messages, via yyerror
		return "can't parse filter expression: " + e.Msg
	}
	return e.Msg
}

// SemanticError is a well-formed expression that libpcap refuses, such as
// "'port' modifier applied to ip host" or "expression rejects all packets".
type SemanticError struct{ Msg string }

func (e *SemanticError) Error() string { return e.Msg }

// UnsupportedError names a valid pcap-filter construct this compiler does
// not implement; it wraps ErrUnsupported.
type UnsupportedError struct{ Construct string }

func (e *UnsupportedError) Error() string { return "unsupported: " + e.Construct }

// Unwrap makes errors.Is(err, ErrUnsupported) true.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

func semErr(format string, args ...any) error {
	return &SemanticError{Msg: fmt.Sprintf(format, args...)}
}

func unsupported(construct string) error { return &UnsupportedError{Construct: construct} }

// errQualSyntax is gencode's error for an id inheriting no usable
// qualifiers, as in "tcp or 80".
var errQualSyntax = &SemanticError{Msg: "syntax error in filter expression"}
