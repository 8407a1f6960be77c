package server

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"lzdash/ui"
)

// writes records each Write on its own, to tell Bubble Tea's flushes
// apart.
type writes struct {
	mu  sync.Mutex
	all [][]byte
	got chan struct{} // a token per write
}

func (w *writes) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.all = append(w.all, bytes.Clone(p))
	w.mu.Unlock()
	select {
	case w.got <- struct{}{}:
	default:
	}
	return len(p), nil
}

// programFirstFrame runs a real Bubble Tea program on the dashboard, as
// a session runs it, and returns the bytes of its first frame (the first
// write that enters the alternate screen) and of its other writes until
// it has asked for the background colour: the queries, which come apart.
func programFirstFrame(t *testing.T, k frameKey, env []string, shared *ui.Shared) (frame, others []byte) {
	t.Helper()
	m := tea.Model(ui.New(k.ds, ui.Options{Lang: k.lang, Dark: true, ASCII: k.ascii, Shared: shared}))
	m, _ = m.Update(tea.ColorProfileMsg{Profile: k.profile})
	m, _ = m.Update(tea.WindowSizeMsg{Width: k.w, Height: k.h})
	out := &writes{got: make(chan struct{}, 1)}
	inR, inW := io.Pipe()
	defer inW.Close()
	p := tea.NewProgram(m, tea.WithInput(inR), tea.WithOutput(out),
		tea.WithEnvironment(env), tea.WithColorProfile(k.profile),
		tea.WithWindowSize(k.w, k.h), tea.WithoutSignalHandler(), tea.WithFPS(ui.FPS))
	done := make(chan struct{})
	go func() { _, _ = p.Run(); close(done) }()
	defer func() { p.Kill(); <-done }()
	deadline := time.After(waitLimit)
	for {
		out.mu.Lock()
		frame, others = nil, nil
		for _, w := range out.all {
			if frame == nil && bytes.Contains(w, []byte(ansi.SetModeAltScreenSaveCursor)) {
				frame = w
			} else {
				others = append(others, w...)
			}
		}
		out.mu.Unlock()
		if frame != nil && bytes.Contains(others, []byte(ansi.RequestBackgroundColor)) {
			return frame, others
		}
		select {
		case <-out.got:
		case <-deadline:
			t.Fatalf("no first frame and background query from the program within %v", waitLimit)
		}
	}
}

// TestSharedFrameIsTheProgramsFirstFrame compares, byte for byte, the
// shared first frame with the first frame a fresh Bubble Tea program
// writes for the same size, look and language.
func TestSharedFrameIsTheProgramsFirstFrame(t *testing.T) {
	ds := testDataset(t)
	shared := ui.NewShared()
	for _, c := range []struct {
		k   frameKey
		env []string // besides TERM
	}{
		{k: frameKey{lang: ui.En, profile: colorprofile.TrueColor, term: "xterm-256color", w: 100, h: 30}},
		{k: frameKey{lang: ui.Zh, profile: colorprofile.ANSI256, term: "xterm-256color", w: 120, h: 40}},
		{k: frameKey{lang: ui.Zh, ascii: true, profile: colorprofile.ANSI, term: "xterm", w: 80, h: 24}},
		{k: frameKey{lang: ui.En, profile: colorprofile.Ascii, term: "screen", w: 60, h: 20}},
		{k: frameKey{lang: ui.En, profile: colorprofile.TrueColor, term: "xterm-256color", w: 50, h: 15}}, // too small
		{k: frameKey{lang: ui.Zh, profile: colorprofile.TrueColor, term: "xterm-256color", w: maxCols, h: maxRows}},
		// Bubble Tea asks Apple's terminal over SSH nothing about
		// synchronized output.
		{k: frameKey{lang: ui.En, profile: colorprofile.ANSI256, term: "xterm-256color", w: 100, h: 30},
			env: []string{"TERM_PROGRAM=Apple_Terminal", "SSH_TTY=/dev/pts/1"}},
	} {
		k := c.k
		env := append([]string{"TERM=" + k.term}, c.env...)
		t.Run(fmt.Sprintf("%s %dx%d %s %v %d", k.lang, k.w, k.h, k.term, k.profile, len(c.env)), func(t *testing.T) {
			k.ds = ds
			k.queries = queriesSyncOutput(env)
			got := firstFrame(ui.New(ds, ui.Options{Lang: k.lang, Dark: true, ASCII: k.ascii, Shared: shared}), k)
			queries := ansi.RequestBackgroundColor
			if k.queries {
				queries = ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore + queries
			}
			if !bytes.HasPrefix(got, []byte(queries)) {
				t.Fatalf("the shared frame does not start with the program's queries: %q", clip(string(got)))
			}
			want, others := programFirstFrame(t, k, env, shared)
			if asks := bytes.Contains(others, []byte(ansi.RequestModeSynchronizedOutput)); asks != k.queries {
				t.Fatalf("the program asks about synchronized output: %v; the shared frame: %v", asks, k.queries)
			}
			if frame := got[len(queries):]; !bytes.Equal(frame, want) {
				i := 0
				for i < min(len(frame), len(want)) && frame[i] == want[i] {
					i++
				}
				t.Fatalf("the shared frame (%d bytes) differs from the program's (%d bytes) at byte %d:\nshared  %q\nprogram %q",
					len(frame), len(want), i, around(frame, i), around(want, i))
			}
		})
	}
}

