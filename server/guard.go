package server

import (
	"container/list"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
)

// guardKey finds a connection's guard in its ssh.Context.
var guardKey = &struct{ name string }{"lzdash-conn-guard"}

// guardOf returns the guard of the connection ctx belongs to.
func guardOf(ctx ssh.Context) *guardedConn {
	g, _ := ctx.Value(guardKey).(*guardedConn)
	return g
}

// guardedConn is one client connection. Every write to it has a deadline,
// so a client that stops reading is dropped after WriteTimeout; it counts
// traffic for the idle timeout, enforces the idle and maximum timeouts
// itself (socket deadlines cannot end a session whose writes are blocked
// on SSH flow control), and ends its dashboards politely first.
type guardedConn struct {
	net.Conn
	srv   *Server
	key   string
	start time.Time

	last atomic.Int64 // unix nanoseconds of the last byte in or out

	mu          sync.Mutex
	handshaking bool
	ending      bool
	closed      bool
	sessions    map[*dashboard]struct{}
	active      int // sessions of any kind running on this connection
	channels    int // session channels open
	idle, max   *time.Timer
	hangUp      *time.Timer
	waiting     *list.Element // in conns.waiting while handshaking
	counted     bool          // in the counts of its address, key
}

func (g *guardedConn) touch() { g.last.Store(time.Now().UnixNano()) }

// Read reads from the client, counting the traffic.
func (g *guardedConn) Read(b []byte) (int, error) {
	n, err := g.Conn.Read(b)
	if n > 0 {
		g.touch()
	}
	return n, err
}

// Write writes to the client within WriteTimeout, counting the traffic.
// The deadline is set on every write, since the SSH library resets the
// socket's deadlines after the handshake.
func (g *guardedConn) Write(b []byte) (int, error) {
	_ = g.Conn.SetWriteDeadline(time.Now().Add(g.srv.cfg.WriteTimeout))
	n, err := g.Conn.Write(b)
	if n > 0 {
		g.touch()
	}
	if err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			g.drop("stalled: the client stopped reading")
		}
	}
	return n, err
}

// Close closes the connection once and forgets it.
func (g *guardedConn) Close() error {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return nil
	}
	g.closed = true
	for _, t := range []*time.Timer{g.idle, g.max, g.hangUp} {
		if t != nil {
			t.Stop()
		}
	}
	wasHandshaking := g.handshaking
	g.handshaking = false
	g.mu.Unlock()

	cs := g.srv.conns
	cs.mu.Lock()
	delete(cs.open, g)
	cs.total--
	if ac := cs.perAddr[g.key]; ac != nil && g.counted {
		ac.conns--
		if wasHandshaking {
			ac.handshakes--
		}
		if ac.conns == 0 {
			delete(cs.perAddr, g.key)
		}
	}
	if wasHandshaking {
		cs.handshakes--
		cs.waiting.Remove(g.waiting)
	}
	cs.mu.Unlock()
	return g.Conn.Close()
}

// authenticated moves the connection from the handshake caps to the
// established ones.
func (g *guardedConn) authenticated() {
	g.mu.Lock()
	was := g.handshaking
	g.handshaking = false
	g.mu.Unlock()
	if !was {
		return
	}
	cs := g.srv.conns
	cs.mu.Lock()
	cs.handshakes--
	cs.waiting.Remove(g.waiting)
	if ac := cs.perAddr[g.key]; ac != nil && g.counted {
		ac.handshakes--
	}
	cs.mu.Unlock()
}

// startTimers arms the idle and maximum timeouts.
func (g *guardedConn) startTimers() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if d := g.srv.cfg.IdleTimeout; d > 0 {
		g.idle = time.AfterFunc(d, g.checkIdle)
	}
	if d := g.srv.cfg.MaxTimeout; d > 0 {
		g.max = time.AfterFunc(d, func() { g.end(endMax) })
	}
}

// checkIdle ends the connection if nothing went either way for the idle
// timeout, or checks again when it would be.
func (g *guardedConn) checkIdle() {
	d := g.srv.cfg.IdleTimeout
	quiet := time.Since(time.Unix(0, g.last.Load()))
	if quiet >= d {
		g.end(endIdle)
		return
	}
	g.mu.Lock()
	if !g.closed {
		g.idle.Reset(d - quiet)
	}
	g.mu.Unlock()
}

// drop closes the connection at once: the client is not reading, so
// nothing more can reach it.
func (g *guardedConn) drop(why string) {
	g.mu.Lock()
	already := g.closed || g.ending
	g.ending = true
	g.mu.Unlock()
	if already {
		_ = g.Close()
		return
	}
	g.srv.metrics.count(outcomeDroppedStalled)
	g.srv.log.Warn("connection dropped", "reason", why, "remote-addr", g.Conn.RemoteAddr().String(),
		"after", time.Since(g.start).Round(time.Millisecond))
	_ = g.Close()
}

// end ends the connection for reason: its dashboards restore the
// visitor's terminal and say why, then, after farewellGrace at most, the
// connection is closed.
func (g *guardedConn) end(reason endReason) {
	g.mu.Lock()
	if g.closed || g.ending {
		g.mu.Unlock()
		return
	}
	g.ending = true
	ds := make([]*dashboard, 0, len(g.sessions))
	for d := range g.sessions {
		ds = append(ds, d)
	}
	g.mu.Unlock()
	g.srv.log.Info("closing connection", "reason", reason.log(), "remote-addr", g.Conn.RemoteAddr().String(),
		"after", time.Since(g.start).Round(time.Millisecond))
	done := make(chan struct{}, len(ds))
	for _, d := range ds {
		go func() { d.finish(reason); done <- struct{}{} }()
	}
	timeout := time.NewTimer(farewellGrace)
	defer timeout.Stop()
	for range ds {
		select {
		case <-done:
		case <-timeout.C:
			_ = g.Close()
			return
		}
	}
	// Give the client a moment to read the farewell and hang up.
	select {
	case <-time.After(hangUpGrace):
	case <-timeout.C:
	}
	_ = g.Close()
}

// sessionStarted counts a session on this connection. It reports false
// if the connection is already ending.
func (g *guardedConn) sessionStarted() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ending || g.closed {
		return false
	}
	g.active++
	if g.hangUp != nil {
		g.hangUp.Stop()
	}
	return true
}

// sessionEnded counts a session fewer. Once none is left, the client gets
// hangUpGrace to close the connection before the server does, so that a
// finished session never holds its slot on an open connection.
func (g *guardedConn) sessionEnded() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active--
	if g.active == 0 && !g.closed {
		g.hangUp = time.AfterFunc(hangUpGrace, func() { _ = g.Close() })
	}
}

// openChannel counts a session channel, unless maxChannelsPerConn are
// open already.
func (g *guardedConn) openChannel() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.channels >= maxChannelsPerConn {
		return false
	}
	g.channels++
	return true
}

// closeChannel counts a session channel fewer.
func (g *guardedConn) closeChannel() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.channels--
}

// addDashboard registers d, to be ended politely with the connection. It
// reports false if the connection is already ending.
func (g *guardedConn) addDashboard(d *dashboard) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ending || g.closed {
		return false
	}
	g.sessions[d] = struct{}{}
	return true
}

// removeDashboard forgets d.
func (g *guardedConn) removeDashboard(d *dashboard) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.sessions, d)
}
