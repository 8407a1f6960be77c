package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// barWidth is the width of a target's progress bar.
const barWidth = 10

// targets lists every target with the figure it is judged on, problems
// first.
type targets struct {
	c      *content
	k      *bindings
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
	v data.Verdict
	// status is the verdict in a glyph and words; brief drops the
	// reason an unknown status gives, for narrow screens.
	status, brief        string
	label, year, target  string
	basis, badge         string
	gapAbs, gapRel, prog string
}

// cells are the row's plain cells in a width class; why keeps the
// reason an unknown status gives.
func (r targetRow) cells(class widthClass, why bool) []string {
	basis, gap := r.basis, r.gapAbs
	if r.badge != "" {
		basis += " " + r.badge
	}
	if class != narrow {
		gap = r.gapRel
	}
	status := r.status
	if !why {
		status = r.brief
	}
	out := []string{status, r.label, r.year, r.target, basis, gap}
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
		r := targetRow{v: v, status: statusText(v, c.t, true), brief: statusText(v, c.t, false), year: shortLabel(tg, c.lang), basis: "-", gapAbs: "-", gapRel: "-"}
		r.target = tg.Comparator + " " + amount(tg.Value, tg.UnitOr(m.Unit), c.lang)
		if f := v.Basis; f != nil {
			r.basis, r.badge = c.figureValue(m, f), c.badgeText(f)
			r.gapAbs, r.gapRel = gapText(v, false, c.lang), gapText(v, true, c.lang)
			if v.Status != data.Unknown {
				r.prog = strings.Repeat(" ", barWidth) + " " + progressText(v)
			}
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
			rows[i] = r.cells(class, class != narrow)
		}
		c.targetW[class] = widths(c.targetHead(class), rows)
	}
}

func newTargets() *targets { return &targets{} }

func (t *targets) ShortHelp() []key.Binding {
	return []key.Binding{t.k.list.Up, t.k.list.Down}
}

func (t *targets) FullHelp() [][]key.Binding {
	return [][]key.Binding{{t.k.list.Up, t.k.list.Down, t.k.list.PageUp}}
}

func (t *targets) Capturing() bool { return false }

// SetSize implements tab.
func (t *targets) SetSize(w, h int) { t.w, t.h = w, h }

// SetContent implements tab.
func (t *targets) SetContent(c *content, k *bindings) {
	t.k = k
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
		class, _, why := t.columns()
		mm.targets = make([][]string, len(t.c.targets))
		for i := range mm.targets {
			mm.targets[i] = t.styledRow(st, i, class, why)
		}
	}
	t.offset = window(t.row, t.offset, len(t.c.targets), t.tableRows(t.detailCount(t.c.targets[t.row].v))-1)
}

// tableRows is the height of the table, its header included, when the
// detail takes n lines: the table takes what it needs of what the detail,
// the summary and the blank line between leave, and a line more for the
// position when not every row fits.
func (t *targets) tableRows(n int) int {
	avail := max(2, t.h-n-2)
	if need := len(t.c.targets) + 1; need <= avail {
		return need
	}
	return max(2, avail-1)
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

// columns picks the width class for the tab's width, the columns'
// widths, and whether an unknown status keeps its reason: only when the
// whole table then fits, since the detail below says it too.
func (t *targets) columns() (class widthClass, w []int, why bool) {
	class = classOf(t.w)
	w = t.c.targetW[class]
	total := 2 * (len(w) - 1)
	for _, x := range w {
		total += x
	}
	if class != narrow && total <= t.w {
		return class, w, true
	}
	lt := t.c.t
	brief := 0
	for _, s := range []string{lt.ColStatus, "? " + lt.StatusUnknown, "✓ " + lt.StatusMet, "✗ " + lt.StatusMissed} {
		brief = max(brief, lipgloss.Width(s))
	}
	w = append([]int(nil), w...)
	w[0] = min(w[0], brief)
	if class == narrow && sum(w)+2*(len(w)-1)+minFlex-w[1] > t.w {
		// The gap gives way to the figure it is taken from: the
		// detail below states it in full.
		w = w[:len(w)-1]
	}
	return class, w, false
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// styledRow is row i's cells, styled, in a width class.
func (t *targets) styledRow(st *Styles, i int, class widthClass, why bool) []string {
	r := t.c.targets[i]
	cs := r.cells(class, why)
	cs[0] = st.status(r.v, cs[0])
	if r.badge != "" {
		cs[4] = r.basis + " " + st.Badge.Render(r.badge)
	}
	if class == wide {
		cs[6] = st.bar(r.v)
	}
	return cs
}

// Update implements tab.
func (t *targets) Update(msg tea.Msg) (tab, tea.Cmd) {
	n := len(t.c.targets)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		t.row, _ = t.k.list.move(msg, t.row, n, t.h/2)
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

// View implements tab: the table, its position when rows are hidden,
// the summary, and right below them the highlighted target's detail.
func (t *targets) View(st *Styles, mm *memo) string {
	c := t.c
	if len(c.targets) == 0 {
		return st.Faint.Render(c.t.NoData)
	}
	class, w, why := t.columns()
	detail := t.detail(st, c.targets[t.row].v)
	rows := t.tableRows(len(detail))
	n := len(c.targets)
	off := window(t.row, t.offset, n, rows-1)
	cells := func(i int) []string {
		if mm != nil && len(mm.targets) == len(c.targets) {
			return mm.targets[i]
		}
		return t.styledRow(st, i, class, why)
	}
	out := []string{renderTable(st, c.targetHead(class)[:len(w)], w, n, cells, 1, t.row, off, t.w, rows)}
	if rows-1 < n {
		out = append(out, st.Faint.Render(truncate(position(c.t, off, rows-1, n), t.w)))
	}
	out = append(out, st.Subtle.Render(truncate(c.targetSummary(), t.w)), "")
	return strings.Join(append(out, detail...), "\n")
}

// maxContext is how many context figures the detail lines list.
const maxContext = 3

// detail shows why a target stands as it does, the source text of the
// target and of its basis, and the figures given as context, one line
// each, as many as detailCount says. Context is never a verdict: each
// line says whether it is a later figure of the metric or a related one.
func (t *targets) detail(st *Styles, v data.Verdict) []string {
	c := t.c
	var lines []string
	if r := v.Reason.In(string(c.lang)); r != "" {
		glyph := ""
		if v.Status == data.Unknown {
			glyph = "? "
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
		if i == maxContext && len(v.Context) > maxContext+1 {
			lines = append(lines, st.Faint.Render(truncate(fmt.Sprintf(c.t.MoreContext, len(v.Context)-maxContext), t.w)))
			break
		}
		lines = append(lines, st.Faint.Render(c.contextLine(v, ctx, t.w)))
	}
	return lines
}
