package ui

import (
	"math"
	"strconv"
)

// This file chooses a chart's axes: value ticks at round numbers, one,
// two or five times a power of ten apart, on rows of their own, and
// year ticks at whole years.

// maxPlotRows caps a plot's height: past it, more rows add no precision
// that a handful of yearly figures could use, and push the table down.
const maxPlotRows = 13

// minPlotRows is the least height a plot is drawn in: fewer rows could
// not tell its figures apart.
const minPlotRows = 4

// maxTicks is the most value ticks an axis labels.
const maxTicks = 6

// axis is a value axis of n ticks, step apart from first·step, with k
// rows from one tick to the next. An inverted axis puts its lowest
// tick on top, for metrics where lower is better.
type axis struct {
	first    int // the bottom tick is first·step
	step     float64
	n, k     int
	dec      int // decimals a tick label needs
	inverted bool
}

// niceStep is the smallest of 1, 2 or 5 × 10^k that is at least raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// finerStep is the round step below step: 5 → 2 → 1 → 0.5.
func finerStep(step float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(step)+1e-9))
	switch m := math.Round(step / p); m {
	case 5:
		return 2 * p
	case 2:
		return p
	}
	return p / 2
}

// newAxis fits an axis around lo..hi in at most rows rows (capped at
// maxPlotRows); ok is false when rows cannot hold two ticks.
func newAxis(lo, hi float64, rows int, inverted bool) (axis, bool) {
	rows = min(rows, maxPlotRows)
	if rows < minPlotRows {
		return axis{}, false
	}
	if hi == lo {
		// A flat series lies a round step inside its ticks, on one when
		// its value is round.
		step := 1.0
		if lo != 0 {
			step = niceStep(math.Abs(lo) / 10)
			// A finer round step that has the value on a tick, if one is
			// near: 19 gets ticks 18, 19, 20, not 16 to 22.
			for finer, i := step, 0; i < 3; i, finer = i+1, finerStep(finer) {
				if q := lo / finer; math.Abs(q-math.Round(q)) < 1e-9 {
					step = finer
					break
				}
			}
		}
		first, last := int(math.Floor(lo/step+1e-9))-1, int(math.Ceil(lo/step-1e-9))+1
		n := last - first + 1
		if n > rows {
			return axis{}, false
		}
		return axis{first: first, step: step, n: n, k: (rows - 1) / (n - 1), dec: decimals(step), inverted: inverted}, true
	}
	// The finest round step whose ticks fit: at most maxTicks+1 of
	// them, and no more than the rows.
	maxN := min(maxTicks+1, rows)
	for step := niceStep((hi - lo) / maxTicks); ; step = niceStep(step * 1.5) {
		first := int(math.Floor(lo/step + 1e-9))
		last := int(math.Ceil(hi/step - 1e-9))
		n := max(2, last-first+1)
		if n > maxN {
			continue
		}
		return axis{first: first, step: step, n: n, k: (rows - 1) / (n - 1), dec: decimals(step), inverted: inverted}, true
	}
}

// decimals is how many decimals the labels of a round step need.
func decimals(step float64) int { return max(0, int(-math.Floor(math.Log10(step)+1e-9))) }

// rows is the height of the plot.
func (a axis) rows() int { return (a.n-1)*a.k + 1 }

// value is the value of the tick i steps above the bottom one.
func (a axis) value(i int) float64 { return float64(a.first+i) * a.step }

// fraction is how far v lies from the top row (0) to the bottom row (1).
func (a axis) fraction(v float64) float64 {
	lo, hi := a.value(0), a.value(a.n-1)
	if a.inverted {
		return (v - lo) / (hi - lo)
	}
	return (hi - v) / (hi - lo)
}

// row is the row nearest v, 0 at the top.
func (a axis) row(v float64) int {
	return clamp(int(math.Round(a.fraction(v)*float64(a.rows()-1))), 0, a.rows()-1)
}

// label is the tick label of row r, or "" when no tick is on it.
func (a axis) label(r int) string {
	if r%a.k != 0 {
		return ""
	}
	i := a.n - 1 - r/a.k
	if a.inverted {
		i = r / a.k
	}
	return strconv.FormatFloat(a.value(i), 'f', a.dec, 64)
}

// yearTicks chooses the years to label under cols columns spanning
// y0..y1: whole years, a round step apart (1, 2, 5, 10...), so that
// labels of width lw keep a column between them.
func yearTicks(y0, y1, cols, lw int) []int {
	if y1 <= y0 {
		return []int{y0}
	}
	var out []int
	for _, step := range []int{1, 2, 5, 10, 20, 50, 100} {
		if float64(step)*float64(cols-1)/float64(y1-y0) < float64(lw+1) && step < 100 {
			continue
		}
		for y := y0; y <= y1; y++ {
			if y%step == 0 {
				out = append(out, y)
			}
		}
		break
	}
	if len(out) == 0 {
		out = []int{y0}
	}
	return out
}
