package capture

import (
	"errors"
	"fmt"

	"github.com/gonsenter/gonsenter/pcap/afpacket"
)

// openError prints afpacket's diagnosis as tcpdump does: the detail in
// parentheses goes on a second line.
func openError(err error) error {
	var oe *afpacket.OpenError
	if errors.As(err, &oe) && oe.Detail != "" {
		return fmt.Errorf("%s: %s\n(%s)", oe.Device, oe.Err, oe.Detail)
	}
	return err
}
