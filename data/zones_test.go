package data_test

import (
	"slices"
	"testing"

	"lzdash/data"
)

// zoneRow is the part of a data.ZoneValue the tests compare.
type zoneRow struct {
	zone    string
	value   float64
	rank    int
	share   float64
	shareOK bool
}

func rows(vs []data.ZoneValue) []zoneRow {
	out := make([]zoneRow, len(vs))
	for i, v := range vs {
		out[i] = zoneRow{v.Zone.ID, v.Value, v.Rank, v.Share, v.ShareOK}
		if v.Figure == nil || v.Figure.Zone != v.Zone.ID {
			out[i].zone += " (wrong figure)"
		}
	}
	return out
}

func sameRows(a, b []zoneRow) bool {
	return slices.EqualFunc(a, b, func(x, y zoneRow) bool {
		return x.zone == y.zone && x.value == y.value && x.rank == y.rank && near(x.share, y.share) && x.shareOK == y.shareOK
	})
}

func TestCompareZones(t *testing.T) {
	ds := testDataset(t,
		// c ties with a; the aggregate ab and a target are left out; in
		// 2021 only b has a figure, and a's estimate loses to its actual.
		metricYAML("output", "亿元", "",
			"zone: a, year: 2020, value: 100, kind: actual",
			"zone: b, year: 2020, value: 3000000, unit: 万元, kind: actual",
			"zone: c, year: 2020, value: 100, kind: actual",
			"zone: ab, year: 2020, value: 400, kind: actual",
			`zone: c, year: 2021, value: 500, kind: target, comparator: ">="`,
			"zone: b, year: 2021, value: 320, kind: actual",
			"zone: a, year: 2019, value: 90, kind: estimate",
			"zone: a, year: 2019, value: 95, kind: actual"),
		metricYAML("rank", "位", "lower",
			"zone: a, year: 2020, value: 65, out_of: 169, kind: actual",
			"zone: b, year: 2020, value: 138, out_of: 218, kind: actual",
			"zone: c, year: 2020, value: 65, out_of: 169, kind: actual"),
		metricYAML("share", "%", "",
			"zone: a, year: 2020, value: 20, kind: actual",
			"zone: b, year: 2020, value: 30, kind: actual"),
		metricYAML("zero", "件", "",
			"zone: a, year: 2020, value: 0, kind: actual",
			"zone: b, year: 2020, value: 0, kind: actual"),
	)
	tests := []struct {
		metric string
		year   int
		want   []zoneRow
	}{
		{"output", 2020, []zoneRow{
			{"b", 300, 1, 0.6, true},
			{"a", 100, 2, 0.2, true},
			{"c", 100, 2, 0.2, true},
		}},
		{"output", 2021, []zoneRow{{"b", 320, 1, 1, true}}},
		{"output", 2019, []zoneRow{{"a", 95, 1, 1, true}}},
		{"output", 2018, []zoneRow{}},
		// Lower is better: equal ranks share first place; a rank has no share.
		{"rank", 2020, []zoneRow{
			{"a", 65, 1, 0, false},
			{"c", 65, 1, 0, false},
			{"b", 138, 3, 0, false},
		}},
		// Percentages do not add up to a total.
		{"share", 2020, []zoneRow{
			{"b", 30, 1, 0, false},
			{"a", 20, 2, 0, false},
		}},
		{"zero", 2020, []zoneRow{
			{"a", 0, 1, 0, false},
			{"b", 0, 1, 0, false},
		}},
	}
	for _, tt := range tests {
		got := rows(ds.CompareZones(ds.Metric(tt.metric), tt.year))
		if !sameRows(got, tt.want) {
			t.Errorf("%s %d:\ngot  %+v\nwant %+v", tt.metric, tt.year, got, tt.want)
		}
		sum := 0.0
		for _, r := range got {
			if r.shareOK {
				sum += r.share
			}
		}
		if len(got) > 0 && got[0].shareOK && !near(sum, 1) {
			t.Errorf("%s %d: shares sum to %v", tt.metric, tt.year, sum)
		}
	}

	if got := ds.ZoneYears(ds.Metric("output")); !slices.Equal(got, []int{2019, 2020, 2021}) {
		t.Errorf("ZoneYears(output) = %v, want [2019 2020 2021]", got)
	}
}

