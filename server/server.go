// Package server serves the lzdash dashboard over SSH. Every session with
// a terminal gets its own dashboard; without one, a few read-only commands
// answer and exit. The dataset is loaded once and shared read-only by all
// sessions.
package server

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/ratelimiter"
	wishrecover "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"lzdash/data"
	"lzdash/ui"
)

// Defaults for the zero values of Config.
const (
	DefaultMaxSessions      = 100
	DefaultRateLimit        = rate.Limit(1) // sessions a second from one address
	DefaultRateBurst        = 20
	DefaultHandshakeTimeout = 20 * time.Second
	rateLimitEntries        = 10000
)

// Config configures a Server.
type Config struct {
	// Dataset is what sessions show. Required. The server reads no
	// dataset file: a new one comes through Reload or Publish.
	Dataset *data.Dataset

	// HostKey is the server's private host key. Required; see LoadHostKey.
	HostKey gossh.Signer
	// AuthorizedKeys are the keys allowed in. Nil means open demo mode:
	// anyone may connect.
	AuthorizedKeys *KeySet

	// MaxSessions caps concurrent sessions.
	MaxSessions int
	// IdleTimeout closes a connection with no traffic for that long;
	// MaxTimeout closes any connection that old. Zero means no limit.
	IdleTimeout time.Duration
	MaxTimeout  time.Duration
	// Hibernate stops a dashboard's program once it has had no input,
	// resize or dataset reload, and written nothing, for that long: its
	// screen stays as it is, its model is kept, and the visitor's next
	// input or resize starts a new program on that model, which repaints
	// the screen. Zero means never.
	Hibernate time.Duration
	// DrainTimeout is how long Shutdown lets open sessions go on, with no
	// new ones accepted, before it ends them.
	DrainTimeout time.Duration
	// HandshakeTimeout bounds the time to authenticate.
	HandshakeTimeout time.Duration
	// WriteTimeout drops a client that takes longer than this to accept
	// one write: one that stopped reading.
	WriteTimeout time.Duration
	// MaxConns caps open connections (by default, from the process's
	// file-descriptor limit); MaxHandshakes caps those not yet
	// authenticated. The PerAddr caps apply to one remote IP address.
	MaxConns             int
	MaxHandshakes        int
	MaxConnsPerAddr      int
	MaxHandshakesPerAddr int
	// RateLimit and RateBurst bound how fast one remote address may open
	// sessions.
	RateLimit rate.Limit
	RateBurst int

	// TrustedProxies are the balancers whose PROXY protocol headers give
	// the client's address; every other peer sending one is refused.
	TrustedProxies []*net.IPNet
	// ProxyHeaderTimeout bounds the wait for a PROXY header.
	ProxyHeaderTimeout time.Duration

	// Lang is the language dashboards and snapshots open in, when the
	// visitor asks for none; Tab, Theme and Keys are what dashboards open
	// with (see ui.Options). SetSettings replaces all four.
	Lang  ui.Lang
	Tab   int
	Theme ui.Theme
	Keys  ui.KeyRemaps
	// Logger receives the server's structured logs.
	Logger *log.Logger

	// newModel builds a session's model; tests replace it.
	newModel func(*data.Dataset, ui.Options) tea.Model
	// eager starts every dashboard's program at once, each drawing its
	// own first frame, as the shared first frames are checked against.
	eager bool
}

// Server is an SSH server of lzdash dashboards.
type Server struct {
	cfg     Config
	log     *log.Logger
	ssh     *ssh.Server
	hub     *hub
	limiter ratelimiter.RateLimiter
	// pages are the dashboards' pages, built once for all sessions.
	pages *ui.Shared
	// frames are the dashboards' first frames, shared by the sessions
	// that arrive with the same size, look and language.
	frames *frames

	active     counter      // sessions open
	programs   atomic.Int64 // dashboards whose Bubble Tea program runs
	hibernated atomic.Int64 // dashboards whose program was stopped for quiet
	conns      *conns       // connections open
	closing    atomic.Bool

	refusedConns atomic.Int64 // connections refused over a cap
	evicted      atomic.Int64 // handshakes closed to make room
	proxyRefused atomic.Int64 // connections refused for their PROXY header
	listening    atomic.Bool
	lnMu         sync.Mutex
	ln           net.Listener           // what Serve was given
	keys         atomic.Pointer[KeySet] // with AuthorizedKeys: who may log in
	settings     atomic.Pointer[settings]
	metrics      *metrics
	// Each kind of refusal is logged once a second at most, with a
	// running count, so that a flood cannot fill the log, and one kind
	// cannot hide another.
	logRefuse, logEvict, logProxy *rate.Limiter
}

