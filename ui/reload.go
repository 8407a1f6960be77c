package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// noticeFor is how long the "reloaded" notice stays on screen.
const noticeFor = 3 * time.Second

type clearNoticeMsg struct{ id int }

// DatasetMsg hands the dashboard a reloaded dataset. The dashboard reads
// no files: whoever watches the file (package data/watch, run by lzdash
// --watch or by the server once for all its sessions) sends it. With Err
// set, the dashboard keeps its data and shows the error instead.
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

// apply takes a reloaded dataset: a valid one replaces the data, an
// invalid one leaves the last good data on screen with the error shown.
func (m *Model) apply(msg DatasetMsg) (*Model, tea.Cmd) {
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
	m.noticeID++
	m.notice = m.c.t.Reloaded
	m.setData(msg.Dataset)
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
