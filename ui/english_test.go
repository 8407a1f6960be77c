package ui

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// chineseAfterNumber finds a Chinese unit, measure word or period right
// after a number: "160 个", "1.5个百分点", "2021年", "128.2 亿元".
var chineseAfterNumber = regexp.MustCompile(`(\d[\d,.]*)\s?(亿元|万元|千元|元|亿|万|个百分点|百分点|个|件|家|项|所|位|名|人次|人|次|倍|台|套|户|亩|平方米|公顷|吨|条|篇|款|批|座|支|届|年度|年末|年底|年|季度|月|日|天|周|期)`)

// chinesePeriod finds a Chinese period word that no number precedes:
// 截至, 上半年, 期间未说明.
var chinesePeriod = regexp.MustCompile(`截至|上半年|下半年|前三季度|年底|年末|期间未说明|全年`)

// dataChinese lists the text of ds that English mode may show as it is:
// quotes, publishers, and names and titles that have no English. Units
// and periods are left out, since English mode must render them in
// English, as is the Chinese of every text that has an English side.
func dataChinese(ds *data.Dataset) []string { return dataText(ds, En) }

// dataText lists the text of ds that a screen in lang may show as it is;
// see dataChinese.
func dataText(ds *data.Dataset, lang Lang) []string {
	var out []string
	skip := map[string]bool{"Unit": true, "Period": true, "AsOf": true, "Since": true, "ID": true, "File": true}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			switch x := v.Interface().(type) {
			case data.Text:
				out = append(out, x.In(string(lang)))
				return
			case data.Note:
				out = append(out, x.In(string(lang)))
				return
			}
			tp := v.Type()
			for i := range v.NumField() {
				f := tp.Field(i)
				if !f.IsExported() || f.Tag.Get("yaml") == "-" || skip[f.Name] {
					continue
				}
				if lang == Zh && f.Name == "TitleEn" {
					continue
				}
				if lang == En && f.Name == "Title" && v.FieldByName("TitleEn").IsValid() && v.FieldByName("TitleEn").String() != "" {
					continue
				}
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(ds))
	return out
}

// chineseRun reports whether r belongs to a run of Chinese text: Han,
// digits and Chinese punctuation.
func chineseRun(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || strings.ContainsRune(".,%「」（）：，。、；“”《》！？", r)
}

// extend widens the match [i, j) of line to the run of Chinese text it
// belongs to.
func extend(line string, i, j int) string {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(line[:i])
		if !chineseRun(r) {
			break
		}
		i -= n
	}
	for j < len(line) {
		r, n := utf8.DecodeRuneInString(line[j:])
		if !chineseRun(r) {
			break
		}
		j += n
	}
	return strings.Trim(line[i:j], ".,「」（）“”《》：，。")
}

// chineseLeaks returns every Chinese unit or period in an English screen
// that is not part of Chinese text from the data.
func chineseLeaks(screen string, allowed []string) []string {
	var out []string
	for _, line := range strings.Split(ansi.Strip(screen), "\n") {
		for _, re := range []*regexp.Regexp{chineseAfterNumber, chinesePeriod} {
			for _, loc := range re.FindAllStringIndex(line, -1) {
				run := extend(line, loc[0], loc[1])
				if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(a, run) }) {
					out = append(out, run+"  in: "+strings.TrimSpace(line))
				}
			}
		}
	}
	return out
}

func TestChineseLeaksFinds(t *testing.T) {
	allowed := []string{"2021年高新技术企业达到700家", "示例日报", "2020年会议纪要"}
	for _, s := range []string{"Value 160 个", "57.1 - 1.5 个百分点 = 55.6", "2021年上半年", "CNY 128.2 亿元", "as of 截至2020年"} {
		if len(chineseLeaks(s, allowed)) == 0 {
			t.Errorf("the scan misses the Chinese in %q", s)
		}
	}
	for _, s := range []string{"Source text: 「2021年高新技术企业达到700家」", "示例日报 2020年会议~", "CNY 12.8 bn  2021H1", "1.5 pp"} {
		if l := chineseLeaks(s, allowed); len(l) > 0 {
			t.Errorf("the scan flags data text or English: %q", l)
		}
	}
}

