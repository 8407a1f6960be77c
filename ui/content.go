package ui

import (
	"fmt"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// content is everything the dashboard derives from one dataset in one
// language: labels, target verdicts, conflicts, table rows
// with their natural widths, the indicator list and the zones' figures.
// It depends on no size and no palette, and is never changed once built,
// so that dashboards, and the sessions of a server, share it.
type content struct {
	ds   *data.Dataset
	lang Lang
	t    *labels

	*facts

	items []listItem // every metric under its category heading
	nameW int        // the widest metric name

	zoneNameW int               // the widest zone name
	targets   []targetRow       // one per verdict
	targetW   [numClasses][]int // natural widths of the targets table by width class
	sources   table             // the sources table
	// figures lays out, per source, the figures it supplies, on first
	// use: the sources of a large dataset supply tens of thousands.
	figures []func() table
}

// facts are what the content of a dataset holds in every language.
type facts struct {
	stats      data.Stats
	headlines  []*data.Metric
	verdicts   []data.Verdict // problems first, as data orders them
	conflicts  []data.Conflict
	conflicted map[*data.Figure]bool // figures in a conflict found by rule

	zoneBars []zoneMetric                // metrics two or more member zones report
	bars     []data.FigureRef            // the figure of every zone bar, metric by metric
	cards    []data.FigureRef            // each headline's latest city-wide figure; Figure is nil when it has none
	disputes []data.Conflict             // the conflicts with figures, as the Overview lists them
	solo     map[*data.Zone][]zoneFigure // figures only one member zone reports
	members  []*data.Zone                // member zones, in order
}

// zoneMetric is a metric with each member zone's latest figure.
type zoneMetric struct {
	m    *data.Metric
	vals []data.ZoneValue
}

// zoneFigure is the latest figure of a metric only one zone reports.
type zoneFigure struct {
	m *data.Metric
	f *data.Figure
}

// table is a table's header and plain cells with their natural widths,
// measured by display width so that Chinese text lines up.
type table struct {
	head   []string
	rows   [][]string
	widths []int
}

func newTable(head []string, rows [][]string) table {
	return table{head: head, rows: rows, widths: widths(head, rows)}
}

// widths measures the natural width of every column.
func widths(head []string, rows [][]string) []int {
	w := make([]int, len(head))
	for i, h := range head {
		w[i] = lipgloss.Width(h)
	}
	for _, r := range rows {
		for i := 0; i < len(w) && i < len(r); i++ {
			w[i] = max(w[i], lipgloss.Width(r[i]))
		}
	}
	return w
}

// newFacts derives what every language's content of ds holds.
func newFacts(ds *data.Dataset) *facts {
	f := &facts{stats: ds.Stats(), headlines: headlines(ds), verdicts: ds.Verdicts(), conflicts: ds.Conflicts()}
	f.conflicted = map[*data.Figure]bool{}
	for _, k := range f.conflicts {
		if !k.Curated() {
			for _, r := range k.Figures {
				f.conflicted[r.Figure] = true
			}
		}
	}
	for _, m := range f.headlines {
		r := data.FigureRef{Metric: m}
		if s := ds.Series(m, ""); len(s) > 0 {
			r.Figure = s[len(s)-1].Figure
		}
		f.cards = append(f.cards, r)
	}
	for _, k := range f.conflicts {
		if len(k.Figures) > 0 {
			f.disputes = append(f.disputes, k)
		}
	}
	f.solo = map[*data.Zone][]zoneFigure{}
	for i := range ds.Zones {
		if z := &ds.Zones[i]; !z.IsAggregate() {
			f.members = append(f.members, z)
		}
	}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		switch vs := ds.LatestZones(m); {
		case len(vs) >= 2:
			f.zoneBars = append(f.zoneBars, zoneMetric{m, vs})
			for _, v := range vs {
				f.bars = append(f.bars, data.FigureRef{Metric: m, Figure: v.Figure})
			}
		case len(vs) == 1:
			f.solo[vs[0].Zone] = append(f.solo[vs[0].Zone], zoneFigure{m, vs[0].Figure})
		}
	}
	return f
}

// newContent derives the content of ds in language l from its facts.
func newContent(ds *data.Dataset, l Lang, f *facts) *content {
	t := labelsFor(l)
	c := &content{ds: ds, lang: l, t: t, facts: f}
	for _, cat := range ds.Categories {
		first := true
		for i := range ds.Metrics {
			m := &ds.Metrics[i]
			if m.Category != cat.ID {
				continue
			}
			if first {
				c.items = append(c.items, listItem{heading: name(cat.Name, l)})
				first = false
			}
			c.items = append(c.items, listItem{metric: m})
			c.nameW = max(c.nameW, lipgloss.Width(name(m.Name, l)))
		}
	}
	for i := range ds.Zones {
		c.zoneNameW = max(c.zoneNameW, lipgloss.Width(name(ds.Zones[i].Name, l)))
	}
	c.buildTargets()
	c.buildSources()
	return c
}

