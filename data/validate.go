package data

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Year bounds accepted for any figure or date.
const (
	MinYear = 1949
	MaxYear = 2100
)

// comparators are the target comparators a figure may carry.
var comparators = map[string]bool{">=": true, ">": true, "<=": true, "<": true}

// loc is a struct being validated: a pointer to it, which finds its
// mapping node, and its path, base or base[idx]. The path is a string
// only when a problem is reported.
type loc struct {
	ptr  any
	base string
	idx  int // -1 when the path is base alone
}

func (l loc) String() string {
	if l.idx < 0 {
		return l.base
	}
	return fmt.Sprintf("%s[%d]", l.base, l.idx)
}

// sub is the loc of a struct held in field of the struct at l.
func (l loc) sub(ptr any, field string) loc {
	return loc{ptr, join(l.String(), field), -1}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// node returns the value node of a field of the struct, or nil when the
// field was not written.
func (d *decoder) node(l loc, field string) *yaml.Node {
	n := d.nodes[l.ptr]
	if n == nil {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == field {
			return n.Content[i+1]
		}
	}
	return nil
}

// has reports whether a field of the struct was written.
func (d *decoder) has(l loc, field string) bool { return d.node(l, field) != nil }

// posOf is the position of a field, element idx of it when idx >= 0, or
// of the struct when the field was not written.
func (d *decoder) posOf(l loc, field string, idx int) Pos {
	if n := d.node(l, field); n != nil {
		if idx >= 0 && idx < len(n.Content) {
			n = n.Content[idx]
		}
		return Pos{n.Line, n.Column}
	}
	if n := d.nodes[l.ptr]; n != nil {
		return Pos{n.Line, n.Column}
	}
	return Pos{1, 1}
}

// fail records a validation problem with a field of the struct at l,
// unless decoding already failed at that field or at one that contains
// it: a value that could not be read is reported once, not again as
// empty or out of range.
func (d *decoder) fail(l loc, field string, format string, args ...any) {
	d.failAt(l, field, -1, format, args...)
}

// failAt is fail for element idx of a list field; idx < 0 means the field.
func (d *decoder) failAt(l loc, field string, idx int, format string, args ...any) {
	ps := l.String()
	if field != "" {
		ps = join(ps, field)
	}
	if idx >= 0 {
		ps += fmt.Sprintf("[%d]", idx)
	}
	if d.insideBroken(ps) {
		return
	}
	d.add(Problem{File: d.file, Pos: d.posOf(l, field, idx), Field: ps, Msg: fmt.Sprintf(format, args...)})
}

// insideBroken reports whether decoding failed at path or at a parent.
func (d *decoder) insideBroken(path string) bool {
	if len(d.broken) == 0 {
		return false
	}
	for {
		if d.broken[path] {
			return true
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return d.broken[""]
		}
		path = path[:i]
	}
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Pos.Line != ps[j].Pos.Line {
			return ps[i].Pos.Line < ps[j].Pos.Line
		}
		return ps[i].Pos.Col < ps[j].Pos.Col
	})
}

// refs are the ids metrics may refer to.
type refs struct {
	sources, cats, zones map[string]bool
}

// validate checks the references and values of a decoded dataset.
func validate(ds *Dataset, d *decoder) {
	r := validateHead(ds, d)
	if len(ds.Metrics) == 0 {
		d.fail(loc{ds, "", -1}, "metrics", "the dataset has no metrics")
	}
	metrics := make(map[string]bool, len(ds.Metrics))
	for i := range ds.Metrics {
		d.metric(&ds.Metrics[i], loc{&ds.Metrics[i], "metrics", i}, metrics, r)
	}
	d.links.metrics = metrics
	for _, p := range checkLinks(d.links) {
		d.add(p)
	}
}

