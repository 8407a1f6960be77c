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
	env    *env
	gaps   []data.Verdict
	row    int
	offset int // the first row on screen, kept so that a click finds its row
	w, h   int
	// grid holds every row's cells, built on first view after a change
	// of data, language or width class.
	grid  *grid
	class widthClass
}

// widthClass is how much a target row may show: narrow screens drop the
// relative gap (the detail lines keep it), wide ones add a progress bar.
type widthClass int

const (
	narrow widthClass = iota
	medium
	wide
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

func newTargets(e *env) *targets {
	t := &targets{env: e}
	t.Refresh()
	return t
}

func (t *targets) ShortHelp() []key.Binding {
	return []key.Binding{t.env.list.Up, t.env.list.Down}
}

func (t *targets) FullHelp() [][]key.Binding {
	return [][]key.Binding{{t.env.list.Up, t.env.list.Down, t.env.list.Page}}
}

func (t *targets) Capturing() bool { return false }

// SetSize implements tab.
func (t *targets) SetSize(w, h int) { t.w, t.h = w, h }

// Refresh implements tab.
func (t *targets) Refresh() {
	t.gaps = t.env.verdicts()
	t.row = clamp(t.row, 0, max(0, len(t.gaps)-1))
	t.grid = nil
}

// Update implements tab.
func (t *targets) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		t.row, _ = t.env.list.move(msg, t.row, len(t.gaps), t.h/2)
	case tea.MouseClickMsg:
		// The table's first row is its header.
		if mo := msg.Mouse(); mo.Y >= 1 {
			if i := t.offset + mo.Y - 1; i < len(t.gaps) {
				t.row = i
			}
		}
	case tea.MouseWheelMsg:
		d := 1
		if msg.Mouse().Button == tea.MouseWheelUp {
			d = -1
		}
		t.row = clamp(t.row+d, 0, max(0, len(t.gaps)-1))
	}
	return t, nil
}

// status is a verdict as a glyph and a word, so that meaning never rests
// on colour alone: ✓ met and ✗ missed on an actual figure, ~ for a
// verdict on a provisional or estimated one (its standing in brackets),
// ? when the status is unknown.
func (t *targets) status(v data.Verdict) string {
	e, lt := t.env, t.env.t
	word := lt.StatusMissed
	if v.Status == data.Met {
		word = lt.StatusMet
	}
	switch {
	case v.Status == data.Unknown:
		return e.st.Warn.Render("? " + lt.StatusUnknown)
	case v.Standing != data.Actual:
		return e.st.Warn.Render("~ " + word + "[" + lt.kind(v.Standing) + "]")
	case v.Status == data.Met:
		return e.st.Good.Render("✓ " + word)
	}
	return e.st.Bad.Render("✗ " + word)
}

// gapText is a verdict's gap in the target's unit (points for %), with
// the relative gap when rel is set.
func gapText(v data.Verdict, rel bool, l Lang) string {
	unit := v.Target.UnitOr(v.Metric.Unit)
	return delta(v.Diff, unit, data.IsPercent(unit), v.DiffPct/100, rel && v.DiffOK, l)
}

// bar draws progress towards a target, with the percentage.
func (t *targets) bar(v data.Verdict) string {
	if v.Basis == nil {
		return ""
	}
	n := clamp(int(v.Progress*barWidth+0.5), 0, barWidth)
	return t.env.st.Bar.Render(strings.Repeat("█", n)) + t.env.st.BarEmpty.Render(strings.Repeat("░", barWidth-n)) +
		" " + num(v.Progress*100, 0) + "%"
}

