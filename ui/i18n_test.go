package ui

import (
	"reflect"
	"testing"
)

// TestNoEmptyLabel checks that every label, in every language, is set:
// a label left out of a language compiles as an empty string.
func TestNoEmptyLabel(t *testing.T) {
	for _, l := range []Lang{Zh, En} {
		if n := checkLabels(t, l, reflect.ValueOf(labelsFor(l)).Elem()); n < 50 {
			t.Errorf("%s: only %d labels checked", l, n)
		}
	}
}

// checkLabels checks every label of v, a struct of labels or of groups
// of them, and returns how many it checked.
func checkLabels(t *testing.T, l Lang, v reflect.Value) int {
	n := 0
	for i := range v.NumField() {
		f, field := v.Field(i), v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			n++
			if f.String() == "" {
				t.Errorf("%s: label %s is empty", l, field)
			}
		case reflect.Array:
			for j := range f.Len() {
				n++
				if f.Index(j).String() == "" {
					t.Errorf("%s: label %s[%d] is empty", l, field, j)
				}
			}
		case reflect.Struct:
			n += checkLabels(t, l, f)
		default:
			t.Errorf("%s: label %s is a %s, which this test does not check", l, field, f.Kind())
		}
	}
	return n
}
