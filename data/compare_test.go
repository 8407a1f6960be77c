package data_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"lzdash/data"
)

// breaksDataset has a series of each awkward shape: flows that turn into
// a stock, a part-year figure after full years, running totals from two
// starts, and a derived figure built on an estimate.
func breaksDataset(t *testing.T) *data.Dataset {
	return testDataset(t,
		metricYAML("mixed", "件", "",
			"year: 2017, value: 90, kind: actual",
			"id: flow-2018, year: 2018, value: 100, kind: actual",
			"year: 2019, as_of: 2019-05, value: 400, kind: actual",
			"year: 2020, as_of: 2020-05, value: 450, kind: actual",
			"year: 2021, period: 2021-01..2021-10, value: 80, kind: partial"),
		metricYAML("running", "项", "",
			"year: 2020, since: 2016, as_of: 2020-05, value: 500, kind: actual",
			"year: 2021, since: 2016, as_of: 2021-12, value: 600, kind: actual",
			"year: 2022, since: start, as_of: 2022-06, value: 900, kind: actual"),
		metricYAML("gdp", "亿元", "",
			"id: est, year: 2020, value: 850, kind: estimate",
			"id: growth, year: 2020, value: 8.3, kind: estimate",
			"year: 2019, value: 784.86, kind: derived, formula: 850 / 1.083, inputs: [est, growth]",
			"id: prov, year: 2021, value: 900, kind: provisional",
			"year: 2022, value: 950, kind: derived, formula: x, inputs: [prov, flow-2018]"),
		metricYAML("unstated", "个", "",
			"year: 2018, value: 103, kind: actual",
			"year: 2020, period: unstated, value: 70, kind: actual"),
	)
}

func TestSeriesMarksBreaks(t *testing.T) {
	ds := breaksDataset(t)
	tests := []struct {
		metric string
		breaks []bool
	}{
		// 2019 is a stock after flows, 2021 a part-year flow after stocks;
		// the two stocks compare across their dates.
		{"mixed", []bool{false, false, true, false, true}},
		// The running totals since 2016 compare; the one from another
		// start does not.
		{"running", []bool{false, false, true}},
		{"gdp", []bool{false, false, false, false}},
		{"unstated", []bool{false, true}},
	}
	for _, tt := range tests {
		m := ds.Metric(tt.metric)
		s := ds.Series(m, "")
		var got []bool
		for _, p := range s {
			got = append(got, p.Break)
			if p.Break && (p.Why.Zh == "" || p.Why.En == "") {
				t.Errorf("%s %d: a break without a reason in both languages: %+v", tt.metric, p.Year, p.Why)
			}
		}
		if !slices.Equal(got, tt.breaks) {
			t.Errorf("%s: breaks %v, want %v", tt.metric, got, tt.breaks)
		}
	}
	s := ds.Series(ds.Metric("mixed"), "")
	if w := s[2].Why.En; w != "a full-year flow and a stock as of a date do not compare" {
		t.Errorf("reason for the 2019 break = %q", w)
	}
}

func TestChangesAndCAGRStopAtBreaks(t *testing.T) {
	ds := breaksDataset(t)
	m := ds.Metric("mixed")
	s := ds.Series(m, "")
	cs := data.Changes(s, m.Unit)
	var spans [][2]int
	for _, c := range cs {
		spans = append(spans, [2]int{c.From.Year, c.To.Year})
	}
	if want := [][2]int{{2017, 2018}, {2019, 2020}}; !slices.Equal(spans, want) {
		t.Errorf("changes over %v, want %v: none across a break", spans, want)
	}
	if _, ok := data.Latest(s, m.Unit); ok {
		t.Error("Latest computed a change into a part-year figure after stocks")
	}
	if c, ok := data.Latest(s[:4], m.Unit); !ok || c.Abs != 50 || c.From.Year != 2019 {
		t.Errorf("Latest over the stocks = %+v, %v; want +50 from 2019", c, ok)
	}
	if _, err := data.CAGR(s, 2017, 2020); !errors.Is(err, data.ErrBreak) {
		t.Errorf("CAGR across a break: err = %v, want ErrBreak", err)
	}
	if g, err := data.CAGR(s, 2019, 2020); err != nil || !near(g, 0.125) {
		t.Errorf("CAGR between the stocks = %v, %v; want 0.125", g, err)
	}
}

