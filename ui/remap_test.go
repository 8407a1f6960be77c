package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

func TestCheckKey(t *testing.T) {
	good := []string{"tab", "shift+tab", "l", "L", "?", "/", "[", "+", "ctrl++", "ctrl+n", "alt+shift+x",
		"ctrl+alt+delete", "f1", "f12", "f63", "space", "enter", "esc", "pgdown", "中"}
	for _, k := range good {
		if err := CheckKey(k); err != nil {
			t.Errorf("CheckKey(%q) = %v, want nil", k, err)
		}
	}
	bad := map[string]string{
		"":                      "empty",
		" ":                     "space",
		"shift+a":               `"A"`,
		"alt+ctrl+x":            "in the order ctrl+alt+shift",
		"ctrl+ctrl+x":           "once each",
		"tabb":                  "not a key",
		"f0":                    "not a key",
		"f64":                   "not a key",
		"ctrl+":                 "not a key",
		"hello":                 "not a key",
		"\x1b[A":                "not a key",
		"trl+x":                 "not a key",
		"ctrl+shift":            "not a key",
		"\u0301":                "not a key",
		"é\xff":                 "not a key",
		strings.Repeat("a", 40): "not a key",
	}
	for k, want := range bad {
		err := CheckKey(k)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckKey(%q) = %v, want an error saying %q", k, err, want)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b\xff") {
			t.Errorf("CheckKey(%q)'s error is not escaped: %q", k, err)
		}
	}
}

func TestDefaultActionsAreConsistent(t *testing.T) {
	acts, fixed := Actions(), FixedKeys()
	for i, a := range acts {
		if len(a.Keys) == 0 || a.Where == "" || a.tabs == 0 {
			t.Errorf("%s: no keys, place or tabs", a.Name)
		}
		for _, k := range a.Keys {
			if err := CheckKey(k); err != nil {
				t.Errorf("%s: default key: %v", a.Name, err)
			}
			if fixed[k] != "" {
				t.Errorf("%s: default key %s is fixed", a.Name, k)
			}
		}
		for _, b := range acts[i+1:] {
			if a.Name == b.Name {
				t.Errorf("action %s listed twice", a.Name)
			}
			for _, k := range a.Keys {
				if a.Overlaps(b) && slices.Contains(b.Keys, k) {
					t.Errorf("%s and %s share %s", a.Name, b.Name, k)
				}
			}
		}
	}
}

// allBindings lists every binding of b by field name.
func allBindings(b *bindings) map[string]key.Binding {
	out := map[string]key.Binding{}
	for _, s := range []any{b.keys, b.list, b.ind, b.src} {
		v := reflect.ValueOf(s)
		for i := range v.NumField() {
			switch f := v.Field(i).Interface().(type) {
			case key.Binding:
				out[v.Type().Name()+"."+v.Type().Field(i).Name] = f
			}
		}
	}
	return out
}

func TestEveryActionRemaps(t *testing.T) {
	before := allBindings(newBindings(labelsFor(En), nil))
	for _, a := range Actions() {
		after := allBindings(newBindings(labelsFor(En), KeyRemaps{a.Name: {"f5", "ctrl+t"}}))
		var changed []string
		for name, b := range after {
			if !slices.Equal(b.Keys(), before[name].Keys()) {
				changed = append(changed, name)
				if !slices.Equal(b.Keys(), []string{"f5", "ctrl+t"}) {
					t.Errorf("%s: %s has keys %q, want f5 and ctrl+t", a.Name, name, b.Keys())
				}
				if !strings.Contains(b.Help().Key, "f5/ctrl+t") && b.Help().Key != "" {
					t.Errorf("%s: %s's help names %q, not the new keys", a.Name, name, b.Help().Key)
				}
			}
		}
		if len(changed) == 0 {
			t.Errorf("remapping %s changed no binding", a.Name)
		}
	}
}

