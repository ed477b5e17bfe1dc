package nsenter

// The raw fork child: how gonsenter joins user and time namespaces without
// cgo. The kernel refuses setns(CLONE_NEWUSER) to a multithreaded process
// (EINVAL) and setns(CLONE_NEWTIME) to one sharing its mm (EUSERS), and a Go
// process always has several threads. A plain clone(SIGCHLD) child (no
// CLONE_VM) is single-threaded with a private fs_struct, so every setns
// works there. This is what the standard library's forkAndExecInChild1 does
// for os/exec, with the runtime's fork hooks pulled in by linkname (they are
// "pushed" by the runtime for exactly this use and link under Go 1.26's
// default -checklinkname; see go-design-notes.md §1.4).
//
// Rules for everything that runs in the child (childMain and its helpers):
//   - only syscall.RawSyscall/RawSyscall6 (assembly, nosplit);
//   - no allocation, no defer, no interfaces, no maps, no fmt, and no writes
//     of pointers into memory (write barriers): only ints and bools are
//     stored, into the childPlan the parent prepared;
//   - every helper is //go:nosplit: runtime_BeforeFork poisoned the stack
//     guard, so a function with a stack check would throw; the linker
//     verifies the nosplit chain fits;
//   - every string is prepared by the parent as a NUL-terminated *byte.
// Failures are reported as (step, errno) over a close-on-exec pipe, then the
// child exits 253; the parent turns that into util-linux's message. A
// successful execve closes the pipe, which the parent sees as EOF.

