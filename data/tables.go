package data

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// TableNames are the tables `lzdash export --table` writes; figures is
// the default.
var TableNames = [...]string{"figures", "targets", "conflicts", "sources"}

// Table is one exportable table: a CSV header and rows, and the same
// records for JSON.
type Table struct {
	Name   string
	Header []string
	Rows   [][]string
	// Records are the rows as values with JSON keys equal to Header.
	Records any
}

// Table builds the named table of the dataset, or says which names
// exist.
func (ds *Dataset) Table(name string) (Table, error) {
	switch name {
	case "figures":
		recs := ds.Records()
		if recs == nil {
			recs = []Record{}
		}
		t := Table{Name: name, Header: Header, Records: recs}
		for _, r := range recs {
			t.Rows = append(t.Rows, r.row())
		}
		return t, nil
	case "targets":
		return ds.targetTable(), nil
	case "conflicts":
		return ds.conflictTable(), nil
	case "sources":
		return ds.sourceTable(), nil
	}
	return Table{}, fmt.Errorf("unknown table %q: use %s", name, strings.Join(TableNames[:], ", "))
}

// WriteJSON writes the table as an indented JSON array of objects.
func (t Table) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t.Records); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// WriteCSV writes the table as UTF-8 CSV with its header row.
func (t Table) WriteCSV(w io.Writer) error { return writeCSV(w, t.Header, t.Rows) }

// Write writes the table in a format, json or csv.
func (t Table) Write(w io.Writer, format string) error {
	switch format {
	case "json":
		return t.WriteJSON(w)
	case "csv":
		return t.WriteCSV(w)
	}
	return fmt.Errorf("unknown format %q: use json or csv", format)
}

// TargetRecord is one target's verdict flattened for export. The basis
// fields are null in JSON, empty in CSV, when the target has no basis.
type TargetRecord struct {
	Metric        string   `json:"metric"`
	NameZh        string   `json:"name_zh"`
	NameEn        string   `json:"name_en"`
	Zone          string   `json:"zone"`
	Year          int      `json:"year"`
	Period        string   `json:"period"`
	Comparator    string   `json:"comparator"`
	Target        float64  `json:"target"`
	Unit          string   `json:"unit"`
	Status        Status   `json:"status"`
	Reason        string   `json:"reason"`
	ReasonZh      string   `json:"reason_zh"`
	BasisYear     *int     `json:"basis_year"`
	BasisPeriod   string   `json:"basis_period"`
	BasisValue    *float64 `json:"basis_value"`
	BasisUnit     string   `json:"basis_unit"`
	BasisKind     Kind     `json:"basis_kind"`
	BasisStanding Kind     `json:"basis_standing"`
	BasisSource   string   `json:"basis_source"`
	Context       int      `json:"context"`
}

// targetHeader is the CSV header of the targets table.
var targetHeader = []string{"metric", "name_zh", "name_en", "zone", "year", "period", "comparator", "target", "unit",
	"status", "reason", "reason_zh", "basis_year", "basis_period", "basis_value", "basis_unit", "basis_kind",
	"basis_standing", "basis_source", "context"}

func (ds *Dataset) targetTable() Table {
	recs := []TargetRecord{}
	var rows [][]string
	for _, v := range ds.Verdicts() {
		m, t := v.Metric, v.Target
		r := TargetRecord{Metric: m.ID, NameZh: m.Name.Zh, NameEn: m.Name.En, Zone: t.Zone, Year: t.Year,
			Period: t.When.Label("en"), Comparator: t.Comparator, Target: t.Value, Unit: t.UnitOr(m.Unit),
			Status: v.Status, Reason: v.Reason.En, ReasonZh: v.Reason.Zh, Context: len(v.Context)}
		by, bv := "", ""
		if b := v.Basis; b != nil {
			year, value := b.Year, b.Value
			r.BasisYear, r.BasisValue = &year, &value
			r.BasisPeriod, r.BasisUnit, r.BasisKind, r.BasisStanding, r.BasisSource = b.When.Label("en"), b.UnitOr(m.Unit), b.Kind, v.Standing, b.Source
			by, bv = strconv.Itoa(year), formatNumber(value)
		}
		recs = append(recs, r)
		rows = append(rows, []string{csvText(r.Metric), csvText(r.NameZh), csvText(r.NameEn), csvText(r.Zone), strconv.Itoa(r.Year),
			csvText(r.Period), csvText(r.Comparator), formatNumber(r.Target), csvText(r.Unit), csvText(string(r.Status)),
			csvText(r.Reason), csvText(r.ReasonZh), by, csvText(r.BasisPeriod), bv, csvText(r.BasisUnit),
			csvText(string(r.BasisKind)), csvText(string(r.BasisStanding)), csvText(r.BasisSource), strconv.Itoa(r.Context)})
	}
	return Table{Name: "targets", Header: targetHeader, Rows: rows, Records: recs}
}

