package ui

import (
	"sync"

	"lzdash/data"
)

// Shared lets dashboards that show the same dataset share its content,
// which is derived once per dataset and language, and the pages of its
// scrolled tabs, drawn once per size and palette. A server makes one for
// all its sessions and calls Use on every reload; a dashboard made
// without one has one of its own. Content is never changed once built,
// so sharing it shares no mutable state; each dashboard keeps its own
// cursors, sizes and memo. Shared is safe for concurrent use.
//
// It keeps the content of one dataset only, the one named by Use (or,
// until Use is called, the first one asked for), so that a replaced
// dataset is not kept alive by its content: dashboards still on an older
// one derive their content without keeping it until they catch up.
type Shared struct {
	mu       sync.Mutex
	current  *data.Dataset
	facts    *facts // current's, once derived
	contents map[Lang]*content
	pages    map[pageKey]*page // of current's contents
}

// NewShared returns an empty Shared.
func NewShared() *Shared { return &Shared{contents: map[Lang]*content{}, pages: map[pageKey]*page{}} }

// Use makes ds the dataset whose content and pages are kept, and drops
// those of any other.
func (s *Shared) Use(ds *data.Dataset) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != ds {
		s.current, s.facts = ds, nil
		clear(s.contents)
		clear(s.pages)
	}
}

// content returns the content of ds in language l, deriving it on a
// miss.
func (s *Shared) content(ds *data.Dataset, l Lang) *content {
	s.mu.Lock()
	if s.current == nil {
		s.current = ds
	}
	c, ok := s.contents[l]
	keep := ds == s.current
	f := s.facts
	s.mu.Unlock()
	if ok && keep {
		return c
	}
	if f == nil || !keep {
		f = newFacts(ds)
	}
	c = newContent(ds, l, f)
	if !keep {
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ds != s.current {
		return c // replaced while deriving
	}
	if s.facts == nil {
		s.facts = f
	}
	if old, ok := s.contents[l]; ok {
		return old // another dashboard derived it first
	}
	s.contents[l] = c
	return c
}
