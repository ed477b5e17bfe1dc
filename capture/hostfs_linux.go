//go:build linux

package capture

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Capture files belong to whoever started gonsenter, not to the target
// (issue #4): `gonsenter -t PID -U -m --capture -w f.pcap` must create
// f.pcap on the host even though, for user, mount, time or pid namespaces,
// the capture runs in a re-executed gonsenter whose every thread is already
// inside the target (nsenter.reexecCapture). Before entering anything the
// first stage opens its root directory (O_PATH) and hands it over, with its
// working directory, in two environment variables. Every -w, -r, -F and
// rotated file name is then resolved beneath that descriptor with
// openat2(RESOLVE_IN_ROOT), so ".." and absolute symlinks stay on the
// caller's side exactly as they would for tcpdump run there, while the
// file is still opened at the moment tcpdump opens it (after the socket,
// the filter and -Z), with the capture's credentials.
const (
	hostRootEnv = "_GONSENTER_HOST_ROOT"
	hostCwdEnv  = "_GONSENTER_HOST_CWD"
)

// hostFS is the caller's filesystem in a second stage; nil elsewhere.
type hostFS struct {
	root int    // O_PATH descriptor of the caller's "/"; -1 once released
	cwd  string // the caller's working directory, "" if unknown
	err  error  // the handoff was malformed
}

var host = loadHostFS()

// loadHostFS takes the handoff out of the environment (nothing we start
// may inherit it) and checks that the descriptor is a directory.
func loadHostFS() *hostFS {
	v, ok := os.LookupEnv(hostRootEnv)
	if !ok {
		return nil
	}
	h := &hostFS{root: -1}
	h.cwd = os.Getenv(hostCwdEnv)
	os.Unsetenv(hostRootEnv)
	os.Unsetenv(hostCwdEnv)
	fd, err := strconv.Atoi(v)
	var st unix.Stat_t
	if err != nil || fd < 0 || unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFDIR {
		h.err = errors.New("invalid " + hostRootEnv + "=" + v + ": not a directory descriptor")
		return h
	}
	unix.CloseOnExec(fd)
	h.root = fd
	return h
}

// errNoHostCwd: the first stage's working directory was unreachable, so a
// relative name has no meaning on the caller's side.
var errNoHostCwd = errors.New("relative name, but the caller's working directory is unknown")

// errHostReleased: a file was opened after releaseHost (a bug).
var errHostReleased = errors.New("caller's root directory already closed")

