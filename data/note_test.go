package data_test

import (
	"os"
	"strings"
	"testing"

	"lzdash/data"
)

// TestNotes decodes a note written as one string and as {zh, en}, and
// refuses a note of any other shape.
func TestNotes(t *testing.T) {
	good, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(good), "note: The page prints no date; the text reports full-year 2021 figures.",
		"note: {zh: 页面未印日期。, en: The page prints no date.}", 1)
	ds, err := data.Parse("n.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n := ds.Source("report-2021").Note; n.In("zh") != "页面未印日期。" || n.In("en") != "The page prints no date." {
		t.Fatalf("note decoded as %+v", n)
	}
	ds, err = data.Parse("good.yaml", good)
	if err != nil {
		t.Fatal(err)
	}
	if n := ds.Source("report-2021").Note; n.Zh == "" || n.Zh != n.En {
		t.Fatalf("a one-string note should stand for both languages, got %+v", n)
	}
	for _, bad := range []struct{ note, want string }{
		{"note: {zh: a, fr: b}", `unknown field "fr" in a note`},
		{"note: [a, b]", "expected a mapping of keys to values, found a list"},
		{"note: \"a\\e[31m\"", "control character U+001B"},
	} {
		src := strings.Replace(string(good), "note: The page prints no date; the text reports full-year 2021 figures.", bad.note, 1)
		_, err := data.Parse("n.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: error %v, want %q", bad.note, err, bad.want)
		}
	}
}
