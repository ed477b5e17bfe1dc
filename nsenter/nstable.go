package nsenter

// Namespace types, as the CLONE_NEW* flags of <sched.h>. They are spelled
// out here so the option model compiles on every platform.
const (
	cloneNewTime   = 0x00000080
	cloneNewNS     = 0x00020000
	cloneNewCgroup = 0x02000000
	cloneNewUTS    = 0x04000000
	cloneNewIPC    = 0x08000000
	cloneNewUser   = 0x10000000
	cloneNewPID    = 0x20000000
	cloneNewNet    = 0x40000000
)

// nsKinds is util-linux's namespace_files table (nsenter.c:68-91). The order
// is significant: it is the order of fd-based setns calls, and the user
// namespace comes first so that pass 2 enters it before the rest when an
// unprivileged caller needs its capabilities.
var nsKinds = [...]struct {
	flag int
	name string // the /proc/PID/ suffix and the name in error messages
}{
	{cloneNewUser, "ns/user"},
	{cloneNewCgroup, "ns/cgroup"},
	{cloneNewIPC, "ns/ipc"},
	{cloneNewUTS, "ns/uts"},
	{cloneNewNet, "ns/net"},
	{cloneNewPID, "ns/pid"},
	{cloneNewNS, "ns/mnt"},
	{cloneNewTime, "ns/time"},
}

const numNS = len(nsKinds)

// Indexes into nsKinds.
const (
	nsUser = iota
	nsCgroup
	nsIPC
	nsUTS
	nsNet
	nsPID
	nsMnt
	nsTime
)

// nsIndex returns the nsKinds index of a CLONE_NEW* flag.
func nsIndex(flag int) int {
	for i, k := range nsKinds {
		if k.flag == flag {
			return i
		}
	}
	return -1
}
