package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// bare parses lzdash init's template: one zone, so no zone bars, and no
// conflicts.
func bare(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := data.Parse("template.yaml", []byte(data.Template()))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// body is the screen between the tab bar's rule and the footer, plain.
func body(m *Model) []string {
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	return lines[headerRows : headerRows+m.bodyH]
}

// litLines returns the lines of the body that carry the mark of the
// highlighted item.
func litLines(m *Model) []string {
	var out []string
	for _, l := range body(m) {
		if strings.Contains(l, m.st.Marks.Lit) {
			out = append(out, l)
		}
	}
	return out
}

// TestOverviewWalk checks that ↓ and ↑ walk the cards in reading order
// and then the conflicts, one highlighted at a time and always on
// screen, that g and G go to the ends, and that a click highlights the
// card under it.
func TestOverviewWalk(t *testing.T) {
	ds := testDataset(t)
	m := sized(New(ds, Options{Lang: En}), 100, 30)
	o := m.tabs[TabOverview].(*overview)
	cards, disputes := len(o.c.cards), len(o.c.disputes)
	if cards != 7 || disputes != 5 {
		t.Fatalf("%d cards and %d conflicts, want 7 and 5", cards, disputes)
	}
	for i := range cards + disputes {
		lit := litLines(m)
		if len(lit) != 1 {
			t.Fatalf("item %d: %d lines marked, want 1:\n%s", i, len(lit), strings.Join(body(m), "\n"))
		}
		r, _ := o.highlighted()
		if want := name(r.Metric.Name, En); i < cards && !strings.Contains(lit[0], "▸ "+want[:min(len(want), 20)]) {
			t.Errorf("item %d: marked line %q is not card %q", i, lit[0], want)
		}
		if i >= cards && !strings.HasPrefix(lit[0], "▸ "+name(r.Metric.Name, En)) {
			t.Errorf("item %d: marked line %q is not the heading of conflict %d", i, lit[0], i-cards)
		}
		// The first card of the view's first row has the heavy border.
		if i == 0 && !strings.HasPrefix(body(m)[3], "┏━") {
			t.Errorf("the highlighted card has no heavy border: %q", body(m)[3])
		}
		press(m, "down")
	}
	if o.sel != cards+disputes-1 {
		t.Errorf("after walking every item the highlight is on %d", o.sel)
	}
	press(m, "up")
	if o.sel != cards+disputes-2 {
		t.Errorf("up from the last item goes to %d", o.sel)
	}
	press(m, "g")
	if o.sel != 0 || o.off != 0 {
		t.Errorf("g: item %d at line %d, want 0 at the top", o.sel, o.off)
	}
	press(m, "G")
	if o.sel != cards+disputes-1 || len(litLines(m)) != 1 {
		t.Errorf("G: item %d, %d lines marked", o.sel, len(litLines(m)))
	}
	// A click on the third card of the first row highlights it.
	press(m, "g")
	m.Update(tea.MouseClickMsg{X: 2*33 + 5, Y: headerRows + 5})
	if o.sel != 2 {
		t.Errorf("a click on the third card highlights item %d", o.sel)
	}
}

// TestOverviewPageKeys checks that the page keys scroll, then highlight
// an item in view, so that y never cites what is off screen.
func TestOverviewPageKeys(t *testing.T) {
	m := sized(New(testDataset(t), Options{Lang: Zh}), 100, 24)
	o := m.tabs[TabOverview].(*overview)
	for range 3 {
		press(m, "pgdown")
		if o.off == 0 {
			t.Fatal("pgdown does not scroll")
		}
		if s := o.spots[o.sel]; s.top < o.off || s.top+s.h > o.off+o.rows() {
			// No item lies wholly in view: the highlight stays.
			for _, x := range o.spots {
				if x.top >= o.off && x.top+x.h <= o.off+o.rows() {
					t.Errorf("at line %d item %d is out of view while item at line %d is in it", o.off, o.sel, x.top)
				}
			}
		}
	}
}

// TestCiteHighlighted checks, word for word in both languages, what y
// copies on a card, a zone bar and a conflict: the figure or every side
// of the disagreement, with kind, period and source.
func TestCiteHighlighted(t *testing.T) {
	ds := testDataset(t)
	for _, tc := range []struct {
		lang Lang
		tab  int
		keys []string
		want string
	}{
		{Zh, TabOverview, nil, "兰州市科技进步贡献率 60.1%（2020年，预计）。来源：兰州日报，《我市多举措推动“兰白两区”高质量发展》，2020-11-30（日期推断）：「全市科技進步貢獻率預計達到60.1%」"},
		{En, TabOverview, nil, `S&T progress contribution rate, Lanzhou: 60.1% (2020, estimate). Source: 兰州日报, "Lanzhou takes multiple measures to advance the Lanzhou-Baiyin zones" (我市多举措推动“兰白两区”高质量发展), 2020-11-30 (date inferred): "全市科技進步貢獻率預計達到60.1%"`},
		{Zh, TabZones, []string{"down"}, "兰州高新区地区生产总值 160.06亿元（2021年上半年，部分期）。来源：中国发展网，《科技创新助力兰州国家级创新型城市高质量发展》，2021-12-28：「地区生产总值分别达到128.2亿元、160.06亿元和164.26亿元」"},
		{En, TabZones, []string{"down"}, `GDP, Lanzhou Hi-tech Zone: CNY 16 bn (H1 2021, part-year). Source: 中国发展网, "S&T innovation drives the high-quality development of Lanzhou as a national innovative city" (科技创新助力兰州国家级创新型城市高质量发展), 2021-12-28: "地区生产总值分别达到128.2亿元、160.06亿元和164.26亿元"`},
		{Zh, TabOverview, strings.Fields("down down down down down down down"), "来源不一致（2项数据，均已保留）：①兰白两区地区生产总值 859亿元（2020年，实际）。来源：中国发展网，《科技创新助力兰州国家级创新型城市高质量发展》，2021-12-28：「增至2020年的859亿元」" +
			"　②兰白两区地区生产总值 850亿元（2020年，预计）。来源：兰州日报，《我市多举措推动“兰白两区”高质量发展》，2020-11-30（日期推断）：「預計地區生產總值共計850億元」"},
		{En, TabOverview, strings.Fields("down down down down down down down"), `Sources disagree (2 figures, all kept): (1) GDP, Lanzhou-Baiyin zones: CNY 85.9 bn (2020, actual). Source: 中国发展网, "S&T innovation drives the high-quality development of Lanzhou as a national innovative city" (科技创新助力兰州国家级创新型城市高质量发展), 2021-12-28: "增至2020年的859亿元"` +
			` (2) GDP, Lanzhou-Baiyin zones: CNY 85 bn (2020, estimate). Source: 兰州日报, "Lanzhou takes multiple measures to advance the Lanzhou-Baiyin zones" (我市多举措推动“兰白两区”高质量发展), 2020-11-30 (date inferred): "預計地區生產總值共計850億元"`},
	} {
		m := press(sized(New(ds, Options{Lang: tc.lang, Tab: tc.tab}), 120, 40), tc.keys...)
		got, ok := clipboard(pressCmd(m, "y"))
		if !ok || got != tc.want {
			t.Errorf("%s %s %v: y copies\n%s\nwant\n%s", tc.lang, TabNames[tc.tab], tc.keys, got, tc.want)
		}
		contains(t, ansi.Strip(m.Render()), map[Lang]string{Zh: "已复制引用：", En: "copied: "}[tc.lang]+tc.want[:12])
	}
}

// TestDrillAndBack checks that Enter on a card, a zone bar and a
// conflict opens its figure on the Indicators tab, its zone chosen and
// its row highlighted, and that Esc or Backspace return to the same item.
func TestDrillAndBack(t *testing.T) {
	ds := testDataset(t)
	for _, tc := range []struct {
		tab  int
		keys []string
		back string
	}{
		{TabOverview, []string{"down", "down"}, "esc"},
		{TabZones, []string{"down", "down", "down", "down"}, "backspace"},
		{TabOverview, strings.Fields("G up"), "esc"},
	} {
		m := press(sized(New(ds, Options{Lang: En, Tab: tc.tab}), 120, 40), tc.keys...)
		from := m.tabs[tc.tab].(citer)
		want, ok := from.highlighted()
		if !ok {
			t.Fatalf("%s %v: nothing highlighted", TabNames[tc.tab], tc.keys)
		}
		sel := *pagerOf(m, tc.tab)
		press(m, "enter")
		ind := m.tabs[TabIndicators].(*indicators)
		got, _ := ind.highlighted()
		if m.Active() != TabIndicators || got != want {
			t.Fatalf("%s %v: enter opens tab %d on %v, want %s %s %v", TabNames[tc.tab], tc.keys, m.Active(), got.Figure, want.Metric.ID, want.Figure.Zone, want.Figure)
		}
		if z := ind.zoneID(ind.Selected()); z != want.Figure.Zone {
			t.Errorf("%s %v: enter chooses zone %q, want %q", TabNames[tc.tab], tc.keys, z, want.Figure.Zone)
		}
		press(m, tc.back)
		if p := pagerOf(m, tc.tab); m.Active() != tc.tab || p.sel != sel.sel || p.off != sel.off {
			t.Errorf("%s %v: %s returns to tab %d item %d line %d, want item %d line %d", TabNames[tc.tab], tc.keys, tc.back, m.Active(), p.sel, p.off, sel.sel, sel.off)
		}
	}
}

func pagerOf(m *Model, tab int) *pager {
	switch t := m.tabs[tab].(type) {
	case *overview:
		return &t.pager
	case *zones:
		return &t.pager
	}
	return nil
}

// TestCopyLists checks that Y copies the cards, the conflicts or the
// zones compared as tab-separated values, a row a figure, with the
// value's unit, period, kind and source in their own columns.
func TestCopyLists(t *testing.T) {
	ds := testDataset(t)
	for _, tc := range []struct {
		tab      int
		keys     []string
		head     string
		rows     int
		has, not string
	}{
		{TabOverview, nil, "Indicator\tValue\tUnit\tPeriod\tKind\tSource", 7, "Patent applications\t1.07\t10,000\tJan-Oct 2020\tpart-year\t兰州日报 2020-11-30(inferred)\n", "Lanzhou-Baiyin"},
		{TabOverview, []string{"G"}, "No.\tIndicator\tZone\tValue\tUnit\tPeriod\tKind\tSource", 10, "1\tGDP\tLanzhou-Baiyin zones\t850\tCNY 100 m\t2020\testimate\t兰州日报 2020-11-30(inferred)\n", "S&T progress"},
		{TabZones, nil, "Indicator\tZone\tValue\tUnit\tPeriod\tShare\tKind\tSource", 15, "GDP\tLanzhou Hi-tech Zone\t160.06\tCNY 100 m\tH1 2021\t35.4%\tpart-year\t中国发展网 2021-12-28\n", "Leading industries"},
	} {
		m := press(sized(New(ds, Options{Lang: En, Tab: tc.tab}), 120, 40), tc.keys...)
		got, ok := clipboard(pressCmd(m, "Y"))
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		if !ok || lines[0] != tc.head || len(lines) != tc.rows+1 {
			t.Errorf("%s %v: Y copies %d lines headed %q, want %d rows headed %q:\n%s", TabNames[tc.tab], tc.keys, len(lines), lines[0], tc.rows, tc.head, got)
		}
		if !strings.Contains(got, tc.has) || strings.Contains(got, tc.not) {
			t.Errorf("%s %v: Y copies no %q, or %q:\n%s", TabNames[tc.tab], tc.keys, tc.has, tc.not, got)
		}
		cols := strings.Count(tc.head, "\t")
		for _, l := range lines {
			if strings.Count(l, "\t") != cols {
				t.Errorf("%s: line %q has not %d cells", TabNames[tc.tab], l, cols+1)
			}
		}
	}
}

// TestActionHints checks that the hints offer y and Enter only where
// they work, and Y in the full help only where there is a table.
func TestActionHints(t *testing.T) {
	for _, tc := range []struct {
		ds     *data.Dataset
		tab    int
		keys   []string
		short  []string // keys the short help has
		absent []string // and has not
		table  bool
	}{
		{testDataset(t), TabOverview, nil, []string{"y", "enter"}, []string{"esc/backspace"}, true},
		{testDataset(t), TabZones, nil, []string{"y", "enter"}, nil, true},
		{bare(t), TabZones, nil, nil, []string{"y", "enter"}, false},
		{testDataset(t), TabOverview, []string{"enter"}, []string{"esc/backspace", "y"}, []string{"enter"}, true},
		{testDataset(t), TabIndicators, nil, []string{"y"}, []string{"enter", "esc/backspace"}, true},
	} {
		m := press(sized(New(tc.ds, Options{Lang: En, Tab: tc.tab}), 200, 30), tc.keys...)
		keys := map[string]bool{}
		for _, b := range m.ShortHelp() {
			keys[b.Help().Key] = true
		}
		for _, k := range tc.short {
			if !keys[k] {
				t.Errorf("%s %v: the hints lack %s: %q", TabNames[m.Active()], tc.keys, k, hints(m))
			}
		}
		for _, k := range tc.absent {
			if keys[k] {
				t.Errorf("%s %v: the hints offer %s: %q", TabNames[m.Active()], tc.keys, k, hints(m))
			}
		}
		press(m, "?")
		if got := regexp.MustCompile(`Y +copy table`).MatchString(ansi.Strip(m.Render())); got != tc.table {
			t.Errorf("%s %v: the full help offers Y: %v, want %v", TabNames[m.Active()], tc.keys, got, tc.table)
		}
	}
}

// TestLitWithoutColour checks that the highlight shows without colour:
// a mark and a heavier border, in ASCII in ASCII mode, and the reverse
// attribute, which NO_COLOR keeps.
func TestLitWithoutColour(t *testing.T) {
	ds := testDataset(t)
	for _, tc := range []struct {
		ascii             bool
		mark, border, bar string
	}{
		{false, "┃ ▸ ", "┏━━", "▸█"},
		{true, "# > ", "#==", ">#"},
	} {
		m := sized(New(ds, Options{Lang: Zh, ASCII: tc.ascii}), 100, 30)
		contains(t, ansi.Strip(m.Render()), tc.mark, tc.border)
		m = sized(New(ds, Options{Lang: Zh, Tab: TabZones, ASCII: tc.ascii}), 100, 30)
		if lit := litLines(m); len(lit) != 1 || !strings.Contains(lit[0], tc.bar) {
			t.Errorf("ascii %v: the highlighted bar is not marked with %q: %q", tc.ascii, tc.bar, lit)
		}
		if !strings.Contains(ascii(t, m.Render()), "\x1b[1;7m") {
			t.Errorf("ascii %v: the highlighted bar's zone is not reversed without colour", tc.ascii)
		}
	}
}
