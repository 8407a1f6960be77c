package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// sources lists the source articles and the figures each supplies.
type sources struct {
	c      *content
	k      *bindings
	row    int
	offset int // the first source on screen, kept so that a click finds its row
	figOff int
	w, h   int
}

type sourceKeys struct {
	FigUp, FigDown key.Binding
}

func newSources() *sources { return &sources{} }

func (s *sources) ShortHelp() []key.Binding {
	return []key.Binding{s.k.list.Up, s.k.list.Down, s.k.src.FigDown}
}

func (s *sources) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.k.list.Up, s.k.list.Down}, {s.k.src.FigDown}}
}

func (s *sources) Capturing() bool { return false }

// SetSize implements tab.
func (s *sources) SetSize(w, h int) { s.w, s.h = w, h }

// SetContent implements tab.
func (s *sources) SetContent(c *content, k *bindings) {
	s.k = k
	s.c = c
	s.row = clamp(s.row, 0, max(0, len(c.sources.rows)-1))
	s.offset = clamp(s.offset, 0, s.row)
	s.figOff = clamp(s.figOff, 0, max(0, s.figureCount()-1))
}

// Prepare implements tab: the view keeps the highlighted source on
// screen.
func (s *sources) Prepare(*Styles, *memo) {
	s.offset = window(s.row, s.offset, len(s.c.sources.rows), s.tableRows()-1)
}

// tableRows is the height of the sources table, its header included.
func (s *sources) tableRows() int { return min(len(s.c.sources.rows)+1, max(3, s.h/2)) }

func (s *sources) figureCount() int {
	if s.row >= len(s.c.figures) {
		return 0
	}
	return len(s.c.ds.FiguresFrom(s.c.ds.Sources[s.row].ID))
}

// Update implements tab.
func (s *sources) Update(msg tea.Msg) (tab, tea.Cmd) {
	n := len(s.c.sources.rows)
	if c, ok := msg.(tea.MouseClickMsg); ok {
		// The table's first row is its header.
		if mo := c.Mouse(); mo.Y >= 1 {
			if i := s.offset + mo.Y - 1; i < n && i != s.row {
				s.row, s.figOff = i, 0
			}
		}
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.k.src.FigUp):
		s.figOff = max(0, s.figOff-1)
	case key.Matches(k, s.k.src.FigDown):
		s.figOff = clamp(s.figOff+1, 0, max(0, s.figureCount()-1))
	default:
		if row, moved := s.k.list.move(k, s.row, n, 1); moved && row != s.row {
			s.row, s.figOff = row, 0
		}
	}
	return s, nil
}

// View implements tab.
func (s *sources) View(st *Styles, _ *memo) string {
	c, lt := s.c, s.c.t
	srcs := c.ds.Sources
	if len(srcs) == 0 {
		return st.Faint.Render(lt.NoData)
	}
	top := s.tableRows()
	off := window(s.row, s.offset, len(srcs), top-1)
	table := c.sources.render(st, 3, s.row, off, s.w, top)
	src := &srcs[s.row]
	info := []string{}
	if !src.Note.Empty() {
		info = append(info, st.Warn.Render(truncate(lt.Note+lt.Colon+clean(src.Note.In(string(c.lang))), s.w)))
	}
	if src.URL != "" {
		info = append(info, st.Faint.Render(truncate(clean(src.URL), s.w)))
	}
	rest := s.h - lipgloss.Height(table) - len(info) - 1
	return strings.Join(append(append([]string{table, ""}, info...), s.figures(st, rest)), "\n")
}

// figures lists what the selected source supplies, with the figure
// [ and ] move to highlighted, scrolled to keep it in view.
func (s *sources) figures(st *Styles, h int) string {
	if h < 2 {
		return ""
	}
	figs := s.c.figures[s.row]()
	n := len(figs.rows)
	if n+1 <= h {
		return figs.render(st, 0, s.figOff, 0, s.w, h)
	}
	// Not every figure fits: the last line says which are shown.
	rows := h - 1
	sel := clamp(s.figOff, 0, max(0, n-1))
	off := window(sel, max(0, sel-rows/2), n, rows-1)
	return figs.render(st, 0, sel, off, s.w, rows) + "\n" + st.Faint.Render(truncate(position(s.c.t, off, rows-1, n), s.w))
}