// Side is one figure of a conflict, flattened for export.
type Side struct {
	Metric string  `json:"metric"`
	Zone   string  `json:"zone"`
	Year   int     `json:"year"`
	Period string  `json:"period"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Kind   Kind    `json:"kind"`
	Source string  `json:"source"`
	Quote  string  `json:"quote"`
}

// ConflictRecord is one disagreement between two figures: a conflict of
// more than two figures gives one record for the first against each
// other.
type ConflictRecord struct {
	ID     string `json:"id"`
	Found  string `json:"found"` // "rule" or "curated"
	A      Side   `json:"a"`
	B      Side   `json:"b"`
	NoteZh string `json:"note_zh"`
	NoteEn string `json:"note_en"`
}

var sideFields = []string{"metric", "zone", "year", "period", "value", "unit", "kind", "source", "quote"}

func sideRow(s Side) []string {
	return []string{csvText(s.Metric), csvText(s.Zone), strconv.Itoa(s.Year), csvText(s.Period), formatNumber(s.Value),
		csvText(s.Unit), csvText(string(s.Kind)), csvText(s.Source), csvText(s.Quote)}
}

func sideOf(r FigureRef) Side {
	f := r.Figure
	return Side{Metric: r.Metric.ID, Zone: f.Zone, Year: f.Year, Period: f.When.Label("en"), Value: f.Value,
		Unit: f.UnitOr(r.Metric.Unit), Kind: f.Kind, Source: f.Source, Quote: f.Quote}
}

func (ds *Dataset) conflictTable() Table {
	header := []string{"id", "found"}
	for _, p := range []string{"a_", "b_"} {
		for _, f := range sideFields {
			header = append(header, p+f)
		}
	}
	header = append(header, "note_zh", "note_en")
	recs := []ConflictRecord{}
	var rows [][]string
	for _, c := range ds.Conflicts() {
		found := "rule"
		if c.Curated() {
			found = "curated"
		}
		for _, other := range c.Figures[min(1, len(c.Figures)):] {
			r := ConflictRecord{ID: c.ID, Found: found, A: sideOf(c.Figures[0]), B: sideOf(other), NoteZh: c.Note.Zh, NoteEn: c.Note.En}
			recs = append(recs, r)
			row := append(append(append([]string{csvText(r.ID), r.Found}, sideRow(r.A)...), sideRow(r.B)...), csvText(r.NoteZh), csvText(r.NoteEn))
			rows = append(rows, row)
		}
	}
	return Table{Name: "conflicts", Header: header, Rows: rows, Records: recs}
}

// SourceRecord is one source article flattened for export.
type SourceRecord struct {
	ID           string `json:"id"`
	Publisher    string `json:"publisher"`
	Title        string `json:"title"`
	TitleEn      string `json:"title_en"`
	Date         string `json:"date"`
	DateInferred bool   `json:"date_inferred"`
	URL          string `json:"url"`
	File         string `json:"file"`
	Figures      int    `json:"figures"`
}

func (ds *Dataset) sourceTable() Table {
	header := []string{"id", "publisher", "title", "title_en", "date", "date_inferred", "url", "file", "figures"}
	recs := []SourceRecord{}
	var rows [][]string
	for _, s := range ds.Sources {
		r := SourceRecord{s.ID, s.Publisher, s.Title, s.TitleEn, s.Date, s.DateInferred, s.URL, s.File, len(ds.FiguresFrom(s.ID))}
		recs = append(recs, r)
		rows = append(rows, []string{csvText(r.ID), csvText(r.Publisher), csvText(r.Title), csvText(r.TitleEn), csvText(r.Date),
			strconv.FormatBool(r.DateInferred), csvText(r.URL), csvText(r.File), strconv.Itoa(r.Figures)})
	}
	return Table{Name: "sources", Header: header, Rows: rows, Records: recs}
}

// row is the record's CSV cells, in the order of Header; text cells go
// through csvText, numbers are written as they are.
func (r Record) row() []string {
	return []string{csvText(r.Metric), csvText(r.NameZh), csvText(r.NameEn), csvText(r.Zone), strconv.Itoa(r.Year), csvText(r.Period),
		formatNumber(r.Value), csvText(r.Unit), csvText(string(r.Kind)), csvText(r.Comparator), csvText(r.Source), csvText(r.Quote),
		csvText(r.Qualifier), csvText(r.PeriodType), csvText(r.AsOf), csvText(r.Since), csvText(r.PeriodZh), csvText(r.PeriodEn)}
}

// formatNumber writes a number as the dataset states it.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
