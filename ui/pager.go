package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pager is a tab body of whole-page content scrolled by the list keys
// and the mouse wheel. The page is drawn for the tab's width and kept in
// the memo, so that scrolling only slices its lines.
//
// A page with items (cards, bars, conflicts) has one highlighted: ↑ and
// ↓ walk them in reading order and the page follows; the page keys and
// the wheel scroll, and then highlight an item in view if the one
// highlighted has gone; a click highlights the item under it.
type pager struct {
	c     *content
	k     *bindings
	tab   int // which tab, for the memo
	build func(st *Styles) *page
	off   int
	lines int    // the page's length when last prepared
	spots []spot // where its items lie
	sel   int    // the highlighted item
	// follow brings the highlighted item into view at the next Prepare;
	// settle highlights an item in view if the highlighted one is not.
	follow, settle bool
	w, h           int
}

// ShortHelp lists the scrolling keys.
func (p *pager) ShortHelp() []key.Binding {
	return []key.Binding{p.k.list.Up, p.k.list.Down}
}

// FullHelp lists the scrolling keys.
func (p *pager) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.k.list.Up, p.k.list.Down, p.k.list.PageUp}}
}

// Capturing implements tab: a pager takes no text input.
func (p *pager) Capturing() bool { return false }

// SetSize implements tab. A new size moves the items, so the next
// Prepare brings the highlighted one back into view.
func (p *pager) SetSize(w, h int) {
	if w != p.w || h != p.h {
		p.follow = true
	}
	p.w, p.h = w, h
}

// SetContent implements tab; Prepare clamps the scroll and the
// highlighted item to the new page.
func (p *pager) SetContent(c *content, k *bindings) { p.c, p.k = c, k }

// scroll moves the page, or the highlight, for a list key, the wheel or
// a click.
func (p *pager) scroll(msg tea.Msg) {
	items := len(p.spots) > 0
	l := p.k.list
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case items && key.Matches(msg, l.Up):
			p.up()
		case items && key.Matches(msg, l.Down):
			p.down()
		case items && key.Matches(msg, l.Home):
			p.off, p.sel, p.follow = 0, 0, true
		case items && key.Matches(msg, l.End):
			p.off, p.sel, p.follow = p.maxOff(), len(p.spots)-1, true
		default:
			var moved bool
			p.off, moved = l.move(msg, p.off, p.maxOff()+1, p.rows()-1)
			p.settle = items && moved
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			p.off = max(0, p.off-3)
		case tea.MouseWheelDown:
			p.off = min(p.maxOff(), p.off+3)
		}
		p.settle = items
	case tea.MouseClickMsg:
		mo := msg.Mouse()
		if mo.Y >= p.rows() {
			return // the position line
		}
		for i, s := range p.spots {
			if s.has(p.off+mo.Y, mo.X) {
				p.sel = i
			}
		}
	}
}

// down highlights the next item, or past the last one scrolls on to what
// lies below it; an item out of sight below is first brought into view.
func (p *pager) down() {
	s := p.spots[p.sel]
	switch {
	case s.top >= p.off+p.rows():
		p.follow = true
	case p.sel == len(p.spots)-1:
		p.off = min(p.maxOff(), p.off+1)
	default:
		p.sel, p.follow = p.sel+1, true
	}
}

// up highlights the previous item; below the last one, it scrolls back a
// line at a time as down went, until the last item is whole in view.
func (p *pager) up() {
	s := p.spots[p.sel]
	switch {
	case p.sel == len(p.spots)-1 && s.top < p.off:
		p.off--
	case p.sel > 0:
		p.sel, p.follow = p.sel-1, true
	default:
		p.off, p.follow = 0, true
	}
}

// rows is how many of the page's lines the box shows: all of its
// height, less a line for the position when the page is longer.
func (p *pager) rows() int { return pageRows(p.lines, p.h) }

func pageRows(lines, h int) int {
	if lines > h {
		return max(1, h-1)
	}
	return h
}

func (p *pager) maxOff() int { return max(0, p.lines-p.rows()) }

// Prepare implements tab: it draws the page and its highlighted item
// into the memo, and clamps the scroll and the highlight to them.
func (p *pager) Prepare(st *Styles, mm *memo) {
	if p.w <= 0 {
		return
	}
	mm.keepPage(p.tab, func() *page { return p.build(st) })
	pg := mm.pages[p.tab]
	p.lines, p.spots = len(pg.lines), pg.spots
	p.off = clamp(p.off, 0, p.maxOff())
	if n := len(p.spots); n > 0 {
		p.sel = clamp(p.sel, 0, n-1)
		if p.settle {
			p.sel = p.inView()
		}
		if p.follow {
			p.off = p.showing(p.spots[p.sel])
		}
		mm.keepLit(p.tab, p.sel)
	}
	p.follow, p.settle = false, false
}

// inView is the highlighted item if it is in view, else the first item
// that is, else the highlighted one still.
func (p *pager) inView() int {
	top, end := p.off, p.off+p.rows()
	in := func(s spot) bool { return s.top >= top && s.top+s.h <= end }
	if in(p.spots[p.sel]) {
		return p.sel
	}
	for i, s := range p.spots {
		if in(s) {
			return i
		}
	}
	return p.sel
}

// showing is the scroll that brings s into view with the least move;
// the first row of items brings the top of the page with it.
func (p *pager) showing(s spot) int {
	off, rows := p.off, p.rows()
	switch {
	case s.top == p.spots[0].top:
		off = 0
	case s.top < off:
		off = s.top
	}
	if s.top+s.h > off+rows {
		off = min(s.top, s.top+s.h-rows)
	}
	return clamp(off, 0, p.maxOff())
}

// View implements tab: the visible lines of the page, its highlighted
// item lit, and below them, when the page is longer than the box, which
// lines they are and whether more lie below.
func (p *pager) View(st *Styles, mm *memo) string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	pg := mm.page(p.tab, func() *page { return p.build(st) })
	rows := pageRows(len(pg.lines), p.h)
	off := clamp(p.off, 0, max(0, len(pg.lines)-rows))
	lines := pg.lines[off:min(len(pg.lines), off+rows)]
	if n := len(pg.spots); n > 0 {
		sel := clamp(p.sel, 0, n-1)
		lines = append([]string(nil), lines...)
		for j, l := range mm.litLines(p.tab, pg, sel) {
			if k := pg.spots[sel].top + j - off; k >= 0 && k < len(lines) {
				lines[k] = l
			}
		}
	}
	out := strings.Join(lines, "\n")
	if rows < len(pg.lines) && p.h > 1 {
		out += "\n" + st.Faint.Render(truncate(position(p.c.t, off, rows, len(pg.lines)), p.w))
	}
	return out
}
