package config

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"lzdash/data"
	"lzdash/ui"
)

// FuzzParse checks that no config file makes Parse panic, that every
// problem has a position and no character that could control a terminal,
// and that the settings it keeps are valid ones.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"lang: en\n", "keys:\n  next: [tab, l]\n", "theme: neon\nkeys: {up: [k], down: [k]}\n",
		"a: &x [1]\nb: *x\n", "keys:\n  quit: [\"\\e[2J\"]\n", "- [\n", "tab: zones\n---\ntab: targets\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("f.yaml", src)
		var ps data.Problems
		if err != nil && !errors.As(err, &ps) {
			t.Fatalf("an error that is not Problems: %v", err)
		}
		for _, p := range ps {
			if p.Pos.Line < 1 || p.Pos.Col < 1 {
				t.Errorf("a problem without a position: %v", p)
			}
			if strings.IndexFunc(p.Error(), func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) >= 0 {
				t.Errorf("a control character in %q", p.Error())
			}
		}
		if _, ok := ui.TabIndex(c.Tab); c.Tab != "" && !ok {
			t.Errorf("tab %q kept", c.Tab)
		}
		for name, ks := range c.Keys {
			if _, ok := ui.FindAction(name); !ok || len(ks) == 0 {
				t.Errorf("remap %s: %q kept", name, ks)
			}
			for _, k := range ks {
				if ui.CheckKey(k) != nil {
					t.Errorf("key %q kept", k)
				}
			}
		}
	})
}
