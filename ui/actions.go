package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// KeyRemaps maps the name of an action (see Actions) to the keys that
// replace its default ones, written as Bubble Tea names key presses
// ("tab", "shift+tab", "ctrl+n", "l"). Actions it does not name keep
// their default keys. A dashboard never changes it.
type KeyRemaps map[string][]string

// Action is a dashboard action whose keys a config file may remap.
type Action struct {
	// Name is how a config file names it: next, page-up, figure-down.
	Name string
	// Keys are its default keys.
	Keys []string
	// Where says where it acts, for lzdash config and the README.
	Where string
	tabs  tabSet
}

// tabSet is a set of tabs, a bit per tab.
type tabSet uint8

const (
	allTabs        tabSet = 1<<numTabs - 1
	indicatorsTab  tabSet = 1 << TabIndicators
	figureTabs     tabSet = 1<<TabIndicators | 1<<TabSources
	notIndicators         = allTabs &^ indicatorsTab
	maxKeysPerName        = 8
	maxKeyLen             = 32
)

// Overlaps reports whether a and b can both act on the same screen, so
// that one key cannot serve both.
func (a Action) Overlaps(b Action) bool { return a.tabs&b.tabs != 0 }

// Actions returns the actions a config file may remap, with their
// default keys. The keys that are not here cannot be remapped: ctrl+c
// and the tab numbers (see FixedKeys), Esc closing the full help, and
// Enter and Esc while typing a filter, when every other key is typed.
func Actions() []Action {
	return []Action{
		{Name: "next", Keys: []string{"tab", "right"}, Where: "every tab: the next tab", tabs: allTabs},
		{Name: "prev", Keys: []string{"shift+tab", "left"}, Where: "every tab: the previous tab", tabs: allTabs},
		{Name: "lang", Keys: []string{"L"}, Where: "every tab: switch between Chinese and English", tabs: allTabs},
		{Name: "help", Keys: []string{"?"}, Where: "every tab: open and close the full help", tabs: allTabs},
		{Name: "quit", Keys: []string{"q"}, Where: "every tab: quit (ctrl+c always quits too)", tabs: allTabs},
		{Name: "cite", Keys: []string{"y"}, Where: "every tab: copy the highlighted figure's citation", tabs: allTabs},
		{Name: "copy-table", Keys: []string{"Y"}, Where: "every tab: copy the table on screen", tabs: allTabs},
		{Name: "dismiss", Keys: []string{"x"}, Where: "every tab: dismiss the config file's banner", tabs: allTabs},
		{Name: "drill", Keys: []string{"enter"}, Where: "tabs other than Indicators: open the highlighted figure there", tabs: notIndicators},
		{Name: "back", Keys: []string{"esc", "backspace"}, Where: "Indicators: go back to where drill came from", tabs: indicatorsTab},
		{Name: "up", Keys: []string{"up", "k"}, Where: "every tab: move up or scroll", tabs: allTabs},
		{Name: "down", Keys: []string{"down", "j"}, Where: "every tab: move down or scroll", tabs: allTabs},
		{Name: "page-up", Keys: []string{"pgup"}, Where: "every tab: a page up", tabs: allTabs},
		{Name: "page-down", Keys: []string{"pgdown"}, Where: "every tab: a page down", tabs: allTabs},
		{Name: "home", Keys: []string{"home", "g"}, Where: "every tab: to the top", tabs: allTabs},
		{Name: "end", Keys: []string{"end", "G"}, Where: "every tab: to the bottom", tabs: allTabs},
		{Name: "filter", Keys: []string{"/"}, Where: "Indicators: type a filter", tabs: indicatorsTab},
		{Name: "zone", Keys: []string{"z"}, Where: "Indicators: switch between city-wide and zone figures", tabs: indicatorsTab},
		{Name: "figure-up", Keys: []string{"["}, Where: "Indicators, Sources: the previous figure", tabs: figureTabs},
		{Name: "figure-down", Keys: []string{"]"}, Where: "Indicators, Sources: the next figure", tabs: figureTabs},
	}
}

