package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/x/exp/teatest/v2"
	"lzdash/data"
)

// run drives the real root model through a teatest program and returns
// it after quitting.
func run(t *testing.T, m *Model, w, h int, drive func(tm *teatest.TestModel)) *Model {
	t.Helper()
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	drive(tm)
	tm.Send(keyMsg("q"))
	return tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
}

// waitFor waits until the output holds every token. The renderer moves
// the cursor over unchanged cells, so tokens must not contain spaces.
func waitFor(t *testing.T, tm *teatest.TestModel, subs ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		s := ansi.Strip(string(b))
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func TestSwitchTabs(t *testing.T) {
	ds := testDataset(t)
	cases := []struct {
		keys []string
		want int
	}{
		{[]string{"tab"}, TabIndicators},
		{[]string{"tab", "tab", "tab", "tab", "tab"}, TabOverview},
		{[]string{"shift+tab"}, TabSources},
		{[]string{"right", "right"}, TabTargets},
		{[]string{"left"}, TabSources},
		{[]string{"4"}, TabZones},
		{[]string{"5", "1"}, TabOverview},
	}
	for _, c := range cases {
		m := run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
			for _, k := range c.keys {
				tm.Send(keyMsg(k))
			}
		})
		if m.Active() != c.want {
			t.Errorf("%v: active tab %d, want %d", c.keys, m.Active(), c.want)
		}
	}
}

func TestMouseClickOnTabBar(t *testing.T) {
	ds := testDataset(t)
	m := sized(New(ds, Options{Lang: En}), 100, 30)
	// " 1 Overview " is 12 columns; "3 Targets" starts after Indicators.
	x := strings.Index(ansi.Strip(m.tabBar()), "3 Targets")
	got := run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
		tm.Send(tea.MouseClickMsg{X: x + 1, Y: 0, Button: tea.MouseLeft})
	})
	if got.Active() != TabTargets {
		t.Fatalf("click at x=%d: active tab %d, want %d", x+1, got.Active(), TabTargets)
	}
	// A click below the tab bar does not switch tabs.
	got = run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
		tm.Send(tea.MouseClickMsg{X: x + 1, Y: 5, Button: tea.MouseLeft})
	})
	if got.Active() != TabOverview {
		t.Fatalf("click in the body switched to tab %d", got.Active())
	}
}

func TestMoveSelection(t *testing.T) {
	ds := testDataset(t)
	m := run(t, New(ds, Options{Lang: En, Tab: TabIndicators}), 120, 40, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("down"))
		tm.Send(keyMsg("down"))
		tm.Send(keyMsg("up"))
	})
	ind := m.tabs[TabIndicators].(*indicators)
	want := &ds.Metrics[1]
	if ind.Selected() != want {
		t.Fatalf("selected %q, want %q", ind.Selected().ID, want.ID)
	}
	contains(t, ansi.Strip(m.Render()), ">"+want.Name.En)

	tg := run(t, New(ds, Options{Lang: En, Tab: TabTargets}), 120, 40, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("down"))
		tm.Send(keyMsg("down"))
	})
	tt := tg.tabs[TabTargets].(*targets)
	if tt.row != 2 {
		t.Fatalf("targets row %d, want 2", tt.row)
	}
	contains(t, ansi.Strip(tg.Render()), tt.c.targets[2].v.Target.Quote)
}

func TestFilter(t *testing.T) {
	ds := testDataset(t)
	m := run(t, New(ds, Options{Lang: En, Tab: TabIndicators}), 120, 40, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("/"))
		tm.Type("patent")
		// While typing, q and L are text, not commands.
		tm.Send(keyMsg("enter"))
	})
	ind := m.tabs[TabIndicators].(*indicators)
	if ind.Capturing() {
		t.Fatal("still typing after enter")
	}
	if got := ind.filter.Value(); got != "patent" {
		t.Fatalf("filter %q, want patent", got)
	}
	n := 0
	for _, it := range ind.items {
		if it.metric == nil {
			continue
		}
		n++
		if !matches(it.metric, "patent") {
			t.Errorf("%s passes the filter", it.metric.ID)
		}
	}
	if n == 0 {
		t.Fatal("no metric matches patent")
	}
	view := ansi.Strip(m.Render())
	contains(t, view, "filter: patent", "Patent applications")
	if strings.Contains(view, "Technology contract turnover") {
		t.Error("a filtered-out metric is still listed")
	}

	// Chinese names filter too, and q typed into the filter does not quit.
	m = run(t, New(ds, Options{Lang: Zh, Tab: TabIndicators}), 120, 40, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("/"))
		tm.Type("专利q")
		tm.Send(keyMsg("esc"))
		tm.Send(keyMsg("/"))
		tm.Type("专利")
		tm.Send(keyMsg("enter"))
	})
	if got := m.tabs[TabIndicators].(*indicators).filter.Value(); got != "专利" {
		t.Fatalf("filter %q, want 专利", got)
	}
	contains(t, ansi.Strip(m.Render()), "专利申请量")
}

