package data

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// kindRank orders the kinds a series prefers when several figures share a
// year: a reported figure beats one computed from it, which beats one
// printed before its period ended, then a forecast, then a part-year
// count.
var kindRank = map[Kind]int{Actual: 0, Derived: 1, Provisional: 2, Estimate: 3, Partial: 4}

// Point is one year of a metric's series.
type Point struct {
	Year int
	// Value is the figure's value converted to the metric's unit.
	Value float64
	// Figure is the figure chosen for the year.
	Figure *Figure
	// Others are the other non-target figures for the same year, kept so
	// that a conflict is never hidden.
	Others []*Figure
	// Standing is the figure's standing (see Dataset.Standing): a
	// derived figure is no firmer than its inputs.
	Standing Kind
	// Break is set when the figure does not compare with the one of the
	// point before it, so that no change, growth rate or line may join
	// them; Why says why. The first point of a series is no break.
	Break bool
	Why   Text
}

// Kind is the chosen figure's kind.
func (p Point) Kind() Kind { return p.Figure.Kind }

// Value returns the figure's value converted to the metric's unit.
func (m *Metric) Value(f *Figure) float64 {
	v, _ := convert(f.Value, f.UnitOr(m.Unit), m.Unit)
	return v
}

// Series returns the metric's non-target figures for one zone ("" for
// city-wide) as one point per year, oldest first. When several figures
// share a year it picks by kind (actual, derived, provisional, estimate,
// partial), then the most recently published source, and keeps the rest
// in Others. A point that does not compare with the one before it (see
// Comparable) is marked as a break.
func (ds *Dataset) Series(m *Metric, zone string) []Point {
	var fs []*Figure
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Zone == zone && f.Kind != Target {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Year != fs[j].Year {
			return fs[i].Year < fs[j].Year
		}
		return ds.prefer(fs[i], fs[j])
	})
	var out []Point
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[j].Year == fs[i].Year {
			j++
		}
		p := Point{Year: fs[i].Year, Value: m.Value(fs[i]), Figure: fs[i], Standing: ds.Standing(fs[i])}
		if j > i+1 {
			p.Others = fs[i+1 : j : j]
		}
		if len(out) > 0 {
			ok, why := Comparable(m, out[len(out)-1].Figure, p.Figure)
			p.Break, p.Why = !ok, why
		}
		out = append(out, p)
		i = j
	}
	return out
}

// LatestByZone returns, for every zone with figures for the metric, the
// last point of Series(m, zone), in one pass over the figures.
func (ds *Dataset) LatestByZone(m *Metric) map[string]Point {
	best := map[string]*Figure{}
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Zone == "" || f.Kind == Target {
			continue
		}
		if b := best[f.Zone]; b == nil || f.Year > b.Year || f.Year == b.Year && ds.prefer(f, b) {
			best[f.Zone] = f
		}
	}
	out := make(map[string]Point, len(best))
	for z, f := range best {
		p := Point{Year: f.Year, Value: m.Value(f), Figure: f, Standing: ds.Standing(f)}
		for i := range m.Figures {
			o := &m.Figures[i]
			if o != f && o.Zone == z && o.Year == f.Year && o.Kind != Target {
				p.Others = append(p.Others, o)
			}
		}
		out[z] = p
	}
	return out
}

// prefer reports whether a should be chosen over b for the same year.
func (ds *Dataset) prefer(a, b *Figure) bool {
	if kindRank[a.Kind] != kindRank[b.Kind] {
		return kindRank[a.Kind] < kindRank[b.Kind]
	}
	return ds.sourceDate(a.Source) > ds.sourceDate(b.Source)
}

func (ds *Dataset) sourceDate(id string) string {
	if s := ds.Source(id); s != nil {
		return s.Date
	}
	return ""
}

