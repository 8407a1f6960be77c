package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"lzdash/data"
)

// TestGolden renders every tab of the fixture dataset at two sizes in
// both languages, as it opens and after moving down, and compares with
// testdata/TestGolden/*.golden; go test ./ui -update rewrites them.
// The fixture, unlike the embedded dataset, changes only with the code.
func TestGolden(t *testing.T) {
	ds := fixtureDataset(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, lang := range []Lang{Zh, En} {
			for tab, tabName := range TabNames {
				name := fmt.Sprintf("%s-%s-%dx%d", tabName, lang, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					m := sized(New(ds, Options{Lang: lang, Tab: tab}), size[0], size[1])
					golden.RequireEqual(t, ascii(t, m.Render()))
				})
			}
		}
	}
	// The selection's details: the second metric's second zone and row,
	// the second target, the second source.
	for tab, keys := range map[int][]string{TabIndicators: {"down", "down", "down", "z", "]"}, TabTargets: {"down"}, TabSources: {"down", "]"}} {
		t.Run(TabNames[tab]+"-moved-en-100x30", func(t *testing.T) {
			m := press(sized(New(ds, Options{Lang: En, Tab: tab}), 100, 30), keys...)
			golden.RequireEqual(t, ascii(t, m.Render()))
		})
	}
}

// TestGoldenEmbedded renders a few tabs of the embedded dataset, as a
// smoke test of the real data: a data edit rewrites only these.
func TestGoldenEmbedded(t *testing.T) {
	ds := testDataset(t)
	for _, c := range []struct {
		tab  int
		lang Lang
	}{{TabOverview, Zh}, {TabTargets, En}, {TabZones, En}} {
		t.Run(fmt.Sprintf("%s-%s-120x40", TabNames[c.tab], c.lang), func(t *testing.T) {
			m := sized(New(ds, Options{Lang: c.lang, Tab: c.tab}), 120, 40)
			golden.RequireEqual(t, ascii(t, m.Render()))
		})
	}
}

// TestWidth checks that no line of any tab is wider than the terminal or
// the screen taller, at every tested size, by display width.
func TestWidth(t *testing.T) {
	ds := testDataset(t)
	sizes := [][2]int{{60, 20}, {61, 21}, {80, 24}, {100, 30}, {120, 40}, {160, 50}, {200, 60}}
	for _, size := range sizes {
		for _, lang := range []Lang{Zh, En} {
			for tab := range TabNames {
				fresh := func() *Model { return sized(New(ds, Options{Lang: lang, Tab: tab}), size[0], size[1]) }
				// Also with the full help open and after moving down.
				for _, mm := range []*Model{fresh(), press(fresh(), "?"), press(fresh(), "down", "down", "]")} {
					checkFits(t, mm.Render(), size[0], size[1], fmt.Sprintf("%s %s %dx%d", TabNames[tab], lang, size[0], size[1]))
				}
			}
		}
	}
}

// TestPartsFit checks the tab bar, each tab's view and the footer before
// the root cuts the screen to size: a part that overflows would make the
// whole screen pad out and lose its last column.
func TestPartsFit(t *testing.T) {
	ds := testDataset(t)
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
		for _, lang := range []Lang{Zh, En} {
			for tab := range TabNames {
				fresh := func() *Model { return sized(New(ds, Options{Lang: lang, Tab: tab}), size[0], size[1]) }
				for _, mm := range []*Model{fresh(), press(fresh(), "?"), press(fresh(), "down", "]", "z")} {
					what := fmt.Sprintf("%s %s %dx%d", TabNames[tab], lang, size[0], size[1])
					checkFits(t, mm.tabBar(), size[0], 1, what+" tab bar")
					checkFits(t, mm.tabs[tab].View(&mm.st, &mm.memo), size[0], mm.bodyH, what+" body")
					checkFits(t, mm.footer(), size[0], size[1], what+" footer")
				}
			}
		}
	}
}

func checkFits(t *testing.T, view string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines, more than the %d rows", what, len(lines), h)
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got > w {
			t.Errorf("%s: line %d is %d columns wide: %q", what, i, got, ansi.Strip(l))
		}
	}
}

