package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// zones compares the member zones metric by metric, lists their leading
// industries, and shows the aggregate zones' series.
type zones struct {
	pager
}

func newZones() *zones {
	z := &zones{}
	z.pager = pager{tab: TabZones, build: z.render}
	return z
}

// Update implements tab.
func (z *zones) Update(msg tea.Msg) (tab, tea.Cmd) {
	z.scroll(msg)
	return z, nil
}

// render draws the whole page for the tab's width: each zone's bar is an
// item of the page.
func (z *zones) render(st *Styles) *page {
	// The page's items draw themselves lit later, from copies.
	z, st = &zones{pager: z.frozen()}, st.frozen()
	c := z.c
	p := &page{}
	bw := c.zoneBarWidth(st, c.zoneBars, z.w)
	for _, zm := range c.zoneBars {
		head, bar := st.zoneSection(c, zm, z.w, bw)
		p.add(head)
		for i := range zm.vals {
			top, h := p.add(bar(i, false))
			p.mark(spot{top: top, h: h}, func() []string { return []string{bar(i, true)} })
		}
		p.add("")
	}
	if cols := z.perZone(st); cols != "" {
		p.add(cols)
		p.add("")
	}
	for _, block := range z.aggregates(st) {
		p.add(block)
	}
	if len(p.lines) == 0 {
		return textPage(st.Faint.Render(c.t.NoData))
	}
	for len(p.lines) > 1 && p.lines[len(p.lines)-1] == "" {
		p.lines = p.lines[:len(p.lines)-1]
	}
	return p
}

// zoneBars draws one bar per zone for a metric under its heading: see
// zoneSection.
func (st *Styles) zoneBars(c *content, zm zoneMetric, width, bw int) string {
	head, bar := st.zoneSection(c, zm, width, bw)
	lines := []string{head}
	for i := range zm.vals {
		lines = append(lines, bar(i, false))
	}
	return strings.Join(lines, "\n")
}

// zoneSection lays out one bar per zone for a metric, each zone at its
// latest figure, with the year, period and kind of each, and its share
// where the parts make a whole (see shareable), the heading saying of
// what. bw is the bars' length, one for every section on screen (see
// zoneBarWidth), so that equal bars mean equal parts of each maximum. It
// returns the heading, and bar, which draws zone i's line: lit, it is
// the highlighted one, its name reversed and a mark before its bar.
func (st *Styles) zoneSection(c *content, zm zoneMetric, width, bw int) (head string, bar func(i int, lit bool) string) {
	m := zm.m
	about := unitLabel(m.Unit, c.lang)
	if c.shareable(zm) {
		about += c.t.ListSep + fmt.Sprintf(c.t.ShareOf, fmt.Sprintf(c.t.ShareZones, len(zm.vals)))
	}
	head = truncate(st.Heading.Render(name(m.Name, c.lang))+st.Subtle.Render(" ("+about+")"), width)
	top := 0.0
	for _, v := range zm.vals {
		top = max(top, v.Value)
	}
	// The zones' names give way before the figures do, all by as much.
	widest := 0
	for i := range zm.vals {
		widest = max(widest, lipgloss.Width(c.zoneExtra(st, zm, i)))
	}
	nw := clamp(width-bw-widest-2, 4, c.zoneNameW)
	bar = func(i int, lit bool) string {
		v := zm.vals[i]
		f := v.Figure
		frac := 0.0
		switch {
		case f.OutOf > 0:
			frac = 1 - (v.Value-1)/f.OutOf
		case top > 0:
			frac = v.Value / top
		}
		n := clamp(int(frac*float64(bw)+0.5), 0, bw)
		zn, sep := padRight(truncate(name(v.Zone.Name, c.lang), nw), nw), " "
		if lit {
			zn, sep = st.Selected.Render(zn), st.Marks.Lit
		}
		line := zn + sep + st.Bar.Render(strings.Repeat("█", n)) + st.BarEmpty.Render(strings.Repeat("░", bw-n)) + " " + c.zoneExtra(st, zm, i)
		return truncate(line, width)
	}
	return head, bar
}

// shareable reports whether a metric's zone figures make a whole of
// which each has a share: data.Additive and data.LatestZones say that
// they add up, and every member zone must report, since a share of some
// of the zones' total means nothing.
func (c *content) shareable(zm zoneMetric) bool {
	return len(zm.vals) == len(c.members) && len(zm.vals) > 0 && zm.vals[0].ShareOK
}

