package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var initLine = regexp.MustCompile(`init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock, (\d+) bytes`)

// packageInit sums what every linked package's init costs on each call
// (GODEBUG=inittrace=1), the part of start-up gonsenter controls before
// its first system call.
func packageInit(r *report) {
	const title = "6. Package initialisation on every call"
	var totals, allocs []float64
	per := map[string][]float64{}
	for i := 0; i < 21; i++ {
		c := exec.Command(r.bin, "--version")
		c.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		out, err := c.CombinedOutput()
		if err != nil {
			r.skip(title, err.Error())
			return
		}
		sum, bytes := 0.0, 0.0
		for _, m := range initLine.FindAllStringSubmatch(string(out), -1) {
			ms, _ := strconv.ParseFloat(m[2], 64)
			b, _ := strconv.ParseFloat(m[3], 64)
			sum += ms
			bytes += b
			per[m[1]] = append(per[m[1]], ms)
		}
		totals, allocs = append(totals, sum), append(allocs, bytes)
	}
	type kv struct {
		k string
		v float64
	}
	var top []kv
	for k, v := range per {
		top = append(top, kv{k, median(v)})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v })
	var parts []string
	for _, e := range top[:min(6, len(top))] {
		parts = append(parts, fmt.Sprintf("%s %.3f ms", e.k, e.v))
	}
	r.add(section{title: title, commands: []string{"GODEBUG=inittrace=1 gonsenter --version   (21 runs)"},
		header: []string{"packages with init work", "median total init clock", "median bytes allocated", "largest (median)"},
		rows:   [][]string{{strconv.Itoa(len(per)), fmt.Sprintf("%.3f ms", median(totals)), fmt.Sprintf("%.0f", median(allocs)), strings.Join(parts, ", ")}},
	})
}
