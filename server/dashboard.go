package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"lzdash/internal/safeinput"
	"lzdash/ui"
)

// endReason says why the server ended a dashboard.
type endReason int32

const (
	endNone endReason = iota
	endIdle
	endMax
	endShutdown
	endError
)

func (r endReason) log() string {
	return [...]string{"", "idle timeout", "maximum session time", "shutdown", "internal error"}[r]
}

// restoreTerminal leaves the alternate screen, turns every mouse mode and
// bracketed paste off and shows the cursor. Bubble Tea does the same when
// a program ends normally; this is for when it could not.
const restoreTerminal = "\x1b[?1049l\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?25h\r\n"

// mouseOffShowCursor is the part of restoreTerminal that is harmless to
// repeat after Bubble Tea's own restore.
const mouseOffShowCursor = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?25h"

// dashboard is one visitor's running dashboard.
type dashboard struct {
	srv  *Server
	sess ssh.Session
	out  *stallWriter
	lang ui.Lang

	mu     sync.Mutex
	prog   *tea.Program // nil until the program starts
	ending bool         // finish was called
	// stop is closed when the server ends a dashboard whose program has
	// not started.
	stop     chan struct{}
	stopOnce sync.Once
	// shared is set once a shared first frame is on the visitor's
	// screen: ending before the program starts must then restore the
	// terminal.
	shared bool
	// asleep is set while the program is stopped for quiet, its screen
	// left as it was.
	asleep bool

	done chan struct{} // closed when the dashboard has ended

	wins   latest[tea.WindowSizeMsg]
	data   latest[ui.DatasetMsg]
	reason atomic.Int32
}

// runDashboard runs the dashboard of one session, in lang, until the visitor quits,
// the connection ends, or the server ends it, and then tells the visitor
// why if it was not their own doing.
//
// The first frame comes from the server's frames, shared by the
// sessions that arrive with the same key, and the session's Bubble Tea
// program starts only on the visitor's first input or resize, or a
// dataset change: a visitor who only looks costs no program, no model
// and no frame ticker.
func (s *Server) runDashboard(sess ssh.Session, g *guardedConn, lang ui.Lang) {
	pty, winch, _ := sess.Pty()
	d := &dashboard{srv: s, sess: sess, lang: lang, stop: make(chan struct{}), done: make(chan struct{})}
	defer close(d.done)
	d.wins.init()
	d.data.init()
	d.out = newStallWriter(sess, s.cfg.WriteTimeout, func() { g.drop("stalled: the client stopped reading") })
	began := time.Now()
	d.out.onFrame = func() { s.metrics.firstFrame.Observe(time.Since(began).Seconds()) }
	ds, ok := s.hub.join(&d.data)
	if !ok {
		return
	}
	defer s.hub.leave(&d.data)
	if !g.addDashboard(d) {
		return
	}
	defer g.removeDashboard(d)
	go d.readWindows(winch)

	envs := append(sess.Environ(), "TERM="+pty.Term)
	// The visitor's terminal, not the server's, decides ASCII mode: from
	// the RUNEWIDTH_EASTASIAN or locale the client sent (ssh -o
	// SetEnv=RUNEWIDTH_EASTASIAN=1, or SendEnv LANG).
	ascii := ui.AmbiguousWide(func(k string) string { return envValue(sess.Environ(), k) })
	k := frameKey{ds: ds, st: s.settings.Load(), lang: lang, ascii: ascii, profile: colorprofile.Env(envs), term: pty.Term,
		queries: queriesSyncOutput(envs), w: pty.Window.Width, h: pty.Window.Height}
	in, out := io.Reader(sess), io.Writer(d.out)
	if !s.cfg.eager && !d.data.pending() && len(k.term) <= maxFrameTerm {
		if frame := s.firstFrame(k); frame != nil {
			shown := k
			var ok bool
			if in, ok = d.wait(frame, &k); !ok {
				return
			}
			out = d.programOutput(frame, shown, k)
		}
	}
	d.run(k, envs, in, out)
}

