package getopt

// HasArg says whether a long option takes an argument, as the has_arg field
// of glibc's struct option (no_argument, required_argument, optional_argument).
type HasArg int

// The three argument kinds of getopt_long.
const (
	NoArgument HasArg = iota
	RequiredArgument
	OptionalArgument
)

// Option is one long option. Val is the short letter it aliases, or a code
// >= 256 for long-only options.
type Option struct {
	Name   string
	HasArg HasArg
	Val    int
}

// Result is one option returned by Next.
type Result struct {
	Val    int    // short letter or long Val; 1 for an operand in '-' (in-order) mode
	Long   bool   // matched through a long option (or "-W name" with "W;" in shorts)
	Name   string // full long option name when Long
	Arg    string // the argument
	HasArg bool   // an argument was present: distinguishes `--net=` (true, "") from `--net` (false)
}

// Error is a parse error. Error() returns exactly glibc's line without the
// trailing newline, prefixed with argv[0] as typed, e.g.
// "/usr/bin/nsenter: invalid option -- 'x'".
type Error struct {
	Msg string
	// Opt is glibc's optopt: the offending short letter, the Val of a long
	// option given an argument it does not allow or missing its required
	// one, or 0 for unknown and ambiguous long options.
	Opt int
	// Code is what glibc's getopt_long returned: '?', or ':' for a missing
	// argument when shorts starts with ':' (after any '+' or '-').
	Code int
	// Quiet is set when shorts starts with ':': glibc then prints nothing
	// (opterr is off); Msg still holds the text it would have printed.
	Quiet bool
}

// Error returns glibc's message for the failure.
func (e *Error) Error() string { return e.Msg }

// ordering mirrors glibc's __ordering: how non-option words are treated.
type ordering int

const (
	permute       ordering = iota // default: skip operands, move them after the options
	requireOrder                  // '+' or POSIXLY_CORRECT: stop at the first operand
	returnInOrder                 // '-': return each operand as option code 1
)
