package container

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestReadResponse(t *testing.T) {
	for _, tc := range []struct {
		raw    string
		status int
		body   string
		err    string
	}{
		{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]", 200, "[]", ""},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n[1,\r\n2;ext=1\r\n2]\r\n0\r\nX-Trailer: y\r\n\r\n", 200, "[1,2]", ""},
		{"HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"No such container: x\"}", 404, `{"message":"No such container: x"}`, ""},
		{"HTTP/1.1 200 OK\nContent-Length: 1\n\nx", 200, "x", ""}, // bare LF
		{"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", 0, "", "unexpected EOF"},
		{"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 0, "", "bad Content-Length"},
		{"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n", 0, "", "larger than 64 MiB"},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0, "", "bad HTTP chunk size"},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n", 0, "", "malformed HTTP chunk"},
		{"SSH-2.0-OpenSSH_9.2\r\n", 0, "", "not an HTTP response"},
		{"HTTP/1.1 200 OK\r\nbroken header\r\n\r\n", 0, "", "malformed HTTP header"},
		{"", 0, "", "unexpected EOF"},
	} {
		status, body, err := readResponse(bufio.NewReader(strings.NewReader(tc.raw)))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.raw, err, tc.err)
			}
			continue
		}
		if err != nil || status != tc.status || string(body) != tc.body {
			t.Errorf("%q: got %d %q %v", tc.raw, status, body, err)
		}
	}
}

// fakeEngine serves the two Docker Engine API requests gonsenter makes
// from net/http (an independent HTTP implementation), on a unix socket.
func fakeEngine(t *testing.T, list string, inspect map[string]string) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "docker.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/containers/json", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("all") != "1" {
			t.Errorf("list without all=1: %s", r.URL)
		}
		w.Write([]byte(list))
	})
	mux.HandleFunc("/containers/{id}/json", func(w http.ResponseWriter, r *http.Request) {
		body, ok := inspect[r.PathValue("id")]
		if !ok {
			w.WriteHeader(404)
			w.Write([]byte(`{"message":"No such container: ` + r.PathValue("id") + `"}`))
			return
		}
		if body == "500" {
			w.WriteHeader(500)
			w.Write([]byte(`{"message":"daemon on fire"}`))
			return
		}
		// Flushing first forces a chunked body.
		w.(http.Flusher).Flush()
		w.Write([]byte(body))
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return sock
}

func TestEngineAPI(t *testing.T) {
	self := os.Getpid()
	later := time.Now().Add(time.Hour).UTC().Format(time.RFC3339Nano) // this process started before
	idC := "c" + idA[1:]
	list := `[{"Id":"` + idA + `","Names":["/web"],"State":"running","Labels":{}},
	{"Id":"` + idB + `","Names":["/db"],"State":"exited","Labels":null},
	{"Id":"` + idA[:60] + `beef","Names":["/gone"],"State":"running"},
	{"Id":"` + idC + `","Names":["/old"],"State":"running"}]`
	sock := fakeEngine(t, list, map[string]string{
		idA: `{"Id":"` + idA + `","State":{"Running":true,"Pid":` + strconv.Itoa(self) + `,"StartedAt":"` + later + `"}}`,
		idB: `{"Id":"` + idB + `","State":{"Running":false,"Pid":0}}`,
		// Started long before this process got the PID: a reused PID.
		idC: `{"Id":"` + idC + `","State":{"Running":true,"Pid":` + strconv.Itoa(self) + `,"StartedAt":"2020-01-01T00:00:00.5Z"}}`,
	})
	inv := Discover(Options{Roots: []string{sock}, Runtime: Docker})
	_, err := inv.Find(Ref{Text: "6861"})
	if err == nil || !strings.Contains(err.Error(), `container ID prefix "6861" is ambiguous: gone (docker 6861d9c15b33), web (docker 6861d9c15b33)`) {
		t.Errorf("prefix shared by web and gone: %v", err)
	}
	if c, err := inv.Find(Ref{Text: "web"}); err != nil || c.PID != self {
		t.Fatalf("web: %v %+v", err, c)
	}
	want := "container old (docker c861d9c15b33) is not running (PID " + strconv.Itoa(self) + " now belongs to a process that started after the container)"
	if _, err := inv.Find(Ref{Text: "old"}); err == nil || err.Error() != want {
		t.Errorf("old: %v\nwant %s", err, want)
	}
	if _, err := inv.Find(Ref{Text: "db"}); err == nil || err.Error() != "container db (docker 2aa688200704) is not running" {
		t.Errorf("db: %v", err)
	}
	// Listed but removed before the inspect: not running.
	if _, err := inv.Find(Ref{Text: "gone"}); err == nil || !strings.Contains(err.Error(), "is not running") {
		t.Errorf("gone: %v", err)
	}
	if _, err := inv.Find(Ref{Text: "nope"}); err == nil || err.Error() != `container "nope" not found; searched docker API `+sock+` (4 containers)` {
		t.Errorf("nope: %v", err)
	}
}

func TestEngineAPIErrors(t *testing.T) {
	sock := fakeEngine(t, `[{"Id":"`+idA+`","Names":["/web"],"State":"running"}]`, map[string]string{idA: "500"})
	_, err := Discover(Options{Roots: []string{sock}}).Find(Ref{Text: "web"})
	var de *DetailError
	if !errors.As(err, &de) || err.Error() != "cannot inspect container web (docker 6861d9c15b33): HTTP 500: daemon on fire" {
		t.Errorf("500: %v", err)
	}
	// A socket nobody listens on any more.
	dead := filepath.Join(t.TempDir(), "dead.sock")
	l, _ := net.Listen("unix", dead)
	l.(*net.UnixListener).SetUnlinkOnClose(false)
	l.Close()
	_, err = Discover(Options{Roots: []string{dead}, Runtime: Docker}).Find(Ref{Text: "web"})
	if err == nil || !strings.Contains(err.Error(), "docker API "+dead+" (no daemon answering)") {
		t.Errorf("dead socket: %v", err)
	}
	// Not an API at all.
	notAPI := fakeRaw(t, "SSH-2.0-OpenSSH_9.2\r\n")
	_, err = Discover(Options{Roots: []string{notAPI}, Runtime: Docker}).Find(Ref{Text: "web"})
	if err == nil || !strings.Contains(err.Error(), "(not an HTTP response: \"SSH-2.0-OpenSSH_9.2\")") {
		t.Errorf("not HTTP: %v", err)
	}
}

// fakeRaw answers every connection with raw bytes.
func fakeRaw(t *testing.T, reply string) string {
	sock := filepath.Join(t.TempDir(), "raw.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			bufio.NewReader(c).ReadString('\n') // the request line: reply after it
			c.Write([]byte(reply))
			c.Close()
		}
	}()
	return sock
}
