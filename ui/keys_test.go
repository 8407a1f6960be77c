package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// hints returns the last line of the screen: the short help.
func hints(m *Model) string {
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	return lines[len(lines)-1]
}

// keysIn returns the key of every entry of a hint line.
func keysIn(line string) []string {
	var keys []string
	for _, entry := range strings.Split(strings.TrimSpace(line), "  ") {
		if f := strings.Fields(entry); len(f) > 0 {
			keys = append(keys, f[0])
		}
	}
	return keys
}

func TestHintsWhileFiltering(t *testing.T) {
	ds := fixtureDataset(t)
	for _, l := range []Lang{En, Zh} {
		for _, w := range []int{60, 80, 120} {
			m := press(sized(New(ds, Options{Lang: l, Tab: TabIndicators}), w, 24), "/")
			got := keysIn(hints(m))
			want := []string{"enter", "esc", "ctrl+c"}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s %d: hints while filtering show keys %q, want %q: %q", l, w, got, want, hints(m))
			}
			// The keys the hints leave out are typed into the filter.
			m = press(m, "L", "?", "q", "tab")
			if m.Lang() != l || m.HelpOpen() || m.Active() != TabIndicators {
				t.Fatalf("%s %d: a key typed into the filter acted as a command", l, w)
			}
			if got := m.tabs[TabIndicators].(*indicators).filter.Value(); got != "L?q" {
				t.Errorf("%s %d: filter %q, want L?q", l, w, got)
			}
			m = press(m, "esc")
			if ks := keysIn(hints(m)); ks[len(ks)-1] != "q" || !strings.Contains(hints(m), "/") {
				t.Errorf("%s %d: after esc the hints are %q", l, w, hints(m))
			}
		}
	}
}

func TestFullHelpWhileFiltering(t *testing.T) {
	m := press(sized(New(fixtureDataset(t), Options{Lang: En, Tab: TabIndicators}), 80, 24), "?", "/")
	view := ansi.Strip(m.Render())
	if !regexp.MustCompile(`enter +done +ctrl\+c +quit`).MatchString(view) || !strings.Contains(view, "esc") {
		t.Errorf("while filtering the full help lacks enter, esc or ctrl+c:\n%s", view)
	}
	for _, gone := range []string{"next tab", "L 中/EN", "q quit", "go to tab"} {
		if strings.Contains(view, gone) {
			t.Errorf("while filtering the full help shows %q:\n%s", gone, view)
		}
	}
	checkFits(t, m.Render(), 80, 24, "help while filtering")
}

func TestShortHelpKeepsHelpAndQuit(t *testing.T) {
	ds := fixtureDataset(t)
	// The way to the other tabs stays with help and quit at every width.
	tails := map[Lang]string{En: "tab/→ next tab  L 中/EN  ? help  q quit", Zh: "tab/→ 下一标签页  L 中/英  ? 帮助  q 退出"}
	for _, l := range []Lang{En, Zh} {
		for tab := range numTabs {
			for _, w := range []int{60, 80, 100, 120, 200} {
				m := sized(New(ds, Options{Lang: l, Tab: tab}), w, 24)
				h := hints(m)
				if !strings.HasSuffix(h, tails[l]) {
					t.Errorf("%s %s %d: short help %q does not end with %q", l, TabNames[tab], w, h, tails[l])
				}
				if ansi.StringWidth(h) > w {
					t.Errorf("%s %s %d: short help is %d wide", l, TabNames[tab], w, ansi.StringWidth(h))
				}
				// A binding that gives way is not cut in half: every key
				// shown is whole, and the cut is marked.
				for _, k := range keysIn(h) {
					if strings.HasSuffix(k, "~") && k != "~" {
						t.Errorf("%s %s %d: a cut key %q in %q", l, TabNames[tab], w, k, h)
					}
				}
			}
		}
	}
}

func TestFullHelpKeepsGlobalKeys(t *testing.T) {
	ds := fixtureDataset(t)
	for _, w := range []int{60, 80, 120} {
		for tab := range numTabs {
			m := press(sized(New(ds, Options{Lang: En, Tab: tab}), w, 24), "?")
			view := ansi.Strip(m.Render())
			for _, e := range [][2]string{{"q", "quit"}, {"?/esc", "close help"}, {"L", "中/EN"}, {"tab/→", "next tab"}, {"1-5", "go to tab"}} {
				if !regexp.MustCompile(regexp.QuoteMeta(e[0]) + ` +` + regexp.QuoteMeta(e[1])).MatchString(view) {
					t.Errorf("%s %d: the full help lacks %s %s:\n%s", TabNames[tab], w, e[0], e[1], view)
				}
			}
			checkFits(t, m.Render(), w, 24, "full help")
		}
	}
}

func TestEscClosesHelp(t *testing.T) {
	ds := fixtureDataset(t)
	m := run(t, New(ds, Options{Lang: En, Tab: TabIndicators}), 80, 24, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("?"))
		waitFor(t, tm, "close")
		tm.Send(keyMsg("esc"))
		waitFor(t, tm, "quit")
	})
	if m.HelpOpen() {
		t.Fatal("help still open after esc")
	}
	// Without the help open, esc is the tab's: it clears the filter.
	m = press(sized(New(ds, Options{Lang: En, Tab: TabIndicators}), 80, 24), "/", "x", "enter", "?", "esc")
	if m.HelpOpen() {
		t.Fatal("help still open after esc")
	}
	if got := m.tabs[TabIndicators].(*indicators).filter.Value(); got != "x" {
		t.Fatalf("esc that closed the help also cleared the filter: %q", got)
	}
	if m = press(m, "esc"); m.tabs[TabIndicators].(*indicators).filter.Value() != "" {
		t.Fatal("a second esc did not clear the filter")
	}
}

func TestFilterHintsThroughProgram(t *testing.T) {
	m := run(t, New(fixtureDataset(t), Options{Lang: En, Tab: TabIndicators}), 80, 24, func(tm *teatest.TestModel) {
		tm.Send(keyMsg("/"))
		waitFor(t, tm, "ctrl+c")
		tm.Type("q")
		tm.Send(keyMsg("esc"))
	})
	if m.tabs[TabIndicators].(*indicators).Capturing() {
		t.Fatal("still filtering after esc")
	}
}
