package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// indicators lists every metric by category, with a chart, a table of its
// figures and the source text of the highlighted one.
type indicators struct {
	c      *content
	k      *bindings
	filter textinput.Model
	typing bool

	items  []listItem // category headings and the metrics that pass the filter
	cursor int        // index into items; always on a metric when any
	offset int        // first visible item
	zone   int        // index into the selected metric's zones
	row    int        // highlighted figure in the table
	w, h   int
}

type listItem struct {
	heading string
	metric  *data.Metric
}

type indicatorKeys struct {
	Filter, Clear, Accept, Zone, RowUp, RowDown key.Binding
}

func newIndicators() *indicators {
	ti := textinput.New()
	ti.Prompt = ""
	return &indicators{filter: ti}
}

func (t *indicators) ShortHelp() []key.Binding {
	k := t.k.ind
	if t.typing {
		return []key.Binding{k.Accept, k.Clear}
	}
	return []key.Binding{t.k.list.Up, t.k.list.Down, k.Filter, k.Zone, k.RowDown}
}

func (t *indicators) FullHelp() [][]key.Binding {
	l, k := t.k.list, t.k.ind
	return [][]key.Binding{{l.Up, l.Down, l.PageUp}, {k.Filter, k.Clear, k.Zone}, {k.RowDown}}
}

func (t *indicators) Capturing() bool { return t.typing }

// SetSize implements tab.
func (t *indicators) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.c != nil {
		t.filter.SetWidth(max(1, t.listWidth()-lipgloss.Width(t.c.t.Filter)-2))
		t.scroll()
	}
}

// SetContent implements tab: the selected metric stays selected if the
// new content has it, by id, and passes the filter.
func (t *indicators) SetContent(c *content, k *bindings) {
	t.k = k
	sel := t.Selected()
	t.c = c
	t.filter.SetWidth(max(1, t.listWidth()-lipgloss.Width(c.t.Filter)-2))
	t.rebuild(sel)
	if m := t.Selected(); m != nil {
		t.zone = clamp(t.zone, 0, max(0, len(m.Zones(c.ds))-1))
	}
}

// rebuild recomputes the filtered list, keeping sel selected if it passes.
func (t *indicators) rebuild(sel *data.Metric) {
	q := strings.ToLower(strings.TrimSpace(t.filter.Value()))
	t.items = t.items[:0]
	for i, it := range t.c.items {
		if it.metric == nil {
			// A heading, kept if a metric under it passes.
			for _, next := range t.c.items[i+1:] {
				if next.metric == nil {
					break
				}
				if matches(next.metric, q) {
					t.items = append(t.items, it)
					break
				}
			}
			continue
		}
		if matches(it.metric, q) {
			t.items = append(t.items, it)
		}
	}
	t.cursor = -1
	for i, it := range t.items {
		if it.metric != nil && (t.cursor < 0 || it.metric == sel) {
			t.cursor = i
		}
		if sel != nil && it.metric != nil && it.metric.ID == sel.ID {
			t.cursor = i
			break
		}
	}
	t.scroll()
}

// matches reports whether a metric's id or either name contains q.
func matches(m *data.Metric, q string) bool {
	if q == "" {
		return true
	}
	for _, s := range []string{m.ID, m.Name.Zh, m.Name.En} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

func (t *indicators) selectedItem() *listItem {
	if t.cursor < 0 || t.cursor >= len(t.items) {
		return nil
	}
	return &t.items[t.cursor]
}

// Selected returns the metric under the cursor, or nil.
func (t *indicators) Selected() *data.Metric {
	if it := t.selectedItem(); it != nil {
		return it.metric
	}
	return nil
}

// Update implements tab.
func (t *indicators) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if t.typing {
			return t, t.updateFilter(msg)
		}
		t.handleKey(msg)
	case tea.MouseClickMsg:
		// The list's first row is the filter line.
		if mo := msg.Mouse(); mo.X < t.listWidth() && mo.Y >= 1 {
			if i := t.offset + mo.Y - 1; i < len(t.items) && t.items[i].metric != nil && i != t.cursor {
				t.cursor, t.zone, t.row = i, 0, 0
				t.scroll()
			}
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			t.moveMetric(-1)
		} else {
			t.moveMetric(1)
		}
	}
	return t, nil
}

func (t *indicators) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, t.k.ind.Accept):
		t.typing = false
		t.filter.Blur()
		return nil
	case key.Matches(msg, t.k.ind.Clear):
		t.typing = false
		t.filter.Blur()
		t.filter.SetValue("")
		t.rebuild(t.Selected())
		return nil
	}
	var cmd tea.Cmd
	t.filter, cmd = t.filter.Update(msg)
	t.rebuild(t.Selected())
	return cmd
}

