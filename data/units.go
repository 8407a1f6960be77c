package data

import (
	"strconv"
	"strings"
)

// magnitudes are the Chinese magnitude prefixes a unit may carry, longest
// first so that 百万 is not read as 百.
var magnitudes = []struct {
	prefix string
	factor float64
}{
	{"千万", 1e7}, {"百万", 1e6}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2},
}

// splitUnit separates a magnitude prefix from a unit's base: 万元 is
// (1e4, 元), 亿元 is (1e8, 元), 件 is (1, 件).
func splitUnit(u string) (float64, string) {
	for _, m := range magnitudes {
		if rest, ok := strings.CutPrefix(u, m.prefix); ok && rest != "" {
			return m.factor, rest
		}
	}
	return 1, u
}

// UnitFactor returns the factor that converts a value in unit from into
// unit to, and false when the two units do not share a base.
func UnitFactor(from, to string) (float64, bool) {
	if from == to {
		return 1, true
	}
	f1, b1 := splitUnit(from)
	f2, b2 := splitUnit(to)
	if b1 != b2 {
		return 0, false
	}
	return f1 / f2, true
}

// convert returns v, stated in unit from, in unit to, and false when the
// units do not share a base. The result is rounded to 12 significant
// digits, so that one amount stated in two magnitudes (3.3亿元, 33000万元)
// converts to the same number and compares equal.
func convert(v float64, from, to string) (float64, bool) {
	k, ok := UnitFactor(from, to)
	if !ok {
		return v, false
	}
	if k == 1 {
		return v, true
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v*k, 'g', 12, 64), 64)
	return r, true
}

// IsPercent reports whether a unit is a percentage, whose changes are
// shown in percentage points.
func IsPercent(unit string) bool { return unit == "%" }