import (
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

//go:linkname runtimeBeforeFork syscall.runtime_BeforeFork
func runtimeBeforeFork()

//go:linkname runtimeAfterFork syscall.runtime_AfterFork
func runtimeAfterFork()

//go:linkname runtimeAfterForkInChild syscall.runtime_AfterForkInChild
func runtimeAfterForkInChild()

// Steps reported by the child; each maps to one util-linux message.
const (
	stepNone int32 = iota
	stepSetnsPidfd
	stepOpenCwd
	stepFchdirRoot
	stepChroot
	stepChdirSlash
	stepOpenWdns
	stepFchdirWd
	stepCgroup
	stepFork
	stepSetgroups
	stepSetgid
	stepSetuid
	stepCapget
	stepCapset
	stepAmbient
	stepExec
	stepChildPID // not an error: the intermediate's report of the program's PID
	stepSetnsFD  // + index into nsKinds
)

const (
	atFDCWD         = ^uintptr(99) // AT_FDCWD (-100)
	atEmptyPath     = 0x1000
	capVersion3     = 0x20080522
	prCapAmbient    = 47
	prCapAmbRaise   = 2
	childExitStatus = 253
)

// childPlan is everything the child needs, prepared by the parent. The
// child only reads pointers and writes plain integers into it.
type childPlan struct {
	pipe int // write end of the report pipe

	nsPidfd int
	nsFD    [numNS]int
	nsFlag  [numNS]uintptr
	nsOn    [numNS]bool

	rootFD, wdFD int
	wdns         *byte // -W path, or nil
	dot, slash   *byte // "." and "/"

	cgroupFD int
	pidText  [24]byte

	uidGidFD     int
	stx          unix.Statx_t
	doUID, doGID bool

	pidFork bool  // fork again so the program is in the pid namespace
	wstatus int32 // intermediate's wait4 status

	forceUID, forceGID, setgroupsFailed bool
	uid, gid                            uintptr

	keepCaps bool
	capLast  uintptr
	capHdr   [2]uint32 // version, pid
	capData  [6]uint32 // two {effective, permitted, inheritable}

	exeFD int // >= 0: execveat(exeFD, "", ...) instead of the PATH search
	empty *byte
	// hostRootFD >= 0 is handed to the re-executed stage: its close-on-exec
	// flag is cleared just before execveat (see reexecCapture).
	hostRootFD int

	cands     []*byte   // execvp candidates, in order
	shArgv    [][]*byte // per candidate: /bin/sh cand args... (ENOEXEC)
	direct    bool      // the name had a '/': one try, no search
	execErrno uintptr   // execvp refused the name before trying (ENOENT...)
	argv      []*byte   // nil-terminated
	envv      []*byte   // nil-terminated
	binsh     *byte

	report [2]int32 // step, errno
}

// rawFork clones the child and returns its PID in the parent. The child
// never returns from here.
//
//go:norace
//go:noinline
func rawFork(p *childPlan) (pid uintptr, errno syscall.Errno) {
	runtimeBeforeFork()
	pid, errno = rawClone()
	if errno != 0 || pid != 0 {
		runtimeAfterFork()
		return pid, errno
	}
	runtimeAfterForkInChild()
	childMain(p)
	return 0, 0 // not reached
}

// rawClone is fork(): clone(SIGCHLD) without CLONE_VM, so the child has
// its own copy of memory and may run on this stack. On s390x the first two
// clone arguments are swapped (as in the standard library).
//
//go:nosplit
//go:norace
func rawClone() (uintptr, syscall.Errno) {
	if runtime.GOARCH == "s390x" {
		pid, _, e := syscall.RawSyscall6(syscall.SYS_CLONE, 0, uintptr(syscall.SIGCHLD), 0, 0, 0, 0)
		return pid, e
	}
	pid, _, e := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
	return pid, e
}

// childMain is util-linux's main() from the first setns to execvp, in the
// child (spec §3 steps 13-26). The child first makes itself non-dumpable:
// it holds every descriptor gonsenter opened (pidfd, namespace files, the
// caller's root for a capture, /proc/self/exe) and, once it has joined the
// target's user namespace, the target's root would otherwise pass
// ptrace_may_access (same credentials, same user namespace) and could read
// them through /proc/PID/fd or ptrace until the exec, and for as long as
// the program runs in the intermediate process of a pid namespace
// (childPidFork), which never execs. Its mm still belongs to the caller's
// user namespace, so non-dumpable keeps the target out; execve gives the
// program the dumpability the kernel computes for it, as after util-linux.
//
//go:nosplit
//go:norace
func childMain(p *childPlan) {
	syscall.RawSyscall6(syscall.SYS_PRCTL, unix.PR_SET_DUMPABLE, 0, 0, 0, 0, 0)
	childEnter(p, true)
	if step, e := childEnter(p, false); step != 0 {
		childFail(p, step, e)
	}
	if step, e := childDirs(p); step != 0 {
		childFail(p, step, e)
	}
	if step, e := childCgroupAndIDs(p); step != 0 {
		childFail(p, step, e)
	}
	if p.pidFork {
		childPidFork(p)
	}
	if step, e := childCreds(p); step != 0 {
		childFail(p, step, e)
	}
	if step, e := childCaps(p); step != 0 {
		childFail(p, step, e)
	}
	childFail(p, stepExec, childExec(p))
}

// childFail reports (step, errno) to the parent and exits.
//
//go:nosplit
//go:norace
func childFail(p *childPlan, step int32, e syscall.Errno) {
	p.report[0] = step
	p.report[1] = int32(e)
	syscall.RawSyscall(syscall.SYS_WRITE, uintptr(p.pipe), uintptr(unsafe.Pointer(&p.report[0])), 8)
	for {
		syscall.RawSyscall(syscall.SYS_EXIT_GROUP, childExitStatus, 0, 0)
	}
}

// childEnter is one pass of enter_namespaces. Pass 1 (first) skips the user
// namespace and ignores failures; pass 2 reports the first one.
//
//go:nosplit
//go:norace
func childEnter(p *childPlan, first bool) (int32, syscall.Errno) {
	if p.nsPidfd >= 0 {
		var mask uintptr
		for i := 0; i < numNS; i++ {
			if p.nsOn[i] && p.nsFD[i] < 0 && !(first && i == nsUser) {
				mask |= p.nsFlag[i]
			}
		}
		if mask != 0 {
			_, _, e := syscall.RawSyscall(unix.SYS_SETNS, uintptr(p.nsPidfd), mask, 0)
			if e == 0 {
				for i := 0; i < numNS; i++ {
					if p.nsFlag[i]&mask != 0 {
						p.nsOn[i] = false
					}
				}
			} else if !first {
				return stepSetnsPidfd, e
			}
		}
	}
	for i := 0; i < numNS; i++ {
		if !p.nsOn[i] || p.nsFD[i] < 0 || (first && i == nsUser) {
			continue
		}
		_, _, e := syscall.RawSyscall(unix.SYS_SETNS, uintptr(p.nsFD[i]), p.nsFlag[i], 0)
		if e == 0 {
			p.nsOn[i] = false
		} else if !first {
			return stepSetnsFD + int32(i), e
		}
	}
	return 0, 0
}

// childDirs is the root and working directory part (nsenter.c:891-929).
//
//go:nosplit
//go:norace
func childDirs(p *childPlan) (int32, syscall.Errno) {
	if p.rootFD >= 0 && p.wdFD < 0 && p.wdns == nil {
		fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, atFDCWD, uintptr(unsafe.Pointer(p.dot)),
			syscall.O_RDONLY|syscall.O_CLOEXEC, 0, 0, 0)
		if e != 0 {
			return stepOpenCwd, e
		}
		p.wdFD = int(fd)
	}
	if p.rootFD >= 0 {
		if _, _, e := syscall.RawSyscall(syscall.SYS_FCHDIR, uintptr(p.rootFD), 0, 0); e != 0 {
			return stepFchdirRoot, e
		}
		if _, _, e := syscall.RawSyscall(syscall.SYS_CHROOT, uintptr(unsafe.Pointer(p.dot)), 0, 0); e != 0 {
			return stepChroot, e
		}
		if _, _, e := syscall.RawSyscall(syscall.SYS_CHDIR, uintptr(unsafe.Pointer(p.slash)), 0, 0); e != 0 {
			return stepChdirSlash, e
		}
	}
	if p.wdns != nil {
		fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, atFDCWD, uintptr(unsafe.Pointer(p.wdns)),
			syscall.O_RDONLY|syscall.O_CLOEXEC, 0, 0, 0)
		if e != 0 {
			return stepOpenWdns, e
		}
		p.wdFD = int(fd)
	}
	if p.wdFD >= 0 {
		if _, _, e := syscall.RawSyscall(syscall.SYS_FCHDIR, uintptr(p.wdFD), 0, 0); e != 0 {
			return stepFchdirWd, e
		}
	}
	return 0, 0
}

