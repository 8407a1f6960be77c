package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is the set of global bindings, shown in every tab's help.
type keyMap struct {
	Next key.Binding
	Prev key.Binding
	// Jump is the help entry for the tab number keys; Tabs match them.
	Jump key.Binding
	Tabs [numTabs]key.Binding
	Lang key.Binding
	Help key.Binding
	// CloseHelp closes the full help; while it is shown, Help's entry
	// gives way to it.
	CloseHelp key.Binding
	Quit      key.Binding
	// Interrupt quits even while a tab takes text input, when it is the
	// only way out that hints show.
	Interrupt key.Binding

	// Cite copies the highlighted figure's citation, CopyTable the
	// table on screen; Drill opens the highlighted figure on the
	// Indicators tab, and Back returns from there.
	Cite, CopyTable, Drill, Back key.Binding
}

// newKeyMap builds the global bindings with help text in the given labels.
func newKeyMap(t *labels) keyMap {
	k := keyMap{
		Next: key.NewBinding(key.WithKeys("tab", "right"), key.WithHelp("tab/→", t.KeyNext)),
		Prev: key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("⇧tab/←", t.KeyPrev)),
		Jump: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", t.KeyJump)),
		Lang: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", t.KeyLang)),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.KeyHelp)),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.KeyQuit)),

		CloseHelp: key.NewBinding(key.WithKeys("esc"), key.WithHelp("?/esc", t.KeyCloseHelp)),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t.KeyQuit)),

		Cite:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", t.KeyCite)),
		CopyTable: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", t.KeyCopyTable)),
		Drill:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyDrill)),
		Back:      key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc/backspace", t.KeyBack)),
	}
	for i := range k.Tabs {
		k.Tabs[i] = key.NewBinding(key.WithKeys(string(rune('1' + i))))
	}
	return k
}

// listKeys are the bindings shared by the tabs that show a list.
// PageUp's help names both page keys, so help lists only PageUp.
type listKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
}

func newListKeys(t *labels) listKeys {
	return listKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", t.KeyUp)),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", t.KeyDown)),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", t.KeyPage)),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", t.KeyPage)),
		Home:     key.NewBinding(key.WithKeys("home", "g")),
		End:      key.NewBinding(key.WithKeys("end", "G")),
	}
}

// move applies a list key to a cursor over n items with a page of size
// page, and reports whether the key was a list key.
func (k listKeys) move(msg tea.KeyPressMsg, cur, n, page int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		cur--
	case key.Matches(msg, k.Down):
		cur++
	case key.Matches(msg, k.PageUp):
		cur -= max(1, page)
	case key.Matches(msg, k.PageDown):
		cur += max(1, page)
	case key.Matches(msg, k.Home):
		cur = 0
	case key.Matches(msg, k.End):
		cur = n - 1
	default:
		return cur, false
	}
	return clamp(cur, 0, max(0, n-1)), true
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
