package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"lzdash/data"
	"lzdash/ui"
)

func TestParseGood(t *testing.T) {
	src := `# my settings
lang: en
tab: targets
theme: high-contrast
keys:
  next: [tab, l]
  prev:
    - shift+tab
    - h
  quit: [ctrl+q]
  help: ["?", f1]
  figure-up: ["["]
`
	c, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Lang: ui.En, Tab: "targets", Theme: ui.ThemeHighContrast, Keys: ui.KeyRemaps{
		"next": {"tab", "l"}, "prev": {"shift+tab", "h"}, "quit": {"ctrl+q"}, "help": {"?", "f1"}, "figure-up": {"["}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	for _, empty := range []string{"", "# nothing yet\n", "\n\n"} {
		if c, err := Parse("c.yaml", []byte(empty)); err != nil || !reflect.DeepEqual(c, Config{}) {
			t.Errorf("%q: %+v, %v; want no settings and no problem", empty, c, err)
		}
	}
}

// TestParseBad gives each kind of mistake, with the one problem it must
// cause, located, and the settings that stay.
func TestParseBad(t *testing.T) {
	cases := []struct {
		name, src string
		want      string
		keep      Config
	}{
		{"unknown setting", "lang: en\ncolour: red\n", `c.yaml:2:1: unknown setting "colour": the settings are lang, tab, theme and keys`, Config{Lang: ui.En}},
		{"unknown lang", "lang: fr\ntab: zones\n", `c.yaml:1:7: lang: unknown language "fr": use zh or en`, Config{Tab: "zones"}},
		{"lang not a string", "lang: [en]\n", `c.yaml:1:7: lang: want a name, such as zh or en`, Config{}},
		{"lang empty", "lang:\ntheme: dark\n", `c.yaml:1:6: lang: want a name, such as zh or en`, Config{Theme: ui.ThemeDark}},
		{"unknown tab", "tab: charts\n", `c.yaml:1:6: tab: unknown tab "charts": use overview, indicators, targets, zones, sources`, Config{}},
		{"unknown theme", "lang: zh\ntheme: neon\n", `c.yaml:2:8: theme: unknown theme "neon": use auto, dark, light, high-contrast`, Config{Lang: ui.Zh}},
		{"set twice", "lang: en\nlang: zh\n", `c.yaml:2:1: lang: set twice`, Config{Lang: ui.En}},
		{"not a mapping", "- lang: en\n", `c.yaml:1:1: want a mapping of settings, such as lang: en`, Config{}},
		{"anchor", "lang: &l en\n", `c.yaml:1:7: lang: anchors are not allowed in a config file`, Config{}},
		{"unknown action", "lang: en\nkeys:\n  nxt: [l]\n", `c.yaml:3:3: keys: unknown action "nxt": use next, prev,`, Config{Lang: ui.En}},
		{"bad key", "keys:\n  next: [l, shift+x]\n  prev: [h]\n", `c.yaml:2:13: keys.next: "shift+x" never arrives: a shifted character arrives as the character typed, such as "X"`, Config{}},
		{"not a key", "keys:\n  next: [tabb]\n", `c.yaml:2:10: keys.next: "tabb" is not a key`, Config{}},
		{"empty list", "theme: light\nkeys:\n  next: []\n", `c.yaml:3:9: keys.next: no keys: give at least one (ctrl+c always quits)`, Config{Theme: ui.ThemeLight}},
		{"no list", "keys:\n  next: l\n", `c.yaml:2:9: keys.next: want a list of keys, such as [l] or [tab, l]`, Config{}},
		{"null list", "keys:\n  next:\n", `c.yaml:2:8: keys.next: want a list of keys`, Config{}},
		{"key not a string", "keys:\n  next: [true]\n", `c.yaml:2:10: keys.next: want a key, such as l, tab or ctrl+n`, Config{}},
		{"fixed key", "keys:\n  quit: [ctrl+c, x]\n", `c.yaml:2:10: keys.quit: "ctrl+c" cannot be remapped: it always quits`, Config{}},
		{"tab number", "keys:\n  zone: [3]\n", `c.yaml:2:10: keys.zone: "3" cannot be remapped: it opens tab 3`, Config{}},
		{"listed twice", "keys:\n  next: [l, l]\n", `c.yaml:2:13: keys.next: "l" is listed twice`, Config{}},
		{"too many", "keys:\n  next: [a, b, c, d, e, f, g, h, i]\n", `c.yaml:2:9: keys.next: 9 keys: give at most 8`, Config{}},
		{"action twice", "keys:\n  next: [l]\n  next: [m]\n", `c.yaml:3:3: keys.next: set twice`, Config{}},
		{"a default key", "keys:\n  next: [k]\n", `c.yaml:2:10: keys.next: "k" is also up's key: remap up as well`, Config{}},
		{"two remaps", "keys:\n  next: [l]\n  lang: [l]\n", `c.yaml:3:10: keys.lang: "l" is also bound to next`, Config{}},
		{"keys not a mapping", "keys: [next]\n", `c.yaml:1:7: keys: want a mapping of actions to lists of keys, such as next: [tab, l]`, Config{}},
		{"yaml syntax", "lang: en\nkeys: {next: [l}\n", `c.yaml:2:`, Config{}},
	}
	for _, c := range cases {
		got, err := Parse("c.yaml", []byte(c.src))
		var ps data.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), c.want) {
			t.Errorf("%s: problems\n%v\nwant one starting\n%s", c.name, err, c.want)
		}
		if !reflect.DeepEqual(got, c.keep) {
			t.Errorf("%s: settings %+v, want %+v", c.name, got, c.keep)
		}
	}
}

