package server

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// hibernatePeriod is the quiet period of the tests' servers: long
// enough for a program to take its input and draw its frame on a loaded
// machine, short enough to wait for.
const hibernatePeriod = 300 * time.Millisecond

// teardown are the sequences of a program's terminal restore, none of
// which may reach a visitor whose program is stopped for quiet.
var teardown = []string{
	"\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?1002l", "\x1b[?1003l", "\x1b[?1006l",
	"\x1b[?2004l", "\x1b[<1u", "\x1b[>4;0m", "\x1b[>4m", "\x1b]2;\x07", "\x1b[?2027l",
}

// waitHibernated waits until the server counts n hibernated dashboards
// and no running program.
func (ts *testServer) waitHibernated(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for ts.hibernated.Load() != n || ts.programs.Load() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d dashboards hibernated and %d programs running after %v, want %d and 0",
				ts.hibernated.Load(), ts.programs.Load(), waitLimit, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// sameVisible is sameScreen for screens that a visitor cannot tell
// apart: a full repaint and a screen drawn by many updates leave blank
// cells with the colours of different pens, which show nothing.
func sameVisible(t *testing.T, what string, a, b *term, w, h int) {
	t.Helper()
	va, vb := a.settle(w, h), b.settle(w, h)
	va.unstyleBlanks()
	vb.unstyleBlanks()
	if d := va.diff(vb); d != "" {
		t.Fatalf("%s: the hibernating session and the one whose program ran throughout differ:\n%s\nhibernating:\n%s\nrunning:\n%s",
			what, d, va.screen(), vb.screen())
	}
}

// unstyleBlanks clears the pen of the blank cells whose pen draws
// nothing on them: no background, reverse, underline or strike.
func (v *vt) unstyleBlanks() {
	for _, line := range *v.scr {
		for x, c := range line {
			p := c.pen
			if c.s == " " && p.bg == "" && !p.reverse && p.underline == 0 && !p.strike {
				line[x].pen = vtPen{}
			}
		}
	}
}

// raw returns the output after mark as it was sent.
func (tm *term) raw(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return string(tm.out[mark:])
}

// hibernatingBeside opens a session on a server that hibernates its
// dashboards and one on a server that never does, presses keys (Tab
// first) in both, and waits for both to show the Indicators tab.
func hibernatingBeside(t *testing.T, keys string) (ts *testServer, h, r *term) {
	t.Helper()
	ts = startServer(t, func(c *Config) { c.Hibernate = hibernatePeriod })
	ref := startServer(t, nil)
	h = openTerm(t, ts.mustDial(t), 100, 30)
	r = openTerm(t, ref.mustDial(t), 100, 30)
	h.waitFor(0, overviewToken)
	r.waitFor(0, overviewToken)
	mh, mr := h.mark(), r.mark()
	h.press(keys)
	r.press(keys)
	h.waitFor(mh, indicatorsToken)
	r.waitFor(mr, indicatorsToken)
	return ts, h, r
}

// TestHibernatedDashboardKeepsItsScreenAndState drives a session whose
// program is stopped after each quiet period and one whose program runs
// throughout, side by side: the stop writes nothing to the visitor, and
// after the next key both show the same screen, on the tab and row the
// visitor had reached.
func TestHibernatedDashboardKeepsItsScreenAndState(t *testing.T) {
	ts, h, r := hibernatingBeside(t, "\tjjj")
	running := h.mark() // after the first program's take-over
	ts.waitHibernated(t, 1)
	sameVisible(t, "hibernated", h, r, 100, 30)
	asleep := h.mark()
	for _, seq := range teardown {
		if strings.Contains(h.raw(running), seq) {
			t.Fatalf("the program's stop wrote %q to the visitor: %q", seq, tail(h.raw(running)))
		}
	}

	// The next key reaches a new program, on the kept state.
	h.press("j")
	r.press("j")
	h.waitFor(asleep, indicatorsToken) // the new program's repaint
	sameVisible(t, "after the key that woke it", h, r, 100, 30)
	if !strings.Contains(h.raw(asleep), takeOver) {
		t.Errorf("the new program did not take over the screen: %q", tail(h.raw(asleep)))
	}

	// And a resize wakes it too.
	ts.waitHibernated(t, 1)
	m := h.mark()
	h.resize(90, 25)
	r.resize(90, 25)
	h.waitFor(m, indicatorsToken)
	sameVisible(t, "after a resize that woke it", h, r, 90, 25)
	h.press("q")
	r.press("q")
	h.wait()
	r.wait()
	terminalRestored(t, h, asleep, "")
}

// TestKeysAroundTheStopAreNeitherLostNorRepeated presses keys at moments
// that fall before, during and after the stops of a session's program,
// and compares the screen with a session that got the same keys with
// its program running throughout.
func TestKeysAroundTheStopAreNeitherLostNorRepeated(t *testing.T) {
	_, h, r := hibernatingBeside(t, "\t")
	keys := []string{"j", "j", "jj", "k", "j", "jjj", "k", "j", "j", "jk", "j", "j"}
	for _, k := range keys {
		// Around the end of the quiet period, before and after.
		time.Sleep(hibernatePeriod*3/4 + rand.N(hibernatePeriod/2))
		h.press(k)
		r.press(k)
	}
	sameVisible(t, "after the keys", h, r, 100, 30)
}

// TestReloadWakesAHibernatedDashboard checks that a dataset reload
// reaches a hibernated dashboard as it reaches one that never had a
// program: a program starts and shows it.
func TestReloadWakesAHibernatedDashboard(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Hibernate = hibernatePeriod })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)
	ts.waitHibernated(t, 1)
	m = tm.mark()
	ts.Reload(testDataset(t), 0)
	tm.waitFor(m, "reloaded")
	tm.waitFor(m, indicatorsToken) // drawn by a new program, on the same tab
}

