package safeinput

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzInput splits an input into chunks at the boundaries cuts chooses,
// feeds them through the filter and uv's input path, and checks that
// nothing panics, that the chunks do not change the output, that the
// output keeps the filter's promises, and that uv makes no oversized
// event of it.
func FuzzInput(f *testing.F) {
	f.Add(crashSeq, []byte{3, 10})
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
