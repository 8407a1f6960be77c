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
	env    *env
	keys   indicatorKeys
	filter textinput.Model
	typing bool

	items  []listItem // category headings and the metrics that pass the filter
	nameW  int        // the widest metric name in the current language
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

func newIndicators(e *env) *indicators {
	ti := textinput.New()
	ti.Prompt = ""
	t := &indicators{env: e, filter: ti}
	t.Refresh()
	return t
}

func (t *indicators) ShortHelp() []key.Binding {
	if t.typing {
		return []key.Binding{t.keys.Accept, t.keys.Clear}
	}
	return []key.Binding{t.env.list.Up, t.env.list.Down, t.keys.Filter, t.keys.Zone, t.keys.RowDown}
}

func (t *indicators) FullHelp() [][]key.Binding {
	l := t.env.list
	return [][]key.Binding{{l.Up, l.Down, l.Page}, {t.keys.Filter, t.keys.Clear, t.keys.Zone}, {t.keys.RowDown}}
}

func (t *indicators) Capturing() bool { return t.typing }

// SetSize implements tab.
func (t *indicators) SetSize(w, h int) {
	t.w, t.h = w, h
	t.filter.SetWidth(max(1, t.listWidth()-lipgloss.Width(t.env.t.Filter)-2))
	t.scroll()
}

// Refresh implements tab.
func (t *indicators) Refresh() {
	lt := t.env.t
	t.keys = indicatorKeys{
		Filter:  key.NewBinding(key.WithKeys("/"), key.WithHelp("/", lt.KeyFilter)),
		Clear:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", lt.KeyClear)),
		Accept:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", lt.KeyAccept)),
		Zone:    key.NewBinding(key.WithKeys("z"), key.WithHelp("z", lt.KeyZone)),
		RowUp:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", lt.KeyRow)),
		RowDown: key.NewBinding(key.WithKeys("]"), key.WithHelp("[/]", lt.KeyRow)),
	}
	var sel *data.Metric
	if it := t.selectedItem(); it != nil {
		sel = it.metric
	}
	t.nameW = 0
	for i := range t.env.ds.Metrics {
		t.nameW = max(t.nameW, lipgloss.Width(name(t.env.ds.Metrics[i].Name, t.env.lang)))
	}
	t.rebuild(sel)
}

// rebuild recomputes the filtered list, keeping sel selected if it passes.
func (t *indicators) rebuild(sel *data.Metric) {
	ds, q := t.env.ds, strings.ToLower(strings.TrimSpace(t.filter.Value()))
	t.items = t.items[:0]
	for _, c := range ds.Categories {
		first := true
		for i := range ds.Metrics {
			m := &ds.Metrics[i]
			if m.Category != c.ID || !matches(m, q) {
				continue
			}
			if first {
				t.items = append(t.items, listItem{heading: name(c.Name, t.env.lang)})
				first = false
			}
			t.items = append(t.items, listItem{metric: m})
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
	case key.Matches(msg, t.keys.Accept):
		t.typing = false
		t.filter.Blur()
		return nil
	case key.Matches(msg, t.keys.Clear):
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
	case key.Matches(msg, t.keys.Filter):
		t.typing = true
		t.filter.Focus()
	case key.Matches(msg, t.keys.Clear):
		t.filter.SetValue("")
		t.rebuild(t.Selected())
	case key.Matches(msg, t.keys.Zone):
		if m := t.Selected(); m != nil {
			t.zone = (t.zone + 1) % max(1, len(m.Zones(t.env.ds)))
			t.row = 0
		}
	case key.Matches(msg, t.keys.RowUp):
		t.row = max(0, t.row-1)
	case key.Matches(msg, t.keys.RowDown):
		if m := t.Selected(); m != nil {
			fs, _ := t.figureRows(m, t.zoneID(m))
			t.row = clamp(t.row+1, 0, max(0, len(fs)-1))
		}
	case key.Matches(msg, t.env.list.Up):
		t.moveMetric(-1)
	case key.Matches(msg, t.env.list.Down):
		t.moveMetric(1)
	case msg.String() == "pgup":
		t.moveMetric(-max(1, t.h-2))
	case msg.String() == "pgdown":
		t.moveMetric(max(1, t.h-2))
	case key.Matches(msg, t.env.list.Home):
		t.moveMetric(-len(t.items))
	case key.Matches(msg, t.env.list.End):
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
// 22 columns and two fifths of the screen.
func (t *indicators) listWidth() int { return clamp(t.nameW+3, 22, max(22, t.w*2/5)) }
func (t *indicators) listRows() int  { return max(1, t.h-1) }

// View implements tab.
func (t *indicators) View() string {
	lw := t.listWidth()
	sep := t.env.st.Faint.Render(strings.Repeat("│\n", max(0, t.h-1)) + "│")
	left := lipgloss.NewStyle().Width(lw).MaxWidth(lw).Render(t.viewList(lw - 1))
	right := t.viewDetail(max(1, t.w-lw-2))
	return lipgloss.JoinHorizontal(lipgloss.Top, left, sep, " ", right)
}

// viewList renders the filter line and the visible part of the list.
func (t *indicators) viewList(w int) string {
	e := t.env
	var b strings.Builder
	switch {
	case t.typing:
		b.WriteString(e.st.Filter.Render(e.t.Filter) + t.filter.View())
	case t.filter.Value() != "":
		b.WriteString(e.st.Filter.Render(truncate(e.t.Filter+clean(t.filter.Value()), w)))
	default:
		b.WriteString(e.st.Faint.Render(truncate("/ "+e.t.KeyFilter, w)))
	}
	if len(t.items) == 0 {
		b.WriteString("\n" + e.st.Faint.Render(truncate(e.t.NoMatch, w)))
		return b.String()
	}
	end := min(len(t.items), t.offset+t.listRows())
	for i := t.offset; i < end; i++ {
		it := t.items[i]
		b.WriteString("\n")
		switch {
		case it.metric == nil:
			b.WriteString(e.st.Category.Render(truncate(it.heading, w)))
		case i == t.cursor:
			b.WriteString(e.st.Selected.Render(padRight(truncate(">"+name(it.metric.Name, e.lang), w), w)))
		default:
			b.WriteString(truncate(" "+name(it.metric.Name, e.lang), w))
		}
	}
	return b.String()
}
