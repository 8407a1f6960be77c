package ui

import (
	"sync"
	"testing"
)

// TestSharedContent checks that dashboards sharing a Shared derive the
// content of a dataset once per language, draw the same screen as a
// dashboard of their own, and may do so concurrently.
func TestSharedContent(t *testing.T) {
	ds := testDataset(t)
	s := NewShared()
	zh, en := s.content(ds, Zh), s.content(ds, En)
	if zh == en || zh.lang != Zh || en.lang != En || zh.facts != en.facts {
		t.Fatal("one content for two languages, or facts derived per language")
	}
	if s.content(ds, Zh) != zh {
		t.Fatal("the content was derived twice")
	}

	alone := sized(New(ds, Options{Lang: En}), 100, 30).Render()
	shared := NewShared()
	var wg sync.WaitGroup
	views := make([]string, 8)
	models := make([]*Model, 8)
	for i := range views {
		wg.Go(func() {
			models[i] = sized(New(ds, Options{Lang: En, Shared: shared}), 100, 30)
			views[i] = models[i].Render()
		})
	}
	wg.Wait()
	for i, v := range views {
		if v != alone {
			t.Fatalf("dashboard %d with shared content draws a different screen", i)
		}
		if models[i].c != models[0].c {
			t.Fatalf("dashboard %d derived its own content", i)
		}
	}
	if n := len(shared.contents); n != 1 {
		t.Fatalf("%d contents kept for one language", n)
	}
}

// TestSharedKeepsOnlyTheCurrentDataset checks that a replaced dataset's
// content is dropped, and that a dashboard still on it keeps nothing.
func TestSharedKeepsOnlyTheCurrentDataset(t *testing.T) {
	old, cur := testDataset(t), testDataset(t)
	s := NewShared()
	s.Use(old)
	first := s.content(old, Zh)
	if len(s.contents) != 1 {
		t.Fatalf("%d contents for the current dataset, want 1", len(s.contents))
	}
	s.Use(cur)
	if len(s.contents) != 0 {
		t.Fatalf("%d contents left after the dataset was replaced", len(s.contents))
	}
	if again := s.content(old, Zh); again == first || len(s.contents) != 0 {
		t.Fatalf("content of a replaced dataset was kept (%d kept)", len(s.contents))
	}
	c := s.content(cur, Zh)
	if c.ds != cur || s.content(cur, Zh) != c {
		t.Fatal("the current dataset's content was not kept")
	}
}

// TestReloadReplacesContent checks that a dashboard with a Shared of its
// own drops the old dataset's content on reload, and that one on a
// server's Shared takes the content the server's Use made current.
func TestReloadReplacesContent(t *testing.T) {
	old, cur := testDataset(t), testDataset(t)
	m := sized(New(old, Options{Lang: En}), 100, 30)
	before := m.c
	next, _ := m.Update(DatasetMsg{Dataset: cur})
	m = next.(*Model)
	if m.c == before || m.c.ds != cur || m.shared.current != cur {
		t.Fatal("a reload kept the old content")
	}

	server := NewShared()
	server.Use(old)
	a := sized(New(old, Options{Lang: En, Shared: server}), 100, 30)
	server.Use(cur)
	a.Update(DatasetMsg{Dataset: cur})
	b := sized(New(cur, Options{Lang: En, Shared: server}), 100, 30)
	if a.c != b.c || a.c.ds != cur {
		t.Fatal("sessions on the same dataset hold different content")
	}
}