// zoneExtra is what follows a zone's bar: its figure, period, share and
// badge.
func (c *content) zoneExtra(st *Styles, zm zoneMetric, i int) string {
	v := zm.vals[i]
	f := v.Figure
	extra := []string{st.Value.Render(c.figureValue(zm.m, f)), st.Subtle.Render(figureLabel(f, c.lang))}
	if c.shareable(zm) {
		extra = append(extra, st.Subtle.Render(c.t.Share+" "+num(v.Share*100, 1)+"%"))
	}
	extra = append(extra, st.badge(c, f))
	return strings.Join(nonEmpty(extra...), " ")
}

// zoneBarWidth is the one bar length for the sections of zms drawn in
// width columns: what the widest figure leaves, between 6 and 40.
func (c *content) zoneBarWidth(st *Styles, zms []zoneMetric, width int) int {
	widest := 0
	for _, zm := range zms {
		for i := range zm.vals {
			widest = max(widest, lipgloss.Width(c.zoneExtra(st, zm, i)))
		}
	}
	return clamp(width-c.zoneNameW-widest-2, 6, 40)
}

// perZone lists, for each member zone, its industries and the figures no
// other zone reports, in columns side by side when they fit.
func (z *zones) perZone(st *Styles) string {
	c := z.c
	if len(c.members) == 0 {
		return ""
	}
	cols := clamp(z.w/38, 1, len(c.members))
	cw := z.w/cols - 2
	var blocks []string
	for _, zn := range c.members {
		lines := []string{st.Heading.Render(truncate(name(zn.Name, c.lang), cw))}
		if in := zn.Industries; in != nil && len(in.Items) > 0 {
			names := make([]string, len(in.Items))
			for j, it := range in.Items {
				names[j] = name(it, c.lang)
			}
			lines = append(lines, wrapText(st.Subtle.Render(c.t.Leading+c.t.Colon)+c.joinNames(names), cw))
		}
		for _, sf := range c.solo[zn] {
			m, f := sf.m, sf.f
			// The value stays whole; a long name gives way.
			v := strings.Join(nonEmpty(st.Value.Render(c.figureValue(m, f)), st.Faint.Render(shortLabel(f, c.lang)), st.badge(c, f)), " ")
			nw := cw - lipgloss.Width(v) - 1
			if nw < 6 {
				// No room for a name beside the value: the name takes a
				// line of its own, and the value the next one, whole.
				lines = append(lines, truncate(name(m.Name, c.lang), cw), "  "+v)
				continue
			}
			lines = append(lines, padRight(truncate(name(m.Name, c.lang), nw), nw)+" "+v)
		}
		blocks = append(blocks, st.Block.Width(cw+2).Render(strings.Join(lines, "\n")))
	}
	var rows []string
	for i := 0; i < len(blocks); i += cols {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, blocks[i:min(i+cols, len(blocks))]...))
	}
	return strings.Join(rows, "\n\n")
}

// aggregates shows each aggregate zone's series per metric with a
// sparkline, keeping disagreeing figures visible.
func (z *zones) aggregates(st *Styles) []string {
	c := z.c
	var out []string
	for _, zn := range c.ds.Zones {
		if !zn.IsAggregate() {
			continue
		}
		members := make([]string, 0, len(zn.Members))
		for _, id := range zn.Members {
			if mz := c.ds.Zone(id); mz != nil {
				members = append(members, name(mz.Name, c.lang))
			}
		}
		head := st.Heading.Render(name(zn.Name, c.lang)) + st.Subtle.Render(" ("+c.t.Aggregate+"; "+c.t.Members+" "+strings.Join(members, ", ")+")")
		out = append(out, truncate(head, z.w))
		for i := range c.ds.Metrics {
			m := &c.ds.Metrics[i]
			s := c.ds.Series(m, zn.ID)
			if len(s) == 0 {
				continue
			}
			var pts []string
			for _, p := range s {
				pt := strings.Join(nonEmpty(fmt.Sprintf("%d %s", p.Year, c.figureValue(m, p.Figure)), st.badge(c, p.Figure)), " ")
				for _, o := range p.Others {
					if !c.conflicted[o] || m.Value(o) == p.Value {
						continue
					}
					pt += st.Warn.Render(fmt.Sprintf(" (%s%s [%s])", c.t.ConflictWith, c.figureValue(m, o), c.t.kind(o.Kind)))
				}
				pts = append(pts, pt)
			}
			line := "  " + name(m.Name, c.lang) + " " + st.sparkline(s) + "  " + strings.Join(pts, " | ")
			out = append(out, wrapText(line, z.w))
		}
		out = append(out, "")
	}
	return out
}
