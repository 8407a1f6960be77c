package data

import "strings"

// This file checks the fields of a figure that say what it measures: its
// period and how its kind fits that period.

// period reads the figure's period into f.When, reporting a field that
// cannot be read or that contradicts the figure's year.
func (d *decoder) period(f *Figure, l loc) {
	p, err := readPeriod(f.Year, f.Period, f.AsOf, f.Since)
	f.When = p
	if err != nil {
		if f.Year < MinYear || f.Year > MaxYear {
			return // the year is reported already
		}
		d.fail(l, err.Field, "%s", err.Msg)
		return
	}
	switch {
	case f.Kind == Partial && p.Type != PeriodPart:
		d.fail(l, "kind", "a partial figure needs a part-year period, such as period: %dH1 or %d-01..%d-10", f.Year, f.Year, f.Year)
	case f.Kind == Actual && p.Type == PeriodPart:
		d.fail(l, "kind", "a reported figure for part of a year is kind partial, not actual")
	}
}

// qualifier checks that a figure's qualifier is known and that its quote
// has a word that calls for it.
func (d *decoder) qualifier(f *Figure, l loc) {
	q := f.Qualifier
	switch {
	case q == "":
	case !q.Valid():
		d.fail(l, "qualifier", "unknown qualifier %q; write about (约, 左右), nearly (近), more-than (多, 余, 超过) or at-least (以上)", q)
	case f.Kind == Target:
		d.fail(l, "qualifier", "a target's 以上 or 超过 is its comparator, not a qualifier")
	case f.Quote != "" && !q.markedIn(f.Quote):
		d.fail(l, "qualifier", "qualifier %s needs one of these words in the quote: %s", q, strings.Join(q.Markers(), ", "))
	}
}
