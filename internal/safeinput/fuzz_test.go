package safeinput

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// FuzzInput splits an input into chunks at the boundaries cuts chooses,
// feeds them through the filter and uv's input path, and checks that
// nothing panics, that the chunks do not change the output, that the
// output keeps the filter's promises, and that uv makes no oversized
// event of it.
func FuzzInput(f *testing.F) {
	f.Add(crashSeq, []byte{3, 10})
	f.Add([]byte("\x1b[1;\x1b]0;\x1bPq\x1bO\x1b_a\x1b\x1b[200~x"), []byte{4, 0x84, 0x83, 0x83, 0x82, 0x84, 0x81, 0x82})
	for _, tc := range filterCases {
		f.Add([]byte(tc.in[:min(len(tc.in), 6000)]), []byte{1, 7, 2})
	}
	for _, tc := range hostile() {
		f.Add(tc.in[:min(len(tc.in), 6000)], []byte{5, 200})
	}
	f.Fuzz(func(t *testing.T, in, cuts []byte) {
		want := run(string(in))
		got := readAll(t, noPause(split(in, cuts)))
		if !bytes.Equal(got, []byte(want)) {
			t.Fatalf("chunked output %q differs from %q", got, want)
		}
		// Cuts with the high bit set come after a second without input.
		// uv flushes what it holds at every pause of its EscTimeout, so
		// what it must never wait on is judged between pauses.
		// Everything the caps promise holds between pauses; across them
		// (in case uv was too slow to flush at a pause) nothing that can
		// crash x/ansi may form either.
		segments := readSegments(t, withGaps(in, cuts))
		gapped := bytes.Join(segments, nil)
		if err := checkCrashSafe(gapped); err != nil {
			t.Fatalf("with gaps, across pauses: %v in %q", err, gapped)
		}
		for _, seg := range segments {
			if err := checkOutput(seg); err != nil {
				t.Fatalf("with gaps: %v in %q (between pauses, of %q)", err, seg, gapped)
			}
			if err := checkNoWait(seg); err != nil {
				t.Fatalf("with gaps: %v in %q (between pauses, of %q)", err, seg, gapped)
			}
		}
		if err := checkOutput(got); err != nil {
			t.Fatalf("%v in %q", err, got)
		}
		if err := checkNoWait(got); err != nil {
			t.Fatalf("%v in %q", err, got)
		}
		evs := decode(t, noPause(split(in, cuts)))
		if err := checkEvents(evs); err != nil {
			t.Fatal(err)
		}
	})
}

// split cuts in into chunks whose lengths come from cuts, one byte each
// (0 meaning 1), the last chunk taking the rest.
func split(in, cuts []byte) *chunks {
	var cs chunks
	for _, c := range cuts {
		n := min(len(in), max(1, int(c)))
		cs = append(cs, in[:n])
		in = in[n:]
	}
	cs = append(cs, in)
	return &cs
}

// withGaps returns a Reader over in cut as split cuts it, whose clock
// moves on a second before each chunk whose cut has its high bit set.
func withGaps(in, cuts []byte) *Reader {
	var clock time.Time
	g := &gapped{clock: &clock}
	for _, c := range cuts {
		n := min(len(in), max(1, int(c&0x7f)))
		g.chunks = append(g.chunks, in[:n])
		g.gaps = append(g.gaps, c&0x80 != 0)
		in = in[n:]
	}
	g.chunks = append(g.chunks, in)
	g.gaps = append(g.gaps, false)
	r := NewReader(g)
	r.sleep = func(d time.Duration) { clock = clock.Add(d) }
	r.now = func() time.Time { return clock }
	return r
}

// gapped returns its chunks one Read at a time, moving its clock on
// before those marked.
type gapped struct {
	chunks [][]byte
	gaps   []bool
	clock  *time.Time
}

func (g *gapped) Read(p []byte) (int, error) {
	for len(g.chunks) > 0 && len(g.chunks[0]) == 0 {
		g.chunks, g.gaps = g.chunks[1:], g.gaps[1:]
	}
	if len(g.chunks) == 0 {
		return 0, io.EOF
	}
	if g.gaps[0] {
		*g.clock = g.clock.Add(time.Second)
		g.gaps[0] = false
	}
	n := copy(p, g.chunks[0])
	g.chunks[0] = g.chunks[0][n:]
	return n, nil
}

// readSegments reads r, whose clock only moves at pauses, to its end, and
// cuts what it returns wherever the clock moved on by uv's EscTimeout or
// more: the places where uv would have flushed its buffer.
func readSegments(t *testing.T, r *Reader) [][]byte {
	t.Helper()
	var segs [][]byte
	var cur []byte
	buf := make([]byte, 4096)
	for {
		before := r.now()
		n, err := r.Read(buf)
		if r.now().Sub(before) >= uv.DefaultEscTimeout && len(cur) > 0 {
			segs, cur = append(segs, cur), nil
		}
		cur = append(cur, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return append(segs, cur)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// readAll reads r to its end.
func readAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
