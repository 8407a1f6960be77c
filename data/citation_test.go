package data

import (
	"os"
	"strings"
	"testing"
)

func loadEmbedded(t *testing.T) *Dataset {
	t.Helper()
	src, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Parse("indicators.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestCitation checks the citation of the example figure word
// for word in both languages, and of a target and a derived figure.
func TestCitation(t *testing.T) {
	ds := loadEmbedded(t)
	r, ok := ds.FigureByID("tech-contract-2018")
	if !ok {
		t.Fatal("no figure tech-contract-2018")
	}
	for lang, want := range map[string]string{
		"zh": "兰州市技术合同交易额 62.76亿元（2018年，实际）。来源：兰州晚报（凤凰网甘肃频道转载），《2019年全市科技和工业信息化工作会议举行》，2019-02-21：「技术合同交易额达到62.76亿元」",
		"en": `Technology contract turnover, Lanzhou: CNY 6.28 bn (2018, actual). Source: 兰州晚报（凤凰网甘肃频道转载）, "2019 city science, technology and industrial informatisation work conference held" (2019年全市科技和工业信息化工作会议举行), 2019-02-21: "技术合同交易额达到62.76亿元"`,
	} {
		if got := Citation(ds, r, lang); got != want {
			t.Errorf("Citation(%s) =\n%s\nwant\n%s", lang, got, want)
		}
	}
	m := r.Metric
	for i := range m.Figures {
		f := &m.Figures[i]
		got := Citation(ds, FigureRef{m, f}, "zh")
		switch f.Kind {
		case Target:
			if f.Year == 2019 && !strings.Contains(got, "超过70亿元（2019年，目标）") {
				t.Errorf("target citation %q lacks its comparator, period or kind", got)
			}
		case Derived:
			if !strings.Contains(got, "；推算：62.76 / (1 + 11.8%)") {
				t.Errorf("derived citation %q lacks its formula", got)
			}
		}
	}
}

// TestCitationSanitized checks that no control character in the data
// reaches the clipboard.
func TestCitationSanitized(t *testing.T) {
	ds := loadEmbedded(t)
	r, _ := ds.FigureByID("tech-contract-2018")
	f := *r.Figure
	f.Quote = "a\x1b]52;c;evil\x07b\nc"
	got := Citation(ds, FigureRef{r.Metric, &f}, "en")
	if strings.ContainsAny(got, "\x1b\x07\n") {
		t.Errorf("citation keeps control characters: %q", got)
	}
}

// TestKindLabel checks every kind has a name in both languages.
func TestKindLabel(t *testing.T) {
	for _, k := range []Kind{Actual, Provisional, Estimate, Partial, Target, Derived} {
		if k.Label("zh") == string(k) || k.Label("en") == "" {
			t.Errorf("kind %s has no label", k)
		}
	}
}

// TestConflictCitation checks the citation of a disagreement found by
// rule word for word in both languages: both figures, each with its
// kind, period and source; and that a named one ends with its note.
func TestConflictCitation(t *testing.T) {
	ds := loadEmbedded(t)
	var found, named Conflict
	for _, c := range ds.Conflicts() {
		switch {
		case !c.Curated() && len(c.Figures) > 0 && c.Figures[0].Figure.Zone == "lanbai":
			found = c
		case c.ID == "rd-institutions-recognised-vs-stock":
			named = c
		}
	}
	if len(found.Figures) != 2 || len(named.Figures) != 2 {
		t.Fatalf("conflicts: lanbai GDP %d figures, rd-institutions %d; want 2 and 2", len(found.Figures), len(named.Figures))
	}
	for lang, want := range map[string]string{
		"zh": "来源不一致（2项数据，均已保留）：①兰白两区地区生产总值 859亿元（2020年，实际）。来源：中国发展网，《科技创新助力兰州国家级创新型城市高质量发展》，2021-12-28：「增至2020年的859亿元」" +
			"　②兰白两区地区生产总值 850亿元（2020年，预计）。来源：兰州日报，《我市多举措推动“兰白两区”高质量发展》，2020-11-30（日期推断）：「預計地區生產總值共計850億元」",
		"en": `Sources disagree (2 figures, all kept): (1) GDP, Lanzhou-Baiyin zones: CNY 85.9 bn (2020, actual). Source: 中国发展网, "S&T innovation drives the high-quality development of Lanzhou as a national innovative city" (科技创新助力兰州国家级创新型城市高质量发展), 2021-12-28: "增至2020年的859亿元"` +
			` (2) GDP, Lanzhou-Baiyin zones: CNY 85 bn (2020, estimate). Source: 兰州日报, "Lanzhou takes multiple measures to advance the Lanzhou-Baiyin zones" (我市多举措推动“兰白两区”高质量发展), 2020-11-30 (date inferred): "預計地區生產總值共計850億元"`,
	} {
		if got := ConflictCitation(ds, found, lang); got != want {
			t.Errorf("ConflictCitation(%s) =\n%s\nwant\n%s", lang, got, want)
		}
	}
	for lang, parts := range map[string][]string{
		"zh": {"来源数据存疑（2项数据，均已保留）：①兰州市认定企业研发机构 45家（2019年，实际）。来源：兰州日报", "②兰州市企业研发机构 34家（截至2020年5月，实际）。来源：人民网-甘肃频道", "　注：lzrb-2020-11-30称去年"},
		"en": {"Sources in tension (2 figures, all kept): (1) Enterprise R&D institutions recognised, Lanzhou: 45 (2019, actual). Source: 兰州日报", "(2) Enterprise R&D institutions, Lanzhou: 34 (as of May 2020, actual). Source: 人民网-甘肃频道", " Note: lzrb-2020-11-30 says 45"},
	} {
		got := ConflictCitation(ds, named, lang)
		for _, p := range parts {
			if !strings.Contains(got, p) {
				t.Errorf("ConflictCitation(%s) of a named conflict lacks %q:\n%s", lang, p, got)
			}
		}
	}
}
