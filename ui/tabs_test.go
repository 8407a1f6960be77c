package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"lzdash/data"
)

// myTabs are the tabs whose layout these tests hold to account.
var myTabs = []int{TabOverview, TabTargets, TabZones, TabSources}

// TestGoldenSmall renders every tab of the fixture at 60×20 in both
// languages; go test ./ui -update rewrites testdata/TestGoldenSmall/*.golden.
func TestGoldenSmall(t *testing.T) {
	ds := fixtureDataset(t)
	for _, lang := range []Lang{Zh, En} {
		for _, tab := range append([]int{TabIndicators}, myTabs...) {
			t.Run(fmt.Sprintf("%s-%s-60x20", TabNames[tab], lang), func(t *testing.T) {
				m := sized(New(ds, Options{Lang: lang, Tab: tab}), 60, 20)
				golden.RequireEqual(t, ascii(t, m.Render()))
			})
		}
	}
}

// plain is a tab's view without styles.
func plain(m *Model, tab int) string {
	return ansi.Strip(m.tabs[tab].View(&m.st, &m.memo))
}

// TestTargetsAgree checks that the Targets tab's summary counts what its
// rows say, that a bar appears only beside a met or missed row, and that
// no miss reads 100%.
func TestTargetsAgree(t *testing.T) {
	ds := fixtureDataset(t)
	for _, lang := range []Lang{Zh, En} {
		for _, w := range []int{60, 80, 120, 200} {
			m := sized(New(ds, Options{Lang: lang, Tab: TabTargets}), w, 40)
			view, lt := plain(m, TabTargets), m.c.t
			count := map[string]int{}
			for _, l := range strings.Split(view, "\n") {
				for _, g := range []string{"✓ " + lt.StatusMet, "✗ " + lt.StatusMissed, "? " + lt.StatusUnknown} {
					if strings.HasPrefix(l, g) {
						count[g]++
						if g == "? "+lt.StatusUnknown && strings.ContainsAny(l, "█░") {
							t.Errorf("%s %d: a bar beside an unknown status: %q", lang, w, l)
						}
						if g == "✗ "+lt.StatusMissed && (strings.Contains(l, "██████████") || strings.Contains(l, " 100%")) {
							t.Errorf("%s %d: a miss reads as complete: %q", lang, w, l)
						}
					}
				}
			}
			want := fmt.Sprintf(lt.TargetsSummary, len(m.c.verdicts), count["✓ "+lt.StatusMet], count["✗ "+lt.StatusMissed], count["? "+lt.StatusUnknown])
			if !strings.Contains(view, want) {
				t.Errorf("%s %d: the summary does not read %q:\n%s", lang, w, want, view)
			}
		}
	}
}

// TestTargetsDetailBelow checks that the detail follows the table with
// no more than one blank line, at every height.
func TestTargetsDetailBelow(t *testing.T) {
	ds := fixtureDataset(t)
	for _, h := range []int{20, 40, 60} {
		m := sized(New(ds, Options{Lang: En, Tab: TabTargets}), 120, h)
		if strings.Contains(plain(m, TabTargets), "\n\n\n") {
			t.Errorf("height %d: blank lines between the table and its detail", h)
		}
	}
}

