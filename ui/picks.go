package ui

import (
	"strconv"

	"lzdash/data"
)

// disputer is a tab that can highlight a conflict, which y cites whole;
// Enter opens its first figure, the one citer gives.
type disputer interface {
	// disputed returns the highlighted conflict, if one is.
	disputed() (data.Conflict, bool)
}

// highlighted implements citer: the highlighted card's latest figure,
// or the first figure of the highlighted conflict.
func (o *overview) highlighted() (data.FigureRef, bool) {
	c := o.c
	if o.sel < len(c.cards) {
		r := c.cards[max(0, o.sel)]
		return r, r.Figure != nil
	}
	if k, ok := o.disputed(); ok {
		return k.Figures[0], true
	}
	return data.FigureRef{}, false
}

// disputed implements disputer: the conflicts follow the cards.
func (o *overview) disputed() (data.Conflict, bool) {
	if i := o.sel - len(o.c.cards); i >= 0 && i < len(o.c.disputes) {
		return o.c.disputes[i], true
	}
	return data.Conflict{}, false
}

// plainTable implements tabler: the list the highlighted item is in,
// the cards (a row each, with the figure's metric, value, unit, period,
// kind and source) or the conflicts (a row a figure, numbered by
// conflict).
func (o *overview) plainTable() ([]string, [][]string, bool) {
	c, lt := o.c, o.c.t
	if _, ok := o.disputed(); ok {
		var rows [][]string
		for i, k := range c.disputes {
			for _, r := range k.Figures {
				rows = append(rows, append([]string{strconv.Itoa(i + 1), name(r.Metric.Name, c.lang), c.zoneName(r.Figure.Zone)}, c.copyCells(r)...))
			}
		}
		return []string{lt.ColNumber, lt.ColIndicator, lt.ColZone, lt.ColValue, lt.ColUnit, lt.ColPeriod, lt.ColKind, lt.ColSource}, rows, true
	}
	var rows [][]string
	for _, r := range c.cards {
		if r.Figure != nil {
			rows = append(rows, append([]string{name(r.Metric.Name, c.lang)}, c.copyCells(r)...))
		}
	}
	if len(rows) == 0 {
		return nil, nil, false
	}
	return []string{lt.ColIndicator, lt.ColValue, lt.ColUnit, lt.ColPeriod, lt.ColKind, lt.ColSource}, rows, true
}

// hasTable implements tabler.
func (o *overview) hasTable() bool {
	if _, ok := o.disputed(); ok {
		return true
	}
	for _, r := range o.c.cards {
		if r.Figure != nil {
			return true
		}
	}
	return false
}

// highlighted implements citer: the highlighted bar's figure.
func (z *zones) highlighted() (data.FigureRef, bool) {
	if z.sel < 0 || z.sel >= len(z.c.bars) {
		return data.FigureRef{}, false
	}
	return z.c.bars[z.sel], true
}

// plainTable implements tabler: the zones compared, a row a bar, with
// each zone's share where the parts make a whole.
func (z *zones) plainTable() ([]string, [][]string, bool) {
	c, lt := z.c, z.c.t
	var rows [][]string
	for _, zm := range c.zoneBars {
		for _, v := range zm.vals {
			share := ""
			if c.shareable(zm) {
				share = num(v.Share*100, 1) + "%"
			}
			cells := c.copyCells(data.FigureRef{Metric: zm.m, Figure: v.Figure})
			row := append([]string{name(zm.m.Name, c.lang), name(v.Zone.Name, c.lang)}, cells[:3]...)
			rows = append(rows, append(append(row, share), cells[3:]...))
		}
	}
	if len(rows) == 0 {
		return nil, nil, false
	}
	return []string{lt.ColIndicator, lt.ColZone, lt.ColValue, lt.ColUnit, lt.ColPeriod, lt.ColShare, lt.ColKind, lt.ColSource}, rows, true
}

// hasTable implements tabler.
func (z *zones) hasTable() bool { return len(z.c.bars) > 0 }

// copyCells are a figure's cells in a copied table: its value as a
// number in its unit, with its qualifier in words (a ranking as its
// place), the unit, the period, the kind and the source.
func (c *content) copyCells(r data.FigureRef) []string {
	m, f, l := r.Metric, r.Figure, string(c.lang)
	v := f.Qualifier.Prefix(l) + stated(f.Value)
	if f.OutOf > 0 {
		v = f.Qualifier.Prefix(l) + data.Rank(f.Value, f.OutOf, l)
	}
	return []string{v, unitLabel(f.UnitOr(m.Unit), c.lang), clean(f.When.Label(l)), c.kindText(f), c.source(f.Source)}
}
