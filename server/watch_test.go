package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lzdash/data/watch"
)

func TestWatchReloadsEverySession(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "indicators.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "indicators.yaml")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	// The watcher runs beside the server, as lzdash serve --watch runs
	// it, and is ticked by hand.
	ts := startServer(t, nil)
	w := watch.New(path)
	ticks := make(chan time.Time)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.Run(ctx, ticks, ts.Publish)
	a := openTerm(t, ts.mustDial(t), 100, 30)
	b := openTerm(t, ts.mustDial(t), 100, 30)
	a.waitFor(0, overviewToken)
	b.waitFor(0, overviewToken)

	// A valid change reaches every open session.
	ma, mb := a.mark(), b.mark()
	changed := strings.Replace(string(src), "title: {zh: 兰州市科技创新指标", "title: {zh: 兰州科技指标", 1)
	writeChanged(t, path, changed)
	ticks <- time.Now()
	a.waitFor(ma, "reloaded")
	b.waitFor(mb, "reloaded")
	ts.waitLog(t, "dataset reloaded")
	if ds := ts.hub.current(); ds.Title.Zh != "兰州科技指标" {
		t.Fatalf("server dataset title %q after reload", ds.Title.Zh)
	}

	// An invalid one is logged and shown; the sessions keep their data.
	ma = a.mark()
	writeChanged(t, path, changed+"\nbogus: [\n")
	ticks <- time.Now()
	a.waitFor(ma, "problem;")
	ts.waitLog(t, "reload failed")

	// A new session starts on the last good data, with the error shown.
	c := openTerm(t, ts.mustDial(t), 100, 30)
	c.waitFor(0, overviewToken)
	c.waitFor(0, "problem;")
	if ds := ts.hub.current(); ds.Title.Zh != "兰州科技指标" {
		t.Fatalf("server dataset title %q after a bad reload", ds.Title.Zh)
	}
}

// writeChanged writes src to path so that a check sees a new size or time.
func writeChanged(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}
