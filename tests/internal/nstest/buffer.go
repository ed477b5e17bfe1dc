package nstest

import (
	"bytes"
	"sync"
)

// SyncBuffer is a bytes.Buffer safe to read while a process writes to it
// (a running command's stdout or stderr that a test polls).
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
