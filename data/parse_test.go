package data_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lzdash/data"
)

// topFields is the list of a dataset's top-level fields that an unknown
// field's message gives.
const topFields = "schema, title, region, sources, categories, zones, metrics, conflicts"

// figureFields is the list of a figure's fields that an unknown field's
// message gives.
const figureFields = "id, zone, year, period, as_of, since, value, unit, qualifier, kind, comparator, out_of, source, quote, formula, inputs, note"

// badFiles maps each file in testdata/bad to the exact lines Parse must
// report for it, in order.
var badFiles = map[string][]string{
	"empty.yaml": {
		"empty.yaml:1:1: file is empty: expected a YAML mapping with schema, sources, zones and metrics",
	},
	"whitespace.yaml": {
		"whitespace.yaml:1:1: file is empty: expected a YAML mapping with schema, sources, zones and metrics",
	},
	"truncated_mapping.yaml": {
		"truncated_mapping.yaml:12:1: invalid YAML: did not find expected ',' or '}'",
	},
	"truncated_quote.yaml": {
		"truncated_quote.yaml:5:1: invalid YAML: found unexpected end of stream",
	},
	"alias_bomb.yaml": {
		`alias_bomb.yaml:4:1: a: unknown field "a" here; known fields: ` + topFields,
		`alias_bomb.yaml:5:1: b: unknown field "b" here; known fields: ` + topFields,
		`alias_bomb.yaml:6:1: c: unknown field "c" here; known fields: ` + topFields,
		`alias_bomb.yaml:7:1: d: unknown field "d" here; known fields: ` + topFields,
		`alias_bomb.yaml:8:1: e: unknown field "e" here; known fields: ` + topFields,
		`alias_bomb.yaml:9:1: f: unknown field "f" here; known fields: ` + topFields,
		`alias_bomb.yaml:10:1: g: unknown field "g" here; known fields: ` + topFields,
		`alias_bomb.yaml:11:1: h: unknown field "h" here; known fields: ` + topFields,
		`alias_bomb.yaml:12:1: i: unknown field "i" here; known fields: ` + topFields,
		"alias_bomb.yaml:13:11: metrics[0]: YAML anchors and aliases are not supported; write the value out",
	},
	"alias.yaml": {
		"alias.yaml:5:25: sources[0].publisher: YAML anchors and aliases are not supported; write the value out",
		"alias.yaml:16:67: metrics[0].figures[0].quote: YAML anchors and aliases are not supported; write the value out",
	},
	"merge_key.yaml": {
		"merge_key.yaml:12:5: metrics[0]: YAML merge keys (<<) are not supported; write the keys out",
	},
	"two_documents.yaml": {
		"two_documents.yaml:17:1: file holds more than one YAML document; put everything in one",
	},
	"second_document_invalid.yaml": {
		"second_document_invalid.yaml:18:1: invalid YAML: did not find expected ',' or ']'",
	},
	"top_level_list.yaml": {
		"top_level_list.yaml:1:1: expected a mapping of keys to values, found a list",
	},
	"unknown_top_field.yaml": {
		`unknown_top_field.yaml:17:1: metric: unknown field "metric" here; known fields: ` + topFields,
	},
	"unknown_figure_field.yaml": {
		"unknown_figure_field.yaml:16:9: metrics[0].figures[0].value: missing; every figure needs a value",
		`unknown_figure_field.yaml:16:22: metrics[0].figures[0].vaule: unknown field "vaule" here; known fields: ` + figureFields,
	},
	"unknown_key_escape.yaml": {
		`unknown_key_escape.yaml:3:1: "\x1b[31mred\nline": unknown field "\x1b[31mred\nline" here; known fields: ` + topFields,
	},
	"duplicate_key.yaml": {
		`duplicate_key.yaml:15:5: metrics[0].unit: field "unit" is given twice`,
	},
	"duplicate_metric_id.yaml": {
		`duplicate_metric_id.yaml:17:9: metrics[1].id: duplicate metric id "m1"`,
	},
	"duplicate_source_id.yaml": {
		`duplicate_source_id.yaml:6:10: sources[1].id: duplicate source id "s1"`,
	},
	"duplicate_zone_id.yaml": {
		`duplicate_zone_id.yaml:10:10: zones[1].id: duplicate zone id "z1"`,
	},
	"unknown_source.yaml": {
		`unknown_source.yaml:16:56: metrics[0].figures[0].source: unknown source "s2"`,
	},
	"unknown_zone.yaml": {
		`unknown_zone.yaml:16:16: metrics[0].figures[0].zone: unknown zone "z9"`,
	},
	"unknown_category.yaml": {
		`unknown_category.yaml:13:15: metrics[0].category: unknown category "c2"`,
	},
	"unknown_member.yaml": {
		`unknown_member.yaml:10:60: zones[1].members[1]: unknown zone "z2"`,
	},
	"year_1900.yaml": {
		"year_1900.yaml:16:16: metrics[0].figures[0].year: year 1900 is outside 1949..2100",
	},
	"year_2101.yaml": {
		"year_2101.yaml:16:16: metrics[0].figures[0].year: year 2101 is outside 1949..2100",
	},
	"missing_year.yaml": {
		"missing_year.yaml:16:9: metrics[0].figures[0].year: missing; every figure needs a year",
	},
	"value_nan.yaml": {
		"value_nan.yaml:16:29: metrics[0].figures[0].value: .nan is not a finite number",
	},
	"value_inf.yaml": {
		"value_inf.yaml:16:29: metrics[0].figures[0].value: -.inf is not a finite number",
	},
	"value_string.yaml": {
		`value_string.yaml:16:29: metrics[0].figures[0].value: expected a number, found "abc"`,
	},
	"value_null.yaml": {
		"value_null.yaml:16:29: metrics[0].figures[0].value: no value given; expected a number",
	},
	"target_without_comparator.yaml": {
		`target_without_comparator.yaml:17:9: metrics[0].figures[1].comparator: a target needs a comparator: ">=" for 以上, ">" for 超过`,
	},
	"comparator_on_actual.yaml": {
		"comparator_on_actual.yaml:16:60: metrics[0].figures[0].comparator: only targets carry a comparator; this figure is actual",
	},
	"bad_comparator.yaml": {
		`bad_comparator.yaml:17:60: metrics[0].figures[1].comparator: unknown comparator "=>"; write >=, >, <= or <`,
	},
	"derived_without_formula.yaml": {
		"derived_without_formula.yaml:17:9: metrics[0].figures[1].formula: a derived figure needs the formula it was derived by",
	},
	"empty_name_zh.yaml": {
		"empty_name_zh.yaml:12:16: metrics[0].name.zh: must not be empty",
	},
	"empty_name_en.yaml": {
		"empty_name_en.yaml:12:27: metrics[0].name.en: must not be empty",
	},
	"escape_control.yaml": {
		"escape_control.yaml:12:16: metrics[0].name.zh: control character U+001B is not allowed in text",
	},
	"bidi_override.yaml": {
		"bidi_override.yaml:5:38: sources[0].title: invisible character U+202E RIGHT-TO-LEFT OVERRIDE is not allowed in text",
	},
	// Invisible characters, escaped or raw, and combining marks with
	// nothing to combine with, in any string, ids included.
	"zero_width_space_id.yaml": {
		"zero_width_space_id.yaml:11:9: metrics[0].id: invisible character U+200B ZERO WIDTH SPACE is not allowed in text",
	},
	"soft_hyphen.yaml": {
		"soft_hyphen.yaml:16:69: invisible character U+00AD SOFT HYPHEN is not allowed",
	},
	"variation_selector.yaml": {
		"variation_selector.yaml:12:27: metrics[0].name.en: invisible character U+FE0F VARIATION SELECTOR-16 is not allowed in text",
	},
	"tag_character.yaml": {
		"tag_character.yaml:9:33: zones[0].name.en: invisible character U+E0041 TAG LATIN CAPITAL LETTER A is not allowed in text",
	},
	"hangul_filler.yaml": {
		"hangul_filler.yaml:5:25: sources[0].publisher: invisible character U+3164 HANGUL FILLER is not allowed in text",
	},
	"line_separator.yaml": {
		"line_separator.yaml:2:21: title.en: invisible character U+2028 LINE SEPARATOR is not allowed in text",
	},
	"arabic_number_sign.yaml": {
		"arabic_number_sign.yaml:14:11: metrics[0].unit: invisible character U+0600 ARABIC NUMBER SIGN is not allowed in text",
	},
	"combining_mark_start.yaml": {
		"combining_mark_start.yaml:12:16: metrics[0].name.zh: combining mark U+0301 at the start of the text is not allowed: it has nothing to combine with",
	},
	"combining_mark_after_space.yaml": {
		"combining_mark_after_space.yaml:12:27: metrics[0].name.en: combining mark U+0301 after a space is not allowed: it has nothing to combine with",
	},
	"bad_date.yaml": {
		`bad_date.yaml:5:50: sources[0].date: "2020-02-30" is not a date; write YYYY-MM-DD`,
	},
	"inferred_date_without_note.yaml": {
		"inferred_date_without_note.yaml:5:5: sources[0].note: an inferred date needs a note saying how it was inferred",
	},
	"unit_not_convertible.yaml": {
		`unit_not_convertible.yaml:16:40: metrics[0].figures[0].unit: unit "万平米" cannot be converted to the metric's unit "件"`,
	},
	"out_of_smaller_than_value.yaml": {
		"out_of_smaller_than_value.yaml:16:42: metrics[0].figures[0].out_of: a ranking of 180 out of 169 is impossible",
	},
	"missing_schema.yaml": {
		"missing_schema.yaml:1:1: schema: missing; write schema: 1",
	},
	"wrong_schema.yaml": {
		"wrong_schema.yaml:1:9: schema: version 2 is not supported; this lzdash reads schema 1",
	},
	"period_contradicts_year.yaml": {
		"period_contradicts_year.yaml:16:30: metrics[0].figures[0].period: period 2021H1 is in 2021, but the figure's year is 2020",
		"period_contradicts_year.yaml:17:30: metrics[0].figures[1].period: span 2017-2021 ends in 2021, but the figure's year is 2019",
	},
	"as_of_contradicts_year.yaml": {
		"as_of_contradicts_year.yaml:16:29: metrics[0].figures[0].as_of: as_of 2020-05 is in 2020, but the figure's year is 2019",
	},
	"free_text_period.yaml": {
		`free_text_period.yaml:16:30: metrics[0].figures[0].period: unknown period "截至2019年10月底"; write 2021H1, 2021Q3, 2020-10, 2020-01..2020-10, 2017-2021 or unstated; a stock takes as_of, a running total since, and any other words go in the note`,
	},
	"period_with_as_of.yaml": {
		`period_with_as_of.yaml:16:47: metrics[0].figures[0].as_of: a figure with period "unstated" cannot also have as_of: a stock takes as_of alone, a running total since and as_of`,
	},
	"since_after_as_of.yaml": {
		"since_after_as_of.yaml:16:29: metrics[0].figures[0].since: since 2019-11 is after the end of the total (2019-10)",
		`since_after_as_of.yaml:17:29: metrics[0].figures[1].since: "2016年" is not a start; write a year (2016), a month (2016-05), a day or start`,
	},
	"partial_without_part_year.yaml": {
		"partial_without_part_year.yaml:16:40: metrics[0].figures[0].kind: a partial figure needs a part-year period, such as period: 2019H1 or 2019-01..2019-10",
		"partial_without_part_year.yaml:17:55: metrics[0].figures[1].kind: a reported figure for part of a year is kind partial, not actual",
	},
	"bad_as_of_date.yaml": {
		`bad_as_of_date.yaml:16:29: metrics[0].figures[0].as_of: "2019-13" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`,
		"bad_as_of_date.yaml:17:30: metrics[0].figures[1].period: period 2019-03..2019-01 must run from an earlier month to a later one",
	},
	"unknown_qualifier.yaml": {
		`unknown_qualifier.yaml:16:44: metrics[0].figures[0].qualifier: unknown qualifier "approx"; write about (约, 左右), nearly (近), more-than (多, 余, 超过) or at-least (以上)`,
	},
	"qualifier_without_marker.yaml": {
		"qualifier_without_marker.yaml:16:44: metrics[0].figures[0].qualifier: qualifier nearly needs one of these words in the quote: 近",
		"qualifier_without_marker.yaml:17:44: metrics[0].figures[1].qualifier: qualifier more-than needs one of these words in the quote: 超过, 超過, 多, 余, 餘",
	},
	"qualifier_on_target.yaml": {
		"qualifier_on_target.yaml:16:44: metrics[0].figures[0].qualifier: a target's 以上 or 超过 is its comparator, not a qualifier",
	},
	"derived_without_inputs.yaml": {
		"derived_without_inputs.yaml:17:9: metrics[0].figures[1].inputs: a derived figure needs inputs: the ids of the figures it is computed from",
		"derived_without_inputs.yaml:18:74: metrics[0].figures[2].inputs: a derived figure needs at least one input",
	},
	"derived_unknown_input.yaml": {
		`derived_unknown_input.yaml:17:90: metrics[0].figures[1].inputs[1]: unknown figure "f9": no figure has this id`,
		`derived_unknown_input.yaml:18:14: metrics[0].figures[2].id: duplicate figure id "f2"`,
		"derived_unknown_input.yaml:20:55: metrics[0].figures[4].inputs: only a derived figure names inputs; this figure is actual",
		"derived_unknown_input.yaml:21:77: metrics[0].figures[5].inputs[0]: a figure cannot be its own input",
		`derived_unknown_input.yaml:23:69: metrics[0].figures[7].inputs[0]: figure "t1" is a target; a derived figure is computed from reported figures`,
	},
	"derived_input_cycle.yaml": {
		"derived_input_cycle.yaml:18:80: metrics[0].figures[2].inputs[0]: inputs form a cycle: a -> b -> c -> a",
	},
	"related_unknown_metric.yaml": {
		`related_unknown_metric.yaml:15:15: metrics[0].related[0]: unknown metric "m9"`,
		"related_unknown_metric.yaml:15:19: metrics[0].related[1]: a metric is not related to itself",
	},
	"conflict_unknown_figure.yaml": {
		`conflict_unknown_figure.yaml:9:28: conflicts[0].figures[1]: unknown figure "f9": no figure has this id`,
		"conflict_unknown_figure.yaml:10:23: conflicts[1].figures: a conflict names at least two figures, by id",
		"conflict_unknown_figure.yaml:10:35: conflicts[1].note: write the note as {zh: ..., en: ...}: a conflict is explained in both languages",
		`conflict_unknown_figure.yaml:11:10: conflicts[2].id: duplicate conflict id "k2"`,
		`conflict_unknown_figure.yaml:11:28: conflicts[2].figures[1]: figure "f1" is named twice (figures[0])`,
		"conflict_unknown_figure.yaml:11:52: conflicts[2].note.en: must not be empty",
		"conflict_unknown_figure.yaml:12:5: conflicts[3].note: a conflict needs a note saying what the tension is, in Chinese and English",
	},
	"derived_input_twice.yaml": {
		`derived_input_twice.yaml:17:80: metrics[0].figures[1].inputs[1]: input "f1" is named twice`,
	},
	// Problems found while decoding (an unknown field, a value that is not
	// a finite number) and while validating are all reported, in file order.
	"several_problems.yaml": {
		"several_problems.yaml:3:23: region.en: must not be empty",
		`several_problems.yaml:5:50: sources[0].date: "2020-13-01" is not a date; write YYYY-MM-DD`,
		`several_problems.yaml:13:15: metrics[0].category: unknown category "c9"`,
		"several_problems.yaml:16:16: metrics[0].figures[0].year: year 1900 is outside 1949..2100",
		"several_problems.yaml:17:9: metrics[0].figures[1].value: missing; every figure needs a value",
		`several_problems.yaml:17:22: metrics[0].figures[1].vaule: unknown field "vaule" here; known fields: ` + figureFields,
		`several_problems.yaml:18:9: metrics[0].figures[2].comparator: a target needs a comparator: ">=" for 以上, ">" for 超过`,
		`several_problems.yaml:18:56: metrics[0].figures[2].source: unknown source "s2"`,
		`several_problems.yaml:19:16: metrics[0].figures[3].zone: unknown zone "z2"`,
		"several_problems.yaml:19:39: metrics[0].figures[3].value: .nan is not a finite number",
	},
}

