package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// configProblems are two problems of a config file, the first with a
// message that tries to reach the terminal.
func configProblems() data.Problems {
	return data.Problems{
		{File: "c.yaml", Pos: data.Pos{Line: 3, Col: 8}, Field: "theme", Msg: "unknown theme \"neon\x1b[2J\": use auto, dark, light or high-contrast"},
		{File: "c.yaml", Pos: data.Pos{Line: 5, Col: 9}, Field: "keys.nxt", Msg: "unknown action"},
	}
}

// bannerLine returns the screen's line that holds s, or "".
func bannerLine(m *Model, s string) string {
	for _, l := range strings.Split(ansi.Strip(m.Render()), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestConfigBanner(t *testing.T) {
	ds := fixtureDataset(t)
	for _, w := range []int{60, 100, 200} {
		m := sized(New(ds, Options{Lang: En, ConfigErr: configProblems()}), w, 24)
		line := bannerLine(m, "config file problem")
		if line == "" {
			t.Fatalf("%d: no banner:\n%s", w, ansi.Strip(m.Render()))
		}
		if !strings.HasSuffix(line, "x dismiss") || ansi.StringWidth(line) > w {
			t.Errorf("%d: the banner %q does not end with its dismiss key, or is wider than the screen", w, line)
		}
		if w >= 100 && (!strings.Contains(line, `c.yaml:3:8: theme: unknown theme "neon`) || !strings.Contains(line, "(+1)")) {
			t.Errorf("%d: the banner %q lacks the first problem or the count", w, line)
		}
		if strings.Contains(m.Render(), "\x1b[2J") {
			t.Errorf("%d: the problem's escape reached the screen", w)
		}
		checkFits(t, m.Render(), w, 24, "banner")
		bodyH := m.bodyH
		m = press(m, "x")
		if bannerLine(m, "config file problem") != "" || m.bodyH != bodyH+1 {
			t.Errorf("%d: x left the banner, or the body at %d lines (was %d)", w, m.bodyH, bodyH)
		}
	}
}

func TestConfigBannerInChineseAndRemapped(t *testing.T) {
	m := sized(New(fixtureDataset(t), Options{Lang: Zh, ConfigErr: configProblems(), Keys: NewKeys(KeyRemaps{"dismiss": {"ctrl+x"}})}), 100, 24)
	line := bannerLine(m, "配置文件有误")
	if !strings.Contains(line, "c.yaml:3:8 theme 有误，另有1处问题") || !strings.HasSuffix(line, "ctrl+x 关闭提示") {
		t.Errorf("the Chinese banner reads %q", line)
	}
	if m = press(m, "x"); bannerLine(m, "配置文件有误") == "" {
		t.Error("x dismissed the banner after dismiss was remapped to ctrl+x")
	}
}

func TestConfigBannerReadError(t *testing.T) {
	m := sized(New(fixtureDataset(t), Options{Lang: En, ConfigErr: errors.New("config.yaml: permission denied")}), 100, 24)
	if line := bannerLine(m, "config file problem"); !strings.Contains(line, "config.yaml: permission denied") {
		t.Errorf("the banner reads %q", line)
	}
	if m := sized(New(fixtureDataset(t), Options{Lang: En}), 100, 24); bannerLine(m, "config file problem") != "" {
		t.Error("a banner without a problem")
	}
}
