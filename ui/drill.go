package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// show opens the figure r on the tab: its metric selected with the
// filter cleared, its zone chosen and its row highlighted. It reports
// whether the list has the metric.
func (t *indicators) show(r data.FigureRef) bool {
	if !t.focus(r.Metric.ID, "") {
		return false
	}
	m := t.Selected()
	if zi := indexOf(m.Zones(t.c.ds), r.Figure.Zone); zi >= 0 {
		t.zone = zi
	}
	fs, _ := t.figureRows(m, t.zoneID(m))
	for i, f := range fs {
		if f == r.Figure {
			t.row = i
		}
	}
	return true
}

// drill opens the highlighted figure of the tab on screen on the
// Indicators tab, from which Esc or Backspace return; a tab that
// highlights no figure ignores Enter.
func (m *Model) drill(msg tea.KeyPressMsg) tea.Cmd {
	t, ok := m.tabs[m.active].(citer)
	if !ok {
		return m.updateTab(msg)
	}
	r, ok := t.highlighted()
	if !ok || !m.tabs[TabIndicators].(*indicators).show(r) {
		return nil
	}
	m.back, m.active, m.drilled = m.active, TabIndicators, true
	return nil
}

// actionHelp is the short help's hints of the keys that copy, drill
// down and come back, with only those that work now: the way back, which
// goes first so that a narrow screen keeps it, and y and Enter, which
// follow the tab's own keys.
func (m *Model) actionHelp() (first, then []key.Binding) {
	cite, drill, _, back := m.actions()
	return enabled(back), enabled(cite, drill)
}
