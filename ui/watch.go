package ui

import (
	"errors"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// pollInterval is how often a watched dataset file is checked.
const pollInterval = 500 * time.Millisecond

// noticeFor is how long the "reloaded" notice stays on screen.
const noticeFor = 3 * time.Second

// watcher follows a dataset file by polling its size and modification
// time. Polling needs no extra dependency and also sees files replaced by
// editors that write a new file and rename it over the old one.
type watcher struct {
	path  string
	stamp stamp
}

type stamp struct {
	mod  time.Time
	size int64
}

// reloadedMsg carries the result of one poll of the watched file.
type reloadedMsg struct {
	stamp   stamp
	changed bool
	ds      *data.Dataset
	err     error
}

type clearNoticeMsg struct{ id int }

// DatasetMsg hands the dashboard a reloaded dataset from outside, such as
// a server that watches the file once for all its sessions. With Err set,
// the dashboard keeps its data and shows the error instead.
type DatasetMsg struct {
	Dataset *data.Dataset
	Err     error
}

// ErrDataWithheld, as a DatasetMsg's Err, says that a reload failed
// without saying how: a server tells its visitors this, and keeps the
// details (file names, positions) for its own log.
var ErrDataWithheld = errors.New("the data file has a problem")

// withheld is loadErr for ErrDataWithheld: the banner then says so in
// the current language.
const withheld = "\x00withheld"

// newWatcher records the file's current stamp, so that a change made
// before the first poll is still seen as a change.
func newWatcher(path string) *watcher {
	w := &watcher{path: path}
	if fi, err := os.Stat(path); err == nil {
		w.stamp = stamp{fi.ModTime(), fi.Size()}
	}
	return w
}

func (w *watcher) start() tea.Cmd { return poll(w.path, w.stamp, false) }

// poll waits one interval, then stats the file and, if it changed since
// st, reads and parses it. A first poll only records the stamp.
func poll(path string, st stamp, first bool) tea.Cmd {
	return tea.Tick(pollInterval, func(time.Time) tea.Msg {
		fi, err := os.Stat(path)
		if err != nil {
			return reloadedMsg{stamp: st, changed: !first, err: fmt.Errorf("watching %s: %w", path, err)}
		}
		now := stamp{fi.ModTime(), fi.Size()}
		if first || now == st {
			return reloadedMsg{stamp: now}
		}
		ds, err := data.Load(path)
		return reloadedMsg{stamp: now, changed: true, ds: ds, err: err}
	})
}

// reloaded applies a poll result and schedules the next poll.
func (m Model) reloaded(msg reloadedMsg) (tea.Model, tea.Cmd) {
	next := poll(m.watch.path, msg.stamp, false)
	m.watch.stamp = msg.stamp
	if !msg.changed {
		return m, next
	}
	m, cmd := m.apply(DatasetMsg{Dataset: msg.ds, Err: msg.err})
	return m, tea.Batch(next, cmd)
}

// apply takes a reloaded dataset: a valid one replaces the data, an
// invalid one leaves the last good data on screen with the error shown.
func (m Model) apply(msg DatasetMsg) (Model, tea.Cmd) {
	if msg.Err != nil || msg.Dataset == nil {
		switch {
		case errors.Is(msg.Err, ErrDataWithheld):
			m.loadErr = withheld
		case msg.Err != nil:
			m.loadErr = firstProblem(msg.Err)
		default:
			m.loadErr = "no data"
		}
		m.layout()
		return m, nil
	}
	m.loadErr = ""
	m.env.setData(msg.Dataset)
	m.noticeID++
	m.notice = m.env.t.Reloaded
	m.refresh()
	id := m.noticeID
	return m, tea.Tick(noticeFor, func(time.Time) tea.Msg { return clearNoticeMsg{id} })
}

// firstProblem shortens an error to its first problem and a count.
func firstProblem(err error) string {
	var ps data.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		s := ps[0].Error()
		if len(ps) > 1 {
			s += fmt.Sprintf(" (+%d)", len(ps)-1)
		}
		return clean(s)
	}
	return clean(err.Error())
}
