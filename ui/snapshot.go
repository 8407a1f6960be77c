package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// SnapshotOptions choose what Snapshot draws.
type SnapshotOptions struct {
	Tab    int
	Width  int
	Height int
	Lang   Lang
	// Color keeps colours and styles, for Profile: Unknown is taken
	// for full colour.
	Color   bool
	Profile colorprofile.Profile
	Dark    bool
	// Theme is the colour scheme; "" is ThemeAuto, which draws Dark's
	// palette.
	Theme Theme
	// ASCII draws with ASCII borders and marks alone: see AmbiguousWide.
	ASCII bool
	// Metric and Zone, when set, open the Indicators tab on that metric
	// (by id), and on that zone (by id) of it; Zone alone opens it on
	// the first metric with figures for the zone. Check them first.
	Metric string
	Zone   string
}

// Check reports why o's metric or zone cannot be shown: an id the
// dataset lacks, or a metric with no figures for the zone.
func (o SnapshotOptions) Check(ds *data.Dataset) error {
	var m *data.Metric
	if o.Metric != "" {
		if m = ds.Metric(o.Metric); m == nil {
			return fmt.Errorf("unknown metric %.40q: lzdash export --table figures lists the metric ids", o.Metric)
		}
	}
	if o.Zone == "" {
		return nil
	}
	if ds.Zone(o.Zone) == nil {
		return fmt.Errorf("unknown zone %.40q", o.Zone)
	}
	if m != nil && indexOf(m.Zones(ds), o.Zone) < 0 {
		return fmt.Errorf("metric %.40q has no figures for zone %.40q", o.Metric, o.Zone)
	}
	if m == nil {
		for i := range ds.Metrics {
			if indexOf(ds.Metrics[i].Zones(ds), o.Zone) >= 0 {
				return nil
			}
		}
		return fmt.Errorf("no metric has figures for zone %.40q", o.Zone)
	}
	return nil
}

// Snapshot renders one tab once, with the same code as the dashboard, at
// most Width columns by Height lines, on the Indicators tab when a
// metric or zone is set. Without Color the result is plain
// text.
func Snapshot(ds *data.Dataset, o SnapshotOptions) string {
	tab := o.Tab
	if o.Metric != "" || o.Zone != "" {
		tab = TabIndicators
	}
	m := New(ds, Options{Lang: o.Lang, Tab: tab, Dark: o.Dark, Theme: o.Theme, ASCII: o.ASCII, Profile: o.Profile})
	if o.Metric != "" || o.Zone != "" {
		if ind, ok := m.tabs[TabIndicators].(*indicators); ok {
			ind.focus(o.Metric, o.Zone)
		}
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: o.Width, Height: o.Height})
	s := next.(*Model).Render()
	if o.Color && o.Profile != colorprofile.Unknown && o.Profile != colorprofile.TrueColor {
		var b strings.Builder
		w := &colorprofile.Writer{Forward: &b, Profile: o.Profile}
		_, _ = w.WriteString(s) // a strings.Builder does not fail
		s = b.String()
	}
	if !o.Color {
		s = ansi.Strip(s)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		s = strings.TrimRight(strings.Join(lines, "\n"), "\n")
	}
	return s
}

// TabIndex finds a tab by its snapshot name.
func TabIndex(name string) (int, bool) {
	for i, n := range TabNames {
		if n == name {
			return i, true
		}
	}
	return 0, false
}
