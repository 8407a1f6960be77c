package data_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lzdash/data"
)

var exportKeys = []string{"metric", "name_zh", "name_en", "zone", "year", "period", "value", "unit", "kind", "comparator", "source", "quote",
	"qualifier", "period_type", "as_of", "since", "period_zh", "period_en"}

func TestRecords(t *testing.T) {
	ds := goodDataset(t)
	recs := ds.Records()
	if len(recs) != ds.Stats().Figures {
		t.Fatalf("%d records for %d figures", len(recs), ds.Stats().Figures)
	}
	// File order: the first metric's figures come first.
	first := recs[0]
	want := data.Record{Metric: "contribution-rate", NameZh: "科技进步贡献率", NameEn: "S&T contribution rate",
		Year: 2018, Value: 55.6, Unit: "%", Kind: data.Derived, Source: "report-2020", Quote: "增长1.5个百分点",
		PeriodType: "year", PeriodZh: "2018年", PeriodEn: "2018"}
	if first != want {
		t.Errorf("first record = %+v\nwant %+v", first, want)
	}
	// A figure without a unit takes the metric's; one with a unit keeps
	// its own, with its value as stated.
	var patents []data.Record
	for _, r := range recs {
		if r.Metric == "patents" {
			patents = append(patents, r)
		}
	}
	if len(patents) != 2 || patents[0].Unit != "件" || patents[0].Value != 10708 ||
		patents[1].Unit != "万件" || patents[1].Value != 1.07 || patents[1].Period != "2021-01..2021-10" ||
		patents[1].PeriodType != "part-year" || patents[1].PeriodEn != "Jan-Oct 2021" || patents[1].PeriodZh != "2021年1-10月" {
		t.Errorf("patents records = %+v", patents)
	}
	for _, r := range recs {
		if r.Kind == data.Target && r.Comparator != ">=" {
			t.Errorf("target record without its comparator: %+v", r)
		}
		if r.Metric == "zone-rank" && r.Zone == "" {
			t.Errorf("zone figure exported without its zone: %+v", r)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	ds := goodDataset(t)
	recs := ds.Records()
	var buf bytes.Buffer
	if err := data.WriteJSON(&buf, recs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"S&T contribution rate"`) || !strings.Contains(buf.String(), `"科技进步贡献率"`) {
		t.Error("JSON escapes & or Chinese text; it should write them as they are")
	}
	var objs []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
		t.Fatalf("output is not a JSON array of objects: %v", err)
	}
	if len(objs) != len(recs) {
		t.Fatalf("%d objects for %d records", len(objs), len(recs))
	}
	want := slices.Sorted(slices.Values(exportKeys))
	for i, o := range objs {
		var keys []string
		for k := range o {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, want) {
			t.Fatalf("object %d has keys %v, want %v", i, keys, want)
		}
	}
	o := objs[len(objs)-1]
	if o["metric"] != "zone-rank" || o["zone"] != "west" || o["year"] != 2020.0 || o["value"] != 138.0 || o["unit"] != "位" || o["quote"] != "排名第138位" {
		t.Errorf("last object = %v", o)
	}

	// Decoding into Record gives back exactly the records.
	var back []data.Record
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || !slices.Equal(back, recs) {
		t.Errorf("records do not round-trip through JSON: %v", err)
	}

	buf.Reset()
	if err := data.WriteJSON(&buf, nil); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("no records: wrote %q, %v; want []", buf.String(), err)
	}
}

func TestWriteCSV(t *testing.T) {
	ds := goodDataset(t)
	recs := append(ds.Records(), data.Record{
		Metric: "m", NameZh: "带\"引号\"，逗号", NameEn: "comma, \"quote\"", Year: 2020, Value: 0.1,
		Unit: "亿元", Kind: data.Actual, Source: "s", Quote: "第一行\n第二行",
	})
	var buf bytes.Buffer
	if err := data.WriteCSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if !slices.Equal(rows[0], exportKeys) || !slices.Equal(data.Header, exportKeys) {
		t.Errorf("header = %q, want %q", rows[0], exportKeys)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("%d rows for %d records", len(rows), len(recs))
	}
	for i, r := range recs {
		want := []string{r.Metric, r.NameZh, r.NameEn, r.Zone, strconv.Itoa(r.Year), r.Period,
			strconv.FormatFloat(r.Value, 'f', -1, 64), r.Unit, string(r.Kind), r.Comparator, r.Source, r.Quote,
			r.Qualifier, r.PeriodType, r.AsOf, r.Since, r.PeriodZh, r.PeriodEn}
		if !slices.Equal(rows[i+1], want) {
			t.Errorf("row %d = %q\nwant %q", i+1, rows[i+1], want)
		}
	}
	// Spot checks that do not go through the code above.
	if got := rows[1]; got[1] != "科技进步贡献率" || got[6] != "55.6" || got[7] != "%" {
		t.Errorf("first row = %q", got)
	}
	if got := rows[len(rows)-1]; got[11] != "第一行\n第二行" || got[1] != "带\"引号\"，逗号" {
		t.Errorf("quoted row = %q", got)
	}
	for _, row := range rows {
		for _, cell := range row {
			if strings.ContainsRune(cell, '\uFFFD') {
				t.Errorf("cell %q lost its UTF-8", cell)
			}
		}
	}
}

// TestWriteCSVFormulas checks that no text cell can start a spreadsheet
// formula, while numbers stay numbers: a negative value is written as it
// is.
func TestWriteCSVFormulas(t *testing.T) {
	ds, err := data.Parse("csv_injection.yaml", readFile(t, "testdata/csv_injection.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := data.WriteCSV(&buf, ds.Records()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	want := [][]string{
		exportKeys,
		{"'-metric", `'=HYPERLINK("http://example.com/","点击")`, "'+SUM(1,2)", "", "2020", "", "-14", "'=件", "actual", "", "'@source", "'-14个=减少",
			"", "year", "", "", "2020年", "2020"},
		{"'-metric", `'=HYPERLINK("http://example.com/","点击")`, "'+SUM(1,2)", "'+zone", "2021", "", "3.5", "'=件", "actual", "", "'@source", "'=1+2",
			"", "year", "", "", "2021年", "2021"},
		{"'-metric", `'=HYPERLINK("http://example.com/","点击")`, "'+SUM(1,2)", "", "2022", "", "12", "'=件", "target", ">=", "'@source", "目标=12",
			"", "year", "", "", "2022年", "2022"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows:\n%q\nwant:\n%q", rows, want)
	}
	// JSON has no formulas: it keeps the text as it is.
	buf.Reset()
	if err := data.WriteJSON(&buf, ds.Records()); err != nil || !strings.Contains(buf.String(), `"metric": "-metric"`) {
		t.Errorf("JSON changed the text: %v\n%s", err, buf.String())
	}
	// A tab or CR cannot be in a dataset's text, but a record made in code
	// may hold one.
	buf.Reset()
	if err := data.WriteCSV(&buf, []data.Record{{Metric: "\tm", NameZh: "\rx", Value: -0.5}}); err != nil {
		t.Fatal(err)
	}
	rows, err = csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "'\tm" || rows[1][1] != "'\rx" || rows[1][6] != "-0.5" {
		t.Errorf("rows %q, error %v", rows, err)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	recs := goodDataset(t).Records()
	if err := data.WriteJSON(failWriter{}, recs); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteJSON to a failing writer: %v", err)
	}
	if err := data.WriteCSV(failWriter{}, recs); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteCSV to a failing writer: %v", err)
	}
}

func TestFiguresFrom(t *testing.T) {
	ds := goodDataset(t)
	refs := ds.FiguresFrom("report-2020")
	var got []string
	for _, r := range refs {
		if r.Figure.Source != "report-2020" {
			t.Errorf("figure from %s listed under report-2020", r.Figure.Source)
		}
		got = append(got, r.Metric.ID+"/"+strconv.Itoa(r.Figure.Year))
	}
	want := []string{"contribution-rate/2018", "contribution-rate/2019", "contribution-rate/2020", "patents/2019", "zone-gdp/2020"}
	if !slices.Equal(got, want) {
		t.Errorf("FiguresFrom(report-2020) = %v, want %v", got, want)
	}
	if refs := ds.FiguresFrom("nope"); len(refs) != 0 {
		t.Errorf("FiguresFrom(nope) = %v", refs)
	}
}
