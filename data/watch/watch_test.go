package watch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setup copies the good fixture to a temporary file and returns its path
// and contents.
func setup(t *testing.T) (string, []byte) {
	t.Helper()
	good, err := os.ReadFile("../testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "data.yaml")
	write(t, path, good, time.Now().Add(-time.Hour))
	return path, good
}

// write replaces path with b, modified at mod, so that a check sees a
// change however coarse the file system's clock. It writes a new file and
// renames it over the old one, as editors do, so that a check running at
// the same moment sees the old file or the new one, never half of it.
func write(t *testing.T, path string, b []byte, mod time.Time) {
	t.Helper()
	tmp := path + ".new"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(tmp, mod, mod); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestCheckReportsEachChangeOnce(t *testing.T) {
	path, good := setup(t)
	w := New(path)
	if ev, ok := w.Check(); ok {
		t.Fatalf("unchanged file reported: %+v", ev)
	}

	fixed := bytes.Replace(good, []byte("value: 57.1"), []byte("value: 57.4"), 1)
	write(t, path, fixed, time.Now())
	ev, ok := w.Check()
	if !ok || ev.Err != nil || ev.Dataset == nil {
		t.Fatalf("valid edit: ok %v, event %+v", ok, ev)
	}
	if v := ev.Dataset.Metric("contribution-rate").Figures[1].Value; v != 57.4 {
		t.Fatalf("reloaded value %v, want 57.4", v)
	}
	if _, ok := w.Check(); ok {
		t.Fatal("one edit reported twice")
	}

	bad := bytes.Replace(good, []byte("year: 2019\n        value: 57.1"), []byte("year: 1800\n        value: 57.1"), 1)
	write(t, path, bad, time.Now().Add(time.Second))
	ev, ok = w.Check()
	if !ok || ev.Dataset != nil || ev.Err == nil || !strings.Contains(ev.Err.Error(), path+":") ||
		!strings.Contains(ev.Err.Error(), "1800") {
		t.Fatalf("invalid edit: ok %v, event %+v; want a located error naming 1800", ok, ev)
	}
}

func TestMissingFileReportedOnceThenReloaded(t *testing.T) {
	path, good := setup(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	w := New(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ev, ok := w.Check()
	if !ok || ev.Dataset != nil || ev.Err == nil || !strings.Contains(ev.Err.Error(), "no such file") {
		t.Fatalf("removed file: ok %v, event %+v; want one error", ok, ev)
	}
	if ev, ok := w.Check(); ok {
		t.Fatalf("a file still missing reported again: %+v", ev)
	}
	// Back with the very size and time it had: still a change.
	write(t, path, good, fi.ModTime())
	if ev, ok := w.Check(); !ok || ev.Err != nil || ev.Dataset == nil {
		t.Fatalf("restored file: ok %v, event %+v; want the dataset", ok, ev)
	}
}

func TestNotRegularFileIsAnError(t *testing.T) {
	path, _ := setup(t)
	w := New(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	ev, ok := w.Check()
	if !ok || ev.Err == nil || !strings.Contains(ev.Err.Error(), "not a regular file") {
		t.Fatalf("directory: ok %v, event %+v", ok, ev)
	}
}

// TestRunEmitsOnTicks drives Run with ticks sent by hand: no test clock
// to wait for.
func TestRunEmitsOnTicks(t *testing.T) {
	path, good := setup(t)
	w := New(path)
	ticks := make(chan time.Time)
	events := make(chan Event, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		w.Run(ctx, ticks, func(ev Event) { events <- ev })
		close(done)
	}()

	ticks <- time.Now() // unchanged: nothing
	write(t, path, append(good, "\n# edited\n"...), time.Now())
	ticks <- time.Now()
	ticks <- time.Now() // Run is past the second check once it takes a third tick
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	close(events)
	var got []Event
	for ev := range events {
		got = append(got, ev)
	}
	if len(got) != 1 || got[0].Err != nil || got[0].Dataset == nil {
		t.Fatalf("events %+v; want one dataset", got)
	}
}
