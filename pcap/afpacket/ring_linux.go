package afpacket

import (
	"os"
	"sync/atomic"
	"time"
	"unsafe"

	xbpf "golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// ring is a TPACKET_V3 receive ring: blockNr blocks of blockSize bytes,
// each holding a variable number of packets, handed between kernel and
// user space with the block_status word.
type ring struct {
	mem       []byte
	blockSize int
	blockNr   int
	cur       int // block being consumed
	inBlock   bool
	left      int // packets left in the current block
	off       int // offset of the next tpacket3_hdr in mem
}

// Ring geometry as libpcap chooses it for TPACKET_V3: 256 KiB "frames"
// (MAXIMUM_SNAPLEN, room for a full 64 KiB GSO packet), a block per frame,
// and 2 MiB in total unless -B asks for another size.
const (
	frameSize      = 262144
	defaultBufSize = 2 * 1024 * 1024
)

// tp3HdrLen is TPACKET_ALIGN(sizeof(struct tpacket3_hdr)): the
// struct sockaddr_ll describing the packet follows at this offset.
const tp3HdrLen = unix.SizeofTpacket3Hdr

// newRing sets PACKET_VERSION to TPACKET_V3, requests the ring and maps it.
func newRing(fd int, cfg Config) (*ring, error) {
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return nil, os.NewSyscallError("setsockopt(PACKET_VERSION)", err)
	}
	size := cfg.BufferSize * 1024
	if size <= 0 {
		size = defaultBufSize
	}
	nr := (size + frameSize - 1) / frameSize
	req := unix.TpacketReq3{
		Block_size:     frameSize,
		Block_nr:       uint32(nr),
		Frame_size:     frameSize,
		Frame_nr:       uint32(nr),
		Retire_blk_tov: retireTimeout(cfg),
	}
	if err := unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		return nil, os.NewSyscallError("setsockopt(PACKET_RX_RING)", err)
	}
	mem, err := unix.Mmap(fd, 0, frameSize*nr, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED|unix.MAP_LOCKED)
	if err != nil {
		mem, err = unix.Mmap(fd, 0, frameSize*nr, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	}
	if err != nil {
		return nil, os.NewSyscallError("mmap", err)
	}
	return &ring{mem: mem, blockSize: frameSize, blockNr: nr}, nil
}

// retireTimeout is the block retire timeout in ms: 1 ms in immediate mode
// (the kernel has no "retire at once"), else the configured timeout.
func retireTimeout(cfg Config) uint32 {
	if cfg.Immediate {
		return 1
	}
	t := cfg.Timeout
	if t <= 0 {
		t = defaultTimeout
	}
	if ms := t / time.Millisecond; ms > 0 {
		return uint32(ms)
	}
	return 1
}

// attachFilter installs prog with SO_ATTACH_FILTER; nil attaches nothing.
func attachFilter(fd int, prog []xbpf.RawInstruction) error {
	if prog == nil {
		return nil
	}
	if len(prog) == 0 {
		// An empty program is invalid for the kernel; reject everything.
		prog = []xbpf.RawInstruction{{Op: 0x06}}
	}
	fp := unix.SockFprog{Len: uint16(len(prog)), Filter: (*unix.SockFilter)(unsafe.Pointer(&prog[0]))}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
		return os.NewSyscallError("setsockopt(SO_ATTACH_FILTER)", err)
	}
	return nil
}

// hdr is the struct tpacket3_hdr at off.
func (r *ring) hdr(off int) *unix.Tpacket3Hdr {
	return (*unix.Tpacket3Hdr)(unsafe.Pointer(&r.mem[off]))
}

// sll is the struct sockaddr_ll that follows the tpacket3_hdr at off.
func (r *ring) sll(off int) *unix.RawSockaddrLinklayer {
	return (*unix.RawSockaddrLinklayer)(unsafe.Pointer(&r.mem[off+tp3HdrLen]))
}

// block is the tpacket_hdr_v1 of block b's struct tpacket_block_desc.
func (r *ring) block(b int) *unix.TpacketHdrV1 {
	bd := (*unix.TpacketBlockDesc)(unsafe.Pointer(&r.mem[b*r.blockSize]))
	return (*unix.TpacketHdrV1)(unsafe.Pointer(&bd.Hdr))
}

// next returns the offset of the next packet header, or -1 when the
// ring has nothing for user space (poll before calling again).
func (r *ring) next() int {
	for {
		if r.inBlock && r.left > 0 {
			off := r.off
			r.left--
			r.off += int(r.hdr(off).Next_offset)
			return off
		}
		if r.inBlock {
			// Hand the finished block back to the kernel.
			atomic.StoreUint32(&r.block(r.cur).Block_status, unix.TP_STATUS_KERNEL)
			r.inBlock = false
			r.cur = (r.cur + 1) % r.blockNr
		}
		bh := r.block(r.cur)
		if atomic.LoadUint32(&bh.Block_status)&unix.TP_STATUS_USER == 0 {
			return -1
		}
		r.inBlock = true
		r.left = int(bh.Num_pkts)
		r.off = r.cur*r.blockSize + int(bh.Offset_to_first_pkt)
	}
}
