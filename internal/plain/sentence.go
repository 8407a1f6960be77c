// Package plain renders lzdash's figures as sentences for screen readers
// and braille displays: each figure, target, source or conflict is one
// sentence in the reader's language, with its kind, qualifier and
// standing in words, and no boxes, bars, braille or colour. Every string
// from the dataset is sanitized. The package is pure: it only reads the
// dataset it is given.
package plain

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"lzdash/data"
)

// Lang is "en" for English; anything else is Chinese.
type Lang = string

// Sentences renders a dataset's figures in one language.
type Sentences struct {
	ds *data.Dataset
	en bool
	// changes maps each figure a series shows to its change from the
	// point before it, where the two compare.
	changes map[*data.Figure]data.Change
}

// New returns the sentence renderer for ds in lang ("en" or "zh").
func New(ds *data.Dataset, lang Lang) *Sentences {
	s := &Sentences{ds: ds, en: lang == "en", changes: map[*data.Figure]data.Change{}}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for _, z := range m.Zones(ds) {
			for _, c := range data.Changes(ds.Series(m, z), m.Unit) {
				s.changes[c.To.Figure] = c
			}
		}
	}
	return s
}

func (s *Sentences) lang() string {
	if s.en {
		return "en"
	}
	return "zh"
}

// pick returns en or zh by the renderer's language.
func (s *Sentences) pick(en, zh string) string {
	if s.en {
		return en
	}
	return zh
}

// end closes a sentence with the language's full stop.
func (s *Sentences) end(b string) string {
	b = strings.TrimRight(b, " ")
	if s.en {
		if strings.HasSuffix(b, ".") {
			return b
		}
		return b + "."
	}
	return b + "。"
}

func clean(t string) string { return data.Sanitize(t) }

// MetricName names a metric, with its zone when zone is not "".
func (s *Sentences) MetricName(m *data.Metric, zone string) string {
	n := clean(m.Name.In(s.lang()))
	if zone == "" {
		return n
	}
	return n + s.pick(", ", "（") + s.zoneName(zone) + s.pick("", "）")
}

func (s *Sentences) zoneName(id string) string {
	if z := s.ds.Zone(id); z != nil {
		return clean(z.Name.In(s.lang()))
	}
	return clean(id)
}

// Kind names a kind in words.
func (s *Sentences) Kind(k data.Kind) string {
	en := map[data.Kind]string{data.Actual: "actual", data.Provisional: "provisional",
		data.Estimate: "estimate", data.Partial: "part-year", data.Target: "target", data.Derived: "derived"}
	zh := map[data.Kind]string{data.Actual: "实际", data.Provisional: "初步",
		data.Estimate: "预计", data.Partial: "部分期", data.Target: "目标", data.Derived: "推算"}
	if s.en {
		return en[k]
	}
	return zh[k]
}

// Value is a figure's value as stated, with its qualifier in words:
// "about CNY 10 bn", "近100亿元", "No. 65 of 169".
func (s *Sentences) Value(m *data.Metric, f *data.Figure) string {
	q := f.Qualifier.Prefix(s.lang())
	if f.OutOf > 0 {
		return q + data.Rank(f.Value, f.OutOf, s.lang())
	}
	return q + data.MetricAmount(m, f.Value, clean(f.UnitOr(m.Unit)), s.lang())
}

// standing says what a figure is: its kind, and for a derived figure
// its formula and what it rests on.
func (s *Sentences) standing(f *data.Figure) string {
	k := s.Kind(f.Kind)
	if f.Kind != data.Derived {
		return k
	}
	if fm := clean(f.Formula.In(s.lang())); fm != "" {
		k += s.pick(", computed as "+fm, "，算法："+fm)
	}
	if st := s.ds.Standing(f); st != data.Actual {
		k += s.pick(", standing as "+s.Kind(st), "，按"+s.Kind(st)+"看待")
	}
	return k
}

// Change says how a series moved into a figure: "up 11.8% on 2017",
// "比2017年增长11.8%".
func (s *Sentences) Change(m *data.Metric, c data.Change) string {
	from := clean(c.From.Figure.When.Label(s.lang()))
	var what string
	switch {
	case data.IsPlaces(m.Unit):
		what = data.MetricChange(m, c.Abs, clean(m.Unit), s.lang())
	case c.Abs == 0:
		if !s.en {
			return "与" + from + "持平"
		}
		what = "unchanged"
	case c.RelOK && !c.PP && num(math.Abs(c.Rel*100), 1) == "0":
		what = s.pick("almost unchanged", "基本持平")
	case c.PP && !s.en && c.Abs > 0:
		what = "提高" + num(c.Abs, 2) + "个百分点"
	case c.PP:
		what = s.upDown(c.Abs, num(math.Abs(c.Abs), 2)+s.pick(" percentage points", "个百分点"))
	case c.RelOK:
		what = s.upDown(c.Abs, num(math.Abs(c.Rel*100), 1)+"%")
	default:
		what = s.upDown(c.Abs, data.Amount(math.Abs(c.Abs), clean(m.Unit), s.lang()))
	}
	if c.Approx {
		what = s.pick("roughly ", "约") + what
	}
	if c.Standing != data.Actual {
		what += s.pick(" (on "+s.Kind(c.Standing)+" figures)", "（依据"+s.Kind(c.Standing)+"数据）")
	}
	if s.en && c.From.Figure.When.Type == data.PeriodStock {
		return what + " since " + strings.TrimPrefix(from, "as of ")
	}
	if s.en {
		return what + " on " + from
	}
	return "比" + from + what
}

