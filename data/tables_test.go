package data_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"lzdash/data"
)

// TestTables checks every table: JSON objects carry exactly the CSV
// header's keys, and there is one CSV row per JSON record.
func TestTables(t *testing.T) {
	ds := goodDataset(t)
	for _, name := range data.TableNames {
		tb, err := ds.Table(name)
		if err != nil {
			t.Fatal(err)
		}
		var js bytes.Buffer
		if err := tb.Write(&js, "json"); err != nil {
			t.Fatal(err)
		}
		var recs []map[string]any
		if err := json.Unmarshal(js.Bytes(), &recs); err != nil {
			t.Fatalf("%s: not a JSON array of objects: %v", name, err)
		}
		var cs bytes.Buffer
		if err := tb.Write(&cs, "csv"); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&cs).ReadAll()
		if err != nil {
			t.Fatalf("%s: not CSV: %v", name, err)
		}
		if len(recs) == 0 || len(rows) != len(recs)+1 || !slices.Equal(rows[0], tb.Header) {
			t.Fatalf("%s: %d records, %d rows, header %q", name, len(recs), len(rows), rows[0])
		}
		for i, r := range recs {
			keys := flatKeys(r)
			slices.Sort(keys)
			want := slices.Clone(tb.Header)
			slices.Sort(want)
			if !slices.Equal(keys, want) {
				t.Fatalf("%s record %d keys %q, want %q", name, i, keys, want)
			}
		}
	}
	if _, err := ds.Table("nope"); err == nil || !strings.Contains(err.Error(), "figures, targets, conflicts, sources") {
		t.Errorf("unknown table: %v", err)
	}
	tb, _ := ds.Table("sources")
	if err := tb.Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("format xml was accepted")
	}
}

// flatKeys lists a JSON object's keys, a nested object's as prefix_key
// (a, b of a conflict become a_metric, b_value, ...).
func flatKeys(m map[string]any) []string {
	var out []string
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			for _, s := range flatKeys(sub) {
				out = append(out, k+"_"+s)
			}
			continue
		}
		out = append(out, k)
	}
	return out
}

func TestTargetTable(t *testing.T) {
	ds := testDataset(t,
		metricYAML("rate", "%", "",
			"year: 2020, value: 60.1, kind: estimate",
			`year: 2020, value: 58, kind: target, comparator: ">="`,
			`year: 2021, value: 62, kind: target, comparator: ">"`))
	tb, _ := ds.Table("targets")
	recs := tb.Records.([]data.TargetRecord)
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	met, unknown := recs[1], recs[0] // problems first: the unknown one leads
	if met.Status != data.Met || met.BasisValue == nil || *met.BasisValue != 60.1 || *met.BasisYear != 2020 ||
		met.BasisKind != data.Estimate || met.BasisStanding != data.Estimate || met.Reason != "judged on an estimate" {
		t.Errorf("met record = %+v", met)
	}
	if unknown.Status != data.Unknown || unknown.BasisValue != nil || unknown.Reason != "no 2021 figure" || unknown.ReasonZh != "无2021年数据" {
		t.Errorf("unknown record = %+v", unknown)
	}
	if tb.Rows[0][12] != "" || tb.Rows[0][14] != "" || tb.Rows[1][14] != "60.1" {
		t.Errorf("CSV basis cells = %q / %q", tb.Rows[0], tb.Rows[1])
	}
	var buf bytes.Buffer
	if err := tb.WriteJSON(&buf); err != nil || !strings.Contains(buf.String(), `"basis_value": null`) {
		t.Errorf("a target without a basis does not give null: %v\n%s", err, buf.String())
	}
}

func TestConflictAndSourceTables(t *testing.T) {
	ds := goodDataset(t)
	tb, _ := ds.Table("conflicts")
	recs := tb.Records.([]data.ConflictRecord)
	if len(recs) != 1 || recs[0].Found != "rule" || recs[0].A.Value != 859 || recs[0].B.Value != 850 ||
		recs[0].A.Source != "report-2021" || recs[0].B.Kind != data.Estimate {
		t.Errorf("conflicts = %+v", recs)
	}
	tb, _ = ds.Table("sources")
	srcs := tb.Records.([]data.SourceRecord)
	if len(srcs) != 2 || srcs[0].ID != "report-2020" || srcs[0].Figures != 5 || !srcs[1].DateInferred {
		t.Errorf("sources = %+v", srcs)
	}
}

// TestTablesEscapeFormulas checks that every table's CSV escapes a text
// cell a spreadsheet would take for a formula, and leaves numbers alone.
func TestTablesEscapeFormulas(t *testing.T) {
	ds, err := data.Parse("csv_injection.yaml", readFile(t, "testdata/csv_injection.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]string{
		"figures": {"'-metric", "'@source", "-14"},
		"targets": {"'-metric", "'=件", "'+SUM(1,2)"},
		"sources": {"'@source"},
	} {
		tb, _ := ds.Table(name)
		var buf bytes.Buffer
		if err := tb.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		cells := map[string]bool{}
		for _, row := range rows[1:] {
			for _, c := range row {
				cells[c] = true
				if c != "" && strings.IndexByte("=+@", c[0]) >= 0 {
					t.Errorf("%s: cell %q starts a formula", name, c)
				}
			}
		}
		for _, w := range want {
			if !cells[w] {
				t.Errorf("%s: no cell %q in %q", name, w, rows[1:])
			}
		}
	}
}
