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
// minimum and maximum; points that are not final are drawn faint.
func (e *env) sparkline(s []data.Point) string {
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
		if p.Kind().Final() {
			b.WriteString(e.st.Chart.Render(cell))
		} else {
			b.WriteString(e.st.Faint.Render(cell))
		}
	}
	return b.String()
}

// chartSpec is what a line chart is drawn from; it is also the key under
// which a drawn chart is cached.
type chartSpec struct {
	metric  string
	zone    string
	w, h    int
	version int
}

// lineChart plots a series over its years in at most w×h cells, with an
// optional target drawn as a dashed line. Years are on the x axis.
func lineChart(s []data.Point, target *float64, w, h int) string {
	if len(s) == 0 || w < 12 || h < 3 {
		return ""
	}
	y0, y1 := s[0].Year, s[len(s)-1].Year
	vals := make([]float64, 0, y1-y0+1)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, p := range s {
		if i > 0 {
			// The line joins reported years; years between them are
			// interpolated only to draw it.
			prev := s[i-1]
			for y := prev.Year + 1; y < p.Year; y++ {
				f := float64(y-prev.Year) / float64(p.Year-prev.Year)
				vals = append(vals, prev.Value+f*(p.Value-prev.Value))
			}
		}
		vals = append(vals, p.Value)
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	series := [][]float64{vals}
	if target != nil {
		lo, hi = math.Min(lo, *target), math.Max(hi, *target)
		flat := make([]float64, len(vals))
		for i := range flat {
			flat[i] = *target
		}
		series = append(series, flat)
	}
	if len(vals) == 1 {
		for i := range series {
			series[i] = append(series[i], series[i][0])
		}
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
	cols := w - gutter - 3
	rows := h
	opts := []asciigraph.Option{
		asciigraph.Height(max(1, rows-3)),
		asciigraph.Width(max(2, cols)),
		asciigraph.YAxisValueFormatter(label),
		asciigraph.SeriesChars(asciigraph.DefaultCharSet, asciigraph.CreateCharSet("-")),
	}
	if lo == hi {
		opts = append(opts, asciigraph.LowerBound(lo-1), asciigraph.UpperBound(hi+1))
	}
	if y1 > y0 {
		ticks := min(y1-y0+1, max(2, cols/6))
		opts = append(opts,
			asciigraph.XAxisRange(float64(y0), float64(y1)),
			asciigraph.XAxisTickCount(ticks),
			asciigraph.XAxisValueFormatter(func(v float64) string { return strconv.Itoa(int(math.Round(v))) }))
	} else {
		opts[0] = asciigraph.Height(max(1, rows-2))
	}
	out := asciigraph.PlotMany(series, opts...)
	if y1 == y0 {
		out += "\n" + strings.Repeat(" ", gutter) + strconv.Itoa(y0)
	}
	return fit(out, w, h)
}
