package data

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// step is one link of a field path: a key, or an index into a list.
type step struct {
	key   string
	idx   int
	isIdx bool
}

// pathString renders steps as metrics[2].figures[0].year, quoting keys
// that are not plain printable text. Paths are kept as steps while
// decoding and become strings only when a problem is reported, so that
// decoding a large file builds no strings at all.
func pathString(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.isIdx {
			fmt.Fprintf(&b, "[%d]", s.idx)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(keyName(s.key))
	}
	return b.String()
}

// keyName returns a mapping key as it appears in a field path: as written
// when it is plain printable text, quoted otherwise, so that no key can
// break a FILE:LINE:COL line or reach a terminal as an escape sequence.
func keyName(k string) string {
	if q := quote(k); k == "" || q[1:len(q)-1] != k {
		return q
	}
	return k
}

// quote quotes s as Go does, escaping also the characters that print as
// nothing, such as Hangul fillers and stray combining marks.
func quote(s string) string {
	if hasUnshowable(s) {
		return strconv.QuoteToASCII(s)
	}
	return strconv.Quote(s)
}

// structFields is the yaml field names of a struct type.
type structFields struct {
	index map[string]int
	names string // for messages: "zone, year, ..."
}

func (d *decoder) fieldsOf(t reflect.Type) *structFields {
	if sf, ok := d.fields[t]; ok {
		return sf
	}
	sf := &structFields{index: map[string]int{}}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		sf.index[tag] = i
		names = append(names, tag)
	}
	sf.names = strings.Join(names, ", ")
	d.fields[t] = sf
	return sf
}

// decode sets v from n, recording problems rather than stopping. d.path
// holds the path of n.
func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.addf(n, "YAML anchors and aliases are not supported; write the value out")
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Tag == "!!null" {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.decode(n, v.Elem())
	case reflect.Struct:
		if v.Type() == noteType && n.Kind == yaml.ScalarNode {
			// A note in one string stands for both languages.
			var text string
			d.decodeScalar(n, reflect.ValueOf(&text).Elem())
			v.Set(reflect.ValueOf(Note{Zh: text, En: text}))
			return
		}
		d.decodeStruct(n, v)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.addf(n, "expected a list, found %s", describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.path = append(d.path, step{idx: i, isIdx: true})
			d.decode(c, s.Index(i))
			d.path = d.path[:len(d.path)-1]
		}
		v.Set(s)
	default:
		d.decodeScalar(n, v)
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.addf(n, "expected a mapping of keys to values, found %s", describe(n))
		return
	}
	d.nodes[v.Addr().Interface()] = n
	t := v.Type()
	sf := d.fieldsOf(t)
	var seen uint64 // fields set so far, by index; structs have under 64
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.addf(k, "keys must be plain names, found %s", describe(k))
			continue
		}
		if k.Value == "<<" {
			d.addf(k, "YAML merge keys (<<) are not supported; write the keys out")
			continue
		}
		d.path = append(d.path, step{key: k.Value})
		idx, ok := sf.index[k.Value]
		switch {
		case !ok:
			where := "here"
			switch t {
			case textType:
				where = "in a name"
			case noteType:
				where = "in a note"
			}
			d.addf(k, "unknown field %s %s; known fields: %s", quote(k.Value), where, sf.names)
		case seen&(1<<idx) != 0:
			d.addf(k, "field %q is given twice", k.Value)
		default:
			seen |= 1 << idx
			d.decode(val, v.Field(idx))
		}
		d.path = d.path[:len(d.path)-1]
	}
}

func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.ScalarNode {
		d.addf(n, "expected a single value, found %s", describe(n))
		return
	}
	if n.Tag == "!!null" {
		if k := v.Kind(); k == reflect.Int || k == reflect.Float64 {
			d.addf(n, "no value given; expected a number")
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Tag == "!!binary" {
			d.addf(n, "binary values are not supported")
			return
		}
		s := n.Value
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			s = strings.TrimRight(s, "\n")
		}
		if hasUnshowable(s) {
			d.addf(n, "%s", textProblem(s))
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Tag != "!!bool" || err != nil {
			d.addf(n, "expected true or false, found %q", n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Tag != "!!int" || err != nil {
			d.addf(n, "expected a whole number, found %q", n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		f, err := parseFloat(n)
		if err != nil {
			d.addf(n, "%v", err)
			return
		}
		v.SetFloat(f)
	default:
		d.addf(n, "unsupported field type %s", v.Type())
	}
}

// parseFloat reads a number, rejecting NaN, infinities and strings. Plain
// decimals, the common case, are read directly; anything else goes
// through the YAML library's own rules.
func parseFloat(n *yaml.Node) (float64, error) {
	if n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, fmt.Errorf("expected a number, found %q", n.Value)
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || strings.ContainsAny(n.Value, "_xXoObBpP") {
		var g float64
		if err := n.Decode(&g); err != nil {
			return 0, fmt.Errorf("expected a number, found %q", n.Value)
		}
		f = g
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%s is not a finite number", n.Value)
	}
	return f, nil
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Value == "" {
		return "an empty value"
	}
	return fmt.Sprintf("%q", n.Value)
}
