package data

import (
	"strconv"
	"strings"
)

// Citation is the sentence that cites one figure in a report, in the
// given language ("en", or anything else for Chinese): where and what,
// the value in its unit, its period and kind, then its source's
// publisher, title and date and the exact quote, and for a derived
// figure how it was computed. For example:
//
//	兰州市技术合同交易额 62.76亿元（2018年，实际）。来源：兰州晚报，《…》，2019-02-21：「技术合同交易额达到62.76亿元」
//	Technology contract turnover, Lanzhou: CNY 6.28 bn (2018, actual). Source: 兰州晚报, "…" (…), 2019-02-21: "技术合同交易额达到62.76亿元"
//
// The result is sanitized and holds no line break.
func Citation(ds *Dataset, r FigureRef, lang string) string {
	m, f := r.Metric, r.Figure
	en := lang == "en"
	where := ds.Region.In(lang)
	if z := ds.Zone(f.Zone); z != nil {
		where = z.Name.In(lang)
	}
	value := citedValue(m, f, lang)
	period := f.When.Label(lang)
	var b strings.Builder
	if en {
		b.WriteString(m.Name.In(lang) + ", " + where + ": " + value + " (" + period + ", " + f.Kind.Label(lang) + ").")
	} else {
		b.WriteString(where + m.Name.In(lang) + " " + value + "（" + period + "，" + f.Kind.Label(lang) + "）。")
	}
	if s := ds.Source(f.Source); s != nil {
		date := s.Date
		switch {
		case s.DateInferred && en:
			date += " (date inferred)"
		case s.DateInferred:
			date += "（日期推断）"
		}
		if en {
			title := `"` + s.Title + `"`
			if s.TitleEn != "" {
				title = `"` + s.TitleEn + `" (` + s.Title + `)`
			}
			b.WriteString(" Source: " + s.Publisher + ", " + title + ", " + date + `: "` + f.Quote + `"`)
		} else {
			b.WriteString("来源：" + s.Publisher + "，《" + s.Title + "》，" + date + "：「" + f.Quote + "」")
		}
	}
	if f.Kind == Derived && !f.Formula.Empty() {
		if en {
			b.WriteString("; derived: " + f.Formula.In(lang))
		} else {
			b.WriteString("；推算：" + f.Formula.In(lang))
		}
	}
	return Sanitize(b.String())
}

// ConflictCitation is the sentence that cites a disagreement in a
// report, in the given language ("en", or anything else for Chinese):
// that the sources disagree (or, for a conflict the dataset names, that
// they are in tension) and how many figures they give, then each
// figure's Citation, numbered, with its own source and quote, and the
// note that says what the tension is when the dataset names one. For
// example:
//
//	来源不一致（2项数据，均已保留）：①兰白两区GDP 859亿元（2020年，实际）。来源：…　②兰白两区GDP 850亿元（2020年，预计）。来源：…
//	Sources disagree (2 figures, all kept): (1) GDP, Lanzhou-Baiyin zones: CNY 85.9 bn (2020, actual). Source: … (2) …
//
// The result is sanitized and holds no line break.
func ConflictCitation(ds *Dataset, c Conflict, lang string) string {
	en := lang == "en"
	var b strings.Builder
	n := strconv.Itoa(len(c.Figures))
	switch {
	case en && c.Curated():
		b.WriteString("Sources in tension (" + n + " figures, all kept):")
	case en:
		b.WriteString("Sources disagree (" + n + " figures, all kept):")
	case c.Curated():
		b.WriteString("来源数据存疑（" + n + "项数据，均已保留）：")
	default:
		b.WriteString("来源不一致（" + n + "项数据，均已保留）：")
	}
	for i, r := range c.Figures {
		if en {
			b.WriteString(" (" + strconv.Itoa(i+1) + ") ")
		} else {
			if i > 0 {
				b.WriteString("　")
			}
			b.WriteString(circled(i + 1))
		}
		b.WriteString(Citation(ds, r, lang))
	}
	if n := c.Note.In(lang); n != "" {
		if en {
			b.WriteString(" Note: " + n)
		} else {
			b.WriteString("　注：" + n)
		}
	}
	return Sanitize(b.String())
}

// circled numbers a part of a Chinese citation: ① to ⑳, then (21).
func circled(n int) string {
	if n >= 1 && n <= 20 {
		return string(rune('①' + n - 1))
	}
	return "（" + strconv.Itoa(n) + "）"
}

// citedValue is a figure's value as a citation states it: a target's
// comparator and an approximate figure's qualifier in words, a ranking
// as its place, else the amount in its unit, which in Chinese follows
// the number without a space (62.76亿元) as the source writes it.
func citedValue(m *Metric, f *Figure, lang string) string {
	var v string
	if f.OutOf > 0 {
		v = Rank(f.Value, f.OutOf, lang)
	} else {
		v = MetricAmount(m, f.Value, f.UnitOr(m.Unit), lang)
		if lang != "en" {
			v = strings.Replace(v, " ", "", 1)
		}
	}
	return comparatorWords(f.Comparator, lang) + f.Qualifier.Prefix(lang) + v
}

// comparatorWords is how a target's comparator reads before its value.
func comparatorWords(c, lang string) string {
	en := lang == "en"
	switch c {
	case ">=":
		if en {
			return "at least "
		}
		return "不低于"
	case ">":
		if en {
			return "more than "
		}
		return "超过"
	case "<=":
		if en {
			return "at most "
		}
		return "不高于"
	case "<":
		if en {
			return "less than "
		}
		return "低于"
	}
	return ""
}

// Label names the kind in a language ("en", or anything else for
// Chinese): 实际 / actual, 初步 / provisional, 预计 / estimate, 部分期 /
// part-year, 目标 / target, 推算 / derived.
func (k Kind) Label(lang string) string {
	var zh, en string
	switch k {
	case Actual:
		zh, en = "实际", "actual"
	case Provisional:
		zh, en = "初步", "provisional"
	case Estimate:
		zh, en = "预计", "estimate"
	case Partial:
		zh, en = "部分期", "part-year"
	case Target:
		zh, en = "目标", "target"
	case Derived:
		zh, en = "推算", "derived"
	default:
		return string(k)
	}
	if lang == "en" {
		return en
	}
	return zh
}
