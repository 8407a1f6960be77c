package data_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"lzdash/data"
)

// years lists the years of a series.
func years(s []data.Point) []int {
	out := make([]int, len(s))
	for i, p := range s {
		out[i] = p.Year
	}
	return out
}

func TestSeriesPrefersActualAndKeepsOthers(t *testing.T) {
	// The estimate comes first in the file and from the newer source:
	// the actual must still win.
	ds := testDataset(t, metricYAML("gdp", "亿元", "",
		"year: 2020, value: 850, kind: estimate, source: new",
		"year: 2020, value: 859, kind: actual, source: old",
		"year: 2019, value: 800, kind: actual",
	))
	m := ds.Metric("gdp")
	s := ds.Series(m, "")
	if got := years(s); !slices.Equal(got, []int{2019, 2020}) {
		t.Fatalf("years = %v, want [2019 2020]", got)
	}
	p := s[1]
	if p.Value != 859 || p.Kind() != data.Actual || p.Figure.Source != "old" {
		t.Errorf("2020 point = %v %s from %s, want 859 actual from old", p.Value, p.Kind(), p.Figure.Source)
	}
	if len(p.Others) != 1 || p.Others[0].Value != 850 || p.Others[0].Kind != data.Estimate {
		t.Errorf("2020 Others = %v, want the 850 estimate", p.Others)
	}
	if len(s[0].Others) != 0 {
		t.Errorf("2019 Others = %v, want none", s[0].Others)
	}
}

func TestSeriesKindOrder(t *testing.T) {
	// For one year, the chosen kind is the first of actual, derived,
	// estimate, partial present, whatever the file order.
	figs := map[data.Kind]string{
		data.Partial:  "id: p, year: 2020, period: 2020H1, value: 1, kind: partial",
		data.Estimate: "year: 2020, value: 2, kind: estimate",
		data.Derived:  "year: 2020, value: 3, kind: derived, formula: 1 + 2, inputs: [p]",
		data.Actual:   "year: 2020, value: 4, kind: actual",
	}
	order := []data.Kind{data.Actual, data.Derived, data.Estimate, data.Partial}
	for i, want := range order {
		var fs []string
		for _, k := range slices.Backward(order[i:]) {
			fs = append(fs, figs[k])
		}
		ds := testDataset(t, metricYAML("m", "件", "", fs...))
		s := ds.Series(ds.Metric("m"), "")
		if len(s) != 1 || s[0].Kind() != want || len(s[0].Others) != len(fs)-1 {
			t.Errorf("with %v: got %+v, want %s chosen", order[i:], s, want)
		}
	}
}

func TestSeriesSameKindPrefersNewerSource(t *testing.T) {
	for _, figs := range [][]string{
		{"year: 2020, value: 10, kind: actual, source: old", "year: 2020, value: 11, kind: actual, source: new"},
		{"year: 2020, value: 11, kind: actual, source: new", "year: 2020, value: 10, kind: actual, source: old"},
	} {
		ds := testDataset(t, metricYAML("m", "件", "", figs...))
		s := ds.Series(ds.Metric("m"), "")
		if len(s) != 1 || s[0].Value != 11 || s[0].Others[0].Value != 10 {
			t.Errorf("%v: got %+v, want the newer source's 11 chosen", figs, s)
		}
	}
}

