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

// qualified puts a figure's qualifier on its amount as a reader of the
// language expects it: in Chinese as the source says it (约30, 近100,
// 200余 家 or 200多 家, 超过70, 40%以上); in English as a mark where one
// reads naturally (≈30, ≥40%, 200+) and in words where not (nearly 100,
// more than CNY 150 m).
func qualified(amt string, f *data.Figure, l Lang) string {
	q := f.Qualifier
	if q == "" {
		return amt
	}
	// The number is the amount's first run of digits, with its
	// separators; a suffix goes right after it.
	i := strings.IndexAny(amt, "0123456789")
	if i < 0 {
		return q.Prefix(string(l)) + amt
	}
	j := i + len(amt[i:]) - len(strings.TrimLeft(amt[i:], "0123456789.,"))
	after := func(mark string) string { return amt[:j] + mark + amt[j:] }
	if l != En {
		switch q {
		case data.MoreThan:
			quote := clean(f.Quote)
			if strings.Contains(quote, "超过") || strings.Contains(quote, "超過") {
				return "超过" + amt
			}
			if strings.Contains(quote, stated(f.Value)+"多") {
				return after("多")
			}
			return after("余")
		case data.AtLeast:
			return amt + "以上"
		}
		return q.Prefix(string(l)) + amt
	}
	switch q {
	case data.About:
		return "≈" + amt
	case data.AtLeast:
		return "≥" + amt
	case data.MoreThan:
		if i == 0 {
			return after("+")
		}
	}
	return q.Prefix(string(l)) + amt
}

// sparkNote names the points of a sparkline that are not final, kind by
// kind ("[estimate 2021] [provisional 2020]"), so that a sparkline says
// in words what its faint cells say in colour; empty when all are final.
func (c *content) sparkNote(s []data.Point, withYears bool) string {
	var kinds []data.Kind
	years := map[data.Kind][]string{}
	for _, p := range s {
		k := p.Kind()
		if k.Final() {
			continue
		}
		if years[k] == nil {
			kinds = append(kinds, k)
		}
		years[k] = append(years[k], strconv.Itoa(p.Year))
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = "[" + c.t.kind(k) + "]"
		if withYears {
			parts[i] = "[" + c.t.kind(k) + " " + strings.Join(years[k], ",") + "]"
		}
	}
	return strings.Join(parts, " ")
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

// cutMark is the one mark of cut-off text: it means nothing else on
// screen ("~" would read as "approximately").
const cutMark = "…"

// truncate cuts s to width display columns, marking the cut with
// cutMark; see truncateMark.
func truncate(s string, width int) string { return truncateMark(s, width, cutMark) }

// truncateMark cuts s to width display columns, marking the cut with
// mark, whose width is measured, so that an ASCII mark (">") can stand in
// where "…" would take two columns. Every cut on screen goes through it.
func truncateMark(s string, width int, mark string) string {
	if width <= 0 {
		return ""
	}
	if lipgloss.Width(mark) >= width {
		mark = ""
	}
	return ansi.Truncate(s, width, mark)
}

// joinFit joins parts with sep in width columns: when they do not fit,
// parts from the end give way whole, replaced by cutMark, down to the
// first keep, so that a source is dropped rather than cut mid-date; only
// then is the line cut.
func joinFit(width int, sep string, keep int, parts ...string) string {
	parts = nonEmpty(parts...)
	s := strings.Join(parts, sep)
	for n := len(parts) - 1; lipgloss.Width(s) > width && n >= keep && n > 0; n-- {
		s = strings.Join(parts[:n], sep) + sep + cutMark
	}
	return truncate(s, width)
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
