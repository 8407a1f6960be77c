package data_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"lzdash/data"
)

// compiledSchema compiles data.JSONSchema with a full validator.
func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("lzdash.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("lzdash.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateYAML reads src as YAML, as an editor's language server does,
// and validates it against s. A file that is not one YAML document of
// JSON values (an alias, a duplicate key, NaN) fails too.
func validateYAML(s *jsonschema.Schema, src []byte) error {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return err
	}
	j, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

func TestSchemaValidatesGoodDatasets(t *testing.T) {
	s := compiledSchema(t)
	files := map[string][]byte{
		"../indicators.yaml":          readFile(t, "../indicators.yaml"),
		"testdata/good.yaml":          readFile(t, "testdata/good.yaml"),
		"testdata/csv_injection.yaml": readFile(t, "testdata/csv_injection.yaml"),
		"template (lzdash init)":      []byte(data.Template()),
		"good.yaml, one-string note":  goodWith(t, "  - id: report-2020\n", "  - id: report-2020\n    note: one string\n"),
	}
	for name, src := range files {
		if _, err := data.Parse(name, src); err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		if err := validateYAML(s, src); err != nil {
			t.Errorf("%s fails the schema:\n%v", name, err)
		}
	}
}

// schemaCatches lists the bad fixtures the schema rejects: the others
// need what a schema cannot say (references, cycles, characters, what
// a quote states), and lzdash validate alone rejects them.
var schemaCatches = []string{
	"alias_bomb.yaml", "bad_comparator.yaml", "conflict_unknown_figure.yaml", "duplicate_key.yaml",
	"empty.yaml", "empty_name_en.yaml", "empty_name_zh.yaml", "missing_schema.yaml",
	"missing_year.yaml", "several_problems.yaml", "top_level_list.yaml", "truncated_mapping.yaml",
	"truncated_quote.yaml", "whitespace.yaml",
	"unknown_figure_field.yaml", "unknown_key_escape.yaml", "unknown_qualifier.yaml",
	"unknown_top_field.yaml", "value_inf.yaml", "value_nan.yaml", "value_null.yaml",
	"value_string.yaml", "wrong_schema.yaml", "year_1900.yaml", "year_2101.yaml",
}

func TestSchemaRejectsBadFixtures(t *testing.T) {
	s := compiledSchema(t)
	paths, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatal("no bad fixtures", err)
	}
	for _, p := range paths {
		name := filepath.Base(p)
		src := readFile(t, p)
		if _, err := data.Parse(name, src); err == nil {
			t.Errorf("%s parses", name)
		}
		err := validateYAML(s, src)
		if want := slices.Contains(schemaCatches, name); want != (err != nil) {
			t.Errorf("%s: schema error %v, want an error: %v", name, err, want)
		}
	}
}

func TestSchemaFileIsCurrent(t *testing.T) {
	committed := readFile(t, "../schema/lzdash.schema.json")
	if !bytes.Equal(committed, data.JSONSchema()) {
		t.Fatal("schema/lzdash.schema.json differs from lzdash schema: run go run . schema > schema/lzdash.schema.json")
	}
	first, _, _ := strings.Cut(string(readFile(t, "../indicators.yaml")), "\n")
	if first != "# yaml-language-server: $schema=schema/lzdash.schema.json" {
		t.Fatalf("indicators.yaml starts with %q, not the schema modeline", first)
	}
}

func TestSchemaRejectsWhatOneFieldShows(t *testing.T) {
	s := compiledSchema(t)
	cases := map[string][]byte{
		"unknown kind":          goodWith(t, "        value: 57.1\n        kind: actual\n", "        value: 57.1\n        kind: reported\n"),
		"note with a third key": goodWith(t, "  - id: report-2020\n", "  - id: report-2020\n    note: {zh: 甲, en: a, fr: b}\n"),
		"year as a string":      goodWith(t, "      - id: rate-2019\n        year: 2019\n", "      - id: rate-2019\n        year: \"2019\"\n"),
		"blank quote":           goodWith(t, "        quote: 贡献率达到57.1%\n", "        quote: \" \"\n"),
		"id with a space":       goodWith(t, "  - id: patents\n", "  - id: pat ents\n"),
	}
	for name, src := range cases {
		if _, err := data.Parse(name, src); err == nil {
			t.Errorf("%s: lzdash accepts it", name)
		}
		if err := validateYAML(s, src); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
