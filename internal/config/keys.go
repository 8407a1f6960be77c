package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"lzdash/ui"
)

// maxKeys is the most keys one action may have.
const maxKeys = 8

// keyAt is a key a remap gives, with where.
type keyAt struct {
	key  string
	node *yaml.Node
}

// keys decodes the keys mapping: action name to a list of keys. It
// returns nil when anything in it has a problem.
func (d *decoder) keys(v *yaml.Node) ui.KeyRemaps {
	before := len(d.problems)
	if !d.plain(v, "keys") {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		d.add(v, "keys", "want a mapping of actions to lists of keys, such as next: [tab, l]")
		return nil
	}
	names, vals, at := d.entries(v, "keys")
	remaps := map[string][]keyAt{}
	for _, name := range names {
		field := "keys." + name
		if _, ok := ui.FindAction(name); !ok {
			d.add(at[name], "keys", "unknown action %s: use %s", quote(name), strings.Join(actionNames(), ", "))
			continue
		}
		if ks, ok := d.keyList(vals[name], field); ok {
			remaps[name] = ks
		}
	}
	d.conflicts(names, remaps)
	if len(d.problems) > before || len(remaps) == 0 {
		return nil
	}
	out := ui.KeyRemaps{}
	for name, ks := range remaps {
		for _, k := range ks {
			out[name] = append(out[name], k.key)
		}
	}
	return out
}

func actionNames() []string {
	var names []string
	for _, a := range ui.Actions() {
		names = append(names, a.Name)
	}
	return names
}

// keyList decodes one action's list of keys.
func (d *decoder) keyList(v *yaml.Node, field string) ([]keyAt, bool) {
	if !d.plain(v, field) {
		return nil, false
	}
	switch {
	case v.Kind != yaml.SequenceNode:
		d.add(v, field, "want a list of keys, such as [l] or [tab, l]")
		return nil, false
	case len(v.Content) == 0:
		d.add(v, field, "no keys: give at least one (ctrl+c always quits)")
		return nil, false
	case len(v.Content) > maxKeys:
		d.add(v, field, "%d keys: give at most %d", len(v.Content), maxKeys)
		return nil, false
	}
	fixed := ui.FixedKeys()
	var ks []keyAt
	good := true
	for _, n := range v.Content {
		if !d.plain(n, field) {
			good = false
			continue
		}
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int") {
			d.add(n, field, "want a key, such as l, tab or ctrl+n (quote it if YAML reads it otherwise)")
			good = false
			continue
		}
		k := n.Value
		switch err := ui.CheckKey(k); {
		case err != nil:
			d.add(n, field, "%v", err)
			good = false
		case fixed[k] != "":
			d.add(n, field, "%s cannot be remapped: it %s", quote(k), fixed[k])
			good = false
		case slices.ContainsFunc(ks, func(o keyAt) bool { return o.key == k }):
			d.add(n, field, "%s is listed twice", quote(k))
			good = false
		default:
			ks = append(ks, keyAt{k, n})
		}
	}
	return ks, good
}

// conflicts records every key that two actions acting on the same
// screen would both have once the remaps apply, at the remapped one (the
// later in the file when both are). order lists the actions the file
// names; an action named with a problem is left out.
func (d *decoder) conflicts(order []string, remaps map[string][]keyAt) {
	acts := ui.Actions()
	place := func(name string) int {
		if i := slices.Index(order, name); i >= 0 {
			return i
		}
		return -1
	}
	for _, a := range acts {
		ra, ok := remaps[a.Name]
		if !ok {
			continue
		}
		for _, b := range acts {
			if b.Name == a.Name || !a.Overlaps(b) {
				continue
			}
			rb, remapped := remaps[b.Name]
			switch {
			case remapped && place(b.Name) > place(a.Name):
				continue // reported at b
			case !remapped && place(b.Name) >= 0:
				continue // b's own remap has a problem
			}
			bkeys := b.Keys
			if remapped {
				bkeys = nil
				for _, k := range rb {
					bkeys = append(bkeys, k.key)
				}
			}
			for _, k := range ra {
				switch {
				case slices.Contains(bkeys, k.key) && remapped:
					d.add(k.node, "keys."+a.Name, "%s is also bound to %s", quote(k.key), b.Name)
				case slices.Contains(bkeys, k.key):
					d.add(k.node, "keys."+a.Name, "%s is also %s's key: remap %s as well", quote(k.key), b.Name, b.Name)
				}
			}
		}
	}
}
