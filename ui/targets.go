package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// barWidth is the width of a target's progress bar.
const barWidth = 10

// targets lists every target with the figure it is judged on, problems
// first.
type targets struct {
	c      *content
	row    int
	offset int // the first row on screen, kept so that a click finds its row
	w, h   int
}

// widthClass is how much a target row may show: narrow screens drop the
// relative gap (the detail lines keep it), wide ones add a progress bar.
type widthClass int

const (
	narrow widthClass = iota
	medium
	wide
	numClasses
)

func classOf(w int) widthClass {
	switch {
	case w >= 110:
		return wide
	case w >= 100:
		return medium
	}
	return narrow
}

// targetRow is one target's cells, as plain text; the view styles the
// rows it shows.
type targetRow struct {
	v                    data.Verdict
	status               string
	label, year, target  string
	basis, badge         string
	gapAbs, gapRel, prog string
}

// cells are the row's plain cells in a width class.
func (r targetRow) cells(class widthClass) []string {
	basis, gap := r.basis, r.gapAbs
	if r.badge != "" {
		basis += " " + r.badge
	}
	if class != narrow {
		gap = r.gapRel
	}
	out := []string{r.status, r.label, r.year, r.target, basis, gap}
	if class == wide {
		out = append(out, r.prog)
	}
	return out
}

func (c *content) targetHead(class widthClass) []string {
	lt := c.t
	head := []string{lt.ColStatus, lt.ColIndicator, lt.ColYear, lt.ColTarget, lt.ColAgainst, lt.ColGap}
	if class == wide {
		head = append(head, lt.ColProgress)
	}
	return head
}

// buildTargets lays out every target's row and measures the columns in
// each width class.
func (c *content) buildTargets() {
	c.targets = make([]targetRow, len(c.verdicts))
	for i, v := range c.verdicts {
		m, tg := v.Metric, v.Target
		r := targetRow{v: v, status: statusText(v, c.t), year: shortLabel(tg, c.lang), basis: "-", gapAbs: "-", gapRel: "-"}
		r.target = tg.Comparator + " " + amount(tg.Value, tg.UnitOr(m.Unit), c.lang)
		if f := v.Basis; f != nil {
			r.basis, r.badge = c.figureValue(m, f), c.badgeText(f)
			r.gapAbs, r.gapRel = gapText(v, false, c.lang), gapText(v, true, c.lang)
			r.prog = strings.Repeat(" ", barWidth) + " " + num(v.Progress*100, 0) + "%"
		}
		r.label = name(m.Name, c.lang)
		if tg.Zone != "" {
			if z := c.ds.Zone(tg.Zone); z != nil {
				r.label += " " + name(z.Name, c.lang)
			}
		}
		c.targets[i] = r
	}
	for class := range numClasses {
		rows := make([][]string, len(c.targets))
		for i, r := range c.targets {
			rows[i] = r.cells(class)
		}
		c.targetW[class] = widths(c.targetHead(class), rows)
	}
}

func newTargets() *targets { return &targets{} }

func (t *targets) ShortHelp() []key.Binding {
	return []key.Binding{t.c.list.Up, t.c.list.Down}
}

func (t *targets) FullHelp() [][]key.Binding {
	return [][]key.Binding{{t.c.list.Up, t.c.list.Down, t.c.list.PageUp}}
}

func (t *targets) Capturing() bool { return false }

// SetSize implements tab.
func (t *targets) SetSize(w, h int) { t.w, t.h = w, h }

// SetContent implements tab.
func (t *targets) SetContent(c *content) {
	t.c = c
	t.row = clamp(t.row, 0, max(0, len(c.targets)-1))
	t.offset = clamp(t.offset, 0, t.row)
}

// Prepare implements tab: it styles the table's rows into the memo, and
// keeps the highlighted row on screen.
func (t *targets) Prepare(st *Styles, mm *memo) {
	if len(t.c.targets) == 0 {
		return
	}
	if mm.targets == nil {
		class := classOf(t.w)
		mm.targets = make([][]string, len(t.c.targets))
		for i := range mm.targets {
			mm.targets[i] = t.styledRow(st, i, class)
		}
	}
	avail := max(2, t.h-t.detailCount(t.c.targets[t.row].v)-1)
	t.offset = window(t.row, t.offset, len(t.c.targets), avail-1)
}

// detailCount is how many lines detail draws for v.
func (t *targets) detailCount(v data.Verdict) int {
	n := 1 + min(len(v.Context), maxContext+1)
	if v.Reason.In(string(t.c.lang)) != "" {
		n++
	}
	if f := v.Basis; f != nil {
		n++
		if classOf(t.w) == narrow {
			n++
		}
		if !f.Note.Empty() {
			n++
		}
	}
	return n
}

// styledRow is row i's cells, styled, in a width class.
func (t *targets) styledRow(st *Styles, i int, class widthClass) []string {
	r := t.c.targets[i]
	cs := r.cells(class)
	cs[0] = st.status(r.v, r.status)
	if r.badge != "" {
		cs[4] = r.basis + " " + st.Badge.Render(r.badge)
	}
	if class == wide {
		cs[6] = st.bar(r.v)
	}
	return cs
}

// layout returns the detail lines of the highlighted target and the
// rows left for the table.
func (t *targets) layout(st *Styles) (detail []string, avail int) {
	detail = t.detail(st, t.c.targets[t.row].v)
	return detail, max(2, t.h-len(detail)-1)
}

