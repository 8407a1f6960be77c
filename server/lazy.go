package server

import (
	"io"
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
)

// firstReadSize bounds the visitor's first input, read before the
// program starts; the program reads the rest.
const firstReadSize = 1 << 10

// firstFrame returns the shared first frame for k, drawing it on a miss,
// or nil when it cannot be shared: then the session's own program draws
// it. A dashboard that panics while drawing shares nothing; its
// session's program then meets the same panic, and ends that session
// only.
func (s *Server) firstFrame(k frameKey) []byte {
	return s.frames.get(k, func() (b []byte) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("drawing a shared first frame panicked", "error", r)
				b = nil
			}
		}()
		return firstFrame(s.cfg.newModel(k.ds, k.options(s.pages)), k)
	})
}

// wait writes the shared first frame, then waits for the visitor's first
// input or resize, a dataset change, or the end of the session. It
// returns the input for the program to read, the first input included,
// with k's size the latest, for a program that takes over the screen
// (see programOutput); false when the session ended first, after
// restoring the terminal and saying farewell if the connection is still
// there.
func (d *dashboard) wait(frame []byte, k *frameKey) (io.Reader, bool) {
	d.mu.Lock()
	d.shared = true
	d.mu.Unlock()
	if _, err := d.out.Write(frame); err != nil {
		return nil, false
	}
	read := make(chan readResult, 1)
	go func() {
		buf := make([]byte, firstReadSize)
		n, err := d.sess.Read(buf)
		read <- readResult{buf[:n], err}
	}()
	in := &pendingReader{first: read, r: d.sess}
	ok := d.until(k, read, func(r readResult) (<-chan readResult, bool) {
		in.take(r)
		// Input that ended leaves the dashboard on screen, as a program
		// would, and its program starts on a resize or reload, to read
		// the end of input.
		return nil, len(r.b) > 0
	})
	return in, ok
}

// until waits, with the dashboard's screen as it is and no program, for
// something that needs one: input that onInput says wakes it (onInput
// also returns where the next input comes from, nil when no more will),
// a resize to another size than k's, which k then has, or a dataset
// change, left for the program to take. It returns false when the
// session ended first, after restoring the terminal and saying farewell
// if the server ended it.
func (d *dashboard) until(k *frameKey, input <-chan readResult, onInput func(readResult) (<-chan readResult, bool)) bool {
	for {
		select {
		case r := <-input:
			var wake bool
			if input, wake = onInput(r); !wake {
				continue
			}
		case <-d.wins.ready:
			w, ok := d.wins.take()
			if !ok || w.Width == k.w && w.Height == k.h {
				continue // the size the screen has
			}
			k.w, k.h = w.Width, w.Height
		case <-d.data.ready:
			d.data.wake() // for the program to take
		case <-d.stop:
			d.farewell(nil)
			return false
		case <-d.sess.Context().Done():
			return false
		}
		return true
	}
}

// readResult is what one Read returned.
type readResult struct {
	b   []byte
	err error
}

// pendingReader reads the result of a Read already under way on r, then
// reads r, so that the program gets the visitor's first input and only
// one reader ever reads the session at a time.
type pendingReader struct {
	first <-chan readResult
	got   bool
	buf   []byte
	err   error
	r     io.Reader
}

func (p *pendingReader) take(r readResult) {
	p.got, p.buf, p.err = true, r.b, r.err
}

// Read implements io.Reader.
func (p *pendingReader) Read(b []byte) (int, error) {
	if !p.got {
		p.take(<-p.first)
	}
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	if p.err != nil {
		return 0, p.err
	}
	return p.r.Read(b)
}

// queriesSyncOutput reports whether Bubble Tea (v2.1.1) asks a terminal
// with this environment whether it supports synchronized output, as its
// shouldQuerySynchronizedOutput (tea.go) decides.
func queriesSyncOutput(env []string) bool {
	e := uv.Environ(env)
	term := e.Getenv("TERM")
	termProg, okTermProg := e.LookupEnv("TERM_PROGRAM")
	_, okSSHTTY := e.LookupEnv("SSH_TTY")
	_, okWT := e.LookupEnv("WT_SESSION")
	return (!okTermProg && !okSSHTTY) ||
		okWT ||
		(okTermProg && !strings.Contains(termProg, "Apple") && !okSSHTTY) ||
		strings.Contains(term, "ghostty") ||
		strings.Contains(term, "wezterm") ||
		strings.Contains(term, "alacritty") ||
		strings.Contains(term, "kitty") ||
		strings.Contains(term, "rio")
}
