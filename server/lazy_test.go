package server

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// settle waits until the session has written nothing for quiet, and
// returns its output so far fed through an emulated w×h terminal.
func (tm *term) settle(w, h int) *vt {
	tm.t.Helper()
	const quiet = 300 * time.Millisecond
	deadline := time.Now().Add(waitLimit)
	for n := -1; ; {
		m := tm.mark()
		if m == n {
			break
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the session kept writing for %v", waitLimit)
		}
		n = m
		time.Sleep(quiet)
	}
	v := newVT(w, h)
	tm.mu.Lock()
	_, _ = v.Write(tm.out)
	tm.mu.Unlock()
	return v
}

// sameScreen checks that the lazy and the eager session leave the same
// screen, styles and modes.
func sameScreen(t *testing.T, what string, lazy, eager *term, w, h int) {
	t.Helper()
	l, e := lazy.settle(w, h), eager.settle(w, h)
	if d := l.diff(e); d != "" {
		t.Fatalf("%s: the shared-frame session and a session with its own program differ:\n%s\nshared-frame screen:\n%s\nown-program screen:\n%s",
			what, d, l.screen(), e.screen())
	}
}

// TestSharedFrameThenProgramLooksLikeOwnProgram drives a session that
// starts on the shared first frame and one whose program draws its own,
// side by side, and compares the emulated screens after the first frame,
// after the key or resize that starts the lazy session's program, and
// after more keys.
func TestSharedFrameThenProgramLooksLikeOwnProgram(t *testing.T) {
	lazy := startServer(t, nil)
	eager := startServer(t, func(c *Config) { c.eager = true })
	for _, tc := range []struct {
		name   string
		w, h   int
		env    []string
		first  func(*term) // what starts the lazy session's program
		w2, h2 int         // the size after first
		token  string      // what first shows
		more   string      // keys after
		ready  string      // what the first frame shows, if not the English overview
	}{
		{name: "tab, English", w: 100, h: 30, first: func(tm *term) { tm.press("\t") }, token: indicatorsToken, more: "jj3"},
		{name: "resize, Chinese, 256 colours", w: 120, h: 40, env: []string{"LANG", "zh_CN.UTF-8"},
			first: func(tm *term) { tm.resize(90, 25) }, w2: 90, h2: 25, token: "来源不一致", more: "\t", ready: "来源不一致"},
		{name: "too small, then larger", w: 50, h: 15, first: func(tm *term) { tm.resize(100, 30) }, w2: 100, h2: 30,
			token: overviewToken, more: "5"},
		{name: "language, no colour", w: 80, h: 24, env: []string{"NO_COLOR", "1"}, first: func(tm *term) { tm.press("L") }, token: "总览", more: "?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := openTerm(t, lazy.mustDial(t), tc.w, tc.h, tc.env...)
			e := openTerm(t, eager.mustDial(t), tc.w, tc.h, tc.env...)
			if tc.ready == "" {
				tc.ready = overviewToken
			}
			if tc.w >= 60 {
				l.waitFor(0, tc.ready)
			}
			sameScreen(t, "first frame", l, e, tc.w, tc.h)
			if n := lazy.programs.Load(); n != 0 {
				t.Fatalf("%d programs run before any input, want 0", n)
			}
			w, h := tc.w, tc.h
			if tc.w2 != 0 {
				w, h = tc.w2, tc.h2
			}
			ml, me := l.mark(), e.mark()
			tc.first(l)
			tc.first(e)
			l.waitFor(ml, tc.token)
			e.waitFor(me, tc.token)
			sameScreen(t, "after the first input", l, e, w, h)
			if n := lazy.programs.Load(); n != 1 {
				t.Fatalf("%d programs run after the first input, want 1", n)
			}
			l.press(tc.more)
			e.press(tc.more)
			sameScreen(t, "after more keys", l, e, w, h)
			l.press("q")
			e.press("q")
			l.wait()
			e.wait()
			lazy.waitSessions(t, 0)
		})
	}
}