func (t *indicators) handleKey(msg tea.KeyPressMsg) {
	switch {
	case key.Matches(msg, t.k.ind.Filter):
		t.typing = true
		t.filter.Focus()
	case key.Matches(msg, t.k.ind.Clear):
		t.filter.SetValue("")
		t.rebuild(t.Selected())
	case key.Matches(msg, t.k.ind.Zone):
		if m := t.Selected(); m != nil {
			t.zone = (t.zone + 1) % max(1, len(m.Zones(t.c.ds)))
			t.row = 0
		}
	case key.Matches(msg, t.k.ind.RowUp):
		t.row = max(0, t.row-1)
	case key.Matches(msg, t.k.ind.RowDown):
		if m := t.Selected(); m != nil {
			fs, _ := t.figureRows(m, t.zoneID(m))
			t.row = clamp(t.row+1, 0, max(0, len(fs)-1))
		}
	case key.Matches(msg, t.k.list.Up):
		t.moveMetric(-1)
	case key.Matches(msg, t.k.list.Down):
		t.moveMetric(1)
	case key.Matches(msg, t.k.list.PageUp):
		t.moveMetric(-max(1, t.h-2))
	case key.Matches(msg, t.k.list.PageDown):
		t.moveMetric(max(1, t.h-2))
	case key.Matches(msg, t.k.list.Home):
		t.moveMetric(-len(t.items))
	case key.Matches(msg, t.k.list.End):
		t.moveMetric(len(t.items))
	}
}

// moveMetric moves the cursor by n metrics, skipping headings.
func (t *indicators) moveMetric(n int) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		next := t.cursor + step
		for next >= 0 && next < len(t.items) && t.items[next].metric == nil {
			next += step
		}
		if next < 0 || next >= len(t.items) {
			break
		}
		t.cursor = next
	}
	t.zone, t.row = 0, 0
	t.scroll()
}

// scroll keeps the cursor, and its heading, inside the visible list.
func (t *indicators) scroll() {
	rows := t.listRows()
	if t.cursor-1 < t.offset {
		t.offset = max(0, t.cursor-1)
	}
	if t.cursor >= t.offset+rows {
		t.offset = t.cursor - rows + 1
	}
	t.offset = clamp(t.offset, 0, max(0, len(t.items)-rows))
}

// listWidth fits the longest metric name in the current language, within
// 22 columns and a third of the screen: the names give way before the
// figures beside them.
func (t *indicators) listWidth() int { return clamp(t.c.nameW+3, 22, max(22, t.w/3)) }
func (t *indicators) listRows() int  { return max(1, t.h-1) }

// View implements tab.
func (t *indicators) View(st *Styles, mm *memo) string {
	lw := t.listWidth()
	sep := st.Faint.Render(strings.Repeat("│\n", max(0, t.h-1)) + "│")
	left := st.Block.Width(lw).MaxWidth(lw).Render(t.viewList(st, lw-1))
	right := t.viewDetail(st, mm, t.detailWidth())
	return lipgloss.JoinHorizontal(lipgloss.Top, left, sep, " ", right)
}

// detailWidth is the width of the pane right of the list.
func (t *indicators) detailWidth() int { return max(1, t.w-t.listWidth()-2) }

// viewList renders the filter line and the visible part of the list.
func (t *indicators) viewList(st *Styles, w int) string {
	c := t.c
	var b strings.Builder
	switch {
	case t.typing:
		b.WriteString(st.Filter.Render(c.t.Filter) + t.filter.View())
	case t.filter.Value() != "":
		b.WriteString(st.Filter.Render(truncate(c.t.Filter+clean(t.filter.Value()), w)))
	default:
		b.WriteString(st.Faint.Render(truncate("/ "+c.t.KeyFilter, w)))
	}
	if len(t.items) == 0 {
		b.WriteString("\n" + st.Faint.Render(truncate(c.t.NoMatch, w)))
		return b.String()
	}
	end := min(len(t.items), t.offset+t.listRows())
	for i := t.offset; i < end; i++ {
		it := t.items[i]
		b.WriteString("\n")
		switch {
		case it.metric == nil:
			b.WriteString(st.Category.Render(truncate(it.heading, w)))
		case i == t.cursor:
			b.WriteString(st.Selected.Render(padRight(truncate(">"+name(it.metric.Name, c.lang), w), w)))
		default:
			b.WriteString(truncate(" "+name(it.metric.Name, c.lang), w))
		}
	}
	return b.String()
}

// focus selects the metric with id, or with id "" the first metric with
// figures for zone, and that zone when zone is not "". It clears the
// filter, and reports whether it found them.
func (t *indicators) focus(id, zone string) bool {
	t.filter.SetValue("")
	t.rebuild(nil)
	for i, it := range t.items {
		m := it.metric
		if m == nil || (id != "" && m.ID != id) {
			continue
		}
		zi := 0
		if zone != "" {
			zi = indexOf(m.Zones(t.c.ds), zone)
			if zi < 0 {
				continue
			}
		}
		t.cursor, t.zone, t.row = i, zi, 0
		t.scroll()
		return true
	}
	return false
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}