func TestParseRemapsThatAvoidEachOther(t *testing.T) {
	// k is up's key; once up moves to w, next may take it. A key two
	// actions of different tabs share is allowed: zone acts on
	// Indicators only, drill everywhere else.
	c, err := Parse("c.yaml", []byte("keys:\n  next: [k]\n  up: [w]\n  zone: [enter]\n"))
	if err != nil || len(c.Keys) != 3 {
		t.Fatalf("%+v, %v; want three remaps", c, err)
	}
	// But back and zone both act on Indicators.
	if _, err := Parse("c.yaml", []byte("keys:\n  zone: [backspace]\n")); err == nil || !strings.Contains(err.Error(), "back's key") {
		t.Errorf("zone on backspace: %v, want a conflict with back", err)
	}
}

func TestParseProblemsInFileOrderAndBounded(t *testing.T) {
	_, err := Parse("c.yaml", []byte("keys:\n  next: [k]\n  up: [tabb]\n  prev: [j]\ntheme: neon\n"))
	var ps data.Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("problems %v; want three", err)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Pos.Line < ps[i-1].Pos.Line {
			t.Errorf("problems out of file order:\n%v", ps)
		}
	}
	var b strings.Builder
	b.WriteString("keys:\n")
	for i := range 300 {
		b.WriteString("  a" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ": [l]\n")
	}
	_, err = Parse("c.yaml", []byte(b.String()))
	if !errors.As(err, &ps) || len(ps) != maxProblems+1 || !strings.Contains(ps[maxProblems].Msg, "too many problems") {
		t.Errorf("%d problems, the last %v; want %d and a last line", len(ps), ps[len(ps)-1], maxProblems+1)
	}
}

func TestParseSanitises(t *testing.T) {
	_, err := Parse("c\x1b]0;x\a.yaml", []byte("lang: \"\\e[2J\"\nkeys:\n  \"\\u202enext\": [l]\n"))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\a\u202e") {
		t.Errorf("a control character reaches the message: %q", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(good, []byte("lang: en\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := Load(good); err != nil || c.Lang != ui.En {
		t.Errorf("Load: %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file (a directory)") {
		t.Errorf("a directory: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("#", MaxSize+1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "more than the 64 KiB") {
		t.Errorf("a big file: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err == nil {
		if _, err := Load(fifo); err == nil || !strings.Contains(err.Error(), "a named pipe") {
			t.Errorf("a named pipe: %v", err)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	// No file at the default path: the defaults, silently.
	if f, err := Read(""); err != nil || !reflect.DeepEqual(f, File{}) {
		t.Errorf("no config file: %+v, %v", f, err)
	}
	// A named file that is missing is an error.
	if _, err := Read(filepath.Join(dir, "nope.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--config of a missing file: %v", err)
	}
	def := filepath.Join(dir, "lzdash", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(def, []byte("lang: en\ntheme: neon\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Read("")
	var ps data.Problems
	if err != nil || f.Path != def || f.Config.Lang != ui.En || !errors.As(f.Err, &ps) || len(ps) != 1 {
		t.Errorf("the default file with a problem: %+v, %v", f, err)
	}
	// A named file with problems is read, not refused.
	if f, err := Read(def); err != nil || f.Config.Lang != ui.En || f.Err == nil {
		t.Errorf("--config with a problem: %+v, %v", f, err)
	}
}
