package server

import (
	"strings"
	"testing"
)

// TestASCIIModePerSession checks that the visitor's environment, not the
// server's, chooses ASCII mode, and that sessions do not share it.
func TestASCIIModePerSession(t *testing.T) {
	ts := startServer(t, nil)
	wide := openTerm(t, ts.mustDial(t), 80, 24, "RUNEWIDTH_EASTASIAN", "1")
	locale := openTerm(t, ts.mustDial(t), 80, 24, "LANG", "zh_CN.UTF-8")
	plain := openTerm(t, ts.mustDial(t), 80, 24, "LANG", "en_US.UTF-8")
	wide.waitFor(0, "+-----")
	locale.waitFor(0, "+-----")
	plain.waitFor(0, "╭─────")
	for name, tm := range map[string]*term{"RUNEWIDTH_EASTASIAN=1": wide, "LANG=zh_CN.UTF-8": locale} {
		if s := tm.since(0); strings.ContainsAny(s, "╭─│") {
			t.Errorf("%s: the session draws box drawing characters:\n%s", name, s)
		}
	}
	for _, tm := range []*term{wide, locale, plain} {
		tm.press("q")
		tm.wait()
	}
}

func TestEnvValue(t *testing.T) {
	env := []string{"LANG=C", "TERM=xterm", "LANG=zh_CN.UTF-8", "EMPTY="}
	for k, want := range map[string]string{"LANG": "zh_CN.UTF-8", "TERM": "xterm", "EMPTY": "", "NONE": ""} {
		if got := envValue(env, k); got != want {
			t.Errorf("envValue(%s) = %q, want %q", k, got, want)
		}
	}
}
