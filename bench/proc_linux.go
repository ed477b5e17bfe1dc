package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// target is a sleeping process in namespaces the bench made.
type target struct {
	cmd *exec.Cmd
	pid int // the sleep itself (unshare --fork's child)
}

// startTarget runs argv (ending in "sleep N") and finds the sleep.
func startTarget(argv ...string) (*target, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	t := &target{cmd: cmd}
	for i := 0; i < 500; i++ {
		if pid := findComm(cmd.Process.Pid, "sleep"); pid > 0 {
			t.pid = pid
			return t, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.stop()
	return nil, errors.New(strings.Join(argv, " ") + ": no sleep process appeared")
}

func (t *target) stop() {
	syscall.Kill(-t.cmd.Process.Pid, syscall.SIGKILL)
	if t.pid > 0 {
		syscall.Kill(t.pid, syscall.SIGKILL)
	}
	t.cmd.Wait()
}

// findComm finds pid or a descendant whose comm is name.
func findComm(pid int, name string) int {
	if b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm"); strings.TrimSpace(string(b)) == name {
		return pid
	}
	b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/task/" + strconv.Itoa(pid) + "/children")
	for _, f := range strings.Fields(string(b)) {
		if c, err := strconv.Atoi(f); err == nil {
			if p := findComm(c, name); p > 0 {
				return p
			}
		}
	}
	return 0
}

// have reports whether every tool is on PATH.
func have(tools ...string) (string, bool) {
	for _, t := range tools {
		if _, err := exec.LookPath(t); err != nil {
			return t + " not installed", false
		}
	}
	return "", true
}

// usage is the rusage of a finished command: CPU (user+system) and peak RSS.
func usage(c *exec.Cmd) (cpu time.Duration, maxRSSKiB int64) {
	user, sys, rss := usageSplit(c)
	return user + sys, rss
}

// usageSplit separates user and system time: system time of a capture
// includes softirq work the kernel happened to charge to it.
func usageSplit(c *exec.Cmd) (user, sys time.Duration, maxRSSKiB int64) {
	ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano()), int64(ru.Maxrss)
}
