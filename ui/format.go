package ui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// num formats a number with at most prec decimals and no trailing zeros.
func num(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// stated formats a figure's value as the source states it.
func stated(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// amount is a value in its unit in the language on screen: as the
// source writes it in Chinese (62.76 亿元), through the unit table in
// English (CNY 6.28 bn).
func amount(v float64, unit string, l Lang) string {
	return data.Amount(v, clean(unit), string(l))
}

// delta formats a change or a gap, in percentage points when pp is set
// (+1.5 个百分点, +1.5 pp) and in the unit otherwise (in English through
// the unit table: +CNY 724 m), followed by the relative change when relOK.
func delta(abs float64, unit string, pp bool, rel float64, relOK bool, l Lang) string {
	if pp {
		unit = "个百分点" // percentage points: 个百分点, pp in English
	}
	s := data.SignedAmount(math.Round(abs*100)/100, clean(unit), string(l))
	if relOK {
		s += " (" + signed(rel*100, 1) + "%)"
	}
	return s
}

// signed formats a change with an explicit sign.
func signed(v float64, prec int) string {
	s := num(v, prec)
	if v > 0 && s != "0" {
		return "+" + s
	}
	return s
}

// clean sanitizes a string from the data file for the terminal.
func clean(s string) string { return data.Sanitize(s) }

// name renders a dataset name in the current language, sanitized.
func name(t data.Text, l Lang) string { return clean(t.In(string(l))) }

// badge styles a figure's badgeText, empty for an actual figure.
func (st *Styles) badge(c *content, f *data.Figure) string {
	if b := c.badgeText(f); b != "" {
		return st.Badge.Render(b)
	}
	return ""
}

// unitLabel is a metric's unit as the heading of a chart or list shows
// it, in the language on screen.
func unitLabel(unit string, l Lang) string { return data.UnitLabel(clean(unit), string(l)) }

// figureLabel is a figure's year, or its period in words when it is not
// a flow over the calendar year: "2021年上半年", "as of May 2020".
func figureLabel(f *data.Figure, l Lang) string {
	if f.When.Type == data.PeriodYear {
		return strconv.Itoa(f.Year)
	}
	return clean(f.When.Label(string(l)))
}

// periodText is a figure's period in words, empty for a flow over the
// calendar year.
func periodText(f *data.Figure, l Lang) string {
	if f.When.Type == data.PeriodYear {
		return ""
	}
	return clean(f.When.Label(string(l)))
}

// shortLabel is figureLabel for a narrow column: a long period is kept
// only for a part-year figure, whose meaning depends on it, and a period
// that is not stated says so; the source text shown beside the table has
// the others.
func shortLabel(f *data.Figure, l Lang) string {
	switch {
	case f.When.Type == data.PeriodUnstated && l == En:
		return "no period"
	case f.When.Type == data.PeriodUnstated:
		return "期间未说明"
	case f.When.Type == data.PeriodPart || lipgloss.Width(figureLabel(f, l)) <= 8:
		return figureLabel(f, l)
	}
	return strconv.Itoa(f.Year)
}

// truncate cuts s to width display columns, marking the cut with "~".
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "~")
}

// fit truncates every line of s to width and keeps at most height lines.
func fit(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = truncate(l, width)
		}
	}
	return strings.Join(lines, "\n")
}

// padRight pads s with spaces to width display columns.
func padRight(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// wrapText wraps plain text to width columns, CJK-aware.
func wrapText(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return lipgloss.Wrap(s, width, "")
}
