package main

import (
	"os"
	"os/signal"
	"syscall"
)

// pause is the multi-call name "pause": the main process of the
// FROM-scratch image's DaemonSet pod (deploy/kubernetes), which has no
// shell or sleep to keep the container alive while users `kubectl exec`
// gonsenter in it. Like Kubernetes' pause container it sleeps until
// SIGINT or SIGTERM and exits 0; as PID 1 of a pod without hostPID it
// also reaps the orphans that end up with it.
func pause() int {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for sig := range sigs {
		if sig != syscall.SIGCHLD {
			return 0
		}
		reap()
	}
	return 0
}

// reap collects every exited child without blocking.
func reap() {
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
	}
}