// lineRE is the shape of every line Parse reports.
var lineRE = regexp.MustCompile(`^[^:]+:\d+:\d+: `)

// problemLines asserts that err is a data.Problems whose every line has
// the FILE:LINE:COL shape, and returns the lines.
func problemLines(t testing.TB, err error) []string {
	t.Helper()
	var ps data.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v (%T) is not a data.Problems", err, err)
	}
	if len(ps) == 0 {
		t.Fatal("data.Problems is empty")
	}
	lines := strings.Split(ps.Error(), "\n")
	if len(lines) != len(ps) {
		t.Errorf("%d problems print as %d lines:\n%s", len(ps), len(lines), ps.Error())
	}
	for _, l := range lines {
		if !lineRE.MatchString(l) {
			t.Errorf("line %q does not start with FILE:LINE:COL: ", l)
		}
	}
	return lines
}

// parseBad parses src, which must fail, and returns the reported lines.
func parseBad(t testing.TB, name string, src []byte) []string {
	t.Helper()
	ds, err := data.Parse(name, src)
	if err == nil {
		t.Fatalf("Parse(%s) succeeded; want problems", name)
	}
	if ds != nil {
		t.Errorf("Parse(%s) returned both a dataset and an error", name)
	}
	return problemLines(t, err)
}

