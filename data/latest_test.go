package data

import (
	"os"
	"reflect"
	"testing"
)

// TestLatestByZoneMatchesSeries checks the one-pass LatestByZone against
// the last point of Series for every metric and zone.
func TestLatestByZoneMatchesSeries(t *testing.T) {
	for _, file := range []string{"../indicators.yaml", "testdata/good.yaml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for i := range ds.Metrics {
			m := &ds.Metrics[i]
			latest := ds.LatestByZone(m)
			for _, z := range ds.Zones {
				s := ds.Series(m, z.ID)
				got, ok := latest[z.ID]
				if ok != (len(s) > 0) {
					t.Fatalf("%s %s: LatestByZone has it %v, Series has %d points", m.ID, z.ID, ok, len(s))
				}
				if !ok {
					continue
				}
				want := s[len(s)-1]
				if got.Figure != want.Figure || got.Value != want.Value || !sameFigures(got.Others, want.Others) {
					t.Fatalf("%s %s: LatestByZone %+v, Series %+v", m.ID, z.ID, got, want)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Fatalf("%s: no zone figures checked", file)
		}
	}
}

func sameFigures(a, b []*Figure) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	seen := map[*Figure]int{}
	for _, f := range a {
		seen[f]++
	}
	for _, f := range b {
		seen[f]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return reflect.DeepEqual(len(a), len(b))
}
