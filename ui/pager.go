package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pager is a tab body of prebuilt lines scrolled by the list keys and the
// mouse wheel. The content is built only when the tab is shown after a
// change of data, language or size, and a view is a slice of its lines,
// which keeps a redraw cheap however rich the content is.
type pager struct {
	env   *env
	tab   int // which tab, for the shared cache
	build func() string
	lines []string
	off   int
	w, h  int
	stale bool
}

// ShortHelp lists the scrolling keys.
func (p *pager) ShortHelp() []key.Binding {
	return []key.Binding{p.env.list.Up, p.env.list.Down}
}

// FullHelp lists the scrolling keys.
func (p *pager) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.env.list.Up, p.env.list.Down, p.env.list.Page}}
}

// Capturing implements tab: a pager takes no text input.
func (p *pager) Capturing() bool { return false }

// SetSize gives the pager its box; a new width means new content.
func (p *pager) SetSize(w, h int) {
	if w != p.w {
		p.stale = true
	}
	p.w, p.h = w, h
}

// Refresh marks the content for rebuilding.
func (p *pager) Refresh() { p.stale = true }

// scroll moves the view for a list key or the wheel.
func (p *pager) scroll(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.off, _ = p.env.list.move(msg, p.off, p.maxOff()+1, p.h-1)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			p.off = max(0, p.off-3)
		case tea.MouseWheelDown:
			p.off = min(p.maxOff(), p.off+3)
		}
	}
}

func (p *pager) maxOff() int { return max(0, len(p.lines)-p.h) }

// View returns the visible lines.
func (p *pager) View() string {
	if p.stale && p.w > 0 {
		e := p.env
		k := pageKey{ds: e.ds, tab: p.tab, lang: e.lang, width: p.w, dark: e.st.isDark}
		p.lines = strings.Split(e.shared.page(k, p.build), "\n")
		p.stale = false
	}
	p.off = clamp(p.off, 0, p.maxOff())
	return strings.Join(p.lines[p.off:min(len(p.lines), p.off+p.h)], "\n")
}
