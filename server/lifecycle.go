package server

import (
	"context"
	"time"

	"lzdash/data"
	"lzdash/data/watch"
)

// hangUpGrace is how long Shutdown lets clients hang up by themselves
// once their sessions have ended.
const hangUpGrace = time.Second

// Shutdown drains and stops the server. At once, /readyz fails and no
// connection is accepted; open sessions go on for up to DrainTimeout, or
// until they have all ended; then every dashboard left is told goodbye
// and ended, and the connections still open when ctx is done are closed.
func (s *Server) Shutdown(ctx context.Context) error {
	s.markClosing()
	s.hub.close()
	hungUp := make(chan error, 1)
	go func() { hungUp <- s.ssh.Shutdown(ctx) }()
	if d := s.cfg.DrainTimeout; d > 0 {
		s.log.Info("draining: no new connections", "for", d, "sessions", s.Sessions())
		t := time.NewTimer(d)
		select {
		case <-s.active.drained():
		case <-t.C:
		case <-ctx.Done():
		}
		t.Stop()
	}
	for _, g := range s.conns.all() {
		go g.end(endShutdown)
	}
	select {
	case <-s.active.drained():
	case <-ctx.Done():
		s.log.Warn("sessions still open at the shutdown deadline", "sessions", s.Sessions())
	}
	grace := time.NewTimer(hangUpGrace)
	defer grace.Stop()
	select {
	case err := <-hungUp:
		return err
	case <-grace.C:
	case <-ctx.Done():
	}
	err := s.ssh.Close()
	<-hungUp
	return err
}

// Reload replaces the dataset of every dashboard, open and to come, as a
// --watch reload does; load is how long it took to read.
func (s *Server) Reload(ds *data.Dataset, load time.Duration) {
	st := ds.Stats()
	s.log.Info("dataset reloaded", "metrics", st.Metrics, "figures", st.Figures, "sessions", s.Sessions())
	s.metrics.reloads.Inc()
	s.SetLoadTime(load)
	s.pages.Use(ds)
	s.frames.use(ds)
	s.hub.publish(ds, nil)
}

// Publish hands the server one event of a watch.Watcher of its dataset
// file: a dataset goes to Reload, an error to ReloadFailed.
func (s *Server) Publish(ev watch.Event) {
	if ev.Err != nil {
		s.ReloadFailed(ev.Err)
		return
	}
	s.Reload(ev.Dataset, ev.Took)
}

// ReloadFailed tells every dashboard that a reload failed; they keep the
// last good data.
func (s *Server) ReloadFailed(err error) {
	s.metrics.reloadErrs.Inc()
	s.log.Error("reload failed: sessions keep the last good data", "error", err)
	s.hub.publish(nil, err)
}

// SetAuthorizedKeys replaces the keys allowed in. It reports false, and
// changes nothing, for a server in open demo mode.
func (s *Server) SetAuthorizedKeys(ks *KeySet) bool {
	if s.keys.Load() == nil || ks == nil {
		return false
	}
	s.keys.Store(ks)
	s.log.Info("authorized keys reloaded", "keys", ks.Len())
	return true
}

// Close closes the listener and every connection at once.
func (s *Server) Close() error {
	s.markClosing()
	s.hub.close()
	return s.ssh.Close()
}

// markClosing refuses new connections from now on, and closes the
// listener that Serve was given, even if the SSH library has not begun
// accepting on it yet.
func (s *Server) markClosing() {
	s.lnMu.Lock()
	s.closing.Store(true)
	ln := s.ln
	s.lnMu.Unlock()
	s.conns.close()
	if ln != nil {
		_ = ln.Close()
	}
}

// Sessions returns the number of sessions open.
func (s *Server) Sessions() int { return s.active.count() }

// DrainTimeout returns how long Shutdown lets sessions go on before it
// ends them.
func (s *Server) DrainTimeout() time.Duration { return s.cfg.DrainTimeout }
