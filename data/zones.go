package data

import "sort"

// ZoneValue is one zone's figure in a comparison of zones.
type ZoneValue struct {
	Zone   *Zone
	Figure *Figure
	// Value is in the metric's unit.
	Value float64
	// Rank is 1 for the best zone; zones with equal values share a rank.
	Rank int
	// Share is the zone's part of the compared zones' total, as a
	// fraction; ShareOK is false where a total means nothing (percentages
	// and rankings) or the total is zero.
	Share   float64
	ShareOK bool
}

// CompareZones ranks the member (non-aggregate) zones that have a figure
// for the metric in the given year, best first, with their shares of the
// total. The figure chosen per zone follows Series; a zone whose figure
// is over a different kind of period from the first zone's (H1 against
// a full year) is left out, since the two do not compare.
func (ds *Dataset) CompareZones(m *Metric, year int) []ZoneValue {
	var out []ZoneValue
	for i := range ds.Zones {
		z := &ds.Zones[i]
		if z.IsAggregate() {
			continue
		}
		if p, ok := At(ds.Series(m, z.ID), year); ok {
			if len(out) > 0 {
				if same, _ := ComparablePeriods(out[0].Figure.When, p.Figure.When); !same {
					continue
				}
			}
			out = append(out, ZoneValue{Zone: z, Figure: p.Figure, Value: p.Value})
		}
	}
	lower := m.LowerIsBetter()
	sort.SliceStable(out, func(i, j int) bool {
		if lower {
			return out[i].Value < out[j].Value
		}
		return out[i].Value > out[j].Value
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Value == out[i-1].Value {
			out[i].Rank = out[i-1].Rank
		}
	}
	shares(m, out)
	return out
}

// Additive reports whether the zones' values of a metric add up to a
// total of which each zone has a share: not for percentages, points,
// ratios, rankings and positions, nor for a metric where lower is better.
func Additive(m *Metric) bool {
	switch m.Unit {
	case "%", "位", "个百分点", "倍":
		return false
	}
	return !m.LowerIsBetter()
}

// shares sets each value's share of the values' total, where the metric
// is additive and the total is not zero.
func shares(m *Metric, vs []ZoneValue) {
	if !Additive(m) {
		return
	}
	total := 0.0
	for _, v := range vs {
		if v.Figure.OutOf > 0 {
			return // a ranking, whatever its unit says
		}
		total += v.Value
	}
	if total == 0 {
		return
	}
	for i := range vs {
		vs[i].Share, vs[i].ShareOK = vs[i].Value/total, true
	}
}

// LatestZones returns each member (non-aggregate) zone's latest figure
// for the metric, in the dataset's order of zones, as LatestByZone picks
// it. Ranks order the values as CompareZones does. Shares are set only
// when every zone's figure is for the same year and kind of period, so
// that no share mixes a half year with a full one.
func (ds *Dataset) LatestZones(m *Metric) []ZoneValue {
	latest := ds.LatestByZone(m)
	if len(latest) == 0 {
		return nil
	}
	var out []ZoneValue
	for i := range ds.Zones {
		z := &ds.Zones[i]
		if p, ok := latest[z.ID]; ok && !z.IsAggregate() {
			out = append(out, ZoneValue{Zone: z, Figure: p.Figure, Value: p.Value})
		}
	}
	lower := m.LowerIsBetter()
	for i := range out {
		out[i].Rank = 1
		for j := range out {
			if lower && out[j].Value < out[i].Value || !lower && out[j].Value > out[i].Value {
				out[i].Rank++
			}
		}
	}
	for _, v := range out {
		if v.Figure.Year != out[0].Figure.Year {
			return out
		}
		if same, _ := ComparablePeriods(out[0].Figure.When, v.Figure.When); !same {
			return out
		}
	}
	shares(m, out)
	return out
}

// ZoneYears lists the years, oldest first, in which at least one member
// zone has a figure for the metric.
func (ds *Dataset) ZoneYears(m *Metric) []int {
	seen := map[int]bool{}
	var out []int
	for _, f := range m.Figures {
		z := ds.Zone(f.Zone)
		if z == nil || z.IsAggregate() || f.Kind == Target || seen[f.Year] {
			continue
		}
		seen[f.Year] = true
		out = append(out, f.Year)
	}
	sort.Ints(out)
	return out
}
