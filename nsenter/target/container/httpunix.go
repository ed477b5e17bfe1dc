package container

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
)

// The Docker and Podman Engine APIs are HTTP/1.1 over a unix socket. Their
// SDKs (and net/http) would add megabytes and package inits to every
// nsenter call for the two GET requests gonsenter needs, so this is the
// smallest client that reads what those daemons send: a status line,
// headers, and a body delimited by Content-Length, chunked encoding or the
// end of the connection ("Connection: close" is always requested).

// apiTimeout bounds one request: a daemon that accepts the connection but
// never answers (a hung dockerd) must not hang gonsenter.
const apiTimeout = 10 * time.Second

// maxBody bounds a response body: a container list of a busy host is a few
// MB; anything beyond this is not a daemon we understand.
const maxBody = 64 << 20

// httpError is a response with a status other than 200; Msg is the
// daemon's {"message": ...} when it sent one.
type httpError struct {
	Status int
	Msg    string
}

func (e *httpError) Error() string {
	if e.Msg != "" {
		return "HTTP " + strconv.Itoa(e.Status) + ": " + e.Msg
	}
	return "HTTP " + strconv.Itoa(e.Status)
}

// httpGet sends GET path to the HTTP server on the unix socket sock and
// returns the body of a 200 response.
func httpGet(sock, path string) ([]byte, error) {
	conn, err := dialUnix(sock)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(apiTimeout))
	req := "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: gonsenter\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		return nil, err
	}
	status, body, err := readResponse(bufio.NewReader(conn))
	if err != nil {
		return nil, err
	}
	if status != 200 {
		return nil, &httpError{Status: status, Msg: errorMessage(body)}
	}
	return body, nil
}

// readResponse parses one HTTP/1.x response.
func readResponse(r *bufio.Reader) (status int, body []byte, err error) {
	line, err := readLine(r)
	if err != nil {
		return 0, nil, err
	}
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(rest, " ")
	status, err = strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/1.") || err != nil || status < 100 || status > 999 {
		return 0, nil, errors.New("not an HTTP response: " + strconv.Quote(truncate(line, 40)))
	}
	length, chunked, err := readHeaders(r)
	if err != nil {
		return 0, nil, err
	}
	switch {
	case chunked:
		body, err = readChunked(r)
	case length >= 0:
		body, err = readN(r, length)
	default:
		body, err = readToEOF(r)
	}
	return status, body, err
}

// readHeaders returns Content-Length (-1 if absent) and whether the body is
// chunked.
func readHeaders(r *bufio.Reader) (length int64, chunked bool, err error) {
	length = -1
	for {
		line, err := readLine(r)
		if err != nil {
			return 0, false, err
		}
		if line == "" {
			return length, chunked, nil
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return 0, false, errors.New("malformed HTTP header " + strconv.Quote(truncate(line, 40)))
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-length":
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || n < 0 {
				return 0, false, errors.New("bad Content-Length " + strconv.Quote(truncate(value, 20)))
			}
			length = n
		case "transfer-encoding":
			chunked = strings.EqualFold(value, "chunked")
		}
	}
}

// readChunked reads a chunked body (RFC 9112 §7.1), ignoring extensions and
// trailers.
func readChunked(r *bufio.Reader) ([]byte, error) {
	var body []byte
	for {
		line, err := readLine(r)
		if err != nil {
			return nil, err
		}
		size, _, _ := strings.Cut(line, ";")
		n, err := strconv.ParseInt(strings.TrimSpace(size), 16, 64)
		if err != nil || n < 0 {
			return nil, errors.New("bad HTTP chunk size " + strconv.Quote(truncate(line, 20)))
		}
		if n == 0 {
			for line != "" && err == nil {
				line, err = readLine(r)
			}
			return body, err
		}
		if int64(len(body))+n > maxBody {
			return nil, errTooLarge
		}
		chunk, err := readN(r, n)
		if err != nil {
			return nil, err
		}
		body = append(body, chunk...)
		if crlf, err := readLine(r); err != nil || crlf != "" {
			return nil, errors.New("malformed HTTP chunk")
		}
	}
}

var errTooLarge = errors.New("response larger than 64 MiB")

// readN reads exactly n body bytes.
func readN(r *bufio.Reader, n int64) ([]byte, error) {
	if n > maxBody {
		return nil, errTooLarge
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, unexpectedEOF(err)
	}
	return b, nil
}

// readToEOF reads a body delimited by the end of the connection.
func readToEOF(r *bufio.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if len(b) > maxBody {
		return nil, errTooLarge
	}
	return b, err
}

// readLine reads one CRLF- (or LF-) terminated line without its ending.
func readLine(r *bufio.Reader) (string, error) {
	var line []byte
	for {
		part, more, err := r.ReadLine()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		line = append(line, part...)
		if len(line) > 64<<10 {
			return "", errors.New("HTTP line longer than 64 KiB")
		}
		if !more {
			return string(line), nil
		}
	}
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
