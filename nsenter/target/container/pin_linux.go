package container

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// userHZ is the unit of /proc/PID/stat's starttime: USER_HZ, fixed at 100
// by the kernel ABI on every architecture Go supports.
const userHZ = 100

// startSlack absorbs the rounding of starttime (one tick) and of file
// timestamps; a PID reused within that window after the runtime recorded
// it is not distinguishable by time (the cgroup check still is).
const startSlack = time.Second

// StaleError says the PID a runtime recorded is gone or now someone else's.
type StaleError struct {
	C      *Container
	Reason string
}

func (e *StaleError) Error() string {
	return "container " + e.C.Label() + " is not running (" + e.Reason + ")"
}

// Pin opens a pidfd on c's init process and then checks that the process
// behind it is the container's: the pidfd keeps naming that process even if
// the number is reused later, so checking after opening closes the race.
// It returns the pidfd, or -1 on kernels without pidfd_open (< 5.3), where
// only the check is done.
func Pin(c *Container, proc string) (int, error) {
	fd, err := unix.PidfdOpen(c.PID, 0)
	switch {
	case err == unix.ESRCH:
		return -1, &StaleError{c, "its init process " + strconv.Itoa(c.PID) + " has exited"}
	case err == unix.ENOSYS:
		fd = -1
	case err != nil:
		return -1, os.NewSyscallError("pidfd_open", err)
	}
	if err := verify(c, proc); err != nil {
		if fd >= 0 {
			unix.Close(fd)
		}
		return -1, err
	}
	return fd, nil
}

// verify checks c.PID against what the runtime recorded, strongest
// evidence first: runc's exact init_process_start; the container ID in the
// process's cgroup; else the process must have started before the runtime
// wrote its PID (pid file mtime) or said it started (API StartedAt).
func verify(c *Container, proc string) error {
	start, state, err := procStat(proc, c.PID)
	if err != nil {
		return &StaleError{c, "its init process " + strconv.Itoa(c.PID) + " has exited"}
	}
	if state == 'Z' || state == 'X' {
		return &StaleError{c, "its init process " + strconv.Itoa(c.PID) + " is a zombie"}
	}
	if c.initStart != 0 {
		if start == c.initStart {
			return nil
		}
		return reused(c)
	}
	if inCgroup(proc, c.PID, c.ID) {
		return nil
	}
	if !c.notAfter.IsZero() && startTime(start).After(c.notAfter.Add(startSlack)) {
		return reused(c)
	}
	return nil
}

func reused(c *Container) error {
	return &StaleError{c, "PID " + strconv.Itoa(c.PID) + " now belongs to a process that started after the container"}
}

// procStat returns starttime (field 22) and the state letter (field 3) of
// /proc/PID/stat. The command name (field 2) may hold spaces and
// parentheses, so fields are counted after the last ')'.
func procStat(proc string, pid int) (uint64, byte, error) {
	b, err := os.ReadFile(proc + "/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, 0, errors.New("malformed stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 20 {
		return 0, 0, errors.New("malformed stat")
	}
	start, err := strconv.ParseUint(f[19], 10, 64)
	return start, f[0][0], err
}

// startTime converts a starttime in ticks since boot to wall-clock time
// through CLOCK_BOOTTIME (btime in /proc/stat has only whole seconds).
func startTime(ticks uint64) time.Time {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts) != nil {
		return time.Time{}
	}
	sinceBoot := time.Duration(ts.Nano())
	age := sinceBoot - time.Duration(ticks)*(time.Second/userHZ)
	return time.Now().Add(-age)
}

// inCgroup reports whether id appears in pid's cgroup paths.
func inCgroup(proc string, pid int, id string) bool {
	if !isFullID(id) {
		return false
	}
	b, err := os.ReadFile(proc + "/" + strconv.Itoa(pid) + "/cgroup")
	return err == nil && bytes.Contains(b, []byte(id))
}

// netnsIno returns the inode of pid's network namespace.
func netnsIno(proc string, pid int) (uint64, error) {
	var st syscall.Stat_t
	if err := syscall.Stat(proc+"/"+strconv.Itoa(pid)+"/ns/net", &st); err != nil {
		return 0, err
	}
	return st.Ino, nil
}
