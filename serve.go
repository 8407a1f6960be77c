package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"

	"lzdash/data"
	"lzdash/data/watch"
	"lzdash/internal/cli"
	"lzdash/internal/config"
	"lzdash/server"
)

// shutdownGrace is how long open sessions get to close after SIGINT or
// SIGTERM before their connections are cut; the process exits well
// within 10 seconds.
const shutdownGrace = 5 * time.Second

// runServe serves the dashboard over SSH until SIGINT or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	fs.Usage = serveUsage(fs)
	path := dataFlag(fs)
	lang := fs.String("lang", "", "`LANG` dashboards open in, zh or en, when the visitor's --lang or locale asks for neither (default: the config file's, else zh)")
	cfgPath := fs.String("config", "", "config `FILE` of the visitors' dashboards (lang, tab, theme, keys), read again on SIGHUP (default: none)")
	watching := fs.Bool("watch", false, "reload the --data file for every session when it changes")
	listen := fs.String("listen", "127.0.0.1:23234", "`ADDR` to listen on (host:port)")
	hostKey := fs.String("host-key", "", "host key `PATH`, created if missing (default: lzdash/host_ed25519 in the user config dir)")
	authKeys := fs.String("authorized-keys", "", "authorized_keys `PATH`: only these keys get in (default: open demo mode)")
	maxSessions := fs.Int("max-sessions", server.DefaultMaxSessions, "`N` sessions at most at once")
	idle := fs.Duration("idle-timeout", 15*time.Minute, "close a connection idle for `D` (0: never)")
	maxSession := fs.Duration("max-session", 2*time.Hour, "close any connection after `D` (0: never)")
	hibernate := fs.Duration("hibernate", server.DefaultHibernate, "stop the program of a dashboard with no input for `D`, keeping its state for the visitor's next key (0: never)")
	writeTimeout := fs.Duration("write-timeout", server.DefaultWriteTimeout, "drop a client that accepts no output for `D`")
	perAddr := fs.Int("max-conns-per-addr", server.DefaultMaxConnsPerAddr, "`N` connections at most from one IP address")
	handshakes := fs.Int("max-handshakes", server.DefaultMaxHandshakes, "`N` connections at most still authenticating, over all addresses")
	proxies := fs.String("proxy-protocol", "", "take PROXY protocol headers from these balancers only: `CIDR[,CIDR...]`")
	metricsAddr := fs.String("metrics", "", "serve /metrics, /healthz and /readyz on `ADDR` (a bare port means loopback; default: off)")
	drain := fs.Duration("drain", 3*time.Second, "on SIGTERM, let open sessions go on for `D` with no new ones before ending them")
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	var flags config.Flags
	if *lang != "" {
		l, err := parseLang(fs, *lang)
		if err != nil {
			return exitUsage
		}
		flags.Lang = l
	}
	switch {
	case *watching && *path == "":
		fmt.Fprintln(stderr, "lzdash serve: --watch needs --data FILE: the embedded dataset never changes")
		return exitUsage
	case *maxSessions < 1:
		fmt.Fprintln(stderr, "lzdash serve: --max-sessions must be at least 1")
		return exitUsage
	case *idle < 0 || *maxSession < 0:
		fmt.Fprintln(stderr, "lzdash serve: --idle-timeout and --max-session cannot be negative")
		return exitUsage
	case *hibernate != 0 && *hibernate < server.MinHibernate:
		fmt.Fprintf(stderr, "lzdash serve: --hibernate must be 0 or at least %v, past the dashboard's notices\n", server.MinHibernate)
		return exitUsage
	case *writeTimeout <= 0:
		fmt.Fprintln(stderr, "lzdash serve: --write-timeout must be positive")
		return exitUsage
	case *drain < 0 || *drain > 5*time.Second:
		fmt.Fprintln(stderr, "lzdash serve: --drain must be between 0 and 5s, so that a stop takes under 10 s")
		return exitUsage
	case *handshakes < 1:
		fmt.Fprintln(stderr, "lzdash serve: --max-handshakes must be at least 1")
		return exitUsage
	case *perAddr < 1:
		fmt.Fprintln(stderr, "lzdash serve: --max-conns-per-addr must be at least 1")
		return exitUsage
	}
	var trusted []*net.IPNet
	if *proxies != "" {
		var err error
		if trusted, err = server.ParseCIDRs(*proxies); err != nil {
			fmt.Fprintf(stderr, "lzdash serve: bad --proxy-protocol: %v\n", err)
			return exitUsage
		}
	}
	mAddr, err := metricsListenAddr(*metricsAddr)
	if err != nil {
		fmt.Fprintf(stderr, "lzdash serve: bad --metrics: %v\n", err)
		return exitUsage
	}
	if _, _, err := net.SplitHostPort(*listen); err != nil {
		fmt.Fprintf(stderr, "lzdash serve: bad --listen %q: want host:port, such as 127.0.0.1:23234\n", *listen)
		return exitUsage
	}
	if *hostKey == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			fmt.Fprintf(stderr, "lzdash serve: no user config dir (%v): give --host-key PATH\n", err)
			return exitUsage
		}
		*hostKey = filepath.Join(dir, "lzdash", "host_ed25519")
	}

	var w *watch.Watcher
	if *watching {
		w = watch.New(*path) // before the load, so that no change is missed
	}
	began := time.Now()
	ds, err := loadDataset(*path)
	if err != nil {
		cli.PrintLoadError(stderr, err)
		return exitData
	}
	loadTime := time.Since(began)
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "lzdash"})
	// The wish middlewares log through the default logger.
	log.SetDefault(logger)
	conf := serverConfig{path: *cfgPath, flags: flags}
	settings, err := conf.load(logger)
	if err != nil {
		fmt.Fprintf(stderr, "lzdash serve: --config: %s\n", data.Sanitize(err.Error()))
		return exitUsage
	}

	cfg := server.Config{
		Dataset: ds, Lang: settings.Lang, Tab: settings.Tab, Theme: settings.Theme, Keys: settings.Keys, Logger: logger,
		MaxSessions: *maxSessions, IdleTimeout: *idle, MaxTimeout: *maxSession, Hibernate: *hibernate,
		WriteTimeout: *writeTimeout, MaxConnsPerAddr: *perAddr,
		TrustedProxies: trusted, DrainTimeout: *drain, MaxHandshakes: *handshakes,
	}
	if *authKeys != "" {
		if cfg.AuthorizedKeys, err = server.LoadAuthorizedKeys(*authKeys); err != nil {
			fmt.Fprintf(stderr, "lzdash serve: %v\n", err)
			return exitData
		}
	}
	// An existing key is checked before listening; a missing one is
	// created only once the listener is up, so that a failed start
	// leaves nothing behind.
	var signer ssh.Signer
	if server.HostKeyExists(*hostKey) {
		if signer, _, err = server.LoadHostKey(*hostKey); err != nil {
			fmt.Fprintf(stderr, "lzdash serve: %v\n", err)
			return exitData
		}
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "lzdash serve: %v\n", err)
		return exitData
	}
	if signer == nil {
		var created bool
		if signer, created, err = server.LoadHostKey(*hostKey); err != nil {
			ln.Close()
			fmt.Fprintf(stderr, "lzdash serve: %v\n", err)
			return exitData
		}
		if created {
			logger.Info("created a new host key", "path", *hostKey)
		}
	}
	cfg.HostKey = signer
	// The collector's settings for serving; the local dashboard keeps
	// Go's defaults.
	gogc, limit := server.TuneGC(os.Getenv, *maxSessions)
	logger.Info("garbage collector", "GOGC", gogc, "memory-limit-MiB", limit>>20)
	srv, err := server.New(cfg)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "lzdash serve: %v\n", err)
		return exitData
	}
	srv.SetLoadTime(loadTime)
	var mln net.Listener
	if mAddr != "" {
		if mln, err = net.Listen("tcp", mAddr); err != nil {
			ln.Close()
			fmt.Fprintf(stderr, "lzdash serve: metrics: %v\n", err)
			return exitData
		}
		fmt.Fprintf(stdout, "lzdash: metrics on http://%s/metrics\n", mln.Addr())
	}
	fmt.Fprintf(stdout, "lzdash: serving on %s: connect with ssh -p %s %s\n", ln.Addr(), port(ln.Addr()), host(ln.Addr()))
	return serveUntilSignal(srv, ln, mln, w, reloader{path: *path, keys: *authKeys, config: conf}, logger)
}

