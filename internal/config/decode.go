package config

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"lzdash/data"
	"lzdash/ui"
)

// maxProblems is the most problems reported for one file.
const maxProblems = 50

// decoder collects the problems of one config file.
type decoder struct {
	file      string
	problems  data.Problems
	truncated bool // problems were dropped
}

// add records a problem at n. It keeps a few times maxProblems, so that
// the first maxProblems in file order are among them, whatever order
// they are found in.
func (d *decoder) add(n *yaml.Node, field, format string, args ...any) {
	if len(d.problems) >= 4*maxProblems {
		d.truncated = true
		return
	}
	d.problems = append(d.problems, data.Problem{File: d.file, Pos: data.Pos{Line: n.Line, Col: n.Column}, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// sorted returns the problems in file order, the first maxProblems of
// them, with a last one that says so when there were more.
func (d *decoder) sorted() data.Problems {
	ps := d.problems
	slices.SortStableFunc(ps, func(a, b data.Problem) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	if len(ps) > maxProblems || d.truncated {
		ps = append(ps[:maxProblems:maxProblems], data.Problem{File: d.file, Pos: ps[maxProblems-1].Pos,
			Msg: fmt.Sprintf("too many problems; stopped after %d", maxProblems)})
	}
	return ps
}

// quote is a string from the file as a message shows it: escaped, and
// cut short.
func quote(s string) string { return fmt.Sprintf("%.40q", s) }

// Parse decodes the text of a config file, named file in messages. It
// returns the settings that are well written, and, when any is not, a
// data.Problems with every problem found, in file order. A problem in
// lang, tab or theme leaves that setting unset; any problem under keys
// leaves every key its default, since remaps depend on one another; a
// file that is not a YAML mapping leaves everything unset. A file with
// no document (empty, or comments alone) sets nothing and has no
// problem.
func Parse(file string, src []byte) (Config, error) {
	file = data.Sanitize(file)
	top, ps := data.ParseYAML(file, src, MaxSize)
	if len(ps) > 0 {
		return Config{}, ps
	}
	var c Config
	if top == nil {
		return c, nil
	}
	d := &decoder{file: file}
	switch {
	case !d.plain(top, ""):
	case top.Kind != yaml.MappingNode:
		d.add(top, "", "want a mapping of settings, such as lang: en")
	default:
		c = d.settings(top)
	}
	if len(d.problems) > 0 {
		return c, d.sorted()
	}
	return c, nil
}

// plain reports that n is neither an alias nor anchored, recording a
// problem when it is: a config file is small enough to need neither.
func (d *decoder) plain(n *yaml.Node, field string) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		d.add(n, field, "aliases are not allowed in a config file")
		return false
	case n.Anchor != "":
		d.add(n, field, "anchors are not allowed in a config file")
		return false
	}
	return true
}

// entries returns a mapping's key and value nodes by key, in file order,
// recording a problem for a key that is not a plain string or is given
// twice.
func (d *decoder) entries(m *yaml.Node, field string) (keys []string, vals map[string]*yaml.Node, at map[string]*yaml.Node) {
	vals, at = map[string]*yaml.Node{}, map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !d.plain(k, field) {
			continue
		}
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			d.add(k, field, "want a name as the key")
			continue
		}
		if _, dup := vals[k.Value]; dup {
			d.add(k, join(field, k.Value), "set twice")
			continue
		}
		keys, vals[k.Value], at[k.Value] = append(keys, k.Value), v, k
	}
	return keys, vals, at
}

func join(field, name string) string {
	if field == "" {
		return name
	}
	return field + "." + name
}

// settings decodes the top mapping.
func (d *decoder) settings(top *yaml.Node) Config {
	var c Config
	names, vals, at := d.entries(top, "")
	for _, name := range names {
		v := vals[name]
		switch name {
		case "lang":
			if s, ok := d.str(v, name, "zh or en"); ok {
				if l, ok := ui.ParseLang(s); ok {
					c.Lang = l
				} else {
					d.add(v, name, "unknown language %s: use zh or en", quote(s))
				}
			}
		case "tab":
			if s, ok := d.str(v, name, "overview"); ok {
				if _, ok := ui.TabIndex(s); ok {
					c.Tab = s
				} else {
					d.add(v, name, "unknown tab %s: use %s", quote(s), strings.Join(ui.TabNames[:], ", "))
				}
			}
		case "theme":
			if s, ok := d.str(v, name, "auto"); ok {
				if t, ok := ui.ParseTheme(s); ok {
					c.Theme = t
				} else {
					d.add(v, name, "unknown theme %s: use %s", quote(s), strings.Join(ui.ThemeNames(), ", "))
				}
			}
		case "keys":
			c.Keys = d.keys(v)
		default:
			d.add(at[name], "", "unknown setting %s: the settings are lang, tab, theme and keys", quote(name))
		}
	}
	return c
}

// str reads a setting's value, a plain string; example is one, for the
// message when it is not.
func (d *decoder) str(v *yaml.Node, field, example string) (string, bool) {
	if !d.plain(v, field) {
		return "", false
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		d.add(v, field, "want a name, such as %s", example)
		return "", false
	}
	return v.Value, true
}
