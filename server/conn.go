package server

import (
	"container/list"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"charm.land/ssh"
)

// Defaults for the connection limits of Config.
const (
	DefaultWriteTimeout         = 10 * time.Second
	DefaultMaxConnsPerAddr      = 64
	DefaultMaxHandshakes        = 256
	DefaultMaxHandshakesPerAddr = 16
	// fdReserve is how many file descriptors stay free for the listener,
	// the dataset file, logs and the watcher when the connection cap is
	// derived from the process's limit.
	fdReserve = 64
	// maxConnsCeiling bounds the derived connection cap.
	maxConnsCeiling = 4096
)

// farewellGrace is how long a session that is being ended gets to restore
// the visitor's terminal and say why before its connection is closed.
const farewellGrace = 2 * time.Second

// defaultMaxConns derives the cap on open connections from the process's
// file-descriptor limit, so that a flood cannot exhaust descriptors.
func defaultMaxConns() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil || rl.Cur > 1<<20 {
		return maxConnsCeiling
	}
	n := int(rl.Cur) - fdReserve
	switch {
	case n < 16:
		return 16
	case n > maxConnsCeiling:
		return maxConnsCeiling
	}
	return n
}

// conns admits connections and keeps count of them, in total and per
// remote address, handshaking (not yet authenticated) and established.
type conns struct {
	mu         sync.Mutex
	total      int
	handshakes int
	perAddr    map[string]*addrCount
	open       map[*guardedConn]struct{}
	closed     bool
	// waiting holds the handshaking connections, oldest first.
	waiting *list.List
}

type addrCount struct{ conns, handshakes int }

func newConns() *conns {
	return &conns{perAddr: map[string]*addrCount{}, open: map[*guardedConn]struct{}{}, waiting: list.New()}
}

// addrKey is the part of a remote address that limits apply to: the IP.
func addrKey(a net.Addr) string {
	if a == nil {
		return ""
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}

// connCallback is the ssh.Server's ConnCallback: it refuses a connection
// over any cap by closing it at once, before a single byte of the SSH
// handshake is read, and wraps the others in a guardedConn. When the
// handshakes of all addresses together reach their cap, the oldest one
// gives way instead: a flood from many addresses then has to outpace
// every real visitor's handshake (a few milliseconds) to keep them out.
//
// The caps on all connections apply first; then a PROXY header, if the
// listener takes them, is read (within its own deadline), and the caps
// per address apply to the client address it reports.
func (s *Server) connCallback(ctx ssh.Context, c net.Conn) net.Conn {
	cs := s.conns
	cs.mu.Lock()
	var why string
	switch {
	case cs.closed:
		why = "shutting down"
	case cs.total >= s.cfg.MaxConns:
		why = "too many connections"
	}
	if why != "" {
		cs.mu.Unlock()
		s.refuseConn(why, addrKey(rawRemote(c)))
		return nil
	}
	var evict *guardedConn
	if cs.handshakes >= s.cfg.MaxHandshakes {
		if e := cs.waiting.Front(); e != nil {
			evict = e.Value.(*guardedConn)
		}
	}
	cs.total++
	cs.handshakes++
	g := &guardedConn{Conn: c, srv: s, handshaking: true, start: time.Now(),
		sessions: map[*dashboard]struct{}{}}
	g.touch()
	cs.open[g] = struct{}{}
	g.waiting = cs.waiting.PushBack(g)
	cs.mu.Unlock()
	if evict != nil {
		s.evicted.Add(1)
		if s.connLog.Allow() {
			s.log.Warn("handshakes at their cap: the oldest gave way", "remote-addr", evict.key, "evicted-so-far", s.evicted.Load())
		}
		_ = evict.Close()
	}

	// A balancer's header names the client, so it is read before the
	// caps per address apply; anyone else's address is their own, and a
	// header from them is refused once they are counted.
	trusted := s.trustedProxy(rawRemote(c))
	if trusted && !s.proxyHeaderOK(g, c) {
		return nil
	}
	key := addrKey(rawRemote(c))
	if trusted {
		key = addrKey(c.RemoteAddr())
	}

	cs.mu.Lock()
	ac := cs.perAddr[key]
	if ac == nil {
		ac = &addrCount{}
	}
	g.mu.Lock()
	evicted := g.closed
	g.mu.Unlock()
	switch {
	case evicted:
		why = "evicted"
	case ac.conns >= s.cfg.MaxConnsPerAddr:
		why = "too many connections from this address"
	case ac.handshakes >= s.cfg.MaxHandshakesPerAddr:
		why = "too many handshakes from this address"
	default:
		cs.perAddr[key] = ac
		ac.conns++
		ac.handshakes++
		g.key = key
		g.counted = true
	}
	cs.mu.Unlock()
	if why != "" {
		_ = g.Close()
		if why != "evicted" {
			s.refuseConn(why, key)
		}
		return nil
	}
	if !trusted && !s.proxyHeaderOK(g, c) {
		return nil
	}
	ctx.SetValue(guardKey, g)
	g.startTimers()
	return g
}

// proxyHeaderOK reads c's PROXY header, if it comes through a
// proxyListener, and closes g with a log line if the header is refused.
func (s *Server) proxyHeaderOK(g *guardedConn, c net.Conn) bool {
	err := proxyHeaderError(c)
	if err == nil {
		return true
	}
	n := s.proxyRefused.Add(1)
	if s.connLog.Allow() {
		s.log.Warn("connection refused: bad PROXY header", "peer", rawRemote(c).String(), "error", clipN(err.Error(), 160), "refused-so-far", n)
	}
	_ = g.Close()
	return false
}

// refuseConn counts a connection refused over a cap and logs it, once a
// second at most: one line per refusal would let a flood fill the log.
func (s *Server) refuseConn(why, addr string) {
	n := s.refusedConns.Add(1)
	if s.connLog.Allow() {
		s.log.Warn("connection refused", "reason", why, "remote-addr", addr, "refused-so-far", n)
	}
}

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
	g.srv.droppedStalled.Add(1)
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

// all returns the open connections.
func (cs *conns) all() []*guardedConn {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	out := make([]*guardedConn, 0, len(cs.open))
	for g := range cs.open {
		out = append(out, g)
	}
	return out
}

// close refuses every connection from now on.
func (cs *conns) close() {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.closed = true
}

// count returns the connections open and handshaking.
func (cs *conns) count() (total, handshakes int) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.total, cs.handshakes
}
