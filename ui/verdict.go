package ui

import (
	"fmt"
	"math"
	"strings"

	"lzdash/data"
)

// statusText is a verdict as a glyph and words, so that meaning never
// rests on colour alone: ✓ met, ✗ missed, and ? unknown, with the reason
// when why is set ("? unknown: no 2019 figure"). A verdict on a
// provisional or estimated figure reads as met or missed too, as the
// summary counts it; its basis carries the badge, and the detail says
// what the verdict rests on.
func statusText(v data.Verdict, lt *labels, why bool) string {
	switch v.Status {
	case data.Met:
		return "✓ " + lt.StatusMet
	case data.Missed:
		return "✗ " + lt.StatusMissed
	}
	s := "? " + lt.StatusUnknown
	if why {
		s += lt.Colon + unknownWhy(v, lt)
	}
	return s
}

// unknownWhy says in a few words why a verdict is unknown: no figure for
// the target's year, none that compares, or one too approximate.
func unknownWhy(v data.Verdict, lt *labels) string {
	t := v.Target
	if v.Basis != nil {
		return lt.TooLoose
	}
	for i := range v.Metric.Figures {
		if f := &v.Metric.Figures[i]; f.Kind != data.Target && f.Zone == t.Zone && f.Year == t.Year {
			return fmt.Sprintf(lt.NoComparable, t.Year)
		}
	}
	return fmt.Sprintf(lt.NoYearFigure, t.Year)
}

// targetSummary counts the targets by status, as the rows show them, and
// says how many verdicts rest on provisional or estimated figures.
func (c *content) targetSummary() string {
	met, missed, unknown, soft := 0, 0, 0, 0
	for _, v := range c.verdicts {
		switch v.Status {
		case data.Met:
			met++
		case data.Missed:
			missed++
		default:
			unknown++
		}
		if v.Status != data.Unknown && v.Standing != data.Actual {
			soft++
		}
	}
	s := fmt.Sprintf(c.t.TargetsSummary, len(c.verdicts), met, missed, unknown)
	if soft > 0 {
		s += fmt.Sprintf(c.t.OnProvisional, soft)
	}
	return s
}

// status styles a verdict's status text: amber when unknown or not on an
// actual figure, green when met, red when missed.
func (st *Styles) status(v data.Verdict, text string) string {
	switch {
	case v.Status == data.Unknown || v.Standing != data.Actual:
		return st.Warn.Render(text)
	case v.Status == data.Met:
		return st.Good.Render(text)
	}
	return st.Bad.Render(text)
}

// gapText is a verdict's gap in the target's unit (points for %), with
// the relative gap when rel is set.
func gapText(v data.Verdict, rel bool, l Lang) string {
	unit := v.Target.UnitOr(v.Metric.Unit)
	if data.IsPlaces(clean(unit)) {
		// A ranking's gap is in places, with no relative gap.
		return data.MetricChange(v.Metric, math.Round(v.Diff*100)/100, clean(unit), string(l))
	}
	return delta(v.Diff, unit, data.IsPercent(unit), v.DiffPct/100, rel && v.DiffOK, l)
}

// progressText is a verdict's progress as a percentage, rounded down
// for a miss so that a miss never reads 100%.
func progressText(v data.Verdict) string {
	p := v.Progress * 100
	if v.Status == data.Missed {
		p = math.Floor(p)
	}
	return num(p, 0) + "%"
}

// bar draws progress towards a target, with the percentage, beside a
// verdict only: a full bar means met, so a miss stops a block short.
func (st *Styles) bar(v data.Verdict) string {
	if v.Basis == nil || v.Status == data.Unknown {
		return ""
	}
	n := clamp(int(v.Progress*barWidth), 0, barWidth)
	if v.Status == data.Missed {
		n = min(n, barWidth-1)
	} else if v.Status == data.Met {
		n = barWidth
	}
	return st.Bar.Render(strings.Repeat("█", n)) + st.BarEmpty.Render(strings.Repeat("░", barWidth-n)) +
		" " + progressText(v)
}

// position says which items of n a page shows, from off, shown at a
// time, and whether more lie below: "4-8 of 12, more below".
func position(lt *labels, off, shown, n int) string {
	last := min(n, off+shown)
	if last < n {
		return fmt.Sprintf(lt.MoreBelow, off+1, last, n)
	}
	return fmt.Sprintf(lt.Position, off+1, last, n)
}

// contextLine is one figure given as context for a verdict: "later
// figure (context only): 60.1% [estimate], 2021, 示例新闻网 2021-12-01",
// with the metric's name when it is a related one. The value, its
// period and its badge come first, so that a narrow screen cuts the name
// and the source.
func (c *content) contextLine(v data.Verdict, ctx data.FigureRef, width int) string {
	return joinFit(width, c.t.ListSep, 2, c.contextParts(v, ctx)...)
}

// contextParts is contextLine in its parts, the label with the value,
// for joinFit.
func (c *content) contextParts(v data.Verdict, ctx data.FigureRef) []string {
	label := c.t.LaterFigure
	if ctx.Metric != v.Metric {
		label = c.t.RelatedFigure
	}
	val := strings.Join(nonEmpty(c.figureValue(ctx.Metric, ctx.Figure), c.badgeText(ctx.Figure)), " ")
	parts := []string{label + c.t.Colon + val, figureLabel(ctx.Figure, c.lang)}
	if ctx.Metric != v.Metric {
		parts = append(parts, name(ctx.Metric.Name, c.lang))
	}
	return append(parts, c.source(ctx.Figure.Source))
}
