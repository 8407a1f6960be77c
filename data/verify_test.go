package data_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lzdash/data"
)

func TestCleanArticle(t *testing.T) {
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
		if got := data.CleanArticle(tt.in); got != tt.want {
			t.Errorf("CleanArticle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// verifyHeader is a dataset of one source, dated 2020-11-30, whose
// article is verifyArticle.
const verifyHeader = `schema: 1
title: {zh: 示例, en: Example}
region: {zh: 示例市, en: Example City}
sources:
  - {id: s1, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: a.txt}
categories:
  - {id: c1, name: {zh: 创新, en: Innovation}}
metrics:
  - id: m1
    name: {zh: 专利申请量, en: Patent applications}
    category: c1
    unit: 件
    figures:
`

// verifyArticle is the archived article, with a pinyin annotation to be
// cleaned away.
const verifyArticle = "2019年專利申請量達到1.07萬件，近30項重點項目，舉辦了三屆大賽。創(chuàng)新平臺650余個，約有650余個。排名第19位，共27個城市。2020年全市技術合同交易額達到70億元。"

// verifyFile writes the article to a folder and parses the dataset made
// of verifyHeader and the figures.
func verifyFile(t *testing.T, figures ...string) (*data.Dataset, []byte, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(verifyArticle), 0o600); err != nil {
		t.Fatal(err)
	}
	src := verifyHeader
	for _, f := range figures {
		src += "      - {" + f + "}\n"
	}
	ds, err := data.Parse("v.yaml", []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return ds, []byte(src), dir
}

func TestVerifyPasses(t *testing.T) {
	ds, src, dir := verifyFile(t,
		`id: p, year: 2019, value: 1.07, unit: 万件, kind: actual, source: s1, quote: 專利申請量達到1.07萬件`,
		`year: 2019, value: 10700, kind: actual, source: s1, quote: 專利申請量達到1.07萬件`, // by the unit's conversion
		`year: 2019, value: 30, qualifier: nearly, kind: actual, source: s1, quote: 近30項重點項目`,
		`year: 2018, value: 3, kind: actual, source: s1, quote: 舉辦了三屆大賽`,
		`year: 2017, value: 650, qualifier: more-than, kind: actual, source: s1, quote: 創新平臺650余個`,
		`year: 2016, value: 19, out_of: 27, kind: actual, source: s1, quote: 排名第19位，共27個城市`,
		`year: 2020, value: 70, kind: provisional, source: s1, quote: 2020年全市技術合同交易額達到70億元`,
		`year: 2020, as_of: 2020-10, value: 70, kind: actual, source: s1, quote: 2020年全市技術合同交易額達到70億元`,
		// A derived figure's value need not be in its quote.
		`year: 2015, value: 12, kind: derived, formula: x, inputs: [p], source: s1, quote: 達到70億元`,
	)
	res := data.Verify(ds, src, dir)
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%v", res.Problems)
	}
	if res.Quotes != 9 || res.Values != 8 {
		t.Errorf("checked %d quotes and %d values, want 9 and 8", res.Quotes, res.Values)
	}
}

func TestVerifyFailures(t *testing.T) {
	ds, src, dir := verifyFile(t,
		`year: 2019, value: 1.07, unit: 万件, kind: actual, source: s1, quote: 專利申請量達到1.08萬件`,
		`year: 2019, value: 1.08, unit: 万件, kind: actual, source: s1, quote: 專利申請量達到1.07萬件`,
		`year: 2019, value: 30, kind: actual, source: s1, quote: 近30項重點項目`,
		`year: 2019, value: 650, qualifier: about, kind: actual, source: s1, quote: 約有650余個`,
		`year: 2016, value: 19, out_of: 28, kind: actual, source: s1, quote: 排名第19位，共27個城市`,
		`year: 2020, value: 70, kind: actual, source: s1, quote: 2020年全市技術合同交易額達到70億元`,
		`year: 2019, value: 70, kind: provisional, source: s1, quote: 達到70億元`,
		`year: 2020, as_of: 2020-12, value: 70, kind: actual, source: s1, quote: 達到70億元`,
		`year: 2019, value: 650, kind: target, comparator: ">=", source: s1, quote: 650余個`,
	)
	got := strings.Split(data.Verify(ds, src, dir).Problems.Error(), "\n")
	want := []string{
		`v.yaml:14:29: metrics[0].figures[0].value: value 1.07 万件 is not in the quote "專利申請量達到1.08萬件", as written or converted`,
		`v.yaml:14:78: metrics[0].figures[0].quote: quote "專利申請量達到1.08萬件" is not in a.txt`,
		`v.yaml:15:29: metrics[0].figures[1].value: value 1.08 万件 is not in the quote "專利申請量達到1.07萬件", as written or converted`,
		`v.yaml:16:9: metrics[0].figures[2].qualifier: the quote "近30項重點項目" gives 30 approximately: write qualifier: nearly`,
		`v.yaml:17:45: metrics[0].figures[3].qualifier: qualifier about, but the quote "約有650余個" has none of 大约, 大約, 约, 約, 左右 next to 650`,
		`v.yaml:18:41: metrics[0].figures[4].out_of: the field of 28 is not in the quote "排名第19位，共27個城市"`,
		`v.yaml:19:39: metrics[0].figures[5].kind: printed on 2020-11-30, before its period (2020) ended: write kind: provisional, or estimate for a forecast`,
		`v.yaml:20:39: metrics[0].figures[6].kind: printed on 2020-11-30, after its period (2019) ended: a provisional figure is one printed before`,
		`v.yaml:21:29: metrics[0].figures[7].as_of: as_of 2020-12 is after the source's date, 2020-11-30`,
		`v.yaml:22:60: metrics[0].figures[8].comparator: the quote "650余個" calls for comparator >, not >=`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVerifySourceFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("\xe9t\xe9"), 0o600); err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(verifyHeader, `  - {id: s1, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: a.txt}`, `  - {id: s1, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: missing.txt}
  - {id: s2, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: ../a.txt}
  - {id: s3, publisher: 示例日报, title: 示例报道, date: "2020-11-30"}
  - {id: s4, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: sub}
  - {id: s5, publisher: 示例日报, title: 示例报道, date: "2020-11-30", file: latin1.txt}`, 1) +
		"      - {year: 2019, value: 1, kind: actual, source: s1, quote: 1件}\n"
	ds, err := data.Parse("v.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := data.Verify(ds, []byte(src), dir).Problems
	want := []string{"no such file", "not a path", "names no archived file", "not a regular file", "not UTF-8"}
	if len(got) != len(want) {
		t.Fatalf("got:\n%v", got)
	}
	for i, p := range got {
		if p.Pos.Line != 5+i || !strings.Contains(p.Msg, want[i]) {
			t.Errorf("problem %d = %v; want line %d saying %q", i, p, 5+i, want[i])
		}
	}
}