func TestSeriesConvertsUnits(t *testing.T) {
	ds := goodDataset(t)
	m := ds.Metric("patents")
	s := ds.Series(m, "")
	if got := years(s); !slices.Equal(got, []int{2019, 2021}) {
		t.Fatalf("years = %v, want [2019 2021]", got)
	}
	if s[1].Value != 10700 || s[1].Figure.Value != 1.07 || s[1].Figure.Unit != "万件" {
		t.Errorf("1.07万件 became %v件 (figure %v %s)", s[1].Value, s[1].Figure.Value, s[1].Figure.Unit)
	}
	if s[0].Value != 10708 {
		t.Errorf("2019 = %v, want 10708", s[0].Value)
	}

	// One amount in two magnitudes converts to the same number.
	ds = testDataset(t,
		metricYAML("yi", "亿元", "", "year: 2020, value: 3.3, kind: actual", "year: 2021, value: 33000, unit: 万元, kind: actual"),
		metricYAML("wan", "万元", "", "year: 2020, value: 0.07, unit: 亿元, kind: actual", "year: 2021, value: 4.1, unit: 亿元, kind: actual"),
	)
	for id, want := range map[string][]float64{"yi": {3.3, 3.3}, "wan": {700, 41000}} {
		m := ds.Metric(id)
		var got []float64
		for _, p := range ds.Series(m, "") {
			got = append(got, p.Value)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s in %s = %v, want %v", id, m.Unit, got, want)
		}
	}
}

func TestSeriesExcludesTargetsAndOtherZones(t *testing.T) {
	ds := goodDataset(t)
	m := ds.Metric("contribution-rate")
	s := ds.Series(m, "")
	if got := years(s); !slices.Equal(got, []int{2018, 2019, 2021}) {
		t.Errorf("years = %v, want [2018 2019 2021]: the 2020 target is not a point", got)
	}
	for _, p := range s {
		if p.Kind() == data.Target {
			t.Errorf("%d: a target in the series", p.Year)
		}
	}

	gdp := ds.Metric("zone-gdp")
	if s := ds.Series(gdp, ""); len(s) != 0 {
		t.Errorf("city-wide series of zone-gdp = %+v, want empty", s)
	}
	s = ds.Series(gdp, "east")
	if len(s) != 1 || s[0].Value != 128.2 || s[0].Figure.Zone != "east" {
		t.Errorf("east series = %+v, want the 128.2 figure", s)
	}
	if got := gdp.Zones(ds); !slices.Equal(got, []string{"east", "west", "all-zones"}) {
		t.Errorf("zone-gdp zones = %q", got)
	}
	if got := m.Zones(ds); !slices.Equal(got, []string{""}) {
		t.Errorf("contribution-rate zones = %q, want only city-wide", got)
	}
}

func TestNewChange(t *testing.T) {
	pt := func(year int, v float64) data.Point {
		return data.Point{Year: year, Value: v, Figure: &data.Figure{Year: year, Value: v, Kind: data.Actual}}
	}
	tests := []struct {
		name      string
		from, to  data.Point
		unit      string
		abs, rel  float64
		relOK, pp bool
		years     int
	}{
		{name: "growth", from: pt(2019, 100), to: pt(2020, 120), unit: "件", abs: 20, rel: 0.2, relOK: true, years: 1},
		{name: "fall", from: pt(2019, 200), to: pt(2020, 150), unit: "件", abs: -50, rel: -0.25, relOK: true, years: 1},
		{name: "percentage points", from: pt(2019, 57.1), to: pt(2021, 60.1), unit: "%", abs: 3, rel: 3 / 57.1, relOK: true, pp: true, years: 2},
		{name: "zero base", from: pt(2019, 0), to: pt(2020, 5), unit: "件", abs: 5, years: 1},
		{name: "negative base", from: pt(2019, -10), to: pt(2020, -5), unit: "件", abs: 5, rel: 0.5, relOK: true, years: 1},
	}
	for _, tt := range tests {
		c := data.NewChange(tt.from, tt.to, tt.unit)
		if !near(c.Abs, tt.abs) || !near(c.Rel, tt.rel) || c.RelOK != tt.relOK || c.PP != tt.pp || c.Years() != tt.years {
			t.Errorf("%s: got Abs %v Rel %v RelOK %v PP %v Years %d; want %v %v %v %v %d",
				tt.name, c.Abs, c.Rel, c.RelOK, c.PP, c.Years(), tt.abs, tt.rel, tt.relOK, tt.pp, tt.years)
		}
		if !c.Final() {
			t.Errorf("%s: a change between two actual figures should be final", tt.name)
		}
	}
	est := pt(2021, 130)
	est.Figure.Kind = data.Estimate
	if data.NewChange(pt(2020, 120), est, "件").Final() {
		t.Error("a change to an estimate should not be final")
	}
}

