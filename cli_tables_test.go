package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
