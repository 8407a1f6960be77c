package data_test

import (
	"fmt"
	"slices"
	"strings"
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

func TestVerdict(t *testing.T) {
	ds := testDataset(t,
		// An actual for the target's year beats an estimate for it.
		metricYAML("actual", "件", "",
			"year: 2020, value: 90, kind: estimate",
			"year: 2020, value: 100, kind: actual, source: old",
			`year: 2020, value: 100, kind: target, comparator: ">="`),
		metricYAML("provisional", "件", "",
			"year: 2019, value: 80, kind: actual",
			"year: 2020, value: 95, kind: provisional",
			"year: 2021, value: 200, kind: actual",
			`year: 2020, value: 90, kind: target, comparator: ">"`),
		metricYAML("estimate", "%", "",
			"year: 2020, value: 60.1, kind: estimate",
			`year: 2020, value: 58.2, kind: target, comparator: ">="`),
		metricYAML("derived", "亿元", "",
			"id: e, year: 2021, value: 850, kind: estimate",
			"year: 2020, value: 784.86, kind: derived, formula: 850 / 1.083, inputs: [e]",
			`year: 2020, value: 800, kind: target, comparator: ">="`),
		// No figure for 2021: later ones are context, not a basis.
		metricYAML("later", "件", "",
			"year: 2019, value: 50, kind: actual",
			"year: 2023, value: 70, kind: estimate",
			"year: 2022, value: 60, kind: actual",
			`year: 2021, value: 80, kind: target, comparator: ">="`),
		metricYAML("none", "件", "",
			"year: 2019, value: 50, kind: actual",
			`year: 2020, value: 60, kind: target, comparator: ">="`),
		// A part-year figure is no basis for a full-year target.
		metricYAML("part", "亿元", "",
			"year: 2020, period: 2020H1, value: 99, kind: partial",
			`year: 2020, value: 60, kind: target, comparator: ">="`),
		// A stock target is judged on the stock of its own date.
		metricYAML("stock", "家", "",
			"year: 2020, as_of: 2020-05, value: 574, kind: actual",
			"year: 2020, as_of: 2020-12, value: 660, kind: actual",
			`year: 2020, as_of: 2020-12, value: 650, kind: target, comparator: ">="`),
		metricYAML("stock-other-date", "家", "",
			"year: 2020, as_of: 2020-05, value: 574, kind: actual",
			`year: 2020, as_of: 2020-12, value: 650, kind: target, comparator: ">="`),
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
		metricYAML("related", "个", "",
			"year: 2018, value: 103, kind: actual",
			`year: 2019, value: 80, kind: target, comparator: ">="`),
		metricYAML("programme", "个", "",
			"year: 2020, period: unstated, value: 70, kind: actual"),
	)
	ds.Metric("related").Related = []string{"programme"}
	tests := []struct {
		metric   string
		status   data.Status
		standing data.Kind
		basis    float64 // the basis figure's value; -1 for none
		diff     float64
		reason   string // part of the English reason; "" for none
		context  []float64
	}{
		{"actual", data.Met, data.Actual, 100, 0, "", nil},
		{"provisional", data.Met, data.Provisional, 95, 5, "provisional", []float64{200}},
		{"estimate", data.Met, data.Estimate, 60.1, 1.9, "estimate", nil},
		{"derived", data.Missed, data.Estimate, 784.86, -15.14, "derived from estimates", []float64{850}},
		{"later", data.Unknown, data.Actual, -1, 0, "no 2021 figure", []float64{70, 60}},
		{"none", data.Unknown, data.Actual, -1, 0, "no 2020 figure", nil},
		{"part", data.Unknown, data.Actual, -1, 0, "no comparable 2020 figure: the one there is is H1 2020", nil},
		{"stock", data.Met, data.Actual, 660, 10, "", nil},
		{"stock-other-date", data.Unknown, data.Actual, -1, 0, "as of May 2020", nil},
		{"rank", data.Met, data.Actual, 65, -5, "", nil},
		{"rank-strict", data.Missed, data.Actual, 65, 0, "", nil},
		{"zoned", data.Missed, data.Actual, 5, -5, "", nil},
		{"money", data.Missed, data.Actual, 33000, 0, "", nil},
		{"zero", data.Met, data.Actual, 0, 0, "", nil},
		{"related", data.Unknown, data.Actual, -1, 0, "no 2019 figure", []float64{70}},
	}
	for _, tt := range tests {
		m := ds.Metric(tt.metric)
		tg := target(t, m)
		v := ds.Verdict(m, tg)
		if v.Metric != m || v.Target != tg {
			t.Errorf("%s: verdict does not point at its metric and target", tt.metric)
		}
		if v.Status != tt.status || v.Standing != tt.standing {
			t.Errorf("%s: %s on %s, want %s on %s", tt.metric, v.Status, v.Standing, tt.status, tt.standing)
		}
		switch {
		case tt.basis < 0 && v.Basis != nil:
			t.Errorf("%s: judged on %+v, want no basis", tt.metric, *v.Basis)
		case tt.basis >= 0 && (v.Basis == nil || v.Basis.Value != tt.basis || v.Basis.Zone != tg.Zone):
			t.Errorf("%s: basis %+v, want the figure of %v", tt.metric, v.Basis, tt.basis)
		case tt.basis >= 0 && !near(v.Diff, tt.diff):
			t.Errorf("%s: diff %v, want %v", tt.metric, v.Diff, tt.diff)
		}
		if tt.reason == "" && (v.Reason.En != "" || v.Reason.Zh != "") {
			t.Errorf("%s: reason %+v, want none", tt.metric, v.Reason)
		}
		if tt.reason != "" && (!strings.Contains(v.Reason.En, tt.reason) || v.Reason.Zh == "") {
			t.Errorf("%s: reason %+v, want one mentioning %q in both languages", tt.metric, v.Reason, tt.reason)
		}
		var ctx []float64
		for _, c := range v.Context {
			ctx = append(ctx, c.Figure.Value)
			if c.Figure == v.Basis {
				t.Errorf("%s: the basis is also context", tt.metric)
			}
		}
		if !slices.Equal(ctx, tt.context) {
			t.Errorf("%s: context %v, want %v", tt.metric, ctx, tt.context)
		}
	}
}

// TestVerdictQualifiers checks that an approximate outcome decides a
// target only when every value it stands for falls on one side.
func TestVerdictQualifiers(t *testing.T) {
	tests := []struct {
		value      float64
		qualifier  string
		comparator string
		target     float64
		want       data.Status
	}{
		{30, "nearly", ">=", 30, data.Missed},   // 近30 is under 30
		{30, "nearly", ">=", 20, data.Unknown},  // 近30 may or may not reach 20... or 29
		{100, "nearly", "<", 100, data.Met},     // 近100 is under 100
		{200, "more-than", ">=", 200, data.Met}, // 200多 is over 200
		{200, "more-than", ">", 200, data.Met},
		{200, "more-than", ">=", 300, data.Unknown},
		{200, "more-than", "<=", 200, data.Missed},
		{40, "at-least", ">=", 40, data.Met}, // 40%以上 is 40 or more
		{40, "at-least", ">", 40, data.Unknown},
		{40, "at-least", "<", 40, data.Missed},
		{30, "about", ">=", 10, data.Unknown}, // 约30: no bound at all
		{30, "", ">=", 30, data.Met},
		{30, "", ">", 30, data.Missed},
	}
	for _, tt := range tests {
		q := ""
		if tt.qualifier != "" {
			q = ", qualifier: " + tt.qualifier
		}
		marker := map[string]string{"nearly": "近", "more-than": "多", "at-least": "以上", "about": "约"}[tt.qualifier]
		ds := testDataset(t, metricYAML("m", "件", "",
			fmt.Sprintf("year: 2020, value: %v%s, kind: actual, source: old, quote: %s%v", tt.value, q, marker, tt.value),
			fmt.Sprintf(`year: 2020, value: %v, kind: target, comparator: "%s"`, tt.target, tt.comparator)))
		m := ds.Metric("m")
		v := ds.Verdict(m, target(t, m))
		if v.Status != tt.want {
			t.Errorf("%s %v %s %v: %s, want %s", tt.qualifier, tt.value, tt.comparator, tt.target, v.Status, tt.want)
		}
		if v.Status == data.Unknown && (v.Reason.En == "" || v.Basis == nil) {
			t.Errorf("%s %v: unknown without a reason or basis: %+v", tt.qualifier, tt.value, v)
		}
	}
}

func TestVerdictsProblemsFirst(t *testing.T) {
	// File order is the reverse of the expected order.
	ds := testDataset(t,
		metricYAML("met-actual", "件", "", "year: 2020, value: 10, kind: actual", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("met-estimate", "件", "", "year: 2020, value: 10, kind: estimate", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("no-figure", "件", "", "year: 2019, value: 10, kind: actual", `year: 2020, value: 10, kind: target, comparator: ">="`),
		metricYAML("missed-provisional", "件", "", "year: 2020, value: 5, kind: provisional", `year: 2020, value: 10, kind: target, comparator: ">="`),
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
		{"missed-provisional", 1},
		{"no-figure", 2},
		{"met-estimate", 3},
		{"met-actual", 4},
	}
	vs := ds.Verdicts()
	if len(vs) != len(want) {
		t.Fatalf("got %d verdicts, want %d", len(vs), len(want))
	}
	for i, w := range want {
		if vs[i].Metric.ID != w.metric || vs[i].Severity() != w.severity {
			t.Errorf("verdict %d = %s (severity %d), want %s (severity %d)", i, vs[i].Metric.ID, vs[i].Severity(), w.metric, w.severity)
		}
	}
	// Targets of equal severity keep their file order.
	if vs[0].Target.Value != 10 || vs[1].Target.Value != 4 {
		t.Errorf("missed-actual targets in order %v, %v; want 10 then 4", vs[0].Target.Value, vs[1].Target.Value)
	}
}
