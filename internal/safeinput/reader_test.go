package safeinput

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// TestReaderChunks checks that the Reader's output does not depend on how
// the source splits its bytes, nor on the size of the caller's buffer.
func TestReaderChunks(t *testing.T) {
	var all []byte
	for _, tc := range filterCases {
		all = append(all, tc.in...)
	}
	for _, tc := range hostile() {
		all = append(all, tc.in[:min(len(tc.in), 20000)]...)
	}
	want := run(string(all))
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		var cs chunks
		for rest := all; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(40))
			if round%4 == 0 {
				n = 1
			}
			cs = append(cs, rest[:n])
			rest = rest[n:]
		}
		r := noPause(&cs)
		var got []byte
		buf := make([]byte, 1+rng.IntN(5000))
		for {
			n, err := r.Read(buf)
			got = append(got, buf[:n]...)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(got, []byte(want)) {
			t.Fatalf("round %d (buffer %d): output differs from one write", round, len(buf))
		}
	}
}

// TestReaderLoneEsc checks that an ESC is returned as soon as it is read.
func TestReaderLoneEsc(t *testing.T) {
	cs := chunks{[]byte("\x1b"), []byte("[A"), []byte("\x1b")}
	r := noPause(&cs)
	buf := make([]byte, 4096)
	for _, want := range []string{"\x1b", "[A", "\x1b"} {
		n, err := r.Read(buf)
		if err != nil || string(buf[:n]) != want {
			t.Fatalf("Read = %q, %v; want %q", buf[:n], err, want)
		}
	}
	if n, err := r.Read(buf); n != 0 || !errors.Is(err, io.EOF) {
		t.Fatalf("Read at the end = %d, %v", n, err)
	}
}

// TestReaderPauses checks where a Reader pauses: after an Alt key (ESC
// and a byte), after a key with two ESCs, and between reads when the
// second byte of such an event comes in the next read, but not after a
// lone ESC nor after other sequences.
func TestReaderPauses(t *testing.T) {
	cs := chunks{
		[]byte("x\x1bay\x1b[A"), []byte("z"),
		[]byte("\x1b"), []byte("b"), []byte("c"),
		[]byte("\x1b\x1b[<0;1;1M!"), []byte("\x1b[B\x1bOA\x1b]11;x\x07\x1b"),
	}
	r := NewReader(&cs)
	var got []string
	r.sleep = func(d time.Duration) {
		if d != escPause {
			t.Errorf("paused %v", d)
		}
		got = append(got, "pause")
	}
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			got = append(got, string(buf[:n]))
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"x\x1ba", "pause", "y\x1b[A", "z",
		"\x1b", "b", "pause", "c",
		"\x1b\x1b[<0;1;1M", "pause", "!", "\x1b[B\x1bOA\x1b]11;x\x07\x1b",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reads\n %q\nwant\n %q", got, want)
	}
}

// TestFileNeverPauses checks that a File returns everything it reads at
// once, pauses or not.
func TestFileNeverPauses(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	f := NewFile(pr)
	f.r.sleep = func(time.Duration) { t.Error("a File paused") }
	for _, in := range []string{"\x1bab", "c"} {
		if _, err := pw.Write([]byte(in)); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 4096)
		if n, err := f.Read(buf); err != nil || string(buf[:n]) != in {
			t.Fatalf("Read = %q, %v; want %q", buf[:n], err, in)
		}
	}
}

// TestReaderDroppedChunk checks that a read whose bytes are all dropped
// returns 0 and no error, and that an incomplete UTF-8 encoding is held
// until it is complete.
func TestReaderDroppedChunk(t *testing.T) {
	cs := chunks{[]byte("\x9b\x80"), []byte("\xe5\x85"), []byte("\xb0")}
	r := noPause(&cs)
	buf := make([]byte, 64)
	for _, want := range []string{"", "", "兰"} {
		n, err := r.Read(buf)
		if err != nil || string(buf[:n]) != want {
			t.Fatalf("Read = %q, %v; want %q", buf[:n], err, want)
		}
	}
}

// TestReaderSmallBuffer checks that output larger than the caller's
// buffer is kept for the next Read.
func TestReaderSmallBuffer(t *testing.T) {
	in := "\x1b[200~" + strings.Repeat("p", maxPaste+10) + "x"
	r := noPause(strings.NewReader(in))
	got, err := io.ReadAll(iotestOneByte{r})
	if err != nil {
		t.Fatal(err)
	}
	if want := run(in); string(got) != want {
		t.Fatalf("got %d bytes, want %d", len(got), len(want))
	}
}

// iotestOneByte reads one byte at a time.
type iotestOneByte struct{ r io.Reader }

func (o iotestOneByte) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

// TestReaderError checks that the source's errors are passed on.
func TestReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := noPause(io.MultiReader(strings.NewReader("ab"), errReader{boom}))
	buf := make([]byte, 64)
	var got []byte
	var err error
	for err == nil {
		var n int
		n, err = r.Read(buf)
		got = append(got, buf[:n]...)
	}
	if !errors.Is(err, boom) || string(got) != "ab" {
		t.Fatalf("got %q, %v", got, err)
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// TestFileIsTerminalFile checks that a File still looks like a terminal to
// Bubble Tea (x/term) and to its cancel reader, and that reads are
// filtered.
func TestFileIsTerminalFile(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	f := NewFile(pr)
	var in io.Reader = f
	if _, ok := in.(term.File); !ok {
		t.Error("a File is not a term.File")
	}
	if _, ok := in.(cancelreader.File); !ok {
		t.Error("a File is not a cancelreader.File")
	}
	if f.Fd() != pr.Fd() {
		t.Error("a File has another file descriptor")
	}
	if _, err := pw.Write(crashSeq); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	n, err := f.Read(buf)
	if err != nil || string(buf[:n]) != run(string(crashSeq)) {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
}

// TestFileCancel checks that Bubble Tea's cancel reader over a File can
// still cancel a read after a chunk that the filter dropped whole.
func TestFileCancel(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	cr, err := cancelreader.NewReader(NewFile(pr))
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	if _, err := pw.Write([]byte("\x80\x9b")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	if n, err := cr.Read(buf); n != 0 || err != nil {
		t.Fatalf("Read of a dropped chunk = %d, %v", n, err)
	}
	res := make(chan error, 1)
	go func() {
		_, err := cr.Read(buf)
		res <- err
	}()
	if !cr.Cancel() {
		t.Fatal("Cancel failed")
	}
	if err := <-res; !errors.Is(err, cancelreader.ErrCanceled) {
		t.Fatalf("Read after Cancel = %v", err)
	}
}
