package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
	"lzdash/internal/synth"
)

// largeDataset parses the synthetic large dataset: 2,000 metrics over 50
// years, 50 zones and 100 sources.
func largeDataset(b *testing.B) *data.Dataset {
	b.Helper()
	ds, err := data.Parse("large.yaml", synth.Generate(synth.Large))
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

// benchViews draws each tab as View does after a change: Render, not the
// frame View keeps while nothing changes.
func benchViews(b *testing.B, ds *data.Dataset) {
	for _, lang := range []Lang{Zh, En} {
		for tab, name := range TabNames {
			m := sized(New(ds, Options{Lang: lang, Tab: tab}), 120, 40)
			m.Render()
			b.Run(name+"-"+string(lang), func(b *testing.B) {
				for b.Loop() {
					m.Render()
				}
			})
		}
	}
}

// BenchmarkView draws each tab at 120×40 in both languages.
func BenchmarkView(b *testing.B) { benchViews(b, testDataset(b)) }

// BenchmarkViewLarge renders each tab of the synthetic large dataset.
func BenchmarkViewLarge(b *testing.B) { benchViews(b, largeDataset(b)) }

func benchKeys(b *testing.B, ds *data.Dataset) {
	cases := []struct {
		name string
		tab  int
		keys []string
	}{
		{"tab-switch", TabOverview, []string{"tab"}},
		{"select-metric", TabIndicators, []string{"down"}},
		{"select-target", TabTargets, []string{"down"}},
		{"language", TabIndicators, []string{"L"}},
		// Down and up again: on the Overview and Zones tabs, each
		// highlights another card or bar, which is drawn lit.
		{"walk-overview", TabOverview, []string{"down", "up"}},
		{"walk-zones", TabZones, []string{"down", "up"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			m := sized(New(ds, Options{Lang: Zh, Tab: c.tab}), 120, 40)
			m.View()
			msgs := make([]tea.Msg, len(c.keys))
			for i, k := range c.keys {
				msgs[i] = keyMsg(k)
			}
			for b.Loop() {
				for _, msg := range msgs {
					next, _ := m.Update(msg)
					m = next.(*Model)
				}
				m.View()
			}
		})
	}
}

// BenchmarkKey measures one key press through Update and View.
func BenchmarkKey(b *testing.B) { benchKeys(b, testDataset(b)) }

// BenchmarkKeyLarge is BenchmarkKey on the synthetic large dataset.
func BenchmarkKeyLarge(b *testing.B) { benchKeys(b, largeDataset(b)) }

// BenchmarkNewSession builds a dashboard as a server does for each
// session, its content and keys shared and already built; NewKeys is
// what a server builds once at start and on every reload of its config,
// here with the keys of one language.
func BenchmarkNewSession(b *testing.B) {
	ds := testDataset(b)
	shared := NewShared()
	shared.Use(ds)
	keys := NewKeys(KeyRemaps{"next": {"tab", "l"}, "prev": {"shift+tab", "h"}, "quit": {"ctrl+q"}})
	New(ds, Options{Lang: En, Shared: shared, Keys: keys})
	b.Run("New", func(b *testing.B) {
		for b.Loop() {
			New(ds, Options{Lang: En, Shared: shared, Keys: keys})
		}
	})
	b.Run("NewKeys", func(b *testing.B) {
		for b.Loop() {
			NewKeys(KeyRemaps{"next": {"tab", "l"}}).in(En)
		}
	})
}
