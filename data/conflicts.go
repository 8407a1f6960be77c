package data

import (
	"fmt"
	"sort"
)

// Conflict is a set of figures that disagree: found by rule, or named in
// the dataset's conflicts list.
type Conflict struct {
	// ID names a curated conflict; it is empty for one found by rule.
	ID string
	// Figures are the figures in disagreement, with their metrics. For a
	// conflict found by rule, the first is the one a series shows.
	Figures []FigureRef
	// Note says what the tension is; curated conflicts always have one.
	Note Note
}

// Curated reports whether the conflict is named in the dataset rather
// than found by rule.
func (c Conflict) Curated() bool { return c.ID != "" }

// Conflicts lists every disagreement: first those found by rule, metric
// by metric, then the curated ones in the order the dataset lists them.
//
// The rule: figures of one metric and zone for the same period (the same
// year, part of a year, date or running total) that compare (see
// Comparable), from different sources, with different values. A derived
// figure that only reproduces another figure of the group takes no part:
// it is a check, not a second report.
func (ds *Dataset) Conflicts() []Conflict {
	var out []Conflict
	for i := range ds.Metrics {
		out = append(out, ds.metricConflicts(&ds.Metrics[i])...)
	}
	for _, c := range ds.Curated {
		k := Conflict{ID: c.ID, Note: c.Note}
		for _, id := range c.Figures {
			if r, ok := ds.FigureByID(id); ok {
				k.Figures = append(k.Figures, r)
			}
		}
		out = append(out, k)
	}
	return out
}

// metricConflicts finds the conflicts among one metric's figures.
func (ds *Dataset) metricConflicts(m *Metric) []Conflict {
	type key struct {
		zone string
		when Period
	}
	groups := map[key][]*Figure{}
	var order []key
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Kind == Target || f.When.Type == PeriodUnstated {
			continue
		}
		k := key{f.Zone, f.When}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	var out []Conflict
	for _, k := range order {
		fs := groups[k]
		if len(fs) < 2 {
			continue
		}
		reported := map[float64]bool{}
		for _, f := range fs {
			if f.Kind != Derived {
				reported[m.Value(f)] = true
			}
		}
		var kept []*Figure
		for _, f := range fs {
			// A derived figure that only reproduces a reported one is a
			// check, not a second report.
			if f.Kind != Derived || !reported[m.Value(f)] {
				kept = append(kept, f)
			}
		}
		if !disagree(m, kept) {
			continue
		}
		sort.SliceStable(kept, func(i, j int) bool { return ds.prefer(kept[i], kept[j]) })
		c := Conflict{}
		for _, f := range kept {
			c.Figures = append(c.Figures, FigureRef{m, f})
		}
		out = append(out, c)
	}
	return out
}

// disagree reports whether two of the figures come from different
// sources and give different values. That is so exactly when they come
// from at least two sources and give at least two values: if every
// figure of other sources than one with value x gave x, a figure giving
// another value would have to share that source, and would differ from
// theirs.
func disagree(m *Metric, fs []*Figure) bool {
	if len(fs) < 2 {
		return false
	}
	sources, values := false, false
	for _, f := range fs[1:] {
		sources = sources || f.Source != fs[0].Source
		values = values || m.Value(f) != m.Value(fs[0])
	}
	return sources && values
}

// curated checks the dataset's conflicts list and records its figure
// references for checkLinks.
func (d *decoder) curated(ds *Dataset) {
	seen := map[string]bool{}
	for i := range ds.Curated {
		c := &ds.Curated[i]
		l := loc{c, "conflicts", i}
		d.id(c.ID, l, "conflict", seen)
		if len(c.Figures) < 2 {
			d.fail(l, "figures", "a conflict names at least two figures, by id")
		}
		named := map[string]int{}
		for j, id := range c.Figures {
			if k, dup := named[id]; dup {
				d.failAt(l, "figures", j, "figure %q is named twice (figures[%d])", id, k)
				continue
			}
			named[id] = j
			if at, ok := d.problemAt(l, "figures", j); ok {
				d.links.conflicts = append(d.links.conflicts, refAt{id: id, at: at})
			}
		}
		nl := l.sub(&c.Note, "note")
		switch {
		case c.Note.Empty():
			d.fail(l, "note", "a conflict needs a note saying what the tension is, in Chinese and English")
		case c.Note.Zh == c.Note.En:
			d.fail(l, "note", "write the note as {zh: ..., en: ...}: a conflict is explained in both languages")
		default:
			d.required(c.Note.Zh, nl, "zh")
			d.required(c.Note.En, nl, "en")
		}
	}
}

// String names the conflict for messages: its id, or its metric.
func (c Conflict) String() string {
	if c.ID != "" {
		return c.ID
	}
	if len(c.Figures) == 0 {
		return "conflict"
	}
	return fmt.Sprintf("%s %d", c.Figures[0].Metric.ID, c.Figures[0].Figure.Year)
}
