package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// tab is one page of the dashboard. The root model owns the tabs, sizes
// them through SetSize alone, and sends them the keys and mouse events it
// does not handle itself.
type tab interface {
	help.KeyMap
	// SetSize gives the tab its content box.
	SetSize(w, h int)
	// Update handles a message the root passed down.
	Update(tea.Msg) (tab, tea.Cmd)
	// View renders the tab into its content box.
	View() string
	// Refresh rebuilds what the tab derived from the dataset or the
	// language, after either changes.
	Refresh()
	// Capturing reports whether the tab is taking text input, in which
	// case global keys other than ctrl+c go to it.
	Capturing() bool
}

// env is what every tab of one dashboard shares: the dataset, the
// language and its labels, and the styles. Each dashboard, and so each
// SSH session, has its own env.
type env struct {
	ds      *data.Dataset
	lang    Lang
	t       *labels
	st      Styles
	keys    keyMap
	list    listKeys
	version int
	charts  map[chartSpec]string
	shared  *Shared

	// Figures derived from the whole dataset, computed once per data
	// version.
	derivedFor  int
	verdictList []data.Verdict
	conflicts   []data.Conflict
	conflicted  map[*data.Figure]bool
}

func newEnv(ds *data.Dataset, lang Lang, isDark bool) *env {
	e := &env{ds: ds, st: NewStyles(isDark)}
	e.setLang(lang)
	e.charts = map[chartSpec]string{}
	return e
}

func (e *env) setLang(l Lang) {
	e.lang = l
	e.t = labelsFor(l)
	e.keys = newKeyMap(e.t)
	e.list = newListKeys(e.t)
}

// setData swaps in a reloaded dataset and drops everything cached from
// the old one.
func (e *env) setData(ds *data.Dataset) {
	e.ds = ds
	e.version++
	clear(e.charts)
}

// derive computes the whole-dataset figures for the current data.
func (e *env) derive() {
	if e.verdictList != nil && e.derivedFor == e.version {
		return
	}
	e.verdictList = e.ds.Verdicts()
	if e.verdictList == nil {
		e.verdictList = []data.Verdict{}
	}
	e.conflicts = e.ds.Conflicts()
	e.conflicted = map[*data.Figure]bool{}
	for _, c := range e.conflicts {
		if !c.Curated() {
			for _, r := range c.Figures {
				e.conflicted[r.Figure] = true
			}
		}
	}
	e.derivedFor = e.version
}

// verdicts returns every target's verdict, problems first.
func (e *env) verdicts() []data.Verdict {
	e.derive()
	return e.verdictList
}

// inConflict reports whether a figure disagrees with another source's
// figure for the same period.
func (e *env) inConflict(f *data.Figure) bool {
	e.derive()
	return e.conflicted[f]
}

// conflictList is every conflict, found by rule or named in the data.
func (e *env) conflictList() []data.Conflict {
	e.derive()
	return e.conflicts
}

// chart returns the line chart for spec, drawing it only on a cache miss.
func (e *env) chart(spec chartSpec, draw func() string) string {
	spec.version = e.version
	if c, ok := e.charts[spec]; ok {
		return c
	}
	if len(e.charts) > 256 {
		clear(e.charts)
	}
	c := draw()
	e.charts[spec] = c
	return c
}
