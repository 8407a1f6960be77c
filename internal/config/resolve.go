package config

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"lzdash/data"
	"lzdash/ui"
)

// Flags are the settings given on the command line; a zero field was
// not given.
type Flags struct {
	Lang  ui.Lang
	Tab   string
	Theme ui.Theme
}

// Settings are the settings in effect, each with where it came from:
// "--lang" and the like, "config file", the locale variable that chose
// the language ("LANG"), or "default".
type Settings struct {
	Lang      ui.Lang
	Tab       int
	Theme     ui.Theme
	Keys      ui.KeyRemaps
	LangFrom  string
	TabFrom   string
	ThemeFrom string
	KeysFrom  string
}

// Where a setting came from.
const (
	FromFile    = "config file"
	FromDefault = "default"
)

// Resolve puts the settings together: a flag wins over the config file,
// which wins over the default; for the language, the locale that getenv
// reads comes between the file and the default (see LangFromLocale).
// getenv may be nil: no locale.
func Resolve(c Config, f Flags, getenv func(string) string) Settings {
	s := Settings{Lang: ui.Zh, Theme: ui.ThemeAuto, LangFrom: FromDefault, TabFrom: FromDefault, ThemeFrom: FromDefault, KeysFrom: FromDefault}
	switch {
	case f.Lang != "":
		s.Lang, s.LangFrom = f.Lang, "--lang"
	case c.Lang != "":
		s.Lang, s.LangFrom = c.Lang, FromFile
	case getenv != nil:
		if l, from, ok := LangFromLocale(getenv); ok {
			s.Lang, s.LangFrom = l, from
		}
	}
	tab, from := f.Tab, "--tab"
	if tab == "" {
		tab, from = c.Tab, FromFile
	}
	if i, ok := ui.TabIndex(tab); ok && tab != "" {
		s.Tab, s.TabFrom = i, from
	}
	switch {
	case f.Theme != "":
		s.Theme, s.ThemeFrom = f.Theme, "--theme"
	case c.Theme != "":
		s.Theme, s.ThemeFrom = c.Theme, FromFile
	}
	if len(c.Keys) > 0 {
		s.Keys, s.KeysFrom = c.Keys, FromFile
	}
	return s
}

// LangFromLocale is the language a locale asks for: the first of
// LC_ALL, LC_MESSAGES and LANG that is set, as POSIX ranks them, when
// it starts with en (English) or zh (Chinese). It looks at nothing past
// those two letters, so a visitor's variable is never trusted further;
// any other value (C, POSIX, fr_FR.UTF-8) asks for neither.
func LangFromLocale(getenv func(string) string) (l ui.Lang, from string, ok bool) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		switch {
		case strings.HasPrefix(v, "en"):
			return ui.En, name, true
		case strings.HasPrefix(v, "zh"):
			return ui.Zh, name, true
		}
		return "", "", false
	}
	return "", "", false
}

// YAML writes the settings as a config file that gives them, each with
// a comment that says where it came from, and every remappable action
// with its keys. The header names the file read ("" for none) and says
// when it had problems.
func (s Settings) YAML(path string, problems bool) ([]byte, error) {
	from := "no config file: the defaults"
	switch {
	case path != "" && problems:
		from = "read from " + data.Sanitize(path) + ", which has problems (on stderr): the settings they concern are the defaults"
	case path != "":
		from = "read from " + data.Sanitize(path)
	}
	top := &yaml.Node{Kind: yaml.MappingNode, HeadComment: "lzdash config: the settings in effect\n" + from}
	add := func(k string, v *yaml.Node, comment string) {
		v.LineComment = comment
		top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, v)
	}
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }
	add("lang", str(string(s.Lang)), s.LangFrom)
	add("tab", str(ui.TabNames[s.Tab]), s.TabFrom)
	add("theme", str(string(s.Theme)), s.ThemeFrom)
	keys := &yaml.Node{Kind: yaml.MappingNode}
	for _, a := range ui.Actions() {
		ks, comment := a.Keys, FromDefault+": "+a.Where
		if r, ok := s.Keys[a.Name]; ok {
			ks, comment = r, FromFile+": "+a.Where
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, LineComment: comment}
		for _, k := range ks {
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k, Style: keyStyle(k)})
		}
		keys.Content = append(keys.Content, str(a.Name), list)
	}
	add("keys", keys, "")
	top.Content[len(top.Content)-2].HeadComment = "the remappable actions; ctrl+c always quits, and 1-5 open the tabs"
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(top); err != nil {
		return nil, fmt.Errorf("writing the settings: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing the settings: %w", err)
	}
	return b.Bytes(), nil
}

// keyStyle quotes a key that YAML would read as something else, or that
// starts with a character YAML treats specially.
func keyStyle(k string) yaml.Style {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("["+k+"]"), &n); err != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 1 ||
		n.Content[0].Content[0].Value != k || n.Content[0].Content[0].Tag != "!!str" {
		return yaml.DoubleQuotedStyle
	}
	return 0
}
