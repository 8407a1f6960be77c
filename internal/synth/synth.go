// Package synth generates large, valid lzdash datasets for benchmarks and
// load tests. The output depends only on the options, so a run can be
// repeated exactly; generated files are never committed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Options size a synthetic dataset.
type Options struct {
	Seed    uint64
	Metrics int
	Years   int
	Zones   int
	Sources int
	// YearsPerMetric is how many of the Years each metric has a city-wide
	// figure for.
	YearsPerMetric int
	// ZoneEvery gives every ZoneEvery-th metric figures for every zone in
	// its last two years; 0 means no zone figures.
	ZoneEvery int
}

// Large is the dataset the performance budgets are measured on: 2,000
// metrics over 50 years, 50 zones and 100 sources.
var Large = Options{Seed: 1, Metrics: 2000, Years: 50, Zones: 50, Sources: 100, YearsPerMetric: 20, ZoneEvery: 10}

// Generate writes a dataset in the lzdash format.
func Generate(o Options) []byte {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(o.Metrics * o.YearsPerMetric * 120)
	const first = 1975
	b.WriteString("schema: 1\ntitle: {zh: 合成数据集, en: Synthetic dataset}\nregion: {zh: 合成市, en: Synthetic City}\nsources:\n")
	for i := range o.Sources {
		fmt.Fprintf(&b, "  - {id: s%d, publisher: 合成日报, title: 合成报道第%d篇, date: \"%d-06-%02d\"}\n", i, i, first+o.Years-1, 1+i%28)
	}
	cats := 12
	b.WriteString("categories:\n")
	for i := range cats {
		fmt.Fprintf(&b, "  - {id: c%d, name: {zh: 类别%d, en: Category %d}}\n", i, i, i)
	}
	b.WriteString("zones:\n")
	for i := range o.Zones {
		fmt.Fprintf(&b, "  - {id: z%d, name: {zh: 园区%d, en: Zone %d}}\n", i, i, i)
	}
	if o.Zones > 1 {
		members := make([]string, o.Zones)
		for i := range members {
			members[i] = fmt.Sprintf("z%d", i)
		}
		fmt.Fprintf(&b, "  - {id: all, name: {zh: 全部园区, en: All zones}, members: [%s]}\n", strings.Join(members, ", "))
	}
	b.WriteString("metrics:\n")
	units := []string{"亿元", "件", "家", "%", "个"}
	for i := range o.Metrics {
		unit := units[i%len(units)]
		fmt.Fprintf(&b, "  - id: m%d\n    name: {zh: 指标%d号, en: Metric number %d}\n    category: c%d\n    unit: \"%s\"\n", i, i, i, i%cats, unit)
		if i < 8 {
			b.WriteString("    headline: true\n")
		}
		b.WriteString("    figures:\n")
		v := 10 + r.Float64()*90
		years := r.Perm(o.Years)[:min(o.YearsPerMetric, o.Years)]
		for j, y := range years {
			v *= 0.9 + r.Float64()*0.25
			kind := "actual"
			extra := ""
			switch {
			case j == 0:
				kind, extra = "target", `, comparator: ">="`
			case j%7 == 3:
				kind = "estimate"
			}
			fmt.Fprintf(&b, "      - {year: %d, value: %.2f, kind: %s%s, source: s%d, quote: \"第%d号指标%d年达到%.2f\"}\n",
				first+y, v, kind, extra, r.IntN(o.Sources), i, first+y, v)
		}
		if o.ZoneEvery > 0 && i%o.ZoneEvery == 0 {
			for z := range o.Zones {
				for _, y := range []int{o.Years - 2, o.Years - 1} {
					zv := 1 + r.Float64()*50
					fmt.Fprintf(&b, "      - {zone: z%d, year: %d, value: %.2f, kind: actual, source: s%d, quote: \"园区%d达到%.2f\"}\n",
						z, first+y, zv, r.IntN(o.Sources), z, zv)
				}
			}
		}
	}
	return []byte(b.String())
}
