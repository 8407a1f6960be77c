package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// This file sets a chart's plot above its legend. Each legend item
// starts with the glyphs and style the plot draws it with.

// maxLegendLines bounds the legend; the items that do not fit are left
// off from the end, least needed first.
const maxLegendLines = 3

// minChartRows is the least height of a chart: a plot of minPlotRows and
// its year axis, under which a legend, given more rows, explains it.
const minChartRows = minPlotRows + 2

// drawChart draws the chart of the pane's metric and zone within its
// box: the plot, then a legend of what it shows, the target with its
// value, every break in comparability with its reason, and the turned
// axis of a metric where lower is better.
func (t *indicators) drawChart(st *Styles, p pane) string {
	c := t.c
	w, h := p.chart.w, p.chart.h
	s := c.ds.Series(p.m, p.zone)
	tf := targetFigure(p.m, p.zone)
	in := plotInput{s: s, lower: p.m.LowerIsBetter()}
	if tf != nil {
		v := p.m.Value(tf)
		in.target = &v
	}
	items := []string{st.Chart.Render(string([]rune{'─', glyphPoint, '─'}) + " " + c.t.kind(data.Actual))}
	var kinds []string
	seen := map[data.Kind]bool{}
	for _, pt := range s {
		if provisional(pt) && !seen[pt.Kind()] {
			seen[pt.Kind()] = true
			kinds = append(kinds, c.t.kind(pt.Kind()))
		}
	}
	if len(kinds) > 0 {
		items = append(items, st.Badge.Render(string([]rune{'.', glyphNotFinal, '.'})+" "+strings.Join(kinds, "/")))
	}
	if tf != nil {
		items = append(items, st.TargetLine.Render(strings.Repeat(string(glyphTarget), 3)+" "+
			fmt.Sprintf(c.t.ChartTarget, tf.Year)+" "+tf.Comparator+" "+c.figureValue(p.m, tf)))
	}
	if in.lower {
		items = append(items, st.Subtle.Render(c.t.ChartLower))
	}
	for _, pt := range s {
		if pt.Break {
			items = append(items, st.Warn.Render(fmt.Sprintf(c.t.ChartBreak, pt.Year)+clean(pt.Why.In(string(c.lang)))))
		}
	}
	if len(s) > 1 {
		items = append(items, st.Faint.Render(c.t.ChartNote))
	}
	// The legend gives way to the plot, which needs minChartRows, and
	// takes the rows a plot drawn shorter than its box leaves.
	legend := packLegend(items, w, clamp(h-minChartRows, 0, maxLegendLines))
	plot := st.plot(in, w, h-len(legend))
	if plot == "" {
		return ""
	}
	legend = packLegend(items, w, clamp(h-lipgloss.Height(plot), 0, maxLegendLines))
	return strings.Join(append([]string{plot}, legend...), "\n")
}

// packLegend sets legend items two spaces apart on at most n lines of
// width w; an item too wide for a line is cut with the truncation mark.
func packLegend(items []string, w, n int) []string {
	if n <= 0 {
		return nil
	}
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case lipgloss.Width(cur)+2+lipgloss.Width(it) <= w:
			cur += "  " + it
		default:
			lines = append(lines, truncate(cur, w))
			cur = it
		}
		if len(lines) == n {
			return lines
		}
	}
	if cur != "" {
		lines = append(lines, truncate(cur, w))
	}
	return lines
}

// targetFigure is the zone's last target for the metric, or nil.
func targetFigure(m *data.Metric, zone string) *data.Figure {
	var target *data.Figure
	for i := range m.Figures {
		if f := &m.Figures[i]; f.Kind == data.Target && f.Zone == zone {
			target = f
		}
	}
	return target
}
