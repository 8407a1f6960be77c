package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestSharedPagesAreReusedAndKeyed checks that dashboards on one Shared
// draw a scrolled tab's page once per content, width and palette, and
// that a reload drops the pages of the old dataset.
func TestSharedPagesAreReusedAndKeyed(t *testing.T) {
	ds := testDataset(t)
	s := NewShared()
	open := func(l Lang, w, h int) *Model { return sized(New(ds, Options{Lang: l, Shared: s}), w, h) }
	a, b := open(En, 100, 30), open(En, 100, 40)
	pa := a.memo.pages[TabOverview]
	if pa == nil || b.memo.pages[TabOverview] != pa {
		t.Fatal("two dashboards of the same content and width drew an Overview page each")
	}
	for what, m := range map[string]*Model{
		"another width":    open(En, 120, 30),
		"another language": open(Zh, 100, 30),
		"another palette":  sized(New(ds, Options{Lang: En, Shared: s, ASCII: true}), 100, 30),
	} {
		if m.memo.pages[TabOverview] == pa {
			t.Errorf("%s shares the page of 100 columns in English", what)
		}
	}
	if alone := sized(New(ds, Options{Lang: En}), 100, 30); alone.memo.pages[TabOverview] == pa || len(alone.shared.pages) != 0 {
		t.Error("a dashboard with a Shared of its own shares or keeps pages")
	}
	z := press(open(En, 100, 30), "4")
	if z.memo.pages[TabZones] == nil || press(open(En, 100, 30), "4").memo.pages[TabZones] != z.memo.pages[TabZones] {
		t.Error("the Zones page is not shared")
	}

	s.Use(testDataset(t))
	if n := len(s.pages); n != 0 {
		t.Fatalf("%d pages of the old dataset kept after a reload", n)
	}
	if open(En, 100, 30).memo.pages[TabOverview] == pa || len(s.pages) != 0 {
		t.Fatal("a page of the old dataset was used or kept after the reload")
	}
}

// TestSharedPagesAreBounded checks that a Shared keeps at most
// maxSharedPages pages, however many widths visitors bring.
func TestSharedPagesAreBounded(t *testing.T) {
	ds := testDataset(t)
	s := NewShared()
	for w := MinWidth; w < MinWidth+maxSharedPages+10; w++ {
		sized(New(ds, Options{Lang: En, Shared: s}), w, 30)
		if n := len(s.pages); n > maxSharedPages {
			t.Fatalf("%d pages kept at width %d, at most %d", n, w, maxSharedPages)
		}
	}
}

// TestSharedPageDrawsItsItemsAsBuilt checks that a dashboard using a
// page another one built draws its highlighted items as a dashboard of
// its own does, however the builder has changed since (its width, its
// palette), and that dashboards may do so concurrently.
func TestSharedPageDrawsItsItemsAsBuilt(t *testing.T) {
	ds := testDataset(t)
	s := NewShared()
	o := Options{Lang: En, Dark: true, Profile: colorprofile.TrueColor}
	downs := func(n int) []string { return slices.Repeat([]string{"down"}, n) }
	for _, keys := range [][]string{
		append([]string{"1"}, downs(3)...),  // a card
		append([]string{"1"}, downs(11)...), // a disagreement
		append([]string{"4"}, downs(3)...),  // a zone's bar
	} {
		want := press(sized(New(ds, o), 100, 30), keys...).Render()
		so := o
		so.Shared = s
		builder := press(sized(New(ds, so), 100, 30), keys[0])
		// The builder moves on: another width, then a light palette.
		next, _ := sized(builder, 140, 30).Update(tea.BackgroundColorMsg{Color: color.White})
		builder = next.(*Model)
		var wg sync.WaitGroup
		views := make([]string, 4)
		for i := range views {
			wg.Go(func() { views[i] = press(sized(New(ds, so), 100, 30), keys...).Render() })
		}
		wg.Go(func() {
			for w := 100; w < 110; w++ {
				sized(builder, w, 30)
			}
		})
		wg.Wait()
		for i, v := range views {
			if v != want {
				t.Errorf("%v: dashboard %d on a shared page draws another screen than one alone:\n%s", keys, i, diffLines(v, want))
			}
		}
	}
}

// diffLines shows the first line where got and want differ.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\ngot  %q\nwant %q", i, gl, wl)
		}
	}
	return "(same lines)"
}
