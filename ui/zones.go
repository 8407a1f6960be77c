package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// zones compares the member zones metric by metric, lists their leading
// industries, and shows the aggregate zones' series.
type zones struct {
	env *env
	pager
}

func newZones(e *env) *zones {
	z := &zones{env: e}
	z.pager = pager{env: e, tab: TabZones, build: z.render}
	return z
}

// Update implements tab.
func (z *zones) Update(msg tea.Msg) (tab, tea.Cmd) {
	z.scroll(msg)
	return z, nil
}

func (z *zones) render() string {
	e := z.env
	var out []string
	solo := map[*data.Zone][]soloFigure{}
	for i := range e.ds.Metrics {
		m := &e.ds.Metrics[i]
		switch pts := e.latestByZone(m); {
		case len(pts) >= 2:
			out = append(out, e.zoneBars(m, pts, z.w), "")
		case len(pts) == 1:
			solo[pts[0].zone] = append(solo[pts[0].zone], soloFigure{m, pts[0].pt.Figure})
		}
	}
	if cols := z.perZone(solo); cols != "" {
		out = append(out, cols, "")
	}
	out = append(out, z.aggregates()...)
	if len(out) == 0 {
		return e.st.Faint.Render(e.t.NoData)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// soloFigure is the latest figure of a metric only one zone reports.
type soloFigure struct {
	m *data.Metric
	f *data.Figure
}

// zonePoint is a member zone's latest figure for a metric.
type zonePoint struct {
	zone *data.Zone
	pt   data.Point
}

// latestByZone returns each member zone's latest figure for the metric.
func (e *env) latestByZone(m *data.Metric) []zonePoint {
	latest := e.ds.LatestByZone(m)
	if len(latest) == 0 {
		return nil
	}
	var out []zonePoint
	for i := range e.ds.Zones {
		zn := &e.ds.Zones[i]
		if p, ok := latest[zn.ID]; ok && !zn.IsAggregate() {
			out = append(out, zonePoint{zn, p})
		}
	}
	return out
}

// zoneNameWidth is the width of the widest zone name.
func (e *env) zoneNameWidth() int {
	w := 0
	for _, zn := range e.ds.Zones {
		w = max(w, lipgloss.Width(name(zn.Name, e.lang)))
	}
	return w
}

// zoneBars draws one bar per zone for a metric, each zone at its latest
// figure, with the year, period and kind of each.
func (e *env) zoneBars(m *data.Metric, pts []zonePoint, width int) string {
	head := e.st.Heading.Render(name(m.Name, e.lang)) + e.st.Subtle.Render(" ("+data.UnitLabel(clean(m.Unit), string(e.lang))+")")
	lines := []string{truncate(head, width)}
	nw := e.zoneNameWidth()
	top, total := 0.0, 0.0
	for _, p := range pts {
		top, total = max(top, p.pt.Value), total+p.pt.Value
	}
	share := additive(m) && total > 0
	// The words after each bar first, so that the bars take only the room
	// they leave.
	extras := make([]string, len(pts))
	widest := 0
	for i, p := range pts {
		f := p.pt.Figure
		extra := []string{e.st.Value.Render(e.figureValue(m, f)), e.st.Subtle.Render(figureLabel(f, e.lang))}
		if share {
			extra = append(extra, e.st.Subtle.Render(e.t.Share+" "+num(p.pt.Value/total*100, 1)+"%"))
		}
		extra = append(extra, e.badge(f))
		extras[i] = strings.Join(nonEmpty(extra...), " ")
		widest = max(widest, lipgloss.Width(extras[i]))
	}
	bw := clamp(width-nw-widest-2, 6, 40)
	for i, p := range pts {
		f := p.pt.Figure
		frac := 0.0
		switch {
		case f.OutOf > 0:
			frac = 1 - (p.pt.Value-1)/f.OutOf
		case top > 0:
			frac = p.pt.Value / top
		}
		n := clamp(int(frac*float64(bw)+0.5), 0, bw)
		bar := e.st.Bar.Render(strings.Repeat("█", n)) + e.st.BarEmpty.Render(strings.Repeat("░", bw-n))
		line := padRight(name(p.zone.Name, e.lang), nw) + " " + bar + " " + extras[i]
		lines = append(lines, truncate(line, width))
	}
	return strings.Join(lines, "\n")
}

// perZone lists, for each member zone, its industries and the figures no
// other zone reports, in columns side by side when they fit.
func (z *zones) perZone(solo map[*data.Zone][]soloFigure) string {
	e := z.env
	var blocks []string
	members := 0
	for i := range e.ds.Zones {
		if !e.ds.Zones[i].IsAggregate() {
			members++
		}
	}
	if members == 0 {
		return ""
	}
	cols := clamp(z.w/38, 1, members)
	cw := z.w/cols - 2
	for i := range e.ds.Zones {
		zn := &e.ds.Zones[i]
		if zn.IsAggregate() {
			continue
		}
		lines := []string{e.st.Heading.Render(truncate(name(zn.Name, e.lang), cw))}
		if in := zn.Industries; in != nil && len(in.Items) > 0 {
			names := make([]string, len(in.Items))
			for j, it := range in.Items {
				names[j] = name(it, e.lang)
			}
			sep := "、"
			if e.lang == En {
				sep = ", "
			}
			lines = append(lines, wrapText(e.st.Subtle.Render(e.t.Leading+e.t.Colon)+strings.Join(names, sep), cw))
		}
		for _, sf := range solo[zn] {
			m, f := sf.m, sf.f
			// The value stays whole; a long name gives way.
			v := strings.Join(nonEmpty(e.st.Value.Render(e.figureValue(m, f)), e.st.Faint.Render(shortLabel(f, e.lang)), e.badge(f)), " ")
			nw := max(4, cw-lipgloss.Width(v)-1)
			lines = append(lines, truncate(padRight(truncate(name(m.Name, e.lang), nw), nw)+" "+v, cw))
		}
		blocks = append(blocks, lipgloss.NewStyle().Width(cw+2).Render(strings.Join(lines, "\n")))
	}
	var rows []string
	for i := 0; i < len(blocks); i += cols {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, blocks[i:min(i+cols, len(blocks))]...))
	}
	return strings.Join(rows, "\n\n")
}

