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

// errNoData is loadErr for a DatasetMsg that carries neither a dataset
// nor an error.
var errNoData = errors.New("no data")

// apply takes a reloaded dataset: a valid one replaces the data, an
// invalid one leaves the last good data on screen with the error shown.
func (m *Model) apply(msg DatasetMsg) (*Model, tea.Cmd) {
	if msg.Err != nil || msg.Dataset == nil {
		m.loadErr = msg.Err
		if m.loadErr == nil {
			m.loadErr = errNoData
		}
		m.layout()
		return m, nil
	}
	m.loadErr = nil
	cmd := m.flash(m.c.t.Reloaded)
	m.setData(msg.Dataset)
	return m, cmd
}

// loadErrText is the banner's account of the last failed reload in the
// language on screen, empty when the last reload succeeded.
func (m *Model) loadErrText() string {
	t := m.c.t
	var ps data.Problems
	switch {
	case m.loadErr == nil:
		return ""
	case errors.Is(m.loadErr, ErrDataWithheld):
		return t.DataWithheld
	case errors.Is(m.loadErr, errNoData):
		return t.NoData
	case errors.As(m.loadErr, &ps) && len(ps) > 0:
		return m.problemsText(ps)
	case m.lang == Zh:
		return t.ReadFailed
	}
	return clean(m.loadErr.Error())
}

// problemsText is the account of a file's problems in the language on
// screen. They are written in English, for whoever edits the file: a
// Chinese screen gives the first one's position and field, and how many
// follow.
func (m *Model) problemsText(ps data.Problems) string {
	t := m.c.t
	s := ps[0].Error()
	if m.lang == Zh {
		p := ps[0]
		s = fmt.Sprintf("%s:%d:%d", p.File, p.Pos.Line, p.Pos.Col)
		if p.Field != "" {
			s += " " + p.Field
		}
		s = fmt.Sprintf(t.ProblemAt, s)
	}
	if len(ps) > 1 {
		s += fmt.Sprintf(t.MoreProblems, len(ps)-1)
	}
	return clean(s)
}