// TestHibernatedDashboardIsRestoredWhenTheServerEndsIt checks that a
// session ended while its program is stopped gets its terminal back as
// the program would have left it, and is told why.
func TestHibernatedDashboardIsRestoredWhenTheServerEndsIt(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Hibernate = hibernatePeriod; c.IdleTimeout = 1500 * time.Millisecond })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)
	ts.waitHibernated(t, 1)
	m = tm.mark()
	tm.wait()
	terminalRestored(t, tm, m, "closed after 1.5s without activity")
	raw := tm.raw(m)
	for _, seq := range []string{"\x1b[<1u", "\x1b[?2004l", "\x1b[?2027l"} {
		if !strings.Contains(raw, seq) {
			t.Errorf("no %q in the restore %q", seq, tail(raw))
		}
	}
	ts.waitSessions(t, 0)
	if n := ts.hibernated.Load(); n != 0 {
		t.Fatalf("%d dashboards counted hibernated after their session ended", n)
	}
}

// TestNoHibernation checks that a zero period leaves the program running.
func TestNoHibernation(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)
	time.Sleep(2 * hibernatePeriod) // what would be a quiet period, were there one
	if ts.programs.Load() != 1 || ts.hibernated.Load() != 0 {
		t.Fatalf("%d programs running, %d hibernated, want 1 and 0", ts.programs.Load(), ts.hibernated.Load())
	}
}

// TestRelayKeepsInputThatArrivesWhileAProgramStops stops a program
// while its read of the session is under way and while it has read only
// part of what came: what it did not take goes to the next reader, in
// order, once.
func TestRelayKeepsInputThatArrivesWhileAProgramStops(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	r := newRelay(pr)
	stop := func(q *quiet) {
		q.mu.Lock()
		q.last = time.Now().Add(-time.Hour)
		q.mu.Unlock()
		q.timer = time.NewTimer(time.Hour)
		if !q.check() {
			t.Fatal("a quiet program was not stopped")
		}
	}

	// A read under way when the program stops.
	q := newQuiet(time.Millisecond, io.Discard)
	got := make(chan string)
	go func() {
		b := make([]byte, 16)
		n, err := r.reader(q).Read(b)
		got <- string(b[:n]) + "|" + errString(err)
	}()
	time.Sleep(20 * time.Millisecond) // let the read begin; the test holds either way
	stop(q)
	if s := <-got; s != "|EOF" {
		t.Fatalf("the stopped program read %q, want nothing and EOF", s)
	}
	go func() { _, _ = pw.Write([]byte("abc")) }()

	// The next program gets it, and what it leaves goes to the one after.
	q2 := newQuiet(time.Millisecond, io.Discard)
	if s := readWithin(t, r.reader(q2), 1); s != "a|" {
		t.Fatalf("the next program read %q, want a", s)
	}
	stop(q2)
	if s := readWithin(t, r.reader(q2), 1); s != "|EOF" {
		t.Fatalf("a stopped program read %q", s)
	}
	if s := readWithin(t, r.reader(newQuiet(time.Millisecond, io.Discard)), 8); s != "bc|" {
		t.Fatalf("the third program read %q, want bc", s)
	}
	if r.reading || r.pending() {
		t.Fatal("the relay holds more than was sent")
	}
}

// TestQuietDropsTheStoppedProgramsOutput checks that nothing a program
// writes once it is stopped reaches the visitor, and that output counts
// as activity.
func TestQuietDropsTheStoppedProgramsOutput(t *testing.T) {
	var out strings.Builder
	q := newQuiet(time.Hour, &out)
	q.timer = time.NewTimer(time.Hour)
	_, _ = io.WriteString(q, "frame")
	q.mu.Lock()
	q.last = time.Now().Add(-time.Hour)
	q.mu.Unlock()
	_, _ = io.WriteString(q, "more") // output: not quiet
	if q.check() {
		t.Fatal("a program stopped right after it wrote")
	}
	q.mu.Lock()
	q.last = time.Now().Add(-2 * time.Hour)
	q.mu.Unlock()
	if !q.check() {
		t.Fatal("a quiet program was not stopped")
	}
	if n, err := io.WriteString(q, "\x1b[?1049l"); n != 8 || err != nil {
		t.Fatalf("a dropped write returned %d, %v", n, err)
	}
	if out.String() != "framemore" {
		t.Fatalf("the visitor got %q", out.String())
	}
	if !q.end() {
		t.Fatal("end does not report the stop")
	}
}

// readWithin reads once from r into a buffer of size n, and returns
// what it read and its error as "bytes|error".
func readWithin(t *testing.T, r io.Reader, n int) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		b := make([]byte, n)
		m, err := r.Read(b)
		got <- string(b[:m]) + "|" + errString(err)
	}()
	select {
	case s := <-got:
		return s
	case <-time.After(waitLimit):
		t.Fatalf("a read still waiting after %v", waitLimit)
		return ""
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
