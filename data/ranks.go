package data

import "math"

// This file renders the figures of metrics in 位, whose meaning the unit
// alone does not give: a ranking (better: lower) is a place, No. 65 /
// 第65位, and a change of it is a move up or down; a metric in 位 where
// more is better counts places, such as places gained: 5 places / 5 位.

// IsRank reports whether m is a ranking: a metric in 位 where lower is
// better.
func (m *Metric) IsRank() bool { return m.LowerIsBetter() && IsPlaces(m.Unit) }

// IsPlaces reports whether a unit counts places in a ranking (位).
func IsPlaces(u string) bool {
	_, b, ok := unitOf(u)
	return ok && b.class == unitRank
}

// MetricAmount renders a value of metric m stated in unit u, in a
// language as Amount does, but by the metric's meaning for a unit of
// places: a ranking as No. 65 / 第65位, a count of places as 5 places /
// 5 位.
func MetricAmount(m *Metric, v float64, u, lang string) string {
	if !IsPlaces(u) {
		return Amount(v, u, lang)
	}
	if m.LowerIsBetter() {
		return Rank(v, 0, lang)
	}
	if lang == "en" {
		return places(v)
	}
	return trimNumber(v, -1) + " 位"
}

// MetricChange renders a change d of metric m in unit u: for a ranking
// the move it means, up 14 places / 上升14位 when the number falls, down 3
// places / 下降3位 when it rises, unchanged / 持平; for a count of places
// +5 places / +5 位; otherwise as SignedAmount does.
func MetricChange(m *Metric, d float64, u, lang string) string {
	switch {
	case !IsPlaces(u):
		return SignedAmount(d, u, lang)
	case !m.LowerIsBetter():
		s := MetricAmount(m, math.Abs(d), u, lang)
		if d > 0 {
			return "+" + s
		} else if d < 0 {
			return "-" + s
		}
		return s
	case d == 0 && lang == "en":
		return "unchanged"
	case d == 0:
		return "持平"
	case lang == "en" && d < 0:
		return "up " + places(-d)
	case lang == "en":
		return "down " + places(d)
	case d < 0:
		return "上升" + trimNumber(-d, -1) + "位"
	}
	return "下降" + trimNumber(d, -1) + "位"
}

// Improves reports what a change d of metric m means: 1 when it is for
// the better, -1 when for the worse, 0 when there is none.
func (m *Metric) Improves(d float64) int {
	if m.LowerIsBetter() {
		d = -d
	}
	switch {
	case d > 0:
		return 1
	case d < 0:
		return -1
	}
	return 0
}

// places is a number of places in English: 1 place, 14 places.
func places(v float64) string {
	if v == 1 {
		return "1 place"
	}
	return grouped(v) + " places"
}
