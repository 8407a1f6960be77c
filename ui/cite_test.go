package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lzdash/data"
)

// pressCmd sends one key and returns the command the model answers with.
func pressCmd(m *Model, k string) tea.Cmd {
	_, cmd := m.Update(keyMsg(k))
	return cmd
}

// clipboard runs cmd, through any batch, and returns the text it would
// set the clipboard to, and whether it sets it. Commands that wait, such
// as the notice's tick, are given a moment and then left.
func clipboard(cmd tea.Cmd) (string, bool) {
	if cmd == nil {
		return "", false
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(200 * time.Millisecond):
		return "", false
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if s, ok := clipboard(c); ok {
				return s, true
			}
		}
		return "", false
	}
	if v := reflect.ValueOf(msg); v.IsValid() && v.Type().Name() == "setClipboardMsg" {
		return v.String(), true
	}
	return "", false
}

// onFigure opens the Indicators tab on the figure with the given id.
func onFigure(t *testing.T, m *Model, id string) {
	t.Helper()
	r, ok := m.ds.FigureByID(id)
	if !ok {
		t.Fatalf("no figure %s", id)
	}
	m.active = TabIndicators
	ind := m.tabs[TabIndicators].(*indicators)
	if !ind.show(r) {
		t.Fatalf("cannot show figure %s", id)
	}
}

// TestCiteCopiesCitation checks that y on a highlighted figure sets the
// clipboard to its citation, word for word, in the language on screen,
// and that a notice says so.
func TestCiteCopiesCitation(t *testing.T) {
	ds := testDataset(t)
	for _, tc := range []struct {
		lang   Lang
		want   string
		notice string
	}{
		{Zh, "兰州市技术合同交易额 62.76亿元（2018年，实际）。来源：兰州晚报（凤凰网甘肃频道转载），《2019年全市科技和工业信息化工作会议举行》，2019-02-21：「技术合同交易额达到62.76亿元」", "已复制引用：兰州市技术合同交易额 62.76亿元"},
		{En, `Technology contract turnover, Lanzhou: CNY 6.28 bn (2018, actual). Source: 兰州晚报（凤凰网甘肃频道转载）, "2019 city science, technology and industrial informatisation work conference held" (2019年全市科技和工业信息化工作会议举行), 2019-02-21: "技术合同交易额达到62.76亿元"`, "copied: Technology contract turnover, Lanzhou: CNY 6.28 bn"},
	} {
		m := sized(New(ds, Options{Lang: tc.lang}), 200, 40)
		onFigure(t, m, "tech-contract-2018")
		got, ok := clipboard(pressCmd(m, "y"))
		if !ok {
			t.Fatalf("%s: y sets no clipboard", tc.lang)
		}
		if got != tc.want {
			t.Errorf("%s: y copies\n%s\nwant\n%s", tc.lang, got, tc.want)
		}
		contains(t, m.Render(), tc.notice)
		// The notice goes when its time is up.
		m.Update(clearNoticeMsg{m.noticeID})
		if strings.Contains(m.Render(), tc.notice) {
			t.Errorf("%s: the notice stays after its time", tc.lang)
		}
	}
}

// TestCiteEveryTab checks that y cites the highlighted figure of the
// Targets and Sources tabs, and on a tab that highlights none copies
// nothing and says so.
func TestCiteEveryTab(t *testing.T) {
	ds := testDataset(t)
	m := sized(New(ds, Options{Lang: En, Tab: TabTargets}), 200, 40)
	press(m, "down")
	tg := m.tabs[TabTargets].(*targets)
	v := tg.c.targets[1].v
	got, _ := clipboard(pressCmd(m, "y"))
	if want := data.Citation(ds, data.FigureRef{Metric: v.Metric, Figure: v.Target}, "en"); got != want {
		t.Errorf("Targets: y copies %q, want %q", got, want)
	}
	m = sized(New(ds, Options{Lang: Zh, Tab: TabSources}), 200, 40)
	press(m, "down", "]")
	r := ds.FiguresFrom(ds.Sources[1].ID)[1]
	got, _ = clipboard(pressCmd(m, "y"))
	if want := data.Citation(ds, r, "zh"); got != want {
		t.Errorf("Sources: y copies %q, want %q", got, want)
	}
	m = sized(New(bare(t), Options{Lang: En, Tab: TabZones}), 200, 40)
	if _, ok := clipboard(pressCmd(m, "y")); ok {
		t.Error("Zones without bars: y copies though nothing is highlighted")
	}
	contains(t, m.Render(), "no highlighted figure to cite here")
}

// TestCopyTableTSV checks that Y copies the figures of the metric on
// screen as tab-separated values, a header and a line per figure.
func TestCopyTableTSV(t *testing.T) {
	ds := testDataset(t)
	m := sized(New(ds, Options{Lang: En}), 200, 40)
	onFigure(t, m, "tech-contract-2018")
	got, ok := clipboard(pressCmd(m, "Y"))
	if !ok {
		t.Fatal("Y sets no clipboard")
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if lines[0] != "Year\tValue\tChange\tKind\tSource" {
		t.Errorf("TSV header %q", lines[0])
	}
	fs := 0
	for _, f := range ds.Metric("tech-contract-turnover").Figures {
		if f.Zone == "" {
			fs++
		}
	}
	if len(lines) != fs+1 {
		t.Errorf("TSV has %d lines, want %d:\n%s", len(lines), fs+1, got)
	}
	for _, l := range lines {
		if strings.Count(l, "\t") != 4 || strings.ContainsAny(l, "\x1b") {
			t.Errorf("TSV line %q: not five plain cells", l)
		}
	}
	if !strings.Contains(got, "2018\tCNY 6.28 bn\t") {
		t.Errorf("TSV lacks the 2018 figure:\n%s", got)
	}
	contains(t, m.Render(), "table copied (")
}
