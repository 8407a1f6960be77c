package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// An overview card is at least minCard columns wide and at most
// maxCard: a wider screen gets more cards in a row, not wider ones.
const (
	minCard = 32
	maxCard = 46
)

// overview shows the headline indicators as cards, how the targets
// stand, the zones at a glance and where sources disagree.
type overview struct {
	pager
}

func newOverview() *overview {
	o := &overview{}
	o.pager = pager{tab: TabOverview, build: o.render}
	return o
}

// Update implements tab.
func (o *overview) Update(msg tea.Msg) (tab, tea.Cmd) {
	o.scroll(msg)
	return o, nil
}

// render draws the whole page for the tab's width: each card and each
// conflict is an item of the page.
func (o *overview) render(st *Styles) *page {
	// The page's items draw themselves lit later, from copies.
	o, st = &overview{pager: o.frozen()}, st.frozen()
	c := o.c
	cols := clamp(o.w/minCard, 1, max(1, len(c.headlines)))
	cw := min(o.w/cols, maxCard)
	// The counts come first, so that the page opens on how the targets
	// stand and how many disagreements there are.
	p := &page{}
	p.add(o.summary(st))
	p.add("")
	bodies := make([][]string, len(c.headlines))
	cards := make([]string, len(c.headlines))
	for i, m := range c.headlines {
		bodies[i] = o.cardBody(st, m, cw)
		cards[i] = o.card(st, m, bodies[i], cw, false)
	}
	for r := 0; r < len(cards); r += cols {
		row := cards[r:min(r+cols, len(cards))]
		top, h := p.add(lipgloss.JoinHorizontal(lipgloss.Top, row...))
		for j := range row {
			p.mark(spot{top: top, h: h, left: j * cw, w: cw}, func() []string {
				lit := append([]string(nil), row...)
				lit[j] = o.card(st, c.headlines[r+j], bodies[r+j], cw, true)
				return joinCards(lit)
			})
		}
	}
	if glance := o.glance(st); glance != "" {
		p.add("")
		p.add(glance)
	}
	o.disagreements(st, p)
	return p
}

// card draws one metric's card: its title, then its body (see
// cardBody); lit, it is the highlighted one, with a heavier border and
// its title marked.
func (o *overview) card(st *Styles, m *data.Metric, body []string, width int, lit bool) string {
	inner := max(1, width-4)
	box := st.Card
	title := st.Heading.Render(truncate(name(m.Name, o.c.lang), inner))
	if lit {
		box = st.CardLit
		title = st.Selected.Render(truncate(st.Marks.Lit+" "+name(m.Name, o.c.lang), inner))
	}
	return box.Width(width).Render(strings.Join(append([]string{title}, body...), "\n"))
}

// joinCards lays cards side by side, as lipgloss.JoinHorizontal does:
// cards of one height, each as wide on every line, need only their lines
// put end to end.
func joinCards(cards []string) []string {
	split := make([][]string, len(cards))
	for i, c := range cards {
		split[i] = strings.Split(c, "\n")
		if len(split[i]) != len(split[0]) {
			return strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, cards...), "\n")
		}
	}
	lines := make([]string, len(split[0]))
	for k := range lines {
		var b strings.Builder
		for _, c := range split {
			b.WriteString(c[k])
		}
		lines[k] = b.String()
	}
	return lines
}

// cardBody is what a card shows below its title, a line each, cut to
// the card: latest value, change, sparkline, period and source.
func (o *overview) cardBody(st *Styles, m *data.Metric, width int) []string {
	c := o.c
	inner := max(1, width-4)
	s := c.ds.Series(m, "")
	if len(s) == 0 {
		return []string{st.Faint.Render(c.t.NoData), "", "", ""}
	}
	last := s[len(s)-1]
	val := st.Value.Render(c.figureValue(m, last.Figure))
	line2 := strings.Join(nonEmpty(val, st.Subtle.Render(fmt.Sprint(last.Year)), st.badge(c, last.Figure)), " ")
	when := st.Faint.Render(joinFit(inner, " | ", 1, periodText(last.Figure, c.lang), c.source(last.Figure.Source)))
	change := st.Faint.Render(c.t.NoEarlier)
	if ch, ok := data.Latest(s, m.Unit); ok {
		change = o.change(st, m, ch, inner)
	} else if len(s) >= 2 {
		change = st.Faint.Render(c.t.NotCompared + clean(last.Why.In(string(c.lang))))
	}
	spark := o.sparkLine(st, s, inner)
	return []string{truncate(line2, inner), truncate(change, inner), truncate(spark, inner), truncate(when, inner)}
}

// sparkLine is the sparkline with its years and the badges of the points
// that are not final. When it is wider than width, the years go first,
// then the badges' years, so that no badge is cut.
func (o *overview) sparkLine(st *Styles, s []data.Point, width int) string {
	c := o.c
	sp := st.sparkline(s)
	years := st.Faint.Render(fmt.Sprintf("%d-%d", s[0].Year, s[len(s)-1].Year))
	for _, parts := range [][]string{
		{sp, years, st.Badge.Render(c.sparkNote(s, true))},
		{sp, st.Badge.Render(c.sparkNote(s, true))},
		{sp, st.Badge.Render(c.sparkNote(s, false))},
	} {
		if line := strings.Join(nonEmpty(parts...), " "); lipgloss.Width(line) <= width {
			return line
		}
	}
	return strings.Join(nonEmpty(sp, st.Badge.Render(c.sparkNote(s, false))), " ")
}