// View implements tab.
func (t *targets) View() string {
	e := t.env
	if len(t.gaps) == 0 {
		return e.st.Faint.Render(e.t.NoData)
	}
	if c := classOf(t.w); t.grid == nil || t.class != c {
		t.grid, t.class = t.buildGrid(c), c
	}
	detail := t.detail(t.gaps[t.row])
	avail := max(2, t.h-len(strings.Split(detail, "\n"))-1)
	off := window(t.row, t.offset, len(t.gaps), avail-1)
	t.offset = off
	table := t.grid.render(&e.st, 1, t.row, off, t.w, avail)
	return table + strings.Repeat("\n", max(1, avail-len(strings.Split(table, "\n"))+1)) + detail
}

// buildGrid lays out every target's row once.
func (t *targets) buildGrid(class widthClass) *grid {
	e, lt := t.env, t.env.t
	rows := make([][]string, len(t.gaps))
	for i, v := range t.gaps {
		m, tg := v.Metric, v.Target
		target := tg.Comparator + " " + amount(tg.Value, tg.UnitOr(m.Unit), e.lang)
		basis, gap := "-", "-"
		if f := v.Basis; f != nil {
			basis = strings.Join(nonEmpty(e.figureValue(m, f), e.badge(f)), " ")
			gap = gapText(v, class != narrow, e.lang)
		}
		label := name(m.Name, e.lang)
		if tg.Zone != "" {
			if z := e.ds.Zone(tg.Zone); z != nil {
				label += " " + name(z.Name, e.lang)
			}
		}
		rows[i] = []string{t.status(v), label, shortLabel(tg, e.lang), target, basis, gap}
		if class == wide {
			rows[i] = append(rows[i], t.bar(v))
		}
	}
	head := []string{lt.ColStatus, lt.ColIndicator, lt.ColYear, lt.ColTarget, lt.ColAgainst, lt.ColGap}
	if class == wide {
		head = append(head, lt.ColProgress)
	}
	return newGrid(head, rows)
}

// maxContext is how many context figures the detail lines list.
const maxContext = 3

// detail shows why a target stands as it does, the source text of the
// target and of its basis, and the figures given as context.
func (t *targets) detail(v data.Verdict) string {
	e := t.env
	var lines []string
	if r := v.Reason.In(string(e.lang)); r != "" {
		glyph := "? "
		if v.Status != data.Unknown {
			glyph = "~ "
		}
		lines = append(lines, e.st.Warn.Render(truncate(glyph+clean(r), t.w)))
	}
	if classOf(t.w) == narrow && v.Basis != nil {
		// The table has room only for the absolute gap, or on the
		// narrowest screens for none: the whole of it goes here.
		lines = append(lines, e.st.Subtle.Render(e.t.ColGap+e.t.Colon+gapText(v, true, e.lang)))
	}
	lines = append(lines, e.st.Quote.Render(truncate(e.t.ColTarget+e.t.Colon+"「"+clean(v.Target.Quote)+"」 "+e.source(v.Target.Source), t.w)))
	if f := v.Basis; f != nil {
		lines = append(lines, e.st.Quote.Render(truncate(e.t.ColAgainst+e.t.Colon+"「"+clean(f.Quote)+"」 "+e.source(f.Source), t.w)))
		if !f.Note.Empty() {
			lines = append(lines, e.st.Warn.Render(truncate(e.t.Note+e.t.Colon+clean(f.Note.In(string(e.lang))), t.w)))
		}
	}
	for i, c := range v.Context {
		if i == maxContext {
			lines = append(lines, e.st.Faint.Render(truncate(fmt.Sprintf(e.t.MoreContext, len(v.Context)-maxContext), t.w)))
			break
		}
		parts := []string{e.figureValue(c.Metric, c.Figure), figureLabel(c.Figure, e.lang), e.badge(c.Figure)}
		if c.Metric != v.Metric {
			parts = append(parts, name(c.Metric.Name, e.lang))
		}
		parts = append(parts, e.source(c.Figure.Source))
		lines = append(lines, e.st.Faint.Render(truncate(e.t.Context+e.t.Colon+strings.Join(nonEmpty(parts...), " "), t.w)))
	}
	return strings.Join(lines, "\n")
}