func TestToggleLanguage(t *testing.T) {
	ds := testDataset(t)
	m := run(t, New(ds, Options{}), 100, 30, func(tm *teatest.TestModel) {
		waitFor(t, tm, "总览")
		tm.Send(keyMsg("L"))
		waitFor(t, tm, "Overview")
	})
	if m.Lang() != En {
		t.Fatalf("language %q after L, want en", m.Lang())
	}
	view := ansi.Strip(m.Render())
	contains(t, view, "1 Overview", "L 中/EN", "q quit")
	if strings.Contains(view, "总览") {
		t.Error("English view still shows 总览")
	}
	back := press(m, "L")
	contains(t, ansi.Strip(back.Render()), "1 总览", "q 退出")
}

func TestToggleHelp(t *testing.T) {
	ds := testDataset(t)
	m := run(t, New(ds, Options{Lang: En, Tab: TabIndicators}), 120, 40, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("?"))
	})
	if !m.HelpOpen() {
		t.Fatal("help not open after ?")
	}
	view := ansi.Strip(m.Render())
	contains(t, view, "previous tab", "go to tab", "clear filter", "select figure")
	checkFits(t, m.Render(), 120, 40, "help open")
	closed := press(m, "?")
	if closed.HelpOpen() || strings.Contains(ansi.Strip(closed.Render()), "go to tab") {
		t.Fatal("help still open after a second ?")
	}
}

func TestResizeTinyAndBack(t *testing.T) {
	ds := testDataset(t)
	m := run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
		// Bubble Tea sends the initial size from a goroutine of its own;
		// wait for the first frame so that it cannot overtake ours.
		waitFor(t, tm, "Overview")
		tm.Send(tea.WindowSizeMsg{Width: 30, Height: 10})
		waitFor(t, tm, "30×10")
		tm.Send(tea.WindowSizeMsg{Width: 0, Height: 0})
		tm.Send(tea.WindowSizeMsg{Width: 1, Height: 1})
		tm.Send(tea.WindowSizeMsg{Width: 90, Height: 25})
	})
	view := ansi.Strip(m.Render())
	if strings.Contains(view, "too small") {
		t.Fatal("still too small after growing")
	}
	contains(t, view, "1 Overview")
	checkFits(t, m.Render(), 90, 25, "after resize")
}

func TestQuit(t *testing.T) {
	ds := testDataset(t)
	for _, k := range []string{"q", "ctrl+c"} {
		tm := teatest.NewTestModel(t, New(ds, Options{Lang: En}), teatest.WithInitialTermSize(80, 24))
		tm.Send(keyMsg(k))
		tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	}
}

// TestLiveReload hands the dashboard an invalid file's error, then a
// valid dataset, as the watcher does.
func TestLiveReload(t *testing.T) {
	good, err := os.ReadFile("../data/testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds := parse(t, good)
	m := run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
		waitFor(t, tm, "contribution")
		bad := bytes.Replace(good, []byte("year: 2019\n        value: 57.1"), []byte("year: 1800\n        value: 57.1"), 1)
		if bytes.Equal(bad, good) {
			t.Fatal("the invalid edit did not apply")
		}
		_, err := data.Parse("data.yaml", bad)
		tm.Send(DatasetMsg{Err: err})
		waitFor(t, tm, "failed;", "1800")
		fixed := bytes.Replace(good, []byte("value: 57.1"), []byte("value: 57.4"), 1)
		tm.Send(DatasetMsg{Dataset: parse(t, fixed)})
		waitFor(t, tm, "reloaded")
	})
	if m.LoadError() != "" {
		t.Fatalf("load error after a valid file: %s", m.LoadError())
	}
	f := m.Dataset().Metric("contribution-rate").Figures[1]
	if f.Value != 57.4 {
		t.Fatalf("reloaded value %v, want 57.4", f.Value)
	}
}

