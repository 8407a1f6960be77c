package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"lzdash/data"
)

// TestExportTablesCLI runs export --table for every table and format.
func TestExportTablesCLI(t *testing.T) {
	ds := embeddedDataset(t)
	for _, name := range data.TableNames {
		want, err := ds.Table(name)
		if err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCLI("export", "--table", name)
		var recs []map[string]any
		if err := json.Unmarshal([]byte(out), &recs); code != 0 || stderr != "" || err != nil {
			t.Fatalf("%s json: exit %d, stderr %q, %v", name, code, stderr, err)
		}
		code, out, stderr = runCLI("export", "--table", name, "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || stderr != "" || err != nil || len(rows) != len(want.Rows)+1 || len(recs) != len(want.Rows) {
			t.Fatalf("%s csv: exit %d, stderr %q, %d rows, %v; want %d", name, code, stderr, len(rows), err, len(want.Rows)+1)
		}
	}
	// figures is the default table.
	_, def, _ := runCLI("export")
	_, figs, _ := runCLI("export", "--table", "figures")
	if def != figs {
		t.Error("export without --table differs from --table figures")
	}
	code, out, stderr := runCLI("export", "--table", "nope")
	if code != 2 || out != "" || !strings.Contains(stderr, `unknown table "nope"`) {
		t.Errorf("unknown table: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// TestExportTargetsTable checks the statuses the targets table gives the
// eleven 2019 targets: unknown, for want of any 2019 figure.
func TestExportTargetsTable(t *testing.T) {
	_, out, _ := runCLI("export", "--table", "targets")
	var recs []data.TargetRecord
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 11 {
		t.Fatalf("%d targets", len(recs))
	}
	for _, r := range recs {
		if r.Status != data.Unknown || r.Reason != "no 2019 figure" || r.BasisValue != nil {
			t.Errorf("%s: %+v", r.Metric, r)
		}
	}
}
