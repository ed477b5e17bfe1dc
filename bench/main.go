// Command bench is `make bench`: gonsenter side by side with util-linux
// nsenter and tcpdump, in one run, on this machine. Every speed figure is a
// median of interleaved runs and is reported as a ratio to the reference
// tool measured in the same run: absolute times on a shared machine mean
// little, ratios measured together do. It prints one markdown report and
// writes it to BENCHMARKS.md with the exact commands, the machine and the
// date. Tests never assert times; this is the only place they are taken.
//
// Sections (issue #8): start-up of the nsenter paths, capture throughput
// and drops over a veth pair driven by our own AF_PACKET generator, text
// printing of a large capture, filter program sizes and compile times,
// binary size, and package initialisation. Sections whose tools or
// privileges are missing are reported as skipped, with the reason.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	binFlag   = flag.String("bin", "bin/gonsenter", "gonsenter binary under test")
	outFlag   = flag.String("out", "BENCHMARKS.md", "report file ('' for stdout only)")
	runsFlag  = flag.Int("n", 200, "start-up runs per tool and case")
	durFlag   = flag.Duration("duration", 3*time.Second, "traffic per capture run")
	pktsFlag  = flag.Int("packets", 1000000, "packets in the text-printing capture")
	onlyFlag  = flag.String("only", "", "comma-separated sections to run (startup,capture,printing,filters,size,init)")
	dataFlag  = flag.String("testdata", "../shared/testdata", "shared test data (filter corpus), if present")
	genFlag   = flag.Bool("gen", false, "internal: run the traffic generator (see gen_linux.go)")
	ifaceFlag = flag.String("iface", "", "internal: generator interface")
	sizeFlag  = flag.Int("size", 64, "internal: generator frame size")
)

func main() {
	flag.Parse()
	if *genFlag {
		os.Exit(generate(*ifaceFlag, *sizeFlag, *durFlag))
	}
	bin, err := filepath.Abs(*binFlag)
	if err == nil {
		_, err = os.Stat(bin)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench: gonsenter binary:", err, "(run make build, or pass -bin)")
		os.Exit(1)
	}
	r := &report{bin: bin, start: time.Now()}
	sections := []struct {
		name string
		run  func(*report)
	}{
		{"startup", startup}, {"capture", captureThroughput}, {"printing", printing},
		{"filters", filters}, {"size", binarySize}, {"init", packageInit},
	}
	for _, s := range sections {
		if *onlyFlag != "" && !strings.Contains(","+*onlyFlag+",", ","+s.name+",") {
			continue
		}
		fmt.Fprintf(os.Stderr, "bench: %s ...\n", s.name)
		t0 := time.Now()
		s.run(r)
		fmt.Fprintf(os.Stderr, "bench: %s done in %.1fs\n", s.name, time.Since(t0).Seconds())
	}
	text := r.markdown()
	fmt.Print(text)
	if *outFlag != "" {
		if err := os.WriteFile(*outFlag, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, "bench: wrote", *outFlag)
	}
}
