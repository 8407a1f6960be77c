package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// sources lists the source articles and the figures each supplies.
type sources struct {
	env    *env
	keys   sourceKeys
	row    int
	offset int // the first source on screen, kept so that a click finds its row
	figOff int
	w, h   int
	// list and figs are built on first view after a change of data or
	// language; figsFor is the source row figs belongs to.
	list    *grid
	figs    *grid
	figsFor int
}

type sourceKeys struct {
	FigUp, FigDown key.Binding
}

func newSources(e *env) *sources {
	s := &sources{env: e}
	s.Refresh()
	return s
}

func (s *sources) ShortHelp() []key.Binding {
	return []key.Binding{s.env.list.Up, s.env.list.Down, s.keys.FigDown}
}

func (s *sources) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.env.list.Up, s.env.list.Down}, {s.keys.FigDown}}
}

func (s *sources) Capturing() bool { return false }

// SetSize implements tab.
func (s *sources) SetSize(w, h int) { s.w, s.h = w, h }

// Refresh implements tab.
func (s *sources) Refresh() {
	lt := s.env.t
	s.keys = sourceKeys{
		FigUp:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", lt.KeyRow)),
		FigDown: key.NewBinding(key.WithKeys("]"), key.WithHelp("[/]", lt.KeyRow)),
	}
	s.row = clamp(s.row, 0, max(0, len(s.env.ds.Sources)-1))
	s.list, s.figs = nil, nil
}

// Update implements tab.
func (s *sources) Update(msg tea.Msg) (tab, tea.Cmd) {
	if c, ok := msg.(tea.MouseClickMsg); ok {
		// The table's first row is its header.
		if mo := c.Mouse(); mo.Y >= 1 {
			if i := s.offset + mo.Y - 1; i < len(s.env.ds.Sources) && i != s.row {
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
	case key.Matches(k, s.keys.FigUp):
		s.figOff = max(0, s.figOff-1)
	case key.Matches(k, s.keys.FigDown):
		if len(s.env.ds.Sources) > 0 {
			n := len(s.env.ds.FiguresFrom(s.env.ds.Sources[s.row].ID))
			s.figOff = clamp(s.figOff+1, 0, max(0, n-1))
		}
	default:
		if row, moved := s.env.list.move(k, s.row, len(s.env.ds.Sources), 1); moved && row != s.row {
			s.row, s.figOff = row, 0
		}
	}
	return s, nil
}

// View implements tab.
func (s *sources) View() string {
	e, lt := s.env, s.env.t
	srcs := e.ds.Sources
	if len(srcs) == 0 {
		return e.st.Faint.Render(lt.NoData)
	}
	if s.list == nil {
		s.list = s.buildList()
	}
	top := min(len(srcs)+1, max(3, s.h/2))
	s.offset = window(s.row, s.offset, len(srcs), top-1)
	table := s.list.render(&e.st, 3, s.row, s.offset, s.w, top)
	src := &srcs[s.row]
	info := []string{}
	if !src.Note.Empty() {
		info = append(info, e.st.Warn.Render(truncate(lt.Note+lt.Colon+clean(src.Note.In(string(e.lang))), s.w)))
	}
	if src.URL != "" {
		info = append(info, e.st.Faint.Render(truncate(clean(src.URL), s.w)))
	}
	rest := s.h - lipgloss.Height(table) - len(info) - 1
	return strings.Join(append(append([]string{table, ""}, info...), s.figures(rest)), "\n")
}

// buildList lays out the sources table once.
func (s *sources) buildList() *grid {
	e, lt := s.env, s.env.t
	rows := make([][]string, len(e.ds.Sources))
	for i := range e.ds.Sources {
		src := &e.ds.Sources[i]
		date := clean(src.Date)
		if src.DateInferred {
			date += "(" + lt.Inferred + ")"
		}
		rows[i] = []string{clean(src.Publisher), date, fmt.Sprint(len(e.ds.FiguresFrom(src.ID))), s.title(src)}
	}
	return newGrid([]string{lt.ColPublisher, lt.ColDate, lt.ColFigures, lt.ColTitle}, rows)
}

func (s *sources) title(src *data.Source) string {
	if s.env.lang == En && src.TitleEn != "" {
		return clean(src.TitleEn)
	}
	return clean(src.Title)
}

// figures lists what the selected source supplies, scrolled by figOff.
func (s *sources) figures(h int) string {
	if h < 2 {
		return ""
	}
	if s.figs == nil || s.figsFor != s.row {
		s.figs, s.figsFor = s.buildFigures(s.env.ds.Sources[s.row].ID), s.row
	}
	off := clamp(s.figOff, 0, max(0, len(s.figs.rows)-(h-1)))
	return s.figs.render(&s.env.st, 0, -1, off, s.w, h)
}

// buildFigures lays out one source's figures once.
func (s *sources) buildFigures(id string) *grid {
	e, lt := s.env, s.env.t
	refs := e.ds.FiguresFrom(id)
	rows := make([][]string, len(refs))
	for i, r := range refs {
		zone := lt.CityWide
		if z := e.ds.Zone(r.Figure.Zone); z != nil {
			zone = name(z.Name, e.lang)
		}
		v := e.figureValue(r.Metric, r.Figure)
		if r.Figure.Comparator != "" {
			v = r.Figure.Comparator + " " + v
		}
		rows[i] = []string{name(r.Metric.Name, e.lang), zone, shortLabel(r.Figure, e.lang), v, lt.kind(r.Figure.Kind)}
	}
	return newGrid([]string{lt.ColIndicator, lt.ColZone, lt.ColYear, lt.ColValue, lt.ColKind}, rows)
}
