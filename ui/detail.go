package ui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// This file draws the Indicators tab's right-hand pane: the selected
// metric's chart, the table of its figures, and the source text of the
// highlighted one.

// figureRows are a metric's figures for one zone, oldest first, with the
// change into each one that the series uses.
func (t *indicators) figureRows(m *data.Metric, zone string) ([]*data.Figure, map[*data.Figure]data.Change) {
	var fs []*data.Figure
	for i := range m.Figures {
		if m.Figures[i].Zone == zone {
			fs = append(fs, &m.Figures[i])
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Year < fs[j].Year })
	changes := map[*data.Figure]data.Change{}
	for _, c := range data.Changes(t.env.ds.Series(m, zone), m.Unit) {
		changes[c.To.Figure] = c
	}
	return fs, changes
}

func (t *indicators) zoneID(m *data.Metric) string {
	zs := m.Zones(t.env.ds)
	if len(zs) == 0 {
		return ""
	}
	return zs[clamp(t.zone, 0, len(zs)-1)]
}

func (t *indicators) zoneName(id string) string {
	if z := t.env.ds.Zone(id); z != nil {
		return name(z.Name, t.env.lang)
	}
	return t.env.t.CityWide
}

// viewDetail renders the selected metric: header, chart, table, quote.
func (t *indicators) viewDetail(w int) string {
	e := t.env
	m := t.Selected()
	if m == nil {
		return ""
	}
	zone := t.zoneID(m)
	header := e.st.Heading.Render(name(m.Name, e.lang)) + e.st.Unit.Render(" ("+data.UnitLabel(clean(m.Unit), string(e.lang))+")")
	if zs := m.Zones(e.ds); len(zs) > 1 {
		header += e.st.Subtle.Render(fmt.Sprintf("  %s %d/%d  [z]", t.zoneName(zone), clamp(t.zone, 0, len(zs)-1)+1, len(zs)))
	} else {
		header += e.st.Subtle.Render("  " + t.zoneName(zone))
	}
	fs, changes := t.figureRows(m, zone)
	quote := t.viewQuote(m, fs, w)
	avail := max(0, t.h-1-lipgloss.Height(quote)-1)
	var body string
	switch {
	case w >= 100:
		cw := w * 2 / 5
		if chart := t.viewChart(m, zone, cw, min(avail, max(8, cw/3))); chart != "" {
			body = lipgloss.JoinHorizontal(lipgloss.Top, chart, "  ", t.viewTable(m, fs, changes, w-cw-2, avail))
			break
		}
		body = t.viewTable(m, fs, changes, w, avail)
	default:
		ch := clamp(avail/2, 0, 12)
		chart := ""
		if ch >= 5 {
			chart = t.viewChart(m, zone, w, ch)
		}
		if chart == "" {
			body = t.viewTable(m, fs, changes, w, avail)
			break
		}
		body = chart + "\n" + t.viewTable(m, fs, changes, w, avail-lipgloss.Height(chart))
	}
	return strings.Join([]string{truncate(header, w), fit(body, w, avail), quote}, "\n")
}

func (t *indicators) viewChart(m *data.Metric, zone string, w, h int) string {
	e := t.env
	s := e.ds.Series(m, zone)
	if h < 4 || len(s) == 0 {
		return ""
	}
	var target *float64
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Kind == data.Target && f.Zone == zone {
			v := m.Value(f)
			target = &v
		}
	}
	plot := e.chart(chartSpec{metric: m.ID, zone: zone, w: w, h: h - 1}, func() string {
		return lineChart(s, target, w, h-1)
	})
	legend := e.st.Chart.Render("─ " + name(m.Name, e.lang))
	var kinds []string
	seen := map[data.Kind]bool{}
	for _, p := range s {
		if provisional(p) && !seen[p.Kind()] {
			seen[p.Kind()] = true
			kinds = append(kinds, e.t.kind(p.Kind()))
		}
	}
	if len(kinds) > 0 {
		legend += "  " + e.st.Badge.Render("... "+strings.Join(kinds, "/"))
	}
	if target != nil {
		legend += "  " + e.st.TargetLine.Render("--- "+e.t.Target+" "+num(*target, 2))
	}
	if len(s) > 1 {
		legend += e.st.Faint.Render("  " + e.t.ChartNote)
	}
	return fit(e.st.Chart.Render(plot)+"\n"+truncate(legend, w), w, h)
}

// viewTable lists a metric's figures: year, value, change, kind, source.
func (t *indicators) viewTable(m *data.Metric, fs []*data.Figure, changes map[*data.Figure]data.Change, w, h int) string {
	e := t.env
	if h < 2 {
		return ""
	}
	lt := e.t
	rows := make([][]string, len(fs))
	for i, f := range fs {
		chg, val := "-", e.figureValue(m, f)
		if c, ok := changes[f]; ok {
			chg = changeText(c, m.Unit, e.lang)
		}
		if f.Kind == data.Target {
			val = f.Comparator + " " + val
		}
		rows[i] = []string{figureLabel(f, e.lang), val, chg, lt.kind(f.Kind), e.source(f.Source)}
	}
	head := []string{lt.ColYear, lt.ColValue, lt.ColChange, lt.ColKind, lt.ColSource}
	row := clamp(t.row, 0, max(0, len(rows)-1))
	return newGrid(head, rows).render(&e.st, len(head)-1, row, window(row, 0, len(rows), h-1), w, h)
}

// changeText is a change as "+1.5pp" or "+6.76 亿元 (+11.8%)", with ~
// before a change between approximate figures.
func changeText(c data.Change, unit string, l Lang) string {
	// A relative change of a percentage says little; points say it all.
	s := delta(c.Abs, unit, c.PP, c.Rel, c.RelOK && !c.PP, l)
	if c.Approx {
		s = "~" + s
	}
	return s
}

// viewQuote shows the source text of the highlighted figure, with its
// formula, note and any conflicting figure.
func (t *indicators) viewQuote(m *data.Metric, fs []*data.Figure, w int) string {
	e := t.env
	if len(fs) == 0 {
		return ""
	}
	f := fs[clamp(t.row, 0, len(fs)-1)]
	q := wrapText(e.t.Quote+e.t.Colon+"「"+clean(f.Quote)+"」", w)
	lines := strings.Split(q, "\n")
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = truncate(lines[2]+"~~", w)
	}
	out := []string{e.st.Quote.Render(strings.Join(lines, "\n"))}
	src := e.source(f.Source)
	if s := e.ds.Source(f.Source); s != nil {
		src += " " + clean(s.Title)
	}
	out = append(out, e.st.Faint.Render(truncate("  "+src, w)))
	for _, p := range e.ds.Series(m, f.Zone) {
		if p.Figure == f && p.Break {
			out = append(out, e.st.Warn.Render(truncate(e.t.NotCompared+clean(p.Why.In(string(e.lang))), w)))
		}
	}
	if f.Formula != "" {
		out = append(out, e.st.Subtle.Render(truncate(e.t.Formula+e.t.Colon+clean(f.Formula), w)))
	}
	if !f.Note.Empty() {
		out = append(out, e.st.Warn.Render(truncate(e.t.Note+e.t.Colon+clean(f.Note.In(string(e.lang))), w)))
	}
	return strings.Join(out, "\n")
}
