package server

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// within fails the test if f takes longer than waitLimit: the files
// below must be refused, never waited on.
func within(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(waitLimit):
		t.Fatalf("%s blocked for %v", what, waitLimit)
	}
	return nil
}

func TestKeyFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	err := within(t, "a host key FIFO", func() error { _, _, err := LoadHostKey(fifo); return err })
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Errorf("host key FIFO: %v", err)
	}
	err = within(t, "an authorized_keys FIFO", func() error { _, err := LoadAuthorizedKeys(fifo); return err })
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Errorf("authorized_keys FIFO: %v", err)
	}
	for _, path := range []string{dir, "/dev/null"} {
		if _, _, err := LoadHostKey(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("host key %s: %v", path, err)
		}
		if _, err := LoadAuthorizedKeys(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("authorized_keys %s: %v", path, err)
		}
	}
}

func TestAuthorizedKeysOthersMayNotWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(authorizedLine(newKey(t))), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadAuthorizedKeys(path); err != nil {
		t.Fatalf("a private file: %v", err)
	}
	for _, mode := range []os.FileMode{0o620, 0o602, 0o666} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadAuthorizedKeys(path); err == nil || !strings.Contains(err.Error(), "chmod go-w") {
			t.Errorf("mode %04o: %v", mode, err)
		}
	}
}

func TestWeakRSAKeysRefused(t *testing.T) {
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := gossh.NewPublicKey(&weak.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	line := string(gossh.MarshalAuthorizedKey(pub))
	_, err = ParseAuthorizedKeys("keys", strings.NewReader(line))
	if err == nil || !strings.Contains(err.Error(), "keys:1: a 1024-bit RSA key is too weak") {
		t.Fatalf("1024-bit RSA: %v", err)
	}
	strong, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ = gossh.NewPublicKey(&strong.PublicKey)
	if _, err := ParseAuthorizedKeys("keys", strings.NewReader(string(gossh.MarshalAuthorizedKey(pub)))); err != nil {
		t.Fatalf("2048-bit RSA: %v", err)
	}
}
