package ui

import (
	"fmt"
	"math"
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
	for _, c := range data.Changes(t.c.ds.Series(m, zone), m.Unit) {
		changes[c.To.Figure] = c
	}
	return fs, changes
}

func (t *indicators) zoneID(m *data.Metric) string {
	zs := m.Zones(t.c.ds)
	if len(zs) == 0 {
		return ""
	}
	return zs[clamp(t.zone, 0, len(zs)-1)]
}

// pane is the layout of the right-hand pane for the selected metric.
type pane struct {
	m       *data.Metric
	zone    string
	fs      []*data.Figure
	changes map[*data.Figure]data.Change
	quote   string
	avail   int // rows between the header and the quote
	chart   chartSpec
	chartOK bool // a chart is drawn
	series  bool // the metric has a series in the zone, to chart
	side    bool // the chart stands left of the table, not above it
}

// pane lays out the detail pane at width w; its zero value, with no
// metric, is an empty pane. With st nil the quote is left unstyled, for
// measuring.
func (t *indicators) pane(st *Styles, w int) pane {
	if st == nil {
		st = &Styles{}
	}
	m := t.Selected()
	if m == nil {
		return pane{}
	}
	p := pane{m: m, zone: t.zoneID(m)}
	p.fs, p.changes = t.figureRows(m, p.zone)
	p.quote = t.viewQuote(st, m, p.fs, w)
	p.avail = max(0, t.h-1-lipgloss.Height(p.quote)-1)
	// Above the table, the chart takes what the table leaves, at least
	// half the pane, and at least its least height while the table keeps
	// its header and two rows; its plot caps its own height
	// (maxPlotRows).
	least := max(p.avail/2, min(minChartRows, p.avail-3))
	cw, ch := w, clamp(p.avail-len(p.fs)-1, least, maxPlotRows+5)
	if w >= 100 {
		p.side = true
		cw = w * 2 / 5
		ch = min(p.avail, max(8, cw/3))
	}
	p.series = len(t.c.ds.Series(m, p.zone)) > 0
	p.chartOK = p.series && ch >= minChartRows
	p.chart = chartSpec{metric: m.ID, zone: p.zone, w: cw, h: ch}
	return p
}

// Prepare implements tab: it draws the selected metric's chart into the
// memo.
func (t *indicators) Prepare(st *Styles, mm *memo) {
	if p := t.pane(nil, t.detailWidth()); p.chartOK {
		mm.keepChart(p.chart, func() string { return t.drawChart(st, p) })
	}
}

// viewDetail renders the selected metric: header, chart, table, quote.
func (t *indicators) viewDetail(st *Styles, mm *memo, w int) string {
	c := t.c
	p := t.pane(st, w)
	if p.m == nil {
		return ""
	}
	m, zone := p.m, p.zone
	// The name gives way to its unit and zone.
	tail := st.Unit.Render(" (" + unitLabel(m.Unit, c.lang) + ")")
	if zs := m.Zones(c.ds); len(zs) > 1 {
		tail += st.Subtle.Render(fmt.Sprintf("  %s %d/%d  [z]", c.zoneName(zone), clamp(t.zone, 0, len(zs)-1)+1, len(zs)))
	} else {
		tail += st.Subtle.Render("  " + c.zoneName(zone))
	}
	header := st.Heading.Render(truncate(name(m.Name, c.lang), max(4, w-lipgloss.Width(tail)))) + tail
	chart := ""
	if p.chartOK {
		chart = mm.chart(p.chart, func() string { return t.drawChart(st, p) })
	}
	var body string
	switch {
	case chart == "" && p.series && p.avail >= 3:
		// Rather than leave the chart out unsaid.
		body = st.Faint.Render(truncate(c.t.ChartNoRoom, w)) + "\n" + t.viewTable(st, m, p.fs, p.changes, w, p.avail-1)
	case chart != "" && p.side:
		body = lipgloss.JoinHorizontal(lipgloss.Top, chart, "  ", t.viewTable(st, m, p.fs, p.changes, w-p.chart.w-2, p.avail))
	case chart != "":
		body = chart + "\n" + t.viewTable(st, m, p.fs, p.changes, w, p.avail-lipgloss.Height(chart))
	default:
		body = t.viewTable(st, m, p.fs, p.changes, w, p.avail)
	}
	return strings.Join([]string{truncate(header, w), fit(body, w, p.avail), p.quote}, "\n")
}