// New checks cfg, fills in its defaults and builds a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Dataset == nil {
		return nil, errors.New("server: no dataset")
	}
	if cfg.HostKey == nil {
		return nil, errors.New("server: no host key")
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.RateLimit <= 0 {
		cfg.RateLimit = DefaultRateLimit
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = DefaultRateBurst
	}
	if cfg.HandshakeTimeout <= 0 {
		cfg.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = defaultMaxConns()
	}
	if cfg.MaxHandshakes <= 0 {
		cfg.MaxHandshakes = min(DefaultMaxHandshakes, cfg.MaxConns)
	}
	if cfg.MaxConnsPerAddr <= 0 {
		cfg.MaxConnsPerAddr = DefaultMaxConnsPerAddr
	}
	if cfg.MaxHandshakesPerAddr <= 0 {
		cfg.MaxHandshakesPerAddr = DefaultMaxHandshakesPerAddr
	}
	if cfg.ProxyHeaderTimeout <= 0 {
		cfg.ProxyHeaderTimeout = DefaultProxyHeaderTimeout
	}
	if cfg.Lang == "" {
		cfg.Lang = ui.Zh
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	if cfg.newModel == nil {
		cfg.newModel = func(ds *data.Dataset, o ui.Options) tea.Model { return ui.New(ds, o) }
	}
	s := &Server{
		cfg:       cfg,
		log:       cfg.Logger,
		hub:       newHub(cfg.Dataset),
		limiter:   ratelimiter.NewRateLimiter(cfg.RateLimit, cfg.RateBurst, rateLimitEntries),
		pages:     ui.NewShared(),
		frames:    newFrames(cfg.Dataset),
		conns:     newConns(),
		logRefuse: rate.NewLimiter(1, 1),
		logEvict:  rate.NewLimiter(1, 1),
		logProxy:  rate.NewLimiter(1, 1),
	}
	s.SetSettings(Settings{Lang: cfg.Lang, Tab: cfg.Tab, Theme: cfg.Theme, Keys: cfg.Keys})
	s.metrics = newMetrics(s)
	s.pages.Use(cfg.Dataset)
	s.ssh = &ssh.Server{
		Version:     "lzdash",
		HostSigners: []ssh.Signer{cfg.HostKey},
		// The idle and maximum timeouts are the guardedConn's own: socket
		// deadlines cannot end a session stuck on SSH flow control, and
		// they would cut it without restoring the visitor's terminal.
		HandshakeTimeout: cfg.HandshakeTimeout,
		ConnCallback:     s.connCallback,
		// Sessions only: no port forwarding, no global requests, no
		// subsystems (so no SFTP).
		ChannelHandlers:   map[string]ssh.ChannelHandler{"session": sessionChannel},
		RequestHandlers:   map[string]ssh.RequestHandler{},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{},
		ConnectionFailedCallback: func(c net.Conn, err error) {
			var authErr *gossh.ServerAuthError
			if errors.As(err, &authErr) {
				s.metrics.count(outcomeRefusedAuth)
			}
			s.log.Info("connection failed", "remote-addr", c.RemoteAddr().String(), "error", clipN(err.Error(), 160))
		},
	}
	// No password or keyboard-interactive handler is ever set, so the
	// SSH library offers neither method.
	if cfg.AuthorizedKeys != nil {
		s.keys.Store(cfg.AuthorizedKeys)
		s.ssh.PublicKeyHandler = publicKeyHandler(&s.keys, s.log)
	} else {
		s.ssh.ServerConfigCallback = openServerConfig(s.log)
	}
	s.ssh.Handler = wishrecover.MiddlewareWithLogger(s.log)(s.handle)
	return s, nil
}

// Fingerprint returns the SHA256 fingerprint of the host key, as ssh
// shows it to visitors.
func (s *Server) Fingerprint() string {
	return gossh.FingerprintSHA256(s.cfg.HostKey.PublicKey())
}

// Serve accepts connections on ln until Shutdown or Close. It returns
// ssh.ErrServerClosed after Shutdown or Close.
func (s *Server) Serve(ln net.Listener) error {
	if s.cfg.AuthorizedKeys == nil {
		s.log.Warn("open demo mode: anyone who can reach this address can connect; use --authorized-keys to restrict")
	} else {
		s.log.Info("public key authentication only", "authorized-keys", s.cfg.AuthorizedKeys.Len())
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "host-key", s.Fingerprint(),
		"max-sessions", s.cfg.MaxSessions, "idle-timeout", s.cfg.IdleTimeout, "max-session", s.cfg.MaxTimeout,
		"hibernate", s.cfg.Hibernate)
	s.lnMu.Lock()
	s.ln = ln
	closing := s.closing.Load()
	s.lnMu.Unlock()
	if closing {
		// Close or Shutdown came first: the SSH library never saw ln.
		ln.Close()
		return ssh.ErrServerClosed
	}
	s.listening.Store(true)
	err := s.ssh.Serve(s.proxyListener(ln))
	s.listening.Store(false)
	if errors.Is(err, ssh.ErrServerClosed) || s.closing.Load() {
		return ssh.ErrServerClosed
	}
	return fmt.Errorf("serving ssh: %w", err)
}
