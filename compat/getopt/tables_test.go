package getopt

// Option tables the golden files are recorded with. Their order matters: it
// is the order of glibc's ambiguity lists.

// nsenterShorts is util-linux 2.41+/master's short string (nsenter.c:660).
const nsenterShorts = "+ahVt:m::u::i::n::N:p::C::U::T::S:G:r::w::W::ecFZ"

// nsenterLongs is util-linux master's table (nsenter.c:602-631) in its order,
// long-only codes renumbered from 256, plus gonsenter's two extensions.
var nsenterLongs = []Option{
	{"all", NoArgument, 'a'},
	{"help", NoArgument, 'h'},
	{"version", NoArgument, 'V'},
	{"target", RequiredArgument, 't'},
	{"mount", OptionalArgument, 'm'},
	{"uts", OptionalArgument, 'u'},
	{"ipc", OptionalArgument, 'i'},
	{"net", OptionalArgument, 'n'},
	{"net-socket", RequiredArgument, 'N'},
	{"pid", OptionalArgument, 'p'},
	{"user", OptionalArgument, 'U'},
	{"cgroup", OptionalArgument, 'C'},
	{"time", OptionalArgument, 'T'},
	{"setuid", RequiredArgument, 'S'},
	{"setgid", RequiredArgument, 'G'},
	{"root", OptionalArgument, 'r'},
	{"wd", OptionalArgument, 'w'},
	{"wdns", OptionalArgument, 'W'},
	{"env", NoArgument, 'e'},
	{"no-fork", NoArgument, 'F'},
	{"join-cgroup", NoArgument, 'c'},
	{"preserve-credentials", NoArgument, 257},
	{"keep-caps", NoArgument, 258},
	{"user-parent", NoArgument, 256},
	{"follow-context", NoArgument, 'Z'},
	{"forward-signals", NoArgument, 259},
	{"capture", NoArgument, 260},
}

// nsenter238Shorts and nsenter238Longs are those of the installed util-linux
// 2.38.1 (SELinux build); the table order was read back from
// `nsenter --=`, whose ambiguity message lists every option.
const nsenter238Shorts = "+ahVt:m::u::i::n::p::C::U::T::S:G:r::w::W:FZ"

var nsenter238Longs = []Option{
	{"all", NoArgument, 'a'},
	{"help", NoArgument, 'h'},
	{"version", NoArgument, 'V'},
	{"target", RequiredArgument, 't'},
	{"mount", OptionalArgument, 'm'},
	{"uts", OptionalArgument, 'u'},
	{"ipc", OptionalArgument, 'i'},
	{"net", OptionalArgument, 'n'},
	{"pid", OptionalArgument, 'p'},
	{"user", OptionalArgument, 'U'},
	{"cgroup", OptionalArgument, 'C'},
	{"time", OptionalArgument, 'T'},
	{"setuid", RequiredArgument, 'S'},
	{"setgid", RequiredArgument, 'G'},
	{"root", OptionalArgument, 'r'},
	{"wd", OptionalArgument, 'w'},
	{"wdns", OptionalArgument, 'W'},
	{"no-fork", NoArgument, 'F'},
	{"preserve-credentials", NoArgument, 128},
	{"follow-context", NoArgument, 'Z'},
}

// tcpdumpShorts is Debian 12's tcpdump 4.99.3 string (strings /usr/bin/tcpdump).
const tcpdumpShorts = "aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#"

// tcpdumpLongs is tcpdump 4.99.3's table as built on Debian 12, in the order
// `tcpdump --=` lists it; OPTION_* codes as in tcpdump.c.
var tcpdumpLongs = []Option{
	{"buffer-size", RequiredArgument, 'B'},
	{"list-interfaces", NoArgument, 'D'},
	{"help", NoArgument, 'h'},
	{"interface", RequiredArgument, 'i'},
	{"monitor-mode", NoArgument, 'I'},
	{"time-stamp-type", RequiredArgument, 'j'},
	{"list-time-stamp-types", NoArgument, 'J'},
	{"micro", NoArgument, 133},
	{"nano", NoArgument, 134},
	{"time-stamp-precision", RequiredArgument, 129},
	{"dont-verify-checksums", NoArgument, 'K'},
	{"list-data-link-types", NoArgument, 'L'},
	{"no-optimize", NoArgument, 'O'},
	{"no-promiscuous-mode", NoArgument, 'p'},
	{"direction", RequiredArgument, 'Q'},
	{"snapshot-length", RequiredArgument, 's'},
	{"absolute-tcp-sequence-numbers", NoArgument, 'S'},
	{"packet-buffered", NoArgument, 'U'},
	{"linktype", RequiredArgument, 'y'},
	{"immediate-mode", NoArgument, 130},
	{"relinquish-privileges", RequiredArgument, 'Z'},
	{"count", NoArgument, 136},
	{"fp-type", NoArgument, 135},
	{"number", NoArgument, '#'},
	{"print", NoArgument, 131},
	{"version", NoArgument, 128},
}

// colourLongs exercises glibc's ambiguity rule: abbreviations of options
// with the same HasArg and Val are not ambiguous, and only options that
// differ from the first match are listed.
var colourLongs = []Option{
	{"colour", OptionalArgument, 'c'},
	{"color", OptionalArgument, 'c'},
	{"column", RequiredArgument, 'C'},
	{"colors", NoArgument, 'c'},
	{"verbose", NoArgument, 'v'},
	{"long-only", RequiredArgument, 300},
}
