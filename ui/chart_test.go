package ui

import (
	"math"
	"strconv"
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

// plotted is a plot read back from its text: the value of each labelled
// row, the labelled years, and the rows of the plot area.
type plotted struct {
	ticks map[int]float64 // row → tick value
	years []string
	area  []string // the plot rows right of the axis
}

func readPlot(t *testing.T, out string) plotted {
	t.Helper()
	lines := strings.Split(out, "\n")
	p := plotted{ticks: map[int]float64{}}
	axisAt := -1
	for i, l := range lines {
		if strings.Contains(l, "└") {
			p.years = strings.Fields(lines[i+1])
			break
		}
		j := strings.IndexAny(l, "┤│")
		if j < 0 {
			t.Fatalf("line %d has no axis: %q", i, l)
		}
		if axisAt < 0 {
			axisAt = lipgloss.Width(l[:j])
		}
		if lab := strings.TrimSpace(l[:j]); lab != "" {
			v, err := strconv.ParseFloat(lab, 64)
			if err != nil {
				t.Fatalf("tick %q: %v", lab, err)
			}
			p.ticks[i] = v
		}
		p.area = append(p.area, l[j+len("┤"):])
	}
	return p
}

// valueAt interpolates the value a row stands for between two ticks.
func (p plotted) valueAt(row int) float64 {
	var r0, r1 = -1, -1
	for r := range p.ticks {
		if r0 < 0 || r < r0 {
			r0 = r
		}
		if r > r1 {
			r1 = r
		}
	}
	return p.ticks[r0] + (p.ticks[r1]-p.ticks[r0])*float64(row-r0)/float64(r1-r0)
}

// round reports whether v is a multiple of 1, 2 or 5 × 10^k for the
// step between ticks.
func roundStep(step float64) bool {
	e := math.Floor(math.Log10(step))
	m := step / math.Pow(10, e)
	for _, want := range []float64{1, 2, 5, 10} {
		if math.Abs(m-want) < 1e-6 {
			return true
		}
	}
	return false
}

// TestPlot draws awkward series at small, middling and very tall sizes,
// and reads each plot back: ticks a round step apart that cover the data,
// whole years only, the target on the row nearest its value, and a
// height capped on a tall screen.
func TestPlot(t *testing.T) {
	target := 58.2
	rankTarget := 10.0
	cases := []struct {
		name   string
		s      []data.Point
		target *float64
		lower  bool
	}{
		{"one point", points([]int{2018}, []float64{3.48}), nil, false},
		{"two points", points([]int{2017, 2018}, []float64{55.6, 57.1}), nil, false},
		{"flat", points([]int{2018, 2019, 2020}, []float64{45, 45, 45}), nil, false},
		{"small range", points([]int{2018, 2019, 2020}, []float64{2.3, 3.1, 3.6}), nil, false},
		{"six years", points([]int{2016, 2017, 2018, 2019, 2020, 2021}, []float64{55.6, 56, 57.1, 58, 59.5, 60.1}), &target, false},
		{"gap in years", points([]int{2016, 2021}, []float64{227, 681}), nil, false},
		{"rank", points([]int{2017, 2018, 2019, 2020}, []float64{18, 12, 9, 4}), &rankTarget, true},
	}
	st := &Styles{}
	for _, c := range cases {
		for _, size := range [][2]int{{30, 6}, {40, 10}, {60, 12}, {100, 20}, {120, 78}} {
			out := st.plot(plotInput{s: c.s, target: c.target, lower: c.lower}, size[0], size[1])
			if out == "" {
				t.Fatalf("%s %v: no chart", c.name, size)
			}
			lines := strings.Split(out, "\n")
			if len(lines) > min(size[1], maxPlotRows+2) {
				t.Errorf("%s %v: %d lines", c.name, size, len(lines))
			}
			for _, l := range lines {
				if lipgloss.Width(l) > size[0] {
					t.Errorf("%s %v: line %q is %d wide", c.name, size, l, lipgloss.Width(l))
				}
			}
			p := readPlot(t, out)
			if len(p.ticks) < 2 {
				t.Fatalf("%s %v: %d ticks:\n%s", c.name, size, len(p.ticks), out)
			}
			checkTicks(t, c.name, p, c.s, c.lower, out)
			for _, y := range p.years {
				n, err := strconv.Atoi(y)
				if err != nil || n < c.s[0].Year || n > c.s[len(c.s)-1].Year {
					t.Errorf("%s %v: year tick %q is not a year of the series:\n%s", c.name, size, y, out)
				}
			}
			if c.target != nil {
				checkTargetRow(t, c.name, p, *c.target, out)
			}
		}
	}
	if st.plot(plotInput{}, 60, 12) != "" {
		t.Error("an empty series drew a chart")
	}
}

// checkTicks asserts that the ticks are evenly spaced by a round step,
// land on multiples of it, cover the data, and run the right way up.
func checkTicks(t *testing.T, name string, p plotted, s []data.Point, lower bool, out string) {
	t.Helper()
	rows := make([]int, 0, len(p.ticks))
	for r := range p.ticks {
		rows = append(rows, r)
	}
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			if rows[j] < rows[i] {
				rows[i], rows[j] = rows[j], rows[i]
			}
		}
	}
	step := math.Abs(p.ticks[rows[1]] - p.ticks[rows[0]])
	if !roundStep(step) {
		t.Errorf("%s: tick step %v is not 1, 2 or 5 × 10^k:\n%s", name, step, out)
	}
	for _, r := range rows {
		if q := p.ticks[r] / step; math.Abs(q-math.Round(q)) > 1e-6 {
			t.Errorf("%s: tick %v is not a multiple of %v:\n%s", name, p.ticks[r], step, out)
		}
	}
	top, bottom := p.ticks[rows[0]], p.ticks[rows[len(rows)-1]]
	if lower != (top < bottom) {
		t.Errorf("%s: top tick %v, bottom %v, lower is better %v:\n%s", name, top, bottom, lower, out)
	}
	for _, pt := range s {
		if pt.Value < math.Min(top, bottom) || pt.Value > math.Max(top, bottom) {
			t.Errorf("%s: %v lies outside the ticks:\n%s", name, pt.Value, out)
		}
	}
}

