package data_test

import (
	"testing"

	"lzdash/data"
)

func TestMeets(t *testing.T) {
	tests := []struct {
		value      float64
		comparator string
		target     float64
		want       bool
	}{
		{101, ">", 100, true},
		{100, ">", 100, false}, // 超过100 is not met by exactly 100
		{99, ">", 100, false},
		{101, ">=", 100, true},
		{100, ">=", 100, true}, // 100以上 is met by exactly 100
		{99, ">=", 100, false},
		{99, "<", 100, true},
		{100, "<", 100, false},
		{101, "<", 100, false},
		{99, "<=", 100, true},
		{100, "<=", 100, true},
		{101, "<=", 100, false},
		{100, "", 100, false},
		{100, "=>", 100, false},
	}
	for _, tt := range tests {
		if got := data.Meets(tt.value, tt.comparator, tt.target); got != tt.want {
			t.Errorf("Meets(%v %s %v) = %v, want %v", tt.value, tt.comparator, tt.target, got, tt.want)
		}
	}
}

// target returns the metric's only target.
func target(t *testing.T, m *data.Metric) *data.Figure {
	t.Helper()
	var out *data.Figure
	for i := range m.Figures {
		if m.Figures[i].Kind == data.Target {
			if out != nil {
				t.Fatalf("metric %s has more than one target", m.ID)
			}
			out = &m.Figures[i]
		}
	}
	if out == nil {
		t.Fatalf("metric %s has no target", m.ID)
	}
	return out
}

func TestGapFor(t *testing.T) {
	ds := testDataset(t,
		// An actual for the target's year beats an estimate for it.
		metricYAML("actual", "件", "",
			"year: 2020, value: 90, kind: estimate",
			"year: 2020, value: 100, kind: actual, source: old",
			`year: 2020, value: 100, kind: target, comparator: ">="`),
		metricYAML("provisional", "件", "",
			"year: 2019, value: 80, kind: actual",
			"year: 2020, value: 95, kind: estimate",
			"year: 2021, value: 200, kind: actual",
			`year: 2020, value: 90, kind: target, comparator: ">"`),
		// No figure for 2021: the nearest later year, 2022, stands in,
		// though 2023 comes first in the file.
		metricYAML("later", "件", "",
			"year: 2019, value: 50, kind: actual",
			"year: 2023, value: 70, kind: estimate",
			"year: 2022, value: 60, kind: actual",
			`year: 2021, value: 80, kind: target, comparator: ">="`),
		metricYAML("none", "件", "",
			"year: 2019, value: 50, kind: actual",
			`year: 2020, value: 60, kind: target, comparator: ">="`),
		metricYAML("rank", "位", "lower",
			"year: 2020, value: 65, kind: actual",
			`year: 2020, value: 70, kind: target, comparator: "<="`),
		metricYAML("rank-strict", "位", "lower",
			"year: 2020, value: 65, kind: actual",
			`year: 2020, value: 65, kind: target, comparator: "<"`),
		// A zone's target is judged on the zone's own figure only.
		metricYAML("zoned", "件", "",
			"year: 2020, value: 100, kind: actual",
			"zone: a, year: 2020, value: 5, kind: actual",
			`zone: a, year: 2020, value: 10, kind: target, comparator: ">="`),
		// 33000万元 is exactly 3.3亿元, so "超过3.3亿元" is not met.
		metricYAML("money", "万元", "",
			"year: 2020, value: 33000, kind: actual",
			`year: 2020, value: 3.3, unit: 亿元, kind: target, comparator: ">"`),
		metricYAML("zero", "件", "",
			"year: 2020, value: 0, kind: actual",
			`year: 2020, value: 0, kind: target, comparator: "<="`),
	)
	tests := []struct {
		metric     string
		basis      data.Basis
		againstYr  int
		againstVal float64
		value      float64
		met        bool
		diff       float64
		diffPct    float64
		diffOK     bool
		progress   float64
	}{
		{"actual", data.BasisActual, 2020, 100, 100, true, 0, 0, true, 1},
		{"provisional", data.BasisProvisional, 2020, 95, 95, true, 5, 5.0 / 90 * 100, true, 95.0 / 90},
		{"later", data.BasisLater, 2022, 60, 60, false, -20, -25, true, 0.75},
		{"rank", data.BasisActual, 2020, 65, 65, true, -5, -5.0 / 70 * 100, true, 70.0 / 65},
		{"rank-strict", data.BasisActual, 2020, 65, 65, false, 0, 0, true, 1},
		{"zoned", data.BasisActual, 2020, 5, 5, false, -5, -50, true, 0.5},
		{"money", data.BasisActual, 2020, 33000, 3.3, false, 0, 0, true, 1},
		{"zero", data.BasisActual, 2020, 0, 0, true, 0, 0, false, 0},
	}
	for _, tt := range tests {
		m := ds.Metric(tt.metric)
		tg := target(t, m)
		g := ds.GapFor(m, tg)
		if g.Metric != m || g.Target != tg {
			t.Errorf("%s: gap does not point at its metric and target", tt.metric)
		}
		if g.Basis != tt.basis || g.Against == nil {
			t.Errorf("%s: basis %d against %v, want basis %d", tt.metric, g.Basis, g.Against, tt.basis)
			continue
		}
		if g.Against.Year != tt.againstYr || g.Against.Value != tt.againstVal || g.Against.Zone != tg.Zone {
			t.Errorf("%s: judged against %+v, want %v in %d", tt.metric, *g.Against, tt.againstVal, tt.againstYr)
		}
		if g.Value != tt.value || g.Met != tt.met || !near(g.Diff, tt.diff) || !near(g.DiffPct, tt.diffPct) ||
			g.DiffOK != tt.diffOK || !near(g.Progress, tt.progress) {
			t.Errorf("%s: got Value %v Met %v Diff %v DiffPct %v DiffOK %v Progress %v;\nwant %v %v %v %v %v %v",
				tt.metric, g.Value, g.Met, g.Diff, g.DiffPct, g.DiffOK, g.Progress,
				tt.value, tt.met, tt.diff, tt.diffPct, tt.diffOK, tt.progress)
		}
	}

	m := ds.Metric("none")
	g := ds.GapFor(m, target(t, m))
	if g.Basis != data.BasisNone || g.Against != nil || g.Met || g.Value != 0 {
		t.Errorf("none: got %+v, want BasisNone with no figure", g)
	}
}

