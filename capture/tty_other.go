//go:build !linux

package capture

import "os"

// fileIsTerminal is only needed for live capture, which is Linux-only.
func fileIsTerminal(*os.File) bool { return false }
