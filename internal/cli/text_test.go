package cli

import (
	"strings"
	"testing"
)

func TestSnapshotText(t *testing.T) {
	for _, tc := range []struct {
		remote bool
		args   []string
		want   []string
		not    []string
	}{
		{false, []string{"--lang", "en"}, []string{"S&T contribution rate: 4 figures.\n",
			"S&T contribution rate, 2019: 57.1%, actual; up 1.5 percentage points on 2018. Source: 示例日报",
			"S&T contribution rate, target for 2020: at least 58%; status: unknown", "targets:", "sources."}, nil},
		{true, []string{"--lang", "zh", "--tab", "targets"}, []string{"项目标：", "科技进步贡献率，2020年目标：不低于58%"}, []string{"实际；"}},
		{false, []string{"--lang", "en", "--metric", "patents"}, []string{"Patent applications: "}, []string{"contribution"}},
		{false, []string{"--lang", "en", "--tab", "zones"}, []string{"East Zone"}, []string{"S&T contribution rate, 2019"}},
		{true, []string{"--lang", "en", "--tab", "sources"}, []string{"sources.\nSource: 示例日报"}, []string{"target"}},
	} {
		out, errOut, err := run(t, tc.remote, append([]string{"snapshot", "--format", "text"}, tc.args...)...)
		if err != nil || errOut != "" {
			t.Fatalf("%q: %v, stderr %q", tc.args, err, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: no %q in\n%s", tc.args, w, out)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(out, w) {
				t.Errorf("%q: %q should not be in\n%s", tc.args, w, out)
			}
		}
		if strings.ContainsAny(out, "\x1b│─█") {
			t.Errorf("%q: not plain text:\n%s", tc.args, out)
		}
	}
	if _, _, err := run(t, true, "snapshot", "--format", "svgx"); err == nil || code(err) != ExitUsage ||
		!strings.Contains(err.Error(), `unknown format "svgx"`) {
		t.Errorf("an unknown format: %v", err)
	}
}