// openFile is os.OpenFile on the caller's filesystem.
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	if host == nil {
		return os.OpenFile(name, flag, os.FileMode(perm))
	}
	fd, err := host.open(name, flag, perm)
	if err != nil {
		return nil, &os.PathError{Op: "openat2", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}

// open resolves name beneath the caller's root: absolute names as they are,
// relative ones from the caller's working directory.
func (h *hostFS) open(name string, flag int, perm uint32) (int, error) {
	switch {
	case h.err != nil:
		return -1, h.err
	case h.root < 0:
		return -1, errHostReleased
	case name == "":
		return -1, unix.ENOENT // fopen("") as tcpdump would see it
	}
	if fd, ok := fdAlias(name); ok {
		return h.openat2(h.root, "proc/self/fd/"+fd, flag, perm, 0)
	}
	path := name
	if !strings.HasPrefix(name, "/") {
		if h.cwd == "" {
			return -1, errNoHostCwd
		}
		path = h.cwd + "/" + name
	}
	return h.openat2(h.root, path, flag, perm, unix.RESOLVE_IN_ROOT)
}

// openat2 retries what the kernel asks to retry; O_LARGEFILE is what
// os.OpenFile adds on 32-bit systems (openat2 does not force it there).
// Kernels before 5.6 have no openat2: resolveInRoot does the same walk.
func (h *hostFS) openat2(dir int, path string, flag int, perm uint32, resolve uint64) (int, error) {
	flag |= unix.O_CLOEXEC | unix.O_LARGEFILE
	if flag&unix.O_CREAT == 0 {
		perm = 0 // openat2 refuses a mode it would not use
	}
	how := unix.OpenHow{Flags: uint64(flag), Mode: uint64(perm), Resolve: resolve}
	for !noOpenat2.Load() {
		fd, err := unix.Openat2(dir, path, &how)
		switch err {
		case unix.EINTR, unix.EAGAIN:
			continue
		case unix.ENOSYS:
			noOpenat2.Store(true)
			continue
		}
		return fd, err
	}
	if resolve&unix.RESOLVE_IN_ROOT == 0 {
		return retryEINTR(func() (int, error) { return unix.Openat(dir, path, flag, perm) })
	}
	return resolveInRoot(dir, path, flag, perm)
}

// noOpenat2 is set once the kernel has answered ENOSYS (or by tests).
var noOpenat2 atomic.Bool

// maxSymlinks is the kernel's MAXSYMLINKS: one resolution follows at most
// this many links, then fails with ELOOP.
const maxSymlinks = 40

// resolveInRoot is openat2(RESOLVE_IN_ROOT) in user space: path is walked
// one component at a time from root with O_PATH|O_NOFOLLOW descriptors, so
// no step can leave root: ".." at root stays there, a symlink's target is
// spliced into the rest of the path (an absolute one from root again), and
// only the last component is opened with flag (O_NOFOLLOW, so that a link
// there is followed the same way). Errors are those of openat2.
func resolveInRoot(root int, path string, flag int, perm uint32) (int, error) {
	var dirs []int // descriptors of the directories below root walked into
	defer func() {
		for _, fd := range dirs {
			unix.Close(fd)
		}
	}()
	cur := func() int {
		if len(dirs) == 0 {
			return root
		}
		return dirs[len(dirs)-1]
	}
	up := func(n int) {
		for ; n > 0 && len(dirs) > 0; n-- {
			unix.Close(dirs[len(dirs)-1])
			dirs = dirs[:len(dirs)-1]
		}
	}
	rest, links := strings.Split(path, "/"), 0
	follow := func(target string) error {
		if links++; links > maxSymlinks {
			return unix.ELOOP
		}
		if strings.HasPrefix(target, "/") {
			up(len(dirs))
		}
		rest = append(strings.Split(target, "/"), rest...)
		return nil
	}
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			up(1)
			continue
		}
		if flag&unix.O_CREAT != 0 && onlySlashes(rest) {
			return -1, unix.EISDIR // "name/" can only be a directory
		}
		if len(rest) == 0 { // the last component
			fd, err := retryEINTR(func() (int, error) { return unix.Openat(cur(), c, flag|unix.O_NOFOLLOW, perm) })
			if err != unix.ELOOP {
				return fd, err
			}
			target, rerr := readlinkAt(cur(), c)
			if rerr != nil {
				return -1, err // ELOOP for something that is not a link
			}
			if err := follow(target); err != nil {
				return -1, err
			}
			continue
		}
		fd, err := retryEINTR(func() (int, error) {
			return unix.Openat(cur(), c, unix.O_PATH|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		})
		if err != nil {
			return -1, err
		}
		var st unix.Stat_t
		if err := unix.Fstat(fd, &st); err != nil {
			unix.Close(fd)
			return -1, err
		}
		switch st.Mode & unix.S_IFMT {
		case unix.S_IFDIR:
			dirs = append(dirs, fd)
		case unix.S_IFLNK:
			target, err := readlinkAt(fd, "")
			unix.Close(fd)
			if err != nil {
				return -1, err
			}
			if err := follow(target); err != nil {
				return -1, err
			}
		default:
			unix.Close(fd)
			return -1, unix.ENOTDIR
		}
	}
	// The name ended in "." or "..": the directory itself.
	switch {
	case flag&(unix.O_CREAT|unix.O_EXCL) == unix.O_CREAT|unix.O_EXCL:
		return -1, unix.EEXIST
	case flag&unix.O_CREAT != 0:
		return -1, unix.EISDIR
	}
	return retryEINTR(func() (int, error) { return unix.Openat(cur(), ".", flag, perm) })
}

// onlySlashes reports whether the rest of a split path is empty components
// (the name went on with "/" only).
func onlySlashes(rest []string) bool {
	for _, c := range rest {
		if c != "" {
			return false
		}
	}
	return len(rest) > 0
}

// readlinkAt reads the link at dir/name (name "" for an O_PATH descriptor
// of the link itself).
func readlinkAt(dir int, name string) (string, error) {
	for size := 256; ; size *= 2 {
		buf := make([]byte, size)
		n, err := unix.Readlinkat(dir, name, buf)
		if err != nil {
			return "", err
		}
		if n < size {
			return string(buf[:n]), nil
		}
	}
}

func retryEINTR(open func() (int, error)) (int, error) {
	for {
		fd, err := open()
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// fdAlias recognises the names of our own descriptors (/dev/stdout,
// /dev/stderr, /dev/stdin, /dev/fd/N, /proc/self/fd/N). They lead to
// procfs magic links, which RESOLVE_IN_ROOT refuses (EXDEV); opened through
// the caller's /proc they reopen the second stage's descriptor, which is
// the one the caller handed down, as tcpdump -w /dev/stdout would.
func fdAlias(name string) (string, bool) {
	switch name {
	case "/dev/stdin":
		return "0", true
	case "/dev/stdout":
		return "1", true
	case "/dev/stderr":
		return "2", true
	}
	for _, p := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if n, ok := strings.CutPrefix(name, p); ok {
			if _, err := strconv.ParseUint(n, 10, 31); err == nil {
				return n, true
			}
		}
	}
	return "", false
}

// hostErr is a malformed handoff, reported before anything else is done.
func hostErr() error {
	if host != nil {
		return host.err
	}
	return nil
}

// releaseHost closes the caller's root once no more files will be opened
// (no -C/-G rotation ahead): a second stage inside an untrusted target
// should hold a way out of it no longer than needed.
func releaseHost() {
	if host != nil && host.root >= 0 {
		unix.Close(host.root)
		host.root = -1
	}
}
