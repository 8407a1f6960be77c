package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPlainFlag(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"--plain", "--lang", "en"}, strings.NewReader("technology contract turnover\nquit\n"), &out, &errOut)
	if code != exitOK || errOut.Len() != 0 ||
		!strings.Contains(out.String(), "> Metric 6 of ") ||
		!strings.Contains(out.String(), "Technology contract turnover, 2018: CNY 6.28 bn, actual; up 11.8% on 2017. Source: 兰州晚报") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, errOut.String(), out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"--plain", "--watch", "--data", "x.yaml"}, strings.NewReader(""), &out, &errOut); code != exitUsage ||
		!strings.Contains(errOut.String(), "--watch is for the dashboard") {
		t.Errorf("--plain --watch: exit %d, stderr %q", code, errOut.String())
	}
}
