package nsenter

// nsFile is one row of the namespace table: util-linux's struct
// namespace_file. fd >= 0 when the namespace comes from an explicit file
// (or -N, --user-parent, the /proc fallback); enabled says it is wanted.
type nsFile struct {
	fd      int
	enabled bool
}

// state is everything nsenter's main() keeps in locals and globals, in
// util-linux's terms, so each step below reads like nsenter.c.
type state struct {
	prog string // program_invocation_short_name: "nsenter", "gonsenter"

	ns        [numNS]nsFile
	targetPID int
	pidfd     int // from -t PID:inode, or pidfd_open(target)
	nsPidfd   int // the pidfd used for masked setns, or -1

	rootFD, wdFD, envFD, uidGidFD, cgroupProcsFD int

	nsfsFD     int // a descriptor on nsfs for =:nsid, or -1
	nsfsHandle nsfsHandle

	doRoot, doWd, doEnv, doUID, doGID bool
	forceUID, forceGID                bool
	doAll, joinCgroup, userParent     bool
	keepCaps, preserveCred, selinux   bool
	forwardSignals                    bool

	wdns    string
	hasWdns bool
	uid     uint32
	gid     uint32
	sockFD  int
	fork    int // -1 unknown, 0 no (-F), 1 yes

	exclFirst int // first of -w/-W seen, for err_exclusive_options

	ctr ctrTarget // --container, --pod, -t RUNTIME://ID, --list-containers

	capture     bool     // --capture seen: the rest goes to the capture hook
	captureArgs []string // words after --capture
	args        []string // program and its arguments

	// Decided after option parsing.
	mask            int  // every namespace type to enter
	userRequested   bool // a user namespace is entered (fixes bug 11.2)
	setgroupsFailed bool // the pre-entry setgroups(0, NULL) failed
	selinuxCon      string
}

func newState(prog string) *state {
	s := &state{prog: prog, pidfd: -1, nsPidfd: -1, rootFD: -1, wdFD: -1,
		envFD: -1, uidGidFD: -1, cgroupProcsFD: -1, sockFD: -1, fork: -1, nsfsFD: -1}
	for i := range s.ns {
		s.ns[i].fd = -1
	}
	return s
}
