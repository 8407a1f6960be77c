package ui

// maxSharedPages bounds the pages a Shared keeps: one per tab, terminal
// size, palette and language that visitors arrive with. Past it they
// start afresh.
const maxSharedPages = 64

// pageKey names a scrolled tab's page: everything it is drawn from. A
// page is drawn for a width alone; the box's height only decides how
// much of it shows.
type pageKey struct {
	c    *content
	tab  int
	w    int
	look Look
}

// page returns the page for k, building it with build on a miss, and
// keeps it if k's content is the current dataset's. A page is never
// changed once built, and draws its items lit from copies of what it was
// built from, so that dashboards of the same content, size and palette
// can share it. Two dashboards that miss at once may each build one; the
// first kept is the one both go on with.
func (s *Shared) page(k pageKey, build func() *page) *page {
	s.mu.Lock()
	p, ok := s.pages[k]
	keep := k.c.ds == s.current
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
	if k.c.ds != s.current {
		return p // replaced while building
	}
	if old, ok := s.pages[k]; ok {
		return old
	}
	if len(s.pages) >= maxSharedPages {
		clear(s.pages)
	}
	s.pages[k] = p
	return p
}

// frozen returns a copy of st for a page to draw its items lit from
// later: the dashboard's own styles change with its palette, and the
// page may be shared by other dashboards.
func (st *Styles) frozen() *Styles {
	c := *st
	return &c
}

// frozen returns a copy of the pager's content and size, for a page to
// draw its items lit from later: the tab's own change with its
// dashboard, and the page may be shared by other dashboards.
func (p *pager) frozen() pager {
	return pager{c: p.c, k: p.k, tab: p.tab, w: p.w, h: p.h}
}
