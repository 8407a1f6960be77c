// Package watch follows a dataset file and reports each change to it: a
// new dataset, or the located error that leaves the last good one in
// place. It is lzdash's one data path from a file to the screen: the
// local dashboard (lzdash --data FILE --watch) and the SSH server (lzdash
// serve --data FILE --watch) both run a Watcher, and hand its events to
// the dashboards as ui.DatasetMsg.
//
// A Watcher polls the file's size and modification time. Polling needs
// no extra dependency and also sees files that editors replace by
// writing a new file and renaming it over the old one.
//
// A file that goes missing, or can no longer be examined, is one change:
// it is reported once, with the error data.Load gives for it, and the
// last good data stays. When the file comes back it is loaded again, even
// if its size and time are what they were before it went.
package watch

import (
	"context"
	"os"
	"time"

	"lzdash/data"
)

// Interval is how often lzdash checks a watched file.
const Interval = 500 * time.Millisecond

// Event is one change of the watched file.
type Event struct {
	// Dataset is the file's new contents, validated; nil when Err is set.
	Dataset *data.Dataset
	// Err says why the file could not be loaded, naming the file and,
	// for a problem in its contents, the line and column.
	Err error
	// Took is how long reading and validating the file took.
	Took time.Duration
}

// Watcher follows one dataset file. It is not safe for concurrent use:
// one goroutine runs it.
type Watcher struct {
	path string
	last stamp
}

// stamp is what a check compares to see a change.
type stamp struct {
	mod     time.Time
	size    int64
	missing bool
}

func statStamp(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{missing: true}
	}
	return stamp{mod: fi.ModTime(), size: fi.Size()}
}

// New returns a Watcher of path that records the file as it is now.
// Create it before loading the file the first time, so that a change
// made while that load runs is still seen.
func New(path string) *Watcher {
	return &Watcher{path: path, last: statStamp(path)}
}

// Check looks at the file once: if it changed since the last look, it
// loads it with data.Load and returns the result and true.
func (w *Watcher) Check() (Event, bool) {
	now := statStamp(w.path)
	if now == w.last {
		return Event{}, false
	}
	w.last = now
	began := time.Now()
	ds, err := data.Load(w.path)
	ev := Event{Dataset: ds, Err: err, Took: time.Since(began)}
	if err != nil {
		ev.Dataset = nil
	}
	return ev, true
}

// Run checks the file on every tick until ctx ends, and calls emit with
// each change, from Run's goroutine: a slow emit delays the next check
// rather than queueing events.
func (w *Watcher) Run(ctx context.Context, ticks <-chan time.Time, emit func(Event)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
		if ev, ok := w.Check(); ok {
			emit(ev)
		}
	}
}

// Poll is Run with a tick every interval.
func (w *Watcher) Poll(ctx context.Context, interval time.Duration, emit func(Event)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	w.Run(ctx, t.C, emit)
}