// Change is the movement between two points of a series.
type Change struct {
	From, To Point
	// Abs is To − From in the metric's unit; for a percentage metric it is
	// in percentage points.
	Abs float64
	// Rel is the relative change, (To − From) / |From|; RelOK is false when
	// From is zero.
	Rel   float64
	RelOK bool
	// PP is true when Abs is in percentage points.
	PP bool
	// Standing is the weaker of the two ends' standings: a change to a
	// provisional figure is provisional, one from an estimate an estimate.
	Standing Kind
	// Approx is set when either end is approximate (has a qualifier).
	Approx bool
}

// Years is the number of years the change spans.
func (c Change) Years() int { return c.To.Year - c.From.Year }

// Final reports whether both ends are actual figures.
func (c Change) Final() bool { return c.From.Kind().Final() && c.To.Kind().Final() }

// NewChange computes the change from one point to another. It does not
// ask whether the two compare: Changes and Latest do, and callers of
// NewChange must.
func NewChange(from, to Point, unit string) Change {
	c := Change{From: from, To: to, Abs: to.Value - from.Value, PP: IsPercent(unit),
		Standing: Weaker(standingOf(from), standingOf(to)),
		Approx:   from.Figure.Qualifier != "" || to.Figure.Qualifier != ""}
	if from.Value != 0 {
		c.Rel, c.RelOK = c.Abs/math.Abs(from.Value), true
	}
	return c
}

// standingOf is a point's standing, or its kind's for a point built by
// hand.
func standingOf(p Point) Kind {
	if p.Standing != "" {
		return p.Standing
	}
	if p.Figure.Kind == Partial || p.Figure.Kind == Derived {
		return Actual
	}
	return p.Figure.Kind
}

// Changes returns the change between each pair of consecutive points
// that compare; nothing is computed across a break.
func Changes(s []Point, unit string) []Change {
	var out []Change
	for i := 1; i < len(s); i++ {
		if !s[i].Break {
			out = append(out, NewChange(s[i-1], s[i], unit))
		}
	}
	return out
}

// Latest returns the change into the series' last point from the one
// before it, and false when the series has fewer than two points or the
// last point is a break (its Why says why).
func Latest(s []Point, unit string) (Change, bool) {
	if len(s) < 2 || s[len(s)-1].Break {
		return Change{}, false
	}
	return NewChange(s[len(s)-2], s[len(s)-1], unit), true
}

// Errors returned by CAGR.
var (
	ErrMissingYear = errors.New("no figure for that year")
	ErrZeroBase    = errors.New("the starting value is not positive or the end value is negative")
	ErrSpan        = errors.New("the end year must be after the start year")
	ErrBreak       = errors.New("the series breaks between the two years: the figures do not compare")
)

// At returns the point for a year.
func At(s []Point, year int) (Point, bool) {
	for _, p := range s {
		if p.Year == year {
			return p, true
		}
	}
	return Point{}, false
}

// CAGR is the compound annual growth rate between two years of a series,
// as a fraction (0.1 is 10% a year).
func CAGR(s []Point, from, to int) (float64, error) {
	if to <= from {
		return 0, fmt.Errorf("CAGR %d-%d: %w", from, to, ErrSpan)
	}
	a, ok := At(s, from)
	if !ok {
		return 0, fmt.Errorf("CAGR %d-%d: %d: %w", from, to, from, ErrMissingYear)
	}
	b, ok := At(s, to)
	if !ok {
		return 0, fmt.Errorf("CAGR %d-%d: %d: %w", from, to, to, ErrMissingYear)
	}
	for _, p := range s {
		if p.Year > from && p.Year <= to && p.Break {
			return 0, fmt.Errorf("CAGR %d-%d: at %d: %w", from, to, p.Year, ErrBreak)
		}
	}
	if a.Value <= 0 || b.Value < 0 {
		return 0, fmt.Errorf("CAGR %d-%d: %w", from, to, ErrZeroBase)
	}
	return math.Pow(b.Value/a.Value, 1/float64(to-from)) - 1, nil
}
