package data

import (
	"fmt"
	"strconv"
)

// monthsEn are the English month abbreviations.
var monthsEn = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// quartersZh name the quarters in Chinese.
var quartersZh = [...]string{"第一季度", "第二季度", "第三季度", "第四季度"}

// Label renders the period in a language ("en", or anything else for
// Chinese): 2020年 / 2020, 2021年上半年 / H1 2021, 2020年1-10月 /
// Jan-Oct 2020, 截至2020年5月 / as of May 2020, 2016年以来累计 /
// cumulative since 2016, 2017-2021年 / 2017-2021, 期间未说明 / period not
// stated. Every label names its year.
func (p Period) Label(lang string) string {
	en := lang == "en"
	switch p.Type {
	case PeriodPart:
		return p.partLabel(en)
	case PeriodStock:
		if en {
			return "as of " + dateEn(p.AsOf)
		}
		return "截至" + dateZh(p.AsOf)
	case PeriodRunning:
		return p.runningLabel(en)
	case PeriodSpan:
		if en {
			return fmt.Sprintf("%d-%d", p.FromYear, p.Year)
		}
		return fmt.Sprintf("%d-%d年", p.FromYear, p.Year)
	case PeriodUnstated:
		if en {
			return fmt.Sprintf("period not stated (reported %d)", p.Year)
		}
		return fmt.Sprintf("期间未说明（%d年报道）", p.Year)
	}
	if en {
		return strconv.Itoa(p.Year)
	}
	return strconv.Itoa(p.Year) + "年"
}

func (p Period) partLabel(en bool) string {
	spec := p.Spec()
	switch {
	case spec == fmt.Sprintf("%dH1", p.Year) || spec == fmt.Sprintf("%dH2", p.Year):
		if en {
			return spec[4:] + " " + strconv.Itoa(p.Year)
		}
		half := "上半年"
		if p.FromMonth == 7 {
			half = "下半年"
		}
		return strconv.Itoa(p.Year) + "年" + half
	case len(spec) == 6 && spec[4] == 'Q':
		if en {
			return spec[4:] + " " + strconv.Itoa(p.Year)
		}
		return strconv.Itoa(p.Year) + "年" + quartersZh[p.ToMonth/3-1]
	case p.FromMonth == p.ToMonth:
		if en {
			return monthsEn[p.FromMonth-1] + " " + strconv.Itoa(p.Year)
		}
		return fmt.Sprintf("%d年%d月", p.Year, p.FromMonth)
	}
	if en {
		return monthsEn[p.FromMonth-1] + "-" + monthsEn[p.ToMonth-1] + " " + strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("%d年%d-%d月", p.Year, p.FromMonth, p.ToMonth)
}

// runningLabel renders a running total: its start, then its end when the
// end is a month or day, or a later year than the start.
func (p Period) runningLabel(en bool) string {
	var s string
	switch {
	case p.Since.IsZero() && en:
		s = "cumulative"
	case p.Since.IsZero():
		s = "累计"
	case en:
		s = "cumulative since " + dateEn(p.Since)
	default:
		s = dateZh(p.Since) + "以来累计"
	}
	switch {
	case p.AsOf.Month != 0 && en:
		return s + ", as of " + dateEn(p.AsOf)
	case p.AsOf.Month != 0:
		return s + "（截至" + dateZh(p.AsOf) + "）"
	case p.Since.Year == p.AsOf.Year:
		return s
	case en:
		return s + ", to " + strconv.Itoa(p.AsOf.Year)
	}
	return s + "（至" + strconv.Itoa(p.AsOf.Year) + "年）"
}

// dateZh renders a date as 2020年, 2020年5月 or 2020年5月22日.
func dateZh(d Date) string {
	s := strconv.Itoa(d.Year) + "年"
	if d.Month != 0 {
		s += strconv.Itoa(d.Month) + "月"
	}
	if d.Day != 0 {
		s += strconv.Itoa(d.Day) + "日"
	}
	return s
}

// dateEn renders a date as 2020, May 2020 or 22 May 2020.
func dateEn(d Date) string {
	s := strconv.Itoa(d.Year)
	if d.Month != 0 {
		s = monthsEn[d.Month-1] + " " + s
	}
	if d.Day != 0 {
		s = strconv.Itoa(d.Day) + " " + s
	}
	return s
}
