//go:build linux

package capture

import (
	"errors"
	"os"
	"strconv"
	"strings"

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
func (h *hostFS) openat2(dir int, path string, flag int, perm uint32, resolve uint64) (int, error) {
	how := unix.OpenHow{Flags: uint64(flag | unix.O_CLOEXEC | unix.O_LARGEFILE), Mode: uint64(perm), Resolve: resolve}
	for {
		fd, err := unix.Openat2(dir, path, &how)
		if err != unix.EINTR && err != unix.EAGAIN {
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
