package data_test

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"lzdash/data"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// goodWith returns testdata/good.yaml with old replaced by new once.
func goodWith(t testing.TB, old, new string) []byte {
	t.Helper()
	src := string(readFile(t, "testdata/good.yaml"))
	if strings.Count(src, old) != 1 {
		t.Fatalf("good.yaml does not contain %q exactly once", old)
	}
	return []byte(strings.Replace(src, old, new, 1))
}

// goodDataset parses testdata/good.yaml.
func goodDataset(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.Parse("good.yaml", readFile(t, "testdata/good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// testHeader is the start of the datasets the tests build: two sources
// published on different dates, three member zones and one aggregate.
const testHeader = `schema: 1
title: {zh: 测试, en: Test}
region: {zh: 测试市, en: Test City}
sources:
  - {id: old, publisher: 测试日报, title: 旧报道, date: "2020-01-10"}
  - {id: new, publisher: 测试日报, title: 新报道, date: "2021-06-01"}
categories:
  - {id: cat, name: {zh: 类别, en: Category}}
zones:
  - {id: a, name: {zh: 甲区, en: Zone A}}
  - {id: b, name: {zh: 乙区, en: Zone B}}
  - {id: c, name: {zh: 丙区, en: Zone C}}
  - {id: ab, name: {zh: 甲乙两区, en: Zones A and B}, members: [a, b]}
metrics:
`

// metricYAML writes one metric of the test datasets. Each figure is the
// inside of a flow mapping, e.g. "year: 2020, value: 1, kind: actual";
// source new and a quote are added unless it names its own.
func metricYAML(id, unit, better string, figures ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - id: %s\n    name: {zh: 指标%s, en: Metric %s}\n    category: cat\n    unit: %q\n", id, id, id, unit)
	if better != "" {
		fmt.Fprintf(&b, "    better: %s\n", better)
	}
	b.WriteString("    figures:\n")
	for _, f := range figures {
		if !strings.Contains(f, "source:") {
			f += ", source: new"
		}
		if !strings.Contains(f, "quote:") {
			f += ", quote: 原文"
		}
		fmt.Fprintf(&b, "      - {%s}\n", f)
	}
	return b.String()
}

// testDataset parses testHeader followed by the metrics.
func testDataset(t testing.TB, metrics ...string) *data.Dataset {
	t.Helper()
	src := testHeader + strings.Join(metrics, "")
	ds, err := data.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("test dataset does not parse: %v\n%s", err, src)
	}
	return ds
}

// near reports whether a and b agree to within one part in 1e9.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