func TestStandingCarriesInputs(t *testing.T) {
	ds := breaksDataset(t)
	m := ds.Metric("gdp")
	want := map[int]data.Kind{2019: data.Estimate, 2020: data.Estimate, 2021: data.Provisional, 2022: data.Provisional}
	for _, p := range ds.Series(m, "") {
		if got := ds.Standing(p.Figure); got != want[p.Year] || p.Standing != got {
			t.Errorf("%d (%s): standing %s (point %s), want %s", p.Year, p.Kind(), got, p.Standing, want[p.Year])
		}
	}
	s := ds.Series(m, "")
	// 2019 to 2020: a change from a figure derived from estimates.
	if cs := data.Changes(s, m.Unit); len(cs) != 3 || cs[0].Standing != data.Estimate || cs[2].Standing != data.Provisional {
		t.Errorf("change standings = %+v", cs)
	}
	if k := ds.Standing(&ds.Metric("mixed").Figures[4]); k != data.Actual {
		t.Errorf("a partial figure stands as %s, want actual", k)
	}
	if data.Weaker(data.Actual, data.Estimate) != data.Estimate || data.Weaker(data.Provisional, data.Actual) != data.Provisional {
		t.Error("Weaker does not pick the less firm standing")
	}
}

func TestComparableZonesAndUnits(t *testing.T) {
	ds := testDataset(t, metricYAML("m", "万元", "",
		"year: 2019, value: 1, kind: actual",
		"zone: a, year: 2020, value: 2, kind: actual",
		"year: 2020, value: 0.5, unit: 亿元, kind: actual"))
	m := ds.Metric("m")
	f := m.Figures
	if ok, why := data.Comparable(m, &f[0], &f[1]); ok || why.En == "" {
		t.Errorf("figures of different zones compare (%v, %q)", ok, why.En)
	}
	if ok, _ := data.Comparable(m, &f[0], &f[2]); !ok {
		t.Error("万元 and 亿元 of one metric do not compare")
	}
	u := data.Metric{Unit: "件"}
	a, b := data.Figure{Unit: "万件"}, data.Figure{Unit: "家"}
	if ok, _ := data.Comparable(&u, &a, &b); ok {
		t.Error("件 and 家 compare")
	}
}

func TestCompareZonesLeavesOutOtherPeriods(t *testing.T) {
	ds := testDataset(t, metricYAML("gdp", "亿元", "",
		"zone: a, year: 2020, value: 300, kind: actual",
		"zone: b, year: 2020, period: 2020H1, value: 140, kind: partial",
		"zone: c, year: 2020, value: 100, kind: actual"))
	got := ds.CompareZones(ds.Metric("gdp"), 2020)
	if len(got) != 2 || got[0].Zone.ID != "a" || got[1].Zone.ID != "c" || !near(got[0].Share, 0.75) {
		t.Errorf("CompareZones = %+v; want a and c only, a with a share of 0.75", got)
	}
}

// TestStandingOfSharedInputs checks that a lattice of derived figures,
// each computed from both figures of the level below, is resolved once
// per figure: walking it naively would take 2^60 steps.
func TestStandingOfSharedInputs(t *testing.T) {
	figs := []string{"id: a0, year: 2000, value: 1, kind: estimate", "id: b0, year: 2000, value: 1, kind: actual"}
	for i := 1; i <= 60; i++ {
		for v, n := range []string{"a", "b"} {
			figs = append(figs, fmt.Sprintf("id: %s%d, year: %d, value: %d, kind: derived, formula: x, inputs: [a%d, b%d]", n, i, 2000+i, v, i-1, i-1))
		}
	}
	ds := testDataset(t, metricYAML("m", "件", "", figs...))
	m := ds.Metric("m")
	if got := ds.Standing(&m.Figures[len(m.Figures)-1]); got != data.Estimate {
		t.Errorf("standing of the top of the lattice = %s, want estimate", got)
	}
	if got := ds.Standing(&m.Figures[1]); got != data.Actual {
		t.Errorf("standing of b0 = %s, want actual", got)
	}
}
