package data

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Record is one figure flattened for export, with exactly the columns of
// `lzdash export`.
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
}

// Header is the CSV header of an export, matching Record's JSON keys.
var Header = []string{"metric", "name_zh", "name_en", "zone", "year", "period", "value", "unit", "kind", "comparator", "source", "quote"}

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
				Source: f.Source, Quote: f.Quote,
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
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	for _, r := range recs {
		row := []string{csvText(r.Metric), csvText(r.NameZh), csvText(r.NameEn), csvText(r.Zone),
			strconv.Itoa(r.Year), csvText(r.Period), strconv.FormatFloat(r.Value, 'f', -1, 64),
			csvText(r.Unit), csvText(string(r.Kind)), csvText(r.Comparator), csvText(r.Source), csvText(r.Quote)}
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
