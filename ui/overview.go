package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// cardWidth is the widest an overview card grows.
const cardWidth = 38

// overview shows the headline indicators as cards.
type overview struct {
	env *env
	pager
}

func newOverview(e *env) *overview {
	t := &overview{env: e}
	t.pager = pager{env: e, tab: TabOverview, build: t.render}
	return t
}

// Update implements tab.
func (o *overview) Update(msg tea.Msg) (tab, tea.Cmd) {
	o.scroll(msg)
	return o, nil
}

// headlines are the metrics marked as headline, or the first few.
func headlines(ds *data.Dataset) []*data.Metric {
	var out []*data.Metric
	for i := range ds.Metrics {
		if ds.Metrics[i].Headline {
			out = append(out, &ds.Metrics[i])
		}
	}
	for i := 0; len(out) == 0 && i < min(8, len(ds.Metrics)); i++ {
		out = append(out, &ds.Metrics[i])
	}
	return out
}

func (o *overview) render() string {
	e := o.env
	cols := clamp(o.w/cardWidth, 1, 4)
	if o.w >= cols*cardWidth+cardWidth/2 && cols < 4 {
		cols++
	}
	cw := o.w / cols
	var rows []string
	var row []string
	for _, m := range headlines(e.ds) {
		row = append(row, o.card(m, cw))
		if len(row) == cols {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	rows = append(rows, "", o.summary())
	if glance := o.glance(); glance != "" {
		rows = append(rows, "", glance)
	}
	if c := o.disagreements(); c != "" {
		rows = append(rows, "", c)
	}
	return strings.Join(rows, "\n")
}

// card draws one metric: latest value, change, sparkline.
func (o *overview) card(m *data.Metric, width int) string {
	e := o.env
	inner := max(1, width-4)
	s := e.ds.Series(m, "")
	title := e.st.Heading.Render(truncate(name(m.Name, e.lang), inner))
	if len(s) == 0 {
		return e.st.Card.Width(width).Render(strings.Join([]string{title, e.st.Faint.Render(e.t.NoData), "", "", ""}, "\n"))
	}
	last := s[len(s)-1]
	val := e.st.Value.Render(e.figureValue(m, last.Figure))
	line2 := strings.Join(nonEmpty(val, e.badge(last.Figure), e.st.Subtle.Render(fmt.Sprint(last.Year))), " ")
	when := e.st.Faint.Render(strings.Join(nonEmpty(periodText(last.Figure, e.lang), e.source(last.Figure.Source)), " | "))
	change := e.st.Faint.Render(e.t.NoEarlier)
	if c, ok := data.Latest(s, m.Unit); ok {
		change = o.change(m, c)
	} else if len(s) >= 2 {
		change = e.st.Faint.Render(e.t.NotCompared + clean(last.Why.In(string(e.lang))))
	}
	spark := e.sparkline(s) + " " + e.st.Faint.Render(fmt.Sprintf("%d-%d", s[0].Year, last.Year))
	body := []string{title, truncate(line2, inner), truncate(change, inner), truncate(spark, inner), truncate(when, inner)}
	return e.st.Card.Width(width).Render(strings.Join(body, "\n"))
}

// change renders a change with an arrow, the delta and its base year;
// a base that is not final carries its kind.
func (o *overview) change(m *data.Metric, c data.Change) string {
	e := o.env
	good, bad := e.st.Up, e.st.Down
	if m.LowerIsBetter() {
		good, bad = bad, good
	}
	arrow, st := "■", e.st.Subtle
	switch {
	case c.Abs > 0:
		arrow, st = "▲", good
	case c.Abs < 0:
		arrow, st = "▼", bad
	}
	d := delta(c.Abs, m.Unit, c.PP, c.Rel, c.RelOK && !c.PP, e.lang)
	if c.Approx {
		d = "~" + d
	}
	base := fmt.Sprintf(e.t.Since, c.From.Year)
	if c.Standing != data.Actual {
		base += "[" + e.t.kind(c.Standing) + "]"
	}
	return st.Render(arrow+" "+d) + " " + e.st.Faint.Render(base)
}

// summary counts what the dataset holds and how the targets stand.
func (o *overview) summary() string {
	e := o.env
	st := e.ds.Stats()
	// The counts are those of the Targets tab's rows, status by status.
	met, missed, unknown, soft := 0, 0, 0, 0
	vs := e.verdicts()
	for _, v := range vs {
		switch v.Status {
		case data.Met:
			met++
		case data.Missed:
			missed++
		default:
			unknown++
		}
		if v.Status != data.Unknown && v.Standing != data.Actual {
			soft++
		}
	}
	lines := []string{
		e.st.Subtle.Render(strings.Join([]string{
			fmt.Sprintf(e.t.Figures, st.Figures), fmt.Sprintf(e.t.Sources, st.Sources),
			fmt.Sprintf(e.t.Conflicts, len(e.conflictList())),
		}, "  |  ")),
	}
	if len(vs) > 0 {
		sum := fmt.Sprintf(e.t.TargetsSummary, len(vs), met, missed, unknown)
		if soft > 0 {
			sum += fmt.Sprintf(e.t.OnProvisional, soft)
		}
		lines = append(lines, e.st.Subtle.Render(sum))
	}
	return wrapText(strings.Join(lines, "\n"), o.w)
}

func nonEmpty(ss ...string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// glance shows the targets and the zones side by side when there is room,
// one above the other when not.
func (o *overview) glance() string {
	e := o.env
	var parts []string
	half := o.w
	if o.w >= 110 {
		half = o.w/2 - 2
	}
	if vs := e.verdicts(); len(vs) > 0 {
		tg := &targets{env: e}
		lines := []string{e.st.Heading.Render(e.t.Tabs[TabTargets])}
		for _, v := range vs {
			lines = append(lines, truncate(tg.status(v)+" "+name(v.Metric.Name, e.lang)+e.st.Faint.Render(" "+v.Target.Comparator+" "+amount(v.Target.Value, v.Target.UnitOr(v.Metric.Unit), e.lang)), half))
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	var zl []string
	for i := range e.ds.Metrics {
		m := &e.ds.Metrics[i]
		if pts := e.latestByZone(m); len(pts) >= 2 && len(zl) < 2 {
			zl = append(zl, e.zoneBars(m, pts, half))
		}
	}
	if len(zl) > 0 {
		parts = append(parts, e.st.Heading.Render(e.t.Tabs[TabZones])+"\n"+strings.Join(zl, "\n\n"))
	}
	if len(parts) == 2 && o.w >= 110 {
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(half+4).Render(parts[0]), parts[1])
	}
	return strings.Join(parts, "\n\n")
}

// disagreements lists every conflict: the figures of one period that
// sources give differently, and the tensions the dataset names, each
// figure with its kind, period and source, and the note that explains a
// named one.
func (o *overview) disagreements() string {
	e := o.env
	cs := e.conflictList()
	if len(cs) == 0 {
		return ""
	}
	lines := []string{e.st.Heading.Render(e.t.Disagreements)}
	for _, c := range cs {
		if len(c.Figures) == 0 {
			continue
		}
		first := c.Figures[0]
		head := name(first.Metric.Name, e.lang)
		if z := e.ds.Zone(first.Figure.Zone); z != nil {
			head += " " + name(z.Name, e.lang)
		}
		if !c.Curated() {
			head += e.st.Subtle.Render(" " + figureLabel(first.Figure, e.lang))
		}
		lines = append(lines, truncate(e.st.Value.Render(head), o.w))
		for _, r := range c.Figures {
			parts := []string{e.figureValue(r.Metric, r.Figure), e.t.kind(r.Figure.Kind)}
			if c.Curated() {
				parts = append(parts, figureLabel(r.Figure, e.lang))
			}
			if r.Metric != first.Metric {
				parts = append(parts, name(r.Metric.Name, e.lang))
			}
			parts = append(parts, e.source(r.Figure.Source))
			lines = append(lines, truncate("  "+strings.Join(nonEmpty(parts...), "  "), o.w))
		}
		if n := c.Note.In(string(e.lang)); n != "" {
			lines = append(lines, e.st.Warn.Render(truncate("  "+e.t.Note+e.t.Colon+clean(n), o.w)))
		}
	}
	return strings.Join(lines, "\n")
}
