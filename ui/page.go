package ui

import "strings"

// page is a scrolled tab's whole page drawn for one width: its lines,
// and the items a selection walks (cards, bars, conflicts), in reading
// order: where each lies, and how it is drawn highlighted.
type page struct {
	lines []string
	spots []spot
	// lits draw each item highlighted: its h lines from top, whole.
	lits []func() []string
}

// spot is where an item lies on its page: h lines from top and, for one
// of a row of cards, w columns from left; w is 0 for an item as wide as
// the page.
type spot struct{ top, h, left, w int }

// has reports whether the cell at line and col lies in the spot.
func (s spot) has(line, col int) bool {
	if line < s.top || line >= s.top+s.h {
		return false
	}
	return s.w == 0 || col >= s.left && col < s.left+s.w
}

// add appends a block of lines to the page and returns the line it
// starts at and how many it has.
func (p *page) add(block string) (top, h int) {
	top = len(p.lines)
	p.lines = append(p.lines, strings.Split(block, "\n")...)
	return top, len(p.lines) - top
}

// mark records an item at s, drawn highlighted by lit.
func (p *page) mark(s spot, lit func() []string) {
	p.spots = append(p.spots, s)
	p.lits = append(p.lits, lit)
}

// litLines draws item i highlighted, exactly as many lines as it covers.
func (p *page) litLines(i int) []string {
	s := p.spots[i]
	lines := p.lits[i]()
	if len(lines) > s.h {
		lines = lines[:s.h]
	}
	for len(lines) < s.h {
		lines = append(lines, p.lines[s.top+len(lines)])
	}
	return lines
}

// textPage is a page of text with no items.
func textPage(s string) *page { return &page{lines: strings.Split(s, "\n")} }
