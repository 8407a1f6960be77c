package ui

import (
	"sync"

	"lzdash/data"
)

// maxSharedPages bounds a Shared cache; past it the cache starts afresh.
const maxSharedPages = 64

// Shared lets dashboards that show the same dataset reuse each other's
// work. A server makes one for all its sessions, so that the Overview and
// Zones pages are built once per dataset, language, width and palette
// rather than once per visitor. It holds only finished text and is safe
// for concurrent use; each dashboard keeps its own state.
//
// It keeps the pages of one dataset only, the one named by Use (or, until
// Use is called, the first one asked for), so that a replaced dataset is
// not kept alive by its pages: dashboards still on an older one build
// their pages without caching them until they catch up.
type Shared struct {
	mu      sync.Mutex
	current *data.Dataset
	pages   map[pageKey]string
}

// NewShared returns an empty cache.
func NewShared() *Shared { return &Shared{pages: map[pageKey]string{}} }

// Use makes ds the dataset whose pages are kept, and drops the pages of
// any other.
func (s *Shared) Use(ds *data.Dataset) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != ds {
		s.current = ds
		clear(s.pages)
	}
}

// pageKey is everything a pager's content depends on.
type pageKey struct {
	ds    *data.Dataset
	tab   int
	lang  Lang
	width int
	dark  bool
}

// page returns the content for k, building it on a miss. A nil Shared
// builds every time.
func (s *Shared) page(k pageKey, build func() string) string {
	if s == nil {
		return build()
	}
	s.mu.Lock()
	if s.current == nil {
		s.current = k.ds
	}
	p, ok := s.pages[k]
	keep := k.ds == s.current
	s.mu.Unlock()
	if ok {
		return p
	}
	p = build()
	if !keep {
		return p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if k.ds != s.current {
		return p // replaced while building
	}
	if len(s.pages) >= maxSharedPages {
		clear(s.pages)
	}
	s.pages[k] = p
	return p
}
