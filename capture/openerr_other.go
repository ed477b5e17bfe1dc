//go:build !linux

package capture

// openError passes errors through: live capture is Linux-only.
func openError(err error) error { return err }