// viewTable lists a metric's figures: year, value, change, kind, source.
func (t *indicators) viewTable(st *Styles, m *data.Metric, fs []*data.Figure, changes map[*data.Figure]data.Change, w, h int) string {
	if h < 2 {
		return ""
	}
	head, rows := t.figureCells(m, fs, changes)
	for i, f := range fs {
		// The highlighted row is drawn reversed, in one style.
		if c, ok := changes[f]; ok && i != t.row {
			rows[i][2] = st.changeStyle(m, c.Abs).Render(rows[i][2])
		}
	}
	row := clamp(t.row, 0, max(0, len(rows)-1))
	widths := figureWidths(newTable(head, rows).widths, w)
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cells {
			if widths[i] > 0 {
				b.WriteString(padRight(truncate(c, widths[i]), widths[i]+2))
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	out := []string{st.TableHead.Render(line(head))}
	for i := window(row, 0, len(rows), h-1); i < len(rows) && len(out) < h; i++ {
		if i == row {
			out = append(out, st.Selected.Render(padRight(line(rows[i]), w)))
		} else {
			out = append(out, line(rows[i]))
		}
	}
	return strings.Join(out, "\n")
}

// figureCells are the plain cells of a metric's figure table: year,
// value, change, kind, source.
func (t *indicators) figureCells(m *data.Metric, fs []*data.Figure, changes map[*data.Figure]data.Change) ([]string, [][]string) {
	e, lt := t.c, t.c.t
	rows := make([][]string, len(fs))
	for i, f := range fs {
		chg, val := "-", e.figureValue(m, f)
		if c, ok := changes[f]; ok {
			chg = changeText(c, m, e.lang)
		}
		if f.Kind == data.Target {
			val = f.Comparator + " " + val
		}
		rows[i] = []string{figureLabel(f, e.lang), val, chg, lt.kind(f.Kind), e.source(f.Source)}
	}
	return []string{lt.ColYear, lt.ColValue, lt.ColChange, lt.ColKind, lt.ColSource}, rows
}

// figureWidths fits the columns of a figure table into w: the period,
// the value with its qualifier and unit, and the kind keep their width;
// the source gives way first, then the change.
func figureWidths(natural []int, w int) []int {
	const gap = 2
	out := append([]int(nil), natural...)
	kept := natural[0] + natural[1] + natural[3] + 4*gap
	out[2] = clamp(w-kept, 0, natural[2])
	out[4] = max(0, w-kept-out[2])
	return out
}

// changeText is a change as "+1.5pp", "+6.76 亿元 (+11.8%)" or, for a
// ranking, "up 14 places" / "上升14位", with ≈ before a change between
// approximate figures. A change of places has no relative change: a
// rank that halves has not grown by -50%.
func changeText(c data.Change, m *data.Metric, l Lang) string {
	var s string
	if data.IsPlaces(clean(m.Unit)) {
		s = data.MetricChange(m, math.Round(c.Abs*100)/100, clean(m.Unit), string(l))
	} else {
		// A relative change of a percentage says little; points say it all.
		s = delta(c.Abs, m.Unit, c.PP, c.Rel, c.RelOK && !c.PP, l)
	}
	if c.Approx {
		s = "≈" + s
	}
	return s
}

// changeStyle colours a change by what it means for the metric, not by
// its sign: a rank that falls from 18 to 4 is good news.
func (st *Styles) changeStyle(m *data.Metric, abs float64) lipgloss.Style {
	switch m.Improves(abs) {
	case 1:
		return st.Up
	case -1:
		return st.Down
	}
	return st.Block
}

// viewQuote shows the source text of the highlighted figure, with its
// formula, note and any conflicting figure.
func (t *indicators) viewQuote(st *Styles, m *data.Metric, fs []*data.Figure, w int) string {
	e := t.c
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
	out := []string{st.Quote.Render(strings.Join(lines, "\n"))}
	src := e.source(f.Source)
	if s := e.ds.Source(f.Source); s != nil {
		src += " " + e.sourceTitle(s)
	}
	out = append(out, st.Faint.Render(truncate("  "+src, w)))
	for _, p := range e.ds.Series(m, f.Zone) {
		if p.Figure == f && p.Break {
			out = append(out, st.Warn.Render(truncate(e.t.NotCompared+clean(p.Why.In(string(e.lang))), w)))
		}
	}
	if !f.Formula.Empty() {
		out = append(out, st.Subtle.Render(truncate(e.t.Formula+e.t.Colon+clean(f.Formula.In(string(e.lang))), w)))
	}
	if !f.Note.Empty() {
		out = append(out, st.Warn.Render(truncate(e.t.Note+e.t.Colon+clean(f.Note.In(string(e.lang))), w)))
	}
	return strings.Join(out, "\n")
}
