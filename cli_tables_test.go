package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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

// TestExportTargetsTable checks the verdicts the targets table gives the
// targets of the UI's fixture, one of each kind of outcome: missed and met
// on actual figures, met on an estimate and on a provisional figure (with
// a reason that says so), and unknown for want of a figure for the
// target's year. Problems come first.
func TestExportTargetsTable(t *testing.T) {
	code, out, stderr := runCLI("export", "--table", "targets", "--data", "ui/testdata/fixture.yaml")
	var recs []data.TargetRecord
	if err := json.Unmarshal([]byte(out), &recs); code != 0 || stderr != "" || err != nil {
		t.Fatalf("exit %d, stderr %q, %v", code, stderr, err)
	}
	type verdict struct {
		metric string
		year   int
		status data.Status
		reason string
		basis  float64 // 0 when there is none
		kind   data.Kind
	}
	want := []verdict{
		{"contribution-rate", 2019, data.Missed, "", 57.1, data.Actual},
		{"patents", 2020, data.Missed, "", 11900, data.Actual},
		{"contract-turnover", 2022, data.Unknown, "no 2022 figure", 0, ""},
		{"contribution-rate", 2021, data.Met, "judged on an estimate", 60.1, data.Estimate},
		{"high-tech-firms", 2021, data.Met, "judged on a provisional figure, printed before the period ended", 730, data.Provisional},
		{"patents", 2019, data.Met, "", 10708, data.Actual},
	}
	var got []verdict
	for _, r := range recs {
		v := verdict{metric: r.Metric, year: r.Year, status: r.Status, reason: r.Reason, kind: r.BasisKind}
		if r.BasisValue != nil {
			v.basis = *r.BasisValue
		}
		if (r.BasisValue == nil) != (r.BasisYear == nil) || (r.BasisValue == nil) != (r.Status == data.Unknown) {
			t.Errorf("%s %d: %s with basis year %v and value %v", r.Metric, r.Year, r.Status, r.BasisYear, r.BasisValue)
		}
		got = append(got, v)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("targets:\n got %v\nwant %v", got, want)
	}
	// The embedded dataset's table has a record for every target.
	_, out, _ = runCLI("export", "--table", "targets")
	if err := json.Unmarshal([]byte(out), &recs); err != nil || len(recs) != len(embeddedDataset(t).Verdicts()) || len(recs) == 0 {
		t.Errorf("embedded: %d records, %v", len(recs), err)
	}
}

// TestVerifyCLI runs lzdash verify on the embedded dataset and on a copy
// with a quote and a value changed: the copy fails with the position of
// each change.
func TestVerifyCLI(t *testing.T) {
	if code, _, stderr := runCLI("verify"); code != 2 || !strings.Contains(stderr, "--sources DIR is required") {
		t.Errorf("verify without --sources: exit %d, stderr %q", code, stderr)
	}
	if st, err := os.Stat(seedsDir); err != nil || !st.IsDir() {
		t.Skipf("the source articles are not at %s", seedsDir)
	}
	code, out, stderr := runCLI("verify", "--sources", seedsDir)
	if code != 0 || stderr != "" || !strings.HasPrefix(out, "indicators.yaml: ok: ") {
		t.Fatalf("verify: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	src := strings.Replace(string(embedded), `quote: "专利申请量达到10708件"`, `quote: "专利申请量达到10709件"`, 1)
	src = strings.Replace(src, "        value: 62.76\n", "        value: 62.77\n", 1)
	path := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runCLI("verify", "--sources", seedsDir, "--data", path)
	if code != 1 || out != "" {
		t.Fatalf("verify of a changed file: exit %d, stdout %q", code, out)
	}
	lineOf := func(s string) int { return strings.Count(src[:strings.Index(src, s)], "\n") + 1 }
	for _, want := range []string{
		fmt.Sprintf("%s:%d:16: metrics[", path, lineOf("专利申请量达到10709件")),
		fmt.Sprintf("%s:%d:16: metrics[", path, lineOf("        value: 62.77")),
		`.quote: quote "专利申请量达到10709件" is not in 000_962e9783aa401d67.txt`,
		`.value: value 62.77 亿元 is not in the quote`,
		"3 problem(s) found",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
