package ui

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// timedWrites records what a program writes, with the time of each write.
type timedWrites struct {
	mu     sync.Mutex
	at     []time.Time
	chunks []string
}

func (w *timedWrites) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.at = append(w.at, time.Now())
	w.chunks = append(w.chunks, string(p))
	return len(p), nil
}

// since returns the text written from write number from on, without
// escape sequences, and the times of those writes.
func (w *timedWrites) since(from int) (string, []time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return ansi.Strip(strings.Join(w.chunks[from:], "")), append([]time.Time(nil), w.at[from:]...)
}

func (w *timedWrites) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.chunks)
}

// TestFramesWithoutWaitingForTheTicker runs the dashboard in a Bubble Tea
// program at 1 frame a second, the longest frame period Bubble Tea
// allows, on the fake clock of testing/synctest: the clock stands still
// until every goroutine of the program waits. The first frame, and the
// frame of a key pressed after a quiet period, must be written before the
// clock has moved, so no tick of the frame ticker drew them. A second key
// in the same period is drawn by the next tick, a whole period after the
// frame before it, which keeps the frame rate.
func TestFramesWithoutWaitingForTheTicker(t *testing.T) {
	ds := fixtureDataset(t)
	const period = time.Second
	synctest.Test(t, func(t *testing.T) {
		out := &timedWrites{}
		p := tea.NewProgram(New(ds, Options{Lang: En, Dark: true}),
			tea.WithInput(nil), tea.WithOutput(out), tea.WithFPS(1),
			tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler())
		start := time.Now()
		done := make(chan error, 1)
		go func() {
			_, err := p.Run()
			done <- err
		}()
		quit := false
		t.Cleanup(func() { // after a failure, so that the bubble can end
			if !quit {
				p.Kill()
				<-done
			}
		})

		synctest.Wait()
		text, at := out.since(0)
		if !strings.Contains(text, "27 figures") || !strings.Contains(text, "quit") {
			t.Fatalf("no first frame before the first tick; written so far: %q", text)
		}
		for _, w := range at {
			if !w.Equal(start) {
				t.Errorf("the first frame was written %v after the start, so a tick drew it", w.Sub(start))
			}
		}

		// Quiet for two and a half periods: the ticks find nothing to draw,
		// and the key comes between two of them.
		time.Sleep(2*period + period/2)
		if n := out.count(); n != len(at) {
			text, _ := out.since(len(at))
			t.Errorf("the idle ticks wrote %d times: %q", n-len(at), text)
		}

		mark, pressed := out.count(), time.Now()
		p.Send(keyMsg("tab"))
		synctest.Wait()
		text, at = out.since(mark)
		if !strings.Contains(text, "filter") {
			t.Fatalf("the key's frame (the Indicators tab) was not drawn before the next tick; written: %q", text)
		}
		for _, w := range at {
			if !w.Equal(pressed) {
				t.Errorf("the key's frame was written %v after the key, so a tick drew it", w.Sub(pressed))
			}
		}

		// A second key at once: its frame waits for the ticker.
		mark = out.count()
		p.Send(keyMsg("3"))
		synctest.Wait()
		if text, _ := out.since(mark); text != "" {
			t.Errorf("a second frame in the same frame period was written at once: %q", text)
		}
		time.Sleep(period)
		synctest.Wait()
		text, at = out.since(mark)
		if !strings.Contains(text, "Judged on") {
			t.Fatalf("the ticker did not draw the second key's frame (the Targets tab); written: %q", text)
		}
		for _, w := range at {
			if w.Sub(pressed) != period {
				t.Errorf("the second key's frame was written %v after the first, not one frame period (%v)", w.Sub(pressed), period)
			}
		}

		p.Quit()
		quit = true
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	})
}