func TestDefaultHelpLabels(t *testing.T) {
	b := newBindings(labelsFor(En), nil)
	want := map[string]string{"keyMap.Next": "tab/→", "keyMap.Prev": "⇧tab/←", "listKeys.Up": "↑/k", "listKeys.Down": "↓/j",
		"listKeys.PageUp": "pgup/pgdn", "indicatorKeys.RowDown": "[/]", "keyMap.Back": "esc/backspace", "keyMap.CloseHelp": "?/esc"}
	all := allBindings(b)
	for name, label := range want {
		if got := all[name].Help().Key; got != label {
			t.Errorf("%s's help names %q, want %q", name, got, label)
		}
	}
}

func TestBadRemapsKeepDefaults(t *testing.T) {
	ds := fixtureDataset(t)
	for _, keys := range [][]string{{"shift+a"}, {"1"}, {"ctrl+c"}, {}, {"a", "b", "c", "d", "e", "f", "g", "h", "i"}} {
		m := press(sized(New(ds, Options{Lang: En, Keys: NewKeys(KeyRemaps{"next": keys})}), 100, 30), "tab")
		if m.Active() != TabIndicators {
			t.Errorf("next: %q: tab no longer goes to the next tab", keys)
		}
	}
}

func TestRemappedKeysWorkAndShow(t *testing.T) {
	ds := fixtureDataset(t)
	o := Options{Lang: En, Keys: NewKeys(KeyRemaps{"next": {"l"}, "prev": {"h"}, "up": {"w"}, "down": {"s"}})}
	m := sized(New(ds, o), 120, 30)
	if h := hints(m); !strings.Contains(h, "w up") || !strings.Contains(h, "s down") || !strings.Contains(h, "l next tab") ||
		strings.Contains(h, "tab/→") || strings.Contains(h, "↑/k") {
		t.Errorf("the hints do not show the remapped keys: %q", h)
	}
	m = press(m, "l")
	if m.Active() != TabIndicators {
		t.Fatalf("l: tab %d, want Indicators", m.Active())
	}
	m = press(m, "tab", "right")
	if m.Active() != TabIndicators {
		t.Errorf("tab and → still switch tabs once next is remapped to l: tab %d", m.Active())
	}
	ind := m.tabs[TabIndicators].(*indicators)
	first := ind.cursor
	m = press(m, "s")
	moved := ind.cursor
	if moved == first {
		t.Error("s, remapped to down, did not move the cursor")
	}
	if m = press(m, "j", "down"); ind.cursor != moved {
		t.Error("j and ↓ still move down once down is remapped to s")
	}
	if m = press(m, "w"); ind.cursor != first {
		t.Errorf("w, remapped to up, did not move back: cursor %d, was %d", ind.cursor, first)
	}
	// The remaps survive a change of language, with the help in it.
	m = press(m, "L", "h")
	if m.Lang() != Zh || m.Active() != TabOverview {
		t.Errorf("after L and h: lang %s, tab %d; want zh and Overview", m.Lang(), m.Active())
	}
	if h := hints(m); !strings.Contains(h, "l 下一标签页") {
		t.Errorf("the Chinese hints do not show l: %q", h)
	}
	m = press(m, "?")
	if v := ansi.Strip(m.Render()); !strings.Contains(v, "?/esc 关闭帮助") {
		t.Errorf("the full help lacks its closing keys: %q", v)
	}
}

func TestRemappedQuitInProgram(t *testing.T) {
	o := Options{Lang: En, Keys: NewKeys(KeyRemaps{"next": {"l"}, "quit": {"ctrl+q"}})}
	tm := teatest.NewTestModel(t, New(fixtureDataset(t), o), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "ctrl+q", "quit")
	tm.Send(keyMsg("l"))
	tm.Send(keyMsg("q")) // no longer quits
	tm.Send(keyMsg("l"))
	tm.Send(tea.KeyPressMsg{Code: 'q', Mod: tea.ModCtrl})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
	if m.Active() != TabTargets {
		t.Errorf("after l, q, l and ctrl+q: tab %d, want Targets (q must not have quit)", m.Active())
	}
}

func TestInterruptAlwaysQuits(t *testing.T) {
	o := Options{Lang: En, Keys: NewKeys(KeyRemaps{"quit": {"ctrl+q"}})}
	tm := teatest.NewTestModel(t, New(fixtureDataset(t), o), teatest.WithInitialTermSize(100, 30))
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}
