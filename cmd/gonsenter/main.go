// Command gonsenter is util-linux nsenter in pure Go with a built-in
// tcpdump. It is a multi-call binary: invoked as "nsenter" it speaks as
// nsenter, as "tcpdump" it is the capture tool, as "pause" it idles as the
// main process of the DaemonSet image, otherwise it is gonsenter (nsenter
// options, then optionally --capture and tcpdump's).

// The runtime's cgroup-aware GOMAXPROCS keeps cgroup files open for the
// life of the process. They are close-on-exec, but they would shift every
// descriptor number we print (`pidfd_getfd(3, 5)`) away from util-linux's
// and cost start-up time; nsenter needs neither.
//
//go:debug containermaxprocs=0
//go:debug updatemaxprocs=0
package main

import (
	"os"
	"runtime"
	"strings"

	"github.com/gonsenter/gonsenter/capture"
	"github.com/gonsenter/gonsenter/nsenter"
)

// Lock the main goroutine to the main thread before main runs: nsenter
// changes this thread's namespaces and execs from it, keeping our PID.
func init() { runtime.LockOSThread() }

// captureMain is the capture mode's entry point (tcpdump, --capture); a
// variable so a build can leave it out (nil: "capture mode is not built in").
var captureMain nsenter.CaptureFunc = capture.MainIn

func main() {
	name := os.Args[0][strings.LastIndexByte(os.Args[0], '/')+1:]
	if name == "pause" {
		os.Exit(pause())
	}
	if name == "tcpdump" {
		if captureMain == nil {
			os.Stderr.WriteString("gonsenter: capture mode is not built in\n")
			os.Exit(1)
		}
		os.Exit(captureMain(name, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, nsenter.CaptureTarget{}))
	}
	os.Exit(nsenter.Main(os.Args, os.Stdin, os.Stdout, os.Stderr, nsenter.Hooks{Capture: captureMain}))
}
