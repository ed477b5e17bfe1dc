package nsenter

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/gonsenter/gonsenter/internal/sigexit"
	"golang.org/x/sys/unix"
)

// signalPolicy says what the waiting parent does with a signal sent to it.
type signalPolicy int

const (
	// sigDie: behave like util-linux's parent, a C process with default
	// dispositions (the signal kills us; the child lives on).
	sigDie signalPolicy = iota
	// sigForward: pass it on to the child.
	sigForward
	// sigTTY: SIGINT/SIGQUIT: forward unless our process group is the
	// terminal's foreground group, whose members (the child too) got it
	// from the tty already.
	sigTTY
)

// watched are the signals the waiting parent handles itself: those whose
// default action would kill a C program but that the Go runtime would
// ignore or treat differently (USR1/USR2/ALRM are ignored by Go by default).
var watched = []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT,
	syscall.SIGTERM, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM}

// forwardSet is util-linux unshare 2.42's --forward-signals set.
var forwardSet = map[syscall.Signal]bool{syscall.SIGTERM: true, syscall.SIGINT: true,
	syscall.SIGHUP: true, syscall.SIGQUIT: true, syscall.SIGUSR1: true, syscall.SIGUSR2: true}

// policyFor decides per signal. explicit is --forward-signals; stand-in is
// true when util-linux would have had no parent at all (the program would
// be nsenter's own process), so we forward to keep that illusion.
func policyFor(sig syscall.Signal, explicit, standIn bool) signalPolicy {
	switch {
	case explicit && forwardSet[sig]:
		return sigForward
	case !standIn:
		return sigDie
	case sig == syscall.SIGINT || sig == syscall.SIGQUIT:
		return sigTTY
	}
	return sigForward
}

// catchSignals starts queueing the watched signals. It is called before the
// fork, so a signal that arrives while the child starts is held and then
// handled by waitChild instead of killing us. The child does not inherit
// the handlers: runtime_AfterForkInChild resets them to SIG_DFL, and
// signals we inherited as ignored are left alone (not caught at all).
func catchSignals() chan os.Signal {
	ch := make(chan os.Signal, 16)
	for _, sig := range watched {
		if !signal.Ignored(sig) {
			signal.Notify(ch, sig)
		}
	}
	return ch
}

// waitChild is util-linux continue_as_child in the Go parent: wait with
// WUNTRACED, stop ourselves when the child stops and continue it when we are
// continued, exit with its status or die by its signal. Signals queued on ch
// are handled by policyFor; fwdPID is where forwarded signals go.
func waitChild(ch chan os.Signal, pid, fwdPID int, explicit, standIn bool) int {
	go func() {
		for s := range ch {
			sig := s.(syscall.Signal)
			switch policyFor(sig, explicit, standIn) {
			case sigForward:
				unix.Kill(fwdPID, sig)
			case sigTTY:
				if !ttyForeground() {
					unix.Kill(fwdPID, sig)
				}
			default:
				sigexit.DieBy(sig)
			}
		}
	}()
	for {
		var ws unix.WaitStatus
		r, err := unix.Wait4(pid, &ws, unix.WUNTRACED, nil)
		if err == unix.EINTR {
			continue
		}
		if err == nil && r == pid && ws.Stopped() {
			unix.Kill(os.Getpid(), unix.SIGSTOP)
			unix.Kill(pid, unix.SIGCONT)
			continue
		}
		switch {
		case err != nil:
			return 1
		case ws.Exited():
			return ws.ExitStatus()
		case ws.Signaled():
			sigexit.DieBy(ws.Signal())
		}
		return 1
	}
}

// ttyForeground reports whether our process group is the foreground group of
// our controlling terminal.
func ttyForeground() bool {
	fd, err := unix.Open("/dev/tty", unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOCTTY, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	fg, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
	return err == nil && fg == unix.Getpgrp()
}