// serveUsage prints serve's flags and how the garbage collector is set.
func serveUsage(fs *flag.FlagSet) func() {
	return func() {
		fmt.Fprintf(fs.Output(), "Usage of %s:\n", fs.Name())
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\nThe server runs with GOGC=%d and a soft memory limit of 64 MiB and 2 MiB\n"+
			"for each of --max-sessions; the GOGC and GOMEMLIMIT environment variables,\n"+
			"when set, decide instead.\n", server.ServeGCPercent)
	}
}

func port(a net.Addr) string {
	_, p, _ := net.SplitHostPort(a.String())
	return p
}

func host(a net.Addr) string {
	h, _, _ := net.SplitHostPort(a.String())
	if ip := net.ParseIP(h); ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		return "localhost"
	}
	return h
}

// serverConfig is the server's --config file, and the flags that win
// over it.
type serverConfig struct {
	path  string
	flags config.Flags
}

// load reads the config file, when there is one, and returns the
// settings of the visitors' dashboards. Its problems are logged, one by
// one, and the settings they concern are the defaults; only a file that
// cannot be read fails.
func (c serverConfig) load(logger *log.Logger) (server.Settings, error) {
	var file config.Config
	if c.path != "" {
		var err error
		file, err = config.Load(c.path)
		var ps data.Problems
		switch {
		case errors.As(err, &ps):
			for _, p := range ps {
				logger.Warn("config file problem: the setting is the default", "problem", p.Error())
			}
		case err != nil:
			return server.Settings{}, err
		}
	}
	st := config.Resolve(file, c.flags, nil)
	return server.Settings{Lang: st.Lang, Tab: st.Tab, Theme: st.Theme, Keys: st.Keys}, nil
}
