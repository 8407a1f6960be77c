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
type Shared struct {
	mu    sync.Mutex
	pages map[pageKey]string
}

// NewShared returns an empty cache.
func NewShared() *Shared { return &Shared{pages: map[pageKey]string{}} }

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
	p, ok := s.pages[k]
	s.mu.Unlock()
	if ok {
		return p
	}
	p = build()
	s.mu.Lock()
	if len(s.pages) >= maxSharedPages {
		clear(s.pages)
	}
	s.pages[k] = p
	s.mu.Unlock()
	return p
}