func (s *Sentences) upDown(d float64, amt string) string {
	if d > 0 {
		return s.pick("up ", "增长") + amt
	}
	return s.pick("down ", "下降") + amt
}

// Source names a source: "Source: publisher, title, date."
func (s *Sentences) Source(id string) string {
	src := s.ds.Source(id)
	if src == nil {
		return s.end(s.pick("Source: ", "来源：") + clean(id))
	}
	title := clean(src.Title)
	if s.en && src.TitleEn != "" {
		title = clean(src.TitleEn)
	}
	if !s.en {
		title = "《" + title + "》"
	}
	date := clean(src.Date)
	if src.DateInferred {
		date += s.pick(" (date inferred)", "（日期为推断）")
	}
	sep := s.pick(", ", "，")
	return s.end(s.pick("Source: ", "来源：") + clean(src.Publisher) + sep + title + sep + date)
}

// Figure is one figure as a sentence, with its source: "Technology
// contract turnover, 2018: CNY 6.28 bn, actual; up 11.8% on 2017.
// Source: ...". A target reads as Target does.
func (s *Sentences) Figure(m *data.Metric, f *data.Figure) string {
	if f.Kind == data.Target {
		return s.Target(s.ds.Verdict(m, f))
	}
	colon, comma := s.pick(": ", "："), s.pick(", ", "，")
	b := s.MetricName(m, f.Zone) + comma + clean(f.When.Label(s.lang())) + colon +
		s.Value(m, f) + comma + s.standing(f)
	if c, ok := s.changes[f]; ok {
		b += s.pick("; ", "；") + s.Change(m, c)
	}
	if n := clean(f.Note.In(s.lang())); n != "" {
		b += s.pick("; note: ", "；注：") + strings.TrimRight(n, ".。")
	}
	return s.end(b) + s.pick(" ", "") + s.Source(f.Source)
}

// comparator says a target's comparator in words.
func (s *Sentences) comparator(c string) string {
	en := map[string]string{">=": "at least ", ">": "more than ", "<=": "at most ", "<": "less than "}
	zh := map[string]string{">=": "不低于", ">": "超过", "<=": "不高于", "<": "低于"}
	if s.en {
		return en[c]
	}
	return zh[c]
}

// Target is one target and its verdict as a sentence: "Technology
// contract turnover, target for 2019: at least 58.2%; status: unknown,
// no 2019 figure. Source: ...".
func (s *Sentences) Target(v data.Verdict) string {
	m, t := v.Metric, v.Target
	amt := data.MetricAmount(m, t.Value, clean(t.UnitOr(m.Unit)), s.lang())
	when := clean(t.When.Label(s.lang()))
	var b string
	if s.en {
		b = s.MetricName(m, t.Zone) + ", target for " + when + ": " + s.comparator(t.Comparator) + amt +
			"; status: " + s.status(v.Status)
	} else {
		b = s.MetricName(m, t.Zone) + "，" + when + "目标：" + s.comparator(t.Comparator) + amt +
			"；状态：" + s.status(v.Status)
	}
	if v.Basis != nil {
		b += s.pick(", judged on ", "，依据") + s.Value(m, v.Basis) +
			s.pick(" ("+s.Kind(v.Standing)+")", "（"+s.Kind(v.Standing)+"）")
	}
	if r := clean(v.Reason.In(s.lang())); r != "" {
		b += s.pick(", ", "，") + r
	}
	return s.end(b) + s.pick(" ", "") + s.Source(t.Source)
}

func (s *Sentences) status(st data.Status) string {
	switch st {
	case data.Met:
		return s.pick("met", "已达成")
	case data.Missed:
		return s.pick("missed", "未达成")
	}
	return s.pick("unknown", "未知")
}

// num formats a number with at most prec decimals and no trailing zeros.
func num(v float64, prec int) string {
	t := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(t, ".") {
		t = strings.TrimRight(strings.TrimRight(t, "0"), ".")
	}
	return t
}

// Heading introduces n figures of a metric: "Technology contract
// turnover: 5 figures."
func (s *Sentences) Heading(m *data.Metric, n int) string {
	if s.en && n == 1 {
		return s.end(clean(m.Name.In(s.lang())) + ": 1 figure")
	}
	return s.end(clean(m.Name.In(s.lang())) + fmt.Sprintf(s.pick(": %d figures", "：共%d项数据"), n))
}
