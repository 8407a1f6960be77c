package safeinput

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
	"lzdash/ui"
)

// sizeSpy passes every message to the dashboard and notes window sizes.
type sizeSpy struct {
	tea.Model
	mu    *sync.Mutex
	sizes *[]tea.WindowSizeMsg
}

func (s sizeSpy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		s.mu.Lock()
		*s.sizes = append(*s.sizes, m)
		s.mu.Unlock()
	}
	next, cmd := s.Model.Update(msg)
	s.Model = next
	return s, cmd
}

// TestProgramSurvivesHostileInput runs the dashboard as lzdash does, with
// its input filtered, feeds it each hostile input and then q, and checks
// that it quits without error, having seen no window size but its own.
func TestProgramSurvivesHostileInput(t *testing.T) {
	ds, err := data.Load("../../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range hostile() {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			var mu sync.Mutex
			var sizes []tea.WindowSizeMsg
			pr, pw := io.Pipe()
			m := sizeSpy{ui.New(ds, ui.Options{Lang: ui.En, Dark: true}), &mu, &sizes}
			p := tea.NewProgram(m, tea.WithInput(NewReader(pr)), tea.WithOutput(io.Discard),
				tea.WithWindowSize(100, 30), tea.WithoutSignalHandler())
			done := make(chan error, 1)
			go func() {
				_, err := p.Run()
				done <- err
			}()
			go func() {
				// Whatever the input left open, ST and the end of a
				// paste close it before the q.
				for _, b := range [][]byte{[]byte("\t"), tc.in, []byte("\x1b\\\x1b[201~"), []byte("q")} {
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
				t.Fatal("the program did not quit on q within 30 s")
			}
			pw.Close()
			mu.Lock()
			defer mu.Unlock()
			for _, s := range sizes {
				if s.Width != 100 || s.Height != 30 {
					t.Errorf("the program was resized to %dx%d", s.Width, s.Height)
				}
			}
		})
	}
}
