package ui

import "strings"

// render draws the table: see renderTable.
func (tb table) render(st *Styles, flex, sel, offset, width, height int) string {
	cells := func(i int) []string { return tb.rows[i] }
	return renderTable(st, tb.head, tb.widths, len(tb.rows), cells, flex, sel, offset, width, height)
}

// renderTable draws a header and, from offset, the rows of n that fit in
// height, asking cells only for those. natural holds the columns' natural
// widths. Column flex takes what is left of width and is truncated; no
// other column takes more than a quarter of it. sel is the highlighted
// row, or -1.
func renderTable(st *Styles, head []string, natural []int, n int, cells func(int) []string, flex, sel, offset, width, height int) string {
	if height <= 0 || width <= 0 {
		return ""
	}
	cols := len(head)
	widths := append([]int(nil), natural...)
	used := 0
	for i := 0; i < cols; i++ {
		if i != flex {
			widths[i] = min(widths[i], max(4, width/4))
			used += widths[i] + 2
		}
	}
	widths[flex] = max(min(widths[flex], max(6, width/4)), min(widths[flex], width-used-2))
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