// childCgroupAndIDs writes our PID to cgroup.procs (-c) and resolves
// -S/-G follow through the entered user namespace.
//
//go:nosplit
//go:norace
func childCgroupAndIDs(p *childPlan) (int32, syscall.Errno) {
	if p.cgroupFD >= 0 {
		pid, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
		i := len(p.pidText)
		for {
			i--
			p.pidText[i] = byte('0' + pid%10)
			pid /= 10
			if pid == 0 || i == 0 {
				break
			}
		}
		n := uintptr(len(p.pidText) - i)
		if _, _, e := syscall.RawSyscall(syscall.SYS_WRITE, uintptr(p.cgroupFD),
			uintptr(unsafe.Pointer(&p.pidText[i])), n); e != 0 {
			return stepCgroup, e
		}
	}
	if p.uidGidFD >= 0 {
		syscall.RawSyscall6(unix.SYS_STATX, uintptr(p.uidGidFD), uintptr(unsafe.Pointer(p.empty)),
			unix.AT_EMPTY_PATH, unix.STATX_UID|unix.STATX_GID, uintptr(unsafe.Pointer(&p.stx)), 0)
		if p.doUID {
			p.uid = uintptr(p.stx.Uid)
		}
		if p.doGID {
			p.gid = uintptr(p.stx.Gid)
		}
	}
	return 0, 0
}

// childPidFork forks again so the program is born in the pid namespace
// (setns(CLONE_NEWPID) only affects children). The intermediate process
// mirrors util-linux continue_as_child and never returns; the new child
// returns and carries on. The intermediate first tells the parent the
// program's PID (for --forward-signals) and closes its end of the pipe.
//
//go:nosplit
//go:norace
func childPidFork(p *childPlan) {
	pid, e := rawClone()
	if e != 0 {
		childFail(p, stepFork, e)
	}
	if pid == 0 {
		return
	}
	p.report[0] = stepChildPID
	p.report[1] = int32(pid)
	syscall.RawSyscall(syscall.SYS_WRITE, uintptr(p.pipe), uintptr(unsafe.Pointer(&p.report[0])), 8)
	syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(p.pipe), 0, 0)
	childWait(p, pid)
}

// childWait is continue_as_child with raw syscalls: relay stops, pass the
// exit status through, die by the child's fatal signal, else exit 1.
//
//go:nosplit
//go:norace
func childWait(p *childPlan, pid uintptr) {
	for {
		r, _, e := syscall.RawSyscall6(syscall.SYS_WAIT4, pid, uintptr(unsafe.Pointer(&p.wstatus)),
			syscall.WUNTRACED, 0, 0, 0)
		if e == syscall.EINTR {
			continue
		}
		if e == 0 && r == pid && p.wstatus&0xff == 0x7f {
			self, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
			syscall.RawSyscall(syscall.SYS_KILL, self, uintptr(syscall.SIGSTOP), 0)
			syscall.RawSyscall(syscall.SYS_KILL, pid, uintptr(syscall.SIGCONT), 0)
			continue
		}
		break
	}
	st := p.wstatus
	if st&0x7f == 0 {
		for {
			syscall.RawSyscall(syscall.SYS_EXIT_GROUP, uintptr((st>>8)&0xff), 0, 0)
		}
	}
	if sig := st & 0x7f; sig != 0x7f {
		self, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
		syscall.RawSyscall(syscall.SYS_KILL, self, uintptr(sig), 0)
	}
	for {
		syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 1, 0, 0)
	}
}