// change renders a change with an arrow, the delta and its base year;
// a change that is not final carries its kind. When the line is wider
// than width, the relative change goes first, then the base year, so
// that the kind badge is never the part that is cut.
func (o *overview) change(st *Styles, m *data.Metric, c data.Change, width int) string {
	good, bad := st.Up, st.Down
	if m.LowerIsBetter() {
		good, bad = bad, good
	}
	lt := o.c.t
	arrow, style := "■", st.Subtle
	switch {
	case c.Abs > 0:
		arrow, style = "▲", good
	case c.Abs < 0:
		arrow, style = "▼", bad
	}
	badge := ""
	if c.Standing != data.Actual {
		badge = "[" + lt.kind(c.Standing) + "]"
	}
	since := fmt.Sprintf(lt.Since, c.From.Year)
	noRel := c
	noRel.RelOK = false
	for _, try := range []struct {
		c    data.Change
		base string
	}{
		{c, since}, {noRel, since}, {noRel, ""},
	} {
		line := style.Render(arrow+" "+changeText(try.c, m, o.c.lang)) + " " +
			st.Faint.Render(strings.Join(nonEmpty(try.base, badge), " "))
		if lipgloss.Width(line) <= width {
			return line
		}
	}
	return style.Render(arrow+" "+changeText(noRel, m, o.c.lang)) + " " + st.Faint.Render(badge)
}

// summary counts what the dataset holds and how the targets stand.
func (o *overview) summary(sty *Styles) string {
	c := o.c
	st := c.stats
	lines := []string{
		sty.Subtle.Render(strings.Join([]string{
			fmt.Sprintf(c.t.Figures, st.Figures), fmt.Sprintf(c.t.Sources, st.Sources),
			fmt.Sprintf(c.t.Conflicts, len(c.conflicts)),
		}, "  |  ")),
	}
	if len(c.verdicts) > 0 {
		// The counts are those of the Targets tab's rows.
		lines = append(lines, sty.Subtle.Render(c.targetSummary()))
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
func (o *overview) glance(st *Styles) string {
	c := o.c
	var parts []string
	half := o.w
	if o.w >= 110 {
		half = o.w/2 - 2
	}
	if len(c.targets) > 0 {
		lines := []string{st.Heading.Render(c.t.Tabs[TabTargets])}
		for _, r := range c.targets {
			v := r.v
			lines = append(lines, truncate(st.status(v, r.status)+" "+name(v.Metric.Name, c.lang)+st.Faint.Render(" "+r.target), half))
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	var zl []string
	shown := c.zoneBars[:min(2, len(c.zoneBars))]
	bw := c.zoneBarWidth(st, shown, half)
	for _, zm := range shown {
		zl = append(zl, st.zoneBars(c, zm, half, bw))
	}
	if len(zl) > 0 {
		parts = append(parts, st.Heading.Render(c.t.Tabs[TabZones])+"\n"+strings.Join(zl, "\n\n"))
	}
	if len(parts) == 2 && o.w >= 110 {
		return lipgloss.JoinHorizontal(lipgloss.Top, st.Block.Width(half+4).Render(parts[0]), parts[1])
	}
	return strings.Join(parts, "\n\n")
}

// disagreements lists every conflict, each an item of the page: the
// figures of one period that sources give differently, and the tensions
// the dataset names, each figure with its kind, period and source, and
// the note that explains a named one.
func (o *overview) disagreements(st *Styles, p *page) {
	if len(o.c.conflicts) == 0 {
		return
	}
	p.add("")
	p.add(st.Heading.Render(o.c.t.Disagreements))
	for _, k := range o.c.disputes {
		top, h := p.add(o.dispute(st, k, false))
		p.mark(spot{top: top, h: h}, func() []string { return strings.Split(o.dispute(st, k, true), "\n") })
	}
}

// dispute draws one conflict: a heading, a line a figure, and a named
// one's note; lit, it is the highlighted one, its heading marked.
func (o *overview) dispute(st *Styles, c data.Conflict, lit bool) string {
	e := o.c
	first := c.Figures[0]
	head := name(first.Metric.Name, e.lang)
	if z := e.ds.Zone(first.Figure.Zone); z != nil {
		head += " " + name(z.Name, e.lang)
	}
	when := ""
	if !c.Curated() {
		when = " " + figureLabel(first.Figure, e.lang)
	}
	styled := head
	if when != "" {
		styled += st.Subtle.Render(when)
	}
	line := truncate(st.Value.Render(styled), o.w)
	if lit {
		line = st.Selected.Render(truncate(st.Marks.Lit+" "+head+when, o.w))
	}
	lines := []string{line}
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
		lines = append(lines, st.Warn.Render(truncate("  "+e.t.Note+e.t.Colon+clean(n), o.w)))
	}
	return strings.Join(lines, "\n")
}
