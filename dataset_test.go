package main

import (
	"testing"

	"lzdash/data"
)

// embeddedDataset parses the embedded dataset.
func embeddedDataset(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := data.Parse(embeddedName, embedded)
	if err != nil {
		t.Fatalf("the embedded dataset does not validate:\n%v", err)
	}
	return ds
}

// TestTargetVerdicts pins how the eleven 2019 targets stand: the
// articles give no 2019 figure for any of them, so none is met or
// missed, and the 2020 figures and the Six Hundreds counts come only as
// context.
func TestTargetVerdicts(t *testing.T) {
	ds := embeddedDataset(t)
	vs := ds.Verdicts()
	if len(vs) != 11 {
		t.Fatalf("%d targets, want 11", len(vs))
	}
	for _, v := range vs {
		if v.Status != data.Unknown || v.Basis != nil {
			t.Errorf("%s %d: %s on %+v; no 2019 outcome is reported", v.Metric.ID, v.Target.Year, v.Status, v.Basis)
		}
		if v.Reason.En != "no 2019 figure" || v.Reason.Zh != "无2019年数据" {
			t.Errorf("%s: reason %+v", v.Metric.ID, v.Reason)
		}
	}
	context := map[string][]float64{}
	for _, v := range vs {
		for _, c := range v.Context {
			context[v.Metric.ID] = append(context[v.Metric.ID], c.Figure.Value)
		}
	}
	for id, want := range map[string][]float64{
		"tech-contract-turnover":   {70},
		"innovation-platforms-new": {70},
		"new-products":             {122},
		"innovation-teams":         {97},
		"agri-demo-parks-new":      nil,
	} {
		got := context[id]
		if len(got) != len(want) || len(want) > 0 && got[0] != want[0] {
			t.Errorf("%s: context %v, want %v", id, got, want)
		}
	}
}
