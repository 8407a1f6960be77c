package server

import (
	"io"
	"sync"
	"time"
)

// stallWriter writes to a session and calls onStall when one chunk makes
// no progress for timeout: SSH flow control can block a write forever
// when the client stops reading, which no socket deadline sees.
type stallWriter struct {
	w       io.Writer
	timeout time.Duration
	mu      sync.Mutex
	timer   *time.Timer
	// onFrame, if set, is called once, after the first write of at least
	// frameBytes: the first frame (the terminal set-up sequences that
	// Bubble Tea writes before it are shorter).
	onFrame func()
}

// frameBytes tells a frame from the set-up sequences written before it.
const frameBytes = 256

// stallChunk bounds one write, so that the timeout measures progress.
const stallChunk = 16 << 10

func newStallWriter(w io.Writer, timeout time.Duration, onStall func()) *stallWriter {
	t := time.AfterFunc(time.Hour, onStall)
	t.Stop()
	return &stallWriter{w: w, timeout: timeout, timer: t}
}

// Write writes p in chunks, each within the timeout.
func (sw *stallWriter) Write(p []byte) (int, error) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	n := 0
	for len(p) > 0 {
		c := p[:min(len(p), stallChunk)]
		sw.timer.Reset(sw.timeout)
		m, err := sw.w.Write(c)
		sw.timer.Stop()
		n += m
		p = p[m:]
		if err != nil {
			return n, err
		}
		if m == 0 {
			return n, io.ErrShortWrite
		}
	}
	if sw.onFrame != nil && n >= frameBytes {
		sw.onFrame()
		sw.onFrame = nil
	}
	return n, nil
}
