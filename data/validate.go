package data

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Year bounds accepted for any figure or date.
const (
	MinYear = 1949
	MaxYear = 2100
)

// comparators are the target comparators a figure may carry.
var comparators = map[string]bool{">=": true, ">": true, "<=": true, "<": true}

// at returns the position recorded for path, or for its nearest recorded
// parent when the field itself was not written.
func (d *decoder) at(path string) Pos {
	for {
		if p, ok := d.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			if p, ok := d.pos[""]; ok {
				return p
			}
			return Pos{1, 1}
		}
		path = path[:i]
	}
}

// fail records a validation problem, unless decoding already failed at
// path or at a field that contains it: a value that could not be read is
// reported once, not again as empty or out of range.
func (d *decoder) fail(path, format string, args ...any) {
	if d.insideBroken(path) {
		return
	}
	d.add(Problem{File: d.file, Pos: d.at(path), Field: path, Msg: fmt.Sprintf(format, args...)})
}

// insideBroken reports whether decoding failed at path or at a parent.
func (d *decoder) insideBroken(path string) bool {
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

// validate checks the references and values of a decoded dataset.
func validate(ds *Dataset, d *decoder) {
	if ds.Schema != SchemaVersion {
		if _, ok := d.pos["schema"]; !ok {
			d.fail("schema", "missing; write schema: %d", SchemaVersion)
		} else {
			d.fail("schema", "version %d is not supported; this lzdash reads schema %d", ds.Schema, SchemaVersion)
		}
	}
	d.text(ds.Title, "title")
	d.text(ds.Region, "region")
	if len(ds.Metrics) == 0 {
		d.fail("metrics", "the dataset has no metrics")
	}

	sources := map[string]bool{}
	for i, s := range ds.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		d.id(s.ID, p, "source", sources)
		d.required(s.Publisher, p+".publisher")
		d.required(s.Title, p+".title")
		d.date(s.Date, p+".date")
		if s.DateInferred && s.Note == "" {
			d.fail(p+".note", "an inferred date needs a note saying how it was inferred")
		}
	}
	cats := map[string]bool{}
	for i, c := range ds.Categories {
		p := fmt.Sprintf("categories[%d]", i)
		d.id(c.ID, p, "category", cats)
		d.text(c.Name, p+".name")
	}
	zones := map[string]bool{}
	for i, z := range ds.Zones {
		d.id(z.ID, fmt.Sprintf("zones[%d]", i), "zone", zones)
	}
	for i, z := range ds.Zones {
		d.zone(z, fmt.Sprintf("zones[%d]", i), zones, sources)
	}
	metrics := map[string]bool{}
	for i := range ds.Metrics {
		d.metric(&ds.Metrics[i], fmt.Sprintf("metrics[%d]", i), metrics, cats, zones, sources)
	}
}

func (d *decoder) required(v, path string) {
	if strings.TrimSpace(v) == "" {
		d.fail(path, "must not be empty")
	}
}

func (d *decoder) text(t Text, path string) {
	d.required(t.Zh, path+".zh")
	d.required(t.En, path+".en")
}

func (d *decoder) id(id, path, what string, seen map[string]bool) {
	switch {
	case strings.TrimSpace(id) == "":
		d.fail(path+".id", "a %s needs an id", what)
	case strings.ContainsAny(id, " \t"):
		d.fail(path+".id", "id %q must not contain spaces", id)
	case seen[id]:
		d.fail(path+".id", "duplicate %s id %q", what, id)
	}
	seen[id] = true
}

func (d *decoder) ref(id, path, what string, known map[string]bool) {
	if id == "" {
		d.fail(path, "a %s reference is required", what)
	} else if !known[id] {
		d.fail(path, "unknown %s %q", what, id)
	}
}

func (d *decoder) year(y int, path string) {
	if y < MinYear || y > MaxYear {
		if _, ok := d.pos[path]; !ok {
			d.fail(path, "missing; every figure needs a year")
			return
		}
		d.fail(path, "year %d is outside %d..%d", y, MinYear, MaxYear)
	}
}

