package ui

import (
	"runtime"
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

// idleWork lets the program idle for n frame periods on the fake clock,
// and returns the heap allocations made meanwhile (each tick of a running
// frame ticker makes one: the renderer rebuilds the view's styled text
// before it finds the frame unchanged) and the writes of the program.
func idleWork(out *timedWrites, n int, period time.Duration) (allocs uint64, writes int) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before, mark := m.Mallocs, out.count()
	time.Sleep(time.Duration(n) * period)
	synctest.Wait()
	runtime.ReadMemStats(&m)
	return m.Mallocs - before, out.count() - mark
}

// blankable is a model whose view keeps everything but loses its content
// once it gets a blankMsg.
type blankable struct {
	tea.Model
	blank bool
}

type blankMsg struct{}

func (b blankable) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(blankMsg); ok {
		b.blank = true
		return b, nil
	}
	var cmd tea.Cmd
	b.Model, cmd = b.Model.Update(msg)
	return b, cmd
}

func (b blankable) View() tea.View {
	v := b.Model.View()
	if b.blank {
		v.Content = ""
	}
	return v
}

// TestNoFrameWorkWhileIdle runs the dashboard as
// TestFramesWithoutWaitingForTheTicker does and lets it idle for 1,000
// frame periods, after its first frame and again after a burst of keys:
// the frame ticker must have stopped, so the program makes next to no
// allocations (a running ticker makes one a period) and writes nothing. A key after the idle is drawn at once, and the keys that
// follow it in the next two periods are drawn by the restarted ticker,
// one frame a period. Last, an empty view after the idle, which is never
// drawn at once, is drawn by the restarted ticker a period later.
func TestNoFrameWorkWhileIdle(t *testing.T) {
	ds := fixtureDataset(t)
	const period, idle = time.Second, 1000
	synctest.Test(t, func(t *testing.T) {
		out := &timedWrites{}
		p := tea.NewProgram(blankable{Model: New(ds, Options{Lang: En, Dark: true})},
			tea.WithInput(nil), tea.WithOutput(out), tea.WithFPS(1),
			tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler())
		done := make(chan error, 1)
		go func() {
			_, err := p.Run()
			done <- err
		}()
		quit := false
		t.Cleanup(func() {
			if !quit {
				p.Kill()
				<-done
			}
		})

		synctest.Wait()
		if text, _ := out.since(0); !strings.Contains(text, "27 figures") {
			t.Fatalf("no first frame; written so far: %q", text)
		}
		// Two periods for the ticks after the first frame, then the idle.
		time.Sleep(2 * period)
		if allocs, writes := idleWork(out, idle, period); allocs > idle/10 || writes != 0 {
			t.Errorf("idle for %d frame periods after the first frame, the program made %d allocations and %d writes", idle, allocs, writes)
		}

		mark, pressed := out.count(), time.Now()
		p.Send(keyMsg("tab"))
		synctest.Wait()
		if text, at := out.since(mark); !strings.Contains(text, "filter") || !at[0].Equal(pressed) {
			t.Fatalf("the key after the idle was not drawn at once; written: %q at %v", text, at)
		}

		// Six keys a third of a period apart, from a sixth of a period
		// after the first: the tabs Zones, Sources, Overview, then
		// Indicators, Zones and Targets, drawn on the two ticks after the
		// key's frame.
		mark = out.count()
		time.Sleep(period / 6)
		for i, k := range []string{"4", "5", "1", "2", "4", "3"} {
			if i > 0 {
				time.Sleep(period / 3)
			}
			p.Send(keyMsg(k))
		}
		time.Sleep(period)
		synctest.Wait()
		text, at := out.since(mark)
		var frames []time.Duration
		for _, w := range at {
			if d := w.Sub(pressed); len(frames) == 0 || frames[len(frames)-1] != d {
				frames = append(frames, d)
			}
		}
		if len(frames) != 2 || frames[0] != period || frames[1] != 2*period {
			t.Errorf("the burst's frames were written at %v after the key before it, not at one and two frame periods (%v)", frames, period)
		}
		if !strings.Contains(text, "Judged on") {
			t.Errorf("the burst's last frame is not the Targets tab; written: %q", text)
		}

		time.Sleep(2 * period)
		if allocs, writes := idleWork(out, idle, period); allocs > idle/10 || writes != 0 {
			t.Errorf("idle for %d frame periods after the burst, the program made %d allocations and %d writes", idle, allocs, writes)
		}

		mark, blanked := out.count(), time.Now()
		p.Send(blankMsg{})
		synctest.Wait()
		if n := out.count(); n != mark {
			t.Errorf("the empty view was drawn at once, in %d writes", n-mark)
		}
		time.Sleep(period)
		synctest.Wait()
		if _, at = out.since(mark); len(at) == 0 || !at[0].Equal(blanked.Add(period)) {
			t.Errorf("the empty view was not drawn a frame period after it came, but at %v", at)
		}

		p.Quit()
		quit = true
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	})
}
