// Package strerror renders errors in glibc's words, as the C tools gonsenter
// imitates print them.
package strerror

import (
	"errors"
	"os"
	"syscall"
)

// Of returns glibc's strerror text for the errno inside err. Go's syscall
// table is glibc's with the first letter lowered; util-linux prints
// glibc's form ("No such file or directory"). An error without an errno
// is returned as it is.
func Of(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return Of(pe.Err)
		}
		return err.Error()
	}
	switch errno {
	case 0:
		return "Success"
	case 133: // EHWPOISON, missing from Go's table
		return "Memory page has hardware error"
	}
	s := errno.Error()
	if len(s) > 0 && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	if len(s) > 6 && s[:6] == "Errno " {
		return "Unknown error " + s[6:]
	}
	return s
}
