package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
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
