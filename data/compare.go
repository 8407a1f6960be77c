package data

import "fmt"

// This file holds the one rule that says when two figures may be
// compared: changes, growth rates, chart lines, target verdicts and
// conflicts all use it.

// periodNamesZh and periodNamesEn describe the period types in reasons.
var (
	periodNamesZh = [...]string{"全年数据", "部分期数据", "时点存量", "累计数", "多年合计", "期间未说明的数据"}
	periodNamesEn = [...]string{"a full-year flow", "a part-year flow", "a stock as of a date", "a running total", "a multi-year total", "a figure of unstated period"}
)

// ComparablePeriods reports whether figures over periods a and b measure
// the same kind of span, so that a change between them means something.
// Flows over calendar years compare with each other; part-year flows only
// over the same part of the year (H1 with H1); stocks across dates;
// running totals only from the same start; spans only of the same
// length; a period that is not stated with nothing. When they do not
// compare, why says so in Chinese and English.
func ComparablePeriods(a, b Period) (ok bool, why Text) {
	if a.Type != b.Type {
		return false, Text{
			Zh: fmt.Sprintf("%s与%s不可比", periodNamesZh[a.Type], periodNamesZh[b.Type]),
			En: fmt.Sprintf("%s and %s do not compare", periodNamesEn[a.Type], periodNamesEn[b.Type]),
		}
	}
	switch a.Type {
	case PeriodPart:
		if a.FromMonth != b.FromMonth || a.ToMonth != b.ToMonth {
			return false, Text{
				Zh: fmt.Sprintf("%s与%s所含月份不同，不可比", a.Label("zh"), b.Label("zh")),
				En: fmt.Sprintf("%s and %s cover different months", a.Label("en"), b.Label("en")),
			}
		}
	case PeriodRunning:
		if a.Since != b.Since {
			return false, Text{Zh: "累计起点不同，不可比", En: "running totals from different starts do not compare"}
		}
	case PeriodSpan:
		if a.Year-a.FromYear != b.Year-b.FromYear {
			return false, Text{Zh: "多年合计的年数不同，不可比", En: "totals over spans of different length do not compare"}
		}
	case PeriodUnstated:
		return false, Text{Zh: "期间未说明，不作比较", En: "the period is not stated, so nothing compares with it"}
	}
	return true, Text{}
}

// Comparable reports whether two figures of metric m may be compared:
// the same zone, units of one base, and periods that compare (see
// ComparablePeriods). When they may not, why says so in Chinese and
// English.
func Comparable(m *Metric, a, b *Figure) (ok bool, why Text) {
	if a.Zone != b.Zone {
		return false, Text{Zh: "园区不同，不可比", En: "figures for different zones do not compare"}
	}
	if _, ok := UnitFactor(a.UnitOr(m.Unit), b.UnitOr(m.Unit)); !ok {
		return false, Text{Zh: "单位不同，不可比", En: "figures in units of different bases do not compare"}
	}
	return ComparablePeriods(a.When, b.When)
}

// standingRank orders what a figure can stand as, firmest first.
var standingRank = map[Kind]int{Actual: 0, Provisional: 1, Estimate: 2, Target: 3}

// Weaker returns the less firm of two standings (see Standing).
func Weaker(a, b Kind) Kind {
	if standingRank[b] > standingRank[a] {
		return b
	}
	return a
}

// Standing is what a figure stands as once its inputs are taken into
// account: actual for a reported or part-year figure, provisional,
// estimate or target for those kinds, and for a derived figure the
// weakest standing of its inputs, so that a figure computed from an
// estimate is itself no better than an estimate.
func (ds *Dataset) Standing(f *Figure) Kind {
	switch f.Kind {
	case Partial:
		return Actual
	case Derived:
		if s, ok := ds.idx.standing[f]; ok {
			return s
		}
		return Estimate // not from this dataset: nothing vouches for it
	}
	return f.Kind
}

// standings computes the standing of every derived figure once, each
// figure visited once however many figures share it as an input.
func (ds *Dataset) standings() map[*Figure]Kind {
	out := map[*Figure]Kind{}
	var visit func(f *Figure, depth int) Kind
	visit = func(f *Figure, depth int) Kind {
		switch f.Kind {
		case Partial:
			return Actual
		case Derived:
		default:
			return f.Kind
		}
		if s, ok := out[f]; ok {
			return s
		}
		if depth > len(ds.idx.byID) {
			return Estimate // a loop, which validation refuses
		}
		s := Actual
		for _, in := range ds.Inputs(f) {
			s = Weaker(s, visit(in.Figure, depth+1))
		}
		out[f] = s
		return s
	}
	for i := range ds.Metrics {
		for j := range ds.Metrics[i].Figures {
			visit(&ds.Metrics[i].Figures[j], 0)
		}
	}
	return out
}
