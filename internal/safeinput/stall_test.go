package safeinput

import (
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
	"lzdash/ui"
)

// stallSpy passes every message to the dashboard, stalls for its delay on
// the first, as a busy or slow-starting program does, and counts the key
// presses of text.
type stallSpy struct {
	tea.Model
	delay   time.Duration
	stalled *atomic.Bool
	keys    *atomic.Int64
}

func (s stallSpy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if !s.stalled.Swap(true) {
		time.Sleep(s.delay)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text == "#" {
		s.keys.Add(1)
	}
	next, cmd := s.Model.Update(msg)
	s.Model = next
	return s, cmd
}

// TestProgramStallsInLongDCS runs the dashboard on a 4 MB DCS, once with
// the program stalling at its start while the input comes at once, and
// once with the client pausing in the DCS's data, and checks that it
// quits on q and that none of the data reached it as keys: a stall or a
// pause of uv's EscTimeout anywhere there used to close the DCS in the
// filter and pass the rest of its data as text, millions of keys.
func TestProgramStallsInLongDCS(t *testing.T) {
	ds, err := data.Load("../../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dcs := []byte("\x1bPq" + strings.Repeat("#", 4<<20))
	cases := []struct {
		name         string
		stall, pause time.Duration
		cut          int
	}{
		{"program stalls", 300 * time.Millisecond, 0, 0},
		{"client pauses as the filter begins to drop", 0, 300 * time.Millisecond, maxString},
		{"client pauses after 1 MB", 0, 300 * time.Millisecond, 1 << 20},
	}
	for _, tc := range cases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			var stalled atomic.Bool
			var keys atomic.Int64
			pr, pw := io.Pipe()
			defer pw.Close()
			m := stallSpy{ui.New(ds, ui.Options{Lang: ui.En, Dark: true}), tc.stall, &stalled, &keys}
			p := tea.NewProgram(m, tea.WithInput(NewReader(pr)), tea.WithOutput(io.Discard),
				tea.WithWindowSize(100, 30), tea.WithoutSignalHandler())
			done := make(chan error, 1)
			go func() {
				_, err := p.Run()
				done <- err
			}()
			go func() {
				parts := [][]byte{[]byte("\t"), dcs[:3+tc.cut], nil, dcs[3+tc.cut:], []byte("\x1b\\q")}
				for _, b := range parts {
					if b == nil {
						time.Sleep(tc.pause)
						continue
					}
					if _, err := pw.Write(b); err != nil {
						return
					}
				}
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("the program ended with %v", err)
				}
			case <-time.After(30 * time.Second):
				p.Kill()
				t.Fatalf("the program did not quit on q within 30 s; %d keys of the DCS's data reached it", keys.Load())
			}
			if n := keys.Load(); n > 0 {
				t.Errorf("%d keys of the DCS's data reached the program", n)
			}
		})
	}
}