func TestChangesAndLatest(t *testing.T) {
	ds := goodDataset(t)
	m := ds.Metric("contribution-rate") // 2018 55.6 derived, 2019 57.1 actual, 2021 60.1 estimate
	s := ds.Series(m, "")
	cs := data.Changes(s, m.Unit)
	if len(cs) != 2 {
		t.Fatalf("got %d changes, want 2", len(cs))
	}
	if cs[0].From.Year != 2018 || cs[0].To.Year != 2019 || !near(cs[0].Abs, 1.5) || !cs[0].PP {
		t.Errorf("first change = %+v, want 2018-2019 +1.5 points", cs[0])
	}
	// 2020 has only a target, so the last change spans two years.
	if cs[1].From.Year != 2019 || cs[1].To.Year != 2021 || cs[1].Years() != 2 || !near(cs[1].Abs, 3) {
		t.Errorf("second change = %+v, want 2019-2021 +3 points over 2 years", cs[1])
	}
	if cs[0].Final() || cs[1].Final() {
		t.Error("changes touching a derived or estimated figure are not final")
	}
	last, ok := data.Latest(s, m.Unit)
	if !ok || last.From.Year != cs[1].From.Year || last.To.Year != cs[1].To.Year || last.Abs != cs[1].Abs {
		t.Errorf("Latest = %+v, %v; want the last of Changes", last, ok)
	}

	single := s[:1]
	if cs := data.Changes(single, m.Unit); cs != nil {
		t.Errorf("Changes of one point = %v, want nil", cs)
	}
	if _, ok := data.Latest(single, m.Unit); ok {
		t.Error("Latest of one point should report false")
	}
	if _, ok := data.Latest(nil, m.Unit); ok {
		t.Error("Latest of no points should report false")
	}
}

func TestAt(t *testing.T) {
	s := goodDataset(t).Series(goodDataset(t).Metric("patents"), "")
	if p, ok := data.At(s, 2021); !ok || p.Value != 10700 {
		t.Errorf("At 2021 = %+v, %v", p, ok)
	}
	if _, ok := data.At(s, 2020); ok {
		t.Error("At 2020 found a point in a series without 2020")
	}
}

