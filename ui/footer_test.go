package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// TestFooterHeightIsTheFooters checks that the height the layout gives
// the footer without drawing it is the height of the footer drawn, on
// every tab and in every mode that changes the help line, in both
// languages, narrow and wide, in ASCII mode too.
func TestFooterHeightIsTheFooters(t *testing.T) {
	ds := testDataset(t)
	states := map[string][]string{
		"start":       nil,
		"help open":   {"?"},
		"filter":      {"2", "/", "x"},
		"zones":       {"4", "down"},
		"sources":     {"5", "down", "enter"},
		"targets":     {"3", "down", "down"},
		"indicators":  {"2", "down", "enter"},
		"help closed": {"?", "?"},
	}
	for _, o := range []Options{{Lang: Zh}, {Lang: En}, {Lang: En, ASCII: true}} {
		for _, w := range []int{MinWidth, 61, 80, 120, 240} {
			for name, keys := range states {
				m := press(sized(New(ds, o), w, 30), keys...)
				if got, want := m.footerHeight(), lipgloss.Height(m.footer()); got != want {
					t.Errorf("%v, %d wide, %s: footerHeight %d, the footer drawn is %d rows", o, w, name, got, want)
				}
			}
		}
	}
}
