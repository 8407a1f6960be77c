package data

import (
	"fmt"
	"strings"
)

// This file checks the references between parts of a dataset that can
// only be resolved once every metric is read: figure ids, the inputs of
// derived figures, the figures a curated conflict names, and related
// metrics. Each reference is recorded with its position while its node
// is at hand, so the check needs no syntax tree.

// linkSet is every figure id and every reference to one, with where they
// are written.
type linkSet struct {
	figures []figureAt
	inputs  []refAt
	related []refAt
	// conflicts are the figure references of curated conflicts.
	conflicts []refAt
	// metrics are the metric ids, for related.
	metrics map[string]bool
}

// figureAt is a figure id where it is declared.
type figureAt struct {
	id string
	f  *Figure
	at Problem
}

// refAt is a reference by id, from a figure when from is set.
type refAt struct {
	id   string
	from *Figure
	at   Problem
}

// merge adds the links of another part of the file.
func (ls *linkSet) merge(o linkSet) {
	ls.figures = append(ls.figures, o.figures...)
	ls.inputs = append(ls.inputs, o.inputs...)
	ls.related = append(ls.related, o.related...)
	ls.conflicts = append(ls.conflicts, o.conflicts...)
}

// problemAt is a problem at a field of the struct at l, for filling in
// later; ok is false when decoding failed there already.
func (d *decoder) problemAt(l loc, field string, idx int) (Problem, bool) {
	ps := join(l.String(), field)
	if idx >= 0 {
		ps += fmt.Sprintf("[%d]", idx)
	}
	if d.insideBroken(ps) {
		return Problem{}, false
	}
	return Problem{File: d.file, Pos: d.posOf(l, field, idx), Field: ps}, true
}

// figureLinks checks a figure's id and inputs where they are written and
// records them for checkLinks.
func (d *decoder) figureLinks(f *Figure, l loc) {
	if f.ID != "" {
		if !wellFormedID(f.ID) {
			d.fail(l, "id", "figure id %q must not contain spaces", f.ID)
		} else if at, ok := d.problemAt(l, "id", -1); ok {
			d.links.figures = append(d.links.figures, figureAt{f.ID, f, at})
		}
	}
	switch {
	case f.Kind == Derived && len(f.Inputs) == 0 && !d.has(l, "inputs"):
		d.fail(l, "inputs", "a derived figure needs inputs: the ids of the figures it is computed from")
	case f.Kind == Derived && len(f.Inputs) == 0:
		d.fail(l, "inputs", "a derived figure needs at least one input")
	case f.Kind != Derived && len(f.Inputs) > 0:
		d.fail(l, "inputs", "only a derived figure names inputs; this figure is %s", f.Kind)
		return
	}
	named := make(map[string]bool, len(f.Inputs))
	for j, id := range f.Inputs {
		if named[id] {
			d.failAt(l, "inputs", j, "input %q is named twice", id)
			continue
		}
		named[id] = true
		if at, ok := d.problemAt(l, "inputs", j); ok {
			d.links.inputs = append(d.links.inputs, refAt{id, f, at})
		}
	}
}

// metricLinks records a metric's related metrics for checkLinks.
func (d *decoder) metricLinks(m *Metric, l loc) {
	for j, id := range m.Related {
		if id == m.ID {
			d.failAt(l, "related", j, "a metric is not related to itself")
			continue
		}
		if at, ok := d.problemAt(l, "related", j); ok {
			d.links.related = append(d.links.related, refAt{id: id, at: at})
		}
	}
}

// checkLinks resolves every recorded reference and returns the problems.
func checkLinks(ls linkSet) Problems {
	var ps Problems
	fail := func(at Problem, format string, args ...any) {
		at.Msg = fmt.Sprintf(format, args...)
		ps = append(ps, at)
	}
	byID := make(map[string]*Figure, len(ls.figures))
	for _, fa := range ls.figures {
		if _, dup := byID[fa.id]; dup {
			fail(fa.at, "duplicate figure id %q", fa.id)
			continue
		}
		byID[fa.id] = fa.f
	}
	inputs := map[*Figure][]refAt{}
	for _, r := range ls.inputs {
		in := byID[r.id]
		switch {
		case in == nil:
			fail(r.at, "unknown figure %q: no figure has this id", r.id)
		case in == r.from:
			fail(r.at, "a figure cannot be its own input")
		case in.Kind == Target:
			fail(r.at, "figure %q is a target; a derived figure is computed from reported figures", r.id)
		default:
			inputs[r.from] = append(inputs[r.from], r)
		}
	}
	for _, r := range ls.conflicts {
		if byID[r.id] == nil {
			fail(r.at, "unknown figure %q: no figure has this id", r.id)
		}
	}
	for _, r := range ls.related {
		if !ls.metrics[r.id] {
			fail(r.at, "unknown metric %q", r.id)
		}
	}
	for _, c := range cycles(ls.inputs, inputs, byID) {
		fail(c.at, "inputs form a cycle: %s", c.path)
	}
	return ps
}

// cycle is a loop of derived figures, reported at the reference that
// closes it.
type cycle struct {
	at   Problem
	path string
}

// cycles finds the loops among derived figures' inputs, in file order.
func cycles(order []refAt, inputs map[*Figure][]refAt, byID map[string]*Figure) []cycle {
	const (
		unseen = iota
		open
		done
	)
	state := map[*Figure]int{}
	var out []cycle
	var stack []string
	var visit func(f *Figure, id string)
	visit = func(f *Figure, id string) {
		state[f] = open
		stack = append(stack, id)
		for _, r := range inputs[f] {
			in := byID[r.id]
			switch state[in] {
			case open:
				i := len(stack) - 1
				for i > 0 && stack[i] != r.id {
					i--
				}
				out = append(out, cycle{r.at, strings.Join(append(append([]string{}, stack[i:]...), r.id), " -> ")})
			case unseen:
				visit(in, r.id)
			}
		}
		stack = stack[:len(stack)-1]
		state[f] = done
	}
	for _, r := range order {
		if state[r.from] == unseen {
			visit(r.from, r.from.ID)
		}
	}
	return out
}