func around(b []byte, i int) string {
	return string(b[max(0, i-40):min(len(b), i+40)])
}

func TestFramesAreBoundedAndDroppedOnReload(t *testing.T) {
	ds, other := testDataset(t), testDataset(t)
	f := newFrames(ds)
	var draws atomic.Int32
	draw := func(k frameKey) func() []byte {
		return func() []byte { draws.Add(1); return []byte(fmt.Sprint(k.w)) }
	}
	for w := range maxFrames + 10 {
		k := frameKey{ds: ds, w: w}
		if got := string(f.get(k, draw(k))); got != fmt.Sprint(w) {
			t.Fatalf("frame %d: got %q", w, got)
		}
	}
	if n := f.len(); n != maxFrames {
		t.Fatalf("%d frames kept, want %d", n, maxFrames)
	}
	// The most recent are kept; the oldest were dropped and draw again.
	draws.Store(0)
	f.get(frameKey{ds: ds, w: maxFrames + 9}, draw(frameKey{w: maxFrames + 9}))
	f.get(frameKey{ds: ds, w: 0}, draw(frameKey{w: 0}))
	if n := draws.Load(); n != 1 {
		t.Fatalf("%d draws for a kept frame and a dropped one, want 1", n)
	}
	// A frame of another dataset than the current one is drawn, not kept.
	draws.Store(0)
	k := frameKey{ds: other, w: 1}
	f.get(k, draw(k))
	f.get(k, draw(k))
	if n := draws.Load(); n != 2 {
		t.Fatalf("a frame of an old dataset was drawn %d times in two asks, want 2", n)
	}
	// A reload drops every frame of the old dataset.
	f.use(other)
	if n := f.len(); n != 0 {
		t.Fatalf("%d frames kept after a reload, want 0", n)
	}
	f.get(k, draw(k))
	if n := f.len(); n != 1 {
		t.Fatalf("%d frames kept, want the new dataset's 1", n)
	}
}

func TestFramesDrawOnceForSessionsArrivingTogether(t *testing.T) {
	ds := testDataset(t)
	f := newFrames(ds)
	var draws atomic.Int32
	release := make(chan struct{})
	k := frameKey{ds: ds, w: 100, h: 30}
	var wg sync.WaitGroup
	got := make([]string, 50)
	for i := range got {
		wg.Go(func() {
			got[i] = string(f.get(k, func() []byte { draws.Add(1); <-release; return []byte("frame") }))
		})
	}
	time.Sleep(50 * time.Millisecond) // let them all ask
	close(release)
	wg.Wait()
	if n := draws.Load(); n != 1 {
		t.Fatalf("%d draws for 50 sessions with one key, want 1", n)
	}
	if s := strings.Join(got, ""); s != strings.Repeat("frame", 50) {
		t.Fatalf("sessions got %q", s)
	}
}

func TestFramePanicSharesNothing(t *testing.T) {
	ds := testDataset(t)
	f := newFrames(ds)
	k := frameKey{ds: ds, w: 100, h: 30}
	func() {
		defer func() { _ = recover() }()
		f.get(k, func() []byte { panic("draw") })
	}()
	if b := f.get(k, func() []byte { return []byte("late") }); b != nil {
		t.Fatalf("after a panicking draw the frame is %q, want nil (each session draws its own)", b)
	}
}