// run runs the session's program on k's dataset, look and size, reading
// the visitor's input from in and writing to out, and says farewell. A
// program stopped after a quiet period (Config.Hibernate) leaves its
// model, which the next program, started on the visitor's next input,
// goes on with.
func (d *dashboard) run(k frameKey, envs []string, in io.Reader, out io.Writer) {
	s := d.srv
	m := s.cfg.newModel(k.ds, k.options(s.pages))
	// Sized before it starts, so that the program's first frame is the
	// dashboard, never a blank screen drawn before the size arrives.
	m, _ = m.Update(tea.ColorProfileMsg{Profile: k.profile})
	m, _ = m.Update(tea.WindowSizeMsg{Width: k.w, Height: k.h})
	m, err := withFirstKeys(m, in)
	if err != nil {
		d.farewell(err)
		return
	}
	if a, ok := out.(*adoptWriter); ok {
		in = &settledReader{r: in, a: a, done: d.sess.Context().Done()}
	}
	// Every byte the visitor sends is filtered before Bubble Tea's
	// decoder sees it: see package safeinput. One filter serves the
	// session's programs in turn.
	input := newRelay(safeinput.NewReader(in))
	for {
		final, err, asleep := d.program(m, &k, envs, input, out)
		if !asleep {
			d.farewell(err)
			return
		}
		w, h := k.w, k.h
		if !d.sleep(&k, input) {
			return
		}
		m = resized(final, k, w, h)
		out = d.out // after sleep's takeOver: the program repaints the screen
	}
}

// program runs a program of model m, for k and writing to out, until it
// ends; it returns its final model, whose size k then has, and whether
// it was stopped for quiet.
func (d *dashboard) program(m tea.Model, k *frameKey, envs []string, input *relay, out io.Writer) (tea.Model, error, bool) {
	s := d.srv
	q := newQuiet(s.cfg.Hibernate, out)
	p := tea.NewProgram(m,
		tea.WithInput(input.reader(q)),
		tea.WithOutput(q),
		tea.WithEnvironment(envs),
		tea.WithColorProfile(k.profile),
		tea.WithWindowSize(k.w, k.h),
		// The server handles SIGINT and SIGTERM: a program must not
		// quit on them by itself, nor suspend.
		tea.WithoutSignalHandler(),
		tea.WithFilter((&startFilter{profile: k.profile, w: k.w, h: k.h}).filter),
		tea.WithFPS(ui.FPS),
		// When the connection is gone nothing can be drawn any more:
		// the program ends itself, in its own goroutine (a Kill from
		// another while it starts races with its renderer's start).
		tea.WithContext(d.sess.Context()),
	)
	d.mu.Lock()
	if d.ending {
		d.mu.Unlock()
		return m, nil, false
	}
	d.prog = p
	d.mu.Unlock()
	s.programs.Add(1)
	defer s.programs.Add(-1)

	ctx, cancel := context.WithCancel(d.sess.Context())
	forwarded := make(chan struct{})
	go func() {
		defer close(forwarded)
		d.forward(ctx, p, q, k)
	}()
	q.watch(p.Quit)
	final, err := p.Run()
	cancel()
	<-forwarded
	asleep := q.end()
	d.mu.Lock()
	d.prog = nil
	ending := d.ending
	d.mu.Unlock()
	if sm, ok := final.(*startModel); ok {
		final = sm.Model // no message came
	}
	if um, ok := final.(interface{ Lang() ui.Lang }); ok {
		d.lang = um.Lang()
	}
	// The program restored the terminal, unless it drew nothing on the
	// shared frame, or was stopped for quiet: then its screen stays,
	// with everything it turned on.
	a, ok := out.(*adoptWriter)
	d.shared, d.asleep = ok && a.showsFrame(), asleep && err == nil
	return final, err, d.asleep && !ending
}

// startFilter is a program's message filter. It turns a suspend request
// (ctrl+z) into nothing, since a remote visitor has no shell to go back
// to; and it drops the colour profile, size and environment that every
// program sends itself as it starts, when the model has them already
// (run sizes it first), so that each of them costs no Update and no
// redraw. It runs in the program's event loop alone.
type startFilter struct {
	profile                    colorprofile.Profile
	w, h                       int
	profiled, sized, environed bool
}

func (f *startFilter) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	case tea.ColorProfileMsg:
		if !f.profiled {
			f.profiled = true
			if msg.Profile == f.profile {
				return nil
			}
		}
	case tea.WindowSizeMsg:
		if !f.sized {
			f.sized = true
			if msg.Width == f.w && msg.Height == f.h {
				return nil
			}
		}
	case tea.EnvMsg:
		if !f.environed {
			f.environed = true
			return nil // the dashboard's options carry what it takes from the environment
		}
	}
	return msg
}