func TestCAGR(t *testing.T) {
	ds := testDataset(t, metricYAML("m", "件", "",
		"year: 2016, value: 0, kind: actual",
		"year: 2017, value: 100, kind: actual",
		"year: 2019, value: 121, kind: actual",
		"year: 2020, value: -5, kind: actual",
		"year: 2021, value: 100, kind: estimate",
	))
	s := ds.Series(ds.Metric("m"), "")

	if got, err := data.CAGR(s, 2017, 2019); err != nil || !near(got, 0.1) {
		t.Errorf("CAGR 2017-2019 = %v, %v; want 0.1", got, err)
	}
	if got, err := data.CAGR(s, 2017, 2021); err != nil || got != 0 {
		t.Errorf("CAGR 2017-2021 = %v, %v; want 0 for no growth", got, err)
	}
	if got, err := data.CAGR(s, 2019, 2021); err != nil || got >= 0 || !near(got, math.Sqrt(100.0/121)-1) {
		t.Errorf("CAGR 2019-2021 = %v, %v; want a decline of about 9.1%% a year", got, err)
	}
	tests := []struct {
		from, to int
		want     error
		mention  string
	}{
		{2016, 2019, data.ErrZeroBase, "2016-2019"},
		{2019, 2020, data.ErrZeroBase, "2019-2020"},
		{2017, 2018, data.ErrMissingYear, "2018"},
		{2015, 2017, data.ErrMissingYear, "2015"},
		{2019, 2017, data.ErrSpan, "2019-2017"},
		{2019, 2019, data.ErrSpan, "2019-2019"},
	}
	for _, tt := range tests {
		got, err := data.CAGR(s, tt.from, tt.to)
		if !errors.Is(err, tt.want) || got != 0 {
			t.Errorf("CAGR %d-%d = %v, %v; want %v", tt.from, tt.to, got, err, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("CAGR %d-%d error %q does not mention %s", tt.from, tt.to, err, tt.mention)
		}
	}
	// A single point has nothing to grow to.
	one := s[1:2]
	if _, err := data.CAGR(one, 2017, 2019); !errors.Is(err, data.ErrMissingYear) {
		t.Errorf("CAGR over one point: err = %v, want ErrMissingYear", err)
	}
}

// TestComparablePeriods runs the period rule over pairs of figures.
func TestComparablePeriods(t *testing.T) {
	pt := func(kind data.Kind, year int, period, asOf, since string) data.Point {
		when, err := data.ReadPeriod(year, period, asOf, since)
		if err != nil {
			t.Fatalf("period %q %q %q of %d: %v", period, asOf, since, year, err)
		}
		return data.Point{Year: year, Value: 1, Figure: &data.Figure{Kind: kind, Year: year, When: when}}
	}
	yr := func(kind data.Kind, year int) data.Point { return pt(kind, year, "", "", "") }
	part := func(kind data.Kind, year int, period string) data.Point { return pt(kind, year, period, "", "") }
	tests := []struct {
		from, to data.Point
		want     bool
	}{
		{yr(data.Actual, 2019), yr(data.Estimate, 2020), true},
		{yr(data.Derived, 2019), yr(data.Actual, 2020), true},
		{part(data.Partial, 2020, "2020H1"), part(data.Partial, 2021, "2021H1"), true},
		{part(data.Derived, 2020, "2020H1"), part(data.Partial, 2021, "2021H1"), true},
		{part(data.Partial, 2020, "2020-01..2020-10"), part(data.Partial, 2021, "2021-01..2021-10"), true},
		{part(data.Partial, 2020, "2020H1"), part(data.Partial, 2021, "2021-01..2021-10"), false},
		{part(data.Partial, 2020, "2020H1"), part(data.Partial, 2021, "2021Q2"), false},
		{yr(data.Actual, 2020), part(data.Partial, 2021, "2021H1"), false},
		{part(data.Partial, 2020, "2020H1"), yr(data.Actual, 2021), false},
		{yr(data.Derived, 2020), part(data.Partial, 2021, "2021H1"), false},
		// Stocks compare across dates, running totals from one start.
		{pt(data.Actual, 2020, "", "2020-05", ""), pt(data.Actual, 2021, "", "2021-12", ""), true},
		{pt(data.Actual, 2020, "", "2020-05", "2016"), pt(data.Actual, 2021, "", "2021-12", "2016"), true},
		{pt(data.Actual, 2020, "", "2020-05", "2016"), pt(data.Actual, 2021, "", "2021-12", "start"), false},
		{pt(data.Actual, 2020, "", "2020-05", ""), pt(data.Actual, 2021, "", "2021-12", "2016"), false},
		{yr(data.Actual, 2018), pt(data.Actual, 2020, "", "2020-05", ""), false},
		// A figure of unstated period compares with nothing, not even one
		// of its kind.
		{part(data.Actual, 2020, "unstated"), part(data.Actual, 2021, "unstated"), false},
		{yr(data.Actual, 2018), part(data.Actual, 2020, "unstated"), false},
		{part(data.Actual, 2021, "2017-2021"), part(data.Actual, 2022, "2018-2022"), true},
		{part(data.Actual, 2021, "2017-2021"), part(data.Actual, 2022, "2020-2022"), false},
	}
	for _, tt := range tests {
		got, why := data.ComparablePeriods(tt.from.Figure.When, tt.to.Figure.When)
		if got == (why.En != "") {
			t.Errorf("%+v to %+v: comparable %v with reason %q", tt.from.Figure.When, tt.to.Figure.When, got, why.En)
		}
		if got != tt.want {
			t.Errorf("%s %+v to %s %+v: comparable = %v, want %v",
				tt.from.Kind(), tt.from.Figure.When, tt.to.Kind(), tt.to.Figure.When, got, tt.want)
		}
	}
}
