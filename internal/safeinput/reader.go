package safeinput

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// maxGrowth bounds the bytes the filter writes for one byte read: at most
// the 6 bytes of ESC [ 2 0 1 ~ that end an overlong paste, besides the up
// to utf8Held bytes of an encoding begun in an earlier read.
const maxGrowth = 6

// utf8Held is the most bytes of an incomplete encoding the filter holds.
const utf8Held = 3

// maxChunk is the most a Read takes from the source at once.
const maxChunk = 4096

// escPause is how long a Reader pauses after an Esc or Alt key event that
// uv waits on: uv's reader consumes nothing after such an event at the
// head of its buffer until no input has come for its EscTimeout, which
// Bubble Tea leaves at uv.DefaultEscTimeout. Twice that leaves uv time to
// get to its timer.
const escPause = 2 * uv.DefaultEscTimeout

// Reader filters the bytes of another reader: see the package
// documentation for what it drops and what it adds.
type Reader struct {
	src    io.Reader
	f      filter
	in     []byte // what was read from src
	out    []byte // filtered bytes not yet returned
	pauses []int  // offsets in out of the Esc and Alt key events in it
	pause  bool   // Read pauses before it returns anything more
	done   error  // the error src returned, once out is empty

	// terminal is set for a File: Read reads no more than fits in the
	// caller's buffer and never pauses, because Bubble Tea waits on the
	// file descriptor before each Read and would not see bytes kept back.
	terminal bool
	sleep    func(time.Duration)
	now      func() time.Time

	// quiet is when uv last took input, as far as the Reader can tell:
	// uv's EscTimeout runs from there. uv's reader calls Read again only
	// once uv has taken what the last call returned, which it does only
	// when it is done handing the events before it to a program that may
	// be busy; so for a Reader it is when Read was last called, not when
	// it last returned. Bubble Tea waits for a File to have input before
	// it calls Read, so for a File it is when Read last returned, which
	// may be earlier than uv took it but is never later.
	quiet time.Time
}

// NewReader returns a Reader that filters the bytes read from r.
//
// After an Esc or Alt key event, if more input comes with it or at once
// after it, the Reader returns that input only after a pause of 100 ms:
// without the pause, uv would rescan everything that comes until the
// input stops for 50 ms, which a client that never stops makes quadratic
// in time and unbounded in memory.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: r, sleep: time.Sleep, now: time.Now}
}

// Read reads from the source and returns what passes the filter. When
// everything read is dropped it returns 0 and a nil error rather than
// read again, so that a caller that cancels reads between calls (Bubble
// Tea's cancel reader) is not kept waiting.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if r.terminal {
		defer func() { r.quiet = r.now() }()
	} else {
		r.quiet = r.now()
	}
	if r.pause {
		r.pause = false
		r.sleep(escPause)
	}
	if len(r.out) == 0 && r.done == nil {
		r.fill(len(p))
	}
	n := min(len(p), len(r.out))
	if len(r.pauses) > 0 && r.pauses[0] <= n {
		n = r.pauses[0]
		r.pauses = r.pauses[1:]
		r.pause = true
	}
	copy(p, r.out[:n])
	r.out = r.out[n:]
	for i := range r.pauses {
		r.pauses[i] -= n
	}
	if len(r.out) > 0 || r.done == nil {
		return n, nil
	}
	err := r.done
	if !errors.Is(err, io.EOF) {
		r.done = nil // a later Read may succeed, as the source's would
	}
	return n, err
}

// fill reads once from the source into r.out.
func (r *Reader) fill(room int) {
	size := min(room, maxChunk)
	if r.terminal {
		// What passes must fit in room.
		size = min(max(1, (room-utf8Held)/maxGrowth), maxChunk)
	}
	if cap(r.in) < size {
		r.in = make([]byte, size)
	}
	n, err := r.src.Read(r.in[:size])
	r.f.pauses = r.f.pauses[:0]
	r.out = r.out[:0]
	if n > 0 && r.now().Sub(r.quiet) >= uv.DefaultEscTimeout {
		// uv has had nothing for its EscTimeout: whatever the filter
		// has open, uv has closed.
		r.out = r.f.expire(r.out)
	}
	r.out = r.f.write(r.out, r.in[:n])
	r.pauses = r.pauses[:0]
	if !r.terminal {
		r.pauses = append(r.pauses, r.f.pauses...)
	}
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		// An incomplete encoding at the end is dropped.
		r.done = err
	default:
		r.done = fmt.Errorf("safeinput: %w", err)
	}
}

// File is a terminal whose reads pass the filter. It embeds the
// terminal's *os.File, so Bubble Tea still finds its file descriptor, puts
// it in raw mode and waits on it before each Read.
type File struct {
	*os.File
	r *Reader
}

// NewFile returns f with its reads filtered. Unlike a Reader it never
// pauses: Bubble Tea waits for the terminal to have input before each
// Read, so it would not see input kept back for after a pause. A local
// terminal is not the client that never stops.
func NewFile(f *os.File) *File {
	r := NewReader(f)
	r.terminal = true
	return &File{File: f, r: r}
}

// Read reads from the terminal and returns what passes the filter, as
// Reader.Read does, reading at most len(p)/6 bytes so that what passes
// fits in p.
func (f *File) Read(p []byte) (int, error) {
	return f.r.Read(p)
}
