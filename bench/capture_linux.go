package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// captureThroughput drives a veth pair as fast as the generator can and
// captures the receiving side with tcpdump and with gonsenter, each in
// turn, with -w /dev/null, a real file, and a filter.
func captureThroughput(r *report) {
	const title = "2. Capture throughput over a veth pair"
	if !r.can(title, true, "ip", "tcpdump") {
		return
	}
	v, err := newVeth()
	if err != nil {
		r.skip(title, err.Error())
		return
	}
	defer v.close()
	dir, _ := os.MkdirTemp("", "gnsbench-")
	defer os.RemoveAll(dir)
	s := section{title: title, header: []string{"frames", "output", "tool", "offered", "captured", "dropped by kernel",
		"CPU s / M captured (user+sys)", "peak RSS", "CPU ratio", "RSS ratio"}}
	s.commands = []string{
		"ip netns exec S bench -gen -iface vA -size {64,1500} -duration " + durFlag.String(),
		"ip netns exec R tcpdump -i vB -n -w OUT [udp dst port 9]",
		"gonsenter -t PID_IN_R -n --capture -i vB -n -w OUT [udp dst port 9]",
	}
	goals := map[string]bool{"drops": true, "cpu": true, "rss": true}
	for _, size := range []int{64, 1500} {
		for _, mode := range []struct{ name, out, filter string }{
			{"-w /dev/null", "/dev/null", ""}, {"-w file", dir + "/f.pcap", ""}, {"-w /dev/null + filter", "/dev/null", "udp dst port 9"},
		} {
			tcpd := []string{"ip", "netns", "exec", v.r, "tcpdump", "-i", "vB", "-n", "-w", mode.out}
			ours := []string{r.bin, "-t", strconv.Itoa(v.target.pid), "-n", "--capture", "-i", "vB", "-n", "-w", mode.out}
			if mode.filter != "" {
				tcpd, ours = append(tcpd, mode.filter), append(ours, mode.filter)
			}
			rt := v.run(tcpd, size)
			os.Remove(dir + "/f.pcap")
			ro := v.run(ours, size)
			os.Remove(dir + "/f.pcap")
			label := fmt.Sprintf("%d B", size)
			s.rows = append(s.rows, rt.row(label, mode.name, "tcpdump", "", ""))
			s.rows = append(s.rows, ro.row(label, mode.name, "gonsenter", ratio(ro.cpuPerM(), rt.cpuPerM()), ratio(float64(ro.rss), float64(rt.rss))))
			goals["drops"] = goals["drops"] && ro.dropped <= rt.dropped
			goals["cpu"] = goals["cpu"] && ro.cpuPerM() <= rt.cpuPerM()
			goals["rss"] = goals["rss"] && float64(ro.rss) <= 2*float64(rt.rss)
		}
	}
	s.notes = append(s.notes,
		"Offered: frames the generator's sendmmsg accepted. Captured, dropped: the capture's own statistics lines after SIGINT. "+
			"CPU: user+system time of the capture process (rusage) per million captured packets; peak RSS from the same rusage. "+
			"System time includes receive-path softirq work the kernel charges to whichever process was running, so it is noisier than user time.",
		fmt.Sprintf("Goals: no more kernel drops than tcpdump in every row: %s; CPU per packet ≤ 1.0× tcpdump's in every row: %s; RSS ≤ 2×: %s.",
			metOrMissed(goals["drops"]), metOrMissed(goals["cpu"]), metOrMissed(goals["rss"])))
	r.add(s)
}

func metOrMissed(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

// veth is two network namespaces joined by a veth pair, with a sleeping
// target in the receiving one.
type veth struct {
	s, r   string
	target *target
}

func newVeth() (*veth, error) {
	id := strconv.Itoa(os.Getpid())
	v := &veth{s: "gnsbS" + id, r: "gnsbR" + id}
	steps := [][]string{
		{"ip", "netns", "add", v.s}, {"ip", "netns", "add", v.r},
		{"ip", "link", "add", "vA", "netns", v.s, "type", "veth", "peer", "name", "vB", "netns", v.r},
		{"ip", "-n", v.s, "link", "set", "vA", "up"}, {"ip", "-n", v.r, "link", "set", "vB", "up"},
	}
	for _, st := range steps {
		if out, err := exec.Command(st[0], st[1:]...).CombinedOutput(); err != nil {
			v.close()
			return nil, fmt.Errorf("%s: %v: %s", strings.Join(st, " "), err, out)
		}
	}
	t, err := startTarget("ip", "netns", "exec", v.r, "sleep", "1000")
	if err != nil {
		v.close()
		return nil, err
	}
	v.target = t
	return v, nil
}

func (v *veth) close() {
	if v.target != nil {
		v.target.stop()
	}
	exec.Command("ip", "netns", "del", v.s).Run()
	exec.Command("ip", "netns", "del", v.r).Run()
}

// capRun is one capture run's outcome.
type capRun struct {
	offered, captured, dropped int
	cpu, user, sys             time.Duration
	rss                        int64
	err                        string
}

func (c capRun) cpuPerM() float64 {
	if c.captured == 0 {
		return 0
	}
	return c.cpu.Seconds() / float64(c.captured) * 1e6
}

func (c capRun) row(size, mode, tool, cpuRatio, rssRatio string) []string {
	if c.err != "" {
		return []string{size, mode, tool, "-", "-", "-", "-", "-", "-", c.err}
	}
	return []string{size, mode, tool, strconv.Itoa(c.offered), strconv.Itoa(c.captured), strconv.Itoa(c.dropped),
		fmt.Sprintf("%.3f (%.3f+%.3f)", c.cpuPerM(), perM(c.user, c.captured), perM(c.sys, c.captured)),
		fmt.Sprintf("%d KiB", c.rss), cpuRatio, rssRatio}
}

var statLine = regexp.MustCompile(`(?m)^(\d+) packets? (captured|dropped by kernel)$`)

// run starts the capture, waits for its banner, sends traffic for the
// configured duration, stops the capture with SIGINT and reads its
// statistics and resource usage.
func (v *veth) run(argv []string, size int) capRun {
	cmd := exec.Command(argv[0], argv[1:]...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		return capRun{err: err.Error()}
	}
	var mu sync.Mutex
	var text strings.Builder
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		once := sync.Once{}
		for sc.Scan() {
			mu.Lock()
			text.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if strings.Contains(sc.Text(), "listening on") {
				once.Do(func() { close(ready) })
			}
		}
		once.Do(func() { close(ready) })
		io.Copy(io.Discard, stderr)
	}()
	<-ready
	self, _ := os.Executable()
	out, err := exec.Command("ip", "netns", "exec", v.s, self, "-gen", "-iface", "vA",
		"-size", strconv.Itoa(size), "-duration", durFlag.String()).Output()
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	res := capRun{}
	if err != nil {
		res.err = "generator: " + err.Error()
	}
	fmt.Sscanf(string(out), "sent %d", &res.offered)
	mu.Lock()
	for _, m := range statLine.FindAllStringSubmatch(text.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		if m[2] == "captured" {
			res.captured = n
		} else {
			res.dropped = n
		}
	}
	mu.Unlock()
	res.user, res.sys, res.rss = usageSplit(cmd)
	res.cpu = res.user + res.sys
	return res
}

func perM(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return d.Seconds() / float64(n) * 1e6
}
