package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"charm.land/log/v2"

	"lzdash/internal/config"
	"lzdash/server"
	"lzdash/ui"
)

func TestServeConfig(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	key := filepath.Join(t.TempDir(), "host_ed25519")
	code, _, stderr := runCLI("serve", "--listen", busy.Addr().String(), "--host-key", key, "--config", filepath.Join(t.TempDir(), "nope.yaml"))
	if code != exitUsage || !strings.Contains(stderr, "lzdash serve: --config: ") || !strings.Contains(stderr, "no such file") {
		t.Errorf("--config of a missing file: exit %d, stderr %q", code, stderr)
	}
	// A config file with a problem is logged, and the server goes on to
	// listen (here, on a busy port).
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte("lang: en\ntheme: neon\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("serve", "--listen", busy.Addr().String(), "--host-key", key, "--config", path)
	if code != exitData || !strings.Contains(stderr, `c.yaml:2:8: theme: unknown theme \"neon\"`) || !strings.Contains(stderr, "address already in use") {
		t.Errorf("a config file with a problem: exit %d, stderr %q; want it logged, then the listen error", code, stderr)
	}
}

func TestServeReloadsTheConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("lang: en\ntab: zones\n")
	var logs bytes.Buffer
	logger := log.New(&logs)
	conf := serverConfig{path: path}
	st, err := conf.load(logger)
	if err != nil || st.Lang != ui.En || st.Tab != ui.TabZones {
		t.Fatalf("load: %+v, %v", st, err)
	}
	signer, _, err := server.LoadHostKey(filepath.Join(t.TempDir(), "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := loadDataset("")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Dataset: ds, HostKey: signer, Lang: st.Lang, Tab: st.Tab, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	r := reloader{config: serverConfig{path: path, flags: config.Flags{Theme: ui.ThemeLight}}}
	write("lang: zh\nkeys:\n  next: [l]\n")
	r.reload(srv, logger)
	want := server.Settings{Lang: ui.Zh, Theme: ui.ThemeLight, Keys: ui.KeyRemaps{"next": {"l"}}}
	if got := srv.Settings(); !reflect.DeepEqual(got, want) {
		t.Errorf("after SIGHUP: %+v, want %+v", got, want)
	}
	// A file that cannot be read leaves the settings as they were.
	os.Remove(path)
	r.reload(srv, logger)
	if got := srv.Settings(); !reflect.DeepEqual(got, want) || !strings.Contains(logs.String(), "config file not reloaded") {
		t.Errorf("after SIGHUP with the file gone: %+v; logs:\n%s", got, logs.String())
	}
}

func TestServeHibernatePeriod(t *testing.T) {
	for _, v := range []string{"1s", "-1m"} {
		code, _, stderr := runCLI("serve", "--hibernate", v)
		if code != exitUsage || !strings.Contains(stderr, "--hibernate must be 0 or at least 5s") {
			t.Errorf("--hibernate %s: exit %d, stderr %q; want %d and the bounds", v, code, stderr, exitUsage)
		}
	}
}
