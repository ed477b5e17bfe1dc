package nsenter

import (
	"strings"
	"syscall"
)

// defaultPath is glibc's CS_PATH, what execvp searches when PATH is unset.
const defaultPath = "/bin:/usr/bin"

// bourneShell runs scripts without a #! line (execvp's ENOEXEC fallback).
const bourneShell = "/bin/sh"

// nameMax is NAME_MAX: execvp refuses longer program names.
const nameMax = 255

// getenv looks a variable up in an environment list; the first match wins,
// as glibc getenv.
func getenv(env []string, name string) (string, bool) {
	for _, kv := range env {
		if len(kv) > len(name) && kv[len(name)] == '=' && kv[:len(name)] == name {
			return kv[len(name)+1:], true
		}
	}
	return "", false
}

// execCandidates lists the paths glibc execvp would try for file, in order,
// using PATH from env (the environment after -e). A name containing '/' is
// tried as is. direct reports that case; errno is set for names execvp
// rejects before trying anything.
func execCandidates(file string, env []string) (cands []string, direct bool, errno syscall.Errno) {
	if file == "" {
		return nil, false, syscall.ENOENT
	}
	if strings.IndexByte(file, '/') >= 0 {
		return []string{file}, true, 0
	}
	if len(file) > nameMax { // measured: glibc 2.36 accepts 255 bytes, refuses 256
		return nil, false, syscall.ENAMETOOLONG
	}
	path, ok := getenv(env, "PATH")
	if !ok {
		path = defaultPath
	}
	for _, dir := range strings.Split(path, ":") {
		if dir == "" {
			cands = append(cands, file)
		} else {
			cands = append(cands, dir+"/"+file)
		}
	}
	return cands, false, 0
}

// execvpContinue reports whether execvp moves on to the next PATH entry
// after errno (posix/execvpe.c: EACCES is remembered, these are skipped,
// anything else ends the search).
func execvpContinue(errno syscall.Errno) bool {
	switch errno {
	case syscall.EACCES, syscall.ENOENT, syscall.ESTALE, syscall.ENOTDIR,
		syscall.ENODEV, syscall.ETIMEDOUT:
		return true
	}
	return false
}

// scriptArgv is execvp's ENOEXEC fallback: /bin/sh path args...
func scriptArgv(path string, argv []string) []string {
	out := make([]string, 0, len(argv)+1)
	out = append(out, bourneShell, path)
	if len(argv) > 1 {
		out = append(out, argv[1:]...)
	}
	return out
}

// execvp runs the lookup with try as the execve; it returns only on
// failure, with the errno execvp would leave.
func execvp(file string, argv, env []string, try func(path string, argv, env []string) syscall.Errno) syscall.Errno {
	cands, direct, errno := execCandidates(file, env)
	if errno != 0 {
		return errno
	}
	gotEacces := false
	errno = syscall.ENOENT
	for _, c := range cands {
		errno = try(c, argv, env)
		if errno == syscall.ENOEXEC {
			errno = try(bourneShell, scriptArgv(c, argv), env)
		}
		if direct || !execvpContinue(errno) {
			return errno
		}
		gotEacces = gotEacces || errno == syscall.EACCES
	}
	if gotEacces {
		return syscall.EACCES
	}
	return errno
}

// execError is util-linux errexec: exit 127 when the program was not found,
// 126 when it was found but could not run.
func execError(name string, errno syscall.Errno) *Error {
	code := 126
	if errno == syscall.ENOENT {
		code = 127
	}
	return &Error{Msg: "failed to execute " + name + ": " + Strerror(errno), Code: code, Err: errno}
}

// posixBasename is libgen basename(3), which util-linux's exec_shell uses
// for the login shell's argv[0]: trailing slashes are ignored, "" is ".".
func posixBasename(p string) string {
	if p == "" {
		return "."
	}
	p = strings.TrimRight(p, "/")
	if p == "" {
		return "/"
	}
	return p[strings.LastIndexByte(p, '/')+1:]
}

// shellFromPasswd returns the login shell of uid in a passwd(5) file's
// contents, or "" (what getpwuid(getuid())->pw_shell gives via files).
func shellFromPasswd(data []byte, uid uint32) string {
	want := uitoa(uint64(uid))
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) == 7 && f[2] == want {
			return f[6]
		}
	}
	return ""
}

// uitoa formats a decimal number without pulling in fmt.
func uitoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

// envFromEnviron turns /proc/PID/environ into the program's environment
// like util-linux -e (lib/env.c): entries are set in reverse file order
// without overwriting, so the order is reversed and the last duplicate in
// the file wins; entries without '=' are skipped; an empty name is EINVAL
// (setenv fails). The input is simply split on NUL (bug 11.13 avoided).
func envFromEnviron(data []byte) ([]string, syscall.Errno) {
	parts := strings.Split(string(data), "\x00")
	env := make([]string, 0, len(parts))
	seen := make(map[string]bool, len(parts))
	for i := len(parts) - 1; i >= 0; i-- {
		name, _, ok := strings.Cut(parts[i], "=")
		if !ok {
			continue
		}
		if name == "" {
			return nil, syscall.EINVAL
		}
		if !seen[name] {
			seen[name] = true
			env = append(env, parts[i])
		}
	}
	return env, 0
}
