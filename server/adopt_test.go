package server

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestAdoptWriter(t *testing.T) {
	const (
		sync  = ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore
		bg    = ansi.RequestBackgroundColor
		frame = ansi.SetModeAltScreenSaveCursor + "the screen"
	)
	for _, c := range []struct {
		name    string
		queries bool
		writes  []string
		want    string
		shows   bool // the screen shows the shared frame as it left it
	}{
		{name: "queries and frame apart", queries: true, writes: []string{sync, frame, bg, "a change"}, want: "a change"},
		{name: "queries together", queries: true, writes: []string{sync + bg, frame, "a change"}, want: "a change"},
		{name: "no sync query", writes: []string{bg, frame, "a change", bg}, want: "a change" + bg},
		{name: "queries alone", queries: true, writes: []string{sync}, shows: true},
		{name: "another frame", queries: true, writes: []string{sync, ansi.SetModeAltScreenSaveCursor + "another screen", frame},
			want: takeOver + ansi.SetModeAltScreenSaveCursor + "another screen" + frame},
		{name: "the frame and more in one write", writes: []string{bg + frame + "x"}, want: takeOver + bg + frame + "x"},
		{name: "the frame twice", writes: []string{bg, frame, frame}, want: frame},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := frameKey{queries: c.queries}
			shared := bg + frame
			if c.queries {
				shared = sync + shared
			}
			var out bytes.Buffer
			a := newAdoptWriter(&out, []byte(shared), k)
			for _, w := range c.writes {
				if n, err := a.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if got := out.String(); got != c.want {
				t.Errorf("written %q, want %q", got, c.want)
			}
			if got := a.showsFrame(); got != c.shows {
				t.Errorf("showsFrame() = %v, want %v", got, c.shows)
			}
		})
	}
}

// TestProgramAdoptsTheSharedFrame checks that a session whose program
// starts on input the dashboard leaves to it (an arrow key, a terminal's
// reply to the frame's queries) does not draw the screen its visitor has
// again: the program's next frame is a change to the shared one.
func TestProgramAdoptsTheSharedFrame(t *testing.T) {
	ts := startServer(t, nil)
	for _, first := range []string{"\x1b[B", "\x1b]11;rgb:0000/0000/0000\x1b\\"} {
		tm := openTerm(t, ts.mustDial(t), 100, 30)
		tm.waitFor(0, overviewToken)
		mark := tm.mark()
		tm.press(first)
		tm.settle(100, 30)
		if n := ts.programs.Load(); n != 1 {
			t.Fatalf("%q: %d programs run, want 1", first, n)
		}
		tm.mu.Lock()
		after := string(tm.out[mark:])
		tm.mu.Unlock()
		if strings.Contains(after, ansi.SetModeAltScreenSaveCursor) || strings.Contains(ansi.Strip(after), overviewToken) {
			t.Errorf("%q: the program drew the whole screen again (%d bytes)", first, len(after))
		}
		tm.press("q")
		tm.wait()
		ts.waitSessions(t, 0)
	}
}
