package server

import (
	"fmt"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// handle serves one session: it refuses an over-long command line before
// anything reads it, logs the session, admits it or not, and routes it.
func (s *Server) handle(sess ssh.Session) {
	g := guardOf(sess.Context())
	if g == nil {
		// Every connection comes through connCallback.
		_ = sess.Exit(1)
		return
	}
	if n := len(sess.RawCommand()); n > maxCommandLine {
		s.metrics.count(outcomeRefusedOther)
		s.refuse(sess, fmt.Sprintf("the command line is %d bytes long: the limit is %d", n, maxCommandLine), "command line too long")
		return
	}
	start := time.Now()
	pty, _, hasPty := sess.Pty()
	kv := []any{"user", clip(sess.User()), "remote-addr", sess.RemoteAddr().String(),
		"public-key", sess.PublicKey() != nil, "command", clip(sess.RawCommand())}
	if hasPty {
		kv = append(kv, "term", clip(pty.Term), "width", pty.Window.Width, "height", pty.Window.Height)
	}
	s.log.Info("connect", append(kv, "client-version", clip(sess.Context().ClientVersion()))...)
	defer func() {
		s.metrics.duration.Observe(time.Since(start).Seconds())
		s.log.Info("disconnect", "user", clip(sess.User()), "remote-addr", sess.RemoteAddr().String(),
			"duration", time.Since(start).Round(time.Millisecond))
	}()
	if !s.admit(sess, g) {
		return
	}
	defer s.release(sess)
	s.route(sess, g)
}

// admit refuses sessions while shutting down, over the per-address rate
// limit, or over the session cap. An admitted session counts against the
// cap until both it has ended and its connection is closed: see release.
func (s *Server) admit(sess ssh.Session, g *guardedConn) bool {
	switch {
	case s.closing.Load():
		s.metrics.count(outcomeRefusedOther)
		s.refuse(sess, "the server is shutting down", "shutting down")
		return false
	case s.limiter.Allow(sess) != nil:
		s.metrics.count(outcomeRateLimited)
		s.refuse(sess, "too many connections from your address: try again later", "rate limited")
		return false
	}
	if !s.active.acquire(s.cfg.MaxSessions) {
		s.metrics.count(outcomeRefusedBusy)
		s.refuse(sess, "server busy: try again later", "server busy")
		return false
	}
	if !g.sessionStarted() {
		s.active.release()
		_ = sess.Exit(1)
		return false
	}
	return true
}

// release gives back the slot of a session that has ended, once its
// connection is closed too. The connection closes itself soon after its
// last session (see sessionEnded), so no path keeps a slot.
func (s *Server) release(sess ssh.Session) {
	g := guardOf(sess.Context())
	g.sessionEnded()
	go func() {
		<-sess.Context().Done()
		s.active.release()
	}()
}

// refuse tells the visitor why in one line on stderr, logs it, and ends
// the session with exit status 1.
func (s *Server) refuse(sess ssh.Session, msg, reason string) {
	kv := []any{"reason", reason, "remote-addr", sess.RemoteAddr().String(), "user", sess.User()}
	if k := sess.PublicKey(); k != nil {
		kv = append(kv, "fingerprint", gossh.FingerprintSHA256(k))
	}
	s.log.Warn("session refused", kv...)
	fmt.Fprintf(sess.Stderr(), "lzdash: %s\n", msg)
	_ = sess.Exit(1)
}

// counter counts open sessions up to a cap, and tells when none is left.
type counter struct {
	mu      sync.Mutex
	n       int
	waiters []chan struct{}
}

// acquire counts one more session, unless limit are open already.
func (c *counter) acquire(limit int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= limit {
		return false
	}
	c.n++
	return true
}

// release counts one session fewer.
func (c *counter) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
	if c.n == 0 {
		for _, w := range c.waiters {
			close(w)
		}
		c.waiters = nil
	}
}

func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// drained returns a channel closed once no session is open.
func (c *counter) drained() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	w := make(chan struct{})
	if c.n == 0 {
		close(w)
	} else {
		c.waiters = append(c.waiters, w)
	}
	return w
}
