package ui

import "charm.land/bubbles/v2/key"

// keyMap is the set of global bindings, shown in every tab's help.
type keyMap struct {
	Next key.Binding
	Prev key.Binding
	Jump key.Binding
	Lang key.Binding
	Help key.Binding
	Quit key.Binding
}

// newKeyMap builds the global bindings with help text in the given labels.
func newKeyMap(t *labels) keyMap {
	return keyMap{
		Next: key.NewBinding(key.WithKeys("tab", "right"), key.WithHelp("tab/→", t.KeyNext)),
		Prev: key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("⇧tab/←", t.KeyPrev)),
		Jump: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", t.KeyJump)),
		Lang: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", t.KeyLang)),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.KeyHelp)),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.KeyQuit)),
	}
}

// listKeys are the bindings shared by the tabs that show a list.
type listKeys struct {
	Up   key.Binding
	Down key.Binding
	Page key.Binding
	Home key.Binding
	End  key.Binding
}

func newListKeys(t *labels) listKeys {
	return listKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", t.KeyUp)),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", t.KeyDown)),
		Page: key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", t.KeyPage)),
		Home: key.NewBinding(key.WithKeys("home", "g")),
		End:  key.NewBinding(key.WithKeys("end", "G")),
	}
}

// move applies a list key to a cursor over n items with a page of size
// page, and reports whether the key was a list key.
func (k listKeys) move(msg interface{ String() string }, cur, n, page int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		cur--
	case key.Matches(msg, k.Down):
		cur++
	case msg.String() == "pgup":
		cur -= max(1, page)
	case msg.String() == "pgdown":
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
