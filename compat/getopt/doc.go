// Package getopt is a clone of GNU getopt_long as implemented by glibc 2.36,
// the parser util-linux nsenter and tcpdump use for their options.
//
// # Behaviour
//
// Everything a user can type behaves as in C: short clusters ("-aFt 1"),
// required arguments attached or in the next word ("-t1", "-t 1", "-t=1"
// gives "=1"), optional arguments only attached ("-n/path"; "-mu" is -m with
// argument "u"), long options with unique-prefix abbreviation ("--targ 5"),
// "--name=value", "--" ending the options, a lone "-" as an operand, and
// glibc's argument permutation unless the short string starts with '+' or
// POSIXLY_CORRECT is set. Error texts are glibc's, prefixed by argv[0] as
// typed. Options are returned one at a time so that callers can perform side
// effects in argument order, as util-linux does.
//
// # Limitations
//
// getopt_long_only and the flag pointer of struct option are not provided.
// Arguments are Go strings: a NUL byte inside one is kept, where C would end
// the word there.
package getopt
