package server

import (
	"bytes"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// adoptWriter is the output of a program that starts on a screen showing
// a shared first frame. A program's first frame is that frame's bytes
// (frameKey and firstFrame see to it) when its model has seen nothing
// yet, so the writer drops it and the queries the frame already asked:
// the program's renderer then holds the screen the visitor has, and its
// next frame is a change to it, not a full repaint. At the first write
// that is not the shared frame's (the first frame of a model that has
// handled the visitor's keys, or of another size), it writes takeOver
// and passes everything on from then on, as a program that repaints
// the whole screen needs. It is safe for concurrent use.
type adoptWriter struct {
	w io.Writer

	mu      sync.Mutex
	pending []framePart // the parts of the shared frame the program has not written
	drawn   bool        // the program wrote the part that draws the screen
	passing bool        // the program's output goes to w
	// settled is closed once the program has drawn its first screen,
	// adopted or its own.
	settled chan struct{}
}

// framePart is a part of a shared first frame: a query, or the part that
// draws the screen.
type framePart struct {
	b      []byte
	screen bool
}

// programOutput returns the output of the program of a session whose
// screen shows the shared first frame for shown, to start at k: an
// adoptWriter when k is still shown, else d.out, after takeOver.
func (d *dashboard) programOutput(frame []byte, shown, k frameKey) io.Writer {
	if k != shown {
		_, _ = io.WriteString(d.out, takeOver)
		return d.out
	}
	return newAdoptWriter(d.out, frame, k)
}

// newAdoptWriter returns the output, to w, of a program that starts on
// the shared first frame for k.
func newAdoptWriter(w io.Writer, frame []byte, k frameKey) *adoptWriter {
	a := &adoptWriter{w: w, settled: make(chan struct{})}
	queries := []string{ansi.RequestBackgroundColor}
	if k.queries {
		queries = []string{ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore, ansi.RequestBackgroundColor}
	}
	for _, q := range queries {
		a.pending = append(a.pending, framePart{b: frame[:len(q)]})
		frame = frame[len(q):]
	}
	a.pending = append(a.pending, framePart{b: frame, screen: true})
	return a
}

// Write implements io.Writer.
func (a *adoptWriter) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.passing {
		if a.consume(p) {
			if a.drawn {
				a.settle()
			}
			return len(p), nil
		}
		a.passing, a.pending = true, nil
		a.settle()
		if !a.drawn {
			// The program draws a screen of its own: it takes over the
			// terminal as if the shared frame had not been there.
			if _, err := io.WriteString(a.w, takeOver); err != nil {
				return 0, err
			}
		}
	}
	return a.w.Write(p)
}

// settle closes settled, once. The caller holds mu.
func (a *adoptWriter) settle() {
	if !isClosed(a.settled) {
		close(a.settled)
	}
}

// consume reports whether p is nothing but parts of the shared frame not
// yet written, in any order, and if so takes them.
func (a *adoptWriter) consume(p []byte) bool {
	left, drawn := a.pending, a.drawn
	for len(p) > 0 {
		i := slices.IndexFunc(left, func(f framePart) bool { return bytes.HasPrefix(p, f.b) })
		if i < 0 {
			return false
		}
		drawn = drawn || left[i].screen
		p = p[len(left[i].b):]
		left = slices.Delete(slices.Clone(left), i, i+1)
	}
	a.pending, a.drawn = left, drawn
	return true
}

// showsFrame reports whether the visitor's screen shows the shared frame
// still as the frame left it: the program has drawn nothing on it.
func (a *adoptWriter) showsFrame() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return !a.passing && !a.drawn
}

// maxSettle bounds how long a program's input waits for its first
// screen; a program that draws nothing in that time reads on.
const maxSettle = 250 * time.Millisecond

// settledReader holds back a program's input until its adoptWriter has
// seen the first screen. Bubble Tea draws its first frame while its
// event loop already reads input, so a key that arrived with the first
// input could otherwise change the model before the first frame goes
// out, and the frame would be the key's: a full repaint of a screen the
// visitor has, instead of a change to it.
type settledReader struct {
	r      io.Reader
	a      *adoptWriter
	done   <-chan struct{} // the session's end
	waited bool
}

// Read implements io.Reader.
func (s *settledReader) Read(b []byte) (int, error) {
	if !s.waited {
		s.waited = true
		t := time.NewTimer(maxSettle)
		select {
		case <-s.a.settled:
		case <-t.C:
		case <-s.done:
		}
		t.Stop()
	}
	return s.r.Read(b)
}
