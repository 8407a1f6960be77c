package server

import (
	"bufio"
	"bytes"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// maxKeyLine bounds one line of an authorized_keys file; RSA keys of
// 16384 bits take about 2,800 characters.
const maxKeyLine = 64 << 10

// minRSABits is the smallest RSA key accepted, as in OpenSSH 9.
const minRSABits = 2048

// rsaBits returns the size of an RSA key, or 0 for other kinds.
func rsaBits(key gossh.PublicKey) int {
	ck, ok := key.(gossh.CryptoPublicKey)
	if !ok {
		return 0
	}
	if rk, ok := ck.CryptoPublicKey().(*rsa.PublicKey); ok {
		return rk.N.BitLen()
	}
	return 0
}

// KeySet is a set of public keys allowed to log in.
type KeySet struct {
	keys map[string]struct{}
}

// Len returns how many distinct keys the set holds.
func (ks *KeySet) Len() int { return len(ks.keys) }

// Contains reports whether key is in the set.
func (ks *KeySet) Contains(key gossh.PublicKey) bool {
	_, ok := ks.keys[string(key.Marshal())]
	return ok
}

// LoadAuthorizedKeys reads an OpenSSH authorized_keys file. As sshd
// does, it refuses one that its group or others may write to, since
// whoever can write it can let anyone in.
func LoadAuthorizedKeys(path string) (*KeySet, error) {
	b, st, err := readRegular(path, "authorized keys", maxKeyFile)
	if err != nil {
		return nil, err
	}
	if perm := st.Mode().Perm(); perm&0o022 != 0 {
		return nil, fmt.Errorf("authorized keys %s: mode %04o lets others change it: run chmod go-w %s", path, perm, path)
	}
	return ParseAuthorizedKeys(path, bytes.NewReader(b))
}

// ParseAuthorizedKeys reads authorized_keys lines from r, one key a line;
// blank lines and lines starting with # are skipped. Every bad line is
// reported with its name:line position. Key options such as from= or
// command= are refused rather than ignored, since ignoring them would let
// in more than the file says. A file with no key is an error too: it would
// lock everyone out.
func ParseAuthorizedKeys(name string, r io.Reader) (*KeySet, error) {
	ks := &KeySet{keys: map[string]struct{}{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxKeyLine)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, opts, _, err := gossh.ParseAuthorizedKey(line)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s:%d: not a public key: %w", name, n, err))
		case len(opts) > 0:
			errs = append(errs, fmt.Errorf("%s:%d: key options (%s) are not supported: remove them", name, n, clip(opts[0])))
		case rsaBits(key) > 0 && rsaBits(key) < minRSABits:
			errs = append(errs, fmt.Errorf("%s:%d: a %d-bit RSA key is too weak: use ed25519 or RSA of %d bits or more", name, n, rsaBits(key), minRSABits))
		default:
			ks.keys[string(key.Marshal())] = struct{}{}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if ks.Len() == 0 {
		return nil, fmt.Errorf("%s: no public keys: nobody could log in", name)
	}
	return ks, nil
}

// publicKeyHandler lets in the keys of the current set and logs each
// decision with the key's fingerprint.
func publicKeyHandler(keys *atomic.Pointer[KeySet], logger *log.Logger) ssh.PublicKeyHandler {
	return func(ctx ssh.Context, key ssh.PublicKey) bool {
		ok := keys.Load().Contains(key)
		kv := []any{"remote-addr", ctx.RemoteAddr().String(), "user", clip(ctx.User()),
			"key-type", key.Type(), "fingerprint", gossh.FingerprintSHA256(key)}
		if ok {
			if g := guardOf(ctx); g != nil {
				g.authenticated()
			}
			logger.Info("auth accepted", kv...)
		} else {
			logger.Warn("auth refused: key not authorized", kv...)
		}
		return ok
	}
}

// openServerConfig lets anyone in without credentials (open demo mode),
// logging each visitor.
func openServerConfig(logger *log.Logger) ssh.ServerConfigCallback {
	return func(ctx ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{
			NoClientAuth: true,
			NoClientAuthCallback: func(c gossh.ConnMetadata) (*gossh.Permissions, error) {
				if g := guardOf(ctx); g != nil {
					g.authenticated()
				}
				logger.Info("auth accepted: open demo mode", "remote-addr", c.RemoteAddr().String(), "user", clip(c.User()))
				return &gossh.Permissions{}, nil
			},
		}
	}
}
