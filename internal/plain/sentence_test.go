package plain

import (
	"strings"
	"testing"

	"lzdash/data"
)

// testData has one figure of each kind, a qualified one, and targets
// that are met and unknown.
const testData = `schema: 1
title: {zh: 测试市科技指标, en: Test City S&T indicators}
region: {zh: 测试市, en: Test City}
sources:
  - id: r2020
    publisher: 测试日报
    title: 科技工作会议召开
    title_en: S&T work conference held
    date: "2020-03-01"
  - id: r2021
    publisher: 测试晚报
    title: 科技创新成效显著
    date: "2021-12-01"
    date_inferred: true
    note: The page prints no date.
categories:
  - id: c
    name: {zh: 创新, en: Innovation}
zones:
  - id: east
    name: {zh: 东区, en: East Zone}
metrics:
  - id: turnover
    name: {zh: 技术合同交易额, en: Technology contract turnover}
    category: c
    unit: 亿元
    figures:
      - id: t2018
        year: 2018
        value: 62.76
        kind: actual
        source: r2020
        quote: 技术合同交易额达到62.76亿元
      - year: 2017
        value: 56.14
        kind: derived
        formula: "62.76 / 1.118"
        inputs: [t2018]
        source: r2020
        quote: 技术合同交易额达到62.76亿元，增长11.8%
      - year: 2019
        value: 58.2
        kind: target
        comparator: ">="
        source: r2020
        quote: 力争达到58.2亿元以上
      - year: 2020
        value: 70
        kind: provisional
        source: r2021
        quote: 交易额达到70亿元
      - year: 2021
        value: 80
        kind: estimate
        source: r2021
        quote: 预计达到80亿元
      - year: 2021
        value: 70
        kind: target
        comparator: ">="
        source: r2021
        quote: 达到70亿元以上
  - id: patents
    name: {zh: 专利申请量, en: Patent applications}
    category: c
    unit: 件
    figures:
      - year: 2021
        period: "2021-01..2021-10"
        value: 1.07
        unit: 万件
        kind: partial
        source: r2021
        quote: 1-10月专利申请量1.07万件
      - zone: east
        year: 2020
        value: 300
        qualifier: nearly
        kind: actual
        source: r2021
        quote: 东区专利申请近300件
`

func load(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := data.Parse("test.yaml", []byte(testData))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// sentence finds the sentence of the figure of metric id for year of
// kind k in lang.
func sentence(t *testing.T, ds *data.Dataset, lang, id string, year int, k data.Kind) string {
	t.Helper()
	m := ds.Metric(id)
	for i := range m.Figures {
		if f := &m.Figures[i]; f.Year == year && f.Kind == k {
			return New(ds, lang).Figure(m, f)
		}
	}
	t.Fatalf("no %s figure of %s for %d", k, id, year)
	return ""
}

func TestSentences(t *testing.T) {
	ds := load(t)
	for _, tc := range []struct {
		lang, metric string
		year         int
		kind         data.Kind
		want         string
	}{
		{"en", "turnover", 2018, data.Actual, "Technology contract turnover, 2018: CNY 6.28 bn, actual; up 11.8% on 2017. " +
			"Source: 测试日报, S&T work conference held, 2020-03-01."},
		{"zh", "turnover", 2018, data.Actual, "技术合同交易额，2018年：62.76 亿元，实际；比2017年增长11.8%。" +
			"来源：测试日报，《科技工作会议召开》，2020-03-01。"},
		{"en", "turnover", 2017, data.Derived, "Technology contract turnover, 2017: CNY 5.61 bn, derived, computed as 62.76 / 1.118. Source: "},
		{"zh", "turnover", 2017, data.Derived, "技术合同交易额，2017年：56.14 亿元，推算，算法：62.76 / 1.118。来源："},
		{"en", "turnover", 2020, data.Provisional, "Technology contract turnover, 2020: CNY 7 bn, provisional; up 11.5% (on provisional figures) on 2018. " +
			"Source: 测试晚报, 科技创新成效显著, 2021-12-01 (date inferred)."},
		{"zh", "turnover", 2020, data.Provisional, "技术合同交易额，2020年：70 亿元，初步；比2018年增长11.5%（依据初步数据）。" +
			"来源：测试晚报，《科技创新成效显著》，2021-12-01（日期为推断）。"},
		{"en", "turnover", 2021, data.Estimate, "Technology contract turnover, 2021: CNY 8 bn, estimate; " +
			"up 14.3% (on estimate figures) on 2020. Source: "},
		{"zh", "turnover", 2021, data.Estimate, "技术合同交易额，2021年：80 亿元，预计；比2020年增长14.3%（依据预计数据）。来源："},
		{"en", "turnover", 2019, data.Target, "Technology contract turnover, target for 2019: at least CNY 5.82 bn; " +
			"status: unknown, no 2019 figure. Source: 测试日报"},
		{"zh", "turnover", 2019, data.Target, "技术合同交易额，2019年目标：不低于58.2 亿元；状态：未知，无2019年数据。来源：测试日报"},
		{"en", "turnover", 2021, data.Target, "Technology contract turnover, target for 2021: at least CNY 7 bn; " +
			"status: met, judged on CNY 8 bn (estimate), judged on an estimate. Source: "},
		{"zh", "turnover", 2021, data.Target, "技术合同交易额，2021年目标：不低于70 亿元；状态：已达成，依据80 亿元（预计），依据预计数判断。来源："},
		{"en", "patents", 2021, data.Partial, "Patent applications, Jan-Oct 2021: 10,700, part-year. Source: "},
		{"zh", "patents", 2021, data.Partial, "专利申请量，2021年1-10月：1.07 万件，部分期。来源："},
		{"en", "patents", 2020, data.Actual, "Patent applications, East Zone, 2020: nearly 300, actual. Source: "},
		{"zh", "patents", 2020, data.Actual, "专利申请量（东区），2020年：近300 件，实际。来源："},
	} {
		got := sentence(t, ds, tc.lang, tc.metric, tc.year, tc.kind)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s %s %d %s:\n got %s\nwant %s…", tc.lang, tc.metric, tc.year, tc.kind, got, tc.want)
		}
		if strings.ContainsAny(got, "\n\x1b│█▇⣿") {
			t.Errorf("%s %s %d %s: not plain: %q", tc.lang, tc.metric, tc.year, tc.kind, got)
		}
	}
}