// validateHead checks everything but the metrics and returns the ids they
// may refer to.
func validateHead(ds *Dataset, d *decoder) refs {
	root := loc{ds, "", -1}
	if ds.Schema != SchemaVersion {
		if !d.has(root, "schema") {
			d.fail(root, "schema", "missing; write schema: %d", SchemaVersion)
		} else {
			d.fail(root, "schema", "version %d is not supported; this lzdash reads schema %d", ds.Schema, SchemaVersion)
		}
	}
	d.text(&ds.Title, root, "title")
	d.text(&ds.Region, root, "region")

	sources := map[string]bool{}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		l := loc{s, "sources", i}
		d.id(s.ID, l, "source", sources)
		d.required(s.Publisher, l, "publisher")
		d.required(s.Title, l, "title")
		d.date(s.Date, l, "date")
		if s.DateInferred && s.Note.Empty() {
			d.fail(l, "note", "an inferred date needs a note saying how it was inferred")
		}
	}
	cats := map[string]bool{}
	for i := range ds.Categories {
		c := &ds.Categories[i]
		l := loc{c, "categories", i}
		d.id(c.ID, l, "category", cats)
		d.text(&c.Name, l, "name")
	}
	zones := map[string]bool{}
	for i := range ds.Zones {
		d.id(ds.Zones[i].ID, loc{&ds.Zones[i], "zones", i}, "zone", zones)
	}
	for i := range ds.Zones {
		d.zone(&ds.Zones[i], loc{&ds.Zones[i], "zones", i}, zones, sources)
	}
	d.curated(ds)
	return refs{sources: sources, cats: cats, zones: zones}
}

func (d *decoder) required(v string, l loc, field string) {
	if strings.TrimSpace(v) == "" {
		d.fail(l, field, "must not be empty")
	}
}

// text checks both languages of a name held in field of the struct at l.
// An empty field means l is the name itself.
func (d *decoder) text(t *Text, l loc, field string) {
	tl := loc{t, l.String(), -1}
	if field != "" {
		tl = l.sub(t, field)
	}
	d.required(t.Zh, tl, "zh")
	d.required(t.En, tl, "en")
}

// id checks an id's form and, when seen is not nil, that it is new.
func (d *decoder) id(id string, l loc, what string, seen map[string]bool) {
	switch {
	case strings.TrimSpace(id) == "":
		d.fail(l, "id", "a %s needs an id", what)
	case strings.ContainsAny(id, " \t"):
		d.fail(l, "id", "id %q must not contain spaces", id)
	case seen != nil && seen[id]:
		d.fail(l, "id", "duplicate %s id %q", what, id)
	}
	if seen != nil {
		seen[id] = true
	}
}

// wellFormedID reports whether id passes the form checks of id.
func wellFormedID(id string) bool {
	return strings.TrimSpace(id) != "" && !strings.ContainsAny(id, " \t")
}

func (d *decoder) ref(id string, l loc, field, what string, known map[string]bool) {
	d.refAt(id, l, field, -1, what, known)
}

func (d *decoder) refAt(id string, l loc, field string, idx int, what string, known map[string]bool) {
	if id == "" {
		d.failAt(l, field, idx, "a %s reference is required", what)
	} else if !known[id] {
		d.failAt(l, field, idx, "unknown %s %q", what, id)
	}
}

func (d *decoder) year(y int, l loc, field string) {
	if y < MinYear || y > MaxYear {
		if !d.has(l, field) {
			d.fail(l, field, "missing; every figure needs a year")
			return
		}
		d.fail(l, field, "year %d is outside %d..%d", y, MinYear, MaxYear)
	}
}

func (d *decoder) date(s string, l loc, field string) {
	t, err := time.Parse("2006-01-02", s)
	switch {
	case s == "":
		d.fail(l, field, "must not be empty; write YYYY-MM-DD")
	case err != nil:
		d.fail(l, field, "%q is not a date; write YYYY-MM-DD", s)
	default:
		d.year(t.Year(), l, field)
	}
}

