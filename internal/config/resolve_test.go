package config

import (
	"reflect"
	"strings"
	"testing"

	"lzdash/ui"
)

// env is a getenv over a fixed environment.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestResolvePrecedence(t *testing.T) {
	file := Config{Lang: ui.En, Tab: "zones", Theme: ui.ThemeLight, Keys: ui.KeyRemaps{"next": {"l"}}}
	cases := []struct {
		name   string
		c      Config
		f      Flags
		getenv func(string) string
		lang   ui.Lang
		from   string
		tab    int
		theme  ui.Theme
	}{
		{"defaults", Config{}, Flags{}, nil, ui.Zh, FromDefault, ui.TabOverview, ui.ThemeAuto},
		{"file", file, Flags{}, env("LANG", "zh_CN.UTF-8"), ui.En, FromFile, ui.TabZones, ui.ThemeLight},
		{"flags over file", file, Flags{Lang: ui.Zh, Tab: "sources", Theme: ui.ThemeHighContrast}, nil, ui.Zh, "--lang", ui.TabSources, ui.ThemeHighContrast},
		{"locale under file", Config{}, Flags{}, env("LANG", "en_GB.UTF-8"), ui.En, "LANG", ui.TabOverview, ui.ThemeAuto},
		{"LC_ALL over LANG", Config{}, Flags{}, env("LANG", "en_US.UTF-8", "LC_ALL", "zh_TW.UTF-8"), ui.Zh, "LC_ALL", 0, ui.ThemeAuto},
		{"LC_MESSAGES over LANG", Config{}, Flags{}, env("LANG", "zh_CN.UTF-8", "LC_MESSAGES", "en"), ui.En, "LC_MESSAGES", 0, ui.ThemeAuto},
		{"LC_ALL=C stops", Config{}, Flags{}, env("LANG", "en_US.UTF-8", "LC_ALL", "C"), ui.Zh, FromDefault, 0, ui.ThemeAuto},
		{"other locale", Config{}, Flags{}, env("LANG", "fr_FR.UTF-8"), ui.Zh, FromDefault, 0, ui.ThemeAuto},
	}
	for _, c := range cases {
		s := Resolve(c.c, c.f, c.getenv)
		if s.Lang != c.lang || s.LangFrom != c.from || s.Tab != c.tab || s.Theme != c.theme {
			t.Errorf("%s: %+v; want lang %s from %s, tab %d, theme %s", c.name, s, c.lang, c.from, c.tab, c.theme)
		}
	}
	if s := Resolve(file, Flags{}, nil); !reflect.DeepEqual(s.Keys, file.Keys) || s.KeysFrom != FromFile {
		t.Errorf("keys: %+v", s)
	}
}

func TestLangFromLocaleLooksAtThePrefixAlone(t *testing.T) {
	for v, want := range map[string]ui.Lang{"en": ui.En, "en_US.UTF-8": ui.En, "zh_CN.GB18030": ui.Zh, "zh": ui.Zh,
		"english\x1b[2J" + strings.Repeat("x", 1<<16): ui.En, "EN_us": "", "": "", "C.UTF-8": "", "POSIX": "", "de": ""} {
		l, _, _ := LangFromLocale(env("LANG", v))
		if l != want {
			t.Errorf("LANG=%.20q: %q, want %q", v, l, want)
		}
	}
}

func TestYAMLRoundTrips(t *testing.T) {
	file := Config{Lang: ui.En, Tab: "targets", Theme: ui.ThemeDark, Keys: ui.KeyRemaps{"next": {"tab", "l"}, "help": {"?"}, "figure-up": {"["}, "filter": {"ctrl+f", "/"}}}
	s := Resolve(file, Flags{Theme: ui.ThemeHighContrast}, nil)
	out, err := s.YAML("/home/u/.config/lzdash/config.yaml", false)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"# read from /home/u/.config/lzdash/config.yaml", "lang: en # config file", "theme: high-contrast # --theme",
		"tab: targets # config file", `help: ["?"] # config file`, "prev: [shift+tab, left] # default"} {
		if !strings.Contains(text, want) {
			t.Errorf("the output lacks %q:\n%s", want, text)
		}
	}
	// The output is a config file that gives the same settings: every
	// action with its keys, remapped or not.
	back, err := Parse("out.yaml", out)
	if err != nil {
		t.Fatalf("the output does not parse: %v\n%s", err, text)
	}
	if back.Lang != ui.En || back.Tab != "targets" || back.Theme != ui.ThemeHighContrast || len(back.Keys) != len(ui.Actions()) {
		t.Errorf("read back: %+v", back)
	}
	for name, ks := range file.Keys {
		if !reflect.DeepEqual(back.Keys[name], ks) {
			t.Errorf("%s: read back %q, want %q", name, back.Keys[name], ks)
		}
	}
	def, _ := Resolve(Config{}, Flags{}, nil).YAML("", false)
	if !strings.Contains(string(def), "# no config file: the defaults") {
		t.Errorf("the defaults' header:\n%s", def)
	}
}
