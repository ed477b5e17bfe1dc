package capture

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "re-record golden files from the installed tcpdump")

// run calls Main as the multi-call name "tcpdump" would.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main("tcpdump", args, strings.NewReader(stdin), &o, &e, nil)
	return o.String(), e.String(), code
}

// result is one recorded tcpdump invocation.
type result struct {
	Args   []string
	Stdout string
	Stderr string
	Exit   int
}

// runTcpdump runs the real tcpdump for a golden file.
func runTcpdump(t *testing.T, args []string) result {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command("tcpdump", args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("tcpdump %q: %v", args, err)
	}
	return result{Args: args, Stdout: o.String(), Stderr: e.String(), Exit: code}
}

// golden loads (or with -update records) results for argument lists.
func golden(t *testing.T, name string, cases [][]string) []result {
	t.Helper()
	path := "testdata/" + name + ".json"
	if *update && cases != nil {
		if _, err := exec.LookPath("tcpdump"); err != nil {
			t.Fatalf("-update needs tcpdump: %v", err)
		}
		var rs []result
		for _, a := range cases {
			rs = append(rs, runTcpdump(t, a))
		}
		b, _ := json.MarshalIndent(rs, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return rs
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (record with: go test ./capture -run %s -update)", err, t.Name())
	}
	var rs []result
	if err := json.Unmarshal(b, &rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

func saveGolden(t *testing.T, name string, rs []result) {
	t.Helper()
	b, _ := json.MarshalIndent(rs, "", "  ")
	if err := os.WriteFile("testdata/"+name+".json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
