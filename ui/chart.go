package ui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// sparkLevels are braille cells filled from the bottom. Braille has a
// narrow width in every terminal, unlike the block elements ▁▂▃, which
// East Asian terminals may draw two columns wide.
var sparkLevels = [...]string{"⣀", "⣤", "⣶", "⣿"}

// sparkline draws one cell per point of the series, scaled between its
// minimum and maximum; points that are not final are drawn faint, and a
// space stands where the series breaks in comparability.
func (st *Styles) sparkline(s []data.Point) string {
	if len(s) == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range s {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	var b strings.Builder
	for _, p := range s {
		lvl := len(sparkLevels) / 2
		if hi > lo {
			lvl = int(math.Round((p.Value - lo) / (hi - lo) * float64(len(sparkLevels)-1)))
		}
		cell := sparkLevels[clamp(lvl, 0, len(sparkLevels)-1)]
		if p.Break {
			b.WriteByte(' ')
		}
		if p.Kind().Final() {
			b.WriteString(st.Chart.Render(cell))
		} else {
			b.WriteString(st.Faint.Render(cell))
		}
	}
	return b.String()
}

// chartSpec is what a line chart is drawn from within one content; it
// is also the key under which the memo keeps a drawn chart.
type chartSpec struct {
	metric string
	zone   string
	w, h   int
}

// plotInput is what a plot is drawn from: a series, the target if any,
// and whether lower values are better, which turns the axis over.
type plotInput struct {
	s      []data.Point
	target *float64
	lower  bool
}

// cellClass is what a cell of the plot shows, and so its style.
type cellClass uint8

const (
	cellEmpty cellClass = iota
	cellAxis
	cellLine   // a stretch between firm figures
	cellDotted // a stretch that ends at a figure that is not final
	cellTarget
)

// Glyphs of the plot. A firm figure is an "o" on a solid line; a figure
// that is not final is a "*" on a dotted one, so that the difference
// survives without colour.
const (
	glyphPoint    = 'o'
	glyphNotFinal = '*'
	glyphTarget   = '-'
)

type cell struct {
	r   rune
	cls cellClass
}

// grid is a plot's cells, row 0 at the top.
type grid [][]cell

func newGrid(rows, cols int) grid {
	g := make(grid, rows)
	for i := range g {
		g[i] = make([]cell, cols)
	}
	return g
}

func (g grid) set(r, c int, ru rune, cls cellClass) {
	if r >= 0 && r < len(g) && c >= 0 && c < len(g[r]) {
		g[r][c] = cell{ru, cls}
	}
}

// segment draws the line from (c0, r0) to (c1, r1), stepping at the
// column where the row changes.
func (g grid) segment(c0 int, v0 float64, c1 int, v1 float64, a axis, cls cellClass) {
	prev := a.row(v0)
	g.set(prev, c0, horizontal(cls), cls)
	for c := c0 + 1; c <= c1; c++ {
		cur := a.row(v0 + (v1-v0)*float64(c-c0)/float64(c1-c0))
		switch {
		case cur == prev:
			g.set(cur, c, horizontal(cls), cls)
		case cur < prev: // the line rises
			g.set(prev, c, corner(cls, '╯'), cls)
			g.set(cur, c, corner(cls, '╭'), cls)
		default:
			g.set(prev, c, corner(cls, '╮'), cls)
			g.set(cur, c, corner(cls, '╰'), cls)
		}
		for r := min(prev, cur) + 1; r < max(prev, cur); r++ {
			g.set(r, c, corner(cls, '│'), cls)
		}
		prev = cur
	}
}

func horizontal(cls cellClass) rune {
	if cls == cellDotted {
		return '.'
	}
	return '─'
}

func corner(cls cellClass, r rune) rune {
	if cls == cellDotted {
		return ':'
	}
	return r
}

// plot draws a series in at most w×h cells: a value axis with round
// ticks, turned over when lower is better; whole years below; the
// target on the row nearest its value; lines only between figures that
// compare. It returns "" when the box is too small.
func (st *Styles) plot(in plotInput, w, h int) string {
	s := in.s
	if len(s) == 0 || w < 16 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range s {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	if in.target != nil {
		lo, hi = math.Min(lo, *in.target), math.Max(hi, *in.target)
	}
	a, ok := newAxis(lo, hi, h-2, in.lower)
	if !ok {
		return ""
	}
	rows := a.rows()
	gutter := 0
	for r := 0; r < rows; r++ {
		gutter = max(gutter, lipgloss.Width(a.label(r)))
	}
	cols := w - gutter - 2
	y0, y1 := s[0].Year, s[len(s)-1].Year
	x := func(year int) int {
		if y1 == y0 {
			return cols / 2
		}
		return int(math.Round(float64(year-y0) * float64(cols-1) / float64(y1-y0)))
	}
	g := newGrid(rows, cols)
	for i := 1; i < len(s); i++ {
		if s[i].Break {
			continue // no line across a break in comparability
		}
		cls := cellLine
		if provisional(s[i-1]) || provisional(s[i]) {
			cls = cellDotted
		}
		g.segment(x(s[i-1].Year), s[i-1].Value, x(s[i].Year), s[i].Value, a, cls)
	}
	if in.target != nil {
		tr := a.row(*in.target)
		for c := 0; c < cols; c++ {
			if g[tr][c].cls == cellEmpty {
				g.set(tr, c, glyphTarget, cellTarget)
			}
		}
	}
	for _, p := range s {
		if provisional(p) {
			g.set(a.row(p.Value), x(p.Year), glyphNotFinal, cellDotted)
		} else {
			g.set(a.row(p.Value), x(p.Year), glyphPoint, cellLine)
		}
	}
	lines := make([]string, 0, rows+2)
	for r := 0; r < rows; r++ {
		tick := '│'
		if a.label(r) != "" {
			tick = '┤'
		}
		lines = append(lines, st.Faint.Render(padLeft(a.label(r), gutter)+" "+string(tick))+st.cells(g[r]))
	}
	axisLine, years := yearAxis(y0, y1, cols, x)
	lines = append(lines, st.Faint.Render(strings.Repeat(" ", gutter+1)+"└"+axisLine),
		st.Faint.Render(strings.TrimRight(strings.Repeat(" ", gutter+2)+years, " ")))
	return strings.Join(lines, "\n")
}

// yearAxis draws the x axis line, with a tick under each labelled year,
// and the line of labels below it.
func yearAxis(y0, y1, cols int, x func(int) int) (string, string) {
	axisLine := []rune(strings.Repeat("─", cols))
	labels := []rune(strings.Repeat(" ", cols))
	end := -1
	for _, y := range yearTicks(y0, y1, cols, 4) {
		lab := []rune(strconv.Itoa(y))
		c := x(y)
		start := clamp(c-len(lab)/2, 0, cols-len(lab))
		if start <= end {
			continue
		}
		axisLine[c] = '┬'
		copy(labels[start:], lab)
		end = start + len(lab)
	}
	return string(axisLine), string(labels)
}

// cells renders a row of the plot, one style a run of cells.
func (st *Styles) cells(row []cell) string {
	var b strings.Builder
	for i := 0; i < len(row); {
		j := i
		var run strings.Builder
		for j < len(row) && row[j].cls == row[i].cls {
			r := row[j].r
			if r == 0 {
				r = ' '
			}
			run.WriteRune(r)
			j++
		}
		b.WriteString(st.cellStyle(row[i].cls).Render(run.String()))
		i = j
	}
	return strings.TrimRight(b.String(), " ")
}

func (st *Styles) cellStyle(cls cellClass) lipgloss.Style {
	switch cls {
	case cellLine:
		return st.Chart
	case cellDotted:
		return st.Badge
	case cellTarget:
		return st.TargetLine
	case cellAxis:
		return st.Faint
	}
	return st.Block
}

// padLeft pads s with spaces on the left to width display columns.
func padLeft(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

// provisional reports whether a point must not be drawn as final.
func provisional(p data.Point) bool {
	return p.Kind() == data.Estimate || p.Kind() == data.Partial || p.Kind() == data.Provisional
}
