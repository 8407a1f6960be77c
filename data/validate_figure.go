package data

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
