package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pager is a tab body of whole-page content scrolled by the list keys
// and the mouse wheel. The page is drawn for the tab's width and kept in
// the memo, so that scrolling only slices its lines.
type pager struct {
	c     *content
	tab   int // which tab, for the memo
	build func(st *Styles) string
	off   int
	lines int // the page's length when last prepared
	w, h  int
}

// ShortHelp lists the scrolling keys.
func (p *pager) ShortHelp() []key.Binding {
	return []key.Binding{p.c.list.Up, p.c.list.Down}
}

// FullHelp lists the scrolling keys.
func (p *pager) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.c.list.Up, p.c.list.Down, p.c.list.PageUp}}
}

// Capturing implements tab: a pager takes no text input.
func (p *pager) Capturing() bool { return false }

// SetSize implements tab.
func (p *pager) SetSize(w, h int) { p.w, p.h = w, h }

// SetContent implements tab; Prepare clamps the scroll to the new page.
func (p *pager) SetContent(c *content) { p.c = c }

// scroll moves the page for a list key or the wheel.
func (p *pager) scroll(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.off, _ = p.c.list.move(msg, p.off, p.maxOff()+1, p.rows()-1)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			p.off = max(0, p.off-3)
		case tea.MouseWheelDown:
			p.off = min(p.maxOff(), p.off+3)
		}
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

// Prepare implements tab: it draws the page into the memo and clamps the
// scroll to it.
func (p *pager) Prepare(st *Styles, mm *memo) {
	if p.w <= 0 {
		return
	}
	mm.keepPage(p.tab, func() string { return p.build(st) })
	p.lines = len(mm.pages[p.tab])
	p.off = clamp(p.off, 0, p.maxOff())
}

// View implements tab: the visible lines of the page, and below them,
// when the page is longer than the box, which lines they are and whether
// more lie below.
func (p *pager) View(st *Styles, mm *memo) string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	lines := mm.page(p.tab, func() string { return p.build(st) })
	rows := pageRows(len(lines), p.h)
	off := clamp(p.off, 0, max(0, len(lines)-rows))
	out := strings.Join(lines[off:min(len(lines), off+rows)], "\n")
	if rows < len(lines) && p.h > 1 {
		out += "\n" + st.Faint.Render(truncate(position(p.c.t, off, rows, len(lines)), p.w))
	}
	return out
}
