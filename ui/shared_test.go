package ui

import (
	"sync"
	"testing"
)

// TestSharedPages checks that dashboards sharing a cache build a page
// once per key, draw the same screen as an unshared one, and may do so
// concurrently.
func TestSharedPages(t *testing.T) {
	ds := testDataset(t)
	s := NewShared()
	builds := 0
	build := func() string { builds++; return "page" }
	k := pageKey{ds: ds, tab: TabOverview, lang: Zh, width: 100, dark: true}
	for range 3 {
		if got := s.page(k, build); got != "page" {
			t.Fatalf("page %q", got)
		}
	}
	other := k
	other.width = 80
	s.page(other, build)
	if builds != 2 {
		t.Fatalf("%d builds for two keys", builds)
	}

	alone := sized(New(ds, Options{Lang: En}), 100, 30).Render()
	shared := NewShared()
	var wg sync.WaitGroup
	views := make([]string, 8)
	for i := range views {
		wg.Go(func() {
			views[i] = sized(New(ds, Options{Lang: En, Shared: shared}), 100, 30).Render()
		})
	}
	wg.Wait()
	for i, v := range views {
		if v != alone {
			t.Fatalf("dashboard %d with a shared cache draws a different screen", i)
		}
	}
	if n := len(shared.pages); n != 1 {
		t.Fatalf("%d pages cached for one key", n)
	}
}

// TestSharedKeepsOnlyTheCurrentDataset checks that a replaced dataset's
// pages are dropped, and that a dashboard still on it caches nothing.
func TestSharedKeepsOnlyTheCurrentDataset(t *testing.T) {
	old, cur := testDataset(t), testDataset(t)
	s := NewShared()
	s.Use(old)
	k := pageKey{ds: old, tab: TabOverview, lang: Zh, width: 100, dark: true}
	s.page(k, func() string { return "old" })
	if len(s.pages) != 1 {
		t.Fatalf("%d pages for the current dataset, want 1", len(s.pages))
	}
	s.Use(cur)
	if len(s.pages) != 0 {
		t.Fatalf("%d pages left after the dataset was replaced", len(s.pages))
	}
	builds := 0
	for range 3 {
		s.page(k, func() string { builds++; return "old" })
	}
	if builds != 3 || len(s.pages) != 0 {
		t.Fatalf("pages of a replaced dataset: %d builds for 3 draws, %d cached", builds, len(s.pages))
	}
	k.ds = cur
	s.page(k, func() string { return "new" })
	if got := s.page(k, func() string { return "rebuilt" }); got != "new" {
		t.Fatalf("the current dataset's page was not kept: %q", got)
	}
}
