package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps the tests from reading the config file and locale of
// whoever runs them: every test starts with an empty user config dir and
// no locale.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lzdash-config")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Unsetenv(k)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// userConfig writes the user's config file, in a config dir of the
// test's own, and returns its path.
func userConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "lzdash", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigCommand(t *testing.T) {
	path := userConfig(t, "lang: en\ntab: targets\nkeys:\n  next: [tab, l]\n")
	code, stdout, stderr := runCLI("config")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"# read from " + path, "lang: en # config file", "tab: targets # config file",
		"theme: auto # default", "next: [tab, l] # config file", "quit: [q] # default"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lzdash config lacks %q:\n%s", want, stdout)
		}
	}
	// Flags win over the file.
	if _, stdout, _ := runCLI("config", "--lang", "zh", "--theme", "high-contrast"); !strings.Contains(stdout, "lang: zh # --lang") ||
		!strings.Contains(stdout, "theme: high-contrast # --theme") {
		t.Errorf("flags do not win over the file:\n%s", stdout)
	}
	if code, _, stderr := runCLI("config", "--theme", "neon"); code != exitUsage || !strings.Contains(stderr, `unknown theme "neon"`) {
		t.Errorf("--theme neon: exit %d, stderr %q", code, stderr)
	}
}

func TestConfigCommandWithoutFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("LANG", "en_US.UTF-8")
	code, stdout, stderr := runCLI("config")
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "# no config file: the defaults") || !strings.Contains(stdout, "lang: en # LANG") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	code, _, stderr = runCLI("config", "--config", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != exitUsage || !strings.Contains(stderr, "lzdash config: --config: ") || !strings.Contains(stderr, "missing.yaml: no such file") {
		t.Errorf("--config of a missing file: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = runCLI("config", "--help")
	if code != exitOK || !strings.Contains(stdout, "Usage: lzdash config [--config FILE] [--lang zh|en] [--tab TAB] [--theme THEME]") {
		t.Errorf("config --help: exit %d:\n%s", code, stdout)
	}
	if _, stdout, _ := runCLI("--help"); !strings.Contains(stdout, "[--config FILE]") || !strings.Contains(stdout, "lzdash config") {
		t.Errorf("lzdash --help does not mention --config and lzdash config:\n%s", stdout)
	}
}

func TestConfigCommandWithProblems(t *testing.T) {
	path := userConfig(t, "lang: en\ntheme: neon\nkeys:\n  next: [k]\n")
	code, stdout, stderr := runCLI("config")
	if code != exitData {
		t.Errorf("exit %d, want %d for a config file with problems", code, exitData)
	}
	for _, want := range []string{path + `:2:8: theme: unknown theme "neon"`, path + `:4:10: keys.next: "k" is also up's key`, "2 problem(s) in the config file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// The settings in effect: the good one kept, the bad ones defaults.
	for _, want := range []string{"which has problems", "lang: en # config file", "theme: auto # default", "next: [tab, right] # default"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	noCrash(t, stderr)
}

func TestDashboardConfigFlag(t *testing.T) {
	code, _, stderr := runCLI("--config", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != exitUsage || !strings.Contains(stderr, "lzdash: --config: ") || !strings.Contains(stderr, "no such file") {
		t.Errorf("--config of a missing file: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI("--tab", "charts"); code != exitUsage || !strings.Contains(stderr, `unknown tab "charts"`) {
		t.Errorf("--tab charts: exit %d, stderr %q", code, stderr)
	}
}

// plainRun runs lzdash --plain with args, reading quit, and returns its
// output.
func plainRun(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(append([]string{"--plain"}, args...), strings.NewReader("quit\n"), &out, &errOut); code != exitOK {
		t.Fatalf("%q: exit %d, stderr %q", args, code, errOut.String())
	}
	return out.String(), errOut.String()
}

func TestLanguagePrecedence(t *testing.T) {
	english := func(s string) bool {
		return strings.Contains(s, "plain reader") && !strings.Contains(s, "纯文本阅读模式")
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if out, _ := plainRun(t); english(out) {
		t.Errorf("no flag, file or locale: not Chinese:\n%.300s", out)
	}
	t.Setenv("LANG", "en_US.UTF-8")
	if out, _ := plainRun(t); !english(out) {
		t.Errorf("LANG=en_US.UTF-8: not English:\n%.300s", out)
	}
	userConfig(t, "lang: zh\n")
	if out, _ := plainRun(t); english(out) {
		t.Errorf("the config file's zh does not win over LANG:\n%.300s", out)
	}
	if out, _ := plainRun(t, "--lang", "en"); !english(out) {
		t.Errorf("--lang en does not win over the config file:\n%.300s", out)
	}
	userConfig(t, "lang: en\ntheme: neon\n")
	out, errOut := plainRun(t)
	if !english(out) || !strings.Contains(errOut, `theme: unknown theme "neon"`) {
		t.Errorf("a config file with a problem elsewhere: English %v, stderr %q", english(out), errOut)
	}
}