// screens renders every tab of ds with options o at w×h, walking each tab's
// list or pages so that every metric, target, source and page is drawn.
func screens(t *testing.T, ds *data.Dataset, o Options, w, h int, visit func(what, screen string)) {
	t.Helper()
	for tab := range numTabs {
		o.Tab = tab
		m := sized(New(ds, o), w, h)
		steps, key := 0, "down"
		switch tab {
		case TabIndicators:
			steps = len(ds.Metrics)
		case TabTargets:
			steps = len(m.c.targets)
		case TabSources:
			steps = len(ds.Sources)
		default:
			steps, key = 12, "pgdown"
		}
		prev := ""
		for i := 0; i <= steps; i++ {
			s := m.Render()
			if s != prev {
				visit(TabNames[tab], s)
			}
			prev = s
			if tab == TabIndicators {
				// Every other zone of the metric, and a later figure row.
				if sel := m.tabs[TabIndicators].(*indicators).Selected(); sel != nil {
					for range len(sel.Zones(ds)) - 1 {
						m = press(m, "z")
						visit(TabNames[tab]+" zone", m.Render())
					}
				}
				m = press(m, "]", "]", "]")
				visit(TabNames[tab]+" row", m.Render())
			}
			m = press(m, key)
		}
	}
}

func TestEnglishShowsNoChineseUnits(t *testing.T) {
	sets := map[string]*data.Dataset{"fixture": fixtureDataset(t), "embedded": testDataset(t)}
	for name, ds := range sets {
		for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			seen, allowed := map[string]bool{}, dataChinese(ds)
			screens(t, ds, Options{Lang: En}, sz[0], sz[1], func(what, screen string) {
				for _, l := range chineseLeaks(screen, allowed) {
					if !seen[l] {
						seen[l] = true
						t.Errorf("%s %s %dx%d: Chinese in English mode: %s", name, what, sz[0], sz[1], l)
					}
				}
			})
		}
	}
}

// englishWord finds a word in Latin letters.
var englishWord = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*[A-Za-z]`)

// chromeWords are the English words a Chinese screen shows by design:
// key names in the help, the language switch and the program's name.
var chromeWords = map[string]bool{"tab": true, "esc": true, "enter": true, "pgup": true, "pgdn": true, "ctrl": true, "EN": true, "lzdash": true}

// englishLeaks returns every English word in a Chinese screen that is
// neither part of the screen's chrome nor in the data's Chinese text.
func englishLeaks(screen string, allowed []string) []string {
	var out []string
	for _, line := range strings.Split(ansi.Strip(screen), "\n") {
		for _, w := range englishWord.FindAllString(line, -1) {
			if chromeWords[w] || slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(a, w) }) {
				continue
			}
			out = append(out, w+"  in: "+strings.TrimSpace(line))
		}
	}
	return out
}

func TestChineseShowsNoEnglish(t *testing.T) {
	sets := map[string]*data.Dataset{"fixture": fixtureDataset(t), "embedded": testDataset(t)}
	for name, ds := range sets {
		for _, sz := range [][2]int{{60, 20}, {120, 40}} {
			seen, allowed := map[string]bool{}, dataText(ds, Zh)
			screens(t, ds, Options{Lang: Zh}, sz[0], sz[1], func(what, screen string) {
				for _, l := range englishLeaks(screen, allowed) {
					if w, _, _ := strings.Cut(l, " "); !seen[w] {
						seen[w] = true
						t.Errorf("%s %s %dx%d: English in Chinese mode: %s", name, what, sz[0], sz[1], l)
					}
				}
			})
		}
	}
}

func TestReloadBannerInLanguage(t *testing.T) {
	_, err := data.Parse("data.yaml", []byte("schema: [unclosed\n"))
	var ps data.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("no problems from a broken file: %v", err)
	}
	for _, c := range []struct {
		lang       Lang
		want, lack string
	}{
		{Zh, "重新加载失败", ps[0].Msg},
		{En, ps[0].Msg, "重新加载失败"},
	} {
		m := sized(New(fixtureDataset(t), Options{Lang: c.lang}), 120, 30)
		next, _ := m.Update(DatasetMsg{Err: err})
		view := ansi.Strip(next.(*Model).Render())
		contains(t, view, c.want, "data.yaml:")
		if strings.Contains(view, c.lack) {
			t.Errorf("%s banner shows %q:\n%s", c.lang, c.lack, view)
		}
		next, _ = next.Update(DatasetMsg{})
		if got, want := next.(*Model).LoadError(), labelsFor(c.lang).NoData; got != want {
			t.Errorf("%s: an empty reload says %q, want %q", c.lang, got, want)
		}
	}
}