func TestParseBadFiles(t *testing.T) {
	paths, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 24 {
		t.Fatalf("found %d files in testdata/bad; want at least 24", len(paths))
	}
	seen := map[string]bool{}
	for _, path := range paths {
		name := filepath.Base(path)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			want, ok := badFiles[name]
			if !ok {
				t.Fatalf("no expected problems listed for %s", path)
			}
			got := parseBad(t, name, readFile(t, path))
			if !slices.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
	for name := range badFiles {
		if !seen[name] {
			t.Errorf("expected problems listed for %s, which is not in testdata/bad", name)
		}
	}
}

func TestParseGood(t *testing.T) {
	src := readFile(t, "testdata/good.yaml")
	for name, src := range map[string][]byte{
		"good.yaml":      src,
		"good-bom.yaml":  append([]byte("\uFEFF"), src...),
		"good-crlf.yaml": []byte(strings.ReplaceAll(string(src), "\n", "\r\n")),
	} {
		t.Run(name, func(t *testing.T) {
			ds, err := data.Parse(name, src)
			if err != nil {
				t.Fatal(err)
			}
			if ds.File != name {
				t.Errorf("File = %q, want %q", ds.File, name)
			}
			if got, want := ds.Stats(), (data.Stats{Metrics: 4, Figures: 12, Sources: 2, Zones: 3}); got != want {
				t.Errorf("Stats = %+v, want %+v", got, want)
			}
			m := ds.Metric("patents")
			if m == nil || m.Unit != "件" || len(m.Figures) != 2 || m.Figures[1].Unit != "万件" || m.Figures[1].Value != 1.07 {
				t.Fatalf("patents decoded as %+v", m)
			}
			if z := ds.Zone("all-zones"); z == nil || !z.IsAggregate() || ds.Zone("east").IsAggregate() {
				t.Error("all-zones should be the only aggregate zone")
			}
			if s := ds.Source("report-2021"); s == nil || !s.DateInferred || s.Note.Empty() || s.Note.Zh != s.Note.En {
				t.Errorf("report-2021 decoded as %+v", s)
			}
			if ds.Metric("nope") != nil || ds.Source("nope") != nil || ds.Zone("nope") != nil {
				t.Error("lookups of unknown ids should return nil")
			}
			if !ds.Metric("zone-rank").LowerIsBetter() || ds.Metric("patents").LowerIsBetter() {
				t.Error("only zone-rank is lower-is-better")
			}
		})
	}
}

// TestParseBadBytes covers inputs that are better built here than kept
// as files: binary data, raw control characters and invalid UTF-8.
func TestParseBadBytes(t *testing.T) {
	const title = "示例市科技工作会议召开" // line 8 of good.yaml, from column 12
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"png.yaml", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "png.yaml:1:1: invalid UTF-8 byte 0x89: the file must be UTF-8 text"},
		{"nul.yaml", []byte("schema: 1\x00\x00\x01"), "nul.yaml:1:10: control character U+0000 is not allowed"},
		{"latin1.yaml", goodWith(t, title, "示例\xe9"), "latin1.yaml:8:14: invalid UTF-8 byte 0xe9: the file must be UTF-8 text"},
		{"esc.yaml", goodWith(t, title, "示例市\x1b[31m科技"), "esc.yaml:8:15: control character U+001B is not allowed"},
		{"del.yaml", goodWith(t, title, "示例市\x7f"), "del.yaml:8:15: control character U+007F is not allowed"},
		{"c1.yaml", goodWith(t, title, "示例市\u009b31m"), "c1.yaml:8:15: control character U+009B is not allowed"},
		{"rlo.yaml", goodWith(t, title, "示例市\u202e科技"), "rlo.yaml:8:15: invisible character U+202E RIGHT-TO-LEFT OVERRIDE is not allowed"},
		{"alm.yaml", goodWith(t, title, "示例市\u061c科技"), "alm.yaml:8:15: invisible character U+061C ARABIC LETTER MARK is not allowed"},
		{"zwsp.yaml", goodWith(t, title, "示例市\u200b科技"), "zwsp.yaml:8:15: invisible character U+200B ZERO WIDTH SPACE is not allowed"},
		{"zwnbsp.yaml", goodWith(t, title, "示例市\ufeff科技"), "zwnbsp.yaml:8:15: invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE is not allowed"},
		{"wj.yaml", goodWith(t, title, "示例市\u2060科技"), "wj.yaml:8:15: invisible character U+2060 WORD JOINER is not allowed"},
		{"escaped-alm.yaml", goodWith(t, title, `"示例市\u061C科技"`), "escaped-alm.yaml:8:12: sources[0].title: invisible character U+061C ARABIC LETTER MARK is not allowed in text"},
		{"escaped-nel.yaml", goodWith(t, title, `"示例市\N科技"`), "escaped-nel.yaml:8:12: sources[0].title: control character U+0085 is not allowed in text"},
		{"escaped-key.yaml", goodWith(t, "    title: "+title, "    \"ti\\u202Etle\": x"),
			"escaped-key.yaml:6:5: sources[0].title: must not be empty\n" +
				`escaped-key.yaml:8:5: sources[0]."ti\u202etle": unknown field "ti\u202etle" here; known fields: id, publisher, title, title_en, date, date_inferred, url, file, note`},
		{"empty-key.yaml", goodWith(t, "    title: "+title, `    "": x`),
			"empty-key.yaml:6:5: sources[0].title: must not be empty\n" +
				`empty-key.yaml:8:5: sources[0]."": unknown field "" here; known fields: id, publisher, title, title_en, date, date_inferred, url, file, note`},
		{"huge.yaml", make([]byte, data.MaxFileSize+1), "huge.yaml:1:1: 64.000001 MiB is more than the 64 MiB limit"},
		{"huger.yaml", make([]byte, 70<<20), "huger.yaml:1:1: 70.0 MiB is more than the 64 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(parseBad(t, tt.name, tt.src), "\n")
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestParseParserErrorLines checks that YAML syntax errors point at the
// line of the construct that is broken.
func TestParseParserErrorLines(t *testing.T) {
	tests := []struct{ src, want string }{
		{"schema: 1\ntitle: [a, b\nregion: x\n", "t.yaml:2:1: invalid YAML: did not find expected ',' or ']'"},
		{"schema: 1\nsources:\n  - x\n  y: z\n", "t.yaml:3:1: invalid YAML: did not find expected '-' indicator"},
		{"schema: 1\ntitle:\n  zh: a\n en: b\n", "t.yaml:4:1: invalid YAML: did not find expected key"},
		{"schema: 1\n!foo!bar x: 1\n", "t.yaml:2:1: invalid YAML: found undefined tag handle"},
		{"schema: 1\ntitle: \"a\n", "t.yaml:2:1: invalid YAML: found unexpected end of stream"},
		{"schema: 1\ntitle: a: b\n", "t.yaml:2:1: invalid YAML: mapping values are not allowed in this context"},
		{"schema: 1\ntitle: \"\\q\"\n", "t.yaml:2:1: invalid YAML: found unknown escape character"},
		{"schema: 1\ntitle: @x\n", "t.yaml:2:1: invalid YAML: found character that cannot start any token"},
		{"# only a comment\n", "t.yaml:1:1: invalid YAML: file holds no YAML document"},
	}
	for _, tt := range tests {
		got := parseBad(t, "t.yaml", []byte(tt.src))
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("Parse(%q):\ngot:  %s\nwant: %s", tt.src, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestParseDeepNesting feeds nesting far beyond any dataset's: it must be
// reported as a problem, without a panic or a stack overflow, and with
// work that does not grow out of proportion to the input.
func TestParseDeepNesting(t *testing.T) {
	const depth = 100000
	tests := []struct{ name, src, want string }{
		{"flow lists", strings.Repeat("[", depth), "deep.yaml:1:1: invalid YAML: exceeded max depth of 10000"},
		{"closed lists", strings.Repeat("[", depth) + strings.Repeat("]", depth), "deep.yaml:1:1: invalid YAML: exceeded max depth of 10000"},
		{"flow mappings", strings.Repeat("{a: ", depth), "deep.yaml:1:1: invalid YAML: exceeded max depth of 10000"},
		{"nested field", "schema: 1\nmetrics: " + strings.Repeat("[", depth), "deep.yaml:2:1: invalid YAML: exceeded max depth of 10000"},
		{"block lists", strings.Repeat("- ", depth) + "x\n", "deep.yaml:1:1: invalid YAML: exceeded max depth of 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			src := []byte(tt.src)
			allocs := testing.AllocsPerRun(1, func() { got = parseBad(t, "deep.yaml", src) })
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
			if allocs > depth {
				t.Errorf("Parse made %.0f allocations for %d bytes", allocs, len(src))
			}
		})
	}
}

// TestParseAliasBombNotExpanded checks that aliases are rejected without
// being expanded: expanding alias_bomb.yaml would build 9^9 nodes.
func TestParseAliasBombNotExpanded(t *testing.T) {
	src := readFile(t, "testdata/bad/alias_bomb.yaml")
	allocs := testing.AllocsPerRun(1, func() { parseBad(t, "alias_bomb.yaml", src) })
	if allocs > 5000 {
		t.Errorf("Parse made %.0f allocations for a %d-byte file", allocs, len(src))
	}
}

// manyProblems returns a dataset with n figures whose year is out of
// range, one figure a line from line 12.
func manyProblems(n int) []byte {
	var b strings.Builder
	b.WriteString(`schema: 1
title: {zh: 示例, en: Example}
region: {zh: 示例市, en: Example City}
sources: [{id: s1, publisher: 示例日报, title: 示例报道, date: "2020-03-01"}]
categories: [{id: c1, name: {zh: 创新, en: Innovation}}]
metrics:
  - id: m1
    name: {zh: 专利申请量, en: Patent applications}
    category: c1
    unit: 件
    figures:
`)
	for i := range n {
		fmt.Fprintf(&b, "      - {year: 1900, value: %d, kind: actual, source: s1, quote: q}\n", i)
	}
	return []byte(b.String())
}

func TestParseCapsProblems(t *testing.T) {
	unknownKeys := "schema: 1\n" + strings.Repeat("x: 1\n", 5000)
	for name, src := range map[string][]byte{
		"validation": manyProblems(5000),
		"decoding":   []byte(unknownKeys),
	} {
		t.Run(name, func(t *testing.T) {
			got := parseBad(t, "many.yaml", src)
			if len(got) != 201 {
				t.Fatalf("got %d lines; want 200 problems and a last line saying the list stops", len(got))
			}
			if !strings.Contains(got[0], "many.yaml:") || !strings.HasSuffix(got[200], ": too many problems; stopped after 200") {
				t.Errorf("first line %q, last line %q", got[0], got[200])
			}
		})
	}
	// Just under the cap, every problem is listed and nothing is said
	// about stopping.
	got := parseBad(t, "some.yaml", manyProblems(199))
	if len(got) != 199 {
		t.Fatalf("got %d lines; want 199", len(got))
	}
	for i, l := range got {
		want := fmt.Sprintf("some.yaml:%d:16: metrics[0].figures[%d].year: year 1900 is outside 1949..2100", 12+i, i)
		if l != want {
			t.Fatalf("line %d = %q, want %q", i, l, want)
		}
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    data.Problem
		want string
	}{
		{data.Problem{File: "a.yaml", Pos: data.Pos{Line: 3, Col: 7}, Field: "metrics[0].id", Msg: "bad"}, "a.yaml:3:7: metrics[0].id: bad"},
		{data.Problem{File: "a.yaml", Pos: data.Pos{Line: 1, Col: 1}, Msg: "empty"}, "a.yaml:1:1: empty"},
		{data.Problem{Pos: data.Pos{Line: 2, Col: 4}, Msg: "x"}, "<input>:2:4: x"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	ps := data.Problems{tests[0].p, tests[1].p}
	if got, want := ps.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Problems.Error() = %q, want %q", got, want)
	}
}

func TestTextIn(t *testing.T) {
	both := data.Text{Zh: "专利", En: "Patents"}
	tests := []struct {
		t    data.Text
		lang string
		want string
	}{
		{both, "en", "Patents"},
		{both, "zh", "专利"},
		{both, "", "专利"},
		{data.Text{Zh: "专利"}, "en", "专利"},
		{data.Text{En: "Patents"}, "zh", "Patents"},
	}
	for _, tt := range tests {
		if got := tt.t.In(tt.lang); got != tt.want {
			t.Errorf("%+v.In(%q) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
	}
}
