package ui

import (
	"sync"

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
	// Indicators tab, and Back returns from there. Dismiss closes the
	// config file's banner.
	Cite, CopyTable, Drill, Back, Dismiss key.Binding
}

// Keys are a dashboard's keys, remaps applied, in both languages. They
// are never changed once built, so that any number of dashboards share
// them, such as a server's sessions.
type Keys struct {
	zh, en func() *bindings
}

// NewKeys returns the keys with remaps r applied, each language's built
// on first use. Keys that are badly written (see CheckKey) or fixed (see
// FixedKeys) leave an action its default keys. The dashboards never
// change r, which may be shared.
func NewKeys(r KeyRemaps) *Keys {
	return &Keys{
		zh: sync.OnceValue(func() *bindings { return newBindings(labelsFor(Zh), r) }),
		en: sync.OnceValue(func() *bindings { return newBindings(labelsFor(En), r) }),
	}
}

// in returns the keys with help in language l.
func (k *Keys) in(l Lang) *bindings {
	if l == En {
		return k.en()
	}
	return k.zh()
}

// bindings are a dashboard's keys in one language, its remaps applied:
// the global ones, the list keys every tab shares, and the Indicators and
// Sources tabs' own. The help shows each binding's live keys.
type bindings struct {
	keys keyMap
	list listKeys
	ind  indicatorKeys
	src  sourceKeys
}

// newBindings builds the keys of a dashboard with help text in labels t,
// its remaps r applied.
func newBindings(t *labels, r KeyRemaps) *bindings {
	fixed, acts := FixedKeys(), map[string]Action{}
	for _, a := range Actions() {
		acts[a.Name] = a
	}
	keys := func(name string) []string { return keysFor(acts[name], r, fixed) }
	bind := func(name, desc string) key.Binding {
		ks := keys(name)
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(keyLabel(ks), desc))
	}
	b := &bindings{}
	k := &b.keys
	k.Next, k.Prev = bind("next", t.KeyNext), bind("prev", t.KeyPrev)
	k.Jump = key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", t.KeyJump))
	k.Lang, k.Help, k.Quit = bind("lang", t.KeyLang), bind("help", t.KeyHelp), bind("quit", t.KeyQuit)
	k.CloseHelp = key.NewBinding(key.WithKeys("esc"), key.WithHelp(keyLabel(keys("help"))+"/esc", t.KeyCloseHelp))
	k.Interrupt = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t.KeyQuit))
	k.Cite, k.CopyTable = bind("cite", t.KeyCite), bind("copy-table", t.KeyCopyTable)
	k.Drill, k.Back = bind("drill", t.KeyDrill), bind("back", t.KeyBack)
	k.Dismiss = bind("dismiss", t.KeyDismiss)
	for i := range k.Tabs {
		k.Tabs[i] = key.NewBinding(key.WithKeys(string(rune('1' + i))))
	}
	b.list = listKeys{Up: bind("up", t.KeyUp), Down: bind("down", t.KeyDown),
		PageUp: bind("page-up", t.KeyPage), PageDown: bind("page-down", t.KeyPage),
		Home: key.NewBinding(key.WithKeys(keys("home")...)), End: key.NewBinding(key.WithKeys(keys("end")...))}
	// PageUp's help names both page keys, so help lists only PageUp.
	b.list.PageUp.SetHelp(keyLabel(keys("page-up"))+"/"+keyLabel(keys("page-down")), t.KeyPage)
	b.ind = indicatorKeys{Filter: bind("filter", t.KeyFilter), Zone: bind("zone", t.KeyZone),
		Clear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.KeyClear)),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyAccept))}
	// RowDown's help names both figure keys, so help lists only it.
	b.ind.RowUp, b.ind.RowDown = bind("figure-up", t.KeyRow), bind("figure-down", t.KeyRow)
	b.ind.RowDown.SetHelp(keyLabel(keys("figure-up"))+"/"+keyLabel(keys("figure-down")), t.KeyRow)
	b.src.FigUp, b.src.FigDown = b.ind.RowUp, b.ind.RowDown
	return b
}

// listKeys are the bindings shared by the tabs that show a list.
type listKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
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
