package nsenter

import (
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// TestExecCandidates checks glibc execvp's search list: a name with '/' is
// used as is, PATH comes from the program's environment (after -e), an
// empty PATH element means the current directory, and unset PATH is
// "/bin:/usr/bin".
func TestExecCandidates(t *testing.T) {
	for _, tc := range []struct {
		file   string
		env    []string
		want   []string
		direct bool
		errno  syscall.Errno
	}{
		{"/bin/true", nil, []string{"/bin/true"}, true, 0},
		{"./x", nil, []string{"./x"}, true, 0},
		{"true", nil, []string{"/bin/true", "/usr/bin/true"}, false, 0},
		{"true", []string{"PATH=/a::/b"}, []string{"/a/true", "true", "/b/true"}, false, 0},
		{"true", []string{"PATH="}, []string{"true"}, false, 0},
		{"true", []string{"PATHX=1", "PATH=/x", "PATH=/y"}, []string{"/x/true"}, false, 0},
		{"", nil, nil, false, syscall.ENOENT},
		{strings.Repeat("a", 256), nil, nil, false, syscall.ENAMETOOLONG},
		{strings.Repeat("a", 255), []string{"PATH=/x"}, []string{"/x/" + strings.Repeat("a", 255)}, false, 0},
	} {
		got, direct, errno := execCandidates(tc.file, tc.env)
		if !reflect.DeepEqual(got, tc.want) || direct != tc.direct || errno != tc.errno {
			t.Errorf("execCandidates(%.20q, %q) = %q, %v, %v; want %q, %v, %v",
				tc.file, tc.env, got, direct, errno, tc.want, tc.direct, tc.errno)
		}
	}
}

// TestExecvpRules drives the search with a fake execve: EACCES is
// remembered but the search goes on, ENOENT/ENOTDIR continue, other errors
// stop it, ENOEXEC reruns the file with /bin/sh.
func TestExecvpRules(t *testing.T) {
	env := []string{"PATH=/a:/b:/c"}
	for _, tc := range []struct {
		name    string
		results map[string]syscall.Errno
		want    syscall.Errno
		tried   []string
	}{
		{"all missing", nil, syscall.ENOENT, []string{"/a/p", "/b/p", "/c/p"}},
		{"eacces remembered", map[string]syscall.Errno{"/a/p": syscall.EACCES}, syscall.EACCES,
			[]string{"/a/p", "/b/p", "/c/p"}},
		{"enotdir continues", map[string]syscall.Errno{"/a/p": syscall.ENOTDIR, "/b/p": syscall.E2BIG},
			syscall.E2BIG, []string{"/a/p", "/b/p"}},
		{"enoexec runs sh", map[string]syscall.Errno{"/a/p": syscall.ENOEXEC, "/bin/sh": syscall.ENOENT},
			syscall.ENOENT, []string{"/a/p", "/bin/sh[/bin/sh /a/p x]", "/b/p", "/c/p"}},
	} {
		var tried []string
		got := execvp("p", []string{"p", "x"}, env, func(path string, argv, _ []string) syscall.Errno {
			if path == bourneShell {
				tried = append(tried, path+"["+strings.Join(argv, " ")+"]")
			} else {
				tried = append(tried, path)
			}
			if e, ok := tc.results[path]; ok {
				return e
			}
			return syscall.ENOENT
		})
		if got != tc.want || !reflect.DeepEqual(tried, tc.tried) {
			t.Errorf("%s: errno %v, tried %q; want %v, %q", tc.name, got, tried, tc.want, tc.tried)
		}
	}
}

// TestExecError checks errexec's exit codes: 127 for "not found", 126 for
// everything else.
func TestExecError(t *testing.T) {
	if e := execError("nosuch", syscall.ENOENT); e.Code != 127 || e.Msg != "failed to execute nosuch: No such file or directory" {
		t.Errorf("ENOENT: %d %q", e.Code, e.Msg)
	}
	if e := execError("/etc/passwd", syscall.EACCES); e.Code != 126 || e.Msg != "failed to execute /etc/passwd: Permission denied" {
		t.Errorf("EACCES: %d %q", e.Code, e.Msg)
	}
}

// TestEnvFromEnviron checks -e: reversed order, last duplicate wins,
// entries without '=' skipped, empty environ gives an empty environment.
func TestEnvFromEnviron(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  []string
		errno syscall.Errno
	}{
		{"A=9\x00BB=22\x00C=3\x00", []string{"C=3", "BB=22", "A=9"}, 0},
		{"A=1\x00B=2\x00A=3\x00", []string{"A=3", "B=2"}, 0},
		{"A=1\x00junk\x00B=\x00", []string{"B=", "A=1"}, 0},
		{"A=x=y\x00", []string{"A=x=y"}, 0},
		{"", []string{}, 0},
		{"=v\x00", nil, syscall.EINVAL},
	} {
		got, errno := envFromEnviron([]byte(tc.in))
		if errno != tc.errno || (errno == 0 && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("envFromEnviron(%q) = %q, %v; want %q, %v", tc.in, got, errno, tc.want, tc.errno)
		}
	}
}

// TestLoginShell checks the pieces of util-linux exec_shell: libgen
// basename for argv[0] and the passwd lookup.
func TestLoginShell(t *testing.T) {
	for in, want := range map[string]string{"/bin/bash": "bash", "": ".", "/": "/", "/usr/bin/": "bin", "sh": "sh"} {
		if got := posixBasename(in); got != want {
			t.Errorf("posixBasename(%q) = %q, want %q", in, got, want)
		}
	}
	passwd := []byte("root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/zsh\nbad:line\n")
	if got := shellFromPasswd(passwd, 1000); got != "/bin/zsh" {
		t.Errorf("uid 1000 shell = %q", got)
	}
	if got := shellFromPasswd(passwd, 5); got != "" {
		t.Errorf("unknown uid shell = %q", got)
	}
}

// TestStrerror checks glibc's wording, which differs from Go's in case.
func TestStrerror(t *testing.T) {
	for errno, want := range map[syscall.Errno]string{
		syscall.ENOENT: "No such file or directory", syscall.EUSERS: "Too many users",
		syscall.ENOTTY: "Inappropriate ioctl for device", syscall.ERANGE: "Numerical result out of range",
		133: "Memory page has hardware error", 41: "Unknown error 41",
	} {
		if got := Strerror(errno); got != want {
			t.Errorf("Strerror(%d) = %q, want %q", int(errno), got, want)
		}
	}
}
