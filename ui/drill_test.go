package ui

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"lzdash/data"
)

// TestDrillFromTargets checks that Enter on a target opens the
// Indicators tab on its metric and zone with the target highlighted,
// that the hint offers the way back, and that Esc and Backspace return
// to the same row.
func TestDrillFromTargets(t *testing.T) {
	ds := testDataset(t)
	for _, back := range []string{"esc", "backspace"} {
		m := sized(New(ds, Options{Lang: En, Tab: TabTargets}), 200, 40)
		// A zone's target, if any, shows that the zone follows.
		tg := m.tabs[TabTargets].(*targets)
		row := 0
		for i, r := range tg.c.targets {
			if r.v.Target.Zone != "" {
				row = i
				break
			}
		}
		for range row {
			press(m, "down")
		}
		v := tg.c.targets[row].v
		press(m, "enter")
		if m.Active() != TabIndicators {
			t.Fatalf("enter on a target opens tab %d", m.Active())
		}
		got, ok := m.tabs[TabIndicators].(*indicators).highlighted()
		if !ok || got != (data.FigureRef{Metric: v.Metric, Figure: v.Target}) {
			t.Errorf("enter on target %s %s %d highlights %v", v.Metric.ID, v.Target.Zone, v.Target.Year, got.Figure)
		}
		if !hasHelp(m.ShortHelp(), "esc/backspace", "back") {
			t.Error("the hints lack the way back")
		}
		m = press(m, back)
		if m.Active() != TabTargets || tg.row != row {
			t.Errorf("%s returns to tab %d row %d, want %d row %d", back, m.Active(), tg.row, TabTargets, row)
		}
		// Back again does nothing more, and the Indicators tab reached
		// by its number key has no way back.
		if press(m, back).Active() != TabTargets {
			t.Errorf("a second %s leaves Targets", back)
		}
		press(m, "enter", "2", back)
		if m.Active() != TabIndicators {
			t.Errorf("%s after going to Indicators by its key leaves it", back)
		}
	}
}

// TestDrillFromSources checks that Enter on a source's highlighted
// figure opens it, and that Enter on a tab that highlights none stays.
func TestDrillFromSources(t *testing.T) {
	ds := testDataset(t)
	m := sized(New(ds, Options{Lang: Zh, Tab: TabSources}), 200, 40)
	press(m, "down", "]", "]", "enter")
	want := ds.FiguresFrom(ds.Sources[1].ID)[2]
	if got, _ := m.tabs[TabIndicators].(*indicators).highlighted(); m.Active() != TabIndicators || got != want {
		t.Errorf("enter on a source's figure: tab %d, figure %v; want %v", m.Active(), got.Figure, want.Figure)
	}
	press(m, "esc")
	if m.Active() != TabSources {
		t.Errorf("esc returns to tab %d", m.Active())
	}
	m = sized(New(bare(t), Options{Lang: Zh, Tab: TabZones}), 200, 40)
	if press(m, "enter").Active() != TabZones {
		t.Error("enter on a Zones tab without bars leaves it")
	}
}

// hasHelp reports whether bs has a binding with the help key and text.
func hasHelp(bs []key.Binding, k, desc string) bool {
	for _, b := range bs {
		if h := b.Help(); h.Key == k && h.Desc == desc {
			return true
		}
	}
	return false
}
