package ui

// maxCharts bounds the charts one memo keeps; past it they start afresh.
const maxCharts = 64

// memo is the dashboard's one size-dependent cache: the pages of the
// scrolled tabs with their highlighted item drawn lit, and the
// Indicators charts, drawn for one content, one box and one palette.
// Anything else is drawn afresh by every view, as the benchmarks show it
// costs little. Each dashboard has its own memo; only the root's Update
// writes to it. With a Shared of a server's sessions, its pages come
// from the Shared, drawn once for the dashboards of the same content,
// width and palette.
type memo struct {
	key    memoKey
	shared *Shared // nil: pages are the dashboard's own
	pages  [numTabs]*page
	// lit is, per tab, the highlighted item of its page drawn lit.
	lit    [numTabs]litItem
	charts map[chartSpec]string
	// targets are the Targets table's styled rows, for the width class
	// of the memo's width.
	targets [][]string
}

// memoKey is everything the memo's entries depend on besides what names
// each entry.
type memoKey struct {
	c     *content
	w, h  int
	look  Look
	valid bool
}

// sync empties the memo if it was drawn for anything but k.
func (mm *memo) sync(k memoKey) {
	k.valid = true
	if mm.key != k {
		*mm = memo{key: k, shared: mm.shared}
	}
}

// litItem is a page's item drawn highlighted.
type litItem struct {
	item  int
	lines []string // nil: none drawn
}

// page returns a tab's page, building it when the memo has none; a nil
// memo never keeps it.
func (mm *memo) page(tab int, build func() *page) *page {
	if mm != nil && mm.pages[tab] != nil {
		return mm.pages[tab]
	}
	return build()
}

// keepPage builds and keeps a tab's page if the memo lacks it.
func (mm *memo) keepPage(tab int, build func() *page) {
	if mm.pages[tab] == nil {
		if mm.shared != nil {
			mm.pages[tab] = mm.shared.page(pageKey{c: mm.key.c, tab: tab, w: mm.key.w, look: mm.key.look}, build)
		} else {
			mm.pages[tab] = build()
		}
		mm.lit[tab] = litItem{}
	}
}

// litLines returns item i of a tab's page p drawn highlighted, drawing
// it when the memo lacks it; a nil memo never keeps it.
func (mm *memo) litLines(tab int, p *page, i int) []string {
	if mm != nil && mm.pages[tab] == p && mm.lit[tab].lines != nil && mm.lit[tab].item == i {
		return mm.lit[tab].lines
	}
	return p.litLines(i)
}

// keepLit draws and keeps item i of a tab's kept page highlighted, if
// the memo lacks it.
func (mm *memo) keepLit(tab, i int) {
	p := mm.pages[tab]
	if p == nil || i < 0 || i >= len(p.spots) || mm.lit[tab].lines != nil && mm.lit[tab].item == i {
		return
	}
	mm.lit[tab] = litItem{item: i, lines: p.litLines(i)}
}

// chart returns the chart for spec, drawing it when the memo lacks it.
func (mm *memo) chart(spec chartSpec, draw func() string) string {
	if mm != nil {
		if c, ok := mm.charts[spec]; ok {
			return c
		}
	}
	return draw()
}

// keepChart draws and keeps the chart for spec if the memo lacks it.
func (mm *memo) keepChart(spec chartSpec, draw func() string) {
	if _, ok := mm.charts[spec]; ok {
		return
	}
	if mm.charts == nil || len(mm.charts) >= maxCharts {
		mm.charts = map[chartSpec]string{}
	}
	mm.charts[spec] = draw()
}