// TestBadgesKept checks, on every tab of these tests from 60×20 to
// 300×80 in both languages, on the fixture and the embedded dataset, that every non-final figure a line shows
// carries its badge whole, and that no value, unit or period before it
// is cut: a cut ends in cutMark, which must never fall inside a badge
// or right after a number.
func TestBadgesKept(t *testing.T) {
	cutBadge := regexp.MustCompile(`\[[^\]]*` + regexp.QuoteMeta(cutMark))
	cutNumber := regexp.MustCompile(`[0-9]` + regexp.QuoteMeta(cutMark))
	// On the embedded dataset names and titles hold numbers ("per 10,000
	// people", "2019年…"), and a name may be cut: there only badges are
	// checked.
	for _, set := range []struct {
		ds      *data.Dataset
		numbers bool
	}{{fixtureDataset(t), true}, {testDataset(t), false}} {
		ds := set.ds
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}, {300, 80}} {
			for _, lang := range []Lang{Zh, En} {
				for _, tab := range append([]int{TabIndicators}, myTabs...) {
					m := sized(New(ds, Options{Lang: lang, Tab: tab}), size[0], size[1])
					what := fmt.Sprintf("%s %s %dx%d", TabNames[tab], lang, size[0], size[1])
					lt := m.c.t
					for _, l := range strings.Split(plain(m, tab), "\n") {
						l = strings.TrimRight(l, " ")
						// The Indicators table's last column, the source, gives way
						// first, dates and all: only its badges are checked.
						numbers := set.numbers && tab != TabIndicators
						if cutBadge.MatchString(l) || numbers && cutNumber.MatchString(l) {
							t.Errorf("%s: a figure or its badge is cut: %q", what, l)
						}
						for _, k := range []data.Kind{data.Estimate, data.Provisional, data.Partial, data.Derived} {
							if strings.Contains(l, "["+lt.kind(k)) && !strings.Contains(l, "]") {
								t.Errorf("%s: badge %s without its end: %q", what, lt.kind(k), l)
							}
						}
					}
				}
			}
		}
	}
}

// TestNonFinalBadged checks that the Targets tab shows a badge beside
// every basis that is not an actual figure.
func TestNonFinalBadged(t *testing.T) {
	ds := fixtureDataset(t)
	for _, lang := range []Lang{Zh, En} {
		m := sized(New(ds, Options{Lang: lang, Tab: TabTargets}), 60, 20)
		for _, r := range m.c.targets {
			if f := r.v.Basis; f != nil && f.Kind != data.Actual && r.badge == "" {
				t.Errorf("%s: the basis of %s lacks its badge", lang, r.label)
			}
		}
		view := plain(m, TabTargets)
		for _, k := range []data.Kind{data.Estimate, data.Provisional} {
			if !strings.Contains(view, "["+m.c.t.kind(k)+"]") {
				t.Errorf("%s 60x20: no [%s] badge on screen:\n%s", lang, m.c.t.kind(k), view)
			}
		}
	}
}

// TestQualified checks how qualifiers read in each language.
func TestQualified(t *testing.T) {
	for _, c := range []struct {
		amt   string
		q     data.Qualifier
		quote string
		l     Lang
		want  string
	}{
		{"30", data.About, "约30名", En, "≈30"},
		{"200", data.MoreThan, "200多家", En, "200+"},
		{"CNY 150 m", data.MoreThan, "超过1.5亿元", En, "more than CNY 150 m"},
		{"40%", data.AtLeast, "40%以上", En, "≥40%"},
		{"100", data.Nearly, "近100项", En, "nearly 100"},
		{"30", data.About, "约30名", Zh, "约30"},
		{"200 家", data.MoreThan, "200多家", Zh, "200多 家"},
		{"200 家", data.MoreThan, "200余家", Zh, "200余 家"},
		{"70 亿元", data.MoreThan, "超过70亿元", Zh, "超过70 亿元"},
		{"40%", data.AtLeast, "40%以上", Zh, "40%以上"},
		{"100", data.Nearly, "近100项", Zh, "近100"},
	} {
		f := &data.Figure{Qualifier: c.q, Quote: c.quote, Value: 200}
		if got := qualified(c.amt, f, c.l); got != c.want {
			t.Errorf("qualified(%q, %s, %s) = %q, want %q", c.amt, c.q, c.l, got, c.want)
		}
	}
}

// TestTruncateMark checks that a cut ends in the one cut mark, measured
// by its width, and that text that fits is left alone.
func TestTruncateMark(t *testing.T) {
	if got := truncate("技术合同交易额", 9); got != "技术合同"+cutMark {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("abc", 3); got != "abc" {
		t.Errorf("truncate kept %q", got)
	}
	if got := truncateMark("abcdef", 4, ">"); got != "abc>" {
		t.Errorf("truncateMark = %q", got)
	}
}