func TestCompareZonesGood(t *testing.T) {
	ds := goodDataset(t)
	gdp := ds.Metric("zone-gdp")
	// all-zones is an aggregate, so 2020 (its only year) has no member
	// zone to compare.
	if got := ds.ZoneYears(gdp); !slices.Equal(got, []int{2021}) {
		t.Errorf("ZoneYears(zone-gdp) = %v, want [2021]", got)
	}
	if got := ds.CompareZones(gdp, 2020); len(got) != 0 {
		t.Errorf("CompareZones(zone-gdp, 2020) = %+v, want none", rows(got))
	}
	got := rows(ds.CompareZones(gdp, 2021))
	want := []zoneRow{{"west", 160.06, 1, 160.06 / 288.26, true}, {"east", 128.2, 2, 128.2 / 288.26, true}}
	if !sameRows(got, want) {
		t.Errorf("CompareZones(zone-gdp, 2021) = %+v, want %+v", got, want)
	}
	if got := ds.ZoneYears(ds.Metric("patents")); len(got) != 0 {
		t.Errorf("ZoneYears(patents) = %v, want none for a city-wide metric", got)
	}
}

// TestLatestZones checks each member zone's latest figure, in the order
// of zones, with ranks, and shares only where the metric adds up and the
// figures are of one year and kind of period.
func TestLatestZones(t *testing.T) {
	ds := testDataset(t,
		metricYAML("output", "亿元", "",
			"zone: a, year: 2020, value: 100, kind: actual",
			"zone: b, year: 2020, value: 300, kind: actual",
			"zone: ab, year: 2020, value: 400, kind: actual",
			"zone: a, year: 2019, value: 90, kind: actual"),
		metricYAML("mixed", "亿元", "",
			"zone: a, year: 2021, value: 100, kind: actual",
			"zone: b, year: 2020, value: 300, kind: actual"),
		metricYAML("half", "亿元", "",
			"zone: a, year: 2021, value: 50, kind: partial, period: 2021H1",
			"zone: b, year: 2021, value: 300, kind: actual"),
		metricYAML("places", "位", "",
			"zone: a, year: 2020, value: 5, kind: actual",
			"zone: b, year: 2020, value: 38, kind: actual"),
		metricYAML("points", "个百分点", "",
			"zone: a, year: 2020, value: 1.5, kind: actual",
			"zone: b, year: 2020, value: 2, kind: actual"),
	)
	tests := []struct {
		metric string
		want   []zoneRow
	}{
		{"output", []zoneRow{{"a", 100, 2, 0.25, true}, {"b", 300, 1, 0.75, true}}},
		{"mixed", []zoneRow{{"a", 100, 2, 0, false}, {"b", 300, 1, 0, false}}},
		{"half", []zoneRow{{"a", 50, 2, 0, false}, {"b", 300, 1, 0, false}}},
		{"places", []zoneRow{{"a", 5, 2, 0, false}, {"b", 38, 1, 0, false}}},
		{"points", []zoneRow{{"a", 1.5, 2, 0, false}, {"b", 2, 1, 0, false}}},
	}
	for _, tt := range tests {
		if got := rows(ds.LatestZones(ds.Metric(tt.metric))); !sameRows(got, tt.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tt.metric, got, tt.want)
		}
	}
	// CompareZones follows the same rule of what adds up.
	for _, v := range ds.CompareZones(ds.Metric("places"), 2020) {
		if v.ShareOK {
			t.Errorf("CompareZones gives a ranking's position a share: %+v", v)
		}
	}
}
