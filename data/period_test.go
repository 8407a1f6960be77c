package data_test

import (
	"errors"
	"strings"
	"testing"

	"lzdash/data"
)

func TestReadPeriodAndLabel(t *testing.T) {
	tests := []struct {
		year                int
		period, asOf, since string
		typ                 data.PeriodType
		spec, zh, en        string
	}{
		{2020, "", "", "", data.PeriodYear, "", "2020年", "2020"},
		{2021, "2021H1", "", "", data.PeriodPart, "2021H1", "2021年上半年", "H1 2021"},
		{2021, "2021H2", "", "", data.PeriodPart, "2021H2", "2021年下半年", "H2 2021"},
		{2021, "2021Q3", "", "", data.PeriodPart, "2021Q3", "2021年第三季度", "Q3 2021"},
		{2020, "2020-01..2020-10", "", "", data.PeriodPart, "2020-01..2020-10", "2020年1-10月", "Jan-Oct 2020"},
		{2020, "2020-10", "", "", data.PeriodPart, "2020-10", "2020年10月", "Oct 2020"},
		// A run of months that is a half reads as one.
		{2020, "2020-01..2020-06", "", "", data.PeriodPart, "2020H1", "2020年上半年", "H1 2020"},
		{2021, "2017-2021", "", "", data.PeriodSpan, "2017-2021", "2017-2021年", "2017-2021"},
		{2020, "unstated", "", "", data.PeriodUnstated, "unstated", "期间未说明（2020年报道）", "period not stated (reported 2020)"},
		{2020, "", "2020-05", "", data.PeriodStock, "", "截至2020年5月", "as of May 2020"},
		{2020, "", "2020-05-22", "", data.PeriodStock, "", "截至2020年5月22日", "as of 22 May 2020"},
		{2020, "", "2020", "", data.PeriodStock, "", "截至2020年", "as of 2020"},
		{2020, "", "", "2016", data.PeriodRunning, "", "2016年以来累计（至2020年）", "cumulative since 2016, to 2020"},
		{2020, "", "", "2020", data.PeriodRunning, "", "2020年以来累计", "cumulative since 2020"},
		{2020, "", "2020-05", "2016", data.PeriodRunning, "", "2016年以来累计（截至2020年5月）", "cumulative since 2016, as of May 2020"},
		{2024, "", "2024-08", "start", data.PeriodRunning, "", "累计（截至2024年8月）", "cumulative, as of Aug 2024"},
		{2018, "", "2018", "start", data.PeriodRunning, "", "累计（至2018年）", "cumulative, to 2018"},
		{2024, "", "2024-08", "2021-06", data.PeriodRunning, "", "2021年6月以来累计（截至2024年8月）", "cumulative since Jun 2021, as of Aug 2024"},
	}
	for _, tt := range tests {
		p, err := data.ReadPeriod(tt.year, tt.period, tt.asOf, tt.since)
		if err != nil {
			t.Errorf("ReadPeriod(%d, %q, %q, %q): %v", tt.year, tt.period, tt.asOf, tt.since, err)
			continue
		}
		if p.Type != tt.typ || p.Year != tt.year || p.Spec() != tt.spec {
			t.Errorf("ReadPeriod(%d, %q, %q, %q) = %+v (spec %q); want type %v, spec %q",
				tt.year, tt.period, tt.asOf, tt.since, p, p.Spec(), tt.typ, tt.spec)
		}
		if zh, en := p.Label("zh"), p.Label("en"); zh != tt.zh || en != tt.en {
			t.Errorf("%+v: labels %q / %q, want %q / %q", p, zh, en, tt.zh, tt.en)
		}
	}
}

func TestReadPeriodErrors(t *testing.T) {
	tests := []struct {
		period, asOf, since string
		field, mention      string
	}{
		{"2021H1", "", "", "period", "the figure's year is 2020"},
		{"2020H3", "", "", "period", "unknown period"},
		{"2020Q5", "", "", "period", "unknown period"},
		{"截至2020年10月底", "", "", "period", "note"},
		{"2020-01..2020-12", "", "", "period", "whole year"},
		{"2020-11..2021-02", "", "", "period", "within one year"},
		{"2020-00", "", "", "period", "outside 01..12"},
		{"2020-2020", "", "", "period", "earlier year"},
		{"2016-2019", "", "", "period", "ends in 2019"},
		{"2020H1", "2020-05", "", "as_of", "cannot also have as_of"},
		{"unstated", "", "2016", "since", "cannot also have since"},
		{"", "2021-05", "", "as_of", "in 2021"},
		{"", "2020-02-30", "", "as_of", "not a date"},
		{"", "May 2020", "", "as_of", "not a date"},
		{"", "", "2021", "since", "after the end"},
		{"", "2020-05", "2020-06", "since", "after the end"},
		{"", "", "inception", "since", "not a start"},
	}
	for _, tt := range tests {
		_, err := data.ReadPeriod(2020, tt.period, tt.asOf, tt.since)
		var pe *data.PeriodError
		if !errors.As(err, &pe) {
			t.Errorf("ReadPeriod(2020, %q, %q, %q) = %v; want a *PeriodError", tt.period, tt.asOf, tt.since, err)
			continue
		}
		if pe.Field != tt.field || !strings.Contains(pe.Msg, tt.mention) {
			t.Errorf("ReadPeriod(2020, %q, %q, %q): %s: %s; want field %s mentioning %q",
				tt.period, tt.asOf, tt.since, pe.Field, pe.Msg, tt.field, tt.mention)
		}
	}
}

// TestEveryFigureHasAStructuredPeriod checks that the parsed dataset
// gives every figure the period its fields say, with a label in both
// languages and no free text left in the period field.
func TestEveryFigureHasAStructuredPeriod(t *testing.T) {
	ds := goodDataset(t)
	p := ds.Metric("patents").Figures[1].When
	if p.Type != data.PeriodPart || p.FromMonth != 1 || p.ToMonth != 10 || p.Label("en") != "Jan-Oct 2021" {
		t.Errorf("patents 2021 period = %+v (%s)", p, p.Label("en"))
	}
	if p := ds.Metric("zone-gdp").Figures[0].When; p.Type != data.PeriodPart || p.Spec() != "2021H1" {
		t.Errorf("zone-gdp east period = %+v", p)
	}
	if p := ds.Metric("patents").Figures[0].When; p.Type != data.PeriodYear || p.Year != 2019 {
		t.Errorf("patents 2019 period = %+v", p)
	}
}