func TestIdleVisitorsShareOneFrameAndRunNoProgram(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.IdleTimeout = 1500 * time.Millisecond })
	var tms []*term
	for range 3 {
		tms = append(tms, openTerm(t, ts.mustDial(t), 100, 30))
	}
	for _, tm := range tms {
		tm.waitFor(0, overviewToken)
	}
	if n := ts.frames.len(); n != 1 {
		t.Fatalf("%d frames drawn for three visitors of one size, want 1", n)
	}
	if n := ts.programs.Load(); n != 0 {
		t.Fatalf("%d programs run for visitors who never typed, want 0", n)
	}
	marks := make([]int, len(tms))
	for i, tm := range tms {
		marks[i] = tm.mark()
	}
	for i, tm := range tms {
		tm.wait()
		terminalRestored(t, tm, marks[i], "closed after 1.5s without activity")
	}
	ts.waitSessions(t, 0)
}

func TestIdleVisitorIsEndedAtTheMaximumTime(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxTimeout = time.Second })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.wait()
	terminalRestored(t, tm, m, "sessions last at most 1s")
	if n := ts.programs.Load(); n != 0 {
		t.Fatalf("%d programs ran, want 0", n)
	}
}

func TestDrainSaysGoodbyeToIdleVisitors(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.DrainTimeout = 300 * time.Millisecond })
	idle := openTerm(t, ts.mustDial(t), 100, 30)
	busy := openTerm(t, ts.mustDial(t), 100, 30)
	idle.waitFor(0, overviewToken)
	busy.waitFor(0, overviewToken)
	m := busy.mark()
	busy.press("\t")
	busy.waitFor(m, indicatorsToken)
	mi, mb := idle.mark(), busy.mark()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	<-ts.served
	ts.served <- nil
	for name, x := range map[string]struct {
		tm *term
		m  int
	}{"idle": {idle, mi}, "busy": {busy, mb}} {
		x.tm.wait()
		x.tm.mu.Lock()
		raw := string(x.tm.out[x.m:])
		x.tm.mu.Unlock()
		if !strings.Contains(raw, goodbye) {
			t.Errorf("%s visitor: no goodbye in %q", name, tail(raw))
		}
		terminalRestored(t, x.tm, x.m, goodbye)
	}
}

func TestReloadStartsIdleVisitorsPrograms(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	ts.Reload(testDataset(t), 0)
	tm.waitFor(m, "reloaded")
	if n := ts.programs.Load(); n != 1 {
		t.Fatalf("%d programs run after a reload, want 1", n)
	}
	// New visitors get the new dataset's frame, drawn afresh.
	other := openTerm(t, ts.mustDial(t), 100, 30)
	other.waitFor(0, overviewToken)
	if n := ts.frames.len(); n != 1 {
		t.Fatalf("%d frames kept after the reload, want the new dataset's 1", n)
	}
	ts.frames.mu.Lock()
	cur := ts.frames.ds
	ts.frames.mu.Unlock()
	if cur != ts.hub.current() {
		t.Fatal("the frames are not of the reloaded dataset")
	}
}

func TestStartFilterDropsOnlyWhatTheModelHas(t *testing.T) {
	f := &startFilter{profile: colorprofile.ANSI256, w: 100, h: 30}
	for i, c := range []struct {
		in, want tea.Msg
	}{
		{tea.SuspendMsg{}, tea.ResumeMsg{}},
		{tea.ColorProfileMsg{Profile: colorprofile.ANSI256}, nil}, // the program's own, at start
		{tea.WindowSizeMsg{Width: 100, Height: 30}, nil},
		{tea.EnvMsg{"TERM=xterm"}, nil},
		{tea.ColorProfileMsg{Profile: colorprofile.TrueColor}, tea.ColorProfileMsg{Profile: colorprofile.TrueColor}},
		{tea.WindowSizeMsg{Width: 100, Height: 30}, tea.WindowSizeMsg{Width: 100, Height: 30}}, // later ones pass
		{tea.EnvMsg{"TERM=xterm"}, tea.EnvMsg{"TERM=xterm"}},
		{tea.SuspendMsg{}, tea.ResumeMsg{}},
	} {
		if got := f.filter(nil, c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("message %d, %T: got %#v, want %#v", i, c.in, got, c.want)
		}
	}
	// A size that differs from the model's passes even first.
	f = &startFilter{w: 100, h: 30}
	if got := f.filter(nil, tea.WindowSizeMsg{Width: 90, Height: 25}); got == nil {
		t.Error("a first size other than the model's was dropped")
	}
}
