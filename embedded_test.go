package main

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lzdash/data"
)

// stale is how a failure of the generated dataset says what to do.
const stale = "indicators_gen.go is stale: run go generate"

// TestGeneratedDatasetMatchesYAML checks that the generated form of the
// embedded dataset, which the dashboard starts from, is the dataset
// data.Parse reads from indicators.yaml. Every exported field is compared
// with reflect.DeepEqual. The one unexported field, the lookups (metrics,
// sources and figures by id, figures by source, the standing of each
// derived figure), holds pointers into each dataset's own slices, so it
// cannot be DeepEqual between two datasets; both are built by the same
// function from the exported fields, and the lookups are compared through
// the methods that read them.
func TestGeneratedDatasetMatchesYAML(t *testing.T) {
	parsed, gen := parsedEmbedded(t), generatedDataset()
	pv, gv := reflect.ValueOf(parsed).Elem(), reflect.ValueOf(gen).Elem()
	for i := range pv.NumField() {
		f := pv.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if path, ok := firstDifference(f.Name, pv.Field(i), gv.Field(i)); !ok {
			t.Errorf("%s: %s differs", stale, path)
		}
	}
	for _, name := range data.TableNames {
		pt, err := parsed.Table(name)
		if err != nil {
			t.Fatal(err)
		}
		gt, err := gen.Table(name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(pt, gt) {
			t.Errorf("%s: the %s table differs", stale, name)
		}
	}
	checkLookups(t, parsed, gen)
}

// checkLookups compares what the lookups of the two datasets give.
func checkLookups(t *testing.T, parsed, gen *data.Dataset) {
	t.Helper()
	for i := range gen.Metrics {
		m := &gen.Metrics[i]
		if gen.Metric(m.ID) != m {
			t.Errorf("%s: metric %q is not found by its id", stale, m.ID)
		}
		for j := range m.Figures {
			f, pf := &m.Figures[j], &parsed.Metrics[i].Figures[j]
			if got, want := gen.Standing(f), parsed.Standing(pf); got != want {
				t.Errorf("%s: %s figures[%d] stands as %s, want %s", stale, m.ID, j, got, want)
			}
			if r, ok := gen.FigureByID(f.ID); f.ID != "" && (!ok || r.Figure != f || r.Metric != m) {
				t.Errorf("%s: figure %q is not found by its id", stale, f.ID)
			}
		}
	}
	for i := range gen.Sources {
		s := &gen.Sources[i]
		if gen.Source(s.ID) != s || len(gen.FiguresFrom(s.ID)) != len(parsed.FiguresFrom(s.ID)) {
			t.Errorf("%s: source %q or its figures are not found by its id", stale, s.ID)
		}
	}
	for i := range gen.Zones {
		if z := &gen.Zones[i]; gen.Zone(z.ID) != z {
			t.Errorf("%s: zone %q is not found by its id", stale, z.ID)
		}
	}
}

// firstDifference compares a and b with reflect.DeepEqual and, when they
// differ, returns the path of the first field or element that does,
// such as Metrics[3].Figures[0].Value.
func firstDifference(path string, a, b reflect.Value) (string, bool) {
	if reflect.DeepEqual(a.Interface(), b.Interface()) {
		return "", true
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if f := a.Type().Field(i); f.IsExported() {
				if p, ok := firstDifference(path+"."+f.Name, a.Field(i), b.Field(i)); !ok {
					return p, false
				}
			}
		}
	case reflect.Slice:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s (%d elements, want %d)", path, b.Len(), a.Len()), false
		}
		for i := range a.Len() {
			if p, ok := firstDifference(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); !ok {
				return p, false
			}
		}
	case reflect.Pointer:
		if !a.IsNil() && !b.IsNil() {
			return firstDifference(path, a.Elem(), b.Elem())
		}
	}
	return fmt.Sprintf("%s (%v, want %v)", path, b.Interface(), a.Interface()), false
}

// TestGeneratedDatasetFieldsAreComparable checks what the comparison
// above relies on: the only unexported field in the dataset's types is
// Dataset's lookups. A new unexported field set by Parse would escape
// the comparison and the generator (which refuses one that is set).
func TestGeneratedDatasetFieldsAreComparable(t *testing.T) {
	var unexported []string
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(ty.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			if !f.IsExported() {
				unexported = append(unexported, ty.Name()+"."+f.Name)
				continue
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[data.Dataset]())
	if got := strings.Join(unexported, ", "); got != "Dataset.idx" {
		t.Errorf("unexported fields: %s; want only Dataset.idx, or a comparison that covers the new ones", got)
	}
	if len(seen) < 10 {
		t.Errorf("the walk found %d struct types; it does not reach the figures", len(seen))
	}
}

// TestFirstDifference checks that the comparison finds a change deep in
// the dataset and names where it is.
func TestFirstDifference(t *testing.T) {
	a, b := parsedEmbedded(t), parsedEmbedded(t)
	if p, ok := firstDifference("Metrics", reflect.ValueOf(a.Metrics), reflect.ValueOf(b.Metrics)); !ok {
		t.Fatalf("two parses differ at %s", p)
	}
	b.Metrics[3].Figures[0].When.AsOf.Month++
	p, ok := firstDifference("Metrics", reflect.ValueOf(a.Metrics), reflect.ValueOf(b.Metrics))
	if ok || !strings.HasPrefix(p, "Metrics[3].Figures[0].When.AsOf.Month (") {
		t.Errorf("a changed month: %q, %v", p, ok)
	}
	b = parsedEmbedded(t)
	b.Zones[0].Members = []string{}
	if p, ok := firstDifference("Zones", reflect.ValueOf(a.Zones), reflect.ValueOf(b.Zones)); ok || !strings.HasPrefix(p, "Zones[0].Members") {
		t.Errorf("an empty list for none: %q, %v", p, ok)
	}
}

// TestValidateParsesTheEmbeddedYAML checks that validate reads
// indicators.yaml itself, not its generated form, so that a file edited
// and not yet generated again is checked as it is, with the positions of
// its problems; the other commands start from the generated form.
func TestValidateParsesTheEmbeddedYAML(t *testing.T) {
	saved := embedded
	t.Cleanup(func() { embedded = saved })
	embedded = bytes.Replace(saved, []byte("\nschema: 1\n"), []byte("\nschema: 7\n"), 1)
	if bytes.Equal(embedded, saved) {
		t.Fatal("indicators.yaml has no schema: 1 line to change")
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"validate"}, strings.NewReader(""), &stdout, &stderr)
	if code != exitData || !strings.Contains(stderr.String(), "indicators.yaml:") ||
		!strings.Contains(stderr.String(), ": schema: version 7 is not supported") {
		t.Errorf("validate of an edited file: exit %d, stderr %q", code, stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	code = run([]string{"export", "--table", "sources"}, strings.NewReader(""), &stdout, &stderr)
	if code != exitOK || !strings.Contains(stdout.String(), `"lzwb-2019-02-21"`) {
		t.Errorf("export: exit %d, stderr %q", code, stderr.String())
	}
}
