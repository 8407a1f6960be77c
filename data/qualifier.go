package data

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markers are the words that make a stated value approximate, by the
// qualifier they call for: those that stand before the number (近30项)
// and those that follow it, directly (200多家) or after its unit
// (30名左右, 40%以上). Traditional forms are included.
var markers = []struct {
	q             Qualifier
	before, after []string
	afterUnit     []string
}{
	{q: About, before: []string{"大约", "大約", "约", "約"}, after: []string{"左右"}, afterUnit: []string{"左右"}},
	{q: Nearly, before: []string{"近"}},
	{q: MoreThan, before: []string{"超过", "超過"}, after: []string{"多", "余", "餘"}},
	{q: AtLeast, after: []string{"以上"}, afterUnit: []string{"以上"}},
}

// Markers lists the words that call for the qualifier, e.g. 近 for
// nearly.
func (q Qualifier) Markers() []string {
	for _, m := range markers {
		if m.q == q {
			return append(append([]string{}, m.before...), m.after...)
		}
	}
	return nil
}

// markedIn reports whether quote holds one of the qualifier's markers.
func (q Qualifier) markedIn(quote string) bool {
	for _, w := range q.Markers() {
		if strings.Contains(quote, w) {
			return true
		}
	}
	return false
}

// Prefix is how the qualifier reads before a value in a language ("en"
// or anything else for Chinese): 约 / about, 近 / nearly, 超过 / more
// than, 不少于 / at least; empty for an exact value.
func (q Qualifier) Prefix(lang string) string {
	en := lang == "en"
	switch q {
	case About:
		if en {
			return "about "
		}
		return "约"
	case Nearly:
		if en {
			return "nearly "
		}
		return "近"
	case MoreThan:
		if en {
			return "more than "
		}
		return "超过"
	case AtLeast:
		if en {
			return "at least "
		}
		return "不少于"
	}
	return ""
}

// QualifierIn finds value in quote, written in digits (1.07, 10708) or
// in Chinese numerals (三, 两), and returns the qualifier its neighbours
// call for: nearly for 近30, more-than for 200多 or 超过70, about for
// 30名左右, at-least for 40%以上, or "" for an exact value. found is
// false when the value is not in the quote at all.
func QualifierIn(quote string, value float64) (q Qualifier, found bool) {
	for _, t := range numbers(quote) {
		if t.value != value {
			continue
		}
		found = true
		if q := qualifierAround(quote[:t.start], quote[t.end:]); q != "" {
			return q, true
		}
	}
	return "", found
}

// qualifierAround is the qualifier called for by the text just before
// and just after a number.
func qualifierAround(before, after string) Qualifier {
	rest := skipUnit(after)
	for _, m := range markers {
		for _, w := range m.before {
			if strings.HasSuffix(before, w) {
				return m.q
			}
		}
		for _, w := range m.after {
			if strings.HasPrefix(after, w) {
				return m.q
			}
		}
		for _, w := range m.afterUnit {
			if strings.HasPrefix(rest, w) {
				return m.q
			}
		}
	}
	return ""
}

// skipUnit drops the unit that may follow a number: % or one or two
// characters that are neither digits nor punctuation (名, 家, 亿元).
func skipUnit(s string) string {
	if strings.HasPrefix(s, "%") {
		return s[1:]
	}
	for range 2 {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSpace(r) || strings.HasPrefix(s, "左右") || strings.HasPrefix(s, "以上") {
			break
		}
		s = s[size:]
	}
	return s
}

// number is a number written in a text, with its place in bytes.
type number struct {
	value      float64
	start, end int
}

// chineseDigits are the values of the Chinese numerals lzdash reads.
var chineseDigits = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

// numbers finds every number in s: runs of ASCII digits with at most one
// decimal point, and runs of Chinese numerals up to 九十九.
func numbers(s string) []number {
	var out []number
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j, dot := i, false
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && !dot && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
				dot = dot || s[j] == '.'
				j++
			}
			if v, ok := parseDecimal(s[i:j]); ok {
				out = append(out, number{v, i, j})
			}
			i = j
		case isChineseNumeral(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isChineseNumeral(r2) {
					break
				}
				j += n
			}
			if v, ok := chineseValue(s[i:j]); ok {
				out = append(out, number{float64(v), i, j})
			}
			i = j
		default:
			i += size
		}
	}
	return out
}

func isChineseNumeral(r rune) bool {
	_, ok := chineseDigits[r]
	return ok || r == '十'
}

// chineseValue reads a Chinese numeral up to 九十九: 三, 十, 十二, 二十, 四十五.
func chineseValue(s string) (int, bool) {
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return chineseDigits[rs[0]], true
	}
	tens, units := 0, 0
	i := 0
	if rs[0] != '十' {
		d, ok := chineseDigits[rs[0]]
		if !ok || len(rs) < 2 || rs[1] != '十' {
			return 0, false
		}
		tens, i = d, 2
	} else {
		tens, i = 1, 1
	}
	if i < len(rs) {
		d, ok := chineseDigits[rs[i]]
		if !ok || i+1 != len(rs) {
			return 0, false
		}
		units = d
	}
	return tens*10 + units, true
}

// parseDecimal reads digits with an optional decimal point.
func parseDecimal(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
