package server

import (
	"regexp"
	"strings"
	"testing"

	"lzdash/ui"
)

// TestVisitorLanguage checks that a visitor's --lang, then the locale
// their client sends, then the server's language choose a session's.
func TestVisitorLanguage(t *testing.T) {
	ts := startServer(t, nil) // English by default
	hostile := "en\x1b[2J" + strings.Repeat("\u202e", 200)
	cases := []struct {
		name  string
		env   []string
		token string
	}{
		{"LANG zh", []string{"LANG", "zh_CN.UTF-8"}, "总览"},
		{"LANG fr: the server's", []string{"LANG", "fr_FR.UTF-8"}, "Overview"},
		{"no locale: the server's", nil, "Overview"},
		{"LC_ALL over LANG", []string{"LANG", "zh_CN.UTF-8", "LC_ALL", "en_US.UTF-8"}, "Overview"},
		{"LC_MESSAGES over LANG", []string{"LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8"}, "总览"},
		{"only the prefix counts", []string{"LANG", hostile}, "Overview"},
	}
	for _, c := range cases {
		tm := openTerm(t, ts.mustDial(t), 100, 30, c.env...)
		tm.waitFor(0, c.token)
		tm.press("q")
		if st := tm.wait(); st != 0 {
			t.Errorf("%s: exit status %d", c.name, st)
		}
	}
	c := ts.mustDial(t)
	if out, _, st := ptyCommand(t, c, "--plain", "quit\r", "LANG", "zh_CN.UTF-8"); st != 0 || !strings.Contains(out, "纯文本阅读模式") {
		t.Errorf("--plain with LANG zh: status %d, output %.200q", st, out)
	}
	if out, _, st := ptyCommand(t, c, "--plain --lang en", "quit\r", "LANG", "zh_CN.UTF-8"); st != 0 || !strings.Contains(out, "plain reader") {
		t.Errorf("--plain --lang en with LANG zh: status %d, output %.200q", st, out)
	}
}

// TestSettingsReachNewDashboards checks that the server's settings (tab,
// keys, theme) open every dashboard, and that SetSettings, as a reload
// of the config file does, changes those opened after it.
func TestSettingsReachNewDashboards(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.Tab, c.Keys, c.Theme = ui.TabTargets, ui.KeyRemaps{"next": {"l"}}, ui.ThemeHighContrast
	})
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, "unknown:")
	tm.waitFor(0, "l next tab")
	// High contrast draws text pure white on 256 colours (231).
	tm.mu.Lock()
	white := regexp.MustCompile(`\x1b\[(?:[0-9:]*;)*38;5;231[;m]`).Match(tm.out)
	tm.mu.Unlock()
	if !white {
		t.Error("the dashboard is not in the server's high-contrast theme: no pure white text")
	}
	m := tm.mark()
	tm.press("l")
	tm.waitFor(m, "share")
	tm.press("q")
	tm.wait()

	ts.SetSettings(Settings{Lang: ui.Zh, Tab: ui.TabSources})
	tm = openTerm(t, ts.mustDial(t), 160, 30) // wide enough for the hints to keep tab/→
	tm.waitFor(0, "发布方")
	tm.waitFor(0, "tab/→")
	tm.press("q")
	tm.wait()
	// A visitor of the first one's size gets the new settings too, not
	// the first frame shared under the old ones.
	tm = openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, "发布方")
	tm.press("q")
	tm.wait()
}