// checkTargetRow asserts that the target is drawn on the row nearest its
// value.
func checkTargetRow(t *testing.T, name string, p plotted, target float64, out string) {
	t.Helper()
	best := math.Inf(1)
	for r := range p.area {
		best = math.Min(best, math.Abs(p.valueAt(r)-target))
	}
	drawn := 0
	for r, l := range p.area {
		if strings.Contains(l, strings.Repeat(string(glyphTarget), 2)) {
			drawn++
			if d := math.Abs(p.valueAt(r) - target); d > best+1e-9 {
				t.Errorf("%s: target %v drawn on row %d, which stands for %v; a row is %v from it:\n%s", name, target, r, p.valueAt(r), best, out)
			}
		}
	}
	if drawn != 1 {
		t.Errorf("%s: target drawn on %d rows:\n%s", name, drawn, out)
	}
}

// TestPlotDotsProvisionalFigures checks that a stretch ending at an
// estimate is dotted, its point marked, and that firm figures are not.
func TestPlotDotsProvisionalFigures(t *testing.T) {
	st := &Styles{}
	firm := points([]int{2017, 2018, 2020}, []float64{55.6, 57.1, 60.1})
	if out := st.plot(plotInput{s: firm}, 60, 12); strings.ContainsAny(out, ".:*") {
		t.Errorf("firm figures are dotted:\n%s", out)
	}
	est := points([]int{2017, 2018, 2020}, []float64{55.6, 57.1, 60.1})
	est[2].Figure.Kind = data.Estimate
	out := st.plot(plotInput{s: est}, 60, 12)
	if !strings.Contains(out, "..") || !strings.ContainsRune(out, glyphNotFinal) {
		t.Errorf("an estimate is drawn solid:\n%s", out)
	}
	if !strings.ContainsAny(out, "╭╯─") {
		t.Errorf("the firm stretch is not drawn solid:\n%s", out)
	}
}

// TestPlotBreaks checks that no line is drawn across a break in
// comparability: the columns strictly between the two points are empty,
// and the points on either side are still drawn.
func TestPlotBreaks(t *testing.T) {
	st := &Styles{}
	s := points([]int{2016, 2018, 2020, 2021}, []float64{1, 2, 10, 11})
	s[2].Break = true
	out := st.plot(plotInput{s: s}, 62, 12)
	p := readPlot(t, out)
	_, axisLine, _ := strings.Cut(out, "└")
	cols := lipgloss.Width(strings.SplitN(axisLine, "\n", 2)[0])
	x := func(year int) int { return int(math.Round(float64(year-2016) * float64(cols-1) / 5)) }
	for _, l := range p.area {
		r := []rune(l)
		for c := x(2018) + 1; c < x(2020) && c < len(r); c++ {
			if r[c] != ' ' {
				t.Fatalf("column %d, between 2018 and 2020, has %q:\n%s", c, r[c], out)
			}
		}
	}
	if n := strings.Count(out, string(glyphPoint)); n != 4 {
		t.Errorf("%d points drawn, want 4:\n%s", n, out)
	}
	s[2].Break = false
	joined := readPlot(t, st.plot(plotInput{s: s}, 62, 12))
	found := false
	for _, l := range joined.area {
		r := []rune(l)
		if c := (x(2018) + x(2020)) / 2; c < len(r) && r[c] != ' ' {
			found = true
		}
	}
	if !found {
		t.Error("without a break the line does not join 2018 and 2020")
	}
}

// TestNewAxis checks the tick steps and the cap on a tall plot.
func TestNewAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		rows   int
		step   float64
	}{
		{55.6, 60.1, 12, 1}, {55.6, 60.1, 5, 2}, {4, 18, 13, 5}, {227, 681, 12, 100}, {45, 45, 7, 5}, {0.12, 0.19, 9, 0.02},
	} {
		a, ok := newAxis(c.lo, c.hi, c.rows, false)
		if !ok || math.Abs(a.step-c.step) > 1e-9 {
			t.Errorf("newAxis(%v, %v, %d): step %v, want %v", c.lo, c.hi, c.rows, a.step, c.step)
		}
		if a.rows() > c.rows || a.value(0) > c.lo || a.value(a.n-1) < c.hi {
			t.Errorf("newAxis(%v, %v, %d): %d rows from %v to %v", c.lo, c.hi, c.rows, a.rows(), a.value(0), a.value(a.n-1))
		}
	}
	if a, _ := newAxis(4, 18, 80, true); a.rows() > maxPlotRows {
		t.Errorf("a tall box gets %d rows", a.rows())
	}
}
