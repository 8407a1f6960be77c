package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSnapshotTheme(t *testing.T) {
	dark, _, err := run(t, false, "snapshot", "--tab", "targets", "--color", "--width", "80", "--height", "20")
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range []string{"light", "high-contrast"} {
		out, _, err := run(t, false, "snapshot", "--tab", "targets", "--color", "--width", "80", "--height", "20", "--theme", theme)
		if err != nil || out == dark {
			t.Errorf("--theme %s: %v, or the same colours as the default", theme, err)
		}
	}
	svg, _, err := run(t, false, "snapshot", "--format", "svg", "--width", "60", "--height", "20", "--theme", "light")
	if err != nil || !strings.Contains(svg, `fill="#ffffff"`) {
		t.Errorf("--format svg --theme light: %v, or no white background:\n%.400s", err, svg)
	}
	if _, _, err := run(t, true, "snapshot", "--theme", "neon"); code(err) != ExitUsage || !strings.Contains(err.Error(), `unknown theme "neon"`) {
		t.Errorf("--theme neon over SSH: %v", err)
	}
}

func TestConfigIsLocalOnly(t *testing.T) {
	c, ok := Find("config")
	if !ok || c.Remote {
		t.Fatalf("config: found %v, remote %v; want a local command", ok, c.Remote)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(path, []byte("tab: zones\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := run(t, false, "config", "--config", path, "--theme", "dark")
	if err != nil || errOut != "" || !strings.Contains(out, "tab: zones # config file") || !strings.Contains(out, "theme: dark # --theme") ||
		!strings.Contains(out, "lang: zh # default") {
		t.Errorf("config: %v, stderr %q:\n%s", err, errOut, out)
	}
	for _, bad := range [][]string{{"--lang", "fr"}, {"--tab", "charts"}, {"--theme", "neon"}} {
		if _, _, err := run(t, false, append([]string{"config", "--config", path}, bad...)...); code(err) != ExitUsage {
			t.Errorf("config %q: %v, want a usage error", bad, err)
		}
	}
}