// TestTinySizes checks that small and degenerate sizes never panic and
// explain what is needed.
func TestTinySizes(t *testing.T) {
	ds := testDataset(t)
	for _, size := range [][2]int{{0, 0}, {1, 1}, {-5, -5}, {59, 40}, {200, 19}, {10, 3}, {59, 19}} {
		for tab := range TabNames {
			m := sized(New(ds, Options{Lang: En, Tab: tab}), size[0], size[1])
			view := m.Render()
			w, h := max(0, size[0]), max(0, size[1])
			if w == 0 || h == 0 {
				if view != "" {
					t.Errorf("%v: want an empty view, got %q", size, view)
				}
				continue
			}
			checkFits(t, view, w, h, fmt.Sprint(size))
			if w >= 40 {
				contains(t, view, fmt.Sprintf("terminal too small: need 60×20, have %d×%d", w, h))
			}
		}
	}
}

// TestSnapshotPlain checks that a snapshot is plain text within its size.
func TestSnapshotPlain(t *testing.T) {
	ds := testDataset(t)
	for tab := range TabNames {
		for _, lang := range []Lang{Zh, En} {
			for _, size := range [][2]int{{60, 20}, {80, 24}, {200, 60}} {
				s := Snapshot(ds, SnapshotOptions{Tab: tab, Width: size[0], Height: size[1], Lang: lang})
				if strings.Contains(s, "\x1b") {
					t.Fatalf("snapshot of %s holds escape codes", TabNames[tab])
				}
				checkFits(t, s, size[0], size[1], fmt.Sprintf("snapshot %s %s %v", TabNames[tab], lang, size))
			}
		}
	}
	colored := Snapshot(ds, SnapshotOptions{Tab: 0, Width: 100, Height: 30, Lang: Zh, Color: true})
	if !strings.Contains(colored, "\x1b[") {
		t.Error("--color snapshot holds no escape codes")
	}
}

// TestViewChangesNothing checks that drawing changes neither the tabs'
// state nor the memo, whatever the tab and its state, and that a key
// that changes the state changes the screen.
func TestViewChangesNothing(t *testing.T) {
	ds := testDataset(t)
	for tab := range TabNames {
		for _, keys := range [][]string{nil, {"down", "down"}, {"]", "z", "end"}} {
			m := press(sized(New(ds, Options{Lang: En, Tab: tab}), 100, 30), keys...)
			// Printed, since DeepEqual calls no two funcs equal.
			before := fmt.Sprintf("%+v", reflect.ValueOf(m.tabs[tab]).Elem().Interface())
			memo := m.memo
			first := m.View().Content
			if second := m.View().Content; second != first {
				t.Fatalf("%s %v: two views of one state differ", TabNames[tab], keys)
			}
			if after := fmt.Sprintf("%+v", reflect.ValueOf(m.tabs[tab]).Elem().Interface()); before != after {
				t.Errorf("%s %v: View changed the tab's state", TabNames[tab], keys)
			}
			if !reflect.DeepEqual(memo, m.memo) {
				t.Errorf("%s %v: View changed the memo", TabNames[tab], keys)
			}
		}
	}
	m := sized(New(ds, Options{Lang: En}), 100, 30)
	first := m.View().Content
	if second := press(m, "tab").View().Content; second == first || !strings.Contains(ansi.Strip(second), "filter") {
		t.Fatal("a key did not draw the new tab")
	}
}

// TestTargetDetailCount checks that the line count the Targets tab
// scrolls by is that of the lines it draws, for every target and width
// class.
func TestTargetDetailCount(t *testing.T) {
	for _, ds := range []*data.Dataset{fixtureDataset(t), testDataset(t)} {
		for _, w := range []int{80, 100, 120} {
			m := sized(New(ds, Options{Lang: En, Tab: TabTargets}), w, 40)
			tg := m.tabs[TabTargets].(*targets)
			for _, r := range tg.c.targets {
				if got, want := tg.detailCount(r.v), len(tg.detail(&m.st, r.v)); got != want {
					t.Errorf("width %d, %s: detailCount %d, detail draws %d lines", w, r.label, got, want)
				}
			}
		}
	}
}
