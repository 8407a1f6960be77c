package ui

import (
	"math"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

func points(years []int, values []float64) []data.Point {
	s := make([]data.Point, len(years))
	for i := range years {
		s[i] = data.Point{Year: years[i], Value: values[i], Figure: &data.Figure{Year: years[i], Value: values[i], Kind: data.Actual}}
	}
	return s
}

// TestLineChart draws the awkward series: one point, two, a flat line, a
// small range, and a target outside the data.
func TestLineChart(t *testing.T) {
	target := 4.0
	cases := []struct {
		name   string
		s      []data.Point
		target *float64
		want   []string
	}{
		{"one point", points([]int{2018}, []float64{3.48}), nil, []string{"2018", "3.48"}},
		{"two points", points([]int{2017, 2018}, []float64{55.6, 57.1}), nil, []string{"2017", "2018", "55.6", "57.1"}},
		{"flat", points([]int{2018, 2019, 2020}, []float64{45, 45, 45}), nil, []string{"2018", "2020", "45"}},
		{"small range", points([]int{2018, 2019, 2020}, []float64{2.3, 3.1, 3.6}), nil, []string{"2.3", "3.6", "2019"}},
		{"gap in years", points([]int{2016, 2021}, []float64{227, 681}), nil, []string{"2016", "2021"}},
		{"target above", points([]int{2018, 2020}, []float64{2.3, 3.6}), &target, []string{"---", "4"}},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{30, 8}, {60, 12}, {100, 20}} {
			out := lineChart(c.s, c.target, size[0], size[1])
			if out == "" {
				t.Fatalf("%s %v: no chart", c.name, size)
			}
			lines := strings.Split(out, "\n")
			if len(lines) > size[1] {
				t.Errorf("%s %v: %d lines", c.name, size, len(lines))
			}
			for _, l := range lines {
				if lipgloss.Width(l) > size[0] {
					t.Errorf("%s %v: line %q is %d wide", c.name, size, l, lipgloss.Width(l))
				}
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s %v: chart lacks %q:\n%s", c.name, size, w, out)
				}
			}
		}
	}
	if lineChart(nil, nil, 60, 12) != "" {
		t.Error("an empty series drew a chart")
	}
}

// TestChartDotsProvisionalFigures checks that a stretch ending at an
// estimate is dotted and that firm figures are not.
func TestChartDotsProvisionalFigures(t *testing.T) {
	firm := points([]int{2017, 2018, 2020}, []float64{55.6, 57.1, 60.1})
	if out := lineChart(firm, nil, 60, 12); dotted(out) {
		t.Errorf("firm figures are dotted:\n%s", out)
	}
	est := points([]int{2017, 2018, 2020}, []float64{55.6, 57.1, 60.1})
	est[2].Figure.Kind = data.Estimate
	out := lineChart(est, nil, 60, 12)
	if !dotted(out) {
		t.Errorf("an estimate is drawn solid:\n%s", out)
	}
	if !strings.ContainsAny(out, "╭╯─") {
		t.Errorf("the firm stretch is not drawn solid:\n%s", out)
	}
}

// dotted reports whether a chart has a run of dots in its plot area.
func dotted(chart string) bool {
	for _, l := range strings.Split(chart, "\n") {
		if i := strings.IndexAny(l, "┤┼"); i >= 0 && strings.Contains(l[i:], "..") {
			return true
		}
	}
	return false
}

// TestResampleBreaks checks that no line is drawn across a break in
// comparability: the columns between the two points stay empty, and the
// point after the break stands alone in the column of its year.
func TestResampleBreaks(t *testing.T) {
	s := points([]int{2016, 2018, 2020, 2021}, []float64{1, 2, 10, 11})
	s[2].Break = true
	const cols = 51 // one column for every tenth of a year from 2016 to 2021
	final, other := resample(s, cols)
	col := func(year float64) int { return int((year - 2016) * 10) }
	for c := col(2018) + 1; c < col(2020); c++ {
		if !math.IsNaN(final[c]) || !math.IsNaN(other[c]) {
			t.Fatalf("column %d, between 2018 and 2020, has a line: %v %v", c, final[c], other[c])
		}
	}
	if final[col(2020)] != 10 || final[col(2021)] != 11 || final[col(2018)] != 2 {
		t.Errorf("points at 2018, 2020, 2021 = %v, %v, %v; want 2, 10, 11", final[col(2018)], final[col(2020)], final[col(2021)])
	}
	if math.IsNaN(final[col(2017)]) || math.IsNaN(final[col(2020)+5]) {
		t.Error("the stretches that compare are not drawn")
	}

	// With no break, the same series is joined all the way.
	s[2].Break = false
	final, _ = resample(s, cols)
	for c, v := range final {
		if math.IsNaN(v) {
			t.Fatalf("column %d is empty without a break", c)
		}
	}
}
