package safeinput

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// maxGrowth bounds the bytes the filter writes for one byte read: at most
// the 6 bytes of ESC [ 2 0 1 ~ that end an overlong paste, besides the up
// to utf8Held bytes of an encoding begun in an earlier read.
const maxGrowth = 6

// maxChunk is the most a Read takes from the source at once.
const maxChunk = 4096

// Reader filters the bytes of another reader: see the package
// documentation for what it drops and what it adds.
type Reader struct {
	src  io.Reader
	f    filter
	in   []byte // what was read from src
	out  []byte // filtered bytes not yet returned
	done error  // the error src returned, once out is empty
}

// NewReader returns a Reader that filters the bytes read from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: r}
}

// Read reads from the source and returns what passes the filter. It reads
// at most len(p)/6 bytes at a time, so that what passes fits in p and
// nothing is left over for a later call (a terminal's next Read may wait
// for new input first). When everything read is dropped it returns 0 and
// a nil error rather than read again, so that a caller that cancels reads
// between calls (Bubble Tea's cancel reader) is not kept waiting.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(r.out) == 0 && r.done == nil {
		r.fill(len(p))
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
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
	size := min(max(1, (room-utf8Held)/maxGrowth), maxChunk)
	if cap(r.in) < size {
		r.in = make([]byte, size)
	}
	n, err := r.src.Read(r.in[:size])
	r.out = r.f.write(r.out[:0], r.in[:n])
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		// An incomplete encoding at the end is dropped.
		r.done = err
	default:
		r.done = fmt.Errorf("safeinput: %w", err)
	}
}

// utf8Held is the most bytes of an incomplete encoding the filter holds.
const utf8Held = 3

// File is a terminal whose reads pass the filter. It embeds the
// terminal's *os.File, so Bubble Tea still finds its file descriptor, puts
// it in raw mode and waits on it before each Read.
type File struct {
	*os.File
	r *Reader
}

// NewFile returns f with its reads filtered.
func NewFile(f *os.File) *File {
	return &File{File: f, r: NewReader(f)}
}

// Read reads from the terminal and returns what passes the filter, as
// Reader.Read does.
func (f *File) Read(p []byte) (int, error) {
	return f.r.Read(p)
}