// aggregates shows each aggregate zone's series per metric with a
// sparkline, keeping disagreeing figures visible.
func (z *zones) aggregates() []string {
	e := z.env
	var out []string
	for _, zn := range e.ds.Zones {
		if !zn.IsAggregate() {
			continue
		}
		members := make([]string, 0, len(zn.Members))
		for _, id := range zn.Members {
			if mz := e.ds.Zone(id); mz != nil {
				members = append(members, name(mz.Name, e.lang))
			}
		}
		head := e.st.Heading.Render(name(zn.Name, e.lang)) + e.st.Subtle.Render(" ("+e.t.Aggregate+"; "+e.t.Members+" "+strings.Join(members, ", ")+")")
		out = append(out, truncate(head, z.w))
		for i := range e.ds.Metrics {
			m := &e.ds.Metrics[i]
			s := e.ds.Series(m, zn.ID)
			if len(s) == 0 {
				continue
			}
			var pts []string
			for _, p := range s {
				pt := fmt.Sprintf("%d %s", p.Year, e.figureValue(m, p.Figure))
				if b := e.badge(p.Figure); b != "" {
					pt += b
				}
				for _, o := range p.Others {
					if !e.inConflict(o) || m.Value(o) == p.Value {
						continue
					}
					pt += e.st.Warn.Render(fmt.Sprintf(" (%s%s[%s])", e.t.ConflictWith, e.figureValue(m, o), e.t.kind(o.Kind)))
				}
				pts = append(pts, pt)
			}
			line := "  " + name(m.Name, e.lang) + " " + e.sparkline(s) + "  " + strings.Join(pts, " | ")
			out = append(out, wrapText(line, z.w))
		}
		out = append(out, "")
	}
	return out
}

// additive reports whether zone values of the metric can be summed into
// shares: not percentages, rankings or positions.
func additive(m *data.Metric) bool {
	switch m.Unit {
	case "%", "位", "个百分点", "倍":
		return false
	}
	return !m.LowerIsBetter()
}

// figureValue is a figure as stated, after its qualifier, in the
// language on screen: a ranking as 第65位（共169） / No. 65 of 169, else
// the value in its unit (近100 亿元 / nearly CNY 10 bn).
func (e *env) figureValue(m *data.Metric, f *data.Figure) string {
	q := f.Qualifier.Prefix(string(e.lang))
	if f.OutOf > 0 {
		return q + data.Rank(f.Value, f.OutOf, string(e.lang))
	}
	return q + amount(f.Value, f.UnitOr(m.Unit), e.lang)
}