// FindAction returns the action called name.
func FindAction(name string) (Action, bool) {
	for _, a := range Actions() {
		if a.Name == name {
			return a, true
		}
	}
	return Action{}, false
}

// FixedKeys returns the keys no remap may take, with what they do.
func FixedKeys() map[string]string {
	k := map[string]string{"ctrl+c": "always quits"}
	for i := range numTabs {
		k[strconv.Itoa(i+1)] = "opens tab " + strconv.Itoa(i+1)
	}
	return k
}

// modifier returns the place of m among the modifiers of a key press, in
// the order Bubble Tea names them, or -1 when m is none.
func modifier(m string) int {
	for i, name := range [...]string{"ctrl", "alt", "shift", "meta", "hyper", "super"} {
		if m == name {
			return i
		}
	}
	return -1
}

// CheckKey reports what is wrong with s as a key a binding matches: it
// must be written as Bubble Tea names a key press, modifiers first in
// its order, then one character or the name of a key. The error quotes
// s escaped and cut short.
func CheckKey(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("an empty key")
	case len(s) > maxKeyLen || !utf8.ValidString(s):
		return fmt.Errorf("%.40q is not a key", s)
	case s == " ":
		return fmt.Errorf(`" " is written space`)
	}
	base, mods := s, []string{}
	for {
		mod, rest, ok := strings.Cut(base, "+")
		if !ok || rest == "" || modifier(mod) < 0 {
			break
		}
		mods, base = append(mods, mod), rest
	}
	if !isKeyName(base) && !isKeyChar(base) {
		return fmt.Errorf("%.40q is not a key: use one character or a key name such as tab, enter, esc, space, up, pgdown, f1, with modifiers such as ctrl+", s)
	}
	last := -1
	for _, m := range mods {
		at := modifier(m)
		if at <= last {
			return fmt.Errorf("%.40q never arrives: write modifiers once each, in the order ctrl+alt+shift+meta+hyper+super", s)
		}
		last = at
	}
	if len(mods) == 1 && mods[0] == "shift" && isKeyChar(base) {
		return fmt.Errorf("%.40q never arrives: a shifted character arrives as the character typed, such as %q", s, strings.ToUpper(base))
	}
	return nil
}

// isKeyChar reports whether s is one visible character, a key that
// types it.
func isKeyChar(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Mn, r)
}

// isKeyName reports whether s is the name Bubble Tea gives a key that
// types no character.
func isKeyName(s string) bool {
	switch s {
	case "enter", "tab", "backspace", "esc", "space", "up", "down", "left", "right", "begin", "find",
		"insert", "delete", "select", "pgup", "pgdown", "home", "end":
		return true
	}
	if n, ok := strings.CutPrefix(s, "f"); ok && n != "" && n[0] != '0' {
		i, err := strconv.Atoi(n)
		return err == nil && i >= 1 && i <= 63
	}
	return false
}

// keyLabel is how the help names keys: each as short as it reads, joined
// by slashes (tab/→, ↑/k).
func keyLabel(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		switch k {
		case "shift+tab":
			k = "⇧tab"
		case "right":
			k = "→"
		case "left":
			k = "←"
		case "up":
			k = "↑"
		case "down":
			k = "↓"
		case "pgdown":
			k = "pgdn"
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

// keysFor returns the keys of action a: its remap when r has a usable
// one (at most a few keys, each well written and none of the fixed
// ones), else its default keys.
func keysFor(a Action, r KeyRemaps, fixed map[string]string) []string {
	if ks, ok := r[a.Name]; ok && len(ks) > 0 && len(ks) <= maxKeysPerName {
		good := true
		for _, k := range ks {
			good = good && CheckKey(k) == nil && fixed[k] == ""
		}
		if good {
			return slices.Clone(ks)
		}
	}
	return a.Keys
}