// Update implements tab.
func (t *targets) Update(msg tea.Msg) (tab, tea.Cmd) {
	n := len(t.c.targets)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		t.row, _ = t.c.list.move(msg, t.row, n, t.h/2)
	case tea.MouseClickMsg:
		// The table's first row is its header.
		if mo := msg.Mouse(); mo.Y >= 1 {
			if i := t.offset + mo.Y - 1; i < n {
				t.row = i
			}
		}
	case tea.MouseWheelMsg:
		d := 1
		if msg.Mouse().Button == tea.MouseWheelUp {
			d = -1
		}
		t.row = clamp(t.row+d, 0, max(0, n-1))
	}
	return t, nil
}

// statusText is a verdict as a glyph and a word, so that meaning never
// rests on colour alone: ✓ met and ✗ missed on an actual figure, ~ for a
// verdict on a provisional or estimated one (its standing in brackets),
// ? when the status is unknown.
func statusText(v data.Verdict, lt *labels) string {
	word := lt.StatusMissed
	if v.Status == data.Met {
		word = lt.StatusMet
	}
	switch {
	case v.Status == data.Unknown:
		return "? " + lt.StatusUnknown
	case v.Standing != data.Actual:
		return "~ " + word + "[" + lt.kind(v.Standing) + "]"
	case v.Status == data.Met:
		return "✓ " + word
	}
	return "✗ " + word
}

// status styles a verdict's status text: amber when unknown or not on an
// actual figure, green when met, red when missed.
func (st *Styles) status(v data.Verdict, text string) string {
	switch {
	case v.Status == data.Unknown || v.Standing != data.Actual:
		return st.Warn.Render(text)
	case v.Status == data.Met:
		return st.Good.Render(text)
	}
	return st.Bad.Render(text)
}

// gapText is a verdict's gap in the target's unit (points for %), with
// the relative gap when rel is set.
func gapText(v data.Verdict, rel bool, l Lang) string {
	unit := v.Target.UnitOr(v.Metric.Unit)
	return delta(v.Diff, unit, data.IsPercent(unit), v.DiffPct/100, rel && v.DiffOK, l)
}

// bar draws progress towards a target, with the percentage.
func (st *Styles) bar(v data.Verdict) string {
	if v.Basis == nil {
		return ""
	}
	n := clamp(int(v.Progress*barWidth+0.5), 0, barWidth)
	return st.Bar.Render(strings.Repeat("█", n)) + st.BarEmpty.Render(strings.Repeat("░", barWidth-n)) +
		" " + num(v.Progress*100, 0) + "%"
}

// View implements tab.
func (t *targets) View(st *Styles, mm *memo) string {
	c := t.c
	if len(c.targets) == 0 {
		return st.Faint.Render(c.t.NoData)
	}
	class := classOf(t.w)
	detail, avail := t.layout(st)
	off := window(t.row, t.offset, len(c.targets), avail-1)
	cells := func(i int) []string {
		if mm != nil && len(mm.targets) == len(c.targets) {
			return mm.targets[i]
		}
		return t.styledRow(st, i, class)
	}
	tbl := renderTable(st, c.targetHead(class), c.targetW[class], len(c.targets), cells, 1, t.row, off, t.w, avail)
	return tbl + strings.Repeat("\n", max(1, avail-strings.Count(tbl, "\n"))) + strings.Join(detail, "\n")
}

// maxContext is how many context figures the detail lines list.
const maxContext = 3

// detail shows why a target stands as it does, the source text of the
// target and of its basis, and the figures given as context, one line
// each, as many as detailCount says.
func (t *targets) detail(st *Styles, v data.Verdict) []string {
	c := t.c
	var lines []string
	if r := v.Reason.In(string(c.lang)); r != "" {
		glyph := "? "
		if v.Status != data.Unknown {
			glyph = "~ "
		}
		lines = append(lines, st.Warn.Render(truncate(glyph+clean(r), t.w)))
	}
	if classOf(t.w) == narrow && v.Basis != nil {
		// The table has room only for the absolute gap, or on the
		// narrowest screens for none: the whole of it goes here.
		lines = append(lines, st.Subtle.Render(c.t.ColGap+c.t.Colon+gapText(v, true, c.lang)))
	}
	lines = append(lines, st.Quote.Render(truncate(c.t.ColTarget+c.t.Colon+"「"+clean(v.Target.Quote)+"」 "+c.source(v.Target.Source), t.w)))
	if f := v.Basis; f != nil {
		lines = append(lines, st.Quote.Render(truncate(c.t.ColAgainst+c.t.Colon+"「"+clean(f.Quote)+"」 "+c.source(f.Source), t.w)))
		if !f.Note.Empty() {
			lines = append(lines, st.Warn.Render(truncate(c.t.Note+c.t.Colon+clean(f.Note.In(string(c.lang))), t.w)))
		}
	}
	for i, ctx := range v.Context {
		if i == maxContext {
			lines = append(lines, st.Faint.Render(truncate(fmt.Sprintf(c.t.MoreContext, len(v.Context)-maxContext), t.w)))
			break
		}
		parts := []string{c.figureValue(ctx.Metric, ctx.Figure), figureLabel(ctx.Figure, c.lang), st.badge(c, ctx.Figure)}
		if ctx.Metric != v.Metric {
			parts = append(parts, name(ctx.Metric.Name, c.lang))
		}
		parts = append(parts, c.source(ctx.Figure.Source))
		lines = append(lines, st.Faint.Render(truncate(c.t.Context+c.t.Colon+strings.Join(nonEmpty(parts...), " "), t.w)))
	}
	return lines
}
