//go:build !linux

package capture

import "os"

// openFile is os.OpenFile: only Linux has a second stage (hostfs_linux.go).
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	return os.OpenFile(name, flag, os.FileMode(perm))
}

func hostErr() error { return nil }

func releaseHost() {}
