package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// citer is a tab that highlights a figure, which y cites and Enter
// opens on the Indicators tab.
type citer interface {
	// highlighted returns the highlighted figure, if any.
	highlighted() (data.FigureRef, bool)
}

// tabler is a tab that shows a table, which Y copies.
type tabler interface {
	// plainTable returns the table's header and every row, unstyled;
	// ok is false when the tab shows none.
	plainTable() (head []string, rows [][]string, ok bool)
	// hasTable reports, without building it, whether plainTable has
	// rows to give.
	hasTable() bool
}

// cite copies the citation of the highlighted figure, or conflict, to
// the clipboard by OSC 52, which reaches the local clipboard over SSH
// too, and says so in a notice.
func (m *Model) cite() tea.Cmd {
	text, ok := m.citation()
	if !ok {
		return m.flash(m.c.t.NothingToCite)
	}
	return tea.Batch(tea.SetClipboard(text), m.flash(fmt.Sprintf(m.c.t.Copied, text)))
}

// citation is the citation of what the tab on screen highlights, in the
// language on screen: a conflict's cites every side of it.
func (m *Model) citation() (string, bool) {
	t := m.tabs[m.active]
	if d, ok := t.(disputer); ok {
		if k, ok := d.disputed(); ok {
			return data.ConflictCitation(m.ds, k, string(m.lang)), true
		}
	}
	if c, ok := t.(citer); ok {
		if r, ok := c.highlighted(); ok {
			return data.Citation(m.ds, r, string(m.lang)), true
		}
	}
	return "", false
}

// copyTable copies the table on screen, every row of it, as
// tab-separated values that paste into a spreadsheet.
func (m *Model) copyTable() tea.Cmd {
	t, ok := m.tabs[m.active].(tabler)
	if !ok {
		return m.flash(m.c.t.NoTable)
	}
	head, rows, ok := t.plainTable()
	if !ok {
		return m.flash(m.c.t.NoTable)
	}
	return tea.Batch(tea.SetClipboard(tsv(head, rows)), m.flash(fmt.Sprintf(m.c.t.CopiedTable, len(rows))))
}

// flash shows a notice until noticeFor has passed or another notice
// takes its place.
func (m *Model) flash(text string) tea.Cmd {
	m.noticeID++
	m.notice = text
	id := m.noticeID
	return tea.Tick(noticeFor, func(time.Time) tea.Msg { return clearNoticeMsg{id} })
}

// tsv writes a table as tab-separated values, a line a row. Cells are
// sanitized, which turns their tabs and line breaks into spaces.
func tsv(head []string, rows [][]string) string {
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(strings.TrimSpace(data.Sanitize(c)))
		}
		b.WriteByte('\n')
	}
	line(head)
	for _, r := range rows {
		line(r)
	}
	return b.String()
}

// highlighted implements citer: the figure [ and ] highlight in the
// table of the selected metric and zone.
func (t *indicators) highlighted() (data.FigureRef, bool) {
	m := t.Selected()
	if m == nil {
		return data.FigureRef{}, false
	}
	fs, _ := t.figureRows(m, t.zoneID(m))
	if len(fs) == 0 {
		return data.FigureRef{}, false
	}
	return data.FigureRef{Metric: m, Figure: fs[clamp(t.row, 0, len(fs)-1)]}, true
}

// plainTable implements tabler: the figures of the selected metric and
// zone.
func (t *indicators) plainTable() ([]string, [][]string, bool) {
	m := t.Selected()
	if m == nil {
		return nil, nil, false
	}
	fs, changes := t.figureRows(m, t.zoneID(m))
	head, rows := t.figureCells(m, fs, changes)
	return head, rows, true
}

// hasTable implements tabler.
func (t *indicators) hasTable() bool { return t.Selected() != nil }

// highlighted implements citer: the highlighted row's target.
func (t *targets) highlighted() (data.FigureRef, bool) {
	if len(t.c.targets) == 0 {
		return data.FigureRef{}, false
	}
	v := t.c.targets[clamp(t.row, 0, len(t.c.targets)-1)].v
	return data.FigureRef{Metric: v.Metric, Figure: v.Target}, true
}

// plainTable implements tabler: every target, with the full status and
// the relative gap, whatever the width on screen.
func (t *targets) plainTable() ([]string, [][]string, bool) {
	if len(t.c.targets) == 0 {
		return nil, nil, false
	}
	rows := make([][]string, len(t.c.targets))
	for i, r := range t.c.targets {
		rows[i] = r.cells(medium, true)
	}
	return t.c.targetHead(medium), rows, true
}

// hasTable implements tabler.
func (t *targets) hasTable() bool { return len(t.c.targets) > 0 }

// highlighted implements citer: the figure [ and ] highlight among the
// selected source's.
func (s *sources) highlighted() (data.FigureRef, bool) {
	if s.row >= len(s.c.ds.Sources) {
		return data.FigureRef{}, false
	}
	refs := s.c.ds.FiguresFrom(s.c.ds.Sources[s.row].ID)
	if len(refs) == 0 {
		return data.FigureRef{}, false
	}
	return refs[clamp(s.figOff, 0, len(refs)-1)], true
}

// plainTable implements tabler: the figures the selected source
// supplies, the table y cites from.
func (s *sources) plainTable() ([]string, [][]string, bool) {
	if s.row >= len(s.c.figures) {
		return nil, nil, false
	}
	figs := s.c.figures[s.row]()
	return figs.head, figs.rows, true
}

// hasTable implements tabler.
func (s *sources) hasTable() bool { return s.row < len(s.c.figures) }

// actions are the bindings that copy, drill down and come back, each
// enabled only where it works now: y and Enter while the tab on screen
// highlights a figure (Enter not on the Indicators tab, where the figure
// already is), Y while it shows a table, and Esc or Backspace on the
// Indicators tab that Enter opened. Help leaves the disabled ones out.
func (m *Model) actions() (cite, drill, table, back key.Binding) {
	k := m.k.keys
	cite, drill, table, back = k.Cite, k.Drill, k.CopyTable, k.Back
	t := m.tabs[m.active]
	figure := false
	if c, ok := t.(citer); ok {
		_, figure = c.highlighted()
	}
	tb, hasTable := t.(tabler)
	cite.SetEnabled(figure)
	drill.SetEnabled(figure && m.active != TabIndicators)
	table.SetEnabled(hasTable && tb.hasTable())
	back.SetEnabled(m.drilled && m.active == TabIndicators)
	return cite, drill, table, back
}

// copyHelp is the full help's group of the keys that copy, drill down
// and come back, with only those that work on the tab on screen now.
func (m *Model) copyHelp() [][]key.Binding {
	cite, drill, table, back := m.actions()
	if g := enabled(cite, drill, table, back); len(g) > 0 {
		return [][]key.Binding{g}
	}
	return nil
}

// enabled keeps the bindings that are enabled.
func enabled(bs ...key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}
