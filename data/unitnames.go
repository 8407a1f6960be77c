package data

import (
	"math"
	"strconv"
	"strings"
)

// This file renders values with their units in both languages. Chinese
// keeps the source's own unit (62.76 亿元); English uses the unit table
// below: money in yuan with English magnitudes (CNY 6.28 bn), counts as
// plain numbers without the Chinese measure word (10,700), ranks as
// "No. 65 of 169", percentage points as pp, areas in m².

// unitClass is what kind of quantity a base unit measures.
type unitClass int

const (
	unitOther unitClass = iota
	unitMoney
	unitCount
	unitNoun // a count that needs its noun in English: 6 years
	unitPercent
	unitPoints
	unitRank
	unitArea
)

// baseUnit is how a unit without its magnitude reads in English.
type baseUnit struct {
	class unitClass
	// en is the English noun for unitNoun, the symbol for unitArea.
	en string
}

// baseUnits is the unit table: every base unit the dataset format knows
// how to render in English. A base unit that is not here is shown as
// written, in both languages.
var baseUnits = map[string]baseUnit{
	"元": {class: unitMoney},
	// Measure words: English counts need none.
	"件": {class: unitCount}, "个": {class: unitCount}, "家": {class: unitCount},
	"项": {class: unitCount}, "所": {class: unitCount}, "笔": {class: unitCount},
	"支": {class: unitCount}, "次": {class: unitCount}, "人": {class: unitCount},
	"名": {class: unitCount},
	// Counts whose noun English needs.
	"年": {unitNoun, "years"}, "届": {unitNoun, "editions"}, "人次": {unitNoun, "person-times"},
	"%":    {class: unitPercent},
	"个百分点": {class: unitPoints},
	"位":    {class: unitRank},
	"平方米":  {unitArea, "m²"}, "平米": {unitArea, "m²"},
}

// unitOf splits a unit into its magnitude and the table's entry for its
// base, and reports whether the base is in the table.
func unitOf(u string) (float64, baseUnit, bool) {
	if b, ok := baseUnits[u]; ok {
		return 1, b, true
	}
	scale, base := splitUnit(u)
	b, ok := baseUnits[base]
	return scale, b, ok
}

// Amount renders a value stated in unit u in a language ("en", or
// anything else for Chinese): 62.76 亿元 / CNY 6.28 bn, 2412.35 万元 /
// CNY 24.1 m, 1.07 万件 / 10,700, 16% / 16%, 1.5 个百分点 / 1.5 pp,
// 65 位 / No. 65, 123.5 万平方米 / 1,235,000 m², 6 年 / 6 years.
func Amount(v float64, u, lang string) string {
	if lang != "en" {
		if u == "%" || u == "" {
			return trimNumber(v, -1) + u
		}
		return trimNumber(v, -1) + " " + u
	}
	scale, b, ok := unitOf(u)
	if !ok {
		if u == "" {
			return grouped(v)
		}
		return grouped(v) + " " + u
	}
	x := round12(v * scale)
	switch b.class {
	case unitMoney:
		return money(x)
	case unitCount:
		return grouped(x)
	case unitNoun:
		return grouped(x) + " " + b.en
	case unitPercent:
		return grouped(x) + "%"
	case unitPoints:
		return grouped(x) + " pp"
	case unitRank:
		return "No. " + grouped(x)
	case unitArea:
		return grouped(x) + " " + b.en
	}
	return grouped(x) + " " + u
}

// SignedAmount is Amount with an explicit sign, for changes and gaps:
// +CNY 724 m, -10, +1.5 pp; zero has no sign.
func SignedAmount(v float64, u, lang string) string {
	s := Amount(math.Abs(v), u, lang)
	switch {
	case v > 0 && strings.ContainsAny(s, "123456789"):
		return "+" + s
	case v < 0 && strings.ContainsAny(s, "123456789"):
		return "-" + s
	}
	return s
}

// Rank renders a ranking with the size of its field when known: 第65位
// （共169）/ No. 65 of 169.
func Rank(v, outOf float64, lang string) string {
	if lang == "en" {
		s := "No. " + grouped(v)
		if outOf > 0 {
			s += " of " + grouped(outOf)
		}
		return s
	}
	s := "第" + trimNumber(v, -1) + "位"
	if outOf > 0 {
		s += "（共" + trimNumber(outOf, -1) + "）"
	}
	return s
}

// UnitLabel names a unit for a heading or a chart axis: the unit itself
// in Chinese; in English what one step of the axis is worth: 亿元 →
// CNY 100 m, 万元 → CNY 10,000, 件 → number, 万件 → 10,000, 位 → rank.
func UnitLabel(u, lang string) string {
	if lang != "en" {
		return u
	}
	scale, b, ok := unitOf(u)
	if !ok {
		return u
	}
	var s string
	switch b.class {
	case unitMoney:
		s = "CNY"
		if scale != 1 {
			s = money(scale)
		}
		return s
	case unitCount:
		s = "number"
	case unitNoun, unitArea:
		s = b.en
	case unitPercent:
		return "%"
	case unitPoints:
		return "pp"
	case unitRank:
		return "rank"
	}
	if scale != 1 {
		s = grouped(scale) + " " + s
		if b.class == unitCount {
			s = grouped(scale)
		}
	}
	return s
}

// money renders an amount of yuan with English magnitudes and three
// significant digits: CNY 6.28 bn, CNY 24.1 m, CNY 700,000.
func money(yuan float64) string {
	a := math.Abs(yuan)
	switch {
	case a >= 1e9:
		return "CNY " + sig3(yuan/1e9) + " bn"
	case a >= 1e6:
		return "CNY " + sig3(yuan/1e6) + " m"
	}
	return "CNY " + grouped(yuan)
}

// sig3 writes v with three significant digits, without trailing zeros.
func sig3(v float64) string {
	a := math.Abs(v)
	if a == 0 {
		return "0"
	}
	decimals := max(0, 2-int(math.Floor(math.Log10(a))))
	return trimNumber(v, decimals)
}

// grouped writes v with commas between thousands and its decimals as
// they are: 10708 → 10,708, 14.34 → 14.34.
func grouped(v float64) string {
	s := trimNumber(v, -1)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) > 3 {
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		whole = b.String()
	}
	if frac != "" {
		return sign + whole + "." + frac
	}
	return sign + whole
}

// trimNumber writes v with the given decimals (-1: as many as needed),
// dropping trailing zeros and a negative zero.
func trimNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// round12 rounds v to 12 significant digits, so that 1.07 × 10⁴ reads
// 10700 and not 10700.000000000002.
func round12(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return r
}