// childCreds is nsenter.c:971-978: setgroups (fatal only if the parent's
// pre-entry call failed too), setgid, setuid.
//
//go:nosplit
//go:norace
func childCreds(p *childPlan) (int32, syscall.Errno) {
	if p.forceGID {
		_, _, e := syscall.RawSyscall(sysSetgroups, 0, 0, 0)
		if e != 0 && p.setgroupsFailed {
			return stepSetgroups, e
		}
		if _, _, e := syscall.RawSyscall(sysSetgid, p.gid, 0, 0); e != 0 {
			return stepSetgid, e
		}
	}
	if p.forceUID {
		if _, _, e := syscall.RawSyscall(sysSetuid, p.uid, 0, 0); e != 0 {
			return stepSetuid, e
		}
	}
	return 0, 0
}

// childCaps is --keep-caps (util-linux cap_permitted_to_ambient): make the
// permitted set inheritable, then raise every effective capability as
// ambient so it survives execve.
//
//go:nosplit
//go:norace
func childCaps(p *childPlan) (int32, syscall.Errno) {
	if !p.keepCaps {
		return 0, 0
	}
	hdr, data := uintptr(unsafe.Pointer(&p.capHdr[0])), uintptr(unsafe.Pointer(&p.capData[0]))
	if _, _, e := syscall.RawSyscall(syscall.SYS_CAPGET, hdr, data, 0); e != 0 {
		return stepCapget, e
	}
	p.capData[2] = p.capData[1]
	p.capData[5] = p.capData[4]
	if _, _, e := syscall.RawSyscall(syscall.SYS_CAPSET, hdr, data, 0); e != 0 {
		return stepCapset, e
	}
	eff := uint64(p.capData[3])<<32 | uint64(p.capData[0])
	for c := uintptr(0); c < 64 && c <= p.capLast; c++ {
		if eff&(1<<c) == 0 {
			continue
		}
		if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, prCapAmbient, prCapAmbRaise, c, 0, 0, 0); e != 0 {
			return stepAmbient, e
		}
	}
	return 0, 0
}

// childExec is execvp over the precomputed candidates (posix/execvpe.c
// rules), or execveat of gonsenter itself for the re-exec stage. It returns
// only on failure, with the errno to report.
//
//go:nosplit
//go:norace
func childExec(p *childPlan) syscall.Errno {
	argv, envv := uintptr(unsafe.Pointer(&p.argv[0])), uintptr(unsafe.Pointer(&p.envv[0]))
	if p.exeFD >= 0 {
		if p.hostRootFD >= 0 {
			syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(p.hostRootFD), syscall.F_SETFD, 0)
		}
		_, _, e := syscall.RawSyscall6(unix.SYS_EXECVEAT, uintptr(p.exeFD), uintptr(unsafe.Pointer(p.empty)),
			argv, envv, atEmptyPath, 0)
		return e
	}
	if p.execErrno != 0 {
		return syscall.Errno(p.execErrno)
	}
	gotEacces := false
	var e syscall.Errno = syscall.ENOENT
	for i := 0; i < len(p.cands); i++ {
		_, _, e = syscall.RawSyscall(syscall.SYS_EXECVE, uintptr(unsafe.Pointer(p.cands[i])), argv, envv)
		if e == syscall.ENOEXEC && i < len(p.shArgv) {
			_, _, e = syscall.RawSyscall(syscall.SYS_EXECVE, uintptr(unsafe.Pointer(p.binsh)),
				uintptr(unsafe.Pointer(&p.shArgv[i][0])), envv)
		}
		if p.direct {
			return e
		}
		switch e {
		case syscall.EACCES:
			gotEacces = true
		case syscall.ENOENT, syscall.ESTALE, syscall.ENOTDIR, syscall.ENODEV, syscall.ETIMEDOUT:
		default:
			return e
		}
	}
	if gotEacces {
		return syscall.EACCES
	}
	return e
}
