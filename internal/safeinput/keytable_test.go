package safeinput

import (
	"context"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// newSessionReader makes the input path of one dashboard: this package's
// filter, then the reader Bubble Tea makes for every program.
func newSessionReader(in string, term string) *uv.TerminalReader {
	return uv.NewTerminalReader(NewReader(strings.NewReader(in)), term)
}

// TestInputReadersShareTheKeyTable checks that the input reader Bubble
// Tea makes for every program, and so for every SSH session, takes the
// key table that ultraviolet builds once per process instead of building
// its own, about 1,300 allocations (see third_party/PATCHES.md), and that
// keys found only in that table still decode, whatever the terminal type.
func TestInputReadersShareTheKeyTable(t *testing.T) {
	newSessionReader("", "xterm-256color") // the first builds the table
	if n := testing.AllocsPerRun(10, func() { newSessionReader("", "xterm-256color") }); n > 100 {
		t.Errorf("a new input reader makes %.0f allocations: it builds a key table of its own", n)
	}
	// Sequences of rxvt and VT220 terminals, which ultraviolet's decoder
	// does not parse and only the table names.
	keys := map[string]string{"\x1b[a": "shift+up", "\x1bOa": "ctrl+up", "\x1b[11^": "ctrl+f1"}
	for _, term := range []string{"xterm-256color", "rxvt-unicode", "dumb", ""} {
		for seq, want := range keys {
			evc := make(chan uv.Event, 8)
			if err := newSessionReader(seq, term).StreamEvents(context.Background(), evc); err != nil {
				t.Fatalf("%q: %v", term, err)
			}
			close(evc)
			var got []string
			for e := range evc {
				if k, ok := e.(uv.KeyPressEvent); ok {
					got = append(got, k.String())
				}
			}
			if len(got) != 1 || got[0] != want {
				t.Errorf("TERM=%q: %q decodes to %q, want %q", term, seq, got, want)
			}
		}
	}
}

// BenchmarkInputReader measures making the input path of one dashboard,
// as every SSH session does.
func BenchmarkInputReader(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newSessionReader("", "xterm-256color")
	}
}
