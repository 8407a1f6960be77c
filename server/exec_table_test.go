package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestExportTables runs export --table over SSH: the same tables as the
// command line, and a refusal naming the tables for an unknown one.
func TestExportTables(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	for _, table := range []string{"targets", "conflicts", "sources"} {
		out, stderr, st := run(t, c, "export --table "+table)
		var recs []map[string]any
		if err := json.Unmarshal([]byte(out), &recs); st != 0 || stderr != "" || err != nil || len(recs) == 0 {
			t.Fatalf("export --table %s: status %d, stderr %q, %d records, %v", table, st, stderr, len(recs), err)
		}
	}
	out, _, _ := run(t, c, "export --table targets --format csv")
	if !strings.HasPrefix(out, "metric,name_zh,name_en,zone,year,period,comparator,target,unit,status,reason") {
		t.Errorf("targets CSV starts %q", out[:min(len(out), 80)])
	}
	_, stderr, st := run(t, c, "export --table nope")
	if st != 1 || !strings.Contains(stderr, `unknown table "nope": use figures, targets, conflicts, sources`) {
		t.Errorf("unknown table: status %d, stderr %q", st, stderr)
	}
}
