package ui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/guptarohit/asciigraph"

	"lzdash/data"
)

// sparkLevels are braille cells filled from the bottom. Braille has a
// narrow width in every terminal, unlike the block elements ▁▂▃, which
// East Asian terminals may draw two columns wide.
var sparkLevels = [...]string{"⣀", "⣤", "⣶", "⣿"}

// sparkline draws one cell per point of the series, scaled between its
// minimum and maximum; points that are not final are drawn faint, and a
// space stands where the series breaks in comparability.
func (st *Styles) sparkline(s []data.Point) string {
	if len(s) == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range s {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	var b strings.Builder
	for _, p := range s {
		lvl := len(sparkLevels) / 2
		if hi > lo {
			lvl = int(math.Round((p.Value - lo) / (hi - lo) * float64(len(sparkLevels)-1)))
		}
		cell := sparkLevels[clamp(lvl, 0, len(sparkLevels)-1)]
		if p.Break {
			b.WriteByte(' ')
		}
		if p.Kind().Final() {
			b.WriteString(st.Chart.Render(cell))
		} else {
			b.WriteString(st.Faint.Render(cell))
		}
	}
	return b.String()
}

// chartSpec is what a line chart is drawn from within one content; it
// is also the key under which the memo keeps a drawn chart.
type chartSpec struct {
	metric string
	zone   string
	w, h   int
}

// lineChart plots a series over its years in at most w×h cells, with an
// optional target drawn as a dashed line. Years are on the x axis. The
// line joins the years with figures; a stretch that ends at an estimate
// or a part-year figure is dotted, so that no such figure looks final.
func lineChart(s []data.Point, target *float64, w, h int) string {
	if len(s) == 0 || w < 12 || h < 3 {
		return ""
	}
	y0, y1 := s[0].Year, s[len(s)-1].Year
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range s {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	if target != nil {
		lo, hi = math.Min(lo, *target), math.Max(hi, *target)
	}
	prec := 0
	if hi-lo < 10 {
		prec = 2
	} else if hi-lo < 100 {
		prec = 1
	}
	label := func(v float64) string { return num(v, prec) }
	gutter := max(lipgloss.Width(label(lo)), lipgloss.Width(label(hi)), lipgloss.Width(label((lo+hi)/2))) + 4
	// The last year label is centred on the last column, so it needs two
	// columns beyond it.
	cols := max(2, w-gutter-3)
	final, other := resample(s, cols)
	series := [][]float64{final, other}
	if target != nil {
		flat := make([]float64, cols)
		for i := range flat {
			flat[i] = *target
		}
		series = append(series, flat)
	}
	rows := h
	opts := []asciigraph.Option{
		asciigraph.Height(max(1, rows-3)),
		asciigraph.Width(max(2, cols)),
		asciigraph.YAxisValueFormatter(label),
		asciigraph.SeriesChars(asciigraph.DefaultCharSet, asciigraph.CreateCharSet("."), asciigraph.CreateCharSet("-")),
	}
	if lo == hi {
		// A flat line needs no height: three rows put it on the middle
		// label, which then reads its exact value.
		opts[0] = asciigraph.Height(2)
		opts = append(opts, asciigraph.LowerBound(lo-1), asciigraph.UpperBound(hi+1))
	}
	if y1 > y0 {
		ticks := min(y1-y0+1, max(2, cols/6))
		opts = append(opts,
			asciigraph.XAxisRange(float64(y0), float64(y1)),
			asciigraph.XAxisTickCount(ticks),
			asciigraph.XAxisValueFormatter(func(v float64) string { return strconv.Itoa(int(math.Round(v))) }))
	} else if lo != hi {
		opts[0] = asciigraph.Height(max(1, rows-2))
	}
	out := asciigraph.PlotMany(series, opts...)
	if y1 == y0 {
		out += "\n" + strings.Repeat(" ", gutter) + strconv.Itoa(y0)
	}
	return fit(out, w, h)
}

// provisional reports whether a point must not be drawn as final.
func provisional(p data.Point) bool {
	return p.Kind() == data.Estimate || p.Kind() == data.Partial || p.Kind() == data.Provisional
}

// resample spreads a series over cols columns, one value a column,
// interpolating between the years with figures, and never across a
// break in comparability. It returns two lines:
// the stretches between firm figures, and those that end at an estimate
// or a part-year figure, each NaN where the other is drawn; the columns where
// they meet are in both, so the line stays joined.
func resample(s []data.Point, cols int) (final, other []float64) {
	final, other = make([]float64, cols), make([]float64, cols)
	for i := range final {
		final[i], other[i] = math.NaN(), math.NaN()
	}
	if len(s) == 1 {
		line := final
		if provisional(s[0]) {
			line = other
		}
		for i := range line {
			line[i] = s[0].Value
		}
		return final, other
	}
	y0, y1 := float64(s[0].Year), float64(s[len(s)-1].Year)
	seg := 0
	for c := 0; c < cols; c++ {
		y := y0 + (y1-y0)*float64(c)/float64(cols-1)
		for seg < len(s)-2 && y > float64(s[seg+1].Year) {
			seg++
		}
		a, b := s[seg], s[seg+1]
		if b.Break {
			continue // no line across a break in comparability
		}
		f := (y - float64(a.Year)) / float64(b.Year-a.Year)
		v := a.Value + f*(b.Value-a.Value)
		if provisional(a) || provisional(b) {
			other[c] = v
		} else {
			final[c] = v
		}
	}
	// A point cut off by a break stands alone, in the column of its year.
	for _, p := range s {
		c := int(math.Round((float64(p.Year) - y0) / (y1 - y0) * float64(cols-1)))
		if math.IsNaN(final[c]) && math.IsNaN(other[c]) {
			if provisional(p) {
				other[c] = p.Value
			} else {
				final[c] = p.Value
			}
		}
	}
	// Join the two lines where they meet.
	for c := 1; c < cols; c++ {
		switch {
		case math.IsNaN(final[c]) && !math.IsNaN(final[c-1]):
			final[c] = other[c]
		case math.IsNaN(other[c]) && !math.IsNaN(other[c-1]):
			other[c] = final[c]
		}
	}
	return final, other
}