// TestInvalidReloadKeepsData checks that a bad file leaves the last good
// data on screen with the error's position.
func TestInvalidReloadKeepsData(t *testing.T) {
	good, err := os.ReadFile("../data/testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds := parse(t, good)
	_, loadErr := data.Parse("data.yaml", []byte("schema: [unclosed\n"))
	m := run(t, New(ds, Options{Lang: En}), 100, 30, func(tm *teatest.TestModel) {
		tm.Send(DatasetMsg{Err: loadErr})
		waitFor(t, tm, "failed;")
	})
	if m.Dataset() != ds {
		t.Fatal("an invalid file replaced the data")
	}
	if !strings.Contains(m.LoadError(), "data.yaml:") {
		t.Fatalf("load error %q lacks the file position", m.LoadError())
	}
	contains(t, ansi.Strip(m.Render()), "still showing the last good data", "S&T contribution rate")
}

// parse validates a fixture dataset held in memory.
func parse(t *testing.T, src []byte) *data.Dataset {
	t.Helper()
	ds, err := data.Parse("data.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestMouseClickSelects clicks rows of the Indicators list, the Targets
// table and the Sources table.
func TestMouseClickSelects(t *testing.T) {
	ds := testDataset(t)
	// Screen row 2 is the first row under the tab bar and its rule: the
	// filter line of the Indicators list; rows 3 and 4 are the first
	// category heading and its first metric.
	m := sized(New(ds, Options{Lang: En, Tab: TabIndicators}), 120, 40)
	ind := m.tabs[TabIndicators].(*indicators)
	target := ind.items[3].metric
	if target == nil {
		t.Fatal("the fourth list row is a heading")
	}
	next, _ := m.Update(tea.MouseClickMsg{X: 3, Y: 2 + 4, Button: tea.MouseLeft})
	m = next.(*Model)
	if got := m.tabs[TabIndicators].(*indicators).Selected(); got != target {
		t.Fatalf("clicked %q, selected %q", target.ID, got.ID)
	}
	// A click on a heading keeps the selection.
	next, _ = m.Update(tea.MouseClickMsg{X: 3, Y: 2 + 1, Button: tea.MouseLeft})
	if got := next.(*Model).tabs[TabIndicators].(*indicators).Selected(); got != target {
		t.Fatalf("a click on a heading selected %q", got.ID)
	}

	m = sized(New(ds, Options{Lang: En, Tab: TabTargets}), 120, 40)
	m.Render()
	next, _ = m.Update(tea.MouseClickMsg{X: 20, Y: 2 + 3, Button: tea.MouseLeft})
	m = next.(*Model)
	tg := m.tabs[TabTargets].(*targets)
	if tg.row != 2 {
		t.Fatalf("clicked the third target, row is %d", tg.row)
	}
	contains(t, ansi.Strip(m.Render()), tg.c.targets[2].v.Target.Quote)

	// Only the selected source's note is shown: click a source with one.
	pick := -1
	for i := 1; i < len(ds.Sources); i++ {
		if len([]rune(ds.Sources[i].Note.En)) >= 10 {
			pick = i
			break
		}
	}
	if pick < 0 {
		t.Fatal("no source after the first has a note to check")
	}
	m = sized(New(ds, Options{Lang: En, Tab: TabSources}), 120, 40)
	m.Render()
	next, _ = m.Update(tea.MouseClickMsg{X: 5, Y: 2 + 1 + pick, Button: tea.MouseLeft})
	m = next.(*Model)
	if row := m.tabs[TabSources].(*sources).row; row != pick {
		t.Fatalf("clicked source %d, row is %d", pick, row)
	}
	contains(t, ansi.Strip(m.Render()), string([]rune(ds.Sources[pick].Note.En)[:10]))
}
