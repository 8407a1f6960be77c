package main

import (
	"fmt"
	"os"
	"testing"

	"lzdash/data"
)

// seedsDir holds the archived source articles, named by the sources'
// file fields. It lives beside the repository, not in it.
const seedsDir = "../shared/seeds"

// TestQuotesAppearInSources runs lzdash verify on indicators.yaml: every
// quote can be found, word for word, in the archived article its source
// names, every reported value in its quote, every qualifier next to its
// value, and no figure printed before its period ended passes as final.
func TestQuotesAppearInSources(t *testing.T) {
	if st, err := os.Stat(seedsDir); err != nil || !st.IsDir() {
		t.Skipf("the source articles are not at %s, so quotes cannot be checked against them", seedsDir)
	}
	src, err := os.ReadFile("indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Parse("indicators.yaml", src)
	if err != nil {
		t.Fatalf("indicators.yaml does not validate:\n%v", err)
	}
	res := data.Verify(ds, src, seedsDir)
	for _, p := range res.Problems {
		t.Error(p.Error())
	}
	if res.Quotes == 0 || res.Values == 0 {
		t.Errorf("%d quotes and %d values checked; want every one", res.Quotes, res.Values)
	}
	t.Logf("%d quotes and %d values checked, %d problems", res.Quotes, res.Values, len(res.Problems))
}

// TestQualifiers checks every figure of indicators.yaml against its
// quote: a figure whose number stands next to 约, 左右, 近, 多, 余, 超过 or
// 以上 carries the matching qualifier, and a qualifier never stands
// without one; a target's marker agrees with its comparator. It needs no
// source articles.
func TestQualifiers(t *testing.T) {
	ds, err := data.Parse(embeddedName, embedded)
	if err != nil {
		t.Fatal(err)
	}
	approximate := 0
	for _, m := range ds.Metrics {
		for i, f := range m.Figures {
			if f.Kind == data.Derived {
				continue
			}
			where := fmt.Sprintf("metric %s figure %d (%d, %v)", m.ID, i, f.Year, f.Value)
			q, found := data.QualifierIn(f.Quote, f.Value)
			if !found {
				t.Errorf("%s: the value is not in the quote %q", where, f.Quote)
				continue
			}
			if f.Kind == data.Target {
				want := map[data.Qualifier]string{data.AtLeast: ">=", data.MoreThan: ">"}[q]
				if want != "" && f.Comparator != want {
					t.Errorf("%s: the quote %q calls for comparator %s, not %s", where, f.Quote, want, f.Comparator)
				}
				continue
			}
			if q != f.Qualifier {
				t.Errorf("%s: qualifier %q, but the quote %q calls for %q", where, f.Qualifier, f.Quote, q)
			}
			if q != "" {
				approximate++
			}
		}
	}
	if approximate == 0 {
		t.Error("no approximate figure was found; the check found nothing to check")
	}
	t.Logf("%d approximate figures, each with its qualifier", approximate)
}
