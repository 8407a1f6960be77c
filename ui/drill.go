package ui

import (
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
