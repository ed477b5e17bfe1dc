package nsenter

import (
	"bytes"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// prepare runs nsenter.c's steps between option parsing and the first
// setns (spec §3 steps 3-12): SELinux context, --all, the pidfd or /proc
// fallback, target-derived files, cgroup, --user-parent, -N, the final
// namespace set, the fork decision and the privileged setgroups.
func (s *state) prepare() error {
	steps := []func() error{s.followContext, s.enableAll, s.openNamespaces,
		s.openTargetFiles, s.openCgroupProcs, s.openParentUserNS, s.openSocketNetNS,
		s.finalSet}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// followContext is -Z: with SELinux enabled, the program will run in the
// target's context (getpidcon + setexeccon); without SELinux it is a no-op,
// as in util-linux.
func (s *state) followContext() error {
	if !s.selinux {
		return nil
	}
	if _, err := os.Stat("/sys/fs/selinux/enforce"); err != nil {
		return nil
	}
	if s.targetPID == 0 {
		return errx("no target PID specified for --follow-context")
	}
	con, err := os.ReadFile(s.procPath("attr/current"))
	if err != nil || len(con) == 0 {
		return errx("failed to get " + strconv.Itoa(s.targetPID) + " SELinux context")
	}
	s.selinuxCon = string(bytes.TrimRight(con, "\x00\n"))
	// setexeccon is per thread: this is the locked main thread, which
	// either execs itself or forks the child that execs.
	if err := os.WriteFile("/proc/thread-self/attr/exec", []byte(s.selinuxCon), 0); err != nil {
		return errx("failed to set exec context to '" + s.selinuxCon + "'")
	}
	return nil
}

// enableAll is --all: every type this kernel has, except a user namespace
// identical to ours (re-entering it is EINVAL). No -t check since 2.41, so
// `-a` alone fails on /proc/0/ns/user.
func (s *state) enableAll() error {
	if !s.doAll {
		return nil
	}
	for i, k := range nsKinds {
		if s.ns[i].enabled {
			continue
		}
		var my unix.Stat_t
		if err := unix.Stat("/proc/"+strconv.Itoa(os.Getpid())+"/"+k.name, &my); err == unix.ENOENT {
			continue
		}
		if k.flag == cloneNewUser {
			var st unix.Stat_t
			path := s.procPath(k.name)
			if err := unix.Stat(path, &st); err != nil {
				return errm("stat of "+path+" failed", err)
			}
			if st.Ino == my.Ino {
				continue
			}
		}
		s.ns[i].enabled = true
	}
	return nil
}

// maskWithoutFD is get_namespaces_without_fd.
func (s *state) maskWithoutFD() int {
	m := 0
	for i, n := range s.ns {
		if n.enabled && n.fd < 0 {
			m |= nsKinds[i].flag
		}
	}
	return m
}

// enabledMask is get_namespaces.
func (s *state) enabledMask() int {
	m := 0
	for i, n := range s.ns {
		if n.enabled {
			m |= nsKinds[i].flag
		}
	}
	return m
}

// openNamespaces needs the target for namespaces without a file, -N and
// --user-parent. On kernels > 5.7 it uses one pidfd (util-linux >= 2.41);
// pidfd_open failing silently falls back to /proc/PID/ns/* files.
func (s *state) openNamespaces() error {
	mask := s.maskWithoutFD()
	if mask == 0 && s.sockFD < 0 && !s.userParent {
		return nil
	}
	if s.targetPID == 0 {
		return errx("no target PID specified")
	}
	if s.pidfd < 0 {
		if fd, err := unix.PidfdOpen(s.targetPID, 0); err == nil {
			s.pidfd = fd
		}
	}
	s.nsPidfd = s.pidfd
	if s.nsPidfd >= 0 || mask == 0 {
		return nil
	}
	for i, n := range s.ns {
		if n.enabled && n.fd < 0 {
			if err := s.openTarget(&s.ns[i].fd, nsKinds[i].name, "", false); err != nil {
				return err
			}
		}
	}
	return nil
}

// openTargetFiles opens /proc/PID/{root,cwd,environ,} for -r, -w, -e and
// -S/-G follow, in util-linux's order.
func (s *state) openTargetFiles() error {
	files := []struct {
		want bool
		fd   *int
		typ  string
	}{{s.doRoot, &s.rootFD, "root"}, {s.doWd, &s.wdFD, "cwd"},
		{s.doEnv, &s.envFD, "environ"}, {s.doUID || s.doGID, &s.uidGidFD, ""}}
	for _, f := range files {
		if f.want {
			if err := s.openTarget(f.fd, f.typ, "", false); err != nil {
				return err
			}
		}
	}
	return nil
}

// openCgroupProcs is -c: cgroup v2 only; the target's cgroup is the "0::"
// line of /proc/PID/cgroup (util-linux takes the first line, wrong on hybrid
// hierarchies, and closes stdin on the way: bug 11.3, both fixed here).
func (s *state) openCgroupProcs() error {
	if !s.joinCgroup {
		return nil
	}
	var fs unix.Statfs_t
	if err := unix.Statfs("/sys/fs/cgroup", &fs); err != nil {
		return errm("statfs /sys/fs/cgroup failed", err)
	}
	if fs.Type != unix.CGROUP2_SUPER_MAGIC {
		return errx("--join-cgroup is only supported in cgroup v2")
	}
	fd := -1
	if err := s.openTarget(&fd, "cgroup", "", false); err != nil {
		return err
	}
	data, err := readAllFD(fd)
	unix.Close(fd)
	path, ok := cgroupV2Path(data)
	if err != nil || !ok {
		if err == nil {
			err = unix.EINVAL
		}
		return errm("failed to get cgroup path", err)
	}
	pfd, err := unix.Open("/sys/fs/cgroup/"+path+"/cgroup.procs", unix.O_WRONLY|unix.O_APPEND|unix.O_CLOEXEC, 0)
	if err != nil {
		return errm("failed to open cgroup.procs", err)
	}
	s.cgroupProcsFD = pfd
	return nil
}

// cgroupV2Path returns the path of the unified hierarchy ("0::/path").
func cgroupV2Path(data []byte) (string, bool) {
	for _, line := range bytes.Split(data, []byte{'\n'}) {
		if rest, ok := bytes.CutPrefix(line, []byte("0::")); ok {
			return string(rest), true
		}
	}
	return "", false
}

// readAllFD reads fd to EOF.
func readAllFD(fd int) ([]byte, error) {
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return out, err
		}
		if n == 0 {
			return out, nil
		}
		out = append(out, buf[:n]...)
	}
}

