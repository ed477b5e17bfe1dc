package nsenter

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// cstr returns a NUL-terminated copy of s for the child (a NUL inside s
// truncates it there, as C would see it).
func cstr(s string) *byte {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return &b[0]
}

// cstrv returns a nil-terminated array of C strings.
func cstrv(ss []string) []*byte {
	v := make([]*byte, len(ss)+1)
	for i, s := range ss {
		v[i] = cstr(s)
	}
	return v
}

// capLastCap reads /proc/sys/kernel/cap_last_cap (util-linux cap_last_cap).
func capLastCap() uintptr {
	data, err := os.ReadFile("/proc/sys/kernel/cap_last_cap")
	if err != nil {
		return 40 // CAP_CHECKPOINT_RESTORE, the last one Linux 5.9+ knows
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 40
	}
	return uintptr(n)
}

// newChildPlan prepares the raw child. With enterInChild the child does all
// of the namespace, directory, cgroup and follow work (user/time path);
// otherwise this thread did it already and the child only sets credentials
// and execs (the -p fork of the thread path).
func (s *state) newChildPlan(enterInChild bool, ex execTarget) *childPlan {
	p := &childPlan{nsPidfd: -1, rootFD: -1, wdFD: -1, cgroupFD: -1, uidGidFD: -1, exeFD: -1, hostRootFD: -1,
		dot: cstr("."), slash: cstr("/"), empty: cstr(""), binsh: cstr(bourneShell)}
	for i := range p.nsFD {
		p.nsFD[i] = -1
		p.nsFlag[i] = uintptr(nsKinds[i].flag)
	}
	if enterInChild {
		p.nsPidfd = s.nsPidfd
		for i, n := range s.ns {
			p.nsFD[i], p.nsOn[i] = n.fd, n.enabled
		}
		p.rootFD, p.wdFD, p.cgroupFD, p.uidGidFD = s.rootFD, s.wdFD, s.cgroupProcsFD, s.uidGidFD
		if s.hasWdns {
			p.wdns = cstr(s.wdns)
		}
		p.doUID, p.doGID = s.doUID, s.doGID
		p.pidFork = s.fork == 1
	}
	p.forceUID, p.forceGID, p.setgroupsFailed = s.forceUID, s.forceGID, s.setgroupsFailed
	p.uid, p.gid = uintptr(s.uid), uintptr(s.gid)
	if s.keepCaps && s.userRequested {
		p.keepCaps, p.capLast = true, capLastCap()
		p.capHdr = [2]uint32{capVersion3, 0}
	}
	p.setExec(ex)
	return p
}

// execTarget is what the child runs: a PATH search for file (or a direct
// path for the login shell), argv and the environment.
type execTarget struct {
	file  string
	argv  []string
	env   []string
	shell bool // exec the file as is (execl), no PATH search
	exeFD int  // >= 0: re-exec gonsenter through this fd
}

// setExec precomputes execvp's candidates: PATH comes from the program's
// environment, and the child tries them after chroot, so the target's
// binaries are found.
func (p *childPlan) setExec(ex execTarget) {
	p.argv, p.envv, p.exeFD = cstrv(ex.argv), cstrv(ex.env), ex.exeFD
	var cands []string
	if ex.shell {
		cands, p.direct = []string{ex.file}, true
	} else {
		var errno syscall.Errno
		cands, p.direct, errno = execCandidates(ex.file, ex.env)
		p.execErrno = uintptr(errno)
	}
	for _, c := range cands {
		p.cands = append(p.cands, cstr(c))
		if !ex.shell { // execl (the login shell) has no ENOEXEC fallback
			p.shArgv = append(p.shArgv, cstrv(scriptArgv(c, ex.argv)))
		}
	}
}

// startChild forks the raw child and waits until it has exec'd (the report
// pipe closes) or failed (it sent a step and errno). It returns the PID to
// wait for and, after a pid-namespace fork, the program's own PID.
func startChild(p *childPlan) (pid, progPID int, failure *[2]int32, err error) {
	var fds [2]int
	syscall.ForkLock.Lock()
	if err := unix.Pipe2(fds[:], unix.O_CLOEXEC); err != nil {
		syscall.ForkLock.Unlock()
		return 0, 0, nil, errm("pipe failed", err)
	}
	p.pipe = fds[1]
	upid, errno := rawFork(p)
	syscall.ForkLock.Unlock()
	unix.Close(fds[1])
	defer unix.Close(fds[0])
	if errno != 0 {
		return 0, 0, nil, errm("fork failed", errno)
	}
	pid, progPID = int(upid), int(upid)
	for {
		var rep [8]byte
		if n := readFull(fds[0], rep[:]); n < len(rep) {
			return pid, progPID, nil, nil
		}
		step := int32(uint32(rep[0]) | uint32(rep[1])<<8 | uint32(rep[2])<<16 | uint32(rep[3])<<24)
		val := int32(uint32(rep[4]) | uint32(rep[5])<<8 | uint32(rep[6])<<16 | uint32(rep[7])<<24)
		if step == stepChildPID {
			progPID = int(val)
			continue
		}
		return pid, progPID, &[2]int32{step, val}, nil
	}
}

// readFull reads until buf is full, EOF or an error; it returns the count.
func readFull(fd int, buf []byte) int {
	n := 0
	for n < len(buf) {
		m, err := unix.Read(fd, buf[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil || m <= 0 {
			return n
		}
		n += m
	}
	return n
}

// childError turns the child's (step, errno) into util-linux's message.
func childError(step int32, errno syscall.Errno, execName string) error {
	if step >= stepSetnsFD && int(step-stepSetnsFD) < numNS {
		return errm("reassociate to namespace '"+nsKinds[step-stepSetnsFD].name+"' failed", errno)
	}
	msgs := map[int32]string{
		stepSetnsPidfd: "reassociate to namespaces failed",
		stepOpenCwd:    "cannot open current working directory",
		stepFchdirRoot: "change directory by root file descriptor failed",
		stepChroot:     "chroot failed",
		stepChdirSlash: "cannot change directory to /",
		stepOpenWdns:   "cannot open current working directory",
		stepFchdirWd:   "change directory by working directory file descriptor failed",
		stepCgroup:     "write cgroup.procs failed",
		stepFork:       "fork failed",
		stepSetgroups:  "setgroups failed",
		stepSetgid:     "setgid() failed",
		stepSetuid:     "setuid() failed",
		stepCapget:     "capget failed",
		stepCapset:     "capset failed",
		stepAmbient:    "prctl(PR_CAP_AMBIENT) failed",
	}
	if step == stepExec {
		return execError(execName, errno)
	}
	if m, ok := msgs[step]; ok {
		return errm(m, errno)
	}
	return errm("child failed at step "+strconv.Itoa(int(step)), errno)
}
