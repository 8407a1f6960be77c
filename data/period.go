package data

import (
	"fmt"
	"strconv"
	"time"
)

// PeriodType says what span of time a figure measures.
type PeriodType uint8

// The period types. A figure with no period, as_of or since is a flow
// over its calendar year.
const (
	// PeriodYear is a flow over one calendar year.
	PeriodYear PeriodType = iota
	// PeriodPart is a flow over part of a year: a half, a quarter, or a
	// run of months such as January to October.
	PeriodPart
	// PeriodStock is a count or amount as of a date (as_of).
	PeriodStock
	// PeriodRunning is a running total since a year or date (since), as
	// of a date.
	PeriodRunning
	// PeriodSpan is a flow over several whole years, such as 2017-2021.
	PeriodSpan
	// PeriodUnstated is a figure whose period the source does not state.
	PeriodUnstated
)

// periodNames are the names of the period types in exports.
var periodNames = [...]string{"year", "part-year", "as-of", "since", "span", "unstated"}

// String names the period type as exports write it.
func (t PeriodType) String() string {
	if int(t) < len(periodNames) {
		return periodNames[t]
	}
	return "unknown"
}

// Date is a year, a month of a year, or a day. Month and Day are 0 when
// not given.
type Date struct {
	Year, Month, Day int
}

// String writes the date as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d.Year == 0 }

// last is the last day the date covers, as YYYYMMDD: a year ends on 31
// December, a month on its last day.
func (d Date) last() int {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = daysIn(d.Year, m)
	}
	return d.Year*10000 + m*100 + day
}

