package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"lzdash/data"
	"lzdash/ui"
)

// waitLimit bounds every wait; waits end as soon as what they wait for
// happens, so the limit only matters when a test fails.
const waitLimit = 10 * time.Second

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (sb *syncBuffer) Write(p []byte) (int, error) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.Write(p)
}

func (sb *syncBuffer) String() string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.String()
}

// testServer is a server running on a loopback port.
type testServer struct {
	*Server
	addr    string
	logs    *syncBuffer
	hostKey gossh.PublicKey
	served  chan error
}

func testDataset(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.Load("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// startServer starts a server with a temporary host key, in English, after
// letting configure adjust its config. It is closed when the test ends.
func startServer(t *testing.T, configure func(*Config)) *testServer {
	t.Helper()
	signer, _, err := LoadHostKey(filepath.Join(t.TempDir(), "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	cfg := Config{
		Dataset: testDataset(t), HostKey: signer, Lang: ui.En,
		Logger:    log.NewWithOptions(logs, log.Options{Level: log.DebugLevel}),
		RateLimit: 1000, RateBurst: 1000,
	}
	if configure != nil {
		configure(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: srv, addr: ln.Addr().String(), logs: logs, hostKey: signer.PublicKey(), served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Close()
		<-ts.served
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return ts
}

// newKey returns a fresh client key.
func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dial connects with the given auth methods (none when empty), checking
// the server's host key.
func (ts *testServer) dial(t *testing.T, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "visitor",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.hostKey),
		Timeout:         waitLimit,
	})
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, err
}

func (ts *testServer) mustDial(t *testing.T, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := ts.dial(t, auth...)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return c
}

// term is an interactive session with a pseudo-terminal.
type term struct {
	t    *testing.T
	sess *gossh.Session
	in   io.WriteCloser

	mu      sync.Mutex
	out     []byte
	changed chan struct{} // closed at the next output, then replaced
	eof     bool
}

// openTerm requests a w×h terminal and a shell on c, after sending the
// environment variables env, given as name, value, name, value.
func openTerm(t *testing.T, c *gossh.Client, w, h int, env ...string) *term {
	t.Helper()
	return openCommand(t, c, w, h, "", env...)
}

// openCommand is openTerm running command, as ssh -t host -- command
// does; with command "", a shell.
func openCommand(t *testing.T, c *gossh.Client, w, h int, command string, env ...string) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	t.Cleanup(func() { sess.Close() })
	tm := &term{t: t, sess: sess, changed: make(chan struct{})}
	if tm.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stderr = tm
	for i := 0; i+1 < len(env); i += 2 {
		if err := sess.Setenv(env[i], env[i+1]); err != nil {
			t.Fatalf("setenv %s: %v", env[i], err)
		}
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatalf("pty: %v", err)
	}
	start := sess.Shell
	if command != "" {
		start = func() error { return sess.Start(command) }
	}
	if err := start(); err != nil {
		t.Fatalf("start %q: %v", command, err)
	}
	go func() {
		_, _ = io.Copy(tm, out)
		tm.mu.Lock()
		tm.eof = true
		close(tm.changed)
		tm.mu.Unlock()
	}()
	return tm
}

func (tm *term) Write(p []byte) (int, error) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.out = append(tm.out, p...)
	if !tm.eof {
		close(tm.changed)
		tm.changed = make(chan struct{})
	}
	return len(p), nil
}

// mark returns the current end of the output, to wait for what follows.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return len(tm.out)
}

// since returns the output after mark with escape sequences removed.
func (tm *term) since(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(string(tm.out[mark:]))
}

// waitFor waits until the output after mark shows token, which should
// hold no spaces: the renderer skips over cells that did not change.
func (tm *term) waitFor(mark int, token string) {
	tm.t.Helper()
	deadline := time.After(waitLimit)
	for {
		tm.mu.Lock()
		text := ansi.Strip(string(tm.out[mark:]))
		ch, eof := tm.changed, tm.eof
		tm.mu.Unlock()
		if strings.Contains(text, token) {
			return
		}
		if eof {
			tm.t.Fatalf("session ended before showing %q; it showed:\n%s", token, text)
		}
		select {
		case <-ch:
		case <-deadline:
			tm.t.Fatalf("no %q within %v; the screen showed:\n%s", token, waitLimit, text)
		}
	}
}

// press sends keys as the terminal would.
func (tm *term) press(keys string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.in, keys); err != nil {
		tm.t.Fatalf("sending %q: %v", keys, err)
	}
}

// resize tells the server the terminal is now w×h.
func (tm *term) resize(w, h int) {
	tm.t.Helper()
	if err := tm.sess.WindowChange(h, w); err != nil {
		tm.t.Fatalf("window change: %v", err)
	}
}

// wait waits for the session to end and returns its exit status.
func (tm *term) wait() int {
	tm.t.Helper()
	return waitExit(tm.t, tm.sess)
}

// waitExit waits for sess to end and returns its exit status, or -1 when
// it ended without one (the connection closed).
func waitExit(t *testing.T, sess *gossh.Session) int {
	t.Helper()
	return waitExitWithin(t, sess, waitLimit)
}

// waitExitWithin is waitExit with its own limit.
func waitExitWithin(t *testing.T, sess *gossh.Session, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		var ee *gossh.ExitError
		var missing *gossh.ExitMissingError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.ExitStatus()
		case errors.As(err, &missing):
			return -1
		}
		t.Fatalf("session: %v", err)
	case <-time.After(limit):
		t.Fatalf("session still open after %v", limit)
	}
	return 0
}

// run runs command without a terminal and returns its output and status.
func run(t *testing.T, c *gossh.Client, command string) (stdout, stderr string, status int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	defer sess.Close()
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	if err := sess.Start(command); err != nil {
		t.Fatalf("start %q: %v", command, err)
	}
	status = waitExit(t, sess)
	return o.String(), e.String(), status
}

// waitLog waits until the server has logged text.
func (ts *testServer) waitLog(t *testing.T, text string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !strings.Contains(ts.logs.String(), text) {
		select {
		case <-ctx.Done():
			t.Fatalf("the server never logged %q; it logged:\n%s", text, ts.logs.String())
		case <-tick.C:
		}
	}
}

// waitSessions waits until the server counts n open sessions.
func (ts *testServer) waitSessions(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for ts.Sessions() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions open after %v, want %d", ts.Sessions(), waitLimit, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