func TestGapForGood(t *testing.T) {
	ds := goodDataset(t)
	m := ds.Metric("contribution-rate")
	g := ds.GapFor(m, target(t, m))
	// The 2020 target of 58% has no 2020 figure; the 2021 estimate of
	// 60.1% stands in.
	if g.Basis != data.BasisLater || g.Against.Year != 2021 || !g.Met || !near(g.Diff, 2.1) {
		t.Errorf("got basis %d against %d, met %v, diff %v", g.Basis, g.Against.Year, g.Met, g.Diff)
	}
}

func TestGapsProblemsFirst(t *testing.T) {
	// File order is the reverse of the expected order.
	ds := testDataset(t,
		metricYAML("met-actual", "件", "", "year: 2020, value: 10, kind: actual", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("met-estimate", "件", "", "year: 2020, value: 10, kind: estimate", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("no-figure", "件", "", "year: 2019, value: 10, kind: actual", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("missed-later", "件", "", "year: 2021, value: 5, kind: actual", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("missed-actual", "件", "",
			"year: 2020, value: 5, kind: actual",
			`year: 2020, value: 10, kind: target, comparator: ">="`,
			`year: 2020, value: 4, kind: target, comparator: "<"`),
	)
	want := []struct {
		metric   string
		severity int
	}{
		{"missed-actual", 0}, {"missed-actual", 0},
		{"missed-later", 1},
		{"no-figure", 2},
		{"met-estimate", 3},
		{"met-actual", 4},
	}
	gaps := ds.Gaps()
	if len(gaps) != len(want) {
		t.Fatalf("got %d gaps, want %d", len(gaps), len(want))
	}
	for i, w := range want {
		if gaps[i].Metric.ID != w.metric || gaps[i].Severity() != w.severity {
			t.Errorf("gap %d = %s (severity %d), want %s (severity %d)", i, gaps[i].Metric.ID, gaps[i].Severity(), w.metric, w.severity)
		}
	}
	// Targets of equal severity keep their file order.
	if gaps[0].Target.Value != 10 || gaps[1].Target.Value != 4 {
		t.Errorf("missed-actual targets in order %v, %v; want 10 then 4", gaps[0].Target.Value, gaps[1].Target.Value)
	}
}