func (d *decoder) zone(z *Zone, l loc, zones, sources map[string]bool) {
	d.text(&z.Name, l, "name")
	for j, m := range z.Members {
		d.refAt(m, l, "members", j, "zone", zones)
		if m == z.ID {
			d.failAt(l, "members", j, "a zone cannot be a member of itself")
		}
	}
	if in := z.Industries; in != nil {
		il := l.sub(in, "industries")
		d.ref(in.Source, il, "source", "source", sources)
		d.required(in.Quote, il, "quote")
		items := join(il.String(), "items")
		for j := range in.Items {
			d.text(&in.Items[j], loc{&in.Items[j], items, j}, "")
		}
	}
}

// metric checks one metric and its figures; metrics, when not nil, holds
// the ids seen so far.
func (d *decoder) metric(m *Metric, l loc, metrics map[string]bool, r refs) {
	zones, sources := r.zones, r.sources
	d.id(m.ID, l, "metric", metrics)
	d.text(&m.Name, l, "name")
	d.ref(m.Category, l, "category", "category", r.cats)
	d.required(m.Unit, l, "unit")
	if m.Better != "" && m.Better != "higher" && m.Better != "lower" {
		d.fail(l, "better", "must be higher or lower, not %q", m.Better)
	}
	if len(m.Figures) == 0 {
		d.fail(l, "figures", "metric %q has no figures", m.ID)
	}
	d.metricLinks(m, l)
	type key struct {
		zone, source string
		when         Period
		kind         Kind
		value        float64
	}
	seen := make(map[key]int, len(m.Figures))
	list := join(l.String(), "figures")
	for j := range m.Figures {
		f := &m.Figures[j]
		fl := loc{f, list, j}
		d.figure(m, f, fl, zones, sources)
		k := key{f.Zone, f.Source, f.When, f.Kind, f.Value}
		if prev, ok := seen[k]; ok {
			d.fail(fl, "", "repeats figures[%d] exactly", prev)
		}
		seen[k] = j
	}
}

func (d *decoder) figure(m *Metric, f *Figure, l loc, zones, sources map[string]bool) {
	if f.Zone != "" && !zones[f.Zone] {
		d.fail(l, "zone", "unknown zone %q", f.Zone)
	}
	d.year(f.Year, l, "year")
	if !d.has(l, "value") {
		d.fail(l, "value", "missing; every figure needs a value")
	}
	switch {
	case f.Kind == "":
		d.fail(l, "kind", "missing; write %s", kindList)
	case !f.Kind.Valid():
		d.fail(l, "kind", "unknown kind %q; write %s", f.Kind, kindList)
	}
	d.period(f, l)
	d.qualifier(f, l)
	d.figureLinks(f, l)
	switch {
	case f.Kind == Target && f.Comparator == "":
		d.fail(l, "comparator", "a target needs a comparator: \">=\" for 以上, \">\" for 超过")
	case f.Comparator != "" && !comparators[f.Comparator]:
		d.fail(l, "comparator", "unknown comparator %q; write >=, >, <= or <", f.Comparator)
	case f.Comparator != "" && f.Kind != Target:
		d.fail(l, "comparator", "only targets carry a comparator; this figure is %s", f.Kind)
	}
	if f.Kind == Derived && strings.TrimSpace(f.Formula.Zh+f.Formula.En) == "" {
		d.fail(l, "formula", "a derived figure needs the formula it was derived by")
	}
	if f.Unit != "" {
		if _, ok := UnitFactor(f.Unit, m.Unit); !ok {
			d.fail(l, "unit", "unit %q cannot be converted to the metric's unit %q", f.Unit, m.Unit)
		}
	}
	if f.OutOf < 0 || (f.OutOf > 0 && f.Value > f.OutOf) {
		d.fail(l, "out_of", "a ranking of %g out of %g is impossible", f.Value, f.OutOf)
	}
	d.ref(f.Source, l, "source", "source", sources)
	d.required(f.Quote, l, "quote")
}
