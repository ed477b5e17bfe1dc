//go:build !linux

package afpacket

import (
	"errors"

	"github.com/gonsenter/gonsenter/pcap"
)

var errNotLinux = errors.New("afpacket: live capture needs Linux")

// Handle is a live capture; on this OS Open always fails.
type Handle struct{}

// Open is unsupported outside Linux.
func Open(cfg Config) (*Handle, error) { return nil, errNotLinux }

func (h *Handle) ReadPacket() (pcap.Packet, error) { return pcap.Packet{}, errNotLinux }

// ReadBatch is not available outside Linux.
func (h *Handle) ReadBatch(dst []pcap.Packet, max int) ([]pcap.Packet, error) {
	return dst, errNotLinux
}

// Wake does nothing outside Linux.
func (h *Handle) Wake()                   {}
func (h *Handle) Stats() (Stats, error)   { return Stats{}, errNotLinux }
func (h *Handle) LinkType() pcap.LinkType { return 0 }
func (h *Handle) Snaplen() uint32         { return 0 }
func (h *Handle) Close() error            { return nil }
func (h *Handle) Warning() string         { return "" }

// Interfaces is unsupported outside Linux.
func Interfaces() ([]Interface, error) { return nil, errNotLinux }
