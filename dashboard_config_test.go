package main

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// ptyDashboard is a dashboard run by run on a pseudo-terminal.
type ptyDashboard struct {
	t    *testing.T
	ptm  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan int
	err  bytes.Buffer
}

// startDashboard runs lzdash with args on a 120×36 pseudo-terminal.
func startDashboard(t *testing.T, args ...string) *ptyDashboard {
	t.Helper()
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptm.Close(); pts.Close() })
	if err := pty.Setsize(ptm, &pty.Winsize{Rows: 36, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	d := &ptyDashboard{t: t, ptm: ptm, done: make(chan int, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptm.Read(buf)
			d.mu.Lock()
			d.out.Write(buf[:n])
			d.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { d.done <- run(args, pts, pts, &d.err) }()
	return d
}

// waitFor waits until everything drawn since the last wait holds every
// token (the renderer moves over unchanged cells, so no token has a
// space), and forgets it.
func (d *ptyDashboard) waitFor(tokens ...string) {
	d.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		d.mu.Lock()
		s := ansi.Strip(d.out.String())
		all := true
		for _, tok := range tokens {
			all = all && strings.Contains(s, tok)
		}
		if all {
			d.out.Reset()
		}
		d.mu.Unlock()
		if all {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.t.Fatalf("the screen never showed %q:\n%s", tokens, ansi.Strip(d.out.String()))
}

// drawn reports whether what was drawn since the last wait holds s.
func (d *ptyDashboard) drawn(s string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return strings.Contains(ansi.Strip(d.out.String()), s)
}

func (d *ptyDashboard) typeKeys(s string) {
	d.t.Helper()
	if _, err := d.ptm.Write([]byte(s)); err != nil {
		d.t.Fatal(err)
	}
}

// quit types q, or the quit key given, and waits for the exit.
func (d *ptyDashboard) quit(key string) {
	d.t.Helper()
	d.typeKeys(key)
	select {
	case code := <-d.done:
		if code != exitOK {
			d.t.Fatalf("exit %d; stderr:\n%s", code, d.err.String())
		}
	case <-time.After(20 * time.Second):
		d.t.Fatal("the dashboard did not quit within 20 s")
	}
}

func TestDashboardTakesTheConfig(t *testing.T) {
	userConfig(t, "lang: en\ntab: targets\nkeys:\n  next: [l]\n  quit: [Q]\n")
	d := startDashboard(t)
	// English, on the Targets tab, with the remapped keys in the help.
	d.waitFor("unknown:", "Q", "quit", "next")
	d.typeKeys("\t") // no longer next
	time.Sleep(300 * time.Millisecond)
	if d.drawn("share") {
		t.Fatal("tab switched tabs although next is remapped to l")
	}
	d.typeKeys("l")
	d.waitFor("share") // the Zones tab
	d.typeKeys("q")
	select {
	case <-d.done:
		t.Fatal("q quit although quit is remapped to Q")
	case <-time.After(300 * time.Millisecond):
	}
	d.quit("Q")
}

func TestDashboardBrokenConfigShowsBannerAndDefaults(t *testing.T) {
	userConfig(t, "lang: en\ntheme: neon\nkeys:\n  next: [k]\n")
	d := startDashboard(t)
	d.waitFor("config", "problem", "(+1)", "dismiss", "Overview")
	// The keys are the defaults: tab goes to Indicators.
	d.typeKeys("\t")
	d.waitFor("filter")
	d.quit("q")
}
