package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestIndicatorsChartAtEverySize checks that the Indicators tab draws a
// chart for every metric of the embedded dataset that has a series, down
// to the smallest terminal lzdash draws in, with its plot's value axis
// and year axis.
func TestIndicatorsChartAtEverySize(t *testing.T) {
	ds := testDataset(t)
	for _, sz := range [][2]int{{60, 20}, {61, 21}, {80, 24}, {100, 22}, {120, 20}, {120, 40}, {200, 60}} {
		for _, l := range []Lang{En, Zh} {
			m := sized(New(ds, Options{Lang: l, Tab: TabIndicators}), sz[0], sz[1])
			missing := 0
			for range ds.Metrics {
				tab := m.tabs[TabIndicators].(*indicators)
				sel := tab.Selected()
				view := ansi.Strip(m.Render())
				if len(ds.Series(sel, tab.zoneID(sel))) > 0 && (!strings.Contains(view, "┤") || !strings.Contains(view, "└")) {
					if missing++; missing <= 3 {
						t.Errorf("%dx%d %s: no chart for %s:\n%s", sz[0], sz[1], l, sel.ID, view)
					}
				}
				m = press(m, "down")
			}
		}
	}
}

// TestIndicatorsNoRoomForChart checks that a pane too short for a chart
// says so in a line, above the table, rather than leave it out unsaid,
// and that a metric without a series says nothing of a chart.
func TestIndicatorsNoRoomForChart(t *testing.T) {
	ds := fixtureDataset(t)
	for _, l := range []Lang{En, Zh} {
		m := sized(New(ds, Options{Lang: l, Tab: TabIndicators}), 80, 24)
		tab := m.tabs[TabIndicators].(*indicators)
		for h := 8; h <= 24; h++ {
			tab.SetSize(80, h)
			p := tab.pane(nil, tab.detailWidth())
			view := ansi.Strip(tab.viewDetail(&m.st, &m.memo, tab.detailWidth()))
			chart := strings.Contains(view, "┤")
			note := strings.Contains(view, m.c.t.ChartNoRoom)
			what := fmt.Sprintf("%s, a pane %d rows high with %d for chart and table", l, h, p.avail)
			switch {
			case chart && note:
				t.Errorf("%s: both a chart and the note:\n%s", what, view)
			case p.avail >= minChartRows+3 && !chart:
				t.Errorf("%s: no chart:\n%s", what, view)
			case p.avail >= 3 && !chart && !note:
				t.Errorf("%s: neither a chart nor the note:\n%s", what, view)
			}
			if lines := strings.Split(view, "\n"); len(lines) > h {
				t.Errorf("%s: %d lines", what, len(lines))
			}
		}
	}
}
