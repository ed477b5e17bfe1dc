package capture

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/gonsenter/gonsenter/internal/sigexit"
)

// fatalSignals are the asynchronous signals whose default action ends a C
// program such as tcpdump (which handles none of them), but which the Go
// runtime would turn into a goroutine dump on stderr (SIGQUIT, SIGABRT:
// Ctrl-\ at a terminal) or catch and ignore (the others: a CPU limit's
// SIGXCPU, a stray SIGALRM).
var fatalSignals = []os.Signal{syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGALRM, syscall.SIGVTALRM,
	syscall.SIGXCPU, syscall.SIGPWR, syscall.SIGIO}

// dieOnFatalSignals makes those signals end the capture as they end
// tcpdump: at once, killed by the signal, without statistics and without
// flushing buffered output. stop undoes it.
func dieOnFatalSignals() (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, fatalSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			sigexit.DieBy(sig.(syscall.Signal))
		case <-done:
		}
	}()
	return func() { signal.Stop(c); close(done) }
}