func (d *decoder) date(s, path string) {
	t, err := time.Parse("2006-01-02", s)
	switch {
	case s == "":
		d.fail(path, "must not be empty; write YYYY-MM-DD")
	case err != nil:
		d.fail(path, "%q is not a date; write YYYY-MM-DD", s)
	default:
		d.year(t.Year(), path)
	}
}

func (d *decoder) zone(z Zone, p string, zones, sources map[string]bool) {
	d.text(z.Name, p+".name")
	for j, m := range z.Members {
		mp := fmt.Sprintf("%s.members[%d]", p, j)
		d.ref(m, mp, "zone", zones)
		if m == z.ID {
			d.fail(mp, "a zone cannot be a member of itself")
		}
	}
	if in := z.Industries; in != nil {
		d.ref(in.Source, p+".industries.source", "source", sources)
		d.required(in.Quote, p+".industries.quote")
		for j, it := range in.Items {
			d.text(it, fmt.Sprintf("%s.industries.items[%d]", p, j))
		}
	}
}

func (d *decoder) metric(m *Metric, p string, metrics, cats, zones, sources map[string]bool) {
	d.id(m.ID, p, "metric", metrics)
	d.text(m.Name, p+".name")
	d.ref(m.Category, p+".category", "category", cats)
	d.required(m.Unit, p+".unit")
	if m.Better != "" && m.Better != "higher" && m.Better != "lower" {
		d.fail(p+".better", "must be higher or lower, not %q", m.Better)
	}
	if len(m.Figures) == 0 {
		d.fail(p+".figures", "metric %q has no figures", m.ID)
	}
	type key struct {
		zone, period, source string
		year                 int
		kind                 Kind
		value                float64
	}
	seen := map[key]int{}
	for j := range m.Figures {
		f := &m.Figures[j]
		fp := fmt.Sprintf("%s.figures[%d]", p, j)
		d.figure(m, f, fp, zones, sources)
		k := key{f.Zone, f.Period, f.Source, f.Year, f.Kind, f.Value}
		if prev, ok := seen[k]; ok {
			d.fail(fp, "repeats figures[%d] exactly", prev)
		}
		seen[k] = j
	}
}

func (d *decoder) figure(m *Metric, f *Figure, fp string, zones, sources map[string]bool) {
	if f.Zone != "" && !zones[f.Zone] {
		d.fail(fp+".zone", "unknown zone %q", f.Zone)
	}
	d.year(f.Year, fp+".year")
	if _, ok := d.pos[fp+".value"]; !ok {
		d.fail(fp+".value", "missing; every figure needs a value")
	}
	switch {
	case f.Kind == "":
		d.fail(fp+".kind", "missing; write actual, estimate, partial, target or derived")
	case !f.Kind.Valid():
		d.fail(fp+".kind", "unknown kind %q; write actual, estimate, partial, target or derived", f.Kind)
	}
	switch {
	case f.Kind == Target && f.Comparator == "":
		d.fail(fp+".comparator", "a target needs a comparator: \">=\" for 以上, \">\" for 超过")
	case f.Comparator != "" && !comparators[f.Comparator]:
		d.fail(fp+".comparator", "unknown comparator %q; write >=, >, <= or <", f.Comparator)
	case f.Comparator != "" && f.Kind != Target:
		d.fail(fp+".comparator", "only targets carry a comparator; this figure is %s", f.Kind)
	}
	if f.Kind == Derived && strings.TrimSpace(f.Formula) == "" {
		d.fail(fp+".formula", "a derived figure needs the formula it was derived by")
	}
	if f.Unit != "" {
		if _, ok := UnitFactor(f.Unit, m.Unit); !ok {
			d.fail(fp+".unit", "unit %q cannot be converted to the metric's unit %q", f.Unit, m.Unit)
		}
	}
	if f.OutOf < 0 || (f.OutOf > 0 && f.Value > f.OutOf) {
		d.fail(fp+".out_of", "a ranking of %g out of %g is impossible", f.Value, f.OutOf)
	}
	d.ref(f.Source, fp+".source", "source", sources)
	d.required(f.Quote, fp+".quote")
}
