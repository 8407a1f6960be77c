package server

import (
	"container/list"
	"net"
	"sync"
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
		if s.logEvict.Allow() {
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
	s.metrics.count(outcomeRefusedProxy)
	if s.logProxy.Allow() {
		s.log.Warn("connection refused: bad PROXY header", "peer", rawRemote(c).String(), "error", clipN(err.Error(), 160), "refused-so-far", n)
	}
	_ = g.Close()
	return false
}

// refuseConn counts a connection refused over a cap and logs it, once a
// second at most: one line per refusal would let a flood fill the log.
func (s *Server) refuseConn(why, addr string) {
	n := s.refusedConns.Add(1)
	s.metrics.count(outcomeRefusedConn)
	if s.logRefuse.Allow() {
		s.log.Warn("connection refused", "reason", why, "remote-addr", addr, "refused-so-far", n)
	}
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
