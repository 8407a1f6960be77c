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
	total := 0.0
	for i := range out {
		total += out[i].Value
		out[i].Rank = i + 1
		if i > 0 && out[i].Value == out[i-1].Value {
			out[i].Rank = out[i-1].Rank
		}
	}
	additive := !lower && !IsPercent(m.Unit)
	for i := range out {
		if additive && total != 0 {
			out[i].Share, out[i].ShareOK = out[i].Value/total, true
		}
	}
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
