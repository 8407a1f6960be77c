package data

import "testing"

// TestMetricAmount checks that a figure in 位 reads by the metric's
// meaning: a place for a ranking, a number of places for places gained,
// and that a change of rank reads as a move, in both languages.
func TestMetricAmount(t *testing.T) {
	rank := &Metric{Unit: "位", Better: "lower"}
	gained := &Metric{Unit: "位"}
	money := &Metric{Unit: "亿元", Better: "lower"}
	for _, c := range []struct {
		got, want string
	}{
		{MetricAmount(rank, 65, "位", "en"), "No. 65"},
		{MetricAmount(rank, 65, "位", "zh"), "第65位"},
		{MetricAmount(gained, 5, "位", "en"), "5 places"},
		{MetricAmount(gained, 1, "位", "en"), "1 place"},
		{MetricAmount(gained, 5, "位", "zh"), "5 位"},
		{MetricAmount(money, 62.76, "亿元", "en"), "CNY 6.28 bn"},
		{MetricChange(rank, -14, "位", "en"), "up 14 places"},
		{MetricChange(rank, -14, "位", "zh"), "上升14位"},
		{MetricChange(rank, 3, "位", "en"), "down 3 places"},
		{MetricChange(rank, 3, "位", "zh"), "下降3位"},
		{MetricChange(rank, 1, "位", "en"), "down 1 place"},
		{MetricChange(rank, 0, "位", "en"), "unchanged"},
		{MetricChange(rank, 0, "位", "zh"), "持平"},
		{MetricChange(gained, 3, "位", "en"), "+3 places"},
		{MetricChange(gained, -2, "位", "zh"), "-2 位"},
		{MetricChange(money, -1.5, "亿元", "zh"), "-1.5 亿元"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if !rank.IsRank() || gained.IsRank() || money.IsRank() {
		t.Error("IsRank: only a metric in 位 where lower is better is a ranking")
	}
	if rank.Improves(-14) != 1 || rank.Improves(3) != -1 || gained.Improves(3) != 1 || gained.Improves(0) != 0 {
		t.Error("Improves does not follow the metric's better direction")
	}
}
