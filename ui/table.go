package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// render draws the table: see renderTable.
func (tb table) render(st *Styles, flex, sel, offset, width, height int) string {
	cells := func(i int) []string { return tb.rows[i] }
	return renderTable(st, tb.head, tb.widths, len(tb.rows), cells, flex, sel, offset, width, height)
}

// renderTable draws a header and, from offset, the rows of n that fit in
// height, asking cells only for those. natural holds the columns' natural
// widths. Column flex gives way first: the others keep their natural
// widths and it takes what is left, down to a few columns; only when even
// that does not fit do the widest of the others give way too (see
// columnWidths). sel is the highlighted row, or -1; its highlight covers
// the whole row.
func renderTable(st *Styles, head []string, natural []int, n int, cells func(int) []string, flex, sel, offset, width, height int) string {
	if height <= 0 || width <= 0 {
		return ""
	}
	cols := len(head)
	widths := columnWidths(natural, flex, width)
	line := func(cells []string) string {
		var b strings.Builder
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if i == cols-1 {
				b.WriteString(truncate(c, widths[i]))
				break
			}
			b.WriteString(padRight(truncate(c, widths[i]), widths[i]+2))
		}
		return b.String()
	}
	out := make([]string, 1, height)
	out[0] = st.TableHead.Render(truncate(line(head), width))
	end := min(n, offset+height-1)
	for i := max(0, offset); i < end; i++ {
		l := truncate(line(cells(i)), width)
		if i == sel {
			// The cells' own styles would end the highlight at the
			// first of them: the selected row is drawn plain.
			l = st.Selected.Render(padRight(ansi.Strip(l), width))
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// minFlex is the fewest columns the flex column keeps.
const minFlex = 6

// columnWidths fits the columns' natural widths, each followed by a gap
// of two, into width: the flex column takes what the others leave, down
// to minFlex (or its natural width, if less); past that the widest other
// column gives way, one column at a time, down to minFlex.
func columnWidths(natural []int, flex, width int) []int {
	w := append([]int(nil), natural...)
	if len(w) == 0 {
		return w
	}
	flex = clamp(flex, 0, len(w)-1)
	others := func() int {
		used := 2 * (len(w) - 1)
		for i, x := range w {
			if i != flex {
				used += x
			}
		}
		return used
	}
	floor := min(natural[flex], minFlex)
	for others()+floor > width {
		widest := -1
		for i, x := range w {
			if i != flex && x > minFlex && (widest < 0 || x > w[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		w[widest] = max(minFlex, w[widest]-(others()+floor-width))
	}
	w[flex] = max(floor, min(natural[flex], width-others()))
	return w
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
