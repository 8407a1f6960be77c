package plain

import (
	"strings"
	"testing"
)

func TestLists(t *testing.T) {
	ds := load(t)
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"targets en", New(ds, "en").Targets(), []string{"2 targets: 1 met, 0 missed, 1 unknown.", "target for 2019", "target for 2021"}},
		{"targets zh", New(ds, "zh").Targets(), []string{"共2项目标：1项达成，0项未达成，1项未知。", "2019年目标", "2021年目标"}},
		{"sources en", New(ds, "en").Sources(), []string{"2 sources.",
			"Source: 测试日报, S&T work conference held, 2020-03-01; 3 figures.", "(date inferred); 5 figures."}},
		{"sources zh", New(ds, "zh").Sources(), []string{"共2个来源。", "来源：测试日报，《科技工作会议召开》，2020-03-01；3项数据。"}},
		{"metric en", New(ds, "en").Metric(ds.Metric("patents")), []string{"Patent applications: 2 figures.", "Jan-Oct 2021", "East Zone"}},
		{"conflicts en", New(ds, "en").Conflicts(), []string{"0 disagreements between sources, all kept."}},
	} {
		all := strings.Join(tc.got, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q in\n%s", tc.name, w, all)
			}
		}
	}
}

func TestWriteGroupsByMetric(t *testing.T) {
	ds := load(t)
	var b strings.Builder
	if err := New(ds, "en").Write(&b); err != nil {
		t.Fatal(err)
	}
	groups := strings.Split(strings.TrimSuffix(b.String(), "\n\n"), "\n\n")
	if len(groups) != 5 || !strings.HasPrefix(groups[0], "Technology contract turnover: 6 figures.\n") ||
		!strings.HasPrefix(groups[1], "Patent applications: 2 figures.\n") || !strings.HasPrefix(groups[2], "2 targets") {
		t.Fatalf("%d groups:\n%s", len(groups), b.String())
	}
	if n := strings.Count(groups[0], "\n"); n != 6 {
		t.Errorf("turnover has %d sentences after its heading, want 6", n)
	}
}
