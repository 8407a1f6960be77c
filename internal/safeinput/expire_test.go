package safeinput

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// clocked is a source that returns its chunks, each after the first once
// its gap has passed on the clock: the client pausing before it sends the
// chunk. A chunk larger than a Read comes on at once.
type clocked struct {
	chunks [][]byte
	gap    time.Duration
	clock  *time.Time
	begun  bool // a chunk has begun
	within bool // the first chunk has been partly read
}

func (c *clocked) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	if c.begun && !c.within {
		*c.clock = c.clock.Add(c.gap)
	}
	c.begun = true
	n := copy(p, c.chunks[0])
	c.chunks[0] = c.chunks[0][n:]
	c.within = len(c.chunks[0]) > 0
	if !c.within {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}

// readClocked reads r to its end, calling between before each Read, and
// reports whether it paused.
func readClocked(t *testing.T, r *Reader, clock *time.Time, between func()) (string, bool) {
	t.Helper()
	r.now = func() time.Time { return *clock }
	var paused bool
	r.sleep = func(time.Duration) { paused = true }
	var got []byte
	buf := make([]byte, 1<<17)
	for range 1 << 16 {
		between()
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return string(got), paused
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("the Reader did not end")
	return "", false
}

// expireCases are inputs sent in two parts a second apart, with what
// passes: a sequence left open is closed, and what follows is read
// afresh, except the rest of a string or paste already cut short.
var expireCases = []struct{ first, then, want string }{
	{"\x1b[1;", "2A\r", "\x1b[1;}2A\r"},
	{"\x1b]", "abc\r", "\x1b]\x18abc\r"},
	{"\x1bP1", "x\r", "\x1bP1}\x1b\\x\r"},
	{"\x1bPq", "x\r", "\x1bPq\x1b\\x\r"},
	{"\x1bO", "\r", "\x1bO~\r"},
	{"\x1b_a\x1b", "b", "\x1b_a\x1b\\b"},
	{"\x1b", "b", "\x1bb"},
	{"\x1b[M", "\x1b[A", "\x1b[M\x1b[A"},
	{"\x1b[200~" + strings.Repeat("p", maxPaste+1), "x\x1b[201~y", "\x1b[200~" + strings.Repeat("p", maxPaste) + "\x1b[201~y"},
	{"\x1bPq" + strings.Repeat("#", maxString+10), "####\x1b\\x", "\x1bPq" + strings.Repeat("#", maxString-1) + "\x1b\\\x1b[}x"},
	{"\x1b]0;" + strings.Repeat("t", maxString+10), "tt\ax", "\x1b]0;" + strings.Repeat("t", maxString-3) + "\x18x"},
}

// TestReaderExpires checks that a sequence left open while the client
// pauses for uv's EscTimeout, after which uv reads afresh, is closed, and
// that what follows is read afresh too; but that the data of a string
// cut short, which uv no longer sees, is still dropped.
func TestReaderExpires(t *testing.T) {
	for _, tc := range expireCases {
		var clock time.Time
		src := &clocked{chunks: [][]byte{[]byte(tc.first), []byte(tc.then)}, gap: time.Second, clock: &clock}
		got, paused := readClocked(t, NewReader(src), &clock, func() {})
		if got != tc.want {
			t.Errorf("%q, a second, %q:\n got %q\nwant %q", abbrev(tc.first), tc.then, abbrev(got), abbrev(tc.want))
		}
		if paused {
			t.Errorf("%q, a second, %q: paused", abbrev(tc.first), tc.then)
		}
	}
}

// TestFileExpires checks the same for a File, whose input may have come
// at any time after its last Read returned: Bubble Tea waits for it
// before it calls Read, so the second passes before the call.
func TestFileExpires(t *testing.T) {
	for _, tc := range expireCases {
		var clock time.Time
		src := &clocked{chunks: [][]byte{[]byte(tc.first), []byte(tc.then)}, clock: &clock}
		r := NewReader(src)
		r.terminal = true
		before := func() {
			if len(src.chunks) == 1 && !src.within {
				clock = clock.Add(time.Second)
			}
		}
		got, _ := readClocked(t, r, &clock, before)
		if got != tc.want {
			t.Errorf("%q, a second, %q:\n got %q\nwant %q", abbrev(tc.first), tc.then, abbrev(got), abbrev(tc.want))
		}
	}
}

// TestReaderSlowCaller checks that a Reader whose caller is slow to read
// again closes nothing when its source had the input ready: uv's reader
// calls Read again only once uv has taken what the last Read returned,
// which waits on the program taking the events before it, and uv's
// EscTimeout runs only from then. Closing the DCS here would turn the
// rest of its data into keys.
func TestReaderSlowCaller(t *testing.T) {
	in := "\t\x1bPq" + strings.Repeat("#", 3*maxString) + "\x1b\\x"
	var cs [][]byte
	for rest := in; len(rest) > 0; {
		n := min(len(rest), 1000)
		cs = append(cs, []byte(rest[:n]))
		rest = rest[n:]
	}
	var clock time.Time
	slow := func() { clock = clock.Add(time.Second) }
	got, _ := readClocked(t, NewReader(&clocked{chunks: cs, clock: &clock}), &clock, slow)
	if want := run(in); got != want {
		t.Errorf("a second between Reads of input sent at once:\n got %q\nwant %q", abbrev(got), abbrev(want))
	}
	if n := strings.Count(got, "#"); n != maxString-1 {
		t.Errorf("%d bytes of the DCS passed, want %d", n, maxString-1)
	}
}

// TestReaderPauseInLongString checks that a client pausing anywhere in
// the data of an overlong DCS, after the filter began dropping it, gets
// no more of it through.
func TestReaderPauseInLongString(t *testing.T) {
	body := strings.Repeat("#", 64<<10)
	for _, cut := range []int{maxString + 1, 2 * maxString, len(body) - 1} {
		in := "\x1bPq" + body
		var clock time.Time
		src := &clocked{chunks: [][]byte{[]byte(in[:3+cut]), []byte(in[3+cut:] + "\x1b\\x")}, gap: time.Second, clock: &clock}
		got, _ := readClocked(t, NewReader(src), &clock, func() {})
		if n := strings.Count(got, "#"); n != maxString-1 {
			t.Errorf("a pause after %d bytes of data: %d of them passed, want %d", cut, n, maxString-1)
		}
		if !bytes.HasSuffix([]byte(got), []byte("\x1b\\\x1b[}x")) {
			t.Errorf("a pause after %d bytes of data: ends %q", cut, abbrev(got[max(0, len(got)-20):]))
		}
	}
}