// readWindows keeps only the latest size the client reports, so that the
// SSH request loop never waits on a busy program.
func (d *dashboard) readWindows(winch <-chan ssh.Window) {
	for w := range winch {
		d.wins.put(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
	}
}

// forward hands the program the latest window size and dataset, one at a
// time, until ctx ends or q stops the program, and keeps the size in k.
func (d *dashboard) forward(ctx context.Context, p *tea.Program, q *quiet, k *frameKey) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.wins.ready:
			if !q.forward() {
				d.wins.wake() // for the next program
				return
			}
			if w, ok := d.wins.take(); ok {
				k.w, k.h = w.Width, w.Height
				p.Send(w)
			}
			q.forwarded()
		case <-d.data.ready:
			if !q.forward() {
				d.data.wake()
				return
			}
			if m, ok := d.data.take(); ok {
				p.Send(m)
			}
			q.forwarded()
		}
	}
}

// finish ends the dashboard for reason; its Run then returns and the
// visitor is told why.
func (d *dashboard) finish(reason endReason) {
	d.reason.CompareAndSwap(int32(endNone), int32(reason))
	d.mu.Lock()
	p := d.prog
	d.ending = true
	d.mu.Unlock()
	if p != nil {
		go p.Quit()
	} else {
		d.stopOnce.Do(func() { close(d.stop) })
	}
	select {
	case <-d.done:
	case <-time.After(farewellGrace):
		// Stuck: the connection is closed next, which ends it.
	}
}

// farewell restores the visitor's terminal and, when the server ended the
// session, prints one line saying why.
func (d *dashboard) farewell(runErr error) {
	reason := endReason(d.reason.Load())
	switch {
	case runErr != nil && errors.Is(runErr, tea.ErrProgramPanic):
		reason = endError
		d.srv.log.Error("dashboard panicked: session ended", "remote-addr", d.sess.RemoteAddr().String())
	case runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled):
		d.srv.log.Warn("dashboard stopped", "remote-addr", d.sess.RemoteAddr().String(), "error", runErr)
	}
	if d.sess.Context().Err() != nil {
		return // the connection is closed
	}
	seq := mouseOffShowCursor
	switch {
	case runErr != nil:
		seq = restoreTerminal
	case d.shared:
		seq = frameRestore + mouseOffShowCursor
	case d.asleep:
		seq = sleepRestore + mouseOffShowCursor
	}
	if line := farewellLine(reason, d.lang, d.srv.cfg); line != "" {
		seq += "\r\n" + line + "\r\n"
	}
	_, _ = io.WriteString(d.out, seq)
}

// farewellLine is the last line a visitor sees when the server ends
// their session, in the language they were using.
func farewellLine(r endReason, l ui.Lang, cfg Config) string {
	zh := l == ui.Zh
	switch r {
	case endIdle:
		if zh {
			return fmt.Sprintf("lzdash：%s 无操作，连接已关闭。再见", shortDuration(cfg.IdleTimeout))
		}
		return fmt.Sprintf("lzdash: closed after %s without activity: goodbye", shortDuration(cfg.IdleTimeout))
	case endMax:
		if zh {
			return fmt.Sprintf("lzdash：会话最长 %s，连接已关闭。再见", shortDuration(cfg.MaxTimeout))
		}
		return fmt.Sprintf("lzdash: sessions last at most %s: goodbye", shortDuration(cfg.MaxTimeout))
	case endShutdown:
		if zh {
			return "lzdash：服务器正在关闭。再见"
		}
		return goodbye
	case endError:
		if zh {
			return "lzdash：仪表盘内部出错，会话已结束"
		}
		return "lzdash: the dashboard stopped on an internal error: the session has ended"
	}
	return ""
}

// shortDuration writes 15m0s as 15m and 2h0m0s as 2h.
func shortDuration(d time.Duration) string {
	s := d.String()
	for _, suffix := range []string{"m0s", "h0m"} {
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			s = s[:len(s)-len(suffix)+1]
		}
	}
	return s
}

// envValue is the value of k in env, a list of KEY=value, or "": the last
// one wins, as in a process's environment.
func envValue(env []string, k string) string {
	v := ""
	for _, kv := range env {
		if name, val, ok := strings.Cut(kv, "="); ok && name == k {
			v = val
		}
	}
	return v
}