// openParentUserNS is --user-parent (nsenter.c:378-419): take an explicit
// -U file, else PIDFD_GET_USER_NAMESPACE, else the first opened namespace
// fd, else /proc/PID/ns/user, and ask for its owner with NS_GET_USERNS.
func (s *state) openParentUserNS() error {
	if !s.userParent {
		return nil
	}
	user := &s.ns[nsUser]
	fd, local := -1, false
	if user.enabled {
		fd = user.fd
	}
	if fd < 0 && s.pidfd >= 0 {
		if r, err := unix.IoctlRetInt(s.pidfd, unix.PIDFD_GET_USER_NAMESPACE); err == nil {
			fd, local = r, true
		}
	}
	if fd < 0 {
		for _, n := range s.ns {
			if n.enabled {
				fd = n.fd
				break
			}
		}
	}
	if fd < 0 {
		if err := s.openTarget(&fd, "ns/user", "", false); err != nil {
			return err
		}
		local = true
	}
	parent, err := unix.IoctlRetInt(fd, unix.NS_GET_USERNS)
	if err != nil {
		return errm("failed to open parent namespace", err)
	}
	unix.CloseOnExec(parent)
	if local {
		unix.Close(fd)
	}
	closeFD(&user.fd)
	user.fd, user.enabled = parent, true
	return nil
}

// openSocketNetNS is -N: copy the target's socket with pidfd_getfd and take
// the network namespace it was created in (SIOCGSKNS); it replaces -n.
func (s *state) openSocketNetNS() error {
	if s.sockFD < 0 {
		return nil
	}
	pidfd, local := s.pidfd, false
	if pidfd < 0 {
		fd, err := unix.PidfdOpen(s.targetPID, 0)
		if err != nil {
			return errm("failed to pidfd_open() for "+strconv.Itoa(s.targetPID), err)
		}
		pidfd, local = fd, true
	}
	if local {
		defer unix.Close(pidfd)
	}
	sk, err := unix.PidfdGetfd(pidfd, s.sockFD, 0)
	if err != nil {
		return errm("pidfd_getfd("+strconv.Itoa(pidfd)+", "+strconv.Itoa(s.sockFD)+")", err)
	}
	defer unix.Close(sk)
	var st unix.Stat_t
	if err := unix.Fstat(sk, &st); err != nil {
		return errm("fstat("+strconv.Itoa(sk)+")", err)
	}
	nsfd, err := unix.IoctlRetInt(sk, unix.SIOCGSKNS)
	if err != nil {
		return errm("ioctl("+strconv.Itoa(sk)+", SIOCGSKNS)", err)
	}
	unix.CloseOnExec(nsfd)
	net := &s.ns[nsNet]
	closeFD(&net.fd)
	net.fd, net.enabled = nsfd, true
	return nil
}

// finalSet is nsenter.c:851-867: something must be entered; a pid namespace
// means fork unless -F; a user namespace forces uid and gid (default 0) and
// drops supplementary groups while still privileged.
func (s *state) finalSet() error {
	s.mask = s.enabledMask()
	if s.mask == 0 {
		return errx("no namespace specified")
	}
	if s.mask&cloneNewPID != 0 && s.fork == -1 {
		s.fork = 1
	}
	s.userRequested = s.mask&cloneNewUser != 0
	if s.userRequested && !s.preserveCred {
		s.forceUID, s.forceGID = true, true
		// Raw, so only this (locked) thread changes: it is the one that
		// execs or forks the child.
		if _, _, e := unix.RawSyscall(sysSetgroups, 0, 0, 0); e != 0 {
			s.setgroupsFailed = true
		}
	}
	return nil
}