// headlines are the metrics marked as headline, or the first few.
func headlines(ds *data.Dataset) []*data.Metric {
	var out []*data.Metric
	for i := range ds.Metrics {
		if ds.Metrics[i].Headline {
			out = append(out, &ds.Metrics[i])
		}
	}
	for i := 0; len(out) == 0 && i < min(8, len(ds.Metrics)); i++ {
		out = append(out, &ds.Metrics[i])
	}
	return out
}

func (c *content) buildSources() {
	ds, lt := c.ds, c.t
	rows := make([][]string, len(ds.Sources))
	c.figures = make([]func() table, len(ds.Sources))
	for i := range ds.Sources {
		src := &ds.Sources[i]
		date := clean(src.Date)
		if src.DateInferred {
			date += "(" + lt.Inferred + ")"
		}
		refs := ds.FiguresFrom(src.ID)
		rows[i] = []string{clean(src.Publisher), date, fmt.Sprint(len(refs)), c.sourceTitle(src)}
		c.figures[i] = sync.OnceValue(func() table { return c.figureTable(refs) })
	}
	c.sources = newTable([]string{lt.ColPublisher, lt.ColDate, lt.ColFigures, lt.ColTitle}, rows)
}

// figureTable lays out the figures a source supplies.
func (c *content) figureTable(refs []data.FigureRef) table {
	ds, lt := c.ds, c.t
	figs := make([][]string, len(refs))
	for j, r := range refs {
		zone := lt.CityWide
		if z := ds.Zone(r.Figure.Zone); z != nil {
			zone = name(z.Name, c.lang)
		}
		v := c.figureValue(r.Metric, r.Figure)
		if r.Figure.Comparator != "" {
			v = r.Figure.Comparator + " " + v
		}
		kind := c.badgeText(r.Figure)
		if kind == "" {
			kind = lt.kind(r.Figure.Kind)
		}
		figs[j] = []string{name(r.Metric.Name, c.lang), zone, shortLabel(r.Figure, c.lang), v, kind}
	}
	return newTable([]string{lt.ColIndicator, lt.ColZone, lt.ColYear, lt.ColValue, lt.ColKind}, figs)
}

func (c *content) sourceTitle(src *data.Source) string {
	if c.lang == En && src.TitleEn != "" {
		return clean(src.TitleEn)
	}
	return clean(src.Title)
}

// figureValue is a figure as stated, with its qualifier, in the
// content's language: a ranking as 第65位（共169） / No. 65 of 169, places
// gained as 5 位 / 5 places, else the value in its unit as qualified
// renders it (近100 亿元 / nearly CNY 10 bn, 200余 家 / 200+).
func (c *content) figureValue(m *data.Metric, f *data.Figure) string {
	if f.OutOf > 0 {
		return f.Qualifier.Prefix(string(c.lang)) + data.Rank(f.Value, f.OutOf, string(c.lang))
	}
	return qualified(data.MetricAmount(m, f.Value, clean(f.UnitOr(m.Unit)), string(c.lang)), f, c.lang)
}

// badgeText names what a figure is when it is not a final actual value:
// its kind, and for a derived figure built on provisional or estimated
// inputs what it stands as ([推算/预计]). It is empty for an actual figure.
func (c *content) badgeText(f *data.Figure) string {
	if f.Kind == data.Actual {
		return ""
	}
	return "[" + c.kindText(f) + "]"
}

// kindText names a figure's kind in words, and for a derived figure
// built on provisional or estimated inputs what it stands as (推算/预计).
func (c *content) kindText(f *data.Figure) string {
	s := c.t.kind(f.Kind)
	if st := c.ds.Standing(f); f.Kind == data.Derived && st != data.Actual {
		s += "/" + c.t.kind(st)
	}
	return s
}

// source names a figure's source briefly: publisher and date.
func (c *content) source(id string) string {
	s := c.ds.Source(id)
	if s == nil {
		return clean(id)
	}
	d := clean(s.Date)
	if s.DateInferred {
		d += "(" + c.t.Inferred + ")"
	}
	return clean(s.Publisher) + " " + d
}

// zoneName names a zone, or the whole city for "".
func (c *content) zoneName(id string) string {
	if z := c.ds.Zone(id); z != nil {
		return name(z.Name, c.lang)
	}
	return c.t.CityWide
}

// joinNames joins names with the language's list separator.
func (c *content) joinNames(names []string) string {
	if c.lang == En {
		return strings.Join(names, ", ")
	}
	return strings.Join(names, "、")
}
