package data

// index holds lookups built once when a dataset is parsed. A Dataset is
// never changed after Parse returns, so the index stays valid.
type index struct {
	metrics  map[string]*Metric
	sources  map[string]*Source
	zones    map[string]*Zone
	bySource map[string][]FigureRef
	byID     map[string]FigureRef
	// standing holds every derived figure's standing.
	standing map[*Figure]Kind
}

// Indexed builds the lookups that Parse builds for every dataset it
// returns, and returns ds. It is for a dataset written as Go values that
// Parse read and validated before, as internal/gendata writes the
// embedded one: it validates nothing, and ds must not change afterwards.
func Indexed(ds *Dataset) *Dataset {
	ds.buildIndex()
	return ds
}

func (ds *Dataset) buildIndex() {
	ds.idx = index{
		metrics: make(map[string]*Metric, len(ds.Metrics)),
		sources: make(map[string]*Source, len(ds.Sources)),
		zones:   make(map[string]*Zone, len(ds.Zones)),
	}
	for i := range ds.Metrics {
		ds.idx.metrics[ds.Metrics[i].ID] = &ds.Metrics[i]
	}
	for i := range ds.Sources {
		ds.idx.sources[ds.Sources[i].ID] = &ds.Sources[i]
	}
	ds.idx.bySource = make(map[string][]FigureRef, len(ds.Sources))
	ds.idx.byID = map[string]FigureRef{}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for j := range m.Figures {
			f := &m.Figures[j]
			ds.idx.bySource[f.Source] = append(ds.idx.bySource[f.Source], FigureRef{m, f})
			if f.ID != "" {
				ds.idx.byID[f.ID] = FigureRef{m, f}
			}
		}
	}
	for i := range ds.Zones {
		ds.idx.zones[ds.Zones[i].ID] = &ds.Zones[i]
	}
	ds.idx.standing = ds.standings()
}

// Metric returns the metric with the given id, or nil.
func (ds *Dataset) Metric(id string) *Metric { return ds.idx.metrics[id] }

// Source returns the source with the given id, or nil.
func (ds *Dataset) Source(id string) *Source { return ds.idx.sources[id] }

// Zone returns the zone with the given id, or nil.
func (ds *Dataset) Zone(id string) *Zone { return ds.idx.zones[id] }

// IsAggregate reports whether the zone is made of other zones.
func (z *Zone) IsAggregate() bool { return len(z.Members) > 0 }

// FigureRef is a figure together with the metric it belongs to.
type FigureRef struct {
	Metric *Metric
	Figure *Figure
}

// FigureByID returns the figure with the given id, and false when no
// figure has it.
func (ds *Dataset) FigureByID(id string) (FigureRef, bool) {
	r, ok := ds.idx.byID[id]
	return r, ok
}

// Inputs returns the figures a derived figure is computed from, in the
// order it lists them.
func (ds *Dataset) Inputs(f *Figure) []FigureRef {
	out := make([]FigureRef, 0, len(f.Inputs))
	for _, id := range f.Inputs {
		if r, ok := ds.idx.byID[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

// FiguresFrom lists every figure taken from the source, in file order.
// The slice is shared; callers must not modify it.
func (ds *Dataset) FiguresFrom(sourceID string) []FigureRef {
	return ds.idx.bySource[sourceID]
}

// Zones returns the zone ids that have figures for the metric, in the
// order the dataset lists its zones; "" stands for city-wide figures and
// comes first when present.
func (m *Metric) Zones(ds *Dataset) []string {
	has := map[string]bool{}
	for _, f := range m.Figures {
		has[f.Zone] = true
	}
	var out []string
	if has[""] {
		out = append(out, "")
	}
	for _, z := range ds.Zones {
		if has[z.ID] {
			out = append(out, z.ID)
		}
	}
	return out
}
