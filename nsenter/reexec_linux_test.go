package nsenter

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestHandoffEnvironment: the second stage's environment carries exactly
// one copy of each handoff variable, ours, even when the target's
// environment (-e) tries to plant its own first.
func TestHandoffEnvironment(t *testing.T) {
	env := []string{"A=1", "_GONSENTER_HOST_ROOT=0", "_GONSENTER_STAGE=shell", "B=2"}
	if got := withoutHandoff(env); !reflect.DeepEqual(got, []string{"A=1", "B=2"}) {
		t.Errorf("withoutHandoff: %q", got)
	}
	root, err := openHostRoot()
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(root)
	wd, _ := unix.Getwd()
	want := []string{hostRootEnv + "=" + strconv.Itoa(root), hostCwdEnv + "=" + wd}
	if got := hostEnv(root); !reflect.DeepEqual(got, want) {
		t.Errorf("hostEnv: %q, want %q", got, want)
	}
	flags, err := unix.FcntlInt(uintptr(root), unix.F_GETFD, 0)
	if err != nil || flags&unix.FD_CLOEXEC == 0 {
		t.Errorf("the root descriptor must stay close-on-exec in stage 1 (flags %d, %v)", flags, err)
	}
}

// TestExecOnlyCopy: the image stage 2 runs from inside a user namespace is
// a sealed copy with mode 0111.
func TestExecOnlyCopy(t *testing.T) {
	exe, err := openRO("/proc/self/exe")
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(exe)
	img, err := execOnlyCopy(exe)
	if err != nil {
		t.Skipf("no memfd here: %v", err)
	}
	defer unix.Close(img)
	var a, b unix.Stat_t
	unix.Fstat(exe, &a)
	unix.Fstat(img, &b)
	if b.Size != a.Size || b.Mode&0o7777 != 0o111 {
		t.Errorf("copy: size %d (want %d), mode %o (want 111)", b.Size, a.Size, b.Mode&0o7777)
	}
	seals, _ := unix.FcntlInt(uintptr(img), unix.F_GET_SEALS, 0)
	if want := unix.F_SEAL_SEAL | unix.F_SEAL_SHRINK | unix.F_SEAL_GROW | unix.F_SEAL_WRITE; seals&want != want {
		t.Errorf("seals %#x, want %#x", seals, want)
	}
	if _, err := unix.Write(img, []byte("x")); err == nil {
		t.Error("the sealed copy is writable")
	}
	if link, _ := readlinkFD(img); !strings.HasPrefix(link, "/memfd:gonsenter") {
		t.Errorf("copy is %q", link)
	}
}

func readlinkFD(fd int) (string, error) {
	buf := make([]byte, 256)
	n, err := unix.Readlink("/proc/self/fd/"+strconv.Itoa(fd), buf)
	if err != nil {
		return "", err
	}
	return string(buf[:n]), nil
}

// TestUnmappedGroups: the groups offered for the stage image avoid every
// id the target's gid_map maps; with an unknown map only the highest id
// is offered, and a map of every id leaves nothing to offer.
func TestUnmappedGroups(t *testing.T) {
	m := parseIDMap([]byte("         0       1000          1\n         1     100000      65536\nbad line\n"))
	if want := []idExtent{{1000, 1}, {100000, 65536}}; !reflect.DeepEqual(m, want) {
		t.Fatalf("parseIDMap: %v, want %v", m, want)
	}
	got := unmappedGroups(m, true)
	for _, g := range []uint32{maxID, 1001, 999, 165536, 99999} {
		if !containsID(got, g) {
			t.Errorf("unmappedGroups(%v) = %v, lacks %d", m, got, g)
		}
	}
	for _, g := range got {
		if mapped(m, uint64(g)) {
			t.Errorf("unmappedGroups offers %d, which %v maps", g, m)
		}
	}
	if got := unmappedGroups(nil, false); !reflect.DeepEqual(got, []uint32{maxID}) {
		t.Errorf("unknown map: %v, want [%d]", got, maxID)
	}
	if got := unmappedGroups(parseIDMap([]byte("0 0 4294967295\n")), true); len(got) != 0 {
		t.Errorf("a map of every id: %v, want nothing", got)
	}
}

func containsID(list []uint32, v uint32) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// TestDisownImage: as root, the copy gets a group the target does not map
// (tests/hardening TestPrivStagesInsideTargetAreNotReachable shows what
// that keeps the target's root from).
func TestDisownImage(t *testing.T) {
	if unix.Geteuid() != 0 {
		t.Skip("needs root (fchown to any group): run as root")
	}
	exe, err := openRO("/proc/self/exe")
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(exe)
	img, err := execOnlyCopy(exe)
	if err != nil {
		t.Skipf("no memfd here: %v", err)
	}
	defer unix.Close(img)
	disownImage(img, []idExtent{{0, 1}}, true)
	var st unix.Stat_t
	if err := unix.Fstat(img, &st); err != nil || st.Gid != maxID || st.Mode&0o7777 != 0o111 {
		t.Errorf("copy: gid %d mode %o (%v), want gid %d mode 111", st.Gid, st.Mode&0o7777, err, maxID)
	}
}