// first is the first day the date covers, as YYYYMMDD.
func (d Date) first() int {
	return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Period is what a figure measures in time, read from its year, period,
// as_of and since fields. Two periods are the same when they are equal.
type Period struct {
	Type PeriodType
	// Year is the figure's year: the year of a flow or a stock's date,
	// the last year of a span, the end of a running total.
	Year int
	// FromMonth and ToMonth are the months (1-12) of a part-year flow.
	FromMonth, ToMonth int
	// FromYear is the first year of a span.
	FromYear int
	// AsOf is the date of a stock, or the end of a running total; a
	// running total with no as_of ends in its year.
	AsOf Date
	// Since is the start of a running total; it is zero for a total
	// counted from a start the source does not date (since: start).
	Since Date
}

// Spec writes the period as the dataset's period field does: 2021H1,
// 2020-01..2020-10, 2017-2021, unstated; empty for the other types.
func (p Period) Spec() string {
	switch p.Type {
	case PeriodPart:
		switch {
		case p.FromMonth == 1 && p.ToMonth == 6:
			return fmt.Sprintf("%dH1", p.Year)
		case p.FromMonth == 7 && p.ToMonth == 12:
			return fmt.Sprintf("%dH2", p.Year)
		case p.ToMonth-p.FromMonth == 2 && p.FromMonth%3 == 1:
			return fmt.Sprintf("%dQ%d", p.Year, p.ToMonth/3)
		case p.FromMonth == p.ToMonth:
			return fmt.Sprintf("%04d-%02d", p.Year, p.FromMonth)
		}
		return fmt.Sprintf("%04d-%02d..%04d-%02d", p.Year, p.FromMonth, p.Year, p.ToMonth)
	case PeriodSpan:
		return fmt.Sprintf("%d-%d", p.FromYear, p.Year)
	case PeriodUnstated:
		return "unstated"
	}
	return ""
}

// End is the last day the period covers, as YYYYMMDD, and false for a
// period that is not stated.
func (p Period) End() (int, bool) {
	switch p.Type {
	case PeriodPart:
		return Date{p.Year, p.ToMonth, 0}.last(), true
	case PeriodStock, PeriodRunning:
		return p.AsOf.last(), true
	case PeriodUnstated:
		return 0, false
	}
	return Date{Year: p.Year}.last(), true
}

// PeriodError is a problem with one of the fields a period is read from.
type PeriodError struct {
	// Field is period, as_of or since.
	Field string
	Msg   string
}

// Error writes the field and the message.
func (e *PeriodError) Error() string { return e.Field + ": " + e.Msg }

// ReadPeriod builds a figure's period from its year, period, as_of and
// since fields, or returns a *PeriodError saying which field is wrong
// and why.
func ReadPeriod(year int, period, asOf, since string) (Period, error) {
	p, err := readPeriod(year, period, asOf, since)
	if err != nil {
		return p, err
	}
	return p, nil
}

func readPeriod(year int, period, asOf, since string) (Period, *PeriodError) {
	p := Period{Type: PeriodYear, Year: year}
	if period == "" && asOf == "" && since == "" {
		return p, nil // a flow over the year, the common case
	}
	fail := failer(year)
	if period != "" {
		if asOf != "" || since != "" {
			other := "as_of"
			if asOf == "" {
				other = "since"
			}
			return fail(other, "a figure with period %q cannot also have %s: a stock takes as_of alone, a running total since and as_of", period, other)
		}
		return readPeriodField(year, period, fail)
	}
	if asOf != "" {
		d, ok := parseDate(asOf)
		if !ok {
			return fail("as_of", "%q is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", asOf)
		}
		if d.Year != year {
			return fail("as_of", "as_of %s is in %d, but the figure's year is %d", asOf, d.Year, year)
		}
		p.Type, p.AsOf = PeriodStock, d
	}
	if since != "" {
		p.Type = PeriodRunning
		if p.AsOf.IsZero() {
			p.AsOf = Date{Year: year}
		}
		if since != "start" {
			d, ok := parseDate(since)
			if !ok {
				return fail("since", "%q is not a start; write a year (2016), a month (2016-05), a day or start", since)
			}
			if d.first() > p.AsOf.last() {
				return fail("since", "since %s is after the end of the total (%s)", since, p.AsOf)
			}
			p.Since = d
		}
	}
	return p, nil
}

// failer returns the function readPeriod reports a problem with; it is
// built only when the figure has a period other than its year.
func failer(year int) func(field, format string, args ...any) (Period, *PeriodError) {
	return func(field, format string, args ...any) (Period, *PeriodError) {
		return Period{Type: PeriodYear, Year: year}, &PeriodError{field, fmt.Sprintf(format, args...)}
	}
}

// readPeriodField reads the period field: a part of a year, a span of
// years, or unstated.
func readPeriodField(year int, s string, fail func(string, string, ...any) (Period, *PeriodError)) (Period, *PeriodError) {
	p := Period{Year: year}
	const hint = "write 2021H1, 2021Q3, 2020-10, 2020-01..2020-10, 2017-2021 or unstated; a stock takes as_of, a running total since, and any other words go in the note"
	switch {
	case s == "unstated":
		p.Type = PeriodUnstated
		return p, nil
	case isHalfOrQuarter(s):
		y, half, n := atoi(s[:4]), s[4] == 'H', atoi(s[5:])
		if half && (n < 1 || n > 2) || !half && (n < 1 || n > 4) {
			return fail("period", "unknown period %q; %s", s, hint)
		}
		p.Type, p.FromMonth, p.ToMonth = PeriodPart, (n-1)*6+1, n*6
		if !half {
			p.FromMonth, p.ToMonth = (n-1)*3+1, n*3
		}
		if y != year {
			return fail("period", "period %s is in %d, but the figure's year is %d", s, y, year)
		}
		return p, nil
	case isSpan(s):
		from, to := atoi(s[:4]), atoi(s[5:])
		switch {
		case from >= to:
			return fail("period", "span %s must run from an earlier year to a later one", s)
		case to != year:
			return fail("period", "span %s ends in %d, but the figure's year is %d", s, to, year)
		}
		p.Type, p.FromYear = PeriodSpan, from
		return p, nil
	case isMonths(s):
		y, from := atoi(s[:4]), atoi(s[5:7])
		to := from
		if len(s) > 7 {
			if atoi(s[9:13]) != y {
				return fail("period", "period %s must lie within one year", s)
			}
			to = atoi(s[14:])
		}
		switch {
		case from < 1 || from > 12 || to < 1 || to > 12:
			return fail("period", "period %s names a month outside 01..12", s)
		case from > to:
			return fail("period", "period %s must run from an earlier month to a later one", s)
		case from == 1 && to == 12:
			return fail("period", "period %s is the whole year; leave period out", s)
		case y != year:
			return fail("period", "period %s is in %d, but the figure's year is %d", s, y, year)
		}
		p.Type, p.FromMonth, p.ToMonth = PeriodPart, from, to
		return p, nil
	}
	return fail("period", "unknown period %q; %s", s, hint)
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(s string) (Date, bool) {
	if !isDate(s) {
		return Date{}, false
	}
	d := Date{Year: atoi(s[:4])}
	if d.Year < MinYear || d.Year > MaxYear {
		return Date{}, false
	}
	if len(s) > 4 {
		d.Month = atoi(s[5:7])
		if d.Month < 1 || d.Month > 12 {
			return Date{}, false
		}
	}
	if len(s) > 7 {
		d.Day = atoi(s[8:])
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, false
		}
	}
	return d, true
}

// The shapes of the period and date fields: 2021H1 or 2021Q3, 2017-2021,
// 2020-10 or 2020-01..2020-10, and 2020, 2020-05 or 2020-05-22.
func isHalfOrQuarter(s string) bool { return shaped(s, "dddd_d") && (s[4] == 'H' || s[4] == 'Q') }
func isSpan(s string) bool          { return shaped(s, "dddd-dddd") }
func isMonths(s string) bool        { return shaped(s, "dddd-dd") || shaped(s, "dddd-dd..dddd-dd") }
func isDate(s string) bool {
	return shaped(s, "dddd") || shaped(s, "dddd-dd") || shaped(s, "dddd-dd-dd")
}

// shaped reports whether s has the shape of pattern, byte for byte: d
// stands for an ASCII digit, _ for any byte, and any other byte for
// itself. The period and date fields are read by their shapes rather than
// by regular expressions, which would be compiled at every start.
func shaped(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := range len(pattern) {
		switch c := pattern[i]; c {
		case 'd':
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		case '_':
		default:
			if s[i] != c {
				return false
			}
		}
	}
	return true
}

// atoi reads digits that shaped has already matched.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
