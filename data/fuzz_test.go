package data_test

import (
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"lzdash/data"
)

// FuzzParse checks the invariants of Parse on any input: it never panics,
// it returns a dataset or a data.Problems (never both, never neither), every
// problem prints as one FILE:LINE:COL line, and a dataset it accepts holds
// only printable text and finite numbers and can be shown and exported.
func FuzzParse(f *testing.F) {
	f.Add(readFile(f, "testdata/good.yaml"))
	bad, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range bad {
		f.Add(readFile(f, path))
	}
	for _, s := range []string{
		"", "\uFEFF", "---", "...", "- a", "[", "{", "}", ":", "? [a]\n: b\n",
		"schema: 1", "schema: !!binary MQ==", "schema: 0x1", "schema: 1.0", "schema: ~",
		"%YAML 1.2\n---\nschema: 1\n", "schema: 1\n---\n", "schema: 1\n...\n---\n",
		"a: &a b\nc: *a\n", "<<: {schema: 1}\n", "!!map {schema: 1}\n", "schema: !foo 1\n",
		"title: \"\\e[31m\"\n", "title: \"\\u202E\"\n", "title: \"\\N\\L\\P\\_\"\n",
		"title: {zh: \"\\x85\", en: \"\\uFEFF\"}\n", "\"\\e\": 1\n",
		"title: |\n  a\n  b\n", "title: >-\n  a\n\n  b\n",
		"metrics: [{figures: [{value: 1e400}]}]\n", "metrics: [{figures: [{value: -0}]}]\n",
		"metrics: [{figures: [{year: 99999999999999999999}]}]\n",
		"\t", "a:\tb\n", "a: b\r\nc: d\r\n", "\xff\xfe", "\xef\xbb\xbf\xef\xbb\xbf",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ds, err := data.Parse("fuzz.yaml", src)
		if (ds == nil) == (err == nil) {
			t.Fatalf("Parse returned dataset %v and error %v; want exactly one", ds != nil, err)
		}
		if err != nil {
			ps, ok := err.(data.Problems)
			if !ok {
				t.Fatalf("error is a %T, not a data.Problems: %v", err, err)
			}
			lines := strings.Split(ps.Error(), "\n")
			if len(lines) != len(ps) {
				t.Fatalf("%d problems print as %d lines:\n%s", len(ps), len(lines), ps.Error())
			}
			for _, l := range lines {
				if !lineRE.MatchString(l) {
					t.Fatalf("problem line %q does not start with FILE:LINE:COL: ", l)
				}
			}
			return
		}
		checkClean(t, reflect.ValueOf(ds).Elem(), "dataset")
		exercise(t, ds)
	})
}

// checkClean walks the exported fields of v and fails on a string that is
// not valid UTF-8 or holds a control or format character (bidi controls,
// zero-width characters), and on a number that is not finite.
func checkClean(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			checkClean(t, v.Elem(), path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				checkClean(t, v.Field(i), path+"."+f.Name)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			checkClean(t, v.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.String:
		s := v.String()
		if !utf8.ValidString(s) {
			t.Fatalf("%s = %q is not valid UTF-8", path, s)
		}
		for _, r := range s {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("%s = %q holds control character %U", path, s, r)
			}
		}
	case reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			t.Fatalf("%s = %v is not finite", path, f)
		}
	}
}

// exercise runs every derived-figure function on an accepted dataset, so
// that a dataset Parse accepts cannot crash the dashboard or the export.
func exercise(t *testing.T, ds *data.Dataset) {
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for _, z := range m.Zones(ds) {
			s := ds.Series(m, z)
			data.Changes(s, m.Unit)
			data.Latest(s, m.Unit)
			if len(s) > 1 {
				_, _ = data.CAGR(s, s[0].Year, s[len(s)-1].Year)
			}
		}
		for _, y := range ds.ZoneYears(m) {
			ds.CompareZones(m, y)
		}
	}
	for _, v := range ds.Verdicts() {
		if (v.Basis == nil) != (v.Status == data.Unknown && v.Reason.En != "" && v.Basis == nil) {
			t.Fatalf("verdict for %s is %s with basis %v and reason %q", v.Metric.ID, v.Status, v.Basis, v.Reason.En)
		}
	}
	ds.Conflicts()
	recs := ds.Records()
	if len(recs) != ds.Stats().Figures {
		t.Fatalf("%d records for %d figures", len(recs), ds.Stats().Figures)
	}
	if err := data.WriteJSON(io.Discard, recs); err != nil {
		t.Fatal(err)
	}
	if err := data.WriteCSV(io.Discard, recs); err != nil {
		t.Fatal(err)
	}
	for _, name := range data.TableNames {
		tb, err := ds.Table(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := tb.Write(io.Discard, "csv"); err != nil {
			t.Fatal(err)
		}
		if err := tb.Write(io.Discard, "json"); err != nil {
			t.Fatal(err)
		}
	}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for j := range m.Figures {
			f := &m.Figures[j]
			if f.When.Label("zh") == "" || f.When.Label("en") == "" {
				t.Fatalf("figure %s[%d] has no period label", m.ID, j)
			}
			data.Amount(f.Value, f.UnitOr(m.Unit), "en")
			ds.Standing(f)
		}
	}
}
