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
