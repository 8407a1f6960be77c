package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"lzdash/data"
	"lzdash/ui"
)

// Tokens of the English dashboard, without spaces.
const (
	overviewToken   = "disagreements" // the overview's summary line
	indicatorsToken = "filter"        // the indicators tab's help line
)

func TestDashboardRendersSwitchesResizesQuits(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	// The client never answers the dashboard's start-up queries (such as
	// its background colour): the first frame must not wait for them.
	tm.waitFor(0, overviewToken)

	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)

	m = tm.mark()
	tm.resize(50, 15)
	tm.waitFor(m, "50×15") // "terminal too small: need 60×20, have 50×15"

	m = tm.mark()
	tm.resize(90, 25)
	tm.waitFor(m, indicatorsToken)

	tm.press("q")
	if st := tm.wait(); st != 0 {
		t.Fatalf("exit status after q: %d, want 0", st)
	}
	ts.waitLog(t, "disconnect")
}

func TestSessionsAreIndependent(t *testing.T) {
	ts := startServer(t, nil)
	a := openTerm(t, ts.mustDial(t), 100, 30)
	b := openTerm(t, ts.mustDial(t), 100, 30)
	a.waitFor(0, overviewToken)
	b.waitFor(0, overviewToken)

	m := a.mark()
	a.press("2")
	a.waitFor(m, indicatorsToken)

	// A resize redraws b's whole screen: it must still be the overview.
	m = b.mark()
	b.resize(100, 31)
	b.waitFor(m, overviewToken)
	if s := b.since(m); strings.Contains(s, indicatorsToken) {
		t.Fatalf("a's tab switch moved b too; b shows:\n%s", s)
	}

	m = a.mark()
	a.press("1")
	a.waitFor(m, overviewToken)
}

func TestIdleTimeoutClosesIdleSession(t *testing.T) {
	// Long enough for a loaded machine to draw the first frame in time.
	const idle = time.Second
	ts := startServer(t, func(c *Config) { c.IdleTimeout = idle })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	last := time.Now()
	tm.wait()
	if took := time.Since(last); took < idle/2 {
		t.Fatalf("closed %v after the last output, before the %v idle timeout", took, idle)
	}
}

func TestMaxSessionTimeoutClosesBusySession(t *testing.T) {
	const limit = time.Second
	ts := startServer(t, func(c *Config) { c.MaxTimeout = limit })
	start := time.Now()
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	// Keep the session busy: only the absolute limit can end it.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				_, _ = tm.in.Write([]byte("\t"))
			}
		}
	}()
	tm.wait()
	if took := time.Since(start); took < limit || took > limit+5*time.Second {
		t.Fatalf("session lasted %v, limit %v", took, limit)
	}
}

func TestMaxSessionsRefusesOnlyTheExtraSession(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 2 })
	a := openTerm(t, ts.mustDial(t), 100, 30)
	b := openTerm(t, ts.mustDial(t), 100, 30)
	a.waitFor(0, overviewToken)
	b.waitFor(0, overviewToken)

	c := openTerm(t, ts.mustDial(t), 100, 30)
	if st := c.wait(); st != 1 {
		t.Fatalf("over-cap session exit status %d, want 1", st)
	}
	if s := strings.TrimSpace(c.since(0)); !strings.Contains(s, "server busy") || strings.Contains(s, "\n") {
		t.Fatalf("refusal %q, want one line saying server busy", s)
	}
	ts.waitLog(t, "server busy")

	for _, tm := range []*term{a, b} {
		m := tm.mark()
		tm.press("\t")
		tm.waitFor(m, indicatorsToken)
	}
	// A place frees up when a session ends and its connection closes:
	// the client of a keeps its connection open, so the server closes it.
	a.press("q")
	a.wait()
	ts.waitSessions(t, 1)
	d := openTerm(t, ts.mustDial(t), 100, 30)
	d.waitFor(0, overviewToken)
}

func TestRateLimitRefusesBursts(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.RateLimit, c.RateBurst = 0.001, 2 })
	c := ts.mustDial(t)
	for range 2 {
		if _, _, st := run(t, c, "export --format csv"); st != 0 {
			t.Fatalf("export within the burst: status %d", st)
		}
	}
	_, stderr, st := run(t, c, "export --format csv")
	if st != 1 || !strings.Contains(stderr, "too many connections") {
		t.Fatalf("over the rate: status %d, stderr %q", st, stderr)
	}
	ts.waitLog(t, "rate limited")
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.newModel = panicOnP })
	a := openTerm(t, ts.mustDial(t), 100, 30)
	b := openTerm(t, ts.mustDial(t), 100, 30)
	a.waitFor(0, overviewToken)
	b.waitFor(0, overviewToken)

	a.press("p")
	a.wait()
	m := b.mark()
	b.press("\t")
	b.waitFor(m, indicatorsToken)
	// The server still takes new sessions.
	openTerm(t, ts.mustDial(t), 100, 30).waitFor(0, overviewToken)
}

func TestShutdownSaysGoodbye(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("shutdown took %v", took)
	}
	tm.waitFor(m, "goodbye")
	tm.wait()
	if err := <-ts.served; !errors.Is(err, ssh.ErrServerClosed) {
		t.Fatalf("Serve returned %v", err)
	}
	ts.served <- nil // for the cleanup
	if _, err := ts.dial(t); err == nil {
		t.Fatal("a connection was accepted after shutdown")
	}
}

// panicky is a dashboard that panics on the p key.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "p" {
		panic("test panic")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

func panicOnP(ds *data.Dataset, o ui.Options) tea.Model { return panicky{ui.New(ds, o)} }
