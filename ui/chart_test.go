package ui

import (
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
