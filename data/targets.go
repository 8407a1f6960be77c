package data

import (
	"fmt"
	"sort"
	"strconv"
)

// Status is the verdict on a target.
type Status string

// The verdicts. A target is met or missed only on a figure for its own
// period that compares with it; otherwise its status is unknown.
const (
	Met     Status = "met"
	Missed  Status = "missed"
	Unknown Status = "unknown"
)

// Verdict is how one target stands, with what it rests on.
type Verdict struct {
	Metric *Metric
	Target *Figure
	Status Status
	// Basis is the outcome the verdict rests on: a figure for the
	// target's own period (same year, same part of it, same date) that
	// compares with the target. It is nil when there is none; Status is
	// then Unknown.
	Basis *Figure
	// Standing is Basis's standing (see Dataset.Standing): a verdict on
	// a provisional or estimated figure is no firmer than it.
	Standing Kind
	// Value is Basis's value in the target's unit.
	Value float64
	// Diff is Value − target value, in the target's unit (points for %).
	Diff float64
	// DiffPct is Diff as a percentage of the target value; DiffOK is false
	// when the target value is zero.
	DiffPct float64
	DiffOK  bool
	// Progress is Value over the target value (the reverse for "<" and
	// "<=" targets), for a progress bar; 1 means on target.
	Progress float64
	// Reason says why the status is unknown, or that a verdict rests on
	// less than an actual figure; it is empty for a verdict on an actual
	// figure.
	Reason Text
	// Context holds the metric's figures for later periods and the
	// figures of its related metrics, for the reader to weigh; none of
	// them is a basis for the verdict.
	Context []FigureRef
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

// Severity orders verdicts so that problems come first: 0 is a miss on
// an actual figure, 1 a miss on anything less, 2 unknown, 3 met on less
// than an actual figure, 4 met on an actual one.
func (v Verdict) Severity() int {
	switch {
	case v.Status == Missed && v.Standing == Actual:
		return 0
	case v.Status == Missed:
		return 1
	case v.Status == Unknown:
		return 2
	case v.Standing != Actual:
		return 3
	}
	return 4
}

// Verdicts judges every target in the dataset, problems first.
func (ds *Dataset) Verdicts() []Verdict {
	var out []Verdict
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for j := range m.Figures {
			if m.Figures[j].Kind == Target {
				out = append(out, ds.Verdict(m, &m.Figures[j]))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity() < out[j].Severity() })
	return out
}

// Verdict judges one target of a metric. It is met or missed only on a
// figure of the same zone for the target's own period that compares with
// it (see Comparable), preferring an actual figure, then the newest
// source; a qualified figure (近30, 650余) decides only when the whole
// range it stands for falls on one side. Otherwise the status is unknown,
// with the reason. Figures for later periods and those of related
// metrics come as context.
func (ds *Dataset) Verdict(m *Metric, t *Figure) Verdict {
	v := Verdict{Metric: m, Target: t, Status: Unknown, Standing: Actual}
	var sameYear *Figure
	for i := range m.Figures {
		f := &m.Figures[i]
		if f.Kind == Target || f.Zone != t.Zone {
			continue
		}
		if ok, _ := Comparable(m, t, f); ok && f.When == t.When {
			if v.Basis == nil || ds.firmer(f, v.Basis) {
				v.Basis = f
			}
			continue
		}
		if f.Year == t.Year && sameYear == nil {
			sameYear = f
		}
		if f.Year > t.Year {
			v.Context = append(v.Context, FigureRef{m, f})
		}
	}
	v.Context = append(v.Context, ds.related(m, t.Zone)...)
	if v.Basis == nil {
		v.Reason = noFigure(t, sameYear)
		return v
	}
	v.judge(ds, m)
	return v
}

// judge sets the status and the gap from the basis.
func (v *Verdict) judge(ds *Dataset, m *Metric) {
	t, b := v.Target, v.Basis
	v.Standing = ds.Standing(b)
	v.Value, _ = convert(b.Value, b.UnitOr(m.Unit), t.UnitOr(m.Unit))
	v.Diff = v.Value - t.Value
	if t.Value != 0 {
		v.DiffPct, v.DiffOK = v.Diff/t.Value*100, true
		v.Progress = v.Value / t.Value
		if t.Comparator == "<" || t.Comparator == "<=" {
			v.Progress = 0
			if v.Value != 0 {
				v.Progress = t.Value / v.Value
			}
		}
	}
	v.Status = decide(v.Value, b.Qualifier, t.Comparator, t.Value)
	shown := b.Qualifier.Prefix("zh") + strconv.FormatFloat(b.Value, 'f', -1, 64)
	shownEn := b.Qualifier.Prefix("en") + strconv.FormatFloat(b.Value, 'f', -1, 64)
	switch {
	case v.Status == Unknown:
		v.Reason = Text{
			Zh: fmt.Sprintf("%d年数据为约数（%s），不足以判断", t.Year, shown),
			En: fmt.Sprintf("the %d figure is approximate (%s), too loose to judge on", t.Year, shownEn),
		}
	case v.Standing == Provisional:
		v.Reason = Text{Zh: "依据初步数据判断，全年最终数据可能不同", En: "judged on a provisional figure, printed before the period ended"}
	case v.Standing == Estimate && b.Kind == Derived:
		v.Reason = Text{Zh: "依据由预计数推算的数据判断", En: "judged on a figure derived from estimates"}
	case v.Standing == Estimate:
		v.Reason = Text{Zh: "依据预计数判断", En: "judged on an estimate"}
	}
}

// decide says whether a value, read with its qualifier, meets a target:
// met or missed when every value the qualifier allows falls on the same
// side, unknown otherwise. "about" allows values on both sides of any
// bound, so it never decides.
func decide(v float64, q Qualifier, comparator string, target float64) Status {
	// The range of true values: from lo to hi, open where loOpen/hiOpen.
	lo, hi := v, v
	loOpen, hiOpen, loInf, hiInf := false, false, false, false
	switch q {
	case About:
		return Unknown
	case Nearly: // just under v
		loInf, hiOpen = true, true
	case MoreThan:
		loOpen, hiInf = true, true
	case AtLeast:
		hiInf = true
	}
	// all reports whether every value in the range satisfies the
	// comparator; none whether no value does.
	all, none := false, false
	switch comparator {
	case ">=":
		all = !loInf && lo >= target
		none = !hiInf && (hi < target || hi == target && hiOpen)
	case ">":
		all = !loInf && (lo > target || lo == target && loOpen)
		none = !hiInf && hi <= target
	case "<=":
		all = !hiInf && hi <= target
		none = !loInf && (lo > target || lo == target && loOpen)
	case "<":
		all = !hiInf && (hi < target || hi == target && hiOpen)
		none = !loInf && lo >= target
	}
	switch {
	case all:
		return Met
	case none:
		return Missed
	}
	return Unknown
}

// noFigure is the reason a target has no basis.
func noFigure(t *Figure, sameYear *Figure) Text {
	if sameYear != nil {
		return Text{
			Zh: fmt.Sprintf("无可比的%d年数据：现有数据为%s", t.Year, sameYear.When.Label("zh")),
			En: fmt.Sprintf("no comparable %d figure: the one there is is %s", t.Year, sameYear.When.Label("en")),
		}
	}
	return Text{Zh: fmt.Sprintf("无%d年数据", t.Year), En: fmt.Sprintf("no %d figure", t.Year)}
}

// related lists the non-target figures of the metric's related metrics
// for a zone, metric by metric.
func (ds *Dataset) related(m *Metric, zone string) []FigureRef {
	var out []FigureRef
	for _, id := range m.Related {
		r := ds.Metric(id)
		if r == nil {
			continue
		}
		for i := range r.Figures {
			if f := &r.Figures[i]; f.Kind != Target && f.Zone == zone {
				out = append(out, FigureRef{r, f})
			}
		}
	}
	return out
}

// firmer reports whether a is a better basis for a verdict than b: a
// firmer standing, then a reported over a derived figure, then the newer
// source.
func (ds *Dataset) firmer(a, b *Figure) bool {
	sa, sb := standingRank[ds.Standing(a)], standingRank[ds.Standing(b)]
	if sa != sb {
		return sa < sb
	}
	if (a.Kind == Derived) != (b.Kind == Derived) {
		return b.Kind == Derived
	}
	return ds.sourceDate(a.Source) > ds.sourceDate(b.Source)
}
