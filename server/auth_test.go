package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func authorizedLine(s gossh.Signer) string {
	return string(gossh.MarshalAuthorizedKey(s.PublicKey()))
}

func TestAuthorizedKeysOnly(t *testing.T) {
	good, bad := newKey(t), newKey(t)
	ks, err := ParseAuthorizedKeys("keys", strings.NewReader("# team\n\n"+authorizedLine(good)))
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.AuthorizedKeys = ks })

	if _, err := ts.dial(t, gossh.PublicKeys(bad)); err == nil {
		t.Fatal("an unauthorized key got in")
	}
	ts.waitLog(t, "fingerprint="+gossh.FingerprintSHA256(bad.PublicKey()))
	if _, err := ts.dial(t); err == nil {
		t.Fatal("a client without a key got in")
	}
	if _, err := ts.dial(t, gossh.Password("secret"), gossh.KeyboardInteractive(
		func(string, string, []string, []bool) ([]string, error) { return nil, nil })); err == nil {
		t.Fatal("password or keyboard-interactive authentication got in")
	}
	if strings.Contains(ts.logs.String(), "secret") {
		t.Fatal("a password reached the log")
	}

	c := ts.mustDial(t, gossh.PublicKeys(bad, good))
	tm := openTerm(t, c, 100, 30)
	tm.waitFor(0, overviewToken)
	ts.waitLog(t, "auth accepted")
}

func TestOpenDemoModeWarnsAndLetsAnyoneIn(t *testing.T) {
	ts := startServer(t, nil)
	ts.waitLog(t, "open demo mode")
	if _, _, st := run(t, ts.mustDial(t), "export"); st != 0 {
		t.Fatalf("export without a key: status %d", st)
	}
	if _, _, st := run(t, ts.mustDial(t, gossh.PublicKeys(newKey(t))), "export"); st != 0 {
		t.Fatalf("export with any key: status %d", st)
	}
}

func TestParseAuthorizedKeysErrors(t *testing.T) {
	key := strings.TrimSpace(authorizedLine(newKey(t)))
	for _, tc := range []struct{ name, src, want string }{
		{"bad line", key + "\n# ok\nssh-ed25519 AAAAnot-base64\n", "keys:3: not a public key"},
		{"options", `from="10.0.0.0/8" ` + key + "\n", "keys:1: key options"},
		{"empty", "# nobody\n\n", "no public keys"},
	} {
		_, err := ParseAuthorizedKeys("keys", strings.NewReader(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	ks, err := ParseAuthorizedKeys("keys", strings.NewReader("  "+key+" alice@example\n"+key+"\n"))
	if err != nil || ks.Len() != 1 {
		t.Fatalf("two copies of one key: %v, %d keys", err, ks.Len())
	}
}

func TestHostKeyCreatedPrivateAndReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "lzdash")
	path := filepath.Join(dir, "host_ed25519")
	first, created, err := LoadHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created %v, %v", created, err)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700, filepath.Dir(dir): 0o700} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Fatalf("%s: mode %v, want %v (%v)", p, st.Mode().Perm(), want, err)
		}
	}

	// A restarted server presents the same key: a client that pinned it
	// connects without a warning.
	second, created, err := LoadHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created %v, %v", created, err)
	}
	ts := startServer(t, func(c *Config) { c.HostKey = second })
	ts.hostKey = first.PublicKey()
	if _, _, st := run(t, ts.mustDial(t), "export"); st != 0 {
		t.Fatalf("export on the restarted server: status %d", st)
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a key others can read: %v", err)
	}
}
