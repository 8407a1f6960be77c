package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

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

// TestDatasetConflicts pins the disagreements of the embedded dataset:
// one found by rule (兰白两区 GDP for 2020, an estimate of 850 and a later
// 859) and the tensions the dataset names.
func TestDatasetConflicts(t *testing.T) {
	ds := embeddedDataset(t)
	var got []string
	for _, c := range ds.Conflicts() {
		id := c.ID
		if id == "" {
			id = c.Figures[0].Metric.ID + "/" + c.Figures[0].Figure.Zone
		}
		got = append(got, id)
		if len(c.Figures) < 2 {
			t.Errorf("%s has %d figures", id, len(c.Figures))
		}
		if c.Curated() && (c.Note.Zh == "" || c.Note.En == "") {
			t.Errorf("%s: a curated conflict without a note in both languages", id)
		}
	}
	want := []string{
		"zone-gdp/lanbai",
		"rd-institutions-recognised-vs-stock",
		"new-products-since-2016-unchanged",
		"new-technologies-since-2016-unchanged",
		"new-sales-since-2016-unchanged",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("conflicts %q, want %q", got, want)
	}
}

// TestLanbaiGDPConsistent keeps the check that the dataset no longer
// holds as a derived figure: cdn-2021-12-28's 2018 level plus its
// two-year increase gives its 2020 level, 718 + 141 = 859.
func TestLanbaiGDPConsistent(t *testing.T) {
	ds := embeddedDataset(t)
	value := func(id string) float64 {
		r, ok := ds.FigureByID(id)
		if !ok {
			t.Fatalf("no figure %s", id)
		}
		return r.Figure.Value
	}
	if a, b, c := value("lanbai-gdp-2018"), value("lanbai-gdp-increase-2018-2020"), value("lanbai-gdp-2020"); a+b != c {
		t.Errorf("%v + %v = %v, but the 2020 figure is %v", a, b, a+b, c)
	}
}

// TestEnglishHasNoChinese checks that every English text of the dataset
// (names, titles, notes, industries) is English throughout: an English
// reader cannot read a Chinese fragment.
func TestEnglishHasNoChinese(t *testing.T) {
	ds := embeddedDataset(t)
	check := func(where, s string) {
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("%s: English text has Chinese: %q", where, s)
				return
			}
		}
	}
	check("title", ds.Title.En)
	check("region", ds.Region.En)
	for _, s := range ds.Sources {
		check("source "+s.ID+" title_en", s.TitleEn)
		check("source "+s.ID+" note", s.Note.En)
	}
	for _, c := range ds.Categories {
		check("category "+c.ID, c.Name.En)
	}
	for _, z := range ds.Zones {
		check("zone "+z.ID, z.Name.En)
		check("zone "+z.ID+" note", z.Note.En)
		if z.Industries != nil {
			for _, it := range z.Industries.Items {
				check("zone "+z.ID+" industry", it.En)
			}
		}
	}
	for _, m := range ds.Metrics {
		check("metric "+m.ID, m.Name.En)
		check("metric "+m.ID+" note", m.Note.En)
		for i, f := range m.Figures {
			check(fmt.Sprintf("metric %s figure %d note", m.ID, i), f.Note.En)
		}
	}
	for _, c := range ds.Curated {
		check("conflict "+c.ID, c.Note.En)
	}
}
