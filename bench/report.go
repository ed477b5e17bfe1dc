package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// report collects the sections' tables.
type report struct {
	bin      string
	start    time.Time
	sections []section
}

// section is one table with its commands and notes.
type section struct {
	title    string
	commands []string
	header   []string
	rows     [][]string
	notes    []string
}

func (r *report) add(s section) { r.sections = append(r.sections, s) }

// can reports whether a section can run (as root if root, with tools on
// PATH), recording it as skipped with the reason when not.
func (r *report) can(title string, root bool, tools ...string) bool {
	if root && os.Geteuid() != 0 {
		r.skip(title, "needs root")
		return false
	}
	if why, ok := have(tools...); !ok {
		r.skip(title, why)
		return false
	}
	return true
}

// skip records a section that could not run.
func (r *report) skip(title, why string) {
	r.add(section{title: title, notes: []string{"Skipped: " + why + "."}})
}

func (r *report) markdown() string {
	var b strings.Builder
	b.WriteString("# gonsenter benchmarks\n\n")
	b.WriteString("Written by `make bench` (`go run ./bench`); every ratio is gonsenter / reference tool, measured in the same run,\n")
	b.WriteString("interleaved, as medians. Do not compare absolute times across machines or runs.\n\n")
	b.WriteString(machine(r))
	for _, s := range r.sections {
		b.WriteString("\n## " + s.title + "\n\n")
		if len(s.commands) > 0 {
			b.WriteString("```\n" + strings.Join(s.commands, "\n") + "\n```\n\n")
		}
		if len(s.header) > 0 {
			b.WriteString(table(s.header, s.rows))
		}
		for _, n := range s.notes {
			b.WriteString("\n" + n + "\n")
		}
	}
	b.WriteString(fmt.Sprintf("\n_Total bench time: %.0f s._\n", time.Since(r.start).Seconds()))
	return b.String()
}

// table renders a markdown table.
func table(header []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	for range header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	return b.String()
}

// machine describes where the numbers come from.
func machine(r *report) string {
	var u unix.Utsname
	unix.Uname(&u)
	cpu := "unknown"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				cpu = strings.TrimSpace(l[strings.Index(l, ":")+1:])
				break
			}
		}
	}
	facts := [][]string{
		{"date", r.start.UTC().Format("2006-01-02 15:04 MST")},
		{"kernel", unix.ByteSliceToString(u.Sysname[:]) + " " + unix.ByteSliceToString(u.Release[:]) + " " + unix.ByteSliceToString(u.Machine[:])},
		{"CPU", fmt.Sprintf("%s, %d cores online", cpu, runtime.NumCPU())},
		{"gonsenter", firstLine(r.bin, "--version")},
		{"util-linux nsenter", firstLine("nsenter", "--version")},
		{"tcpdump", firstLine("tcpdump", "--version")},
		{"Go (bench)", runtime.Version()},
	}
	return table([]string{"machine", ""}, facts)
}

// firstLine is the first line a command prints (stdout or stderr).
func firstLine(name string, args ...string) string {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil && len(out) == 0 {
		return "not available"
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}
