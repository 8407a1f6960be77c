package data

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Record is one figure flattened for export, with exactly the columns of
// `lzdash export`: the twelve first, then the qualifier and the period as
// structure (its type, as_of and since, and its label in both
// languages).
type Record struct {
	Metric     string  `json:"metric"`
	NameZh     string  `json:"name_zh"`
	NameEn     string  `json:"name_en"`
	Zone       string  `json:"zone"`
	Year       int     `json:"year"`
	Period     string  `json:"period"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Kind       Kind    `json:"kind"`
	Comparator string  `json:"comparator"`
	Source     string  `json:"source"`
	Quote      string  `json:"quote"`
	Qualifier  string  `json:"qualifier"`
	PeriodType string  `json:"period_type"`
	AsOf       string  `json:"as_of"`
	Since      string  `json:"since"`
	PeriodZh   string  `json:"period_zh"`
	PeriodEn   string  `json:"period_en"`
}

// Header is the CSV header of an export, matching Record's JSON keys.
var Header = []string{"metric", "name_zh", "name_en", "zone", "year", "period", "value", "unit", "kind", "comparator", "source", "quote",
	"qualifier", "period_type", "as_of", "since", "period_zh", "period_en"}

// Stats counts what a dataset holds.
type Stats struct {
	Metrics, Figures, Sources, Zones int
}

// Stats counts the dataset's metrics, figures, sources and zones.
func (ds *Dataset) Stats() Stats {
	s := Stats{Metrics: len(ds.Metrics), Sources: len(ds.Sources), Zones: len(ds.Zones)}
	for _, m := range ds.Metrics {
		s.Figures += len(m.Figures)
	}
	return s
}

// Records flattens every figure into one record, in file order.
func (ds *Dataset) Records() []Record {
	var out []Record
	for _, m := range ds.Metrics {
		for _, f := range m.Figures {
			out = append(out, Record{
				Metric: m.ID, NameZh: m.Name.Zh, NameEn: m.Name.En,
				Zone: f.Zone, Year: f.Year, Period: f.Period, Value: f.Value,
				Unit: f.UnitOr(m.Unit), Kind: f.Kind, Comparator: f.Comparator,
				Source: f.Source, Quote: f.Quote, Qualifier: string(f.Qualifier),
				PeriodType: f.When.Type.String(), AsOf: f.When.AsOf.String(), Since: f.Since,
				PeriodZh: f.When.Label("zh"), PeriodEn: f.When.Label("en"),
			})
		}
	}
	return out
}

// UnitOr returns the figure's own unit, or def when it states none.
func (f *Figure) UnitOr(def string) string {
	if f.Unit != "" {
		return f.Unit
	}
	return def
}

// WriteJSON writes records as an indented JSON array.
func WriteJSON(w io.Writer, recs []Record) error {
	if recs == nil {
		recs = []Record{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(recs); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// WriteCSV writes records as UTF-8 CSV with a header row. A text cell
// that a spreadsheet would read as a formula, one starting with =, +, -,
// @, tab or CR, is written with a ' before it, as OWASP advises against
// CSV injection; year and value, which lzdash writes from numbers, are
// written as they are, negative values included.
func WriteCSV(w io.Writer, recs []Record) error {
	rows := make([][]string, len(recs))
	for i, r := range recs {
		rows[i] = r.row()
	}
	return writeCSV(w, Header, rows)
}

// writeCSV writes a header and rows as UTF-8 CSV: every table's CSV goes
// through it, its text cells already passed through csvText by the
// table's row builder.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// csvText is a text cell that no spreadsheet takes for a formula.
func csvText(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
