package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// startup times `gonsenter -t PID NS... /bin/true` against util-linux
// nsenter with the same arguments, interleaved (A B B A ...), after a few
// warm-up runs: the thread path (-n), every namespace (-a) and the fork
// path (-U -m into a user+mount namespace).
func startup(r *report) {
	const title = "1. Start-up: `-t PID ... /bin/true`"
	if !r.can(title, true, "nsenter", "unshare") {
		return
	}
	cases := []struct {
		name, goal string
		limit      float64
		target     []string
		args       []string
	}{
		{"-n (thread path)", "≤ 1.6×", 1.6, []string{"unshare", "--net", "--uts", "--fork", "sleep", "1000"}, []string{"-n"}},
		{"-a (thread path, 6 namespaces)", "≤ 1.6×", 1.6, []string{"unshare", "--mount", "--uts", "--ipc", "--net", "--pid", "--cgroup",
			"--fork", "--mount-proc", "sleep", "1000"}, []string{"-a"}},
		{"-U -m (fork path, user+mount)", "≤ 2×", 2, []string{"unshare", "--user", "--map-root-user", "--mount", "--fork", "sleep", "1000"}, []string{"-U", "-m"}},
	}
	s := section{title: title, header: []string{"case", "gonsenter median", "nsenter median", "ratio", "p90 ratio", "goal"}}
	for _, c := range cases {
		tg, err := startTarget(c.target...)
		if err != nil {
			s.rows = append(s.rows, []string{c.name, "-", "-", "-", "-", "skipped: " + err.Error()})
			continue
		}
		args := append([]string{"-t", strconv.Itoa(tg.pid)}, c.args...)
		args = append(args, "/bin/true")
		ours, theirs := interleave(*runsFlag, append([]string{r.bin}, args...), append([]string{"nsenter"}, args...))
		tg.stop()
		mo, mt := median(ours), median(theirs)
		s.rows = append(s.rows, []string{c.name, ms(mo), ms(mt), ratio(mo, mt),
			ratio(percentile(ours, 90), percentile(theirs, 90)), verdict(mo/mt, c.limit)})
		s.commands = append(s.commands, "gonsenter "+strings.Join(args, " ")+"   vs   nsenter "+strings.Join(args, " "))
	}
	s.notes = append(s.notes, fmt.Sprintf("%d runs per tool and case after 10 warm-up runs each, alternating which tool goes first; "+
		"wall-clock time of fork+exec+wait as seen by the bench. Targets: `unshare ... --fork sleep`.", *runsFlag))
	r.add(s)
}

// interleave runs a and b n times each, alternately, and returns their
// wall-clock times in milliseconds.
func interleave(n int, a, b []string) (ta, tb []float64) {
	run := func(argv []string) float64 {
		c := exec.Command(argv[0], argv[1:]...)
		t0 := time.Now()
		if err := c.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "bench: %q: %v\n", argv, err)
		}
		return float64(time.Since(t0).Microseconds()) / 1000
	}
	for i := 0; i < 10; i++ {
		run(a)
		run(b)
	}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			ta = append(ta, run(a))
			tb = append(tb, run(b))
		} else {
			tb = append(tb, run(b))
			ta = append(ta, run(a))
		}
	}
	return ta, tb
}
