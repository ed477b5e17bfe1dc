package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// binarySize reports the stripped static binary against the static tools
// users would otherwise ship, and what it is made of.
func binarySize(r *report) {
	const title = "5. Binary size"
	s := section{title: title, header: []string{"binary", "bytes", "MiB", "note"}}
	add := func(name string, n int64, note string) {
		s.rows = append(s.rows, []string{name, strconv.FormatInt(n, 10), fmt.Sprintf("%.2f", float64(n)/(1<<20)), note})
	}
	if st, err := os.Stat(r.bin); err == nil {
		note := "stripped, static (CGO_ENABLED=0, -s -w); goal ≤ 3 MiB: " + metOrMissed(st.Size() <= 3<<20)
		add("gonsenter", st.Size(), note)
	}
	add("static tcpdump 4.9.2 (ksniff)", 2696368, "as shipped by ksniff (users-and-peers.md; not measured here)")
	if st, err := os.Stat("/bin/busybox"); err == nil {
		add("busybox (Debian busybox-static)", st.Size(), "static, all applets; its nsenter has no -a, cgroup, time")
	}
	if p, err := exec.LookPath("tcpdump"); err == nil {
		if st, err := os.Stat(p); err == nil {
			add("tcpdump (Debian)", st.Size(), "dynamic: also needs libpcap, libcrypto, libdbus, libsystemd")
		}
	}
	if p, err := exec.LookPath("nsenter"); err == nil {
		if st, err := os.Stat(p); err == nil {
			add("nsenter (Debian util-linux)", st.Size(), "dynamic")
		}
	}
	s.notes = append(s.notes, composition())
	r.add(s)
}

// composition lists the largest packages of an unstripped build, by the
// size of their symbols (go tool nm -size).
func composition() string {
	dir, err := os.MkdirTemp("", "gnsbench-")
	if err != nil {
		return ""
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "gonsenter")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/gonsenter")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return "Composition: build failed: " + string(out)
	}
	out, err := exec.Command("go", "tool", "nm", "-size", bin).Output()
	if err != nil {
		return ""
	}
	sizes := map[string]int64{}
	var total int64
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 4 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		sizes[pkgOf(f[3])] += n
		total += n
	}
	type kv struct {
		k string
		v int64
	}
	var list []kv
	for k, v := range sizes {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	var parts []string
	for _, e := range list[:min(12, len(list))] {
		parts = append(parts, fmt.Sprintf("%s %d KB", e.k, e.v/1000))
	}
	return fmt.Sprintf("Composition (symbol bytes of an unstripped build, %d KB in all; the file adds the line tables): %s.",
		total/1000, strings.Join(parts, ", "))
}

// pkgOf is the package path of a symbol name.
func pkgOf(sym string) string {
	if i := strings.LastIndexByte(sym, '/'); i >= 0 {
		if j := strings.IndexByte(sym[i:], '.'); j >= 0 {
			return sym[:i+j]
		}
		return sym
	}
	if j := strings.IndexByte(sym, '.'); j >= 0 {
		return sym[:j]
	}
	return sym
}
