package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"lzdash/data"
)

// seedsDir holds the archived source articles, named by the sources'
// file fields. It lives beside the repository, not in it.
const seedsDir = "../shared/seeds"

// stripPinyin removes the pinyin annotations that a conversion site put
// after some characters of the archived articles: a parenthesised run of
// lowercase Latin letters, with or without tone marks, as in 創(chuàng)新 and
// 區(qū). Other parentheses, such as (王文嘉) or 網易(蘭州), are kept.
func stripPinyin(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		n := pinyinLen(s[i+1:])
		if n > 0 && strings.HasPrefix(s[i+1+n:], ")") {
			s = s[i+1+n+1:]
			continue
		}
		b.WriteByte('(')
		s = s[i+1:]
	}
}

// pinyinLen returns the length in bytes of the run of lowercase Latin
// letters and combining marks at the start of s.
func pinyinLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !(unicode.Is(unicode.Latin, r) && unicode.IsLower(r)) && !unicode.Is(unicode.Mn, r) {
			break
		}
		n += size
	}
	return n
}

func TestStripPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"創(chuàng)新", "創新"},
		{"區(qū)", "區"},
		{"蘭白兩區(qū)建設(shè)", "蘭白兩區建設"},
		{"綠(lǜ)色", "綠色"},
		{"創(chua\u0300ng)新", "創新"}, // tone mark as a combining character
		{"(王文嘉)", "(王文嘉)"},
		{"網易(蘭州)", "網易(蘭州)"},
		{"區(qū)(蘭州)", "區(蘭州)"},
		{"(ABC)", "(ABC)"},
		{"(Qū)", "(Qū)"},
		{"(a1)", "(a1)"},
		{"(a b)", "(a b)"},
		{"()", "()"},
		{"(//finews.withounder.com/)", "(//finews.withounder.com/)"},
		{"創(chuàng", "創(chuàng"},
		{"((qū))", "()"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stripPinyin(tt.in); got != tt.want {
			t.Errorf("stripPinyin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestQuotesAppearInSources checks that every quote in indicators.yaml can
// be found, word for word, in the archived article its source names.
func TestQuotesAppearInSources(t *testing.T) {
	if st, err := os.Stat(seedsDir); err != nil || !st.IsDir() {
		t.Skipf("the source articles are not at %s, so quotes cannot be checked against them", seedsDir)
	}
	src, err := os.ReadFile("indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Parse("indicators.yaml", src)
	if err != nil {
		t.Fatalf("indicators.yaml does not validate:\n%v", err)
	}

	articles := map[string]string{} // source id to cleaned article text
	for _, s := range ds.Sources {
		if s.File == "" {
			t.Errorf("source %s names no file: every source must be traceable to an article in %s", s.ID, seedsDir)
			continue
		}
		if filepath.Base(s.File) != s.File {
			t.Errorf("source %s: file %q must be a file name in %s", s.ID, s.File, seedsDir)
			continue
		}
		text, err := os.ReadFile(filepath.Join(seedsDir, s.File))
		if err != nil {
			t.Errorf("source %s: %v", s.ID, err)
			continue
		}
		articles[s.ID] = stripPinyin(string(text))
	}

	checked, missing := 0, 0
	check := func(where, source, quote string) {
		text, ok := articles[source]
		if !ok {
			return // the source itself is already reported
		}
		checked++
		if !strings.Contains(text, quote) {
			missing++
			t.Errorf("%s: quote %q is not in %s", where, quote, ds.Source(source).File)
		}
	}
	for _, m := range ds.Metrics {
		for i, f := range m.Figures {
			check(fmt.Sprintf("metric %s figure %d (%d)", m.ID, i, f.Year), f.Source, f.Quote)
		}
	}
	for _, z := range ds.Zones {
		if z.Industries != nil {
			check(fmt.Sprintf("zone %s industries", z.ID), z.Industries.Source, z.Industries.Quote)
		}
	}
	if checked == 0 {
		t.Error("no quote was checked")
	}
	t.Logf("%d quotes checked, %d not found", checked, missing)
}

// TestQualifiers checks every figure of indicators.yaml against its
// quote: a figure whose number stands next to 约, 左右, 近, 多, 余, 超过 or
// 以上 carries the matching qualifier, and a qualifier never stands
// without one; a target's marker agrees with its comparator. It needs no
// source articles.
func TestQualifiers(t *testing.T) {
	ds, err := data.Parse(embeddedName, embedded)
	if err != nil {
		t.Fatal(err)
	}
	approximate := 0
	for _, m := range ds.Metrics {
		for i, f := range m.Figures {
			if f.Kind == data.Derived {
				continue
			}
			where := fmt.Sprintf("metric %s figure %d (%d, %v)", m.ID, i, f.Year, f.Value)
			q, found := data.QualifierIn(f.Quote, f.Value)
			if !found {
				t.Errorf("%s: the value is not in the quote %q", where, f.Quote)
				continue
			}
			if f.Kind == data.Target {
				want := map[data.Qualifier]string{data.AtLeast: ">=", data.MoreThan: ">"}[q]
				if want != "" && f.Comparator != want {
					t.Errorf("%s: the quote %q calls for comparator %s, not %s", where, f.Quote, want, f.Comparator)
				}
				continue
			}
			if q != f.Qualifier {
				t.Errorf("%s: qualifier %q, but the quote %q calls for %q", where, f.Qualifier, f.Quote, q)
			}
			if q != "" {
				approximate++
			}
		}
	}
	if approximate == 0 {
		t.Error("no approximate figure was found; the check found nothing to check")
	}
	t.Logf("%d approximate figures, each with its qualifier", approximate)
}
