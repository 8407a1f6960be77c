package data_test

import (
	"strings"
	"testing"

	"lzdash/data"
)

func TestConflictsByRule(t *testing.T) {
	ds := goodDataset(t)
	cs := ds.Conflicts()
	if len(cs) != 1 {
		t.Fatalf("got %d conflicts, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Curated() || c.Figures[0].Metric.ID != "zone-gdp" || c.Figures[0].Figure.Zone != "all-zones" || len(c.Figures) != 2 {
		t.Fatalf("conflict = %+v", c)
	}
	// The chosen figure comes first.
	a, b := c.Figures[0].Figure, c.Figures[1].Figure
	if a.Value != 859 || a.Kind != data.Actual || b.Value != 850 || b.Kind != data.Estimate {
		t.Errorf("conflict figures = %+v, %+v; want the 859 actual then the 850 estimate", *a, *b)
	}

	ds = testDataset(t,
		// Figures that agree, even in different magnitudes, are no
		// conflict, and a target is never one.
		metricYAML("agree", "亿元", "",
			"year: 2020, value: 3.3, kind: actual, source: old",
			"year: 2020, value: 33000, unit: 万元, kind: estimate",
			`year: 2020, value: 5, kind: target, comparator: ">="`),
		// Only zone b's two sources disagree.
		metricYAML("zones", "件", "",
			"zone: a, year: 2020, value: 1, kind: actual",
			"zone: b, year: 2020, value: 2, kind: actual, source: old",
			"zone: b, year: 2020, value: 3, kind: estimate"),
		// A growing stock counted at two dates of one year, and running
		// totals at two dates, are no conflict.
		metricYAML("stock", "家", "",
			"year: 2020, as_of: 2020-05, value: 574, kind: actual, source: old",
			"year: 2020, as_of: 2020-11, value: 657, kind: actual"),
		metricYAML("running", "项", "",
			"year: 2020, since: 2016, as_of: 2020-05, value: 574, kind: actual, source: old",
			"year: 2021, since: 2016, as_of: 2021-12, value: 600, kind: actual"),
		// Two values from one source are its own business, not a
		// disagreement between sources.
		metricYAML("one-source", "件", "",
			"year: 2020, value: 1, kind: actual",
			"year: 2020, value: 2, kind: estimate"),
		// A derived figure that reproduces a reported one is left out;
		// the reported figures still disagree.
		metricYAML("gdp", "亿元", "",
			"id: base, year: 2018, value: 718, kind: actual",
			"id: inc, year: 2020, period: 2018-2020, value: 141, kind: actual",
			"year: 2020, value: 859, kind: actual",
			"year: 2020, value: 859, kind: derived, formula: 718 + 141, inputs: [base, inc], source: old",
			"year: 2020, value: 850, kind: estimate, source: old"),
		// Figures of unstated period compare with nothing.
		metricYAML("unstated", "个", "",
			"year: 2020, period: unstated, value: 70, kind: actual, source: old",
			"year: 2020, period: unstated, value: 97, kind: actual"),
	)
	var got []string
	for _, c := range ds.Conflicts() {
		var vals []string
		for _, f := range c.Figures {
			vals = append(vals, strings.TrimSpace(f.Figure.Zone+" "+string(f.Figure.Kind)))
		}
		got = append(got, c.Figures[0].Metric.ID+": "+strings.Join(vals, ", "))
	}
	want := []string{"zones: b actual, b estimate", "gdp: actual, estimate"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCuratedConflicts(t *testing.T) {
	src := strings.Replace(testHeader, "metrics:\n", `conflicts:
  - id: stock-vs-flow
    figures: [stock, flow]
    note: {zh: 一年的认定数多于存量, en: One year's recognitions exceed the stock}
metrics:
`, 1) + metricYAML("stock", "家", "", "id: stock, year: 2020, as_of: 2020-05, value: 34, kind: actual") +
		metricYAML("flow", "家", "", "id: flow, year: 2019, value: 45, kind: actual, source: old")
	ds, err := data.Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs := ds.Conflicts()
	if len(cs) != 1 || !cs[0].Curated() || cs[0].ID != "stock-vs-flow" || len(cs[0].Figures) != 2 {
		t.Fatalf("conflicts = %+v", cs)
	}
	if cs[0].Figures[0].Metric.ID != "stock" || cs[0].Figures[1].Figure.Value != 45 || cs[0].Note.En == "" {
		t.Errorf("conflict = %+v", cs[0])
	}
}
