package data

import "sort"

// Basis says what a target was judged against.
type Basis int

// The bases of a target judgement, from firmest to weakest.
const (
	// BasisActual: an actual figure for the target's own year.
	BasisActual Basis = iota
	// BasisProvisional: an estimate, partial or derived figure for the
	// target's own year.
	BasisProvisional
	// BasisLater: no figure for the target's year; the nearest later
	// year's figure stands in.
	BasisLater
	// BasisNone: no figure for the target's year or any later year.
	BasisNone
)

// Gap is how one target compares with the figure reported against it.
type Gap struct {
	Metric *Metric
	Target *Figure
	// Against is the figure the target is judged on, nil for BasisNone.
	Against *Figure
	// Value is Against's value in the target's unit.
	Value float64
	Basis Basis
	// Met reports whether Value satisfies the target's comparator; it is
	// meaningless for BasisNone.
	Met bool
	// Diff is Value − target value, in the target's unit (points for %).
	Diff float64
	// DiffPct is Diff as a percentage of the target value; DiffOK is false
	// when the target value is zero.
	DiffPct float64
	DiffOK  bool
	// Progress is Value over the target value (the reverse for "<" and
	// "<=" targets), for a progress bar; 1 means on target.
	Progress float64
}

// Meets reports whether value satisfies "value COMPARATOR target". A
// value equal to a ">" target does not meet it.
func Meets(value float64, comparator string, target float64) bool {
	switch comparator {
	case ">=":
		return value >= target
	case ">":
		return value > target
	case "<=":
		return value <= target
	case "<":
		return value < target
	}
	return false
}

// Severity orders gaps so that problems come first: 0 is a miss on an
// actual figure, 5 a target met on one.
func (g Gap) Severity() int {
	switch {
	case g.Basis == BasisNone:
		return 2
	case !g.Met && g.Basis == BasisActual:
		return 0
	case !g.Met:
		return 1
	case g.Basis != BasisActual:
		return 3
	}
	return 4
}

// Gaps judges every target in the dataset, problems first.
func (ds *Dataset) Gaps() []Gap {
	var out []Gap
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for j := range m.Figures {
			if m.Figures[j].Kind == Target {
				out = append(out, ds.GapFor(m, &m.Figures[j]))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity() < out[j].Severity() })
	return out
}

// GapFor judges one target of a metric against the figure for its year,
// or the nearest later figure when its year has none.
func (ds *Dataset) GapFor(m *Metric, t *Figure) Gap {
	g := Gap{Metric: m, Target: t, Basis: BasisNone}
	var best *Figure
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Kind == Target || f.Zone != t.Zone || f.Year < t.Year {
			continue
		}
		if best == nil || f.Year < best.Year || f.Year == best.Year && ds.prefer(f, best) {
			best = f
		}
	}
	if best == nil {
		return g
	}
	g.Against = best
	switch {
	case best.Year > t.Year:
		g.Basis = BasisLater
	case best.Kind == Actual:
		g.Basis = BasisActual
	default:
		g.Basis = BasisProvisional
	}
	g.Value, _ = convert(best.Value, best.UnitOr(m.Unit), t.UnitOr(m.Unit))
	g.Met = Meets(g.Value, t.Comparator, t.Value)
	g.Diff = g.Value - t.Value
	if t.Value != 0 {
		g.DiffPct, g.DiffOK = g.Diff/t.Value*100, true
		g.Progress = g.Value / t.Value
		if t.Comparator == "<" || t.Comparator == "<=" {
			g.Progress = 0
			if g.Value != 0 {
				g.Progress = t.Value / g.Value
			}
		}
	}
	return g
}
