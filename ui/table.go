package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// grid is a table of cells whose natural column widths are measured once,
// by display width so that Chinese text lines up; drawing it touches only
// the rows that are on screen.
type grid struct {
	head   []string
	rows   [][]string
	widths []int
}

func newGrid(head []string, rows [][]string) *grid {
	g := &grid{head: head, rows: rows, widths: make([]int, len(head))}
	for i, h := range head {
		g.widths[i] = lipgloss.Width(h)
	}
	for _, r := range rows {
		for i := 0; i < len(head) && i < len(r); i++ {
			g.widths[i] = max(g.widths[i], lipgloss.Width(r[i]))
		}
	}
	return g
}

// render draws the header and the rows from offset that fit in height.
// Column flex takes what is left of width and is truncated; no other
// column takes more than a quarter of it. sel is the highlighted row, or
// -1.
func (g *grid) render(st *Styles, flex, sel, offset, width, height int) string {
	if height <= 0 || width <= 0 {
		return ""
	}
	n := len(g.head)
	widths := append([]int(nil), g.widths...)
	used := 0
	for i := 0; i < n; i++ {
		if i != flex {
			widths[i] = min(widths[i], max(4, width/4))
			used += widths[i] + 2
		}
	}
	widths[flex] = max(min(widths[flex], max(6, width/4)), min(widths[flex], width-used-2))
	line := func(cells []string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if i == n-1 {
				b.WriteString(truncate(c, widths[i]))
				break
			}
			b.WriteString(padRight(truncate(c, widths[i]), widths[i]+2))
		}
		return b.String()
	}
	out := make([]string, 1, height)
	out[0] = st.TableHead.Render(truncate(line(g.head), width))
	end := min(len(g.rows), offset+height-1)
	for i := max(0, offset); i < end; i++ {
		l := truncate(line(g.rows[i]), width)
		if i == sel {
			l = st.Selected.Render(padRight(l, width))
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// window returns the first row to draw so that sel stays in view.
func window(sel, offset, n, visible int) int {
	if visible <= 0 {
		return 0
	}
	if sel < offset {
		offset = sel
	}
	if sel >= offset+visible {
		offset = sel - visible + 1
	}
	return clamp(offset, 0, max(0, n-visible))
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
		chg, val := "-", figureValue(m, f)
		if c, ok := changes[f]; ok && c.LikeForLike() {
			chg = changeText(c, m.Unit)
		}
		if f.Kind == data.Target {
			val = f.Comparator + " " + val
		}
		rows[i] = []string{figureLabel(f), val, chg, lt.kind(f.Kind), e.source(f.Source)}
	}
	head := []string{lt.ColYear, lt.ColValue, lt.ColChange, lt.ColKind, lt.ColSource}
	row := clamp(t.row, 0, max(0, len(rows)-1))
	return newGrid(head, rows).render(&e.st, len(head)-1, row, window(row, 0, len(rows), h-1), w, h)
}

// changeText is a change as "+1.5pp" or "+6.76 亿元 (+11.8%)".
func changeText(c data.Change, unit string) string {
	if c.PP {
		return signed(c.Abs, 2) + "pp"
	}
	s := signed(c.Abs, 2) + unitSep(unit)
	if c.RelOK {
		s += " (" + signed(c.Rel*100, 1) + "%)"
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
	if f.Formula != "" {
		out = append(out, e.st.Subtle.Render(truncate(e.t.Formula+e.t.Colon+clean(f.Formula), w)))
	}
	if f.Note != "" {
		out = append(out, e.st.Warn.Render(truncate(e.t.Note+e.t.Colon+clean(f.Note), w)))
	}
	return strings.Join(out, "\n")
}
